"""The DianNao/Cambricon core as one compiled loop: control flow, issue, unit queues, scoreboard, DMA and DRAM.

Kernel :func:`cambricon_core` and its twin :func:`cambricon_core_ref` (in :mod:`.cambricon_ref`) give the
same integers; the twin's docstring is the specification. Both follow the control flow
(scalar registers and branches, no data) and time every dynamic instruction the way
``accelsim.families.cambricon.core.run_core`` does with a DRAM model from ``accelsim.sim``:
the family encodes its program and spec as arrays (``pack_*`` there), calls the kernel once
and reads the tallies back.

Everything crossing the border is an int64 array (``fcfg`` float64). Layouts:

* program, one row per static instruction: ``op`` (index into ``cambricon_layout.OPS``), ``regs``
  (``(n, 7)``, register numbers in operand order, 0-padded), ``imm``, ``acc`` and
  ``layer_of`` (the layer a pc belongs to, -1 for none);
* ``cfg`` at the indices named by :data:`CFG`; ``sp_bases`` the base addresses of ``nbin``,
  ``sb``, ``nbout`` (space ids 1, 2, 3; 0 is DRAM);
* ``fcfg`` = (accelerator cycles per DRAM cycle, accelerator clock Hz, DRAM peak bytes/s,
  channel bytes per cycle);
* DRAM: ``dparams`` and the four state tables of :mod:`accelsim.kernels.dram_timing`
  (timing model, ``cfg[DRAM_KIND] = 1``), or the bandwidth channel (``DRAM_KIND = 0``:
  ``fcfg[3]`` bytes a cycle, ``cfg[LATENCY]`` cycles round trip; the tables are ignored).

Returns ``(status, err_pc, steps, end, tally, by_op, op_seen, busy, sp_bytes, sp_seen, ledger, bins,
bin_cycles, log, bank, group, rank, chan, channel)``:

* ``status`` :data:`OK`, :data:`RAN_OFF` (pc left the program), :data:`TOO_LONG` (more
  than ``cfg[MAX_STEPS]`` steps), :data:`NO_LAYER` (a pc before the first layer) or
  :data:`BAD_DMA` (a DMA whose scratchpad side is in no scratchpad), with ``err_pc``;
* ``steps`` dynamic instructions, ``end`` the last completion (cycles);
* per layer: ``tally`` columns :data:`TALLY`; ``by_op`` counts per op; ``busy`` cycles per
  unit (:data:`UNITS`); ``sp_bytes[l, 0 or 1, space]`` scratchpad bytes read / written;
  ``op_seen`` and ``sp_seen`` the order in which each key first occurred in the layer
  (1, 2, ...; 0 never), so dictionaries can be rebuilt in the reference's order;
* ``ledger``: per layer (the transfers' tag), what the DRAM timing model's ledger keeps
  (columns :data:`LEDGER`; a layer with no transfer of bytes has ``transfers == 0``);
* ``bins`` (float64 bytes, up to the last non-empty one) and ``bin_cycles``: the DRAM
  bandwidth series of :class:`accelsim.sim.bandwidth.BandwidthSeries` (first width
  ``cfg[BIN_CYCLES]``, at most ``cfg[MAX_BINS]`` bins) with every transfer's bytes spread over
  the cycles it holds the data bus;
* ``log`` (only with ``cfg[LOG]``): one row per non-scalar instruction, columns
  (pc, unit, issue, start, done) in cycles;
* the DRAM state tables after the run and ``channel`` = (bus free from, busy cycles).
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit
from numba.extending import register_jitable

from accelsim.kernels import dram_timing as D
from accelsim.kernels.cambricon_dram import (_book, _log2, _one_row, _row_ok, _row_run, _row_transfer, _schedule,
                                             _split, _trim)
from accelsim.kernels.dram_transfer import _scratch, _transfer_in
from accelsim.kernels.event_loop import spread_one as _spread
from accelsim.kernels.cambricon_layout import (BAD_DMA, BIN_CYCLES, BURST_BYTES, CB, COLS, DRAM_KIND, EPS, E_ADDS,
                                               E_DADDR, E_DMA, E_DRB, E_DROWS, E_DSTRIDE, E_DWRITE, E_LAT,
                                               E_MULTS, E_NR, E_NW, E_OCC, E_R0, E_W0, E_W1, FREE_CONTROL,
                                               FRONTEND, HALT, JUMP, LANES, LATENCY, LEDGER, LOG, MASK, MAX_BINS,
                                               MAX_STEPS, MLOAD, MMV, MSTORE, M_STAGES, NO_LAYER, N_LAYERS, N_OPS,
                                               OK, OPR, PENALTY, Q_DMA, Q_MATRIX, Q_VECTOR, RAN_OFF, ROWS, SADD,
                                               SADDI, SLI, SLT, SMUL, SP_SPAN, SSUB, TOO_LONG, VACT, VADDW, VAS,
                                               VAV, VCLR, VGT, VLOAD, VMAW, VMAX, VMM, VMOVE, VMV, VPWL, VSTORE,
                                               VSV, V_STAGES, VLOADZ)
from accelsim.kernels.cambricon_ref import cambricon_core_ref, example_args  # noqa: F401  (the twin, its inputs)


#: an empty operand range no range overlaps (``NO_LO < hi`` never holds)
NO_LO, NO_HI = 1 << 62, -(1 << 62)


@register_jitable
def _cdiv(a, b):
    """Ceiling of ``a / b`` for ``b > 0``."""
    return -(-a // b)


# ---- the kernel --------------------------------------------------------------------------------

@register_jitable
def _grow(a, n):
    """``a`` with room for at least ``n`` rows (doubling); the first rows kept."""
    if n <= a.shape[0]:
        return a
    out = np.zeros((max(n, 2 * a.shape[0]), a.shape[1]), np.int64)
    out[:a.shape[0]] = a
    return out


@register_jitable
def _space(addr, b1, b2, b3, span):
    """Space id of ``addr``: 1..3 for a scratchpad (bases ``b1..b3``, ``span`` bytes each), 0 for none."""
    # the scratchpads sit at span-aligned bases: the window holding addr is its space
    if b1 <= addr < b1 + span:
        return 1
    if b2 <= addr < b2 + span:
        return 2
    if b3 <= addr < b3 + span:
        return 3
    return 0


@register_jitable
def _effects(o, v, acc, cfg, e):
    """Fill ``e`` (layout ``E_*``) with what op ``o`` on register values ``v`` reads, writes and costs."""
    R, C, L = cfg[ROWS], cfg[COLS], cfg[LANES]
    e[E_NR] = 0
    e[E_NW] = 1
    e[E_DMA] = 0
    e[E_LAT] = cfg[V_STAGES]
    e[E_MULTS] = 0
    e[E_ADDS] = 0
    if o == VLOAD or o == VSTORE or o == MLOAD or o == MSTORE or o == VLOADZ:
        if o == VLOAD or o == VSTORE:
            rows, rb, stride, n = 1, v[2], v[2], v[2]
        elif o == VLOADZ:  # DRAM moves the v[3] stored bytes; the scratchpad takes v[2]
            rows, rb, stride, n = 1, v[3], v[3], v[2]
        else:
            rows, rb, stride, n = v[2], v[3], v[4], v[2] * v[3]
        e[E_DMA] = 1
        e[E_DROWS] = rows
        e[E_DRB] = rb
        e[E_DSTRIDE] = stride
        e[E_OCC] = 0
        e[E_LAT] = 0
        if o == VLOAD or o == MLOAD or o == VLOADZ:
            e[E_W0], e[E_W1] = v[0], v[0] + n
            e[E_DWRITE], e[E_DADDR] = 0, v[1]
        else:
            e[E_NW] = 0
            e[E_NR] = 1
            e[E_R0], e[E_R0 + 1] = v[1], v[1] + n
            e[E_DWRITE], e[E_DADDR] = 1, v[0]
        return
    if o == MMV or o == VMM or o == OPR:
        e[E_LAT] = cfg[M_STAGES]
        if o == MMV:
            d, out, inn, sstr = v[0], v[3], v[4], v[6]
            seg = max(v[5], 1)
            seg_len = inn // seg
            e[E_OCC] = _cdiv(out, R) * seg * _cdiv(seg_len, C)
            e[E_R0], e[E_R0 + 1] = v[1], v[1] + out * inn * 2
            e[E_R0 + 2], e[E_R0 + 3] = v[2], v[2] + (seg - 1) * sstr + seg_len * 2
            ysz, work = out * 4, out * inn
        elif o == VMM:
            d, inn, out = v[0], v[3], v[4]
            e[E_OCC] = _cdiv(out, R) * _cdiv(inn, C)
            e[E_R0], e[E_R0 + 1] = v[1], v[1] + inn * 2
            e[E_R0 + 2], e[E_R0 + 3] = v[2], v[2] + inn * out * 2
            ysz, work = out * 4, out * inn
        else:
            d, la, lb = v[0], v[3], v[4]
            e[E_OCC] = _cdiv(la, R) * _cdiv(lb, C)
            e[E_R0], e[E_R0 + 1] = v[1], v[1] + la * 2
            e[E_R0 + 2], e[E_R0 + 3] = v[2], v[2] + lb * 2
            ysz, work = la * lb * 4, la * lb
        e[E_NR] = 2
        if acc:
            e[E_R0 + 4], e[E_R0 + 5] = d, d + ysz
            e[E_NR] = 3
        e[E_W0], e[E_W1] = d, d + ysz
        e[E_MULTS] = work
        e[E_ADDS] = work if (o != OPR or acc) else 0
        return
    d = v[0]
    if o == VMOVE or o == VCLR:
        n = v[2] if o == VMOVE else v[1]
        if o == VMOVE:
            e[E_NR] = 1
            e[E_R0], e[E_R0 + 1] = v[1], v[1] + n
        e[E_W0], e[E_W1] = d, d + n
        e[E_OCC] = _cdiv(n, 2 * L)
        return
    if o == VAV or o == VSV or o == VMV or o == VMAX or o == VGT or o == VAS or o == VMAW:
        n = v[3]
        e[E_NR] = 1 if o == VAS else 2
        e[E_R0], e[E_R0 + 1] = v[1], v[1] + 2 * n
        e[E_R0 + 2], e[E_R0 + 3] = v[2], v[2] + 2 * n
        if o == VMAW:
            e[E_NR] = 3
            e[E_R0 + 4], e[E_R0 + 5] = d, d + 4 * n
            e[E_W0], e[E_W1] = d, d + 4 * n
        else:
            e[E_W0], e[E_W1] = d, d + 2 * n
        e[E_OCC] = _cdiv(n, L)
        e[E_MULTS] = n if (o == VMV or o == VMAW) else 0
        e[E_ADDS] = 0 if o == VMV else n
        return
    if o == VADDW or o == VACT or o == VPWL:
        n = v[2]
        e[E_NR] = 1
        if o == VADDW:
            e[E_R0], e[E_R0 + 1] = v[1], v[1] + 2 * n
            e[E_R0 + 2], e[E_R0 + 3] = d, d + 4 * n
            e[E_NR] = 2
            e[E_W0], e[E_W1] = d, d + 4 * n
        elif o == VACT:
            e[E_R0], e[E_R0 + 1] = v[1], v[1] + 4 * n
            e[E_W0], e[E_W1] = d, d + 2 * n
        else:
            e[E_R0], e[E_R0 + 1] = v[1], v[1] + 2 * n
            e[E_W0], e[E_W1] = d, d + 2 * n
        e[E_OCC] = _cdiv(n, L)
        e[E_MULTS] = 0 if o == VADDW else n
        e[E_ADDS] = n
        return
    e[E_NW] = 0
    e[E_OCC] = 1
    e[E_LAT] = 0


@njit(cache=True)
def cambricon_core(op, regs, imm, acc, layer_of, cfg, sp_bases, fcfg, dparams, bank, group, rank, chan):
    """Numba kernel of :func:`cambricon_core_ref`; same arguments, same results."""
    n_prog = op.shape[0]
    n_layers = cfg[N_LAYERS]
    R = np.zeros(64, np.int64)
    qcap = np.array([cfg[Q_MATRIX], cfg[Q_VECTOR], cfg[Q_DMA], cfg[Q_DMA], cfg[Q_DMA]], np.int64)
    qbuf = np.zeros((5, qcap.max()), np.int64)
    qhead = np.zeros(5, np.int64)
    qlen = np.zeros(5, np.int64)
    free = np.zeros(5, np.int64)
    # ranges in flight, one row each: (first byte, end byte, 1 if written, done cycle)
    fl = np.zeros((256, 4), np.int64)
    nin = 0
    tally = np.zeros((n_layers, 7), np.int64)
    tally[:, 5] = -1
    by_op = np.zeros((n_layers, N_OPS), np.int64)
    op_seen = np.zeros((n_layers, N_OPS), np.int64)
    n_op_seen = np.zeros(n_layers, np.int64)
    busy = np.zeros((n_layers, 5), np.int64)
    sp_bytes = np.zeros((n_layers, 2, 4), np.int64)
    sp_seen = np.zeros((n_layers, 2, 4), np.int64)
    n_sp_seen = np.zeros((n_layers, 2), np.int64)
    led = np.zeros((n_layers, len(LEDGER)), np.int64)
    bins = np.zeros(cfg[MAX_BINS], np.float64)
    width = cfg[BIN_CYCLES]
    do_log = cfg[LOG] != 0
    log = np.zeros((1024 if do_log else 0, 5), np.int64)
    nlog = 0
    e = np.zeros(20, np.int64)
    v = np.zeros(7, np.int64)
    cnt = np.zeros(5, np.int64)  # one transfer's DRAM counts (dram_timing.COUNT_NAMES)
    ws = np.zeros((64, 8), np.int64)   # DRAM scratch: the bursts of one transfer (_schedule)
    # the DRAM address mapping, least significant field first: sizes, and where each field sits
    dg = np.zeros(6, np.int64)
    sz = np.ones(6, np.int64)
    pos = np.zeros(6, np.int64)
    if cfg[DRAM_KIND] == 1:
        for k in range(6):
            f = dparams[D.P_ORDER + k]
            pos[f] = k
            sz[k] = dparams[(D.P_CH, D.P_RK, D.P_BG, D.P_BA, D.P_ROWS, D.P_COLS)[f]]
    bank, group, rank, chan = bank.copy(), group.copy(), rank.copy(), chan.copy()
    scratch = _scratch(dparams)  # a contiguous transfer's queue tables, allocated once
    # power-of-two sizes (the usual case) split addresses by shift and mask, not division (_split)
    shp = np.zeros(6, np.int64)        # per position in the mapping, as sz
    shf = np.zeros(6, np.int64)        # per field, as scratch[0] (_decode_one)
    for k in range(6):
        shp[k] = _log2(sz[k])
        shf[k] = _log2(scratch[0][k])
    bsh = _log2(cfg[BURST_BYTES])
    row_ok = cfg[DRAM_KIND] == 1 and _row_ok(dparams, scratch[0])
    bus_free = 0
    bus_busy = 0
    ratio, clock_hz, peak, bpc = fcfg[0], fcfg[1], fcfg[2], fcfg[3]
    frontend, b = cfg[FRONTEND], cfg[BURST_BYTES]
    free_control = cfg[FREE_CONTROL] != 0
    sb1, sb2, sb3, span = sp_bases[0], sp_bases[1], sp_bases[2], cfg[SP_SPAN]
    penalty = cfg[PENALTY]
    t_next, prev_pc, end, steps, pc = 0, -1, 0, 0, 0
    status = OK
    while True:
        if pc < 0 or pc >= n_prog:
            status = RAN_OFF
            break
        steps += 1
        if steps > cfg[MAX_STEPS]:
            status = TOO_LONG
            break
        li = layer_of[pc]
        if li < 0:
            status = NO_LAYER
            break
        o = op[pc]
        issue = t_next
        if tally[li, 5] < 0:
            tally[li, 5] = issue
        if pc != prev_pc + 1 and prev_pc >= 0 and not free_control:
            issue += penalty
        prev_pc = pc
        tally[li, 0] += 1
        if by_op[li, o] == 0:
            n_op_seen[li] += 1
            op_seen[li, o] = n_op_seen[li]
        by_op[li, o] += 1
        if o < VLOAD:
            nxt = pc + 1
            r0 = regs[pc, 0]
            if o == SLI:
                R[r0] = imm[pc] & MASK
            elif o == SADDI:
                R[r0] = (R[regs[pc, 1]] + imm[pc]) & MASK
            elif o == SADD:
                R[r0] = (R[regs[pc, 1]] + R[regs[pc, 2]]) & MASK
            elif o == SSUB:
                R[r0] = (R[regs[pc, 1]] - R[regs[pc, 2]]) & MASK
            elif o == SMUL:
                R[r0] = (R[regs[pc, 1]] * R[regs[pc, 2]]) & MASK
            elif o == SLT:
                a, c = R[regs[pc, 1]], R[regs[pc, 2]]
                a = a - (1 << 32) if a & 0x8000_0000 else a
                c = c - (1 << 32) if c & 0x8000_0000 else c
                R[r0] = 1 if a < c else 0
            elif o == JUMP:
                nxt = pc + imm[pc]
            elif o == CB:
                if R[r0] != 0:
                    nxt = pc + imm[pc]
            R[0] = 0
            t_next = issue if free_control else issue + 1
            end = max(end, t_next)
            tally[li, 6] = max(tally[li, 6], t_next)
            if o == HALT:
                break
            pc = nxt
            continue
        for k in range(7):
            v[k] = R[regs[pc, k]]
        _effects(o, v, acc[pc], cfg, e)
        if o <= VLOADZ:
            sp = _space(e[E_W0] if (o == VLOAD or o == MLOAD or o == VLOADZ) else e[E_R0], sb1, sb2, sb3, span)
            if sp == 0:
                status = BAD_DMA
                break
            u = 1 + sp
        else:
            u = 0 if o <= OPR else 1
        if qlen[u] >= qcap[u]:
            issue = max(issue, qbuf[u, qhead[u]])
            qhead[u] = qhead[u] + 1 if qhead[u] + 1 < qcap[u] else 0
            qlen[u] -= 1
        ready0 = issue + 1
        ready = ready0
        nr, nw = e[E_NR], e[E_NW]
        # operand ranges, the unused ones (NO_LO, NO_HI), which overlap nothing
        r0a, r0b = (e[E_R0], e[E_R0 + 1]) if nr > 0 else (NO_LO, NO_HI)
        r1a, r1b = (e[E_R0 + 2], e[E_R0 + 3]) if nr > 1 else (NO_LO, NO_HI)
        r2a, r2b = (e[E_R0 + 4], e[E_R0 + 5]) if nr > 2 else (NO_LO, NO_HI)
        wa, wb = (e[E_W0], e[E_W1]) if nw else (NO_LO, NO_HI)
        # one pass: wait for every write in flight this reads and everything in flight this writes; drop
        # the entries done by ready0, which no later instruction can wait for (issue never goes back)
        k2 = 0
        for k in range(nin):
            dk = fl[k, 3]
            if dk > ready0:
                lo, hi = fl[k, 0], fl[k, 1]
                if (wa < hi and lo < wb) or (fl[k, 2] != 0 and ((r0a < hi and lo < r0b) or (r1a < hi and lo < r1b)
                                                                 or (r2a < hi and lo < r2b))):
                    ready = max(ready, dk)
                if k2 != k:
                    fl[k2, 0], fl[k2, 1], fl[k2, 2], fl[k2, 3] = lo, hi, fl[k, 2], dk
                k2 += 1
        nin = k2
        start = max(ready, free[u])
        if e[E_DMA]:
            write, rows, rb, stride, addr = e[E_DWRITE], e[E_DROWS], e[E_DRB], e[E_DSTRIDE], e[E_DADDR]
            nbytes = rows * rb
            if cfg[DRAM_KIND] == 0:
                t = start
                done = start
                n_rows = 1 if (rows <= 1 or stride == rb) else rows
                for r in range(n_rows):
                    nb = nbytes if n_rows == 1 else rb
                    s0 = max(t, bus_free)
                    burst = 0 if nb <= 0 else int(math.ceil(nb / bpc - EPS))
                    bus_free = s0 + burst
                    bus_busy += burst
                    t = bus_free
                    done = max(done, bus_free + cfg[LATENCY])
                    if nb > 0:
                        bins, width = _spread(bins, width, s0, bus_free, nb, cfg[MAX_BINS])
                if n_rows == 1:
                    done = bus_free + cfg[LATENCY]
            elif nbytes <= 0 and (rows <= 1 or stride == rb):
                t = start
                done = start
            else:
                t_d = int(math.ceil(start / ratio - EPS))
                if rows <= 1 or stride == rb:
                    # one contiguous range of bursts: the event loop's transfer step, which serves a run of
                    # row hits in one step (dram_transfer), so a long transfer costs per row, not per burst
                    cnt[0] = cnt[1] = cnt[2] = cnt[3] = cnt[4] = 0
                    first = _split(addr, b, bsh)[1]
                    nburst = _split(addr + nbytes - 1, b, bsh)[1] - first + 1
                    one_row = False
                    if row_ok:
                        one_row, cas_max, dn_max = _row_transfer(t_d, first, nburst, write, dparams, bank, group,
                                                                 rank, chan, cnt, scratch[0], shf, scratch[4],
                                                                 scratch[1])
                    if not one_row:
                        cas_max, dn_max = _transfer_in(t_d, addr // b, (addr + nbytes - 1) // b, write, dparams,
                                                       bank, group, rank, chan, cnt, scratch)
                else:
                    # a strided transfer's bursts, decoded (dram_timing._decode) into ws[:, 0:5]: each row's
                    # first by division, the next ones by counting in the address mapping's mixed radix
                    nburst = 0
                    for r in range(rows):
                        s0 = addr + r * stride
                        x = _split(s0, b, bsh)[1]
                        cnt_r = _split(s0 + rb - 1, b, bsh)[1] - x + 1
                        if nburst + cnt_r > ws.shape[0]:
                            ws = _grow(ws, nburst + cnt_r)
                        for k in range(6):
                            dg[k], x = _split(x, sz[k], shp[k])
                        for i in range(nburst, nburst + cnt_r):
                            rk_g = dg[pos[0]] * dparams[D.P_RK] + dg[pos[1]]
                            g_g = rk_g * dparams[D.P_BG] + dg[pos[2]]
                            ws[i, 0], ws[i, 1], ws[i, 2] = dg[pos[0]], rk_g, g_g
                            ws[i, 3], ws[i, 4] = g_g * dparams[D.P_BA] + dg[pos[3]], dg[pos[4]]
                            for k in range(6):
                                dg[k] += 1
                                if dg[k] < sz[k]:
                                    break
                                dg[k] = 0
                        nburst += cnt_r
                    if row_ok and _one_row(ws, nburst, dparams):
                        # all in one row of one bank (a tile column, a pooling window): the queue's decisions
                        # reduce to serving the oldest, so the row's run of hits is served in closed form
                        cnt[0] = cnt[1] = cnt[2] = cnt[3] = cnt[4] = 0
                        cas_max, dn_max = _row_run(t_d, nburst, write, ws[0, 0], ws[0, 1], ws[0, 2], ws[0, 3],
                                                   ws[0, 4], dparams, bank, group, rank, chan, cnt)
                    else:
                        cas_max, dn_max = _schedule(t_d, nburst, write, dparams, bank, group, rank, chan, ws, cnt)
                t = max(start, int(math.ceil(cas_max * ratio - EPS)))
                done = int(math.ceil(dn_max * ratio - EPS)) + frontend
                bus = int(math.ceil(nbytes * clock_hz / peak))
                _book(led, li, write, start, done, nbytes, nburst, cnt[0], cnt[1], cnt[2], cnt[3])
                bins, width = _spread(bins, width, max(start, done - frontend - bus), done - frontend, nbytes,
                                      cfg[MAX_BINS])
            free[u] = t
            if write:
                tally[li, 2] += nbytes
            else:
                tally[li, 1] += nbytes
            busy[li, u] += done - start
        else:
            free[u] = start + e[E_OCC]
            done = start + e[E_OCC] + e[E_LAT]
            busy[li, u] += e[E_OCC]
        tail = qhead[u] + qlen[u]
        qbuf[u, tail - qcap[u] if tail >= qcap[u] else tail] = start
        qlen[u] += 1
        if nin + nr + nw > fl.shape[0]:   # only then: passing an array back and forth costs reference counting
            fl = _grow(fl, nin + nr + nw)
        for j in range(nr + nw):
            if j < nr:
                a, c, w, side = e[E_R0 + 2 * j], e[E_R0 + 2 * j + 1], 0, 0
            else:
                a, c, w, side = e[E_W0], e[E_W1], 1, 1
            s = _space(a, sb1, sb2, sb3, span)
            if sp_seen[li, side, s] == 0:
                n_sp_seen[li, side] += 1
                sp_seen[li, side, s] = n_sp_seen[li, side]
            sp_bytes[li, side, s] += c - a
            fl[nin, 0], fl[nin, 1], fl[nin, 2], fl[nin, 3] = a, c, w, done
            nin += 1
        tally[li, 3] += e[E_MULTS]
        tally[li, 4] += e[E_ADDS]
        t_next = issue + 1
        end = max(end, done)
        tally[li, 6] = max(tally[li, 6], done)
        if do_log:
            if nlog + 1 > log.shape[0]:
                log = _grow(log, nlog + 1)
            log[nlog, 0], log[nlog, 1], log[nlog, 2], log[nlog, 3], log[nlog, 4] = pc, u, issue, start, done
            nlog += 1
        pc += 1
    return (status, pc, steps, end, tally, by_op, op_seen, busy, sp_bytes, sp_seen, led, _trim(bins), width,
            log[:nlog].copy(), bank, group, rank, chan, np.array([bus_free, bus_busy], np.int64))
