"""Points on the DRAM timing model: the compiled event loop against the Python callback it replaced.

Run: python benchmarks/bench_dram_timing.py [--batches 1,8,32,64,256] [--old-upto 8] [--repeat N]   (prints figures)

Issue 19's targets: a TPU v1 (DDR3 timing model) ResNet-18 point under 20 ms warm, and cost
sub-linear in simulated DRAM bytes: ResNet-50 on tpu-v1 at batch 256 under 8x the time of
batch 32 and under 10 s warm. "old" runs the same point with the DRAM model behind the Python
callback of :func:`accelsim.kernels.event_loop.event_loop_py` (the path every timing-model
point took before), one request-level kernel call per transfer; "new" is
:func:`accelsim.kernels.event_loop.event_loop_dram`. Both give the same cycles (checked here
on every point timed both ways, and in ``tests/sim/test_event_loop.py``). Times are wall
seconds, best of ``repeat`` warm runs (Numba caches loaded by a first run).
"""

from __future__ import annotations

import argparse
import time

from accelsim import simulate
from accelsim.families.systolic import sim as systolic
from accelsim.registry import load_arch
from accelsim.sim.dram_run import dram_for_run


class _Callback:
    """A DRAM model the compiled loop does not recognise: the engine then calls it op by op (the old path)."""

    def __init__(self, model) -> None:
        self._model = model

    def __getattr__(self, name):
        return getattr(self._model, name)


def _best(f, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - t0)
    return best, out


def point(model: str, batch: int, old: bool, repeat: int) -> tuple[float, object]:
    """Best wall time (s) of one whole ``simulate`` point on tpu-v1, and its Result."""
    arch = load_arch("tpu-v1")
    if not old:
        return _best(lambda: simulate(model, arch, batch), repeat)
    systolic.dram_for_run = lambda dram, clock_hz: _Callback(dram_for_run(dram, clock_hz))
    try:
        return _best(lambda: simulate(model, arch, batch), repeat)
    finally:
        systolic.dram_for_run = dram_for_run


def _same(a, b) -> str:
    same = a.cycles == b.cycles and a.dram == b.dram and a.energy_pj == b.energy_pj
    return "same cycles and DRAM stats" if same else "DIFFERENT"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batches", default="1,8,32,64,256")
    ap.add_argument("--old-upto", type=int, default=8, help="also time the old path up to this batch")
    ap.add_argument("--repeat", type=int, default=0,
                    help="best of this many runs at every batch (default: 3 up to batch 32, then 1)")
    args = ap.parse_args()
    simulate("resnet18", "tpu-v1", 1)  # load the Numba caches
    new, r_new = point("resnet18", 1, False, 7)
    old, r_old = point("resnet18", 1, True, 3)
    print("TPU v1 (DDR3 timing model), ResNet-18 batch 1, one whole point (lower + simulate + account):")
    print(f"  old (Python callback) {old * 1e3:8.1f} ms")
    print(f"  new (compiled loop)   {new * 1e3:8.1f} ms   {old / new:5.1f}x   target < 20 ms   {_same(r_old, r_new)}")
    print("TPU v1, ResNet-50, time against batch (whole point, warm):")
    print(f"  {'batch':>5s} {'DRAM GiB':>9s} {'new s':>8s} {'s/GiB':>7s} {'old s':>8s}")
    times = {}
    for b in (int(x) for x in args.batches.split(",")):
        t, r = point("resnet50", b, False, args.repeat or (3 if b <= 32 else 1))
        times[b] = t
        gib = (r.dram_read_bytes + r.dram_write_bytes) / 2**30
        line = f"  {b:5d} {gib:9.2f} {t:8.3f} {t / gib:7.3f}"
        if b <= args.old_upto:
            t_old, r_old = point("resnet50", b, True, 1)
            line += f" {t_old:8.3f}   {_same(r_old, r)}"
        print(line, flush=True)
    if 32 in times and 256 in times:
        print(f"  batch 256 / batch 32: {times[256] / times[32]:.2f}x (target < 8x); batch 256 {times[256]:.2f} s "
              "(target < 10 s)")


if __name__ == "__main__":
    main()
