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
    """Per-run state shared by the unit processes: completion times and the events waiters need.

    An op's completion is a time, not necessarily an event: a waiter whose dependencies have
    all been scheduled just sleeps until the latest of their end times. Only a dependency not
    yet scheduled gets an event, created on demand, so most ops cost no SimPy event at all.
    Columns of the op table are held as Python lists (indexing NumPy scalars per op is slow).
    """

    def __init__(self, trace: Trace, dram) -> None:
        n = len(trace)
        self.env = simpy.Environment()
        self.trace = trace
        self.dram = dram
        ptr = trace.dep_ptr.tolist()
        idx = trace.dep_idx.tolist()
        self.deps = [idx[ptr[i]:ptr[i + 1]] for i in range(n)]
        self.scheduled = [False] * n
        self.waiting: dict[int, simpy.Event] = {}
        self.ready = [0] * n
        self.start = [0] * n
        self.end = [0] * n
        self._cols: dict[str, list] = {}

    def col(self, name: str) -> list:
        """Column ``name`` of the op table as a Python list."""
        if name not in self._cols:
            self._cols[name] = self.trace.ops[name].tolist()
        return self._cols[name]

    def wait_deps(self, i: int):
        """Generator: wait until op ``i``'s dependencies have completed; sets ``ready[i]``."""
        deps = self.deps[i]
        if not deps:
            return
        env = self.env
        for d in deps:
            if not self.scheduled[d]:
                ev = self.waiting.get(d)
                if ev is None:
                    ev = self.waiting[d] = env.event()
                yield ev
        end = self.end
        r = max(end[d] for d in deps)
        self.ready[i] = r
        if r > env.now:
            yield env.timeout(r - env.now)

    def finish_at(self, i: int, cycle: int) -> None:
        """Record op ``i`` as completing at ``cycle`` (now or later)."""
        self.end[i] = cycle
        self.scheduled[i] = True
        ev = self.waiting.pop(i, None)
        if ev is not None:
            ev.succeed()  # waiters then sleep until the end time themselves


def _dma_unit(ctx: _Ctx, ops: list[int]):
    env = ctx.env
    addr, nbytes, kind, layer = ctx.col("addr"), ctx.col("bytes"), ctx.col("kind"), ctx.col("layer")
    for i in ops:
        yield from ctx.wait_deps(i)
        now = env.now
        ctx.start[i] = now
        issued, done = ctx.dram.transfer(now, addr[i], nbytes[i], kind[i] == STORE, layer[i])
        ctx.finish_at(i, done)
        if issued > now:
            yield env.timeout(issued - now)


def _vector_unit(ctx: _Ctx, ops: list[int], lanes: int):
    env = ctx.env
    vops = ctx.col("vops")
    free = 0
    for i in ops:
        yield from ctx.wait_deps(i)
        s = max(env.now, free)
        ctx.start[i] = s
        free = s + vector_cycles(vops[i], lanes)
        ctx.finish_at(i, free)
        if free > env.now:
            yield env.timeout(free - env.now)


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
        sel = np.flatnonzero(units == u)
        if not sel.size:
            continue
        k = set(np.unique(kinds[sel]).tolist())
        ops = sel.tolist()
        if k <= {LOAD, STORE}:
            ctx.env.process(_dma_unit(ctx, ops))
        elif k == {VECTOR}:
            ctx.env.process(_vector_unit(ctx, ops, lanes))
        elif k == {COMPUTE}:
            ctx.env.process(compute(ctx, ops))
        else:
            raise ValueError(f"unit {trace.units[u]} mixes op kinds {sorted(k)}")
    ctx.env.run()
    if not all(ctx.scheduled):
        raise RuntimeError(f"trace deadlocked: op {ctx.scheduled.index(False)} never ran")
    return Timeline(np.array(ctx.ready, np.int64), np.array(ctx.start, np.int64), np.array(ctx.end, np.int64))
