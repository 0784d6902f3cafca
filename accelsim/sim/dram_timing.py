"""The DRAM the engine's DMA units talk to: banks, rows, refresh and energy, or bandwidth + latency.

Every model here offers the engine's DRAM interface (see :mod:`accelsim.sim.engine`)::

    issued, done = dram.transfer(now, addr, n_bytes, write, tag)

called in non-decreasing ``now`` (accelerator cycles), with state kept between calls so the
transfers of different DMA units contend. ``issued`` is when the memory has taken the last
of the transfer's requests (the DMA unit may issue its next transfer), ``done`` when its
last byte has arrived (read) or been written. ``dram.stats()`` returns a :class:`DramStats`.

- :class:`DramModel` splits a transfer into bursts by the address mapping and schedules
  them against bank, bus and refresh state (``path="request"``, the Numba kernel
  :func:`accelsim.kernels.dram_timing.dram_schedule`), or runs the transfer as a
  sequential stream in closed form (``path="stream"``, :mod:`accelsim.sim.dram_stream`).
  On the request path the engine's compiled loop runs the transfers itself
  (:func:`accelsim.kernels.event_loop.event_loop_dram`, same results) and hands the model
  its new state and the transfers to book (:meth:`DramModel.kernel_args`, :meth:`DramModel.book`).
- :class:`BandwidthDram` is the quick-study model: one channel, a fixed rate and a fixed
  round trip (the behaviour of :class:`accelsim.sim.dram.SimpleDram`), with the same stats.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from accelsim.arch.dram import DramTimingSpec
from accelsim.arch.spec import DramSpec
from accelsim.sim.dram import SimpleDram
from accelsim.sim.dram_stream import StreamChannel, stream_run, stream_shape

PATHS = ("request", "stream")
# per-tag counters, in this order
_COUNTERS = ("bytes_read", "bytes_written", "bursts_read", "bursts_written",
             "row_hits", "row_misses", "row_conflicts", "activates")


@dataclass(frozen=True)
class DramStats:
    """What a run did to DRAM: bytes, row-buffer behaviour, bandwidth and energy.

    ``elapsed_cycles`` (accelerator cycles at ``clock_hz``) is the span the figures cover:
    from cycle 0 to the last completion for the totals, from a tag's first request to its
    last completion for a tag. ``refreshes`` counts every rank's refreshes over that span
    (a DRAM refreshes whether or not it is accessed). Energy in pJ: ``activate`` (ACT with
    its PRE), ``read``/``write`` bursts, ``refresh`` and ``background`` (standby power over
    the span). The time-based parts (refresh, background) belong to the whole memory, so a
    tag's are zero and ``sum(tag energies) + refresh + background == total``.
    ``by_tag`` maps each tag (the engine passes the layer index) to its own stats.
    """

    bytes_read: int = 0
    bytes_written: int = 0
    bursts_read: int = 0
    bursts_written: int = 0
    row_hits: int = 0
    row_misses: int = 0
    row_conflicts: int = 0
    activates: int = 0
    refreshes: int = 0
    elapsed_cycles: int = 0
    clock_hz: float = 1.0
    peak_bytes_per_s: float = 0.0
    activate_energy_pj: float = 0.0
    read_energy_pj: float = 0.0
    write_energy_pj: float = 0.0
    refresh_energy_pj: float = 0.0
    background_energy_pj: float = 0.0
    by_tag: dict[int, "DramStats"] = field(default_factory=dict)

    @property
    def bytes(self) -> int:
        """Bytes moved either way."""
        return self.bytes_read + self.bytes_written

    @property
    def row_hit_rate(self) -> float:
        """Fraction of bursts that found their row open (0 when no bursts)."""
        n = self.row_hits + self.row_misses + self.row_conflicts
        return self.row_hits / n if n else 0.0

    @property
    def achieved_bytes_per_s(self) -> float:
        """Bytes over the elapsed time."""
        return self.bytes * self.clock_hz / self.elapsed_cycles if self.elapsed_cycles else 0.0

    @property
    def bandwidth_utilization(self) -> float:
        """Achieved bandwidth as a fraction of the data-bus peak."""
        return self.achieved_bytes_per_s / self.peak_bytes_per_s if self.peak_bytes_per_s else 0.0

    @property
    def energy_pj(self) -> float:
        """Total DRAM energy: the five parts summed."""
        return (self.activate_energy_pj + self.read_energy_pj + self.write_energy_pj
                + self.refresh_energy_pj + self.background_energy_pj)


class _Ledger:
    """Counters per tag plus each tag's first request and last completion (accelerator cycles)."""

    def __init__(self) -> None:
        from accelsim.sim.bandwidth import BandwidthSeries
        self.tags: dict[int, list] = {}
        self.last_done = 0
        self.series = BandwidthSeries()

    def add(self, tag: int, start: int, done: int, **counts: int) -> None:
        row = self.tags.get(tag)
        if row is None:
            row = self.tags[tag] = [0] * len(_COUNTERS) + [start, done]
        for k, v in counts.items():
            row[_COUNTERS.index(k)] += v
        row[-2] = min(row[-2], start)
        row[-1] = max(row[-1], done)
        self.last_done = max(self.last_done, done)

    def add_many(self, tags: list[int], sums: list[list[int]], first: list[int], last: list[int]) -> None:
        """:meth:`add` of whole tags at once: counter sums (``_COUNTERS`` order), first request, last completion."""
        for tag, row, start, done in zip(tags, sums, first, last):
            mine = self.tags.get(tag)
            if mine is None:
                self.tags[tag] = row + [start, done]
            else:
                for k, v in enumerate(row):
                    mine[k] += v
                mine[-2] = min(mine[-2], start)
                mine[-1] = max(mine[-1], done)
            self.last_done = max(self.last_done, done)

    def stats(self, end: int, clock_hz: float, peak: float, price, time_energy: tuple[int, float, float]) -> DramStats:
        """Totals over ``[0, end]`` and per-tag stats; ``price(counts) -> dict`` of traffic energies."""
        by_tag = {}
        total = np.zeros(len(_COUNTERS), np.int64)
        for tag, row in sorted(self.tags.items()):
            counts = dict(zip(_COUNTERS, row[:len(_COUNTERS)]))
            total += row[:len(_COUNTERS)]
            by_tag[tag] = DramStats(**counts, elapsed_cycles=row[-1] - row[-2], clock_hz=clock_hz,
                                    peak_bytes_per_s=peak, **price(counts))
        counts = {k: int(v) for k, v in zip(_COUNTERS, total)}
        refreshes, refresh_pj, background_pj = time_energy
        return DramStats(**counts, refreshes=refreshes, elapsed_cycles=end, clock_hz=clock_hz, peak_bytes_per_s=peak,
                         refresh_energy_pj=refresh_pj, background_energy_pj=background_pj, by_tag=by_tag,
                         **price(counts))


