"""Fixed-point factorization: ternary X, Y, diagonal D; the error falls with iterations."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.compress import check_weights, ffn, ffn_factorize, run_network, synthetic_weights
from accelsim.compress.ffn import best_ternary
from accelsim.compress.functional import run_chain


def test_best_ternary_is_optimal_by_brute_force():
    rng = np.random.default_rng(0)
    s = rng.standard_normal(6)
    import itertools
    best = max((np.array(x) for x in itertools.product((-1, 0, 1), repeat=6) if any(x)),
               key=lambda x: (x @ s) ** 2 / (x @ x))
    x = best_ternary(s)
    assert (x @ s) ** 2 / (x @ x) == pytest.approx((best @ s) ** 2 / (best @ best))


def test_error_falls_with_iterations():
    rng = np.random.default_rng(1)
    w = rng.standard_normal((24, 60))
    xs, d, ys, errors = ffn_factorize(w, 12, iters=6)
    assert all(a >= b - 1e-12 for a, b in zip(errors, errors[1:]))
    assert errors[-1] < errors[0]
    assert set(np.unique(xs)) <= {-1, 0, 1} and set(np.unique(ys)) <= {-1, 0, 1}
    assert errors[-1] == pytest.approx(np.linalg.norm(w - (xs * d) @ ys.T) / np.linalg.norm(w))


def test_error_falls_with_rank():
    w = np.random.default_rng(2).standard_normal((16, 40))
    errs = [ffn_factorize(w, r, iters=2)[3][-1] for r in (2, 8, 16)]
    assert errs[0] > errs[1] > errs[2]


def test_one_layer_becomes_three(lenet):
    w = synthetic_weights(lenet)
    net, w2, rec = ffn(lenet, w, ratio=0.5, iters=2, layers=("conv2", "fc2"))
    check_weights(net, w2)
    assert dict(rec.replaced_by)["conv2"] == ("conv2.ffn_y", "conv2.ffn_d", "conv2")
    y, d, x = (net.layer(n) for n in dict(rec.replaced_by)["conv2"])
    assert (y.kernel, y.weight_bits, d.groups, d.weight_bits, x.kernel, x.weight_bits) == ((5, 5), 2, 25, 16, (1, 1), 2)
    assert set(np.unique(w2["conv2.ffn_y"]["weight"])) <= {-1.0, 0.0, 1.0}
    # r = 0.5 x min(50, 500) = 25; the chain computes X D Y^T exactly: its output error equals that of the reconstructed weight
    inp = np.random.default_rng(3).standard_normal((1, 20, 12, 12))
    approx = (w2["conv2"]["weight"][:, :, 0, 0] * w2["conv2.ffn_d"]["weight"].ravel()) @ \
        w2["conv2.ffn_y"]["weight"].reshape(25, -1)
    ref = dict(w["conv2"], weight=approx.reshape(50, 20, 5, 5))
    from accelsim.compress.functional import layer_forward
    np.testing.assert_allclose(run_chain([y, d, x], w2, inp), layer_forward(lenet.layer("conv2"), ref, inp),
                               atol=1e-10)
    run_network(net, w2, np.ones((1, 1, 28, 28)))


def test_ffn_without_weights(lenet):
    net, w, rec = ffn(lenet, None)
    assert w is None and rec.weight_error == ()
    assert len(net.layers) == len(lenet.layers) + 8


def test_early_stop_is_a_prefix_of_the_full_fit():
    """With a tolerance the sweeps stop early, and what ran is exactly the full fit's first sweeps."""
    w = np.random.default_rng(5).standard_normal((24, 60))
    full = ffn_factorize(w, 24, iters=10)[3]
    short = ffn_factorize(w, 24, iters=10, tol=1e-2)[3]
    assert 1 < len(short) < len(full)
    assert short == full[:len(short)]
    assert full[len(short) - 1] - full[len(short)] < 1e-2 * full[len(short) - 1]  # the sweep that stopped it


def test_solver_log_reaches_the_result_json():
    """Iterative passes log per layer what their solver did; the record dict (the JSON's) carries it."""
    from accelsim.api import compress
    from accelsim.workload import load_model
    _, recs = compress(load_model("lenet5"), ("ffn:0.5:it4", "hash"), "synthetic")
    ffn_log, hash_log = recs[0]["solver"], recs[1]["solver"]
    assert set(ffn_log) == set(recs[0]["changed_layers"]) and set(hash_log) == set(recs[1]["changed_layers"])
    for info in ffn_log.values():
        assert 1 <= info["sweeps"] <= 4 and info["error"] <= info["error_greedy"]
    assert all(info["objective"] <= info["objective_start"] for info in hash_log.values())
