"""DRAM pieces of the Cambricon core kernel: bursts scheduled in place, the ledger and the bandwidth series.

``register_jitable`` helpers compiled into :func:`accelsim.kernels.cambricon_core.cambricon_core`
and held to its twin through it: :func:`_schedule` is
:func:`accelsim.kernels.dram_timing.dram_schedule` for one transfer whose bursts all arrive
together, on the state tables in place. The bandwidth series uses
:func:`accelsim.kernels.event_loop.spread_one`, the step the event loop's series takes too.
"""

from __future__ import annotations

from numba.extending import register_jitable

from accelsim.kernels import dram_timing as D


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
