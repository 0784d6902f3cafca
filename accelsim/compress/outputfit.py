"""The output objective shared by ADMM and hashing binarization, and their pass driver.

BWN picks ``alpha B`` closest to ``W``. Without retraining, what matters is the layer's output
on the inputs it sees: with ``X (N, K)`` the calibration rows (im2col patches of a conv, the
flattened input of a matrix layer), minimize per layer

    ``||X W^T - X (alpha B)^T||_F^2 / N = sum_o (w_o - alpha_o b_o)^T H (w_o - alpha_o b_o)``

where ``H = X^T X / N`` is the input's second moment (``K x K``, shared by all filters of one
group). :class:`Gram` holds ``H`` as a low-rank part plus an isotropic floor: the ``rank``
leading eigenpairs of ``H`` exactly, every other eigenvalue replaced by the mean of the
discarded ones (a probabilistic-PCA style fit; the trace is kept). ``rank=None`` keeps ``H``
whole. Everything the solvers need, ``H M``, ``(2H + rho I)^-1 M`` and the objective, costs
``O(rank K O)`` and never forms ``K x K``.

Calibration rows come from the same seeded post-ReLU inputs as the other passes' error
measurement (:func:`~accelsim.compress.record.seeded_input`), but drawn from another seed,
so the recorded output error is measured on inputs the solver never saw.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accelsim.compress import parallel, progress

from accelsim.compress.functional import im2col
from accelsim.compress.quantize import _new_arrays
from accelsim.compress.record import make_record, output_error, rel_error, seeded_input, seeded_shape
from accelsim.compress.weights import Weights, layer_rng, select_layers
from accelsim.workload.layer import WEIGHTED_OPS, Layer
from accelsim.workload.network import Network

CALIB_ROWS = 1024  # calibration rows per layer: enough for a stable top-64 subspace, cheap to factor
GRAM_RANK = 64
CALIB_SEED_OFFSET = 104729  # calibration draws differ from the measurement draw of seeded_input


@dataclass(frozen=True)
class Gram:
    """``H = Vt^T diag(lam) Vt + floor I`` (``K x K``); ``Vt (r, K)`` has orthonormal rows.

    ``lam`` are the leading eigenvalues of ``H`` minus ``floor`` (so ``>= 0``).
    """

    vt: np.ndarray
    lam: np.ndarray
    floor: float

    @property
    def size(self) -> int:
        return self.vt.shape[1]

    def apply(self, m: np.ndarray) -> np.ndarray:
        """``H m`` for ``m (K, O)``."""
        return self.vt.T @ (self.lam[:, None] * (self.vt @ m)) + self.floor * m

    def solve(self, m: np.ndarray, rho: float) -> np.ndarray:
        """``(2H + rho I)^-1 m`` for ``m (K, O)`` (Woodbury on the low-rank part)."""
        c = 2.0 * self.floor + rho
        return self.vt.T @ ((1.0 / (2.0 * self.lam + c) - 1.0 / c)[:, None] * (self.vt @ m)) + m / c

    def apply_rows(self, m: np.ndarray) -> np.ndarray:
        """``m H`` for ``m (O, K)`` (rows, no transposes)."""
        return ((m @ self.vt.T) * self.lam) @ self.vt + self.floor * m

    def solve_rows(self, m: np.ndarray, rho: float, overwrite: bool = False) -> np.ndarray:
        """``m (2H + rho I)^-1`` for ``m (O, K)``; ``overwrite`` puts it in ``m`` (one layer-sized array fewer)."""
        c = 2.0 * self.floor + rho
        low = (m @ self.vt.T) * (1.0 / (2.0 * self.lam + c) - 1.0 / c)
        if not overwrite:
            return low @ self.vt + m / c
        m /= c
        m += low @ self.vt
        return m

    def quad(self, d: np.ndarray) -> np.ndarray:
        """``d_o^T H d_o`` per row of ``d (O, K)``."""
        p = self.vt @ d.T
        return (self.lam[:, None] * p * p).sum(axis=0) + self.floor * (d * d).sum(axis=1)

    def diag(self) -> np.ndarray:
        """``H_kk`` for every k."""
        return (self.lam[:, None] * self.vt ** 2).sum(axis=0) + self.floor

    @property
    def mean_eig(self) -> float:
        """``trace(H) / K``: the scale against which penalties are set."""
        return float(self.lam.sum() / self.size + self.floor)


def gram_of(rows: np.ndarray, rank: int | None = GRAM_RANK, seed: int = 0) -> Gram:
    """:class:`Gram` of ``H = rows^T rows / N`` for ``rows (N, K)``: exact when ``rank`` is None
    or at least ``min(N, K)``, else the top ``rank`` by a seeded randomized range finder
    (Halko, Martinsson, Tropp 2011, two power iterations) and the floor."""
    n, k = rows.shape
    scale = 1.0 / max(n, 1)  # H = rows^T rows / n: the 1/n goes on the eigenvalues, not on a copy of rows
    full = min(n, k)
    if rank is None or rank >= full:
        _, s, vt = np.linalg.svd(rows, full_matrices=False)
        lam = s ** 2 * scale
        floor = 0.0
    else:
        # The range finder only has to find the leading subspace: float32 halves its memory and time;
        # the basis is re-orthonormalized, and the final small SVD, eigenvalues and trace are in float64.
        total = float(np.einsum("nk,nk->", rows, rows)) * scale
        x = rows.astype(np.float32)
        omega = layer_rng(seed, "gram").standard_normal((k, min(full, rank + 10))).astype(np.float32)
        q = np.linalg.qr(x @ omega)[0]
        for _ in range(2):
            q = np.linalg.qr(x @ (x.T @ q))[0]
        del x
        q = np.linalg.qr(q.astype(np.float64))[0]  # orthonormal in float64, so Ritz values stay below the true ones
        _, s, vt = np.linalg.svd(q.T @ rows, full_matrices=False)
        lam, vt = s[:rank] ** 2 * scale, vt[:rank]
        floor = max(total - float(lam.sum()), 0.0) / (k - rank)
    return Gram(vt=np.ascontiguousarray(vt), lam=np.maximum(lam - floor, 0.0), floor=floor)


def _conv_rows(cols: np.ndarray, g: int, idx: np.ndarray | None = None) -> np.ndarray:
    """Group ``g``'s calibration rows ``(n P, K)`` from im2col's ``(n, groups, K, P)`` columns; with ``idx``
    (sorted row numbers) only those rows, picked without the full copy."""
    if idx is None:
        return cols[:, g].transpose(0, 2, 1).reshape(-1, cols.shape[2])
    p = cols.shape[3]
    return cols[idx // p, g, :, idx % p]


def layer_rows(layer: Layer, x: np.ndarray) -> list[np.ndarray]:
    """Calibration rows of ``layer``'s input ``x (n, C, H, W)``, one ``(N, K)`` array per group."""
    if layer.op == "conv2d":
        cols = im2col(x, layer.kernel, layer.stride, layer.padding, layer.dilation, layer.groups)
        # (n, g, K, P) -> per group (n P, K)
        return [_conv_rows(cols, g) for g in range(layer.groups)]
    if layer.op == "linear":
        return [x.reshape(x.shape[0], -1)]
    n, k = x.shape[:2]  # gemm: input held (n, K, M, 1)
    return [x.reshape(n, k, -1).transpose(0, 2, 1).reshape(-1, k)]


