"""One DMA transfer through the DRAM timing model, in place, at a cost of rows touched rather than bursts.

A transfer of the engine is a contiguous range of bursts, all requested at one DRAM cycle and
all reads or all writes. :func:`dram_transfer` schedules it exactly as
:func:`accelsim.kernels.dram_timing.dram_schedule` schedules the same bursts (its twin
:func:`dram_transfer_ref` does just that, through the plain twin of that kernel), but without
building a request per burst:

- each channel's requests are produced as they enter the queue (decoded one by one);
- a *hit run* is served in one step. When the oldest queued request is a row hit whose column
  command falls on the earliest cycle any request of its channel could take (the channel's
  common bound: its last column command, tCCD, turnarounds, the data bus), FR-FCFS serves it;
  the next oldest, if it hits the same row, then finds the same situation ``interval =
  max(tCCD_S, tCCD_L, tBL)`` cycles later, and so on. So a run of ``k`` such hits issues at
  ``cas, cas + interval, ...`` and leaves state that follows in closed form. This holds when
  every request of a channel shares one rank and one bank group (their bound is then common),
  with an open page.
- a refresh does not end a run (:func:`_row_hits`): the hit at or after the rank's due is still
  the oldest request at the channel's bound, so FR-FCFS takes it, and the state machine's own
  step refreshes the rank (closing every bank) and opens the row again; the hits after it go on
  ``interval`` apart from its column command. The run's column commands are then arithmetic in
  segments, one more per refresh (:func:`_cas_of`), which is all the queue behind needs: a
  burst enters at the column command of the request that left to make room.
- a run that empties the queue goes on into the next rows (:func:`_rows`): when a row's first
  burst, the oldest request left, can issue its column command in the very next slot (its PRE
  and ACT hidden behind the run), FR-FCFS takes it then, through the state machine's own step,
  and the rest of its row hits as before. The queue after the run follows in closed form, so a
  long sequential stream costs a few steps per row it opens and one per refresh. When the
  whole queue went, the bursts admitted behind the run take its slots in the same order.

In the FR-FCFS scan, a request for the same row of the same bank as the one queued before it
(and requested no earlier) is skipped: it cannot come first, nor win a tie. A request entering
the queue right after the one before it in its row copies that one's decoded fields. So a
sequential transfer on an open-page ``row:bank:col`` memory costs per row it opens, not per
burst. Mappings where a channel's bursts are not an arithmetic progression of burst
indices (channel neither the lowest field nor single) go through the request-level kernel.
"""

from __future__ import annotations

import numpy as np
from numba import njit
from numba.extending import register_jitable

from accelsim.kernels.dram_timing import (_column_issued, B_CAS, C_BUS, C_CAS, C_RANK, CONFLICT, F_BA, F_BG, F_CH,
                                          F_COL, F_RK, F_ROW, G_CAS, G_WR_END, HIT, P_BA, P_BG, P_BURST, P_CH,
                                          P_CLOSED, P_COLS, P_ORDER, P_QUEUE, P_RK, P_ROWS, R_CAS, R_RD_CAS,
                                          R_REF_DUE, R_WR_END, T_BL, T_CCD_L, T_CCD_S, T_CL, T_CWL, T_RTRS, T_RTW,
                                          T_WTR_L, T_WTR_S, _decode_one, _serve, _sizes, _step, _store, _time,
                                          _timing, dram_schedule, dram_schedule_ref)


@register_jitable
def _next_row(kcol, params, sizes, val, dec, slot):
    """:func:`_decode_one` of the burst after the last column of the row whose fields ``val`` holds (the
    column at position ``kcol`` of the mapping order, the channel, if more than one, below it): the fields
    above the column count on by one, carrying; returns its column, 0."""
    val[F_COL] = 0
    for k in range(kcol + 1, 6):
        f = params[P_ORDER + k]
        val[f] += 1
        if val[f] < sizes[f]:
            break
        val[f] = 0
    _store(params, val, dec, slot)
    return 0


