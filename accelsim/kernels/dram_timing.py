"""DRAM request scheduling: banks, rows, refresh and the data bus, one request (burst) at a time.

Kernel :func:`dram_schedule` and its twin :func:`dram_schedule_ref` compute the same integers;
the twin's docstring is the specification. The kernel's helpers are ``register_jitable``: pieces
of the one kernel, compiled into it and held to the twin through it, not kernels of their own.
Two of them are the bank/row state machine's one step, which every compiled DRAM path shares
(this kernel, the event loop's transfers in :mod:`accelsim.kernels.dram_transfer`, the Cambricon
core): :func:`_time_fields` times a request (kind, PRE, ACT, CAS) and :func:`_step` serves it
(refresh when due, ACT, column command, state). The closed form for long sequential streams
(the fast path) is :mod:`accelsim.sim.dram_stream`, held to this kernel by
``tests/sim/test_dram_timing.py``.

Everything is an int64 array. ``params`` packs the organisation, the address mapping, the
timing (DRAM clock cycles) and the controller settings at the indices named below;
:func:`initial_state` builds the four state tables, which the kernel copies, advances and
returns, so a caller keeps DRAM state across batches.
"""

from __future__ import annotations

import numpy as np
from numba import njit
from numba.extending import register_jitable

# ---- params layout -----------------------------------------------------------------------------
PARAM_NAMES = ("channels", "ranks", "bank_groups", "banks_per_group", "rows", "bursts_per_row", "burst_bytes",
               "order0", "order1", "order2", "order3", "order4", "order5",
               "tBL", "tCL", "tCWL", "tRCD", "tRP", "tRAS", "tRC", "tRRD_S", "tRRD_L", "tFAW", "tWR",
               "tWTR_S", "tWTR_L", "tRTP", "tCCD_S", "tCCD_L", "tRTW", "tRTRS", "tRFC", "tREFI",
               "queue_size", "closed_page")
(P_CH, P_RK, P_BG, P_BA, P_ROWS, P_COLS, P_BURST, P_ORDER) = range(8)
(T_BL, T_CL, T_CWL, T_RCD, T_RP, T_RAS, T_RC, T_RRD_S, T_RRD_L, T_FAW, T_WR, T_WTR_S, T_WTR_L, T_RTP,
 T_CCD_S, T_CCD_L, T_RTW, T_RTRS, T_RFC, T_REFI, P_QUEUE, P_CLOSED) = range(13, 35)
#: address fields, as ids in ``params[order0..order5]`` (least significant first)
FIELDS = ("channel", "rank", "bank_group", "bank", "row", "col")
F_CH, F_RK, F_BG, F_BA, F_ROW, F_COL = range(6)

# ---- state layout ------------------------------------------------------------------------------
#: bank table columns: open row (-1 closed), earliest ACT, earliest column command, earliest PRE
B_ROW, B_ACT, B_CAS, B_PRE = range(4)
#: bank-group table: last ACT, last column command, end of the last write burst
G_ACT, G_CAS, G_WR_END = range(3)
#: rank table: last ACT, the last four ACTs oldest first (tFAW), last column command, last read
#: command, end of the last write burst, next refresh due
R_ACT, R_FAW0, R_FAW1, R_FAW2, R_FAW3, R_CAS, R_RD_CAS, R_WR_END, R_REF_DUE = range(9)
#: channel table: data bus free from, rank of the last burst (-1 none), last column command
C_BUS, C_RANK, C_CAS = range(3)
#: long ago: "no such command yet" (far enough that adding any timing stays in the past)
NEG = -(1 << 40)
#: request kinds and the counts vector
HIT, MISS, CONFLICT = 0, 1, 2
COUNT_NAMES = ("row_hits", "row_misses", "row_conflicts", "activates", "refreshes")


