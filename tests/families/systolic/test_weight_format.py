"""Pruned weights stored in a sparse format move the DRAM bytes they really take (memory.weight_format)."""

from __future__ import annotations

import pytest

from accelsim.api import simulate
from accelsim.compress import apply_passes
from accelsim.compress.prune import sparse_sizes
from accelsim.errors import AccelsimError
from accelsim.families.systolic.lower import lower_network, lower_network_ref
from accelsim.registry import load_arch
from accelsim.trace import LOAD
from accelsim.workload import load_model

TPU = load_arch("tpu-v1")


def _weight_bytes(trace, arch):
    ops = trace.ops
    w = (ops["kind"] == LOAD) & (ops["dst"] == trace.memories.index(arch.filter.name))
    return {trace.layers[li].name: int(ops["bytes"][w & (ops["layer"] == li)].sum()) for li in range(len(trace.layers))}


def test_weight_loads_move_each_format_s_size():
    net, _, _ = apply_passes(load_model("alexnet_fc"), None, ("magnitude:0.9",))
    dense = _weight_bytes(lower_network(net, TPU, 1), TPU)
    for fmt in ("csr", "bitmap", "relative_index"):
        arch = load_arch("tpu-v1", {"memory.weight_format": fmt})
        got = _weight_bytes(lower_network(net, arch, 1), arch)
        for layer in net.layers:
            want = dense[layer.name] * sparse_sizes(layer)[fmt] / layer.weight_bytes
            assert got[layer.name] == pytest.approx(want, rel=0.001)  # each tile rounded up to a byte


def test_a_dram_bound_dense_array_gains_from_the_format_not_from_the_zeros():
    pruned, _, _ = apply_passes(load_model("alexnet_fc"), None, ("magnitude:0.9",))
    dense_fmt = simulate(pruned, TPU)
    assert dense_fmt.cycles == simulate("alexnet_fc", TPU).cycles          # zeros alone buy nothing
    bitmap = simulate(pruned, load_arch("tpu-v1", {"memory.weight_format": "bitmap"}))
    assert dense_fmt.cycles / bitmap.cycles > 3                              # TPU v1 at batch 1 waits on weights
    assert bitmap.compute_cycles == dense_fmt.compute_cycles                 # the array still runs every MAC


def test_compiled_and_reference_lowering_agree_with_a_format():
    net, _, _ = apply_passes(load_model("resnet18"), None, ("magnitude:0.7",))
    arch = load_arch("systolic-32x32", {"memory.weight_format": "csc"})
    assert lower_network(net, arch, 1) == lower_network_ref(net, arch, 1)


def test_unknown_format_names_the_field():
    with pytest.raises(AccelsimError, match="memory.weight_format: must be one of"):
        load_arch("tpu-v1", {"memory.weight_format": "zip"})
