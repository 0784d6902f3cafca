"""Buffer kinds: single, double (ping-pong) and FIFO weight buffers change cycles by what the schedule says.

A weight-streaming GEMM on the 32x32 array at 1 byte/cycle of DRAM: eight 1 KiB weight tiles,
each taking 1024 cycles to load and a fold far shorter to compute. With a double buffer or a
FIFO the next tile loads while the current fold runs; with a single buffer each load waits for
the previous fold to finish, so the run grows by exactly (tiles - 1) fold durations.
"""

from __future__ import annotations

import pytest

from accelsim.api import lower, simulate
from accelsim.registry import load_arch
from accelsim.errors import AccelsimError
from accelsim.trace import COMPUTE
from accelsim.workload.network import gemm_network

NET = gemm_network("weights", 64, 32 * 8, 32)


def _arch(kind: str, depth: int = 0):
    over = {"memory.filter.kind": kind, "dram.bandwidth": "1GB/s", "dram.latency": 0}
    if depth:
        over["memory.filter.depth"] = depth
    return load_arch("systolic-32x32", over)


def test_single_buffer_serialises_load_and_fold_by_one_fold_per_tile():
    single = simulate(NET, _arch("single"), input_on_chip=True)
    double = simulate(NET, _arch("double"), input_on_chip=True)
    folds = lower(NET, _arch("double"), input_on_chip=True).ops
    folds = folds[folds["kind"] == COMPUTE]
    fold_cycles = {int(f["preload"] + f["stream"] * f["div"] + f["drain"]) for f in folds}
    assert len(fold_cycles) == 1 and len(folds) == 8
    assert single.cycles - double.cycles == (len(folds) - 1) * fold_cycles.pop()


def test_fifo_is_at_least_as_fast_as_double_and_depth_is_validated():
    double = simulate(NET, _arch("double"), input_on_chip=True).cycles
    assert simulate(NET, _arch("fifo", 4), input_on_chip=True).cycles <= double
    with pytest.raises(AccelsimError) as e:
        load_arch("systolic-32x32", {"memory.filter.kind": "double", "memory.filter.depth": 4})
    assert e.value.field == "memory.filter.depth"
    with pytest.raises(AccelsimError) as e:
        load_arch("systolic-32x32", {"memory.filter.kind": "triple"})
    assert e.value.field == "memory.filter.kind"


def test_tpu_weight_fifo_is_four_tiles_deep():
    tpu = load_arch("tpu-v1")
    assert tpu.filter.kind == "fifo" and tpu.filter.slots(64 * 1024, "double") == 4


def test_buffer_leakage_is_charged_for_the_run_and_only_when_given():
    from accelsim.registry import load_arch
    plain = simulate("lenet5", "systolic-32x32")
    assert "leakage" not in plain.energy_pj
    arch = load_arch("systolic-32x32", {"memory.ifmap.leakage_mw": 2.0, "memory.ofmap.leakage_mw": 1.0})
    r = simulate("lenet5", arch)
    assert r.energy_pj["leakage"] == pytest.approx(3.0e-3 * r.cycles / arch.clock_hz * 1e12)
    with pytest.raises(AccelsimError):
        load_arch("systolic-32x32", {"memory.ifmap.leakage_mw": -1})


def _wide(kind: str, depth: int = 0):
    # room for four 8-bit 32x32 tiles, i.e. two 16-bit ones
    over = {"memory.filter.kind": kind, "memory.filter.capacity": 4 * 32 * 32, "dram.bandwidth": "1GB/s",
            "dram.latency": 0}
    if depth:
        over["memory.filter.depth"] = depth
    return load_arch("systolic-32x32", over)


def test_a_fifo_holds_no_more_wide_tiles_than_fit():
    from accelsim.workload.network import build_network
    wide = build_network("wide", (32 * 8, 64, 1), [{"name": "fc0", "op": "gemm", "m": 64, "k": 32 * 8, "n": 32,
                                                    "weight_bits": 16}], source="synthetic")
    for net, held in ((wide, 2), (NET, 4)):
        # tile j's load waits for the fold that used the tile `held` places before it
        tr = lower(net, _wide("fifo", 4), input_on_chip=True)
        loads = [i for i in range(len(tr)) if tr.units[tr.ops["unit"][i]] == "dma_weights"]
        folds = [i for i in range(len(tr)) if tr.ops["kind"][i] == COMPUTE]
        assert len(loads) == len(folds) == 8
        assert [folds.index(d) for j in loads[held:] for d in tr.deps_of(j)] == list(range(len(loads) - held))
    fifo4 = simulate(wide, _wide("fifo", 4), input_on_chip=True).cycles
    assert fifo4 == simulate(wide, _wide("double"), input_on_chip=True).cycles
    assert fifo4 < simulate(wide, _wide("single"), input_on_chip=True).cycles
    # 8-bit weights: the same FIFO really holds four tiles
    assert simulate(NET, _wide("fifo", 4), input_on_chip=True).cycles <= \
        simulate(NET, _wide("double"), input_on_chip=True).cycles
    with pytest.raises(AccelsimError) as e:
        simulate(wide, load_arch("systolic-32x32", {"memory.filter.capacity": 32 * 32}), input_on_chip=True)
    assert e.value.field == "memory.filter.capacity" and f"({32 * 32 * 2} B)" in str(e.value)
