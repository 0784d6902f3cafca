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
That sequential solver (:func:`ffn_factorize`) is kept as the reference; it costs about 20
matrix-vector products per term and does not finish ResNet-50 at full rank in 300 s.

The pass uses :func:`ffn_blocked`: the same objective and the same exact ternary step, with
the terms taken a block at a time so that every product with ``W`` is a BLAS-3 product in
float32. The greedy fit takes ``rank / 16`` to ``rank / 8`` terms at a time from a one-step
power iteration on the residual; each sweep then refits all of Y, then all of X, in blocks:
each block's rows are the exact ternary fits to the residual of all terms outside the block
(from ``W Y``, ``Y^T Y`` and the current X, never forming the residual), its diagonal is solved
jointly, and the block keeps them only if its error falls. ResNet-50 at full rank: about 15 s
in one thread, 9-11 s with the layers fitted two at a time (compress/parallel.py); layer errors
within 0.4-1.7 % of the sequential solver's on the layers tested.
"""

from __future__ import annotations

import numpy as np

from accelsim.compress import parallel, progress
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


def ternary_rows(s: np.ndarray) -> np.ndarray:
    """:func:`best_ternary` of every row of ``s (b, n)`` at once (same dtype, entries -1, 0, +1):
    NumPy's sort, then one compiled pass a row (:func:`accelsim.kernels.ternary.ternary_cut`)."""
    from accelsim.kernels.ternary import ternary_cut
    asc = np.abs(s)
    asc.sort(axis=1)
    x, ties = ternary_cut(s, asc)
    for i in np.flatnonzero(ties):  # equal values at the cut (rare): the exact rule
        x[i] = best_ternary(s[i].astype(np.float64))
    return x


def _block_objective(f: np.ndarray, x: np.ndarray, gbb: np.ndarray, d: np.ndarray | None = None):
    """``(d, ||E - X_B diag(d) Y_B^T||^2 - ||E||^2)`` for a block: ``f = Y_B^T E^T`` rows, ``gbb = Y_B^T Y_B``.

    With ``d`` None, the least-squares diagonal for these ``x`` (normal equations, ``b x b``)."""
    rhs = (x * f).sum(axis=1, dtype=np.float64)
    a = (x @ x.T).astype(np.float64) * gbb
    if d is None:
        try:
            d = np.linalg.solve(a, rhs)
        except np.linalg.LinAlgError:  # repeated or empty rows
            d = np.linalg.lstsq(a, rhs, rcond=None)[0]
    return d, float(d @ a @ d - 2 * d @ rhs)


def _half_sweep(a: np.ndarray, fixed: np.ndarray, moving: np.ndarray, d: np.ndarray, block: int):
    """Refit ``moving (r, n)`` and ``d`` in ``a (n, m) ~ moving^T diag(d) fixed`` with ``fixed (r, m)`` held.

    Blocks of ``block`` terms in turn (Gauss-Seidel between blocks): each block's rows are the
    exact ternary fits to the residual of all other terms (Jacobi within the block), then its
    diagonal is solved jointly; the block keeps the new rows only when they lower the error, so
    the error never rises. Products with ``a`` are one BLAS product per half sweep; the residual
    is never formed. Returns ``(moving, d, p, g)`` with ``p = fixed a^T (r, n)``, ``g = fixed fixed^T``
    (ternary products: integers, exact in float32)."""
    p = fixed @ a.T
    g = fixed @ fixed.T
    r = fixed.shape[0]
    for b0 in range(0, r, block):
        blk = slice(b0, min(r, b0 + block))
        f = p[blk]  # the residual of the terms outside the block, times its fixed rows
        if block < r:
            dg = (d[:, None] * g[:, blk]).astype(a.dtype)
            dg[blk] = 0
            f = f - dg.T @ moving
        old, gbb = moving[blk], g[blk, blk].astype(np.float64)
        c = (d[blk][:, None] * gbb).astype(a.dtype)
        np.fill_diagonal(c, 0)
        new = ternary_rows(f - c.T @ old)
        d_new, e_new = _block_objective(f, new, gbb)
        if e_new <= _block_objective(f, old, gbb, d[blk])[1]:
            moving[blk], d[blk] = new, d_new
    return moving, d, p, g


def _rel_error(w2: float, xt: np.ndarray, d: np.ndarray, p: np.ndarray, g: np.ndarray, rows: int = 256) -> float:
    """``||W - X D Y^T|| / ||W||`` from ``||W||^2``, ``p = Y^T W^T`` and ``g = Y^T Y`` (no O x K temporary)."""
    e2 = w2 - 2 * float(d @ np.einsum("ij,ij->i", xt, p, dtype=np.float64))
    for i in range(0, xt.shape[0], rows):  # d^T (X^T X * Y^T Y) d, a band of the r x r product at a time
        e2 += float(d[i:i + rows] @ ((xt[i:i + rows] @ xt.T).astype(np.float64) * g[i:i + rows]) @ d)
    return float(np.sqrt(max(e2, 0.0) / max(w2, 1e-300)))


