"""Fixed-point factorization (Wang & Cheng, CVPR 2017, "FFN"): ``W ~ X D Y^T``, X and Y ternary.

A layer's weight matrix ``W (O, K)`` (``K = C kh kw`` for a conv) becomes ``X (O, r)`` and
``Y (K, r)`` with entries in {-1, 0, +1} and a diagonal ``D (r)``, so one layer becomes three:

1. ``Y^T``: the original geometry (conv ``kh x kw`` with its stride and padding, or linear)
   to ``r`` channels, ternary (``weight_bits = 2``);
2. ``D``: a 1x1 depthwise conv scaling each of the ``r`` channels (``weight_bits = d_bits``);
3. ``X``: 1x1 conv (or linear) ``r -> O``, ternary, with the original bias and activation.

The paper's own solver is not reproduced; this one is an alternating minimization of
``||W - X D Y^T||_F`` built on the semi-discrete decomposition (Kolda & O'Leary 1998). For
one term with ``y`` fixed (first ``y``: the ternarized leading right singular vector of the
residual), the best ``(x, d)`` is exact: with ``s = R y``, take the ``j``
largest ``|s_i|`` with their signs, ``j`` maximizing ``(sum of those |s_i|)^2 / j``, and
``d = x^T R y / (|x|^2 |y|^2)``; likewise for ``y`` with ``x`` fixed. Terms are first fitted
greedily to the residual; then each sweep refits every term to the residual of the others,
starting from its current ``y``, and refits the whole diagonal ``D`` by least squares with X
and Y fixed. Every step is an exact minimization over its block, so the error never rises.
"""

from __future__ import annotations

import numpy as np

from accelsim.compress.graph import conv_like, matrix_like
from accelsim.compress.lowrank import decompose
from accelsim.compress.memo import factor_memo
from accelsim.compress.record import spec_text
from accelsim.compress.weights import Weights, select_layers
from accelsim.workload.network import Network


def best_ternary(s: np.ndarray) -> np.ndarray:
    """The ternary ``x`` maximizing ``(x . s)^2 / |x|^2`` (one non-zero at least)."""
    a = np.abs(s)
    desc = -np.sort(-a)  # a plain sort is about 3x an argsort's speed; the order is needed only on ties
    cum = np.cumsum(desc)
    j = int(np.argmax(cum ** 2 / np.arange(1, a.size + 1))) + 1
    keep = a >= desc[j - 1]
    if int(np.count_nonzero(keep)) == j:
        return np.where(keep, np.where(s >= 0, 1.0, -1.0), 0.0)
    order = np.argsort(-a, kind="stable")  # ties at the cut: the first j of them in index order
    x = np.zeros_like(s)
    x[order[:j]] = np.where(s[order[:j]] >= 0, 1.0, -1.0)
    return x


def _leading_right(m: np.ndarray, steps: int = 8) -> np.ndarray:
    """Approximate leading right singular vector of ``m`` (power iteration from the largest row)."""
    v = m[int(np.argmax((m ** 2).sum(axis=1)))].copy()
    for _ in range(steps):
        v = m.T @ (m @ v)
        v /= max(float(np.linalg.norm(v)), 1e-300)
    return v


def _fit_term(resid: np.ndarray, y: np.ndarray, inner: int, old=None):
    """Alternate exact half-steps from ``y`` on ``R = resid + d_o x_o y_o^T`` (``old = (x_o, d_o, y_o)``,
    or ``R = resid``); returns ``(x, d, y, x^T R y, y0^T R^T x_o)`` (the last with the starting
    ``y0``, 0 without ``old``). ``R`` is never formed: each product with it
    is a product with ``resid`` plus the rank-one term's share."""
    if old is None:
        rv, rtv = (lambda v: resid @ v), (lambda u: resid.T @ u)
    else:
        xo, do, yo = old
        rv = lambda v: resid @ v + (do * float(yo @ v)) * xo
        rtv = lambda u: resid.T @ u + (do * float(xo @ u)) * yo
    ry = rv(y)
    start = 0.0 if old is None else float(old[0] @ ry)
    x = best_ternary(ry)
    for _ in range(inner):
        y = best_ternary(rtv(x))
        ry = rv(y)
        x = best_ternary(ry)
    xry = float(x @ ry)
    return x, xry / (float(x @ x) * float(y @ y)), y, xry, start


def _joint_d(w: np.ndarray, xs: np.ndarray, ys: np.ndarray, ds: np.ndarray) -> np.ndarray:
    """The diagonal minimizing ``||w - X diag(d) Y^T||`` for fixed X, Y (normal equations)."""
    gram = (xs.T @ xs) * (ys.T @ ys)
    rhs = ((xs.T @ w) * ys.T).sum(axis=1)
    d, *_ = np.linalg.lstsq(gram, rhs, rcond=None)
    old = np.linalg.norm(w - (xs * ds) @ ys.T)
    return d if np.linalg.norm(w - (xs * d) @ ys.T) <= old else ds


