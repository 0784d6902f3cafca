"""The best ternary code of many rows at once, the inner step of FFN (``accelsim.compress.ffn``).

For a row ``s`` the code ``x`` in {-1, 0, +1} that best fits ``s`` up to a scale keeps the ``j``
largest ``|s_i|`` with their signs, ``j`` maximizing ``(sum of those |s_i|)^2 / j`` (the first
maximum). Given the rows' ``|s|`` sorted ascending (NumPy's sort, faster than a compiled one),
:func:`ternary_cut` finds ``j`` and writes the codes in two passes over a row; its twin
:func:`ternary_cut_ref` is the NumPy form the solver used before (a cumulative sum, the
objective, its arg-max and a mask: six row-sized temporaries). The two agree bit for bit, zero
signs included: the running sums are the same additions in the same order.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def ternary_cut(s, asc):
    """Codes ``(b, n)`` (``s``'s dtype) of rows ``s (b, n)`` and ``ties (b,)`` bool; ``asc``: ``|s|``
    sorted ascending per row. Codes keep ``sign(s)`` where ``|s| >=`` the ``j``-th largest, ``j``
    the first maximizer of ``(sum of the j largest)^2 / j``; a row is flagged in ``ties`` when that
    keeps more than ``j`` entries (equal values at the cut: the caller applies the exact rule).
    """
    b, n = s.shape
    x = np.empty_like(s)
    ties = np.zeros(b, np.bool_)
    prefix = np.empty(n)  # prefix[m]: the sum of the m smallest, accumulated from the smallest up
    for i in range(b):
        p = 0.0
        for m in range(n):
            prefix[m] = p
            if m < n - 1:
                p += asc[i, m]
        total = prefix[n - 1] + asc[i, n - 1]
        best = -np.inf
        jb = 1
        for j in range(1, n + 1):
            d = total - prefix[n - j]  # the sum of the j largest
            f = d * d / j
            if f > best:
                best = f
                jb = j
        cut = asc[i, n - jb]
        kept = 0
        for k in range(n):
            v = s[i, k]
            keep = abs(v) >= cut
            if keep:
                kept += 1
            sg = 1.0 if v > 0 else (-1.0 if v < 0 else 0.0)  # NumPy's sign: +0 for -0
            x[i, k] = sg * (1.0 if keep else 0.0)  # a dropped negative is -0, as sign(s) * mask
        ties[i] = kept != jb
    return x, ties


def ternary_cut_ref(s, asc):
    """NumPy twin of :func:`ternary_cut`."""
    b, n = s.shape
    obj = np.empty((b, n))  # first the sum of the m smallest, m = 0 .. n-1
    obj[:, 0] = 0.0
    obj[:, 1:] = asc[:, :-1]
    np.cumsum(obj, axis=1, out=obj)
    np.subtract((obj[:, -1] + asc[:, -1])[:, None], obj, out=obj)  # the sum of the j = n - m largest
    np.square(obj, out=obj)
    obj /= np.arange(n, 0, -1)
    j = np.argmax(obj[:, ::-1], axis=1) + 1  # the first maximum in order of j
    keep = np.abs(s) >= asc[np.arange(b), n - j][:, None]
    x = np.sign(s)
    x *= keep
    return x, np.count_nonzero(keep, axis=1) != j


def example_args(seed: int):
    """Random rows for the twin test: float32 or float64, with zeros, signed zeros and ties."""
    rng = np.random.default_rng(seed)
    s = rng.standard_normal((int(rng.integers(1, 6)), int(rng.integers(1, 40))))
    kind = int(rng.integers(0, 3))
    if kind == 1:
        s = np.round(s * 2) / 2  # ties and zeros
        s[rng.random(s.shape) < 0.2] *= -0.0
    elif kind == 2:
        s[rng.random(s.shape) < 0.5] = 0.0
    s = s.astype(np.float32 if rng.integers(0, 2) else np.float64)
    return [s, np.sort(np.abs(s), axis=1)]
