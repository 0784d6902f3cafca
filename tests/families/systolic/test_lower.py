"""Systolic lowering: fold plans per dataflow, tile sizes, buffer reuse as dependencies."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accelsim.registry import load_arch
from accelsim.errors import AccelsimError
from accelsim.families.systolic.lower import fold_drain, lower_network, m_tile_rows, plan_folds, rate_divisor
from accelsim.trace import COMPUTE, LOAD
from accelsim.workload.network import gemm_network


def test_tpu_accumulator_tile_is_2048_rows():
    # section 2: 4096 x 256 x 32-bit accumulators used as 2 x 2048 for double buffering
    assert m_tile_rows(load_arch("tpu-v1"), 32) == 2048


def test_drain_and_rates():
    assert fold_drain("ws", 256, 256) == 510
    assert fold_drain("os", 8, 4) == 8 + 4 - 2 + 8
    assert rate_divisor(8, 8, 8) == 1 and rate_divisor(8, 16, 8) == 2 and rate_divisor(16, 16, 8) == 4


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 3000), st.integers(1, 700), st.integers(1, 700), st.sampled_from(["ws", "os", "is"]))
def test_folds_cover_the_gemm_once(m, k, n, df):
    arch = load_arch("systolic-32x32", {"array.dataflow": df})
    folds = plan_folds(m, k, n, arch, 32)
    assert sum(f.m_len * f.k_len * f.n_len for f in folds) == m * k * n
    R = C = 32
    if df == "ws":
        mt = m_tile_rows(arch, 32)
        assert len(folds) == math.ceil(m / mt) * math.ceil(n / C) * math.ceil(k / R)
    elif df == "os":
        assert len(folds) == math.ceil(m / R) * math.ceil(n / C)
        assert all(f.stream == k and f.preload == 0 for f in folds)
    else:
        assert len(folds) == math.ceil(m / C) * math.ceil(k / R)
        assert all(f.stream == n for f in folds)
    assert all(f.rows <= R and f.cols <= C for f in folds)
    # exactly one fold per output tile completes it
    assert sum(f.last_k for f in folds) == len({(f.m0, f.n0) for f in folds})


def test_weights_loaded_once_when_they_fit():
    arch = load_arch("systolic-32x32")
    tr = lower_network(gemm_network("g", 1000, 64, 64), arch)
    w = tr.ops[(tr.ops["kind"] == LOAD) & (tr.ops["unit"] == tr.units.index("dma_weights"))]
    assert len(w) == 4 and int(w["bytes"].sum()) == 64 * 64  # 2x2 tiles, 4 KiB < 64 KiB filter SRAM


def test_streamed_weights_wait_for_a_free_slot():
    # 1024 x 1024 int8 weights (1 MiB) do not fit the 64 KiB filter SRAM: tiles stream, and the
    # load of tile i waits for the fold that consumed tile i - slots
    arch = load_arch("systolic-32x32")
    tr = lower_network(gemm_network("g", 8, 1024, 1024), arch)
    unit = tr.units.index("dma_weights")
    loads = np.flatnonzero((tr.ops["kind"] == LOAD) & (tr.ops["unit"] == unit))
    slots = arch.filter.capacity_bytes // (32 * 32)
    assert len(loads) == 32 * 32
    assert all(tr.deps_of(i).size == 0 for i in loads[:slots])
    for i in loads[slots:]:
        (d,) = tr.deps_of(i)
        assert tr.ops["kind"][d] == COMPUTE


def test_tpu_pads_weight_tiles():
    tr = lower_network(gemm_network("g", 96, 600, 600), load_arch("tpu-v1"), input_on_chip=True)
    w = tr.ops[tr.ops["kind"] == LOAD]
    assert len(w) == 9 and set(w["bytes"].tolist()) == {65536}  # Jouppi et al. section 7: 9 steps


def test_input_load_skipped_when_on_chip():
    arch = load_arch("tpu-v1")
    a = lower_network(gemm_network("g", 96, 600, 600), arch)
    b = lower_network(gemm_network("g", 96, 600, 600), arch, input_on_chip=True)
    ifmap = a.memories.index(arch.ifmap.name)
    assert int((a.ops["dst"] == ifmap).sum()) >= 1
    assert int(((b.ops["kind"] == LOAD) & (b.ops["dst"] == ifmap)).sum()) == 0


def test_ofmap_too_small_for_one_row_is_an_error():
    with pytest.raises(AccelsimError, match=r"systolic_32x32.yaml: memory.ofmap.capacity: .*smaller than one"):
        load_arch("systolic-32x32", {"memory.ofmap.capacity": 64})


def test_depthwise_groups_pack_block_diagonally():
    # 64 depthwise 3x3 filters: K=9, N=1 per group; 256 // 9 = 28 groups share one 252x28 tile
    from accelsim.workload.network import build_network
    net = build_network("dw", (64, 16, 16), [{"name": "dw", "op": "conv2d", "out": 64, "kernel": 3, "pad": 1,
                                              "groups": "depthwise"}])
    tr = lower_network(net, load_arch("tpu-v1"), input_on_chip=True)
    comp = tr.ops[tr.ops["kind"] == COMPUTE]
    assert comp["rows"].tolist() == [28 * 9, 28 * 9, 8 * 9] and comp["cols"].tolist() == [28, 28, 8]
    assert int(comp["macs"].sum()) == net.macs == 64 * 16 * 16 * 9


def test_narrow_buffer_ports_slow_the_stream():
    # a 32-wide WS array writes 32 x 32-bit partial sums (128 B) per streamed vector; an ofmap
    # SRAM 256 bits wide with one write port takes 4 cycles for that, with 4 ports one
    from accelsim.families.systolic.lower import port_divisor
    narrow = load_arch("systolic-32x32", {"memory.ofmap.width_bits": 256})
    ported = load_arch("systolic-32x32", {"memory.ofmap.width_bits": 256, "memory.ofmap.write_ports": 4})
    assert port_divisor(narrow, "ws", 32, 32, 8, 8, 32, False) == 4
    assert port_divisor(ported, "ws", 32, 32, 8, 8, 32, False) == 1
    assert port_divisor(load_arch("systolic-32x32"), "ws", 32, 32, 8, 8, 32, True) == 1
    tr = lower_network(gemm_network("g", 100, 32, 32), narrow)
    assert tr.ops[tr.ops["kind"] == COMPUTE]["div"].tolist() == [4]
