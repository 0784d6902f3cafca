"""Cambricon-X specs: PEs that each keep one output neuron's compressed synapses, fed by an indexing module.

The family is the sparse accelerator of Zhang, Du, Zhang, Lan, Liu, Li, Guo, Chen and Chen (MICRO
2016). Each of ``pes`` PEs multiplies ``tn`` synapses a cycle with the ``tn`` input neurons the
indexing module (IM) selected for it from NBin, so a PE spends ``ceil(non-zeros / tn)`` cycles
on an output neuron instead of ``ceil(fan_in / tn)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accelsim import schema
from accelsim.arch.blocks import clock_hz as read_clock, convert, dram_block
from accelsim.arch.spec import DramSpec
from accelsim.energy.scaling import TABLE_NODE_NM, TABLE_VDD_V, energy_factor
from accelsim.errors import AccelsimError
from accelsim.units import parse_bytes

INDEXING = ("step", "direct")


@dataclass(frozen=True)
class CambriconXEnergySpec:
    """Energy per action (pJ): a multiply, an add, a byte of each buffer, one neuron the IM selects; idle power (W)."""

    mult_pj: float
    add_pj: float
    nbin_pj_per_byte: float
    nbout_pj_per_byte: float
    sb_pj_per_byte: float
    index_pj: float
    static_power_w: float = 0.0
    source: str = ""
    node_nm: float = TABLE_NODE_NM   # mult, add and buffer figures are 45 nm table figures priced at this node
    vdd_v: float = TABLE_VDD_V       # and supply (accelsim.energy.scaling); index, DRAM and static are not


@dataclass(frozen=True)
class CambriconXSpec:
    """``pes`` PEs of ``tn`` multipliers and an adder tree at ``clock_hz``, NBin/NBout, a synapse buffer per PE.

    Synapses are ``data_bits`` wide and stored compressed: ``indexing`` ``step`` keeps a
    ``step_bits`` distance with every non-zero, ``direct`` one bit per input position (a bitmap).
    ``vector_lanes`` elements a cycle for pooling and element-wise layers.
    """

    name: str
    family: str
    clock_hz: float
    pes: int
    tn: int
    data_bits: int
    indexing: str
    step_bits: int
    nbin_bytes: int
    nbout_bytes: int
    sb_bytes: int
    vector_lanes: int
    energy: CambriconXEnergySpec
    dram: DramSpec
    source: str = ""
    file: str = ""

    @property
    def peak_macs_per_s(self) -> float:
        """``pes x tn`` multiply-accumulates a cycle (on non-zero synapses)."""
        return self.pes * self.tn * self.clock_hz

    def index_bits(self, nonzeros: int, fan_in: int) -> int:
        """Bits of index one output neuron's synapses carry: per non-zero (step) or per position (direct)."""
        return nonzeros * self.step_bits if self.indexing == "step" else fan_in


def cambricon_x_from_dict(raw: Any, file: str = "") -> CambriconXSpec:
    """Validate a parsed Cambricon-X arch mapping and build the spec; errors carry the dotted field."""
    schema.check_keys(raw, "", ("name", "family", "clock", "pe", "buffers", "dram", "energy"),
                      ("source", "notes", "vector", "published"))
    clock_hz = read_clock(raw["clock"])
    p = schema.check_keys(raw["pe"], "pe", ("count", "tn"), ("data_bits", "indexing", "step_bits", "source"))
    b = schema.check_keys(raw["buffers"], "buffers", ("nbin", "nbout", "sb"), ("source",))
    sizes = {}
    for key in ("nbin", "nbout", "sb"):
        sizes[key] = convert(parse_bytes, b[key], f"buffers.{key}")
        if sizes[key] <= 0:
            raise AccelsimError(f"must be > 0, got {b[key]!r}", field=f"buffers.{key}")
    e = schema.check_keys(raw["energy"], "energy", ("mult_pj", "add_pj", "nbin_pj_per_byte", "nbout_pj_per_byte",
                                                   "sb_pj_per_byte", "index_pj"), ("static_power_w", "node", "vdd", "source"))
    energy = CambriconXEnergySpec(**{k: schema.number(e[k], f"energy.{k}", lo=0) for k in
                                     ("mult_pj", "add_pj", "nbin_pj_per_byte", "nbout_pj_per_byte", "sb_pj_per_byte",
                                      "index_pj")},
                                  static_power_w=schema.number(e.get("static_power_w", 0.0), "energy.static_power_w",
                                                               lo=0), source=str(e.get("source", "")),
                                  node_nm=schema.number(e.get("node", TABLE_NODE_NM), "energy.node", lo=0),
                                  vdd_v=schema.number(e.get("vdd", TABLE_VDD_V), "energy.vdd", lo=0))
    energy_factor(energy.node_nm, energy.vdd_v)  # refuses a node or supply outside the scaling table
    v = schema.check_keys(raw.get("vector", {"lanes": 16}), "vector", ("lanes",), ("source",))
    data_bits = schema.pos_int(p.get("data_bits", 16), "pe.data_bits")
    if data_bits % 8:
        raise AccelsimError(f"must be a whole number of bytes (8, 16, ...), got {data_bits}", field="pe.data_bits")
    return CambriconXSpec(name=str(raw["name"]), family="cambricon_x", clock_hz=clock_hz,
                          pes=schema.pos_int(p["count"], "pe.count"), tn=schema.pos_int(p["tn"], "pe.tn"),
                          data_bits=data_bits,
                          indexing=schema.choice(p.get("indexing", "step"), "pe.indexing", INDEXING),
                          step_bits=schema.pos_int(p.get("step_bits", 8), "pe.step_bits"),
                          nbin_bytes=sizes["nbin"], nbout_bytes=sizes["nbout"], sb_bytes=sizes["sb"],
                          vector_lanes=schema.pos_int(v["lanes"], "vector.lanes"), energy=energy,
                          dram=dram_block(raw["dram"]), source=str(raw.get("source", "")), file=file)
