"""Per-cycle SRAM read/write address traces of a systolic array, in SCALE-Sim 3.0.0's CSV layout.

For each layer, ``DIR/layer<i>/IFMAP_SRAM_TRACE.csv``, ``FILTER_SRAM_TRACE.csv`` and
``OFMAP_SRAM_TRACE.csv``: one row per cycle, ``cycle,addr_0,...,addr_{n-1}`` with one address
per array row (ifmap in WS, filter in IS...) or column, ``-1`` where no request is made. The
rows are SCALE-Sim's demand matrices, built fold by fold in its order (column folds outer,
row folds inner) with its per-dataflow gaps, flips and skews; addresses follow its operand
matrices (ifmap im2col over an HWC input at offset 0, filters at 10,000,000, outputs at
20,000,000). Cycles are the stall-free ones: read rows are stamped ``row + 1`` (SCALE-Sim's
one-cycle SRAM hit latency), writes ``row``. When SCALE-Sim's own memory model stalls it shifts
later rows; accelsim's stalls come from its DRAM model instead and are not folded into the
trace.

Each fold's rows are generated (Numba kernels in :mod:`accelsim.kernels.sram_trace`),
formatted and appended to a temporary file, so memory stays at one fold whatever the layer;
each file is renamed into place when complete.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from accelsim.kernels.sram_trace import format_csv, ifmap_addresses, skew

IFMAP_OFFSET, FILTER_OFFSET, OFMAP_OFFSET = 0, 10_000_000, 20_000_000
NAMES = ("IFMAP_SRAM_TRACE.csv", "FILTER_SRAM_TRACE.csv", "OFMAP_SRAM_TRACE.csv")


@dataclass(frozen=True)
class TraceLayer:
    """A layer as SCALE-Sim sees it: the padded ifmap, filter, channels, filters and one stride."""

    ifmap_h: int
    ifmap_w: int
    filt_h: int
    filt_w: int
    channels: int
    num_filters: int
    stride: int

    @property
    def ofmap_hw(self) -> tuple[int, int]:
        """SCALE-Sim's output size: ``ceil((in - filt + stride) / stride)``."""
        s = self.stride
        return (math.ceil((self.ifmap_h - self.filt_h + s) / s), math.ceil((self.ifmap_w - self.filt_w + s) / s))

    @property
    def mnk(self) -> tuple[int, int, int]:
        """GEMM dims: output pixels M, filters N, window K."""
        oh, ow = self.ofmap_hw
        return oh * ow, self.num_filters, self.filt_h * self.filt_w * self.channels


class _Operands:
    """Address blocks of the ifmap (M x K), filter (K x N) and ofmap (M x N) operand matrices."""

    def __init__(self, layer: TraceLayer) -> None:
        self.l = layer
        self.M, self.N, self.K = layer.mnk
        self.ow = layer.ofmap_hw[1]

    def A(self, r0: int, r1: int, c0: int, c1: int) -> np.ndarray:
        l = self.l
        return ifmap_addresses(r0, r1 - r0, c0, c1 - c0, l.ifmap_h, l.ifmap_w, l.filt_w, l.channels, l.stride,
                               self.ow, IFMAP_OFFSET)

    def W(self, r0: int, r1: int, c0: int, c1: int) -> np.ndarray:
        return (FILTER_OFFSET + np.arange(c0, c1)[None, :] * self.K + np.arange(r0, r1)[:, None]).astype(np.int64)

    def O(self, r0: int, r1: int, c0: int, c1: int) -> np.ndarray:
        return (OFMAP_OFFSET + np.arange(r0, r1)[:, None] * self.N + np.arange(c0, c1)[None, :]).astype(np.int64)


def _pad(block: np.ndarray, rows: int | None, cols: int) -> np.ndarray:
    r = block.shape[0] if rows is None else rows
    out = np.full((r, cols), -1, np.int64)
    out[:block.shape[0], :block.shape[1]] = block
    return out


