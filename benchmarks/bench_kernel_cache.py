"""The kernel cache across installs: a reinstall, or a second venv of the same sources, loads instead of compiling.

Run: python benchmarks/bench_kernel_cache.py [--work /tmp/kcache_bench]   (prints figures; asserts nothing;
     makes two virtual environments and installs this checkout into both, non-editable: a few minutes)

With ``ACCELSIM_NO_BACKGROUND_COMPILE=1`` a kernel missing from the cache compiles in the
foreground, so a miss shows as a 20-30 s run. Runs ``accelsim simulate --arch tpu-v1 --model
resnet50`` in venv A (filling the cache), again after ``pip install --force-reinstall --no-deps``,
in venv B (another path, same sources), and in venv B with ``ACCELSIM_KERNEL_CACHE=off``
(Numba's default: a cache beside the installed files, empty there) as the control. A first run in a
fresh venv also pays for reading numba and llvmlite from disk; the kernel counts say whether it compiled.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CMD = ["simulate", "--arch", "tpu-v1", "--model", "resnet50"]


def _timed(exe: Path, env: dict) -> str:
    """Wall seconds of one run, and how many kernels Numba loaded from the cache and compiled (NUMBA_DEBUG_CACHE)."""
    t = time.perf_counter()
    p = subprocess.run([str(exe), *CMD], env=env | {"NUMBA_DEBUG_CACHE": "1"}, cwd="/", check=True,
                       capture_output=True, text=True)
    wall = time.perf_counter() - t
    log = p.stdout + p.stderr
    return f"{wall:7.2f} s  (kernels loaded {log.count('data loaded')}, compiled {log.count('data saved')})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", default="/tmp/kcache_bench")
    work = Path(ap.parse_args().work)
    shutil.rmtree(work, ignore_errors=True)
    env = dict(os.environ, ACCELSIM_KERNEL_CACHE=str(work / "cache"), ACCELSIM_NO_BACKGROUND_COMPILE="1")
    env.pop("NUMBA_CACHE_DIR", None)
    exe = {}
    for name in ("A", "B"):
        venv = work / f"venv{name}"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(REPO)], check=True, capture_output=True)
        exe[name] = venv / "bin" / "accelsim"
    print(f"machine: {os.uname().machine}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"`accelsim {' '.join(CMD)}`, foreground compile (a cache miss compiles before the run):")
    print(f"  venv A, empty cache (compiles):            {_timed(exe['A'], env)}")
    print(f"  venv A, again:                             {_timed(exe['A'], env)}")
    subprocess.run([str(exe["A"].parent / "pip"), "install", "-q", "--force-reinstall", "--no-deps", str(REPO)],
                   check=True, capture_output=True)
    print(f"  venv A after pip --force-reinstall:        {_timed(exe['A'], env)}")
    print(f"  venv B, same sources, another path:        {_timed(exe['B'], env)}")
    print(f"  venv B, ACCELSIM_KERNEL_CACHE=off (control): {_timed(exe['B'], env | {'ACCELSIM_KERNEL_CACHE': 'off'})}")
    print(f"  cache folders: {sorted(p.name for p in (work / 'cache').iterdir())}")


if __name__ == "__main__":
    main()
