"""Systolic int8 arrays (Google TPU v1, ISCA 2017; SCALE-Sim's arrays): the ``systolic`` family.

Spec and YAML: :mod:`.spec`, :mod:`.load`, presets in ``presets/`` (``tpu-v1``,
``systolic-32x32``), SCALE-Sim ``.cfg`` files: :mod:`.scalesim_cfg`. Lowering (folds, tiles,
DMA): :mod:`.lower`, with SCALE-Sim's fold counting in :mod:`.scalesim_compat` and
:mod:`.scalesim_lowering` and per-cycle bank conflicts in :mod:`.bank_conflicts`. Timing and
accounting: :mod:`.sim`, with the host link (PCIe input and output) in :mod:`.host_link` and
Table 3's cycle categories in :mod:`.breakdown`. SRAM address traces: :mod:`.sram_traces`.
Published figures: :mod:`.validate`. Its kernels live in :mod:`accelsim.kernels` beside their twins.
"""

from __future__ import annotations

from pathlib import Path

from accelsim.family import Family, Option, Plot, check_trace_units, lazy


def _lower(net, spec, batch=1, input_on_chip=False, activations="layer"):
    from accelsim.families.systolic.lower import lower_network
    return lower_network(net, spec, batch, input_on_chip)


def _evaluate(trace, spec):
    from accelsim.errors import AccelsimError
    from accelsim.families.systolic.lower import UNITS
    from accelsim.families.systolic.sim import evaluate
    check_trace_units(trace, UNITS, "systolic")
    missing = [b.name for b in spec.buffers if b.name not in trace.memories]
    if missing:
        raise AccelsimError(f"trace has no memory {missing[0]!r} of arch {spec.name}; it was lowered "
                            f"for another arch ({trace.arch})", field="memories")
    result = evaluate(trace, spec)
    if spec.array.compat == "scalesim":
        from accelsim.families.systolic.scalesim_memory import apply_refill
        result = apply_refill(result, trace, spec)
    return result


def _list_row(a):
    from accelsim.units import format_bandwidth, format_bytes
    return (f"{a.array.rows}x{a.array.cols}", a.array.dataflow, f"{a.clock_hz / 1e6:g} MHz",
            " / ".join(format_bytes(b.capacity_bytes) for b in a.buffers),
            format_bandwidth(a.dram.bandwidth_bytes_per_s))


def _sram_traces(spec, net, batch, out_dir):
    from accelsim.families.systolic.sram_traces import write_network_traces
    write_network_traces(net, spec, batch, out_dir)
    return "", True


def _apps_roofline(spec, model, batch):
    from accelsim.families.systolic.plots import tpu_apps_roofline
    return tpu_apps_roofline(spec)


FAMILY = Family(
    name="systolic", title="systolic array",
    from_dict=lazy("accelsim.families.systolic.load", "systolic_from_dict"), list_row=_list_row, lower=_lower,
    evaluate=_evaluate, timeline=lazy("accelsim.families.systolic.sim", "run"),
    presets=Path(__file__).resolve().parent / "presets",
    checks=lazy("accelsim.families.systolic.validate", "tpu_checks"),
    options=(
        Option("--compat", "scalesim: count folds exactly as SCALE-Sim 3.0.0 (systolic arrays)",
               commands=("simulate", "lower", "run-trace"), choices=("none", "scalesim"), arch_key="array.compat"),
        Option("--scalesim-config", "a SCALE-Sim .cfg instead of --arch", commands=("simulate", "lower", "run-trace"),
               metavar="FILE.cfg", arch_reader=lazy("accelsim.families.systolic.scalesim_cfg", "load_scalesim_cfg")),
        Option("--sram-traces", "systolic arrays: write per-cycle SRAM address traces in SCALE-Sim's CSV layout "
               "(DIR/layer<i>/IFMAP|FILTER|OFMAP_SRAM_TRACE.csv)", metavar="DIR", run=_sram_traces, writes=True),
    ),
    plots=(Plot("roofline", "without --model: the TPU v1 paper's six apps (--arch tpu-v1)", _apps_roofline),),
    source="Jouppi et al., ISCA 2017 (TPU v1); SCALE-Sim 3.0.0",
)
