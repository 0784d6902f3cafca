"""Sparse matrix x sparse vector engines (EIE, Han et al., ISCA 2016): the ``eie`` family.

Spec and YAML: :mod:`.spec`, preset in ``presets/``. Layout (rows interleaved over PEs, CSC
columns with relative indices and padding entries) and passes: :mod:`.lower`, with the
broadcast/queue schedule in :mod:`accelsim.kernels.sparse_mv`. Timing and energy: :mod:`.sim`.
Published figures: :mod:`.validate`. Fully connected layers run here, and the element-wise add,
mul and activation layers of an LSTM (on the PEs, over their own rows).
"""

from __future__ import annotations

from pathlib import Path

from accelsim.family import Family, check_trace_units, lazy


def _lower(net, spec, batch=1, input_on_chip=False, activations="layer", weights=None):
    from accelsim.families.eie.lower import lower_network
    return lower_network(net, spec, batch, activations, weights)[0]


def _evaluate(trace, spec):
    from accelsim.families.eie.lower import UNITS
    from accelsim.families.eie.sim import evaluate
    check_trace_units(trace, UNITS, "EIE")
    return evaluate(trace, spec)


def _list_row(a):
    from accelsim.units import format_bandwidth, format_bytes
    return (f"{a.pes} PEs", f"sparse M x V, queue {a.queue_depth}", f"{a.clock_hz / 1e6:g} MHz",
            f"SpMat {format_bytes(a.spmat_bytes)} + ptr {format_bytes(a.ptr_bytes)} per PE",
            format_bandwidth(a.dram.bandwidth_bytes_per_s))


FAMILY = Family(
    name="eie", title="EIE",
    from_dict=lazy("accelsim.families.eie.spec", "eie_from_dict"), list_row=_list_row, lower=_lower,
    evaluate=_evaluate, timeline=lazy("accelsim.families.eie.sim", "run"),
    presets=Path(__file__).resolve().parent / "presets",
    checks=lazy("accelsim.families.eie.validate", "eie_checks"), uses_weights=True,
    source="Han et al., ISCA 2016 (EIE)",
)
