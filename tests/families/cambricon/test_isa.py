"""The ISA's assembler, disassembler and binary encoding; the interpreter's semantics on small programs.

Expected values are computed here with NumPy from the ISA table, independently of the
interpreter's code.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accelsim.errors import AccelsimError
from accelsim.families.cambricon.asm import assemble, decode, disassemble, encode, strip_lines
from accelsim.families.cambricon.isa import FUNCS, OPCODES, SCRATCHPADS, Insn, pwl
from accelsim.families.cambricon.interp import Machine, read_i16, read_i32, run, write_i16, write_i32

TRACES = Path(__file__).resolve().parents[3] / "traces"
SP = {"nbin": 4096, "sb": 8192, "nbout": 4096}


def _every_opcode_program() -> str:
    lines = ["start:"]
    for op, info in OPCODES.items():
        args = []
        for k, kind in enumerate(info.operands):
            args.append(f"r{k + 1}" if kind == "r" else ("-5" if kind == "i" else "start"))
        fn = {"acc": "acc=1", "shift": "shift=7", "func": "func=tanh"}
        extra = " ".join(fn[f] for f in info.fn if not (f == "shift" and "func" in info.fn)) if info.fn else ""
        lines.append(f"    {op} {', '.join(args)} {extra}".rstrip())
    return "\n".join(lines) + "\n"


def test_every_opcode_round_trips_through_text_and_binary():
    prog = assemble(_every_opcode_program())
    assert {i.op for i in prog.insns} == set(OPCODES)
    assert strip_lines(assemble(disassemble(prog))) == strip_lines(prog)
    assert decode(encode(prog)).insns == strip_lines(prog)
    assert len(encode(prog)) == 8 * len(prog.insns)


@st.composite
def _insns(draw):
    op = draw(st.sampled_from(sorted(OPCODES)))
    info = OPCODES[op]
    regs = tuple(draw(st.integers(0, 63)) for k in info.operands if k == "r")
    imm = draw(st.integers(-(1 << 31), (1 << 31) - 1)) if any(k == "i" for k in info.operands) else 0
    if any(k == "l" for k in info.operands):
        imm = 0    # a branch to itself keeps the target inside the program
    kw = {}
    if "acc" in info.fn:
        kw["acc"] = draw(st.integers(0, 1))
    if "shift" in info.fn:
        kw["shift"] = draw(st.integers(0, 31))
    if "func" in info.fn:
        kw["func"] = draw(st.sampled_from(FUNCS))
    return Insn(op, regs, imm, **kw)


@settings(max_examples=200, deadline=None)
@given(st.lists(_insns(), min_size=1, max_size=20))
def test_random_programs_round_trip(insns):
    from accelsim.families.cambricon.asm import Program
    prog = Program(tuple(insns))
    assert decode(encode(prog)).insns == prog.insns
    assert strip_lines(assemble(disassemble(prog))) == prog.insns


@pytest.mark.parametrize("src, needle", [
    ("    FOO r1\n", "line 1: unknown mnemonic"),
    ("\n    SADD r1, r2\n", "line 2: SADD takes 3 operand"),
    ("    SADD r1, r2, r64\n", "bad register"),
    ("    SLI r1, 0x100000000\n", "does not fit 32 bits"),
    ("    JUMP nowhere\n", "unknown label"),
    ("a:\na:\n    NOP\n", "duplicate label"),
    ("    VAV r1, r2, r3, r4 acc=1\n", "takes no 'acc'"),
    ("    VACT r1, r2, r3, r4 shift=40\n", "out of range"),
    ("    VPWL r1, r2, r3 func=cosh\n", "func=cosh unknown"),
])
def test_assembly_errors_name_the_line(src, needle):
    with pytest.raises(AccelsimError) as e:
        assemble(src, file="prog.s")
    assert needle in e.value.message and e.value.file == "prog.s"


def test_decode_rejects_bad_bytes():
    with pytest.raises(AccelsimError, match="byte 0: unknown opcode"):
        decode(bytes([0] * 7 + [0xFF]))
    with pytest.raises(AccelsimError, match="not a multiple of 8"):
        decode(bytes(12))


@pytest.mark.parametrize("name", ["lenet5.diannao.s", "lenet5.cambricon.s", "alexnet.diannao.s"])
def test_shipped_programs_are_current_and_assemble(name):
    from accelsim.api import compile_program
    model, arch, _ = name.split(".")
    text = (TRACES / name).read_text()
    assert text == compile_program(model, arch)
    prog = assemble(text)
    assert decode(encode(prog)).insns == strip_lines(prog)


# ----------------------------------------------------------------------------- interpreter semantics

def _machine(dram_bytes: int = 4096) -> Machine:
    return Machine.create(SP, np.zeros(dram_bytes, np.uint8))


def test_loop_sums_with_branches():
    m = _machine()
    run(assemble("""
    SLI r1, 0
    SLI r2, 0
    SLI r3, 10
top:
    SADD r2, r2, r1
    SADDI r1, r1, 1
    SLT r4, r1, r3
    CB r4, top
    SADDI r0, r0, 5
    HALT
