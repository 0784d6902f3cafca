"""Quantities with units at the edges: ``"512KiB"``, ``"700MHz"``, ``"34GB/s"``, ``"13.75ns"``.

Inside accelsim every quantity is a plain number whose unit is in its name
(``capacity_bytes``, ``clock_hz``, ``bandwidth_bytes_per_s``). This module converts user
strings into those numbers and numbers back into readable strings; nothing else does.

Byte prefixes: ``KB``/``MB``/``GB``/``TB`` are decimal, SI (``"64KB"`` = 64,000 bytes);
``KiB``/``MiB``/``GiB``/``TiB`` binary, IEC (``"64KiB"`` = 65,536 bytes). Unit names are
case-insensitive.
Every parsed quantity is finite; the sign is the caller's to check.
"""

from __future__ import annotations

import math
import re

from accelsim.errors import AccelsimError

_BYTES = {
    "": 1, "b": 1, "byte": 1, "bytes": 1,
    "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
    "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40,
}
_HZ = {"hz": 1, "khz": 10**3, "mhz": 10**6, "ghz": 10**9}
_SECONDS = {"s": 1.0, "ms": 1e-3, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ns": 1e-9, "ps": 1e-12}
_NUM = r"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*"


def _split(text: str, table: dict, what: str) -> tuple[float, float]:
    allowed = ", ".join(sorted(k for k in table if k))
    if not isinstance(text, str):
        raise AccelsimError(f"expected {what} (a number with unit {allowed}), got {text!r}")
    m = re.fullmatch(_NUM + r"([A-Za-zµμ/]*)", text.strip())
    if not m or m.group(2).lower() not in table:
        raise AccelsimError(f"cannot read {text!r} as {what} (a number with unit {allowed})")
    num = float(m.group(1))
    if not math.isfinite(num * table[m.group(2).lower()]):
        raise AccelsimError(f"{what} must be finite, got {text!r}")
    return num, table[m.group(2).lower()]


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