@register_jitable
def _admit(x, prev, slot, col_runs, params, sizes, val, dec, col):
    """Decode burst ``x`` into ``slot``; when it is the next of its channel after ``prev`` (-1: none) and
    columns run, it is ``prev``'s row one column on, unless the column wraps (then decoded in full)."""
    if col_runs and prev >= 0 and col[prev] + 1 < params[P_COLS]:
        for f in range(5):
            dec[slot, f] = dec[prev, f]
        col[slot] = col[prev] + 1
    else:
        col[slot] = _decode_one(x, params, sizes, val, dec, slot)


@register_jitable
def _layout(params, sizes):
    """(channel steps by one burst index: 1 / by ``channels``: 2 / neither: 0, a column run follows: bool)."""
    # the two least significant fields of more than one value (-1: none)
    eff0 = eff1 = -1
    for k in range(6):
        f = params[P_ORDER + k]
        if sizes[f] > 1:
            if eff0 < 0:
                eff0 = f
            elif eff1 < 0:
                eff1 = f
    nch = params[P_CH]
    if nch == 1:
        return 1, eff0 == F_COL
    if eff0 == F_CH:
        return 2, eff1 == F_COL
    return 0, False


@register_jitable(inline="always")
def _bound(c, r, g, write, params, group, rank, chan):
    """Earliest column command of any request of channel ``c`` in rank ``r``, group ``g`` (DRAM cycles)."""
    # the tables are read here, inlined, and the fields passed on: a call with array arguments pays
    # reference counting, about a third of a run's cost per row (see dram_timing._time_fields)
    return _bound_fields(write, r, chan[c, C_CAS], chan[c, C_BUS], chan[c, C_RANK], rank[r, R_CAS],
                         rank[r, R_RD_CAS], rank[r, R_WR_END], group[g, G_CAS], group[g, G_WR_END], params[T_CL],
                         params[T_CWL], params[T_CCD_S], params[T_CCD_L], params[T_RTW], params[T_WTR_S],
                         params[T_WTR_L], params[T_RTRS])


@register_jitable
def _bound_fields(write, r, c_cas, c_bus, c_rank, r_cas, r_rd, r_wr, g_cas, g_wr, p_cl, p_cwl, p_ccd_s, p_ccd_l,
                  p_rtw, p_wtr_s, p_wtr_l, p_rtrs):
    """:func:`_bound` from the channel's, rank's and group's fields (``C_*``, ``R_*``, ``G_*``) and the timings
    ``p_*`` (``params[T_*]``), DRAM cycles."""
    lat = p_cwl if write else p_cl
    cas = max(c_cas, r_cas + p_ccd_s, g_cas + p_ccd_l)
    if write:
        cas = max(cas, r_rd + p_rtw)
    else:
        cas = max(cas, r_wr + p_wtr_s, g_wr + p_wtr_l)
    gap = p_rtrs if (c_rank >= 0 and c_rank != r) else 0
    return max(cas, c_bus + gap - lat)


@register_jitable(inline="always")
def _hits(c, r, g, b, write, cas, k, interval, lat, params, bank, group, rank, chan):
    """State after ``k`` row hits to bank ``b`` issued ``interval`` apart from column command ``cas``:
    returns (last column command, last data end), DRAM cycles."""
    cas_k = cas + (k - 1) * interval
    end = cas_k + lat + params[T_BL]
    _column_issued(c, r, g, b, write, cas_k, end, params, bank, group, rank, chan)
    return cas_k, end


@register_jitable
def _cas_of(u, nseg, seg_u, seg_c, interval):
    """Column command of the ``u``-th request of a run (DRAM cycles): the run issues ``interval`` apart except
    where a refresh pushed a request later; each such jump starts a segment ``(seg_u, seg_c)``, kept in a
    ring of the last ``seg_u.shape[0]`` (a run looks back at most a queue length, so that is enough)."""
    n = seg_u.shape[0]
    j = nseg - 1
    while seg_u[j % n] > u:
        j -= 1
    return seg_c[j % n] + (u - seg_u[j % n]) * interval


