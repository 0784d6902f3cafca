"""The blocked FFN solver the pass uses: the paper's structure, its error bookkeeping, and its
error against the sequential solver (ffn_factorize) it replaced in the pass."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.compress import ffn, synthetic_weights
from accelsim.compress.ffn import FFN_TOL, best_ternary, ffn_blocked, ffn_factorize, ternary_rows


def _he(o, k, seed):
    return np.random.default_rng(seed).standard_normal((o, k)) * np.sqrt(2 / k)


def test_ternary_rows_is_best_ternary_row_by_row():
    rng = np.random.default_rng(0)
    s = rng.standard_normal((40, 33)).astype(np.float32)
    s[3] = 0.0  # all zero: one non-zero all the same
    s[5, :6] = 2.0  # ties at the cut
    s[7] = np.round(s[7])  # many ties
    x = ternary_rows(s)
    assert x.dtype == s.dtype
    np.testing.assert_array_equal(x, [best_ternary(row.astype(np.float64)) for row in s])


@pytest.mark.parametrize("shape,rank", [((24, 60), 24), ((48, 20), 20), ((32, 96), 12)])
def test_structure_and_error_bookkeeping(shape, rank):
    w = _he(*shape, 1)
    xs, d, ys_t, errs = ffn_blocked(w, rank, iters=5)
    assert xs.shape == (shape[0], rank) and ys_t.shape == (rank, shape[1]) and d.shape == (rank,)
    assert set(np.unique(xs)) <= {-1, 0, 1} and set(np.unique(ys_t)) <= {-1, 0, 1}
    exact = np.linalg.norm(w - (xs * d) @ ys_t) / np.linalg.norm(w)
    # the errors come from float32 products: the bound is float32 rounding, not a fit tolerance
    assert errs[-1] == pytest.approx(exact, rel=1e-6)
    assert all(b <= a * (1 + 1e-6) for a, b in zip(errs, errs[1:]))  # never rises but for rounding
    assert errs[-1] < errs[0]


def test_a_tall_matrix_is_fitted_as_its_transpose():
    w = _he(40, 16, 2)
    xs, d, ys_t, _ = ffn_blocked(w, 16, iters=3)
    ys2, d2, xs2_t, _ = ffn_blocked(np.ascontiguousarray(w.T), 16, iters=3)
    err = lambda a, b, c: np.linalg.norm(w - (a * b) @ c)  # noqa: E731
    assert err(xs, d, ys_t) == pytest.approx(err(xs2_t.T, d2, ys2.T), rel=1e-6)


@pytest.mark.parametrize("shape,ratio", [((64, 576), 1.0), ((48, 288), 1.0), ((96, 432), 0.5), ((192, 96), 1.0)])
def test_error_within_three_percent_of_the_sequential_solver(shape, ratio):
    """The pass's defaults against the solver it replaced (at the pass's old settings: at most 10
    sweeps, early stop at FFN_TOL); the bound is 3 % relative (measured: -0.1 to +2.3 % here; +0.2 to +1.1 % on ResNet layers up
    to 512 x 4608, benchmarks/results_compress_speed.txt)."""
    w = _he(*shape, sum(shape))
    rank = int(round(ratio * min(shape)))
    old = ffn_factorize(w, rank, 10, tol=FFN_TOL)[3][-1]
    new = ffn_blocked(w, rank)[3][-1]
    assert new <= 1.03 * old


def test_pass_records_the_error_of_the_arrays_it_returns(lenet):
    w = synthetic_weights(lenet)
    net, w2, rec = ffn(lenet, w, ratio=0.5, iters=2, layers=("conv2", "fc1"))
    for name in ("conv2", "fc1"):
        o = w[name]["weight"].shape[0]
        x = w2[name]["weight"].reshape(o, -1)
        dd = w2[f"{name}.ffn_d"]["weight"].ravel()
        yt = w2[f"{name}.ffn_y"]["weight"].reshape(dd.size, -1)
        ref = w[name]["weight"].reshape(o, -1)
        exact = np.linalg.norm(ref - (x * dd) @ yt) / np.linalg.norm(ref)
        assert dict(rec.weight_error)[name] == pytest.approx(exact, rel=1e-6)


def test_pass_factors_are_the_solvers_whatever_the_fitting_order(lenet):
    """The pass fits the largest layer first (for memory); each layer's factors are still those of
    ffn_blocked on that layer alone."""
    from accelsim.compress.ffn import FFN_SWEEPS
    w = synthetic_weights(lenet)
    _, w2, _ = ffn(lenet, w, layers=("conv2", "fc2"))
    for name in ("conv2", "fc2"):
        m = w[name]["weight"].reshape(w[name]["weight"].shape[0], -1)
        xs, d, ys_t, _ = ffn_blocked(m, min(m.shape), FFN_SWEEPS, FFN_TOL)
        np.testing.assert_array_equal(w2[name]["weight"].reshape(xs.shape), xs)
        np.testing.assert_array_equal(w2[f"{name}.ffn_y"]["weight"].reshape(ys_t.shape), ys_t)
        np.testing.assert_array_equal(w2[f"{name}.ffn_d"]["weight"].ravel(), d)


@pytest.mark.parametrize("kind", ["zero", "rank one", "repeated rows"])
def test_degenerate_matrices_at_full_rank(kind):
    """Residuals of rank below the block (or zero) still give a fit with the paper's structure."""
    rng = np.random.default_rng(7)
    if kind == "zero":
        w = np.zeros((16, 40))
    elif kind == "rank one":
        w = np.outer(rng.standard_normal(16), rng.standard_normal(40))
    else:
        w = np.repeat(rng.standard_normal((4, 40)), 4, axis=0)
    xs, d, ys_t, errs = ffn_blocked(w, 16, iters=2)
    assert set(np.unique(xs)) <= {-1, 0, 1} and set(np.unique(ys_t)) <= {-1, 0, 1}
    assert np.all(np.isfinite(d)) and np.all(np.isfinite(errs))
    ref = max(np.linalg.norm(w), 1e-300)
    assert np.linalg.norm(w - (xs * d) @ ys_t) / ref == pytest.approx(errs[-1], abs=1e-6)
    if kind != "zero":
        assert errs[-1] < 0.5


@pytest.mark.parametrize("seed", range(6))
def test_compiled_ternary_cut_is_the_numpy_form_bit_for_bit(seed):
    """The kernel and its NumPy twin give the same bytes, signed zeros included (the twin test
    compares values, where -0 equals +0)."""
    from accelsim.kernels.ternary import example_args, ternary_cut, ternary_cut_ref
    for k in range(20):
        s, asc = example_args(seed * 100 + k)
        x, ties = ternary_cut(s, asc)
        xr, tr = ternary_cut_ref(s, asc)
        assert x.dtype == xr.dtype and x.tobytes() == xr.tobytes()
        np.testing.assert_array_equal(ties, tr)
