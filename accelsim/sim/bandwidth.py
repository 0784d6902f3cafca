"""DRAM bandwidth over time: bytes per fixed-width bin of cycles, for plots.

Each transfer's bytes are spread evenly over the cycles from its issue to its completion, so
the bins add up exactly to the bytes moved. Bins are kept sparse and merged (doubling their
width) when there are more than ``max_bins``, so a long run costs bounded memory.
"""

from __future__ import annotations

import numpy as np

from accelsim.kernels.spread import spread_into


class BandwidthSeries:
    """Bytes moved per bin of ``bin_cycles`` cycles (read and write together)."""

    def __init__(self, bin_cycles: int = 256, max_bins: int = 4096) -> None:
        self.bin_cycles = bin_cycles
        self.max_bins = max_bins
        self.bins: dict[int, float] = {}

    def add(self, start: int, done: int, n_bytes: int) -> None:
        """Spread ``n_bytes`` over cycles ``[start, done)`` (one cycle at ``start`` if ``done <= start``)."""
        self.bin_cycles = spread_into(self.bins, self.bin_cycles, start, done, n_bytes, self.max_bins)

    def add_all(self, start, done, n_bytes) -> None:
        """:meth:`add` for every transfer of the arrays (cycles, cycles, bytes), in order."""
        if self.bins or len(start) < 64:
            for s, d, b in zip(start.tolist(), done.tolist(), n_bytes.tolist()):
                self.add(s, d, b)
            return
        from accelsim.kernels.coldstart import call
        from accelsim.kernels.event_loop import spread_bins
        bins, self.bin_cycles = call(spread_bins, np.asarray(start, np.int64), np.asarray(done, np.int64),
                                            np.asarray(n_bytes, np.int64), self.bin_cycles, self.max_bins)
        self.bins = {b: v for b, v in enumerate(bins.tolist()) if v}

    def to_dict(self) -> dict:
        """``{"bin_cycles": w, "bytes": [bytes in bin 0, 1, ...]}`` up to the last busy bin."""
        n = max(self.bins) + 1 if self.bins else 0
        return {"bin_cycles": self.bin_cycles, "bytes": [self.bins.get(b, 0.0) for b in range(n)]}


def series_of(model) -> dict:
    """The bandwidth series a DRAM model recorded, or an empty one."""
    s = getattr(model, "series", None)
    return s.to_dict() if s is not None else {"bin_cycles": 0, "bytes": []}
