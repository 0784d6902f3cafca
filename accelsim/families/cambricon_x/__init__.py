"""Sparse CNN accelerators with an indexing module (Cambricon-X, Zhang et al., MICRO 2016): the ``cambricon_x`` family.

Spec and YAML: :mod:`.spec`, preset in ``presets/`` (``cambricon-x``). Channel groups, compressed
synapse streams and per-PE imbalance: :mod:`.lower`. Timing and energy: :mod:`.sim`. Published
figures and the speedup over the ``diannao`` preset: :mod:`.validate`.
"""

from __future__ import annotations

from pathlib import Path

from accelsim.family import Family, check_trace_units, lazy
from accelsim.workload.layer import CNN_OPS


def _lower(net, spec, batch=1, input_on_chip=False, activations="layer", weights=None):
    from accelsim.families.cambricon_x.lower import lower_network
    return lower_network(net, spec, batch, weights)[0]


def _evaluate(trace, spec):
    from accelsim.families.cambricon_x.lower import UNITS
    from accelsim.families.cambricon_x.sim import evaluate
    check_trace_units(trace, UNITS, "Cambricon-X")
    return evaluate(trace, spec)


def _list_row(a):
    from accelsim.units import format_bandwidth, format_bytes
    return (f"{a.pes} PEs x {a.tn} multipliers", f"sparse synapses, {a.indexing} indexing", f"{a.clock_hz / 1e6:g} MHz",
            f"NBin {format_bytes(a.nbin_bytes)}, NBout {format_bytes(a.nbout_bytes)}, SB {format_bytes(a.sb_bytes)}/PE",
            format_bandwidth(a.dram.bandwidth_bytes_per_s))


FAMILY = Family(
    name="cambricon_x", title="Cambricon-X",
    from_dict=lazy("accelsim.families.cambricon_x.spec", "cambricon_x_from_dict"), list_row=_list_row, lower=_lower,
    evaluate=_evaluate, timeline=lazy("accelsim.families.cambricon_x.sim", "run"),
    presets=Path(__file__).resolve().parent / "presets",
    checks=lazy("accelsim.families.cambricon_x.validate", "cambricon_x_checks"), uses_weights=True,
    source="Zhang et al., MICRO 2016 (Cambricon-X)",
    ops=CNN_OPS - {"matmul", "lrn"},
    ops_note=("its PEs multiply a sparse weight matrix by selected neurons and its output path applies fixed "
              "activations; it has no unit for exponentials, divisions or token-wide reductions (softmax, "
              "normalisation, LRN, GELU), and no product of two activation matrices (attention)"),
    train_note=("its PEs multiply a sparse weight matrix by selected neurons: a weight gradient is a product of two activation tensors, and nothing on the chip updates weights"),
)
