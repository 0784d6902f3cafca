"""accelsim against SCALE-Sim 3.0.0 on the same topology and config: cycles, wall time, peak memory.

Run (SCALE-Sim lives in its own environment: it needs numpy<2.4)::

    python3 -m venv /tmp/scalesim-venv && /tmp/scalesim-venv/bin/pip install 'numpy<2.4' scalesim==3.0.0
    python benchmarks/bench_vs_scalesim.py --layers 8 [--traces] [--configs scale.cfg google.cfg]

For each config (accelsim's own cfgs in ``models/scalesim/``, completed with the sections
SCALE-Sim 3.0.0 insists on) and the first ``--layers`` rows of the topology (default
``models/scalesim/resnet50.csv``), both tools run as separate processes: SCALE-Sim through its
own API (``save_disk_space`` unless ``--traces``), accelsim as ``accelsim simulate
--scalesim-config CFG --compat scalesim`` (plus ``--sram-traces`` with ``--traces``). Printed:
per-layer stall-free cycles side by side (SCALE-Sim's Total minus Stall Cycles; accelsim's
``compute_cycles``) and stall cycles (equal in USER mode, where accelsim replays SCALE-Sim's
SRAM refill), the mismatch counts, both wall times and their ratio, and both peak
resident memories. Asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WRAP = """
import resource, sys, time, runpy
t = time.perf_counter()
code = 0
try:
    {body}
except SystemExit as e:
    code = e.code or 0
print(f"BENCH wall={{time.perf_counter() - t:.3f}} rss_kib={{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}")
sys.exit(code)
"""
SCALESIM_BODY = ("from scalesim.scale_sim import scalesim\n    s = scalesim(save_disk_space={nodisk}, verbose=False, "
                 "config={cfg!r}, topology={topo!r}, layout={layout!r}, input_type_gemm=False)\n"
                 "    s.run_scale(top_path={out!r})")
ACCELSIM_BODY = "sys.argv = ['accelsim'] + {argv!r}\n    runpy.run_module('accelsim.cli', run_name='__main__')"
EXTRA_SECTIONS = """
[layout]
IfmapCustomLayout: False
IfmapSRAMBankBandwidth: 10
IfmapSRAMBankNum: 10
IfmapSRAMBankPort: 2
FilterCustomLayout: False
FilterSRAMBankBandwidth: 10
FilterSRAMBankNum: 10
FilterSRAMBankPort: 2

[sparsity]
SparsitySupport: false
SparseRep: ellpack_block
OptimizedMapping: false
BlockSize: 8
RandomNumberGeneratorSeed: 40
"""
LAYOUT_HEADER = ("Layer name, IFMAP Height Intraline Factor, IFMAP Width Intraline Factor, Filter Height Intraline "
                 "Factor, Filter Width Intraline Factor, Channel Intraline Factor, Num Filter Intraline Factor, IFMAP "
                 "Height Intraline Order, IFMAP Width Intraline Order, Channel Intraline Order, IFMAP Height Interline "
                 "Order, IFMAP Width Interline Order, Channel Interline Order, Num Filter Intraline Order, Channel "
                 "Intraline Order, Filter Height Intraline Order, Filter Width Intraline Order, Num Filter Interline "
                 "Order, Channel Interline Order, Filter Height Interline Order, Filter Width Interline Order,\n")


def _run(python: str, body: str) -> tuple[float, float, str]:
    p = subprocess.run([python, "-c", WRAP.format(body=body)], capture_output=True, text=True)
    line = next((l for l in p.stdout.splitlines() if l.startswith("BENCH")), None)
    if p.returncode != 0 or line is None:
        raise RuntimeError(f"{python} failed: {(p.stderr.strip().splitlines() or ['?'])[-1]}")
    fields = dict(kv.split("=") for kv in line.split()[1:])
    return float(fields["wall"]), int(fields["rss_kib"]) / 1024, p.stdout


def scalesim_cfg(src: Path, tmp: Path) -> Path:
    """accelsim's cfg plus the sections SCALE-Sim 3.0.0 requires (custom layouts and sparsity off)."""
    text = src.read_text()
    for opt in ("ReadRequestBuffer: 32", "WriteRequestBuffer: 32"):
        if opt.split(":")[0] not in text:
            text = text.replace("[run_presets]", f"{opt}\n\n[run_presets]", 1)
    if "UseRamulatorTrace" not in text:
        text = text.replace("[run_presets]", "[run_presets]\nUseRamulatorTrace: False")
    out = tmp / src.name
    out.write_text(text + EXTRA_SECTIONS)
    return out


