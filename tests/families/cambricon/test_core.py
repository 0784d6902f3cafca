"""The pipelined DianNao/Cambricon core: hand-written programs with timing derived from the preset.

Each expected figure is computed here from the preset's parameters (lanes, stages, queue
depths, branch penalty) and the instruction's operands, not read off a run.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from accelsim.families.cambricon.run import run_cambricon
from accelsim.registry import load_arch
from accelsim.families.cambricon.asm import assemble
from accelsim.families.cambricon.interp import Machine, iter_dynamic, read_i16
from accelsim.families.cambricon.interp import run as interpret
from accelsim.families.cambricon.spec import SCRATCHPADS
from accelsim.families.cambricon.core import run_core
from accelsim.sim.dram import BandwidthChannel, SimpleDram

SPEC = load_arch("diannao")


class FixedDram:
    """A DRAM that takes ``latency`` cycles for any transfer and can start one every ``gap`` cycles."""

    def __init__(self, latency: int = 100, gap: int = 10) -> None:
        self.latency, self.gap, self.free, self.calls = latency, gap, 0, []

    def transfer(self, now, addr, n_bytes, write, tag=0):
        start = max(now, self.free)
        self.free = start + self.gap
        self.calls.append((now, addr, n_bytes, write))
        return self.free, start + self.latency


def _run(src: str, dram=None, spec=SPEC):
    prog = assemble(src)
    m = Machine.create(dict(spec.scratchpad_bytes), np.zeros(1 << 16, np.uint8))
    return run_core(iter_dynamic(prog, m, functional=False), spec, [0], dram or FixedDram(), log=True)


MMV_SETUP = """
    SLI r1, nbout
    SLI r2, sb
    SLI r3, nbin
    SLI r4, {out}
    SLI r5, {inn}
    SLI r6, {seg}
    SLI r7, 64
"""


@pytest.mark.parametrize("out, inn, seg", [(16, 16, 1), (40, 100, 1), (16, 33, 11), (7, 363, 11)])
def test_mmv_occupancy_follows_the_lanes(out, inn, seg):
    src = MMV_SETUP.format(out=out, inn=inn, seg=seg) + "    MMV r1, r2, r3, r4, r5, r6, r7 acc=0\n    HALT\n"
    run = _run(src)
    (_, op, unit, issue, start, done), = [x for x in run.log if x[1] == "MMV"]
    R, C = SPEC.matrix.rows, SPEC.matrix.cols
    expect = -(-out // R) * seg * -(-(inn // seg) // C)
    assert done - start == expect + SPEC.matrix.stages
    assert run.layers[0].mults == out * inn


def test_dependent_mmv_waits_for_its_load_and_independent_one_does_not():
    src = """
    SLI r1, nbin
    SLI r2, 0
    SLI r3, 32
    VLOAD r1, r2, r3
    SLI r11, nbout
    SLI r12, sb
    SLI r14, 16
    SLI r15, 1
    MMV r11, r12, r1, r14, r14, r15, r0
    SLI r16, nbin+1024
    MMV r11, r12, r16, r14, r14, r15, r0 acc=1
    HALT
"""
    run = _run(src, FixedDram(latency=300))
    load = next(x for x in run.log if x[1] == "VLOAD")
    mmv1, mmv2 = [x for x in run.log if x[1] == "MMV"]
    assert mmv1[4] >= load[5]                       # RAW on NBin: waits for the data
    assert mmv2[4] >= mmv1[5]                       # RAW/WAW on the same NBout partial sums
    indep = src.replace("MMV r11, r12, r1, r14, r14, r15, r0\n", "MMV r11, r12, r16, r14, r14, r15, r0\n")
    indep = indep.replace("    SLI r16, nbin+1024\n", "").replace("    SLI r11, nbout\n", "    SLI r16, nbin+1024\n    SLI r11, nbout\n")
    run2 = _run(indep, FixedDram(latency=300))
    load2 = next(x for x in run2.log if x[1] == "VLOAD")
    first = [x for x in run2.log if x[1] == "MMV"][0]
    assert first[4] < load2[5]                      # reads the other NBin half: overlaps the load


def test_load_into_a_half_being_read_waits_for_the_reader():
    src = """
    SLI r11, nbout
    SLI r12, sb
    SLI r1, nbin
    SLI r14, 16
    SLI r15, 1
    SLI r20, 64
    MMV r11, r12, r1, r20, r14, r15, r0
    SLI r2, 0
    SLI r3, 32
    VLOAD r1, r2, r3
    HALT