def _gap(block: np.ndarray, before: int, after: int) -> np.ndarray:
    cols = block.shape[1]
    return np.vstack([np.full((before, cols), -1, np.int64), block, np.full((after, cols), -1, np.int64)])


def fold_order(layer: TraceLayer, rows: int, cols: int, dataflow: str) -> list[tuple[int, int]]:
    """(row fold, column fold) pairs in SCALE-Sim's order: column folds outer."""
    M, N, K = layer.mnk
    sr, sc = {"ws": (K, N), "os": (M, N), "is": (K, M)}[dataflow]
    return [(fr, fc) for fc in range(math.ceil(sc / cols)) for fr in range(math.ceil(sr / rows))]


def fold_demands(ops: _Operands, R: int, C: int, dataflow: str, fr: int, fc: int):
    """The ifmap, filter and ofmap demand rows of one fold (SCALE-Sim's ``create_*_demand_mat``)."""
    M, N, K = ops.M, ops.N, ops.K
    if dataflow == "ws":
        r0, r1, c0, c1 = fr * R, min(fr * R + R, K), fc * C, min(fc * C + C, N)
        ifm = skew(_gap(_pad(ops.A(0, M, r0, r1), None, R), R, C - 1))
        fil = _gap(_pad(ops.W(r0, r1, c0, c1), R, C)[::-1], 0, R + C + M - 2)
        ofm = skew(_gap(_pad(ops.O(0, M, c0, c1), None, C), 2 * R - 1, 0))
    elif dataflow == "os":
        r0, r1, c0, c1 = fr * R, min(fr * R + R, M), fc * C, min(fc * C + C, N)
        ifm = skew(_gap(_pad(ops.A(r0, r1, 0, K).T, None, R), 0, C - 1))
        fil = skew(_gap(_pad(ops.W(0, K, c0, c1), None, C), 0, R - 1))
        ofm = skew(_gap(_pad(ops.O(r0, r1, c0, c1), R, C)[::-1], K - 1, 0))
    elif dataflow == "is":
        r0, r1, c0, c1 = fr * R, min(fr * R + R, K), fc * C, min(fc * C + C, M)
        ifm = _gap(_pad(ops.A(c0, c1, r0, r1).T, R, C)[::-1], 0, R + C + N - 2)
        fil = skew(_gap(_pad(ops.W(r0, r1, 0, N).T, None, R), R, C - 1))
        ofm = skew(_gap(_pad(ops.O(c0, c1, 0, N).T, None, C), 2 * R - 1, 0))
    else:
        raise ValueError(f"dataflow must be ws, os or is, got {dataflow!r}")
    assert ifm.shape[0] == fil.shape[0] == ofm.shape[0], (ifm.shape, fil.shape, ofm.shape)
    return ifm, fil, ofm


def write_layer_traces(layer: TraceLayer, rows: int, cols: int, dataflow: str, out_dir: str | Path) -> int:
    """Write one layer's three trace files into ``out_dir``; returns the number of cycles (rows)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    ops = _Operands(layer)
    tmp = [out_dir / f".{n}.part" for n in NAMES]
    files = [open(p, "wb") for p in tmp]
    row = 0
    try:
        for fr, fc in fold_order(layer, rows, cols, dataflow):
            blocks = fold_demands(ops, rows, cols, dataflow, fr, fc)
            for k, (f, blk) in enumerate(zip(files, blocks)):
                f.write(format_csv(row + (0 if k == 2 else 1), np.ascontiguousarray(blk)).tobytes())
            row += blocks[0].shape[0]
    finally:
        for f in files:
            f.close()
    for p, name in zip(tmp, NAMES):
        os.replace(p, out_dir / name)
    return row


def write_traces(layers: list[TraceLayer], rows: int, cols: int, dataflow: str, out_dir: str | Path) -> list[int]:
    """Traces of every layer into ``out_dir/layer<i>/``; returns each layer's cycle count."""
    return [write_layer_traces(l, rows, cols, dataflow, Path(out_dir) / f"layer{i}") for i, l in enumerate(layers)]
