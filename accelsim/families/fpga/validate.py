"""FPGA figures (Qiu et al. FPGA 2016; Li et al. DATE 2018; docs/references.md) against the ZC706 presets.

Used by ``accelsim validate`` and ``tests/reference/``; nothing here is tuned to the figure
it is compared with.
"""

from __future__ import annotations

from accelsim.check import Check, sensitivity
from accelsim.compress import apply_passes
from accelsim.families.fpga.lower import lower_network
from accelsim.families.fpga.sim import evaluate_trace
from accelsim.registry import load_arch
from accelsim.workload import load_model


FPGA_KNOWN = {
    "block": "block size (2x2) and 8-bit data are assumptions; the fused conv group is compute-bound at "
             "1548 MACs/cycle (the tile search's engine, not Li et al.'s, which the references do not give) and the "
             "FC layers stream 8-bit weights at the board DDR's rate (DDR3-1066 timing model, 4.27 GB/s peak; the "
             "design's AXI ports are not in the references). Would close: the published convolver organisation, "
             "data width and port count",
}

#: what the Qiu16 rows rest on, printed with them
QIU_NOTE = ("FC weights stream through the design's AXI port: one 64-bit AXI_HP port at 150 MHz, 1.2 GB/s each "
            "way (assumed port count), not the board's 4.2 GB/s; engine shape from the "
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
    return [Check("Qiu16 VGG16-SVD frame rate", 4.45, 1 / qiu.latency_s, 0.15, "fps", src, QIU_NOTE, confidence="A",
                  assumptions=qiu_assumptions(1 / qiu.latency_s)),
            Check("Qiu16 CONV throughput", 187.8, conv_gops, 0.15, "GOP/s", src, QIU_NOTE, confidence="A"),
            Check("Qiu16 overall throughput", 137.0, qiu.gops, 0.15, "GOP/s", src, QIU_NOTE, confidence="A"),
            Check("Block conv VGG-16 frame rate", 12.19, 1 / block.latency_s, 0.20, "fps",
                  "Li et al., DATE 2018 (abstract)", known=FPGA_KNOWN["block"], confidence="A",
                  assumptions=block_assumptions(1 / block.latency_s))]


#: how far the assumed DSP share is moved to measure the frame rate's sensitivity to it
DSP_SCALES = (0.9, 1.1)


def _fps(preset: str, model: str, overrides: dict) -> float:
    """Frames per second of ``model`` on ``preset`` with ``overrides`` (a sensitivity, not a fit)."""
    arch = load_arch(preset, overrides)
    return 1 / evaluate_trace(lower_network(load_model(model), arch, 1)[0], arch).latency_s


def _block_fps(over: dict) -> float:
    return _fps("blockconv-zc706", "vgg16", over)


def qiu_assumptions(fps: float) -> tuple[tuple[str, str], ...]:
    """Qiu16's assumed AXI port count, with the frame rate's % change at two ports."""
    return (("one 64-bit AXI_HP port (assumed count)",
             "frame rate " + sensitivity(fps, [("two ports", _qiu_fps({"axi.ports": 2}))])),)


def _qiu_fps(over: dict) -> float:
    svd, _, _ = apply_passes(load_model("vgg16"), None, ("svd:r500@fc6",), seed=0)
    arch = load_arch("qiu16-zc706", over)
    return 1 / evaluate_trace(lower_network(svd, arch, 1)[0], arch).latency_s


def block_assumptions(fps: float) -> tuple[tuple[str, str], ...]:
    """The block-convolution preset's assumed values, each with the frame rate's % change when it moves."""
    base = load_arch("blockconv-zc706")
    # 16-bit maps no longer fit the BRAM in 112x112 blocks, so the 16-bit design needs 56x56 ones
    bits = sensitivity(fps, [("16-bit with 56x56 blocks", _block_fps({"engine.data_bits": 16, "block": 56}))])
    dsp = sensitivity(fps, [(f"x{s:g}", _block_fps({"engine.dsp_fraction": base.dsp_fraction * s}))
                            for s in DSP_SCALES] + [("all 900 DSPs", _block_fps({"engine.dsp_fraction": 1.0}))])
    blocks = sensitivity(fps, [("4x4 blocks of 56x56", _block_fps({"block": 56}))])
    return ((f"{base.data_bits}-bit data path (assumed)", "frame rate " + bits),
            (f"DSP share {base.dsp_fraction:g} (copied from Qiu16)", "frame rate with the share " + dsp),
            ("2x2 blocks of 112x112 (assumed)", "frame rate " + blocks))
