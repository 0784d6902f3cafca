"""Architecture specs: frozen descriptions of the hardware, built from validated YAML.

A spec says what exists (array, buffers, DRAM, clock, energy figures) and nothing about how
a network is mapped onto it; the lowering reads both. Every number carries its unit in its
name. Presets live in ``presets/*.yaml``, each block with a ``source:`` line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DATAFLOWS = ("ws", "os", "is")


@dataclass(frozen=True)
class BufferSpec:
    """An on-chip SRAM: ``capacity_bytes``, an access of ``width_bits``, optional per-access energy.

    ``read_pj``/``write_pj`` override the energy table's capacity-based estimate for one
    access of ``width_bits``. ``banks`` splits the capacity into equal banks; an access
    is priced as an access to one bank of ``capacity_bytes / banks``. ``read_ports`` and
    ``write_ports`` are the accesses of ``width_bits`` served per cycle: by the whole buffer in
    the default rate model, where an array that needs more per streamed vector streams slower
    (``lower/systolic.port_divisor``); by each bank when ``array.bank_conflicts`` prices the
    real access pattern (``lower/bank_conflicts.py``; a FIFO is not addressed and never conflicts).
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
class SystolicArraySpec:
    """A ``rows x cols`` grid of MACs and the conventions of its folds.

    ``dataflow`` is ws (weight-), os (output-) or is (input-stationary). ``mac_bits`` is the
    native operand width: operands wider than it take ``ceil(w/mac_bits) * ceil(a/mac_bits)``
    passes (TPU v1: 8x16 half rate, 16x16 quarter rate). ``overlap_folds`` double-buffers the
    stationary operand so the next fold's preload hides under the current fold's stream.
    ``pad_weight_tiles`` moves whole ``rows x cols`` weight tiles from DRAM even when a fold
    uses fewer (TPU v1's Read_Weights moves 64 KiB tiles).
    """

    rows: int
    cols: int
    dataflow: str = "ws"
    mac_bits: int = 8
    overlap_folds: bool = True
    pad_weight_tiles: bool = False
    compat: str = "none"   # "scalesim": count folds exactly as SCALE-Sim 3.0.0 does (lower/scalesim_compat.py)
    bank_conflicts: bool = False  # price each cycle's requests against banks and ports (lower/bank_conflicts.py)

    @property
    def macs(self) -> int:
        """MAC units in the array."""
        return self.rows * self.cols


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
    """

    mac_pj: float | None = None
    vector_op_pj: float | None = None
    static_power_w: float = 0.0
    source: str = ""


@dataclass(frozen=True)
class ArchSpec:
    """One accelerator: family, clock, compute, memories, DRAM and energy.

    For the systolic family the three buffers play SCALE-Sim's roles: ``ifmap`` (input
    activations; TPU v1's Unified Buffer), ``filter`` (weights; TPU v1's Weight FIFO) and
    ``ofmap`` (partial sums and outputs; TPU v1's Accumulators). With
    ``keep_activations_on_chip`` a layer's output stays in the ifmap buffer for the next
    layer when it fits; otherwise every layer reads its input from DRAM and writes its
    output back.
    """

    name: str
    family: str
    clock_hz: float
    array: SystolicArraySpec
    ifmap: BufferSpec
    filter: BufferSpec
    ofmap: BufferSpec
    vector: VectorUnitSpec
    dram: DramSpec
    energy: EnergySpec = field(default_factory=EnergySpec)
    keep_activations_on_chip: bool = False
    source: str = ""
    file: str = ""

    @property
    def buffers(self) -> tuple[BufferSpec, BufferSpec, BufferSpec]:
        """The on-chip buffers in role order (ifmap, filter, ofmap)."""
        return (self.ifmap, self.filter, self.ofmap)

    @property
    def peak_macs_per_s(self) -> float:
        """Peak MAC/s at the native operand width."""
        return self.array.macs * self.clock_hz

    @property
    def dram_bytes_per_cycle(self) -> float:
        """DRAM bandwidth in bytes per accelerator clock cycle."""
        return self.dram.bandwidth_bytes_per_s / self.clock_hz
