"""DianNao/Cambricon simulation speed: simulated instructions per second, and how run time grows with the network.

Run: python benchmarks/bench_cambricon.py [--quick]   (prints figures; asserts nothing)

For each (model, preset): static program size, dynamic instructions, wall time of the three
stages (compile + assemble, control flow alone in the interpreter, the full timed run with
the DRAM timing model), and simulated instructions per second of the full run. The
interpreter-only figure is the ceiling the core's bookkeeping sits under; the difference is
the scoreboard, the unit queues and the DRAM model.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from accelsim.families.cambricon.run import run_cambricon
from accelsim.registry import load_arch
from accelsim.families.cambricon.asm import assemble
from accelsim.families.cambricon.compiler import compile_network
from accelsim.families.cambricon.interp import Machine, iter_dynamic
from accelsim.workload import load_model


def bench(model: str, arch: str) -> dict:
    spec = load_arch(arch)
    net = load_model(model)
    t0 = time.perf_counter()
    compiled = compile_network(net, dict(spec.scratchpad_bytes), spec.matrix.rows, spec.matrix.cols, 1,
                               bytes_per_cycle=spec.dram.bandwidth_bytes_per_s / spec.clock_hz)
    prog = assemble(compiled.text)
    t1 = time.perf_counter()
    steps = sum(1 for _ in iter_dynamic(prog, Machine.create(dict(spec.scratchpad_bytes), np.zeros(0, np.uint8)),
                                        functional=False))
    t2 = time.perf_counter()
    run = run_cambricon(net, spec)
    t3 = time.perf_counter()
    return dict(model=model, arch=arch, macs=net.macs, static=len(prog.insns), dynamic=steps, compile_s=t1 - t0,
                interp_s=t2 - t1, full_s=t3 - t2, cycles=run.result.cycles)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="small models only")
    args = ap.parse_args()
    cases = [("lenet5", "diannao"), ("lenet5", "cambricon"), ("mobilenet_v1", "cambricon"),
             ("resnet18", "cambricon"), ("alexnet", "cambricon"), ("alexnet", "diannao")]
    if args.quick:
        cases = cases[:2]
    print(f"{'model':13s} {'arch':10s} {'GMACs':>7s} {'static':>7s} {'dynamic':>10s} {'compile s':>9s} "
          f"{'interp s':>9s} {'full s':>8s} {'insn/s':>9s} {'sim cycles':>12s}")
    for model, arch in cases:
        r = bench(model, arch)
        print(f"{r['model']:13s} {r['arch']:10s} {r['macs'] / 1e9:7.3f} {r['static']:7,d} {r['dynamic']:10,d} "
              f"{r['compile_s']:9.2f} {r['interp_s']:9.2f} {r['full_s']:8.2f} {r['dynamic'] / r['full_s']:9,.0f} "
              f"{r['cycles']:12,d}")


if __name__ == "__main__":
    main()
