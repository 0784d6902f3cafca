"""A layer's place in a run: its share of the makespan, and its own span.

Layers overlap (a layer's loads start while its predecessor computes), so there are two honest
answers to "how long did this layer take". Its *attributed* cycles are how far it moved the end
of the run: from the previous layer's horizon to ``max(horizon, its last op's end)``; they add up
to the makespan, and a :class:`~accelsim.result.LayerResult`'s ``cycles`` are these. Its *span*
is its own duration, from its first op's start to its last op's end; rates computed over the span
(a roofline point) can never exceed what the hardware allows.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np


def attributed(ends: Iterable[int]) -> list[tuple[int, int]]:
    """``(start, stop)`` cycles of each layer's share of the makespan, given each layer's last end (in order)."""
    out, horizon = [], 0
    for e in ends:
        out.append((horizon, max(horizon, int(e))))
        horizon = out[-1][1]
    return out


def spans(layer_of: np.ndarray, start: np.ndarray, end: np.ndarray, n_layers: int) -> np.ndarray:
    """Each layer's own span in cycles: its ops' latest end minus their earliest start (0 for a layer with no op)."""
    first = np.full(n_layers, np.iinfo(np.int64).max, np.int64)
    last = np.zeros(n_layers, np.int64)
    np.minimum.at(first, layer_of, start)
    np.maximum.at(last, layer_of, end)
    return np.where(last > 0, np.maximum(0, last - np.minimum(first, last)), 0)
