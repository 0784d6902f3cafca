"""The accelsim Cambricon-style ISA: instructions, operands, encoding fields and semantics.

A load-store ISA in the manner of Cambricon (Liu et al., ISCA 2016) for a DianNao-style
neural functional unit (Chen et al., ASPLOS 2014). Scalar registers hold addresses, sizes and
loop counters; data lives in scratchpads, never in vector registers.

Machine state
-------------
* 64 scalar registers ``r0``..``r63`` of 32 bits (two's complement); ``r0`` always reads 0 and
  writes to it are dropped.
* A byte-addressed 32-bit address space. DRAM is ``[0, SP_BASE)``; three scratchpads sit at
  fixed bases (:data:`SCRATCHPADS`): ``nbin`` (input neurons), ``sb`` (synapses: weights) and
  ``nbout`` (output neurons and partial sums). Their sizes come from the arch preset; an
  access outside a scratchpad's size, or straddling two spaces, is an error.
* Data types: neurons and synapses are 16-bit signed fixed point (``i16``, little endian);
  partial sums are 32-bit signed (``i32``). Each instruction fixes the types it reads and writes
  (table below); the fixed-point position is the program's business (shifts in ``VACT``,
  ``VMV`` and ``VADDW``).
* Arithmetic: ``sat16`` clamps to [-32768, 32767]; ``sat32`` to the i32 range; ``rshift(x, s)``
  is a rounding arithmetic right shift, ``(x + (1 << (s - 1))) >> s`` for ``s > 0`` (round half
  up), ``x`` for ``s == 0``. Products of two i16 are exact in i32; sums of products accumulate in
  i64 and saturate to i32 once, when written.

Encoding (64 bits, little endian in a binary file)
--------------------------------------------------
``R`` format: ``op[63:56] | f0[55:50] f1[49:44] ... f7[13:8] | fn[7:0]``: up to eight 6-bit
register fields and an 8-bit function field. ``I`` format: ``op[63:56] | f0[55:50] f1[49:44] |
imm[43:12] | 0[11:0]``: two register fields and a 32-bit signed immediate. Unused fields are 0.
The ``fn`` byte holds, per instruction: ``acc`` (bit 0) for the matrix ops; ``shift`` (bits 4:0)
and ``func`` (bits 7:5) for ``VACT``; ``shift`` (bits 4:0) for ``VMV`` and ``VADDW``; ``func``
for ``VPWL``.

Assembly
--------
One instruction per line: ``MNEMONIC operand, operand, ...`` with registers as ``rN``,
immediates as decimal or ``0x`` hex (optionally ``nbin+0x40``-style scratchpad symbols),
named fn fields as ``key=value`` (``acc=1``, ``shift=8``, ``func=relu``), labels as
``name:`` on their own line or before an instruction, and comments from ``;`` or ``#``.
Branch targets are labels; the encoded immediate is the offset in instructions from the
branch itself.

Instruction table
-----------------
(``len`` counts elements unless it says bytes; ``[a]`` is the memory at address ``a``.)

| mnemonic | fmt | operands | unit | semantics |
|---|---|---|---|---|
| NOP | R | | scalar | nothing |
| HALT | R | | scalar | stop; the program ends when every unit is idle |
| SLI | I | rd, imm | scalar | rd = imm |
| SADDI | I | rd, ra, imm | scalar | rd = ra + imm (wraps at 32 bits) |
| SADD / SSUB / SMUL | R | rd, ra, rb | scalar | rd = ra +/-/* rb (wraps) |
| SLT | R | rd, ra, rb | scalar | rd = 1 if ra < rb (signed) else 0 |
| JUMP | I | label | scalar | pc += imm |
| CB | I | ra, label | scalar | if ra != 0: pc += imm |
| VLOAD | R | rd, rs, rn | dma | copy rn bytes DRAM [rs] -> scratchpad [rd] |
| VSTORE | R | rd, rs, rn | dma | copy rn bytes scratchpad [rs] -> DRAM [rd] |
| MLOAD | R | rd, rs, rrows, rbytes, rstride | dma | rrows rows of rbytes bytes from DRAM [rs + i*rstride], packed at [rd + i*rbytes] |
| MSTORE | R | rd, rs, rrows, rbytes, rstride | dma | rrows rows of rbytes bytes from [rs + i*rbytes] to DRAM [rd + i*rstride] |
| VLOADZ | R | rd, rs, rn, rz | dma | fill rn bytes of scratchpad [rd] from a block stored compressed in rz bytes at DRAM [rs]: the DMA moves rz bytes and its decompressor writes rn (see below) |
| VMOVE | R | rd, rs, rn | vector | copy rn bytes scratchpad -> scratchpad |
| VCLR | R | rd, rn | vector | zero rn bytes of scratchpad |
| MMV | R | rd, rm, rv, rout, rin, rseg, rstride; acc | matrix | y[i] = sum_j M[i, j] x[j], i < rout, j < rin; M i16 row-major at rm; x i16 gathered as rseg segments of rin/rseg elements, segment s at rv + s*rstride bytes; y i32 at rd, written (acc=0) or added (acc=1) |
| VMM | R | rd, rv, rm, rin, rout; acc | matrix | y[j] = sum_i x[i] M[i, j]; x i16 at rv, M i16 row-major (rin x rout) at rm; y i32 at rd |
| OP | R | rd, ra, rb, rla, rlb; acc | matrix | Y[i, j] = a[i] b[j] (i16 x i16), Y i32 row-major (rla x rlb) at rd |
| VAV / VSV | R | rd, ra, rb, rn | vector | d = sat16(a +/- b), i16 |
| VMV | R | rd, ra, rb, rn; shift | vector | d = sat16(rshift(a * b, shift)), i16 |
| VAS | R | rd, ra, rs, rn | vector | d = sat16(a + rs), i16 (rs a scalar register) |
| VMAX | R | rd, ra, rb, rn | vector | d = max(a, b), i16 |
| VGT | R | rd, ra, rb, rn | vector | d = 1 if a > b else 0, i16 |
| VADDW | R | rd, ra, rn; shift | vector | d = sat32(d + (a << shift)); a i16, d i32 (widening accumulate) |
| VACT | R | rd, ra, rn, rmul; shift, func | vector | d = f(sat16(rshift(a * rmul, shift))); a i32, d i16; f in :data:`FUNCS` |
| VPWL | R | rd, ra, rn; func | vector | d = f(a), i16 -> i16, f a piecewise-linear transcendental (:data:`FUNCS`, Q8.8) |
| VMAW | R | rd, ra, rb, rn | vector | d = sat32(d + a * b) elementwise; a, b i16, d i32 (depthwise convolution) |

``VLOADZ`` is how a program loads weights kept in DRAM in a sparse format (CSR, CSC, bitmap,
relative indices): the transfer costs the ``rz`` stored bytes, the scratchpad receives the ``rn``
decompressed ones. The format is lossless, so accelsim's DRAM image holds the block's
decompressed bytes at ``rs`` and the data semantics are those of ``VLOAD rd, rs, rn``.

``f`` for ``VACT``/``VPWL``: ``none`` (identity), ``relu`` (max(x, 0)), ``relu6`` (clamp to
[0, 6.0] in Q8.8), ``leaky`` (``rshift(x * 26, 8)`` below zero), and the piecewise-linear
approximations ``sigmoid``, ``tanh`` and ``exp`` of :func:`pwl` on Q8.8 values (DianNao's NFU-3
interpolates a 16-segment table the same way).
"""

