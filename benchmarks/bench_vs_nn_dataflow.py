"""Eyeriss on AlexNet CONV1-5 (batch 4): accelsim, nn-dataflow and the JSSC 2017 paper side by side.

Run (nn-dataflow lives in its own environment: it needs ``sympy==1.5.1``)::

    python3 -m venv /tmp/nnd-venv && /tmp/nnd-venv/bin/pip install 'sympy==1.5.1' nn-dataflow
    python benchmarks/bench_vs_nn_dataflow.py [--nnd-python /tmp/nnd-venv/bin/python]

nn-dataflow (Gao et al.) runs its own search on its AlexNet (two towers, ``conv1_a``/``conv1_b``...,
whose times are added) for a 12x14 array, 512 B of RF per PE, a 108 kB GLB, 16-bit words and
the ISCA 2016 normalised costs; its cycle counts are taken at Eyeriss's 200 MHz. accelsim runs
its Eyeriss preset with the paper's Table III mappings (``accelsim.validate.eyeriss_alexnet``).
Printed: processing latency per layer (ms) and active PEs, each with its error against Table V.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

CLOCK_HZ = 200e6
NND_ARGS = ["alex_net", "--batch", "4", "--word", "16", "--nodes", "1", "1", "--array", "12", "14", "--regf", "512",
            "--gbuf", str(108 * 1024), "--op-cost", "1", "--hier-cost", "200", "6", "2", "1", "--hop-cost", "0",
            "--unit-idle-cost", "0", "-p", "1"]


def nn_dataflow(python: str) -> dict[str, tuple[float, float]]:
    """Per conv layer: (processing ms, active PEs) from nn-dataflow's search."""
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "alex.json")
        with open(out, "w") as f:
            p = subprocess.run([python, "-m", "nn_dataflow.tools.nn_dataflow_search", *NND_ARGS], stdout=f,
                               stderr=subprocess.PIPE, text=True, cwd=d)
        if p.returncode != 0:
            raise RuntimeError((p.stderr.strip().splitlines() or ["?"])[-1])
        doc = json.load(open(out))
    res = {}
    for k in range(1, 6):
        names = [n for n in doc["schedules"] if n.startswith(f"conv{k}")]
        cycles = sum(doc["schedules"][n][0]["time"] for n in names)
        pes = sum(doc["active_node_pes"][n] for n in names) / len(names)
        res[f"conv{k}"] = (cycles / CLOCK_HZ * 1e3, pes)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nnd-python", default="/tmp/nnd-venv/bin/python")
    args = ap.parse_args()
    from accelsim.families.eyeriss.validate import EYERISS_ALEXNET, eyeriss_alexnet
    result, maps = eyeriss_alexnet()
    # processing latency as accelsim validate reports it: each layer's cycles with DRAM overlapped
    ours = {l.name: (l.compute_cycles / result.clock_hz * 1e3, maps[l.name].active_pes) for l in result.layers}
    try:
        nnd = nn_dataflow(args.nnd_python) if os.path.exists(args.nnd_python) else None
        why = "" if nnd else f"no nn-dataflow environment at {args.nnd_python}"
    except RuntimeError as e:
        nnd, why = None, f"nn-dataflow failed: {e}"
    if why:
        print(why, file=sys.stderr)
    print(f"{'layer':6s} {'paper ms':>9s} {'accelsim ms':>12s} {'err':>7s} {'nn-dataflow ms':>15s} {'err':>7s}   "
          f"{'PEs paper':>9s} {'accelsim':>8s} {'nn-dataflow':>11s}")
    sums = [0.0, 0.0, 0.0]
    for name, row in EYERISS_ALEXNET.items():
        paper_ms, paper_pes = row[0], row[2]
        a_ms, a_pes = ours[name]
        n_ms, n_pes = nnd[name] if nnd else (float("nan"), float("nan"))
        sums[0] += paper_ms
        sums[1] += a_ms
        sums[2] += n_ms
        print(f"{name:6s} {paper_ms:9.1f} {a_ms:12.2f} {100 * (a_ms / paper_ms - 1):+6.1f}% {n_ms:15.2f} "
              f"{100 * (n_ms / paper_ms - 1):+6.1f}%   {paper_pes:9d} {a_pes:8d} {n_pes:11.1f}")
    print(f"{'total':6s} {sums[0]:9.1f} {sums[1]:12.2f} {100 * (sums[1] / sums[0] - 1):+6.1f}% {sums[2]:15.2f} "
          f"{100 * (sums[2] / sums[0] - 1):+6.1f}%")


if __name__ == "__main__":
    main()
