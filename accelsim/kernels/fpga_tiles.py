"""Tile-size search for a loop-tiled FPGA conv engine: the ``(tm, tn)`` that runs a network fastest.

Kernel :func:`tile_search` and its twin :func:`tile_search_ref` (vectorized NumPy) agree.
``layers`` is an int64 array of rows ``[N, M, E, F, R, S, H, W]`` (batch x in/out maps,
output size, kernel, padded input size); ``budget = [dsp, k, macs_per_dsp, max_tm, max_tn]``;
``bytes_per_cycle`` and ``word_bytes`` are floats.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def tile_search(layers, budget, bytes_per_cycle, word_bytes):
    """Numba kernel of :func:`tile_search_ref`; same arguments, same result."""
    dsp, k, mpd, max_tm, max_tn = budget[0], budget[1], budget[2], budget[3], budget[4]
    best_tm = -1
    best_tn = -1
    best = 0.0
    for tm in range(1, max_tm + 1):
        for tn in range(1, max_tn + 1):
            if (tm * tn * k * k + mpd - 1) // mpd > dsp:
                break
            total = 0.0
            for i in range(layers.shape[0]):
                N, M, E, F, R, S, H, W = layers[i, 0], layers[i, 1], layers[i, 2], layers[i, 3], layers[i, 4], \
                    layers[i, 5], layers[i, 6], layers[i, 7]
                passes = ((R + k - 1) // k) * ((S + k - 1) // k)
                comp = float(((M + tm - 1) // tm) * ((N + tn - 1) // tn)) * E * F * passes
                words = float((M + tm - 1) // tm) * N * H * W + float(M) * N * R * S + float(M) * E * F
                mem = words * word_bytes / bytes_per_cycle
                total += max(comp, mem)
            if best_tm < 0 or total < best:
                best = total
                best_tm = tm
                best_tn = tn
    return best_tm, best_tn, best


def tile_search_ref(layers, budget, bytes_per_cycle, word_bytes):
    """The ``(tm, tn)`` minimizing the network's roofline cycles under the DSP budget.

    A layer of ``N`` input and ``M`` output maps (batch folded into N's reloads is not
    modelled: rows are per image) runs ``ceil(M/tm) * ceil(N/tn) * E * F * ceil(R/k) *
    ceil(S/k)`` cycles of compute (each cycle ``tm x tn`` convolvers of ``k x k`` multipliers;
    a larger kernel takes several passes, a smaller one wastes multipliers) and moves
    ``ceil(M/tm) * N*H*W`` input words (the input is re-read for every group of ``tm``
    outputs, Zhang et al.'s loop order), ``M*N*R*S`` weight words and ``M*E*F`` output words.
    Its cycles are the larger of compute and ``words * word_bytes / bytes_per_cycle``; the
    network's are the sum. Legal when ``ceil(tm*tn*k*k / macs_per_dsp) <= dsp``. Ties keep the
    first pair in (tm, tn) order. Returns ``(tm, tn, cycles)``.
    """
    dsp, k, mpd, max_tm, max_tn = (int(x) for x in budget)
    pairs = [(tm, tn) for tm in range(1, max_tm + 1) for tn in range(1, max_tn + 1)
             if -(-tm * tn * k * k // mpd) <= dsp]
    if not pairs:
        return -1, -1, 0.0
    tm, tn = (np.array(x, np.int64)[:, None] for x in zip(*pairs))
    L = np.asarray(layers, np.int64)
    N, M, E, F, R, S, H, W = (L[:, j][None, :] for j in range(8))
    passes = -(-R // k) * -(-S // k)
    comp = (-(-M // tm) * -(-N // tn)).astype(float) * E * F * passes
    words = (-(-M // tm)).astype(float) * N * H * W + M.astype(float) * N * R * S + M.astype(float) * E * F
    mem = words * word_bytes / bytes_per_cycle
    total = np.zeros(len(pairs))
    for i in range(L.shape[0]):  # sum in layer order, as the kernel does
        total = total + np.maximum(comp[:, i], mem[:, i])
    i = int(np.argmin(total))
    return int(tm[i, 0]), int(tn[i, 0]), float(total[i])
