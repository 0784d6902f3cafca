"""The compiled core (fastcore + kernels.cambricon_core) against the Python core (core.run_core over
interp.iter_dynamic), instruction for instruction: the (pc, op, unit, issue, start, done) of every
non-scalar instruction, every layer's tallies, the DRAM model's statistics and bandwidth series, and
the whole Result, on zoo models and on random programs."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accelsim import report
from accelsim.errors import AccelsimError
from accelsim.families.cambricon.asm import Program, assemble
from accelsim.families.cambricon.core import run_core
from accelsim.families.cambricon.fastcore import pack_program, run_core_compiled
from accelsim.families.cambricon.interp import Machine, iter_dynamic
from accelsim.families.cambricon.isa import Insn
from accelsim.families.cambricon.run import run_cambricon
from accelsim.families.cambricon.spec import SCRATCHPADS
from accelsim.kernels import cambricon_layout as K
from accelsim.kernels.cambricon_ref import N_REGS_OF, random_program
from accelsim.registry import load_arch
from accelsim.sim.bandwidth import series_of
from accelsim.sim.dram_run import dram_for_run

# the quick zoo models (the Python core runs them in seconds); every model on every preset was
# compared once, JSON for JSON, before the switch (see the commit adding this file)
ZOO = ["lenet5", "tpu_mlp1", "tpu_mlp0", "tpu_lstm1", "alexnet_fc"]


def _specs():
    dn = load_arch("diannao")
    channel = dataclasses.replace(dn, name="diannao-channel", dram=dataclasses.replace(dn.dram, timing=None))
    return {"diannao": dn, "cambricon": load_arch("cambricon"), "channel": channel}


SPECS = _specs()


def _tallies(run):
    out = []
    for t in run.layers:
        d = dataclasses.asdict(t)
        d["busy"] = {k: v for k, v in t.busy.items() if v}     # a unit busy 0 cycles may be absent
        d["orders"] = (list(t.by_op), list(t.sp_read), list(t.sp_write))
        out.append(d)
    return out


def _both(program, spec, starts, free_control=False):
    """(compiled run, its DRAM, Python run, its DRAM) of ``program`` on ``spec``."""
    d_fast, d_ref = dram_for_run(spec.dram, spec.clock_hz), dram_for_run(spec.dram, spec.clock_hz)
    fast = run_core_compiled(pack_program(program), spec, starts, d_fast, log=True, free_control=free_control)
    machine = Machine.create(dict(spec.scratchpad_bytes), np.zeros(0, np.uint8))
    ref = run_core(iter_dynamic(program, machine, functional=False), spec, starts, d_ref, log=True,
                   free_control=free_control)
    return fast, d_fast, ref, d_ref


def _assert_same(fast, d_fast, ref, d_ref):
    assert fast.log == ref.log                       # issue, start and done of every instruction
    assert (fast.end_cycle, fast.steps) == (ref.end_cycle, ref.steps)
    assert _tallies(fast) == _tallies(ref)
    if hasattr(d_ref, "stats"):
        assert d_fast.stats(fast.end_cycle) == d_ref.stats(ref.end_cycle)
    else:
        assert (d_fast.bus_free, d_fast.busy_cycles) == (d_ref.bus_free, d_ref.busy_cycles)
    assert series_of(d_fast) == series_of(d_ref)


@pytest.mark.parametrize("arch", ["diannao", "cambricon"])
@pytest.mark.parametrize("model", ZOO)
def test_zoo_model_same_as_python_core(model, arch):
    fast = run_cambricon(model, arch, log=True)
    ref = run_cambricon(model, arch, log=True, reference=True)
    assert fast.log == ref.log and len(fast.log) > 0
    assert report.to_json(fast.result) == report.to_json(ref.result)
    assert list(fast.by_op.items()) == list(ref.by_op.items())
    assert (fast.dynamic_insns, fast.bound) == (ref.dynamic_insns, ref.bound)


@pytest.mark.parametrize("spec", ["channel", "cambricon"])
def test_zoo_model_free_control_and_channel(spec):
    net = "lenet5"
    for free in (False, True):
        fast = run_cambricon(net, SPECS[spec], log=True, free_control=free)
        ref = run_cambricon(net, SPECS[spec], log=True, free_control=free, reference=True)
        assert fast.log == ref.log
        assert report.to_json(fast.result) == report.to_json(ref.result)


def _program(arrays) -> Program:
    op, regs, imm, acc, _ = arrays
    return Program(tuple(Insn(K.OPS[o], tuple(int(r) for r in regs[i, :N_REGS_OF[o]]), int(imm[i]), int(acc[i]))
                         for i, o in enumerate(op.tolist())), name="random")


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**31), st.sampled_from(sorted(SPECS)), st.booleans())
def test_random_programs_same_as_python_core(seed, spec_name, free_control):
    rng = np.random.default_rng(seed)
    bases = [SCRATCHPADS[k] for k in K.SPACES[1:]]
    arrays = random_program(rng, bases)
    fast, d_fast, ref, d_ref = _both(_program(arrays), SPECS[spec_name], arrays[4], free_control)
    _assert_same(fast, d_fast, ref, d_ref)


def test_a_program_that_runs_off_its_end_is_an_error_in_both():
    program = assemble("SLI r1, 3\nJUMP skip\nskip:\nSADDI r1, r1, -1\n", file="off.s")
    for reference in (False, True):
        with pytest.raises(AccelsimError, match="ran off the program"):
            if reference:
                list(iter_dynamic(program, Machine.create({}), functional=False))
            else:
                run_core_compiled(pack_program(program), SPECS["diannao"], [0],
                                  dram_for_run(SPECS["diannao"].dram, SPECS["diannao"].clock_hz))


def test_stream_dram_path_is_left_to_the_python_core():
    spec = SPECS["diannao"]
    stream = dataclasses.replace(spec, dram=dataclasses.replace(spec.dram, path="stream"))
    program = assemble("HALT\n")
    assert run_core_compiled(pack_program(program), stream, [0], dram_for_run(stream.dram, stream.clock_hz)) is None
    fast = run_cambricon("lenet5", stream)
    assert report.to_json(fast.result) == report.to_json(run_cambricon("lenet5", stream, reference=True).result)


@pytest.mark.parametrize("stride", [128, 8192, 8192 * 8])
@pytest.mark.parametrize("rows", [1, 5, 17, 40])
def test_strided_transfers_in_one_dram_row_and_across_rows(rows, stride):
    # strided loads (a pooling window's column, a tile's rows): all in one DRAM row of one bank
    # (stride 128, up to the queue of 32), across banks (8 KiB) or rows of one bank (64 KiB), then stored
    # back strided, each over and over so refreshes and row conflicts fall among them
    body = "\n".join(f"SADDI r1, r1, {rows * 2}\nSADDI r2, r2, 64\nMLOAD r1, r2, r3, r4, r5\n"
                     f"MSTORE r6, r1, r3, r4, r5\nSADDI r6, r6, 4096" for _ in range(12))
    text = (f"SLI r1, nbin\nSLI r2, 64\nSLI r3, {rows}\nSLI r4, 2\nSLI r5, {stride}\nSLI r6, 0x100000\n"
            f"SLI r7, 0\nloop:\n{body}\nSADDI r7, r7, 1\nSLI r8, 60\nSLT r9, r7, r8\nCB r9, loop\nHALT\n")
    fast, d_fast, ref, d_ref = _both(assemble(text, file="strided.s"), SPECS["diannao"], [0])
    _assert_same(fast, d_fast, ref, d_ref)
    st = d_ref.stats(ref.end_cycle)
    assert st.refreshes > 0 and (st.row_hits > 0 or stride > 128)


@pytest.mark.parametrize("model, arch", [("lenet5", "diannao"), ("resnet50", "diannao"), ("alexnet", "cambricon")])
def test_text_packed_directly_is_the_assembled_program_packed(model, arch):
    from accelsim.families.cambricon.fastcore import pack_text
    from accelsim.families.cambricon.run import compile_program
    from accelsim.workload import load_model
    text = compile_program(load_model(model), load_arch(arch)).text
    program = assemble(text, file="x.s")
    packed, labels = pack_text(text, file="x.s")
    want = pack_program(program)
    for got, ref in zip((packed.op, packed.regs, packed.imm, packed.acc), (want.op, want.regs, want.imm, want.acc)):
        assert got.dtype == ref.dtype and got.shape == ref.shape and (got == ref).all()
    assert labels == dict(program.labels) and len(labels) > 0


@pytest.mark.parametrize("text, message", [("SLI r1, 1\nSLI r99, 1\nSLI r99, 1\n", "line 2: bad register"),
                                           ("top:\nJUMP nowhere\n", "line 2: unknown label"),
                                           ("a:\na:\nHALT\n", "line 2: duplicate label"),
                                           ("SLI r1, 1\nMMV r1, r2\n", "line 2: MMV takes")])
def test_text_packed_directly_fails_as_the_assembler_does(text, message):
    from accelsim.families.cambricon.fastcore import pack_text
    for f in (assemble, pack_text):
        with pytest.raises(AccelsimError, match=message) as err:
            f(text, file="bad.s")
        assert "bad.s" in str(err.value)