def compare(topo: Path, cfg: Path, layers: int, traces: bool, scalesim_python: str) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="bench_vs_scalesim_"))
    rows = topo.read_text().splitlines()
    head, body = rows[0], [r for r in rows[1:] if r.strip()][:layers]
    t = tmp / "topology.csv"
    t.write_text("\n".join([head] + body) + "\n")
    layout = tmp / "layout.csv"
    layout.write_text(LAYOUT_HEADER)
    ss_out = tmp / "scalesim"
    wall_s, rss_s, _ = _run(scalesim_python, SCALESIM_BODY.format(nodisk=not traces, cfg=str(scalesim_cfg(cfg, tmp)),
                                                                   topo=str(t), layout=str(layout), out=str(ss_out)))
    report = next(ss_out.rglob("COMPUTE_REPORT.csv"))
    report_rows = [r for r in list(csv.reader(open(report), skipinitialspace=True))[1:] if r]
    ss = [int(r[2]) - int(r[3]) for r in report_rows]
    ss_stall = [int(r[3]) for r in report_rows]
    j = tmp / "accelsim.json"
    argv = ["simulate", "--scalesim-config", str(cfg), "--compat", "scalesim", "--model", str(t), "--json", str(j), "-q"]
    if traces:
        argv += ["--sram-traces", str(tmp / "accelsim_traces")]
    wall_a, rss_a, _ = _run(sys.executable, ACCELSIM_BODY.format(argv=argv))
    acc_layers = json.loads(j.read_text())["layers"]
    acc = [l["compute_cycles"] for l in acc_layers]
    acc_stall = [l["stall_cycles"] for l in acc_layers]
    subprocess.run(["rm", "-rf", str(tmp)])
    return dict(cfg=cfg.name, layers=len(ss), traces=traces, scalesim=ss, accelsim=acc,
                mismatches=sum(a != b for a, b in zip(ss, acc)) + abs(len(ss) - len(acc)),
                stall_scalesim=ss_stall, stall_accelsim=acc_stall,
                stall_mismatches=sum(a != b for a, b in zip(ss_stall, acc_stall)),
                wall_scalesim=wall_s, wall_accelsim=wall_a, rss_scalesim=rss_s, rss_accelsim=rss_a)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--topology", default=str(ROOT / "models" / "scalesim" / "resnet50.csv"))
    ap.add_argument("--configs", nargs="*", default=["scale.cfg", "google.cfg"])
    ap.add_argument("--layers", type=int, default=8, help="first N rows of the topology")
    ap.add_argument("--traces", action="store_true", help="also run both with SRAM traces written")
    ap.add_argument("--scalesim-python", default="/tmp/scalesim-venv/bin/python")
    args = ap.parse_args()
    if not os.path.exists(args.scalesim_python):
        sys.exit(f"no SCALE-Sim environment at {args.scalesim_python}; see this script's docstring")
    for name in args.configs:
        for traces in ([False, True] if args.traces else [False]):
            r = compare(Path(args.topology), ROOT / "models" / "scalesim" / name, args.layers, traces,
                        args.scalesim_python)
            print(f"\n{r['cfg']} (first {r['layers']} layers of {Path(args.topology).name}), traces "
                  f"{'on' if traces else 'off'}")
            print(f"  {'layer':>5s} {'SCALE-Sim':>12s} {'accelsim':>12s}   stall: {'SCALE-Sim':>10s} {'accelsim':>10s}")
            for i, (a, b, c, d) in enumerate(zip(r["scalesim"], r["accelsim"], r["stall_scalesim"],
                                                 r["stall_accelsim"])):
                print(f"  {i:5d} {a:12,d} {b:12,d}{'' if a == b else '  MISMATCH'}          {c:10,d} {d:10,d}"
                      f"{'' if c == d else '  MISMATCH'}")
            print(f"  mismatches: {r['mismatches']} (compute), {r['stall_mismatches']} (stall; accelsim replays "
                  "SCALE-Sim's refill in USER mode only)")
            print(f"  wall: SCALE-Sim {r['wall_scalesim']:.1f} s, accelsim {r['wall_accelsim']:.2f} s, "
                  f"ratio {r['wall_scalesim'] / r['wall_accelsim']:.0f}x")
            print(f"  peak RSS: SCALE-Sim {r['rss_scalesim']:.0f} MiB, accelsim {r['rss_accelsim']:.0f} MiB, "
                  f"ratio {r['rss_scalesim'] / r['rss_accelsim']:.1f}x")


if __name__ == "__main__":
    main()