"""), m)
    assert m.regs[2] == sum(range(10)) and m.regs[0] == 0


def test_strided_gather_and_segmented_mmv_with_accumulate():
    rng = np.random.default_rng(0)
    m = _machine()
    img = rng.integers(-300, 300, size=(6, 8)).astype(np.int64)      # 6 rows x 8 i16 in DRAM
    write_i16(m, 0, img.ravel())
    w = rng.integers(-200, 200, size=(5, 6)).astype(np.int64)        # 5 outputs x (2 segments x 3)
    write_i16(m, SCRATCHPADS["sb"], w.ravel())
    write_i32(m, SCRATCHPADS["nbout"], np.arange(5) * 1000)
    run(assemble("""
    SLI r1, nbin
    SLI r2, 0
    SLI r3, 6
    SLI r4, 6
    SLI r5, 16
    MLOAD r1, r2, r3, r4, r5        ; 6 rows of 3 i16 from a 16-byte pitch
    SLI r6, nbout
    SLI r7, sb
    SLI r8, nbin+6                  ; start at gathered row 1
    SLI r9, 5
    SLI r10, 6
    SLI r11, 2
    SLI r12, 12                     ; 2 segments of 3, two rows apart
    MMV r6, r7, r8, r9, r10, r11, r12 acc=1
    HALT
"""), m)
    gathered = img[:, :3]
    x = np.concatenate([gathered[1], gathered[3]])
    assert np.array_equal(read_i16(m, SCRATCHPADS["nbin"], 18), gathered.ravel())
    assert np.array_equal(read_i32(m, SCRATCHPADS["nbout"], 5), w @ x + np.arange(5) * 1000)


def test_vact_vmm_op_vaddw_vmax_and_saturation():
    m = _machine()
    a = np.array([70000, -70000, 12345, -1, 1 << 20], np.int64)
    write_i32(m, SCRATCHPADS["nbout"], a)
    v = np.array([30000, -30000, 5, -7], np.int64)
    u = np.array([10000, -10000, -6, 9], np.int64)
    write_i16(m, SCRATCHPADS["nbin"], v)
    write_i16(m, SCRATCHPADS["nbin"] + 8, u)
    mat = np.arange(8, dtype=np.int64).reshape(4, 2) - 3
    write_i16(m, SCRATCHPADS["sb"], mat.ravel())
    run(assemble("""
    SLI r1, nbout+64
    SLI r2, nbout
    SLI r3, 5
    SLI r4, 3
    VACT r1, r2, r3, r4 shift=4 func=relu
    SLI r5, nbin
    SLI r6, nbin+8
    SLI r7, nbin+16
    SLI r8, 4
    VAV r7, r5, r6, r8
    SLI r9, nbin+24
    VMAX r9, r5, r6, r8
    SLI r10, nbout+128
    SLI r11, sb
    SLI r12, 2
    VMM r10, r5, r11, r8, r12 acc=0
    SLI r13, nbout+256
    OP r13, r5, r6, r8, r8 acc=0
    SLI r14, nbout+512
    VADDW r14, r6, r8 shift=3
    VADDW r14, r6, r8 shift=3
    SLI r15, nbin+32
    VPWL r15, r5, r8 func=sigmoid
    SLI r16, nbout+768
    VMAW r16, r5, r6, r8
    VMAW r16, r5, r6, r8
    HALT
"""), m)
    def rs(x, s):
        return (x + (1 << (s - 1))) >> s
    assert np.array_equal(read_i16(m, SCRATCHPADS["nbout"] + 64, 5), np.maximum(np.clip(rs(a * 3, 4), -32768, 32767), 0))
    assert np.array_equal(read_i16(m, SCRATCHPADS["nbin"] + 16, 4), np.clip(v + u, -32768, 32767))
    assert np.array_equal(read_i16(m, SCRATCHPADS["nbin"] + 24, 4), np.maximum(v, u))
    assert np.array_equal(read_i32(m, SCRATCHPADS["nbout"] + 128, 2), v @ mat)
    assert np.array_equal(read_i32(m, SCRATCHPADS["nbout"] + 256, 16), np.outer(v, u).ravel())
    assert np.array_equal(read_i32(m, SCRATCHPADS["nbout"] + 512, 4), 2 * (u << 3))
    assert np.array_equal(read_i16(m, SCRATCHPADS["nbin"] + 32, 4), pwl(v, "sigmoid"))
    assert np.array_equal(read_i32(m, SCRATCHPADS["nbout"] + 768, 4), np.clip(2 * v * u, -2**31, 2**31 - 1))


def test_pwl_sigmoid_is_monotone_and_bounded():
    x = np.arange(-4096, 4096, 7)
    y = pwl(x, "sigmoid")
    assert np.all(np.diff(y) >= 0) and y.min() >= 0 and y.max() <= 256
    assert abs(int(pwl(np.array([0]), "sigmoid")[0]) - 128) <= 1


@pytest.mark.parametrize("src, needle", [
    ("    SLI r1, nbin+4090\n    SLI r2, 0\n    SLI r3, 16\n    VLOAD r1, r2, r3\n    HALT\n", "beyond its 4096 bytes"),
    ("    SLI r1, nbin\n    SLI r2, 4090\n    SLI r3, 16\n    VLOAD r1, r2, r3\n    HALT\n", "beyond the 4096-byte image"),
    ("    SLI r1, 0\n    SLI r2, 0\n    SLI r3, 16\n    VLOAD r1, r2, r3\n    HALT\n", "must be a scratchpad"),
    ("    NOP\n", "without HALT"),
])
def test_bad_programs_fail_with_the_pc(src, needle):
    with pytest.raises(AccelsimError) as e:
        run(assemble(src), _machine())
    assert needle in e.value.message and "pc " in e.value.message
