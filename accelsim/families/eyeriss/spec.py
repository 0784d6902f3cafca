"""Eyeriss-family specs: a spatial array of PEs with scratchpads, NoCs, a global buffer and DRAM.

The family is the row-stationary chip of Chen, Krishna, Emer and Sze (ISCA 2016, JSSC 2017).
A spec says what the chip has; the mapping (how a layer is laid on it) is the lowering's
job (:mod:`accelsim.families.eyeriss.lower`). Sizes of scratchpads are in words of ``word_bits``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accelsim import schema
from accelsim.arch.blocks import clock_hz as read_clock, convert as _conv, dram_block
from accelsim.arch.spec import DramSpec
from accelsim.energy.scaling import TABLE_NODE_NM, TABLE_VDD_V, energy_factor, scale_from_table
from accelsim.errors import AccelsimError
from accelsim.units import parse_bytes

OBJECTIVES = ("energy", "latency")


@dataclass(frozen=True)
class EyerissEnergySpec:
    """Energy per access (pJ) at each level of the hierarchy, for one word.

    ``alu_pj`` is one MAC; the spads are per read or write of one word; ``noc_pj`` is one
    word delivered to one PE; ``glb_pj`` one GLB word access; ``dram_pj`` one DRAM word.
    The normalized preset sets ALU 1x, RF 1x, NoC 2x, GLB 6x, DRAM 200x (ISCA 2016 Table IV)
    times ``alu_pj``. ``node_nm``/``vdd_v`` are the chip's node and supply: the preset's ALU,
    spad, NoC and GLB figures are 45 nm, 0.9 V figures (a 45 nm unit times node-free ratios)
    and are priced there by :mod:`accelsim.energy.scaling`; ``dram_pj`` and static power are not.
    """

    alu_pj: float
    filter_spad_pj: float
    ifmap_spad_pj: float
    psum_spad_pj: float
    noc_pj: float
    glb_pj: float
    dram_pj: float
    static_power_w: float = 0.0
    source: str = ""
    node_nm: float = TABLE_NODE_NM
    vdd_v: float = TABLE_VDD_V

    @property
    def node_factor(self) -> float:
        """Factor on the on-chip (ALU, spad, NoC, GLB) figures for the chip's node and supply (unitless)."""
        return scale_from_table(self.node_nm, self.vdd_v)


