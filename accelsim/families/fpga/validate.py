"""FPGA figures (Qiu et al. FPGA 2016; Li et al. DATE 2018; docs/references.md) against the ZC706 presets.

Used by ``accelsim validate`` and ``tests/reference/``; nothing here is tuned to the figure
it is compared with.
"""

from __future__ import annotations

from accelsim.check import Check
from accelsim.compress import apply_passes
from accelsim.families.fpga.lower import lower_network
from accelsim.families.fpga.sim import evaluate_trace
from accelsim.registry import load_arch
from accelsim.workload import load_model


FPGA_KNOWN = {
    "block": "block size (2x2) and 8-bit data are assumptions; the fused conv group is compute-bound at "
             "1548 MACs/cycle (the tile search's engine, not Li et al.'s, which the references do not give) and the "
             "FC layers stream 8-bit weights at the board DDR's rate (DDR3-1066 timing model, 4.27 GB/s peak; the "
             "design's AXI ports are not in the references); the published convolver organisation and port count would settle it",
}

#: what the Qiu16 rows rest on, printed with them
QIU_NOTE = ("FC weights stream through the design's AXI port: one 64-bit AXI_HP port at 150 MHz, 1.2 GB/s each "
            "way (assumed port count; two ports give 5.72 fps), not the board's 4.2 GB/s; engine shape from the "
            "tile search (Qiu's PE count is not in the references)")


def fpga_results():
    """VGG16-SVD on qiu16-zc706 and VGG-16 on blockconv-zc706 (batch 1)."""
    vgg = load_model("vgg16")
    svd, _, _ = apply_passes(vgg, None, ("svd:r500@fc6",), seed=0)
    qiu, block = load_arch("qiu16-zc706"), load_arch("blockconv-zc706")
    return evaluate_trace(lower_network(svd, qiu, 1)[0], qiu), evaluate_trace(lower_network(vgg, block, 1)[0], block)


def fpga_checks() -> list[Check]:
    """Qiu et al. FPGA 2016 and Li et al. DATE 2018 figures (docs/references.md)."""
    qiu, block = fpga_results()
    conv = [l for l in qiu.layers if l.op == "conv2d"]
    conv_gops = 2 * sum(l.macs for l in conv) / (sum(l.cycles for l in conv) / qiu.clock_hz) / 1e9
    src = "Qiu et al., FPGA 2016 (abstract)"
    block_known = (FPGA_KNOWN["block"] + "; sensitivity to the assumptions: all 900 DSPs "
                   f"{_block_fps({'engine.dsp_fraction': 1.0}):.2f} fps, 4x4 blocks {_block_fps({'block': 56}):.2f} "
                   "fps; 16-bit data does not fit the BRAM at 2x2 blocks")
    return [Check("Qiu16 VGG16-SVD frame rate", 4.45, 1 / qiu.latency_s, 0.15, "fps", src, QIU_NOTE),
            Check("Qiu16 CONV throughput", 187.8, conv_gops, 0.15, "GOP/s", src, QIU_NOTE),
            Check("Qiu16 overall throughput", 137.0, qiu.gops, 0.15, "GOP/s", src, QIU_NOTE),
            Check("Block conv VGG-16 frame rate", 12.19, 1 / block.latency_s, 0.20, "fps",
                  "Li et al., DATE 2018 (abstract)", known=block_known)]


def _block_fps(overrides: dict) -> float:
    """VGG-16 frames per second on ``blockconv-zc706`` with ``overrides`` (a sensitivity, not a fit)."""
    arch = load_arch("blockconv-zc706", overrides)
    return 1 / evaluate_trace(lower_network(load_model("vgg16"), arch, 1)[0], arch).latency_s
