"""Sweep throughput: ResNet-18 design points per second on a systolic array, 1 and 2 workers.

Run: python benchmarks/bench_sweep.py [n_points]   (prints figures; asserts nothing)
The issue's target is 50 points/s with 2 workers; the per-point split below says where time goes.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

from accelsim.sweep.db import Store
from accelsim.sweep.execute import run_point, run_sweep
from accelsim.sweep.grid import points_from_dict


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 16
    caps = ["32KiB", "48KiB", "64KiB", "96KiB", "128KiB", "192KiB", "256KiB", "512KiB"]
    spec = {"models": ["resnet18"], "arch": "systolic-32x32",
            "grid": {"memory.ifmap.capacity": caps, "dram.bandwidth": ["10GB/s", "20GB/s", "40GB/s", "80GB/s"]}}
    points = points_from_dict(spec)[:n]
    run_point(points[0])  # warm: imports, Numba cache
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as d:
            t0 = time.perf_counter()
            run_sweep(points, Store(Path(d) / "s.db"), workers=workers)
            dt = time.perf_counter() - t0
        print(f"{workers} worker(s): {len(points)} points in {dt:.2f} s = {len(points) / dt:.2f} points/s")
    prof = cProfile.Profile()
    prof.enable()
    run_point(points[1])
    prof.disable()
    st = pstats.Stats(prof)
    total = st.total_tt
    parts = {"lowering": "lower/systolic.py", "engine (SimPy)": "sim/engine.py", "accounting": "sim/systolic.py"}
    for name, needle in parts.items():
        cum = max((v[3] for k, v in st.stats.items() if needle in k[0]), default=0.0)
        print(f"  {name:15s} {cum:.3f} s (largest cumulative function in {needle})")
    print(f"  one point total {total:.3f} s")


if __name__ == "__main__":
    main()
