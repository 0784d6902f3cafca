"""Instruction-driven CNN units (DianNao / Cambricon style): core, NFU, vector unit, scratchpads.

A control core fetches the ISA of :mod:`accelsim.families.cambricon.isa` and issues each
instruction, in order, to one of four units: the scalar unit (in the pipeline), the DMA
engines (one per scratchpad, each with a request queue into the shared DRAM model), the matrix
unit (DianNao's NFU-1/NFU-2: ``matrix.rows`` output lanes x ``matrix.cols`` input lanes of
16-bit multipliers feeding adder trees) and the vector unit (NFU-3 / Cambricon's vector
function unit: ``vector.lanes`` 16-bit lanes). Scratchpads: ``nbin`` (input neurons),
``sb`` (synapses), ``nbout`` (outputs and partial sums). ``dma.weight_format`` says how
weights sit in DRAM: ``dense``, or a sparse format (CSR, CSC, bitmap, relative indices) whose
stored bytes the SB's DMA moves (``VLOADZ``) and decompresses into SB; the NFU still
multiplies every weight, zeros included.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accelsim import schema
from accelsim.arch.blocks import clock_hz as read_clock, dram_block
from accelsim.arch.spec import DramSpec
from accelsim.energy.scaling import TABLE_NODE_NM, TABLE_VDD_V, energy_factor
from accelsim.errors import AccelsimError
from accelsim.units import parse_bytes


@dataclass(frozen=True)
class UnitSpec:
    """A functional unit: lanes (rows x cols for the matrix unit), pipeline depth, queue depth."""

    rows: int            # matrix: outputs per cycle; vector: lanes
    cols: int            # matrix: inputs per output per cycle; vector: 1
    stages: int          # pipeline depth in cycles (latency beyond the issue-rate cycles)
    queue: int           # instructions that may wait for the unit after issue


@dataclass(frozen=True)
class CambriconEnergySpec:
    """Energy per action (pJ) and static power (W); the source says at which node."""

    mult_pj: float        # one 16-bit multiply
    add_pj: float         # one 16/32-bit add
    sram_pj_per_byte: dict[str, float]   # per scratchpad, read or write
    static_power_w: float
    source: str = ""
    node_nm: float = TABLE_NODE_NM   # the mult, add and SRAM figures are at this node and supply;
    vdd_v: float = TABLE_VDD_V       # they are priced there by accelsim.energy.scaling (static power is not)


@dataclass(frozen=True)
class CambriconSpec:
    """A DianNao/Cambricon-style accelerator: clock, core pipeline, units, scratchpads, DRAM."""

    name: str
    family: str
    variant: str                    # "diannao" or "cambricon": what the preset imitates
    clock_hz: float
    data_bits: int
    pipeline_stages: int            # fetch .. commit; a taken branch refetches (stages before execute)
    branch_penalty_cycles: int
    matrix: UnitSpec
    vector: UnitSpec
    dma: UnitSpec                   # rows = engines (one per scratchpad), queue per engine
    scratchpad_bytes: dict[str, int]
    dram: DramSpec
    energy: CambriconEnergySpec
    published: dict[str, float]     # the chip's published figures (validate compares)
    weight_format: str = "dense"    # how weights sit in DRAM; a sparse one is loaded with VLOADZ (decompressed)
    source: str = ""
    file: str = ""

    @property
    def pe_count(self) -> int:
        """Multipliers in the matrix unit."""
        return self.matrix.rows * self.matrix.cols

    @property
    def peak_macs_per_s(self) -> float:
        """MACs per second with every matrix-unit multiplier busy."""
        return self.pe_count * self.clock_hz

    @property
    def word_bytes(self) -> int:
        """Bytes per neuron or synapse."""
        return self.data_bits // 8


SCRATCHPAD_NAMES = ("nbin", "sb", "nbout")
#: accelsim.compress.prune.WEIGHT_FORMATS, named here so loading a spec stays light
WEIGHT_FORMATS = ("dense", "csr", "csc", "bitmap", "relative_index")
#: the ISA's address map: scratchpad name -> base byte address; DRAM is every address below SP_BASE
SCRATCHPADS = {"nbin": 0x8000_0000, "sb": 0x9000_0000, "nbout": 0xA000_0000}
SP_BASE = 0x8000_0000
SP_SPAN = 0x1000_0000   # address range reserved per scratchpad (its size comes from the preset)


def _unit(raw: Any, fld: str, with_cols: bool) -> UnitSpec:
    keys = ("rows", "cols", "stages", "queue") if with_cols else ("lanes", "stages", "queue")
    d = schema.check_keys(raw, fld, keys, ("source",))
    if with_cols:
        return UnitSpec(schema.pos_int(d["rows"], f"{fld}.rows"), schema.pos_int(d["cols"], f"{fld}.cols"),
                        schema.pos_int(d["stages"], f"{fld}.stages"), schema.pos_int(d["queue"], f"{fld}.queue"))
    return UnitSpec(schema.pos_int(d["lanes"], f"{fld}.lanes"), 1, schema.pos_int(d["stages"], f"{fld}.stages"),
                    schema.pos_int(d["queue"], f"{fld}.queue"))


def _bytes(value: Any, fld: str) -> int:
    try:
        n = parse_bytes(value)
    except AccelsimError as e:
        raise AccelsimError(e.message, field=fld) from None
    if n <= 0:
        raise AccelsimError(f"must be > 0, got {value!r}", field=fld)
    return n


def cambricon_from_dict(raw: Any, file: str = "") -> CambriconSpec:
    """Validate a parsed DianNao/Cambricon arch mapping and build the spec; errors carry the field."""
    schema.check_keys(raw, "", ("name", "family", "variant", "clock", "core", "matrix", "vector", "dma",
                                "scratchpads", "dram", "energy"), ("source", "notes", "published"))
    clock_hz = read_clock(raw["clock"])
    core = schema.check_keys(raw["core"], "core", ("pipeline_stages", "data_bits"), ("branch_penalty", "source"))
    stages = schema.pos_int(core["pipeline_stages"], "core.pipeline_stages", minimum=3)
    bits = schema.pos_int(core["data_bits"], "core.data_bits")
    if bits != 16:
        raise AccelsimError(f"only 16-bit fixed point is modelled, got {bits}", field="core.data_bits")
    # fetch, decode and issue come before execute; a taken branch is resolved in execute
    penalty = schema.pos_int(core.get("branch_penalty", stages - 4 if stages > 4 else 1), "core.branch_penalty",
                             minimum=0)
    sp = schema.check_keys(raw["scratchpads"], "scratchpads", SCRATCHPAD_NAMES, ("source",))
    sizes = {k: _bytes(sp[k], f"scratchpads.{k}") for k in SCRATCHPAD_NAMES}
    for k, n in sizes.items():
        if n >= 0x1000_0000:
            raise AccelsimError(f"must be < 256 MiB (the ISA's scratchpad window), got {n}", field=f"scratchpads.{k}")
    dma = schema.check_keys(raw["dma"], "dma", ("queue",), ("weight_format", "source"))
    e = schema.check_keys(raw["energy"], "energy", ("mult_pj", "add_pj", "sram_pj_per_byte", "static_power_w"),
                          ("node", "vdd", "source"))
    sram = schema.check_keys(e["sram_pj_per_byte"], "energy.sram_pj_per_byte", SCRATCHPAD_NAMES)
    energy = CambriconEnergySpec(
        mult_pj=schema.number(e["mult_pj"], "energy.mult_pj", lo=0), add_pj=schema.number(e["add_pj"], "energy.add_pj",
                                                                                          lo=0),
        sram_pj_per_byte={k: schema.number(sram[k], f"energy.sram_pj_per_byte.{k}", lo=0) for k in SCRATCHPAD_NAMES},
        static_power_w=schema.number(e["static_power_w"], "energy.static_power_w", lo=0), source=str(e.get("source", "")),
        node_nm=schema.number(e.get("node", TABLE_NODE_NM), "energy.node", lo=0),
        vdd_v=schema.number(e.get("vdd", TABLE_VDD_V), "energy.vdd", lo=0))
    energy_factor(energy.node_nm, energy.vdd_v)  # refuses a node or supply outside the scaling table
    published = raw.get("published", {}) or {}
    if not isinstance(published, dict):
        raise AccelsimError("must be a mapping of figure name to number", field="published")
    return CambriconSpec(
        name=str(raw["name"]), family="cambricon",
        variant=schema.choice(raw["variant"], "variant", ("diannao", "cambricon")), clock_hz=clock_hz,
        data_bits=bits, pipeline_stages=stages, branch_penalty_cycles=penalty,
        matrix=_unit(raw["matrix"], "matrix", True), vector=_unit(raw["vector"], "vector", False),
        dma=UnitSpec(len(SCRATCHPAD_NAMES), 1, 1, schema.pos_int(dma["queue"], "dma.queue")),
        scratchpad_bytes=sizes, dram=dram_block(raw["dram"]), energy=energy,
        published={str(k): schema.number(v, f"published.{k}") for k, v in published.items()},
        weight_format=schema.choice(dma.get("weight_format", "dense"), "dma.weight_format", WEIGHT_FORMATS),
        source=str(raw.get("source", "")), file=file)
