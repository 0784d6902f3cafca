"""ADMM and hashing binarization fitted to the layer's output, against BWN, on small layers."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accelsim.compress import admm, apply_passes, bwn, hashing, parse_pass_spec, synthetic_weights, twn
from accelsim.compress.admm import admm_fit, pow2_levels, project_binary, project_pow2, project_ternary
from accelsim.compress.hashing import hash_fit
from accelsim.compress.outputfit import Gram, gram_of, objective, projected_scorer, scorer
from accelsim.compress.quantize import bwn_weights
from accelsim.errors import AccelsimError

PROPS = settings(max_examples=40, deadline=None, derandomize=True)


def _layer(seed: int, o: int, k: int, correlated: bool, n: int = 200):
    """He-normal ``w (o, k)`` and post-ReLU rows ``x (n, k)``, mixed across inputs when ``correlated``."""
    rng = np.random.default_rng(seed)
    w = rng.standard_normal((o, k)) * np.sqrt(2 / k)
    x = np.maximum(rng.standard_normal((n, k)), 0)
    if correlated:
        x = x @ (np.eye(k) + rng.standard_normal((k, k)) * 0.5)
    return w, x


def _out_err(x, w, q):
    """``||X W^T - X Q^T||_F / ||X W^T||_F``, straight from the rows."""
    return float(np.linalg.norm(x @ (w - q).T) / np.linalg.norm(x @ w.T))


def _bwn(w):
    codes, alpha = bwn_weights(w)
    return codes * alpha.reshape(-1, 1)


layers = st.tuples(st.integers(0, 2**31), st.integers(1, 6), st.integers(2, 24), st.booleans())


@PROPS
@given(layers)
def test_output_error_no_worse_than_bwn(case):
    seed, o, k, corr = case
    w, x = _layer(seed, o, k, corr)
    g = gram_of(x, None)
    bwn_err = _out_err(x, w, _bwn(w))
    for fit in (lambda: admm_fit(g, w), lambda: hash_fit(g, w)):
        codes, alpha, _ = fit()
        assert set(np.unique(codes)) <= {-1, 1}
        assert _out_err(x, w, codes * alpha[:, None]) <= bwn_err * (1 + 1e-9)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_output_error_lower_with_correlated_inputs(seed):
    w, x = _layer(seed, 16, 72, True, n=600)
    g = gram_of(x, None)
    bwn_err = _out_err(x, w, _bwn(w))
    for fit in (admm_fit, hash_fit):
        codes, alpha, info = fit(g, w)
        # BWN's codes keep about half the output energy here; the fitted codes do markedly better
        assert _out_err(x, w, codes * alpha[:, None]) < 0.85 * bwn_err, fit.__name__
        assert info["objective"] < info["objective_start"]


@PROPS
@given(layers)
def test_hash_objective_never_rises(case):
    seed, o, k, corr = case
    w, x = _layer(seed, o, k, corr)
    g = gram_of(x, None)
    prev = np.inf
    for sweeps in range(1, 5):
        _, _, info = hash_fit(g, w, sweeps=sweeps, tol=0.0)
        assert info["objective"] <= prev * (1 + 1e-12) + 1e-15
        prev = info["objective"]


@PROPS
@given(st.integers(0, 2**31), st.integers(1, 6))
def test_ternary_projection_is_nearest(seed, k):
    v = np.random.default_rng(seed).standard_normal((3, k))
    codes, alpha = project_ternary(v)
    for row in range(3):
        got = ((v[row] - alpha[row] * codes[row]) ** 2).sum()
        best = min(((v[row] - max(0.0, v[row] @ np.array(b) / max(np.dot(b, b), 1)) * np.array(b)) ** 2).sum()
                   for b in itertools.product((-1, 0, 1), repeat=k))
        assert got <= best + 1e-12


def test_binary_projection_is_bwn():
    v = np.random.default_rng(3).standard_normal((5, 7))
    codes, alpha = project_binary(v)
    bc, ba = bwn_weights(v)
    np.testing.assert_array_equal(codes, bc)
    np.testing.assert_allclose(alpha, ba.ravel())


@pytest.mark.parametrize("bits", [2, 3, 4])
def test_pow2_codes_on_the_grid(bits):
    v = np.random.default_rng(bits).standard_normal((8, 50))
    codes, alpha = project_pow2(v, bits)
    assert set(np.abs(codes).ravel()) <= set(pow2_levels(bits).astype(int))
    assert (alpha > 0).all()
    # no worse than the ternary codes with their least-squares scale (pow2 contains the ternary set)
    tc, ta = project_ternary(v)
    assert ((v - codes * alpha[:, None]) ** 2).sum() <= ((v - tc * ta[:, None]) ** 2).sum() + 1e-9


def test_pow2_levels():
    assert pow2_levels(3).tolist() == [0, 1, 2, 4]
    assert pow2_levels(2).tolist() == [0, 1]


@PROPS
@given(st.integers(0, 2**31), st.integers(3, 30), st.integers(5, 60), st.sampled_from([None, 2]))
def test_gram_matches_dense(seed, k, n, rank):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, k))
    g = gram_of(x, rank)
    h = g.vt.T @ (g.lam[:, None] * g.vt) + g.floor * np.eye(k)
    if rank is None:
        np.testing.assert_allclose(h, x.T @ x / n, atol=1e-10)
    else:  # the trace is kept; Ritz values never exceed the true ones
        assert np.trace(h) == pytest.approx(np.trace(x.T @ x / n))
        top = np.linalg.eigvalsh(x.T @ x / n)[-1]
        assert g.lam[0] + g.floor <= top * (1 + 1e-12)
    m = rng.standard_normal((k, 4))
    np.testing.assert_allclose(g.apply(m), h @ m, atol=1e-9)
    np.testing.assert_allclose(g.solve(m, 0.7), np.linalg.solve(2 * h + 0.7 * np.eye(k), m), atol=1e-8)
    w, c = rng.standard_normal((4, k)), np.sign(rng.standard_normal((4, k)))
    alpha, obj = scorer(g, w)(c)
    assert obj == pytest.approx(objective(g, w, c * alpha[:, None]), rel=1e-9, abs=1e-12)


def test_low_rank_gram_finds_a_planted_subspace():
    rng = np.random.default_rng(5)
    basis = np.linalg.qr(rng.standard_normal((40, 3)))[0]
    x = rng.standard_normal((500, 3)) * [10.0, 6.0, 4.0] @ basis.T + 0.01 * rng.standard_normal((500, 40))
    g = gram_of(x, 3)
    want = np.linalg.eigvalsh(x.T @ x / 500)[::-1]
    np.testing.assert_allclose(g.lam + g.floor, want[:3], rtol=1e-9)
    assert g.floor == pytest.approx(want[3:].mean())


def test_admm_records_iterations_and_residual(lenet):
    w = synthetic_weights(lenet)
    net, w2, rec = admm(lenet, w)
    solver = dict(rec.detail("solver"))
    assert set(solver) == set(rec.changed) == {"conv1", "conv2", "fc1", "fc2"}
    for name, info in solver.items():
        info = dict(info)
        assert 1 <= info["iterations"] <= 100 and info["residual"] >= 0
        assert info["objective"] <= info["objective_start"]
        assert net.layer(name).weight_bits == 1
        np.testing.assert_allclose(w2[name]["weight"], w2[name]["weight_q"] * w2[name]["weight_scale"].reshape(
            (-1,) + (1,) * (w2[name]["weight"].ndim - 1)))
    assert rec.with_weights and set(dict(rec.output_error)) == set(rec.changed)


@pytest.mark.parametrize("spec,bits,codes", [("admm:ternary", 2, {-1, 0, 1}), ("admm:pow2:3", 3, {-4, -2, -1, 0, 1, 2, 4}),
                                             ("hash", 1, {-1, 1})])
def test_bits_and_codes(lenet, spec, bits, codes):
    net, w2, (rec,) = apply_passes(lenet, synthetic_weights(lenet), [spec + "@conv2,fc2"])
    assert rec.changed == ("conv2", "fc2") and all(net.layer(n).weight_bits == bits for n in rec.changed)
    assert net.layer("fc1").weight_bits == lenet.layer("fc1").weight_bits
    assert set(np.unique(w2["conv2"]["weight_q"])) <= codes


def test_grouped_conv_fits_per_group(tiny_cnn):
    w = synthetic_weights(tiny_cnn)
    _, w2, rec = hashing(tiny_cnn, w, layers=("dw",))
    assert rec.changed == ("dw",) and w2["dw"]["weight_q"].shape == w["dw"]["weight"].shape
    _, _, ref = bwn(tiny_cnn, w, layers=("dw",))
    assert dict(rec.output_error)["dw"] < 1.2 * dict(ref.output_error)["dw"]


def test_ternary_beats_twn_on_calibration(lenet):
    w = synthetic_weights(lenet)
    _, _, rec = admm(lenet, w, constraint="ternary", layers=("conv2", "fc2"))
    _, _, ref = twn(lenet, w, per_channel=True, layers=("conv2", "fc2"))
    # held-out output error on the seeded measurement batch: the fitted codes should not lose
    assert sum(dict(rec.output_error).values()) < sum(dict(ref.output_error).values())


def test_without_weights_sets_bits_only(lenet):
    net, w, rec = admm(lenet, None, constraint="pow2", bits=4)
    assert w is None and rec.output_error == () and net.layer("fc1").weight_bits == 4


@pytest.mark.parametrize("text,kwargs", [("admm", {}), ("admm:ternary", {"constraint": "ternary"}),
                                         ("admm:pow2:3", {"constraint": "pow2", "bits": 3}),
                                         ("admm:ternary:it20", {"constraint": "ternary", "iters": 20}),
                                         ("hash", {}), ("hash:it4", {"sweeps": 4})])
def test_parse(text, kwargs):
    ps = parse_pass_spec(text, "quantize")
    assert ps.fn is (hashing if text.startswith("hash") else admm) and dict(ps.kwargs) == kwargs


@pytest.mark.parametrize("text,msg", [("admm:pow2:7", "pow2 bits must be one of 2, 3, 4, got 7"),
                                      ("admm:quaternary", "admm takes [:ternary|:pow2:<bits>][:it<N>]"),
                                      ("hash:ternary", "hash takes [:it<N>]")])
def test_parse_errors(text, msg):
    with pytest.raises(AccelsimError) as e:
        parse_pass_spec(text, option="--quantize")
    assert str(e.value).startswith("--quantize: ") and msg in str(e.value)


def test_gram_is_a_frozen_value():
    g = Gram(vt=np.eye(2), lam=np.ones(2), floor=0.0)
    with pytest.raises(AttributeError):
        g.floor = 1.0


@pytest.mark.parametrize("name", ["c1", "dw", "fc1"])
def test_calibration_rows_reproduce_the_layer(tiny_cnn, name):
    """Rows x weight^T is the layer's pre-activation output, group by group: the objective is the layer's."""
    from accelsim.compress.functional import layer_forward
    from accelsim.compress.outputfit import layer_rows
    from accelsim.compress.record import seeded_input
    layer = tiny_cnn.layer(name)
    w = synthetic_weights(tiny_cnn)[name]["weight"]
    x = seeded_input(layer, 0, 2)
    y = layer_forward(layer.with_(bias=False, activation=None), {"weight": w}, x)
    groups = layer_rows(layer, x)
    assert len(groups) == layer.groups
    per = w.shape[0] // layer.groups
    for g, rows in enumerate(groups):
        got = rows @ w.reshape(w.shape[0], -1)[g * per:(g + 1) * per].T  # (n P, O_g)
        want = y[:, g * per:(g + 1) * per].transpose(0, 2, 3, 1).reshape(-1, per)
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("constraint", ["binary", "ternary", "pow2"])
def test_the_stall_stop_keeps_what_the_same_iterations_kept(constraint):
    # the stop on stalled codes changes when ADMM ends, never what it keeps: a run cut at the same iteration
    # without the rule keeps the same codes, and running on can only keep better ones
    hits = 0
    for seed in range(6):
        w, x = _layer(seed, 16, 72, True, n=600)
        g = gram_of(x, None)
        stalled = admm_fit(g, w, constraint, stall=5)
        cut = admm_fit(g, w, constraint, iters=stalled[2]["iterations"], stall=10**9)
        full = admm_fit(g, w, constraint, stall=10**9, patience=10**9)
        assert np.array_equal(stalled[0], cut[0]) and np.array_equal(stalled[1], cut[1])
        assert stalled[2]["objective"] == cut[2]["objective"]
        assert full[2]["objective"] <= stalled[2]["objective"]
        hits += stalled[2]["iterations"] < full[2]["iterations"]
    assert hits > 0  # the rule does stop runs early on these layers


@PROPS
@given(layers)
def test_projected_scorer_is_the_scorer_on_supplied_products(case):
    # ADMM scores from products it already holds; the same numbers as scoring the codes outright
    seed, o, k, corr = case
    w, x = _layer(seed, o, k, corr)
    g = gram_of(x, min(4, k - 1) if k > 2 else None)
    codes = np.random.default_rng(seed).integers(-2, 3, (o, k)).astype(np.float64)
    a, obj = scorer(g, w)(codes)
    pa, pobj = projected_scorer(g, w)(codes @ g.vt.T, np.einsum("ok,ok->o", codes, codes),
                                      np.einsum("ok,ok->o", codes, w))
    assert np.array_equal(a, pa) and obj == pobj
    assert np.isclose(obj, objective(g, w, codes * a[:, None]), rtol=1e-9, atol=1e-12)


def _admm_plain(gram, w, constraint, bits=3, iters=100, rho0=1.0, rho_growth=1.05, patience=10, stall=5):
    """The ADMM iteration written out in full-size NumPy (every product formed, nothing tracked): what
    admm_fit's fused kernels and projections onto vt must reproduce."""
    from accelsim.compress.admm import projector
    proj, score = projector(constraint, bits), scorer(gram, w)
    codes, a0 = proj(w)
    alpha, best = score(codes)
    best_codes, found = codes.copy(), 0
    g, u = codes * a0[:, None], np.zeros_like(w)
    rho, wnorm = rho0 * gram.mean_eig, np.linalg.norm(w)
    low, since = np.inf, 0
    for it in range(1, iters + 1):
        v = gram.solve_rows(2.0 * gram.apply_rows(w) + rho * (g - u), rho)
        codes, a0 = proj(v + u, a0)
        alpha, obj = score(codes)
        if obj < best:
            best, best_codes, found = obj, codes.copy(), it
        g = codes * a0[:, None]
        u = u + v - g
        res = np.linalg.norm(v - g) / wnorm
        if res < 1e-9 or it - found >= stall:
            break
        if res < low * (1 - 1e-6):
            low, since = res, 0
        else:
            since += 1
            if since >= patience:
                break
        rho *= rho_growth
    return best_codes, best, it


@PROPS
@given(layers, st.sampled_from(["binary", "ternary", "pow2"]))
def test_admm_fit_is_the_plain_iteration(case, constraint):
    # the fused row passes, tracked projections and skipped products change the arithmetic's order only:
    # the same codes, iterations and (to rounding) objective as the iteration written out in full
    seed, o, k, corr = case
    w, x = _layer(seed, o, k, corr)
    g = gram_of(x, min(4, k - 1) if k > 5 else None)
    codes, alpha, info = admm_fit(g, w, constraint)
    want_codes, want_obj, want_it = _admm_plain(g, w, constraint)
    assert np.array_equal(codes, want_codes) and info["iterations"] == want_it
    assert np.isclose(info["objective"], want_obj, rtol=1e-9, atol=1e-12)
