"""How long ``accelsim validate`` takes: real, user and system seconds, as ``/usr/bin/time -v`` reports them.

Run: python benchmarks/bench_validate_speed.py [--repeat 3] [--baseline DIR] [--workers default,1]
     (prints figures; asserts nothing)

Issue 19's target: ``accelsim validate`` under 15 s on a quiet 2-core machine (it was 24.2 s real,
11.2 s user, 13.5 s system). Each run is ``python -m accelsim.cli validate`` in a fresh process, warm
(Numba's cache already written: run once before timing). ``--baseline DIR`` also times another
accelsim source tree (a ``git archive`` of an older commit, put first on ``PYTHONPATH``), the runs of
the two interleaved so that both see the same load; its output must equal this tree's, byte for byte.
User and system seconds include the worker processes (``/usr/bin/time`` counts reaped children).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

FIELDS = {"user": r"User time \(seconds\): ([\d.]+)", "sys": r"System time \(seconds\): ([\d.]+)",
          "real": r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)",
          "maxrss_mb": r"Maximum resident set size \(kbytes\): (\d+)"}


def _seconds(clock: str) -> float:
    s = 0.0
    for part in clock.split(":"):
        s = 60 * s + float(part)
    return s


def timed_run(src: Path | None, extra: list[str]) -> tuple[dict[str, float], str, int]:
    """One ``validate`` run: its figures (s, MB), its stdout and its exit status."""
    env = dict(os.environ, COLUMNS="80")
    if src is not None:
        env["PYTHONPATH"] = str(src)
    p = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-m", "accelsim.cli", "validate", *extra],
                       capture_output=True, text=True, env=env, cwd="/tmp")
    got = {k: re.search(rx, p.stderr).group(1) for k, rx in FIELDS.items()}
    figures = {"real": _seconds(got["real"]), "user": float(got["user"]), "sys": float(got["sys"]),
               "maxrss_mb": int(got["maxrss_mb"]) / 1024}
    return figures, p.stdout, p.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", type=Path, help="another accelsim source tree to time beside this one")
    ap.add_argument("--workers", default="default",
                    help="comma-separated --workers values to time this tree with ('default': no flag)")
    args = ap.parse_args()
    here = Path(__file__).resolve().parents[1]
    variants = [("before", args.baseline, [])] if args.baseline else []
    variants += [(f"after, --workers {w}" if w != "default" else "after", here,
                  [] if w == "default" else ["--workers", w]) for w in args.workers.split(",")]
    print(f"# python benchmarks/bench_validate_speed.py {' '.join(sys.argv[1:])}, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average at start {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("command: /usr/bin/time -v python -m accelsim.cli validate [--workers N], warm, runs interleaved")
    outputs: dict[str, set] = {}
    rows = []
    for i in range(args.repeat):
        for name, src, extra in variants:
            fig, out, rc = timed_run(src, extra)
            outputs.setdefault("all", set()).add((out, rc))
            rows.append((name, i + 1, fig, os.getloadavg()[0]))
            print(f"  {name:22s} run {i + 1}: real {fig['real']:6.2f} s  user {fig['user']:6.2f} s  "
                  f"sys {fig['sys']:6.2f} s  max RSS {fig['maxrss_mb']:6.0f} MB  exit {rc}  (load {rows[-1][3]:.2f})",
                  flush=True)
    for name, _, _ in variants:
        mine = [r[2] for r in rows if r[0] == name]
        best = {k: min(f[k] for f in mine) for k in ("real", "user", "sys")}
        med = {k: sorted(f[k] for f in mine)[len(mine) // 2] for k in ("real", "user", "sys")}
        print(f"{name:22s} best real {best['real']:.2f} s, user {best['user']:.2f} s, sys {best['sys']:.2f} s; "
              f"median real {med['real']:.2f} s, user {med['user']:.2f} s, sys {med['sys']:.2f} s")
    print(f"outputs (stdout and exit status) identical across all runs: {len(outputs['all']) == 1}")
    print(f"load average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
