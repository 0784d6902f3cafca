"""Low-rank passes: SVD, Tucker-2, CP, grouped; and the published-model figures they give."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.compress import check_weights, cp, grouped, run_network, svd, synthetic_weights, tucker2
from accelsim.compress.lowrank import cp_als, tucker2_factors, tucker2_reconstruct
from accelsim.compress.record import NO_WEIGHTS_NOTE
from accelsim.workload import load_model


def _lowrank_weights(net, seed=0, rank=6):
    """Synthetic weights with a decaying spectrum (random ones are nearly full rank)."""
    w = synthetic_weights(net, seed)
    rng = np.random.default_rng(seed)
    for name, arrays in w.items():
        m = arrays["weight"].reshape(arrays["weight"].shape[0], -1)
        u, s, vt = np.linalg.svd(m, full_matrices=False)
        s = s * np.exp(-np.arange(s.size) / rank)
        arrays["weight"] = ((u * s) @ vt).reshape(arrays["weight"].shape) + 1e-3 * rng.standard_normal(
            arrays["weight"].shape)
    return w


@pytest.fixture(scope="module")
def tiny_w(tiny_cnn):
    return _lowrank_weights(tiny_cnn)


def test_svd_full_rank_is_exact(lenet):
    w = synthetic_weights(lenet)
    net, w2, rec = svd(lenet, w, rank=10, layers=("fc2",))
    werr, oerr = rec.error_of("fc2")
    assert werr < 1e-12 and oerr < 1e-12
    x = np.random.default_rng(0).standard_normal((2, 1, 28, 28))
    np.testing.assert_allclose(run_network(net, w2, x), run_network(lenet, w, x), atol=1e-10)


def test_svd_error_falls_with_rank(lenet):
    w = synthetic_weights(lenet)
    errs = [svd(lenet, w, rank=r, layers=("fc1",))[2].error_of("fc1") for r in (10, 50, 200, 500)]
    assert all(a[0] > b[0] and a[1] > b[1] for a, b in zip(errs, errs[1:]))
    assert errs[-1][0] < 1e-12


def test_svd_shapes_and_energy_rank(lenet):
    w = _lowrank_weights(lenet)
    net, w2, rec = svd(lenet, w, energy=0.9)
    check_weights(net, w2)
    assert dict(rec.replaced_by)["fc1"] == ("fc1.svd_v", "fc1")
    r = net.layer("fc1.svd_v").out_shape[0]
    s = np.linalg.svd(w["fc1"]["weight"], compute_uv=False)
    e = np.cumsum(s ** 2) / (s ** 2).sum()
    assert e[r - 1] >= 0.9 > e[r - 2]
    assert rec.error_of("fc1")[0] == pytest.approx(np.sqrt(1 - e[r - 1]), rel=1e-6)


def test_vgg16_fc6_rank_500():
    """fc6 is 25088 -> 4096 (+4096 biases): 102,764,544 params. Rank 500 keeps
    25088*500 + 500*4096 + 4096 = 14,596,096 (derived by hand)."""
    vgg = load_model("vgg16")
    net, _, rec = svd(vgg, None, rank=500, layers=("fc6",))
    assert rec.before.params == 138_357_544
    assert rec.after.params == 138_357_544 - 102_764_544 + 14_596_096 == 50_189_096
    assert rec.after.macs == vgg.macs - 25088 * 4096 + 25088 * 500 + 500 * 4096
    assert NO_WEIGHTS_NOTE in rec.notes


@pytest.mark.parametrize("fn,kwargs", [(tucker2, {}), (cp, {"iters": 15}), (grouped, {"groups": 2})])
def test_conv_decompositions_error_falls_with_rank(tiny_cnn, tiny_w, fn, kwargs):
    errs = []
    for ratio in (0.25, 0.5, 1.0):
        net, w2, rec = fn(tiny_cnn, tiny_w, ratio=ratio, layers=("c2",), **kwargs)
        check_weights(net, w2)
        run_network(net, w2, np.ones((1, 8, 16, 16)))
        errs.append(rec.error_of("c2"))
    assert errs[0][0] > errs[1][0] > errs[2][0]
    assert errs[0][1] > errs[2][1]


def test_tucker2_full_rank_exact_and_hooi_helps():
    rng = np.random.default_rng(0)
    w = rng.standard_normal((6, 5, 3, 3))
    np.testing.assert_allclose(tucker2_reconstruct(*tucker2_factors(w, 6, 5)), w, atol=1e-10)
    e0 = np.linalg.norm(w - tucker2_reconstruct(*tucker2_factors(w, 3, 2, iters=0)))
    e5 = np.linalg.norm(w - tucker2_reconstruct(*tucker2_factors(w, 3, 2, iters=5)))
    assert e5 <= e0 + 1e-12


def test_cp_recovers_an_exact_low_rank_tensor():
    rng = np.random.default_rng(1)
    fs = [rng.standard_normal((d, 2)) for d in (6, 5, 3, 3)]
    w = np.einsum("or,cr,hr,vr->ochv", *fs)
    approx = np.einsum("or,cr,hr,vr->ochv", *cp_als(w, 2, iters=200))
    assert np.linalg.norm(w - approx) / np.linalg.norm(w) < 1e-4


def test_chain_structure(tiny_cnn, tiny_w):
    net, _, rec = tucker2(tiny_cnn, tiny_w, ratio=0.5, layers=("c4",))
    assert [net.layer(n).kernel for n in dict(rec.replaced_by)["c4"]] == [(1, 1), (3, 3), (1, 1)]
    assert net.layer("c4").bias and net.layer("c4").activation == "relu"
    net, _, rec = cp(tiny_cnn, None, ratio=0.5, layers=("c4",))
    assert [net.layer(n).kernel for n in dict(rec.replaced_by)["c4"]] == [(1, 1), (3, 1), (1, 3), (1, 1)]
    assert net.layer("c4.cp_vertical").groups == 8
    net, _, rec = grouped(tiny_cnn, None, groups=4, ratio=0.5, layers=("c4",))
    assert net.layer("c4.grouped_core").groups == 4


def test_without_weights_only_shapes(tiny_cnn):
    net, w, rec = tucker2(tiny_cnn, None, ratio=0.25)
    assert w is None and rec.weight_error == () and NO_WEIGHTS_NOTE in rec.notes
    assert "dw" in dict(rec.skipped) and net.macs < tiny_cnn.macs


def test_resnet18_tucker2_quarter():
    """Figures for the closing table: every 3x3 conv but the RGB stem decomposed at ratio 0.25."""
    r18 = load_model("resnet18")
    net, _, rec = tucker2(r18, None, ratio=0.25)
    assert len(rec.changed) == 16 and len(rec.skipped) == 4
    # layer1.0.conv1 (64 -> 64, 3x3, 56x56): 64*16 + 16*16*9 + 16*64 + 64 bias = 4,416 params
    assert sum(net.layer(n).params for n in dict(rec.replaced_by)["layer1.0.conv1"]) == 4416
    # the whole network, by the closed form per decomposed layer (ranks round(C/4), round(O/4))
    params, macs = r18.params, r18.macs
    for layer in r18.layers:
        if layer.op == "conv2d" and layer.kernel == (3, 3):
            (c, h, w), (o, ho, wo) = layer.in_shapes[0], layer.out_shape
            ri, ro = round(c / 4), round(o / 4)
            params += c * ri + ri * ro * 9 + ro * o - c * o * 9
            macs += h * w * c * ri + ho * wo * (ri * ro * 9 + ro * o) - ho * wo * c * o * 9
    assert rec.before.params == 11_689_512 - 4_800  # torchvision count less BN, as tests/workload/test_zoo.py
    assert (rec.after.params, rec.after.macs) == (params, macs)


def test_cp_log_is_the_true_error_and_early_stop_is_a_prefix():
    """The logged residual equals the reconstruction's; with a tolerance the fit stops early, and
    what ran is exactly the full fit's first iterations (both on the two-pass, float32 path of
    large tensors and the exact one of small ones)."""
    for shape, rank in (((12, 10, 3, 3), 4), ((80, 72, 3, 3), 20)):
        w = np.random.default_rng(sum(shape)).standard_normal(shape)
        full, short = [], []
        f = cp_als(w, rank, 12, 0, log=full)
        np.testing.assert_allclose(full[-1], np.linalg.norm(w - np.einsum("or,cr,hr,vr->ochv", *f)) / np.linalg.norm(w),
                                   rtol=1e-5)
        cp_als(w, rank, 12, 0, tol=1e-2, log=short)
        assert 1 < len(short) < len(full) == 12
        np.testing.assert_allclose(short, full[:len(short)], rtol=1e-12)
        assert full[len(short) - 2] - full[len(short) - 1] < 1e-2 * full[len(short) - 2]


def test_block_terms_log_and_early_stop():
    """Warm-started refits (large tensors) and fresh ones (small) both lower the error sweep by sweep;
    the last logged error is the fit's, and a tolerance ends the sweeps early."""
    from accelsim.compress.lowrank import block_terms
    for shape in ((16, 12, 3, 3), (96, 80, 3, 3)):
        w = np.random.default_rng(sum(shape)).standard_normal(shape)
        log = []
        terms = block_terms(w, 4, shape[0] // 8, shape[1] // 8, sweeps=4, log=log)
        assert len(log) == 5 and all(a >= b - 1e-6 for a, b in zip(log, log[1:])) and log[-1] < log[0]
        approx = sum(tucker2_reconstruct(*t) for t in terms)
        assert log[-1] == pytest.approx(np.linalg.norm(w - approx) / np.linalg.norm(w), rel=1e-5)
        short = []
        block_terms(w, 4, shape[0] // 8, shape[1] // 8, sweeps=4, tol=0.5, log=short)
        assert len(short) == 2


def test_cp_and_grouped_solver_logs(tiny_cnn, tiny_w):
    for fn, key in ((cp, "iterations"), (grouped, "sweeps")):
        _, _, rec = fn(tiny_cnn, tiny_w, ratio=0.5, layers=("c2", "c4"))
        log = dict(rec.detail("solver"))
        assert set(log) == {"c2", "c4"}
        for name, info in log.items():
            info = dict(info)
            assert info[key] >= 1 and 0 <= info["error"] < 1
            assert info["error"] == pytest.approx(rec.error_of(name)[0], rel=1e-6)  # the fit's error is the layer's


def test_block_terms_leave_the_weights_alone():
    """The residual is updated in place: it must be a copy even where the layout change is a view (1x1)."""
    from accelsim.compress.lowrank import block_terms
    w = np.random.default_rng(7).standard_normal((12, 10, 1, 1))
    before = w.copy()
    block_terms(w, 2, 2, 2)
    np.testing.assert_array_equal(w, before)
