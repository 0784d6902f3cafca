"""Leading eigenpairs of a symmetric PSD (Gram) matrix: exact when small, else by subspace iteration.

The low-rank passes keep only the top ``r`` directions of a Gram matrix ``G = M M^T``. A full
``eigh`` costs ``~ n^3`` whatever ``r`` is; when ``r`` is a small share of ``n`` (the per-group
ranks of a block-term fit), or ``n`` is large (AlexNet's 4096-wide classifiers), seeded subspace
iteration with Rayleigh-Ritz (Halko, Martinsson & Tropp, SIAM Review 2011, Alg. 4.4) costs
``~ q n^2 (r + p)`` instead. With oversampling ``p = r/2 + 10`` and ``q = 4`` iterations the
projection error ``||M - U U^T M||_F`` stays within about 1 % of the exact one even on the flat
spectra of random weights (tests/compress/test_subspace.py holds it there); real, decaying spectra
converge faster. The start block is drawn from a fixed seed, so results are deterministic.

Small Gram matrices (``n <= EXACT_MAX_DIM``, and any whose kept share is large) go through
``eigh`` unchanged, so results on small layers are those of the exact solver.
"""

from __future__ import annotations

import numpy as np

#: a Gram side at or below which ``eigh`` is always used (exact and cheap)
EXACT_MAX_DIM = 128
#: above this side ``eigh`` is used only if the kept block exceeds this share of the side
ITERATE_MAX_SHARE = 0.25
#: from this side on the iterations run in float32 (BLAS twice as fast); the small Rayleigh-Ritz
#: problem is solved in the Gram's own precision
FLOAT32_MIN_DIM = 2048
POWER_ITERS = 4


def block_size(n: int, r: int) -> int:
    """Columns iterated for ``r`` wanted directions out of ``n``: ``r`` plus oversampling."""
    return min(n, r + r // 2 + 10)


def iterates(n: int, r: int) -> bool:
    """True when :func:`top_eigh` takes subspace iteration for ``r`` of ``n`` (else exact ``eigh``):
    a side above 1024 keeping less than half of it, or above :data:`EXACT_MAX_DIM` keeping at most
    :data:`ITERATE_MAX_SHARE` of it (below that the iterations cost about what ``eigh`` does)."""
    k = block_size(n, r)
    return n > FLOAT32_MIN_DIM // 2 and k < n // 2 or n > EXACT_MAX_DIM and k <= ITERATE_MAX_SHARE * n


def top_eigh(gram: np.ndarray, r: int, *, seed: int = 0, iters: int = POWER_ITERS) -> tuple[np.ndarray, np.ndarray]:
    """The ``r`` largest eigenvalues (clipped at 0, descending) and their eigenvectors ``(n, r)``.

    Exact (``eigh``) unless :func:`iterates`; then seeded subspace iteration, ``iters`` steps.
    """
    n = gram.shape[0]
    r = min(r, n)
    if not iterates(n, r):
        vals, vecs = np.linalg.eigh(gram)
        return np.maximum(vals[::-1][:r], 0.0), vecs[:, ::-1][:, :r]
    k = block_size(n, r)
    dtype = np.float32 if n >= FLOAT32_MIN_DIM else gram.dtype
    g = gram.astype(dtype, copy=False)
    q = np.random.default_rng([seed, n, k]).standard_normal((n, k)).astype(dtype)
    for _ in range(iters):
        q = np.linalg.qr(g @ q)[0]
    vals, v = np.linalg.eigh((q.T @ (g @ q)).astype(gram.dtype))
    return np.maximum(vals[::-1][:r], 0.0), q.astype(gram.dtype) @ v[:, ::-1][:, :r]


def leading_left(m: np.ndarray, r: int, *, seed: int = 0, iters: int = POWER_ITERS) -> tuple[np.ndarray, np.ndarray]:
    """Squared singular values ``(r,)`` and left singular vectors ``(rows, r)`` of ``m``, largest
    first: the eigenpairs of ``G = m m^T`` (:func:`top_eigh`).

    When the iterations run, ``G`` is formed only if that is cheaper than applying it as
    ``m (m^T q)`` each time (a tall ``m``, or few directions kept); when they run in float32 the
    Gram is formed in float32 too, since only they read it.
    """
    n, k = m.shape
    r = min(r, n)
    if not iterates(n, r):
        return top_eigh(m @ m.T, r, seed=seed)
    b = block_size(n, r)
    if 2 * (iters + 1) * k * b < n * k + 2 * (iters + 1) * n * b:  # flops per n: implicit vs formed
        q = np.random.default_rng([seed, n, b]).standard_normal((n, b)).astype(m.dtype, copy=False)
        for _ in range(iters):
            q = np.linalg.qr(m @ (m.T @ q))[0]
        z = m.T @ q  # Rayleigh-Ritz on q^T G q = z^T z
        vals, v = np.linalg.eigh(z.T @ z)
        return np.maximum(vals[::-1][:r], 0.0), q @ v[:, ::-1][:, :r]
    if n >= FLOAT32_MIN_DIM and m.dtype == np.float64:
        m32 = m.astype(np.float32)
        return top_eigh(m32 @ m32.T, r, seed=seed, iters=iters)
    return top_eigh(m @ m.T, r, seed=seed, iters=iters)
