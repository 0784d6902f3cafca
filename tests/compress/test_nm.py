"""Structured N:M pruning: at most N non-zeros in every M consecutive weights of a row, the largest kept."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.compress import apply_passes, nm_prune, parse_pass_spec, synthetic_weights
from accelsim.errors import AccelsimError
from accelsim.workload import load_model


def test_two_of_every_four_kept_by_magnitude():
    net = load_model("lenet5")
    w = synthetic_weights(net, seed=0)
    out, w2, rec = nm_prune(net, w, keep=2, group=4)
    for layer in out.layers:
        if layer.name not in w2:
            continue
        assert layer.weight_pattern == "2:4"
        rows = w2[layer.name]["weight"].reshape(layer.out_shape[0] if layer.op != "gemm" else -1, -1)
        orig = w[layer.name]["weight"].reshape(rows.shape)
        full = rows.shape[1] // 4 * 4
        groups = rows[:, :full].reshape(rows.shape[0], -1, 4)
        assert ((groups != 0).sum(axis=2) <= 2).all()
        # the kept ones are the two largest |w| of their group
        og = np.abs(orig[:, :full].reshape(groups.shape))
        kept = np.sort(np.where(groups != 0, og, 0), axis=2)[:, :, -2:]
        np.testing.assert_allclose(kept, np.sort(og, axis=2)[:, :, -2:])
        fan_in = rows.shape[1]  # a row's last partial group keeps at most two as well
        assert layer.weight_density == pytest.approx((fan_in // 4 * 2 + min(2, fan_in % 4)) / fan_in)
    assert rec.with_weights and dict(rec.output_error)


def test_without_weights_it_sets_density_and_pattern_and_parses():
    out, _, rec = apply_passes(load_model("alexnet_fc"), None, ("nm:2:4",))
    assert all(l.weight_pattern == "2:4" and l.weight_density == 0.5 for l in out.layers)
    assert parse_pass_spec("nm:1:4", "prune").fn is nm_prune
    with pytest.raises(AccelsimError):
        nm_prune(load_model("lenet5"), None, keep=4, group=4)
