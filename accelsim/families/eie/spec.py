"""EIE-family specs: PEs that each hold a slice of a compressed sparse matrix and share one activation broadcast.

The family is the Efficient Inference Engine of Han, Liu, Mao, Pu, Pedram, Horowitz and Dally
(ISCA 2016). A spec says what the chip has; the mapping of a layer onto it (rows interleaved over
PEs, columns stored CSC with relative indices) is the lowering's job (:mod:`.lower`).
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


@dataclass(frozen=True)
class EieEnergySpec:
    """Energy per action (pJ); ``None`` takes the 45 nm table (:mod:`accelsim.energy.table`) at the spec's sizes.

    ``mac_pj``: one multiply-accumulate of a decoded weight and an activation; ``spmat_read_pj``:
    one ``spmat_width_bits`` read of a PE's sparse-matrix SRAM; ``ptr_read_pj``: one pointer read;
    ``act_pj``: one activation register read or write; ``static_power_w``: the whole chip, idle.
    """

    mac_pj: float | None = None
    spmat_read_pj: float | None = None
    ptr_read_pj: float | None = None
    act_pj: float = 0.1
    static_power_w: float = 0.0
    source: str = ""
    node_nm: float = TABLE_NODE_NM   # the table's figures (not the overrides) are priced at this node and
    vdd_v: float = TABLE_VDD_V       # supply by accelsim.energy.scaling


@dataclass(frozen=True)
class EieSpec:
    """``pes`` PEs at ``clock_hz``, each with a sparse-matrix SRAM, a pointer SRAM, an activation queue and registers.

    A PE owns the output rows ``r`` with ``r % pes == p``. Its sparse-matrix SRAM
    (``spmat_bytes``, read ``spmat_width_bits`` at a time) stores each non-zero of its rows as a
    ``weight_bits`` codebook index and an ``index_bits`` relative row index, column after column
    (CSC); a run of more than ``2**index_bits - 1`` zeros needs a padding entry. Its pointer SRAM
    (``ptr_bytes``) holds two ``ptr_bits`` pointers per column. ``queue_depth`` is the activation
    queue; ``act_regs`` the destination registers (outputs a PE accumulates in one pass).
    ``pipeline_cycles`` from the last entry to the result in its register. With
    ``weights_on_chip`` the compressed model is loaded before the run (the paper's setting) and
    only a layer that does not fit streams its weights from DRAM.
    """

    name: str
    family: str
    clock_hz: float
    pes: int
    queue_depth: int
    spmat_bytes: int
    spmat_width_bits: int
    ptr_bytes: int
    ptr_bits: int
    act_regs: int
    weight_bits: int
    index_bits: int
    act_bits: int
    pipeline_cycles: int
    weights_on_chip: bool
    energy: EieEnergySpec
    dram: DramSpec
    source: str = ""
    file: str = ""

    @property
    def peak_macs_per_s(self) -> float:
        """One MAC per PE per cycle (on the compressed matrix: non-zeros only)."""
        return self.pes * self.clock_hz

    @property
    def entry_bits(self) -> int:
        """Bits of one stored entry: codebook index plus relative row index."""
        return self.weight_bits + self.index_bits


def eie_from_dict(raw: Any, file: str = "") -> EieSpec:
    """Validate a parsed EIE arch mapping and build the spec; errors carry the dotted field."""
    schema.check_keys(raw, "", ("name", "family", "clock", "pe", "dram"), ("source", "notes", "energy",
                                                                        "weights_on_chip"))
    clock_hz = read_clock(raw["clock"])
    p = schema.check_keys(raw["pe"], "pe", ("count", "queue_depth", "spmat", "ptr", "act_regs"),
                          ("spmat_width_bits", "ptr_bits", "weight_bits", "index_bits", "act_bits", "pipeline_cycles",
                           "source"))
    sizes = {}
    for key in ("spmat", "ptr"):
        sizes[key] = convert(parse_bytes, p[key], f"pe.{key}")
        if sizes[key] <= 0:
            raise AccelsimError(f"must be > 0, got {p[key]!r}", field=f"pe.{key}")
    e = schema.check_keys(raw.get("energy", {}), "energy", (),
                          ("mac_pj", "spmat_read_pj", "ptr_read_pj", "act_pj", "static_power_w", "node", "vdd",
                           "source"))
    opt = {k: schema.number(e[k], f"energy.{k}", lo=0) for k in ("mac_pj", "spmat_read_pj", "ptr_read_pj", "act_pj")
           if e.get(k) is not None}
    energy = EieEnergySpec(**opt, static_power_w=schema.number(e.get("static_power_w", 0.0), "energy.static_power_w",
                                                                lo=0), source=str(e.get("source", "")),
                           node_nm=schema.number(e.get("node", TABLE_NODE_NM), "energy.node", lo=0),
                           vdd_v=schema.number(e.get("vdd", TABLE_VDD_V), "energy.vdd", lo=0))
    energy_factor(energy.node_nm, energy.vdd_v)  # refuses a node or supply outside the scaling table
    bits = {k: schema.pos_int(p.get(k, d), f"pe.{k}") for k, d in (("weight_bits", 4), ("index_bits", 4),
                                                                     ("act_bits", 16), ("ptr_bits", 16),
                                                                     ("spmat_width_bits", 64))}
    if bits["index_bits"] > 16 or bits["weight_bits"] > 16:
        raise AccelsimError("must be <= 16", field="pe.index_bits" if bits["index_bits"] > 16 else "pe.weight_bits")
    return EieSpec(name=str(raw["name"]), family="eie", clock_hz=clock_hz,
                   pes=schema.pos_int(p["count"], "pe.count"),
                   queue_depth=schema.pos_int(p["queue_depth"], "pe.queue_depth"),
                   spmat_bytes=sizes["spmat"], ptr_bytes=sizes["ptr"],
                   act_regs=schema.pos_int(p["act_regs"], "pe.act_regs"),
                   pipeline_cycles=schema.pos_int(p.get("pipeline_cycles", 4), "pe.pipeline_cycles", minimum=0),
                   weights_on_chip=schema.boolean(raw.get("weights_on_chip", True), "weights_on_chip"),
                   energy=energy, dram=dram_block(raw["dram"]), source=str(raw.get("source", "")), file=file,
                   **bits)
