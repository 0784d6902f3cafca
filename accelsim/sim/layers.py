"""A layer's place in a run: its share of the makespan, and its own span.

Layers overlap (a layer's loads start while its predecessor computes), so there are two honest
answers to "how long did this layer take". Its *attributed* cycles are how far it moved the end
of the run: from the previous layer's horizon to ``max(horizon, its last op's end)``; they add up
to the makespan, and a :class:`~accelsim.result.LayerResult`'s ``cycles`` are these. Its *span*
is its own duration, from its first op's start to its last op's end; rates computed over the span
(a roofline point) can never exceed what the hardware allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy as np


def attributed(ends: Iterable[int]) -> list[tuple[int, int]]:
    """``(start, stop)`` cycles of each layer's share of the makespan, given each layer's last end (in order)."""
    out, horizon = [], 0
    for e in ends:
        out.append((horizon, max(horizon, int(e))))
        horizon = out[-1][1]
    return out


def _group_extremes(layer_of: np.ndarray, start: np.ndarray, end: np.ndarray, n_layers: int):
    """Per layer: earliest ``start`` and latest ``end`` of its ops (``(max int, 0)`` for a layer with none).

    Segment reductions over ops sorted by layer (they usually already are): ``ufunc.at`` would cost
    about ten times as much on the 10^5 ops of a sweep point.
    """
    first = np.full(n_layers, np.iinfo(np.int64).max, np.int64)
    last = np.zeros(n_layers, np.int64)
    if len(layer_of) == 0:
        return first, last
    order = None if np.all(layer_of[1:] >= layer_of[:-1]) else np.argsort(layer_of, kind="stable")
    lo = layer_of if order is None else layer_of[order]
    s = start if order is None else start[order]
    e = end if order is None else end[order]
    layers, idx = np.unique(lo, return_index=True)
    first[layers] = np.minimum.reduceat(np.asarray(s, np.int64), idx)
    last[layers] = np.maximum.reduceat(np.asarray(e, np.int64), idx)
    return first, last


def spans(layer_of: np.ndarray, start: np.ndarray, end: np.ndarray, n_layers: int) -> np.ndarray:
    """Each layer's own span in cycles: its ops' latest end minus their earliest start (0 for a layer with no op)."""
    first, last = _group_extremes(layer_of, start, end, n_layers)
    return np.where(last > 0, np.maximum(0, last - np.minimum(first, last)), 0)


@dataclass(frozen=True)
class LayerTraffic:
    """Per layer of one engine run: attributed ``bounds``, own ``span`` (cycles), DRAM bytes read and written.

    ``dram_pj`` is the timing model's per-layer DRAM energy (None on the bandwidth channel) and
    ``dram`` the run's DRAM statistics for :attr:`accelsim.result.Result.dram` (the bandwidth
    series always, the timing model's figures when it ran).
    """

    bounds: list[tuple[int, int]]
    span: np.ndarray
    dram_read: np.ndarray
    dram_write: np.ndarray
    dram_pj: list[float] | None
    dram: dict

    def dram_energy_pj(self, li: int, pj_per_byte: float) -> float:
        """Layer ``li``'s DRAM energy (pJ): the timing model's, else its bytes at ``pj_per_byte``."""
        if self.dram_pj is not None:
            return self.dram_pj[li]
        return float(self.dram_read[li] + self.dram_write[li]) * pj_per_byte


def traffic(trace, tl, dram_model, timed: bool) -> LayerTraffic:
    """:class:`LayerTraffic` of ``trace`` run as ``tl`` on ``dram_model`` (``timed``: a DRAM timing model)."""
    from accelsim.sim.bandwidth import series_of
    from accelsim.sim.dram_run import dram_energy_by_layer
    from accelsim.trace import LOAD, STORE
    ops, n = trace.ops, len(trace.layers)
    layer_of, kind = ops["layer"], ops["kind"]
    _, end = _group_extremes(layer_of, tl.start, tl.end, n)
    nbytes = ops["bytes"].astype(np.int64)
    bounds = attributed(end)
    dram_pj, totals = None, {}
    if timed:
        dram_pj, totals = dram_energy_by_layer(dram_model, n, [b - a for a, b in bounds], bounds[-1][1] if bounds
                                               else 0)
    return LayerTraffic(bounds, spans(layer_of, tl.start, tl.end, n),
                        np.bincount(layer_of, weights=np.where(kind == LOAD, nbytes, 0), minlength=n),
                        np.bincount(layer_of, weights=np.where(kind == STORE, nbytes, 0), minlength=n),
                        dram_pj, {**totals, "bandwidth_over_time": series_of(dram_model)})
