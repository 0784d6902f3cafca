"""The engine's op-level event loop without SimPy objects: units run their ops in order, DMA shares one channel.

This replays, event for event, what :func:`accelsim.sim.engine.run` does with SimPy: one
process per unit, each taking its ops in trace order; an op waits until every dependency has
completed; the queue is ordered by ``(cycle, priority, sequence)`` exactly as SimPy orders its
events (process starts are urgent and come first, timeouts and completions are normal and
keep the order they were scheduled in), so transfers reach the shared DRAM channel in the
same order and every cycle count is the same. ``tests/sim/test_event_loop.py`` holds the two
equal on the zoo; the SimPy engine stays the readable reference.

Process kinds: ``DMA`` (a transfer per op: the unit issues its next transfer once the channel
has taken the last byte; the op completes ``latency`` cycles later), ``VECTOR`` (``ceil(vops /
lanes)`` cycles per op, at least 1) and ``ARRAY`` (the fold recurrence of
:mod:`accelsim.kernels.folds`, with bank-conflict cycles added to preload and stream).

Kernel :func:`event_loop` (the channel is bandwidth + latency) and its twin
:func:`event_loop_ref` compute the same integers; so do :func:`event_loop_dram` (the DRAM
timing model, banks, rows and refresh, advanced inside the same compiled loop by
:mod:`accelsim.kernels.dram_transfer`) and its twin :func:`event_loop_dram_ref`.
:func:`event_loop_py` is the twins' loop with any DRAM model behind a callback (the engine
uses it for the timing model's closed-form stream path).
"""

from __future__ import annotations

import heapq
import math

import numpy as np
from numba import njit
from numba.extending import register_jitable

from accelsim.kernels.dram_timing import P_BURST
from accelsim.kernels.dram_transfer import _transfer

#: ``host_addr`` of a run without a host link: above any address a trace holds
NO_HOST = 1 << 62

DMA, VECTOR, ARRAY = 0, 1, 2
_URGENT, _NORMAL = 0, 1          # SimPy's priorities: a process start before anything else at that cycle
_RESUME, _COMPLETION = 0, 1      # a start or timeout resumes one process; a completion wakes its waiters


