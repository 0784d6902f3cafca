"""Quantities with units at the edges: ``"512KiB"``, ``"700MHz"``, ``"34GB/s"``, ``"13.75ns"``.

Inside accelsim every quantity is a plain number whose unit is in its name
(``capacity_bytes``, ``clock_hz``, ``bandwidth_bytes_per_s``). This module converts user
strings into those numbers and numbers back into readable strings; nothing else does.

Byte prefixes: ``KB``/``MB``/``GB``/``TB`` are decimal, SI (``"64KB"`` = 64,000 bytes);
``KiB``/``MiB``/``GiB``/``TiB`` binary, IEC (``"64KiB"`` = 65,536 bytes). Prefixes are
case-insensitive; the last letter is not: ``B`` is a byte, ``b`` a bit (``"10Gb/s"`` is
1.25e9 bytes per second, ``"64Kib"`` 8,192 bytes), as link and memory datasheets write them.
Every parsed quantity is finite; the sign is the caller's to check.
"""

from __future__ import annotations

import math
import re

from accelsim.errors import AccelsimError

_PREFIX = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9, "t": 10**12,
           "ki": 2**10, "mi": 2**20, "gi": 2**30, "ti": 2**40}
_BYTES = {"": 1, "byte": 1, "bytes": 1, "bit": 1 / 8, "bits": 1 / 8}
for _p, _scale in _PREFIX.items():
    _BYTES[_p.upper()[:1] + _p[1:] + "B"] = _scale       # KB, KiB, ...: bytes
    _BYTES[_p.upper()[:1] + _p[1:] + "b"] = _scale / 8   # Kb, Kib, ...: bits