def _greedy(resid: np.ndarray, rank: int, block: int, inner: int, rng: np.random.Generator):
    """Terms fitted to ``resid`` (float32, overwritten with the residual) a block at a time
    (starting rows: the ternarized randomized range of the residual, one power step), each
    block refit ``inner`` times. Returns ``(xt (r, O), d, yt (r, K), ||residual||^2)``."""
    o, k = resid.shape
    xt, yt, d = np.zeros((rank, o), resid.dtype), np.zeros((rank, k), resid.dtype), np.zeros(rank)
    for b0 in range(0, rank, block):
        blk = slice(b0, min(rank, b0 + block))
        n = blk.stop - blk.start
        v = rng.standard_normal((n, o)).astype(resid.dtype) @ resid
        try:  # orthonormal rows by Cholesky QR (the b x b Gram; 6x cheaper than Householder on K x b)
            v = np.linalg.solve(np.linalg.cholesky((v @ v.T).astype(np.float64)), v).astype(resid.dtype).T
        except np.linalg.LinAlgError:  # a residual of rank < b (or zero)
            v = np.linalg.qr(v.T)[0]
        yb = ternary_rows(((resid @ v).T @ resid))
        xb, db = np.zeros((n, o), resid.dtype), np.zeros(n)
        xb, db, _, _ = _half_sweep(resid, yb, xb, db, n)
        for _ in range(inner):
            yb, db, _, _ = _half_sweep(resid.T, xb, yb, db, n)
            xb, db, _, _ = _half_sweep(resid, yb, xb, db, n)
        resid -= (xb.T * db.astype(resid.dtype)) @ yb
        xt[blk], yt[blk], d[blk] = xb, yb, db
    return xt, d, yt, float(np.einsum("ij,ij->", resid, resid, dtype=np.float64))


def ffn_blocked(w: np.ndarray, rank: int, iters: int = 3, tol: float = 0.0, *, greedy_block: int | None = None,
                block: int | None = None, inner: int = 2, seed: int = 0):
    """``w (O, K) ~ X diag(d) Y^T`` by blocks of terms; returns ``(X (O, r), d (r,), Y^T (r, K), errors)``
    (X and Y^T ternary in float32, d float64).

    The structure and objective of :func:`ffn_factorize` (ternary X, Y; real diagonal), fitted
    for speed in float32 BLAS-3 products: a greedy fit ``greedy_block`` terms at a time to the
    residual, then up to ``iters`` sweeps, each refitting all of one side, then all of the
    other, ``block`` terms at a time (see :func:`_half_sweep`; block sizes by default from
    :func:`_blocks`). ``errors`` as for
    :func:`ffn_factorize`: ``||w - X D Y^T|| / ||w||`` after the greedy fit and after each sweep,
    non-increasing but for float32 rounding (they are computed in float32 products, to about
    1e-6 of their value); early stop by ``tol`` likewise. A sweep costs about ``2 r O K +
    1.5 r^2 (O + K)`` multiply-adds; the greedy fit about ``9 r O K``.
    """
    o, k = w.shape
    greedy_block, block = greedy_block or _blocks(rank)[0], block or _blocks(rank)[1]
    if o > k:  # W^T = Y D X^T: the sweeps end on the shorter side, whose Gram matrix the error needs
        yt, d, xt, errors = _fit(w.T, rank, iters, tol, greedy_block, block, inner, seed)
    else:
        xt, d, yt, errors = _fit(w, rank, iters, tol, greedy_block, block, inner, seed)
    return np.ascontiguousarray(xt.T), d, yt, errors  # ternary: float32 holds them exactly


def _fit(w: np.ndarray, rank: int, iters: int, tol: float, greedy_block: int, block: int, inner: int, seed: int):
    """:func:`ffn_blocked` for ``O <= K``: ``(xt (r, O), d, yt (r, K), errors)``, factors in float32."""
    w2 = float(np.einsum("ij,ij->", w, w, dtype=np.float64))
    norm = max(np.sqrt(w2), 1e-300)
    xt, d, yt, r2 = _greedy(w.astype(np.float32), rank, greedy_block, inner, np.random.default_rng(seed))
    errors = [float(np.sqrt(r2)) / norm]
    w32 = w.astype(np.float32)  # after the greedy fit, so that it and the residual are never held together
    for _ in range(iters):
        yt, d, _, _ = _half_sweep(w32.T, xt, yt, d, block)
        xt, d, p, g = _half_sweep(w32, yt, xt, d, block)
        errors.append(_rel_error(w2, xt, d, p, g))
        if errors[-2] - errors[-1] < tol * errors[-2]:
            break
    return xt, d, yt, errors


