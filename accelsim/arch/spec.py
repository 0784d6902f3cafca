"""Spec blocks every family may share: an on-chip SRAM, the DRAM, a vector unit, energy overrides.

A spec says what exists (buffers, DRAM, clock, energy figures) and nothing about how a
network is mapped onto it; a family's lowering reads both. Every number carries its unit in
its name. Each family's own spec type lives in its folder (``accelsim/families/<name>/spec.py``);
the YAML blocks for these are read by :mod:`accelsim.arch.blocks`.
"""

from __future__ import annotations

from dataclasses import dataclass

@dataclass(frozen=True)
class BufferSpec:
    """An on-chip SRAM: ``capacity_bytes``, an access of ``width_bits``, optional per-access energy.

    ``read_pj``/``write_pj`` override the energy table's capacity-based estimate for one
    access of ``width_bits``. ``banks`` splits the capacity into equal banks; an access
    is priced as an access to one bank of ``capacity_bytes / banks``. ``read_ports`` and
    ``write_ports`` are the accesses of ``width_bits`` served per cycle: by the whole buffer in
    the default rate model, where an array that needs more per streamed vector streams slower
    (``families/systolic/lower.port_divisor``); by each bank when ``array.bank_conflicts`` prices the
    real access pattern (``families/systolic/bank_conflicts.py``; a FIFO is not addressed and never conflicts).
    ``kind`` says how loads and use overlap: ``single`` (a load waits until the previous tile is
    used up), ``double`` (ping-pong halves: one loads while the other is used) or ``fifo`` (a
    queue of ``depth`` tiles, TPU v1's weight FIFO).
    """

    name: str
    capacity_bytes: int
    width_bits: int = 64
    banks: int = 1
    read_ports: int = 1
    write_ports: int = 1
    double_buffered: bool = True
    kind: str = ""            # "single" | "double" | "fifo"; "" = the role's default (see slots())
    depth: int = 0            # fifo: tiles held; 0 = as many as fit
    leakage_mw: float | None = 0.0  # static power while the run lasts; None = energy table's per-KiB figure
    read_pj: float | None = None
    write_pj: float | None = None
    source: str = ""

    @property
    def width_bytes(self) -> int:
        """Bytes moved by one access."""
        return max(1, self.width_bits // 8)

    def slots(self, tile_bytes: int, default: str) -> int:
        """Tiles of ``tile_bytes`` the buffer holds at once, by kind: single 1, double 2 (ping-pong),
        fifo ``depth`` (or as many as fit). ``default`` is the kind when none is given."""
        kind = self.kind or default
        if kind == "single":
            return 1
        if kind == "double":
            return 2
        return self.depth or max(1, self.capacity_bytes // max(1, tile_bytes))

    def held_tiles(self, default: str) -> int:
        """Tiles the kind must hold at once whatever their size: single 1, double 2, fifo ``depth`` (or 1)."""
        kind = self.kind or default
        return {"single": 1, "double": 2}.get(kind, max(1, self.depth))


@dataclass(frozen=True)
class DramSpec:
    """Off-chip memory, bandwidth + latency model: ``bandwidth_bytes_per_s`` shared by all transfers.

    Every transfer occupies the channel for ``bytes / bandwidth`` and completes ``latency_s``
    after its last byte. ``energy_pj_per_byte`` prices every byte moved. With ``timing`` (a
    DRAM preset such as ``ddr4-2400-x64``) the timing model of :mod:`accelsim.sim.dram_timing`
    replaces both: banks, rows, refresh and IDD-based energy.
    """

    name: str
    bandwidth_bytes_per_s: float
    latency_s: float
    energy_pj_per_byte: float
    source: str = ""
    timing: object = None   # a DramTimingSpec (accelsim.arch.dram): banks, rows, JEDEC timings
    path: str = "request"   # with ``timing``: "request" (FR-FCFS per burst) or "stream" (fast path)


@dataclass(frozen=True)
class VectorUnitSpec:
    """The unit that runs pooling, activation and element-wise layers: ``lanes`` elements per cycle."""

    lanes: int
    source: str = ""


@dataclass(frozen=True)
class EnergySpec:
    """Energy figures that override the default table (45 nm, Horowitz ISSCC 2014).

    ``mac_pj``: one MAC at the array's native width, if set. ``static_power_w``: leakage and
    idle power, charged for every cycle of the run. ``vector_op_pj``: one vector-unit operation.
    ``node_nm`` and ``vdd_v``: the chip's process node and core supply; the table's on-chip
    energies are scaled there from 45 nm, 0.9 V (``accelsim.energy.scaling``), overrides are not.
    """

    mac_pj: float | None = None
    vector_op_pj: float | None = None
    static_power_w: float = 0.0
    node_nm: float = 45.0
    vdd_v: float = 0.9
    source: str = ""
