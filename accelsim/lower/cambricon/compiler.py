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
DMA code in the same shape. Layouts: :mod:`accelsim.lower.cambricon.layout`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accelsim.errors import AccelsimError
from accelsim.lower.cambricon.isa import SCRATCHPADS
from accelsim.lower.cambricon.layout import (ALIGN, PSUM, WORD, BiasBlock, ConvTiling, TensorAlloc, WeightBlock,
                                             _ceil, _fits, conv_tiling, divisors)
from accelsim.workload.layer import Layer
from accelsim.workload.network import Network

NBIN, SB, NBOUT = SCRATCHPADS["nbin"], SCRATCHPADS["sb"], SCRATCHPADS["nbout"]
DEFAULT_WEIGHT_FRAC = 12
ACTS = {None: "none", "none": "none", "relu": "relu", "sigmoid": "sigmoid", "tanh": "tanh", "relu6": "relu6",
        "leaky_relu": "leaky"}


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


class _Emitter:
    """Collects assembly lines; hands out unique labels."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.n = 0

    def __call__(self, line: str) -> None:
        self.lines.append("    " + line)

    def label(self, stem: str) -> str:
        self.n += 1
        return f"{stem}_{self.n}"

    def place(self, label: str) -> None:
        self.lines.append(f"{label}:")

    def comment(self, text: str) -> None:
        self.lines.append(f"    ; {text}")

    def li(self, reg: int, value: int) -> None:
        self(f"SLI r{reg}, {value:#x}" if value >= 4096 else f"SLI r{reg}, {value}")


class _Alloc:
    def __init__(self) -> None:
        self.top = 0

    def take(self, n_bytes: int) -> int:
        addr = self.top
        self.top += -(-n_bytes // ALIGN) * ALIGN
        return addr


# registers (r0 reads 0)
R_IN, R_NB, R_W, R_PSUM, R_OUT = 1, 2, 3, 4, 5
R_D, R_M, R_V, R_OUTN, R_INN, R_SEG, R_SSTR = 6, 7, 8, 9, 10, 11, 12
R_TY, R_TX, R_OY0, R_OX0, R_TI, R_NBSUM = 13, 14, 24, 25, 26, 27
T1, T2, T3, T4, T5 = 17, 18, 19, 23, 28
R_ROWS, R_RB, R_STR, R_N, R_ONE, R_ONES, R_BIAS = 20, 21, 22, 29, 30, 31, 32
R_BYTES = 33
R_G, R_CO, R_CI, R_WADDR, R_BADDR, R_INB, R_OUTB, R_INB_G, R_OUTB_G, R_SBSUM = range(41, 51)
R_INS = (1, 34, 35, 36, 37, 38, 39, 40)   # element-wise inputs


def compile_network(net: Network, sp_bytes: dict[str, int], rows: int, cols: int, batch: int = 1,
                    weight_frac: dict[str, int] | None = None) -> CompiledNetwork:
    """Compile ``net`` for scratchpads of ``sp_bytes`` and a ``rows x cols`` matrix unit.

    ``weight_frac`` gives each weighted layer's weight fraction bits (default 12, i.e. Q3.12);
    the functional runner picks them from the real weights. Raises :class:`AccelsimError`
    naming the layer for an op the compiler does not support or a scratchpad too small.
    """
    weight_frac = dict(weight_frac or {})
    tensors, flatten_from = _allocate_tensors(net, batch)
    alloc = _Alloc()
    alloc.top = max(t.addr + t.image_bytes * batch for t in tensors.values())
    e = _Emitter()
    e.lines.append(f"; {net.name}: {len(net.layers)} layers, batch {batch}; activations Q8.8, HWC in DRAM")
    weights, biases, ones, labels = {}, {}, {}, []
    for i, layer in enumerate(net.layers):
        label = f"layer{i}"
        labels.append(label)
        e.lines.append("")
        e.lines.append(f"; ---- layer {i}: {layer.name} ({layer.op})")
        e.place(label)
        if layer.op in ("conv2d", "linear"):
            fw = weight_frac.setdefault(layer.name, DEFAULT_WEIGHT_FRAC)
            w, b, o = _conv(e, layer, net, tensors, sp_bytes, rows, cols, batch, alloc, fw)
            weights[layer.name], biases[layer.name], ones[layer.name] = w, b, o
        elif layer.op in ("maxpool", "avgpool"):
            _pool(e, layer, tensors, sp_bytes, batch)
        elif layer.op in ("add", "mul", "activation"):
            _eltwise(e, layer, tensors, sp_bytes, batch)
        elif layer.op == "concat":
            _concat(e, layer, tensors, sp_bytes, batch)
        elif layer.op == "upsample":
            _upsample(e, layer, tensors, sp_bytes, batch)
        elif layer.op == "flatten":
            e.comment("flatten: no code (the output aliases the HWC input)")
        else:
            raise AccelsimError(f"the DianNao/Cambricon compiler does not support op {layer.op!r}; supported: "
                                "conv2d, linear, maxpool, avgpool, add, mul, activation, concat, upsample, flatten",
                                field=layer.name)
    e.lines.append("")
    e("HALT")
    return CompiledNetwork("\n".join(e.lines) + "\n", tuple(labels), net.layers, tensors, weights, biases, ones,
                           alloc.top, batch, weight_frac, flatten_from)


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
    alloc = _Alloc()
    tensors: dict[str, TensorAlloc] = {}
    flatten_from: dict[str, tuple[int, int, int]] = {}

    def new(name: str, shape) -> TensorAlloc:
        c, h, w = shape
        p = pad.get(name, 0)
        size = (h + 2 * p) * (w + 2 * p) * c * WORD
        return TensorAlloc(name, c, h, w, p, alloc.take(size * batch), -(-size // ALIGN) * ALIGN)

    tensors["input"] = new("input", net.input_shape)
    for layer in net.layers:
        if layer.op == "flatten":
            src = tensors[layer.inputs[0]]
            if src.pad:
                raise AccelsimError("a flattened tensor cannot also feed a padded layer", field=layer.name)
            tensors[layer.name] = TensorAlloc(layer.name, src.c * src.h * src.w, 1, 1, 0, src.addr, src.image_bytes)
            flatten_from[layer.name] = (src.c, src.h, src.w)
            continue
        tensors[layer.name] = new(layer.name, layer.out_shape)
    for layer in net.layers:
        if layer.op == "linear":
            src = layer.inputs[0]
            if tensors[src].pad:
                raise AccelsimError("a linear layer's input cannot also feed a padded layer", field=layer.name)
            shape = flatten_from.get(src) or layer.in_shapes[0]
            flatten_from[layer.name] = tuple(shape)
    return tensors, flatten_from


# ----------------------------------------------------------------------------- conv and linear

def _conv(e: _Emitter, layer: Layer, net: Network, tensors, sp, rows, cols, batch, alloc: _Alloc, fw: int):
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
    til = conv_tiling(cg, og, ho, wo, kh, kw, s, sp, rows, cols, layer.name)
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
    whole = cg == view.c and ci == cg
    for b in range(batch):
        e.comment(f"image {b}")
        e.li(R_INB_G, view.pixel_addr(b, -pt, -pl))
        e.li(R_OUTB_G, tout.pixel_addr(b, 0, 0))
        g_top = _loop_open(e, R_G)
        e(f"SADDI r{R_OUTB}, r{R_OUTB_G}, 0")
        co_top = _loop_open(e, R_CO)
        if layer.bias:
            e.li(T5, bias_at)
            e.li(R_N, to * WORD)
            e(f"VLOAD r{T5}, r{R_BADDR}, r{R_N}")
            e(f"SADDI r{R_BADDR}, r{R_BADDR}, {to * WORD}")
        e(f"SADDI r{R_INB}, r{R_INB_G}, 0")
        ci_top = _loop_open(e, R_CI)
        e(f"SSUB r{R_W}, r{R_SBSUM}, r{R_W}")     # the other SB half: this block loads under the last one
        e.li(R_N, wblock)
        e(f"VLOAD r{R_W}, r{R_WADDR}, r{R_N}")
        e(f"SADDI r{R_WADDR}, r{R_WADDR}, {wblock}")
        _conv_tile_loop(e, til, view, tout, kh, kw, s, ho, wo, to, ci, whole, n_ci, layer.bias, scratch, fw, func,
                        psum_at, out_at, ones_at, bias_at)
        e(f"SADDI r{R_INB}, r{R_INB}, {ci * WORD}")
        _loop_close(e, ci_top, R_CI, n_ci)
        e(f"SADDI r{R_OUTB}, r{R_OUTB}, {to * WORD}")
        _loop_close(e, co_top, R_CO, n_co)
        e(f"SADDI r{R_INB_G}, r{R_INB_G}, {cg * WORD}")
        e(f"SADDI r{R_OUTB_G}, r{R_OUTB_G}, {og * WORD}")
        _loop_close(e, g_top, R_G, g_n)
        if layer.bias:
            e.li(R_BADDR, bblocks[0].addr)
        e.li(R_WADDR, w_base)
    return wblocks, bblocks, ones


def _loop_open(e: _Emitter, counter: int) -> str:
    e(f"SLI r{counter}, 0")
    top = e.label("loop")
    e.place(top)
    return top


def _loop_close(e: _Emitter, top: str, counter: int, count: int) -> None:
    e(f"SADDI r{counter}, r{counter}, 1")
    e.li(T1, count)
    e(f"SLT r{T3}, r{counter}, r{T1}")
    e(f"CB r{T3}, {top}")


def _clamped_origin(e: _Emitter, counter: int, dst: int, step: int, limit: int) -> None:
    """dst = min(counter * step, limit)."""
    done = e.label("ok")
    e.li(T1, step)
    e(f"SMUL r{dst}, r{counter}, r{T1}")
    e.li(T2, limit)
    e(f"SLT r{T3}, r{T2}, r{dst}")
    e(f"CB r{T3}, {done}_clamp")
    e(f"JUMP {done}")
    e.place(f"{done}_clamp")
    e(f"SADDI r{dst}, r{T2}, 0")
    e.place(done)


def _tile_loop_head(e: _Emitter, n_ty: int, n_tx: int) -> str:
    e(f"SLI r{R_TY}, 0")
    e(f"SLI r{R_TX}, 0")
    e(f"SLI r{R_TI}, 0")
    e.li(R_NB, NBIN)
    top = e.label("tile")
    e.place(top)
    return top


def _tile_loop_tail(e: _Emitter, top: str, n_ty: int, n_tx: int) -> None:
    e(f"SSUB r{R_NB}, r{R_NBSUM}, r{R_NB}")        # the other NBin half for the next tile
    e(f"SADDI r{R_TI}, r{R_TI}, 1")
    e(f"SADDI r{R_TX}, r{R_TX}, 1")
    e.li(T1, n_tx)
    e(f"SLT r{T3}, r{R_TX}, r{T1}")
    e(f"CB r{T3}, {top}")
    e(f"SLI r{R_TX}, 0")
    e(f"SADDI r{R_TY}, r{R_TY}, 1")
    e.li(T1, n_ty)
    e(f"SLT r{T3}, r{R_TY}, r{T1}")
    e(f"CB r{T3}, {top}")


def _addr(e: _Emitter, dst: int, base_reg: int, y_step: int, x_step: int) -> None:
    """dst = r[base_reg] + R_OY0 * y_step + R_OX0 * x_step."""
    e.li(T1, y_step)
    e(f"SMUL r{T1}, r{R_OY0}, r{T1}")
    e.li(T2, x_step)
    e(f"SMUL r{T2}, r{R_OX0}, r{T2}")
    e(f"SADD r{T1}, r{T1}, r{T2}")
    e(f"SADD r{dst}, r{base_reg}, r{T1}")


def _load_tile(e: _Emitter, view: TensorAlloc, rows_in: int, cols_in: int, ch: int, whole: bool) -> None:
    """MLOAD the input tile at DRAM R_IN into NBin at R_NB, packed HWC (``ch`` channels a pixel)."""
    if whole:  # a tile row of pixels is contiguous in DRAM
        e.li(R_ROWS, rows_in)
        e.li(R_RB, cols_in * ch * WORD)
        e.li(R_STR, view.row_bytes)
        e(f"MLOAD r{R_NB}, r{R_IN}, r{R_ROWS}, r{R_RB}, r{R_STR}")
        return
    e.li(R_ROWS, cols_in)
    e.li(R_RB, ch * WORD)
    e.li(R_STR, view.c * WORD)
    for r in range(rows_in):
        e(f"SADDI r{T4}, r{R_NB}, {r * cols_in * ch * WORD}")
        e(f"SADDI r{T5}, r{R_IN}, {r * view.row_bytes}")
        e(f"MLOAD r{T4}, r{T5}, r{R_ROWS}, r{R_RB}, r{R_STR}")


def _store_tile(e: _Emitter, tout: TensorAlloc, rb: int, wb: int, wo: int, ch: int, src: int) -> None:
    """MSTORE an ``rb x wb x ch`` i16 tile from NBout ``src`` to DRAM R_OUT (rows of the bordered tensor)."""
    e.li(T5, src)
    if ch == tout.c and wb == wo:
        e.li(R_ROWS, rb)
        e.li(R_RB, wb * ch * WORD)
        e.li(R_STR, tout.row_bytes)
        e(f"MSTORE r{R_OUT}, r{T5}, r{R_ROWS}, r{R_RB}, r{R_STR}")
        return
    e.li(R_ROWS, wb)
    e.li(R_RB, ch * WORD)
    e.li(R_STR, tout.c * WORD)
    for r in range(rb):
        e(f"SADDI r{T4}, r{R_OUT}, {r * tout.row_bytes}")
        e(f"SADDI r{T1}, r{T5}, {r * wb * ch * WORD}")
        e(f"MSTORE r{T4}, r{T1}, r{R_ROWS}, r{R_RB}, r{R_STR}")


def _conv_tile_loop(e, til: ConvTiling, view, tout, kh, kw, s, ho, wo, to, ci, whole, n_ci, bias, scratch, fw,
                    func, psum_at, out_at, ones_at, bias_at) -> None:
    """The spatial tile loop of one (group, output tile, input tile) block; R_CI tells first/last block."""
    rb, wb = til.rb, til.wb
    rows_in, cols_in = til.in_rows(kh, s), til.in_cols(kw, s)
    n_ty, n_tx = _ceil(ho, rb), _ceil(wo, wb)
    pixels = rb * wb
    psum_bytes = pixels * to * PSUM
    e.li(R_PSUM, psum_at)
    e.li(R_OUTN, to)
    e.li(R_INN, kh * kw * ci)
    e.li(R_SEG, kh)
    e.li(R_SSTR, cols_in * ci * WORD)
    e.li(R_ONES, ones_at)
    e.li(R_BIAS, bias_at)
    top = _tile_loop_head(e, n_ty, n_tx)
    _clamped_origin(e, R_TY, R_OY0, rb, ho - rb)
    _clamped_origin(e, R_TX, R_OX0, wb, wo - wb)
    _addr(e, R_IN, R_INB, s * view.row_bytes, s * view.c * WORD)
    _load_tile(e, view, rows_in, cols_in, ci, whole)
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
        e(f"SADDI r{R_V}, r{R_NB}, {oy * s * cols_in * ci * WORD}")
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
    _addr(e, R_OUT, R_OUTB, tout.row_bytes, tout.c * WORD)
    _store_tile(e, tout, rb, wb, wo, to, out_at)
    if n_ci > 1:
        e(f"JUMP {done}")
        e.place(f"{finish}_spill")
        _scratch_addr(e, psum_bytes, scratch)
        e(f"VSTORE r{T4}, r{R_PSUM}, r{T1}")
    e.place(done)
    _tile_loop_tail(e, top, n_ty, n_tx)


def _scratch_addr(e: _Emitter, psum_bytes: int, scratch: int) -> None:
    """T4 = this spatial tile's partial-sum slot in DRAM; T1 = its size in bytes."""
    e.li(T1, psum_bytes)
    e(f"SMUL r{T4}, r{R_TI}, r{T1}")
    e.li(T2, scratch)
    e(f"SADD r{T4}, r{T4}, r{T2}")