"""
    run = _run(src, FixedDram(latency=5))
    mmv = next(x for x in run.log if x[1] == "MMV")
    load = next(x for x in run.log if x[1] == "VLOAD")
    assert load[4] >= mmv[5]                        # write-after-read on NBin


def test_full_unit_queue_stalls_issue():
    # each product goes to its own partial sums (the same destination would serialise on WAW)
    body = "".join("    MMV r11, r12, r1, r20, r20, r15, r0\n    SADDI r11, r11, 256\n" for _ in range(12))
    src = ("    SLI r11, nbout\n    SLI r12, sb\n    SLI r1, nbin\n    SLI r15, 1\n    SLI r20, 64\n" + body
           + "    HALT\n")
    run = _run(src)
    mmvs = [x for x in run.log if x[1] == "MMV"]
    q = SPEC.matrix.queue
    occ = (64 // SPEC.matrix.rows) * (64 // SPEC.matrix.cols)
    # once the queue is full, instruction k issues only when instruction k - q has started
    for k in range(q, len(mmvs)):
        assert mmvs[k][3] >= mmvs[k - q][4]
    assert mmvs[-1][4] - mmvs[0][4] == (len(mmvs) - 1) * occ   # back to back on the NFU


def test_taken_branches_cost_the_refetch_penalty():
    n = 50
    src = f"""
    SLI r1, 0
    SLI r2, {n}
loop:
    SADDI r1, r1, 1
    SLT r3, r1, r2
    CB r3, loop
    HALT
"""
    run = _run(src)
    # 2 setup + 3 per iteration + HALT, one a cycle, plus the penalty on each of the n - 1 taken branches
    assert run.end_cycle == 2 + 3 * n + 1 + (n - 1) * SPEC.branch_penalty_cycles
    assert run.steps == 2 + 3 * n + 1


def test_strided_load_is_one_transfer_per_row():
    src = """
    SLI r1, nbin
    SLI r2, 0
    SLI r3, 5
    SLI r4, 6
    SLI r5, 100
    MLOAD r1, r2, r3, r4, r5
    HALT
"""
    dram = FixedDram()
    _run(src, dram)
    assert [c[1:3] for c in dram.calls] == [(100 * i, 6) for i in range(5)]


def test_fc_layers_are_memory_bound_and_gain_from_bandwidth():
    # AlexNet's classifier streams 2 bytes of weight per MAC: more bandwidth, proportionally faster
    net = "lenet5"
    slow = run_cambricon(net, replace(SPEC, dram=replace(SPEC.dram, timing=None, bandwidth_bytes_per_s=4e9)))
    fast = run_cambricon(net, replace(SPEC, dram=replace(SPEC.dram, timing=None, bandwidth_bytes_per_s=16e9)))
    fc_slow = next(l for l in slow.result.layers if l.name == "fc1")
    fc_fast = next(l for l in fast.result.layers if l.name == "fc1")
    assert slow.bound[4] == "memory"
    assert 2.5 < fc_slow.cycles / fc_fast.cycles <= 4.0
    assert fc_slow.dram_read_bytes >= 800 * 500 * 2


def test_cambricon_alexnet_split_conv_compute_fc_memory():
    run = run_cambricon("alexnet", "cambricon")
    bound = dict(zip([l.name for l in run.result.layers], run.bound))
    assert bound["conv1"] == bound["conv2"] == "compute"
    assert bound["fc6"] == bound["fc7"] == bound["fc8"] == "memory"
    util = {l.name: l.utilization for l in run.result.layers}
    assert util["conv2"] > 20 * util["fc6"]


def test_energy_and_traffic_add_up():
    run = run_cambricon("lenet5", "diannao")
    r = run.result
    assert r.cycles == r.layers[-1].end_cycle
    assert sum(l.dram_read_bytes for l in r.layers) >= 431_080 * 2     # every weight read at least once
    assert all(l.energy_pj["mac"] > 0 for l in r.layers if l.op in ("conv2d", "linear"))
    assert run.dynamic_insns == sum(run.by_op.values())


def test_vloadz_moves_the_stored_bytes_and_guards_the_whole_decompressed_range():
    # 4096 bytes land in SB from 512 stored in DRAM; an MMV reading the end of that range waits for it
    src = """
    SLI r1, sb
    SLI r2, 0
    SLI r3, 4096
    SLI r4, 512
    VLOADZ r1, r2, r3, r4
    SLI r11, nbout
    SLI r12, sb+4064
    SLI r13, nbin
    SLI r14, 16
    SLI r15, 1
    MMV r11, r12, r13, r15, r14, r15, r0
    HALT
"""
    dram = FixedDram(latency=300)
    run = _run(src, dram)
    assert [c[2] for c in dram.calls] == [512]                       # the transfer is the stored size
    load = next(x for x in run.log if x[1] == "VLOADZ")
    mmv = next(x for x in run.log if x[1] == "MMV")
    assert load[2] == "dma_sb" and mmv[4] >= load[5]                # RAW on the last SB bytes it wrote
    t = run.layers[0]
    assert (t.dram_read, t.sp_write["sb"]) == (512, 4096)
    image = (np.arange(1 << 13) % 251).astype(np.uint8)
    m = Machine.create(dict(SPEC.scratchpad_bytes), image.copy())
    interpret(assemble(src), m, functional=True)                     # data: the decompressed image's bytes
    assert np.array_equal(read_i16(m, SCRATCHPADS["sb"], 2048), image[:4096].view("<i2"))
