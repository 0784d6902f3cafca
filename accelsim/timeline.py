"""A run's timeline written as a Perfetto / Chrome trace-event file (``accelsim simulate --timeline FILE.json``).

Families with an op timeline lower the model and replay the trace (:mod:`accelsim.sim.perfetto`); families that
run programs give an instruction-level document of their own (``Family.perfetto``). A training step's timeline
carries each op's phase and a ``phase`` track (forward, backward, update).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from accelsim.errors import AccelsimError


def check_timeline(arch: Any) -> None:
    """An :class:`AccelsimError` on ``--timeline`` when ``arch``'s family draws no timeline."""
    from accelsim.registry import family_of
    fam = family_of(arch)
    if fam.timeline is None and fam.perfetto is None:
        raise AccelsimError(f"{fam.title} archs have no timeline", field="--timeline")


def write_timeline(path: str | Path, model: Any, arch: Any, batch: int = 1, input_on_chip: bool = False,
                   train: bool = False, optimizer: str | None = None) -> None:
    """Run ``model`` (a training step of it with ``train``) on ``arch`` and write its timeline to ``path``."""
    from accelsim.api import lower, timeline
    from accelsim.registry import family_of
    from accelsim.trace import atomic_write_text
    check_timeline(arch)
    fam = family_of(arch)
    if fam.timeline is not None:
        from accelsim.sim.perfetto import write_trace_events
        trace = lower(model, arch, batch, input_on_chip, train=train, optimizer=optimizer)
        phases = None
        if train:
            from accelsim.workload import Network, load_model
            from accelsim.workload.training import training_step
            net = model if isinstance(model, Network) else load_model(model)
            phases = {l.name: l.phase for l in training_step(net, optimizer or "sgd").layers}
        write_trace_events(trace, timeline(trace, arch), arch.clock_hz, path, phases)
        return
    if train:
        raise AccelsimError(f"{fam.title} archs draw instruction-level timelines of inference only", field="--timeline")
    from accelsim.workload import load_model
    doc = fam.perfetto(load_model(model), arch, batch)
    atomic_write_text(path, json.dumps(doc, separators=(",", ":")) + "\n")