# ----------------------------------------------------------------------------- pooling

def _pool(e: _Emitter, layer: Layer, tensors, sp, batch) -> None:
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
        c_top = _loop_open(e, R_CI)
        top = _tile_loop_head(e, n_ty, n_tx)
        _clamped_origin(e, R_TY, R_OY0, rb, ho - rb)
        _clamped_origin(e, R_TX, R_OX0, wb, wo - wb)
        _addr(e, R_IN, R_INB, s * tin.row_bytes, s * tin.c * WORD)
        _load_tile(e, tin, rows_in, cols_in, cn, cn == tin.c)
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
                        e(f"SADDI r{R_V}, r{R_NB}, {off}")
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
        elif layer.activation == "relu":
            e.li(T1, pixels * cn)
            e.li(T5, out_at)
            e(f"VPWL r{T5}, r{T5}, r{T1} func=relu")
        _addr(e, R_OUT, R_OUTB, tout.row_bytes, tout.c * WORD)
        _store_tile(e, tout, rb, wb, wo, cn, out_at)
        _tile_loop_tail(e, top, n_ty, n_tx)
        e(f"SADDI r{R_INB}, r{R_INB}, {cn * WORD}")
        e(f"SADDI r{R_OUTB}, r{R_OUTB}, {cn * WORD}")
        _loop_close(e, c_top, R_CI, n_ct)


# ----------------------------------------------------------------------------- row-wise layers

def _row_chunks(row_elems: int, budget_bytes: int) -> list[tuple[int, int]]:
    """``(first element, count)`` pieces of a row that fit ``budget_bytes`` of i16 each."""
    n = max(1, budget_bytes // WORD)
    return [(i, min(n, row_elems - i)) for i in range(0, row_elems, n)]


def _row_loop(e: _Emitter, n_rows: int, regs: list[tuple[int, int, int]], body) -> None:
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


def _eltwise(e: _Emitter, layer: Layer, tensors, sp, batch) -> None:
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


def _concat(e: _Emitter, layer: Layer, tensors, sp, batch) -> None:
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


def _upsample(e: _Emitter, layer: Layer, tensors, sp, batch) -> None:
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
