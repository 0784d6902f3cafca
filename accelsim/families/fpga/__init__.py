"""Tiled FPGA pipelines (Qiu et al., FPGA 2016; block convolution with layer fusion, Li et al., DATE 2018).

The ``fpga`` family. Spec and YAML (device budgets, engine, DDR): :mod:`.spec`, presets in
``presets/`` (``qiu16-zc706``, ``blockconv-zc706``). Tm/Tn/Tr/Tc tiling, ping-pong buffers,
fusion groups and block halos: :mod:`.lower`, with the tile search in
:mod:`accelsim.kernels.fpga_tiles`. Timing and accounting: :mod:`.sim`. Published figures:
:mod:`.validate`.
"""

from __future__ import annotations

from pathlib import Path

from accelsim.family import Family, check_trace_units, lazy
from accelsim.workload.layer import CNN_OPS


def _lower(net, spec, batch=1, input_on_chip=False, activations="layer"):
    from accelsim.families.fpga.lower import lower_network
    return lower_network(net, spec, batch)[0]


def _evaluate(trace, spec):
    from accelsim.families.fpga.lower import UNITS
    from accelsim.families.fpga.sim import evaluate_trace
    check_trace_units(trace, UNITS, "FPGA")
    return evaluate_trace(trace, spec)


def _list_row(a):
    from accelsim.units import format_bandwidth
    engine = f"{a.tm}x{a.tn} {a.kernel}x{a.kernel} convolvers" if a.tm and a.tn else \
        f"{a.kernel}x{a.kernel} convolvers, Tm x Tn from the tile search"
    return (engine, f"tiled, fusion {a.fusion}",
            f"{a.clock_hz / 1e6:g} MHz", f"{a.device.name} BRAM", format_bandwidth(a.dram.bandwidth_bytes_per_s)
            + (f" (AXI {format_bandwidth(a.stream_bytes_per_s)})" if a.axi else ""))


FAMILY = Family(
    name="fpga", title="FPGA",
    from_dict=lazy("accelsim.families.fpga.spec", "fpga_from_dict"), list_row=_list_row, lower=_lower,
    evaluate=_evaluate, timeline=lazy("accelsim.families.fpga.sim", "run"),
    presets=Path(__file__).resolve().parent / "presets", checks=lazy("accelsim.families.fpga.validate", "fpga_checks"),
    source="Qiu et al., FPGA 2016; Li et al., DATE 2018",
    ops=CNN_OPS - {"lrn"},
    ops_note=("the design's convolvers and adder trees multiply-accumulate, with ReLU and pooling on the output; it"
              " has no unit for exponentials, divisions or token-wide reductions (softmax, normalisation, LRN, GELU), "
              "table gathers or cache appends"),
    train_note=("its pipeline runs inference: no unit updates weights (an element-wise float32 pass over weights and optimizer state) or writes weight gradients back"),
)
