"""ADMM quantization (Leng, Li, Zhu, Jin, AAAI 2018, "Extremely low bit neural network: squeeze
the last bit out with ADMM"), fitted to the layer's output instead of retrained.

Per layer (per group), with ``H`` the calibration second moment of :mod:`outputfit`::

    minimize f(V) = sum_o (w_o - v_o)^T H (w_o - v_o)   subject to  V = G,  G in C

``C`` holds per-filter ``alpha_o`` times codes from a fixed set: binary ``{-1, +1}``, ternary
``{-1, 0, +1}`` or powers of two ``{0, +-1, +-2, ..., +-2^(n-1)}`` (``pow2:<bits>``, ``n =
2^(bits-1) - 1`` magnitudes, so 3 bits give ``{0, +-1, +-2, +-4}`` as in the paper). With the
scaled dual ``U`` and penalty ``rho`` each iteration takes

1. the proximal step, exact: ``V^T = (2H + rho I)^-1 (2 H W^T + rho (G - U)^T)``;
2. the projection ``G = Pi_C(V + U)``, per filter (binary: sign and mean magnitude, exact;
   ternary and powers of two: alternating nearest-code / least-squares-scale refits warm-started
   from the last scale, as in the paper; the first projection of ``W`` is exact for ternary);
3. the dual update ``U += V - G``;

and stops when the primal residual ``||V - G|| / ||W||`` has not reached a new low for
``patience`` iterations, when the kept codes (below) have not improved for ``stall`` iterations,
when the residual reaches zero (``V = G``, a fixed point), or after ``iters``.
``rho`` starts at ``rho0 x trace(H)/K`` and grows by ``rho_growth`` per iteration (the usual way
to drive a non-convex ADMM to a feasible point).

Every projection's codes are scored with their output-optimal scales (``b^T H w / b^T H b``);
the best codes seen, the first projection of ``W`` included, are kept. For binary codes the first
projection is BWN's ``sign(W)``, so the calibration objective is never worse than BWN's.
"""

from __future__ import annotations

import numpy as np

from accelsim.compress.outputfit import CALIB_ROWS, GRAM_RANK, Gram, projected_scorer, run_fit
from accelsim.compress.record import spec_text
from accelsim.compress.weights import Weights
from accelsim.errors import AccelsimError
from accelsim.workload.network import Network

SETS = ("binary", "ternary", "pow2")
POW2_BITS = (2, 3, 4)