from __future__ import annotations

from dataclasses import dataclass

from accelsim.families.cambricon.spec import SCRATCHPADS, SP_BASE, SP_SPAN  # noqa: F401  (the address map)

N_REGS = 64
INSN_BYTES = 8

FUNCS = ("none", "relu", "sigmoid", "tanh", "exp", "relu6", "leaky")
PWL_FRAC_BITS = 8        # VPWL and VACT's transcendental functions take and give Q8.8
LEAKY_SLOPE_Q8 = 26      # leaky ReLU's negative slope in Q0.8


@dataclass(frozen=True)
class OpInfo:
    """One opcode: its number, format, operand kinds, the unit that executes it, fn keys."""

    code: int
    fmt: str                      # "R" or "I"
    operands: tuple[str, ...]     # "r" register, "i" immediate, "l" label (I format)
    unit: str                     # scalar | dma | matrix | vector
    fn: tuple[str, ...] = ()      # named fields of the fn byte this op uses


OPCODES: dict[str, OpInfo] = {
    "NOP": OpInfo(0x00, "R", (), "scalar"),
    "HALT": OpInfo(0x01, "R", (), "scalar"),
    "SLI": OpInfo(0x02, "I", ("r", "i"), "scalar"),
    "SADDI": OpInfo(0x03, "I", ("r", "r", "i"), "scalar"),
    "SADD": OpInfo(0x04, "R", ("r", "r", "r"), "scalar"),
    "SSUB": OpInfo(0x05, "R", ("r", "r", "r"), "scalar"),
    "SMUL": OpInfo(0x06, "R", ("r", "r", "r"), "scalar"),
    "SLT": OpInfo(0x07, "R", ("r", "r", "r"), "scalar"),
    "JUMP": OpInfo(0x08, "I", ("l",), "scalar"),
    "CB": OpInfo(0x09, "I", ("r", "l"), "scalar"),
    "VLOAD": OpInfo(0x10, "R", ("r", "r", "r"), "dma"),
    "VSTORE": OpInfo(0x11, "R", ("r", "r", "r"), "dma"),
    "MLOAD": OpInfo(0x12, "R", ("r", "r", "r", "r", "r"), "dma"),
    "MSTORE": OpInfo(0x13, "R", ("r", "r", "r", "r", "r"), "dma"),
    "VLOADZ": OpInfo(0x14, "R", ("r", "r", "r", "r"), "dma"),
    "MMV": OpInfo(0x20, "R", ("r",) * 7, "matrix", ("acc",)),
    "VMM": OpInfo(0x21, "R", ("r",) * 5, "matrix", ("acc",)),
    "OP": OpInfo(0x22, "R", ("r",) * 5, "matrix", ("acc",)),
    "VMOVE": OpInfo(0x30, "R", ("r", "r", "r"), "vector"),
    "VCLR": OpInfo(0x31, "R", ("r", "r"), "vector"),
    "VAV": OpInfo(0x32, "R", ("r",) * 4, "vector"),
    "VSV": OpInfo(0x33, "R", ("r",) * 4, "vector"),
    "VMV": OpInfo(0x34, "R", ("r",) * 4, "vector", ("shift",)),
    "VAS": OpInfo(0x35, "R", ("r",) * 4, "vector"),
    "VMAX": OpInfo(0x36, "R", ("r",) * 4, "vector"),
    "VGT": OpInfo(0x37, "R", ("r",) * 4, "vector"),
    "VADDW": OpInfo(0x38, "R", ("r",) * 3, "vector", ("shift",)),
    "VACT": OpInfo(0x39, "R", ("r",) * 4, "vector", ("shift", "func")),
    "VPWL": OpInfo(0x3A, "R", ("r",) * 3, "vector", ("func",)),
    "VMAW": OpInfo(0x3B, "R", ("r",) * 4, "vector"),
}
BY_CODE = {info.code: name for name, info in OPCODES.items()}


