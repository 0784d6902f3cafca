"""DRAM pieces of the Cambricon core kernel: bursts scheduled in place, the ledger and the bandwidth series.

``register_jitable`` helpers compiled into :func:`accelsim.kernels.cambricon_core.cambricon_core`
and held to its twin through it: :func:`_schedule` is
:func:`accelsim.kernels.dram_timing.dram_schedule` for one strided transfer whose bursts all
arrive together, on the state tables in place, through the bank/row state machine's shared steps
(``dram_timing._time_fields``, ``_step``); a contiguous transfer goes through the event loop's
own step, :func:`accelsim.kernels.dram_transfer._transfer`, or, when it stays in one row,
:func:`_row_transfer`, that step's outcome for this case without its queue; a strided transfer that stays in one
row of one bank (:func:`_one_row`) is served by the same row run, :func:`_row_run`. The bandwidth series uses
:func:`accelsim.kernels.event_loop.spread_one`, the step the event loop's series takes too.
"""

from __future__ import annotations

from numba.extending import register_jitable

from accelsim.kernels import dram_timing as D
from accelsim.kernels.dram_transfer import _bound, _hits, _layout


@register_jitable
def _log2(n):
    """``k`` with ``2**k == n``, or -1 when ``n`` is no power of two."""
    k = 0
    while (1 << k) < n:
        k += 1
    return k if (1 << k) == n else -1


@register_jitable
def _split(x, size, shift):
    """``(x % size, x // size)``, by mask and shift when ``shift >= 0`` (``size == 2**shift``): the same integers
    (floor division and modulo, negative ``x`` too) without the divide, which costs tens of cycles."""
    if shift >= 0:
        return x & (size - 1), x >> shift
    return x % size, x // size


