"""The systolic family's spec: a ``rows x cols`` MAC array, three SCALE-Sim-role buffers, a vector unit.

Built from validated YAML by :func:`accelsim.families.systolic.load.systolic_from_dict`; the
shared blocks (buffers, DRAM, energy overrides) are :mod:`accelsim.arch.spec`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accelsim.arch.spec import BufferSpec, DramSpec, EnergySpec, VectorUnitSpec

DATAFLOWS = ("ws", "os", "is")
#: how weights are stored in DRAM (accelsim.compress.prune.sparse_sizes); the DMA decompresses into the filter buffer
WEIGHT_FORMATS = ("dense", "csr", "csc", "bitmap", "relative_index")


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
    compat: str = "none"   # "scalesim": count folds exactly as SCALE-Sim 3.0.0 does (families/systolic/scalesim_compat.py)
    bank_conflicts: bool = False  # price each cycle's requests against banks and ports (families/systolic/bank_conflicts.py)
    structured: str = "none"  # "2:4": N:M sparse mode (half the reduction per fold, 2-bit indices; tiles.array_dims)
    #: compat scalesim: words/cycle of SCALE-Sim's ifmap and filter refills (0: never stall, its CALC mode)
    #: and ofmap write-back (families/systolic/scalesim_memory.py); () = no SRAM refill model
    scalesim_refill_words: tuple[int, ...] = ()

    @property
    def macs(self) -> int:
        """MAC units in the array."""
        return self.rows * self.cols


@dataclass(frozen=True)
class HostLinkSpec:
    """The link from the host's memory, over which the network input arrives (TPU v1: PCIe Gen3 x16).

    With a host link the network input is read from host memory at ``bandwidth_bytes_per_s``
    (its own channel, not the weight DRAM's) before the first layer can use it: the paper's
    Read_Host_Memory, whose wait Table 3 counts as input stalls.
    """

    bandwidth_bytes_per_s: float
    source: str = ""


@dataclass(frozen=True)
class SystolicSpec:
    """One accelerator: family, clock, compute, memories, DRAM and energy.

    For the systolic family the three buffers play SCALE-Sim's roles: ``ifmap`` (input
    activations; TPU v1's Unified Buffer), ``filter`` (weights; TPU v1's Weight FIFO) and
    ``ofmap`` (partial sums and outputs; TPU v1's Accumulators). With
    ``keep_activations_on_chip`` a layer's output stays in the ifmap buffer for the next
    layer when it fits; otherwise every layer reads its input from DRAM and writes its
    output back. ``weight_format`` says how weights sit in DRAM: ``dense``, or a sparse format whose
    real size (at each layer's density) the weight DMA moves, decompressing into the filter buffer.
    ``host`` (optional) brings the network input from host memory over its own link.
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
    weight_format: str = "dense"   # pruned weights in DRAM as csr/csc/bitmap/relative_index: fewer bytes to load
    host: HostLinkSpec | None = None  # the network input comes from host memory over this link (None: from DRAM)
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