@dataclass(frozen=True, slots=True)   # no per-instruction __dict__: a program holds tens of thousands
class Insn:
    """One decoded instruction: mnemonic, register numbers, immediate and fn fields.

    ``regs`` are the register operands in table order; ``imm`` the I-format immediate (for a
    branch, the offset in instructions from this one); ``fn`` the named fn-byte fields, all
    present with 0 (or ``func="none"``) as default; ``line`` the source line (0 if none).
    """

    op: str
    regs: tuple[int, ...] = ()
    imm: int = 0
    acc: int = 0
    shift: int = 0
    func: str = "none"
    line: int = 0

    @property
    def info(self) -> OpInfo:
        return OPCODES[self.op]


def fn_byte(insn: Insn) -> int:
    """The 8-bit fn field of an R-format instruction."""
    keys = insn.info.fn
    if "acc" in keys:
        return insn.acc & 1
    b = insn.shift & 0x1F if "shift" in keys else 0
    if "func" in keys:
        b |= FUNCS.index(insn.func) << 5
    return b


# ----------------------------------------------------------------------------- arithmetic

I16_MIN, I16_MAX = -(1 << 15), (1 << 15) - 1
I32_MIN, I32_MAX = -(1 << 31), (1 << 31) - 1

#: breakpoints (Q8.8) and the function each piecewise-linear unit approximates
PWL_SEGMENTS = 16
PWL_RANGE = {"sigmoid": (-8.0, 8.0), "tanh": (-4.0, 4.0), "exp": (-8.0, 0.0)}