def _blocks(rank: int) -> tuple[int, int]:
    """Terms per block ``(greedy, sweep)``: ``rank / 16`` (at least 4) up to rank 256, then
    ``rank / 8`` up to 128; and ``rank / 8`` in 8..64.

    Measured on He-normal layers: finer greedy blocks lower the error (64x576 at full rank: 4
    terms 0.429, 8 terms 0.438 after 3 sweeps), while on large layers coarser ones cost little
    (ResNet-50 mean layer error 0.3997 with ``rank / 16`` up to 64, 0.4013 with ``rank / 8`` up
    to 128) and save a fifth of the time; a sweep block of the whole rank stalls, an eighth
    refits as well as a sixteenth."""
    return int(min(128, max(4, rank // 16 if rank <= 256 else rank // 8))), int(min(64, max(8, rank // 8)))


#: a refitting sweep that lowers a layer's error by less than this share of it ends the fit
FFN_TOL = 1e-3
#: refitting sweeps of the pass by default: the third lowers He-normal layers' error by about
#: 1 %, later ones by less than 0.5 % each, at about 40 % of the greedy fit's cost each
FFN_SWEEPS = 3


def ffn(net: Network, weights: Weights | None = None, *, ratio: float = 1.0, iters: int = FFN_SWEEPS,
        d_bits: int = 16, layers: tuple[str, ...] | None = None, seed: int = 0, batch: int = 1,
        max_hw: int | None = 32, tol: float = FFN_TOL):
    """FFN on conv (one group) and linear layers; rank ``r = ratio x min(O, K)``.

    Fitted by :func:`ffn_blocked`: at most ``iters`` refitting sweeps per layer, fewer once one
    gains less than ``tol``; the record's ``details["solver"]`` gives per layer the sweeps run
    and the weight error after the greedy fit and at the end.

    Changes per layer: one layer -> three (``replaced_by``), ternary parts ``weight_bits = 2``,
    the diagonal ``weight_bits = d_bits``; act_bits unchanged (the TNNLS version keeps 8-bit
    activations). Cost is about ``8 r O K`` for the greedy fit and ``3.5 r O K`` per sweep
    (multiply-adds, float32 BLAS): ResNet-50 at full rank in seconds.
    """
    chosen = select_layers(net, layers, frozenset({"conv2d", "linear"}))
    solver = []

    def shape(layer):  # (O, K, r)
        o = layer.out_shape[0]
        k = layer.weight_count // o
        return o, k, max(1, min(min(o, k), int(round(ratio * min(o, k)))))

    # Fits first, largest layer first: the big layers' working arrays then come and go while few
    # factors are held, and the peak memory is about that of the factors alone (ResNet-50:
    # 242 MB of them). Several threads (compress/parallel.py) fit layers side by side; layers with
    # identical weights share one fit (the memo names the first layer that holds them).
    fits, memo = {}, factor_memo()
    if weights is not None:
        todo = sorted((n for n in chosen if net.layer(n).groups == 1), key=lambda n: -net.layer(n).weight_count)
        first = {n: memo(weights[n]["weight"], shape(net.layer(n)), lambda n=n: n) for n in todo}
        distinct = [n for n in todo if first[n] == n]

        def fit(lname):
            o, k, r = shape(net.layer(lname))
            return ffn_blocked(weights[lname]["weight"].reshape(o, k), r, iters, tol=tol)

        # no cost limit: a fit's working arrays are float32 and few, two large ones fit (peak 325 MB)
        with parallel.layer_map(fit, distinct) as futures:
            futures = dict(zip(distinct, futures))
            for lname in progress.layers(todo, "ffn"):
                fits[lname] = futures[first[lname]].result()

    def build(layer, w):
        if layer.groups != 1:
            return "grouped conv"
        o, k, r = shape(layer)
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
        xs, ds, ys_t, errs = fits[layer.name]
        solver.append((layer.name, (("sweeps", len(errs) - 1), ("error_greedy", errs[0]), ("error", errs[-1]))))
        a3 = xs if layer.op == "linear" else xs[:, :, None, None]
        return parts, [ys_t.reshape((r,) + w.shape[1:]), ds.reshape(r, 1, 1, 1), a3], errs[-1]

    return decompose("ffn", spec_text("ffn", f"{ratio:g}:it{iters}", layers),
                      {"ratio": ratio, "iters": iters, "d_bits": d_bits, "tol": tol}, net, weights, chosen, build,
                      seed=seed, batch=batch, max_hw=max_hw, force=True, details=lambda: (("solver", tuple(solver)),))
