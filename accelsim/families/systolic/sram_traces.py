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

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from accelsim.kernels.sram_trace import Operands, fold_demands, fold_order, format_csv, layer_mnk
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
    def geom(self) -> tuple[int, int, int, int, int, int, int]:
        """The SCALE-Sim topology row as a tuple (what the demand-matrix code takes)."""
        return (self.ifmap_h, self.ifmap_w, self.filt_h, self.filt_w, self.channels, self.num_filters, self.stride)

    @property
    def mnk(self) -> tuple[int, int, int]:
        """GEMM dims: output pixels M, filters N, window K."""
        return layer_mnk(self.geom)


def write_layer_traces(layer: TraceLayer, rows: int, cols: int, dataflow: str, out_dir: str | Path) -> int:
    """Write one layer's three trace files into ``out_dir``; returns the number of cycles (rows)."""
    from accelsim.host import atomic
    out_dir = Path(out_dir)
    geom = layer.geom
    ops = Operands(geom)
    # each file by accelsim.host's rule: missing folders created, written whole then renamed into place
    writers = [atomic(out_dir / n, "wb") for n in NAMES]
    files = [w.__enter__() for w in writers]
    row = 0
    try:
        for fr, fc in fold_order(geom, rows, cols, dataflow):
            blocks = fold_demands(ops, rows, cols, dataflow, fr, fc)
            for k, (f, blk) in enumerate(zip(files, blocks)):
                f.write(format_csv(row + (0 if k == 2 else 1), np.ascontiguousarray(blk)).tobytes())
            row += blocks[0].shape[0]
    except BaseException as e:
        for w in writers:
            w.__exit__(type(e), e, None)
        raise
    for w in writers:
        w.__exit__(None, None, None)
    return row


def write_traces(layers: list[TraceLayer], rows: int, cols: int, dataflow: str, out_dir: str | Path) -> list[int]:
    """Traces of every layer into ``out_dir/layer<i>/``; returns each layer's cycle count."""
    return [write_layer_traces(l, rows, cols, dataflow, Path(out_dir) / f"layer{i}") for i, l in enumerate(layers)]


def write_network_traces(net, spec, batch: int, out_dir: str | Path) -> list[int]:
    """SRAM traces of every MAC layer of ``net`` on systolic ``spec`` into ``out_dir``; rows written per layer.

    SCALE-Sim traces one sample, so ``batch`` must be 1; ``out_dir`` must not be a file.
    """
    from accelsim.errors import AccelsimError
    from accelsim.families.systolic.scalesim_lowering import scalesim_geometry
    from accelsim.workload.layer import MAC_OPS
    if batch != 1:
        raise AccelsimError("SRAM traces follow SCALE-Sim, batch 1 only", field="--sram-traces")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise AccelsimError(f"{out} is a file; give a directory for the trace files", field="--sram-traces")
    layers = [TraceLayer(*g) for l in net.layers if l.op in MAC_OPS for g in scalesim_geometry(l)]
    return write_traces(layers, spec.array.rows, spec.array.cols, spec.array.dataflow, out)
