"""A toy chip family that lives outside accelsim, as a user's own package would: one scalar MAC unit, one buffer.

``toy_chip`` is registered through the entry-point group ``accelsim.families`` (the test
writes the entry-point metadata that ``pip install`` would) and then runs through every
command with no edit to accelsim. The model: each MAC layer is cut into tiles whose weights
and inputs fit the buffer; a tile is loaded from DRAM, its MACs run ``lanes`` a cycle, its
outputs are stored; other layers run one element a cycle on the same unit's vector path.
"""

from __future__ import annotations

from pathlib import Path

from accelsim.family import Family, Option, check_trace_units, lazy

UNITS = ("dma_in", "dma_out", "mac", "vector")


def _lower(net, spec, batch=1, input_on_chip=False, activations="layer"):
    from toy_chip.model import lower_network
    return lower_network(net, spec, batch)


def _evaluate(trace, spec):
    from toy_chip.model import evaluate
    check_trace_units(trace, UNITS, "toy")
    return evaluate(trace, spec)


def _list_row(a):
    return (f"1 MAC unit, {a.lanes} lanes", "scalar", f"{a.clock_hz / 1e6:g} MHz", f"buffer {a.buffer_bytes} B",
            f"{a.dram.bandwidth_bytes_per_s / 1e9:g} GB/s")


def _checks():
    from accelsim.check import Check
    from accelsim.registry import load_arch
    spec = load_arch("toy-mac")
    return [Check("toy peak", 2.0 * spec.lanes * spec.clock_hz / 1e9, 2 * spec.peak_macs_per_s / 1e9, 0.0, "GOP/s",
                  "the toy preset itself (lanes x clock)")]


def _banner(spec, net, batch, value):
    return f"toy: {net.name} on {spec.name} ({spec.lanes} lanes)", True


FAMILY = Family(
    name="toy", title="toy MAC unit", from_dict=lazy("toy_chip.spec", "toy_from_dict"), list_row=_list_row,
    lower=_lower, evaluate=_evaluate,
    timeline=lazy("toy_chip.model", "run"), presets=Path(__file__).resolve().parent / "presets", checks=_checks,
    options=(Option("--toy-banner", "toy MAC unit: print a line before the run", is_flag=True, run=_banner),),
    source="tests/families/toy_chip (an example, not a real chip)",
)
