"""The N:M sparse mode of the systolic array (array.structured: 2:4): a layer pruned 2:4 runs half its reduction
per fold and stores a 2-bit index per kept weight; unstructured sparsity and dense arrays gain nothing."""

from __future__ import annotations

import pytest

from accelsim.api import simulate
from accelsim.compress import apply_passes
from accelsim.errors import AccelsimError
from accelsim.families.systolic.lower import array_dims, lower_network, lower_network_ref
from accelsim.registry import load_arch
from accelsim.workload import load_model
from accelsim.workload.network import gemm_network

DENSE = load_arch("systolic-32x32")
SPARSE = load_arch("systolic-32x32", {"array.structured": "2:4"})


def test_the_array_sees_half_the_reduction_and_index_bits():
    net, _, _ = apply_passes(gemm_network("g", 64, 512, 256), None, ("nm:2:4",))
    layer = net.layers[0]
    assert array_dims(layer, SPARSE) == (64, 256, 256, 1, 10)
    assert array_dims(layer, DENSE) == (64, 512, 256, 1, 8)
    assert array_dims(gemm_network("g", 64, 512, 256).layers[0], SPARSE) == (64, 512, 256, 1, 8)


def test_structured_pruning_pays_only_on_the_array_that_supports_it():
    net = gemm_network("g", 256, 1024, 512)
    nm, _, _ = apply_passes(net, None, ("nm:2:4",))
    unstructured, _, _ = apply_passes(net, None, ("magnitude:0.5",))
    dense_run = simulate(net, SPARSE)
    assert simulate(nm, DENSE).cycles == simulate(net, DENSE).cycles
    assert simulate(unstructured, SPARSE).cycles == dense_run.cycles
    sparse_run = simulate(nm, SPARSE)
    assert sparse_run.compute_cycles < 0.6 * dense_run.compute_cycles
    assert sparse_run.macs == net.macs // 2
    # weights: 512 of 1024 rows kept, 8-bit values plus 2-bit indices
    assert sparse_run.dram_read_bytes - dense_run.dram_read_bytes == 512 * 512 * 10 // 8 - 1024 * 512


def test_compiled_lowering_equals_the_reference_in_the_sparse_mode():
    net, _, _ = apply_passes(load_model("resnet18"), None, ("nm:2:4",))
    for arch in (SPARSE, load_arch("systolic-32x32", {"array.structured": "2:4", "array.dataflow": "is"})):
        try:
            ref = lower_network_ref(net, arch, 1)
        except AccelsimError as e:
            with pytest.raises(AccelsimError, match=str(e.message)[:30]):
                lower_network(net, arch, 1)
            continue
        assert lower_network(net, arch, 1) == ref


def test_the_mode_refuses_what_it_does_not_model():
    with pytest.raises(AccelsimError, match="array.structured"):
        load_arch("systolic-32x32", {"array.structured": "2:4", "array.compat": "scalesim"})
    with pytest.raises(AccelsimError, match="array.structured: must be one of"):
        load_arch("systolic-32x32", {"array.structured": "3:4"})