def ffn_factorize(w: np.ndarray, rank: int, iters: int = 10, inner: int = 2, tol: float = 0.0):
    """``w (O, K) ~ X diag(d) Y^T``; returns ``(X (O, r), d (r,), Y (K, r), errors)``.

    ``errors[i]`` is ``||w - X D Y^T|| / ||w||`` after the greedy fit (``i = 0``) and after
    each refitting sweep; it is non-increasing. At most ``iters`` sweeps run; with ``tol`` > 0
    they stop early once a sweep lowers the error by less than ``tol`` of its value (a sweep
    costs about ``r x O x K`` flops; late sweeps gain a few parts in ten thousand).
    """
    o, k = w.shape
    xs, ds, ys = np.zeros((o, rank)), np.zeros(rank), np.zeros((k, rank))
    resid = w.astype(np.float64).copy()
    norm = max(float(np.linalg.norm(w)), 1e-300)
    for i in range(rank):
        xs[:, i], ds[i], ys[:, i], _, _ = _fit_term(resid, best_ternary(_leading_right(resid)), inner)
        resid -= ds[i] * np.outer(xs[:, i], ys[:, i])
    errors = [float(np.linalg.norm(resid)) / norm]
    for _ in range(iters):
        for i in range(rank):
            xo, do, yo = xs[:, i].copy(), ds[i], ys[:, i].copy()
            x, d, y, xry, xo_r_yo = _fit_term(resid, yo, inner, (xo, do, yo))
            # ||R - d x y^T||^2 = ||R||^2 - gain: take the new term when its gain is no smaller
            # (the x-step from the current y is exact, so this never loses)
            nx, ny, nxo, nyo = float(x @ x), float(y @ y), float(xo @ xo), float(yo @ yo)
            if 2 * d * xry - d * d * nx * ny >= 2 * do * xo_r_yo - do * do * nxo * nyo:
                if d != do or not (np.array_equal(x, xo) and np.array_equal(y, yo)):
                    resid -= np.stack([d * x, -do * xo], axis=1) @ np.stack([y, yo])  # one pass
                xs[:, i], ds[i], ys[:, i] = x, d, y
        ds = _joint_d(w, xs, ys, ds)
        resid = w - (xs * ds) @ ys.T
        errors.append(float(np.linalg.norm(resid)) / norm)
        if errors[-2] - errors[-1] < tol * errors[-2]:
            break
    return xs, ds, ys, errors


#: a refitting sweep that lowers a layer's error by less than this share of it ends the fit
FFN_TOL = 1e-3


def ffn(net: Network, weights: Weights | None = None, *, ratio: float = 1.0, iters: int = 10, d_bits: int = 16,
        layers: tuple[str, ...] | None = None, seed: int = 0, batch: int = 1, max_hw: int | None = 32,
        tol: float = FFN_TOL):
    """FFN on conv (one group) and linear layers; rank ``r = ratio x min(O, K)``.

    At most ``iters`` refitting sweeps per layer, fewer once one gains less than ``tol`` (see
    :func:`ffn_factorize`); the record's ``details["solver"]`` gives per layer the sweeps run and
    the weight error after the greedy fit and at the end.

    Changes per layer: one layer -> three (``replaced_by``), ternary parts ``weight_bits = 2``,
    the diagonal ``weight_bits = d_bits``; act_bits unchanged (the TNNLS version keeps 8-bit
    activations). Cost is about ``r x O x K`` per sweep: meant for small layers and studies.
    """
    chosen = select_layers(net, layers, frozenset({"conv2d", "linear"}))
    memo = factor_memo()  # layers with identical weights share one fit
    solver = []

    def build(layer, w):
        if layer.groups != 1:
            return "grouped conv"
        o = layer.out_shape[0]
        k = layer.weight_count // o
        r = max(1, min(min(o, k), int(round(ratio * min(o, k)))))
        if layer.op == "conv2d":
            p1 = conv_like(layer, f"{layer.name}.ffn_y", layer.in_shapes[0], r, kernel=layer.kernel,
                           stride=layer.stride, padding=layer.padding, dilation=layer.dilation, weight_bits=2)
            p2 = conv_like(layer, f"{layer.name}.ffn_d", p1.out_shape, r, groups=r, weight_bits=d_bits)
            p3 = conv_like(layer, layer.name, p2.out_shape, o, weight_bits=2)
        else:
            p1 = matrix_like(layer, f"{layer.name}.ffn_y", layer.in_shapes[0], r).with_(weight_bits=2)
            p2 = conv_like(layer, f"{layer.name}.ffn_d", p1.out_shape, r, groups=r, weight_bits=d_bits)
            p3 = matrix_like(layer, layer.name, p2.out_shape, o).with_(weight_bits=2)
        parts = [p1, p2, p3]
        if w is None:
            return parts, None, None
        xs, ds, ys, errs = memo(w, (r, iters, tol), lambda: ffn_factorize(w.reshape(o, k), r, iters, tol=tol))
        solver.append((layer.name, (("sweeps", len(errs) - 1), ("error_greedy", errs[0]), ("error", errs[-1]))))
        a1 = ys.T.reshape((r,) + w.shape[1:])
        a3 = xs if layer.op == "linear" else xs[:, :, None, None]
        return parts, [a1, ds.reshape(r, 1, 1, 1), a3], ((xs * ds) @ ys.T).reshape(w.shape)

    return decompose("ffn", spec_text("ffn", f"{ratio:g}:it{iters}", layers),
                      {"ratio": ratio, "iters": iters, "d_bits": d_bits, "tol": tol}, net, weights, chosen, build,
                      seed=seed, batch=batch, max_hw=max_hw, force=True, details=lambda: (("solver", tuple(solver)),))