_HZ = {"hz": 1, "khz": 10**3, "mhz": 10**6, "ghz": 10**9}
_SECONDS = {"s": 1.0, "ms": 1e-3, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ns": 1e-9, "ps": 1e-12}
_NUM = r"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*"


def _unit_key(unit: str, table: dict) -> str | None:
    """The table's key for ``unit``: exact, else with the prefix's case ignored (the last letter's case kept
    for byte units, where B and b differ), else fully case-insensitive for the other tables."""
    if unit in table:
        return unit
    if table is _BYTES:
        if unit.lower() in ("byte", "bytes", "bit", "bits"):
            return unit.lower()
        if unit[-1:] in ("B", "b"):
            head = unit[:-1].lower()
            key = head.upper()[:1] + head[1:] + unit[-1]
            return key if key in table else None
        return None
    return unit.lower() if unit.lower() in table else None


def _split(text: str, table: dict, what: str) -> tuple[float, float]:
    allowed = ", ".join(k for k in table if k)
    if not isinstance(text, str):
        raise AccelsimError(f"expected {what} (a number with unit {allowed}), got {text!r}")
    m = re.fullmatch(_NUM + r"([A-Za-zµμ/]*)", text.strip())
    key = _unit_key(m.group(2), table) if m else None
    if key is None:
        raise AccelsimError(f"cannot read {text!r} as {what} (a number with unit {allowed})")
    num = float(m.group(1))
    if not math.isfinite(num * table[key]):
        raise AccelsimError(f"{what} must be finite, got {text!r}")
    return num, table[key]


def _finite(value: int | float, what: str) -> float:
    try:
        out = float(value)
    except OverflowError:
        out = math.inf
    if not math.isfinite(out):
        raise AccelsimError(f"{what} must be finite, got {value!r}")
    return out


def parse_bytes(value: int | float | str) -> int:
    """``"24MiB"`` -> 25165824 (bytes). Plain numbers are bytes. Must be a whole number of bytes."""
    if isinstance(value, bool):
        raise AccelsimError(f"expected a size in bytes, got {value!r}")
    if isinstance(value, int):
        return value  # exact: going through float would round sizes above 2**53
    if isinstance(value, float):
        num, scale = value, 1
    else:
        num, scale = _split(value, _BYTES, "a size")
    out = num * scale
    if not math.isfinite(out) or out != int(out):
        raise AccelsimError(f"a size must be a whole number of bytes, got {value!r}")
    return int(out)


def parse_hz(value: int | float | str) -> float:
    """``"700MHz"`` -> 7e8 (hertz). Plain numbers are hertz."""
    if isinstance(value, bool):
        raise AccelsimError(f"expected a frequency, got {value!r}")
    if isinstance(value, (int, float)):
        return _finite(value, "a frequency")
    num, scale = _split(value, _HZ, "a frequency")
    return num * scale


def parse_seconds(value: int | float | str) -> float:
    """``"13.75ns"`` -> 1.375e-08 (seconds). Plain numbers are seconds."""
    if isinstance(value, bool):
        raise AccelsimError(f"expected a duration, got {value!r}")
    if isinstance(value, (int, float)):
        return _finite(value, "a duration")
    num, scale = _split(value, _SECONDS, "a duration")
    return num * scale


def parse_bandwidth(value: int | float | str) -> float:
    """``"34GB/s"`` -> 3.4e10 (bytes per second). Plain numbers are bytes per second."""
    if isinstance(value, bool):
        raise AccelsimError(f"expected a bandwidth, got {value!r}")
    if isinstance(value, (int, float)):
        return _finite(value, "a bandwidth")
    if not isinstance(value, str):
        raise AccelsimError(f"expected a bandwidth such as '34GB/s', got {value!r}")
    text = value.strip()
    if not text.lower().endswith("/s"):
        raise AccelsimError(f"cannot read {value!r} as a bandwidth (e.g. '34GB/s')")
    return float(parse_bytes_float(text[:-2]))


def parse_bytes_float(text: str) -> float:
    """Like :func:`parse_bytes` but allows fractions (for bandwidths such as ``"4.2GB"``)."""
    num, scale = _split(text, _BYTES, "a size")
    return num * scale


def format_bytes(n_bytes: float) -> str:
    """Binary-prefixed size for reports: 25165824 -> ``"24.0 MiB"``."""
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if abs(n_bytes) >= scale:
            return f"{n_bytes / scale:.1f} {unit}"
    return f"{int(n_bytes)} B"


def format_si(value: float, unit: str) -> str:
    """SI-prefixed figure for reports: (9.175e13, 'OP/s') -> ``"91.75 TOP/s"``."""
    for prefix, scale in (("P", 1e15), ("T", 1e12), ("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if abs(value) >= scale:
            return f"{value / scale:.2f} {prefix}{unit}"
    return f"{value:.2f} {unit}"


def format_energy(pj: float) -> str:
    """Energy with a prefix chosen by size: 4.2e9 pJ -> ``"4.200 mJ"``, 850 -> ``"850.0 pJ"``."""
    for unit, scale in (("J", 1e12), ("mJ", 1e9), ("µJ", 1e6), ("nJ", 1e3)):
        if abs(pj) >= scale:
            return f"{pj / scale:.3f} {unit}"
    return f"{pj:.1f} pJ"


def format_duration(s: float) -> str:
    """A wall-clock duration for people: ``0.42 s``, ``12.5 min``, ``38.2 h``, ``4.1 days``."""
    for unit, scale in (("days", 86400), ("h", 3600), ("min", 60)):
        if s >= 2 * scale:
            return f"{s / scale:.1f} {unit}"
    return f"{s:.2g} s"


def format_seconds(s: float) -> str:
    """A duration with a prefix chosen by size: 0.0123 -> ``"12.300 ms"``, 4.5e-7 -> ``"450.0 ns"``."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if abs(s) >= scale:
            return f"{s / scale:.3f} {unit}"
    return f"{s / 1e-9:.1f} ns"


def format_bandwidth(bytes_per_s: float) -> str:
    """A bandwidth for reports, four significant digits: 3.41333e10 -> ``"34.13 GB/s"``."""
    return f"{bytes_per_s / 1e9:.4g} GB/s"
