"""YAML blocks that more than one family's arch file uses: ``dram:`` and on-chip buffers.

Each reader validates one parsed block (unknown keys are errors) and builds the shared spec of
:mod:`accelsim.arch.spec`; errors carry the dotted field, the caller adds the file.
"""

from __future__ import annotations

from typing import Any

from accelsim import schema
from accelsim.arch.spec import BufferSpec, DramSpec
from accelsim.errors import AccelsimError
from accelsim.units import parse_bandwidth, parse_bytes, parse_hz, parse_seconds


def dram_block(raw: Any) -> DramSpec:
    """The ``dram:`` block: ``bandwidth`` (+ ``latency``) for the simple model, or ``preset`` for the timing model.

    ``preset`` names a DRAM preset (``accelsim/arch/presets/dram/``, e.g. ``ddr4-2400-x64``) or
    a DRAM YAML path; ``model`` picks its ``request`` (FR-FCFS per burst) or ``stream`` path.
    """
    d = schema.check_keys(raw, "dram", (), ("name", "bandwidth", "latency", "energy_pj_per_byte", "source",
                                           "preset", "model"))
    timing = None
    if d.get("preset") is not None and d.get("bandwidth") is not None:
        raise AccelsimError(f"the DRAM preset {d['preset']!r} sets the bandwidth; to use a plain bandwidth drop "
                            "the preset (--set dram.preset=null)", field="dram.bandwidth")
    if d.get("preset") is not None:
        from accelsim.arch.dram import load_dram
        try:
            timing = load_dram(d["preset"])
        except AccelsimError as e:
            raise AccelsimError(e.message, file=e.file, field="dram.preset") from None
        bw = timing.peak_bytes_per_s
    elif d.get("bandwidth") is None:
        raise AccelsimError("needs bandwidth (simple model) or preset (timing model)", field="dram")
    else:
        bw = convert(parse_bandwidth, d["bandwidth"], "dram.bandwidth")
    if bw <= 0:
        raise AccelsimError(f"must be > 0, got {d.get('bandwidth')!r}", field="dram.bandwidth")
    lat = convert(parse_seconds, d.get("latency", 0), "dram.latency")
    if lat < 0:
        raise AccelsimError(f"must be >= 0, got {d['latency']!r}", field="dram.latency")
    return DramSpec(name=timing.name if timing else str(d.get("name", "dram")), bandwidth_bytes_per_s=bw,
                    latency_s=lat,
                    # Horowitz ISSCC 2014: 1.3 nJ per 64-bit DRAM access (lower end) = 162.5 pJ/B
                    energy_pj_per_byte=schema.number(d.get("energy_pj_per_byte", 1300 / 8),
                                                     "dram.energy_pj_per_byte", lo=0),
                    source=str(d.get("source", "")), timing=timing,
                    path=schema.choice(d.get("model", "request"), "dram.model", ("request", "stream")))


def buffer_block(raw: Any, fld: str, role: str) -> BufferSpec:
    """An on-chip SRAM block at dotted field ``fld``; ``role`` is its name when the block gives none."""
    b = schema.check_keys(raw, fld, ("capacity",),
                          ("name", "width_bits", "banks", "read_ports", "write_ports", "double_buffered",
                           "kind", "depth", "leakage_mw", "read_pj", "write_pj", "source"))
    cap = convert(parse_bytes, b["capacity"], f"{fld}.capacity")
    if cap <= 0:
        raise AccelsimError(f"must be > 0, got {b['capacity']!r}", field=f"{fld}.capacity")
    leak = b.get("leakage_mw")
    if isinstance(leak, str) and leak != "table":
        raise AccelsimError(f"must be a power in mW or 'table' (the energy table's per-KiB figure), got {leak!r}",
                            field=f"{fld}.leakage_mw")
    opt = {k: schema.number(b[k], f"{fld}.{k}", lo=0) for k in ("read_pj", "write_pj", "leakage_mw") if k in b
           and not (k == "leakage_mw" and leak == "table")}
    if leak == "table":
        opt["leakage_mw"] = None   # priced by accelsim.energy.price.buffer_leakage_mw
    kind = schema.choice(b["kind"], f"{fld}.kind", ("single", "double", "fifo")) if b.get("kind") else ""
    if kind and "double_buffered" in b:
        raise AccelsimError("give kind or double_buffered, not both", field=f"{fld}.double_buffered")
    if b.get("depth") and kind != "fifo":
        raise AccelsimError("depth is for kind: fifo", field=f"{fld}.depth")
    double = kind != "single" if kind else schema.boolean(b.get("double_buffered", True), f"{fld}.double_buffered")
    return BufferSpec(name=str(b.get("name", role)), capacity_bytes=cap,
                      width_bits=schema.pos_int(b.get("width_bits", 64), f"{fld}.width_bits"),
                      banks=schema.pos_int(b.get("banks", 1), f"{fld}.banks"),
                      read_ports=schema.pos_int(b.get("read_ports", 1), f"{fld}.read_ports"),
                      write_ports=schema.pos_int(b.get("write_ports", 1), f"{fld}.write_ports"),
                      double_buffered=double, kind=kind,
                      depth=schema.pos_int(b.get("depth", 0), f"{fld}.depth", minimum=0),
                      source=str(b.get("source", "")), **opt)


def convert(fn, value: Any, fld: str):
    """``fn(value)`` (a unit parser such as :func:`accelsim.units.parse_hz`), its error re-labelled with ``fld``."""
    try:
        return fn(value)
    except AccelsimError as e:
        raise AccelsimError(e.message, field=fld) from None


#: the fastest clock a spec may give: above this no digital chip runs, and cycle counts would overflow
MAX_CLOCK_HZ = 100e9


def clock_hz(value: Any, fld: str = "clock") -> float:
    """The ``clock`` field in hertz: a frequency above 0 and at most 100 GHz (``"700MHz"``, ``1e9``)."""
    hz = convert(parse_hz, value, fld)
    if hz <= 0:
        raise AccelsimError(f"must be > 0, got {value!r}", field=fld)
    if hz > MAX_CLOCK_HZ:
        raise AccelsimError(f"must be at most 100 GHz (no chip clocks faster), got {value!r}", field=fld)
    return hz
