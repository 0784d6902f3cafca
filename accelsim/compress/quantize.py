"""Quantization passes: uniform int-k, BWN, XNOR-Net and TWN.

Each pass is ``(net, weights | None, **params) -> (net', weights' | None, PassRecord)``.
With weights, the new arrays hold the dequantized float weight (``weight``), the integer
codes (``weight_q``) and their scale (``weight_scale``), so ``weight == weight_q * scale``
and :func:`~accelsim.compress.functional.run_network` can run the layer in integers.

Fields changed on each quantized layer:

=========  ==================================================================
int-k      ``weight_bits = w`` (weighted layers), ``act_bits = a`` (every layer
           when no layers are named, else the named ones)
bwn        ``weight_bits = 1``
xnor       ``weight_bits = 1``, ``act_bits = 1``
twn        ``weight_bits = 2``
=========  ==================================================================

``acc_bits`` is left alone: the accumulator width is the machine's, not the network's.
Activation quantization (int-k) is signed symmetric per tensor with a dynamic scale,
``max|x| / (2^(a-1) - 1)``, the same rule the integer executor uses.
"""

from __future__ import annotations

import numpy as np

from accelsim.compress.functional import activate, conv2d, fake_quantize, layer_forward, quantize_symmetric
from accelsim.compress.record import make_record, output_error, rel_error, seeded_input, spec_text
from accelsim.compress.weights import STORE_DTYPE, Weights, layer_rng, select_layers
from accelsim.errors import AccelsimError
from accelsim.workload.layer import WEIGHTED_OPS, Layer
from accelsim.workload.network import Network

INT_BITS = (2, 4, 8, 16)


def _sign(a: np.ndarray) -> np.ndarray:
    """+1 / -1 with sign(0) = +1 (binary hardware has no zero), as int8."""
    return np.where(a >= 0, np.int8(1), np.int8(-1))


def narrow_codes(codes: np.ndarray) -> np.ndarray:
    """``codes`` in the smallest signed integer dtype that holds them (int8 for binary, ternary and
    int-8 codes): a whole network's codes in int64 would cost as much memory as its float weights."""
    codes = np.asarray(codes)
    lo, hi = (int(codes.min()), int(codes.max())) if codes.size else (0, 0)
    for dt in (np.int8, np.int16, np.int32):
        if np.iinfo(dt).min <= lo and hi <= np.iinfo(dt).max:
            return codes.astype(dt, copy=False)
    return codes.astype(np.int64, copy=False)


def _per_filter_mean_abs(w: np.ndarray) -> np.ndarray:
    return np.abs(w).reshape(w.shape[0], -1).mean(axis=1).reshape((-1,) + (1,) * (w.ndim - 1))


