"""The ISA's functional model: executes a Program on registers, scratchpads and a DRAM image.

``iter_dynamic`` yields every executed instruction with the register values it read, in
order; with ``functional=False`` it follows control flow only (scalar registers and branches),
which is all a timing model needs, and runs several times faster. The arithmetic is exactly
the table of :mod:`accelsim.families.cambricon.isa` (i16 neurons and synapses, i32 partial sums,
saturation and rounding shifts from that module).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from accelsim.errors import AccelsimError
from accelsim.families.cambricon.isa import N_REGS, SCRATCHPADS, SP_BASE, SP_SPAN, pwl, rshift, sat16, sat32

MASK = 0xFFFF_FFFF


@dataclass
class Machine:
    """Engine state: 64 registers (unsigned 32-bit ints), scratchpads and DRAM as byte arrays."""

    regs: list[int]
    dram: np.ndarray
    sp: dict[str, np.ndarray]
    pc: int = 0
    steps: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def create(cls, sp_bytes: dict[str, int], dram: np.ndarray | None = None) -> "Machine":
        """Zeroed registers and scratchpads of ``sp_bytes``; ``dram`` the DRAM image (uint8)."""
        return cls([0] * N_REGS, np.zeros(0, np.uint8) if dram is None else dram,
                   {k: np.zeros(v, np.uint8) for k, v in sp_bytes.items()})


def _signed(x: int) -> int:
    return x - (1 << 32) if x & 0x8000_0000 else x


def _where(m: Machine, addr: int, n: int) -> tuple[np.ndarray, int, str]:
    """(buffer, offset, space name) of ``n`` bytes at ``addr``; AccelsimError if out of bounds."""
    if addr < SP_BASE:
        if addr + n > len(m.dram):
            raise ValueError(f"DRAM range {addr:#x}+{n} beyond the {len(m.dram)}-byte image")
        return m.dram, addr, "dram"
    base = SP_BASE + ((addr - SP_BASE) // SP_SPAN) * SP_SPAN
    name = next((k for k, v in SCRATCHPADS.items() if v == base), None)
    if name is None or name not in m.sp:
        raise ValueError(f"address {addr:#x} is in no scratchpad")
    off = addr - base
    if off + n > len(m.sp[name]):
        raise ValueError(f"{name} range {off:#x}+{n} beyond its {len(m.sp[name])} bytes")
    return m.sp[name], off, name


def read_i16(m: Machine, addr: int, n: int) -> np.ndarray:
    """``n`` i16 values at ``addr`` as int64."""
    buf, off, _ = _where(m, addr, 2 * n)
    return buf[off:off + 2 * n].view("<i2").astype(np.int64)


def read_i32(m: Machine, addr: int, n: int) -> np.ndarray:
    """``n`` i32 values at ``addr`` as int64."""
    buf, off, _ = _where(m, addr, 4 * n)
    return buf[off:off + 4 * n].view("<i4").astype(np.int64)


def write_i16(m: Machine, addr: int, values: np.ndarray) -> None:
    """Store ``values`` (already in the i16 range) at ``addr``."""
    data = np.asarray(values, np.int64).astype("<i2").view(np.uint8)
    buf, off, _ = _where(m, addr, len(data))
    buf[off:off + len(data)] = data


def write_i32(m: Machine, addr: int, values: np.ndarray) -> None:
    """Store ``values`` (already in the i32 range) at ``addr``."""
    data = np.asarray(values, np.int64).astype("<i4").view(np.uint8)
    buf, off, _ = _where(m, addr, len(data))
    buf[off:off + len(data)] = data


def _copy(m: Machine, dst: int, src: int, n: int, dst_sp: bool | None, src_sp: bool | None) -> None:
    bd, od, sd = _where(m, dst, n)
    bs, os_, ss = _where(m, src, n)
    if dst_sp is not None and (sd != "dram") != dst_sp:
        raise ValueError(f"destination {dst:#x} must be {'a scratchpad' if dst_sp else 'DRAM'}")
    if src_sp is not None and (ss != "dram") != src_sp:
        raise ValueError(f"source {src:#x} must be {'a scratchpad' if src_sp else 'DRAM'}")
    bd[od:od + n] = bs[os_:os_ + n]


def _execute(m: Machine, insn, v: tuple[int, ...]) -> None:
    """The data semantics of one non-scalar instruction with register values ``v``."""
    op = insn.op
    if op in ("VLOAD", "VLOADZ"):  # VLOADZ: the image keeps the decompressed block (isa.py)
        _copy(m, v[0], v[1], v[2], True, False)
    elif op == "VSTORE":
        _copy(m, v[0], v[1], v[2], False, True)
    elif op in ("MLOAD", "MSTORE"):
        d, s, rows, rb, stride = v
        load = op == "MLOAD"
        for i in range(rows):
            if load:
                _copy(m, d + i * rb, s + i * stride, rb, True, False)
            else:
                _copy(m, d + i * stride, s + i * rb, rb, False, True)
    elif op == "VMOVE":
        _copy(m, v[0], v[1], v[2], True, True)
    elif op == "VCLR":
        buf, off, _ = _where(m, v[0], v[1])
        buf[off:off + v[1]] = 0
    elif op == "MMV":
        d, mat, x, out, inn, seg, sstr = v
        seg = max(seg, 1)
        if inn % seg:
            raise ValueError(f"input length {inn} is not a multiple of {seg} segments")
        sl = inn // seg
        vec = np.concatenate([read_i16(m, x + k * sstr, sl) for k in range(seg)]) if seg > 1 else read_i16(m, x, inn)
        y = read_i16(m, mat, out * inn).reshape(out, inn) @ vec
        if insn.acc:
            y = y + read_i32(m, d, out)
        write_i32(m, d, sat32(y))
    elif op == "VMM":
        d, x, mat, inn, out = v
        y = read_i16(m, x, inn) @ read_i16(m, mat, inn * out).reshape(inn, out)
        if insn.acc:
            y = y + read_i32(m, d, out)
        write_i32(m, d, sat32(y))
    elif op == "OP":
        d, a, b, la, lb = v
        y = np.outer(read_i16(m, a, la), read_i16(m, b, lb)).ravel()
        if insn.acc:
            y = y + read_i32(m, d, la * lb)
        write_i32(m, d, sat32(y))
    elif op in ("VAV", "VSV", "VMV", "VMAX", "VGT"):
        d, a, b, n = v
        x, y = read_i16(m, a, n), read_i16(m, b, n)
        r = {"VAV": lambda: sat16(x + y), "VSV": lambda: sat16(x - y),
             "VMV": lambda: sat16(rshift(x * y, insn.shift)), "VMAX": lambda: np.maximum(x, y),
             "VGT": lambda: (x > y).astype(np.int64)}[op]()
        write_i16(m, d, r)
    elif op == "VAS":
        d, a, s, n = v
        write_i16(m, d, sat16(read_i16(m, a, n) + _signed(s)))
    elif op == "VADDW":
        d, a, n = v
        write_i32(m, d, sat32(read_i32(m, d, n) + (read_i16(m, a, n) << insn.shift)))
    elif op == "VACT":
        d, a, n, mul = v
        write_i16(m, d, sat16(pwl(sat16(rshift(read_i32(m, a, n) * _signed(mul), insn.shift)), insn.func)))
    elif op == "VMAW":
        d, a, b, n = v
        write_i32(m, d, sat32(read_i32(m, d, n) + read_i16(m, a, n) * read_i16(m, b, n)))
    elif op == "VPWL":
        d, a, n = v
        write_i16(m, d, sat16(pwl(read_i16(m, a, n), insn.func)))


def iter_dynamic(program, machine: Machine, functional: bool = True, max_steps: int = 10**9):
    """Execute ``program`` on ``machine``; yield ``(pc, insn, register values read)`` per instruction.

    Stops at ``HALT``. Raises :class:`AccelsimError` naming the pc and instruction for an
    out-of-bounds access (functional mode), a pc outside the program, or ``max_steps``.
    """
    insns = program.insns
    n = len(insns)
    decoded = [(i.op, i.regs, i.imm, i.info.unit) for i in insns]
    regs = machine.regs
    pc = machine.pc
    steps = 0
    while True:
        if not 0 <= pc < n:
            raise AccelsimError(f"pc {pc}: ran off the program ({n} instructions) without HALT",
                                field=program.name or "program")
        op, r, imm, unit = decoded[pc]
        vals = tuple(regs[k] for k in r)
        steps += 1
        if steps > max_steps:
            raise AccelsimError(f"pc {pc}: more than {max_steps} steps", field=program.name or "program")
        nxt = pc + 1
        if unit == "scalar":
            if op == "SLI":
                regs[r[0]] = imm & MASK
            elif op == "SADDI":
                regs[r[0]] = (vals[1] + imm) & MASK
            elif op == "SADD":
                regs[r[0]] = (vals[1] + vals[2]) & MASK
            elif op == "SSUB":
                regs[r[0]] = (vals[1] - vals[2]) & MASK
            elif op == "SMUL":
                regs[r[0]] = (vals[1] * vals[2]) & MASK
            elif op == "SLT":
                regs[r[0]] = int(_signed(vals[1]) < _signed(vals[2]))
            elif op == "JUMP":
                nxt = pc + imm
            elif op == "CB":
                if vals[0]:
                    nxt = pc + imm
            regs[0] = 0
        elif functional:
            try:
                _execute(machine, insns[pc], vals)
            except ValueError as e:
                raise AccelsimError(f"pc {pc} ({op} {', '.join(f'r{k}' for k in r)}): {e}",
                                    field=program.name or "program") from None
        yield pc, insns[pc], vals
        if op == "HALT":
            machine.pc, machine.steps = pc, machine.steps + steps
            return
        pc = nxt


def run(program, machine: Machine, functional: bool = True, max_steps: int = 10**9) -> dict[str, int]:
    """Run to ``HALT``; returns dynamic instruction counts per mnemonic."""
    counts: dict[str, int] = {}
    for _, insn, _ in iter_dynamic(program, machine, functional, max_steps):
        counts[insn.op] = counts.get(insn.op, 0) + 1
    return counts
