"""Compression passes on whole networks with synthetic weights: wall time and peak memory per pass.

Run: OPENBLAS_NUM_THREADS=1 python benchmarks/bench_compress_speed.py [--models resnet18] [--passes cp:0.25,...]
     (ACCELSIM_THREADS=1 to fit one layer at a time; by default the passes that solve per layer use the cores)
     [--src DIR] [--timeout 300]          (prints figures; asserts nothing)

Each pass runs in its own child process (so one pass's peak does not hide another's): the child
loads the model and its seeded synthetic weights, then times ``apply_passes`` alone. ``--src``
puts another checkout's ``accelsim`` first on the child's path, to measure the code before a
change on the same machine in the same session (``git archive <commit> accelsim | tar -x -C DIR``).
Peak memory is the child's peak resident set (``ru_maxrss``), with the resident set before the
pass (imports, model, weights) beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

DEFAULT_PASSES = ("tucker2:0.25", "grouped:4", "cp:0.25", "ffn", "bwn", "hash", "admm")


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child(model: str, spec: str) -> None:
    from accelsim.compress import apply_passes, synthetic_weights
    from accelsim.workload import load_model
    net = load_model(model)
    w = synthetic_weights(net, 0)
    base = _rss_mb()
    t0 = time.perf_counter()
    apply_passes(net, w, [spec])
    dt = time.perf_counter() - t0
    print(json.dumps({"seconds": dt, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "base_mb": base}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default="resnet18")
    ap.add_argument("--passes", default=",".join(DEFAULT_PASSES))
    ap.add_argument("--src", default=None, help="directory holding another accelsim package to measure")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds before a pass is given up (s)")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = args.src + os.pathsep + env.get("PYTHONPATH", "")
    from accelsim.compress.parallel import THREADS_ENV, layer_threads
    print(f"code: {args.src or 'this checkout'}; OPENBLAS_NUM_THREADS={env.get('OPENBLAS_NUM_THREADS', 'unset')}; "
          f"layer threads {layer_threads()} ({THREADS_ENV}={env.get(THREADS_ENV, 'unset')})")
    print(f"{'model':<10} {'pass':<14} {'time (s)':>9} {'peak MB':>8} {'before MB':>9}")
    for model in args.models.split(","):
        for spec in args.passes.split(","):
            try:
                out = subprocess.run([sys.executable, __file__, "--child", model, spec], env=env, text=True,
                                     capture_output=True, timeout=args.timeout)
            except subprocess.TimeoutExpired:
                print(f"{model:<10} {spec:<14} {'>' + format(args.timeout, 'g'):>9} {'-':>8} {'-':>9}", flush=True)
                continue
            if out.returncode != 0:
                print(f"{model:<10} {spec:<14} failed: {out.stderr.strip().splitlines()[-1:]}", flush=True)
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{model:<10} {spec:<14} {r['seconds']:9.2f} {r['peak_mb']:8.0f} {r['base_mb']:9.0f}", flush=True)


if __name__ == "__main__":
    main()
