"""The discrete-event engine: every unit of a trace as one SimPy process, time in cycles.

A unit runs its ops in trace order. An op starts once its unit is free and every op it
depends on has completed; a family supplies the timing of its compute unit (for the
systolic array, :mod:`accelsim.sim.systolic`), the engine supplies the rest:

- a DMA unit (``load``/``store`` ops) hands each transfer to the run's DRAM model
  (``transfer(now, addr, bytes, write, tag) -> (issued, done)``, shared by all DMA units,
  see :mod:`accelsim.sim.dram`); the unit issues its next transfer once the DRAM has taken
  the last byte, and the op completes when the data has arrived, so transfers on one unit
  pipeline behind the latency.
- the vector unit takes ``ceil(vops / lanes)`` cycles per op.

The engine steps by op, never by cycle: durations come from pure functions, and one
SimPy event marks each op's completion.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import simpy

from accelsim.trace import COMPUTE, LOAD, STORE, VECTOR, Trace


@dataclass(frozen=True)
class Timeline:
    """When each op of a trace ran (cycles): ``start``, ``end`` (completion) and ``ready``.

    ``ready`` is when the last dependency completed; ``start`` is when the unit began the op
    (for a DMA op, when it handed the transfer to DRAM; for a fold, when its stream started).
    """

    ready: np.ndarray
    start: np.ndarray
    end: np.ndarray

    @property
    def makespan(self) -> int:
        """Cycle at which the last op completes."""
        return int(self.end.max()) if self.end.size else 0


#: A compute-unit process: ``(env, ops, deps, done, tl) -> generator`` where ``ops`` are the op ids
#: of that unit in order, ``deps(i)`` yields SimPy events, ``done[i]`` is the op's completion event
#: and ``tl`` the arrays (ready/start/end) to fill in.
UnitProcess = Callable[..., object]


class _Ctx:
    """Per-run state shared by the unit processes: events, the DRAM channel, the timeline arrays."""

    def __init__(self, trace: Trace, dram) -> None:
        n = len(trace)
        self.env = simpy.Environment()
        self.trace = trace
        self.dram = dram
        self.done = [self.env.event() for _ in range(n)]
        self.ready = np.zeros(n, np.int64)
        self.start = np.zeros(n, np.int64)
        self.end = np.zeros(n, np.int64)

    def wait_deps(self, i: int):
        """Generator: wait for op ``i``'s dependencies; sets ``ready[i]``."""
        deps = self.trace.deps_of(i)
        if deps.size:
            evs = [self.done[d] for d in deps]
            pending = [e for e in evs if not e.triggered]
            if pending:
                yield self.env.all_of(pending)
            self.ready[i] = int(self.end[deps].max())
        else:
            self.ready[i] = 0

    def finish_at(self, i: int, cycle: int) -> None:
        """Record op ``i`` as completing at ``cycle`` (now or later) and fire its event then."""
        self.end[i] = cycle
        delay = cycle - int(self.env.now)
        if delay <= 0:
            self.done[i].succeed()
        else:
            self.env.timeout(delay).callbacks.append(lambda _e, ev=self.done[i]: ev.succeed())


def _dma_unit(ctx: _Ctx, ops: np.ndarray):
    t = ctx.trace.ops
    env = ctx.env
    for i in ops:
        i = int(i)
        yield from ctx.wait_deps(i)
        now = int(env.now)
        ctx.start[i] = now
        issued, done = ctx.dram.transfer(now, int(t["addr"][i]), int(t["bytes"][i]), int(t["kind"][i]) == STORE,
                                         int(t["layer"][i]))
        ctx.finish_at(i, done)
        if issued > now:
            yield env.timeout(issued - now)


def _vector_unit(ctx: _Ctx, ops: np.ndarray, lanes: int):
    t = ctx.trace.ops
    env = ctx.env
    free = 0
    for i in ops:
        i = int(i)
        yield from ctx.wait_deps(i)
        s = max(int(env.now), free)
        ctx.start[i] = s
        free = s + vector_cycles(int(t["vops"][i]), lanes)
        ctx.finish_at(i, free)
        if free > env.now:
            yield env.timeout(free - int(env.now))


def vector_cycles(vops: int, lanes: int) -> int:
    """Cycles for ``vops`` element operations on a ``lanes``-wide vector unit (at least 1)."""
    return max(1, -(-vops // lanes))


def run(trace: Trace, dram, lanes: int, compute: UnitProcess) -> Timeline:
    """Run ``trace``: DMA and vector units here, the compute unit from ``compute``; returns the timeline.

    ``dram`` is the run's DRAM model (fresh state), offering ``transfer`` as described above.
    """
    ctx = _Ctx(trace, dram)
    kinds = trace.ops["kind"]
    units = trace.ops["unit"]
    for u in range(len(trace.units)):
        ops = np.flatnonzero(units == u)
        if not ops.size:
            continue
        k = set(np.unique(kinds[ops]).tolist())
        if k <= {LOAD, STORE}:
            ctx.env.process(_dma_unit(ctx, ops))
        elif k == {VECTOR}:
            ctx.env.process(_vector_unit(ctx, ops, lanes))
        elif k == {COMPUTE}:
            ctx.env.process(compute(ctx, ops))
        else:
            raise ValueError(f"unit {trace.units[u]} mixes op kinds {sorted(k)}")
    ctx.env.run()
    unfinished = [i for i, e in enumerate(ctx.done) if not e.triggered]
    if unfinished:
        raise RuntimeError(f"trace deadlocked: op {unfinished[0]} never ran")
    return Timeline(ctx.ready, ctx.start, ctx.end)
