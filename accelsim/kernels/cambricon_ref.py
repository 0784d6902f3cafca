"""The plain twin of :func:`accelsim.kernels.cambricon_core.cambricon_core` (its specification), and random
programs for the tests that hold the two equal.
"""

from __future__ import annotations

import math
from collections import deque

import numpy as np

from accelsim.kernels import dram_timing as D
from accelsim.kernels.cambricon_layout import (BAD_DMA, BIN_CYCLES, BURST_BYTES, CB, CFG, COLS, DRAM_KIND, EPS,
                                               FREE_CONTROL, FRONTEND, HALT, JUMP, LANES, LATENCY, LEDGER, LOG,
                                               MASK, MAX_BINS, MAX_STEPS, MLOAD, MMV, MSTORE, M_STAGES, NOP,
                                               NO_LAYER, N_LAYERS, N_OPS, OK, OPR, OPS, PENALTY, Q_DMA, Q_MATRIX,
                                               Q_VECTOR, RAN_OFF, ROWS, SADD, SADDI, SLI, SLT, SMUL, SP_BASE,
                                               SP_SPAN, SSUB, TOO_LONG, VACT, VADDW, VAS, VAV, VCLR, VGT, VLOAD,
                                               VLOADZ, VMAW, VMAX, VMM, VMOVE, VMV, VPWL, VSTORE, VSV, V_STAGES)
from accelsim.kernels.dram_timing import dram_schedule_ref
from accelsim.kernels.spread import spread_into


