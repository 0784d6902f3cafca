"""A network of FC layers on EIE: rows interleaved over PEs, columns stored CSC, one pass per block of outputs.

Each MAC layer's weight matrix ``W`` (outputs x inputs) is laid out as the chip stores it: row
``r`` on PE ``r % pes``; within a PE, each column's non-zeros with a relative row index of
``index_bits``, plus a padding entry for every ``2**index_bits`` zeros in a row (:func:`column_entries`).
A pass covers the outputs the PEs' destination registers hold (``pes * act_regs`` rows); for every
sample, every pass broadcasts the input's non-zero activations and the PEs work through their
entries of those columns (:func:`accelsim.kernels.sparse_mv.spmv_schedule`, from the real pattern).
Weights stay on chip when they fit; otherwise a pass's share streams from DRAM before it runs.

An LSTM runs as the IR spells it: its matrix-vector products as above, its element-wise
``add``/``mul`` layers and sigmoid/tanh activations on the PEs, each PE over the elements of
its own rows, one operation a cycle (:func:`eltwise_cycles`; an assumption, see :mod:`.sim`).
ReLU costs nothing: a PE applies it as it writes a result back.
"""

from __future__ import annotations

import math

import numpy as np

from accelsim.compress.patterns import active_inputs, weight_mask
from accelsim.errors import AccelsimError
from accelsim.families.eie.spec import EieSpec
from accelsim.kernels.sparse_mv import csc_blocks, csc_entries, csc_fullest, spmv_schedule
from accelsim.trace import COMPUTE, LOAD, STORE, LayerInfo, Trace, TraceBuilder
from accelsim.workload.layer import Layer
from accelsim.workload.network import Network

UNITS = ("dma_in", "dma_out", "pes")
MATRIX_OPS = ("linear", "gemm")
ELEMENTWISE_OPS = ("add", "mul", "activation")   # an LSTM's gates: run on the PEs over their own rows
FREE_ACTIVATIONS = (None, "identity", "relu")      # applied as a PE writes a result back: no cycle of its own


def column_entries(mask: np.ndarray, pes: int, index_bits: int) -> np.ndarray:
    """Stored entries per PE and column (``(pes, cols)`` int64) for a bool ``(rows, cols)`` non-zero mask.

    A PE's entries of a column are its non-zeros there plus ``gap // 2**index_bits`` padding
    entries for every run of ``gap`` zeros before a non-zero (rows counted within the PE).
    """
    # a compiled pass over the mask (:func:`accelsim.kernels.sparse_mv.csc_entries`, held to its twin)
    return csc_entries(np.ascontiguousarray(mask, dtype=np.bool_), pes, index_bits)


def _check(net: Network) -> None:
    for layer in net.layers:
        if layer.op not in MATRIX_OPS + ELEMENTWISE_OPS + ("flatten",):
            raise AccelsimError(f"layer {layer.name} is {layer.op}: EIE runs fully connected layers (a sparse "
                                "matrix times a sparse vector) and the element-wise add, mul and activation layers "
                                "of an LSTM; give a model of those such as alexnet_fc or tpu_lstm0", field="--model")


def _patterns(net: Network, activations: str, weights, batch: int, seed: int) -> dict[str, np.ndarray] | None:
    """Each matrix layer's non-zero inputs from a functional run, or ``None`` (then drawn at act_density).

    A functional run needs weights for every matrix layer: the given ones (``--weights``, after
    compression), or seeded synthetic ones when ``activations == "functional"``.
    """
    if activations not in ("layer", "functional"):
        raise AccelsimError(f"must be layer or functional, got {activations!r}", field="--activations")
    from accelsim.compress.functional import input_patterns
    matrices = [l.name for l in net.layers if l.op in MATRIX_OPS]
    if weights is not None and all(n in weights for n in matrices):
        return input_patterns(net, weights, seed=seed, batch=batch)
    if activations == "functional":
        from accelsim.compress import synthetic_weights
        return input_patterns(net, synthetic_weights(net, seed=seed), seed=seed, batch=batch)
    return None


