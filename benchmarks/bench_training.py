"""Forward pass vs one training step: latency, energy and DRAM bytes, on the systolic and row-stationary chips.

Run: python benchmarks/bench_training.py [--model resnet18] [--archs tpu-v1,eyeriss] [--batches 1,32]
     [--optimizer sgd] (prints a table; asserts nothing)

For each arch and batch: the inference run (forward) and the training step (``simulate(..., train=True)``),
the step's split into forward / backward / update, and the wall time each simulation took. Per-sample figures
divide by the batch. The model's default bit widths apply (int8 for the zoo's CNNs), so the step keeps a
float32 master copy of the weights (its bytes are printed once per model).
"""

from __future__ import annotations

import argparse
import time

import accelsim
from accelsim.units import format_bytes, format_energy, format_seconds


def _row(label: str, r, batch: int, wall: float) -> str:
    dram = r.dram_read_bytes + r.dram_write_bytes
    return (f"  {label:<10} {format_seconds(r.latency_s):>11} {format_energy(r.total_energy_pj):>12} "
            f"{format_bytes(dram):>11} {format_bytes(dram / batch):>11}/sample {r.macs / batch / 1e9:8.2f} GMAC/sample "
            f"(simulated in {wall:.1f} s)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="resnet18")
    ap.add_argument("--archs", default="tpu-v1,eyeriss")
    ap.add_argument("--batches", default="1,32")
    ap.add_argument("--optimizer", default="sgd")
    args = ap.parse_args()
    printed_record = False
    for arch in args.archs.split(","):
        for batch in (int(b) for b in args.batches.split(",")):
            print(f"{args.model} on {arch}, batch {batch}")
            print(f"  {'run':<10} {'latency':>11} {'energy':>12} {'DRAM':>11} {'DRAM':>11}")
            t = time.perf_counter()
            fwd = accelsim.simulate(args.model, arch, batch)
            print(_row("forward", fwd, batch, time.perf_counter() - t))
            t = time.perf_counter()
            step = accelsim.simulate(args.model, arch, batch, train=True, optimizer=args.optimizer)
            print(_row("train step", step, batch, time.perf_counter() - t))
            for phase, p in step.phases().items():
                dram = p["dram_read_bytes"] + p["dram_write_bytes"]
                print(f"    {phase:<8} {format_seconds(p['cycles'] / step.clock_hz):>11} "
                      f"{format_energy(p['total_energy_pj']):>12} {format_bytes(dram):>11}")
            print(f"  step / forward: latency x{step.cycles / fwd.cycles:.2f}, energy "
                  f"x{step.total_energy_pj / fwd.total_energy_pj:.2f}, DRAM "
                  f"x{(step.dram_read_bytes + step.dram_write_bytes) / (fwd.dram_read_bytes + fwd.dram_write_bytes):.2f}")
            if not printed_record:
                from accelsim.report import training_note
                print("  " + training_note(step.training))
                printed_record = True
            print(f"  saved activations for the batch: {format_bytes(step.training['saved_activation_bytes'])}")


if __name__ == "__main__":
    main()
