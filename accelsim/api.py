"""The public entry points: simulate a network on an arch, replay a trace.

``simulate`` runs the whole spine: workload -> lower -> trace -> sim -> Result. Each stage is
a plain function; this module only wires them.
"""

from __future__ import annotations

from pathlib import Path

from accelsim.arch.load import load_arch
from accelsim.arch.eyeriss import EyerissSpec
from accelsim.arch.spec import ArchSpec
from accelsim.errors import AccelsimError
from accelsim.result import Result
from accelsim.trace import Trace
from accelsim.workload import Network, load_model


def _arch(arch: ArchSpec | EyerissSpec | str | Path):
    return arch if isinstance(arch, (ArchSpec, EyerissSpec)) else load_arch(arch)


def _network(model: Network | str | Path) -> Network:
    return model if isinstance(model, Network) else load_model(model)


def lower(model: Network | str | Path, arch: ArchSpec | str | Path, batch: int = 1,
          input_on_chip: bool = False) -> Trace:
    """Lower ``model`` for ``arch`` at ``batch`` samples; returns the trace.

    ``input_on_chip``: the network input is already in the input buffer (not read from DRAM).
    """
    spec = _arch(arch)
    net = _network(model)
    if spec.family == "systolic":
        from accelsim.lower.systolic import lower_network
        return lower_network(net, spec, batch, input_on_chip)
    if spec.family == "eyeriss":
        from accelsim.lower.eyeriss import lower_network as lower_rs
        return lower_rs(net, spec, batch)[0]
    raise AccelsimError(f"family {spec.family!r} has no lowering yet", file=spec.file, field="family")


def run_trace(trace: Trace, arch: ArchSpec | str | Path) -> Result:
    """Simulate a lowered trace on ``arch``; returns per-layer cycles, traffic and energy."""
    spec = _arch(arch)
    if spec.family == "systolic":
        from accelsim.lower.systolic import UNITS
        from accelsim.sim.systolic import evaluate
        if tuple(trace.units) != UNITS:
            raise AccelsimError(f"trace units {' '.join(trace.units)} are not the systolic units "
                                f"{' '.join(UNITS)}", field="units")
        missing = [b.name for b in spec.buffers if b.name not in trace.memories]
        if missing:
            raise AccelsimError(f"trace has no memory {missing[0]!r} of arch {spec.name}; it was lowered "
                                f"for another arch ({trace.arch})", field="memories")
        return evaluate(trace, spec)
    if spec.family == "eyeriss":
        from accelsim.lower.eyeriss import UNITS as RS_UNITS
        from accelsim.sim.eyeriss import evaluate as evaluate_rs
        if tuple(trace.units) != RS_UNITS:
            raise AccelsimError(f"trace units {' '.join(trace.units)} are not the Eyeriss units "
                                f"{' '.join(RS_UNITS)}", field="units")
        return evaluate_rs(trace, spec)
    raise AccelsimError(f"family {spec.family!r} has no simulator yet", file=spec.file, field="family")


def simulate(model: Network | str | Path, arch: ArchSpec | str | Path, batch: int = 1,
             input_on_chip: bool = False) -> Result:
    """Simulate ``model`` (a Network, zoo name or model file) on ``arch`` (spec, preset or YAML) at ``batch``.

    ``input_on_chip``: start with the network input in the input buffer instead of DRAM.
    """
    spec = _arch(arch)
    return run_trace(lower(model, spec, batch, input_on_chip), spec)
