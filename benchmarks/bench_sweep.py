"""Sweep throughput: ResNet-18 design points per second on a systolic array, 1 and 2 workers.

Run: python benchmarks/bench_sweep.py [n_points] [--families] [--scalesim-python PY]   (prints figures)

The grid is the shipped example ``resnet18-200`` (``accelsim/sweep/examples/``, 200 points): array 16x16..128x128, ifmap buffer
32..512 KiB, DRAM 5..80 GB/s, filter buffer 64/256 KiB, all on the systolic-32x32 preset. The issue's target is 50 points/s
with 2 workers. The per-point split says where a point's time goes, and the same trace is run
on the SimPy engine (the reference the event loop is held to) in the same run, for the ratio.
``--families`` adds one point's cost per preset and model (best of 3; one run on the
instruction-level DianNao/Cambricon cores, which take seconds), for sizing a cluster.
``--scalesim-python`` (SCALE-Sim 3.0.0's environment, see ``bench_vs_scalesim.py``) times the
peer on one whole ResNet-18 point (its own 32x32 cfg) in the same run, for the per-point ratio.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from accelsim.sweep.db import Store
from accelsim.sweep.execute import run_point, run_sweep
from accelsim.sweep.grid import example_path, load_sweep

SPEC = example_path("resnet18-200")


def _best(f, repeat: int = 5) -> float:
    """Best of ``repeat`` wall times of ``f()`` (s)."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        out.append(time.perf_counter() - t0)
    return min(out)


def split(point) -> None:
    """Print one point's stages (best of 5, s) and the SimPy engine on the same trace."""
    from accelsim.registry import load_arch
    from accelsim.api import lower
    from accelsim.families.systolic import sim as systolic
    from accelsim.sim import engine
    from accelsim.sim.dram_run import dram_for_run
    from accelsim.workload import load_model
    net = load_model(point.model)
    arch = load_arch(point.arch, point.config())
    trace = lower(net, arch)
    extra = systolic.conflict_cycles_per_op(trace)
    overlap = arch.array.overlap_folds
    tl = systolic.run(trace, arch)
    parts = {
        "load arch": _best(lambda: load_arch(point.arch, point.config())),
        "lowering": _best(lambda: lower(net, arch)),
        "engine (event loop)": _best(lambda: systolic.run(trace, arch)),
        "accounting": _best(lambda: systolic.account(trace, arch, tl)),
    }
    simpy_s = _best(lambda: engine.run(trace, dram_for_run(arch.dram, arch.clock_hz), arch.vector.lanes,
                                       systolic.array_unit(overlap, extra)), 3)
    print(f"one point ({point.config()}, {len(trace)} ops):")
    for name, s in parts.items():
        print(f"  {name:20s} {s * 1e3:7.2f} ms")
    print(f"  {'sum':20s} {sum(parts.values()) * 1e3:7.2f} ms; whole run_point "
          f"{_best(lambda: run_point(point)) * 1e3:.2f} ms")
    print(f"  SimPy engine on the same trace: {simpy_s * 1e3:.2f} ms "
          f"({simpy_s / parts['engine (event loop)']:.1f}x the event loop)")


def per_family() -> None:
    """Print one point's wall time (ms) for each preset on ResNet-18, AlexNet and MobileNet-V2."""
    from accelsim.registry import preset_names
    from accelsim.sweep.grid import points_from_dict
    print("one point per preset (ms; 1 worker):")
    for arch in preset_names():
        slow = arch in ("diannao", "cambricon")
        cells = []
        for model in ("resnet18", "alexnet", "mobilenet_v2"):
            p = points_from_dict({"models": [model], "arch": arch})[0]
            if not slow:
                run_point(p)  # warm: kernels, model
            row = run_point(p)
            s = row["wall_s"] if slow else _best(lambda: run_point(p), 3)
            cells.append(f"{model} {s * 1e3:9.1f}" + ("" if row["status"] == "ok" else " (error)"))
        print(f"  {arch:16s} " + "   ".join(cells))


def versus_scalesim(python: str) -> None:
    """Print SCALE-Sim's wall time for ResNet-18 on ``models/scalesim/scale.cfg`` (32x32) beside accelsim's point."""
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_vs_scalesim import ROOT, compare
    from accelsim.sweep.grid import points_from_dict
    r = compare(ROOT / "models" / "scalesim" / "resnet18.csv", ROOT / "models" / "scalesim" / "scale.cfg", 1000,
                False, python)
    point = points_from_dict({"models": ["resnet18"], "arch": "systolic-32x32"})[0]
    run_point(point)
    ours = _best(lambda: run_point(point), 3)
    print(f"ResNet-18 on a 32x32 array, one point: SCALE-Sim 3.0.0 {r['wall_scalesim']:.1f} s (a process, traces "
          f"off, {r['layers']} layers); accelsim {ours * 1e3:.1f} ms in a sweep worker (systolic-32x32, DRAM and "
          f"energy included) = {r['wall_scalesim'] / ours:,.0f}x; as a process with --compat scalesim "
          f"{r['wall_accelsim']:.2f} s, {r['mismatches']} stall-free cycle mismatches")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=200, help="points of the grid to run (default 200)")
    ap.add_argument("--families", action="store_true", help="one point's cost per preset")
    ap.add_argument("--scalesim-python", help="SCALE-Sim 3.0.0's python, to time the peer on one point")
    args = ap.parse_args()
    n = args.n
    points = load_sweep(SPEC)[:n]
    run_point(points[0])  # warm: imports, Numba cache
    print(f"{len(points)} ResNet-18 points on systolic-32x32, {os.cpu_count()} CPUs")
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as d:
            store = Store(Path(d) / "s.db")
            t0 = time.perf_counter()
            rows = run_sweep(points, store, workers=workers)
            dt = time.perf_counter() - t0
            errors = sum(r["status"] != "ok" for r in rows)
        print(f"{workers} worker(s): {len(points)} points in {dt:.2f} s = {len(points) / dt:.1f} points/s "
              f"({errors} points recorded as errors)")
    split(points[len(points) // 2])
    if args.families:
        per_family()
    if args.scalesim_python:
        versus_scalesim(args.scalesim_python)


if __name__ == "__main__":
    main()