def project_binary(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Nearest ``alpha_o b_o``, ``b`` in {-1, +1} (sign(0) = +1), per row of ``v (O, K)``.

    Codes come back as int8, as from every projection here: a byte a weight, not eight."""
    return np.where(v >= 0, np.int8(1), np.int8(-1)), np.abs(v).mean(axis=1)


def project_ternary(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Nearest ``alpha_o b_o``, ``b`` in {-1, 0, +1}, per row: keep the ``j`` largest ``|v|``,
    ``j`` maximizing ``(sum of them)^2 / j``; ``alpha`` is their mean (ties at the threshold are
    all kept, a measure-zero case that still gives a point of the set). A compiled pass per row
    (:func:`accelsim.kernels.pow2.ternary_project`)."""
    from accelsim.kernels.pow2 import ternary_project
    v = np.ascontiguousarray(v, dtype=np.float64)
    srt = np.abs(v)
    srt.sort(axis=1)  # in place: one layer-sized array fewer at the pass's peak
    return ternary_project(v, srt)


def pow2_levels(bits: int) -> np.ndarray:
    """Code magnitudes of ``pow2:<bits>``: ``[0, 1, 2, 4, ..., 2^(n-1)]``, ``n = 2^(bits-1) - 1``."""
    return np.concatenate([[0.0], 2.0 ** np.arange(2 ** (bits - 1) - 1)])


def project_pow2(v: np.ndarray, bits: int, steps: int = 10,
                 alpha: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``alpha_o b_o`` near row ``v_o``, ``b`` in ``{0, +-1, ..., +-2^(n-1)}``: alternate the nearest
    codes and the least-squares scale, keep the closer result per row. Starts: ``alpha`` when given
    (a warm start inside ADMM), else two (top code at ``max|v|``, unit code at ``mean|v|``).
    Not guaranteed nearest (the set is not convex)."""
    from accelsim.kernels.pow2 import pow2_project
    levels = pow2_levels(bits)
    starts = alpha[None] if alpha is not None else np.stack([np.abs(v).max(axis=1) / levels[-1],
                                                              np.abs(v).mean(axis=1)])
    return pow2_project(np.ascontiguousarray(v, dtype=np.float64), np.ascontiguousarray(starts, dtype=np.float64),
                        levels, steps)


def projector(constraint: str, bits: int = 3):
    """The projection onto ``C`` as ``(v (O, K), alpha of the last projection or None) -> (codes, alpha)``."""
    if constraint == "binary":
        return lambda v, a=None: project_binary(v)
    # Inside the loop, warm-started from the last scale, three alternating refits of codes and
    # scale (Leng et al.'s own projection step) suffice: V + U moves little between iterations.
    # The first projection of W is exact for ternary codes ({0, +-1} is pow2:2).
    if constraint == "ternary":
        return lambda v, a=None: project_ternary(v) if a is None else project_pow2(v, 2, 3, a)
    return lambda v, a=None: project_pow2(v, bits, 10 if a is None else 3, a)


def admm_fit(gram: Gram, w: np.ndarray, constraint: str = "binary", bits: int = 3, iters: int = 100,
             rho0: float = 1.0, rho_growth: float = 1.05, patience: int = 10, stall: int = 5):
    """ADMM on one group's ``w (O, K)`` (module docstring); returns ``(codes, alpha, info)``.

    ``info``: ``iterations`` run, final ``residual`` ``||V - G|| / ||W||``, the calibration
    ``objective`` of the kept codes and of the first projection (``objective_start``).
    """
    from accelsim.kernels.admm_rows import admm_dual_rows, admm_prox_rows
    proj = projector(constraint, bits)
    vt, lam, floor = gram.vt, gram.lam, gram.floor
    pw = w @ vt.T  # one product for the scorer, 2 W H and its projection
    score = projected_scorer(gram, w, pw)
    codes, a0 = proj(w)
    c64 = codes.astype(np.float64)  # before the loop's arrays exist: not at the fit's peak
    pc = c64 @ vt.T
    alpha, start = score(pc, np.einsum("ok,ok->o", c64, c64), np.einsum("ok,ok->o", c64, w))
    del c64
    best = start
    # codes are small integers, held as int8 throughout; the kept ones are a copy (binary codes are
    # rewritten in place)
    best_codes, best_alpha = codes.copy(), alpha
    # The proximal step's low-rank half works on projections onto vt: those of G (codes vt^T, which
    # scoring needs anyway) and of U (updated from V's and G's, never recomputed from U) give
    # m vt^T without a product of its own: two (O, K, r) products an iteration instead of three.
    pu = np.zeros_like(pc)
    two_hw_vt = 2.0 * pw * (lam + floor)  # 2 W H vt^T
    two_hw = 2.0 * (((pw * lam) @ vt) + floor * w)  # Gram.apply_rows(w), its w vt^T reused
    u = np.zeros_like(w)
    x = np.empty_like(w)
    binary = constraint == "binary"
    rho = rho0 * gram.mean_eig
    wnorm = max(float(np.linalg.norm(w)), 1e-300)
    low, since, res, it, found = np.inf, 0, np.inf, 0, 0
    for it in range(1, iters + 1):
        # V = m (2H + rho I)^-1, m = 2 W H + rho (G - U): the low-rank part by Woodbury, then the rest
        # and + U fused per row (kernels/admm_rows.py), all in x
        c = 2.0 * floor + rho
        pm = two_hw_vt + rho * (a0[:, None] * pc - pu)
        np.matmul(pm * (1.0 / (2.0 * lam + c) - 1.0 / c), vt, out=x)
        x, absum = admm_prox_rows(x, two_hw, codes, a0, u, rho, c, binary)  # x = V + U
        prev = codes
        if binary:  # codes sign(x), made over the last ones by admm_dual_rows
            a0 = absum / x.shape[1]
        else:
            codes, a0 = proj(x, a0)
        codes, u, res2, cc, cw, changed = admm_dual_rows(x, codes, prev, a0, u, w, binary)  # u = the new dual
        del prev
        # codes vt^T only for rows whose codes changed (late iterations change few or none); codes
        # that did not change at all score what they scored last time, which was not better than best
        # (x is free until the next iteration: it holds the codes widened to float64 for the product)
        rows = np.flatnonzero(changed)
        if rows.size == changed.size:
            np.copyto(x, codes)
            np.matmul(x, vt.T, out=pc)
        elif rows.size:
            wide = x[:rows.size]
            np.copyto(wide, codes[rows])
            pc[rows] = wide @ vt.T
        if rows.size:
            alpha, obj = score(pc, cc, cw)
            if obj < best:
                best, best_codes, best_alpha, found = obj, codes.copy(), alpha, it
        pu += pm / (2.0 * lam + c) - a0[:, None] * pc  # U' vt^T = U vt^T + V vt^T - G vt^T
        res = float(np.sqrt(res2)) / wnorm
        if res < 1e-9:  # V = G: a fixed point, nothing left to move
            break
        if it - found >= stall:  # the kept codes stopped improving: the rest only tightens V = G
            break
        if res < low * (1 - 1e-6):
            low, since = res, 0
        else:
            since += 1
            if since >= patience:
                break
        rho *= rho_growth
    return best_codes, best_alpha, {"iterations": it, "residual": res, "objective": best, "objective_start": start}


def _summary(infos) -> tuple:
    return (("iterations", max(i["iterations"] for i in infos)), ("residual", max(i["residual"] for i in infos)),
            ("objective", sum(i["objective"] for i in infos)),
            ("objective_start", sum(i["objective_start"] for i in infos)))


def admm(net: Network, weights: Weights | None = None, *, constraint: str = "binary", bits: int | None = None,
         iters: int = 100, layers: tuple[str, ...] | None = None, seed: int = 0, batch: int = 1,
         max_hw: int | None = 32, rows: int = CALIB_ROWS, rank: int | None = GRAM_RANK):
    """ADMM codes on conv, linear and gemm layers, fitted to the output (module docstring).

    ``weight_bits``: 1 (binary), 2 (ternary), ``bits`` (pow2, 2 to 4). The record's
    ``details["solver"]`` holds per layer the iterations, final residual and calibration
    objectives (of the kept codes and of the first projection).
    """
    if constraint not in SETS:
        raise AccelsimError(f"must be one of {', '.join(SETS)}, got {constraint!r}", field="admm")
    if constraint == "pow2":
        bits = 3 if bits is None else bits
        if bits not in POW2_BITS:
            raise AccelsimError(f"pow2 bits must be one of {', '.join(map(str, POW2_BITS))}, got {bits}", field="admm")
    wbits = {"binary": 1, "ternary": 2}.get(constraint, bits)
    args = "" if constraint == "binary" else (f"pow2:{bits}" if constraint == "pow2" else constraint)
    params = {"constraint": constraint, "iters": iters} | ({"bits": bits} if constraint == "pow2" else {})

    def solve(gram, w):
        return admm_fit(gram, w, constraint, bits or 3, iters)

    return run_fit("admm", spec_text("admm", args, layers), params, net, weights, layers, {"weight_bits": wbits},
                   solve, _summary, seed=seed, batch=batch, max_hw=max_hw, rows=rows, rank=rank)
