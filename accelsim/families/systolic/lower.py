"""Lowering for systolic arrays: a network becomes folds, DMA transfers and vector ops.

Each MAC layer is viewed as ``groups`` GEMMs of ``M x K`` by ``K x N`` (conv via im2col,
M = batch x output pixels). The dataflow decides what stays in the ``R x C`` array:

========  ===========  ===========  ===========  ==========================================
dataflow  array rows   array cols   streamed     preload before the stream
========  ===========  ===========  ===========  ==========================================
ws        K (weights)  N (weights)  M (inputs)   the weight tile, one row per cycle
os        M (outputs)  N (outputs)  K            none (partial sums start at zero)
is        K (inputs)   M (inputs)   N (weights)  the input tile, one row per cycle
========  ===========  ===========  ===========  ==========================================

A *fold* is one placement of the stationary operand; its cycle count is fixed by
:func:`accelsim.kernels.folds.fold_schedule_ref`. Tiles are sized to the buffers: under WS the
streamed M dimension is cut so one output tile of partial sums fits half the (double-buffered)
output buffer; under OS and IS a stream whose weights exceed the filter buffer is cut into
chunks that fit (:func:`stream_chunk`). Buffer reuse is expressed as dependencies: a load into a full buffer waits for
the fold that frees its slot, so overlap of transfers and compute is left for the engine to
find, not assumed here.

:func:`lower_network` emits each MAC layer's ops in one Numba kernel call
(:mod:`accelsim.kernels.systolic_lowering`); :func:`lower_network_ref` walks the same folds one
by one in Python, and tests hold the two traces equal.

Approximations (stated in every Result): a layer's input is fetched from DRAM per output tile
as the raw input rows the tile needs (halo rows refetched); activations kept on chip are
tracked per layer, not as a live set; a buffer's slot count is capacity // tile size.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from accelsim.families.systolic.spec import DATAFLOWS, SystolicSpec
from accelsim.families.systolic.tiles import (array_dims, filter_shortfall, pack_groups, pads_weight_tiles,
                                              stream_chunk, weight_tile_bytes)
from accelsim.errors import AccelsimError
from accelsim.trace import COMPUTE, LOAD, STORE, VECTOR, LayerInfo, Trace, TraceBuilder
from accelsim.workload.layer import MAC_OPS, UPDATE_OPS, VIEW_OPS as _VIEWS, Layer
from accelsim.workload.network import INPUT, Network
from accelsim.workload.training import per_step, saved_activations

UNITS = ("dma_in", "dma_weights", "dma_out", "array", "vector")
DRAM = "dram"
#: LayerInfo counts: cycles the layer's folds wait on SRAM bank conflicts (``array.bank_conflicts``),
#: while streaming and while preloading; families/systolic/sim.py reads them by these names
CONFLICT_COUNT, CONFLICT_PRELOAD_COUNT = "bank_conflict_cycles", "bank_conflict_preload_cycles"


@dataclass(frozen=True)
class Fold:
    """One fold: which part of the GEMM it covers and what the array does for it."""

    m0: int
    m_len: int
    k0: int
    k_len: int
    n0: int
    n_len: int
    rows: int      # array rows used
    cols: int      # array columns used
    stream: int    # vectors streamed through the array
    preload: int   # cycles to shift the stationary operand in
    acc: bool      # adds onto partial sums: in the output buffer (ws, is), held in the PEs (os K chunks)
    last_k: bool   # completes its output tile


def fold_drain(dataflow: str, rows: int, cols: int, last_k: bool = True) -> int:
    """Cycles from the last streamed vector entering the array to the last result leaving it.

    Operands enter skewed, one row (or column) later each, so the last MAC happens
    ``rows + cols - 2`` cycles after the last vector enters. Under OS the results then sit in
    the PEs and shift out one row per cycle: ``rows`` more; a K chunk that does not end the
    reduction (``last_k`` false) drains nothing: the next chunk streams onto the same sums.
    """
    if dataflow == "os" and not last_k:
        return 0
    return rows + cols - 2 + (rows if dataflow == "os" else 0)


def rate_divisor(weight_bits: int, act_bits: int, mac_bits: int) -> int:
    """Passes a MAC of these operand widths takes on ``mac_bits`` hardware (TPU v1: 8x16 -> 2, 16x16 -> 4)."""
    return math.ceil(weight_bits / mac_bits) * math.ceil(act_bits / mac_bits)


def port_terms(arch: SystolicSpec, dataflow: str, weight_bits: int, act_bits: int, acc_bits: int) -> np.ndarray:
    """The buffer rows a streamed vector moves, as ``[bits, width_bytes, ports, active]`` rows (int64).

    Row 0 is read per streamed vector and is as long as the fold's rows; rows 1 and 2 are as
    long as its columns: WS and IS write one row of partial sums (row 1) and, when
    accumulating, read one back first (row 2); OS reads an input row and a weight row and
    writes nothing until the drain (row 2 inactive).
    """
    i, f, o = arch.ifmap, arch.filter, arch.ofmap
    terms = {"ws": [(act_bits, i.width_bytes, i.read_ports, 1), (acc_bits, o.width_bytes, o.write_ports, 1),
                    (acc_bits, o.width_bytes, o.read_ports, 1)],
             "os": [(act_bits, i.width_bytes, i.read_ports, 1), (weight_bits, f.width_bytes, f.read_ports, 1),
                    (0, 1, 1, 0)],
             "is": [(weight_bits, f.width_bytes, f.read_ports, 1), (acc_bits, o.width_bytes, o.write_ports, 1),
                    (acc_bits, o.width_bytes, o.read_ports, 1)]}[dataflow]
    return np.array(terms, np.int64)


def port_divisor(arch: SystolicSpec, dataflow: str, rows: int, cols: int, weight_bits: int, act_bits: int,
                 acc_bits: int, acc: bool) -> int:
    """Cycles per streamed vector the buffers' ports allow (1 when they keep up with the array).

    The rows of :func:`port_terms` (the third only when accumulating): a row wider than
    ``width x ports`` takes several cycles.
    """
    need = 1
    for j, (bits, width, ports, active) in enumerate(port_terms(arch, dataflow, weight_bits, act_bits,
                                                                acc_bits).tolist()):
        if active and (j < 2 or acc):
            words = -(-(-(-(rows if j == 0 else cols) * bits // 8)) // width)
            need = max(need, -(-words // ports))
    return need


def _ofmap_halves(arch: SystolicSpec) -> int:
    """Output tiles the accumulators hold at once (2 when double buffered)."""
    return arch.ofmap.slots(arch.ofmap.capacity_bytes // 2, "double" if arch.ofmap.double_buffered else "single")


def _buffer_slots(arch: SystolicSpec, layer: Layer, w_tile: int) -> tuple[int, int, int, int]:
    """``(weight tiles, ifmap slots, bytes per ifmap slot, output halves)`` the buffers hold.

    A filter buffer smaller than one weight tile of ``w_tile`` bytes is an error. A FIFO or
    double buffer holds what its kind says, but never more tiles than fit (wide weights).
    """
    cap = arch.filter.capacity_bytes
    if w_tile > cap:
        raise AccelsimError(f"layer {layer.name}: {arch.filter.name} holds {cap} B, smaller "
                            f"than one tile of {layer.weight_bits}-bit weights needs ({w_tile} B)",
                            file=arch.file, field="memory.filter.capacity")
    slots = min(arch.filter.slots(w_tile, "fifo"), cap // w_tile)
    in_slots = arch.ifmap.slots(arch.ifmap.capacity_bytes // 2, "double" if arch.ifmap.double_buffered else "single")
    return slots, in_slots, arch.ifmap.capacity_bytes // in_slots, _ofmap_halves(arch)


def m_tile_rows(arch: SystolicSpec, acc_bits: int) -> int:
    """Largest streamed M chunk under WS: one tile of ``m x cols`` partial sums in half the output buffer."""
    halves = _ofmap_halves(arch)
    rows = arch.ofmap.capacity_bytes // (halves * arch.array.cols * math.ceil(acc_bits / 8))
    if rows < 1:
        need = halves * arch.array.cols * math.ceil(acc_bits / 8)
        raise AccelsimError(f"{arch.ofmap.name} holds {arch.ofmap.capacity_bytes} B, smaller than {halves} "
                            f"half(s) of one row of {arch.array.cols} {acc_bits}-bit partial sums need ({need} B)",
                            file=arch.file, field="memory.ofmap.capacity")
    return rows


def plan_folds(M: int, K: int, N: int, arch: SystolicSpec, acc_bits: int, chunk: int = 0) -> list[Fold]:
    """Every fold of one ``M x K x N`` GEMM, in execution order, for the arch's dataflow.

    ``chunk`` (:func:`stream_chunk`; 0 = none) cuts the stream of an os or is fold into pieces
    whose weights fit the filter buffer: under os, K chunks streamed one after the other onto the
    sums held in the PEs (only the last one drains them); under is, N chunks, each shifting the
    input tile in again and accumulating its own output tile.
    """
    R, C = arch.array.rows, arch.array.cols
    df = arch.array.dataflow
    folds: list[Fold] = []
    if df == "ws":
        mt = m_tile_rows(arch, acc_bits)
        for m0 in range(0, M, mt):
            ml = min(mt, M - m0)
            for n0 in range(0, N, C):
                nl = min(C, N - n0)
                for k0 in range(0, K, R):
                    kl = min(R, K - k0)
                    # the whole tile shifts through every row when tiles are padded (TPU v1)
                    pre = R if arch.array.pad_weight_tiles else kl
                    folds.append(Fold(m0, ml, k0, kl, n0, nl, kl, nl, ml, pre, k0 > 0, k0 + kl >= K))
    elif df == "os":
        kc = chunk or K
        for m0 in range(0, M, R):
            ml = min(R, M - m0)
            for n0 in range(0, N, C):
                nl = min(C, N - n0)
                for k0 in range(0, K, kc):
                    kl = min(kc, K - k0)
                    folds.append(Fold(m0, ml, k0, kl, n0, nl, ml, nl, kl, 0, k0 > 0, k0 + kl >= K))
    else:  # "is"
        nc = chunk or N
        for m0 in range(0, M, C):
            ml = min(C, M - m0)
            for n0 in range(0, N, nc):
                nl = min(nc, N - n0)
                for k0 in range(0, K, R):
                    kl = min(R, K - k0)
                    folds.append(Fold(m0, ml, k0, kl, n0, nl, kl, ml, nl, kl, k0 > 0, k0 + kl >= K))
    return folds


class _State:
    """Where each layer's output lives and which ops mark it complete."""

    def __init__(self) -> None:
        self.on_chip: dict[str, bool] = {INPUT: False}
        self.done_ops: dict[str, list[int]] = {INPUT: []}
        self.addr: dict[str, int] = {INPUT: 0}
        self.next_addr = 0

    def alloc(self, n_bytes: int) -> int:
        a = self.next_addr
        self.next_addr += -(-n_bytes // 4096) * 4096
        return a


def lower_network(net: Network, arch: SystolicSpec, batch: int = 1, input_on_chip: bool = False) -> Trace:
    """Lower ``net`` at ``batch`` samples onto a systolic ``arch``; returns the trace (cycles come later).

    ``input_on_chip``: the network input already sits in the ifmap buffer when the run starts;
    otherwise the first layer reads it from DRAM, or from host memory over the arch's host link
    when it has one (TPU v1: PCIe, :mod:`accelsim.families.systolic.host_link`).
    """
    return _lower_network(net, arch, batch, input_on_chip, _lower_mac_layer_fast)


def lower_network_ref(net: Network, arch: SystolicSpec, batch: int = 1, input_on_chip: bool = False) -> Trace:
    """:func:`lower_network` fold by fold in plain Python: the reference its kernel is held to."""
    return _lower_network(net, arch, batch, input_on_chip, _lower_mac_layer)


def _lower_network(net: Network, arch: SystolicSpec, batch: int, input_on_chip: bool, lower_mac) -> Trace:
    if batch < 1:
        raise AccelsimError(f"must be >= 1, got {batch}", field="--batch")
    mems = (DRAM, arch.ifmap.name, arch.filter.name, arch.ofmap.name)
    if len(set(mems)) != 4:
        raise AccelsimError("buffer names must differ from each other and from 'dram'", file=arch.file,
                            field="memory")
    if arch.array.compat == "none":
        filter_shortfall(net, arch)
    tb = TraceBuilder(arch.name, net.name, batch, UNITS, mems)
    st = _State()
    st.on_chip[INPUT] = input_on_chip
    st.addr[INPUT] = st.alloc(batch * math.prod(net.input_shape))
    spill = _spilled_activations(net, arch, batch)
    n_samples = batch
    if arch.host is not None:
        from accelsim.families.systolic.host_link import HOST_ADDR
        st.addr[INPUT] = HOST_ADDR  # the input is read from host memory over the host link
    for layer in net.layers:
        layer, batch = per_step(layer, n_samples)
        macs = layer.macs
        if layer.op in MAC_OPS and arch.array.structured != "none":
            m, k, n, g, _ = array_dims(layer, arch)
            macs = m * k * n * g  # the N:M mode runs only the kept weights
        li = tb.add_layer(LayerInfo(layer.name, layer.op, layer.weight_bits, layer.act_bits, layer.acc_bits,
                                    macs * batch))
        # gradients and updates go to DRAM, where the optimizer's state is; a saved activation too when the
        # batch's saved set does not fit the buffer beside the working set
        resident = _output_resident(layer, arch, batch) and not layer.per_batch and layer.name not in spill
        if layer.op in MAC_OPS and arch.array.compat == "scalesim":
            from accelsim.families.systolic.scalesim_lowering import lower_mac_layer_scalesim
            # SCALE-Sim runs its layers one after another: each waits for everything before it
            serial = [len(tb) - 1] if len(tb) else []
            st.done_ops[layer.name] = lower_mac_layer_scalesim(tb, layer, li, arch, batch,
                                                               _input_deps(st, layer) + serial, DRAM)
            st.on_chip[layer.name] = False
            st.addr[layer.name] = st.alloc(batch * layer.out_bytes)
        elif layer.op in MAC_OPS:
            lower_mac(tb, st, layer, li, arch, batch, resident)
        else:
            _lower_vector_layer(tb, st, layer, li, arch, batch, resident)
    if arch.host is not None and not input_on_chip:
        _write_outputs_to_host(tb, st, net, arch, batch)
    trace = tb.build()
    return _stored_weights(trace, net, arch) if arch.weight_format != "dense" else trace


def _write_outputs_to_host(tb: TraceBuilder, st: _State, net: Network, arch: SystolicSpec, batch: int) -> None:
    """Write each network output still on chip back to host memory over the host link (TPU v1's
    Write_Host_Memory), once the layer that makes it is done."""
    from accelsim.families.systolic.host_link import HOST_ADDR
    used = {src for layer in net.layers for src in layer.inputs}
    addr = HOST_ADDR + batch * math.prod(net.input_shape)
    for li, layer in enumerate(net.layers):
        if layer.name in used or not st.on_chip.get(layer.name) or layer.op in VIEW_OPS:
            continue
        nbytes = max(1, batch * layer.out_bytes)
        tb.add(STORE, "dma_out", li, st.done_ops[layer.name], src=arch.ifmap.name, dst=DRAM, bytes=nbytes, addr=addr)
        addr += nbytes


def _stored_weights(trace: Trace, net: Network, arch: SystolicSpec) -> Trace:
    """Weight loads scaled to what ``arch.weight_format`` stores of each layer (a sparse layer moves fewer bytes;
    a dense one stored sparse moves more, as the index costs). The filter buffer still holds dense tiles."""
    import dataclasses
    from accelsim.compress.prune import sparse_sizes
    ratio = np.ones(len(trace.layers))
    for li, layer in enumerate(net.layers):
        if layer.op in MAC_OPS and layer.weight_bytes:
            ratio[li] = sparse_sizes(layer)[arch.weight_format] / layer.weight_bytes
    ops = trace.ops.copy()
    w = (ops["kind"] == LOAD) & (ops["dst"] == trace.memories.index(arch.filter.name))
    ops["bytes"][w] = np.maximum(1, np.ceil(ops["bytes"][w] * ratio[ops["layer"][w]])).astype(ops["bytes"].dtype)
    return dataclasses.replace(trace, ops=ops)


def _spilled_activations(net: Network, arch: SystolicSpec, batch: int) -> frozenset[str]:
    """The saved activations of a training step that must go to DRAM: all of them, when the batch's saved set
    (bytes) does not fit the ifmap buffer; none otherwise (and none for an inference network)."""
    saved = [s for s in saved_activations(net) if s != INPUT]
    if sum(net.layer(s).out_bytes for s in saved) * batch <= arch.ifmap.capacity_bytes:
        return frozenset()
    return frozenset(saved)


def _output_resident(layer: Layer, arch: SystolicSpec, batch: int) -> bool:
    """Does the output stay on chip for the next layer? Needs the arch's policy and room for in + out."""
    if not arch.keep_activations_on_chip:
        return False
    return batch * (layer.in_bytes + layer.out_bytes) <= arch.ifmap.capacity_bytes


def _input_deps(st: _State, layer: Layer) -> list[int]:
    return [d for src in layer.inputs for d in st.done_ops[src]]


def _inputs_on_chip(st: _State, layer: Layer) -> bool:
    # a matmul streams only its first operand from the ifmap buffer; the second takes the weight path
    srcs = layer.inputs[:1] if layer.op == "matmul" else layer.inputs
    return bool(srcs) and all(st.on_chip[s] for s in srcs)


VIEW_OPS = _VIEWS | {"concat"}  # a new view of data already laid out channel-contiguous: no work


def _lower_vector_layer(tb: TraceBuilder, st: _State, layer: Layer, li: int, arch: SystolicSpec, batch: int,
                        resident: bool) -> None:
    if layer.op in ("embedding", "embedding_grad", "kv_cache"):
        from accelsim.families.systolic import lower_tokens
        {"embedding": lower_tokens.lower_embedding, "embedding_grad": lower_tokens.lower_embedding_grad,
         "kv_cache": lower_tokens.lower_kv_cache}[layer.op](tb, st, layer, li, arch, batch, resident)
        return
    deps = _input_deps(st, layer)
    # an optimizer update reads its master weights and state from DRAM, whatever else is on chip
    on_chip = _inputs_on_chip(st, layer) and layer.op not in UPDATE_OPS
    if layer.op in VIEW_OPS:
        st.done_ops[layer.name] = deps
        st.on_chip[layer.name] = on_chip
        st.addr[layer.name] = st.addr.get(layer.inputs[0], 0) if layer.inputs else 0
        return
    if not on_chip:
        srcs = layer.inputs or (INPUT,)
        for src in srcs:
            deps.append(tb.add(LOAD, "dma_in", li, _input_deps_of(st, src), src=DRAM, dst=arch.ifmap.name,
                               bytes=max(1, batch * layer.in_bytes // len(srcs)), addr=st.addr.get(src, 0)))
    out_bytes = batch * layer.out_bytes
    vops = (layer.vector_ops or layer.out_elements) * batch  # upsample is a copy: one op per output
    vop = tb.add(VECTOR, "vector", li, deps, vops=vops, src=arch.ifmap.name, dst=arch.ifmap.name, bytes=out_bytes)
    st.addr[layer.name] = st.alloc(out_bytes)
    done = [vop]
    if not resident:
        done = [tb.add(STORE, "dma_out", li, [vop], src=arch.ifmap.name, dst=DRAM, bytes=out_bytes,
                       addr=st.addr[layer.name])]
    st.done_ops[layer.name] = done
    st.on_chip[layer.name] = resident


def _input_deps_of(st: _State, src: str) -> list[int]:
    return list(st.done_ops.get(src, []))


def _ifmap_region_bytes(layer: Layer, m_len: int, batch: int) -> int:
    """Raw input bytes the output rows ``m_len`` (of ``batch_m``) read, halo rows included.

    For conv the tile covers ``ceil(m_len / W_out) + 1`` output rows at most (it may start
    mid-row); their input rows are ``(rows - 1) * stride + dilated kernel height``, capped at H.
    """
    c, h, w = layer.in_shapes[0]
    a_bytes = layer.act_bits / 8
    batch_m = layer.gemm_dims()[0] * batch
    if layer.op == "matmul" and layer.per_batch:
        # a weight gradient streams im2col rows of a saved activation (``in_shapes[0]``, batch included): as for a
        # conv's input, the raw tensor comes from DRAM, the share of its channels the tile's rows cover
        # (or the im2col rows themselves, where they are the smaller: a strided 1x1 conv uses a quarter of its input)
        m, k = layer.gemm_dims()[:2]
        return max(1, math.ceil(min(math.prod(layer.in_shapes[0]) * m_len / m, m_len * k) * layer.act_bits / 8))
    if layer.op == "matmul":  # one head's rows of the streamed operand; the other takes the weight path
        return max(1, math.ceil(m_len * layer.gemm_dims()[1] * layer.act_bits / 8))
    if layer.op != "conv2d":
        return max(1, math.ceil(layer.in_bytes * batch * m_len / batch_m))
    w_out = layer.out_shape[2]
    out_rows = min(-(-m_len // w_out) + 1, layer.out_shape[1] * batch)
    ext = layer.dilation[0] * (layer.kernel[0] - 1) + 1
    in_rows = (out_rows - 1) * layer.stride[0] + ext
    samples = -(-m_len // (layer.out_shape[1] * w_out))
    in_rows = min(in_rows, h * max(1, samples))
    return max(1, math.ceil(in_rows * w * (c // layer.groups) * a_bytes))


def _lower_mac_layer(tb: TraceBuilder, st: _State, layer: Layer, li: int, arch: SystolicSpec, batch: int,
                     resident: bool) -> None:
    M1, K, N, G, wbits = array_dims(layer, arch)
    M = M1 * batch
    R, C = arch.array.rows, arch.array.cols
    div = rate_divisor(layer.weight_bits, layer.act_bits, arch.array.mac_bits)
    w_bytes = wbits / 8
    a_bytes = layer.act_bits / 8
    pack = pack_groups(K, N, G, arch)
    packs = [min(pack, G - j) for j in range(0, G, pack)]
    chunk = stream_chunk(K, N, G, pack, arch, wbits)
    plans = {pg: plan_folds(M, pg * K, pg * N, arch, layer.acc_bits, chunk) for pg in set(packs)}
    folds = plans[packs[0]]

    in_deps = _input_deps(st, layer)
    ifmap_on_chip = _inputs_on_chip(st, layer)
    src_addr = st.addr.get(layer.inputs[0] if layer.inputs else INPUT, 0)
    st.addr[layer.name] = st.alloc(batch * layer.out_bytes)
    w_base = st.alloc(layer.weight_bytes)

    # weights: loaded once if the whole layer fits the filter buffer, else streamed tile by tile
    def tile_bytes(f: Fold) -> int:
        if pads_weight_tiles(arch):
            return math.ceil(R * C * w_bytes)
        return max(1, math.ceil(f.k_len * f.n_len * w_bytes))
    all_w = sum(tile_bytes(f) for pg in packs for f in plans[pg] if f.m0 == 0)
    w_fit = all_w <= arch.filter.capacity_bytes
    slots, in_slots, half_ifmap, out_halves = _buffer_slots(arch, layer, max(tile_bytes(f) for f in folds))

    @functools.lru_cache(maxsize=None)
    def port_div(rows: int, cols: int, acc: bool) -> int:
        return port_divisor(arch, arch.array.dataflow, rows, cols, wbits, layer.act_bits,
                            layer.acc_bits, acc)

    w_loaded: dict[tuple, int] = {}
    w_consumers: list[int] = []  # compute op that consumed each streamed weight tile, in order
    i_loaded: dict[tuple, int] = {}
    i_tiles: list[int] = []      # last compute op that read each ifmap tile, in order
    out_done: list[int] = []     # last op freeing each output tile's accumulator half
    done_ops: list[int] = []
    for g, pg in enumerate(packs):
        for f in plans[pg]:
            deps = list(in_deps)
            # --- ifmap ---
            if not ifmap_on_chip:
                region = _ifmap_region_bytes(layer, f.m_len, batch) * pg
                per_k = region > half_ifmap
                key = (g, f.m0, f.k0 if per_k else -1, f.n0 if per_k else -1)
                if key not in i_loaded:
                    nbytes = math.ceil(region * f.k_len / (pg * K)) if per_k else region
                    war = [i_tiles[-in_slots]] if len(i_tiles) >= in_slots else []
                    i_loaded[key] = tb.add(LOAD, "dma_in", li, in_deps + war, src=DRAM, dst=arch.ifmap.name,
                                           bytes=nbytes, addr=src_addr + f.m0 * K * G)
                    i_tiles.append(-1)
                deps.append(i_loaded[key])
            # --- weights ---
            wkey = (g, f.k0, f.n0)
            new_w = not (w_fit and wkey in w_loaded)
            if not new_w:
                deps.append(w_loaded[wkey])
            else:
                war = [w_consumers[-slots]] if len(w_consumers) >= slots else []
                wid = tb.add(LOAD, "dma_weights", li, war, src=DRAM, dst=arch.filter.name, bytes=tile_bytes(f),
                             addr=w_base + (g * pack * K * N + f.k0 * N + f.n0) * int(max(1, w_bytes)))
                w_loaded[wkey] = wid
                deps.append(wid)
            # --- accumulator half must be drained before a new output tile starts ---
            if not f.acc and len(out_done) >= out_halves:
                deps.append(out_done[-out_halves])
            cid = tb.add(COMPUTE, "array", li, deps, rows=f.rows, cols=f.cols, stream=f.stream, preload=f.preload,
                         drain=fold_drain(arch.array.dataflow, f.rows, f.cols, f.last_k),
                         macs=f.m_len * f.k_len * f.n_len // pg, acc=int(f.acc),
                         # operand passes and buffer ports limit the rate at once, not one after the other
                         div=div if arch.array.bank_conflicts else max(div, port_div(f.rows, f.cols, f.acc)))
            if new_w:
                w_consumers.append(cid)
            if not ifmap_on_chip:
                i_tiles[-1] = cid
            if f.last_k:
                # requantize + activation of the finished tile, then write it out unless it stays on chip
                # the activated tile goes to the ifmap buffer if it stays on chip for the next layer,
                # else back into the accumulators' half, from where the DMA writes it out
                vid = tb.add(VECTOR, "vector", li, [cid], vops=f.m_len * f.n_len, src=arch.ofmap.name,
                             dst=(arch.ifmap if resident else arch.ofmap).name,
                             bytes=max(1, math.ceil(f.m_len * f.n_len * a_bytes)))
                last = vid
                if not resident:
                    last = tb.add(STORE, "dma_out", li, [vid], src=arch.ofmap.name, dst=DRAM,
                                  bytes=max(1, math.ceil(f.m_len * f.n_len * a_bytes)),
                                  addr=st.addr[layer.name] + (g * pack * M * N + f.m0 * N + f.n0))
                out_done.append(vid)
                done_ops.append(last)
    if arch.array.bank_conflicts:
        _add_conflict_cycles(tb, li, layer, arch, batch)
    st.on_chip[layer.name] = resident
    # consumers wait for the layer's last op that writes its output: every such op is on one
    # unit (the vector unit when the output stays on chip, the output DMA otherwise)
    st.done_ops[layer.name] = [max(done_ops)] if done_ops else []


def _lower_mac_layer_fast(tb: TraceBuilder, st: _State, layer: Layer, li: int, arch: SystolicSpec, batch: int,
                          resident: bool) -> None:
    """:func:`_lower_mac_layer` in one kernel call (:mod:`accelsim.kernels.systolic_lowering`): same ops."""
    from accelsim.kernels.coldstart import call
    from accelsim.kernels.systolic_lowering import FIELDS, systolic_layer_ops
    M1, K, N, G, wbits = array_dims(layer, arch)
    M = M1 * batch
    R, C = arch.array.rows, arch.array.cols
    df = arch.array.dataflow
    div = rate_divisor(layer.weight_bits, layer.act_bits, arch.array.mac_bits)
    pack = pack_groups(K, N, G, arch)
    mt = m_tile_rows(arch, layer.acc_bits) if df == "ws" else 0
    chunk = stream_chunk(K, N, G, pack, arch, wbits)
    w_tile, all_w = weight_tile_bytes(K, N, G, pack, arch, wbits, chunk)

    in_deps = _input_deps(st, layer)
    ifmap_on_chip = _inputs_on_chip(st, layer)
    src_addr = st.addr.get(layer.inputs[0] if layer.inputs else INPUT, 0)
    st.addr[layer.name] = st.alloc(batch * layer.out_bytes)
    w_base = st.alloc(layer.weight_bytes)
    slots, in_slots, half_ifmap, out_halves = _buffer_slots(arch, layer, w_tile)
    step = {"ws": mt, "os": R, "is": C}[df]
    region_full = region_tail = 0  # raw input bytes of a whole and of the short last M chunk
    if not ifmap_on_chip:
        region_full = _ifmap_region_bytes(layer, step, batch) if M >= step else 0
        region_tail = _ifmap_region_bytes(layer, M % step, batch) if M % step else 0
    shape = np.array([M, K, N, G, pack, R, C, DATAFLOWS.index(df), mt, pads_weight_tiles(arch),
                      wbits, layer.act_bits, div, chunk], np.int64)
    tiles = np.array([ifmap_on_chip, resident, all_w <= arch.filter.capacity_bytes, slots, in_slots, half_ifmap,
                      out_halves, region_full, region_tail, not arch.array.bank_conflicts], np.int64)
    addrs = np.array([src_addr, st.addr[layer.name], w_base], np.int64)
    terms = port_terms(arch, df, wbits, layer.act_bits, layer.acc_bits)
    fields, dep_ptr, dep_idx, last = call(systolic_layer_ops, shape, tiles, terms, addrs, np.array(in_deps, np.int64),
                                          len(tb))
    tb.extend(li, dep_ptr, dep_idx, **dict(zip(FIELDS, fields)))
    if arch.array.bank_conflicts:
        _add_conflict_cycles(tb, li, layer, arch, batch)
    st.on_chip[layer.name] = resident
    st.done_ops[layer.name] = [int(last)] if last >= 0 else []


def _add_conflict_cycles(tb: TraceBuilder, li: int, layer: Layer, arch: SystolicSpec, batch: int) -> None:
    """Record the layer's bank-conflict cycles as its counts (preload and stream phases).

    The pattern (and so the totals) is SCALE-Sim's fold order for one image, times the batch;
    ports and widths are then priced by the pattern, not by ``port_divisor``. The engine
    (:func:`accelsim.families.systolic.sim.conflict_cycles_per_op`) spreads each count over the layer's
    folds and lengthens that phase of each fold by its share: the array cannot shift in its
    next row or take its next vector until the buffers have delivered the operands.
    """
    from dataclasses import replace

    from accelsim.families.systolic.bank_conflicts import layer_conflict_cycles
    pre, stream = layer_conflict_cycles(layer, arch)
    counts = tuple((k, v * batch) for k, v in ((CONFLICT_PRELOAD_COUNT, pre), (CONFLICT_COUNT, stream)) if v)
    if counts:
        info = tb.layers[li]
        tb.layers[li] = replace(info, counts=info.counts + counts)
