"""Weights held beside a frozen :class:`~accelsim.workload.Network`, never inside it.

A :data:`Weights` value maps a layer name to that layer's arrays:

``"weight"``
    float32, as networks are trained and shipped (a pass that fits factors may store them in
    float64; every pass computes in float64 where its solver needs it). conv2d ``(out, in/groups, kh, kw)``; linear ``(out, in_features)`` where the
    input is flattened channel-major (``c*H*W + h*W + w``); gemm ``(N, K)``.
``"bias"``
    ``(out,)``, present exactly when ``layer.bias``.
``"mask"`` (optional)
    bool, same shape as ``"weight"``: which weights survive pruning.
``"weight_idx"``, ``"codebook"`` (optional)
    signed integer indices (the smallest dtype that holds them: int8 up to 128 entries) into a float64 codebook left by weight sharing (``-1`` where pruned), so that
    ``weight == codebook[weight_idx]`` wherever ``weight_idx >= 0``.
``"weight_q"``, ``"weight_scale"`` (optional)
    integer codes (the smallest signed dtype that holds them: int8 for binary, ternary and
    int-8 codes) and their scale (scalar or one per output channel) left by a quantization
    pass, so that ``weight == weight_q * weight_scale`` and the network can run in integers.

Only weighted layers (conv2d, linear, gemm) appear. Passes never mutate a Weights value:
they return a new outer dict and new inner dicts for the layers they change.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import numpy as np

from accelsim.errors import AccelsimError
from accelsim.host import check_npz_size
from accelsim.workload.layer import WEIGHTED_OPS, Layer
from accelsim.workload.network import Network

Weights = dict[str, dict[str, np.ndarray]]

#: how weights are held: float32, as trained networks ship them (ONNX initializers are float32);
#: float64 would double a network's footprint (VGG16: 553 MB -> 1.1 GB) for digits no chip sees
STORE_DTYPE = np.float32


def weight_shape(layer: Layer) -> tuple[int, ...]:
    """Shape of ``layer``'s weight array in the layout above (``()`` for unweighted ops)."""
    if layer.op == "conv2d":
        return (layer.out_shape[0], layer.in_shapes[0][0] // layer.groups) + tuple(layer.kernel)
    if layer.op == "linear":
        c, h, w = layer.in_shapes[0]
        return (layer.out_shape[0], c * h * w)
    if layer.op == "gemm":
        assert layer.gemm_mkn is not None
        _, k, n = layer.gemm_mkn
        return (n, k)
    return ()


def fan_in(layer: Layer) -> int:
    """Inputs feeding one output value: ``in/groups * kh * kw`` for conv, ``K`` for a matrix layer."""
    shape = weight_shape(layer)
    return int(np.prod(shape[1:]))


def layer_rng(seed: int, name: str) -> np.random.Generator:
    """A generator that depends only on ``seed`` and the layer's name, not on layer order."""
    return np.random.default_rng([seed, zlib.crc32(name.encode())])


def synthetic_weights(net: Network, seed: int = 0) -> Weights:
    """Seeded synthetic weights for every weighted layer of ``net``.

    Weights are He-normal (He et al., ICCV 2015): i.i.d. ``N(0, 2 / fan_in)``, the
    initialization that keeps activation variance constant through ReLU layers. Biases are
    i.i.d. ``N(0, 0.01^2)``, small but non-zero so that bias handling is exercised. Each layer
    draws from :func:`layer_rng` ``(seed, name)``, so a layer's weights do not change when other
    layers are added or removed. Same ``seed``, same arrays, bit for bit.
    """
    out: Weights = {}
    for layer in net.layers:
        if layer.op not in WEIGHTED_OPS:
            continue
        rng = layer_rng(seed, layer.name)
        weight = rng.standard_normal(weight_shape(layer))
        weight *= np.sqrt(2.0 / fan_in(layer))  # in place: a second array of a big layer costs its page faults
        arrays = {"weight": weight.astype(STORE_DTYPE)}
        del weight
        if layer.bias:
            arrays["bias"] = (rng.standard_normal(layer.out_shape[0]) * 0.01).astype(STORE_DTYPE)
        out[layer.name] = arrays
    return out


def load_npz_weights(path: str | Path, net: Network) -> Weights:
    """Weights from a ``.npz`` holding ``<layer>.weight`` and ``<layer>.bias`` arrays.

    A plain ``<layer>`` key is read as that layer's weight. Every weighted layer needs a
    weight, and a bias exactly when the layer has one; a missing array, an unknown key or a
    shape that differs from :func:`weight_shape` raises :class:`AccelsimError` naming the file
    and the layer.
    """
    label = Path(path).name
    check_npz_size(path, "weights file")
    try:
        data = np.load(path, allow_pickle=False)
        if not hasattr(data, "files"):  # a bare .npy array, not an archive of named arrays
            raise ValueError("a single array, not an .npz of named arrays")
        with data:
            raw = {k: data[k] for k in data.files}
        for k, a in raw.items():  # complex, string or record arrays would be cast, or fail, further on
            if a.dtype.kind not in "biuf":
                raise AccelsimError(f"array {k!r} holds {a.dtype} values; weights are real numbers", file=label,
                                    field=k)
            if a.dtype.kind == "f" and not np.all(np.isfinite(a)):
                raise AccelsimError(f"array {k!r} holds NaN or infinite values", file=label, field=k)
        arrays = {k: np.asarray(a, dtype=STORE_DTYPE) for k, a in raw.items()}
    except (OSError, ValueError, TypeError, EOFError, zipfile.BadZipFile) as e:
        why = (str(e) or type(e).__name__).splitlines()[0][:100]
        raise AccelsimError(f"cannot read weights: {why}", file=label) from None
    out: Weights = {}
    used: set[str] = set()
    for layer in net.layers:
        if layer.op not in WEIGHTED_OPS:
            continue
        key = f"{layer.name}.weight" if f"{layer.name}.weight" in arrays else layer.name
        if key not in arrays:
            raise AccelsimError(f"missing array {layer.name}.weight", file=label, field=layer.name)
        entry = {"weight": arrays[key]}
        used.add(key)
        if layer.bias:
            if f"{layer.name}.bias" not in arrays:
                raise AccelsimError(f"missing array {layer.name}.bias", file=label, field=layer.name)
            entry["bias"] = arrays[f"{layer.name}.bias"]
            used.add(f"{layer.name}.bias")
        try:
            check_layer_weights(layer, entry)
        except AccelsimError as e:
            raise e.located(file=label) from None
        out[layer.name] = entry
    extra = sorted(set(arrays) - used)
    if extra:
        raise AccelsimError(f"arrays that match no weighted layer of {net.name}: {', '.join(extra)}",
                            file=label, field=extra[0])
    return out


def check_layer_weights(layer: Layer, arrays: dict[str, np.ndarray]) -> None:
    """Raise :class:`AccelsimError` (field = layer name) if ``arrays`` do not fit ``layer``."""
    want = weight_shape(layer)
    got = tuple(arrays["weight"].shape)
    if got != want:
        raise AccelsimError(f"weight shape {list(got)} does not match the layer's {list(want)} "
                            f"({layer.op}, in {list(layer.in_shapes[0])}, out {list(layer.out_shape)})",
                            field=layer.name)
    if layer.bias:
        b = arrays.get("bias")
        if b is None or tuple(b.shape) != (layer.out_shape[0],):
            got_b = None if b is None else list(b.shape)
            raise AccelsimError(f"bias shape {got_b} does not match [{layer.out_shape[0]}]", field=layer.name)
    elif "bias" in arrays:
        raise AccelsimError("has a bias array but the layer has no bias", field=layer.name)


def check_weights(net: Network, weights: Weights) -> None:
    """Every weighted layer of ``net`` has arrays that fit it, and ``weights`` names no other layer."""
    for layer in net.layers:
        if layer.op in WEIGHTED_OPS:
            if layer.name not in weights:
                raise AccelsimError("no weights for this layer", field=layer.name)
            check_layer_weights(layer, weights[layer.name])
    extra = sorted(set(weights) - {l.name for l in net.layers if l.op in WEIGHTED_OPS})
    if extra:
        raise AccelsimError(f"weights for layers not in {net.name}: {', '.join(extra)}", field=extra[0])


def select_layers(net: Network, layers: tuple[str, ...] | None, ops: frozenset[str] | set[str]) -> list[str]:
    """Names of the layers a pass acts on: ``layers`` (checked) or every layer whose op is in ``ops``."""
    if layers is None:
        return [l.name for l in net.layers if l.op in ops]
    names = {l.name for l in net.layers}
    for n in layers:
        if n not in names:
            raise AccelsimError(f"no layer {n!r} in {net.name}", field="layers")
        if net.layer(n).op not in ops:
            raise AccelsimError(f"layer {n!r} is a {net.layer(n).op}; this pass takes {', '.join(sorted(ops))}",
                                field="layers")
    return [l.name for l in net.layers if l.name in set(layers)]


def as_matrix(layer: Layer, w: np.ndarray) -> np.ndarray:
    """The weight as a 2-D ``(out, fan_in)`` matrix (a view when possible)."""
    return w.reshape(w.shape[0], -1)


def density_of(arrays: dict[str, np.ndarray]) -> float:
    """Fraction of weights kept: from the mask if present, else from the non-zero count."""
    w = arrays["weight"]
    kept = np.count_nonzero(arrays["mask"]) if "mask" in arrays else np.count_nonzero(w)
    return max(kept, 1) / w.size
