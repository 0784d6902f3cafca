"""Tiled FPGA accelerator specs: a device budget and a loop-tiled convolution engine on it.

The engine follows Zhang et al. (FPGA 2015) and Qiu et al. (FPGA 2016): ``tm x tn``
convolver complexes, each a ``k x k`` window of multipliers fed from a line buffer, compute
``tm`` output maps from ``tn`` input maps at a time; ping-pong input, weight and output
buffers hold one ``tr x tc`` output tile. ``tm = tn = 0`` asks the tile search for the best
pair under the device budget. ``fusion`` is ``none`` (every layer's output goes to DRAM),
``fused`` (consecutive conv/pool layers run per output block with their halos recomputed, as
Alwani et al., MICRO 2016) or ``block`` (block convolution, Li et al., DATE 2018: blocks are
independent, no halo, so intermediate maps never leave the chip).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accelsim import schema
from accelsim.arch.blocks import clock_hz as read_clock, dram_block
from accelsim.arch.spec import DramSpec
from accelsim.errors import AccelsimError
from accelsim.families.fpga.axi import AxiPorts


FUSION = ("none", "fused", "block")
WEIGHT_FORMATS = ("dense", "csr", "csc", "bitmap", "relative_index")


@dataclass(frozen=True)
class FpgaDevice:
    """What an FPGA part offers: DSP slices, 36 Kb block RAMs, LUTs and flip-flops."""

    name: str
    dsp: int
    bram36: int
    lut: int
    ff: int
    source: str = ""


@dataclass(frozen=True)
class FpgaSpec:
    """A tiled CNN engine on a device: clock, convolver array, tiles, data width, DRAM, fusion."""

    name: str
    family: str
    clock_hz: float
    device: FpgaDevice
    data_bits: int
    kernel: int          # convolver window (3: a 3x3 line-buffer convolver)
    tm: int              # output maps in parallel (0: search)
    tn: int              # input maps in parallel (0: search)
    tr: int              # output tile rows
    tc: int              # output tile columns
    dram: DramSpec
    fusion: str = "none"
    block: int = 0       # block side in output pixels of the group's first layer (fused/block modes)
    static_power_w: float = 0.0
    dsp_fraction: float = 1.0  # share of the device's DSPs the engine may use
    bram_fraction: float = 1.0
    axi: AxiPorts | None = None  # the design's ports to DDR; None: the DDR's own rate is the limit
    weight_format: str = "dense"  # weights in DRAM: dense, or a sparse format the weight DMA moves at its real size
    source: str = ""
    file: str = ""

    @property
    def stream_bytes_per_s(self) -> float:
        """The rate one direction can stream at: the DDR's, or the design's AXI ports' if lower (bytes/s)."""
        bw = self.dram.bandwidth_bytes_per_s
        return min(bw, self.axi.bandwidth_bytes_per_s(self.clock_hz)) if self.axi else bw

    @property
    def macs_per_dsp(self) -> int:
        """MACs one DSP48 slice does per cycle at this width (two 8-bit products share one slice)."""
        return 2 if self.data_bits <= 8 else 1

    @property
    def word_bytes(self) -> float:
        """Bytes per data word."""
        return self.data_bits / 8

    @property
    def peak_macs_per_s(self) -> float:
        """MACs per second if every usable DSP did its MACs each cycle."""
        return int(self.device.dsp * self.dsp_fraction) * self.macs_per_dsp * self.clock_hz

    @property
    def pe_count(self) -> int:
        """Multipliers in the engine (``tm * tn * kernel^2``)."""
        return self.tm * self.tn * self.kernel * self.kernel


DEVICES = {
    # Xilinx DS190 (Zynq-7000 overview) and DS891 (Zynq UltraScale+ MPSoC overview)
    "xc7z045": FpgaDevice("xc7z045", 900, 545, 218600, 437200, "Xilinx DS190, Zynq-7000 XC7Z045"),
    "xc7z020": FpgaDevice("xc7z020", 220, 140, 53200, 106400, "Xilinx DS190, Zynq-7000 XC7Z020"),
    "xczu9eg": FpgaDevice("xczu9eg", 2520, 912, 274080, 548160, "Xilinx DS891, Zynq UltraScale+ ZU9EG"),
}


