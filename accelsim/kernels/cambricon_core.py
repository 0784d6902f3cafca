"""The DianNao/Cambricon core as one compiled loop: control flow, issue, unit queues, scoreboard, DMA and DRAM.

Kernel :func:`cambricon_core` and its twin :func:`cambricon_core_ref` compute the same
integers; the twin's docstring is the specification. Both follow the program's control flow
(scalar registers and branches, no data) and time every dynamic instruction the way
``accelsim.families.cambricon.core.run_core`` does with a DRAM model from ``accelsim.sim``:
the family encodes its program and spec as arrays (``pack_*`` there), calls the kernel once
and reads the tallies back.

Everything crossing the border is an int64 array (``fcfg`` float64). Layouts:

* program, one row per static instruction: ``op`` (index into :data:`OPS`), ``regs``
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
from collections import deque

import numpy as np
from numba import njit
from numba.extending import register_jitable

from accelsim.kernels import dram_timing as D
from accelsim.kernels.dram_timing import dram_schedule_ref
from accelsim.kernels.spread import spread_into

#: the ISA's mnemonics, grouped by unit: scalar 0..9, DMA 10..13, matrix 14..16, vector 17..28
OPS = ("NOP", "HALT", "SLI", "SADDI", "SADD", "SSUB", "SMUL", "SLT", "JUMP", "CB",
       "VLOAD", "VSTORE", "MLOAD", "MSTORE", "MMV", "VMM", "OP",
       "VMOVE", "VCLR", "VAV", "VSV", "VMV", "VAS", "VMAX", "VGT", "VADDW", "VACT", "VPWL", "VMAW")
(NOP, HALT, SLI, SADDI, SADD, SSUB, SMUL, SLT, JUMP, CB, VLOAD, VSTORE, MLOAD, MSTORE, MMV, VMM, OPR,
 VMOVE, VCLR, VAV, VSV, VMV, VAS, VMAX, VGT, VADDW, VACT, VPWL, VMAW) = range(len(OPS))
N_OPS = len(OPS)
UNITS = ("matrix", "vector", "dma_nbin", "dma_sb", "dma_nbout")
SPACES = ("dram", "nbin", "sb", "nbout")
CFG = ("rows", "cols", "lanes", "m_stages", "v_stages", "q_matrix", "q_vector", "q_dma", "penalty",
       "free_control", "n_layers", "sp_base", "sp_span", "max_steps", "log", "dram_kind", "frontend",
       "latency", "burst_bytes", "bin_cycles", "max_bins")
(ROWS, COLS, LANES, M_STAGES, V_STAGES, Q_MATRIX, Q_VECTOR, Q_DMA, PENALTY, FREE_CONTROL, N_LAYERS, SP_BASE,
 SP_SPAN, MAX_STEPS, LOG, DRAM_KIND, FRONTEND, LATENCY, BURST_BYTES, BIN_CYCLES, MAX_BINS) = range(len(CFG))
TALLY = ("insns", "dram_read", "dram_write", "mults", "adds", "start", "end")
LEDGER = ("transfers", "first_now", "last_done", "bytes_read", "bytes_written", "bursts_read", "bursts_written",
          "row_hits", "row_misses", "row_conflicts", "activates")
OK, RAN_OFF, TOO_LONG, NO_LAYER, BAD_DMA = range(5)
MASK = 0xFFFF_FFFF
EPS = 1e-9
#: scratchpad effects of one instruction, the layout of the kernel's scratch vector
(E_NR, E_R0, E_NW, E_W0, E_W1, E_DMA, E_DWRITE, E_DROWS, E_DRB, E_DSTRIDE, E_DADDR, E_OCC, E_LAT, E_MULTS,
 E_ADDS) = (0, 1, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)


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
    if o == VLOAD or o == VSTORE or o == MLOAD or o == MSTORE:
        if o == VLOAD or o == VSTORE:
            rows, rb, stride, n = 1, v[2], v[2], v[2]
        else:
            rows, rb, stride, n = v[2], v[3], v[4], v[2] * v[3]
        e[E_DMA] = 1
        e[E_DROWS] = rows
        e[E_DRB] = rb
        e[E_DSTRIDE] = stride
        e[E_OCC] = 0
        e[E_LAT] = 0
        if o == VLOAD or o == MLOAD:
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


@register_jitable
def _trim(bins):
    """``bins`` up to its last non-zero entry (a copy)."""
    last = -1
    for b in range(bins.shape[0]):
        if bins[b] != 0.0:
            last = b
    return bins[:last + 1].copy()


@register_jitable
def _book(led, tag, write, now, done, n_bytes, bursts, hits, misses, conflicts, acts):
    """Add one transfer to its tag's ledger row (layout ``LEDGER``)."""
    if led[tag, 0] == 0:
        led[tag, 1] = now
        led[tag, 2] = done
    led[tag, 0] += 1
    led[tag, 1] = min(led[tag, 1], now)
    led[tag, 2] = max(led[tag, 2], done)
    led[tag, 4 if write else 3] += n_bytes
    led[tag, 6 if write else 5] += bursts
    led[tag, 7] += hits
    led[tag, 8] += misses
    led[tag, 9] += conflicts
    led[tag, 10] += acts


