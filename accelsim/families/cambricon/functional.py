"""Functional mode: run a compiled program on real data and hold it to a NumPy fixed-point reference.

The fixed-point format (the one both sides compute in):

* activations Q8.8 (``round(x * 256)``, saturated to i16) everywhere;
* weights of layer L in Q(15-f).f with ``f = weight_frac[L]``, the largest ``f <= 14`` with
  ``max|w| * 2**f <= 32767``; biases Q8.8;
* a conv or linear output is ``act(sat16(rshift(sum(w_q * x_q) + b_q * 2**f, f)))`` with the
  sum exact (i64, saturated to i32) and ``rshift`` rounding half up; ``act`` as in
  :func:`accelsim.families.cambricon.isa.pwl`;
* max pooling takes the max over the window (padding reads as 0); average pooling is
  ``sat16(rshift(sum * round(2**15 / window), 15))``; ``add`` saturates after each addend;
  ``mul`` is ``sat16(rshift(a * b, 8))``.

The reference (:func:`reference`) computes that in NCHW with NumPy, independently of the
program; :func:`run_functional` packs the quantized weights and input into a DRAM image in
the compiler's layout, executes the program on the interpreter, and unpacks every layer's
output for comparison.
"""

from __future__ import annotations

import math

import numpy as np

from accelsim.errors import AccelsimError
from accelsim.families.cambricon.codegen import ACTS
from accelsim.families.cambricon.isa import pwl, rshift, sat16, sat32
from accelsim.families.cambricon.layout import ACT_FRAC_BITS, TensorAlloc
from accelsim.workload.network import Network

ACT_ONE = 1 << ACT_FRAC_BITS


def weight_frac(w: np.ndarray) -> int:
    """Fraction bits for a weight tensor: the largest ``f <= 14`` with ``max|w| * 2**f <= 32767``."""
    m = float(np.max(np.abs(w))) if w.size else 0.0
    if m == 0.0:
        return 14
    return int(max(0, min(14, math.floor(math.log2(32767 / m)))))


def quantize_act(x: np.ndarray) -> np.ndarray:
    """Float activations to Q8.8 int64, rounded half up and saturated."""
    return sat16(np.floor(np.asarray(x, np.float64) * ACT_ONE + 0.5).astype(np.int64))


def quantize_weights(net: Network, weights) -> tuple[dict[str, dict[str, np.ndarray]], dict[str, int]]:
    """Integer weights (Q.f) and biases (Q8.8) per weighted layer, and each layer's ``f``."""
    q, fracs = {}, {}
    for layer in net.layers:
        if layer.op not in ("conv2d", "linear"):
            continue
        arr = weights[layer.name]
        f = weight_frac(arr["weight"])
        fracs[layer.name] = f
        entry = {"weight": sat16(np.floor(arr["weight"] * (1 << f) + 0.5).astype(np.int64))}
        if arr.get("bias") is not None:
            entry["bias"] = quantize_act(arr["bias"])
        q[layer.name] = entry
    return q, fracs


def _window_view(x: np.ndarray, kh: int, kw: int, s: int, pad: tuple[int, int, int, int]) -> np.ndarray:
    """``(n, c, ho, wo, kh, kw)`` windows of zero-padded ``x``."""
    t, l, b, r = pad
    xp = np.pad(x, ((0, 0), (0, 0), (t, b), (l, r)))
    v = np.lib.stride_tricks.sliding_window_view(xp, (kh, kw), axis=(2, 3))
    return v[:, :, ::s, ::s]