def _rows_per_image(layer: Layer, max_hw: int | None) -> int:
    """Rows :func:`layer_rows` gives for one image of :func:`seeded_input` (output pixels of a conv)."""
    c, h, w = seeded_shape(layer, max_hw)
    if layer.op == "conv2d":
        (t, l, b, r), (kh, kw), (sh, sw), (dh, dw) = layer.padding, layer.kernel, layer.stride, layer.dilation
        return ((h + t + b - dh * (kh - 1) - 1) // sh + 1) * ((w + l + r - dw * (kw - 1) - 1) // sw + 1)
    if layer.op == "linear":
        return 1
    return h * w  # gemm: one row per column of its (K, M, 1) input


def calibration_grams(layer: Layer, seed: int = 0, rows: int = CALIB_ROWS, rank: int | None = GRAM_RANK,
                      max_hw: int | None = 32, x: np.ndarray | None = None) -> list[Gram]:
    """One :class:`Gram` per group of ``layer`` from seeded calibration inputs (or ``x``).

    Enough images are drawn to give ``rows`` rows, then ``rows`` of them are kept at random.
    """
    if x is None:
        per_image = max(1, _rows_per_image(layer, max_hw))
        batch = int(min(256, -(-rows // per_image)))
        x = seeded_input(layer, seed + CALIB_SEED_OFFSET, batch, max_hw)
    out = []
    rng = layer_rng(seed + CALIB_SEED_OFFSET, layer.name)
    if layer.op != "conv2d":
        groups = layer_rows(layer, x)
        del x
        while groups:
            r = groups.pop(0)  # each group's rows are freed once its Gram is made
            if r.shape[0] > rows:
                r = r[np.sort(rng.choice(r.shape[0], rows, replace=False))]
            out.append(gram_of(r, rank, seed))
        return out
    # A conv's rows are picked straight out of im2col's columns: the same rows, in the same order, as
    # layer_rows then indexing, without the (n P, K) copy of every group.
    cols = im2col(x, layer.kernel, layer.stride, layer.padding, layer.dilation, layer.groups)
    del x
    n, _, _, p = cols.shape
    for g in range(layer.groups):
        idx = np.sort(rng.choice(n * p, rows, replace=False)) if n * p > rows else None
        out.append(gram_of(_conv_rows(cols, g, idx), rank, seed))
    return out


def scorer(gram: Gram, w: np.ndarray):
    """``codes (O, K) -> (alpha (O,), objective)``: the output-optimal scales of the codes and the
    objective they reach, ``sum_o (w_o^T H w_o - (b_o^T H w_o)^2 / b_o^T H b_o)``.

    Precomputes ``vt w^T``, so each call costs one ``(r, K) x (K, O)`` product.
    """
    score_projected = projected_scorer(gram, w)

    def score(codes: np.ndarray) -> tuple[np.ndarray, float]:
        c = np.asarray(codes, dtype=np.float64)
        return score_projected(c @ gram.vt.T, np.einsum("ok,ok->o", c, c), np.einsum("ok,ok->o", c, w))
    return score


def projected_scorer(gram: Gram, w: np.ndarray, pw: np.ndarray | None = None):
    """:func:`scorer` for a solver that already holds the codes' products:
    ``(codes vt^T (O, r), b_o.b_o (O,), b_o.w_o (O,)) -> (alpha (O,), objective)``, no ``O x K`` work.

    ``pw``: ``w vt^T`` if the caller has it (else computed here)."""
    lam = gram.lam
    pw = w @ gram.vt.T if pw is None else pw
    whw = (lam * pw * pw).sum(axis=1) + gram.floor * np.einsum("ok,ok->o", w, w)

    def score(pc: np.ndarray, cc: np.ndarray, cw: np.ndarray) -> tuple[np.ndarray, float]:
        bhb = (lam * pc * pc).sum(axis=1) + gram.floor * cc
        bhw = (lam * pc * pw).sum(axis=1) + gram.floor * cw
        ok = bhb > 0
        alpha = np.where(ok, bhw / np.where(ok, bhb, 1.0), 0.0)
        return alpha, float(np.maximum(whw - alpha * bhw, 0.0).sum())
    return score


def objective(gram: Gram, w: np.ndarray, q: np.ndarray) -> float:
    """``sum_o (w_o - q_o)^T H (w_o - q_o)``: the mean squared output error of the layer."""
    return float(gram.quad(w - q).sum())


def fit_layer(layer: Layer, w: np.ndarray, grams: list[Gram], solve):
    """Run ``solve(gram, W_g (O_g, K)) -> (codes, alpha, info)`` per group; reassemble.

    Returns ``(codes shaped like w, alpha (O,), infos)``.
    """
    o = w.shape[0]
    g = len(grams)
    m = w.reshape(g, o // g, -1)
    codes, alphas, infos = [], [], []
    for gi, gram in enumerate(grams):
        c, a, info = solve(gram, m[gi])
        codes.append(c)
        alphas.append(a)
        infos.append(info)
    return np.concatenate(codes).reshape(w.shape), np.concatenate(alphas), infos


def run_fit(name: str, spec: str, params: dict, net: Network, weights: Weights | None, layers, fields: dict,
            solve, summarize, *, seed: int = 0, batch: int = 1, max_hw: int | None = 32,
            rows: int = CALIB_ROWS, rank: int | None = GRAM_RANK, notes=()):
    """The pass loop: set ``fields`` on the chosen layers; with weights, fit each on its calibration
    Gram, store codes and scales, measure weight and (held-out) output error.

    ``summarize(infos) -> tuple`` turns one layer's solver infos into its entry in
    ``details["solver"]``. A pruned weight stays pruned: its code is zeroed after the fit.
    """
    chosen = select_layers(net, layers, WEIGHTED_OPS)
    new_w = dict(weights) if weights is not None else None
    werr, oerr, solver = {}, {}, []
    new_layers = [l.with_(**fields) if l.name in chosen else l for l in net.layers]
    todo = [(l, n) for l, n in zip(net.layers, new_layers) if l.name in chosen and new_w is not None]

    def fit_one(layer: Layer, new: Layer):
        old = weights[layer.name]
        grams = calibration_grams(layer, seed, rows, rank, max_hw)
        # the solvers work in float64 on the (float32-held) weights: one layer's copy at a time
        codes, alpha, infos = fit_layer(layer, old["weight"].astype(np.float64), grams, solve)
        del grams
        arrays = _new_arrays(old, codes, alpha.reshape((-1,) + (1,) * (codes.ndim - 1)))
        return (arrays, rel_error(old["weight"], arrays["weight"]),
                output_error(layer, old, [new], {layer.name: arrays}, seed=seed, batch=batch, max_hw=max_hw),
                summarize(infos))

    # Largest layer first, and with several threads side by side (compress/parallel.py): a fit's
    # working set is about five float64 copies of the layer's weights (ResNet-50, admm:ternary:
    # 72-94 MB on its five largest layers), so the large fits run while few results are held
    # (the peak is then near the floor plus one large fit), and never two large ones at once.
    # Each layer's result does not depend on the order.
    def cost(pair) -> int:  # the weights' copies and the calibration rows (both float64)
        layer = pair[0]
        return 5 * layer.weight_count + rows * (layer.weight_count // max(1, layer.out_shape[0]))

    order = sorted(todo, key=lambda pair: -cost(pair))
    done = {}
    with parallel.layer_map(lambda pair: fit_one(*pair), order, cost) as futures:
        for (layer, _), f in zip(progress.layers(order, name, lambda pair: pair[0].name), futures):
            done[layer.name] = f.result()
    for layer, _ in todo:
        new_w[layer.name], werr[layer.name], oerr[layer.name], summary = done.pop(layer.name)
        solver.append((layer.name, summary))
    out = net.with_layers(tuple(new_layers))
    notes = tuple(notes) + ((f"codes fitted to the output on {rows} seeded calibration rows per layer (held out from "
                             "the error measurement); H kept " + ("whole" if rank is None else f"as rank {rank} "
                             "plus an isotropic floor"),) if weights is not None else ())
    rec = make_record(name, spec, params, net, out, with_weights=weights is not None,
                      changed=[l.name for l in net.layers if l.name in chosen], weight_error=werr,
                      output_error=oerr, notes=notes, details=(("solver", tuple(solver)),))
    return out, new_w, rec