@register_jitable
def _spread(bins, w, s, done, n_bytes, max_bins):
    """``n_bytes`` spread over cycles ``[s, done)`` into ``bins`` of ``w`` cycles (``kernels.spread.spread_into``
    on an array, as ``kernels.event_loop.spread_bins`` does it); returns ``(bins, w)``."""
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


@register_jitable
def _cas(t0, w, b_row, b_act, b_cas, b_pre, r_act, r_faw0, r_cas, r_rd, r_wr, g_act, g_cas, g_wr, c_cas, c_bus,
         c_rank, row, r, p_rp, p_rrd_s, p_rrd_l, p_faw, p_rcd, p_ccd_s, p_ccd_l, p_rtw, p_wtr_s, p_wtr_l, p_rtrs,
         lat):
    """``dram_timing._timing`` on scalars (the bank's, group's, rank's and channel's fields): (kind, PRE, ACT, CAS)."""
    pre = -1
    act = -1
    if b_row == row:
        kind = D.HIT
        ready = max(t0, b_cas)
    else:
        if b_row < 0:
            kind = D.MISS
            earliest = max(t0, b_act)
        else:
            kind = D.CONFLICT
            pre = max(t0, b_pre)
            earliest = max(pre + p_rp, b_act)
        act = max(earliest, r_act + p_rrd_s, g_act + p_rrd_l, r_faw0 + p_faw)
        ready = act + p_rcd
    cas = max(ready, c_cas, r_cas + p_ccd_s, g_cas + p_ccd_l)
    if w:
        cas = max(cas, r_rd + p_rtw)
    else:
        cas = max(cas, r_wr + p_wtr_s, g_wr + p_wtr_l)
    gap = p_rtrs if (c_rank >= 0 and c_rank != r) else 0
    return kind, pre, act, max(cas, c_bus + gap - lat)