def sat16(x):
    """Clamp integers (NumPy array or int) to the i16 range."""
    import numpy as np
    return np.clip(x, I16_MIN, I16_MAX)


def sat32(x):
    """Clamp integers (NumPy array or int) to the i32 range."""
    import numpy as np
    return np.clip(x, I32_MIN, I32_MAX)


def rshift(x, s: int):
    """Rounding arithmetic right shift by ``s`` bits (round half up); ``x`` int64 array or int."""
    return x if s == 0 else (x + (1 << (s - 1))) >> s


def _pwl_table(func: str) -> tuple[int, int, list[int]]:
    """``(x0, step, ys)`` in Q8.8 integers: breakpoints ``x0 + k*step`` and the rounded values there."""
    import math
    lo, hi = PWL_RANGE[func]
    one = 1 << PWL_FRAC_BITS
    step = round((hi - lo) * one) // PWL_SEGMENTS
    x0 = round(lo * one)
    f = {"sigmoid": lambda v: 1 / (1 + math.exp(-v)), "tanh": math.tanh, "exp": math.exp}[func]
    ys = [math.floor(f((x0 + k * step) / one) * one + 0.5) for k in range(PWL_SEGMENTS + 1)]
    return x0, step, ys


def pwl(x, func: str):
    """Apply ``func`` (one of :data:`FUNCS`) to Q8.8 values ``x`` (int64 array): exact integer maths.

    ``none`` and ``relu`` are exact; ``sigmoid``/``tanh``/``exp`` interpolate linearly between
    the rounded values at 17 equally spaced Q8.8 breakpoints over :data:`PWL_RANGE`, clamping
    ``x`` to that range; the interpolation rounds half up (floor division of a positive
    denominator). The result is clamped to i16.
    """
    import numpy as np
    x = np.asarray(x, dtype=np.int64)
    if func == "none":
        return x
    if func == "relu":
        return np.maximum(x, 0)
    if func == "relu6":
        return np.clip(x, 0, 6 << PWL_FRAC_BITS)
    if func == "leaky":  # slope 26/256 = 0.1016 below zero (PyTorch's 0.1 in Q8.8)
        return np.where(x < 0, rshift(x * LEAKY_SLOPE_Q8, PWL_FRAC_BITS), x)
    x0, step, ys = _pwl_table(func)
    xc = np.clip(x, x0, x0 + PWL_SEGMENTS * step)
    k = np.minimum((xc - x0) // step, PWL_SEGMENTS - 1)
    y = np.asarray(ys, dtype=np.int64)
    dx = xc - (x0 + k * step)
    out = y[k] + ((y[k + 1] - y[k]) * dx + step // 2) // step
    return sat16(out)
