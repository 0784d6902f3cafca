"""Block convolution: geometry and the functional difference against the unblocked conv."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.compress import block_conv, block_geometry, synthetic_weights
from accelsim.compress.blockconv import blocked_forward
from accelsim.compress.functional import layer_forward
from accelsim.workload import build_network, load_model


def test_vgg_geometry():
    vgg = load_model("vgg16")
    g = block_geometry(vgg.layer("conv1_1"), block=56)
    assert g.grid_hw == (4, 4) and g.blocks == 16 and g.out_edges_h == (0, 56, 112, 168, 224)
    assert g.halo_pixels == 3 * 2 * 224 * 2
    g = block_geometry(vgg.layer("conv3_1"), grid=4)  # 56x56 map -> 14x14 tiles
    assert g.block_hw == (14, 14)
    assert block_geometry(vgg.layer("conv5_1"), block=56) == "the map fits in one block"


def test_record_and_network_unchanged():
    vgg = load_model("vgg16")
    net, w, rec = block_conv(vgg, None, grid=2)
    assert net is vgg and w is None
    assert len(rec.changed) == 13 and rec.after == rec.before
    assert {g.grid_hw for g in rec.detail("blocks")} == {(2, 2)}


def test_blocked_output_difference():
    net = build_network("b", [4, 16, 16], [
        {"name": "c3", "op": "conv2d", "out": 6, "kernel": 3, "pad": 1, "bias": True},
        {"name": "c1", "op": "conv2d", "out": 6, "kernel": 1},
        {"name": "s2", "op": "conv2d", "out": 6, "kernel": 3, "stride": 2, "pad": [0, 0, 1, 1]},
    ])
    w = synthetic_weights(net)
    _, _, rec = block_conv(net, w, block=8)
    err = dict(rec.output_error)
    assert err["c3"] > 0 and err["c1"] < 1e-6  # a 1x1 conv has no halo
    # inside each tile, away from its edges, the blocked conv equals the unblocked one
    layer, g = net.layer("c3"), rec.detail("blocks")[0]
    x = np.random.default_rng(0).standard_normal((1, 4, 16, 16))
    a, b = layer_forward(layer, w["c3"], x), blocked_forward(layer, w["c3"], x, g)
    np.testing.assert_allclose(a[..., 1:7, 1:7], b[..., 1:7, 1:7], atol=1e-12)
    assert not np.allclose(a[..., 7, :], b[..., 7, :])
    # only the edge rows/columns differ: about 4 of 8 per tile are touched
    assert 0 < err["c3"] < 1


def test_needs_one_of_block_or_grid(lenet):
    from accelsim.errors import AccelsimError
    with pytest.raises(AccelsimError):
        block_conv(lenet, None)
