"""Run SCALE-Sim 3.0.0 on its own shipped topologies and configs; write per-layer cycle goldens.

Run it with the Python of a separate environment that has SCALE-Sim (it needs ``numpy<2.4``)::

    python3 -m venv /tmp/scalesim-venv
    /tmp/scalesim-venv/bin/pip install 'numpy<2.4' scalesim==3.0.0
    /tmp/scalesim-venv/bin/python benchmarks/scalesim_goldens.py --jobs 2

Inputs come from a checkout of SCALE-Sim's repository (``scalesim-project/scale-sim-v3`` at
commit ``fab89b77``, whose ``scalesim/`` package equals the 3.0.0 wheel), given as ``--inputs
DIR`` (default ``tests/parity/scalesim_inputs/``, git-ignored): its ``configs/``, ``topologies/``
and ``layouts/conv_nets/test.csv``. accelsim does not redistribute them; ``tests/parity/README.md``
lists which files were used. ``tests/parity/scale_user_lowbw.cfg`` (accelsim's own starved
variant of ``scale.cfg``) is read from there. For every topology x config x dataflow (ws, os, is) the script runs SCALE-Sim through
its own top-level API (``scalesim.scale_sim.scalesim(...).run_scale``, the class its CLI
``python -m scalesim.scale`` drives) with traces off (``save_disk_space=True``; the CLI always
writes them), reads each layer's row of the COMPUTE_REPORT.csv it writes, and stores:

* ``tests/parity/scalesim_goldens.csv``: one row per layer, with the layer's dimensions as
  SCALE-Sim parsed them, ``total_cycles`` and ``stall_cycles`` (COMPUTE_REPORT's *Total
  Cycles* and *Stall Cycles*), ``compute_cycles`` = their difference, and
  ``total_cycles_incl_prefetch`` (its first column);
* ``tests/parity/scalesim_runs.csv``: one row per SCALE-Sim run (a chunk of layers), with its
  wall time, peak memory and status, and one row per layer or file that was not run, with why.

SCALE-Sim replays every cycle in Python, so a layer whose cost, estimated before the run from
its demand-matrix rows, exceeds ``--budget-s`` seconds or ``--max-gib`` of memory is skipped
and listed as such; layers run in chunks of at most ``--chunk-s`` estimated seconds, each in
its own process with a timeout. ``--merge`` keeps the rows already written and runs only the
missing layers, so a larger budget can be spent on a few topologies afterwards; every command
that contributed is listed in the header. Needs only the standard library and ``scalesim``
(with its numpy); it does not import accelsim.

The committed goldens came from these commands, in this order::

    scalesim_goldens.py --jobs 2 --budget-s 10
    scalesim_goldens.py --jobs 2 --merge --budget-s 3 --configs scale_user_lowbw.cfg \
        --only GEMM_mnk/test_mnk_input.csv GEMM_mnk/transformer_partial.csv GEMM_mnk/vit_s.csv
    scalesim_goldens.py --jobs 2 --merge --budget-s 60 --configs scale.cfg --only \
        conv_nets/alexnet.csv conv_nets/Resnet18.csv conv_nets/yolo_tiny.csv mlperf/Resnet50.csv \
        conv_nets/Googlenet.csv
"""

from __future__ import annotations

import argparse
import configparser
import csv
import io
import json
import os
import re
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "tests" / "parity" / "scalesim_inputs"   # replaced by --inputs
LAYOUT = INPUTS / "layouts" / "conv_nets" / "test.csv"   # SCALE-Sim's default -l; unused with custom layouts off
DATAFLOWS = ("ws", "os", "is")
CONFIGS = ("scale.cfg", "eyeriss.cfg", "google.cfg")
# (folder under topologies/, GEMM form?)
TOPOLOGY_DIRS = (("conv_nets", False), ("mlperf", False), ("GEMM_mnk", True))

