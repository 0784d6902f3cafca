"""Every family's warm time side by side, and tpu-v1 ResNet-50 time against batch.

Run: python benchmarks/bench_family_speed.py [--repeat 3] [--batches 1,2,4,8,16,32,64,128,256]
     (prints figures; asserts nothing)

Issue 19's targets: each family's warm time for ResNet-50 (or the nearest model it runs: EIE
takes fully connected models, so ``alexnet_fc``) within 10x of the fastest family; tpu-v1
ResNet-50 at batch 256 under 8x the time of batch 32 and under 10 s warm.

Every point is ``accelsim.simulate`` in this process: one run first (it loads or compiles the
kernels), then the best of ``--repeat`` runs, as wall seconds and CPU seconds (user + system of
this process; the machines are shared, so CPU seconds are the steadier figure).
"""

from __future__ import annotations

import argparse
import os
import platform
import time

from accelsim import simulate
from accelsim.errors import AccelsimError
from accelsim.registry import family_of, load_arch, preset_names

#: the model each family is timed on: the first of these it runs
MODELS = ("resnet50", "alexnet_fc")


def _best(f, repeat: int) -> tuple[float, float, object]:
    """(best wall s, best CPU s, last result) of ``repeat`` calls after one untimed call."""
    out = f()
    wall = cpu = float("inf")
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        out = f()
        wall, cpu = min(wall, time.perf_counter() - w), min(cpu, time.process_time() - c)
    return wall, cpu, out


def families(repeat: int) -> list[dict]:
    """One row per preset: family, model, simulated cycles, warm wall and CPU seconds."""
    rows = []
    for name in preset_names():
        arch = load_arch(name)
        for model in MODELS:
            try:
                wall, cpu, r = _best(lambda: simulate(model, arch), repeat)
            except AccelsimError:
                continue
            rows.append(dict(arch=name, family=family_of(arch).name, model=model, cycles=r.cycles, wall=wall, cpu=cpu))
            break
    return rows


def batches(sizes: list[int], repeat: int) -> list[dict]:
    """tpu-v1 ResNet-50 at each batch: DRAM GiB, warm wall and CPU seconds."""
    rows = []
    for b in sizes:
        wall, cpu, r = _best(lambda: simulate("resnet50", "tpu-v1", batch=b), repeat)
        gib = (r.dram_read_bytes + r.dram_write_bytes) / 2**30
        rows.append(dict(batch=b, gib=gib, cycles=r.cycles, wall=wall, cpu=cpu))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batches", default="1,2,4,8,16,32,64,128,256")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    print("Each family's warm time (simulate, best of runs after a first one):")
    print(f"  {'arch':16s} {'family':12s} {'model':11s} {'cycles':>13s} {'wall s':>8s} {'CPU s':>8s}")
    fam = families(args.repeat)
    for r in fam:
        print(f"  {r['arch']:16s} {r['family']:12s} {r['model']:11s} {r['cycles']:13,d} {r['wall']:8.3f} {r['cpu']:8.3f}")
    slow = max(fam, key=lambda r: r["cpu"])
    fast = min(fam, key=lambda r: r["cpu"])
    print(f"  slowest / fastest (CPU s): {slow['arch']} / {fast['arch']} = {slow['cpu'] / max(fast['cpu'], 1e-9):.0f}x "
          "(target < 10x)")
    sizes = [int(x) for x in args.batches.split(",")]
    print("tpu-v1, ResNet-50, time against batch (simulate, warm):")
    print(f"  {'batch':>5s} {'DRAM GiB':>9s} {'wall s':>8s} {'CPU s':>8s} {'CPU s/GiB':>10s}")
    rows = batches(sizes, args.repeat)
    for r in rows:
        print(f"  {r['batch']:5d} {r['gib']:9.2f} {r['wall']:8.3f} {r['cpu']:8.3f} {r['cpu'] / max(r['gib'], 1e-9):10.3f}")
    by = {r["batch"]: r for r in rows}
    if 32 in by and 256 in by:
        b32, b256 = by[32], by[256]
        print(f"  batch 256 / batch 32: {b256['cpu'] / b32['cpu']:.2f}x CPU, {b256['wall'] / b32['wall']:.2f}x wall "
              f"(target < 8x; DRAM bytes {b256['gib'] / b32['gib']:.1f}x, MACs 8x); batch 256 {b256['wall']:.2f} s "
              "wall (target < 10 s)")


if __name__ == "__main__":
    main()
