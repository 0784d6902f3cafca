"""Arch YAML -> :class:`ArchSpec`: parse, validate (unknown keys are errors), construct.

``load_arch("tpu-v1")`` reads the preset ``presets/tpu_v1.yaml``; a path reads that file.
``overrides`` (``{"array.dataflow": "os"}``, from ``--set key=value``) are applied to the
parsed YAML before validation, so an override is checked exactly like the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from accelsim import schema
from accelsim.arch.spec import (DATAFLOWS, ArchSpec, BufferSpec, DramSpec, EnergySpec,
                                SystolicArraySpec, VectorUnitSpec)
from accelsim.errors import AccelsimError
from accelsim.units import parse_bandwidth, parse_bytes, parse_hz, parse_seconds

FAMILIES = ("systolic", "eyeriss", "fpga", "cambricon")
PRESETS_DIR = Path(__file__).resolve().parent / "presets"


def preset_names() -> list[str]:
    """Names of the built-in arch presets (``tpu-v1``, ...), sorted."""
    return sorted(p.stem.replace("_", "-") for p in PRESETS_DIR.glob("*.yaml"))


def load_arch(spec: str | Path, overrides: dict[str, Any] | None = None) -> ArchSpec:
    """An :class:`ArchSpec` from a preset name or a YAML path, with dotted-key ``overrides``."""
    text = str(spec)
    path = Path(text)
    if path.suffix.lower() not in (".yaml", ".yml"):
        path = PRESETS_DIR / f"{text.replace('-', '_')}.yaml"
        if not path.is_file():
            raise AccelsimError(f"unknown arch {text!r}; presets: {', '.join(preset_names())} "
                                "(or give a .yaml path)", field="--arch")
    label = path.name
    raw = schema.read_yaml(path, "arch")
    try:
        for key, value in (overrides or {}).items():
            _apply_override(raw, key, value)
        return arch_from_dict(raw, file=str(path))
    except AccelsimError as e:
        raise e.located(file=label) from None


def parse_override(text: str) -> tuple[str, Any]:
    """``"array.rows=128"`` -> ``("array.rows", 128)``; the value is read as YAML."""
    if "=" not in text:
        raise AccelsimError(f"must be key=value, got {text!r}", field="--set")
    key, value = text.split("=", 1)
    if not key.strip():
        raise AccelsimError(f"must be key=value with a dotted key such as array.rows, got {text!r}",
                            field="--set")
    try:
        return key.strip(), yaml.safe_load(value)
    except yaml.YAMLError:
        raise AccelsimError(f"cannot read value {value!r}", field=f"--set {key}") from None


def _apply_override(raw: Any, key: str, value: Any) -> None:
    # a missing block or leaf may be optional (``energy.mac_pj`` on a file without ``energy:``),
    # so it is created; validation then decides whether the key is allowed, as for the file
    node = raw
    parts = key.split(".")
    for i, part in enumerate(parts[:-1]):
        if not isinstance(node, dict):
            raise AccelsimError("no such field to override", field=".".join(parts[:i]) or key)
        if node.get(part) is None:
            node[part] = {}
        node = node[part]
    if not isinstance(node, dict):
        raise AccelsimError("no such field to override", field=".".join(parts[:-1]) or key)
    node[parts[-1]] = value


def arch_from_dict(raw: Any, file: str = ""):
    """Validate a parsed arch mapping and build the spec; errors carry the dotted field.

    The ``family`` key picks the spec type: ``systolic`` -> :class:`ArchSpec`, ``eyeriss`` ->
    :class:`accelsim.arch.eyeriss.EyerissSpec`.
    """
    if isinstance(raw, dict) and raw.get("family") == "eyeriss":
        from accelsim.arch.eyeriss import eyeriss_from_dict
        return eyeriss_from_dict(raw, file)
    if isinstance(raw, dict) and raw.get("family") == "fpga":
        from accelsim.arch.fpga import fpga_from_dict
        return fpga_from_dict(raw, file)
    if isinstance(raw, dict) and raw.get("family") == "cambricon":
        from accelsim.arch.cambricon import cambricon_from_dict
        return cambricon_from_dict(raw, file)
    schema.check_keys(raw, "", ("name", "family", "clock", "array", "memory", "dram"),
                      ("source", "vector", "energy", "notes"))
    schema.choice(raw["family"], "family", FAMILIES)
    clock_hz = _conv(parse_hz, raw["clock"], "clock")
    if clock_hz <= 0:
        raise AccelsimError(f"must be > 0, got {raw['clock']!r}", field="clock")

    a = schema.check_keys(raw["array"], "array", ("rows", "cols"),
                          ("dataflow", "mac_bits", "overlap_folds", "pad_weight_tiles", "compat", "bank_conflicts", "source"))
    array = SystolicArraySpec(
        rows=schema.pos_int(a["rows"], "array.rows"), cols=schema.pos_int(a["cols"], "array.cols"),
        dataflow=schema.choice(a.get("dataflow", "ws"), "array.dataflow", DATAFLOWS),
        mac_bits=schema.pos_int(a.get("mac_bits", 8), "array.mac_bits"),
        overlap_folds=schema.boolean(a.get("overlap_folds", True), "array.overlap_folds"),
        pad_weight_tiles=schema.boolean(a.get("pad_weight_tiles", False), "array.pad_weight_tiles"),
        bank_conflicts=schema.boolean(a.get("bank_conflicts", False), "array.bank_conflicts"),
        compat=schema.choice(a.get("compat", "none"), "array.compat", ("none", "scalesim")))

    m = schema.check_keys(raw["memory"], "memory", ("ifmap", "filter", "ofmap"),
                          ("keep_activations_on_chip", "source"))
    bufs = {role: _buffer(m[role], f"memory.{role}", role) for role in ("ifmap", "filter", "ofmap")}
    _check_buffer_names(bufs)

    v = schema.check_keys(raw.get("vector", {"lanes": array.cols}), "vector", ("lanes",), ("source",))
    vector = VectorUnitSpec(lanes=schema.pos_int(v["lanes"], "vector.lanes"), source=str(v.get("source", "")))

    dram = dram_block(raw["dram"])
    e = schema.check_keys(raw.get("energy", {}), "energy", (),
                          ("mac_pj", "vector_op_pj", "static_power_w", "source"))
    energy = EnergySpec(
        mac_pj=None if e.get("mac_pj") is None else schema.number(e["mac_pj"], "energy.mac_pj", lo=0),
        vector_op_pj=None if e.get("vector_op_pj") is None else
        schema.number(e["vector_op_pj"], "energy.vector_op_pj", lo=0),
        static_power_w=schema.number(e.get("static_power_w", 0.0), "energy.static_power_w", lo=0),
        source=str(e.get("source", "")))

    spec = ArchSpec(name=str(raw["name"]), family=raw["family"], clock_hz=clock_hz, array=array,
                    ifmap=bufs["ifmap"], filter=bufs["filter"], ofmap=bufs["ofmap"], vector=vector,
                    dram=dram, energy=energy,
                    keep_activations_on_chip=schema.boolean(m.get("keep_activations_on_chip", False),
                                                            "memory.keep_activations_on_chip"),
                    source=str(raw.get("source", "")), file=file)
    _check_minimums(spec)
    return spec


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
        bw = _conv(parse_bandwidth, d["bandwidth"], "dram.bandwidth")
    if bw <= 0:
        raise AccelsimError(f"must be > 0, got {d.get('bandwidth')!r}", field="dram.bandwidth")
    lat = _conv(parse_seconds, d.get("latency", 0), "dram.latency")
    if lat < 0:
        raise AccelsimError(f"must be >= 0, got {d['latency']!r}", field="dram.latency")
    return DramSpec(name=timing.name if timing else str(d.get("name", "dram")), bandwidth_bytes_per_s=bw,
                    latency_s=lat,
                    # Horowitz ISSCC 2014: 1.3 nJ per 64-bit DRAM access (lower end) = 162.5 pJ/B
                    energy_pj_per_byte=schema.number(d.get("energy_pj_per_byte", 1300 / 8),
                                                     "dram.energy_pj_per_byte", lo=0),
                    source=str(d.get("source", "")), timing=timing,
                    path=schema.choice(d.get("model", "request"), "dram.model", ("request", "stream")))


def _buffer(raw: Any, fld: str, role: str) -> BufferSpec:
    b = schema.check_keys(raw, fld, ("capacity",),
                          ("name", "width_bits", "banks", "read_ports", "write_ports", "double_buffered",
                           "kind", "depth", "leakage_mw", "read_pj", "write_pj", "source"))
    cap = _conv(parse_bytes, b["capacity"], f"{fld}.capacity")
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


def _check_buffer_names(bufs: dict[str, BufferSpec]) -> None:
    """Buffer names become memory names in traces (one word each) and key per-buffer results."""
    seen: dict[str, str] = {}
    for role, buf in bufs.items():
        fld = f"memory.{role}.name"
        if not buf.name or any(ch.isspace() for ch in buf.name):
            raise AccelsimError(f"must be one word (it names the memory in traces), got {buf.name!r}", field=fld)
        if buf.name == "dram":
            raise AccelsimError("'dram' names the off-chip memory in traces; choose another name", field=fld)
        if buf.name in seen:
            raise AccelsimError(f"{buf.name!r} already names memory.{seen[buf.name]}; buffers need distinct names",
                                field=fld)
        seen[buf.name] = role


def _check_minimums(spec: ArchSpec) -> None:
    """Buffers must hold the tiles their kind keeps at once, each one fold's operands at 1 byte per
    value (partial sums at 4): the smallest legal tiles.

    The ifmap holds one row of inputs (the lowering splits larger input tiles); the filter one
    ``rows x cols`` weight tile, times ``depth`` for a FIFO of given depth and 2 for a double
    buffer; the output buffer one row of ``cols`` 32-bit partial sums per half (2 when double
    buffered, the default).
    """
    a = spec.array
    need = {"ifmap": (a.rows, 1),
            "filter": (a.rows * a.cols, spec.filter.held_tiles("fifo")),
            "ofmap": (a.cols * 4, spec.ofmap.held_tiles("double" if spec.ofmap.double_buffered else "single"))}
    for role, (tile, n) in need.items():
        buf = getattr(spec, role)
        if buf.capacity_bytes < tile * n:
            what = f"one {a.rows}x{a.cols} tile needs ({tile} B)" if n == 1 else \
                f"one {a.rows}x{a.cols} tile in each of a {buf.kind or 'double'} buffer's {n} slots needs " \
                f"({n} x {tile} B = {tile * n} B)"
            raise AccelsimError(f"{buf.name} holds {buf.capacity_bytes} B, smaller than {what}",
                                field=f"memory.{role}.capacity")


def _conv(fn, value: Any, fld: str):
    try:
        return fn(value)
    except AccelsimError as e:
        raise AccelsimError(e.message, field=fld) from None