def reference(net: Network, qw: dict, fracs: dict[str, int], x_q: np.ndarray) -> dict[str, np.ndarray]:
    """Every layer's output (NCHW, int64 in i16 range) in the fixed-point format of the module docstring."""
    out = {"input": x_q}
    for layer in net.layers:
        xs = [out[n] for n in layer.inputs]
        x = xs[0]
        func = ACTS.get(layer.activation, "none")
        if layer.op in ("conv2d", "linear"):
            w, f = qw[layer.name]["weight"], fracs[layer.name]
            if layer.op == "linear":
                acc = x.reshape(x.shape[0], -1) @ w.T
                acc = acc[:, :, None, None]
            else:
                if layer.dilation != (1, 1):
                    raise AccelsimError("dilated convolutions are not supported in functional mode", field=layer.name)
                win = _window_view(x, layer.kernel[0], layer.kernel[1], layer.stride[0], layer.padding)
                g = layer.groups
                n, c, ho, wo = win.shape[:4]
                og = w.shape[0] // g
                parts = []
                for gi in range(g):
                    xg = win[:, gi * (c // g):(gi + 1) * (c // g)]
                    wg = w[gi * og:(gi + 1) * og]
                    parts.append(np.einsum("nchwij,ocij->nohw", xg, wg, optimize=True))
                acc = np.concatenate(parts, axis=1)
            if "bias" in qw[layer.name]:
                acc = acc + (qw[layer.name]["bias"] << f).reshape(1, -1, 1, 1)
            y = pwl(sat16(rshift(sat32(acc), f)), func)
        elif layer.op == "maxpool":
            y = _window_view(x, *layer.kernel, layer.stride[0], layer.padding).max(axis=(-2, -1))
            y = pwl(y, func)
        elif layer.op == "avgpool":
            kh, kw = layer.kernel
            acc = _window_view(x, kh, kw, layer.stride[0], layer.padding).sum(axis=(-2, -1))
            y = pwl(sat16(rshift(acc * round((1 << 15) / (kh * kw)), 15)), func)
        elif layer.op == "add":
            y = xs[0]
            for other in xs[1:]:
                y = sat16(y + other)
            y = pwl(y, func)
        elif layer.op == "mul":
            y = xs[0]
            for other in xs[1:]:
                y = sat16(rshift(y * other, ACT_FRAC_BITS))
            y = pwl(y, func)
        elif layer.op == "activation":
            y = pwl(x, func)
        elif layer.op == "concat":
            y = np.concatenate(xs, axis=1)
        elif layer.op == "flatten":
            y = x.reshape(x.shape[0], -1, 1, 1)
        elif layer.op == "upsample":
            s = layer.stride[0]
            y = x.repeat(s, axis=2).repeat(s, axis=3)
        else:
            raise AccelsimError(f"functional mode cannot run op {layer.op!r}", field=layer.name)
        out[layer.name] = y
    return out


def _put(dram: np.ndarray, addr: int, values: np.ndarray) -> None:
    data = np.asarray(values, np.int64).astype("<i2").tobytes()
    dram[addr:addr + len(data)] = np.frombuffer(data, np.uint8)


def _get(dram: np.ndarray, addr: int, n: int) -> np.ndarray:
    return dram[addr:addr + 2 * n].view("<i2").astype(np.int64)


def pack(compiled, qw: dict, x_q: np.ndarray, dram: np.ndarray) -> None:
    """Write the input (HWC, inside its border) and the pre-tiled weights, biases and ones into ``dram``."""
    t = compiled.tensors["input"]
    for b in range(compiled.batch):
        _put_tensor(dram, t, b, x_q[b])
    for layer in compiled.layers:
        if layer.name not in compiled.weights:
            continue
        w = qw[layer.name]["weight"]
        f = compiled.weight_frac[layer.name]
        if layer.op == "linear":
            c, h, wd = compiled.flatten_from[layer.name]
            w4 = w.reshape(w.shape[0], c, h, wd).transpose(0, 2, 3, 1).reshape(w.shape[0], 1, 1, -1)
        else:
            w4 = w.transpose(0, 2, 3, 1)                       # (o, kh, kw, c/g)
        og = w.shape[0] // (layer.groups if layer.op == "conv2d" else 1)
        if layer.name in compiled.depthwise:   # per channel tile: [kh][kw][channels]
            w4 = w[:, 0].transpose(1, 2, 0)
            for blk in compiled.weights[layer.name]:
                _put(dram, blk.addr, w4[:, :, blk.co0:blk.co0 + blk.to].ravel())
            og = 1
        for blk in (() if layer.name in compiled.depthwise else compiled.weights[layer.name]):
            o0 = blk.group * og + blk.co0
            _put(dram, blk.addr, w4[o0:o0 + blk.to, :, :, blk.ci0:blk.ci0 + blk.ci].ravel())
        for bb in compiled.biases[layer.name]:
            o0 = bb.group * og + bb.co0
            _put(dram, bb.addr, qw[layer.name]["bias"][o0:o0 + bb.to])
        addr, pixels = compiled.ones[layer.name]
        _put(dram, addr, np.full(pixels, 1 << f))


def _put_tensor(dram: np.ndarray, t: TensorAlloc, b: int, chw: np.ndarray) -> None:
    hwc = np.asarray(chw).transpose(1, 2, 0)
    for y in range(t.h):
        _put(dram, t.pixel_addr(b, y, 0), hwc[y].ravel())


def unpack(compiled, dram: np.ndarray, name: str) -> np.ndarray:
    """Tensor ``name`` (NCHW) read back from a DRAM image."""
    t = compiled.tensors[name]
    out = np.empty((compiled.batch, t.c, t.h, t.w), np.int64)
    for b in range(compiled.batch):
        for y in range(t.h):
            out[b, :, y, :] = _get(dram, t.pixel_addr(b, y, 0), t.w * t.c).reshape(t.w, t.c).T
    return out


def run_functional(net: Network, spec, weights=None, seed: int = 0, batch: int = 1) -> dict:
    """Execute ``net`` on the interpreter with seeded (or given) weights and input; compare with the reference.

    Returns ``{"layers": {name: mismatching elements}, "max_abs_diff": {...}, "output": name,
    "dynamic_insns": n}``. Weights default to :func:`accelsim.compress.synthetic_weights` at
    ``seed``; the input is uniform in [-1, 1) from ``seed``.
    """
    from accelsim.compress import synthetic_weights
    from accelsim.families.cambricon.asm import assemble
    from accelsim.families.cambricon.compiler import compile_network
    from accelsim.families.cambricon.interp import Machine, run

    weights = weights if weights is not None else synthetic_weights(net, seed=seed)
    qw, fracs = quantize_weights(net, weights)
    compiled = compile_network(net, dict(spec.scratchpad_bytes), spec.matrix.rows, spec.matrix.cols, batch,
                               bytes_per_cycle=spec.dram.bandwidth_bytes_per_s / spec.clock_hz,
                               weight_frac=fracs, weight_format=spec.weight_format)
    rng = np.random.default_rng(seed)
    x_q = quantize_act(rng.uniform(-1.0, 1.0, size=(batch,) + tuple(net.input_shape)))
    machine = Machine.create(dict(spec.scratchpad_bytes), np.zeros(compiled.dram_bytes, np.uint8))
    pack(compiled, qw, x_q, machine.dram)
    counts = run(assemble(compiled.text), machine, functional=True)
    ref = reference(net, qw, fracs, x_q)
    layers, diffs = {}, {}
    for layer in net.layers:
        if layer.op == "flatten":   # aliases its HWC input; the consumer's weights absorb the order
            continue
        got = unpack(compiled, machine.dram, layer.name)
        want = ref[layer.name].reshape(got.shape)
        layers[layer.name] = int(np.count_nonzero(got != want))
        diffs[layer.name] = int(np.max(np.abs(got - want))) if got.size else 0
    return {"layers": layers, "max_abs_diff": diffs, "output": net.layers[-1].name,
            "dynamic_insns": int(sum(counts.values()))}
