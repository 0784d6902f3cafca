"""The faster low-rank and FFN solvers against the code they replaced (kept here verbatim as the
reference): same factors up to floating-point reassociation, the same ternary codes exactly."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.compress.ffn import _leading_right, best_ternary, ffn_factorize
from accelsim.compress.lowrank import _leading, block_terms, cp_als, tucker2_factors, tucker2_reconstruct

# ---- the replaced implementations (accelsim main at ac0ae72) ----------------------------------


def _old_tucker2_factors(w, r_out, r_in, iters=2):
    o, c = w.shape[:2]
    u_out = _leading(w.reshape(o, -1), r_out)
    u_in = _leading(w.transpose(1, 0, 2, 3).reshape(c, -1), r_in)
    for _ in range(iters):
        t = np.einsum("ochw,cs->oshw", w, u_in)
        u_out = _leading(t.reshape(o, -1), r_out)
        t = np.einsum("ochw,or->rchw", w, u_out)
        u_in = _leading(t.transpose(1, 0, 2, 3).reshape(c, -1), r_in)
    core = np.einsum("ochw,or,cs->rshw", w, u_out, u_in, optimize=True)
    return u_out, u_in, core


def _old_tucker2_reconstruct(u_out, u_in, core):
    return np.einsum("rshw,or,cs->ochw", core, u_out, u_in, optimize=True)


def _old_cp_als(w, rank, iters=25, seed=0):
    rng = np.random.default_rng(seed)
    dims = w.shape
    unfold = [np.moveaxis(w, m, 0).reshape(dims[m], -1) for m in range(4)]
    factors = []
    for m, d in enumerate(dims):
        f = rng.standard_normal((d, rank))
        if m < 2:
            u = _leading(unfold[m], min(rank, d))
            f[:, : u.shape[1]] = u
        factors.append(f)
    subs = "abcd"
    for _ in range(iters):
        for m in range(4):
            others = [i for i in range(4) if i != m]
            gram = np.ones((rank, rank))
            for i in others:
                gram *= factors[i].T @ factors[i]
            expr = f"abcd,{','.join(subs[i] + 'r' for i in others)}->{subs[m]}r"
            mttkrp = np.einsum(expr, w, *[factors[i] for i in others], optimize=True)
            factors[m] = mttkrp @ np.linalg.pinv(gram)
    return tuple(factors)


def _old_fit_term(resid, y, inner):
    x = best_ternary(resid @ y)
    for _ in range(inner):
        y = best_ternary(resid.T @ x)
        x = best_ternary(resid @ y)
    d = float(x @ resid @ y) / (float(x @ x) * float(y @ y))
    return x, d, y


def _old_joint_d(w, xs, ys, ds):
    gram = (xs.T @ xs) * (ys.T @ ys)
    rhs = np.einsum("or,ok,kr->r", xs, w, ys)
    d, *_ = np.linalg.lstsq(gram, rhs, rcond=None)
    old = np.linalg.norm(w - (xs * ds) @ ys.T)
    return d if np.linalg.norm(w - (xs * d) @ ys.T) <= old else ds


def _old_ffn_factorize(w, rank, iters=10, inner=2):
    o, k = w.shape
    xs, ds, ys = np.zeros((o, rank)), np.zeros(rank), np.zeros((k, rank))
    resid = w.astype(np.float64).copy()
    norm = max(float(np.linalg.norm(w)), 1e-300)
    for i in range(rank):
        xs[:, i], ds[i], ys[:, i] = _old_fit_term(resid, best_ternary(_leading_right(resid)), inner)
        resid -= ds[i] * np.outer(xs[:, i], ys[:, i])
    errors = [float(np.linalg.norm(resid)) / norm]
    for _ in range(iters):
        for i in range(rank):
            resid += ds[i] * np.outer(xs[:, i], ys[:, i])
            x, d, y = _old_fit_term(resid, ys[:, i], inner)
            new = resid - d * np.outer(x, y)
            if np.linalg.norm(new) <= np.linalg.norm(resid - ds[i] * np.outer(xs[:, i], ys[:, i])):
                xs[:, i], ds[i], ys[:, i] = x, d, y
            resid -= ds[i] * np.outer(xs[:, i], ys[:, i])
        ds = _old_joint_d(w, xs, ys, ds)
        resid = w - (xs * ds) @ ys.T
        errors.append(float(np.linalg.norm(resid)) / norm)
    return xs, ds, ys, errors


# ---- old vs new --------------------------------------------------------------------------------

CONVS = [((16, 12, 3, 3), 4, 3), ((48, 32, 3, 3), 12, 8), ((20, 8, 5, 3), 20, 8), ((9, 10, 1, 3), 5, 10)]


@pytest.mark.parametrize("shape,r_out,r_in", CONVS)
def test_tucker2_as_before(shape, r_out, r_in):
    w = np.random.default_rng(sum(shape)).standard_normal(shape)
    new, old = tucker2_factors(w, r_out, r_in), _old_tucker2_factors(w, r_out, r_in)
    scale = np.abs(w).max()
    np.testing.assert_allclose(tucker2_reconstruct(*new), _old_tucker2_reconstruct(*old), rtol=0, atol=1e-12 * scale)
    for a, b in zip(new, old):  # the same factors, column signs included
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-11 * max(1.0, np.abs(b).max()))
    np.testing.assert_allclose(tucker2_reconstruct(*old), _old_tucker2_reconstruct(*old), rtol=0, atol=1e-12 * scale)


def test_block_terms_as_before():
    w = np.random.default_rng(3).standard_normal((32, 24, 3, 3))
    new = sum(tucker2_reconstruct(*t) for t in block_terms(w, 4, 2, 2))
    resid = w.copy()
    terms = []
    for _ in range(4):
        t = _old_tucker2_factors(resid, 2, 2)
        resid = resid - _old_tucker2_reconstruct(*t)
        terms.append(t)
    for _ in range(2):
        for g in range(4):
            resid = resid + _old_tucker2_reconstruct(*terms[g])
            terms[g] = _old_tucker2_factors(resid, 2, 2)
            resid = resid - _old_tucker2_reconstruct(*terms[g])
    np.testing.assert_allclose(new, sum(_old_tucker2_reconstruct(*t) for t in terms), rtol=0, atol=1e-11)


@pytest.mark.parametrize("shape,rank", [((16, 12, 3, 3), 4), ((48, 32, 3, 3), 12), ((20, 8, 5, 3), 8),
                                        ((9, 10, 1, 3), 12)])
def test_cp_als_as_before(shape, rank):
    w = np.random.default_rng(sum(shape)).standard_normal(shape)
    new, old = cp_als(w, rank, 25, 0), _old_cp_als(w, rank, 25, 0)
    rec = lambda f: np.einsum("or,cr,hr,vr->ochv", *f)  # noqa: E731
    np.testing.assert_allclose(rec(new), rec(old), rtol=0, atol=1e-10 * np.abs(w).max())


@pytest.mark.parametrize("shape,rank", [((16, 36), 8), ((64, 288), 32), ((40, 30), 30), ((96, 576), 48)])
def test_ffn_as_before(shape, rank):
    w = np.random.default_rng(sum(shape)).standard_normal(shape)
    xs, ds, ys, errs = ffn_factorize(w, rank, 10)
    oxs, ods, oys, oerrs = _old_ffn_factorize(w, rank, 10)
    np.testing.assert_array_equal(xs, oxs)
    np.testing.assert_array_equal(ys, oys)
    np.testing.assert_allclose(ds, ods, rtol=1e-12, atol=0)
    np.testing.assert_allclose(errs, oerrs, rtol=1e-12, atol=0)


# ---- k-means on scalars: Lloyd over every value per iteration (before) vs over sorted intervals (now) ----

def _old_kmeans_1d(values, clusters, iterations=50):
    v = np.asarray(values, np.float64).ravel()
    cent = np.linspace(v.min(), v.max(), clusters)
    codes = np.full(v.size, -1, np.int64)
    for _ in range(iterations):
        edges = (cent[1:] + cent[:-1]) / 2
        new = np.searchsorted(edges, v)
        if np.array_equal(new, codes):
            break
        codes = new
        n = np.bincount(codes, minlength=clusters)
        s = np.bincount(codes, weights=v, minlength=clusters)
        cent = np.where(n > 0, s / np.maximum(n, 1), cent)
        order = np.argsort(cent, kind="stable")
        if not np.array_equal(order, np.arange(clusters)):
            cent = cent[order]
            codes = np.argsort(order)[codes]
    return codes, cent


@pytest.mark.parametrize("seed", range(12))
def test_kmeans_1d_as_before(seed):
    from accelsim.compress import kmeans_1d
    rng = np.random.default_rng(seed)
    n, k = int(rng.integers(1, 4000)), int(rng.choice([2, 4, 16, 256]))
    # every third case on integers: values tied with each other and with the midpoints
    v = rng.integers(-3, 4, n).astype(float) if seed % 3 == 0 else rng.standard_normal(n) * rng.random()
    (codes, book), (old_codes, old_book) = kmeans_1d(v, k), _old_kmeans_1d(v, k)
    np.testing.assert_array_equal(codes, old_codes)
    # a mean is a difference of two prefix sums: rounding of the order of eps x the largest value
    np.testing.assert_allclose(book, old_book, rtol=1e-12, atol=1e-12 * np.abs(v).max())
