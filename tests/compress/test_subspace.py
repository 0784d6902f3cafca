"""Leading subspaces by seeded subspace iteration: close to the exact ones, deterministic, exact when small."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.compress.subspace import EXACT_MAX_DIM, iterates, leading_left, top_eigh


def _proj_error(m, u):
    return np.linalg.norm(m - u @ (u.T @ m))


@pytest.mark.parametrize("shape,r", [((300, 1200), 30), ((400, 900), 50), ((700, 300), 40)])
def test_iterated_subspace_within_one_percent_of_exact(shape, r):
    """On i.i.d. Gaussian matrices (flat spectra, the hardest case) the projection error of the
    iterated subspace is within 1 % of the exact SVD's, which it can never beat."""
    m = np.random.default_rng(sum(shape)).standard_normal(shape)
    assert iterates(shape[0], r)
    _, u = leading_left(m, r)
    u_exact = np.linalg.svd(m, full_matrices=False)[0][:, :r]
    exact, got = _proj_error(m, u_exact), _proj_error(m, u)
    assert exact <= got * (1 + 1e-9)
    assert got <= 1.01 * exact
    np.testing.assert_allclose(u.T @ u, np.eye(r), atol=1e-10)


def test_iterated_subspace_is_deterministic():
    m = np.random.default_rng(3).standard_normal((400, 1000))
    np.testing.assert_array_equal(leading_left(m, 40)[1], leading_left(m, 40)[1])


def test_small_gram_takes_exact_eigh():
    m = np.random.default_rng(4).standard_normal((EXACT_MAX_DIM, 3 * EXACT_MAX_DIM))
    g = m @ m.T
    assert not iterates(EXACT_MAX_DIM, 8)
    vals, vecs = top_eigh(g, 8)
    ev, evec = np.linalg.eigh(g)
    np.testing.assert_array_equal(vecs, evec[:, ::-1][:, :8])
    np.testing.assert_array_equal(vals, ev[::-1][:8])


def test_eigenvalues_match_on_a_decaying_spectrum():
    rng = np.random.default_rng(5)
    u = np.linalg.qr(rng.standard_normal((500, 500)))[0]
    lam = np.exp(-np.arange(500) / 5.0)
    vals, _ = top_eigh((u * lam) @ u.T, 20)
    np.testing.assert_allclose(vals, lam[:20], rtol=1e-8)
