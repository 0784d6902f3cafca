"""What SCALE-Sim's SRAM refill replay costs under ``--compat scalesim``: wall time with and without it.

Run::

    python benchmarks/bench_scalesim_refill.py [--model models/scalesim/resnet50.csv] [--configs scale.cfg ...]

For each cfg in ``models/scalesim/`` the same network is simulated in process twice, compat
scalesim both times: without ``array.scalesim_refill_words`` (stalls from the DRAM model: one
transfer of each operand per layer) and with it (SCALE-Sim's refill replayed,
``families/systolic/scalesim_memory.py``). A warm-up run on a small topology compiles the
kernels first. Prints wall time, total stall and total cycles of each. Asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from accelsim.api import simulate
from accelsim.families.systolic.scalesim_cfg import load_scalesim_cfg
from accelsim.registry import arch_from_dict
from accelsim.workload.scalesim_csv import load_scalesim_csv

ROOT = Path(__file__).resolve().parents[1]
WARM = ROOT / "tests" / "parity" / "scalesim_memory" / "topology.csv"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=str(ROOT / "models" / "scalesim" / "resnet50.csv"))
    ap.add_argument("--configs", nargs="*", default=["scale.cfg", "google.cfg", "eyeriss.cfg"])
    args = ap.parse_args()
    net = load_scalesim_csv(args.model)
    print(f"{Path(args.model).name}: {len(net.layers)} layers")
    for name in args.configs:
        spec = load_scalesim_cfg(ROOT / "models" / "scalesim" / name)
        for refill in (False, True):
            array = {**spec["array"], "compat": "scalesim"}
            if not refill:
                array.pop("scalesim_refill_words", None)
            arch = arch_from_dict({**spec, "array": array}, file=name)
            simulate(load_scalesim_csv(WARM), arch)
            t = time.perf_counter()
            r = simulate(net, arch)
            wall = time.perf_counter() - t
            print(f"  {name:12s} {'refill replay' if refill else 'DRAM model  '}  {wall:6.2f} s   "
                  f"stall {r.stall_cycles:>12,d}   cycles {r.cycles:>12,d}")


if __name__ == "__main__":
    main()
