"""The compiled event loop (engine.run_events) against the SimPy engine (engine.run): same timeline, same DRAM state.

The SimPy engine is the readable reference; the event loop replays its event order, so every
cycle, the channel's final state and its bandwidth series must agree exactly, on random
traces full of same-cycle ties and on the zoo for every family that runs through the engine.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from accelsim.api import lower
from accelsim.registry import load_arch
from accelsim.families.systolic import sim as systolic
from accelsim.sim import engine
from accelsim.sim.dram import BandwidthChannel, SimpleDram
from accelsim.sim.dram_run import dram_for_run
from accelsim.trace import COMPUTE, LOAD, STORE, VECTOR, LayerInfo, TraceBuilder

UNITS = ("dma_a", "dma_b", "dma_c", "array", "vector")


def _random_trace(seed: int):
    rng = np.random.default_rng(seed)
    tb = TraceBuilder("a", "m", 1, UNITS, ("dram", "buf"))
    tb.add_layer(LayerInfo("l0", "conv2d", 8, 8, 32, 1))
    for i in range(int(rng.integers(1, 80))):
        u = int(rng.integers(0, 5))
        deps = sorted(set(rng.integers(0, i, int(rng.integers(0, 4))).tolist())) if i else []
        if u < 3:
            kind = LOAD if rng.integers(0, 2) else STORE
            tb.add(kind, UNITS[u], 0, deps, src="dram" if kind == LOAD else "buf",
                   dst="buf" if kind == LOAD else "dram", bytes=int(rng.integers(0, 300)),
                   addr=int(rng.integers(0, 1 << 20)))
        elif u == 3:
            tb.add(COMPUTE, "array", 0, deps, rows=4, cols=4, stream=int(rng.integers(1, 40)),
                   preload=int(rng.integers(0, 8)), drain=int(rng.integers(0, 6)), macs=1,
                   div=int(rng.integers(1, 3)))
        else:
            tb.add(VECTOR, "vector", 0, deps, vops=int(rng.integers(1, 100)), src="buf", dst="buf", bytes=1)
    return tb.build()


def _both(trace, make_dram, lanes, overlap, extra=None):
    d_ref, d_fast = make_dram(), make_dram()
    ref = engine.run(trace, d_ref, lanes, systolic.array_unit(overlap, extra))
    fast = engine.run_events(trace, d_fast, lanes, overlap, extra)
    return ref, fast, d_ref, d_fast


def _assert_same(ref, fast, d_ref, d_fast):
    for f in ("ready", "start", "end"):
        np.testing.assert_array_equal(getattr(ref, f), getattr(fast, f), err_msg=f)
    if isinstance(d_ref, BandwidthChannel):
        assert (d_ref.bus_free, d_ref.busy_cycles) == (d_fast.bus_free, d_fast.busy_cycles)
        assert d_ref.series.to_dict() == d_fast.series.to_dict()
    else:
        assert d_ref.stats(ref.makespan) == d_fast.stats(fast.makespan)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**31), st.sampled_from([0.5, 1.0, 3.7, 64.0]), st.integers(0, 30),
       st.integers(1, 16), st.booleans())
def test_random_traces_match_simpy(seed, bpc, latency, lanes, overlap):
    trace = _random_trace(seed)
    _assert_same(*_both(trace, lambda: BandwidthChannel(SimpleDram(bpc, latency)), lanes, overlap))


def test_bank_conflict_cycles_match_simpy():
    arch = load_arch("systolic-32x32", {"array.bank_conflicts": True, "memory.ifmap.banks": 2})
    trace = lower("lenet5", arch)
    extra = systolic.conflict_cycles_per_op(trace)
    assert extra[1].any()
    _assert_same(*_both(trace, lambda: dram_for_run(arch.dram, arch.clock_hz), arch.vector.lanes, True, extra))


@pytest.mark.parametrize("model,arch,overrides,batch", [
    ("resnet18", "systolic-32x32", {}, 1),
    ("mobilenet_v2", "systolic-32x32", {"array.dataflow": "os"}, 2),
    ("resnet18", "systolic-32x32", {"array.dataflow": "is", "dram.bandwidth": "3GB/s"}, 1),
    ("resnet18", "systolic-32x32", {"array.overlap_folds": False, "memory.ifmap.capacity": "16KiB"}, 1),
    ("tpu_mlp0", "tpu-v1", {}, 200),  # the DDR3 timing model, inside the compiled loop
    ("resnet18", "tpu-v1", {}, 1),
    ("resnet18", "tpu-v1", {"dram.preset": "ddr4-2400-x64"}, 1),  # bank groups: no hit runs, burst by burst
    ("mobilenet_v2", "tpu-v1", {"dram.preset": "hbm2"}, 1),
    ("lenet5", "tpu-v1", {"array.compat": "scalesim"}, 1),
    ("alexnet", "eyeriss", {}, 1),
    ("vgg16", "qiu16-zc706", {}, 1),
    ("vgg16", "blockconv-zc706", {}, 1),
])
def test_zoo_matches_simpy(model, arch, overrides, batch):
    spec = load_arch(arch, overrides)
    trace = lower(model, spec, batch)
    if spec.family == "systolic":
        overlap = spec.array.overlap_folds and spec.array.compat == "none"
        lanes, extra = spec.vector.lanes, systolic.conflict_cycles_per_op(trace)
    else:
        overlap, extra = True, None
        lanes = spec.pe_cols if spec.family == "eyeriss" else 64
    _assert_same(*_both(trace, lambda: dram_for_run(spec.dram, spec.clock_hz), lanes, overlap, extra))


def _timing_dram(seed: int):
    """A small random DRAM timing model (kernels.dram_transfer.example_args) behind a DramModel."""
    from accelsim.kernels.dram_transfer import example_args
    from accelsim.sim.dram_timing import DramModel
    params, *state = example_args(seed, 0, 1, False, 0)[4:]
    spec = load_arch("tpu-v1").dram.timing
    model = DramModel(spec, 700e6)
    model._params, model._state = params, tuple(state)
    return model


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**31), st.integers(1, 16), st.booleans())
def test_random_traces_on_timing_dram_match_simpy(seed, lanes, overlap):
    # every op's ready/start/end and the DRAM statistics (ledger, per layer, bandwidth series) agree
    trace = _random_trace(seed)
    _assert_same(*_both(trace, lambda: _timing_dram(seed), lanes, overlap))


def test_timing_state_carries_over_between_runs():
    # a model already used (rows open, refresh due moved on) is advanced in place by the compiled loop too
    spec = load_arch("tpu-v1")
    trace = lower("lenet5", spec, 4)
    d_ref, d_fast = dram_for_run(spec.dram, spec.clock_hz), dram_for_run(spec.dram, spec.clock_hz)
    for d in (d_ref, d_fast):
        d.transfer(0, 12345, 70000, False, 0)
    ref = engine.run(trace, d_ref, spec.vector.lanes, systolic.array_unit(True))
    fast = engine.run_events(trace, d_fast, spec.vector.lanes, True)
    _assert_same(ref, fast, d_ref, d_fast)
    for a, b in zip(d_ref._state, d_fast._state):
        np.testing.assert_array_equal(a, b)


def test_deadlock_is_reported_like_simpy():
    # op 1 (array) waits for op 2, which its own DMA unit only reaches after op 1... on a unit
    # that runs in order: a dependency on a later op can only come from a hand-made trace
    tb = TraceBuilder("a", "m", 1, UNITS, ("dram", "buf"))
    tb.add_layer(LayerInfo("l0", "conv2d", 8, 8, 32, 1))
    tb.add(LOAD, "dma_a", 0, [], src="dram", dst="buf", bytes=4)
    tb.add(COMPUTE, "array", 0, [0], rows=1, cols=1, stream=1, macs=1)
    trace = tb.build()
    trace.dep_idx[0] = 1  # the array's op now waits for itself
    with pytest.raises(RuntimeError, match="deadlocked: op 1"):
        engine.run(trace, BandwidthChannel(SimpleDram(1.0, 0)), 4, systolic.array_unit(True))
    with pytest.raises(RuntimeError, match="deadlocked: op 1"):
        engine.run_events(trace, BandwidthChannel(SimpleDram(1.0, 0)), 4, True)


def _host_routed(seed: int, bytes_per_s: float):
    from accelsim.families.systolic.host_link import HostRoutedDram
    return HostRoutedDram(_timing_dram(seed), bytes_per_s, 1e9)


def _random_host_trace(seed: int):
    """A random trace whose transfers fall in the host window about half the time."""
    from accelsim.families.systolic.host_link import HOST_ADDR
    trace = _random_trace(seed)
    rng = np.random.default_rng(seed + 1)
    ops = trace.ops.copy()
    moved = rng.random(len(ops)) < 0.5
    ops["addr"] = np.where(moved, ops["addr"] + HOST_ADDR, ops["addr"])
    from dataclasses import replace
    return replace(trace, ops=ops)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**31), st.integers(1, 16), st.booleans(), st.sampled_from([0.5e9, 3e9, 15.75e9]))
@example(14536, 1, False, 0.5e9)  # a zero-byte link transfer starting with a long one: the bus ends after both
def test_host_link_beside_timing_dram_matches_simpy(seed, lanes, overlap, link):
    # TPU v1's PCIe window: its transfers take the link inside the compiled loop, the rest the DRAM model;
    # the timeline, the DRAM's statistics and the link's bus, busy cycles and series agree with SimPy
    trace = _random_host_trace(seed)
    ref, fast, d_ref, d_fast = _both(trace, lambda: _host_routed(seed, link), lanes, overlap)
    _assert_same(ref, fast, d_ref.dram, d_fast.dram)
    _assert_same(ref, fast, d_ref.link, d_fast.link)


def test_tpu_v1_runs_its_host_link_in_the_compiled_loop(monkeypatch):
    # the preset's memory side (DDR3 timing model + PCIe) never falls back to the Python loop, and agrees with SimPy
    from accelsim.families.systolic.host_link import HostRoutedDram
    from accelsim.kernels import event_loop as ev
    spec = load_arch("tpu-v1")
    trace = lower("resnet18", spec, 2)
    make = lambda: HostRoutedDram(dram_for_run(spec.dram, spec.clock_hz), spec.host.bandwidth_bytes_per_s,  # noqa: E731
                                  spec.clock_hz)
    monkeypatch.setattr(ev, "event_loop_py", None)  # the Python loop would now fail
    ref, fast, d_ref, d_fast = _both(trace, make, spec.vector.lanes, True, systolic.conflict_cycles_per_op(trace))
    _assert_same(ref, fast, d_ref.dram, d_fast.dram)
    _assert_same(ref, fast, d_ref.link, d_fast.link)
    assert d_fast.link.busy_cycles > 0


def _ported(seed: int, bytes_per_cycle: float):
    """A random small DRAM timing model behind ``bytes_per_cycle`` of AXI ports (64-bit ports: 8 B each)."""
    from accelsim.families.fpga.axi import AxiPorts, PortLimitedDram
    count = max(1, round(bytes_per_cycle / 8))
    return PortLimitedDram(_timing_dram(seed), AxiPorts(64 if bytes_per_cycle >= 8 else 32, count))


def _assert_same_ports(ref, fast, d_ref, d_fast):
    _assert_same(ref, fast, d_ref.inner, d_fast.inner)
    assert d_ref._free == d_fast._free
    assert d_ref.port_bound_transfers == d_fast.port_bound_transfers


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**31), st.integers(1, 16), st.booleans(), st.sampled_from([4.0, 8.0, 32.0, 128.0]))
def test_ports_in_front_of_timing_dram_match_simpy(seed, lanes, overlap, port_bpc):
    # an FPGA's AXI ports run inside the compiled loop: the timeline, the DRAM's statistics, the ports'
    # channels and the port-bound count agree with SimPy running PortLimitedDram.transfer
    trace = _random_trace(seed)
    _assert_same_ports(*_both(trace, lambda: _ported(seed, port_bpc), lanes, overlap))


def test_ports_bind_on_a_random_trace_and_still_match(monkeypatch):
    # a narrow port (4 B/cycle) under a fast DRAM: many transfers wait for it, none of them on the Python loop
    from accelsim.kernels import event_loop as ev
    trace = _random_trace(7)
    monkeypatch.setattr(ev, "event_loop_py", None)
    d_ref, d_fast = _ported(7, 4.0), _ported(7, 4.0)
    ref = engine.run(trace, d_ref, 4, systolic.array_unit(True))
    fast = engine.run_events(trace, d_fast, 4, True)
    _assert_same_ports(ref, fast, d_ref, d_fast)
    assert d_fast.port_bound_transfers > 0
    assert d_fast.port_bound_transfers <= (trace.ops["bytes"][np.isin(trace.ops["kind"], (LOAD, STORE))] > 0).sum()


def test_ports_carry_over_between_runs():
    # ports already busy (channels free later than 0) are taken as they are by the compiled loop
    trace = _random_trace(11)
    d_ref, d_fast = _ported(11, 8.0), _ported(11, 8.0)
    for d in (d_ref, d_fast):
        d.transfer(0, 0, 4000, False)
        d.transfer(0, 0, 2000, True)
    ref = engine.run(trace, d_ref, 4, systolic.array_unit(True))
    fast = engine.run_events(trace, d_fast, 4, True)
    _assert_same_ports(ref, fast, d_ref, d_fast)