def pack_params(spec: DramTimingSpec) -> np.ndarray:
    """The kernel's ``params`` array for ``spec`` (layout ``kernels.dram_timing.PARAM_NAMES``)."""
    from accelsim.kernels import dram_timing as k

    ids = {name: i for i, name in enumerate(k.FIELDS)}
    order = [ids[f] for f in reversed(spec.address_mapping)]  # least significant first
    values = dict(channels=spec.channels, ranks=spec.ranks, bank_groups=spec.bank_groups,
                  banks_per_group=spec.banks_per_group, rows=spec.rows, bursts_per_row=spec.bursts_per_row,
                  burst_bytes=spec.burst_bytes, tBL=spec.burst_cycles, queue_size=spec.queue_size,
                  closed_page=int(spec.page_policy == "closed"),
                  **{f"order{i}": f for i, f in enumerate(order)})
    return np.array([values[n] if n in values else getattr(spec, n) for n in k.PARAM_NAMES], np.int64)


class DramModel:
    """A DRAM with banks, rows, refresh and a data bus per channel, shared by every DMA unit.

    Times in and out are accelerator cycles at ``accel_clock_hz``; inside, DRAM cycles of
    ``spec.tCK_ns`` (a request waits for the next DRAM clock edge, a completion is seen on
    the next accelerator edge). ``path`` ``"request"`` schedules every burst (FR-FCFS over
    the transfer's bursts, after all earlier transfers); ``"stream"`` treats each transfer
    as a sequential stream in closed form (row switches and refresh only; it does not
    separate row misses from conflicts and counts every activation as a miss).
    """

    def __init__(self, spec: DramTimingSpec, accel_clock_hz: float, path: str = "request") -> None:
        if path not in PATHS:
            raise ValueError(f"path must be one of {PATHS}, got {path!r}")
        self.spec = spec
        self.path = path
        self.clock_hz = accel_clock_hz
        self._ratio = accel_clock_hz * spec.tCK_ns * 1e-9  # accelerator cycles per DRAM cycle
        self._frontend = math.ceil(spec.frontend_latency_ns * 1e-9 * accel_clock_hz - 1e-9)
        self._ledger = _Ledger()
        if path == "request":
            from accelsim.kernels.dram_timing import dram_schedule, initial_state
            self._kernel = dram_schedule
            self._params = pack_params(spec)
            self._state = initial_state(self._params)
        else:
            self._shape = stream_shape(spec)
            self._chan = [StreamChannel(due=spec.tREFI // spec.ranks) for _ in range(spec.channels)]

    @classmethod
    def from_spec(cls, spec: DramTimingSpec, accel_clock_hz: float, path: str = "request") -> "DramModel":
        """A fresh model of ``spec`` for a run at ``accel_clock_hz``."""
        return cls(spec, accel_clock_hz, path)

    def _to_dram(self, cycles: int) -> int:
        return math.ceil(cycles / self._ratio - 1e-9)

    def _to_accel(self, dram_cycles: int) -> int:
        return math.ceil(dram_cycles * self._ratio - 1e-9)

    def transfer(self, now: int, addr: int, n_bytes: int, write: bool, tag: int = 0) -> tuple[int, int]:
        """Move ``n_bytes`` at byte address ``addr`` from cycle ``now``: returns ``(issued, done)``."""
        if n_bytes <= 0:
            return now, now
        b = self.spec.burst_bytes
        first, last = addr // b, (addr + n_bytes - 1) // b
        t = self._to_dram(now)
        if self.path == "request":
            cas, end, counts = self._requests(t, first, last, write)
        else:
            cas, end, counts = self._stream(t, first, last, write)
        issued = max(now, self._to_accel(cas))
        done = self._to_accel(end) + self._frontend
        n = last - first + 1
        key = "written" if write else "read"
        self._ledger.add(tag, now, done, **{f"bytes_{key}": n_bytes, f"bursts_{key}": n}, **counts)
        self._on_bus(now, done - self._frontend, n_bytes)
        return issued, done

    def transfer_rows_batched(self, now: int, addr: int, rows: int, row_bytes: int, stride: int, write: bool,
                              tag: int = 0) -> tuple[int, int] | None:
        """A strided 2-D transfer with every burst scheduled in one call (FR-FCFS may reorder them
        across rows); ``None`` on the stream path, which moves rows one after another
        (:func:`accelsim.sim.dram.transfer_rows` then does)."""
        if self.path != "request":
            return None
        b = self.spec.burst_bytes
        starts = addr + np.arange(rows, dtype=np.int64) * stride
        first, last = starts // b, (starts + row_bytes - 1) // b
        counts = last - first + 1
        bursts = np.repeat(first - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
        t = self._to_dram(now)
        n = len(bursts)
        done, cas, _, cnt, *state = self._kernel(np.full(n, t, np.int64), bursts * b, np.full(n, write, np.bool_),
                                                 self._params, *self._state)
        self._state = tuple(state)
        hits, misses, conflicts, acts, _ = (int(x) for x in cnt)
        issued = max(now, self._to_accel(int(cas.max())))
        fin = self._to_accel(int(done.max())) + self._frontend
        key = "written" if write else "read"
        self._ledger.add(tag, now, fin, **{f"bytes_{key}": rows * row_bytes, f"bursts_{key}": n},
                         row_hits=hits, row_misses=misses, row_conflicts=conflicts, activates=acts)
        self._on_bus(now, fin - self._frontend, rows * row_bytes)
        return issued, fin

    def kernel_args(self) -> tuple:
        """``(params, state tables, accelerator cycles per DRAM cycle, front-end cycles)`` for
        :func:`accelsim.kernels.event_loop.event_loop_dram` (request path only)."""
        return self._params, self._state, self._ratio, self._frontend

    def book(self, state: tuple, now, done, addr, n_bytes, write, tag, counts) -> None:
        """Take the state and the transfers a compiled loop ran on this model's behalf, as :meth:`transfer` would.

        Arrays, one entry per non-empty transfer in the order they ran: request cycle ``now``,
        completion ``done`` (accelerator cycles), byte ``addr``, ``n_bytes``, ``write``, ``tag``
        and ``counts`` (row hits, misses, conflicts, activates), as the kernel returns them.
        """
        self._state = state
        if len(now) == 0:
            return
        b = self.spec.burst_bytes
        bursts = (addr + n_bytes - 1) // b - addr // b + 1
        per = np.zeros((len(now), len(_COUNTERS)), np.int64)
        per[:, 0] = np.where(write, 0, n_bytes)
        per[:, 1] = np.where(write, n_bytes, 0)
        per[:, 2] = np.where(write, 0, bursts)
        per[:, 3] = np.where(write, bursts, 0)
        per[:, 4:] = counts
        tags, inv = np.unique(tag, return_inverse=True)
        sums = np.zeros((len(tags), len(_COUNTERS)), np.int64)
        np.add.at(sums, inv, per)
        first = np.full(len(tags), np.iinfo(np.int64).max)
        np.minimum.at(first, inv, now)
        last = np.full(len(tags), np.iinfo(np.int64).min)
        np.maximum.at(last, inv, done)
        self._ledger.add_many(tags.tolist(), sums.tolist(), first.tolist(), last.tolist())
        data_end = done - self._frontend
        bus = np.ceil(n_bytes * self.clock_hz / self.spec.peak_bytes_per_s).astype(np.int64)
        self._ledger.series.add_all(np.maximum(now, data_end - bus), data_end, n_bytes)

    def _requests(self, t: int, first: int, last: int, write: bool) -> tuple[int, int, dict]:
        n = last - first + 1
        addr = np.arange(first, last + 1, dtype=np.int64) * self.spec.burst_bytes
        done, cas, _, counts, *state = self._kernel(np.full(n, t, np.int64), addr, np.full(n, write, np.bool_),
                                                    self._params, *self._state)
        self._state = tuple(state)
        hits, misses, conflicts, acts, _ = (int(x) for x in counts)
        return int(cas.max()), int(done.max()), dict(row_hits=hits, row_misses=misses, row_conflicts=conflicts,
                                                     activates=acts)

    def _stream(self, t: int, first: int, last: int, write: bool) -> tuple[int, int, dict]:
        spec, nch = self.spec, self.spec.channels
        lat = (spec.tCWL if write else spec.tCL) + spec.burst_cycles
        cas_max = acts = 0
        for c in range(nch):
            lo, hi = -(-(first - c) // nch), (last - c) // nch + 1  # this channel's in-channel burst indices
            if hi > lo:
                cas, a, _ = stream_run(spec, self._shape, self._chan[c], t, lo, hi - lo, write)
                cas_max, acts = max(cas_max, cas), acts + a
        n = last - first + 1
        return cas_max, cas_max + lat, dict(row_hits=max(0, n - acts), row_misses=min(n, acts), activates=acts)

    @property
    def series(self):
        """Bytes over time (:class:`accelsim.sim.bandwidth.BandwidthSeries`)."""
        return self._ledger.series

    def _on_bus(self, now: int, data_end: int, n_bytes: int) -> None:
        """Book a transfer's bytes on the time it holds the data bus: the cycles the peak rate needs,
        ending when its last data arrives (queueing before that is not bandwidth)."""
        bus = math.ceil(n_bytes * self.clock_hz / self.spec.peak_bytes_per_s)
        self._ledger.series.add(max(now, data_end - bus), data_end, n_bytes)

    def stats(self, end_cycle: int | None = None) -> DramStats:
        """Totals and per-tag stats up to ``end_cycle`` (default: the last completion)."""
        spec = self.spec
        end = self._ledger.last_done if end_cycle is None else end_cycle
        end_dram = self._to_dram(end)
        # rank k of n in a channel refreshes at (k+1)*tREFI//n, then every tREFI (kernels.dram_timing)
        refreshes = spec.channels * sum(max(0, (end_dram - (k + 1) * spec.tREFI // spec.ranks) // spec.tREFI + 1)
                                        for k in range(spec.ranks))
        background = spec.rank_background_mw * spec.channels * spec.ranks * end / self.clock_hz * 1e9
        return self._ledger.stats(end, self.clock_hz, spec.peak_bytes_per_s, self._price,
                                  (refreshes, refreshes * spec.refresh_pj, background))

    def _price(self, c: dict) -> dict:
        s = self.spec
        return {"activate_energy_pj": c["activates"] * s.activate_pj, "read_energy_pj": c["bursts_read"] * s.read_burst_pj,
                "write_energy_pj": c["bursts_written"] * s.write_burst_pj}


class BandwidthDram:
    """One shared channel of ``bytes_per_cycle`` with a fixed round trip, with :class:`DramStats`.

    Timing is :class:`accelsim.sim.dram.SimpleDram`'s: a transfer holds the channel for
    ``ceil(bytes / bytes_per_cycle)`` cycles after it is free and completes ``latency_cycles``
    after its last byte. Every byte costs ``energy_pj_per_byte``, booked as read or write
    energy; rows, banks and refresh do not exist here (their counts stay zero).
    """

    def __init__(self, dram: SimpleDram, clock_hz: float, energy_pj_per_byte: float = 0.0) -> None:
        self.dram = dram
        self.clock_hz = clock_hz
        self.energy_pj_per_byte = energy_pj_per_byte
        self.bus_free = 0
        self._ledger = _Ledger()

    @classmethod
    def from_spec(cls, dram: DramSpec, accel_clock_hz: float) -> "BandwidthDram":
        """The bandwidth + latency view of an arch's :class:`DramSpec` at ``accel_clock_hz``."""
        return cls(SimpleDram.from_spec(dram, accel_clock_hz), accel_clock_hz, dram.energy_pj_per_byte)

    @property
    def series(self):
        """Bytes over time (:class:`accelsim.sim.bandwidth.BandwidthSeries`)."""
        return self._ledger.series

    def transfer(self, now: int, addr: int, n_bytes: int, write: bool, tag: int = 0) -> tuple[int, int]:
        """Queue a transfer at cycle ``now``: returns ``(issued, done)`` in cycles."""
        start = max(now, self.bus_free)
        self.bus_free = start + self.dram.burst_cycles(n_bytes, write)
        done = self.bus_free + self.dram.latency_cycles
        key = "written" if write else "read"
        self._ledger.add(tag, now, done, **{f"bytes_{key}": max(0, n_bytes)})
        self._ledger.series.add(start, self.bus_free, max(0, n_bytes))
        return self.bus_free, done

    def stats(self, end_cycle: int | None = None) -> DramStats:
        """Totals and per-tag stats up to ``end_cycle`` (default: the last completion)."""
        end = self._ledger.last_done if end_cycle is None else end_cycle
        peak = self.dram.bytes_per_cycle * self.clock_hz
        return self._ledger.stats(end, self.clock_hz, peak, self._price, (0, 0.0, 0.0))

    def _price(self, c: dict) -> dict:
        return {"read_energy_pj": c["bytes_read"] * self.energy_pj_per_byte,
                "write_energy_pj": c["bytes_written"] * self.energy_pj_per_byte}