@register_jitable
def _decode_one(x, params, sizes, shifts, val, dec, slot):
    """``dram_timing._decode_one`` with the fields split by :func:`_split` (``shifts[f]``: field ``f``'s
    :func:`_log2`): row ``slot`` of ``dec`` = (channel, global rank, global group, global bank, row) of burst
    ``x``; returns its column."""
    for k in range(6):
        f = params[D.P_ORDER + k]
        val[f], x = _split(x, sizes[f], shifts[f])
    D._store(params, val, dec, slot)
    return val[D.F_COL]


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
def _schedule(t0, n, write, P, bank, group, rank, chan, w, counts):
    """``dram_schedule`` of ``n`` bursts all arriving at ``t0``, on the tables in place.

    The FR-FCFS queue of :func:`accelsim.kernels.dram_timing.dram_schedule` (held to its twin
    by the tests of this kernel) without allocating, around the state machine's own steps
    (:func:`accelsim.kernels.dram_timing._time_fields` and ``_step``, which every compiled DRAM
    path shares). ``w`` is a scratch table of at least ``n`` rows whose columns 0..4 hold the
    bursts decoded (channel, rank, group, bank, row). ``counts`` (5 int64, ``COUNT_NAMES``
    order) is zeroed, then counts this transfer. Returns ``(last CAS, last data end)`` in DRAM
    cycles.
    """
    qcap = P[D.P_QUEUE]
    gap = max(P[D.T_CL], P[D.T_CWL])
    lat = P[D.T_CWL] if write else P[D.T_CL]
    counts[:] = 0
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
            best_kind = best_pre = best_act = -1
            for k in range(head, nxt):
                j = w[k, 7]
                if j < 0:
                    continue
                if w[j, 5] > t:
                    break
                r, g, b = w[j, 1], w[j, 2], w[j, 3]
                kind, pre, act, cas = D._time_fields(
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
            j = w[pick, 7]
            kind, cas, end = D._step(w[j, 5], write, c, w[j, 1], w[j, 2], w[j, 3], w[j, 4], best_kind, best_pre,
                                     best_act, best_cas, P, bank, group, rank, chan, counts)
            cas_max = max(cas_max, cas)
            done_max = max(done_max, end)
            w[pick, 7] = -1
            qlen -= 1
            if nxt < m:
                w[w[nxt, 7], 5] = max(t0, cas)
                nxt += 1
                qlen += 1
    return cas_max, done_max


@register_jitable
def _row_ok(P, sizes):
    """Whether :func:`_row_transfer` applies to the DRAM ``P``: one channel, one rank and group, open page, the
    column the fastest field (the conditions of ``dram_transfer``'s hit runs, channel stepping by one burst)."""
    step_kind, col_runs = _layout(P, sizes)
    return step_kind == 1 and col_runs and P[D.P_RK] == 1 and P[D.P_BG] == 1 and P[D.P_CLOSED] == 0


@register_jitable
def _row_transfer(t0, first, n, write, P, bank, group, rank, chan, counts, sizes, shifts, val, dec):
    """``dram_transfer._transfer`` of bursts ``first .. first + n - 1`` (``n >= 1``) at DRAM cycle ``t0``, on a
    DRAM where :func:`_row_ok` holds, if they lie in one row and fit the queue: returns ``(done, last CAS, last
    data end)``, or ``done = False`` with the tables untouched (then use ``_transfer``).

    Why it is the same: all ``n`` requests enter the queue at ``t0`` and nothing enters later;
    they share bank and row, so in every FR-FCFS decision the later ones are skipped behind the
    oldest, which is served; and whenever the oldest is a row hit on the channel's common bound
    before a refresh falls due, ``_transfer``'s hit run serves up to the refresh cut-off in
    closed form (``_hits``), its carry-on into later rows finding none. ``val`` and ``dec``
    are scratch (6 and at least 1 x 5 int64); ``shifts`` the fields' :func:`_log2`.
    """
    if n > P[D.P_QUEUE]:
        return False, 0, 0
    slot = dec.shape[0] - 1
    col = _decode_one(first, P, sizes, shifts, val, dec, slot)
    if col + n > P[D.P_COLS]:
        return False, 0, 0
    cas_max, done_max = _row_run(t0, n, write, dec[slot, 0], dec[slot, 1], dec[slot, 2], dec[slot, 3], dec[slot, 4], P,
                                 bank, group, rank, chan, counts)
    return True, cas_max, done_max


@register_jitable
def _one_row(w, n, P):
    """Whether the ``n`` decoded bursts of ``w`` (columns 0..4 as in :func:`_schedule`) are at least one, fit the
    queue and all lie in one row of one bank, so that :func:`_row_run` may serve them."""
    if n < 1 or n > P[D.P_QUEUE]:
        return False
    for i in range(1, n):
        for k in range(5):
            if w[i, k] != w[0, k]:
                return False
    return True


@register_jitable
def _row_run(t0, n, write, c, r, g, b, row, P, bank, group, rank, chan, counts):
    """``n`` bursts (``1 <= n <=`` the queue) to ``row`` of bank ``b`` (group ``g``, rank ``r``, channel ``c``;
    global indices) all arriving at DRAM cycle ``t0``, on a DRAM where :func:`_row_ok` holds: returns
    ``(last CAS, last data end)``; adds to ``counts``.

    Why it is :func:`_schedule` (and ``_transfer``) on those bursts: the timing of a request
    reads its bank, row and arrival, never its column, so all ``n`` look alike in every FR-FCFS
    decision and the oldest is served; a row hit on the channel's common bound before a
    refresh falls due starts a run of hits ``interval`` apart, served up to the refresh
    cut-off in closed form (``dram_transfer._hits``), the rest one ``_step`` each.
    """
    interval = max(P[D.T_CCD_S], P[D.T_CCD_L], P[D.T_BL], 0)
    lat = P[D.T_CWL] if write else P[D.T_CL]
    cas_max = done_max = -(1 << 62)
    rem = n
    while rem > 0:
        kind, pre, act, cas = D._time(t0, write, c, r, g, b, row, P, bank, group, rank, chan)
        due = rank[r, D.R_REF_DUE]
        if kind == D.HIT and cas < due and cas == _bound(c, r, g, write, P, group, rank, chan):
            k = min(rem, (due - cas - 1) // interval + 1)
            cas_k, end = _hits(c, r, g, b, write, cas, k, interval, lat, P, bank, group, rank, chan)
            counts[D.HIT] += k
        else:
            k = 1
            kind, cas_k, end = D._step(t0, write, c, r, g, b, row, kind, pre, act, cas, P, bank, group, rank, chan,
                                       counts)
        cas_max = max(cas_max, cas_k)
        done_max = max(done_max, end)
        rem -= k
    return cas_max, done_max
