"""Sparse matrix x sparse vector engines (EIE, Han et al., ISCA 2016): the ``eie`` family.

Spec and YAML: :mod:`.spec`, preset in ``presets/``. Layout (rows interleaved over PEs, CSC
columns with relative indices and padding entries) and passes: :mod:`.lower`, with the
broadcast/queue schedule in :mod:`accelsim.kernels.sparse_mv`. Timing and energy: :mod:`.sim`.
Published figures: :mod:`.validate`. Only fully connected layers run here.
"""

from __future__ import annotations

from pathlib import Path

from accelsim.family import Family, check_trace_units


def _from_dict(raw, file=""):
    from accelsim.families.eie.spec import eie_from_dict
    return eie_from_dict(raw, file)


def _lower(net, spec, batch=1, input_on_chip=False, activations="layer", weights=None):
    from accelsim.families.eie.lower import lower_network
    return lower_network(net, spec, batch, activations, weights)[0]


def _evaluate(trace, spec):
    from accelsim.families.eie.lower import UNITS
    from accelsim.families.eie.sim import evaluate
    check_trace_units(trace, UNITS, "EIE")
    return evaluate(trace, spec)


def _timeline(trace, spec):
    from accelsim.families.eie.sim import run
    return run(trace, spec)


def _list_row(a):
    from accelsim.units import format_bandwidth, format_bytes
    return (f"{a.pes} PEs", f"sparse M x V, queue {a.queue_depth}", f"{a.clock_hz / 1e6:g} MHz",
            f"SpMat {format_bytes(a.spmat_bytes)} + ptr {format_bytes(a.ptr_bytes)} per PE",
            format_bandwidth(a.dram.bandwidth_bytes_per_s))


def _checks():
    from accelsim.families.eie.validate import eie_checks
    return eie_checks()


FAMILY = Family(
    name="eie", title="EIE",
    from_dict=_from_dict, list_row=_list_row, lower=_lower, evaluate=_evaluate, timeline=_timeline,
    presets=Path(__file__).resolve().parent / "presets", checks=_checks, uses_weights=True,
    source="Han et al., ISCA 2016 (EIE)",
)