def _make_run(transfer, name):
    """The shared loop body with ``transfer`` as the DRAM timing model's one-transfer step.

    Built twice: with the real step for the timing kernel and with a stub for the bandwidth kernel,
    so that compiling the bandwidth kernel does not compile the timing model (about 14 s of a cold
    first run). A closure, not an argument: a kernel taking a function argument cannot be cached.
    Each copy is named apart (``name``): two cached kernels whose inlined bodies share a qualified
    name can get the same symbol, and a process that loads both from the cache then runs the first
    one's body in the second (the timing kernel ran the stub, skipping every DRAM transfer).
    """
    def _run(kinds, unit_ptr, unit_ops, dep_ptr, dep_idx, nbytes, preload, stream, div, drain, pre_held, held, vops,
             lanes, overlap, bytes_per_cycle, latency, timing, addr, write, params, bank, group, rank, chan, ratio,
             frontend, xcounts, host_addr, port_bytes_per_cycle, port_free):
        """The loop of both kernels: a bandwidth channel, or (``timing``) the DRAM timing model advanced in place,
        with transfers at ``addr >= host_addr`` on the bandwidth channel (a host link beside the DRAM); with
        ``port_bytes_per_cycle > 0`` every transfer also holds a port channel (``port_free``: read, write)."""
        n = dep_ptr.shape[0] - 1
        cnt = np.zeros(5, np.int64)
        n_proc = kinds.shape[0]
        ready = np.zeros(n, np.int64)
        start = np.zeros(n, np.int64)
        end = np.zeros(n, np.int64)
        chan_start = np.zeros(n, np.int64)
        issued = np.zeros(n, np.int64)
        mem_end = np.zeros(n, np.int64)
        order = np.empty(n, np.int64)
        n_xfer = 0
        port_bound = 0
        sched = np.zeros(n, np.bool_)
        has_waiter = np.zeros(n, np.bool_)
        pos = unit_ptr[:-1].copy()
        k = np.zeros(n_proc, np.int64)
        phase = np.zeros(n_proc, np.int64)
        waiting_on = np.full(n_proc, -1, np.int64)
        wait_seq = np.zeros(n_proc, np.int64)
        # per unit: vector free; array prev_ss, prev_se, prev_done, shift_free
        st = np.zeros((n_proc, 4), np.int64)
        bus_free = 0
        busy = 0
        seq = 0
        reg = 0
        heap = [(np.int64(0), np.int64(_URGENT), np.int64(p), np.int64(_RESUME), np.int64(p)) for p in range(n_proc)]
        seq = n_proc
        heapq.heapify(heap)
        woken = np.empty(n_proc, np.int64)
        while len(heap) > 0:
            now, _, _, what, ident = heapq.heappop(heap)
            n_woken = 0
            if what == _RESUME:
                woken[0] = ident
                n_woken = 1
            else:
                # the waiters of a completion resume in the order they started waiting
                for p in range(n_proc):
                    if waiting_on[p] == ident:
                        j = n_woken
                        while j > 0 and wait_seq[woken[j - 1]] > wait_seq[p]:
                            woken[j] = woken[j - 1]
                            j -= 1
                        woken[j] = p
                        n_woken += 1
                for j in range(n_woken):
                    waiting_on[woken[j]] = -1
            for w in range(n_woken):
                p = woken[w]
                while pos[p] < unit_ptr[p + 1]:
                    i = unit_ops[pos[p]]
                    if phase[p] == 0:
                        blocked = False
                        d0 = dep_ptr[i]
                        nd = dep_ptr[i + 1] - d0
                        while k[p] < nd:
                            d = dep_idx[d0 + k[p]]
                            if not sched[d]:
                                waiting_on[p] = d
                                wait_seq[p] = reg
                                reg += 1
                                has_waiter[d] = True
                                blocked = True
                                break
                            k[p] += 1
                        if blocked:
                            break
                        phase[p] = 1
                        if nd > 0:
                            r = end[dep_idx[d0]]
                            for j in range(d0 + 1, d0 + nd):
                                r = max(r, end[dep_idx[j]])
                            ready[i] = r
                            if r > now:
                                heapq.heappush(heap, (r, np.int64(_NORMAL), np.int64(seq), np.int64(_RESUME), p))
                                seq += 1
                                break
                    # the op runs now
                    wake = now
                    if kinds[p] == DMA and timing and addr[i] < host_addr:
                        start[i] = now
                        done = now
                        if nbytes[i] > 0:
                            first = addr[i] // params[P_BURST]
                            last = (addr[i] + nbytes[i] - 1) // params[P_BURST]
                            cnt[:] = 0
                            cas, data_end = transfer(int(math.ceil(now / ratio - 1e-9)), first, last, write[i], params,
                                                     bank, group, rank, chan, cnt)
                            done = int(math.ceil(data_end * ratio - 1e-9)) + frontend
                            xcounts[i, :] = cnt[:4]
                            order[n_xfer] = i
                            n_xfer += 1
                            issued[i] = max(now, int(math.ceil(cas * ratio - 1e-9)))
                        else:
                            issued[i] = now
                        wake = issued[i]
                    elif kinds[p] == DMA:
                        start[i] = now
                        s = max(now, bus_free)
                        b = nbytes[i]
                        burst = 0
                        if b > 0:
                            burst = int(math.ceil(b / bytes_per_cycle - 1e-9))
                        bus_free = s + burst
                        busy += burst
                        chan_start[i] = s
                        issued[i] = bus_free
                        if not timing:  # with timing, ``order`` lists the DRAM's transfers only
                            order[n_xfer] = i
                            n_xfer += 1
                        done = bus_free + latency
                        wake = bus_free
                    elif kinds[p] == VECTOR:
                        s = max(now, st[p, 0])
                        start[i] = s
                        done = s + max(1, -(-vops[i] // lanes))
                        st[p, 0] = done
                        wake = done
                    else:
                        if overlap:
                            sh = max(ready[i], st[p, 3], st[p, 0])
                        else:
                            sh = max(ready[i], st[p, 2])
                        shift_end = sh + preload[i] + pre_held[i]
                        ss = max(shift_end, st[p, 1])
                        se = ss + stream[i] * div[i] + held[i]
                        done = max(se + drain[i], st[p, 2])
                        start[i] = ss
                        st[p, 0] = ss
                        st[p, 1] = se
                        st[p, 2] = done
                        st[p, 3] = shift_end
                    if kinds[p] == DMA:
                        mem_end[i] = done
                        if port_bytes_per_cycle > 0.0 and nbytes[i] > 0:
                            # the port's channel for this direction holds the bytes from when it is free;
                            # the memory's own times (issued, mem_end) stay as it served them
                            w = 1 if write[i] else 0
                            port_end = max(now, port_free[w]) + int(math.ceil(nbytes[i] / port_bytes_per_cycle
                                                                              - 1e-9))
                            port_free[w] = port_end
                            if port_end > wake:
                                port_bound += 1
                                wake = port_end
                            done = max(done, port_end)
                    end[i] = done
                    sched[i] = True
                    if has_waiter[i]:
                        heapq.heappush(heap, (now, np.int64(_NORMAL), np.int64(seq), np.int64(_COMPLETION), i))
                        seq += 1
                    pos[p] += 1
                    k[p] = 0
                    phase[p] = 0
                    if wake > now:  # DMA and vector units sleep until they are free; the array never does
                        heapq.heappush(heap, (wake, np.int64(_NORMAL), np.int64(seq), np.int64(_RESUME), p))
                        seq += 1
                        break
        stuck = -1
        for i in range(n):
            if not sched[i]:
                stuck = i
                break
        return ready, start, end, chan_start, issued, order[:n_xfer], busy, stuck, mem_end, port_bound

    _run.__name__ = _run.__qualname__ = f"_run_{name}"
    return register_jitable(_run)


@register_jitable
def _no_transfer(t0, first, last, write, params, bank, group, rank, chan, counts):
    """Stands in for the DRAM timing model in the bandwidth kernel, which never calls it."""
    return 0, 0


_run_bandwidth = _make_run(_no_transfer, "bandwidth")
_run_timing = _make_run(_transfer, "timing")


@njit(cache=True)
def event_loop(kinds, unit_ptr, unit_ops, dep_ptr, dep_idx, nbytes, preload, stream, div, drain,
               pre_held, held, vops, lanes, overlap, bytes_per_cycle, latency):
    """Numba kernel of :func:`event_loop_ref`; same arguments, same results."""
    z1 = np.zeros(1, np.int64)
    z2 = np.zeros((1, 1), np.int64)
    ready, start, end, chan_start, issued, order, busy, stuck, _, _ = _run_bandwidth(
        kinds, unit_ptr, unit_ops, dep_ptr, dep_idx, nbytes, preload, stream, div, drain, pre_held, held, vops, lanes,
        overlap, bytes_per_cycle, latency, False, z1, np.zeros(1, np.bool_), z1, z2, z2, z2, z2, 1.0, 0, z2, NO_HOST,
        0.0, np.zeros(2, np.int64))
    return ready, start, end, chan_start, issued, order, busy, stuck


@njit(cache=True)
def event_loop_dram(kinds, unit_ptr, unit_ops, dep_ptr, dep_idx, nbytes, preload, stream, div, drain, pre_held,
                    held, vops, lanes, overlap, addr, write, params, bank, group, rank, chan, ratio, frontend,
                    host_addr, host_bytes_per_cycle, port_bytes_per_cycle, port_free):
    """Numba kernel of :func:`event_loop_dram_ref`; same arguments, same results."""
    port_free = port_free.copy()
    bank = bank.copy()
    group = group.copy()
    rank = rank.copy()
    chan = chan.copy()
    xcounts = np.zeros((dep_ptr.shape[0] - 1, 4), np.int64)
    ready, start, end, _, issued, order, _, stuck, mem_end, port_bound = _run_timing(
        kinds, unit_ptr, unit_ops, dep_ptr, dep_idx, nbytes, preload, stream, div, drain, pre_held, held, vops, lanes,
        overlap, host_bytes_per_cycle, 0, True, addr, write, params, bank, group, rank, chan, ratio, frontend, xcounts,
        host_addr, port_bytes_per_cycle, port_free)
    return ready, start, end, issued, order, xcounts, stuck, bank, group, rank, chan, mem_end, port_free, port_bound


def event_loop_dram_ref(kinds, unit_ptr, unit_ops, dep_ptr, dep_idx, nbytes, preload, stream, div, drain, pre_held,
                        held, vops, lanes, overlap, addr, write, params, bank, group, rank, chan, ratio, frontend,
                        host_addr=None, host_bytes_per_cycle=1.0, port_bytes_per_cycle=0.0, port_free=None):
    """The units against the DRAM timing model; times in accelerator cycles unless said.

    As :func:`event_loop_ref`, but a transfer of ``b > 0`` bytes at byte ``addr`` moves bursts
    ``addr // burst_bytes .. (addr + b - 1) // burst_bytes`` through
    :func:`accelsim.kernels.dram_transfer.dram_transfer_ref` (state tables ``bank, group, rank,
    chan``, layout of :mod:`accelsim.kernels.dram_timing`), requested at DRAM cycle ``ceil(now /
    ratio)`` (``ratio``: accelerator cycles per DRAM cycle); the unit may issue its next transfer
    at ``max(now, ceil(last column command * ratio))``, and the op completes at ``ceil(last data
    end * ratio) + frontend``. An empty transfer issues and completes at ``now``. This is
    :meth:`accelsim.sim.dram_timing.DramModel.transfer` on the request path. A transfer at
    ``addr >= host_addr`` goes instead to a host link beside the DRAM: a channel of
    ``host_bytes_per_cycle`` and no latency, as :class:`accelsim.sim.dram.BandwidthChannel` serves it
    (it is in neither ``order`` nor ``counts``).

    Ports in front of the memory (``port_bytes_per_cycle > 0``; an FPGA's AXI ports, as
    ``accelsim.families.fpga.axi.PortLimitedDram`` models them): each transfer of ``b > 0`` bytes,
    once the memory has taken it at ``now``, also holds the port's read or write channel for
    ``ceil(b / port_bytes_per_cycle)`` cycles from ``max(now, that channel free)`` (``port_free``:
    read, write; both 0 if None) to ``port_end``; the unit issues its next transfer at
    ``max(issued, port_end)`` and the op completes at ``max(done, port_end)``. A transfer with
    ``port_end`` after the memory's issue cycle is port-bound.

    Returns ``(ready, start, end, issued, order, counts, stuck, bank, group, rank, chan, mem_end,
    port_free, port_bound)``: per op cycles, per transfer the cycle the memory (DRAM or link)
    issued it, the transfers (non-empty) in the order they ran, per op ``(row hits, misses,
    conflicts, activates)``, the first op that never ran or -1, the advanced state tables, per
    transfer the cycle the memory completed it (before the port), the ports' channels free at
    (read, write) and the number of port-bound transfers.
    """
    from accelsim.kernels.dram_transfer import dram_transfer_ref
    n = len(dep_ptr) - 1
    issued = np.zeros(n, np.int64)
    counts = np.zeros((n, 4), np.int64)
    order: list[int] = []
    st = [bank, group, rank, chan]
    burst = int(params[P_BURST])

    host = NO_HOST if host_addr is None else int(host_addr)
    link_free = [0]
    mem_end = np.zeros(n, np.int64)
    ports = [0, 0, 0] if port_free is None else [int(port_free[0]), int(port_free[1]), 0]  # read, write, bound

    def transfer(i: int, now: int) -> tuple[int, int]:
        issued_at, done = memory(i, now)
        mem_end[i] = done
        b = int(nbytes[i])
        if port_bytes_per_cycle <= 0 or b <= 0:
            return issued_at, done
        w = int(bool(write[i]))
        ports[w] = max(now, ports[w]) + math.ceil(b / port_bytes_per_cycle - 1e-9)
        ports[2] += ports[w] > issued_at
        return max(issued_at, ports[w]), max(done, ports[w])

    def memory(i: int, now: int) -> tuple[int, int]:
        b = int(nbytes[i])
        if int(addr[i]) >= host:
            s = max(now, link_free[0])
            link_free[0] = s + (math.ceil(b / host_bytes_per_cycle - 1e-9) if b > 0 else 0)
            issued[i] = link_free[0]
            return link_free[0], link_free[0]
        if b <= 0:
            issued[i] = now
            return now, now
        a = int(addr[i])
        cas, end, cnt, *tables = dram_transfer_ref(math.ceil(now / ratio - 1e-9), a // burst, (a + b - 1) // burst,
                                                   bool(write[i]), params, *st)
        st[:] = tables
        counts[i] = cnt[:4]
        order.append(i)
        issued[i] = max(now, math.ceil(cas * ratio - 1e-9))
        return int(issued[i]), math.ceil(end * ratio - 1e-9) + frontend

    ready, start, end, stuck = event_loop_py(kinds, unit_ptr, unit_ops, dep_ptr, dep_idx, preload, stream, div,
                                             drain, pre_held, held, vops, lanes, overlap, transfer)
    return (ready, start, end, issued, np.array(order, np.int64), counts, stuck, *st, mem_end,
            np.array(ports[:2], np.int64), ports[2])


def event_loop_py(kinds, unit_ptr, unit_ops, dep_ptr, dep_idx, preload, stream, div, drain, pre_held, held, vops,
                  lanes, overlap, transfer):
    """The event loop with any DRAM model: ``transfer(op, now) -> (issued, done)`` cycles.

    Returns ``(ready, start, end, stuck)``: per-op cycles (int64 arrays) and the first op that
    never ran (the trace deadlocked), or -1. ``kinds[p]`` is process ``p``'s kind (DMA, VECTOR, ARRAY),
    ``unit_ops[unit_ptr[p]:unit_ptr[p + 1]]`` its ops in order; the other arrays are per op.
    """
    n = len(dep_ptr) - 1
    n_proc = len(kinds)
    ready, start, end = [0] * n, [0] * n, [0] * n
    sched = [False] * n
    waiters: dict[int, list[int]] = {}
    deps = [dep_idx[dep_ptr[i]:dep_ptr[i + 1]].tolist() for i in range(n)] if n else []
    ops = [unit_ops[unit_ptr[p]:unit_ptr[p + 1]].tolist() for p in range(n_proc)]
    vops, preload, stream, div, drain = (a.tolist() for a in (vops, preload, stream, div, drain))
    pre_held, held = pre_held.tolist(), held.tolist()
    pos = [0] * n_proc
    k = [0] * n_proc
    waited = [False] * n_proc
    state = [[0, 0, 0, 0] for _ in range(n_proc)]
    heap = [(0, _URGENT, p, _RESUME, p) for p in range(n_proc)]
    seq = n_proc
    while heap:
        now, _, _, what, ident = heapq.heappop(heap)
        woken = [ident] if what == _RESUME else waiters.pop(ident)
        for p in woken:
            mine = ops[p]
            while pos[p] < len(mine):
                i = mine[pos[p]]
                if not waited[p]:
                    di = deps[i]
                    while k[p] < len(di) and sched[di[k[p]]]:
                        k[p] += 1
                    if k[p] < len(di):
                        waiters.setdefault(di[k[p]], []).append(p)
                        break
                    waited[p] = True
                    if di:
                        ready[i] = r = max(end[d] for d in di)
                        if r > now:
                            heapq.heappush(heap, (r, _NORMAL, seq, _RESUME, p))
                            seq += 1
                            break
                kind = kinds[p]
                if kind == DMA:
                    start[i] = now
                    wake, done = transfer(i, now)
                elif kind == VECTOR:
                    start[i] = s = max(now, state[p][0])
                    state[p][0] = wake = done = s + max(1, -(-vops[i] // lanes))
                else:
                    prev_ss, prev_se, prev_done, shift_free = state[p]
                    sh = max(ready[i], shift_free, prev_ss) if overlap else max(ready[i], prev_done)
                    shift_end = sh + preload[i] + pre_held[i]
                    ss = max(shift_end, prev_se)
                    se = ss + stream[i] * div[i] + held[i]
                    done = max(se + drain[i], prev_done)
                    start[i] = ss
                    state[p] = [ss, se, done, shift_end]
                    wake = now
                end[i] = done
                sched[i] = True
                if i in waiters:
                    heapq.heappush(heap, (now, _NORMAL, seq, _COMPLETION, i))
                    seq += 1
                pos[p] += 1
                k[p] = 0
                waited[p] = False
                if wake > now:
                    heapq.heappush(heap, (wake, _NORMAL, seq, _RESUME, p))
                    seq += 1
                    break
    stuck = sched.index(False) if not all(sched) else -1
    return np.array(ready, np.int64), np.array(start, np.int64), np.array(end, np.int64), stuck


def event_loop_ref(kinds, unit_ptr, unit_ops, dep_ptr, dep_idx, nbytes, preload, stream, div, drain,
                   pre_held, held, vops, lanes, overlap, bytes_per_cycle, latency):
    """Run the units of a trace against one bandwidth + latency channel; all times in cycles.

    Process ``p`` (kind ``kinds[p]``: DMA, VECTOR or ARRAY) runs ops
    ``unit_ops[unit_ptr[p]:unit_ptr[p + 1]]`` in order; op ``i`` depends on
    ``dep_idx[dep_ptr[i]:dep_ptr[i + 1]]``. A transfer of ``b`` bytes holds the channel
    ``ceil(b / bytes_per_cycle)`` cycles from ``max(now, channel free)`` (first come, first
    served) and completes ``latency`` cycles after its last byte.

    Returns ``(ready, start, end, chan_start, issued, order, busy, stuck)``: per op the cycle
    its last dependency completed, it started and it completed; per transfer the cycle the
    channel began and finished it; the transfers' op ids in the order the channel served them;
    the channel's busy cycles; and the first op that never ran (a deadlock), or -1.
    """
    n = len(dep_ptr) - 1
    chan_start = np.zeros(n, np.int64)
    issued = np.zeros(n, np.int64)
    order: list[int] = []
    bus = [0, 0]  # channel free at, busy cycles

    def transfer(i: int, now: int) -> tuple[int, int]:
        b = int(nbytes[i])
        burst = math.ceil(b / bytes_per_cycle - 1e-9) if b > 0 else 0
        chan_start[i] = max(now, bus[0])
        bus[0] = int(chan_start[i]) + burst
        bus[1] += burst
        issued[i] = bus[0]
        order.append(i)
        return bus[0], bus[0] + latency

    ready, start, end, stuck = event_loop_py(kinds, unit_ptr, unit_ops, dep_ptr, dep_idx, preload, stream, div,
                                             drain, pre_held, held, vops, lanes, overlap, transfer)
    return ready, start, end, chan_start, issued, np.array(order, np.int64), bus[1], stuck


@register_jitable
def spread_one(bins, w, s, done, n_bytes, max_bins):
    """``n_bytes`` spread over cycles ``[s, done)`` into ``bins`` of ``w`` cycles, growing ``bins`` and doubling
    ``w`` as needed (:func:`accelsim.kernels.spread.spread_into` on an array); returns ``(bins, w)``.

    One step of :func:`spread_bins`, also used per transfer by the compiled Cambricon core."""
    if n_bytes <= 0:
        return bins, w
    e = max(done, s + 1)
    rate = n_bytes / (e - s)
    b0 = s // w
    b1 = (e - 1) // w
    if b1 >= bins.shape[0]:
        grown = np.zeros(max(b1 + 1, 2 * bins.shape[0]), np.float64)
        grown[:bins.shape[0]] = bins
        bins = grown
    if b0 == b1:
        bins[b0] += n_bytes
    else:
        bins[b0] += rate * ((b0 + 1) * w - s)
        for b in range(b0 + 1, b1):
            bins[b] += rate * w
        bins[b1] += rate * (e - b1 * w)
    top = b1
    while top >= max_bins:
        half = np.zeros((bins.shape[0] + 1) // 2, np.float64)
        for b in range(bins.shape[0]):
            half[b // 2] += bins[b]
        bins = half
        w *= 2
        top //= 2
    return bins, w


@njit(cache=True)
def spread_bins(start, done, nbytes, bin_cycles, max_bins):
    """Numba kernel of :func:`spread_bins_ref`; same arguments, same results."""
    bins = np.zeros(max_bins, np.float64)
    w = bin_cycles
    for t in range(start.shape[0]):
        bins, w = spread_one(bins, w, start[t], done[t], nbytes[t], max_bins)
    last = -1
    for b in range(bins.shape[0]):
        if bins[b] != 0.0:
            last = b
    return bins[:last + 1].copy(), w


def spread_bins_ref(start, done, nbytes, bin_cycles, max_bins):
    """Bytes per bin of cycles for transfers ``[start, done)`` taken in order: ``(bins, bin_cycles)``.

    Each transfer's bytes spread evenly over its cycles (one cycle if ``done <= start``); when a
    transfer reaches bin ``max_bins`` or beyond, neighbouring bins merge pairwise and the width
    doubles until it fits. ``bins`` runs to the last non-empty bin (float64 bytes).
    """
    from accelsim.kernels.spread import spread_into
    bins: dict[int, float] = {}
    w = bin_cycles
    for s, e, b_bytes in zip(start.tolist(), done.tolist(), nbytes.tolist()):
        w = spread_into(bins, w, s, e, b_bytes, max_bins)
    n = max(bins) + 1 if bins else 0
    return np.array([bins.get(b, 0.0) for b in range(n)], np.float64), w


def example_args(seed: int) -> tuple:
    """Arguments of :func:`event_loop` for a random small trace (tests): five units, ties on purpose.

    Three DMA units, an array and a vector unit; each op depends on up to three earlier ops;
    sizes are small so that many things happen on the same cycle.
    """
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 60))
    unit = rng.integers(0, 5, n)
    deps = [sorted(set(rng.integers(0, i, int(rng.integers(0, 4))).tolist())) if i else [] for i in range(n)]
    dep_ptr = np.zeros(n + 1, np.int64)
    dep_ptr[1:] = np.cumsum([len(d) for d in deps])
    dep_idx = np.array([x for d in deps for x in d], np.int64)
    kinds = np.array([DMA, DMA, DMA, ARRAY, VECTOR], np.int64)
    present = [u for u in range(5) if (unit == u).any()]
    per = [np.flatnonzero(unit == u) for u in present]
    unit_ptr = np.concatenate([[0], np.cumsum([len(p) for p in per])]).astype(np.int64)
    small = lambda lo, hi: rng.integers(lo, hi, n).astype(np.int64)  # noqa: E731
    return (kinds[present], unit_ptr, np.concatenate(per).astype(np.int64), dep_ptr, dep_idx,
            small(0, 200), small(0, 8), small(1, 30), small(1, 3), small(0, 6), small(0, 3), small(0, 3),
            small(1, 100), int(rng.integers(1, 16)), bool(rng.integers(0, 2)),
            float(rng.choice([0.5, 1.0, 3.7, 16.0])), int(rng.integers(0, 20)))


def example_dram_args(seed: int) -> tuple:
    """Arguments of :func:`event_loop_dram` for a random small trace on a small random DRAM (tests)."""
    from accelsim.kernels.dram_transfer import example_args as dram_example
    rng = np.random.default_rng(seed)
    base = example_args(seed)
    n = base[3].shape[0] - 1
    *_, params, bank, group, rank, chan = dram_example(seed, 0, 1, False, 0)
    addr = rng.integers(0, 4000, n).astype(np.int64)
    write = rng.random(n) < 0.5
    nbytes = (rng.integers(0, 600, n) * (rng.random(n) < 0.9)).astype(np.int64)
    host = int(rng.choice([NO_HOST, 3000, 0]))  # none, the top quarter of the addresses, everything
    port = float(rng.choice([0.0, 0.5, 3.0, 8.0, 64.0]))  # none, ports slower and faster than the memory
    return (*base[:5], nbytes, *base[6:15], addr, write, params, bank, group, rank, chan,
            float(rng.choice([0.5, 0.7, 1.0, 1.3])), int(rng.integers(0, 10)), host,
            float(rng.choice([0.5, 1.0, 3.7, 16.0])), port, rng.integers(0, 50, 2).astype(np.int64))
