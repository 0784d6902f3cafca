"""The systolic family's own figure: the TPU v1 paper's six apps on its roofline."""

from __future__ import annotations

from accelsim.errors import AccelsimError
from accelsim.registry import load_arch


def tpu_apps_roofline(spec):
    """The six apps of Jouppi et al. (Table 3) on TPU v1's roofline, accelsim beside the measured TOPS.

    ``spec`` must be the ``tpu-v1`` preset (the apps are that chip's); returns a Figure.
    """
    from accelsim import plot
    from accelsim.families.systolic.validate import app_results
    tpu = load_arch("tpu-v1")
    if spec.name != tpu.name:
        raise AccelsimError("needs --arch and --model (roofline of the TPU v1 apps: --arch tpu-v1 alone)",
                            field="plot roofline")
    pts = [(a.name, a.macs_per_weight_byte, a.tops * 1e12 / 2, a.published_tops * 1e12 / 2) for a in app_results()]
    return plot.roofline_points(pts, tpu.peak_macs_per_s, tpu.dram.bandwidth_bytes_per_s,
                                "TPU v1: the paper's six apps (filled: accelsim, open: measured)")