def lower_network(net: Network, spec: EieSpec, batch: int = 1, activations: str = "layer", weights=None,
                  seed: int = 0) -> tuple[Trace, dict[str, dict]]:
    """The trace of ``net`` at ``batch`` on ``spec``, and per layer what the layout cost.

    ``weights`` (after compression) give the real non-zero pattern of the weights and, through
    a functional run of the network (:func:`accelsim.compress.functional.input_patterns`), of
    each layer's input activations; ``activations="functional"`` runs one on seeded synthetic
    weights. Without either, both patterns are drawn at each layer's densities
    (:mod:`accelsim.compress.patterns`). The report per matrix layer: ``passes``, ``entries``
    (stored, padding included), ``padding``, ``spmat_bytes_per_pe`` (the fullest PE),
    ``streamed`` (weights from DRAM), ``real_pattern``, ``functional_acts``; per element-wise
    layer: ``ops`` and ``cycles``.
    """
    _check(net)
    patterns = _patterns(net, activations, weights, batch, seed)
    tb = TraceBuilder(spec.name, net.name, batch, UNITS, ("dram", "spmat"))
    report: dict[str, dict] = {}
    last: list[int] = []
    act_bytes = max(1, spec.act_bits // 8)
    working = [l for l in net.layers if l.op in MATRIX_OPS or _eltwise_ops(l)]
    for layer in net.layers:
        # the network's input arrives from DRAM; later layers read the PEs' registers
        in_bytes = layer.in_elements * batch * act_bytes if working and layer is working[0] else 0
        if layer.op in MATRIX_OPS:
            pattern = patterns.get(layer.name) if patterns is not None else None
            last, report[layer.name] = _lower_layer(tb, layer, spec, batch, weights, seed, last, in_bytes, pattern)
        elif _eltwise_ops(layer):
            last, report[layer.name] = _lower_eltwise(tb, layer, spec, batch, last, in_bytes)
        else:
            tb.add_layer(LayerInfo(layer.name, layer.op, layer.weight_bits, spec.act_bits, spec.act_bits, 0))
    if working:
        tb.add(STORE, "dma_out", len(tb.layers) - 1, last, src="spmat", dst="dram",
               bytes=working[-1].out_elements * batch * act_bytes)
    return tb.build(), report


def _eltwise_ops(layer: Layer) -> int:
    """Element-wise operations per sample that take PE cycles: add/mul, or an activation that is not ReLU."""
    if layer.op in ("add", "mul"):
        return layer.vector_ops
    if layer.op == "activation" and layer.activation not in FREE_ACTIVATIONS:
        return layer.out_elements
    return 0


def eltwise_cycles(elements: int, ops_per_element: int, pes: int) -> int:
    """Cycles of an element-wise layer on one vector: each PE does one op a cycle on its own rows.

    Element ``r`` lives in PE ``r % pes`` (the layout of every matrix layer's outputs), so the
    fullest PE holds ``ceil(elements / pes)`` of them and spends ``ops_per_element`` cycles on each.
    """
    return -(-elements // pes) * ops_per_element


def _lower_eltwise(tb: TraceBuilder, layer: Layer, spec: EieSpec, batch: int, deps: list[int],
                   in_bytes: int) -> tuple[list[int], dict]:
    n = layer.out_elements
    per = _eltwise_ops(layer) // n
    li = tb.add_layer(LayerInfo(layer.name, layer.op, layer.weight_bits, spec.act_bits, spec.act_bits, 0))
    if in_bytes:
        deps = [tb.add(LOAD, "dma_in", li, (), src="dram", dst="spmat", bytes=in_bytes)]
    cycles = eltwise_cycles(n, per, spec.pes)
    for _ in range(batch):
        deps = [tb.add(COMPUTE, "pes", li, deps, rows=spec.pes, cols=1, stream=cycles, drain=spec.pipeline_cycles,
                       macs=0)]
    operands = len(layer.inputs) if layer.op in ("add", "mul") else 1
    counts = {"eltwise_ops": n * per * batch, "eltwise_reads": n * operands * batch, "act_writes": n * batch}
    tb.layers[li] = LayerInfo(layer.name, layer.op, layer.weight_bits, spec.act_bits, spec.act_bits, 0,
                              tuple(sorted(counts.items())))
    return deps, {"ops": n * per * batch, "cycles": cycles * batch}


def _lower_layer(tb: TraceBuilder, layer: Layer, spec: EieSpec, batch: int, weights, seed: int,
                 deps: list[int], in_bytes: int, pattern: np.ndarray | None = None) -> tuple[list[int], dict]:
    mask, real = weight_mask(layer, weights, seed)
    mask = np.ascontiguousarray(mask, dtype=np.bool_)
    rows, cols = mask.shape
    vectors = batch * (layer.gemm_mkn[0] if layer.op == "gemm" else 1)
    step = spec.pes * spec.act_regs
    fullest = _fullest_bytes(mask, spec, step)
    fits = (spec.weights_on_chip and sum(fullest) <= spec.spmat_bytes
            and math.ceil((cols + 1) * spec.ptr_bits / 8) * len(fullest) <= spec.ptr_bytes)
    if not fits:  # stream: blocks whose fullest PE's share fits half the SRAM (the other half loads the next)
        while max(fullest) > spec.spmat_bytes // 2 and step > spec.pes:
            step = max(spec.pes, step // 2 // spec.pes * spec.pes)
            fullest = _fullest_bytes(mask, spec, step)
        if max(fullest) > spec.spmat_bytes // 2:
            raise AccelsimError(f"layer {layer.name}: one row per PE needs {max(fullest)} B, more than "
                                f"half the {spec.spmat_bytes} B sparse-matrix SRAM", field="pe.spmat")
    li = tb.add_layer(LayerInfo(layer.name, layer.op, spec.weight_bits, spec.act_bits, spec.act_bits, 0))
    if in_bytes:
        deps = [tb.add(LOAD, "dma_in", li, (), src="dram", dst="spmat", bytes=in_bytes)]
    if pattern is not None:  # from a functional run of the network
        active = [np.flatnonzero(pattern[v]) for v in range(vectors)]
    else:
        active = [active_inputs(layer, cols, v, seed) for v in range(vectors)]
    per_read = max(1, spec.spmat_width_bits // spec.entry_bits)
    counts = dict.fromkeys(("entries", "spmat_reads", "ptr_reads", "act_reads", "act_writes"), 0)
    macs, prev, block_end, entries, nonzeros = 0, deps, [], 0, 0
    for ent, nz, pe_bytes in _blocks(mask, spec, step, fullest):
        gate = list(prev)
        if not fits:  # a block's weights load once all vectors are done with the block two before it
            load = tb.add(LOAD, "dma_in", li, block_end[-2:-1], src="dram", dst="spmat", bytes=pe_bytes * spec.pes)
            gate.append(load)
        # per column over the PEs, once a block: entries and SpMat reads (a vector reads its inputs' columns)
        col_entries, col_reads = ent.sum(axis=0), (-(-ent // per_read)).sum(axis=0)
        entries += int(col_entries.sum())
        nonzeros += int(nz.sum())
        for act in active:
            whole = len(act) == cols  # every input non-zero: the block's columns as they are, no copy
            work = ent if whole else np.ascontiguousarray(ent[:, act])
            cycles, _ = spmv_schedule(work, spec.queue_depth)
            done = int(nz.sum() if whole else nz[act].sum())
            macs += done
            counts["entries"] += int(col_entries.sum() if whole else col_entries[act].sum())
            counts["spmat_reads"] += int(col_reads.sum() if whole else col_reads[act].sum())
            counts["ptr_reads"] += 2 * spec.pes * len(act)
            counts["act_reads"] += len(act)
            prev = [tb.add(COMPUTE, "pes", li, gate, rows=spec.pes, cols=1, stream=int(cycles),
                           drain=spec.pipeline_cycles, macs=done)]
            gate = prev
        block_end.append(prev[0])
    if layer.activation not in FREE_ACTIVATIONS:  # a fused sigmoid/tanh: one more element-wise op per output
        cycles = eltwise_cycles(rows, 1, spec.pes)
        for _ in range(vectors):
            prev = [tb.add(COMPUTE, "pes", li, prev, rows=spec.pes, cols=1, stream=cycles,
                           drain=spec.pipeline_cycles, macs=0)]
        counts["eltwise_ops"] = rows * vectors
    counts["act_writes"] = rows * vectors
    counts["real_pattern"] = int(real)
    counts["functional_acts"] = int(pattern is not None)
    tb.layers[li] = LayerInfo(layer.name, layer.op, spec.weight_bits, spec.act_bits, spec.act_bits, macs,
                              tuple(sorted(counts.items())))
    return prev, {"passes": len(fullest) * vectors, "entries": entries, "padding": entries - nonzeros,
                  "spmat_bytes_per_pe": max(fullest), "streamed": not fits, "real_pattern": real,
                  "functional_acts": pattern is not None}


def _fullest_bytes(mask: np.ndarray, spec: EieSpec, step: int) -> list[int]:
    """Per row block of ``step`` rows, the bytes its fullest PE stores (one compiled pass over the mask)."""
    return [int(math.ceil(int(e) * spec.entry_bits / 8)) for e in csc_fullest(mask, spec.pes, spec.index_bits, step)]


def _blocks(mask: np.ndarray, spec: EieSpec, step: int, fullest: list[int]):
    """Row blocks of ``step`` rows, one at a time: (entries per PE and column, non-zeros per column, bytes of
    the fullest PE, as ``fullest`` has them).

    Each block is laid out as :func:`column_entries` lays out its rows alone. One block's table is made at a
    time: the whole layer's at once (75 MB for AlexNet's fc6 on 64 PEs) costs more in fresh pages than the pass."""
    for b, pe_bytes in enumerate(fullest):
        ent, nz = csc_blocks(mask[b * step:(b + 1) * step], spec.pes, spec.index_bits, step)
        yield ent[0], nz[0], pe_bytes
