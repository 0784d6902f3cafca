"""Depthwise convolution on the vector unit: one ``VMAW`` per output pixel and filter tap.

A depthwise layer has nothing to reduce across channels, so the NFU's Tn x Tn products would
sit idle but for one lane. Instead each output pixel accumulates, tap by tap, the input pixel's
channel vector times the tap's weight vector (``VMAW``: i16 x i16 added into i32 partial sums),
over a tile of ``ct`` channels; partial sums start from the bias (an outer product with the
``ones`` vector, as for conv) and finish with ``VACT``. Weights are stored per channel tile as
``[kh][kw][ct]``; inputs are HWC tiles in alternating NBin halves, loaded under the previous
tile's work (:func:`accelsim.families.cambricon.codegen.prefetched_tiles`).
"""

from __future__ import annotations

from accelsim.errors import AccelsimError
from accelsim.families.cambricon.codegen import (
    ACTS, NBIN, NBOUT, R_BIAS, R_CI, R_CNB, R_CX, R_CY, R_D, R_IN, R_INB, R_N, R_NBSUM, R_ONE, R_ONES, R_OUT,
    R_OUTB, R_PSUM, R_SBSUM, R_V, R_W, R_WADDR, SB, T1, T2, T4, T5, Alloc, Emitter, addr, load_tile, loop_close,
    loop_open, prefetched_tiles, store_tile)
from accelsim.families.cambricon.layout import PSUM, WORD, BiasBlock, WeightBlock, _ceil, _fits, divisors
from accelsim.workload.layer import Layer


def is_depthwise(layer: Layer) -> bool:
    """One input and one output channel per group."""
    return layer.op == "conv2d" and layer.groups > 1 and layer.groups == layer.in_shapes[0][0] == layer.out_shape[0]