def bwn_weights(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """BWN (Rastegari et al. 2016): ``W ~ alpha * sign(W)`` with ``alpha = mean|W|`` per output filter.

    Returns ``(codes in {-1, +1}, alpha shaped to broadcast)``; this alpha minimizes
    ``||W - alpha B||^2`` for ``B = sign(W)``.
    """
    return _sign(w), _per_filter_mean_abs(w)


def twn_weights(w: np.ndarray, per_channel: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """TWN (Li & Liu 2016): threshold ``delta = 0.7 mean|W|``, ``alpha = mean |W_i|`` over ``|W_i| > delta``.

    Per tensor (the paper) or per output filter. Returns ``(codes in {-1, 0, 1}, alpha)``.
    """
    a = np.abs(w)
    if per_channel:
        delta = 0.7 * _per_filter_mean_abs(w)
        keep = a > delta
        n = keep.reshape(w.shape[0], -1).sum(axis=1)
        s = np.where(keep, a, 0).reshape(w.shape[0], -1).sum(axis=1)
        alpha = np.where(n > 0, s / np.maximum(n, 1), 0.0).reshape((-1,) + (1,) * (w.ndim - 1))
    else:
        delta = 0.7 * a.mean()
        keep = a > delta
        alpha = np.asarray(a[keep].mean() if keep.any() else 0.0).reshape((1,) * w.ndim)
    codes = np.where(keep, np.sign(w).astype(np.int8), np.int8(0))
    return codes, alpha


def _narrowed(codes: np.ndarray, scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return narrow_codes(codes), scale


def _new_arrays(old: dict, codes: np.ndarray, scale: np.ndarray) -> dict:
    codes = narrow_codes(codes)
    new = {k: v for k, v in old.items() if k not in ("weight_q", "weight_scale")}
    # Codes of 0 and +-2^i (binary, ternary, power-of-two) times a float32 scale are exact in float32:
    # such weights are held in float32 with the scale rounded to it, so weight == weight_q * weight_scale
    # still holds exactly. Other codes (int8 ...) keep a float64 product and scale, which integer
    # execution reproduces exactly.
    a = np.abs(codes.astype(np.int32))
    dtype = STORE_DTYPE if not np.any(a & (a - 1)) else np.float64
    del a
    scale = np.asarray(scale, dtype=dtype)
    new["weight"] = np.multiply(codes, scale, dtype=dtype)
    if "mask" in old:  # a pruned weight stays pruned
        new["weight"] = np.where(old["mask"], new["weight"], dtype(0))
        codes = np.where(old["mask"], codes, codes.dtype.type(0))
    new["weight_q"] = codes
    new["weight_scale"] = scale.reshape(-1)
    return new


def _run(name: str, spec: str, params: dict, net: Network, weights: Weights | None, layers, ops,
         quantize_arrays, layer_fields: dict, *, act_layers=None, forward=None, seed=0, batch=1, max_hw=32,
         input_fn=None, notes=()):
    """Shared loop: set bit fields, quantize arrays, measure errors."""
    chosen = select_layers(net, layers, ops)
    act_set = set(act_layers if act_layers is not None else chosen)
    new_layers, new_w = [], (dict(weights) if weights is not None else None)
    werr, oerr, changed = {}, {}, []
    for layer in net.layers:
        fields = {k: v for k, v in layer_fields.items() if k != "act_bits"} if layer.name in chosen else {}
        if "act_bits" in layer_fields and layer.name in act_set:
            fields["act_bits"] = layer_fields["act_bits"]
        new = layer.with_(**fields) if fields else layer
        new_layers.append(new)
        if fields:
            changed.append(layer.name)
        if layer.name in chosen and new_w is not None:
            old = weights[layer.name]
            codes, scale = quantize_arrays(old["weight"])
            arrays = _new_arrays(old, codes, scale)
            new_w[layer.name] = arrays
            werr[layer.name] = rel_error(old["weight"], arrays["weight"])
            x = input_fn(layer) if input_fn else seeded_input(layer, seed, batch, max_hw)
            fwd = (lambda x, new=new, arrays=arrays: forward(new, arrays, x)) if forward else None
            oerr[layer.name] = output_error(layer, old, [new], {layer.name: arrays}, x=x, new_forward=fwd)
    out = net.with_layers(tuple(new_layers))
    rec = make_record(name, spec, params, net, out, with_weights=weights is not None, changed=changed,
                      weight_error=werr, output_error=oerr, notes=notes)
    return out, new_w, rec


def _check_bits(bits: int, what: str) -> int:
    if bits not in INT_BITS:
        raise AccelsimError(f"must be one of {', '.join(map(str, INT_BITS))}, got {bits!r}", field=what)
    return bits


def quantize_int(net: Network, weights: Weights | None = None, *, weight_bits: int = 8, act_bits: int | None = 8,
                 per_channel: bool = False, layers: tuple[str, ...] | None = None, seed: int = 0, batch: int = 1,
                 max_hw: int | None = 32):
    """Uniform symmetric int-k: weights to ``weight_bits`` (per tensor, or per output channel),
    activations to ``act_bits`` (None leaves them). Bits are 16, 8, 4 or 2."""
    _check_bits(weight_bits, "weight_bits")
    if act_bits is not None:
        _check_bits(act_bits, "act_bits")
    fields = {"weight_bits": weight_bits} | ({"act_bits": act_bits} if act_bits is not None else {})
    act_layers = [l.name for l in net.layers] if layers is None else None
    axis = 0 if per_channel else None

    def forward(new: Layer, arrays: dict, x: np.ndarray) -> np.ndarray:
        return layer_forward(new, arrays, fake_quantize(x, new.act_bits))

    args = f"w{weight_bits}" + (f"a{act_bits}" if act_bits is not None else "") + (":per-channel" if per_channel else "")
    params = {"weight_bits": weight_bits, "act_bits": act_bits, "per_channel": per_channel}
    return _run("int", spec_text(args, "", layers), params, net, weights, layers, WEIGHTED_OPS,
                lambda w: _narrowed(*quantize_symmetric(w, weight_bits, axis)), fields, act_layers=act_layers,
                forward=forward if act_bits is not None else None, seed=seed, batch=batch, max_hw=max_hw)


def bwn(net: Network, weights: Weights | None = None, *, layers: tuple[str, ...] | None = None, seed: int = 0,
        batch: int = 1, max_hw: int | None = 32):
    """Binary-weight networks: ``sign(W) * mean|W|`` per filter; ``weight_bits = 1``."""
    return _run("bwn", spec_text("bwn", "", layers), {}, net, weights, layers, WEIGHTED_OPS, bwn_weights,
                {"weight_bits": 1}, seed=seed, batch=batch, max_hw=max_hw)


def twn(net: Network, weights: Weights | None = None, *, per_channel: bool = False,
        layers: tuple[str, ...] | None = None, seed: int = 0, batch: int = 1, max_hw: int | None = 32):
    """Ternary-weight networks (threshold 0.7 mean|W|); ``weight_bits = 2``."""
    return _run("twn", spec_text("twn", "per-channel" if per_channel else "", layers), {"per_channel": per_channel},
                net, weights, layers, WEIGHTED_OPS, lambda w: twn_weights(w, per_channel), {"weight_bits": 2},
                seed=seed, batch=batch, max_hw=max_hw)


def xnor_forward(layer: Layer, arrays: dict, x: np.ndarray) -> np.ndarray:
    """XNOR-Net layer: ``(sign(I) * sign(W)) . K . alpha`` (Rastegari et al. 2016, eq. 11).

    For a conv, ``K`` is the mean of ``|I|`` over each group's input channels, averaged over
    every kernel window (the paper's ``A * k``); for a matrix layer, ``beta = mean|x|`` per
    sample. ``alpha`` is the per-filter weight scale. Bias and activation follow.
    """
    codes, alpha = arrays["weight_q"], arrays["weight_scale"]
    s = _sign(x).astype(np.float64)
    if layer.op == "conv2d":
        n, c, h, w = x.shape
        g = layer.groups
        a = np.abs(x).reshape(n, g, c // g, h, w).mean(axis=2)
        kh, kw = layer.kernel
        box = np.full((g, 1, kh, kw), 1.0 / (kh * kw))
        k = conv2d(a, box, None, layer.stride, layer.padding, layer.dilation, g)
        k = k.repeat(layer.out_shape[0] // g, axis=1)
        y = conv2d(s, codes.astype(np.float64), None, layer.stride, layer.padding, layer.dilation, g)
        y = y * k * alpha.reshape(1, -1, 1, 1)
    else:
        beta = np.abs(x).reshape(x.shape[0], -1).mean(axis=1).reshape(-1, 1, 1, 1)
        y = layer_forward(layer.with_(bias=False, activation=None), {"weight": codes.astype(np.float64)}, s)
        y = y * beta * alpha.reshape(1, -1, 1, 1)
    if "bias" in arrays:
        y = y + arrays["bias"].reshape(1, -1, 1, 1)
    return activate(y, layer.activation)


def xnor(net: Network, weights: Weights | None = None, *, layers: tuple[str, ...] | None = None, seed: int = 0,
         batch: int = 1, max_hw: int | None = 32):
    """XNOR-Net: binary weights (BWN scaling) and binary activations; ``weight_bits = act_bits = 1``.

    Output error is measured on N(0, 1) inputs, not the rectified default: XNOR-Net orders a
    block BN -> sign -> conv, so the binarized input is zero-centred.
    """
    def input_fn(layer: Layer) -> np.ndarray:
        x = seeded_input(layer, seed, batch, max_hw)
        return layer_rng(seed + 3, layer.name).standard_normal(x.shape)

    note = "XNOR output error measured on zero-mean N(0,1) inputs (BN -> sign -> conv block order)"
    return _run("xnor", spec_text("xnor", "", layers), {}, net, weights, layers, frozenset({"conv2d", "linear"}),
                bwn_weights, {"weight_bits": 1, "act_bits": 1}, forward=xnor_forward, seed=seed, batch=batch,
                max_hw=max_hw, input_fn=input_fn, notes=(note,))
