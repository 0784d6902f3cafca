"""Vector-unit and DMA layers for DianNao/Cambricon: pooling, element-wise, concat, upsample."""

from __future__ import annotations

from accelsim.errors import AccelsimError
from accelsim.families.cambricon.codegen import (ACTS, NBIN, NBOUT, R_BYTES, R_CI, R_D, R_IN, R_INB, R_INS, R_N,
                                              R_NBSUM, R_ONE, R_OUT, R_OUTB, R_RB, R_ROWS,
                                              R_STR, R_TY, R_V, T1, T3, T4, T5, Emitter, addr,
                                              load_tile, loop_close, loop_open, store_tile,
                                              prefetched_tiles, R_CY, R_CX, R_CNB)
from accelsim.families.cambricon.layout import PSUM, WORD, ConvTiling, _ceil, _fits, divisors
from accelsim.workload.layer import Layer


# ----------------------------------------------------------------------------- pooling

def pool(e: Emitter, layer: Layer, tensors, sp, batch) -> None:
    tin, tout = tensors[layer.inputs[0]], tensors[layer.name]
    kh, kw = layer.kernel
    s = layer.stride[0]
    if layer.stride[0] != layer.stride[1]:
        raise AccelsimError("non-square pooling strides are not supported by the DianNao/Cambricon compiler",
                            field=layer.name)
    c, ho, wo = layer.out_shape
    pt, pl = layer.padding[0], layer.padding[1]
    is_max = layer.op == "maxpool"
    per_px = WORD if is_max else PSUM + WORD
    best = None
    for ct in divisors(c):
        for rb in _fits(ho, lambda r: ((r - 1) * s + kh) * kw * ct * WORD <= sp["nbin"] // 2):
            for wb in _fits(wo, lambda w: ((rb - 1) * s + kh) * ((w - 1) * s + kw) * ct * WORD <= sp["nbin"] // 2
                            and rb * w * ct * per_px <= sp["nbout"]):
                n = _ceil(c, ct) * _ceil(ho, rb) * _ceil(wo, wb)
                cost = (n * ((rb - 1) * s + kh) * ((wb - 1) * s + kw) * ct, n)
                if best is None or cost < best[0]:
                    best = (cost, (ct, rb, wb))
    if best is None:
        raise AccelsimError(f"scratchpad nbin ({sp['nbin']} B) cannot hold one pooling window of layer "
                            f"{layer.name!r}; needs at least {2 * kh * kw * WORD} B", field="scratchpads.nbin")
    ct, rb, wb = best[1]
    til = ConvTiling(rb, wb, ct, ct)
    rows_in, cols_in = til.in_rows(kh, s), til.in_cols(kw, s)
    n_ty, n_tx = _ceil(ho, rb), _ceil(wo, wb)
    pixels = rb * wb
    acc_at, out_at = NBOUT, NBOUT + (0 if is_max else pixels * ct * PSUM)
    e.comment(f"{layer.op} {kh}x{kw}/{s}: tile {rb}x{wb} pixels x {ct} channels")
    e.li(R_NBSUM, 2 * NBIN + sp["nbin"] // 2)
    if not is_max:  # the mean: multiply by round(2^15 / window), shift right 15
        e.li(R_ONE, round((1 << 15) / (kh * kw)))
    n_ct, cn = c // ct, ct
    for b in range(batch):
        e.li(R_INB, tin.pixel_addr(b, -pt, -pl))
        e.li(R_OUTB, tout.pixel_addr(b, 0, 0))
        e.li(R_N, cn)
        c_top = loop_open(e, R_CI)
        def load():
            addr(e, R_IN, R_INB, s * tin.row_bytes, s * tin.c * WORD)
            load_tile(e, tin, rows_in, cols_in, cn, cn == tin.c)

        def body():
            if not is_max:
                e.li(T1, pixels * cn * PSUM)
                e.li(T4, acc_at)
                e(f"VCLR r{T4}, r{T1}")
            for oy in range(rb):
                for ox in range(wb):
                    p = oy * wb + ox
                    e.li(R_D, (out_at + p * cn * WORD) if is_max else (acc_at + p * cn * PSUM))
                    for ky in range(kh):
                        for kx in range(kw):
                            off = ((oy * s + ky) * cols_in + ox * s + kx) * cn * WORD
                            e(f"SADDI r{R_V}, r{R_CNB}, {off}")
                            if not is_max:
                                e(f"VADDW r{R_D}, r{R_V}, r{R_N}")
                            elif ky == 0 and kx == 0:
                                e.li(T1, cn * WORD)
                                e(f"VMOVE r{R_D}, r{R_V}, r{T1}")
                            else:
                                e(f"VMAX r{R_D}, r{R_D}, r{R_V}, r{R_N}")
            if not is_max:
                e.li(T1, pixels * cn)
                e.li(T4, acc_at)
                e.li(T5, out_at)
                func = ACTS.get(layer.activation, "none")
                e(f"VACT r{T5}, r{T4}, r{T1}, r{R_ONE} shift=15 func={func}")
            elif ACTS.get(layer.activation, "none") != "none":
                e.li(T1, pixels * cn)
                e.li(T5, out_at)
                e(f"VPWL r{T5}, r{T5}, r{T1} func={ACTS[layer.activation]}")
            addr(e, R_OUT, R_OUTB, tout.row_bytes, tout.c * WORD, R_CY, R_CX)
            store_tile(e, tout, rb, wb, wo, cn, out_at)
        prefetched_tiles(e, n_ty, n_tx, rb, wb, ho, wo, load, body)
        e(f"SADDI r{R_INB}, r{R_INB}, {cn * WORD}")
        e(f"SADDI r{R_OUTB}, r{R_OUTB}, {cn * WORD}")
        loop_close(e, c_top, R_CI, n_ct)


# ----------------------------------------------------------------------------- row-wise layers

def _row_chunks(row_elems: int, budget_bytes: int) -> list[tuple[int, int]]:
    """``(first element, count)`` pieces of a row that fit ``budget_bytes`` of i16 each."""
    n = max(1, budget_bytes // WORD)
    return [(i, min(n, row_elems - i)) for i in range(0, row_elems, n)]


def _row_loop(e: Emitter, n_rows: int, regs: list[tuple[int, int, int]], body) -> None:
    """Loop ``n_rows`` times; each ``(reg, start, step)`` holds ``start`` then advances by ``step`` bytes."""
    for reg, start, _ in regs:
        e.li(reg, start)
    e(f"SLI r{R_TY}, 0")
    top = e.label("row")
    e.place(top)
    body()
    for reg, _, step in regs:
        e(f"SADDI r{reg}, r{reg}, {step}")
    e(f"SADDI r{R_TY}, r{R_TY}, 1")
    e.li(T1, n_rows)
    e(f"SLT r{T3}, r{R_TY}, r{T1}")
    e(f"CB r{T3}, {top}")


def eltwise(e: Emitter, layer: Layer, tensors, sp, batch) -> None:
    ins = [tensors[n] for n in layer.inputs]
    tout = tensors[layer.name]
    c, h, w = layer.out_shape
    func = ACTS.get(layer.activation, "none") if layer.activation else "none"
    if layer.op == "activation":
        func = ACTS.get(layer.activation)
        if func is None:
            raise AccelsimError(f"activation {layer.activation!r} has no DianNao/Cambricon lowering", field=layer.name)
    budget = min(sp["nbin"] // 2, sp["nbout"])
    e.comment(f"{layer.op} of {len(ins)} input(s), row by row")
    for b in range(batch):
        for first, n in _row_chunks(w * c, budget):
            e.li(R_N, n)
            e.li(R_BYTES, n * WORD)
            regs = [(R_OUT, tout.pixel_addr(b, 0, 0) + first * WORD, tout.row_bytes)]
            regs += [(R_INS[k], t.pixel_addr(b, 0, 0) + first * WORD, t.row_bytes)
                     for k, t in enumerate(ins)]

            def body(ins=ins, n=n):
                e.li(T4, NBOUT)
                e(f"VLOAD r{T4}, r{R_IN}, r{R_BYTES}")
                for k in range(1, len(ins)):
                    e.li(T5, NBIN)
                    e(f"VLOAD r{T5}, r{R_INS[k]}, r{R_BYTES}")
                    op = "VAV" if layer.op == "add" else "VMV"
                    tail = " shift=8" if op == "VMV" else ""
                    e(f"{op} r{T4}, r{T4}, r{T5}, r{R_N}{tail}")
                if func != "none":
                    e(f"VPWL r{T4}, r{T4}, r{R_N} func={func}")
                e(f"VSTORE r{R_OUT}, r{T4}, r{R_BYTES}")
            _row_loop(e, h, regs, body)


def concat(e: Emitter, layer: Layer, tensors, sp, batch) -> None:
    tout = tensors[layer.name]
    _, h, w = layer.out_shape
    e.comment(f"concat of {len(layer.inputs)} tensors along channels")
    for b in range(batch):
        c_off = 0
        for name in layer.inputs:
            t = tensors[name]
            px = max(1, (sp["nbin"] // 2) // (t.c * WORD))
            for x0 in range(0, w, px):
                n = min(px, w - x0)
                e.li(R_BYTES, n * t.c * WORD)
                e.li(R_ROWS, n)
                e.li(R_RB, t.c * WORD)
                e.li(R_STR, tout.c * WORD)

                def body():
                    e.li(T4, NBIN)
                    e(f"VLOAD r{T4}, r{R_IN}, r{R_BYTES}")
                    e(f"MSTORE r{R_OUT}, r{T4}, r{R_ROWS}, r{R_RB}, r{R_STR}")
                _row_loop(e, h, [(R_IN, t.pixel_addr(b, 0, x0), t.row_bytes),
                                 (R_OUT, tout.pixel_addr(b, 0, x0, c_off), tout.row_bytes)], body)
            c_off += t.c


def upsample(e: Emitter, layer: Layer, tensors, sp, batch) -> None:
    tin, tout = tensors[layer.inputs[0]], tensors[layer.name]
    s = layer.stride[0]
    px = max(1, (sp["nbin"] // 2) // (tin.c * WORD))
    e.comment(f"nearest upsample x{s}: each input row stored {s * s} times")
    for b in range(batch):
        for x0 in range(0, tin.w, px):
            n = min(px, tin.w - x0)
            e.li(R_BYTES, n * tin.c * WORD)
            e.li(R_ROWS, n)
            e.li(R_RB, tin.c * WORD)
            e.li(R_STR, s * tin.c * WORD)

            def body():
                e.li(T4, NBIN)
                e(f"VLOAD r{T4}, r{R_IN}, r{R_BYTES}")
                for dy in range(s):
                    for dx in range(s):
                        e(f"SADDI r{T5}, r{R_OUT}, {dy * tout.row_bytes + dx * tout.c * WORD}")
                        e(f"MSTORE r{T5}, r{T4}, r{R_ROWS}, r{R_RB}, r{R_STR}")
            _row_loop(e, tin.h, [(R_IN, tin.pixel_addr(b, 0, x0), tin.row_bytes),
                                 (R_OUT, tout.pixel_addr(b, 0, x0 * s), s * tout.row_bytes)], body)
