"""Weights of an ONNX model read from its initializers, for the layers the ONNX loader makes of it.

``accelsim simulate --model m.onnx --weights m.onnx`` runs the compression passes on the model's own
weights. The file is read twice: as the loader reads it (without weight bytes,
:func:`accelsim.workload.onnx_loader.weight_sources`), which says, per weighted layer, which tensors make
its arrays and which nodes fold into it; then whole (``onnx.load``, external data files beside the model
included) for the values. Per layer, in graph order:

- ``Conv``: weight = input 1, ``(out, in/groups, kh, kw)`` as accelsim lays it out; bias = input 2.
- ``Gemm``: weight = ``alpha * B``, transposed unless ``transB = 1`` (accelsim's linear weight is
  ``(out, in)``, ONNX's B is ``(in, out)``); bias = ``beta * C``.
- ``MatMul`` by a constant ``[features, out]``: weight = ``B`` transposed.
- An ``Add`` of a constant after the layer: ``bias += c`` (a layer without a bias starts from 0).
- A folded ``BatchNormalization`` (``k = scale / sqrt(var + epsilon)`` per output channel):
  ``w' = w * k``, ``b' = (b - mean) * k + B``; Caffe's Scale after it (``Mul``/``Add`` of per-channel
  constants): ``w' = w * s``, ``b' = b * s``, then ``b' = b + c``.

Folds run in float64 and the arrays are stored as :data:`~accelsim.compress.weights.STORE_DTYPE`
(float32). Weights of token matmuls (``gemm`` layers, see ``onnx_layout.py``) and weights the graph
computes from other constants are not read: those raise :class:`AccelsimError` (use an ``.npz``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

import numpy as np

from accelsim.compress.weights import STORE_DTYPE, Weights, check_layer_weights
from accelsim.errors import AccelsimError
from accelsim.host import available_bytes, fmt_bytes
from accelsim.workload.layer import WEIGHTED_OPS, Layer
from accelsim.workload.network import Network
from accelsim.workload.onnx_loader import weight_sources


def load_onnx_weights(path: str | Path, net: Network) -> Weights:
    """The weights of every weighted layer of ``net`` from the ONNX model ``path`` (see the module docstring).

    ``net`` is the network read from the same file (its layer names are the loader's); a layer the file
    does not make, a kind of layer whose weights are not read from ONNX, a missing initializer or an
    array that does not fit the layer raises :class:`AccelsimError` naming the file and the layer.
    """
    path = Path(path)
    label = path.name
    onnx_net, sources, folded = weight_sources(path)
    made = {l.name: l for l in onnx_net.layers}
    for layer in net.layers:  # every problem the graph alone shows, before the weight bytes are read
        if layer.op in WEIGHTED_OPS:
            _check_source(layer, made, sources, label)
    value = _reader(path, label, folded)
    out: Weights = {}
    for layer in net.layers:
        if layer.op in WEIGHTED_OPS:
            try:
                arrays = _arrays(layer, sources[layer.name], value)
                check_layer_weights(layer, arrays)
            except AccelsimError as e:
                raise AccelsimError(e.message, file=label, field=layer.name) from None
            out[layer.name] = arrays
    return out


def _check_source(layer: Layer, made: dict[str, Layer], sources: dict[str, list[tuple]], label: str) -> None:
    if layer.name not in made:
        raise AccelsimError(f"no layer of this name in the ONNX model; weights come from the model the file "
                            f"describes", file=label, field=layer.name)
    if not any(step[0] == "weight" for step in sources.get(layer.name, ())):
        kind = "token matmul (gemm)" if layer.op == "gemm" else layer.op
        raise AccelsimError(f"weights of {kind} layers are not read from ONNX; give them in an .npz "
                            f"(--weights FILE.npz)", file=label, field=layer.name)


def _arrays(layer: Layer, steps: list[tuple], value: Callable[[str], np.ndarray]) -> dict[str, np.ndarray]:
    """The layer's ``weight`` (and ``bias``) from its recorded steps, folds in float64."""
    out = layer.out_shape[0]
    w: np.ndarray | None = None
    b: np.ndarray | None = None

    def channels(tensor: str, what: str) -> np.ndarray:
        v = np.asarray(value(tensor), np.float64).ravel()
        if v.size not in (1, out):
            raise AccelsimError(f"the {what} {tensor!r} holds {v.size} values; a layer of {out} output "
                                f"channels takes 1 or {out} (one per channel)")
        return np.broadcast_to(v, (out,))

    def per_row(k: np.ndarray) -> np.ndarray:
        return k.reshape((-1,) + (1,) * (w.ndim - 1))

    for kind, *args in steps:
        if kind == "weight":
            tensor, transpose, alpha = args
            w = value(tensor).T if transpose else value(tensor)  # the loader transposes only 2-D matrices
            if alpha != 1.0:
                w = w * np.float64(alpha)
        elif kind in ("bias", "add"):
            beta = args[1] if kind == "bias" else 1.0
            b = (0.0 if b is None else b) + beta * channels(args[0], "bias" if kind == "bias" else "added constant")
        elif kind == "mul":
            s = channels(args[0], "scale")
            w, b = w * per_row(s), (None if b is None else b * s)
        elif kind == "bn":
            scale, beta, mean, var = (channels(t, "BatchNormalization input") for t in args[:4])
            k = scale / np.sqrt(var + float(args[4]))
            w, b = w * per_row(k), ((0.0 if b is None else b) - mean) * k + beta
    arrays = {"weight": np.ascontiguousarray(w, dtype=STORE_DTYPE)}
    if b is not None:
        arrays["bias"] = np.ascontiguousarray(b, dtype=STORE_DTYPE)
    return arrays


def _reader(path: Path, label: str, folded: dict[str, Any]) -> Callable[[str], np.ndarray]:
    """``value(tensor)``: an initializer's or Constant's values, or a small constant the loader folded."""
    import onnx
    import onnx.numpy_helper  # noqa: F401  (a submodule onnx does not always import)

    avail, size = available_bytes(), os.path.getsize(path)
    if avail is not None and size > avail // 2:  # onnx.load holds every byte, and arrays are copied out
        raise AccelsimError(f"the model's {fmt_bytes(size)} of weights do not fit in half this machine's memory "
                            f"({fmt_bytes(avail)} available)", file=label)
    try:
        model = onnx.load(str(path))  # external data files are read from the model's folder
    except Exception as e:  # onnx raises its own types (ValidationError for a missing external data file)
        why = (str(e) or type(e).__name__).splitlines()[0][:200]
        raise AccelsimError(f"cannot read the weights: {why}", file=label) from None
    tensors = {t.name: t for t in model.graph.initializer}
    for node in model.graph.node:
        for a in node.attribute:
            if node.op_type == "Constant" and a.name == "value":
                tensors[node.output[0]] = a.t

    def value(name: str) -> np.ndarray:
        try:
            a = onnx.numpy_helper.to_array(tensors[name] if name in tensors else folded[name])
        except (KeyError, ValueError):  # a big constant the loader folded carries dimensions only
            raise AccelsimError(f"tensor {name!r} is computed in the graph from other constants; such weights "
                                "are not read from ONNX; give them in an .npz (--weights FILE.npz)") from None
        if a.dtype.kind not in "biuf" or not np.all(np.isfinite(a)):
            raise AccelsimError(f"tensor {name!r} holds {a.dtype} values or NaN or infinite ones; weights are "
                                "finite real numbers")
        return a
    return value
