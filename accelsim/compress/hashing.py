"""Binary weights as hash codes (Hu, Wang, Cheng, AAAI 2018, "From hashing to CNNs: training binary
weight networks via hashing"), fitted to the layer's output instead of retrained.

The paper's view: binary weights are codes that should preserve the inner products ``X W`` of
the layer's inputs with its real filters, so per layer (per group), with ``H`` the calibration
second moment of :mod:`outputfit`, minimize ``sum_o (w_o - alpha_o b_o)^T H (w_o - alpha_o b_o)``
over ``b_o`` in {-1, +1}^K and ``alpha_o``, by alternation:

- ``B`` with ``alpha`` fixed: discrete cyclic coordinate descent, one input coordinate at a time
  for all filters at once, each step the exact minimizer
  (:func:`accelsim.kernels.dcc.dcc_sweep`, in blocks of coordinates);
- ``alpha`` with ``B`` fixed: the closed form ``b^T H w / b^T H b`` per filter.

It starts from BWN's codes ``sign(W)`` with the output-optimal scale, and every half-step is an
exact block minimization, so the calibration objective never rises and never exceeds BWN's.
Sweeps stop when one gains less than ``tol`` of the objective, or after ``sweeps``.
"""

from __future__ import annotations

import numpy as np

from accelsim.compress.outputfit import CALIB_ROWS, GRAM_RANK, Gram, projected_scorer, run_fit, scorer
from accelsim.compress.record import spec_text
from accelsim.compress.weights import Weights
from accelsim.workload.network import Network


def hash_fit(gram: Gram, w: np.ndarray, sweeps: int = 10, tol: float = 1e-4):
    """Alternating DCC / closed-form scale on one group's ``w (O, K)``; returns ``(codes, alpha, info)``.

    ``info``: ``iterations`` (sweeps run), ``objective`` of the result and of the start
    (``objective_start``, BWN's codes with the output-optimal scale).
    """
    from accelsim.kernels.dcc import dcc_sweep
    score = scorer(gram, w)
    codes = np.where(w >= 0, 1, -1).astype(np.int8)
    alpha, start = score(codes)
    obj = start
    p = np.ascontiguousarray(gram.apply(w.T))
    vk = np.ascontiguousarray(gram.vt.T)
    lam_vk = vk * gram.lam
    bt = np.ascontiguousarray(codes.T)
    t = gram.vt @ bt  # vt b^T (r, O), kept up to date flip by flip by the sweep
    wt = np.ascontiguousarray(w.T)
    rescore = projected_scorer(gram, w)
    bb = np.full(w.shape[0], float(w.shape[1]))  # b.b = K for +-1 codes
    it = 0
    for it in range(1, sweeps + 1):
        dcc_sweep(vk, lam_vk, float(gram.floor), p, alpha, bt, t)
        alpha, new = rescore(t.T, bb, np.einsum("ko,ko->o", bt, wt))
        gain, obj = obj - new, new
        if gain <= tol * max(obj, 1e-300):
            break
    return np.ascontiguousarray(bt.T), alpha, {"iterations": it, "objective": obj, "objective_start": start}


def _summary(infos) -> tuple:
    return (("iterations", max(i["iterations"] for i in infos)), ("objective", sum(i["objective"] for i in infos)),
            ("objective_start", sum(i["objective_start"] for i in infos)))


def hashing(net: Network, weights: Weights | None = None, *, sweeps: int = 10, layers: tuple[str, ...] | None = None,
            seed: int = 0, batch: int = 1, max_hw: int | None = 32, rows: int = CALIB_ROWS,
            rank: int | None = GRAM_RANK):
    """Hashing binary weights on conv, linear and gemm layers (module docstring); ``weight_bits = 1``.

    The record's ``details["solver"]`` holds per layer the sweeps run and the calibration
    objectives (of the result and of the start).
    """
    return run_fit("hash", spec_text("hash", "", layers), {"sweeps": sweeps}, net, weights, layers,
                   {"weight_bits": 1}, lambda g, w: hash_fit(g, w, sweeps), _summary, seed=seed, batch=batch,
                   max_hw=max_hw, rows=rows, rank=rank)
