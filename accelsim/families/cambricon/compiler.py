"""Compile a Network into one assembly program for a DianNao/Cambricon-style core.

Every layer becomes a block of code starting at label ``layer<i>``: static loops over
channel tiles (output tiles x input tiles, per group; the DianNao way of cutting a layer into
Tn-wide pieces that fit NBin/SB/NBout) around a program loop over spatial tiles. Per spatial
tile: one strided ``MLOAD`` of the input tile into one half of NBin (halves alternate, so
the next tile's load need not wait for the current tile's multiplies), partial sums
initialised from the bias by an outer product (``OP``) or reloaded from DRAM when the input
channels span several tiles, one ``MMV`` per output pixel (the window gathered as ``kh``
segments), then ``VACT`` (rounding shift by the weight's fraction bits, saturation, ReLU) and
a strided ``MSTORE``. Pooling, element-wise, concat and upsample layers are vector-unit and
DMA code in the same shape. Layouts: :mod:`accelsim.families.cambricon.layout`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accelsim.errors import AccelsimError
from accelsim.families.cambricon.codegen import (
    ACTS, NBIN, NBOUT, R_BADDR, R_BIAS, R_CI, R_CO, R_D, R_G, R_IN, R_INB, R_INB_G, R_INN, R_N, R_NBSUM,
    R_ONE, R_ONES, R_OUT, R_OUTB, R_OUTB_G, R_OUTN, R_PSUM, R_SBSUM, R_SEG, R_SSTR, R_TI, R_TY,
    R_V, R_W, R_WADDR, SB, T1, T2, T3, T4, T5, Alloc, Emitter, addr, load_tile, loop_close,
    loop_open, store_tile, prefetched_tiles, R_CY, R_CX, R_CNB, R_Z)
from accelsim.families.cambricon.layout import (ALIGN, PSUM, WORD, BiasBlock, ConvTiling, TensorAlloc, WeightBlock, _ceil,
                                             conv_tiling)
from accelsim.families.cambricon.depthwise import depthwise, is_depthwise
from accelsim.families.cambricon.vector_layers import concat, eltwise, pool, upsample
from accelsim.workload.layer import Layer
from accelsim.workload.network import Network

DEFAULT_WEIGHT_FRAC = 12


@dataclass(frozen=True)
class CompiledNetwork:
    """The program text and everything a loader needs to place data in DRAM.

    ``labels[i]`` starts layer ``i``'s code; ``tensors`` maps a tensor (``input`` or a layer
    name) to its DRAM allocation; ``weights``/``biases``/``ones`` the pre-tiled parameter
    blocks per layer; ``dram_bytes`` the DRAM image size; ``weight_frac`` the fraction bits
    used per weighted layer; ``flatten_from`` maps a linear layer to the ``(c, h, w)`` shape
    its input had before flattening (weights are permuted from CHW to HWC order).
    """

    text: str
    labels: tuple[str, ...]
    layers: tuple[Layer, ...]
    tensors: dict[str, TensorAlloc]
    weights: dict[str, tuple[WeightBlock, ...]]
    biases: dict[str, tuple[BiasBlock, ...]]
    ones: dict[str, tuple[int, int]]
    dram_bytes: int
    batch: int
    weight_frac: dict[str, int] = field(default_factory=dict)
    flatten_from: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    depthwise: frozenset = frozenset()   # layers compiled for the vector unit, weights [kh][kw][channels]


def compile_network(net: Network, sp_bytes: dict[str, int], rows: int, cols: int, batch: int = 1,
                    weight_frac: dict[str, int] | None = None, bytes_per_cycle: float = 16.0,
                    weight_format: str = "dense") -> CompiledNetwork:
    """Compile ``net`` for scratchpads of ``sp_bytes`` and a ``rows x cols`` matrix unit.

    ``bytes_per_cycle`` (DRAM bytes per core cycle) weighs DRAM time against NFU time in
    the tile choice. With a sparse ``weight_format`` (``accelsim.compress.prune.WEIGHT_FORMATS``)
    conv and FC weight blocks load with ``VLOADZ``: each block moves its share of the layer's
    stored bytes (:func:`stored_block_bytes`) and lands dense in SB. ``weight_frac`` gives each weighted layer's weight fraction bits (default 12, i.e. Q3.12);
    the functional runner picks them from the real weights. Raises :class:`AccelsimError`
    naming the layer for an op the compiler does not support or a scratchpad too small.
    """
    weight_frac = dict(weight_frac or {})
    tensors, flatten_from = _allocate_tensors(net, batch)
    alloc = Alloc()
    alloc.top = max(t.addr + t.image_bytes * batch for t in tensors.values())
    e = Emitter()
    e.lines.append(f"; {net.name}: {len(net.layers)} layers, batch {batch}; activations Q8.8, HWC in DRAM")
    weights, biases, ones, labels, dw = {}, {}, {}, [], set()
    for i, layer in enumerate(net.layers):
        label = f"layer{i}"
        labels.append(label)
        e.lines.append("")
        e.lines.append(f"; ---- layer {i}: {layer.name} ({layer.op})")
        e.place(label)
        if layer.op in ("conv2d", "linear"):
            fw = weight_frac.setdefault(layer.name, DEFAULT_WEIGHT_FRAC)
            if is_depthwise(layer):
                w, b, o = depthwise(e, layer, tensors, sp_bytes, batch, alloc, fw)
                dw.add(layer.name)
            else:
                w, b, o = _conv(e, layer, net, tensors, sp_bytes, rows, cols, batch, alloc, fw, bytes_per_cycle,
                                weight_format)
            weights[layer.name], biases[layer.name], ones[layer.name] = w, b, o
        elif layer.op in ("maxpool", "avgpool"):
            pool(e, layer, tensors, sp_bytes, batch)
        elif layer.op in ("add", "mul", "activation"):
            eltwise(e, layer, tensors, sp_bytes, batch)
        elif layer.op == "concat":
            concat(e, layer, tensors, sp_bytes, batch)
        elif layer.op == "upsample":
            upsample(e, layer, tensors, sp_bytes, batch)
        elif layer.op == "flatten":
            e.comment("flatten: no code (the output aliases the HWC input)")
        else:
            raise AccelsimError(f"the DianNao/Cambricon compiler does not support op {layer.op!r}; supported: "
                                "conv2d, linear, maxpool, avgpool, add, mul, activation, concat, upsample, flatten",
                                field=layer.name)
    e.lines.append("")
    e("HALT")
    return CompiledNetwork("\n".join(e.lines) + "\n", tuple(labels), net.layers, tensors, weights, biases, ones,
                           alloc.top, batch, weight_frac, flatten_from, frozenset(dw))


# ----------------------------------------------------------------------------- allocation

def _allocate_tensors(net: Network, batch: int) -> tuple[dict[str, TensorAlloc], dict]:
    """DRAM for every activation tensor, with a border as wide as its widest consumer's padding."""
    pad = {"input": 0}
    for layer in net.layers:
        pad.setdefault(layer.name, 0)
        if layer.op in ("conv2d", "maxpool", "avgpool"):
            t, l, b, r = layer.padding
            src = layer.inputs[0]
            pad[src] = max(pad.get(src, 0), t, l, b, r)
    alloc = Alloc()
    tensors: dict[str, TensorAlloc] = {}
    flatten_from: dict[str, tuple[int, int, int]] = {}
    flattened: dict[str, tuple[int, int, int]] = {}

    def new(name: str, shape) -> TensorAlloc:
        c, h, w = shape
        p = pad.get(name, 0)
        size = (h + 2 * p) * (w + 2 * p) * c * WORD
        per_image = -(-size // ALIGN) * ALIGN
        return TensorAlloc(name, c, h, w, p, alloc.take(per_image * batch), per_image)

    tensors["input"] = new("input", net.input_shape)
    for layer in net.layers:
        if layer.op == "flatten":
            src = tensors[layer.inputs[0]]
            if src.pad:
                raise AccelsimError("a flattened tensor cannot also feed a padded layer", field=layer.name)
            tensors[layer.name] = TensorAlloc(layer.name, src.c * src.h * src.w, 1, 1, 0, src.addr, src.image_bytes)
            flattened[layer.name] = (src.c, src.h, src.w)
            continue
        tensors[layer.name] = new(layer.name, layer.out_shape)
    for layer in net.layers:
        if layer.op == "linear":
            src = layer.inputs[0]
            if tensors[src].pad:
                raise AccelsimError("a linear layer's input cannot also feed a padded layer", field=layer.name)
            shape = flattened.get(src) or layer.in_shapes[0]
            flatten_from[layer.name] = tuple(shape)
    return tensors, flatten_from


# ----------------------------------------------------------------------------- conv and linear

def stored_block_bytes(layer: Layer, block_bytes: int, weight_format: str) -> int:
    """DRAM bytes of one ``block_bytes`` dense weight block of ``layer`` stored in ``weight_format``.

    The layer's stored size at 16-bit values (:func:`accelsim.compress.prune.stored_bytes`),
    shared out over its blocks in proportion to their dense bytes (rounded up, at least 1).
    """
    if weight_format == "dense":
        return block_bytes
    from accelsim.compress.prune import stored_bytes
    dense = stored_bytes(layer, "dense", 8 * WORD)
    return max(1, -(-block_bytes * stored_bytes(layer, weight_format, 8 * WORD) // dense))


def _conv(e: Emitter, layer: Layer, net: Network, tensors, sp, rows, cols, batch, alloc: Alloc, fw: int,
          bytes_per_cycle: float, weight_format: str = "dense"):
    tin, tout = tensors[layer.inputs[0]], tensors[layer.name]
    if layer.op == "linear":
        kh = kw = s = 1
        cg, og, g_n, ho, wo, pt, pl = tin.c * tin.h * tin.w, layer.out_shape[0], 1, 1, 1, 0, 0
        view = TensorAlloc(tin.name, cg, 1, 1, 0, tin.addr, tin.image_bytes)
    else:
        if layer.dilation != (1, 1) or layer.stride[0] != layer.stride[1]:
            raise AccelsimError("dilated or non-square-stride convolutions are not supported by the DianNao/Cambricon "
                                "compiler", field=layer.name)
        kh, kw = layer.kernel
        s = layer.stride[0]
        g_n = layer.groups
        cg, og = tin.c // g_n, layer.out_shape[0] // g_n
        _, ho, wo = layer.out_shape
        pt, pl = layer.padding[0], layer.padding[1]
        view = tin
    til = conv_tiling(cg, og, ho, wo, kh, kw, s, sp, rows, cols, layer.name, bytes_per_cycle)
    func = ACTS.get(layer.activation)
    if func is None:
        raise AccelsimError(f"activation {layer.activation!r} has no DianNao/Cambricon lowering; supported: relu, "
                            "relu6, leaky_relu, sigmoid, tanh", field=layer.name)
    to, ci = til.to, til.ci
    n_co, n_ci = og // to, cg // ci            # conv_tiling picks divisors: every block has one shape
    wblock = to * kh * kw * ci * WORD
    wblocks = tuple(WeightBlock(0, g, j * to, to, k * ci, ci) for g in range(g_n) for j in range(n_co)
                    for k in range(n_ci))
    w_base = alloc.take(wblock * len(wblocks))
    wblocks = tuple(WeightBlock(w_base + i * wblock, *(w.group, w.co0, w.to, w.ci0, w.ci)) for i, w in enumerate(wblocks))
    bblocks = ()
    if layer.bias:
        b_base = alloc.take(g_n * og * WORD)
        bblocks = tuple(BiasBlock(b_base + (g * n_co + j) * to * WORD, g, j * to, to) for g in range(g_n)
                        for j in range(n_co))
    pixels = til.rb * til.wb
    ones = (alloc.take(pixels * WORD), pixels)
    n_ty, n_tx = _ceil(ho, til.rb), _ceil(wo, til.wb)
    scratch = alloc.take(n_ty * n_tx * pixels * to * PSUM) if n_ci > 1 else 0
    e.comment(f"tile: {til.rb}x{til.wb} output pixels, {to} outputs x {ci} inputs per block; {g_n} group(s) x "
              f"{n_co} output tiles x {n_ci} input tiles x {n_ty}x{n_tx} spatial tiles; weights Q.{fw}")
    half_nb, half_sb = sp["nbin"] // 2, sp["sb"] // 2
    psum_at, out_at = NBOUT, NBOUT + pixels * to * PSUM
    ones_at = out_at + pixels * to * WORD
    bias_at = ones_at + pixels * WORD
    e.li(R_ONE, 1)
    e.li(T4, ones[0])
    e.li(T5, ones_at)
    e.li(R_N, pixels * WORD)
    e(f"VLOAD r{T5}, r{T4}, r{R_N}")
    e.li(R_NBSUM, 2 * NBIN + half_nb)
    e.li(R_SBSUM, 2 * SB + half_sb)
    e.li(R_W, SB)
    e.li(R_WADDR, w_base)
    if layer.bias:
        e.li(R_BADDR, bblocks[0].addr)
    if weight_format != "dense":
        e.comment(f"weights stored {weight_format} in DRAM: {stored_block_bytes(layer, wblock, weight_format)} B a "
                  f"block, {wblock} B in SB")
        e.li(R_Z, stored_block_bytes(layer, wblock, weight_format))
    whole = cg == view.c and ci == cg
    for b in range(batch):
        e.comment(f"image {b}")
        e.li(R_INB_G, view.pixel_addr(b, -pt, -pl))
        e.li(R_OUTB_G, tout.pixel_addr(b, 0, 0))
        g_top = loop_open(e, R_G)
        e(f"SADDI r{R_OUTB}, r{R_OUTB_G}, 0")
        co_top = loop_open(e, R_CO)
        if layer.bias:
            e.li(T5, bias_at)
            e.li(R_N, to * WORD)
            e(f"VLOAD r{T5}, r{R_BADDR}, r{R_N}")
            e(f"SADDI r{R_BADDR}, r{R_BADDR}, {to * WORD}")
        e(f"SADDI r{R_INB}, r{R_INB_G}, 0")
        ci_top = loop_open(e, R_CI)
        e(f"SSUB r{R_W}, r{R_SBSUM}, r{R_W}")     # the other SB half: this block loads under the last one
        e.li(R_N, wblock)
        e(f"VLOAD r{R_W}, r{R_WADDR}, r{R_N}" if weight_format == "dense" else f"VLOADZ r{R_W}, r{R_WADDR}, r{R_N}, r{R_Z}")
        e(f"SADDI r{R_WADDR}, r{R_WADDR}, {wblock}")
        _conv_tile_loop(e, til, view, tout, kh, kw, s, ho, wo, to, ci, whole, n_ci, layer.bias, scratch, fw, func,
                        psum_at, out_at, ones_at, bias_at)
        e(f"SADDI r{R_INB}, r{R_INB}, {ci * WORD}")
        loop_close(e, ci_top, R_CI, n_ci)
        e(f"SADDI r{R_OUTB}, r{R_OUTB}, {to * WORD}")
        loop_close(e, co_top, R_CO, n_co)
        e(f"SADDI r{R_INB_G}, r{R_INB_G}, {cg * WORD}")
        e(f"SADDI r{R_OUTB_G}, r{R_OUTB_G}, {og * WORD}")
        loop_close(e, g_top, R_G, g_n)
        if layer.bias:
            e.li(R_BADDR, bblocks[0].addr)
        e.li(R_WADDR, w_base)
    return wblocks, bblocks, ones


def _conv_tile_loop(e, til: ConvTiling, view, tout, kh, kw, s, ho, wo, to, ci, whole, n_ci, bias, scratch, fw,
                    func, psum_at, out_at, ones_at, bias_at) -> None:
    """The spatial tile loop of one (group, output tile, input tile) block; R_CI tells first/last block."""
    rb, wb = til.rb, til.wb
    rows_in, cols_in = til.in_rows(kh, s), til.in_cols(kw, s)
    n_ty, n_tx = _ceil(ho, rb), _ceil(wo, wb)
    pixels = rb * wb
    e.li(R_PSUM, psum_at)
    e.li(R_OUTN, to)
    e.li(R_INN, kh * kw * ci)
    e.li(R_SEG, kh)
    e.li(R_SSTR, cols_in * ci * WORD)
    e.li(R_ONES, ones_at)
    e.li(R_BIAS, bias_at)

    def load():
        addr(e, R_IN, R_INB, s * view.row_bytes, s * view.c * WORD)
        load_tile(e, view, rows_in, cols_in, ci, whole)

    def body():
        _conv_tile_body(e, til, tout, kh, kw, s, wo, to, ci, n_ci, bias, scratch, fw, func, psum_at, out_at)
    prefetched_tiles(e, n_ty, n_tx, rb, wb, ho, wo, load, body)


def _conv_tile_body(e, til, tout, kh, kw, s, wo, to, ci, n_ci, bias, scratch, fw, func, psum_at, out_at) -> None:
    """Partial sums of one spatial tile: init (bias or reload), one MMV per pixel, finish or spill."""
    rb, wb = til.rb, til.wb
    cols_in = til.in_cols(kw, s)
    pixels = rb * wb
    psum_bytes = pixels * to * PSUM
    init, ready = e.label("init"), e.label("ready")
    if n_ci > 1:
        e(f"CB r{R_CI}, {init}_reload")
    if bias:
        e.li(T1, pixels)
        e(f"OP r{R_PSUM}, r{R_ONES}, r{R_BIAS}, r{T1}, r{R_OUTN} acc=0")
    else:
        e.li(R_N, psum_bytes)
        e(f"VCLR r{R_PSUM}, r{R_N}")
    if n_ci > 1:
        e(f"JUMP {ready}")
        e.place(f"{init}_reload")
        _scratch_addr(e, psum_bytes, scratch)
        e(f"VLOAD r{R_PSUM}, r{T4}, r{T1}")
    e.place(ready)
    for oy in range(rb):
        e(f"SADDI r{R_V}, r{R_CNB}, {oy * s * cols_in * ci * WORD}")
        e(f"SADDI r{R_D}, r{R_PSUM}, {oy * wb * to * PSUM}")
        if wb <= 8:
            for ox in range(wb):
                e(f"MMV r{R_D}, r{R_W}, r{R_V}, r{R_OUTN}, r{R_INN}, r{R_SEG}, r{R_SSTR} acc=1")
                if ox < wb - 1:
                    e(f"SADDI r{R_V}, r{R_V}, {s * ci * WORD}")
                    e(f"SADDI r{R_D}, r{R_D}, {to * PSUM}")
        else:
            px = e.label("px")
            e(f"SLI r{T3}, 0")
            e.li(T2, wb)
            e.place(px)
            e(f"MMV r{R_D}, r{R_W}, r{R_V}, r{R_OUTN}, r{R_INN}, r{R_SEG}, r{R_SSTR} acc=1")
            e(f"SADDI r{R_V}, r{R_V}, {s * ci * WORD}")
            e(f"SADDI r{R_D}, r{R_D}, {to * PSUM}")
            e(f"SADDI r{T3}, r{T3}, 1")
            e(f"SLT r{T1}, r{T3}, r{T2}")
            e(f"CB r{T1}, {px}")
    finish, done = e.label("finish"), e.label("stored")
    if n_ci > 1:
        e.li(T1, n_ci - 1)
        e(f"SLT r{T3}, r{R_CI}, r{T1}")
        e(f"CB r{T3}, {finish}_spill")
    e.li(R_N, pixels * to)
    e.li(T4, out_at)
    e(f"VACT r{T4}, r{R_PSUM}, r{R_N}, r{R_ONE} shift={fw} func={func}")
    addr(e, R_OUT, R_OUTB, tout.row_bytes, tout.c * WORD, R_CY, R_CX)
    store_tile(e, tout, rb, wb, wo, to, out_at)
    if n_ci > 1:
        e(f"JUMP {done}")
        e.place(f"{finish}_spill")
        _scratch_addr(e, psum_bytes, scratch)
        e(f"VSTORE r{T4}, r{R_PSUM}, r{T1}")
    e.place(done)


def _scratch_addr(e: Emitter, psum_bytes: int, scratch: int) -> None:
    """T4 = this spatial tile's partial-sum slot in DRAM; T1 = its size in bytes."""
    e.li(T1, psum_bytes)
    e(f"SMUL r{T4}, r{R_TI}, r{T1}")
    e.li(T2, scratch)
    e(f"SADD r{T4}, r{T4}, r{T2}")