# Options SCALE-Sim 3.0.0's read_conf_file requires; a shipped cfg that lacks them (eyeriss.cfg
# has no [layout]) gets scale.cfg's values, none of which affects the compute count.
REQUIRED_DEFAULTS = {
    "run_presets": {"UseRamulatorTrace": "False"},
    "architecture_presets": {"ReadRequestBuffer": "32", "WriteRequestBuffer": "32"},
    "layout": {"IfmapCustomLayout": "False", "IfmapSRAMBankBandwidth": "10", "IfmapSRAMBankNum": "10",
               "IfmapSRAMBankPort": "2", "FilterCustomLayout": "False", "FilterSRAMBankBandwidth": "10",
               "FilterSRAMBankNum": "10", "FilterSRAMBankPort": "2"},
    "sparsity": {"SparsitySupport": "false", "SparseRep": "ellpack_block", "OptimizedMapping": "false",
                 "BlockSize": "8", "RandomNumberGeneratorSeed": "40"},
}

GOLDEN_COLUMNS = ("topology", "config", "dataflow", "layer", "layer_name", "ifmap_h", "ifmap_w", "filt_h",
                  "filt_w", "channels", "num_filters", "stride", "M", "N", "K", "rows", "cols",
                  "total_cycles", "stall_cycles", "compute_cycles", "total_cycles_incl_prefetch")
RUN_COLUMNS = ("topology", "config", "dataflow", "layers", "status", "wall_s", "peak_rss_mib",
               "estimated_s", "detail")


# ---------------------------------------------------------------- cost estimate (before running)

def demand_rows(M: int, N: int, K: int, rows: int, cols: int, dataflow: str) -> int:
    """Rows of SCALE-Sim's OFMAP demand matrix: folds x (T + fill/drain). Used only to budget."""
    sr, sc, t = {"os": (M, N, K), "ws": (K, N, M), "is": (K, M, N)}[dataflow]
    extra = rows + cols - 2 if dataflow == "os" else 2 * rows + cols - 2
    return -(-sr // rows) * -(-sc // cols) * (t + extra)


def estimate(M: int, N: int, K: int, rows: int, cols: int, dataflow: str) -> tuple[float, float]:
    """(seconds, GiB) SCALE-Sim is expected to need for one layer, from probes on this machine.

    Its replay costs about 30 us + 1.1 us per array row or column per demand row (AlexNet on
    32x32 and 256x256), and its peak memory is about ten float64 copies of a demand matrix of
    ``rows + 2 * cols`` columns.
    """
    n = demand_rows(M, N, K, rows, cols, dataflow)
    seconds = n * (30e-6 + 1.1e-6 * (rows + cols)) + 2e-7 * M * K
    gib = n * (rows + 2 * cols) * 8 * 10 / 2**30 + M * K * 4 * 3 / 2**30
    return seconds, gib


# ---------------------------------------------------------------- inputs

def patched_cfg(src: Path, dataflow: str, out_dir: Path) -> tuple[Path, list[str], int, int]:
    """A copy of ``src`` with Dataflow set and any option SCALE-Sim 3.0.0 requires filled in.

    Returns the copy's path, the options added, and the array rows and columns.
    """
    cp = configparser.ConfigParser()
    cp.optionxform = str
    cp.read(src)
    added = []
    for section, options in REQUIRED_DEFAULTS.items():
        if not cp.has_section(section):
            cp.add_section(section)
        for key, value in options.items():
            if not cp.has_option(section, key):
                cp.set(section, key, value)
                added.append(f"[{section}] {key}")
    cp.set("architecture_presets", "Dataflow", dataflow)
    cp.set("general", "run_name", "run")
    out = out_dir / f"{src.stem}_{dataflow}.cfg"
    with open(out, "w") as f:
        cp.write(f)
    return out, added, cp.getint("architecture_presets", "ArrayHeight"), cp.getint("architecture_presets",
                                                                                   "ArrayWidth")


def read_topology(path: Path, gemm: bool):
    """SCALE-Sim's own parse of a topology: a list of (name, dims, raw line) per layer."""
    from scalesim.topology_utils import topologies

    topo = topologies()
    topo.load_arrays(topofile=str(path), mnk_inputs=gemm)
    topo.topo_calc_hyperparams()
    raw = [line.strip() for line in path.read_text().splitlines()[1:] if line.strip()]
    if any("DP" in line.split(",")[0] for line in raw) and not gemm:
        raise ValueError("depthwise 'DP' rows are split per channel by SCALE-Sim; not handled here")
    if len(raw) != topo.get_num_layers():
        raise ValueError(f"{len(raw)} non-blank rows but SCALE-Sim reads {topo.get_num_layers()} layers")
    layers = []
    for i, arr in enumerate(topo.topo_arrays):
        oh, ow, _, window = topo.layers_calculated_hyperparams[i]
        dims = dict(ifmap_h=arr[1], ifmap_w=arr[2], filt_h=arr[3], filt_w=arr[4], channels=arr[5],
                    num_filters=arr[6], stride=arr[7], M=oh * ow, N=arr[6], K=window)
        if arr[7] != arr[8]:
            raise ValueError(f"layer {i}: row and column strides differ")
        layers.append((arr[0], dims, raw[i]))
    return layers


# ---------------------------------------------------------------- one SCALE-Sim run (worker process)

def worker(cfg: str, topology: str, gemm: bool, out_dir: str) -> None:
    """Run SCALE-Sim once, traces off, and print its wall time and peak RSS as the last line."""
    from scalesim.scale_sim import scalesim

    t0 = time.perf_counter()
    sim = scalesim(save_disk_space=True, verbose=False, config=cfg, topology=topology, layout=str(LAYOUT),
                   input_type_gemm=gemm)
    sim.run_scale(top_path=out_dir)
    wall = time.perf_counter() - t0
    print(f"WALL {wall:.3f} RSS_KIB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")


def run_chunk(task: dict, timeout_s: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="scalesim_golden_") as tmp:
        tmp = Path(tmp)
        topo = tmp / "topology.csv"
        topo.write_text(task["header"] + "\n" + "\n".join(task["lines"]) + "\n")
        cmd = [sys.executable, str(Path(__file__).resolve()), "--inputs", str(INPUTS), "--worker", str(task["cfg"]), str(topo),
               "gemm" if task["gemm"] else "conv", str(tmp / "out")]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s)
        except subprocess.TimeoutExpired:
            return {**task, "status": "timeout", "detail": f"no result within {timeout_s:.0f} s"}
        if proc.returncode != 0:
            tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
            return {**task, "status": "error", "detail": tail}
        m = re.search(r"WALL ([0-9.]+) RSS_KIB ([0-9]+)", proc.stdout)
        report = (tmp / "out" / "run" / "COMPUTE_REPORT.csv").read_text()
    rows = list(csv.reader(io.StringIO(report), skipinitialspace=True))[1:]
    return {**task, "status": "ok", "wall_s": float(m.group(1)), "rss_mib": int(m.group(2)) / 1024,
            "report": [r for r in rows if r]}


