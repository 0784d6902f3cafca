"""A small NumPy reference executor: what a layer computes, on a batch, in float or in integers.

Activations are ``(batch, C, H, W)`` arrays. Convolution is im2col followed by a batched
matrix product (one per group), so the same code runs on float64 values and on int32 codes;
with int32 operands NumPy's matmul accumulates in int32, which is the hardware's accumulator.
The executor follows each layer's own geometry (kernel, stride, padding, dilation, groups),
not its recorded shapes, so a spatial crop of a layer's input runs unchanged.

This is for measuring what compression costs, not for speed: a VGG-16 forward pass at
224x224 takes seconds.
"""

from __future__ import annotations

import numpy as np

from accelsim.errors import AccelsimError
from accelsim.workload.layer import Layer
from accelsim.workload.network import INPUT, Network


def im2col(x: np.ndarray, kernel=(1, 1), stride=(1, 1), padding=(0, 0, 0, 0), dilation=(1, 1),
           groups: int = 1) -> np.ndarray:
    """Patches of ``x (n, c, h, w)``: ``(n, groups, c/g * kh * kw, ho * wo)``, padding (t, l, b, r);
    rows ordered ``(channel, kh, kw)`` like a flattened ``(c/g, kh, kw)`` weight."""
    n, c, h, wd = x.shape
    kh, kw = kernel
    t, l, bt, r = padding
    xp = np.pad(x, ((0, 0), (0, 0), (t, bt), (l, r))) if any(padding) else x
    sh, sw = stride
    dh, dw = dilation
    ho = (h + t + bt - dh * (kh - 1) - 1) // sh + 1
    wo = (wd + l + r - dw * (kw - 1) - 1) // sw + 1
    cols = np.empty((n, c, kh, kw, ho, wo), dtype=x.dtype)
    for i in range(kh):
        for j in range(kw):
            cols[:, :, i, j] = xp[:, :, i * dh: i * dh + sh * (ho - 1) + 1: sh, j * dw: j * dw + sw * (wo - 1) + 1: sw]
    return cols.reshape(n, groups, (c // groups) * kh * kw, ho * wo)


def conv2d(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, stride=(1, 1), padding=(0, 0, 0, 0),
           dilation=(1, 1), groups: int = 1) -> np.ndarray:
    """2-D cross-correlation of ``x (n, c, h, w)`` with ``w (o, c/g, kh, kw)``; padding is (t, l, b, r)."""
    n, c, h, wd = x.shape
    o, cg, kh, kw = w.shape
    t, l, bt, r = padding
    sh, sw = stride
    dh, dw = dilation
    ho = (h + t + bt - dh * (kh - 1) - 1) // sh + 1
    wo = (wd + l + r - dw * (kw - 1) - 1) // sw + 1
    cols = im2col(x, (kh, kw), stride, padding, dilation, groups)
    wg = w.reshape(groups, o // groups, cg * kh * kw).astype(x.dtype, copy=False)
    y = np.matmul(wg[None], cols).reshape(n, o, ho, wo)
    if b is not None:
        y = y + b.reshape(1, o, 1, 1)
    return y


def linear(x: np.ndarray, w: np.ndarray, b: np.ndarray | None) -> np.ndarray:
    """``x`` flattened channel-major to ``(n, in)``, times ``w.T``; returns ``(n, out, 1, 1)``."""
    y = np.matmul(x.reshape(x.shape[0], -1), w.T.astype(x.dtype, copy=False))
    if b is not None:
        y = y + b
    return y.reshape(y.shape[0], -1, 1, 1)


def gemm(x: np.ndarray, w: np.ndarray, b: np.ndarray | None) -> np.ndarray:
    """SCALE-Sim GEMM: input held ``(n, K, M, 1)``, ``w (N, K)``; returns ``(n, N, M, 1)``."""
    y = np.matmul(w.astype(x.dtype, copy=False)[None], x.reshape(x.shape[0], x.shape[1], -1))
    if b is not None:
        y = y + b.reshape(1, -1, 1)
    return y[..., None]


def activate(x: np.ndarray, fn: str | None) -> np.ndarray:
    """Apply a named element-wise activation (``None`` and ``identity`` pass through)."""
    if fn in (None, "identity"):
        return x
    if fn == "relu":
        return np.maximum(x, 0)
    if fn == "relu6":
        return np.clip(x, 0, 6)
    if fn == "leaky_relu":
        return np.where(x > 0, x, 0.01 * x)
    if fn == "sigmoid":
        return 1 / (1 + np.exp(-x))
    if fn == "tanh":
        return np.tanh(x)
    if fn == "hardswish":
        return x * np.clip(x + 3, 0, 6) / 6
    if fn == "softmax":
        e = np.exp(x - x.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    raise AccelsimError(f"unknown activation {fn!r}")


def pool(x: np.ndarray, layer: Layer) -> np.ndarray:
    """Max or average pooling with the layer's window; padding counts as -inf (max) or 0 (avg)."""
    n, c, h, w = x.shape
    kh, kw = layer.kernel
    sh, sw = layer.stride
    t, l, b, r = layer.padding
    fill = -np.inf if layer.op == "maxpool" else 0.0
    xp = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (t, b), (l, r)), constant_values=fill)
    ho, wo = layer.out_shape[1:] if (h, w) == layer.in_shapes[0][1:] else (
        (h + t + b - kh) // sh + 1, (w + l + r - kw) // sw + 1)
    # ceil_mode windows may run past the padded edge: extend with the fill value
    need_h, need_w = (ho - 1) * sh + kh, (wo - 1) * sw + kw
    xp = np.pad(xp, ((0, 0), (0, 0), (0, max(0, need_h - xp.shape[2])), (0, max(0, need_w - xp.shape[3]))),
                constant_values=fill)
    win = np.lib.stride_tricks.sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw][:, :, :ho, :wo]
    if layer.op == "maxpool":
        return win.max(axis=(-2, -1))
    return win.mean(axis=(-2, -1))


def layer_forward(layer: Layer, arrays: dict[str, np.ndarray] | None, *xs: np.ndarray) -> np.ndarray:
    """One layer's output (after its fused activation) for inputs ``xs``, in float."""
    x = xs[0]
    op = layer.op
    if op in ("conv2d", "linear", "gemm"):
        assert arrays is not None, layer.name
        w, b = arrays["weight"], arrays.get("bias")
        if op == "conv2d":
            y = conv2d(x, w, b, layer.stride, layer.padding, layer.dilation, layer.groups)
        elif op == "linear":
            y = linear(x, w, b)
        else:
            y = gemm(x, w, b)
    elif op in ("maxpool", "avgpool"):
        y = pool(x, layer)
    elif op == "add":
        y = sum(xs[1:], xs[0])
    elif op == "mul":
        y = xs[0]
        for other in xs[1:]:
            y = y * other
    elif op == "concat":
        y = np.concatenate(xs, axis=1)
    elif op == "flatten":
        y = x.reshape(x.shape[0], -1, 1, 1)
    elif op == "upsample":
        s = layer.stride[0]
        y = x.repeat(s, axis=2).repeat(s, axis=3)
    elif op == "activation":
        y = x
    else:
        raise AccelsimError(f"the reference executor cannot run op {op!r}", field=layer.name)
    return activate(y, layer.activation)


def run_chain(layers: list[Layer] | tuple[Layer, ...], weights, x: np.ndarray) -> np.ndarray:
    """Run single-input layers one after another (a decomposed layer's replacement chain)."""
    for layer in layers:
        x = layer_forward(layer, weights.get(layer.name) if weights else None, x)
    return x


def quantize_symmetric(a: np.ndarray, bits: int, axis: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Signed symmetric uniform quantization: ``(codes, scale)`` with ``a ~ codes * scale``.

    ``codes`` are integers in ``[-(2^(bits-1) - 1), 2^(bits-1) - 1]`` (int64); ``scale`` is
    ``max|a| / (2^(bits-1) - 1)`` over the whole tensor (``axis=None``) or per index of
    ``axis`` (per output channel), shaped to broadcast against ``a``. 2 bits give {-1, 0, 1}.
    """
    qmax = 2 ** (bits - 1) - 1
    if axis is None:
        amax = np.abs(a).max(keepdims=True) if a.size else np.ones((1,) * a.ndim)
    else:
        other = tuple(i for i in range(a.ndim) if i != axis)
        amax = np.abs(a).max(axis=other, keepdims=True)
    scale = np.where(amax > 0, amax / qmax, 1.0)
    q = a / scale  # rounded and clipped in place: a whole layer's temporaries are a pass's peak memory
    np.rint(q, out=q)
    np.clip(q, -qmax, qmax, out=q)
    return q.astype(np.int64), scale


def fake_quantize(a: np.ndarray, bits: int, axis: int | None = None) -> np.ndarray:
    """``a`` rounded to the ``bits``-bit symmetric grid of :func:`quantize_symmetric`, in float."""
    codes, scale = quantize_symmetric(a, bits, axis)
    return codes * scale


def run_network(net: Network, weights, x: np.ndarray, *, integer: bool = False) -> np.ndarray:
    """Run ``net`` on ``x (n, C, H, W)`` and return its last layer's output.

    With ``integer=True`` every MAC layer whose arrays carry ``weight_q``/``weight_scale``
    runs in integers: its input is quantized per tensor to ``act_bits`` (dynamic scale
    ``max|x| / (2^(act_bits-1) - 1)``), multiplied with the weight codes in int32 with int32
    accumulation, and rescaled by ``scale_x * scale_w`` before the float bias and activation.
    Pooling, add and concat stay in float (they commute with a per-tensor scale).
    """
    vals: dict[str, np.ndarray] = {INPUT: x}
    for layer in net.layers:
        xs = [vals[s] for s in layer.inputs] if layer.inputs else [x]
        arrays = weights.get(layer.name) if weights else None
        if integer and arrays is not None and "weight_q" in arrays:
            vals[layer.name] = _int_forward(layer, arrays, xs[0])
        else:
            vals[layer.name] = layer_forward(layer, arrays, *xs)
    return vals[net.layers[-1].name]


def _int_forward(layer: Layer, arrays: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    wq = arrays["weight_q"]
    if layer.act_bits < 2:
        raise AccelsimError("binary activations have no integer grid here; use quantize.xnor_forward",
                            field=layer.name)
    xq, sx = quantize_symmetric(x, layer.act_bits)
    k = int(np.prod(wq.shape[1:]))
    worst = k * int(np.abs(xq).max(initial=0)) * int(np.abs(wq).max(initial=0))
    if worst >= 2 ** 31:
        raise AccelsimError(f"int32 accumulator could overflow (worst case {worst})", field=layer.name)
    xi, wi = xq.astype(np.int32), wq.astype(np.int32)
    if layer.op == "conv2d":
        acc = conv2d(xi, wi, None, layer.stride, layer.padding, layer.dilation, layer.groups)
    elif layer.op == "linear":
        acc = linear(xi, wi, None)
    else:
        acc = gemm(xi, wi, None)
    assert acc.dtype == np.int32
    sw = np.asarray(arrays["weight_scale"]).reshape(-1)
    sw = sw.reshape(1, -1, 1, 1) if sw.size > 1 else sw.reshape(1, 1, 1, 1)
    y = acc.astype(np.float64) * (float(sx.reshape(-1)[0]) * sw)
    if "bias" in arrays:
        y = y + arrays["bias"].reshape(1, -1, 1, 1)
    return activate(y, layer.activation)


def activation_densities(net: Network, weights, seed: int = 0, batch: int = 1) -> dict[str, float]:
    """Non-zero fraction of each layer's input on a seeded input (uniform [0, 1) pixels), in float.

    For zero-skipping machines (Eyeriss gates zero ifmaps): with ReLU layers the densities
    come out of the network's own arithmetic instead of a guess. Returns ``{layer: density}``.
    """
    rng = np.random.default_rng(seed)
    x = rng.random((batch, *net.input_shape), dtype=np.float64).astype(np.float32)
    vals: dict[str, np.ndarray] = {INPUT: x}
    out: dict[str, float] = {}
    for layer in net.layers:
        xs = [vals[s] for s in layer.inputs] if layer.inputs else [x]
        out[layer.name] = float(np.mean([np.count_nonzero(a) / a.size for a in xs]))
        vals[layer.name] = layer_forward(layer, weights.get(layer.name) if weights else None, *xs)
    return out


def input_patterns(net: Network, weights, seed: int = 0, batch: int = 1) -> dict[str, np.ndarray]:
    """Which inputs of each linear and gemm layer are non-zero in a functional run: ``{layer: bool array}``.

    The run is :func:`activation_densities`' (the same seeded input, uniform [0, 1), in float,
    with ``weights``). A linear layer's pattern is ``(batch, in_features)``; a gemm's
    ``(batch * M, K)``, one row per column of its input. For chips that skip zero inputs one
    by one (EIE): where the zeros fall, not only how many.
    """
    rng = np.random.default_rng(seed)
    x = rng.random((batch, *net.input_shape), dtype=np.float64).astype(np.float32)
    vals: dict[str, np.ndarray] = {INPUT: x}
    out: dict[str, np.ndarray] = {}
    for layer in net.layers:
        xs = [vals[s] for s in layer.inputs] if layer.inputs else [x]
        if layer.op == "linear":
            out[layer.name] = xs[0].reshape(xs[0].shape[0], -1) != 0
        elif layer.op == "gemm":
            a = xs[0].reshape(xs[0].shape[0], xs[0].shape[1], -1)
            out[layer.name] = np.swapaxes(a, 1, 2).reshape(-1, a.shape[1]) != 0
        vals[layer.name] = layer_forward(layer, weights.get(layer.name) if weights else None, *xs)
    return out
