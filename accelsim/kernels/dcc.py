"""One sweep of discrete cyclic coordinate descent over binary codes (hashing binarization).

For codes ``b (O, K)`` in {-1, +1}, fixed scales ``alpha (O,)`` and a PSD
``H = vt^T diag(lam) vt + floor I`` (``K x K``), each row's objective
``(w_o - alpha_o b_o)^T H (w_o - alpha_o b_o)`` is minimized over one coordinate ``k`` at a time,
``k = 0 .. K-1``, for all rows at once. With ``p = H w^T (K, O)`` the exact minimizer is

    ``b_ok = sign(alpha_o * (p_ko - alpha_o * (sum_{j != k} H_kj b_oj)))``

and a zero argument keeps the old code (either value gives the same objective). Kernel
:func:`dcc_sweep` keeps ``vt b^T`` up to date (``O(r O)`` a coordinate); its twin
:func:`dcc_sweep_ref` forms ``H`` densely.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def dcc_sweep(vt, lam, floor, p, alpha, b):
    """Numba kernel of :func:`dcc_sweep_ref`; same arguments, same results."""
    r, k = vt.shape
    o = b.shape[0]
    b = b.copy()
    vk = np.ascontiguousarray(vt.T)  # (K, r): one coordinate's basis entries side by side
    # t = vt b^T held (r, O): for one coordinate, the O dot products lv . t[:, o] then run as r
    # passes over contiguous rows of t, every row's sum still in order i = 0 .. r-1 (the same bits
    # as one dot product at a time), but vectorized across filters instead of one dependency chain.
    t0 = np.zeros((o, r))
    for oo in range(o):
        for kk in range(k):
            bv = b[oo, kk]
            for i in range(r):
                t0[oo, i] += vk[kk, i] * bv
    # rows padded by 8 so a flip's column walk (stride O) does not land every step in one cache set
    t = np.empty((r, o + 8))
    for i in range(r):
        for oo in range(o):
            t[i, oo] = t0[oo, i]
    lv = np.empty(r)
    s = np.empty(o)
    for kk in range(k):
        hkk = floor
        for i in range(r):
            lv[i] = lam[i] * vk[kk, i]
            hkk += lv[i] * vk[kk, i]
        s[:] = 0.0
        for i in range(r):
            li = lv[i]
            for oo in range(o):
                s[oo] += li * t[i, oo]
        for oo in range(o):
            old = b[oo, kk]
            z = p[kk, oo] - alpha[oo] * (s[oo] + floor * old - hkk * old)
            az = alpha[oo] * z
            new = 1 if az > 0 else (-1 if az < 0 else old)
            if new != old:
                d = new - old
                for i in range(r):
                    t[i, oo] += vk[kk, i] * d
                b[oo, kk] = new
    return b


def dcc_sweep_ref(vt, lam, floor, p, alpha, b):
    """New codes after one sweep ``k = 0 .. K-1`` (module docstring); ``b`` is not modified.

    ``vt (r, K)``, ``lam (r,)``, ``floor`` float, ``p (K, O)``, ``alpha (O,)``, ``b (O, K)`` int64.
    """
    h = vt.T @ (lam[:, None] * vt) + floor * np.eye(vt.shape[1])
    b = b.copy()
    for kk in range(vt.shape[1]):
        rest = b.astype(np.float64) @ h[kk] - h[kk, kk] * b[:, kk]
        az = alpha * (p[kk] - alpha * rest)
        b[:, kk] = np.where(az > 0, 1, np.where(az < 0, -1, b[:, kk]))
    return b


def example_args(seed: int):
    """Integer-valued float inputs (so both paths round identically) for the twin test."""
    rng = np.random.default_rng(seed)
    r, k, o = rng.integers(1, 6), rng.integers(1, 12), rng.integers(1, 6)
    vt = rng.integers(-3, 4, (r, k)).astype(np.float64)
    lam = rng.integers(0, 4, r).astype(np.float64)
    p = rng.integers(-20, 21, (k, o)).astype(np.float64)
    alpha = rng.integers(-2, 4, o).astype(np.float64)
    b = np.where(rng.random((o, k)) < 0.5, -1, 1).astype(np.int64)
    return [vt, lam, float(rng.integers(0, 3)), p, alpha, b]