def _tiling(c: int, ho: int, wo: int, kh: int, kw: int, s: int, sp: dict[str, int], layer: str):
    best = None
    for ct in divisors(c):
        if 2 * kh * kw * ct * WORD > sp["sb"]:
            continue
        for rb in _fits(ho, lambda r: ((r - 1) * s + kh) * kw * ct * WORD <= sp["nbin"] // 2):
            for wb in _fits(wo, lambda w: ((rb - 1) * s + kh) * ((w - 1) * s + kw) * ct * WORD <= sp["nbin"] // 2
                            and rb * w * (ct * (PSUM + WORD) + WORD) + ct * WORD <= sp["nbout"] and rb * w <= 64):
                n = (c // ct) * _ceil(ho, rb) * _ceil(wo, wb)
                loads = n * ((rb - 1) * s + kh) * ((wb - 1) * s + kw) * ct
                insns = (c // ct) * ho * wo * 3 * kh * kw
                cost = (loads + insns * 8, n)
                if best is None or cost < best[0]:
                    best = (cost, (ct, rb, wb))
    if best is None:
        raise AccelsimError(f"scratchpad nbin ({sp['nbin']} B) cannot hold one depthwise window of layer {layer!r}; "
                            f"needs at least {2 * kh * kw * WORD} B", field="scratchpads.nbin")
    return best[1]


def depthwise(e: Emitter, layer: Layer, tensors, sp, batch: int, alloc: Alloc, fw: int):
    """Emit a depthwise layer; returns its weight blocks, bias blocks and ``ones`` vector (as ``_conv`` does)."""
    tin, tout = tensors[layer.inputs[0]], tensors[layer.name]
    if layer.dilation != (1, 1) or layer.stride[0] != layer.stride[1]:
        raise AccelsimError("dilated or non-square-stride convolutions are not supported by the DianNao/Cambricon "
                            "compiler", field=layer.name)
    kh, kw = layer.kernel
    s = layer.stride[0]
    c, ho, wo = layer.out_shape
    pt, pl = layer.padding[0], layer.padding[1]
    func = ACTS.get(layer.activation)
    if func is None:
        raise AccelsimError(f"activation {layer.activation!r} has no DianNao/Cambricon lowering", field=layer.name)
    ct, rb, wb = _tiling(c, ho, wo, kh, kw, s, sp, layer.name)
    n_ct, pixels = c // ct, rb * wb
    wbytes = kh * kw * ct * WORD
    w_base = alloc.take(wbytes * n_ct)
    wblocks = tuple(WeightBlock(w_base + k * wbytes, 0, k * ct, ct, 0, 1) for k in range(n_ct))
    bblocks = ()
    if layer.bias:
        b_base = alloc.take(c * WORD)
        bblocks = tuple(BiasBlock(b_base + k * ct * WORD, 0, k * ct, ct) for k in range(n_ct))
    ones = (alloc.take(pixels * WORD), pixels)
    rows_in, cols_in = (rb - 1) * s + kh, (wb - 1) * s + kw
    n_ty, n_tx = _ceil(ho, rb), _ceil(wo, wb)
    psum_at, out_at = NBOUT, NBOUT + pixels * ct * PSUM
    ones_at = out_at + pixels * ct * WORD
    bias_at = ones_at + pixels * WORD
    e.comment(f"depthwise {kh}x{kw}/{s} on the vector unit: tile {rb}x{wb} pixels x {ct} channels, "
              f"{n_ct} channel tiles x {n_ty}x{n_tx} spatial tiles; weights Q.{fw}")
    e.li(R_ONE, 1)
    e.li(T4, ones[0])
    e.li(T5, ones_at)
    e.li(R_N, pixels * WORD)
    e(f"VLOAD r{T5}, r{T4}, r{R_N}")
    e.li(R_NBSUM, 2 * NBIN + sp["nbin"] // 2)
    e.li(R_SBSUM, 2 * SB + sp["sb"] // 2)
    e.li(R_ONES, ones_at)
    e.li(R_BIAS, bias_at)
    e.li(R_PSUM, psum_at)
    for b in range(batch):
        e.comment(f"image {b}")
        e.li(R_W, SB)
        e.li(R_WADDR, w_base)
        e.li(R_INB, tin.pixel_addr(b, -pt, -pl))
        e.li(R_OUTB, tout.pixel_addr(b, 0, 0))
        top = loop_open(e, R_CI)
        e(f"SSUB r{R_W}, r{R_SBSUM}, r{R_W}")
        e.li(R_N, wbytes)
        e(f"VLOAD r{R_W}, r{R_WADDR}, r{R_N}")
        e(f"SADDI r{R_WADDR}, r{R_WADDR}, {wbytes}")
        if layer.bias:
            e.li(T2, bias_at)
            e.li(R_N, ct * WORD)
            e.li(T4, bblocks[0].addr)
            e.li(T1, ct * WORD)
            e(f"SMUL r{T1}, r{R_CI}, r{T1}")
            e(f"SADD r{T4}, r{T4}, r{T1}")
            e(f"VLOAD r{T2}, r{T4}, r{R_N}")

        def load():
            addr(e, R_IN, R_INB, s * tin.row_bytes, s * tin.c * WORD)
            load_tile(e, tin, rows_in, cols_in, ct, ct == tin.c)

        def body():
            if layer.bias:
                e.li(T1, pixels)
                e.li(T2, ct)
                e(f"OP r{R_PSUM}, r{R_ONES}, r{R_BIAS}, r{T1}, r{T2} acc=0")
            else:
                e.li(R_N, pixels * ct * PSUM)
                e(f"VCLR r{R_PSUM}, r{R_N}")
            e.li(R_N, ct)
            for oy in range(rb):
                for ox in range(wb):
                    e.li(R_D, psum_at + (oy * wb + ox) * ct * PSUM)
                    for ky in range(kh):
                        for kx in range(kw):
                            off = ((oy * s + ky) * cols_in + ox * s + kx) * ct * WORD
                            e(f"SADDI r{R_V}, r{R_CNB}, {off}")
                            e(f"SADDI r{T2}, r{R_W}, {(ky * kw + kx) * ct * WORD}")
                            e(f"VMAW r{R_D}, r{R_V}, r{T2}, r{R_N}")
            e.li(T1, pixels * ct)
            e.li(T4, out_at)
            e(f"VACT r{T4}, r{R_PSUM}, r{T1}, r{R_ONE} shift={fw} func={func}")
            addr(e, R_OUT, R_OUTB, tout.row_bytes, tout.c * WORD, R_CY, R_CX)
            store_tile(e, tout, rb, wb, wo, ct, out_at)

        prefetched_tiles(e, n_ty, n_tx, rb, wb, ho, wo, load, body)
        e(f"SADDI r{R_INB}, r{R_INB}, {ct * WORD}")
        e(f"SADDI r{R_OUTB}, r{R_OUTB}, {ct * WORD}")
        loop_close(e, top, R_CI, n_ct)
    return wblocks, bblocks, ones
