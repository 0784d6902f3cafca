"""One sweep of discrete cyclic coordinate descent over binary codes (hashing binarization).

For codes ``b (O, K)`` in {-1, +1}, fixed scales ``alpha (O,)`` and a PSD
``H = vt^T diag(lam) vt + floor I`` (``K x K``), each row's objective
``(w_o - alpha_o b_o)^T H (w_o - alpha_o b_o)`` is minimized over one coordinate ``k`` at a time,
``k = 0 .. K-1``, for all rows at once. With ``p = H w^T (K, O)`` the exact minimizer is

    ``b_ok = sign(alpha_o * (p_ko - alpha_o * (sum_{j != k} H_kj b_oj)))``

and a zero argument keeps the old code (either value gives the same objective).

:func:`dcc_sweep` runs the coordinates in blocks of ``block``: the low-rank part of
``sum_j H_kj b_oj`` for every coordinate of a block comes from one matrix product with
``t = vt b^T (r, O)`` as it stands when the block starts (BLAS-3, where a coordinate at a time
is a memory-bound ``r x O`` pass), and kernel :func:`dcc_block` walks the block's coordinates in
order, adding to the later coordinates' sums the effect of each flip made inside the block
(``H`` restricted to the block, ``block x block``) and keeping ``t`` up to date flip by flip.
So every step still sees every earlier flip: the same exact minimizer, summed in another order.
Its reference :func:`dcc_sweep_ref` forms ``H`` densely.
"""

from __future__ import annotations

import numpy as np
from numba import njit

BLOCK = 64  # coordinates per block: a (64 x r) x (r x O) product, and at most 63 corrections a flip


@njit(cache=True, nogil=True)
def dcc_block(hb, s, p, alpha, floor, vk, b, t):
    """One block of a sweep, its coordinates in order (module docstring); updates ``b``, ``t`` and
    ``s`` in place and returns them with the number of flips.

    ``hb (m, m)``: the low-rank part of ``H`` on the block's coordinates; ``s (m, O)``: the
    low-rank part of ``H b^T`` on them when the block starts; ``p (m, O)``: their rows of
    ``H w^T``; ``alpha (O,)``; ``floor`` float; ``vk (m, r)``: their columns of ``vt``;
    ``b (m, O)`` int8 codes (their rows of ``b^T``); ``t (r, O) = vt b^T``.
    """
    m, o = s.shape
    r = vk.shape[1]
    flips = 0
    d = np.empty(o, np.int8)
    for j in range(m):
        # -H_kk + floor: the diagonal term to take out of s, whose floor part s lacks (old is +-1,
        # so one product equals floor * old - H_kk * old exactly)
        c = -hb[j, j]
        n = 0
        # the filters' decisions at one coordinate are independent: one branch-free pass over them,
        # then the rare flips' updates
        for oo in range(o):
            old = b[j, oo]
            az = alpha[oo] * (p[j, oo] - alpha[oo] * (s[j, oo] + c * old))
            new = np.int8(1) if az > 0 else (np.int8(-1) if az < 0 else old)
            d[oo] = new - old
            b[j, oo] = new
            n += new != old
        if n == 0:
            continue
        flips += n
        for oo in range(o):
            if d[oo] != 0:
                dd = d[oo]
                for jj in range(j + 1, m):
                    s[jj, oo] += hb[jj, j] * dd
                for i in range(r):
                    t[i, oo] += vk[j, i] * dd
    return b, t, s, flips


def dcc_block_ref(hb, s, p, alpha, floor, vk, b, t):
    """Plain twin of :func:`dcc_block`: same arguments, same in-place updates and results."""
    m, o = s.shape
    flips = 0
    for j in range(m):
        for oo in range(o):
            old = int(b[j, oo])
            az = alpha[oo] * (p[j, oo] - alpha[oo] * (s[j, oo] - hb[j, j] * old))
            new = 1 if az > 0 else (-1 if az < 0 else old)
            if new != old:
                d = new - old
                b[j, oo] = new
                s[j + 1:, oo] += hb[j + 1:, j] * d
                t[:, oo] += vk[j] * d
                flips += 1
    return b, t, s, flips


def dcc_sweep(vk, lam_vk, floor, p, alpha, bt, t, block: int = BLOCK) -> int:
    """One sweep over all ``K`` coordinates; updates codes ``bt (K, O)`` (int8, ``b`` transposed)
    and ``t = vt b^T (r, O)`` in place; returns the number of flips.

    ``vk = vt^T (K, r)`` and ``lam_vk = vk * lam`` (both C-contiguous), ``floor`` float,
    ``p = H w^T (K, O)``, ``alpha (O,)``.
    """
    flips = 0
    for k0 in range(0, vk.shape[0], block):
        k1 = min(k0 + block, vk.shape[0])
        lv = lam_vk[k0:k1]
        s = lv @ t
        hb = lv @ vk[k0:k1].T
        flips += dcc_block(hb, s, p[k0:k1], alpha, floor, vk[k0:k1], bt[k0:k1], t)[3]
    return flips


def dcc_sweep_ref(vt, lam, floor, p, alpha, b):
    """New codes after one sweep ``k = 0 .. K-1`` (module docstring); ``b (O, K)`` is not modified.

    ``vt (r, K)``, ``lam (r,)``, ``floor`` float, ``p (K, O)``, ``alpha (O,)``.
    """
    h = vt.T @ (lam[:, None] * vt) + floor * np.eye(vt.shape[1])
    b = b.astype(np.int64)
    for kk in range(vt.shape[1]):
        rest = b.astype(np.float64) @ h[kk] - h[kk, kk] * b[:, kk]
        az = alpha * (p[kk] - alpha * rest)
        b[:, kk] = np.where(az > 0, 1, np.where(az < 0, -1, b[:, kk]))
    return b


def example_sweep(seed: int):
    """Integer-valued float inputs of a whole sweep (so any summation order rounds identically):
    ``(vt, lam, floor, p, alpha, b (O, K) int8)``."""
    rng = np.random.default_rng(seed)
    r, k, o = rng.integers(1, 6), rng.integers(1, 150), rng.integers(1, 6)
    vt = rng.integers(-3, 4, (r, k)).astype(np.float64)
    lam = rng.integers(0, 4, r).astype(np.float64)
    p = rng.integers(-20, 21, (k, o)).astype(np.float64)
    alpha = rng.integers(-2, 4, o).astype(np.float64)
    b = np.where(rng.random((o, k)) < 0.5, -1, 1).astype(np.int8)
    return vt, lam, float(rng.integers(0, 3)), p, alpha, b


def example_args(seed: int):
    """Integer-valued inputs of one block (:func:`dcc_block`), from :func:`example_sweep`."""
    vt, lam, floor, p, alpha, b = example_sweep(seed)
    vk = np.ascontiguousarray(vt.T)
    m = min(vk.shape[0], int(np.random.default_rng(seed + 1).integers(1, 20)))
    lv = vk[:m] * lam
    t = vt @ b.T.astype(np.float64)
    return [lv @ vk[:m].T, lv @ t, np.ascontiguousarray(p[:m]), alpha, floor, np.ascontiguousarray(vk[:m]),
            np.ascontiguousarray(b.T[:m]), t]
