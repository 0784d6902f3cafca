"""A network on Cambricon-X: output channels in groups of ``pes``, each PE one channel, ``tn`` non-zeros a cycle.

For a MAC layer every output channel ``co`` (a filter, or a row of a matrix) has ``n_co`` non-zero
synapses (the real pattern with weights, else drawn at the layer's density). Channels go to PEs in
groups of ``pes``; within a group each PE works through all output positions of its channel on
its own (the PEs are asynchronous), ``max(1, ceil(n_co / tn))`` cycles a position, and the group
ends with its slowest PE. A group's compressed synapses stream from DRAM into the synapse
buffers (in chunks when one channel's exceed a PE's buffer, each chunk re-reading the inputs that
NBin cannot hold), double-buffered against the previous group's compute.
"""

from __future__ import annotations

import math

import numpy as np

from accelsim.compress.patterns import weight_mask
from accelsim.families.cambricon_x.spec import CambriconXSpec
from accelsim.trace import COMPUTE, LOAD, STORE, VECTOR, LayerInfo, Trace, TraceBuilder
from accelsim.workload.layer import MAC_OPS, Layer
from accelsim.workload.network import Network

UNITS = ("dma_in", "dma_out", "pes", "vector")


def positions(layer: Layer, batch: int) -> int:
    """Output positions per channel over the batch: pixels for a conv, rows ``m`` for a gemm, 1 for a linear."""
    if layer.op == "conv2d":
        return layer.out_shape[1] * layer.out_shape[2] * batch
    if layer.op == "gemm":
        return layer.gemm_mkn[0] * batch
    return batch


def lower_network(net: Network, spec: CambriconXSpec, batch: int = 1, weights=None,
                  seed: int = 0) -> tuple[Trace, dict[str, dict]]:
    """The trace of ``net`` at ``batch`` on ``spec``, and per MAC layer: groups, chunks, imbalance, real pattern.

    ``imbalance`` is the layer's cycles over what a perfect spread of its non-zeros over every
    multiplier would take (1.0 = none).
    """
    tb = TraceBuilder(spec.name, net.name, batch, UNITS, ("dram", "nbin", "sb", "nbout"))
    word = spec.data_bits // 8
    report: dict[str, dict] = {}
    last_of: dict[str, int] = {}
    for layer in net.layers:
        deps = [last_of[i] for i in layer.inputs if i in last_of]
        if layer.op not in MAC_OPS:
            li = tb.add_layer(LayerInfo(layer.name, layer.op, spec.data_bits, spec.data_bits, spec.data_bits, 0))
            if layer.vector_ops:
                last_of[layer.name] = tb.add(VECTOR, "vector", li, deps, vops=layer.vector_ops * batch)
            elif deps:
                last_of[layer.name] = deps[-1]
            continue
        last_of[layer.name], report[layer.name] = _mac_layer(tb, layer, spec, batch, weights, seed, deps, word)
    return tb.build(), report


def _mac_layer(tb, layer: Layer, spec: CambriconXSpec, batch: int, weights, seed: int, deps: list[int],
               word: int) -> tuple[int, dict]:
    mask, real = weight_mask(layer, weights, seed)
    channels, fan_in = mask.shape
    nnz = mask.sum(axis=1, dtype=np.int64)
    per_pos = np.maximum(1, -(-nnz // spec.tn))
    pos = positions(layer, batch)
    in_bytes = layer.in_elements * batch * word
    out_bytes_per_channel = pos * word
    syn_bytes = [(int(n) * spec.data_bits + spec.index_bits(int(n), fan_in) + 7) // 8 for n in nnz]
    li = tb.add_layer(LayerInfo(layer.name, layer.op, spec.data_bits, spec.data_bits, spec.data_bits,
                                int(nnz.sum()) * pos))
    counts = dict.fromkeys(("mults", "adds", "nbin_bytes", "sb_bytes", "nbout_bytes", "indexed"), 0)
    counts["real_pattern"] = int(real)
    compute: list[int] = []
    cycles_total = 0
    prev = list(deps)
    chunks_max = 1
    inputs_loaded = False
    for g in range(0, channels, spec.pes):
        group = range(g, min(g + spec.pes, channels))
        chunks = max(1, math.ceil(max(syn_bytes[c] for c in group) / spec.sb_bytes))
        chunks_max = max(chunks_max, chunks)
        group_cycles = pos * int(per_pos[g:g + spec.pes].max())
        for k in range(chunks):
            loads = [tb.add(LOAD, "dma_in", li, compute[-2:-1], src="dram", dst="sb",
                            bytes=math.ceil(sum(syn_bytes[c] for c in group) / chunks))]
            if not inputs_loaded or in_bytes > spec.nbin_bytes:  # inputs NBin cannot hold are re-read
                loads.append(tb.add(LOAD, "dma_in", li, compute[-2:-1], src="dram", dst="nbin", bytes=in_bytes))
                inputs_loaded = True
            share = group_cycles // chunks + (k < group_cycles % chunks)
            compute.append(tb.add(COMPUTE, "pes", li, prev + loads, rows=spec.pes, cols=spec.tn, stream=share,
                                  macs=int(nnz[g:g + spec.pes].sum()) * pos // chunks))
            prev = [compute[-1]]
            cycles_total += share
        store = tb.add(STORE, "dma_out", li, prev, src="nbout", dst="dram",
                       bytes=out_bytes_per_channel * len(group))
        macs = int(nnz[g:g + spec.pes].sum()) * pos
        counts["mults"] += macs
        counts["adds"] += macs
        counts["indexed"] += macs
        counts["sb_bytes"] += macs * word
        counts["nbin_bytes"] += pos * fan_in * word
        counts["nbout_bytes"] += out_bytes_per_channel * len(group)
    tb.layers[li] = LayerInfo(layer.name, layer.op, spec.data_bits, spec.data_bits, spec.data_bits,
                              int(nnz.sum()) * pos, tuple(sorted(counts.items())))
    ideal = max(1, math.ceil(int(nnz.sum()) * pos / (spec.pes * spec.tn)))
    return store, {"groups": -(-channels // spec.pes), "max_chunks": chunks_max, "imbalance": cycles_total / ideal,
                   "compressed_weight_bytes": sum(syn_bytes), "real_pattern": real}