def initial_state(params: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Fresh ``(bank, group, rank, chan)`` tables: every bank closed and ready at cycle 0.

    Refresh is staggered: rank ``k`` of ``n`` in a channel first falls due at ``(k+1)*tREFI//n``.
    """
    ch, rk, bg, ba = (int(params[i]) for i in (P_CH, P_RK, P_BG, P_BA))
    bank = np.zeros((ch * rk * bg * ba, 4), np.int64)
    bank[:, B_ROW] = -1
    group = np.full((ch * rk * bg, 3), NEG, np.int64)
    rank = np.full((ch * rk, 9), NEG, np.int64)
    rank[:, R_REF_DUE] = [(k % rk + 1) * int(params[T_REFI]) // rk for k in range(ch * rk)]
    chan = np.zeros((ch, 3), np.int64)
    chan[:, C_RANK] = -1
    chan[:, C_CAS] = NEG
    return bank, group, rank, chan


# ---- the kernel --------------------------------------------------------------------------------

@register_jitable
def _sizes(params):
    """Size of each address field (``F_*`` order) from ``params``."""
    sizes = np.empty(6, np.int64)
    sizes[F_CH] = params[P_CH]
    sizes[F_RK] = params[P_RK]
    sizes[F_BG] = params[P_BG]
    sizes[F_BA] = params[P_BA]
    sizes[F_ROW] = params[P_ROWS]
    sizes[F_COL] = params[P_COLS]
    return sizes


@register_jitable
def _store(params, val, dec, slot):
    """Row ``slot`` of ``dec``: (channel, global rank, global group, global bank, row) from the fields ``val``."""
    r = val[F_CH] * params[P_RK] + val[F_RK]
    g = r * params[P_BG] + val[F_BG]
    dec[slot, 0] = val[F_CH]
    dec[slot, 1] = r
    dec[slot, 2] = g
    dec[slot, 3] = g * params[P_BA] + val[F_BA]
    dec[slot, 4] = val[F_ROW]


@register_jitable
def _decode_one(x, params, sizes, val, dec, slot):
    """Row ``slot`` of ``dec``: (channel, global rank, global group, global bank, row) of burst ``x``; returns col.

    ``val`` is scratch (6 int64).
    """
    for k in range(6):
        f = params[P_ORDER + k]
        val[f] = x % sizes[f]
        x //= sizes[f]
    _store(params, val, dec, slot)
    return val[F_COL]


@register_jitable
def _decode(addr, params):
    """(channel, global rank, global group, global bank, row) of every request."""
    n = addr.shape[0]
    out = np.empty((n, 5), np.int64)
    sizes = _sizes(params)
    val = np.empty(6, np.int64)
    for i in range(n):
        _decode_one(addr[i] // params[P_BURST], params, sizes, val, out, i)
    return out


@register_jitable
def _refresh(r, first, params, bank, rank, counts):
    """Refreshes of rank ``r`` due at or before cycle ``first``: close every bank, REF, catch up."""
    nb = params[P_BG] * params[P_BA]
    due = rank[r, R_REF_DUE]
    t = due
    for b in range(r * nb, (r + 1) * nb):
        t = max(t, bank[b, B_ACT])
        if bank[b, B_ROW] >= 0:
            t = max(t, bank[b, B_PRE] + params[T_RP])
    m = (first - due) // params[T_REFI] + 1
    # later REFs of an idle rank: back to back (tRFC) until they meet their dues, then on time
    t = max(due + (m - 1) * params[T_REFI], t + (m - 1) * params[T_RFC])
    for b in range(r * nb, (r + 1) * nb):
        bank[b, B_ROW] = -1
        bank[b, B_ACT] = t + params[T_RFC]
    rank[r, R_REF_DUE] = due + m * params[T_REFI]
    counts[4] += m


@register_jitable
def _time_fields(t0, w, b_row, b_act, b_cas, b_pre, r_act, r_faw0, r_cas, r_rd, r_wr, g_act, g_cas, g_wr, c_cas,
                 c_bus, c_rank, row, r, p_rp, p_rrd_s, p_rrd_l, p_faw, p_rcd, p_ccd_s, p_ccd_l, p_rtw, p_wtr_s, p_wtr_l,
                 p_rtrs, lat):
    """(kind, PRE, ACT, CAS) of a request for ``row`` in rank ``r`` (a write if ``w``) enqueued at ``t0``,
    if served next (-1: no such command), from its bank's, group's, rank's and channel's fields
    (``B_*``, ``G_*``, ``R_*``, ``C_*``), the timings ``p_*`` (``params[T_*]``) and the CAS-to-data
    latency ``lat`` (tCWL for a write, tCL for a read). DRAM cycles.

    The one timing step of the bank/row state machine: every compiled DRAM path (the request
    kernel, the event loop's transfers, the Cambricon core) times a request here. It takes the
    fields, not the tables, so a loop that times many requests per decision reads each table
    entry once and passes no array (a call with array arguments pays reference counting: 2.4x
    the Cambricon core's time on AlexNet's classifier when this took ``params``).
    """
    pre = -1
    act = -1
    if b_row == row:
        kind = HIT
        ready = max(t0, b_cas)
    else:
        if b_row < 0:
            kind = MISS
            earliest = max(t0, b_act)
        else:
            kind = CONFLICT
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
def _time(t0, w, c, r, g, b, row, params, bank, group, rank, chan):
    """:func:`_time_fields` of a request for ``row`` of bank ``b`` (group ``g``, rank ``r``, channel ``c``)."""
    lat = params[T_CWL] if w else params[T_CL]
    return _time_fields(t0, w, bank[b, B_ROW], bank[b, B_ACT], bank[b, B_CAS], bank[b, B_PRE], rank[r, R_ACT],
                        rank[r, R_FAW0], rank[r, R_CAS], rank[r, R_RD_CAS], rank[r, R_WR_END], group[g, G_ACT],
                        group[g, G_CAS], group[g, G_WR_END], chan[c, C_CAS], chan[c, C_BUS], chan[c, C_RANK], row, r,
                        params[T_RP], params[T_RRD_S], params[T_RRD_L], params[T_FAW], params[T_RCD], params[T_CCD_S],
                        params[T_CCD_L], params[T_RTW], params[T_WTR_S], params[T_WTR_L], params[T_RTRS], lat)


@register_jitable
def _timing(i, t0, dec, is_write, params, bank, group, rank, chan):
    """:func:`_time` of request ``i`` of the decoded table ``dec`` (channel, rank, group, bank, row)."""
    return _time(t0, is_write[i], dec[i, 0], dec[i, 1], dec[i, 2], dec[i, 3], dec[i, 4], params, bank, group, rank,
                 chan)


@register_jitable(inline="always")
def _column_issued(c, r, g, b, w, cas, end, params, bank, group, rank, chan):
    """The state a column command at ``cas`` leaves behind, its data ending at ``end`` (DRAM cycles): the
    bank's earliest precharge, the rank's and group's last column command and write end, the channel's bus.
    The one serve step and a run of row hits (dram_transfer) both end with it."""
    if w:
        bank[b, B_PRE] = max(bank[b, B_PRE], end + params[T_WR])
        rank[r, R_WR_END] = end
        group[g, G_WR_END] = end
    else:
        bank[b, B_PRE] = max(bank[b, B_PRE], cas + params[T_RTP])
        rank[r, R_RD_CAS] = cas
    rank[r, R_CAS] = cas
    group[g, G_CAS] = cas
    chan[c, C_CAS] = cas
    chan[c, C_BUS] = end
    chan[c, C_RANK] = r


@register_jitable(inline="always")
def _step(t0, w, c, r, g, b, row, kind, pre, act, cas, params, bank, group, rank, chan, counts):
    """Serve a request (as for :func:`_time`) that :func:`_time` timed ``(kind, pre, act, cas)``: returns
    ``(kind, CAS, data end)``, DRAM cycles, with the tables advanced and ``counts`` (``COUNT_NAMES``) added to.

    The one state step of the bank/row state machine, shared by every compiled DRAM path: the
    rank refreshes first when its refresh falls due by the request's first command (then the
    request is timed again), an ACT opens the row, the column command and its data burst move
    the bank, group, rank and channel on; a closed page closes the row behind it.
    """
    first = pre if pre >= 0 else (act if act >= 0 else cas)
    if first >= rank[r, R_REF_DUE]:
        _refresh(r, first, params, bank, rank, counts)
        kind, pre, act, cas = _time(t0, w, c, r, g, b, row, params, bank, group, rank, chan)
    if kind != HIT:
        bank[b, B_ROW] = row
        bank[b, B_ACT] = act + params[T_RC]
        bank[b, B_CAS] = act + params[T_RCD]
        bank[b, B_PRE] = act + params[T_RAS]
        rank[r, R_ACT] = act
        group[g, G_ACT] = act
        rank[r, R_FAW0] = rank[r, R_FAW1]
        rank[r, R_FAW1] = rank[r, R_FAW2]
        rank[r, R_FAW2] = rank[r, R_FAW3]
        rank[r, R_FAW3] = act
        counts[3] += 1
    end = cas + (params[T_CWL] if w else params[T_CL]) + params[T_BL]
    _column_issued(c, r, g, b, w, cas, end, params, bank, group, rank, chan)
    if params[P_CLOSED]:
        bank[b, B_ACT] = max(bank[b, B_ACT], bank[b, B_PRE] + params[T_RP])
        bank[b, B_ROW] = -1
    counts[kind] += 1
    return kind, cas, end


@register_jitable
def _serve(i, t0, dec, is_write, params, bank, group, rank, chan, done, cas_out, kind_out, counts):
    """Schedule request ``i`` (enqueued at ``t0``), refreshing its rank first when due; returns its CAS."""
    c, r, g, b, row = dec[i, 0], dec[i, 1], dec[i, 2], dec[i, 3], dec[i, 4]
    w = is_write[i]
    kind, pre, act, cas = _time(t0, w, c, r, g, b, row, params, bank, group, rank, chan)
    kind, cas, end = _step(t0, w, c, r, g, b, row, kind, pre, act, cas, params, bank, group, rank, chan, counts)
    done[i] = end
    cas_out[i] = cas
    kind_out[i] = kind
    return cas


@njit(cache=True)
def dram_schedule(arrival, addr, is_write, params, bank, group, rank, chan):
    """Numba kernel of :func:`dram_schedule_ref`; same arguments, same results."""
    bank = bank.copy()
    group = group.copy()
    rank = rank.copy()
    chan = chan.copy()
    n = arrival.shape[0]
    done = np.zeros(n, np.int64)
    cas_out = np.zeros(n, np.int64)
    kind_out = np.zeros(n, np.int64)
    counts = np.zeros(5, np.int64)
    dec = _decode(addr, params)
    qcap = params[P_QUEUE]
    enq = np.zeros(n, np.int64)
    queue = np.empty(qcap, np.int64)
    for c in range(params[P_CH]):
        mine = np.flatnonzero(dec[:, 0] == c)
        nxt = 0
        qlen = 0
        while nxt < mine.shape[0] and qlen < qcap:
            enq[mine[nxt]] = arrival[mine[nxt]]
            queue[qlen] = mine[nxt]
            qlen += 1
            nxt += 1
        while qlen > 0:
            t = enq[queue[0]]
            for k in range(1, qlen):
                t = min(t, enq[queue[k]])
            t = max(t, chan[c, C_CAS])
            # no column command can issue before `floor`, so the oldest hit reaching it wins outright
            floor = max(chan[c, C_CAS], chan[c, C_BUS] - max(params[T_CL], params[T_CWL]))
            pick = -1
            best_cas = 0
            best_conf = False
            for k in range(qlen):
                j = queue[k]
                if enq[j] > t:
                    continue
                kind, pre, act, cas = _timing(j, enq[j], dec, is_write, params, bank, group, rank, chan)
                conf = kind == CONFLICT
                if pick < 0 or cas < best_cas or (cas == best_cas and best_conf and not conf):
                    pick = k
                    best_cas = cas
                    best_conf = conf
                    if not conf and cas == floor:
                        break
            cas = _serve(queue[pick], enq[queue[pick]], dec, is_write, params, bank, group, rank, chan,
                         done, cas_out, kind_out, counts)
            for k in range(pick, qlen - 1):
                queue[k] = queue[k + 1]
            qlen -= 1
            if nxt < mine.shape[0]:
                j = mine[nxt]
                enq[j] = max(arrival[j], cas)
                queue[qlen] = j
                qlen += 1
                nxt += 1
    return done, cas_out, kind_out, counts, bank, group, rank, chan


# ---- the twin (the specification) -------------------------------------------------------------

def dram_schedule_ref(arrival, addr, is_write, params, bank, group, rank, chan):
    """Schedule one-burst DRAM requests; returns per-request times, kinds, counts and the new state.

    Inputs (int64 unless said): ``arrival`` (DRAM cycles, non-decreasing), ``addr`` (bytes),
    ``is_write`` (bool), ``params`` (layout ``PARAM_NAMES``), and the state tables ``bank``,
    ``group``, ``rank``, ``chan`` (layouts ``B_*``, ``G_*``, ``R_*``, ``C_*``; see
    :func:`initial_state`). The inputs are not modified.

    **Address.** ``x = addr // burst_bytes`` is split into fields, least significant first
    in the order ``params[order0..order5]`` (ids of ``FIELDS``), each field taking
    ``x % size`` and leaving ``x // size``; sizes are channels, ranks, bank groups, banks per
    group, rows and bursts per row. Whatever remains above the top field wraps away.

    **Queue (per channel, channels are independent).** A channel's requests in index order
    are admitted in that order into a queue of ``queue_size``: the first ``queue_size`` on
    arrival; each later one when a request leaves the queue, at ``max(arrival, column
    command of the request that left)``. A decision is made at ``t = max(last column command
    on the channel, earliest admission time in the queue)``. Among queued requests admitted
    by ``t``, the scheduler takes the one whose column command could issue first if it were
    served next (timing below, refresh aside); ties go to a request that needs no
    precharge (a row hit, or a miss whose ACT fits before that column command), then to the
    oldest. This is FR-FCFS at request level: a row hit that can go first goes first; a
    conflict never closes a row while a request that keeps it can go as early; and a miss
    whose ACT fits in an earlier idle command slot is as ready as a hit, as in a
    command-level controller that issues the ACT in that slot, so oldest first.

    **A request** admitted at ``t0`` to bank ``b`` of bank group ``g``, rank ``r``:

    - hit (row open): column command ready at ``max(t0, b.cas)``;
    - miss (bank closed): ``ACT >= max(t0, b.act)``; conflict (another row open): ``PRE =
      max(t0, b.pre)``, ``ACT >= max(PRE + tRP, b.act)``; an ACT also waits for ``r.act +
      tRRD_S``, ``g.act + tRRD_L`` and the fourth-last ACT of the rank ``+ tFAW``; the column
      command is ready at ``ACT + tRCD``.
    - column command ``CAS >= ready``, the channel's last column command (commands issue in
      order), ``r.cas + tCCD_S``, ``g.cas + tCCD_L``; a write also ``>= r.last_read + tRTW``,
      a read ``>= r.write_end + tWTR_S`` and ``g.write_end + tWTR_L``; its data (``tCL`` or
      ``tCWL`` after the command, ``tBL`` long) starts no earlier than the bus is free, plus
      ``tRTRS`` when the previous burst came from another rank. The request completes when
      its data ends.
    - refresh (all-bank, per rank): if the request's first command (PRE, else ACT, else
      CAS) would fall at ``f >= due``, the rank first performs every refresh due by ``f``:
      ``m = 1 + (f - due) // tREFI`` of them. The first REF waits for ``due``, every bank's
      ``b.act`` and every open bank's ``b.pre + tRP``; later ones follow ``tRFC`` apart or at
      their own dues, whichever is later, so the last is at ``max(due + (m-1)*tREFI,
      REF1 + (m-1)*tRFC)``. All banks close with ``b.act = last REF + tRFC``, the due moves
      on by ``m * tREFI``, and the request is timed again once (a refresh that falls due
      meanwhile waits for the next request, as a controller may postpone refreshes).

    **State updates.** An ACT sets the bank's row, ``b.act = ACT + tRC``, ``b.cas = ACT +
    tRCD``, ``b.pre = ACT + tRAS`` and records the ACT in the rank, group and tFAW window. A
    read raises ``b.pre`` to ``CAS + tRTP``, a write to ``data end + tWR``. Closed page: the
    bank precharges at ``b.pre``, so it closes with ``b.act >= b.pre + tRP``.

    Returns ``(done, cas, kind, counts, bank, group, rank, chan)``: data-end and
    column-command cycles and kind (``HIT``/``MISS``/``CONFLICT``) per request, counts in
    ``COUNT_NAMES`` order, and the advanced state tables.
    """
    p = {name: int(v) for name, v in zip(PARAM_NAMES, params)}
    sizes = {"channel": p["channels"], "rank": p["ranks"], "bank_group": p["bank_groups"],
             "bank": p["banks_per_group"], "row": p["rows"], "col": p["bursts_per_row"]}
    order = [FIELDS[p[f"order{k}"]] for k in range(6)]
    n = len(arrival)

    reqs = []
    for i in range(n):
        x, f = int(addr[i]) // p["burst_bytes"], {}
        for name in order:
            x, f[name] = divmod(x, sizes[name])
        reqs.append({"i": i, "arrival": int(arrival[i]), "write": bool(is_write[i]), "row": f["row"],
                     "ch": f["channel"], "rk": (f["channel"], f["rank"]),
                     "bg": (f["channel"], f["rank"], f["bank_group"]),
                     "bank": (f["channel"], f["rank"], f["bank_group"], f["bank"])})

    keys = _keys(p)
    banks = {k: dict(zip(("row", "act", "cas", "pre"), map(int, bank[idx]))) for idx, k in enumerate(keys["bank"])}
    groups = {k: dict(zip(("act", "cas", "wr_end"), map(int, group[idx]))) for idx, k in enumerate(keys["bg"])}
    ranks = {k: {"act": int(rank[idx, R_ACT]), "faw": [int(v) for v in rank[idx, R_FAW0:R_FAW3 + 1]],
                 "cas": int(rank[idx, R_CAS]), "rd_cas": int(rank[idx, R_RD_CAS]),
                 "wr_end": int(rank[idx, R_WR_END]), "due": int(rank[idx, R_REF_DUE])}
             for idx, k in enumerate(keys["rk"])}
    chans = {k: {"bus": int(chan[k, C_BUS]), "rank": int(chan[k, C_RANK]), "cas": int(chan[k, C_CAS])}
             for k in range(p["channels"])}
    rank_index = {k: idx for idx, k in enumerate(keys["rk"])}
    counts = {name: 0 for name in COUNT_NAMES}
    out = {"done": [0] * n, "cas": [0] * n, "kind": [0] * n}

    def refresh(rk_key, first):
        rk = ranks[rk_key]
        mine = [s for k, s in banks.items() if k[:2] == rk_key]
        ref = max([rk["due"]] + [s["act"] for s in mine] + [s["pre"] + p["tRP"] for s in mine if s["row"] >= 0])
        rk["due"] += p["tREFI"]
        counts["refreshes"] += 1
        while rk["due"] <= first:
            ref = max(rk["due"], ref + p["tRFC"])
            rk["due"] += p["tREFI"]
            counts["refreshes"] += 1
        for s in mine:
            s["row"], s["act"] = -1, ref + p["tRFC"]

    def timing(q, t0):
        """(kind, commands in order, ACT or None, CAS) if ``q`` were served next, ignoring refresh."""
        s, grp, rk, ch = banks[q["bank"]], groups[q["bg"]], ranks[q["rk"]], chans[q["ch"]]
        lat = p["tCWL"] if q["write"] else p["tCL"]
        cmds, act = [], None
        if s["row"] == q["row"]:
            kind, ready = HIT, max(t0, s["cas"])
        else:
            if s["row"] < 0:
                kind, earliest = MISS, max(t0, s["act"])
            else:
                kind, pre = CONFLICT, max(t0, s["pre"])
                earliest = max(pre + p["tRP"], s["act"])
                cmds.append(pre)
            act = max(earliest, rk["act"] + p["tRRD_S"], grp["act"] + p["tRRD_L"], rk["faw"][0] + p["tFAW"])
            cmds.append(act)
            ready = act + p["tRCD"]
        limits = [ready, ch["cas"], rk["cas"] + p["tCCD_S"], grp["cas"] + p["tCCD_L"]]
        if q["write"]:
            limits.append(rk["rd_cas"] + p["tRTW"])
        else:
            limits += [rk["wr_end"] + p["tWTR_S"], grp["wr_end"] + p["tWTR_L"]]
        switch = p["tRTRS"] if ch["rank"] not in (-1, rank_index[q["rk"]]) else 0
        limits.append(ch["bus"] + switch - lat)
        cas = max(limits)
        return kind, cmds + [cas], act, cas

    def serve(q, t0):
        s, grp, rk, ch = banks[q["bank"]], groups[q["bg"]], ranks[q["rk"]], chans[q["ch"]]
        lat = p["tCWL"] if q["write"] else p["tCL"]
        kind, cmds, act, cas = timing(q, t0)
        if cmds[0] >= rk["due"]:
            refresh(q["rk"], cmds[0])
            kind, cmds, act, cas = timing(q, t0)
        if kind != HIT:
            s.update(row=q["row"], act=act + p["tRC"], cas=act + p["tRCD"], pre=act + p["tRAS"])
            rk["act"] = grp["act"] = act
            rk["faw"] = rk["faw"][1:] + [act]
            counts["activates"] += 1
        end = cas + lat + p["tBL"]
        if q["write"]:
            s["pre"] = max(s["pre"], end + p["tWR"])
            rk["wr_end"] = grp["wr_end"] = end
        else:
            s["pre"] = max(s["pre"], cas + p["tRTP"])
            rk["rd_cas"] = cas
        rk["cas"] = grp["cas"] = cas
        ch.update(cas=cas, bus=end, rank=rank_index[q["rk"]])
        if p["closed_page"]:
            s["act"] = max(s["act"], s["pre"] + p["tRP"])
            s["row"] = -1
        out["done"][q["i"]], out["cas"][q["i"]], out["kind"][q["i"]] = end, cas, kind
        counts[COUNT_NAMES[kind]] += 1
        return cas

    for c in range(p["channels"]):
        waiting = [q for q in reqs if q["ch"] == c]
        queue = waiting[:p["queue_size"]]
        waiting = waiting[p["queue_size"]:]
        for q in queue:
            q["enq"] = q["arrival"]
        while queue:
            t = max(chans[c]["cas"], min(q["enq"] for q in queue))
            seen = [q for q in queue if q["enq"] <= t]

            def rank_key(q):
                kind, _, _, cas = timing(q, q["enq"])
                return cas, kind == CONFLICT, q["i"]
            q = min(seen, key=rank_key)
            cas = serve(q, q["enq"])
            queue.remove(q)
            if waiting:
                nxt = waiting.pop(0)
                nxt["enq"] = max(nxt["arrival"], cas)
                queue.append(nxt)

    bank_out = np.array([[banks[k][f] for f in ("row", "act", "cas", "pre")] for k in keys["bank"]], np.int64)
    group_out = np.array([[groups[k][f] for f in ("act", "cas", "wr_end")] for k in keys["bg"]], np.int64)
    rank_out = np.array([[ranks[k]["act"], *ranks[k]["faw"], ranks[k]["cas"], ranks[k]["rd_cas"],
                          ranks[k]["wr_end"], ranks[k]["due"]] for k in keys["rk"]], np.int64)
    chan_out = np.array([[chans[k]["bus"], chans[k]["rank"], chans[k]["cas"]] for k in range(p["channels"])],
                        np.int64)
    return (np.array(out["done"], np.int64), np.array(out["cas"], np.int64), np.array(out["kind"], np.int64),
            np.array([counts[k] for k in COUNT_NAMES], np.int64),
            bank_out.reshape(bank.shape), group_out.reshape(group.shape), rank_out.reshape(rank.shape),
            chan_out.reshape(chan.shape))


def _keys(p: dict) -> dict[str, list[tuple]]:
    """Table rows in storage order: (channel, rank[, group[, bank]]) tuples, row-major."""
    rk = [(c, r) for c in range(p["channels"]) for r in range(p["ranks"])]
    bg = [k + (g,) for k in rk for g in range(p["bank_groups"])]
    return {"rk": rk, "bg": bg, "bank": [k + (b,) for k in bg for b in range(p["banks_per_group"])]}


def example_args(seed: int, requests, closed_page: bool = False, warm: bool = False) -> list:
    """Kernel arguments for tests and benchmarks: a small random DRAM from ``seed``, then ``requests``.

    ``requests`` is a list of ``(gap_cycles, burst_index, is_write)``; arrivals accumulate
    the gaps, addresses are ``burst_index * burst_bytes`` (so they wrap around the small
    memory and collide on banks and rows). Timings are drawn small (``tREFI`` <= 200) so that
    refresh, tFAW and turnarounds all bind. ``warm`` starts from the state a random batch
    left behind instead of the fresh state.
    """
    rng = np.random.default_rng(seed)
    v = {"channels": rng.integers(1, 3), "ranks": rng.integers(1, 3), "bank_groups": rng.integers(1, 3),
         "banks_per_group": rng.integers(1, 4), "rows": rng.integers(1, 5), "bursts_per_row": rng.integers(1, 5),
         "burst_bytes": 64, "tBL": rng.integers(1, 5), "tCL": rng.integers(1, 12), "tRCD": rng.integers(1, 9),
         "tRP": rng.integers(1, 9), "tRRD_S": rng.integers(0, 5), "tFAW": rng.integers(0, 25), "tWR": rng.integers(0, 9),
         "tWTR_S": rng.integers(0, 5), "tRTP": rng.integers(0, 7), "tCCD_S": rng.integers(0, 5),
         "tRTW": rng.integers(0, 11), "tRTRS": rng.integers(0, 4), "tRFC": rng.integers(1, 31),
         "queue_size": rng.integers(1, 9), "closed_page": int(closed_page)}
    v["tCWL"] = rng.integers(1, v["tCL"] + 1)
    v["tRAS"] = v["tRCD"] + rng.integers(0, 11)
    v["tRC"] = v["tRAS"] + v["tRP"] + rng.integers(-2, 6)
    v["tRC"] = max(v["tRC"], v["tRAS"])
    for short in ("tRRD", "tWTR", "tCCD"):
        v[f"{short}_L"] = v[f"{short}_S"] + rng.integers(0, 4)
    v["tREFI"] = v["tRFC"] + rng.integers(1, 170)
    v.update({f"order{k}": f for k, f in enumerate(rng.permutation(6))})
    params = np.array([v[name] for name in PARAM_NAMES], np.int64)
    state = initial_state(params)
    if warm:
        n = int(rng.integers(1, 30))
        pre = dram_schedule_ref(np.sort(rng.integers(0, 100, n)), rng.integers(0, 200, n) * 64,
                                rng.random(n) < 0.5, params, *state)
        state = pre[4:]
    gaps, bursts, writes = zip(*requests) if requests else ((), (), ())
    return [np.cumsum(np.array(gaps, np.int64)), np.array(bursts, np.int64) * 64, np.array(writes, np.bool_),
            params, *state]
