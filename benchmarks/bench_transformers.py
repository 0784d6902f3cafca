"""Transformers per family: prefill and decode time for GPT-2 small and BERT-base, and decode tokens/s vs DRAM
bandwidth (the issue-17 closing figures).

Run: python benchmarks/bench_transformers.py [--plot benchmarks/figures/transformers/decode_vs_bandwidth.png]
(prints figures; asserts nothing)

Each preset runs as shipped (TPU v1 on its DDR3 timing model). For the bandwidth sweep the DRAM is a
bandwidth + latency channel so that only the bandwidth moves; the dashed line is the bound
bandwidth / (weight + KV-cache + embedding-row bytes per token).
"""

from __future__ import annotations

import argparse
import time

from accelsim.api import simulate
from accelsim.errors import AccelsimError
from accelsim.registry import load_arch, preset_names
from accelsim.workload import load_model

CASES = ("gpt2@prefill:seq=512", "gpt2@decode:context=1024", "bert_base@prefill:seq=128", "bert_base@prefill:seq=512")
BANDWIDTHS_GBPS = (2.5, 5, 10, 20, 34, 68, 136, 256, 512, 1024)


def bytes_per_token(net) -> int:
    """What a decode step must read: weights, cached keys and values, gathered embedding rows (bytes)."""
    rows = sum(l.out_shape[0] * l.out_shape[1] * l.weight_bits // 8 for l in net.layers if l.op == "embedding")
    return net.weight_bytes + sum(l.cache_bytes for l in net.layers) + rows


def table() -> None:
    print(f"{'model':28s} {'arch':16s} {'latency':>11s} {'tokens/s':>10s} {'DRAM read':>10s} {'compute':>8s} "
          f"{'wall':>6s}")
    for case in CASES:
        net = load_model(case)
        tokens = 1 if "decode" in case else int(case.rsplit("=", 1)[1])
        for arch in preset_names():
            t0 = time.perf_counter()
            try:
                r = simulate(net, arch)
            except AccelsimError as e:
                print(f"{case:28s} {arch:16s} refused: {str(e).split(': ', 2)[1][:70]}")
                continue
            print(f"{case:28s} {arch:16s} {r.latency_s * 1e3:8.3f} ms {tokens / r.latency_s:10.1f} "
                  f"{r.dram_read_bytes / 2**20:6.1f} MiB {r.compute_cycles / r.cycles:8.1%} "
                  f"{time.perf_counter() - t0:5.1f}s")


def sweep(plot: str | None) -> None:
    net = load_model("gpt2@decode:context=1024")
    need = bytes_per_token(net)
    print(f"\ndecode gpt2 at context 1024: {need / 2**20:.1f} MiB per token (weights, KV cache, embedding rows)")
    print(f"{'GB/s':>7s} {'bound tok/s':>12s} " + " ".join(f"{a:>22s}" for a in ("tpu-v1", "systolic-32x32")))
    curves: dict[str, list[float]] = {"tpu-v1": [], "systolic-32x32": []}
    for bw in BANDWIDTHS_GBPS:
        dram = {"name": f"{bw:g}GB/s", "bandwidth": f"{bw}GB/s", "latency": "100ns"}
        cells = []
        for name in curves:
            extra = {} if name == "tpu-v1" else {"memory.keep_activations_on_chip": True,
                                                  "memory.ifmap.capacity": "4MiB"}
            r = simulate(net, load_arch(name, {"dram": dram, **extra}))
            curves[name].append(1 / r.latency_s)
            cells.append(f"{1 / r.latency_s:9.1f} ({r.compute_cycles / r.cycles:5.1%} busy)")
        print(f"{bw:7g} {bw * 1e9 / need:12.1f} " + " ".join(f"{c:>22s}" for c in cells))
    if plot:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from pathlib import Path
        fig, ax = plt.subplots(figsize=(6.4, 4.2))
        ax.plot(BANDWIDTHS_GBPS, [bw * 1e9 / need for bw in BANDWIDTHS_GBPS], "k--", lw=1,
                label="bound: bandwidth / bytes per token")
        for name, ys in curves.items():
            ax.plot(BANDWIDTHS_GBPS, ys, "o-", label=name if name == "tpu-v1" else
                    f"{name} (activations kept on chip, 4 MiB)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("DRAM bandwidth (GB/s)")
        ax.set_ylabel("decode tokens/s (batch 1)")
        ax.set_title("GPT-2 small decode at context 1024")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
        Path(plot).parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(plot, dpi=120, bbox_inches="tight")
        print(f"wrote {plot}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plot", help="write decode tokens/s vs bandwidth as PNG")
    ap.add_argument("--no-table", action="store_true")
    args = ap.parse_args()
    if not args.no_table:
        table()
    sweep(args.plot)


if __name__ == "__main__":
    main()