def _ref_effects(o: int, v: list[int], acc: int, R: int, C: int, L: int, ms: int, vs: int):
    """``(reads, writes, dma, occupancy, latency, mults, adds)`` of op ``o`` on register values ``v``."""
    ceil = lambda a, b: -(-a // b)  # noqa: E731
    if o == VLOADZ:  # the transfer is the v[3] stored bytes; the scratchpad range the v[2] decompressed ones
        return [], [(v[0], v[0] + v[2])], (0, 1, v[3], v[3], v[1]), 0, 0, 0, 0
    if o in (VLOAD, VSTORE, MLOAD, MSTORE):
        rows, rb, stride = (1, v[2], v[2]) if o in (VLOAD, VSTORE) else (v[2], v[3], v[4])
        n = rows * rb
        if o in (VLOAD, MLOAD):
            return [], [(v[0], v[0] + n)], (0, rows, rb, stride, v[1]), 0, 0, 0, 0
        return [(v[1], v[1] + n)], [], (1, rows, rb, stride, v[0]), 0, 0, 0, 0
    if o == MMV:
        d, m, x, out, inn, seg, sstr = v
        seg = max(seg, 1)
        sl = inn // seg
        reads = [(m, m + out * inn * 2), (x, x + (seg - 1) * sstr + sl * 2)] + ([(d, d + out * 4)] if acc else [])
        return reads, [(d, d + out * 4)], None, ceil(out, R) * seg * ceil(sl, C), ms, out * inn, out * inn
    if o == VMM:
        d, x, m, inn, out = v[:5]
        reads = [(x, x + inn * 2), (m, m + inn * out * 2)] + ([(d, d + out * 4)] if acc else [])
        return reads, [(d, d + out * 4)], None, ceil(out, R) * ceil(inn, C), ms, out * inn, out * inn
    if o == OPR:
        d, a, b, la, lb = v[:5]
        reads = [(a, a + la * 2), (b, b + lb * 2)] + ([(d, d + la * lb * 4)] if acc else [])
        return reads, [(d, d + la * lb * 4)], None, ceil(la, R) * ceil(lb, C), ms, la * lb, la * lb if acc else 0
    if o == VMOVE:
        d, s, n = v[:3]
        return [(s, s + n)], [(d, d + n)], None, ceil(n, 2 * L), vs, 0, 0
    if o == VCLR:
        d, n = v[:2]
        return [], [(d, d + n)], None, ceil(n, 2 * L), vs, 0, 0
    if o in (VAV, VSV, VMV, VMAX, VGT):
        d, a, b, n = v[:4]
        return ([(a, a + 2 * n), (b, b + 2 * n)], [(d, d + 2 * n)], None, ceil(n, L), vs,
                n if o == VMV else 0, 0 if o == VMV else n)
    if o == VAS:
        d, a, _, n = v[:4]
        return [(a, a + 2 * n)], [(d, d + 2 * n)], None, ceil(n, L), vs, 0, n
    if o == VADDW:
        d, a, n = v[:3]
        return [(a, a + 2 * n), (d, d + 4 * n)], [(d, d + 4 * n)], None, ceil(n, L), vs, 0, n
    if o == VACT:
        d, a, n = v[:3]
        return [(a, a + 4 * n)], [(d, d + 2 * n)], None, ceil(n, L), vs, n, n
    if o == VMAW:
        d, a, b, n = v[:4]
        return [(a, a + 2 * n), (b, b + 2 * n), (d, d + 4 * n)], [(d, d + 4 * n)], None, ceil(n, L), vs, n, n
    if o == VPWL:
        d, a, n = v[:3]
        return [(a, a + 2 * n)], [(d, d + 2 * n)], None, ceil(n, L), vs, n, n
    return [], [], None, 1, 0, 0, 0


class _RefDram:
    """The twin's DRAM: the bandwidth channel or the timing model through :func:`dram_schedule_ref`."""

    def __init__(self, cfg, fcfg, dparams, state):
        self.cfg, self.dparams, self.state = cfg, dparams, [np.asarray(s).copy() for s in state]
        self.ratio, self.clock_hz, self.peak, self.bpc = (float(x) for x in fcfg)
        self.bus_free = self.busy = 0
        self.ledger = np.zeros((cfg[N_LAYERS], len(LEDGER)), np.int64)
        self.bins: dict[int, float] = {}
        self.width = cfg[BIN_CYCLES]

    def book(self, tag, write, now, done, n, bursts, counts, bus_start, bus_end):
        """One transfer into the ledger and the bandwidth series."""
        row = self.ledger[tag]
        row[1] = now if row[0] == 0 else min(row[1], now)
        row[2] = done if row[0] == 0 else max(row[2], done)
        row[0] += 1
        row[4 if write else 3] += n
        row[6 if write else 5] += bursts
        row[7:11] += counts
        self.width = spread_into(self.bins, self.width, bus_start, bus_end, n, self.cfg[MAX_BINS])

    def channel(self, now, n, write, tag):
        """One transfer on the bandwidth channel: ``(issued, done)``."""
        start = max(now, self.bus_free)
        burst = math.ceil(n / self.bpc - EPS) if n > 0 else 0
        self.bus_free = start + burst
        self.busy += burst
        self.width = spread_into(self.bins, self.width, start, self.bus_free, n, self.cfg[MAX_BINS])
        return self.bus_free, self.bus_free + int(self.cfg[LATENCY])

    def timed(self, now, bursts, n, write, tag):
        """Bursts (byte addresses) all arriving at ``now`` through the timing model: ``(issued, done)``."""
        t = math.ceil(now / self.ratio - EPS)
        k = len(bursts)
        done, cas, _, counts, *self.state = dram_schedule_ref(
            np.full(k, t, np.int64), np.array(bursts, np.int64), np.full(k, bool(write)), self.dparams, *self.state)
        issued = max(now, math.ceil(int(cas.max()) * self.ratio - EPS))
        fin = math.ceil(int(done.max()) * self.ratio - EPS) + int(self.cfg[FRONTEND])
        bus = math.ceil(n * self.clock_hz / self.peak)
        data_end = fin - int(self.cfg[FRONTEND])
        self.book(tag, write, now, fin, n, k, counts[:4], max(now, data_end - bus), data_end)
        return issued, fin

    def transfer_rows(self, now, addr, rows, rb, stride, write, tag):
        """``rows`` rows of ``rb`` bytes at ``addr + i*stride``: ``(issued, done)`` as ``accelsim.sim.dram``."""
        b = int(self.cfg[BURST_BYTES])
        if rows <= 1 or stride == rb:
            n = rows * rb
            if self.cfg[DRAM_KIND] == 0:
                return self.channel(now, n, write, tag)
            if n <= 0:
                return now, now
            return self.timed(now, [x * b for x in range(addr // b, (addr + n - 1) // b + 1)], n, write, tag)
        if self.cfg[DRAM_KIND] == 0:
            t = done = now
            for _ in range(rows):
                t, d = self.channel(t, rb, write, tag)
                done = max(done, d)
            return t, done
        starts = [addr + r * stride for r in range(rows)]
        return self.timed(now, [x * b for s in starts for x in range(s // b, (s + rb - 1) // b + 1)], rows * rb,
                          write, tag)


def cambricon_core_ref(op, regs, imm, acc, layer_of, cfg, sp_bases, fcfg, dparams, bank, group, rank, chan):
    """Follow a program's control flow and time every dynamic instruction on the core; returns the tallies.

    Arguments and results as the module docstring lays out. Starting at pc 0 with 64 zeroed
    32-bit registers (``r0`` always 0), each step executes the instruction at ``pc``:

    **Control.** Scalar ops update registers (wrapping at 32 bits; ``SLT`` compares signed),
    ``JUMP`` and a ``CB`` whose register is non-zero move ``pc`` by ``imm``; ``HALT`` is timed
    like any scalar op and ends the run.

    **Issue.** The front end issues in program order, one instruction a cycle from
    ``t_next``; a pc that does not follow the previous one (a taken branch) adds ``penalty``.
    A scalar op ends in the pipeline: ``t_next = issue + 1``. With ``free_control`` scalar
    ops take no slot (``t_next = issue``) and branches no penalty. A layer's ``start`` is the
    issue slot of its first instruction before any penalty.

    **Units.** Each other op goes to the matrix unit (``MMV``, ``VMM``, ``OP``), the vector
    unit, or the DMA engine of the scratchpad a ``VLOAD``/``MLOAD``/``VLOADZ`` writes or a
    ``VSTORE``/``MSTORE`` reads (``sp_bases``: space = the ``sp_span``-aligned window above
    ``sp_base`` holding the address). A unit's queue holds the start cycles of its last
    ``q`` instructions; when it is full, issue waits for the oldest of them to have started.
    **Scoreboard**: the instruction may start at ``ready = issue + 1``, raised to the
    completion of every earlier instruction still in flight that writes a byte range it
    reads or writes, or reads a range it writes; then at ``max(ready, unit free)``.
    **Durations** (cycles): ``MMV`` ``ceil(out/rows) * seg * ceil((in/seg)/cols)``, ``VMM``
    ``ceil(out/rows) * ceil(in/cols)``, ``OP`` ``ceil(la/rows) * ceil(lb/cols)``, each plus
    ``m_stages`` of latency; a vector op ``ceil(n/lanes)`` (``VMOVE``/``VCLR``
    ``ceil(bytes/(2 lanes))``) plus ``v_stages``; the unit is free again after the
    occupancy. A DMA moves ``rows * row_bytes`` bytes (``VLOADZ rd, rs, n, z``: one row of ``z``
    bytes from DRAM, while its scratchpad range is the ``n`` bytes at ``rd``): contiguous (one row, or stride equal
    to the row) as one transfer, else row by row on the channel or as one batch of every
    row's bursts on the timing model; the engine is free again when the memory has taken the
    last request, the instruction done when the data is in.

    **DRAM.** Channel: a transfer starts when the bus is free, holds it
    ``ceil(bytes / bytes_per_cycle)`` cycles, completes ``latency`` later. Timing model: the
    transfer's bursts all arrive at ``ceil(now / ratio)`` DRAM cycles and go through
    ``dram_schedule_ref``; issued ``max(now, ceil(last CAS * ratio))``, done ``ceil(last data
    * ratio) + frontend``; a transfer of no bytes costs nothing. The bytes occupy the data bus
    for ``ceil(bytes * clock / peak)`` cycles before the data ends (``bus_start``,
    ``bus_end``). Per layer: bytes, multiplies and adds by the table of
    :mod:`accelsim.families.cambricon.isa`; scratchpad bytes per read and written range,
    counted in the space of its first byte.
    """
    cfg = [int(x) for x in cfg]
    regs_v = [0] * 64
    n_layers = cfg[N_LAYERS]
    caps = [cfg[Q_MATRIX], cfg[Q_VECTOR]] + [cfg[Q_DMA]] * 3
    queues = [deque() for _ in range(5)]
    free = [0] * 5
    inflight: list[tuple[int, int, bool, int]] = []
    tally = [[0, 0, 0, 0, 0, -1, 0] for _ in range(n_layers)]
    by_op = [dict() for _ in range(n_layers)]
    busy = np.zeros((n_layers, 5), np.int64)
    sp = [(dict(), dict()) for _ in range(n_layers)]
    dram = _RefDram(cfg, fcfg, dparams, (bank, group, rank, chan))
    log = []
    bases = [int(x) for x in sp_bases]

    def space(addr):
        if addr < cfg[SP_BASE]:
            return 0
        b = cfg[SP_BASE] + (addr - cfg[SP_BASE]) // cfg[SP_SPAN] * cfg[SP_SPAN]
        return bases.index(b) + 1 if b in bases else 0

    t_next, prev_pc, end, steps, pc, status = 0, -1, 0, 0, 0, OK
    while True:
        if not 0 <= pc < len(op):
            status = RAN_OFF
            break
        steps += 1
        if steps > cfg[MAX_STEPS]:
            status = TOO_LONG
            break
        li, o = int(layer_of[pc]), int(op[pc])
        if li < 0:
            status = NO_LAYER
            break
        t = tally[li]
        issue = t_next
        if t[5] < 0:
            t[5] = issue
        if pc != prev_pc + 1 and prev_pc >= 0 and not cfg[FREE_CONTROL]:
            issue += cfg[PENALTY]
        prev_pc = pc
        t[0] += 1
        by_op[li][o] = by_op[li].get(o, 0) + 1
        v = [regs_v[int(k)] for k in regs[pc]]
        if o < VLOAD:
            nxt, rd, i = pc + 1, int(regs[pc][0]), int(imm[pc])
            signed = lambda x: x - (1 << 32) if x >= 1 << 31 else x  # noqa: E731
            if o == SLI:
                regs_v[rd] = i & MASK
            elif o == SADDI:
                regs_v[rd] = (v[1] + i) & MASK
            elif o in (SADD, SSUB, SMUL):
                regs_v[rd] = {SADD: v[1] + v[2], SSUB: v[1] - v[2], SMUL: v[1] * v[2]}[o] & MASK
            elif o == SLT:
                regs_v[rd] = int(signed(v[1]) < signed(v[2]))
            elif o == JUMP or (o == CB and v[0]):
                nxt = pc + i
            regs_v[0] = 0
            t_next = issue if cfg[FREE_CONTROL] else issue + 1
            end = max(end, t_next)
            t[6] = max(t[6], t_next)
            if o == HALT:
                break
            pc = nxt
            continue
        reads, writes, dma, occ, lat, mults, adds = _ref_effects(o, v, int(acc[pc]), cfg[ROWS], cfg[COLS],
                                                                 cfg[LANES], cfg[M_STAGES], cfg[V_STAGES])
        if dma is not None:
            s = space(writes[0][0] if o in (VLOAD, MLOAD, VLOADZ) else reads[0][0])
            if s == 0:
                status = BAD_DMA
                break
            u = 1 + s
        else:
            u = 0 if o in (MMV, VMM, OPR) else 1
        if len(queues[u]) >= caps[u]:
            issue = max(issue, queues[u].popleft())
        ready = issue + 1
        for lo, hi, w, d in inflight:
            conflict = any(w and a < hi and lo < b for a, b in reads) or any(a < hi and lo < b for a, b in writes)
            if conflict and d > ready:
                ready = d
        start = max(ready, free[u])
        if dma is not None:
            write, rows, rb, stride, addr = dma
            free[u], done = dram.transfer_rows(start, addr, rows, rb, stride, write, li)
            t[2 if write else 1] += rows * rb
            busy[li, u] += done - start
        else:
            free[u] = start + occ
            done = start + occ + lat
            busy[li, u] += occ
        queues[u].append(start)
        for side, ranges in ((0, reads), (1, writes)):
            for a, b in ranges:
                key = space(a)
                sp[li][side][key] = sp[li][side].get(key, 0) + b - a
                inflight.append((a, b, side == 1, done))
        t[3] += mults
        t[4] += adds
        inflight = [x for x in inflight if x[3] > issue]
        t_next = issue + 1
        end = max(end, done)
        t[6] = max(t[6], done)
        if cfg[LOG]:
            log.append((pc, u, issue, start, done))
        pc += 1
    by_op_a = np.zeros((n_layers, N_OPS), np.int64)
    op_seen = np.zeros((n_layers, N_OPS), np.int64)
    sp_bytes = np.zeros((n_layers, 2, 4), np.int64)
    sp_seen = np.zeros((n_layers, 2, 4), np.int64)
    for li in range(n_layers):
        for rank_no, (o, c) in enumerate(by_op[li].items(), 1):   # dicts keep first-insertion order
            by_op_a[li, o], op_seen[li, o] = c, rank_no
        for side in (0, 1):
            for rank_no, (s, c) in enumerate(sp[li][side].items(), 1):
                sp_bytes[li, side, s], sp_seen[li, side, s] = c, rank_no
    return (status, pc, steps, end, np.array(tally, np.int64).reshape(n_layers, 7), by_op_a, op_seen, busy,
            sp_bytes, sp_seen, dram.ledger,
            np.array([dram.bins.get(b, 0.0) for b in range(max(dram.bins) + 1 if dram.bins else 0)], np.float64),
            dram.width, np.array(log, np.int64).reshape(-1, 5),
            *dram.state, np.array([dram.bus_free, dram.busy], np.int64))


# ---- random programs (tests) -------------------------------------------------------------------

#: register operands per op (the ISA table's ``r`` fields)
N_REGS_OF = (0, 0, 1, 2, 3, 3, 3, 3, 0, 1, 3, 3, 5, 5, 4, 7, 5, 5, 3, 2, 4, 4, 4, 4, 4, 4, 3, 4, 3, 4)
#: of which the leading ones are scratchpad addresses (compute ops)
N_ADDR_OF = (0,) * 15 + (3, 3, 3, 2, 1, 3, 3, 3, 2, 3, 3, 2, 2, 2, 3)


def random_program(rng: np.random.Generator, sp_bases, max_blocks: int = 4):
    """A random terminating program as arrays ``(op, regs, imm, acc, layer_starts)``, for tests.

    Blocks, each a layer: ``SLI`` sets scratchpad addresses (``r1..r4``, in random
    scratchpads near each other, so ranges collide), DRAM addresses (``r5``, ``r6``), sizes
    (``r7..r10``), a row stride (``r11``) and row count (``r12``); then a loop of 1..4 trips
    over 1..6 random instructions of every unit (some bumping ``r1``), closed by ``CB``; an
    occasional ``JUMP`` over one instruction; ``HALT`` at the end.
    """
    rows: list[tuple[int, list[int], int, int]] = []
    starts = []
    dma_sp = (VLOAD, MLOAD, VLOADZ)
    for _ in range(int(rng.integers(1, max_blocks + 1))):
        starts.append(len(rows))
        for r in range(1, 5):
            rows.append((SLI, [r], int(sp_bases[rng.integers(0, 3)]) + int(rng.integers(0, 64)) * 32, 0))
        for r in (5, 6):
            rows.append((SLI, [r], int(rng.integers(0, 1 << 16)) * 8, 0))
        for r in (7, 8, 9, 10):
            rows.append((SLI, [r], int(rng.integers(1, 300)), 0))
        rows.append((SLI, [11], int(rng.choice([0, 0, 16, 200, 4096])), 0))   # stride 0: row bytes (contiguous)
        rows.append((SLI, [12], int(rng.integers(1, 6)), 0))
        rows.append((SLI, [13], int(rng.integers(1, 5)), 0))
        top = len(rows)
        for _ in range(int(rng.integers(1, 7))):
            o = int(rng.integers(VLOAD, len(OPS)))
            if rng.random() < 0.15:
                o = int(rng.choice([SADDI, SADD, SMUL, SLT, NOP]))
            if o in dma_sp or o in (VSTORE, MSTORE):
                sp, dram = int(rng.integers(1, 5)), int(rng.integers(5, 7))
                load = o in dma_sp
                if o in (VLOAD, VSTORE):
                    regs = [sp, dram, int(rng.integers(7, 11))] if load else [dram, sp, int(rng.integers(7, 11))]
                elif o == VLOADZ:
                    regs = [sp, dram, int(rng.integers(7, 11)), int(rng.integers(7, 11))]
                else:
                    rb = int(rng.integers(7, 11))
                    stride = 11 if rng.random() < 0.7 else rb
                    regs = ([sp, dram] if load else [dram, sp]) + [12, rb, stride]
                    if rng.random() < 0.3:
                        rows.append((SADD, [11, 11, rb], 0, 0))   # a stride at least the row
            elif o < VLOAD:
                regs = [14, int(rng.integers(7, 11)), int(rng.integers(7, 11))]
                if o == SADDI:
                    regs = [1, 1]
            else:
                n = N_REGS_OF[o]
                regs = [int(rng.integers(1, 5)) for _ in range(N_ADDR_OF[o])]
                regs += [int(rng.integers(7, 13)) for _ in range(n - len(regs))]
            imm = int(rng.choice([32, 64, -32])) if o == SADDI else 0
            rows.append((o, regs, imm, int(rng.random() < 0.5) if o in (MMV, VMM, OPR) else 0))
            if rng.random() < 0.1:
                rows.append((JUMP, [], 2, 0))
                rows.append((NOP, [], 0, 0))
        rows.append((SADDI, [13, 13], -1, 0))
        rows.append((CB, [13], top - len(rows), 0))
    rows.append((HALT, [], 0, 0))
    regs = np.zeros((len(rows), 7), np.int64)
    for i, (_, rr, _, _) in enumerate(rows):
        regs[i, :len(rr)] = rr
    return (np.array([r[0] for r in rows], np.int64), regs, np.array([r[2] for r in rows], np.int64),
            np.array([r[3] for r in rows], np.int64), starts)


def example_args(seed: int) -> tuple:
    """Arguments of :func:`cambricon_core` for a random program on a random small core and DRAM (tests)."""
    from accelsim.kernels.dram_timing import example_args as dram_args
    rng = np.random.default_rng(seed)
    base, span = 1 << 31, 1 << 28
    sp_bases = np.array([base, base + span, base + 2 * span], np.int64)
    op, regs, imm, acc, starts = random_program(rng, sp_bases)
    layer_of = np.full(len(op), -1, np.int64)
    for i, b in enumerate(starts):
        layer_of[b:] = i
    timed = bool(rng.random() < 0.6)
    cfg = np.zeros(len(CFG), np.int64)
    cfg[[ROWS, COLS, LANES, M_STAGES, V_STAGES]] = rng.integers(1, 17, 3).tolist() + rng.integers(0, 5, 2).tolist()
    cfg[[Q_MATRIX, Q_VECTOR, Q_DMA, PENALTY, FREE_CONTROL]] = (*rng.integers(1, 5, 3), rng.integers(0, 4),
                                                               rng.random() < 0.2)
    cfg[[N_LAYERS, SP_BASE, SP_SPAN, MAX_STEPS, LOG]] = len(starts), base, span, 10**6, 1
    if rng.random() < 0.5:
        params, *state = dram_args(int(rng.integers(0, 2**31)), [], closed_page=bool(rng.random() < 0.3))[3:]
    else:  # often a DRAM where contiguous transfers run row hits in bulk (dram_transfer's hit runs)
        from accelsim.kernels.dram_transfer import example_args as transfer_args
        params, *state = transfer_args(int(rng.integers(0, 2**31)), 0, 1, False, 0)[4:]
    cfg[[DRAM_KIND, FRONTEND, LATENCY, BURST_BYTES]] = timed, rng.integers(0, 8), rng.integers(0, 40), \
        params[D.P_BURST]
    cfg[[BIN_CYCLES, MAX_BINS]] = rng.integers(1, 64), rng.integers(1, 16)
    fcfg = np.array([rng.choice([0.5, 0.8, 1.0, 1.25, 2.0]), 1e9, rng.choice([6.4e9, 12.8e9, 25.6e9]),
                     rng.choice([0.7, 4.0, 16.0, 64.0])], np.float64)
    return (op, regs, imm, acc, layer_of, cfg, sp_bases, fcfg, params, *state)
