"""Quantization passes: int-k, BWN, XNOR, TWN; the int8 functional check on LeNet-5."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.compress import bwn, quantize_int, run_network, synthetic_weights, twn, xnor
from accelsim.compress.functional import layer_forward, quantize_symmetric
from accelsim.compress.quantize import bwn_weights, twn_weights
from accelsim.compress.record import NO_WEIGHTS_NOTE, rel_error, seeded_input


@pytest.fixture(scope="module")
def lenet_w(lenet):
    return synthetic_weights(lenet, seed=0)


@pytest.mark.parametrize("per_channel", [False, True])
def test_error_falls_as_bits_rise(lenet, lenet_w, per_channel):
    errs = []
    for bits in (2, 4, 8, 16):
        _, _, rec = quantize_int(lenet, lenet_w, weight_bits=bits, act_bits=bits, per_channel=per_channel)
        errs.append((dict(rec.weight_error), dict(rec.output_error)))
    for layer in ("conv1", "conv2", "fc1", "fc2"):
        for kind in (0, 1):
            seq = [e[kind][layer] for e in errs]
            assert all(a > b for a, b in zip(seq, seq[1:])), (layer, kind, seq)
    # a uniform b-bit grid: each step of 2 bits cuts the error by about 4x, 8 bits ~ 1 %
    assert errs[2][0]["fc1"] < 0.02


def test_per_channel_is_no_worse_than_per_tensor(lenet, lenet_w):
    _, _, t = quantize_int(lenet, lenet_w, weight_bits=4, act_bits=None)
    _, _, c = quantize_int(lenet, lenet_w, weight_bits=4, act_bits=None, per_channel=True)
    for (n, et), (_, ec) in zip(t.weight_error, c.weight_error):
        assert ec <= et + 1e-12, n


def test_int_sets_bits_and_keeps_codes(lenet, lenet_w):
    net, w, rec = quantize_int(lenet, lenet_w, weight_bits=4, act_bits=8)
    assert [(l.weight_bits, l.act_bits) for l in net.layers if l.op in ("conv2d", "linear")] == [(4, 8)] * 4
    assert all(l.act_bits == 8 for l in net.layers)
    np.testing.assert_allclose(w["fc1"]["weight"], w["fc1"]["weight_q"] * w["fc1"]["weight_scale"])
    assert np.abs(w["fc1"]["weight_q"]).max() <= 7
    assert net.weight_bytes == pytest.approx(lenet.weight_bytes / 2, abs=4)
    assert rec.with_weights and rec.notes == ()


def test_bwn_scale_is_mean_abs_per_filter():
    rng = np.random.default_rng(1)
    w = rng.standard_normal((4, 3, 3, 3))
    codes, alpha = bwn_weights(w)
    for o in range(4):
        assert alpha.ravel()[o] == pytest.approx(np.abs(w[o]).mean())
        # closed form: alpha = <W, B> / n minimizes ||W - alpha B||
        assert alpha.ravel()[o] == pytest.approx((w[o] * codes[o]).sum() / w[o].size)
    assert set(np.unique(codes)) == {-1, 1}


@pytest.mark.parametrize("per_channel", [False, True])
def test_twn_threshold_and_scale(per_channel):
    rng = np.random.default_rng(2)
    w = rng.standard_normal((5, 4, 3, 3))
    codes, alpha = twn_weights(w, per_channel)
    groups = [w[o] for o in range(5)] if per_channel else [w]
    code_groups = [codes[o] for o in range(5)] if per_channel else [codes]
    for i, (g, c) in enumerate(zip(groups, code_groups)):
        delta = 0.7 * np.abs(g).mean()
        np.testing.assert_array_equal(c, np.where(np.abs(g) > delta, np.sign(g), 0))
        assert alpha.ravel()[i] == pytest.approx(np.abs(g)[np.abs(g) > delta].mean())


def test_bwn_twn_xnor_bits(lenet, lenet_w):
    for fn, wb, ab in ((bwn, 1, 8), (twn, 2, 8), (xnor, 1, 1)):
        net, w, rec = fn(lenet, lenet_w)
        assert {(l.weight_bits, l.act_bits) for l in net.layers if l.op == "linear"} == {(wb, ab)}
        assert set(rec.changed) == {"conv1", "conv2", "fc1", "fc2"}
    # ternary keeps more of the weight than binary
    assert dict(twn(lenet, lenet_w)[2].weight_error)["fc1"] < dict(bwn(lenet, lenet_w)[2].weight_error)["fc1"]


def test_without_weights_only_bits(lenet):
    net, w, rec = quantize_int(lenet, None, weight_bits=4, act_bits=8)
    assert w is None and not rec.with_weights and NO_WEIGHTS_NOTE in rec.notes
    assert rec.weight_error == () and rec.output_error == ()
    assert [l.weight_bits for l in net.layers if l.op == "conv2d"] == [4, 4]
    assert net.macs == lenet.macs and net.params == lenet.params


def test_lenet_int8_with_int32_accumulation_matches_float(lenet, lenet_w):
    """w8a8 LeNet-5 run in integers: each layer reproduces the pass's reported output error,
    and the whole network stays within the sum of the reported per-layer errors."""
    qnet, qw, rec = quantize_int(lenet, lenet_w, weight_bits=8, act_bits=8)
    reported = dict(rec.output_error)
    for layer in qnet.layers:
        if layer.name not in reported:
            continue
        x = seeded_input(lenet.layer(layer.name))
        one = lenet.with_layers((layer.with_(inputs=("input",)),))
        y_int = run_network(one, qw, x, integer=True)
        y_ref = layer_forward(lenet.layer(layer.name), lenet_w[layer.name], x)
        assert rel_error(y_ref, y_int) == pytest.approx(reported[layer.name], rel=1e-6, abs=1e-9)
    x = np.maximum(np.random.default_rng(5).standard_normal((8, 1, 28, 28)), 0)
    y_float = run_network(lenet, lenet_w, x)
    y_int = run_network(qnet, qw, x, integer=True)
    err = rel_error(y_float, y_int)
    assert 0 < err <= sum(reported.values())


def test_int_codes_fit_int8(lenet, lenet_w):
    _, qw, _ = quantize_int(lenet, lenet_w, weight_bits=8, act_bits=8, per_channel=True)
    for arrays in qw.values():
        assert np.abs(arrays["weight_q"]).max() <= 127
    codes, _ = quantize_symmetric(lenet_w["fc1"]["weight"], 8)
    assert codes.dtype == np.int64


@pytest.mark.parametrize("run, dtype", [(lambda n, w: bwn(n, w), np.int8), (lambda n, w: twn(n, w), np.int8),
                                        (lambda n, w: quantize_int(n, w, weight_bits=8, act_bits=None), np.int8),
                                        (lambda n, w: quantize_int(n, w, weight_bits=16, act_bits=None), np.int16)])
def test_codes_are_held_in_the_smallest_integer_dtype(lenet, lenet_w, run, dtype):
    # int64 codes for a whole network cost as much memory as its float weights
    _, w2, _ = run(lenet, lenet_w)
    for name, arrays in w2.items():
        assert arrays["weight_q"].dtype == dtype, name
        np.testing.assert_array_equal(arrays["weight"], arrays["weight_q"] * arrays["weight_scale"].reshape(
            (-1,) + (1,) * (arrays["weight"].ndim - 1)))


def test_bwn_codes_and_scales_match_the_closed_form(lenet, lenet_w):
    _, w2, _ = bwn(lenet, lenet_w)
    for name, arrays in w2.items():
        w = lenet_w[name]["weight"]
        np.testing.assert_array_equal(arrays["weight_q"], np.where(w >= 0, 1, -1))
        np.testing.assert_array_equal(arrays["weight_scale"], np.abs(w).reshape(w.shape[0], -1).mean(axis=1))


@pytest.mark.parametrize("run, stored", [(lambda n, w: bwn(n, w), np.float32), (lambda n, w: twn(n, w), np.float32),
                                         (lambda n, w: quantize_int(n, w, weight_bits=8, act_bits=None), np.float64)])
def test_weights_are_held_in_float32_where_it_is_exact(lenet, lenet_w, run, stored):
    # synthetic weights are float32, as networks ship; codes of 0 and +-2^i times a float32 scale
    # stay float32 (exact), int8 codes keep a float64 product (a float32 one would round it)
    assert all(a["weight"].dtype == np.float32 for a in lenet_w.values())
    _, w2, _ = run(lenet, lenet_w)
    for name, arrays in w2.items():
        assert arrays["weight"].dtype == stored and arrays["weight_scale"].dtype == stored, name
        exact = arrays["weight_q"].astype(np.float64) * arrays["weight_scale"].astype(np.float64).reshape(
            (-1,) + (1,) * (arrays["weight"].ndim - 1))
        np.testing.assert_array_equal(arrays["weight"].astype(np.float64), exact)
