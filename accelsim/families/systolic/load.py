"""A systolic arch file -> :class:`SystolicSpec`: validate (unknown keys are errors), then construct.

The registry (:mod:`accelsim.registry`) reads the file, applies ``--set`` overrides and hands
the parsed mapping here by its ``family: systolic`` key.
"""

from __future__ import annotations

from typing import Any

from accelsim import schema
from accelsim.arch.blocks import buffer_block, clock_hz as read_clock, convert, dram_block
from accelsim.arch.spec import BufferSpec, EnergySpec, VectorUnitSpec
from accelsim.energy.scaling import TABLE_NODE_NM, TABLE_VDD_V, energy_factor
from accelsim.errors import AccelsimError
from accelsim.units import parse_bandwidth
from accelsim.families.systolic.spec import DATAFLOWS, WEIGHT_FORMATS, HostLinkSpec, SystolicArraySpec, SystolicSpec


def _user_bw(value: Any) -> tuple[int, ...]:
    field = "array.scalesim_refill_words"
    if not isinstance(value, (list, tuple)) or len(value) not in (0, 3):
        raise AccelsimError("must be [ifmap, filter, ofmap] words per cycle (SCALE-Sim's refills; 0 = reads never "
                            "stall) or []", field=field)
    return tuple(schema.pos_int(v, f"{field}[{i}]", minimum=0 if i < 2 else 1) for i, v in enumerate(value))


def systolic_from_dict(raw: Any, file: str = "") -> SystolicSpec:
    """Validate a parsed systolic arch mapping and build the spec; errors carry the dotted field."""
    schema.check_keys(raw, "", ("name", "family", "clock", "array", "memory", "dram"),
                      ("source", "vector", "energy", "notes", "host"))
    clock_hz = read_clock(raw["clock"])

    a = schema.check_keys(raw["array"], "array", ("rows", "cols"),
                          ("dataflow", "mac_bits", "overlap_folds", "pad_weight_tiles", "compat", "bank_conflicts",
                           "structured", "scalesim_refill_words", "source"))
    array = SystolicArraySpec(
        rows=schema.pos_int(a["rows"], "array.rows"), cols=schema.pos_int(a["cols"], "array.cols"),
        dataflow=schema.choice(a.get("dataflow", "ws"), "array.dataflow", DATAFLOWS),
        mac_bits=schema.pos_int(a.get("mac_bits", 8), "array.mac_bits"),
        overlap_folds=schema.boolean(a.get("overlap_folds", True), "array.overlap_folds"),
        pad_weight_tiles=schema.boolean(a.get("pad_weight_tiles", False), "array.pad_weight_tiles"),
        bank_conflicts=schema.boolean(a.get("bank_conflicts", False), "array.bank_conflicts"),
        compat=schema.choice(a.get("compat", "none"), "array.compat", ("none", "scalesim")),
        structured=schema.choice(str(a.get("structured", "none")), "array.structured", ("none", "2:4", "1:4", "2:8")),
        scalesim_refill_words=_user_bw(a.get("scalesim_refill_words", [])))
    if array.structured != "none" and (array.compat == "scalesim" or array.bank_conflicts):
        raise AccelsimError("the N:M sparse mode is not modelled with compat scalesim or bank_conflicts",
                            field="array.structured")

    m = schema.check_keys(raw["memory"], "memory", ("ifmap", "filter", "ofmap"),
                          ("keep_activations_on_chip", "weight_format", "source"))
    bufs = {role: buffer_block(m[role], f"memory.{role}", role) for role in ("ifmap", "filter", "ofmap")}
    _check_buffer_names(bufs)

    v = schema.check_keys(raw.get("vector", {"lanes": array.cols}), "vector", ("lanes",), ("source",))
    vector = VectorUnitSpec(lanes=schema.pos_int(v["lanes"], "vector.lanes"), source=str(v.get("source", "")))

    dram = dram_block(raw["dram"])
    e = schema.check_keys(raw.get("energy", {}), "energy", (),
                          ("mac_pj", "vector_op_pj", "static_power_w", "node", "vdd", "source"))
    energy = EnergySpec(
        mac_pj=None if e.get("mac_pj") is None else schema.number(e["mac_pj"], "energy.mac_pj", lo=0),
        vector_op_pj=None if e.get("vector_op_pj") is None else
        schema.number(e["vector_op_pj"], "energy.vector_op_pj", lo=0),
        static_power_w=schema.number(e.get("static_power_w", 0.0), "energy.static_power_w", lo=0),
        node_nm=schema.number(e.get("node", TABLE_NODE_NM), "energy.node", lo=0),
        vdd_v=schema.number(e.get("vdd", TABLE_VDD_V), "energy.vdd", lo=0),
        source=str(e.get("source", "")))
    energy_factor(energy.node_nm, energy.vdd_v)  # refuses a node or supply outside the scaling table

    spec = SystolicSpec(name=str(raw["name"]), family=raw["family"], clock_hz=clock_hz, array=array,
                        ifmap=bufs["ifmap"], filter=bufs["filter"], ofmap=bufs["ofmap"], vector=vector,
                        dram=dram, energy=energy,
                        keep_activations_on_chip=schema.boolean(m.get("keep_activations_on_chip", False),
                                                                "memory.keep_activations_on_chip"),
                        weight_format=schema.choice(m.get("weight_format", "dense"), "memory.weight_format",
                                                    WEIGHT_FORMATS),
                        host=_host_link(raw.get("host")), source=str(raw.get("source", "")), file=file)
    _check_minimums(spec)
    return spec


def _host_link(raw: Any) -> HostLinkSpec | None:
    """The optional ``host:`` block: ``bandwidth`` of the link the network input arrives over."""
    if raw is None:
        return None
    h = schema.check_keys(raw, "host", ("bandwidth",), ("source",))
    bw = convert(parse_bandwidth, h["bandwidth"], "host.bandwidth")
    if not bw > 0:
        raise AccelsimError(f"must be > 0, got {h['bandwidth']!r}", field="host.bandwidth")
    return HostLinkSpec(bandwidth_bytes_per_s=bw, source=str(h.get("source", "")))


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


def _check_minimums(spec: SystolicSpec) -> None:
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