@register_jitable
def _schedule(t0, n, write, P, bank, group, rank, chan, w):
    """``dram_schedule`` of ``n`` bursts all arriving at ``t0``, on the tables in place.

    The FR-FCFS queue, timing, refresh and state updates of
    :func:`accelsim.kernels.dram_timing.dram_schedule` (held to its twin by the tests of this
    kernel), written out in one function without allocating: a compiled call per burst, as
    there, pays reference counting on every array argument, most of a burst's cost. ``w`` is
    a scratch table of at least ``n`` rows whose columns 0..4 hold the bursts decoded
    (:func:`_decode_run`). Returns ``(last CAS, last data end, hits, misses, conflicts,
    activates)``; times in DRAM cycles.
    """
    qcap = P[D.P_QUEUE]
    gap = max(P[D.T_CL], P[D.T_CWL])
    lat = P[D.T_CWL] if write else P[D.T_CL]
    nb = P[D.P_BG] * P[D.P_BA]
    hits = misses = conflicts = acts = 0
    cas_max = done_max = -(1 << 62)
    for c in range(P[D.P_CH]):
        m = 0
        for i in range(n):
            if w[i, 0] == c:
                w[m, 7] = i
                m += 1
        # the queue holds column 7 (request ids) from head to nxt minus those served (-1), in
        # admission order, which is also non-decreasing admission time (column 5): a column
        # command never issues before the channel's previous one
        head = 0
        nxt = min(m, qcap)
        for k in range(nxt):
            w[w[k, 7], 5] = t0
        qlen = nxt
        while qlen > 0:
            while w[head, 7] < 0:
                head += 1
            t = max(w[w[head, 7], 5], chan[c, D.C_CAS])
            floor = max(chan[c, D.C_CAS], chan[c, D.C_BUS] - gap)
            pick = -1
            best_cas = 0
            best_conf = False
            for k in range(head, nxt):
                j = w[k, 7]
                if j < 0:
                    continue
                if w[j, 5] > t:
                    break
                r, g, b = w[j, 1], w[j, 2], w[j, 3]
                kind, pre, act, cas = _cas(
                    w[j, 5], write, bank[b, D.B_ROW], bank[b, D.B_ACT], bank[b, D.B_CAS], bank[b, D.B_PRE],
                    rank[r, D.R_ACT], rank[r, D.R_FAW0], rank[r, D.R_CAS], rank[r, D.R_RD_CAS], rank[r, D.R_WR_END],
                    group[g, D.G_ACT], group[g, D.G_CAS], group[g, D.G_WR_END], chan[c, D.C_CAS], chan[c, D.C_BUS],
                    chan[c, D.C_RANK], w[j, 4], r, P[D.T_RP], P[D.T_RRD_S], P[D.T_RRD_L], P[D.T_FAW], P[D.T_RCD],
                    P[D.T_CCD_S], P[D.T_CCD_L], P[D.T_RTW], P[D.T_WTR_S], P[D.T_WTR_L], P[D.T_RTRS], lat)
                conf = kind == D.CONFLICT
                if pick < 0 or cas < best_cas or (cas == best_cas and best_conf and not conf):
                    pick = k
                    best_cas = cas
                    best_conf = conf
                    best_kind, best_pre, best_act = kind, pre, act
                    if not conf and cas == floor:
                        break
            # serve the pick (dram_timing._serve): refresh its rank first when due, then retime
            j = w[pick, 7]
            r, g, b, row = w[j, 1], w[j, 2], w[j, 3], w[j, 4]
            kind, pre, act, cas = best_kind, best_pre, best_act, best_cas
            first = pre if pre >= 0 else (act if act >= 0 else cas)
            if first >= rank[r, D.R_REF_DUE]:
                due = rank[r, D.R_REF_DUE]
                tr = due
                for bb in range(r * nb, (r + 1) * nb):
                    tr = max(tr, bank[bb, D.B_ACT])
                    if bank[bb, D.B_ROW] >= 0:
                        tr = max(tr, bank[bb, D.B_PRE] + P[D.T_RP])
                mref = (first - due) // P[D.T_REFI] + 1
                tr = max(due + (mref - 1) * P[D.T_REFI], tr + (mref - 1) * P[D.T_RFC])
                for bb in range(r * nb, (r + 1) * nb):
                    bank[bb, D.B_ROW] = -1
                    bank[bb, D.B_ACT] = tr + P[D.T_RFC]
                rank[r, D.R_REF_DUE] = due + mref * P[D.T_REFI]
                kind, pre, act, cas = _cas(
                    w[j, 5], write, bank[b, D.B_ROW], bank[b, D.B_ACT], bank[b, D.B_CAS], bank[b, D.B_PRE],
                    rank[r, D.R_ACT], rank[r, D.R_FAW0], rank[r, D.R_CAS], rank[r, D.R_RD_CAS], rank[r, D.R_WR_END],
                    group[g, D.G_ACT], group[g, D.G_CAS], group[g, D.G_WR_END], chan[c, D.C_CAS], chan[c, D.C_BUS],
                    chan[c, D.C_RANK], row, r, P[D.T_RP], P[D.T_RRD_S], P[D.T_RRD_L], P[D.T_FAW], P[D.T_RCD],
                    P[D.T_CCD_S], P[D.T_CCD_L], P[D.T_RTW], P[D.T_WTR_S], P[D.T_WTR_L], P[D.T_RTRS], lat)
            if kind != D.HIT:
                bank[b, D.B_ROW] = row
                bank[b, D.B_ACT] = act + P[D.T_RC]
                bank[b, D.B_CAS] = act + P[D.T_RCD]
                bank[b, D.B_PRE] = act + P[D.T_RAS]
                rank[r, D.R_ACT] = act
                group[g, D.G_ACT] = act
                rank[r, D.R_FAW0] = rank[r, D.R_FAW1]
                rank[r, D.R_FAW1] = rank[r, D.R_FAW2]
                rank[r, D.R_FAW2] = rank[r, D.R_FAW3]
                rank[r, D.R_FAW3] = act
                acts += 1
            if write:
                end = cas + P[D.T_CWL] + P[D.T_BL]
                bank[b, D.B_PRE] = max(bank[b, D.B_PRE], end + P[D.T_WR])
                rank[r, D.R_WR_END] = end
                group[g, D.G_WR_END] = end
            else:
                end = cas + P[D.T_CL] + P[D.T_BL]
                bank[b, D.B_PRE] = max(bank[b, D.B_PRE], cas + P[D.T_RTP])
                rank[r, D.R_RD_CAS] = cas
            rank[r, D.R_CAS] = cas
            group[g, D.G_CAS] = cas
            chan[c, D.C_CAS] = cas
            chan[c, D.C_BUS] = end
            chan[c, D.C_RANK] = r
            if P[D.P_CLOSED]:
                bank[b, D.B_ACT] = max(bank[b, D.B_ACT], bank[b, D.B_PRE] + P[D.T_RP])
                bank[b, D.B_ROW] = -1
            if kind == D.HIT:
                hits += 1
            elif kind == D.MISS:
                misses += 1
            else:
                conflicts += 1
            cas_max = max(cas_max, cas)
            done_max = max(done_max, end)
            w[pick, 7] = -1
            qlen -= 1
            if nxt < m:
                w[w[nxt, 7], 5] = max(t0, cas)
                nxt += 1
                qlen += 1
    return cas_max, done_max, hits, misses, conflicts, acts


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
    fl_lo = np.zeros(256, np.int64)
    fl_hi = np.zeros(256, np.int64)
    fl_w = np.zeros(256, np.int64)
    fl_done = np.zeros(256, np.int64)
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
    cnt = np.zeros(4, np.int64)
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
        if o <= MSTORE:
            sp = _space(e[E_W0] if (o == VLOAD or o == MLOAD) else e[E_R0], sb1, sb2, sb3, span)
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
        ready = issue + 1
        nr, nw = e[E_NR], e[E_NW]
        for k in range(nin):
            dk = fl_done[k]
            if dk > ready:
                lo, hi = fl_lo[k], fl_hi[k]
                if fl_w[k]:
                    for j in range(nr):
                        if e[E_R0 + 2 * j] < hi and lo < e[E_R0 + 2 * j + 1]:
                            ready = dk
                if nw and e[E_W0] < hi and lo < e[E_W1]:
                    ready = max(ready, dk)
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
                # the transfer's bursts, decoded (dram_timing._decode) into ws[:, 0:5]: each row's
                # first by division, the next ones by counting in the address mapping's mixed radix
                contiguous = rows <= 1 or stride == rb
                nburst = 0
                for r in range(1 if contiguous else rows):
                    s0 = addr + r * stride
                    x = s0 // b
                    cnt_r = (s0 + (nbytes if contiguous else rb) - 1) // b - x + 1
                    if nburst + cnt_r > ws.shape[0]:
                        ws = _grow(ws, nburst + cnt_r)
                    for k in range(6):
                        dg[k] = x % sz[k]
                        x //= sz[k]
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
                t_d = int(math.ceil(start / ratio - EPS))
                cas_max, dn_max, cnt[0], cnt[1], cnt[2], cnt[3] = _schedule(t_d, nburst, write, dparams, bank, group,
                                                                            rank, chan, ws)
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
        if nin + nr + nw > fl_lo.shape[0]:
            m = 2 * fl_lo.shape[0]
            fl_lo2, fl_hi2, fl_w2, fl_done2 = np.zeros(m, np.int64), np.zeros(m, np.int64), np.zeros(m, np.int64), \
                np.zeros(m, np.int64)
            fl_lo2[:nin], fl_hi2[:nin], fl_w2[:nin], fl_done2[:nin] = fl_lo[:nin], fl_hi[:nin], fl_w[:nin], \
                fl_done[:nin]
            fl_lo, fl_hi, fl_w, fl_done = fl_lo2, fl_hi2, fl_w2, fl_done2
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
            fl_lo[nin], fl_hi[nin], fl_w[nin], fl_done[nin] = a, c, w, done
            nin += 1
        tally[li, 3] += e[E_MULTS]
        tally[li, 4] += e[E_ADDS]
        # an entry finished by the next instruction's earliest start (issue + 2) can never hold it
        if nin > 12:
            k2 = 0
            for k in range(nin):
                if fl_done[k] > issue + 1:
                    fl_lo[k2], fl_hi[k2], fl_w[k2], fl_done[k2] = fl_lo[k], fl_hi[k], fl_w[k], fl_done[k]
                    k2 += 1
            nin = k2
        t_next = issue + 1
        end = max(end, done)
        tally[li, 6] = max(tally[li, 6], done)
        if do_log:
            log = _grow(log, nlog + 1)
            log[nlog, 0], log[nlog, 1], log[nlog, 2], log[nlog, 3], log[nlog, 4] = pc, u, issue, start, done
            nlog += 1
        pc += 1
    return (status, pc, steps, end, tally, by_op, op_seen, busy, sp_bytes, sp_seen, led, _trim(bins), width,
            log[:nlog].copy(), bank, group, rank, chan, np.array([bus_free, bus_busy], np.int64))


