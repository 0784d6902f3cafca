"""Sweep throughput: ResNet-18 design points per second on a systolic array, 1 and 2 workers.

Run: python benchmarks/bench_sweep.py [n_points] [--families]   (prints figures; asserts nothing)

The grid is ``sweep_resnet18_200.yaml`` (200 points): array 16x16..128x128, ifmap buffer
32..512 KiB, DRAM 5..80 GB/s, filter buffer 64/256 KiB, all on the systolic-32x32 preset. The issue's target is 50 points/s
with 2 workers. The per-point split says where a point's time goes, and the same trace is run
on the SimPy engine (the reference the event loop is held to) in the same run, for the ratio.
``--families`` adds one point's cost per preset and model (best of 3; one run on the
instruction-level DianNao/Cambricon cores, which take seconds), for sizing a cluster.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from accelsim.sweep.db import Store
from accelsim.sweep.execute import run_point, run_sweep
from accelsim.sweep.grid import load_sweep

SPEC = Path(__file__).with_name("sweep_resnet18_200.yaml")


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
    from accelsim.arch.load import load_arch
    from accelsim.api import lower
    from accelsim.sim import engine, systolic
    from accelsim.sim.dram import dram_for_run
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
    from accelsim.arch.load import preset_names
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


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 200
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
    if "--families" in sys.argv:
        per_family()


if __name__ == "__main__":
    main()