# ---------------------------------------------------------------- planning and the main loop

def plan(args) -> tuple[list[dict], list[dict], dict, set]:
    """SCALE-Sim runs to make, layers left out, cfg patches, and the (topology, config) pairs looked at.

    With ``--merge``, layers that already have a row in ``--out`` are not run again.
    """
    tasks, skipped, patches, covered = [], [], {}, set()
    done = set()
    if args.merge and os.path.exists(args.out):
        done = {(g["topology"], g["config"], g["dataflow"], int(g["layer"]))
                for g in _read_commented_csv(args.out)[1]}
    cfg_dir = Path(tempfile.mkdtemp(prefix="scalesim_cfgs_"))
    cfgs = {}
    for name in args.configs:
        for df in DATAFLOWS:
            src = INPUTS / "configs" / name
            if not src.exists() and (ROOT / "tests" / "parity" / name).exists():
                src = ROOT / "tests" / "parity" / name   # accelsim's own variants
            path, added, r, c = patched_cfg(src, df, cfg_dir)
            cfgs[name, df] = (path, r, c)
            if added:
                patches[name] = added
    for folder, gemm in TOPOLOGY_DIRS:
        for path in sorted((INPUTS / "topologies" / folder).glob("*.csv")):
            rel = f"{folder}/{path.name}"
            if args.only and not any(s in rel for s in args.only):
                continue
            covered.update((rel, name) for name in list(args.configs) + ["*"])
            try:
                layers = read_topology(path, gemm)
            except Exception as e:  # SCALE-Sim itself cannot read the file
                skipped.append(dict(topology=rel, config="*", dataflow="*", layers="*", status="unreadable",
                                    detail=f"{type(e).__name__}: {e}".replace("\n", " ")[:200]))
                continue
            header = path.read_text().splitlines()[0]
            for name in args.configs:
                for df in DATAFLOWS:
                    cfg, r, c = cfgs[name, df]
                    chunk, chunk_s = [], 0.0
                    for i, (lname, dims, line) in enumerate(layers):
                        if (rel, name, df, i) in done:
                            continue
                        sec, gib = estimate(dims["M"], dims["N"], dims["K"], r, c, df)
                        if sec > args.budget_s or gib > args.max_gib:
                            skipped.append(dict(topology=rel, config=name, dataflow=df, layers=str(i),
                                                status="skipped", estimated_s=f"{sec:.0f}",
                                                detail=f"estimated {sec:.0f} s, {gib:.1f} GiB"))
                            continue
                        if chunk and chunk_s + sec > args.chunk_s:
                            tasks.append(dict(topology=rel, config=name, dataflow=df, cfg=cfg, gemm=gemm,
                                              header=header, members=chunk, est_s=chunk_s, rows=r, cols=c))
                            chunk, chunk_s = [], 0.0
                        chunk.append((i, lname, dims, line))
                        chunk_s += sec
                    if chunk:
                        tasks.append(dict(topology=rel, config=name, dataflow=df, cfg=cfg, gemm=gemm,
                                          header=header, members=chunk, est_s=chunk_s, rows=r, cols=c))
    for t in tasks:
        t["lines"] = [m[3] for m in t["members"]]
    return tasks, skipped, patches, covered