# ---- the twin (the specification) -------------------------------------------------------------

def _ref_effects(o: int, v: list[int], acc: int, R: int, C: int, L: int, ms: int, vs: int):
    """``(reads, writes, dma, occupancy, latency, mults, adds)`` of op ``o`` on register values ``v``."""
    ceil = lambda a, b: -(-a // b)  # noqa: E731
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
    unit, or the DMA engine of the scratchpad a ``VLOAD``/``MLOAD`` writes or a
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
    occupancy. A DMA moves ``rows * row_bytes`` bytes: contiguous (one row, or stride equal
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
            s = space(writes[0][0] if o in (VLOAD, MLOAD) else reads[0][0])
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
N_REGS_OF = (0, 0, 1, 2, 3, 3, 3, 3, 0, 1, 3, 3, 5, 5, 7, 5, 5, 3, 2, 4, 4, 4, 4, 4, 4, 3, 4, 3, 4)
#: of which the leading ones are scratchpad addresses (compute ops)
N_ADDR_OF = (0,) * 14 + (3, 3, 3, 2, 1, 3, 3, 3, 2, 3, 3, 2, 2, 2, 3)


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
    dma_sp = (VLOAD, MLOAD)
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
    params, *state = dram_args(int(rng.integers(0, 2**31)), [], closed_page=bool(rng.random() < 0.3))[3:]
    cfg[[DRAM_KIND, FRONTEND, LATENCY, BURST_BYTES]] = timed, rng.integers(0, 8), rng.integers(0, 40), \
        params[D.P_BURST]
    cfg[[BIN_CYCLES, MAX_BINS]] = rng.integers(1, 64), rng.integers(1, 16)
    fcfg = np.array([rng.choice([0.5, 0.8, 1.0, 1.25, 2.0]), 1e9, rng.choice([6.4e9, 12.8e9, 25.6e9]),
                     rng.choice([0.7, 4.0, 16.0, 64.0])], np.float64)
    return (op, regs, imm, acc, layer_of, cfg, sp_bases, fcfg, params, *state)
