"""Bank conflicts priced from the access pattern: zero when requests spread, ceil(n/ports)-1 when they pile up."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accelsim.api import lower, simulate
from accelsim.registry import load_arch
from accelsim.kernels.sram_banks import bank_conflict_rows, strided_conflict_cycles
from accelsim.trace import COMPUTE
from accelsim.workload.network import gemm_network


@pytest.mark.parametrize("banks, ports", [(4, 1), (8, 2), (16, 1)])
def test_conflict_free_and_worst_case_patterns(banks, ports):
    line = 4
    spread = np.array([[k * line for k in range(banks)]], np.int64)           # one line in every bank
    assert bank_conflict_rows(spread, line, banks, ports).tolist() == [0]
    n = 6
    same_bank = np.array([[k * banks * line for k in range(n)] + [-1]], np.int64)  # n lines, all in bank 0
    assert bank_conflict_rows(same_bank, line, banks, ports).tolist() == [-(-n // ports) - 1]
    same_line = np.array([[0, 1, 2, 3]], np.int64)                              # one line: one access
    assert bank_conflict_rows(same_line, line, banks, ports).tolist() == [0]


@pytest.mark.parametrize("n, banks, line, ports", [(32, 32, 1, 1), (32, 32, 4, 2), (7, 8, 2, 3), (64, 16, 8, 1)])
def test_strided_stream_same_bank_and_spread(n, banks, line, ports):
    # a stride of a whole number of bank rotations lands every request in one bank
    assert strided_conflict_cycles(n, banks * line, line, banks, ports) == -(-n // ports) - 1
    # a stride of one line more than that visits every bank in turn: conflicts only past `banks` requests
    assert strided_conflict_cycles(n, (banks + 1) * line, line, banks, ports) == -(-(-(-n // banks)) // ports) - 1


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 40), st.integers(1, 70), st.integers(1, 9), st.integers(1, 9), st.integers(1, 4))
def test_strided_closed_form_agrees_with_the_kernel(n, stride, line, banks, ports):
    row = (np.arange(n, dtype=np.int64) * stride)[None, :]
    assert strided_conflict_cycles(n, stride, line, banks, ports) == int(bank_conflict_rows(row, line, banks, ports)[0])


def _bank_arch(ifmap_banks: int, ports: int):
    # one-word lines everywhere; filter and ofmap banks outnumber their addresses, so only the ifmap conflicts
    over = {"array.dataflow": "os", "array.bank_conflicts": True, "dram.bandwidth": "100GB/s", "dram.latency": 0,
            "memory.ifmap.width_bits": 8, "memory.ifmap.banks": ifmap_banks, "memory.ifmap.read_ports": ports,
            "memory.filter.width_bits": 8, "memory.filter.banks": 4099,
            "memory.ofmap.width_bits": 32, "memory.ofmap.banks": 4099}
    return load_arch("systolic-32x32", over)


@pytest.mark.parametrize("ports", [1, 2, 3])
def test_a_row_stride_onto_one_bank_stalls_the_stream_by_the_derived_cycles(ports):
    """OS on a 32x32 array, one fold of an M x K by K x N GEMM (M = N = 32 rows and columns).

    Array row r reads A[r, k] = word r*K + k at cycle t = r + k (inputs enter skewed), so one
    cycle's requests are (K - 1) words apart. With K = banks + 1 and one-word lines they all
    land in one bank; with one bank more they spread. A cycle with ``a`` rows active then costs
    ``ceil(a / ports) - 1`` extra cycles, and the stream waits for all of them.
    """
    R = 32
    banks = 32
    M, K, N = R, banks + 1, 32
    net = gemm_network("strided", M, K, N)
    t = np.arange(R + K - 1)
    active = np.minimum(t + 1, R) - np.maximum(0, t - K + 1)       # rows r with 0 <= t - r < K
    expected = int(sum(-(-a // ports) - 1 for a in active))
    assert strided_conflict_cycles(R, K - 1, 1, banks, ports) == -(-R // ports) - 1
    assert strided_conflict_cycles(R, K - 1, 1, banks + 1, ports) == 0

    conflicted = simulate(net, _bank_arch(banks, ports), input_on_chip=True)
    spread = simulate(net, _bank_arch(banks + 1, ports), input_on_chip=True)
    assert spread.layers[0].stall_causes.get("bank_conflict", 0) == 0
    assert conflicted.layers[0].stall_causes["bank_conflict"] == expected
    assert conflicted.cycles - spread.cycles == expected
    assert conflicted.compute_cycles == spread.compute_cycles   # conflicts are stalls, not compute
    trace = lower(net, _bank_arch(banks, ports), input_on_chip=True)
    assert dict(trace.layers[0].counts)["bank_conflict_cycles"] == expected
    assert (trace.ops["kind"] == COMPUTE).sum() == 1


def test_more_banks_never_cost_more_and_conflicts_are_stalls():
    base = {"array.bank_conflicts": True}
    runs = []
    for banks in (1, 4, 32):
        arch = load_arch("systolic-32x32", {**base, **{f"memory.{b}.banks": banks for b in ("ifmap", "filter", "ofmap")}})
        runs.append(simulate("lenet5", arch))
    cycles = [r.cycles for r in runs]
    conflict = [sum(l.stall_causes.get("bank_conflict", 0) for l in r.layers) for r in runs]
    assert cycles[0] >= cycles[1] >= cycles[2] and cycles[0] > cycles[2]
    assert conflict[0] >= conflict[1] >= conflict[2] and conflict[0] > conflict[2]
    assert len({r.compute_cycles for r in runs}) == 1
    for r in runs:
        for l in r.layers:
            assert sum(l.stall_causes.values()) == l.stall_cycles


def test_batch_scales_the_conflicts():
    arch = load_arch("systolic-32x32", {"array.bank_conflicts": True})
    one, four = (dict(lower("lenet5", arch, batch=b).layers[0].counts) for b in (1, 4))
    assert one and {k: 4 * v for k, v in one.items()} == four


def test_off_by_default():
    assert not load_arch("tpu-v1").array.bank_conflicts
    assert not load_arch("systolic-32x32").array.bank_conflicts
    r = simulate("lenet5", "systolic-32x32")
    assert all("bank_conflict" not in l.stall_causes for l in r.layers)
    assert math.isfinite(r.total_energy_pj)


def test_conflicts_travel_with_the_trace_text(tmp_path):
    from accelsim.api import run_trace
    from accelsim.trace import read_text, write_text
    arch = load_arch("systolic-32x32", {"array.bank_conflicts": True, "memory.ifmap.banks": 2})
    trace = lower("lenet5", arch)
    write_text(trace, tmp_path / "t.trace")
    again = read_text(tmp_path / "t.trace")
    assert again == trace
    assert run_trace(again, arch).cycles == simulate("lenet5", arch).cycles


def test_a_fifo_has_no_bank_conflicts():
    """One fold's preload reads a row of C weights K words apart (filters stored one after another):
    from a one-bank scratchpad that is C distinct lines a cycle; from a FIFO, one entry in order."""
    from accelsim.families.systolic.bank_conflicts import layer_conflict_cycles
    from accelsim.workload.network import build_network
    R = C = 32
    net = build_network("fc", (R, 1, 1), [{"name": "fc", "op": "linear", "out": C}], source="synthetic")
    base = {"array.bank_conflicts": True, "memory.filter.width_bits": 8, "memory.ifmap.banks": 64,
            "memory.ofmap.banks": 64}
    scratch = load_arch("systolic-32x32", {**base, "memory.filter.kind": "double"})
    queue = load_arch("systolic-32x32", {**base, "memory.filter.kind": "fifo"})
    pre, _ = layer_conflict_cycles(net.layers[0], scratch)
    assert pre == R * (C - 1)            # R preload rows, each C lines in the one bank
    assert layer_conflict_cycles(net.layers[0], queue) == (0, 0)
    assert load_arch("tpu-v1").filter.kind == "fifo"
    assert simulate(net, scratch).cycles - simulate(net, queue).cycles == pre