@dataclass(frozen=True)
class EyerissSpec:
    """A row-stationary spatial array: PE grid, scratchpads, GLB, NoC widths, DRAM, energy.

    ``glb_bytes`` is the part of the global buffer shared by ifmaps and psums (Eyeriss: 100 kB
    in 25 banks); ``glb_filter_bytes`` the part that holds filters and preloads the next
    pass's (8 kB). NoC widths are words per cycle: ``ifmap_gin_words`` (Eyeriss: 16-bit bus,
    1), ``filter_gin_words`` and ``psum_gin_words`` (64-bit, 4), ``psum_gon_words`` (64-bit,
    4). ``zero_gating`` skips the MAC's and the filter read's energy (not its cycle) when the
    ifmap value is zero; ``rlc`` stores feature maps in DRAM run-length coded (5-bit run,
    16-bit level, 3 pairs per 64-bit word); ``weight_rlc`` stores filters that way too (the
    chip does not: JSSC 2017 §IV-B codes feature maps only; a switch for pruned networks).
    ``overlap_dram`` lets DRAM transfers overlap
    processing (the paper's "processing latency"); off, they add to it ("total latency").
    """

    name: str
    family: str
    clock_hz: float
    pe_rows: int
    pe_cols: int
    word_bits: int
    filter_spad_words: int
    ifmap_spad_words: int
    psum_spad_words: int
    glb_bytes: int
    glb_filter_bytes: int
    ifmap_gin_words: int
    filter_gin_words: int
    psum_gin_words: int
    psum_gon_words: int
    pe_pipeline_cycles: int
    dram: DramSpec
    energy: EyerissEnergySpec
    zero_gating: bool = True
    rlc: bool = True
    weight_rlc: bool = False
    overlap_dram: bool = True
    objective: str = "energy"
    source: str = ""
    file: str = ""

    @property
    def pe_count(self) -> int:
        """PEs in the array."""
        return self.pe_rows * self.pe_cols

    @property
    def word_bytes(self) -> int:
        """Bytes per word."""
        return max(1, self.word_bits // 8)

    @property
    def glb_words(self) -> int:
        """Words of the ifmap/psum part of the GLB."""
        return self.glb_bytes // self.word_bytes

    @property
    def peak_macs_per_s(self) -> float:
        """One MAC per PE per cycle."""
        return self.pe_count * self.clock_hz


def eyeriss_from_dict(raw: Any, file: str = "") -> EyerissSpec:
    """Validate a parsed Eyeriss-family arch mapping and build the spec; errors carry the dotted field."""
    schema.check_keys(raw, "", ("name", "family", "clock", "array", "spads", "glb", "noc", "dram", "energy"),
                      ("source", "notes", "zero_gating", "rlc", "weight_rlc", "overlap_dram", "objective"))
    clock_hz = read_clock(raw["clock"])
    a = schema.check_keys(raw["array"], "array", ("rows", "cols"), ("word_bits", "pipeline_cycles", "source"))
    s = schema.check_keys(raw["spads"], "spads", ("filter_words", "ifmap_words", "psum_words"), ("source",))
    g = schema.check_keys(raw["glb"], "glb", ("capacity", "filter_capacity"), ("banks", "source"))
    n = schema.check_keys(raw["noc"], "noc", ("ifmap_gin_words", "filter_gin_words", "psum_gin_words",
                                               "psum_gon_words"), ("source",))
    d = schema.check_keys(raw["dram"], "dram", (), ("name", "bandwidth", "latency", "source", "preset", "model"))
    e = schema.check_keys(raw["energy"], "energy", ("alu_pj", "spad_pj", "noc_pj", "glb_pj", "dram_pj"),
                          ("filter_spad_pj", "ifmap_spad_pj", "psum_spad_pj", "static_power_w", "node", "vdd",
                           "source"))
    caps = {}
    for key in ("capacity", "filter_capacity"):
        caps[key] = _conv(parse_bytes, g[key], f"glb.{key}")
        if caps[key] <= 0:
            raise AccelsimError(f"must be > 0, got {g[key]!r}", field=f"glb.{key}")
    base = dram_block(d)
    bw, lat = base.bandwidth_bytes_per_s, base.latency_s
    pj = {k: schema.number(e[k], f"energy.{k}", lo=0) for k in ("alu_pj", "spad_pj", "noc_pj", "glb_pj", "dram_pj")}
    spad = {k: schema.number(e.get(k, pj["spad_pj"]), f"energy.{k}", lo=0)
            for k in ("filter_spad_pj", "ifmap_spad_pj", "psum_spad_pj")}
    word_bits = schema.pos_int(a.get("word_bits", 16), "array.word_bits")
    energy = EyerissEnergySpec(alu_pj=pj["alu_pj"], noc_pj=pj["noc_pj"], glb_pj=pj["glb_pj"], dram_pj=pj["dram_pj"],
                               static_power_w=schema.number(e.get("static_power_w", 0.0), "energy.static_power_w",
                                                            lo=0),
                               source=str(e.get("source", "")),
                               node_nm=schema.number(e.get("node", TABLE_NODE_NM), "energy.node", lo=0),
                               vdd_v=schema.number(e.get("vdd", TABLE_VDD_V), "energy.vdd", lo=0), **spad)
    energy_factor(energy.node_nm, energy.vdd_v)  # refuses a node or supply outside the scaling table
    dram = DramSpec(name=base.name, bandwidth_bytes_per_s=bw, latency_s=lat,
                    energy_pj_per_byte=pj["dram_pj"] / max(1, word_bits // 8), source=base.source,
                    timing=base.timing, path=base.path)
    spec = EyerissSpec(
        name=str(raw["name"]), family="eyeriss", clock_hz=clock_hz,
        pe_rows=schema.pos_int(a["rows"], "array.rows"), pe_cols=schema.pos_int(a["cols"], "array.cols"),
        word_bits=word_bits,
        filter_spad_words=schema.pos_int(s["filter_words"], "spads.filter_words"),
        ifmap_spad_words=schema.pos_int(s["ifmap_words"], "spads.ifmap_words"),
        psum_spad_words=schema.pos_int(s["psum_words"], "spads.psum_words"),
        glb_bytes=caps["capacity"], glb_filter_bytes=caps["filter_capacity"],
        ifmap_gin_words=schema.pos_int(n["ifmap_gin_words"], "noc.ifmap_gin_words"),
        filter_gin_words=schema.pos_int(n["filter_gin_words"], "noc.filter_gin_words"),
        psum_gin_words=schema.pos_int(n["psum_gin_words"], "noc.psum_gin_words"),
        psum_gon_words=schema.pos_int(n["psum_gon_words"], "noc.psum_gon_words"),
        pe_pipeline_cycles=schema.pos_int(a.get("pipeline_cycles", 3), "array.pipeline_cycles", minimum=0),
        dram=dram, energy=energy,
        zero_gating=schema.boolean(raw.get("zero_gating", True), "zero_gating"),
        rlc=schema.boolean(raw.get("rlc", True), "rlc"),
        weight_rlc=schema.boolean(raw.get("weight_rlc", False), "weight_rlc"),
        overlap_dram=schema.boolean(raw.get("overlap_dram", True), "overlap_dram"),
        objective=schema.choice(raw.get("objective", "energy"), "objective", OBJECTIVES),
        source=str(raw.get("source", "")), file=file)
    if spec.glb_words < spec.pe_cols:
        raise AccelsimError(f"holds {spec.glb_bytes} B, smaller than one row of {spec.pe_cols} psums",
                            field="glb.capacity")
    return spec
