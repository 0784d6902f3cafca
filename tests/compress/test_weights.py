"""Weights beside the network: synthetic He-normal draws and .npz loading."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.compress import check_weights, load_npz_weights, synthetic_weights
from accelsim.compress.weights import weight_shape
from accelsim.errors import AccelsimError


def test_synthetic_is_deterministic_and_he_normal(lenet):
    a, b = synthetic_weights(lenet, seed=3), synthetic_weights(lenet, seed=3)
    for name in a:
        np.testing.assert_array_equal(a[name]["weight"], b[name]["weight"])
    assert not np.array_equal(a["fc1"]["weight"], synthetic_weights(lenet, seed=4)["fc1"]["weight"])
    w = a["fc1"]["weight"]  # 500 x 800, fan-in 800: std sqrt(2/800) = 0.05
    assert w.shape == (500, 800)
    assert w.std() == pytest.approx(0.05, rel=0.02)
    check_weights(lenet, a)


def test_layer_weights_do_not_depend_on_other_layers(lenet):
    sub = lenet.with_layers(lenet.layers[:3])
    np.testing.assert_array_equal(synthetic_weights(sub)["conv2"]["weight"], synthetic_weights(lenet)["conv2"]["weight"])


def test_npz_round_trip(tmp_path, lenet):
    w = synthetic_weights(lenet)
    arrays = {f"{n}.{k}": v for n, d in w.items() for k, v in d.items()}
    np.savez(tmp_path / "lenet.npz", **arrays)
    got = load_npz_weights(tmp_path / "lenet.npz", lenet)
    for n in w:
        np.testing.assert_array_equal(got[n]["weight"], w[n]["weight"])


def test_npz_shape_mismatch_names_file_and_layer(tmp_path, lenet):
    w = synthetic_weights(lenet)
    arrays = {f"{n}.{k}": v for n, d in w.items() for k, v in d.items()}
    arrays["conv2.weight"] = arrays["conv2.weight"][:, :10]
    np.savez(tmp_path / "bad.npz", **arrays)
    with pytest.raises(AccelsimError) as e:
        load_npz_weights(tmp_path / "bad.npz", lenet)
    assert str(e.value).startswith("bad.npz: conv2: weight shape [50, 10, 5, 5]")


def test_npz_missing_and_unknown_arrays(tmp_path, lenet):
    w = synthetic_weights(lenet)
    arrays = {f"{n}.{k}": v for n, d in w.items() for k, v in d.items()}
    np.savez(tmp_path / "a.npz", **{k: v for k, v in arrays.items() if k != "fc2.bias"})
    with pytest.raises(AccelsimError, match="a.npz: fc2: missing array fc2.bias"):
        load_npz_weights(tmp_path / "a.npz", lenet)
    np.savez(tmp_path / "b.npz", extra=np.zeros(3), **arrays)
    with pytest.raises(AccelsimError, match="b.npz: extra: arrays that match no weighted layer"):
        load_npz_weights(tmp_path / "b.npz", lenet)


def test_weight_shapes(tiny_cnn):
    assert weight_shape(tiny_cnn.layer("dw")) == (16, 1, 3, 3)
    assert weight_shape(tiny_cnn.layer("fc1")) == (32, 24 * 8 * 8)