def fpga_from_dict(raw: Any, file: str = "") -> FpgaSpec:
    """Validate a parsed FPGA arch mapping and build the spec; errors carry the dotted field."""
    schema.check_keys(raw, "", ("name", "family", "clock", "device", "engine", "dram"),
                      ("source", "notes", "fusion", "block", "static_power_w", "axi", "weight_format"))
    clock_hz = read_clock(raw["clock"])
    dev = raw["device"]
    if isinstance(dev, str):
        if dev.lower() not in DEVICES:
            raise AccelsimError(f"unknown device {dev!r}; known: {', '.join(sorted(DEVICES))} (or give dsp, bram36, "
                                "lut, ff)", field="device")
        device = DEVICES[dev.lower()]
    else:
        d = schema.check_keys(dev, "device", ("name", "dsp", "bram36", "lut", "ff"), ("source",))
        device = FpgaDevice(str(d["name"]), *(schema.pos_int(d[k], f"device.{k}") for k in ("dsp", "bram36", "lut",
                                                                                             "ff")),
                            source=str(d.get("source", "")))
    e = schema.check_keys(raw["engine"], "engine", ("data_bits",),
                          ("kernel", "tm", "tn", "tr", "tc", "dsp_fraction", "bram_fraction", "source"))
    bits = schema.pos_int(e["data_bits"], "engine.data_bits")
    if bits not in (1, 2, 4, 8, 16):
        raise AccelsimError(f"must be one of 1, 2, 4, 8, 16, got {bits}", field="engine.data_bits")
    dram = dram_block(raw["dram"])
    axi = _axi_block(raw["axi"]) if raw.get("axi") is not None else None
    spec = FpgaSpec(
        name=str(raw["name"]), family="fpga", clock_hz=clock_hz, device=device, data_bits=bits,
        kernel=schema.pos_int(e.get("kernel", 3), "engine.kernel"),
        tm=schema.pos_int(e.get("tm", 0), "engine.tm", minimum=0),
        tn=schema.pos_int(e.get("tn", 0), "engine.tn", minimum=0),
        tr=schema.pos_int(e.get("tr", 28), "engine.tr"), tc=schema.pos_int(e.get("tc", 28), "engine.tc"),
        dram=dram, fusion=schema.choice(raw.get("fusion", "none"), "fusion", FUSION),
        block=schema.pos_int(raw.get("block", 0), "block", minimum=0),
        static_power_w=schema.number(raw.get("static_power_w", 0.0), "static_power_w", lo=0),
        dsp_fraction=schema.number(e.get("dsp_fraction", 1.0), "engine.dsp_fraction", lo=0, hi=1, lo_open=True),
        bram_fraction=schema.number(e.get("bram_fraction", 1.0), "engine.bram_fraction", lo=0, hi=1, lo_open=True),
        axi=axi, weight_format=schema.choice(raw.get("weight_format", "dense"), "weight_format", WEIGHT_FORMATS),
        source=str(raw.get("source", "")), file=file)
    if spec.fusion != "none" and spec.block < 1:
        raise AccelsimError("fused and block modes need a block size (output pixels per side), got 0", field="block")
    return spec


def _axi_block(raw: Any) -> AxiPorts:
    """The ``axi:`` block: ``width_bits`` (32, 64 or 128), ``ports``, ``burst_beats`` (AXI3: 1-16, AXI4: up to 256)."""
    a = schema.check_keys(raw, "axi", ("width_bits", "ports"), ("burst_beats", "source"))
    width = schema.pos_int(a["width_bits"], "axi.width_bits")
    if width not in (32, 64, 128):
        raise AccelsimError(f"must be 32, 64 or 128, got {width}", field="axi.width_bits")
    beats = schema.pos_int(a.get("burst_beats", 16), "axi.burst_beats")
    if beats > 256:
        raise AccelsimError(f"must be 1..256 (AXI4 INCR bursts), got {beats}", field="axi.burst_beats")
    return AxiPorts(width_bits=width, count=schema.pos_int(a["ports"], "axi.ports"), burst_beats=beats,
                    source=str(a.get("source", "")))
