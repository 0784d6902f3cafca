"""The elementwise half of one ADMM iteration (``accelsim.compress.admm``), fused per row.

With ``g = alpha codes`` (the last projection), ``u`` the scaled dual, ``two_hw = 2 W H`` and
``t`` the low-rank part of the proximal solve (``t = low vt``), one iteration's ``O x K`` work is

* :func:`admm_prox_rows`: ``x = ((g - u) rho + two_hw) / c + t + u``, i.e. ``V + U`` with ``V``
  the proximal point (``c = 2 floor + rho``), written over ``t``, with ``sum_k |x_ok|`` per row
  for binary codes (their scale is its mean);
* the projection of ``x`` (binary codes are ``sign(x)``, made by the next kernel; other sets by
  :mod:`accelsim.kernels.pow2`);
* :func:`admm_dual_rows`: ``u' = x - alpha' codes'`` (the new dual) written over ``u``, with the
  squared primal residual ``sum (V - G)^2 = sum (u - u')^2``, per row ``codes.codes`` and
  ``codes.w`` (the scorer's full-size sums) and whether the row's codes changed (an unchanged
  row keeps its ``codes vt^T``).

The NumPy form of these takes a dozen passes over ``O x K`` arrays; here it is two. Each kernel
writes into its array arguments, as the solver wants (no new layer-sized arrays per iteration);
the twins (``*_ref``) are the same loops in plain Python, additions in the same order.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def admm_prox_rows(t, two_hw, codes, alpha, u, rho, c, binary):
    """``t (O, K) <- ((alpha_o codes - u) rho + two_hw) / c + t + u``; returns ``(t, sum_k |t_ok| (O,))``,
    the sums only with ``binary`` (zeros else: a running sum is a dependency chain that halves the
    speed of this pass).

    ``codes (O, K)`` int8 (or any type holding the codes), ``u, two_hw (O, K)`` float64, ``alpha (O,)``,
    ``rho`` the penalty, ``c = 2 floor + rho``.
    """
    o, k = t.shape
    absum = np.zeros(o)
    for oo in range(o):
        a = alpha[oo]
        if binary:
            s = 0.0
            for kk in range(k):
                uk = u[oo, kk]
                x = ((codes[oo, kk] * a - uk) * rho + two_hw[oo, kk]) / c + t[oo, kk] + uk
                t[oo, kk] = x
                s += abs(x)
            absum[oo] = s
        else:
            for kk in range(k):
                uk = u[oo, kk]
                t[oo, kk] = ((codes[oo, kk] * a - uk) * rho + two_hw[oo, kk]) / c + t[oo, kk] + uk
    return t, absum


def admm_prox_rows_ref(t, two_hw, codes, alpha, u, rho, c, binary):
    """Plain-Python twin of :func:`admm_prox_rows`."""
    o, k = t.shape
    absum = np.zeros(o)
    for oo in range(o):
        s = 0.0
        for kk in range(k):
            g = float(codes[oo, kk]) * float(alpha[oo])
            x = ((g - float(u[oo, kk])) * rho + float(two_hw[oo, kk])) / c + float(t[oo, kk]) + float(u[oo, kk])
            t[oo, kk] = x
            s += abs(x)
        absum[oo] = s if binary else 0.0
    return t, absum


@njit(cache=True, nogil=True)
def admm_dual_rows(x, codes, prev, alpha, u, w, binary):
    """``u (O, K) <- x - alpha_o codes``; returns ``(codes, u, sum (u_old - u_new)^2, codes.codes (O,),
    codes.w (O,), changed (O,) bool)``.

    With ``binary`` the codes are made here first, ``codes <- sign(x)`` (``sign(0) = +1``), written
    over ``codes`` (int8, as the projections make them); else ``codes`` are read (the projection of
    ``x``). ``changed`` flags the rows whose codes differ from ``prev`` (the last projection's codes;
    with ``binary`` it may be ``codes`` itself, each entry being read before it is overwritten).
    """
    o, k = x.shape
    res = 0.0
    cc = np.zeros(o)
    cw = np.zeros(o)
    changed = np.zeros(o, np.bool_)
    for oo in range(o):
        a = alpha[oo]
        scc = 0.0
        scw = 0.0
        ch = False
        for kk in range(k):
            xk = x[oo, kk]
            old = prev[oo, kk]
            if binary:
                b = 1.0 if xk >= 0 else -1.0
                codes[oo, kk] = b
            else:
                b = codes[oo, kk]
            ch |= b != old
            d = xk - b * a
            r = u[oo, kk] - d
            res += r * r
            u[oo, kk] = d
            scc += b * b
            scw += b * w[oo, kk]
        cc[oo] = scc
        cw[oo] = scw
        changed[oo] = ch
    return codes, u, res, cc, cw, changed


def admm_dual_rows_ref(x, codes, prev, alpha, u, w, binary):
    """Plain-Python twin of :func:`admm_dual_rows`."""
    o, k = x.shape
    res = 0.0
    cc = np.zeros(o)
    cw = np.zeros(o)
    changed = np.zeros(o, bool)
    for oo in range(o):
        for kk in range(k):
            xk = float(x[oo, kk])
            old = float(prev[oo, kk])
            if binary:
                codes[oo, kk] = 1.0 if xk >= 0 else -1.0
            b = float(codes[oo, kk])
            changed[oo] |= b != old
            d = xk - b * float(alpha[oo])
            r = float(u[oo, kk]) - d
            res += r * r
            u[oo, kk] = d
            cc[oo] += b * b
            cw[oo] += b * float(w[oo, kk])
    return codes, u, res, cc, cw, changed


def example_args(seed: int, which: str):
    """Random rows for the twin test of ``which`` (``"prox"`` or ``"dual"``)."""
    rng = np.random.default_rng(seed)
    o, k = int(rng.integers(1, 5)), int(rng.integers(1, 9))
    x = rng.standard_normal((o, k)) * rng.choice([0.0, 1.0], (o, k), p=[0.1, 0.9])
    codes = rng.integers(-4, 5, (o, k)).astype(np.int8)
    alpha = np.abs(rng.standard_normal(o))
    u = rng.standard_normal((o, k))
    other = rng.standard_normal((o, k))
    if which == "prox":
        rho = float(rng.uniform(0.1, 3.0))
        return [x, other, codes, alpha, u, rho, 2 * float(rng.uniform(0, 1)) + rho, bool(rng.integers(0, 2))]
    prev = codes if rng.integers(0, 2) else np.where(rng.random((o, k)) < 0.2, -codes, codes)
    return [x, codes, prev, alpha, u, other, bool(rng.integers(0, 2))]
