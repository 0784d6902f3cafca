"""Published figures accelsim reproduces, each with its source and an honest tolerance.

Used by ``accelsim validate`` and ``tests/reference/``. A check computes its figure from the
presets and the simulator; nothing here is tuned to the figure it is compared with.
"""

from __future__ import annotations

from dataclasses import dataclass

from accelsim.arch.load import load_arch


@dataclass(frozen=True)
class Check:
    """One comparison: ``measured`` against ``published`` within relative ``tolerance``."""

    name: str
    published: float
    measured: float
    tolerance: float
    unit: str
    source: str
    note: str = ""

    @property
    def error(self) -> float:
        """Relative error of the measured figure."""
        return (self.measured - self.published) / self.published

    @property
    def ok(self) -> bool:
        """Within tolerance."""
        return abs(self.error) <= self.tolerance

    @property
    def published_text(self) -> str:
        return f"{self.published:g} {self.unit}"

    @property
    def measured_text(self) -> str:
        return f"{self.measured:.4g} {self.unit} ({100 * self.error:+.1f} %)"

    @property
    def tolerance_text(self) -> str:
        return f"±{100 * self.tolerance:g} %"


def gemm_network(name: str, m: int, k: int, n: int, layers: int = 1):
    """A chain of ``layers`` GEMMs of ``m x k`` by ``k x n`` (an MLP at batch ``m``), int8."""
    from accelsim.workload.network import build_network
    raw = [{"name": f"fc{i}", "op": "gemm", "m": m, "k": k if i == 0 else n, "n": n} for i in range(layers)]
    return build_network(name, (k, m, 1), raw, source="synthetic")


def lstm1_tile_latency_s(array_side: int) -> float:
    """Seconds for LSTM1's 600x600 weight matrix at batch 96 on a ``side x side`` TPU v1 variant."""
    from accelsim.api import simulate
    over = {"array.rows": array_side, "array.cols": array_side,
            "memory.filter.capacity": 4 * array_side * array_side}  # the FIFO stays four tiles deep
    arch = load_arch("tpu-v1", over)
    # the LSTM's input vector is produced on chip by the previous step, so only weights stream
    return simulate(gemm_network("lstm1-600", 96, 600, 600), arch, input_on_chip=True).latency_s


def checks() -> list[Check]:
    """Every published-figure check, computed now."""
    tpu = load_arch("tpu-v1")
    out = [Check("TPU v1 peak (8-bit)", 92.0, 2 * tpu.peak_macs_per_s / 1e12, 0.005, "TOPS",
                 "Jouppi et al. ISCA 2017, abstract and Table 2 (92 is 91.75 rounded)")]
    out.append(Check("TPU v1 LSTM1 600x600 on 256x256 (9 tiles)", 18.0, lstm1_tile_latency_s(256) * 1e6, 0.10, "us",
                     "Jouppi et al. ISCA 2017, section 7", "weight-load bound; paper rounds to whole us"))
    out.append(Check("TPU' LSTM1 600x600 on 512x512 (4 tiles)", 32.0, lstm1_tile_latency_s(512) * 1e6, 0.10, "us",
                     "Jouppi et al. ISCA 2017, section 7", "the bigger array is slower: padded 256 KiB tiles"))
    from accelsim.api import simulate
    mlp0 = simulate(gemm_network("mlp0", 200, 2000, 2000, layers=5), tpu, input_on_chip=True)
    out.append(Check("TPU v1 MLP0 throughput (batch 200)", 12.3, mlp0.gops / 1e3, 0.25, "TOPS",
                     "Jouppi et al. ISCA 2017, Table 3 (measured, includes host effects)",
                     "layer sizes not published: 5 square FC layers of 20M weights in total assumed; input from host"))
    return out
