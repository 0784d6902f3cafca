"""Lowering for tiled FPGA engines: Tm/Tn/Tr/Tc tiles, layer fusion and block convolution.

A conv layer (a linear layer is a 1x1 conv on a 1x1 map) runs as output tiles of
``tr x tc`` pixels x ``tm`` maps; each tile accumulates over ``ceil(N/tn)`` input groups,
one ``k x k`` window per convolver per cycle (kernels larger than ``k`` take
``ceil(R/k) * ceil(S/k)`` passes). Per tile the engine loads the input rows the tile reads
for all N maps and the tile's weights, and stores the tile once (Zhang et al., FPGA 2015,
loop order r, c, m, n). Tiles become trace ops (load, compute, store; at most
:data:`MAX_CHUNKS` per layer, work split evenly) with ping-pong buffers as dependencies, so
the engine decides how much transfer hides under compute. A pooling layer right after a conv
is done on the fly (Qiu et al.'s pooling unit): the conv stores the pooled map.

Fusion (``fusion: fused|block``) runs each group of consecutive conv/pool layers block by
block, with every intermediate map on chip: DRAM sees the group's input, its weights (once
per block; they do not fit on chip) and its output. ``block`` (block convolution) has no
halo; ``fused`` (Alwani et al.) recomputes, in every layer, the halo the later layers' windows
need, and reads the input halo too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from accelsim.families.fpga.spec import FpgaSpec
from accelsim.errors import AccelsimError
from accelsim.trace import COMPUTE, LOAD, STORE, VECTOR, LayerInfo, Trace, TraceBuilder
from accelsim.workload.layer import MAC_OPS, POOL_OPS, VIEW_OPS, Layer
from accelsim.workload.network import INPUT, Network

UNITS = ("dma_in", "dma_out", "engine", "vector")
DRAM, BUF = "dram", "bram"
MAX_CHUNKS = 64
BRAM36_BITS = 36 * 1024


@dataclass(frozen=True)
class Resources:
    """What an engine uses on the device: DSP slices, BRAM36 blocks, LUTs, FFs (estimates)."""

    dsp: int
    bram36: int
    lut: int
    ff: int


def conv_dims(layer: Layer, batch: int) -> tuple[int, ...]:
    """``(N_in, M_out, E, F, R, S, H, W, stride, groups)`` of a MAC layer, per image (padded H, W)."""
    if layer.op == "conv2d":
        c, h, w = layer.in_shapes[0]
        t, l, b, r = layer.padding
        return (c // layer.groups, layer.out_shape[0] // layer.groups, layer.out_shape[1], layer.out_shape[2],
                layer.kernel[0], layer.kernel[1], h + t + b, w + l + r, layer.stride[0], layer.groups)
    if layer.op == "linear":
        return (math.prod(layer.in_shapes[0]), layer.out_shape[0], 1, 1, 1, 1, 1, 1, 1, 1)
    m, k, n = layer.gemm_mkn
    return (k, n, m, 1, 1, 1, m, 1, 1, layer.groups)  # a matmul's heads are its groups


def engine_shape(net: Network, spec: FpgaSpec, batch: int) -> tuple[int, int]:
    """``(tm, tn)``: the spec's, or the tile search's best under the DSP budget."""
    if spec.tm and spec.tn:
        return spec.tm, spec.tn
    from accelsim.kernels.fpga_tiles import tile_search
    rows = []
    for l in net.layers:
        if l.op in MAC_OPS:
            N, M, E, F, R, S, H, W, _, g = conv_dims(l, batch)
            rows += [[N, M, E, F, R, S, H, W]] * min(g, 4)  # a few groups stand for many
    dsp = int(spec.device.dsp * spec.dsp_fraction)
    budget = np.array([dsp, spec.kernel, spec.macs_per_dsp, 64, 64], np.int64)
    tm, tn, _ = tile_search(np.array(rows, np.int64), budget, spec.stream_bytes_per_s / spec.clock_hz,
                            spec.word_bytes)
    if tm < 1:
        raise AccelsimError(f"no {spec.kernel}x{spec.kernel} convolver fits {dsp} DSPs", file=spec.file, field="engine")
    return tm, tn


def resources(spec: FpgaSpec, tm: int, tn: int, tr: int, tc: int) -> Resources:
    """DSP, BRAM36, LUT and FF use of a ``tm x tn`` engine with ``tr x tc`` ping-pong tiles.

    DSPs: one per 16-bit multiplier, two 8-bit products per slice, none below 4 bits (XNOR or
    LUT multipliers). BRAM: ping-pong input (``tn`` banks of ``(tr-1)+k`` x ``(tc-1)+k``
    words... at stride 1), output (``tm`` banks of ``tr*tc`` words) and weights (``tm*tn``
    windows), each bank rounded up to half a BRAM36. LUT/FF: ~2 x bits LUTs per multiplier
    for the adder trees plus 20 k for control and DMA (rough estimates, stated as such).
    """
    k = spec.kernel
    mults = tm * tn * k * k
    bits = spec.data_bits
    dsp = 0 if bits < 4 else -(-mults // spec.macs_per_dsp)

    def banks(n_banks: int, words: int) -> float:
        return n_banks * max(0.5, math.ceil(2 * words * bits / BRAM36_BITS) / 2)
    bram = 2 * (banks(tn, ((tr - 1) + k) * ((tc - 1) + k)) + banks(tm, tr * tc)) + banks(1, tm * tn * k * k)
    lut = mults * 2 * bits * (4 if bits < 4 else 1) + 20000
    return Resources(dsp=dsp, bram36=math.ceil(bram), lut=lut, ff=lut // 2 + mults * bits)


def check_fits(spec: FpgaSpec, res: Resources) -> None:
    """A design that does not fit its device is an error naming the resource."""
    d = spec.device
    for what, used, have in (("DSP", res.dsp, d.dsp), ("BRAM36", res.bram36, d.bram36), ("LUT", res.lut, d.lut),
                             ("FF", res.ff, d.ff)):
        if used > have:
            raise AccelsimError(f"the engine needs {used} {what} but {d.name} has {have}", file=spec.file,
                                field="engine")


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(int(total), parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _chain(tb, li, chunks, in_bytes, out_bytes, cycles, macs, deps, pes):
    loads, comps, stores = [], [], []
    for i, (ib, ob, cy, mc) in enumerate(zip(_split(in_bytes, chunks), _split(out_bytes, chunks),
                                             _split(cycles, chunks), _split(macs, chunks))):
        war = [comps[i - 2]] if i >= 2 else []  # ping-pong buffers
        ld = tb.add(LOAD, "dma_in", li, deps + war, src=DRAM, dst=BUF, bytes=max(1, ib))
        c = tb.add(COMPUTE, "engine", li, [ld], rows=pes, cols=1, stream=max(1, cy), macs=mc)
        st = tb.add(STORE, "dma_out", li, [c], src=BUF, dst=DRAM, bytes=max(0, ob))
        loads.append(ld)
        comps.append(c)
        stores.append(st)
    return stores


def _layer_cost(layer: Layer, batch: int, tm: int, tn: int, spec: FpgaSpec, rows_out: int | None = None,
                cols_out: int | None = None) -> tuple[int, int, int, int, int]:
    """``(compute cycles, input words, weight words, output words, tiles)`` of a MAC layer for ``batch`` images."""
    N, M, E, F, R, S, H, W, st, g = conv_dims(layer, batch)
    E = rows_out or E
    F = cols_out or F
    k = spec.kernel
    passes = -(-R // k) * -(-S // k)
    tr, tc = min(spec.tr, E), min(spec.tc, F)
    tiles_rc = -(-E // tr) * -(-F // tc)
    mb = -(-M // tm)
    cycles = batch * g * tiles_rc * mb * -(-N // tn) * tr * tc * passes
    in_rows, in_cols = (tr - 1) * st + R, (tc - 1) * st + S
    in_words = batch * g * tiles_rc * mb * N * min(in_rows, H) * min(in_cols, W)
    w_words = batch * g * tiles_rc * M * N * R * S * stored_weight_ratio(layer, spec)  # every (m, n) pair, per tile
    out_words = batch * g * M * E * F
    return cycles, in_words, w_words, out_words, batch * g * tiles_rc * mb


def stored_weight_ratio(layer: Layer, spec: FpgaSpec) -> float:
    """DRAM bytes of ``layer``'s weights in ``spec.weight_format`` over their dense bytes at the engine's width.

    Sizes come from :func:`accelsim.compress.prune.sparse_sizes` at ``data_bits`` per value and
    the layer's ``weight_density`` (a dense layer stored sparse costs its index on top); the
    engine decompresses into its dense weight buffer, so compute is unchanged.
    """
    if spec.weight_format == "dense" or not layer.weight_count:
        return 1.0
    from accelsim.compress.prune import sparse_sizes
    as_built = layer.with_(weight_bits=spec.data_bits)
    return sparse_sizes(as_built)[spec.weight_format] / (layer.weight_count * spec.data_bits / 8)


def lower_network(net: Network, spec: FpgaSpec, batch: int = 1) -> tuple[Trace, dict]:
    """Lower ``net`` onto ``spec``; returns the trace and a report (engine shape, resources, fused groups)."""
    if batch < 1:
        raise AccelsimError(f"must be >= 1, got {batch}", field="--batch")
    tm, tn = engine_shape(net, spec, batch)
    res = resources(spec, tm, tn, spec.tr, spec.tc)
    check_fits(spec, res)
    tb = TraceBuilder(spec.name, net.name, batch, UNITS, (DRAM, BUF))
    wb = spec.word_bytes
    pes = tm * tn * spec.kernel * spec.kernel
    done: dict[str, list[int]] = {INPUT: []}
    groups = _fusion_groups(net) if spec.fusion != "none" else []
    in_group = {name: gi for gi, g in enumerate(groups) for name in g}
    report = {"tm": tm, "tn": tn, "resources": res, "groups": [], "onchip_bytes": 0}
    emitted_groups: set[int] = set()
    for layer in net.layers:
        deps = [x for s in (layer.inputs or (INPUT,)) for x in done.get(s, [])]
        li = tb.add_layer(LayerInfo(layer.name, layer.op, spec.data_bits, spec.data_bits, 2 * spec.data_bits,
                                    layer.macs * batch))
        gi = in_group.get(layer.name)
        if gi is not None:
            if gi not in emitted_groups:
                emitted_groups.add(gi)
                stores = _lower_group(tb, li, net, groups[gi], spec, batch, tm, tn, deps, pes, report)
            done[layer.name] = stores
            continue
        if layer.op in MAC_OPS:
            cyc, iw, ww, ow, tiles = _layer_cost(layer, batch, tm, tn, spec)
            cons = net.consumers(layer.name)
            if len(cons) == 1 and net.layer(cons[0]).op in POOL_OPS:
                ow = batch * net.layer(cons[0]).out_elements  # pooled on the fly
            done[layer.name] = _chain(tb, li, min(MAX_CHUNKS, tiles), int(iw * wb) + int(ww * wb), int(ow * wb),
                                      cyc, layer.macs * batch, deps, pes)
        elif layer.op in VIEW_OPS or layer.op == "concat":
            done[layer.name] = deps
        else:
            prod = [net.layer(s) for s in layer.inputs if s != INPUT]
            on_the_fly = layer.op in POOL_OPS and len(prod) == 1 and prod[0].op in MAC_OPS
            vops = (layer.vector_ops or layer.out_elements) * batch
            vec = tb.add(VECTOR, "vector", li, deps, vops=vops, src=BUF, dst=BUF, bytes=int(batch * layer.out_elements
                                                                                             * wb))
            if on_the_fly:
                done[layer.name] = [vec]
            else:
                ld = tb.add(LOAD, "dma_in", li, deps, src=DRAM, dst=BUF, bytes=max(1, int(batch * layer.in_elements * wb)))
                vec2 = tb.add(VECTOR, "vector", li, [ld, vec], vops=1, src=BUF, dst=BUF, bytes=1)
                st = tb.add(STORE, "dma_out", li, [vec2], src=BUF, dst=DRAM, bytes=int(batch * layer.out_elements * wb))
                done[layer.name] = [st]
    return tb.build(), report


def _fusion_groups(net: Network) -> list[list[str]]:
    """Maximal chains of conv/pool layers (single reader each), the units fusion runs block by block."""
    groups: list[list[str]] = []
    cur: list[str] = []
    for layer in net.layers:
        ok = layer.op in POOL_OPS or (layer.op == "conv2d")
        chained = cur and layer.inputs == (cur[-1],) and len(net.consumers(cur[-1])) == 1
        if ok and (not cur or chained):
            cur.append(layer.name)
        else:
            if len(cur) > 1:
                groups.append(cur)
            cur = [layer.name] if ok else []
    if len(cur) > 1:
        groups.append(cur)
    return groups


def _lower_group(tb, li, net, names, spec, batch, tm, tn, deps, pes, report) -> list[int]:
    """One fused group: per block, every layer on chip; DRAM moves input, weights per block, output."""
    layers = [net.layer(n) for n in names]
    first, last = layers[0], layers[-1]
    H0 = first.out_shape[1] if first.op == "conv2d" else first.in_shapes[0][1]
    B = min(spec.block, H0)
    nblocks = -(-H0 // B) * -(-first.out_shape[2] // B)
    wb = spec.word_bytes
    cycles = macs = w_words = 0
    onchip = 0
    scale = 1.0  # output pixels of the current layer per pixel of the first layer's output
    halo = _halos(layers) if spec.fusion == "fused" else [0] * len(layers)
    for i, l in enumerate(layers):
        if i > 0:
            scale *= l.out_shape[1] / layers[i - 1].out_shape[1]
        b = max(1, round(B * scale)) + halo[i]
        if l.op in MAC_OPS:
            c, _, ww, _, _ = _layer_cost(l, batch, tm, tn, spec, rows_out=min(b, l.out_shape[1]),
                                         cols_out=min(b, l.out_shape[2]))
            cycles += c * nblocks
            w_words += l.weight_count * nblocks * batch * stored_weight_ratio(l, spec)
            macs += l.macs * batch
            onchip = max(onchip, int((l.in_shapes[0][0] + l.out_shape[0]) * b * b * wb))
        else:
            cycles += -(-(batch * l.out_elements) // max(1, tm))
    in_words = batch * first.in_elements * ((B + halo[0]) / B) ** 2  # halo rows are read twice
    out_words = batch * last.out_elements
    report["groups"].append({"layers": names, "blocks": nblocks, "block": B, "onchip_bytes": onchip})
    report["onchip_bytes"] = max(report["onchip_bytes"], onchip)
    if onchip > spec.device.bram36 * BRAM36_BITS // 8:
        raise AccelsimError(f"a {B}x{B} block of fused group {names[0]}..{names[-1]} needs {onchip} B on chip; "
                            f"{spec.device.name} has {spec.device.bram36 * BRAM36_BITS // 8} B of BRAM", file=spec.file,
                            field="block")
    return _chain(tb, li, min(MAX_CHUNKS, nblocks), int(in_words * wb + w_words * wb), int(out_words * wb), cycles,
                  macs, deps, pes)


def _halos(layers: list[Layer]) -> list[int]:
    """Extra output rows each layer of a fused group computes so the last layer's block is exact."""
    h = [0] * len(layers)
    need = 0
    for i in range(len(layers) - 1, -1, -1):
        h[i] = need
        l = layers[i]
        need = need * l.stride[0] + (l.kernel[0] - 1 if l.op == "conv2d" else 0)
    return h
