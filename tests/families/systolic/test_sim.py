"""The engine and the systolic timing: hand-computed timelines, the kernel twin, conservation."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accelsim.api import lower, run_trace, simulate
from accelsim.registry import load_arch
from accelsim.kernels.folds import fold_schedule_ref
from accelsim.families.systolic import sim as systolic
from accelsim.trace import COMPUTE, LOAD, STORE
from accelsim.workload.network import gemm_network


def test_single_fold_timeline_by_hand():
    # one 100x32x32 GEMM on the 32x32 WS array: load inputs and weights over one shared
    # channel (inputs first: their DMA unit is declared first), preload 32 rows, stream 100
    # vectors, drain 32 + 32 - 2, activate 3200 outputs on 32 lanes, write them back
    arch = load_arch("systolic-32x32")
    bpc = arch.dram.bandwidth_bytes_per_s / arch.clock_hz
    lat = math.ceil(round(arch.dram.latency_s * arch.clock_hz, 6))  # 50 ns at 1 GHz
    r = simulate(gemm_network("g", 100, 32, 32), arch)
    t_in = math.ceil(3200 / bpc)
    t_w = math.ceil(32 * 32 / bpc)
    ready = t_in + t_w + lat
    done = ready + 32 + 100 + (32 + 32 - 2)
    act = done + math.ceil(3200 / arch.vector.lanes)
    end = act + math.ceil(3200 / bpc) + lat
    assert r.cycles == end
    layer = r.layers[0]
    assert layer.compute_cycles == 32 + 100 + 62 + 100
    assert layer.stall_cycles == end - layer.compute_cycles
    assert layer.dram_read_bytes == 3200 + 1024 and layer.dram_write_bytes == 3200


def test_array_process_follows_fold_kernel():
    arch = load_arch("systolic-32x32")
    trace = lower("lenet5", arch, batch=2)
    tl = systolic.run(trace, arch)
    comp = np.flatnonzero(trace.ops["kind"] == COMPUTE)
    o = trace.ops[comp]
    ss, _, done = fold_schedule_ref(tl.ready[comp], o["preload"], o["stream"], o["div"], o["drain"],
                                    arch.array.overlap_folds)
    np.testing.assert_array_equal(ss, tl.start[comp])
    np.testing.assert_array_equal(done, tl.end[comp])


def test_ops_never_start_before_their_dependencies():
    arch = load_arch("tpu-v1")
    trace = lower("lenet5", arch, batch=4)
    tl = systolic.run(trace, arch)
    for i in range(len(trace)):
        d = trace.deps_of(i)
        if d.size:
            assert tl.ready[i] == tl.end[d].max()
            assert tl.start[i] >= tl.ready[i]
        assert tl.end[i] >= tl.start[i]


@pytest.mark.parametrize("arch_name", ["tpu-v1", "systolic-32x32"])
@pytest.mark.parametrize("dataflow", ["ws", "os", "is"])
def test_conservation(arch_name, dataflow):
    arch = load_arch(arch_name, {"array.dataflow": dataflow})
    from accelsim.workload import load_model
    net = load_model("lenet5")
    trace = lower(net, arch, batch=3)
    r = run_trace(trace, arch)
    ops = trace.ops
    # MACs executed by the folds equal the network's MACs times the batch, layer by layer
    for li, layer in enumerate(net.layers):
        executed = int(ops["macs"][(ops["kind"] == COMPUTE) & (ops["layer"] == li)].sum())
        assert executed == layer.macs * 3
    assert r.macs == net.macs * 3
    # bytes: the result's DRAM traffic is the trace's loads and stores, less what crosses the host
    # link (tpu-v1: the input and the output, at host addresses)
    from accelsim.families.systolic.host_link import HOST_ADDR
    host = ops["addr"].astype(np.int64) >= HOST_ADDR
    assert host.any() == (arch.host is not None)
    assert r.dram_read_bytes == int(ops["bytes"][(ops["kind"] == LOAD) & ~host].sum())
    assert r.dram_write_bytes == int(ops["bytes"][(ops["kind"] == STORE) & ~host].sum())
    # time: layer cycles partition the makespan; energy components sum to the total
    assert r.cycles == int(systolic.run(trace, arch).makespan)
    assert sum(l.compute_cycles + l.stall_cycles for l in r.layers) == r.cycles
    assert math.isclose(sum(l.total_energy_pj for l in r.layers), r.total_energy_pj, rel_tol=1e-12)
    assert math.isclose(sum(r.energy_pj.values()), r.total_energy_pj, rel_tol=1e-12)
    assert all(v >= 0 for v in r.energy_pj.values())
    assert 0 < r.utilization <= 1


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 300), st.integers(1, 300), st.integers(1, 300), st.sampled_from(["ws", "os", "is"]))
def test_more_bandwidth_never_slower(m, k, n, dataflow):
    net = gemm_network("g", m, k, n, layers=2)
    slow = load_arch("systolic-32x32", {"array.dataflow": dataflow, "dram.bandwidth": "2GB/s"})
    fast = load_arch("systolic-32x32", {"array.dataflow": dataflow, "dram.bandwidth": "40GB/s"})
    a, b = simulate(net, slow), simulate(net, fast)
    assert b.cycles <= a.cycles
    assert a.compute_cycles == b.compute_cycles
    assert a.dram_read_bytes == b.dram_read_bytes


def test_overlap_of_folds_helps():
    net = gemm_network("g", 2048, 1024, 1024, layers=1)  # compute-bound: 2048-row streams
    on = load_arch("tpu-v1")
    off = load_arch("tpu-v1", {"array.overlap_folds": False})
    a, b = simulate(net, on, input_on_chip=True), simulate(net, off, input_on_chip=True)
    assert a.cycles < b.cycles
    # 16 folds each preloading 256 rows: without overlap every preload is exposed
    assert b.compute_cycles - a.compute_cycles >= 15 * 256


def test_wide_operands_run_at_tpu_rates():
    # TPU v1: 8b x 16b at half speed, 16b x 16b at quarter speed (Jouppi et al. section 2)
    from accelsim.workload.network import build_network
    arch = load_arch("tpu-v1")
    cyc = {}
    for wb, ab in ((8, 8), (8, 16), (16, 16)):
        net = build_network("g", (256, 4096, 1), [{"name": "fc", "op": "gemm", "m": 4096, "k": 256, "n": 256}],
                            defaults={"weight_bits": wb, "act_bits": ab})
        trace = lower(net, arch, input_on_chip=True)
        o = trace.ops[trace.ops["kind"] == COMPUTE]
        cyc[wb * ab] = int((o["stream"] * o["div"]).sum())
    assert cyc[128] == 2 * cyc[64] and cyc[256] == 4 * cyc[64]


def test_faster_memory_speeds_up_mlp0_as_the_tpu_paper_says():
    # Jouppi et al. section 7: 4x memory bandwidth gives ~3x on the MLPs and LSTMs (memory-bound)
    base = simulate("tpu_mlp0", load_arch("tpu-v1"), batch=200, input_on_chip=True)
    hbm = load_arch("tpu-v1", {"dram.preset": "hbm2"})
    fast = simulate("tpu_mlp0", hbm, batch=200, input_on_chip=True)
    ratio = hbm.dram.bandwidth_bytes_per_s / load_arch("tpu-v1").dram.bandwidth_bytes_per_s
    speedup = base.cycles / fast.cycles
    assert 2.5 < speedup <= ratio
    assert 0 < fast.dram["row_hit_rate"] <= 1 and base.dram["row_hit_rate"] > 0.9  # weight tiles stream in order
    slow = simulate("tpu_mlp0", load_arch("tpu-v1", {"dram.preset": "ddr4-2400-x64"}), batch=200,
                    input_on_chip=True)
    assert slow.cycles > base.cycles


def test_timing_model_energy_adds_up():
    r = simulate("lenet5", load_arch("tpu-v1"), batch=2)
    assert math.isclose(sum(l.energy_pj["dram"] for l in r.layers), sum(r.dram["energy_pj"].values()), rel_tol=1e-9)
