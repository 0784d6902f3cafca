"""DianNao/Cambricon simulation speed: simulated instructions per second, compiled core against the Python core.

Run: python benchmarks/bench_cambricon.py [--quick] [--no-old]   (prints figures; asserts nothing)

For each (model, preset): dynamic instructions, the front end (compile + assemble), and the
core (control flow and timing of every instruction, DRAM timing model included) on the new
path (one Numba kernel call, :mod:`accelsim.families.cambricon.fastcore`) and on the old path
(the interpreter feeding :func:`accelsim.families.cambricon.core.run_core`), measured in the
same run, best of a few warm repeats, as wall and CPU seconds (the machines are shared: CPU
seconds are the steadier figure). Then AlexNet on ``diannao`` end to end: ``simulate`` in
process (warm) both ways, and ``accelsim simulate --arch diannao --model alexnet`` as a
process (second run, so the kernel cache is warm).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

import numpy as np

from accelsim.families.cambricon.asm import assemble
from accelsim.families.cambricon.core import run_core
from accelsim.families.cambricon.fastcore import pack_program, run_core_compiled
from accelsim.families.cambricon.interp import Machine, iter_dynamic
from accelsim.families.cambricon.run import compile_program, run_cambricon
from accelsim.registry import load_arch
from accelsim.sim.dram_run import dram_for_run
from accelsim.workload import load_model


def _best(fn, repeats: int) -> tuple[float, float, object]:
    """(best wall s, best CPU s, last result) of ``repeats`` calls."""
    wall = cpu = float("inf")
    out = None
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        out = fn()
        wall, cpu = min(wall, time.perf_counter() - w), min(cpu, time.process_time() - c)
    return wall, cpu, out


def bench(model: str, arch: str, old: bool, repeats: int) -> dict:
    spec, net = load_arch(arch), load_model(model)
    t = time.perf_counter()
    compiled = compile_program(net, spec)
    program = assemble(compiled.text)
    front = time.perf_counter() - t
    labels = dict(program.labels)
    starts = [labels[n] for n in compiled.labels]
    packed = pack_program(program)

    def new():
        return run_core_compiled(packed, spec, starts, dram_for_run(spec.dram, spec.clock_hz))

    def ref():
        machine = Machine.create(dict(spec.scratchpad_bytes), np.zeros(0, np.uint8))
        return run_core(iter_dynamic(program, machine, functional=False), spec, starts,
                        dram_for_run(spec.dram, spec.clock_hz))

    new()  # compile or load the kernel
    new_wall, new_cpu, run = _best(new, repeats)
    row = dict(model=model, arch=arch, dynamic=run.steps, front_s=front, new_wall=new_wall, new_cpu=new_cpu,
               cycles=run.end_cycle)
    if old:
        row["old_wall"], row["old_cpu"], run_old = _best(ref, 1)
        row["same"] = run_old.end_cycle == run.end_cycle and run_old.steps == run.steps
    return row


def alexnet_end_to_end(old: bool) -> None:
    from accelsim.api import simulate
    simulate("alexnet", "diannao")
    wall, cpu, _ = _best(lambda: simulate("alexnet", "diannao"), 3)
    print(f"\nAlexNet on diannao, simulate() in process, warm: new path {wall:.3f} s wall, {cpu:.3f} CPU-s")
    if old:
        wall, cpu, _ = _best(lambda: run_cambricon("alexnet", "diannao", reference=True), 1)
        print(f"AlexNet on diannao, same run on the old path (Python core):  {wall:.3f} s wall, {cpu:.3f} CPU-s")
    cmd = [sys.executable, "-m", "accelsim.cli", "simulate", "--arch", "diannao", "--model", "alexnet"]
    subprocess.run(cmd, capture_output=True, check=True)
    t = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True)
    print(f"`accelsim simulate --arch diannao --model alexnet` (a new process, warm cache): "
          f"{time.perf_counter() - t:.3f} s wall")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="small models only")
    ap.add_argument("--no-old", action="store_true", help="skip the Python core (slow: minutes on big models)")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    cases = [("lenet5", "diannao"), ("lenet5", "cambricon"), ("alexnet_fc", "diannao"), ("alexnet", "cambricon"),
             ("alexnet", "diannao"), ("tpu_cnn0", "diannao"), ("resnet50", "cambricon")]
    if args.quick:
        cases = cases[:3]
    old = not args.no_old
    print(f"{'model':11s} {'arch':10s} {'dynamic':>11s} {'front s':>8s} {'new s':>7s} {'new CPU-s':>9s} "
          f"{'new M insn/s':>12s}" + (f" {'old s':>7s} {'old M insn/s':>12s} {'speed-up':>8s}" if old else ""))
    for model, arch in cases:
        r = bench(model, arch, old and r_ok(model, arch), args.repeats)
        line = (f"{r['model']:11s} {r['arch']:10s} {r['dynamic']:11,d} {r['front_s']:8.3f} {r['new_wall']:7.3f} "
                f"{r['new_cpu']:9.3f} {r['dynamic'] / r['new_cpu'] / 1e6:12.1f}")
        if "old_cpu" in r:
            line += (f" {r['old_wall']:7.2f} {r['dynamic'] / r['old_cpu'] / 1e6:12.2f} "
                     f"{r['old_cpu'] / r['new_cpu']:7.0f}x" + ("" if r["same"] else "  DIFFERENT"))
        print(line, flush=True)
    alexnet_end_to_end(old)


def r_ok(model: str, arch: str) -> bool:
    """The old path on the cases it finishes in well under a minute on a quiet machine."""
    return (model, arch) not in {("tpu_cnn0", "diannao"), ("resnet50", "cambricon")}


if __name__ == "__main__":
    main()
