"""Sparse weight formats in DRAM on the FPGA family: the weight DMA moves the format's real bytes."""

from __future__ import annotations

import pytest

from accelsim.compress.prune import sparse_sizes
from accelsim.errors import AccelsimError
from accelsim.families.fpga.lower import lower_network, stored_weight_ratio
from accelsim.registry import load_arch
from accelsim.trace import LOAD
from accelsim.workload.network import build_network


def _net(density: float):
    net = build_network("two", (32, 28, 28), [{"name": "c0", "op": "conv2d", "out": 64, "kernel": 3, "pad": 1},
                                              {"name": "fc", "op": "linear", "out": 256}])
    return net.with_layers(tuple(l.with_(weight_density=density) for l in net.layers))


def _loads(spec, net) -> dict[str, int]:
    trace, _ = lower_network(net, spec, 1)
    kind, layer = trace.ops["kind"], trace.ops["layer"]
    return {info.name: int(trace.ops["bytes"][(kind == LOAD) & (layer == li)].sum())
            for li, info in enumerate(trace.layers)}


@pytest.mark.parametrize("fmt", ["csr", "csc", "bitmap", "relative_index"])
def test_pruned_weights_move_their_format_bytes(fmt):
    net = _net(0.1)
    dense = load_arch("qiu16-zc706", {"axi": None})
    sparse = load_arch("qiu16-zc706", {"axi": None, "weight_format": fmt})
    fc = net.layer("fc")
    want = sparse_sizes(fc.with_(weight_bits=16))[fmt]
    assert stored_weight_ratio(fc, sparse) == pytest.approx(want / (fc.weight_count * 2))
    d, s = _loads(dense, net), _loads(sparse, net)
    # the FC layer's input (1 tile) is the same; its weights shrink to the format's size
    assert d["fc"] - s["fc"] == pytest.approx(fc.weight_count * 2 - want, abs=2)
    assert s["c0"] < d["c0"]


def test_dense_weights_stored_sparse_cost_their_index():
    net = _net(1.0)
    assert _loads(load_arch("qiu16-zc706", {"weight_format": "csr"}), net)["fc"] > \
        _loads(load_arch("qiu16-zc706"), net)["fc"]


def test_unknown_format_is_one_line_error():
    with pytest.raises(AccelsimError, match="weight_format"):
        load_arch("qiu16-zc706", {"weight_format": "coo"})