@register_jitable
def _row_hits(left, nextcas, end, k, c, r, g, b, row, qlen, queue, enq, t0, write, interval, lat, params, bank,
              group, rank, chan, counts, nseg, seg_u, seg_c):
    """Serve the next ``left`` requests of a run, all row hits to bank ``b`` in the run's order from request
    ``k`` of the run, the first of them at the channel's bound ``nextcas`` (DRAM cycles; ``end``: the data
    end so far); returns (requests served, last column command, last data end, segments).

    Hits before the rank's refresh falls due go ``interval`` apart in closed form (:func:`_hits`). The
    hit at or after the due is still the oldest request at the channel's bound, so FR-FCFS takes it; it
    is served through the state machine's step, which refreshes the rank first (closing every bank) and
    opens the row again; the hits after it follow ``interval`` apart from its column command.
    """
    cas_k = nextcas - interval
    while left > 0:
        due = rank[r, R_REF_DUE]
        h = min(left, (due - nextcas - 1) // interval + 1) if nextcas < due else 0
        if h > 0:
            if nseg == 0:
                nseg = _segment(nseg, k, nextcas, seg_u, seg_c)
            cas_k, end = _hits(c, r, g, b, write, nextcas, h, interval, lat, params, bank, group, rank, chan)
            counts[HIT] += h
            k += h
            left -= h
            nextcas = cas_k + interval
            if left == 0:
                break
        # the oldest request enqueued as the run's (k - qlen)-th left, or from the queue
        t_enq = enq[queue[k]] if k < qlen else max(t0, _cas_of(k - qlen, nseg, seg_u, seg_c, interval))
        kind, pre, act, cas = _time(t_enq, write, c, r, g, b, row, params, bank, group, rank, chan)
        if kind != HIT or cas != nextcas or cas != _bound(c, r, g, write, params, group, rank, chan):
            break
        kind, cas, end = _step(t_enq, write, c, r, g, b, row, kind, pre, act, cas, params, bank, group, rank, chan,
                               counts)
        if nseg == 0 or cas != nextcas:
            nseg = _segment(nseg, k, cas, seg_u, seg_c)
        k += 1
        left -= 1
        cas_k = cas
        nextcas = cas + interval
    return k, cas_k, end, nseg


@register_jitable(inline="always")
def _segment(nseg, u, cas, seg_u, seg_c):
    """Start a segment of the run at its ``u``-th request, column command ``cas``; returns the segment count."""
    n = seg_u.shape[0]
    seg_u[nseg % n] = u
    seg_c[nseg % n] = cas
    return nseg + 1


@register_jitable
def _rows(k, cas_k, end, c, x0, step, nxt, n_c, qlen, queue, enq, t0, write, interval, lat, cols, kcol, params, sizes,
          val, dec, bank, group, rank, chan, counts, nseg, seg_u, seg_c):
    """A run of ``k`` requests so far (the whole queue of ``qlen`` and more) carried on across rows; returns
    (requests served in all, last column command, last data end, segments), DRAM cycles.

    After the run, the oldest request is the next row's first burst, admitted when the run's
    ``(k - qlen)``-th request left, at that one's column command (:func:`_cas_of`); every
    queued request is in its row (checked). If its column command falls on the next slot,
    ``cas_k + interval``, which is also the channel's common bound, FR-FCFS serves it
    (nothing can go earlier, a tie goes to the oldest) exactly as the decision path would
    (same step, ``_step``, which refreshes the rank first when due); the rest of its row then
    hits slot after slot (:func:`_row_hits`). So the queue afterwards follows in closed form.
    """
    decoded = False
    slot = dec.shape[0] - 1
    while True:
        i = nxt - qlen + k  # channel index of the next request
        if i >= n_c:
            break
        if decoded:
            # the row before ran to its last column, so this is the next row's column 0: carry
            # ``val`` (that row's fields) on instead of dividing the burst index out again
            cn = _next_row(kcol, params, sizes, val, dec, slot)
        else:
            cn = _decode_one(x0 + i * step, params, sizes, val, dec, slot)
            decoded = True
        if cn + min(qlen, n_c - i) > cols:
            break
        r, g, b, row = dec[slot, 1], dec[slot, 2], dec[slot, 3], dec[slot, 4]
        j = (nseg - 1) % seg_u.shape[0]  # the newest segment: the one that counts, unless a refresh was near
        if seg_u[j] <= k - qlen:
            t_enq = max(t0, seg_c[j] + (k - qlen - seg_u[j]) * interval)
        else:
            t_enq = max(t0, _cas_of(k - qlen, nseg, seg_u, seg_c, interval))
        kind, pre, act, cas = _time(t_enq, write, c, r, g, b, row, params, bank, group, rank, chan)
        if cas != cas_k + interval or cas != _bound(c, r, g, write, params, group, rank, chan):
            break
        kind, cas, end = _step(t_enq, write, c, r, g, b, row, kind, pre, act, cas, params, bank, group, rank, chan,
                               counts)
        if cas != cas_k + interval:  # a refresh came first
            nseg = _segment(nseg, k, cas, seg_u, seg_c)
        k += 1
        cas_k = cas
        rest = min(cols - cn - 1, n_c - i - 1)
        if rest <= 0:
            continue
        if bank[b, B_CAS] > cas + interval or _bound(c, r, g, write, params, group, rank, chan) != cas + interval:
            break
        due = rank[r, R_REF_DUE]
        if cas + rest * interval < due:  # the common case, the row's rest before the refresh: in closed form
            cas_k, end = _hits(c, r, g, b, write, cas + interval, rest, interval, lat, params, bank, group, rank,
                               chan)
            counts[HIT] += rest
            k += rest
            continue
        k_row = k
        k, cas_k, end, nseg = _row_hits(rest, cas + interval, end, k, c, r, g, b, row, qlen, queue, enq, t0, write,
                                        interval, lat, params, bank, group, rank, chan, counts, nseg, seg_u, seg_c)
        if k - k_row < rest:
            break
    return k, cas_k, end, nseg


@register_jitable
def _transfer(t0, first, last, write, params, bank, group, rank, chan, counts):
    """Schedule bursts ``first..last`` (burst indices), requested at DRAM cycle ``t0``; state advanced in place.

    Returns ``(last column command, last data end)`` in DRAM cycles and adds to ``counts``
    (``COUNT_NAMES`` order), as :func:`dram_transfer_ref` specifies.
    """
    return _transfer_in(t0, first, last, write, params, bank, group, rank, chan, counts, _scratch(params))


@register_jitable
def _scratch(params):
    """The scratch tables of :func:`_transfer_in` for a DRAM of ``params``, allocated once per run by a caller
    that makes many transfers (the Cambricon core: allocating them per transfer cost about 6 % of its time on
    ResNet-50)."""
    qcap = params[P_QUEUE]
    return (_sizes(params), np.zeros((qcap + 1, 5), np.int64), np.zeros(qcap, np.int64), np.zeros(qcap + 1, np.int64),
            np.zeros(6, np.int64), np.zeros(qcap, np.int64), np.zeros(qcap, np.int64), np.zeros(qcap, np.int64),
            np.zeros(qcap, np.int64), np.zeros(qcap, np.int64), np.zeros(qcap, np.int64),
            np.zeros(qcap + 2, np.int64), np.zeros(qcap + 2, np.int64))


@register_jitable
def _transfer_in(t0, first, last, write, params, bank, group, rank, chan, counts, scratch):
    """:func:`_transfer` on the scratch tables ``scratch`` (from :func:`_scratch` for the same ``params``), whose
    contents on entry do not matter."""
    sizes, dec, enq, col, val, is_write, done_s, cas_s, kind_s, queue, fresh, seg_u, seg_c = scratch
    step_kind, col_runs = _layout(params, sizes)
    cas_max = -(1 << 62)
    done_max = -(1 << 62)
    if step_kind == 0:
        n = last - first + 1
        addr = (np.arange(n) + first) * params[P_BURST]
        done, cas, _, cnt, nb, ng, nr, nc = dram_schedule(np.full(n, t0, np.int64), addr, np.full(n, write),
                                                          params, bank, group, rank, chan)
        bank[:, :] = nb
        group[:, :] = ng
        rank[:, :] = nr
        chan[:, :] = nc
        for k in range(5):
            counts[k] += cnt[k]
        return cas.max(), done.max()
    nch = params[P_CH]
    step = 1 if step_kind == 1 else nch
    runs_ok = col_runs and params[P_RK] == 1 and params[P_BG] == 1 and params[P_CLOSED] == 0
    interval = max(params[T_CCD_S], params[T_CCD_L], params[T_BL], 0)
    lat = params[T_CWL] if write else params[T_CL]
    cols = params[P_COLS]
    qcap = params[P_QUEUE]
    kcol = 0  # where the column sits in the mapping order: the fields above it carry as rows go by
    while params[P_ORDER + kcol] != F_COL:
        kcol += 1
    # dec's last row: scratch for a burst not yet queued
    is_write[:] = write
    for c in range(nch if step_kind == 2 else 1):
        x0 = first + ((c - first % nch) % nch) if step_kind == 2 else first
        n_c = (last - x0) // step + 1 if x0 <= last else 0
        nxt = 0
        qlen = 0
        last_in = -1  # the slot of the request admitted last (the channel's previous burst)
        while nxt < n_c and qlen < qcap:
            _admit(x0 + nxt * step, last_in, qlen, col_runs, params, sizes, val, dec, col)
            last_in = qlen
            enq[qlen] = t0
            queue[qlen] = qlen
            qlen += 1
            nxt += 1
        while qlen > 0:
            # enq runs non-decreasing along the queue (a burst enters when one leaves, at or after its column
            # command, and a channel's column commands never go back), so the oldest request is the earliest
            t = max(enq[queue[0]], chan[c, C_CAS])
            s0 = queue[0]
            if runs_ok and enq[s0] <= t:
                kind, pre, act, cas = _timing(s0, enq[s0], dec, is_write, params, bank, group, rank, chan)
                p = 0  # where the run starts in the queue
                if kind == CONFLICT:
                    # FR-FCFS passes over conflicts while a request that keeps its row can go as early: past
                    # the conflicts at the head of the queue (a request of the row before has its kind), a row
                    # hit at the channel's bound goes next, and the rest of its row after it
                    p = 1
                    while p < qlen:
                        j = queue[p]
                        i = queue[p - 1]
                        if dec[j, 3] != dec[i, 3] or dec[j, 4] != dec[i, 4]:
                            kind, pre, act, cas = _timing(j, enq[j], dec, is_write, params, bank, group, rank,
                                                          chan)
                            if kind != CONFLICT:
                                break
                        p += 1
                sp = queue[p] if p < qlen else s0
                r, g, b = dec[sp, 1], dec[sp, 2], dec[sp, 3]
                if (p < qlen and kind == HIT and cas == _bound(c, r, g, write, params, group, rank, chan)
                        and (p == 0 or cas < rank[r, R_REF_DUE])):
                    # a run: the requests of this row in order, the queue's from p on and, when they reach its
                    # end, the bursts behind it up to the row's end (refreshes served on the way when p == 0)
                    row = dec[sp, 4]
                    n_row = 1
                    while p + n_row < qlen and dec[queue[p + n_row], 3] == b and dec[queue[p + n_row], 4] == row:
                        n_row += 1
                    if p + n_row == qlen and nxt < n_c:
                        cn = _decode_one(x0 + nxt * step, params, sizes, val, dec, qcap)
                        if dec[qcap, 3] == b and dec[qcap, 4] == row:
                            n_row += min(cols - cn, n_c - nxt)
                    if p == 0:
                        k, cas_k, end, nseg = _row_hits(n_row, cas, 0, 0, c, r, g, b, row, qlen, queue, enq, t0,
                                                        write, interval, lat, params, bank, group, rank, chan, counts,
                                                        0, seg_u, seg_c)
                        if k == n_row and k >= qlen and col_runs:
                            # the whole queue went: the run goes on through the following rows while each
                            # row's first burst issues in the next column slot (its ACT hidden)
                            k, cas_k, end, nseg = _rows(k, cas_k, end, c, x0, step, nxt, n_c, qlen, queue, enq, t0,
                                                        write, interval, lat, cols, kcol, params, sizes, val, dec,
                                                        bank, group, rank, chan, counts, nseg, seg_u, seg_c)
                    else:
                        # behind conflicts the run stops before a refresh: that closes their banks, and a miss
                        # older than the run's next hit may then go first
                        k = min(n_row, (rank[r, R_REF_DUE] - cas - 1) // interval + 1)
                        cas_k, end = _hits(c, r, g, b, write, cas, k, interval, lat, params, bank, group, rank, chan)
                        counts[HIT] += k
                        nseg = _segment(0, 0, cas, seg_u, seg_c)
                    cas_max = max(cas_max, cas_k)
                    done_max = max(done_max, end)
                    # the queue now holds the unserved old entries, then the bursts admitted as
                    # each of the k left (the u-th at the u-th column command, _cas_of)
                    admitted = min(k, n_c - nxt)
                    served = min(k, qlen - p)
                    u0 = max(0, k - (qlen - p))
                    if served == qlen:
                        # the whole queue left: the newcomers take its slots in the same order
                        if u0 > 0:
                            last_in = -1
                        for u in range(u0, admitted):
                            s = queue[u - u0]
                            _admit(x0 + (nxt + u) * step, last_in, s, col_runs, params, sizes, val, dec, col)
                            last_in = s
                            enq[s] = max(t0, _cas_of(u, nseg, seg_u, seg_c, interval))
                        qlen = admitted - u0
                        nxt += admitted
                        continue
                    for j in range(served):
                        fresh[j] = queue[p + j]
                    kept = p
                    for j in range(p + served, qlen):
                        queue[kept] = queue[j]
                        kept += 1
                    n_free = 0
                    if u0 > 0:
                        last_in = -1
                    for u in range(u0, admitted):
                        s = fresh[n_free]
                        n_free += 1
                        _admit(x0 + (nxt + u) * step, last_in, s, col_runs, params, sizes, val, dec, col)
                        last_in = s
                        enq[s] = max(t0, _cas_of(u, nseg, seg_u, seg_c, interval))
                        queue[kept] = s
                        kept += 1
                    qlen = kept
                    nxt += admitted
                    continue
            # FR-FCFS decision, as in dram_schedule
            floor = max(chan[c, C_CAS], chan[c, C_BUS] - max(params[T_CL], params[T_CWL]))
            pick = -1
            best_cas = 0
            best_conf = False
            for k in range(qlen):
                j = queue[k]
                if enq[j] > t:
                    continue
                if k > 0:
                    # the same row of the same bank as the request before, requested no earlier: its
                    # commands come no earlier (timing is monotone in the request cycle), so it loses
                    i = queue[k - 1]
                    if dec[j, 3] == dec[i, 3] and dec[j, 4] == dec[i, 4] and enq[j] >= enq[i]:
                        continue
                kind, pre, act, cas = _timing(j, enq[j], dec, is_write, params, bank, group, rank, chan)
                conf = kind == CONFLICT
                if pick < 0 or cas < best_cas or (cas == best_cas and best_conf and not conf):
                    pick = k
                    best_cas = cas
                    best_conf = conf
                    if not conf and cas == floor:
                        break
            s = queue[pick]
            cas = _serve(s, enq[s], dec, is_write, params, bank, group, rank, chan, done_s, cas_s, kind_s, counts)
            cas_max = max(cas_max, cas)
            done_max = max(done_max, done_s[s])
            for k in range(pick, qlen - 1):
                queue[k] = queue[k + 1]
            qlen -= 1
            if nxt < n_c:
                _admit(x0 + nxt * step, last_in, s, col_runs, params, sizes, val, dec, col)
                last_in = s
                enq[s] = max(t0, cas)
                queue[qlen] = s
                qlen += 1
                nxt += 1
    return cas_max, done_max


@njit(cache=True)
def dram_transfer(t0, first, last, write, params, bank, group, rank, chan):
    """Numba kernel of :func:`dram_transfer_ref`; same arguments, same results."""
    bank = bank.copy()
    group = group.copy()
    rank = rank.copy()
    chan = chan.copy()
    counts = np.zeros(5, np.int64)
    cas, done = _transfer(t0, first, last, write, params, bank, group, rank, chan, counts)
    return cas, done, counts, bank, group, rank, chan


def dram_transfer_ref(t0, first, last, write, params, bank, group, rank, chan):
    """One transfer: bursts ``first..last`` (burst indices, ``first <= last``), all requested at DRAM cycle ``t0``.

    Exactly :func:`accelsim.kernels.dram_timing.dram_schedule_ref` on those bursts (addresses
    ``burst * burst_bytes``, every arrival ``t0``, every request a write if ``write``) from
    the state tables ``bank, group, rank, chan``, which are not modified. Returns ``(last
    column command, last data end, counts, bank, group, rank, chan)``: DRAM cycles, counts in
    ``COUNT_NAMES`` order and the advanced tables.
    """
    n = last - first + 1
    addr = np.arange(first, last + 1, dtype=np.int64) * int(params[P_BURST])
    done, cas, _, counts, *state = dram_schedule_ref(np.full(n, t0, np.int64), addr, np.full(n, bool(write)),
                                                     params, bank, group, rank, chan)
    return (int(cas.max()), int(done.max()), counts, *state)


def example_args(seed: int, first: int, n_bursts: int, write: bool, t0: int) -> list:
    """Arguments of :func:`dram_transfer` (tests): a small random DRAM from ``seed``, often one that runs hits in bulk.

    Starts from :func:`accelsim.kernels.dram_timing.example_args` (random organisation,
    timings and mapping, a warm state); half the seeds get one rank, one bank group, an open
    page, long rows, a slower refresh and the column (below the channel) as the fastest field,
    so that the hit-run step and its refresh cut-off are exercised.
    """
    from accelsim.kernels import dram_timing as dt
    rng = np.random.default_rng(seed)
    *_, params, bank, group, rank, chan = dt.example_args(seed, [], closed_page=bool(rng.integers(0, 2)))
    if rng.integers(0, 2):
        params = params.copy()
        params[P_RK] = 1
        params[P_BG] = 1
        params[P_CLOSED] = 0
        params[P_COLS] = int(rng.integers(4, 40))
        params[dt.T_REFI] = params[dt.T_RFC] + int(rng.integers(200, 2000))
        order = [F_COL, F_BA, F_ROW, F_RK, F_BG]
        if rng.integers(0, 2):
            order = [F_CH] + order
        else:
            order.append(F_CH)
            params[P_CH] = 1
        params[P_ORDER:P_ORDER + 6] = order
        bank, group, rank, chan = dt.initial_state(params)
    else:
        n_bursts = min(n_bursts, 40)  # the plain twin refreshes one by one: keep tiny tREFIs short
    if rng.integers(0, 2):  # a warm start: an earlier transfer left rows open and buses busy
        a = int(rng.integers(0, 300))
        *_, bank, group, rank, chan = dram_transfer_ref(int(rng.integers(0, 50)), a, a + int(rng.integers(0, 30)),
                                                        bool(rng.integers(0, 2)), params, bank, group, rank, chan)
    return [t0, first, first + max(1, n_bursts) - 1, write, params, bank, group, rank, chan]
