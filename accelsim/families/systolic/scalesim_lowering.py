"""``--compat scalesim``: a MAC layer lowered into SCALE-Sim 3.0.0's folds, so cycles match it exactly.

Each layer becomes SCALE-Sim's GEMM (:func:`scalesim_compat.scalesim_gemm_dims`: no padding,
output size rounded up, batch 1), cut into ``row_folds x col_folds`` folds that run one after
another with no overlap; each fold streams ``T`` vectors and costs SCALE-Sim's fill and drain
(:func:`scalesim_compat.scalesim_fold_fill_drain`). The whole ifmap and filter are loaded
before the first fold and the ofmap stored after the last, so stalls come from the DRAM model,
unless the arch carries SCALE-Sim's USER-mode bandwidths (``array.scalesim_refill_words``):
then the layer records SCALE-Sim's own stall figure, replayed through its double-buffered
SRAMs (:mod:`.scalesim_memory`), the loads and store move the words its refills move, and
the family times the layer as compute + that stall. No
vector op is emitted: SCALE-Sim models no activation unit. The accounting subtracts one cycle
per layer for SCALE-Sim's 0-based end-of-layer convention (see that module's docstring).
"""

from __future__ import annotations

import math
from dataclasses import replace

from accelsim.families.systolic.spec import SystolicSpec
from accelsim.errors import AccelsimError
from accelsim.families.systolic.scalesim_compat import (scalesim_fold_counts, scalesim_fold_fill_drain, scalesim_gemm_dims,
                                            scalesim_spatiotemporal)
from accelsim.families.systolic.scalesim_memory import layer_refill, refill_enabled
from accelsim.trace import COMPUTE, LOAD, STORE, TraceBuilder
from accelsim.workload.layer import Layer

def scalesim_gemms(layer: Layer) -> list[tuple[int, int, int]]:
    """The GEMMs ``(M, N, K)`` SCALE-Sim runs for a MAC layer (one per group; depthwise = one per channel)."""
    return [scalesim_gemm_dims(*g) for g in scalesim_geometry(layer)]


def scalesim_geometry(layer: Layer) -> list[tuple[int, int, int, int, int, int, int]]:
    """The layer as SCALE-Sim topology rows ``(ifmap_h, ifmap_w, filt_h, filt_w, channels, filters, stride)``.

    Padding is folded into the ifmap size; a grouped conv is one row per group; a linear layer
    a 1x1 conv on a 1x1 input; a GEMM ``M x K`` by ``K x N`` SCALE-Sim's GEMM form (an
    ``M x K`` ifmap, a ``1 x K`` filter, one channel, ``N`` filters).
    """
    if layer.op == "conv2d":
        c, h, w = layer.in_shapes[0]
        t, l, b, r = layer.padding
        if layer.stride[0] != layer.stride[1] or layer.dilation != (1, 1):
            raise AccelsimError("SCALE-Sim takes one stride and no dilation", field=layer.name)
        g = layer.groups
        return [(h + t + b, w + l + r, layer.kernel[0], layer.kernel[1], c // g, layer.out_shape[0] // g,
                 layer.stride[0])] * g
    if layer.op == "linear":
        return [(1, 1, 1, 1, math.prod(layer.in_shapes[0]), layer.out_shape[0], 1)]
    m, k, n = layer.gemm_mkn
    return [(m, k, 1, k, 1, n, 1)]


def lower_mac_layer_scalesim(tb: TraceBuilder, layer: Layer, li: int, arch: SystolicSpec, batch: int,
                             in_deps: list[int], dram: str) -> list[int]:
    """Emit the layer's loads, SCALE-Sim folds and store; returns the ops that complete it."""
    if batch != 1:
        raise AccelsimError("SCALE-Sim simulates batch 1 only; drop --batch or --compat scalesim", field="--batch")
    R, C, df = arch.array.rows, arch.array.cols, arch.array.dataflow
    gemms = scalesim_gemms(layer)
    in_bytes, w_bytes, out_bytes = layer.in_bytes, layer.weight_bytes, layer.out_bytes
    if refill_enabled(arch):
        counts = layer_refill(scalesim_geometry(layer), arch)
        tb.layers[li] = replace(tb.layers[li], counts=tb.layers[li].counts + tuple(counts.items()))
        # the DRAM traffic SCALE-Sim's refills move (re-fetches included), 1-byte words
        in_bytes, w_bytes, out_bytes = (counts.get(f"scalesim_{k}_dram_words", d) for k, d in
                                        (("ifmap", in_bytes), ("filter", w_bytes), ("ofmap", out_bytes)))
    ld_in = tb.add(LOAD, "dma_in", li, in_deps, src=dram, dst=arch.ifmap.name, bytes=max(1, in_bytes))
    ld_w = tb.add(LOAD, "dma_weights", li, in_deps, src=dram, dst=arch.filter.name, bytes=max(1, w_bytes))
    folds = []
    for M, N, K in gemms:
        rf, cf = scalesim_fold_counts(M, N, K, R, C, df)
        sr, sc, t = scalesim_spatiotemporal(M, N, K, df)
        extra = scalesim_fold_fill_drain(R, C, df)
        for i in range(rf * cf):
            folds.append((min(R, sr - (i % rf) * R), min(C, sc - (i // rf) * C), t, extra))
    macs = [layer.macs // len(folds)] * len(folds)
    macs[-1] += layer.macs - sum(macs)
    last = None
    for (rows, cols, t, extra), mc in zip(folds, macs):
        deps = [ld_in, ld_w] if last is None else [last]
        last = tb.add(COMPUTE, "array", li, deps, rows=rows, cols=cols, stream=t, preload=0, drain=extra, macs=mc)
    st = tb.add(STORE, "dma_out", li, [last], src=arch.ofmap.name, dst=dram, bytes=max(1, out_bytes))
    return [st]
