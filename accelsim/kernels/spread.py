"""Bytes of one transfer spread over bins of cycles: the plain step both bandwidth series share.

No Numba here: :class:`accelsim.sim.bandwidth.BandwidthSeries` calls it per transfer while a
run goes on, and :func:`accelsim.kernels.event_loop.spread_bins_ref` (the twin of the compiled
:func:`~accelsim.kernels.event_loop.spread_bins`) calls it over a whole run at once.
"""

from __future__ import annotations


def spread_into(bins: dict[int, float], bin_cycles: int, start: int, done: int, n_bytes: int,
                max_bins: int) -> int:
    """Add ``n_bytes`` spread evenly over cycles ``[start, done)`` to ``bins``; returns the bin width (cycles).

    One cycle at ``start`` if ``done <= start``; nothing for ``n_bytes <= 0``. When the transfer
    reaches bin ``max_bins`` or beyond, neighbouring bins merge pairwise and the width doubles
    until it fits (``bins`` is updated in place).
    """
    if n_bytes <= 0:
        return bin_cycles
    w = bin_cycles
    done = max(done, start + 1)
    rate = n_bytes / (done - start)
    b0, b1 = start // w, (done - 1) // w
    if b0 == b1:
        bins[b0] = bins.get(b0, 0.0) + n_bytes
    else:
        bins[b0] = bins.get(b0, 0.0) + rate * ((b0 + 1) * w - start)
        for b in range(b0 + 1, b1):
            bins[b] = bins.get(b, 0.0) + rate * w
        bins[b1] = bins.get(b1, 0.0) + rate * (done - b1 * w)
    while b1 >= max_bins:
        merged: dict[int, float] = {}
        for b, v in bins.items():
            merged[b // 2] = merged.get(b // 2, 0.0) + v
        bins.clear()
        bins.update(merged)
        w, b1 = w * 2, b1 // 2
    return w
