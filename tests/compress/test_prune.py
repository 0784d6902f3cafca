"""Magnitude and channel pruning; sparse-format sizes."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.compress import (bitmap_bytes, channel_prune, check_weights, csc_bytes, csr_bytes, magnitude_prune,
                               relative_index_bytes, run_network, synthetic_weights)
from accelsim.compress.record import NO_WEIGHTS_NOTE
from accelsim.workload import load_model


@pytest.fixture(scope="module")
def lenet_w(lenet):
    return synthetic_weights(lenet)


@pytest.mark.parametrize("sparsity", [0.5, 0.9, 0.99])
def test_per_layer_density_equals_target(lenet, lenet_w, sparsity):
    net, w, rec = magnitude_prune(lenet, lenet_w, sparsity=sparsity)
    for layer in net.layers:
        if layer.op in ("conv2d", "linear"):
            n = layer.weight_count
            assert abs(layer.weight_density - (1 - sparsity)) <= 1 / n
            assert np.count_nonzero(w[layer.name]["weight"]) == round(layer.weight_density * n)
            kept = np.abs(lenet_w[layer.name]["weight"])[w[layer.name]["mask"]]
            dropped = np.abs(lenet_w[layer.name]["weight"])[~w[layer.name]["mask"]]
            assert kept.min() >= dropped.max()
    assert net.macs == lenet.macs
    assert rec.after.effective_macs == pytest.approx((1 - sparsity) * lenet.macs, rel=0.01)


def test_global_density_equals_target(lenet, lenet_w):
    net, w, rec = magnitude_prune(lenet, lenet_w, sparsity=0.9, scope="global")
    kept = sum(np.count_nonzero(a["mask"]) for a in w.values())
    total = sum(a["weight"].size for a in w.values())
    assert kept == round(0.1 * total)
    assert len({l.weight_density for l in net.layers if l.op == "conv2d"}) == 2  # one threshold, varied densities


def test_pruning_error_rises_with_sparsity(lenet, lenet_w):
    errs = [dict(magnitude_prune(lenet, lenet_w, sparsity=s)[2].output_error)["fc1"] for s in (0.3, 0.6, 0.9)]
    assert errs == sorted(errs) and errs[0] > 0


def test_magnitude_without_weights(lenet):
    net, w, rec = magnitude_prune(lenet, None, sparsity=0.9)
    assert w is None and NO_WEIGHTS_NOTE in rec.notes and rec.output_error == ()
    assert [l.weight_density for l in net.layers if l.op in ("conv2d", "linear")] == [pytest.approx(0.1)] * 4


def test_sparse_format_sizes():
    # 4 x 8 matrix, 5 non-zeros, 8-bit values; column index 3 bits, pointer ceil(log2 6) = 3 bits
    assert csr_bytes(4, 8, 5, 8) == -(-(5 * (8 + 3) + 5 * 3) // 8)
    # CSC: row index 2 bits, 9 column pointers of 3 bits
    assert csc_bytes(4, 8, 5, 8) == -(-(5 * (8 + 2) + 9 * 3) // 8)
    assert bitmap_bytes(4, 8, 5, 8) == (32 + 40) // 8
    mask = np.zeros(40, dtype=bool)
    mask[[0, 3, 39]] = True  # runs of zeros 0, 2, 35; with 3-bit indices 35 // 8 = 4 fillers
    assert relative_index_bytes(mask, 8, 3) == -(-(3 + 4) * 11 // 8)
    assert relative_index_bytes(mask, 8, 8) == -(-3 * 16 // 8)


def test_sparse_sizes_in_record(lenet, lenet_w):
    _, _, rec = magnitude_prune(lenet, lenet_w, sparsity=0.9)
    sizes = dict(rec.detail("sparse_bytes"))
    fc1 = dict(sizes["fc1"])
    assert fc1["dense"] == 400000
    assert fc1["relative_index"] < fc1["csr"] < fc1["dense"]  # 5-bit relative indices beat 10-bit columns


def _valid(net, weights=None):
    shapes = {"input": net.input_shape}
    for l in net.layers:
        assert tuple(shapes[s] for s in l.inputs) == l.in_shapes, l.name
        shapes[l.name] = l.out_shape
    if weights is not None:
        check_weights(net, weights)


def test_channel_pruning_leaves_a_valid_smaller_network(lenet, lenet_w):
    net, w, rec = channel_prune(lenet, lenet_w, ratio=0.3)
    _valid(net, w)
    assert net.layer("conv1").out_shape[0] == 14 and net.layer("conv2").in_shapes[0][0] == 14
    assert net.layer("fc1").in_shapes[0] == (35, 4, 4)
    assert net.params < lenet.params and net.macs < lenet.macs
    assert rec.skipped == (("fc2", "its output is a network output"),)
    y = run_network(net, w, np.ones((1, 1, 28, 28)))
    assert y.shape == (1, 10, 1, 1)
    l1 = np.abs(lenet_w["conv1"]["weight"]).reshape(20, -1).sum(axis=1)
    assert set(rec.detail("kept_channels")[0][1]) == set(np.argsort(-l1)[:14])


def test_channel_pruning_through_depthwise_and_flatten_skips_add(tiny_cnn):
    w = synthetic_weights(tiny_cnn)
    net, w2, rec = channel_prune(tiny_cnn, w, ratio=0.25)
    _valid(net, w2)
    skipped = dict(rec.skipped)
    assert skipped["c1"].startswith("its output reaches add") and skipped["c3"].startswith("its output reaches add")
    assert net.layer("c2").out_shape[0] == 12 and net.layer("dw").groups == 12 and net.layer("c3").in_shapes[0][0] == 12
    assert net.layer("fc1").in_shapes[0] == (18 * 8 * 8, 1, 1)
    run_network(net, w2, np.ones((2, 8, 16, 16)))
    # the cut output channels are exactly the error: kept outputs equal the original
    assert dict(rec.output_error)["dw"] > 0


def test_channel_pruning_without_weights(tiny_cnn):
    net, w, rec = channel_prune(tiny_cnn, None, ratio=0.5)
    _valid(net)
    assert w is None and rec.weight_error == () and net.layer("c4").out_shape[0] == 12


def test_channel_pruning_resnet18_skips_residual_outputs():
    r18 = load_model("resnet18")
    net, _, rec = channel_prune(r18, None, ratio=0.3)
    _valid(net)
    changed = set(rec.changed)
    assert "layer1.0.conv1" in changed and "layer1.0.conv2" in changed  # conv1 cut, conv2 reads fewer
    assert net.layer("layer1.0.conv2").out_shape[0] == 64
    assert net.layer("layer1.0.conv1").out_shape[0] == 45
    assert net.params < r18.params


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_layer_mask_keeps_the_largest_unpruned_weights(seed):
    from accelsim.compress.prune import _layer_mask
    rng = np.random.default_rng(seed)
    w = rng.standard_normal((16, 3, 3, 3))
    old = rng.random(w.shape) < 0.7
    for arrays in ({"weight": w}, {"weight": np.where(old, w, 0.0), "mask": old}):
        mask = _layer_mask(arrays, 0.4)
        alive = arrays.get("mask", np.ones(w.shape, bool))
        keep = max(1, min(int(round(0.4 * w.size)), int(alive.sum())))
        assert mask.sum() == keep and not (mask & ~alive).any()
        mags = np.abs(arrays["weight"])
        assert mags[mask].min() >= mags[alive & ~mask].max()


def test_layer_mask_breaks_ties_by_count():
    from accelsim.compress.prune import _layer_mask
    w = np.zeros((4, 5))
    w[0, :3] = 2.0
    mask = _layer_mask({"weight": w}, 0.5)
    assert mask.sum() == 10 and mask[0, :3].all()
