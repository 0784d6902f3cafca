"""Wall times of the commands README.md gives timings for, as a new user runs them.

Run: python benchmarks/bench_readme_times.py [--repeat 3]     (prints min-max per command)

- ``accelsim simulate --arch tpu-v1 --model resnet50``: cold (an empty Numba cache: the kernels
  run as Python and a detached process compiles them, :mod:`accelsim.kernels.coldstart`), cold
  compiling in the foreground (``ACCELSIM_NO_BACKGROUND_COMPILE=1``, what every first run paid
  before), then warm once the background compiles have finished, with the layer table printed
  and with ``-q``;
- ``accelsim sweep --example resnet18-200 --workers 2`` into a fresh store each time.

Every run is a separate process, start-up included. The Numba cache goes to a temporary folder
(``NUMBA_CACHE_DIR``), so the cold runs are really cold and the installed cache is untouched.
README's timings quote these ranges with the machine they were measured on.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _time(args: list[str], env: dict, cwd: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "accelsim.cli", *args], env=env, cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def _wait_for_compiles(folder: Path, timeout_s: float = 600.0) -> None:
    """Until no detached compile holds a lock under ``folder`` (they finish before warm runs are timed)."""
    deadline = time.monotonic() + timeout_s
    while any(folder.rglob("accelsim-compiling-*.lock")) and time.monotonic() < deadline:
        time.sleep(0.5)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    n = ap.parse_args().repeat
    sim = ["simulate", "--arch", "tpu-v1", "--model", "resnet50"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        times: dict[str, list[float]] = {"cold": [], "cold fg": [], "warm": [], "warm -q": [], "sweep": []}
        base = {k: v for k, v in os.environ.items() if k != "ACCELSIM_NO_BACKGROUND_COMPILE"}
        for i in range(n):
            env = {**base, "NUMBA_CACHE_DIR": str(cwd / f"numba{i}")}
            times["cold"].append(_time(sim, env, cwd))
            _wait_for_compiles(cwd)
            env = {**base, "NUMBA_CACHE_DIR": str(cwd / f"fg{i}"), "ACCELSIM_NO_BACKGROUND_COMPILE": "1"}
            times["cold fg"].append(_time(sim, env, cwd))
        env = {**base, "NUMBA_CACHE_DIR": str(cwd / "numba0")}
        for i in range(n):
            times["warm"].append(_time(sim, env, cwd))
            times["warm -q"].append(_time(sim + ["-q"], env, cwd))
            times["sweep"].append(_time(["sweep", "--example", "resnet18-200", "--workers", "2", "-q",
                                         "--store", str(cwd / f"s{i}.db")], env, cwd))
        _wait_for_compiles(cwd)
    names = {"cold": "simulate resnet50 on tpu-v1, first run (kernels run as Python, compile detached)",
             "cold fg": "the same, first run compiling in the foreground (ACCELSIM_NO_BACKGROUND_COMPILE=1)",
             "warm": "the same, warm cache, layer table printed",
             "warm -q": "the same, warm cache, -q",
             "sweep": "sweep --example resnet18-200 --workers 2 (200 points)"}
    for key, ts in times.items():
        print(f"{names[key]}: {min(ts):.2f}-{max(ts):.2f} s over {len(ts)} runs")


if __name__ == "__main__":
    main()
