"""DRAM model speed: requests (bursts) scheduled per second, Numba kernel vs plain twin, and how it scales.

Run: python benchmarks/bench_dram.py   (prints figures; asserts nothing)

Streams on DDR4-2400 x64, every request arriving at cycle 0 (the queue admits them as
others leave): sequential 64-byte bursts and uniformly random 64-byte bursts. Also the
engine-facing :class:`DramModel` (one kernel call per transfer) and its closed-form stream
path, for 4 KiB sequential transfers.
"""

from __future__ import annotations

import time

import numpy as np

from accelsim.arch.dram import load_dram
from accelsim.kernels.dram_timing import dram_schedule, dram_schedule_ref, initial_state
from accelsim.sim.dram_timing import DramModel, pack_params


def streams(spec, n: int, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {"sequential": np.arange(n, dtype=np.int64) * spec.burst_bytes,
            "random": rng.integers(0, spec.capacity_bytes // spec.burst_bytes, n) * spec.burst_bytes}


def timed(fn, *args) -> tuple[float, tuple]:
    t0 = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t0, out


def bench_kernel(spec, n_fast: int, n_ref: int) -> None:
    p = pack_params(spec)
    state = initial_state(p)
    warm = np.arange(8, dtype=np.int64) * 64
    dram_schedule(np.zeros(8, np.int64), warm, np.zeros(8, np.bool_), p, *state)  # compile / load cache
    for kind in ("sequential", "random"):
        for label, fn, n in (("kernel", dram_schedule, n_fast), ("twin", dram_schedule_ref, n_ref)):
            addr = streams(spec, n)[kind]
            dt, out = timed(fn, np.zeros(n, np.int64), addr, np.zeros(n, np.bool_), p, *state)
            gbps = n * spec.burst_bytes / (int(out[0].max()) * spec.tCK_ns)
            print(f"  {kind:10s} {label:6s} n={n:>8,d}  {n / dt:>12,.0f} req/s   ({gbps:5.2f} GB/s simulated)")


def bench_scaling(spec) -> None:
    p = pack_params(spec)
    state = initial_state(p)
    for n in (10_000, 100_000, 1_000_000):
        addr = streams(spec, n)["random"]
        dt, _ = timed(dram_schedule, np.zeros(n, np.int64), addr, np.zeros(n, np.bool_), p, *state)
        print(f"  random kernel n={n:>9,d}  {dt * 1e3:8.1f} ms  {n / dt:>12,.0f} req/s")
    for q in (8, 32, 64):
        s = load_dram(spec.file, {"controller.queue_size": q})
        pq = pack_params(s)
        n = 200_000
        dt, _ = timed(dram_schedule, np.zeros(n, np.int64), streams(s, n)["random"], np.zeros(n, np.bool_), pq,
                      *initial_state(pq))
        print(f"  random kernel queue={q:>3d}   {n / dt:>12,.0f} req/s")


def bench_model(spec, n_transfers: int = 20_000, size: int = 4096) -> None:
    for path in ("request", "stream"):
        m = DramModel.from_spec(spec, 700e6, path=path)
        m.transfer(0, 0, 64, False)
        now = 0
        t0 = time.perf_counter()
        for k in range(n_transfers):
            now, _ = m.transfer(now, k * size, size, False)
        dt = time.perf_counter() - t0
        st = m.stats()
        print(f"  DramModel path={path:8s} {n_transfers / dt:>10,.0f} transfers/s  "
              f"{n_transfers * size / spec.burst_bytes / dt:>12,.0f} bursts/s  "
              f"({st.achieved_bytes_per_s / 1e9:5.2f} GB/s, hit rate {st.row_hit_rate:.3f})")


def main() -> None:
    spec = load_dram("ddr4-2400-x64")
    print(f"{spec.name}: {spec.peak_bytes_per_s / 1e9:.1f} GB/s peak")
    print("kernel vs twin:")
    bench_kernel(spec, n_fast=200_000, n_ref=5_000)
    print("scaling:")
    bench_scaling(spec)
    print("engine interface (4 KiB sequential transfers at 700 MHz):")
    bench_model(spec)


if __name__ == "__main__":
    main()
