"""Physical ranges for every number in a built arch spec, whatever its family.

The YAML readers check signs and types; they accept any size. A number no chip could have
(an array of 10^12 PEs, a 2^60-byte buffer, a 1 PB/s DRAM) would otherwise reach a kernel and
overflow, or allocate until the machine runs out of memory. :func:`check_spec` walks the frozen
spec (nested dataclasses, the DRAM timing included) once it is built and refuses such numbers by
the unit its field name carries (STYLE.md habit 2), so one rule covers every family, in-tree or not.
Each bound is generous: well above the largest part built so far, far below an overflow.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from accelsim.errors import AccelsimError

TIB = 2**40

#: (name test, upper bound, what the bound is, in words); the first match wins
_RULES: tuple[tuple[Any, float, str], ...] = (
    (lambda n: n.endswith("_hz"), 100e9, "100 GHz (no chip clocks faster)"),
    (lambda n: n.endswith("bytes_per_s"), 1e15, "1 PB/s (a thousand HBM stacks)"),
    (lambda n: n.endswith("_bytes") or n.startswith("capacity"), TIB, "1 TiB (no on-chip memory is larger)"),
    (lambda n: n.endswith("_bits"), 65536, "65,536 bits"),
    (lambda n: n.endswith("_s"), 1.0, "1 s"),
    (lambda n: n.endswith("_ns"), 1e9, "1e9 ns"),
    (lambda n: n.endswith("_cycles"), 1e9, "1e9 cycles"),
    (lambda n: n.endswith("_w"), 1e4, "10 kW"),
    (lambda n: n.endswith("_mw"), 1e7, "10 kW"),
    (lambda n: "_pj" in n or n.endswith("pj"), 1e9, "1 mJ (1e9 pJ) per action"),
    (lambda n: n in ("rows", "cols", "pe_rows", "pe_cols", "columns"), 1e6, "1,000,000 per side"),
    (lambda n: n.endswith("words"), 2**36, "2^36 words"),
)
#: any other count (banks, ports, lanes, PEs, DSPs, queue depths): at most this
MAX_COUNT = 1e9
#: processing elements of one array: rows x cols (Cerebras WSE-3, the largest chip built, has 9e5 cores)
MAX_PES = 1e8


def check_spec(spec: Any, file: str = "") -> Any:
    """``spec`` itself if every number in it is physically possible; else an :class:`AccelsimError`
    naming the spec field, its allowed range and the value. ``file`` names the arch file."""
    _walk(spec, "", file, set())
    return spec


def _walk(obj: Any, path: str, file: str, seen: set) -> None:
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type) or id(obj) in seen:
        return
    seen.add(id(obj))
    names = {f.name for f in dataclasses.fields(obj)}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name, None)
        fld = f"{path}.{f.name}" if path else f.name
        if dataclasses.is_dataclass(value):
            _walk(value, fld, file, seen)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            _check(f.name, value, fld, file)
    for r, c in (("rows", "cols"), ("pe_rows", "pe_cols")):
        if r in names and c in names:
            rv, cv = getattr(obj, r), getattr(obj, c)
            if isinstance(rv, int) and isinstance(cv, int) and rv * cv > MAX_PES:
                raise AccelsimError(f"{rv} x {cv} = {rv * cv:.3g} PEs; at most {MAX_PES:.0e} in one array "
                                    "(the largest chip built has under 1e6 cores)",
                                    file=file or None, field=f"{path}.{r}" if path else r)


def _check(name: str, value: float, fld: str, file: str) -> None:
    if not math.isfinite(value):
        raise AccelsimError(f"must be a finite number, got {value!r}", file=file or None, field=fld)
    bound, words = MAX_COUNT, f"{MAX_COUNT:.0e}"
    for test, b, w in _RULES:
        if test(name):
            bound, words = b, w
            break
    if abs(value) > bound:
        raise AccelsimError(f"must be at most {words}, got {value:.6g}", file=file or None, field=fld)
