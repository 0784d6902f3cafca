"""The bandwidth + latency DRAM model: one channel, a fixed rate, a fixed round trip.

This is the quick-study mode (and SCALE-Sim's view of memory): a transfer of ``b`` bytes
holds the channel for ``ceil(b / bytes_per_cycle)`` cycles and completes ``latency_cycles``
after its last byte. Rows, banks, refresh and read/write turnaround are not modelled here.

Every DRAM model the engine drives offers :meth:`transfer` (see :class:`BandwidthChannel`):
it is called in non-decreasing ``now`` order, serves transfers first come first served and
keeps its state between calls, so transfers from different DMA units contend.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from accelsim.arch.spec import DramSpec


@dataclass(frozen=True)
class SimpleDram:
    """A channel of ``bytes_per_cycle`` (accelerator cycles) with a ``latency_cycles`` round trip."""

    bytes_per_cycle: float
    latency_cycles: int

    @classmethod
    def from_spec(cls, dram: DramSpec, clock_hz: float) -> "SimpleDram":
        """Convert a spec's bytes/s and seconds into accelerator cycles."""
        return cls(dram.bandwidth_bytes_per_s / clock_hz, math.ceil(dram.latency_s * clock_hz - 1e-9))

    def burst_cycles(self, n_bytes: int, write: bool = False) -> int:
        """Cycles the channel is busy moving ``n_bytes`` (reads and writes alike)."""
        if n_bytes <= 0:
            return 0
        return math.ceil(n_bytes / self.bytes_per_cycle - 1e-9)


class BandwidthChannel:
    """A run's stateful view of a :class:`SimpleDram`: transfers queue for the one channel."""

    def __init__(self, dram: SimpleDram) -> None:
        from accelsim.sim.bandwidth import BandwidthSeries
        self.dram = dram
        self.bus_free = 0
        self.busy_cycles = 0
        self.series = BandwidthSeries()

    def transfer(self, now: int, addr: int, n_bytes: int, write: bool, tag: int = 0) -> tuple[int, int]:
        """Queue a transfer at cycle ``now``: returns ``(issued, done)`` in cycles.

        ``issued``: the channel has taken the last byte (the DMA unit may issue its next
        transfer); ``done``: the data has arrived (``issued`` + latency).
        """
        start = max(now, self.bus_free)
        burst = self.dram.burst_cycles(n_bytes, write)
        self.bus_free = start + burst
        self.busy_cycles += burst
        self.series.add(start, self.bus_free, n_bytes)
        return self.bus_free, self.bus_free + self.dram.latency_cycles


def transfer_rows(model, now: int, addr: int, rows: int, row_bytes: int, stride: int, write: bool,
                  tag: int = 0) -> tuple[int, int]:
    """``rows`` rows of ``row_bytes`` at ``addr + i*stride`` through ``model``: ``(issued, done)`` cycles.

    Contiguous rows are one transfer; strided rows go to the model's batched 2-D path when it
    has one, else row after row (each row issued when the previous one was).
    """
    if rows <= 1 or stride == row_bytes:
        return model.transfer(now, addr, rows * row_bytes, write, tag)
    batched = getattr(model, "transfer_rows_batched", None)
    out = batched(now, addr, rows, row_bytes, stride, write, tag) if batched else None
    if out is not None:
        return out
    t = done = now
    for r in range(rows):
        t, d = model.transfer(t, addr + r * stride, row_bytes, write, tag)
        done = max(done, d)
    return t, done
