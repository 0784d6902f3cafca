"""FPGA tile search speed: (tm, tn) pairs evaluated per second, Numba kernel vs NumPy twin.

Run: python benchmarks/bench_fpga_tiles.py   (prints figures; asserts nothing)
"""

from __future__ import annotations

import time

import numpy as np

from accelsim.kernels.fpga_tiles import tile_search, tile_search_ref
from accelsim.families.fpga.lower import conv_dims
from accelsim.workload import load_model
from accelsim.workload.layer import MAC_OPS


def main() -> None:
    for model in ("vgg16", "resnet50"):
        net = load_model(model)
        rows = np.array([list(conv_dims(l, 1)[:8]) for l in net.layers if l.op in MAC_OPS], np.int64)
        for dsp, mpd in ((780, 1), (780, 2), (2520, 2)):
            budget = np.array([dsp, 3, mpd, 64, 64], np.int64)
            tile_search(rows, budget, 28.0, 2.0)
            pairs = sum(1 for tm in range(1, 65) for tn in range(1, 65) if -(-tm * tn * 9 // mpd) <= dsp)
            t0 = time.perf_counter()
            tm, tn, cyc = tile_search(rows, budget, 28.0, 2.0)
            t1 = time.perf_counter()
            tile_search_ref(rows, budget, 28.0, 2.0)
            t2 = time.perf_counter()
            print(f"{model:9s} {len(rows):3d} layers, {dsp:4d} DSPs x{mpd}: best tm={tm} tn={tn}; {pairs} pairs, "
                  f"Numba {pairs * len(rows) / (t1 - t0) / 1e6:.1f} M layer-evals/s, twin "
                  f"{pairs * len(rows) / (t2 - t1) / 1e6:.2f} M/s")


if __name__ == "__main__":
    main()
