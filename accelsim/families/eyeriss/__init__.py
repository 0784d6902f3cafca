"""Row-stationary spatial arrays (MIT Eyeriss, ISCA 2016, JSSC 2017): the ``eyeriss`` family.

Spec and YAML: :mod:`.spec`, preset in ``presets/``. Mapping (logical PE sets, folding and
replication onto the PE array, the mapper's search) and lowering: :mod:`.lower`, with the
search kernel in :mod:`accelsim.kernels.rs_mapper`. Timing and accounting: :mod:`.sim`. The
RS vs WS/OS/NLR energy comparison: :mod:`.dataflows`. Published figures: :mod:`.validate`.
"""

from __future__ import annotations

from pathlib import Path

from accelsim.family import Family, Plot, check_trace_units, lazy
from accelsim.workload.layer import CNN_OPS, TRAIN_OPS


def _lower(net, spec, batch=1, input_on_chip=False, activations="layer"):
    from accelsim.errors import AccelsimError
    from accelsim.families.eyeriss.lower import lower_network
    dens = None
    if activations == "functional":
        from accelsim.compress import synthetic_weights
        from accelsim.compress.functional import activation_densities
        dens = activation_densities(net, synthetic_weights(net, seed=0))
    elif activations != "layer":
        raise AccelsimError(f"must be layer or functional, got {activations!r}", field="--activations")
    return lower_network(net, spec, batch, densities=dens)[0]


def _evaluate(trace, spec):
    from accelsim.families.eyeriss.lower import UNITS
    from accelsim.families.eyeriss.sim import evaluate
    check_trace_units(trace, UNITS, "Eyeriss")
    return evaluate(trace, spec)


def _list_row(a):
    from accelsim.units import format_bandwidth, format_bytes
    return (f"{a.pe_rows}x{a.pe_cols}", "row stationary", f"{a.clock_hz / 1e6:g} MHz",
            f"GLB {format_bytes(a.glb_bytes)} + {format_bytes(a.glb_filter_bytes)}",
            format_bandwidth(a.dram.bandwidth_bytes_per_s))


def _dataflows(spec, model, batch):
    from accelsim.families.eyeriss.dataflows import figure
    return figure(model or "alexnet", batch if batch > 1 else 16)


FAMILY = Family(
    name="eyeriss", title="Eyeriss",
    from_dict=lazy("accelsim.families.eyeriss.spec", "eyeriss_from_dict"), list_row=_list_row, lower=_lower,
    evaluate=_evaluate, timeline=lazy("accelsim.families.eyeriss.sim", "run"),
    presets=Path(__file__).resolve().parent / "presets",
    checks=lazy("accelsim.families.eyeriss.validate", "eyeriss_checks"),
    plots=(Plot("dataflows", "RS against WS, OS and NLR: energy per level on a model's CONV layers "
                "(--model, default alexnet; batch 16)", _dataflows),),
    source="Chen, Krishna, Emer and Sze, ISCA 2016 and JSSC 2017",
    ops=(CNN_OPS - {"lrn"}) | TRAIN_OPS,
    ops_note=("its PEs multiply-accumulate and its output path clamps (ReLU); nothing on the chip computes "
              "exponentials, divisions or reductions across a token (softmax, normalisation, LRN, GELU), gathers "
              "table rows or appends to a cache"),
)
