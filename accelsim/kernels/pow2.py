"""Projection of rows onto scaled power-of-two codes, the inner step of ADMM's ternary and pow2 sets.

For each row ``v_o`` (``O x K``) and each start scale, alternate ``steps`` times: the nearest codes
``c = sign(v) levels[idx]`` (``idx`` = midpoints of ``levels`` times ``alpha`` below ``|v|``), then the
least-squares scale ``alpha = v.c / c.c`` (kept when ``c.c = 0``); then the codes of the last
scale and their squared error ``||v - alpha c||^2``. The start with the smaller error wins (the
first on a tie). One pass over a row per step computes the codes and both sums together, where
the NumPy form builds four ``O x K`` temporaries a step. The kernel stops a start's alternation
once a step reproduces the last step's codes (a fixed point: the rest would repeat it) and skips
the error pass when there is one start; :func:`pow2_project_ref` is the twin, all ``steps`` in
plain Python (same order of additions), so the test holding them equal checks both shortcuts.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def pow2_project(v, starts, levels, steps):
    """Codes ``(O, K)`` int8 and scales ``(O,)`` of rows ``v (O, K)`` (module docstring).

    ``starts (S, O)``: start scales per row; ``levels``: code magnitudes ``[0, 1, 2, ...]``;
    ``steps``: code/scale alternations per start.
    """
    o, k = v.shape
    nl = levels.shape[0]
    mid = np.empty(nl - 1)
    for m in range(nl - 1):
        mid[m] = (levels[m + 1] + levels[m]) / 2
    codes = np.zeros((o, k), np.int8)  # small integers: a byte each, not a layer's worth of float64
    alpha = np.zeros(o)
    row = np.empty(k, np.int8)
    th = np.empty(nl - 1)
    one = starts.shape[0] == 1  # one start: no error to compare, codes go straight to their row
    for oo in range(o):
        best_e = np.inf
        out = codes[oo] if one else row
        for si in range(starts.shape[0]):
            a = starts[si, oo]
            step = 0
            while True:
                div = a if a > 0 else 1.0
                for m in range(nl - 1):
                    th[m] = mid[m] * div  # |x| > mid div, not |x| / div > mid: no division per weight
                num = 0.0
                den = 0.0
                changed = False
                for kk in range(k):
                    x = v[oo, kk]
                    ax = abs(x)
                    idx = 0
                    for m in range(nl - 1):
                        idx += ax > th[m]  # counted, not branched on: the comparisons are coin flips
                    c = levels[idx]  # levels[0] = 0, and |x| = 0 never passes a threshold: sign(0) = 0
                    c = -c if x < 0 else c
                    changed |= c != out[kk]
                    out[kk] = c
                    num += x * c
                    den += c * c
                # Codes equal to the last step's give the same scale again, so every later step
                # repeats them: stop (the same codes and scale as running all steps).
                if step == steps or (step > 0 and not changed):
                    break
                if den > 0:
                    a = num / max(den, 1.0)
                step += 1
            if one:
                alpha[oo] = a
                continue
            err = 0.0
            for kk in range(k):
                d = v[oo, kk] - out[kk] * a
                err += d * d
            if si == 0 or err < best_e:
                best_e = err
                alpha[oo] = a
                for kk in range(k):
                    codes[oo, kk] = row[kk]
    return codes, alpha


def pow2_project_ref(v, starts, levels, steps):
    """Plain-Python twin of :func:`pow2_project`: the same loops, the same results."""
    o, k = v.shape
    mid = [(levels[m + 1] + levels[m]) / 2 for m in range(len(levels) - 1)]
    codes = np.zeros((o, k), np.int8)
    alpha = np.zeros(o)
    for oo in range(o):
        best_e = np.inf
        for si in range(starts.shape[0]):
            a = float(starts[si, oo])
            for step in range(steps + 1):
                div = a if a > 0 else 1.0
                num = den = err = 0.0
                row = []
                for kk in range(k):
                    x = float(v[oo, kk])
                    c = float(levels[sum(1 for m in mid if abs(x) > m * div)])
                    c = -c if x < 0 else (0.0 if x == 0 else c)
                    row.append(c)
                    num += x * c
                    den += c * c
                    if step == steps:
                        d = x - c * a
                        err += d * d
                if step < steps:
                    if den > 0:
                        a = num / max(den, 1.0)
                elif si == 0 or err < best_e:
                    best_e, alpha[oo], codes[oo] = err, a, row
    return codes, alpha


@njit(cache=True, nogil=True)
def ternary_project(v, srt):
    """Codes ``(O, K)`` int8 in {-1, 0, +1} and scales ``(O,)``: the nearest ``alpha_o b_o`` per row
    of ``v (O, K)`` (exact, the first projection of ternary ADMM; :func:`ternary_project_ref`).
    ``srt``: ``|v|`` sorted ascending per row (NumPy's sort, faster than a compiled one).

    Per row: the running sums ``s_j`` of ``|v|`` in descending order; ``j* = argmax s_j^2 / j``
    (first on a tie); codes ``sign(v)`` where ``|v| >= `` the ``j*``-th largest (ties all kept),
    ``0`` elsewhere; ``alpha`` the kept ``|v|``'s running sum over their count.
    """
    o, k = v.shape
    codes = np.zeros((o, k), np.int8)
    alpha = np.zeros(o)
    for oo in range(o):
        s = 0.0
        best = -1.0
        t = 0.0
        for j in range(k):
            x = srt[oo, k - 1 - j]
            s += x
            f = s * s / (j + 1)
            if f > best:
                best = f
                t = x
        # every |v| >= t: the first n of the descending order, so their sum is the running sum to n
        s = 0.0
        n = 0
        for j in range(k):
            x = srt[oo, k - 1 - j]
            if x < t:
                break
            s += x
            n += 1
        alpha[oo] = s / n
        for kk in range(k):
            x = v[oo, kk]
            if abs(x) >= t:
                codes[oo, kk] = 1 if x >= 0 else -1
    return codes, alpha


def ternary_project_ref(v, srt):
    """Vectorized twin of :func:`ternary_project` (the specification): ``argmax cumsum^2 / j`` over
    the descending ``|v|``, the threshold, and the kept entries' mean from the same cumsum."""
    a = np.abs(v)
    desc = srt[:, ::-1]
    cum = np.cumsum(desc, axis=1)
    rows = np.arange(v.shape[0])
    j = np.argmax(cum ** 2 / np.arange(1, v.shape[1] + 1), axis=1)
    keep = a >= desc[rows, j][:, None]
    n = keep.sum(axis=1)
    return np.where(keep, np.where(v >= 0, 1, -1), 0).astype(np.int8), cum[rows, n - 1] / n


def example_args(seed: int):
    """Random rows, starts and a level set for the twin test."""
    rng = np.random.default_rng(seed)
    o, k, s = int(rng.integers(1, 5)), int(rng.integers(1, 9)), int(rng.integers(1, 3))
    v = rng.standard_normal((o, k)) * rng.choice([0.0, 1.0, 3.0], (o, k), p=[0.1, 0.6, 0.3])
    starts = np.abs(rng.standard_normal((s, o))) * rng.choice([0.0, 1.0], (s, o), p=[0.1, 0.9])
    bits = int(rng.integers(2, 5))
    levels = np.concatenate([[0.0], 2.0 ** np.arange(2 ** (bits - 1) - 1)])
    return [v, starts, levels, int(rng.integers(0, 4))]


def example_ternary_args(seed: int):
    """Random rows for the twin test of :func:`ternary_project`, with ties and zeros."""
    rng = np.random.default_rng(seed)
    v = rng.standard_normal((int(rng.integers(1, 5)), int(rng.integers(1, 12))))
    if rng.integers(0, 2):
        v = np.round(v * 2) / 2  # ties, zeros and -0.0
    return [v, np.sort(np.abs(v), axis=1)]