def _read_commented_csv(path: str) -> tuple[list[str], list[dict]]:
    with open(path) as f:
        lines = f.readlines()
    comments = [line.rstrip("\n") for line in lines if line.startswith("#")]
    return comments, list(csv.DictReader(line for line in lines if not line.startswith("#")))


def write_outputs(args, golden: list[dict], runs: list[dict], command: str, patches: dict,
                  covered: set) -> None:
    """Write the goldens and the run log.

    With ``--merge``, every existing golden row is kept, and so is every run-log row except the
    layers left out (or files unreadable) for a (topology, config) pair this run looked at again.
    """
    import numpy
    from importlib.metadata import version

    commands, patch_lines = [f"# command: {command}"], []
    if patches:
        patch_lines.append("# cfg options SCALE-Sim 3.0.0 requires, added with scale.cfg's values: "
                           + "; ".join(f"{k}: {', '.join(v)}" for k, v in patches.items()))
    if args.merge and os.path.exists(args.out):
        comments, old = _read_commented_csv(args.out)
        commands = [c for c in comments if c.startswith("# command: ")] + commands
        patch_lines = [c for c in comments if c.startswith("# cfg options")] + patch_lines
        golden = old + golden
        _, old_runs = _read_commented_csv(args.runs_out)
        runs = [r for r in old_runs if r["status"] == "ok" or (r["topology"], r["config"]) not in covered] + runs
    key = (lambda g: (g["topology"], g["config"], g["dataflow"], int(g["layer"]) if str(g["layer"]).isdigit()
                      else -1))
    with open(args.out, "w", newline="") as f:
        f.write(f"# SCALE-Sim {version('scalesim')} (PyPI scalesim, numpy {numpy.__version__}, Python "
                f"{sys.version.split()[0]}), COMPUTE_REPORT.csv per layer, traces off\n")
        f.write("".join(line + "\n" for line in commands + patch_lines))
        w = csv.DictWriter(f, GOLDEN_COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(sorted(golden, key=key))
    with open(args.runs_out, "w", newline="") as f:
        f.write(f"# SCALE-Sim {version('scalesim')} runs behind scalesim_goldens.csv\n")
        f.write("".join(line + "\n" for line in commands))
        w = csv.DictWriter(f, RUN_COLUMNS, lineterminator="\n", restval="")
        w.writeheader()
        w.writerows(sorted(runs, key=lambda r: (r["topology"], r["config"], r["dataflow"])))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jobs", type=int, default=2, help="SCALE-Sim processes at once")
    ap.add_argument("--budget-s", type=float, default=20.0, help="skip a layer estimated to need longer")
    ap.add_argument("--chunk-s", type=float, default=120.0, help="estimated seconds of layers per run")
    ap.add_argument("--max-gib", type=float, default=6.0, help="skip a layer estimated to need more memory")
    ap.add_argument("--configs", nargs="*", default=list(CONFIGS), help="cfg files to use")
    ap.add_argument("--only", nargs="*", help="run only topologies whose path contains one of these")
    ap.add_argument("--plan", action="store_true", help="print the estimate and exit")
    ap.add_argument("--out", default=str(ROOT / "tests" / "parity" / "scalesim_goldens.csv"))
    ap.add_argument("--runs-out", default=str(ROOT / "tests" / "parity" / "scalesim_runs.csv"))
    ap.add_argument("--merge", action="store_true",
                    help="keep the rows already in --out and run only the layers missing there")
    ap.add_argument("--inputs", default=str(INPUTS),
                    help="SCALE-Sim repository checkout (configs/, topologies/, layouts/)")
    ap.add_argument("--worker", nargs=4, metavar=("CFG", "TOPOLOGY", "FORM", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    global INPUTS, LAYOUT
    INPUTS = Path(args.inputs)
    LAYOUT = INPUTS / "layouts" / "conv_nets" / "test.csv"
    if args.worker:
        cfg, topo, form, out = args.worker
        worker(cfg, topo, form == "gemm", out)
        return 0

    tasks, skipped, patches, covered = plan(args)
    total_est = sum(t["est_s"] for t in tasks)
    print(f"{len(tasks)} SCALE-Sim runs, {sum(len(t['members']) for t in tasks)} layer runs, "
          f"estimated {total_est / 60:.0f} CPU-minutes; {len(skipped)} skipped", file=sys.stderr)
    if args.plan:
        for s in skipped:
            print(s, file=sys.stderr)
        return 0

    tasks.sort(key=lambda t: -t["est_s"])  # longest first keeps the workers busy to the end
    results, t0 = [], time.time()
    with ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(run_chunk, t, max(600.0, 4 * t["est_s"])) for t in tasks]
        for n, fut in enumerate(futures, 1):
            res = fut.result()
            results.append(res)
            with open(args.out + ".partial.jsonl", "a") as f:  # survives a crash before the end
                f.write(json.dumps({k: v for k, v in res.items() if k != "cfg"}) + "\n")
            print(f"[{n}/{len(tasks)} {time.time() - t0:.0f}s] {res['topology']} {res['config']} "
                  f"{res['dataflow']} layers {[m[0] for m in res['members']]}: {res['status']} "
                  f"{res.get('wall_s', '')}", file=sys.stderr, flush=True)

    command = "/tmp/scalesim-venv/bin/python " + " ".join(
        shlex.quote(a) for a in [os.path.relpath(__file__, ROOT)] + (argv if argv is not None else sys.argv[1:]))
    golden, runs = [], []
    for res in sorted(results, key=lambda r: (r["topology"], r["config"], r["dataflow"], r["members"][0][0])):
        layer_ids = " ".join(str(m[0]) for m in res["members"])
        runs.append(dict(topology=res["topology"], config=res["config"], dataflow=res["dataflow"],
                         layers=layer_ids, status=res["status"], wall_s=f"{res.get('wall_s', 0):.2f}",
                         peak_rss_mib=f"{res.get('rss_mib', 0):.0f}", estimated_s=f"{res['est_s']:.1f}",
                         detail=res.get("detail", "")))
        if res["status"] != "ok":
            continue
        assert len(res["report"]) == len(res["members"]), (res["topology"], len(res["report"]))
        for (i, lname, dims, _), rep in zip(res["members"], res["report"]):
            incl, total, stall = int(float(rep[1])), int(float(rep[2])), int(float(rep[3]))
            golden.append(dict(topology=res["topology"], config=res["config"], dataflow=res["dataflow"],
                               layer=i, layer_name=lname, **dims, rows=res["rows"], cols=res["cols"],
                               total_cycles=total, stall_cycles=stall, compute_cycles=total - stall,
                               total_cycles_incl_prefetch=incl))

    write_outputs(args, golden, runs + skipped, command, patches, covered)
    print(f"wrote {len(golden)} new golden rows to {args.out}; {len(skipped)} skipped, "
          f"{sum(r['status'] != 'ok' for r in runs)} runs failed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
