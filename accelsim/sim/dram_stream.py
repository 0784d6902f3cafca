"""The fast path: a long sequential stream on one DRAM channel in closed form, segment by segment.

A sequential stream on an open-page DRAM is a train of bursts one ``interval`` apart,
broken only by refresh and, for some address mappings, by row switches inside one bank.
This module computes that train from the spec without scheduling requests: cost O(number
of refreshes + exposed row switches) instead of O(bursts). ``tests/sim/test_dram_timing.py``
holds it to the request-level kernel (:mod:`accelsim.kernels.dram_timing`).

Shape of the stream (:func:`stream_shape`), from the address mapping:

- below ``row`` sit ``col`` and optionally ``bank_group`` as the fastest field (and
  ``channel``, which must be the fastest of all when there are several channels); then a
  channel's bursts visit ``groups`` bank groups in turn, one row in each (a *row set* of
  ``groups * bursts_per_row`` bursts), and issue every ``interval = max(tBL, tCCD_S,
  ceil(tCCD_L / groups))`` cycles (``max(tBL, tCCD_L)`` with one group);
- if a bank or rank field sits between that block and ``row``, the next row set lies in
  other banks, which FR-FCFS activates while the current set streams: row switches are
  hidden. Otherwise the next row set is in the same banks and every switch is exposed:
  ``PRE`` after the last access (``tRTP``, or ``tCWL + tBL + tWR`` after a write), ``tRP``,
  ``ACT``, ``tRCD``;
- a refresh falls due every ``tREFI``: the first burst whose column command would be at or
  after the due waits for ``REF = max(due, last access + drain + tRP)``, ``tRFC``, and an
  ACT with ``tRCD``.

Assumed, and checked where it can be: one rank streams at a time (its refresh is the one
that counts), reopening a row set costs no more than its first ACT (``tRRD_S <= interval``
or ``tCCD_L <= interval``), and a row set outlasts ``tRAS``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from accelsim.arch.dram import DramTimingSpec
from accelsim.errors import AccelsimError


@dataclass(frozen=True)
class StreamShape:
    """How a sequential stream runs on ``spec`` (DRAM cycles): see the module docstring."""

    interval: int
    groups: int
    bursts_per_set: int
    exposed: bool
    sets_between: int
    drain_read: int
    drain_write: int


def stream_shape(spec: DramTimingSpec) -> StreamShape:
    """The stream shape of ``spec``; :class:`AccelsimError` when the fast path does not apply."""
    low = [f for f in reversed(spec.address_mapping) if _size(spec, f) > 1 or f in ("col", "row")]
    why = None
    if spec.channels > 1 and low[0] != "channel":
        why = "channel must be the fastest address field"
    low = [f for f in low if f != "channel"]
    if low[0] == "bank_group" and low[1] == "col":
        groups, rest = spec.bank_groups, low[2:]
    elif low[0] == "col":
        groups, rest = 1, low[1:]
    else:
        why = why or "col (optionally below bank_group) must be the fastest field after channel"
        groups, rest = 1, ["row"]
    between = math.prod(_size(spec, f) for f in rest[:rest.index("row")])
    bl = spec.burst_cycles
    interval = max(bl, spec.tCCD_S, -(-spec.tCCD_L // groups)) if groups > 1 else max(bl, spec.tCCD_L)
    if groups > 1 and spec.tRRD_S > interval and spec.tCCD_L > interval:
        why = why or "reopening bank groups would cost more than one ACT (tRRD_S and tCCD_L > burst interval)"
    if spec.page_policy != "open":
        why = why or "the page policy must be open"
    if why:
        raise AccelsimError(f"the sequential-stream fast path does not apply: {why}; use the request path",
                            file=spec.file or None, field="controller.address_mapping")
    return StreamShape(interval=interval, groups=groups, bursts_per_set=groups * spec.bursts_per_row,
                       exposed=between == 1, sets_between=between, drain_read=spec.tRTP,
                       drain_write=spec.tCWL + bl + spec.tWR)


def _size(spec: DramTimingSpec, field: str) -> int:
    return {"channel": spec.channels, "rank": spec.ranks, "bank_group": spec.bank_groups,
            "bank": spec.banks_per_group, "row": spec.rows, "col": spec.bursts_per_row}[field]


@dataclass
class StreamChannel:
    """One channel's state on the stream path (DRAM cycles); mutable, private to a run.

    ``open_set``: the row set open (-1: all closed), opened by ACTs from ``set_act``;
    ``closed_since``: when refresh left the banks ready for an ACT; ``due``: next refresh.
    """

    due: int
    last_cas: int | None = None
    open_set: int = -1
    set_act: int = 0
    closed_since: int = 0


def stream_run(spec: DramTimingSpec, shape: StreamShape, ch: StreamChannel, arrival: int, first: int,
               n_bursts: int, write: bool) -> tuple[int, int, int]:
    """Run ``n_bursts`` sequential bursts of one channel from in-channel burst index ``first``.

    The bursts are requested at ``arrival``; ``ch`` is advanced. Returns ``(last column
    command, activates, refreshes)``. A row set is ``first // bursts_per_set``; opening one
    costs an ACT and ``tRCD`` (after a PRE when the open set holds another row of the same
    banks); refreshes fall due every ``tREFI`` as the module docstring says.
    """
    interval, per = shape.interval, shape.bursts_per_set
    drain = shape.drain_write if write else shape.drain_read
    k, acts, refreshes = 0, 0, 0
    t, opened = _open(spec, shape, ch, arrival, first // per, drain)
    acts += opened
    while k < n_bursts:
        run = n_bursts - k
        if shape.exposed:
            run = min(run, per - (first + k) % per)
        if t + (run - 1) * interval >= ch.due:
            m = max(0, -(-(ch.due - t) // interval))  # bursts whose command falls before the due
            if m:
                ch.last_cas = t + (m - 1) * interval
                k += m
            if ch.open_set >= 0:
                ready = max(ch.last_cas + drain + spec.tRP, ch.set_act + spec.tRAS + spec.tRP, ch.set_act + spec.tRC)
            else:
                ready = ch.closed_since
            ref = max(ch.due, ready)
            ch.closed_since, ch.open_set = ref + spec.tRFC, -1
            ch.due += spec.tREFI
            refreshes += 1
            if k < n_bursts:
                t, opened = _open(spec, shape, ch, arrival, (first + k) // per, drain)
                acts += opened
            continue
        ch.last_cas = t + (run - 1) * interval
        if not shape.exposed:  # crossing into other banks is hidden under the stream
            crossed = (first + k + run - 1) // per - (first + k) // per
            acts += crossed * shape.groups
            ch.open_set += crossed
        k += run
        if k < n_bursts:
            t, opened = _open(spec, shape, ch, arrival, (first + k) // per, drain)
            acts += opened
    return (ch.last_cas if ch.last_cas is not None else t), acts, refreshes


def _open(spec: DramTimingSpec, shape: StreamShape, ch: StreamChannel, arrival: int, s: int,
          drain: int) -> tuple[int, int]:
    """(column-command cycle of the first burst of row set ``s``, ACTs issued): opens it if needed."""
    soonest = arrival if ch.last_cas is None else max(arrival, ch.last_cas + shape.interval)
    if ch.open_set == s:
        return soonest, 0
    between = shape.sets_between
    same_banks = (ch.open_set >= 0 and s % between == ch.open_set % between
                  and s // (between * spec.rows) == ch.open_set // (between * spec.rows))
    if same_banks:  # another row of the open banks: the first of them closes after its last access
        first_of_set = ch.last_cas - (shape.groups - 1) * shape.interval
        pre = max(arrival, first_of_set + drain, ch.set_act + spec.tRAS)
        act = max(pre + spec.tRP, ch.set_act + spec.tRC)
    else:
        act = max(arrival, ch.closed_since)
    ch.open_set, ch.set_act = s, act
    return max(soonest, act + spec.tRCD), shape.groups


def stream_cycles(spec: DramTimingSpec, n_bursts: int, write: bool = False) -> int:
    """DRAM cycles from a fresh, idle memory to the last data of a sequential stream from address 0.

    All ``n_bursts`` bursts are requested at cycle 0; channels split them evenly (burst
    interleaving) and run alike, so the one with the most bursts decides.
    """
    shape = stream_shape(spec)
    ch = StreamChannel(due=spec.tREFI // spec.ranks)
    last, _, _ = stream_run(spec, shape, ch, 0, 0, math.ceil(n_bursts / spec.channels), write)
    return last + (spec.tCWL if write else spec.tCL) + spec.burst_cycles
