"""The discrete-event engine: every unit of a trace as one SimPy process, time in cycles.

A unit runs its ops in trace order. An op starts once its unit is free and every op it
depends on has completed; a family supplies the timing of its compute unit (for the
systolic array, :mod:`accelsim.families.systolic.sim`), the engine supplies the rest:

- a DMA unit (``load``/``store`` ops) hands each transfer to the run's DRAM model
  (``transfer(now, addr, bytes, write, tag) -> (issued, done)``, shared by all DMA units,
  see :mod:`accelsim.sim.dram`); the unit issues its next transfer once the DRAM has taken
  the last byte, and the op completes when the data has arrived, so transfers on one unit
  pipeline behind the latency.
- the vector unit takes ``ceil(vops / lanes)`` cycles per op.

The engine steps by op, never by cycle: durations come from pure functions, and one
SimPy event marks each op's completion.

Two implementations of the same semantics: :func:`run` (SimPy processes, the readable
reference, any compute unit) and :func:`run_events` (the same events in the same order in a
compiled loop, :mod:`accelsim.kernels.event_loop`, for the fold-recurrence array every family
here uses; 10-40x faster, which sweeps need). The families run on :func:`run_events`;
``tests/sim/test_event_loop.py`` holds it to :func:`run` cycle for cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import simpy

from accelsim.trace import COMPUTE, LOAD, STORE, VECTOR, Trace

# A run whose event-loop kernel is not compiled yet runs the kernel's code as Python when it is
# at most this big (ops, DRAM bytes): about 2 s in CPython for ResNet-50 at batch 8 on tpu-v1,
# against 20 s of compiling (accelsim.kernels.coldstart)
COLD_PYTHON_OPS = 4000
COLD_PYTHON_BYTES = 512 << 20


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


def processes(trace: Trace) -> tuple[list[int], list[np.ndarray]]:
    """The trace's units that have ops, as ``(kind per process, op ids per process)`` in unit order.

    Kinds are those of :mod:`accelsim.kernels.event_loop` (DMA, VECTOR, ARRAY), taken from each
    unit's first op: a trace runs one kind of op per unit (:meth:`Trace.validate` refuses a mix).
    """
    from accelsim.kernels.event_loop import ARRAY, DMA, VECTOR as VEC
    process_of = {LOAD: DMA, STORE: DMA, COMPUTE: ARRAY, VECTOR: VEC}
    kinds, units = trace.ops["kind"], trace.ops["unit"]
    out_kinds, out_ops = [], []
    for u in range(len(trace.units)):
        sel = np.flatnonzero(units == u)
        if sel.size:
            out_kinds.append(process_of[int(kinds[sel[0]])])
            out_ops.append(sel)
    return out_kinds, out_ops


def run_events(trace: Trace, dram, lanes: int, overlap: bool,
               extra: tuple[np.ndarray, np.ndarray] | None = None) -> Timeline:
    """:func:`run` with the fold-recurrence array unit, as a compiled event loop: same timeline, no SimPy.

    ``overlap`` and ``extra`` are those of :func:`accelsim.families.systolic.sim.array_unit`. A fresh
    bandwidth + latency channel runs inside the Numba kernel, and so does the DRAM timing
    model on its request path (banks, rows, refresh; any state), with a host link beside it
    (``route()``) and ports in front of it (``port_args()``, ``book_ports()``) if the memory side
    has them; any other DRAM model (the timing model's stream path, ports in front of a bandwidth
    channel) is called op by op from the same loop in Python. Either way the DRAM model ends in the
    state the SimPy run leaves it in (``bus_free``, busy cycles, bandwidth series, the timing
    model's own statistics, the ports' channels and port-bound count). ``tests/sim/test_event_loop.py`` holds the two engines equal.
    """
    from accelsim.kernels import event_loop as ev
    from accelsim.kernels.coldstart import call
    from accelsim.sim.dram import BandwidthChannel
    from accelsim.sim.dram_timing import DramModel
    kinds, per_proc = processes(trace)
    ops = trace.ops
    n = len(ops)
    unit_ptr = np.zeros(len(per_proc) + 1, np.int64)
    unit_ptr[1:] = np.cumsum([len(s) for s in per_proc]) if per_proc else []
    unit_ops = np.concatenate(per_proc).astype(np.int64) if per_proc else np.zeros(0, np.int64)
    col = {f: ops[f].astype(np.int64) for f in ("bytes", "preload", "stream", "div", "drain", "vops")}
    pre_held, held = extra if extra is not None else (np.zeros(n, np.int64),) * 2
    args = (np.array(kinds, np.int64), unit_ptr, unit_ops, trace.dep_ptr.astype(np.int64),
            trace.dep_idx.astype(np.int64))
    fresh = isinstance(dram, BandwidthChannel) and dram.bus_free == 0 and not dram.series.bins
    # ports in front of the memory (an FPGA's AXI ports) say so; the timing kernel holds them as channels
    behind, port_bpc, port_free = dram, 0.0, np.zeros(2, np.int64)
    if getattr(dram, "port_args", None) is not None:
        behind, port_bpc, port_free = dram.port_args()
    # a memory side that routes an address window to a link beside the DRAM (TPU v1's PCIe) says so
    inner, link, host_addr = behind, None, ev.NO_HOST
    if getattr(behind, "route", None) is not None:
        inner, link, host_addr = behind.route()
        if not (isinstance(link, BandwidthChannel) and link.bus_free == 0 and not link.series.bins
                and link.dram.latency_cycles == 0):
            inner = None  # a link this loop does not model: the Python loop below
    if getattr(behind, "port_args", None) is not None:
        inner = None  # ports behind ports: the Python loop below
    if fresh:
        ready, start, end, chan_start, issued, order, busy, stuck = call(
            ev.event_loop, *args, col["bytes"], col["preload"], col["stream"], col["div"], col["drain"],
            np.asarray(pre_held, np.int64), np.asarray(held, np.int64), col["vops"], int(lanes), bool(overlap),
            float(dram.dram.bytes_per_cycle), int(dram.dram.latency_cycles), small=n <= COLD_PYTHON_OPS)
        if order.size:
            dram.bus_free = int(issued[order[-1]])
        dram.busy_cycles += int(busy)
        dram.series.add_all(chan_start[order], issued[order], col["bytes"][order])
    elif isinstance(inner, DramModel) and inner.path == "request":
        write = ops["kind"] == STORE
        addr = ops["addr"].astype(np.int64)
        params, state, ratio, frontend = inner.kernel_args()
        small = n <= COLD_PYTHON_OPS and int(col["bytes"].sum()) <= COLD_PYTHON_BYTES
        host_bpc = float(link.dram.bytes_per_cycle) if link is not None else 1.0
        ready, start, end, issued, order, counts, stuck, *state, mem_end, port_free, port_bound = call(
            ev.event_loop_dram, *args, col["bytes"], col["preload"], col["stream"], col["div"], col["drain"],
            np.asarray(pre_held, np.int64), np.asarray(held, np.int64), col["vops"], int(lanes), bool(overlap),
            addr, write, params, *state, ratio, frontend, int(host_addr), host_bpc, float(port_bpc),
            np.asarray(port_free, np.int64), small=small)
        inner.book(tuple(state), start[order], mem_end[order], addr[order], col["bytes"][order], write[order],
                   ops["layer"][order].astype(np.int64), counts[order])
        if link is not None:
            _book_link(link, kinds, per_proc, addr >= host_addr, issued, col["bytes"], write)
        if behind is not dram:
            dram.book_ports(port_free, int(port_bound))
    else:
        addr, nbytes, layer = ops["addr"].tolist(), col["bytes"].tolist(), ops["layer"].tolist()
        write = (ops["kind"] == STORE).tolist()
        ready, start, end, stuck = ev.event_loop_py(
            *args, col["preload"], col["stream"], col["div"], col["drain"],
            np.asarray(pre_held, np.int64), np.asarray(held, np.int64), col["vops"], int(lanes), bool(overlap),
            lambda i, now: dram.transfer(now, addr[i], nbytes[i], write[i], layer[i]))
    if stuck >= 0:
        raise RuntimeError(f"trace deadlocked: op {int(stuck)} never ran")
    return Timeline(ready, start, end)


def _book_link(link, kinds, per_proc, window, issued, nbytes, write) -> None:
    """Leave ``link`` (a :class:`accelsim.sim.dram.BandwidthChannel`) as serving the DMA ops in its address
    ``window`` one by one would: the compiled loop timed them (``issued``); here its bus, busy cycles and
    bandwidth series follow."""
    from accelsim.kernels.event_loop import DMA
    dma = np.zeros(len(window), bool)
    for kind, sel in zip(kinds, per_proc):
        if kind == DMA:
            dma[sel] = True
    ops = np.flatnonzero(dma & window)
    if not ops.size:
        return
    burst = np.array([link.dram.burst_cycles(int(b), bool(w)) for b, w in zip(nbytes[ops], write[ops])], np.int64)
    begin = issued[ops] - burst
    # one bus: served in the order they started; two can start together only if the first takes no
    # cycles (a zero-byte transfer), so ties go to the one that ends first
    order = np.lexsort((issued[ops], begin))
    link.bus_free = int(issued[ops][order][-1])
    link.busy_cycles += int(burst.sum())
    link.series.add_all(begin[order], issued[ops][order], nbytes[ops][order])


def run(trace: Trace, dram, lanes: int, compute: UnitProcess) -> Timeline:
    """Run ``trace``: DMA and vector units here, the compute unit from ``compute``; returns the timeline.

    ``dram`` is the run's DRAM model (fresh state), offering ``transfer`` as described above.
    """
    from accelsim.kernels.event_loop import DMA, VECTOR as VEC
    ctx = _Ctx(trace, dram)
    for kind, sel in zip(*processes(trace)):
        ops = sel.tolist()
        if kind == DMA:
            ctx.env.process(_dma_unit(ctx, ops))
        elif kind == VEC:
            ctx.env.process(_vector_unit(ctx, ops, lanes))
        else:
            ctx.env.process(compute(ctx, ops))
    ctx.env.run()
    if not all(ctx.scheduled):
        raise RuntimeError(f"trace deadlocked: op {ctx.scheduled.index(False)} never ran")
    return Timeline(np.array(ctx.ready, np.int64), np.array(ctx.start, np.int64), np.array(ctx.end, np.int64))
