"""Assembler and disassembler for the ISA of :mod:`accelsim.families.cambricon.isa`; binary encoding.

``assemble(text)`` -> :class:`Program`; ``disassemble(program)`` -> text that assembles back to
the same instructions; ``encode``/``decode`` between a Program and its 64-bit little-endian
words. Every error names the file and line (or byte offset) and what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from accelsim.errors import AccelsimError
from accelsim.families.cambricon.isa import BY_CODE, FUNCS, N_REGS, OPCODES, SCRATCHPADS, Insn, fn_byte

_LABEL = re.compile(r"^([A-Za-z_][A-Za-z0-9_.]*)\s*:\s*(.*)$")
_REG = re.compile(r"^r(\d+)$")
_SYM = re.compile(r"^(nbin|sb|nbout)\s*(?:([+-])\s*(\S+))?$")
_FN_LIMITS = {"acc": (0, 1), "shift": (0, 31)}


@dataclass(frozen=True)
class Program:
    """Decoded instructions, labels (name -> instruction index) and a name."""

    insns: tuple[Insn, ...]
    labels: tuple[tuple[str, int], ...] = ()
    name: str = ""
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def label_map(self) -> dict[str, int]:
        """Labels as a dict."""
        return dict(self.labels)


def _int(text: str) -> int:
    return int(text, 0)


def _imm(text: str, where: str) -> int:
    t = text.strip()
    m = _SYM.match(t)
    try:
        if m:
            off = _int(m.group(3)) if m.group(3) else 0
            value = SCRATCHPADS[m.group(1)] + (-off if m.group(2) == "-" else off)
        else:
            value = _int(t)
    except ValueError:
        raise AccelsimError(f"{where}: bad immediate {text!r}; expected an integer or nbin/sb/nbout[+offset]") from None
    if not -(1 << 31) <= value < (1 << 32):
        raise AccelsimError(f"{where}: immediate {text} does not fit 32 bits")
    return value - (1 << 32) if value >= (1 << 31) else value


def _reg(text: str, where: str) -> int:
    num = _REG_NUM.get(text)
    if num is None:
        m = _REG.match(text.strip())
        if not m or int(m.group(1)) >= N_REGS:
            raise AccelsimError(f"{where}: bad register {text.strip()!r}; expected r0..r{N_REGS - 1}")
        num = _REG_NUM[text] = int(m.group(1))
    return num


#: register operand text -> number, for the texts seen valid (a program names few registers, many times)
_REG_NUM: dict[str, int] = {}


def assemble(text: str, file: str = "<asm>") -> Program:
    """Assemble ``text``; raises :class:`AccelsimError` naming ``file`` and ``line N``."""
    numbers, pending, labels = _split_lines(text, file)
    insns = []
    # an instruction without a label operand decodes the same wherever it stands: once per distinct text
    decoded: dict[tuple, Insn] = {}
    for idx, (n, parsed) in enumerate(zip(numbers, pending)):
        first = decoded.get(parsed)
        if first is None:
            first = _insn(idx, n, *parsed, labels, file)
            if not _has_label(parsed[0]):
                decoded[parsed] = first
            insns.append(first)
        else:
            insns.append(Insn(first.op, first.regs, first.imm, first.acc, first.shift, first.func, n))
    return Program(tuple(insns), tuple(labels.items()))


def assemble_columns(text: str, ops: tuple[str, ...], file: str = "<asm>"):
    """``text`` assembled straight into columns, without an :class:`Insn` per instruction.

    Returns ``(op, regs, imm, acc, labels)``: per instruction the index of its mnemonic in
    ``ops``, its registers padded with 0 to 7, its immediate and its ``acc`` field (lists of int
    and of 7-tuples), and the labels as :func:`assemble` gives them. Exactly what
    :func:`assemble` holds, in columns, with the same errors: for a compiled core that reads
    arrays, a program of tens of thousands of instructions need not become as many objects.
    """
    numbers, pending, labels = _split_lines(text, file)
    index = {name: i for i, name in enumerate(ops)}
    pad = [(0,) * k for k in range(8)]
    op, regs, imm, acc = [], [], [], []
    decoded: dict[tuple, tuple] = {}
    for idx, (n, parsed) in enumerate(zip(numbers, pending)):
        row = decoded.get(parsed)
        if row is None:
            i = _insn(idx, n, *parsed, labels, file)
            row = (index[i.op], i.regs + pad[7 - len(i.regs)], i.imm, i.acc)
            if not _has_label(parsed[0]):
                decoded[parsed] = row
        op.append(row[0])
        regs.append(row[1])
        imm.append(row[2])
        acc.append(row[3])
    return op, regs, imm, acc, tuple(labels.items())


def _has_label(op: str) -> bool:
    """Whether ``op`` takes a label (its immediate is relative to where it stands)."""
    operands = OPCODES[op].operands
    return bool(operands) and operands[-1] == "l"


def _split_lines(text: str, file: str):
    """First pass: ``(line numbers, (op, operands, fn fields) per instruction, labels)``; label and mnemonic errors."""
    # (line number, (op, operands, fn fields)) of each instruction, as two lists: no tuple per line
    numbers: list[int] = []
    pending: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    labels: dict[str, int] = {}
    # generated code repeats its lines (loop bodies, tile loads): each distinct line is split once
    split: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        known = split.get(raw)
        if known is not None:
            numbers.append(n)
            pending.append(known)
            continue
        line = (re.split(r"[;#]", raw, maxsplit=1)[0] if ";" in raw or "#" in raw else raw).strip()
        labelled = False
        while line and ":" in line:  # a label needs its colon
            m = _LABEL.match(line)
            if not m:
                break
            if m.group(1) in labels:
                raise AccelsimError(f"line {n}: duplicate label {m.group(1)!r}", file=file)
            labels[m.group(1)] = len(pending)
            labelled = True
            line = m.group(2).strip()
        if not line:
            continue
        parts = line.split(None, 1)
        op = parts[0].upper()
        if op not in OPCODES:
            raise AccelsimError(f"line {n}: unknown mnemonic {parts[0]!r}", file=file)
        args = [a.strip() for a in parts[1].split(",")] if len(parts) > 1 else []
        fns = []
        if args and " " in args[-1] and "=" in args[-1]:   # "r5 acc=1"
            head, *rest = args[-1].split()
            args[-1] = head
            fns = rest
        while args and "=" in args[-1]:
            fns.insert(0, args.pop())
        parsed = (op, tuple(a for a in args if a), tuple(fns))
        if not labelled:  # a label is defined once: its line is never met again
            split[raw] = parsed
        numbers.append(n)
        pending.append(parsed)
    return numbers, pending, labels


def _insn(idx: int, n: int, op: str, args: tuple[str, ...], fns: tuple[str, ...], labels: dict, file: str) -> Insn:
    info = OPCODES[op]
    where = f"line {n}"
    if len(args) != len(info.operands):
        raise AccelsimError(f"{where}: {op} takes {len(info.operands)} operand(s), got {len(args)}", file=file)
    regs, imm = [], 0
    try:
        for kind, a in zip(info.operands, args):
            if kind == "r":
                regs.append(_reg(a, where))
            elif kind == "i":
                imm = _imm(a, where)
            else:
                if a not in labels:
                    raise AccelsimError(f"{where}: unknown label {a!r}")
                imm = labels[a] - idx
        fields: dict = {}
        for f in fns:
            key, _, value = f.partition("=")
            if key not in info.fn:
                allowed = ", ".join(info.fn) or "none"
                raise AccelsimError(f"{where}: {op} takes no {key!r} field (allowed: {allowed})")
            if key == "func":
                if value not in FUNCS:
                    raise AccelsimError(f"{where}: func={value} unknown; one of {', '.join(FUNCS)}")
                fields[key] = value
            else:
                lo, hi = _FN_LIMITS[key]
                try:
                    v = _int(value)
                except ValueError:
                    raise AccelsimError(f"{where}: {key}={value} is not an integer") from None
                if not lo <= v <= hi:
                    raise AccelsimError(f"{where}: {key}={v} out of range {lo}..{hi}")
                fields[key] = v
    except AccelsimError as e:
        raise AccelsimError(e.message, file=file) from None
    return Insn(op, tuple(regs), imm, line=n, **fields)


def _fmt_fields(insn: Insn) -> str:
    out = []
    if "acc" in insn.info.fn and insn.acc:
        out.append(f"acc={insn.acc}")
    if "shift" in insn.info.fn and insn.shift:
        out.append(f"shift={insn.shift}")
    if "func" in insn.info.fn and insn.func != "none":
        out.append(f"func={insn.func}")
    return (" " + " ".join(out)) if out else ""


def disassemble(program: Program) -> str:
    """Readable assembly of ``program``; branch targets get their labels (``L<index>`` if unnamed)."""
    names: dict[int, str] = {}
    for name, idx in program.labels:
        names.setdefault(idx, name)
    for i, insn in enumerate(program.insns):
        if insn.info.operands and insn.info.operands[-1] == "l":
            names.setdefault(i + insn.imm, f"L{i + insn.imm}")
    lines = []
    for i, insn in enumerate(program.insns):
        if i in names:
            lines.append(f"{names[i]}:")
        ops = []
        ri = iter(insn.regs)
        for kind in insn.info.operands:
            if kind == "r":
                ops.append(f"r{next(ri)}")
            elif kind == "i":
                ops.append(str(insn.imm))
            else:
                ops.append(names[i + insn.imm])
        lines.append(f"    {insn.op} {', '.join(ops)}{_fmt_fields(insn)}".rstrip())
    if len(program.insns) in names:
        lines.append(f"{names[len(program.insns)]}:")
    return "\n".join(lines) + "\n"


def encode(program: Program) -> bytes:
    """64-bit little-endian words, R or I format as in :mod:`accelsim.families.cambricon.isa`."""
    out = bytearray()
    for insn in program.insns:
        info = insn.info
        word = info.code << 56
        if info.fmt == "R":
            for k, r in enumerate(insn.regs):
                word |= r << (50 - 6 * k)
            word |= fn_byte(insn)
        else:
            for k, r in enumerate(insn.regs):
                word |= r << (50 - 6 * k)
            word |= (insn.imm & 0xFFFF_FFFF) << 12
        out += word.to_bytes(8, "little")
    return bytes(out)


def decode(data: bytes, name: str = "") -> Program:
    """Program from :func:`encode`'s bytes; labels ``L<index>`` for branch targets."""
    if len(data) % 8:
        raise AccelsimError(f"byte {len(data) - len(data) % 8}: length {len(data)} is not a multiple of 8",
                            file=name or "<binary>")
    insns = []
    for off in range(0, len(data), 8):
        word = int.from_bytes(data[off:off + 8], "little")
        code = word >> 56
        if code not in BY_CODE:
            raise AccelsimError(f"byte {off}: unknown opcode {code:#04x}", file=name or "<binary>")
        op = BY_CODE[code]
        info = OPCODES[op]
        n_regs = sum(1 for k in info.operands if k == "r")
        regs = tuple((word >> (50 - 6 * k)) & 0x3F for k in range(n_regs))
        if info.fmt == "R":
            fn = word & 0xFF
            fields = {}
            if "acc" in info.fn:
                fields["acc"] = fn & 1
            if "shift" in info.fn:
                fields["shift"] = fn & 0x1F
            if "func" in info.fn:
                idx = fn >> 5
                if idx >= len(FUNCS):
                    raise AccelsimError(f"byte {off}: func code {idx} unknown", file=name or "<binary>")
                fields["func"] = FUNCS[idx]
            insns.append(Insn(op, regs, 0, **fields))
        else:
            imm = (word >> 12) & 0xFFFF_FFFF
            imm = imm - (1 << 32) if imm >= (1 << 31) else imm
            insns.append(Insn(op, regs, imm))
    targets = sorted({i + x.imm for i, x in enumerate(insns) if x.info.operands and x.info.operands[-1] == "l"})
    return Program(tuple(insns), tuple((f"L{t}", t) for t in targets), name)


def strip_lines(program: Program) -> tuple[Insn, ...]:
    """The instructions without source line numbers (for comparing programs)."""
    return tuple(replace(i, line=0) for i in program.insns)
