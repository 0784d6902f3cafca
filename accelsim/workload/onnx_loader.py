"""ONNX models: read an ``.onnx`` graph into a :class:`Network`.

The graph must have one input, NCHW (``[N, C, H, W]``), ``[N, features]``, ``[N, tokens, features]``
or integer token ids ``[N, tokens]``, with static sizes apart from the batch, which is dropped
(accelsim shapes are per sample). Network edges follow the tensor names: a layer's ``inputs`` are
the layers that produced the tensors its node reads. Layers take the node names (characters a layer
name may not hold become ``_``; a node without a name takes its first output's name).

Before any of this the file is read without its weights' bytes (``onnx_skim.py``) and every node
whose inputs are all constants is folded into a constant (``onnx_fold.py``: ``ConstantOfShape``,
``Unsqueeze``, ``Shape``/``Gather``/``Concat`` feeding a ``Reshape``, ...), on dimensions only.

Operators and what they become:

- ``Conv`` (2-D; ``pads``, ``auto_pad``, ``strides``, ``dilations``, ``group``, bias) -> ``conv2d``.
- ``Gemm`` (``transA = 0``) and ``MatMul`` of a ``[batch, features]`` tensor by a constant
  weight initializer -> ``linear``; an ``Add`` of a constant after one becomes its bias.
- ``Relu``, ``Clip`` (``[0, inf)`` = relu, ``[0, 6]`` = relu6), ``Sigmoid``, ``Tanh``,
  ``LeakyRelu``, ``HardSwish``, ``Softmax``, ``Gelu``: fused into the producing ``conv2d``, ``linear``
  or ``add`` as its ``activation`` when that layer has none yet and this node is the only reader of
  its output (deployed accelerators apply it on the way out of the array, as the zoo models
  do); otherwise an ``activation`` layer. GELU written out with ``Erf`` (exports before opset 20)
  is found as a whole and becomes one ``gelu``.
- ``LRN`` -> ``lrn`` (across channels, ``size``).
- ``MaxPool``, ``AveragePool``, ``GlobalMaxPool``, ``GlobalAveragePool`` -> ``maxpool``/``avgpool``.
- ``Add``/``Sum`` and ``Mul`` of equal-shaped tensors -> ``add``/``mul``; ``Concat`` on the
  channel axis -> ``concat``.
- ``Flatten`` (axis 1) and ``Reshape`` to ``[batch, features]`` -> ``flatten`` (nothing when the
  tensor already is 2-D).
- ``Upsample``/``Resize`` in ``nearest`` mode by one integer factor on H and W -> ``upsample``.
- ``BatchNormalization`` is folded: it makes no layer, and a preceding ``conv2d`` or ``linear``
  gains the bias the fold gives it (the zoo models count BN the same way). A ``Mul`` and ``Add`` of
  per-channel constants right after it (Caffe's Scale layer) fold with it.
- Token sequences, attention heads and channel shuffles (``Reshape``, ``Transpose``, ``MatMul`` of
  two activations or of tokens by a weight, ``Softmax``, ``LayerNormalization`` and ``RMSNormalization``
  of tokens (and both norms written out in primitives, as exports before opset 17 do),
  ``Gather`` of an embedding table): see ``onnx_layout.py``. A ``Mul``/``Div`` of an attention
  product by one constant (1/sqrt(dh)) is folded into it.
- ``Identity`` and ``Dropout`` are skipped; ``Constant`` nodes supply constants.

Any other operator raises ``model.onnx: node 'name' (OpType): unsupported operator; supported:
...``. Shapes come from ONNX shape inference and are checked against accelsim's own, so a node
whose size rule accelsim does not share is an error, not a silent difference. Weight tensors are
never read, only their dimensions (external weight files need not be present); small constants
(``Clip`` bounds, shapes) are. Needs the ``onnx`` extra: ``pip install accelsim[onnx]``.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Callable

from accelsim.errors import AccelsimError
from accelsim.workload import onnx_layout
from accelsim.workload.network import INPUT, Network, build_network
from accelsim.workload.onnx_fold import SMALL_ELEMENTS, fold_constants
from accelsim.workload.onnx_skim import SkimError, read_without_weights

_ACTIVATIONS = {"Relu": "relu", "Sigmoid": "sigmoid", "Tanh": "tanh", "LeakyRelu": "leaky_relu",
                "HardSwish": "hardswish", "Softmax": "softmax", "Gelu": "gelu", "Clip": None}
_FUSE_INTO = ("conv2d", "linear", "add")
_INTEGER = (2, 3, 4, 5, 6, 7, 12, 13)  # TensorProto's (u)int8..64
_PASS_THROUGH = ("Identity", "Dropout", "BatchNormalization")
_NOT_IN_NAME = re.compile(r"[^A-Za-z0-9_.:/\-\[\]]")  # the complement of network._NAME's characters
_BUILDER_FIELD = re.compile(r"^layers\[(\d+)\](?:\.(.*))?$")


def load_onnx(path: str | Path) -> Network:
    """Read an ONNX model file into a :class:`Network` (see the module docstring for the operators)."""
    return _translate(Path(path))[0]


def weight_sources(path: str | Path) -> tuple[Network, dict[str, list[tuple]], dict[str, Any]]:
    """:func:`load_onnx`'s network; per layer, the steps (tensor names, graph order) making its arrays:
    ``("weight", tensor, transpose, alpha)``, ``("bias", tensor, beta)``, ``("bn", scale, B, mean, var, epsilon)``,
    ``("mul", tensor)``, ``("add", tensor)``; and the constants (TensorProtos, small ones with values) after folding."""
    net, g = _translate(Path(path))
    return net, g.sources, g.consts


def _translate(path: Path) -> tuple[Network, "_Graph"]:
    label = path.name
    onnx = _import_onnx(label)
    model = _read(onnx, path, label)
    g = _Graph(onnx, model, label)
    patterns = onnx_layout.written_out(g, model.graph.node)
    for node in model.graph.node:
        where = _where(node)
        if node.output and node.output[0] in patterns:
            x, op = patterns[node.output[0]]  # the pattern's other nodes make nothing: one layer at its last
            if op == "gelu":
                _apply_activation(g, node, x, "gelu")
            elif op is not None:
                onnx_layout.normalise(g, node, x, op)
            continue
        handler = _HANDLERS.get(node.op_type) if node.domain in ("", "ai.onnx") else None
        if handler is None:
            raise AccelsimError(f"unsupported operator; supported: {', '.join(sorted(_HANDLERS))}",
                                file=label, field=where)
        try:
            handler(g, node)
        except AccelsimError as e:
            raise AccelsimError(e.message, file=label, field=where + (f": {e.field}" if e.field else "")) from None
    if not g.layers:
        raise AccelsimError("the graph holds no operator accelsim models (only skipped ones)", file=label)
    try:
        producer = f"{model.producer_name} {model.producer_version}".strip()
        net = build_network(path.stem, g.input_shape, g.layers, file=label,
                            source=f"ONNX {label}" + (f" from {producer}" if producer else ""))
    except AccelsimError as e:
        raise _to_node(e, g.origin) from None
    _check_shapes(net, g)
    return net, g


def _where(node: Any) -> str:
    return f"node {node.name or (node.output[0] if node.output else '?')!r} ({node.op_type})"


def _import_onnx(label: str) -> Any:
    try:
        import onnx
        import onnx.numpy_helper  # noqa: F401  (a submodule onnx does not always import)
        import onnx.shape_inference  # noqa: F401
    except ImportError:
        raise AccelsimError("reading ONNX models needs the onnx package: pip install accelsim[onnx]",
                            file=label) from None
    return onnx


def _read(onnx: Any, path: Path, label: str) -> Any:
    from google.protobuf.message import DecodeError  # onnx's own dependency

    try:
        data = read_without_weights(path, SMALL_ELEMENTS)  # weight bytes are never read, only their dimensions
    except OSError as e:
        raise AccelsimError(f"cannot read model file: {e.strerror}", file=str(path)) from None
    except SkimError as e:
        raise AccelsimError(f"not a valid ONNX model: {e}", file=label) from None
    try:
        model = fold_constants(onnx, onnx.load_model_from_string(data))
        del data
        return onnx.shape_inference.infer_shapes(model)
    except (DecodeError, onnx.shape_inference.InferenceError) as e:
        raise AccelsimError(f"not a valid ONNX model: {str(e).splitlines()[0] if str(e) else type(e).__name__}",
                            file=label) from None


class _Graph:
    """What the translation knows while it walks the nodes in order (private to this loader)."""

    def __init__(self, onnx: Any, model: Any, label: str):
        graph = model.graph
        self.onnx = onnx
        self.label = label
        self.consts: dict[str, Any] = {t.name: t for t in graph.initializer}
        self.shapes: dict[str, tuple] = {}
        for vi in list(graph.input) + list(graph.value_info) + list(graph.output):
            if vi.type.HasField("tensor_type") and vi.type.tensor_type.HasField("shape"):
                self.shapes[vi.name] = tuple(d.dim_value if d.HasField("dim_value") else None
                                             for d in vi.type.tensor_type.shape.dim)
        for node in graph.node:  # Constant outputs are constants too
            if node.op_type == "Constant" and (t := _constant_tensor(onnx, node)) is not None:
                self.consts[node.output[0]] = t
        self.layers: list[dict] = []
        self.by_name: dict[str, dict] = {}
        self.origin: list[tuple[str, str]] = []  # (node label, output tensor) per layer
        self.taken = {INPUT}
        self.input_shape, inp = _graph_input(graph, self.consts, self.shapes, label)
        self.producer: dict[str, str] = {inp: INPUT}
        self.root, self.uses = _uses(graph, self.consts, self.shapes)
        self.affine: dict[str, bool] = {}  # outputs of a folded BatchNorm (and its Caffe Scale): in a layer's weights?
        self.sources: dict[str, list[tuple]] = {}  # layer name -> steps making its arrays (weight_sources)
        self.layout: dict[str, str] = {}  # tensors that are not NCHW images (onnx_layout.py)

    # ---- tensors --------------------------------------------------------------------------
    def data(self, node: Any) -> list[str]:
        """The node's non-constant inputs, each produced by an earlier layer or the network input."""
        names = [t for t in node.input if t and t not in self.consts]
        for t in names:
            if t not in self.producer:
                raise AccelsimError(f"reads tensor {t!r}, which no earlier supported node produces")
        return names

    def const_dims(self, node: Any, i: int, what: str) -> tuple[int, ...]:
        if i >= len(node.input) or node.input[i] not in self.consts:
            raise AccelsimError(f"the {what} (input {i}) must be a constant initializer")
        return tuple(self.consts[node.input[i]].dims)

    def const_values(self, name: str) -> list[float]:
        return [float(v) for v in self.onnx.numpy_helper.to_array(self.consts[name]).ravel()]

    def shape(self, tensor: str) -> tuple[int, ...]:
        """Static shape of ``tensor`` with the batch dimension (any batch size counts as static)."""
        s = self.shapes.get(tensor)
        if s is None or any(d is None or d < 1 for d in s[1:]):
            raise AccelsimError(f"tensor {tensor!r} has no static shape ({s}); export with fixed input sizes")
        return s

    # ---- layers ---------------------------------------------------------------------------
    def emit(self, node: Any, raw: dict, inputs: list[str]) -> dict:
        base = _NOT_IN_NAME.sub("_", node.name or node.output[0]) or node.op_type.lower()
        name, n = base, 2
        while name in self.taken:
            name, n = f"{base}_{n}", n + 1
        self.taken.add(name)
        raw = {"name": name, **raw, "inputs": [self.producer[t] for t in inputs]}
        self.layers.append(raw)
        self.by_name[name] = raw
        self.origin.append((_where(node), node.output[0]))
        self.producer[node.output[0]] = name
        return raw

    def source(self, tensor: str, *step: Any) -> None:
        """Record that the layer making ``tensor`` takes ``step`` (see :func:`weight_sources`)."""
        self.sources.setdefault(self.producer[tensor], []).append(step)

    def alias(self, node: Any, tensor: str) -> None:
        """The node's output is ``tensor`` again (a skipped or folded node)."""
        self.producer[node.output[0]] = self.producer[tensor]
        if tensor in self.layout:
            self.layout[node.output[0]] = self.layout[tensor]

    def sole_reader(self, tensor: str) -> dict | None:
        """The layer that produced ``tensor``, if that layer's output is read only once."""
        layer = self.by_name.get(self.producer[tensor])
        return layer if layer is not None and self.uses.get(self.root.get(tensor, tensor), 0) == 1 else None


def _constant_tensor(onnx: Any, node: Any) -> Any | None:
    """The tensor a Constant node holds, or None for kinds accelsim does not read (sparse, strings)."""
    for a in node.attribute:
        if a.name == "value":
            return a.t
        if a.name in ("value_float", "value_floats", "value_int", "value_ints"):
            value = onnx.helper.get_attribute_value(a)
            dtype = onnx.TensorProto.FLOAT if "float" in a.name else onnx.TensorProto.INT64
            dims = [len(value)] if a.name.endswith("s") else []
            return onnx.helper.make_tensor(node.output[0], dtype, dims, value if dims else [value])
    return None


def _graph_input(graph: Any, consts: dict, shapes: dict, label: str) -> tuple[list[int], str]:
    inputs = [i.name for i in graph.input if i.name not in consts]
    if len(inputs) != 1:
        raise AccelsimError(f"accelsim models take one input tensor; this graph has {len(inputs)}: "
                            f"{', '.join(inputs)}", file=label, field="graph.input")
    s = shapes.get(inputs[0])
    if s is None or len(s) not in (2, 3, 4) or any(d is None or d < 1 for d in s[1:]):
        raise AccelsimError(f"must be [N, C, H, W], [N, features], [N, tokens, features] or token ids [N, tokens] "
                            f"with static sizes past the batch, got {s}", file=label,
                            field=f"graph.input {inputs[0]!r}")
    elem = next(i for i in graph.input if i.name == inputs[0]).type.tensor_type.elem_type
    if len(s) == 2 and elem in _INTEGER:
        return [1, s[1], 1], inputs[0]  # token ids, laid out as one feature per token
    if len(s) == 3:
        return [s[2], s[1], 1], inputs[0]
    return (list(s[1:]) if len(s) == 4 else [s[1], 1, 1]), inputs[0]


def _uses(graph: Any, consts: dict, shapes: dict) -> tuple[dict[str, str], dict[str, int]]:
    """For each tensor, the tensor it merely renames; and how many nodes (or graph outputs) read each.

    A pass-through node (Identity, Dropout, BN, a bias Add, a Flatten/Reshape of a 2-D tensor)
    reads nothing: its readers read its input. This decides activation fusion.
    """
    root: dict[str, str] = {}
    uses: dict[str, int] = {}
    for node in graph.node:
        data = [t for t in node.input if t and t not in consts]
        passes = (node.op_type in _PASS_THROUGH
                  or (node.op_type in ("Add", "Sum", "Mul") and len(data) == 1 and len(node.input) > 1)
                  or (node.op_type in ("Flatten", "Reshape") and len(shapes.get(data[0] if data else "", ())) == 2))
        if passes and data:
            root[node.output[0]] = root.get(data[0], data[0])
            continue
        for t in data:
            r = root.get(t, t)
            uses[r] = uses.get(r, 0) + 1
    for o in graph.output:
        r = root.get(o.name, o.name)
        uses[r] = uses.get(r, 0) + 1
    return root, uses


def _attrs(g: _Graph, node: Any) -> dict[str, Any]:
    out = {}
    for a in node.attribute:
        v = g.onnx.helper.get_attribute_value(a)
        out[a.name] = v.decode() if isinstance(v, bytes) else v
    return out


def _to_node(err: AccelsimError, origin: list[tuple[str, str]]) -> AccelsimError:
    """Re-aim a builder error at ``layers[i].field`` to the ONNX node that layer came from."""
    m = _BUILDER_FIELD.match(err.field or "")
    if not m:
        return err
    field = origin[int(m.group(1))][0] + (f": {m.group(2)}" if m.group(2) else "")
    return AccelsimError(err.message, file=err.file, field=field)


def _check_shapes(net: Network, g: _Graph) -> None:
    """accelsim's inferred output shapes must equal ONNX's (per sample) wherever ONNX knows them."""
    for layer, (where, tensor) in zip(net.layers, g.origin):
        onnx_shape = onnx_layout.ir_shape(g, tensor)
        if onnx_shape is not None and onnx_shape != layer.out_shape:
            raise AccelsimError(f"accelsim infers output shape {list(layer.out_shape)} but ONNX shape "
                                f"inference gives {list(onnx_shape)}; accelsim cannot model this node faithfully",
                                file=g.label, field=where)


# ---- operators: each reads one node and emits a layer, folds into one, or renames a tensor --------
def _one(g: _Graph, node: Any) -> str:
    data = g.data(node)
    if len(data) != 1:
        raise AccelsimError(f"expects one tensor input and constants, got {len(data)} tensors: {', '.join(data)}")
    return data[0]


def _pads(a: dict, hw: tuple[int, ...], kernel: tuple, stride: tuple, dil: tuple) -> list[int]:
    """``[top, left, bottom, right]`` from ``pads`` or ``auto_pad`` (ONNX orders pads the same way)."""
    if not len(kernel) == len(stride) == len(dil) == 2:
        raise AccelsimError(f"only 2-D windows are supported, got kernel {list(kernel)}, strides {list(stride)}, "
                            f"dilations {list(dil)}")
    mode = a.get("auto_pad", "NOTSET")
    if mode in ("NOTSET", ""):
        pads = list(a.get("pads", (0, 0, 0, 0)))
        if len(pads) != 4:
            raise AccelsimError(f"must hold 4 values (top, left, bottom, right), got {pads}", field="pads")
        return pads
    if mode == "VALID":
        return [0, 0, 0, 0]
    if mode not in ("SAME_UPPER", "SAME_LOWER"):
        raise AccelsimError(f"must be NOTSET, VALID, SAME_UPPER or SAME_LOWER, got {mode!r}", field="auto_pad")
    lo, hi = [], []
    for size, k, s, d in zip(hw, kernel, stride, dil):
        total = max(0, (math.ceil(size / s) - 1) * s + (k - 1) * d + 1 - size)
        lo.append(total // 2 if mode == "SAME_UPPER" else total - total // 2)
        hi.append(total - lo[-1])
    return lo + hi


def _conv(g: _Graph, node: Any) -> None:
    x = _one(g, node)
    w = g.const_dims(node, 1, "weight")
    s = g.shape(x)
    if len(w) != 4 or len(s) != 4:
        raise AccelsimError(f"only 2-D convolutions are supported; input {list(s)}, weight {list(w)}")
    a = _attrs(g, node)
    group = a.get("group", 1)
    if w[1] * group != s[1]:
        raise AccelsimError(f"a weight {list(w)} in {group} groups reads {w[1] * group} channels; "
                            f"the input has {s[1]}", field="group")
    kernel, stride, dil = tuple(a.get("kernel_shape", w[2:])), tuple(a.get("strides", (1, 1))), \
        tuple(a.get("dilations", (1, 1)))
    g.emit(node, {"op": "conv2d", "out": w[0], "kernel": list(kernel), "stride": list(stride),
                  "dilation": list(dil), "pad": _pads(a, s[2:], kernel, stride, dil), "groups": group,
                  "bias": len(node.input) > 2 and bool(node.input[2])}, [x])
    g.source(node.output[0], "weight", node.input[1], False, 1.0)
    if len(node.input) > 2 and node.input[2]:
        g.source(node.output[0], "bias", node.input[2], 1.0)


def _gemm(g: _Graph, node: Any) -> None:
    x = _one(g, node)
    a = _attrs(g, node)
    if a.get("transA", 0):
        raise AccelsimError("must be 0: the activation operand must be [batch, features]", field="transA")
    b = g.const_dims(node, 1, "weight B")
    if len(b) != 2:
        raise AccelsimError(f"the weight B must be a matrix, got shape {list(b)}")
    k, n = (b[1], b[0]) if a.get("transB", 0) else b
    _linear(g, node, x, k, n, bias=len(node.input) > 2 and bool(node.input[2]))
    g.source(node.output[0], "weight", node.input[1], not a.get("transB", 0), a.get("alpha", 1.0))
    if len(node.input) > 2 and node.input[2]:
        g.source(node.output[0], "bias", node.input[2], a.get("beta", 1.0))


def _matmul(g: _Graph, node: Any) -> None:
    if len(node.input) > 1 and node.input[1] not in g.consts:
        onnx_layout.matmul(g, node)
        return
    x = _one(g, node)
    if onnx_layout.is_tokens(g, x):
        onnx_layout.gemm(g, node, x)
        return
    b = g.const_dims(node, 1, "weight B")
    if len(b) != 2 or len(g.shape(x)) != 2:
        raise AccelsimError(f"only a [batch, features] tensor times a constant [features, out] matrix is "
                            f"supported, got {list(g.shape(x))} x {list(b)}")
    _linear(g, node, x, b[0], b[1], bias=False)
    g.source(node.output[0], "weight", node.input[1], True, 1.0)  # B is [features, out]; accelsim's is (out, in)


def _linear(g: _Graph, node: Any, x: str, k: int, n: int, bias: bool) -> None:
    features = math.prod(g.shape(x)[1:])
    if k != features:
        raise AccelsimError(f"the weight reads {k} features but the input {list(g.shape(x))} holds {features} "
                            "per sample")
    g.emit(node, {"op": "linear", "out": n, "bias": bias}, [x])


def _pool(g: _Graph, node: Any) -> None:
    x = _one(g, node)
    op = "maxpool" if "Max" in node.op_type else "avgpool"
    if len(g.shape(x)) != 4:
        raise AccelsimError(f"pools need an [N, C, H, W] input, got {list(g.shape(x))}")
    if node.op_type.startswith("Global"):
        g.emit(node, {"op": op, "global": True}, [x])
        return
    a = _attrs(g, node)
    if "kernel_shape" not in a:
        raise AccelsimError("missing required attribute", field="kernel_shape")
    kernel = tuple(a["kernel_shape"])
    stride, dil = tuple(a.get("strides", [1] * len(kernel))), tuple(a.get("dilations", [1] * len(kernel)))
    if any(d != 1 for d in dil):
        raise AccelsimError(f"dilated pooling is not supported, got {list(dil)}", field="dilations")
    g.emit(node, {"op": op, "kernel": list(kernel), "stride": list(stride),
                  "pad": _pads(a, g.shape(x)[2:], kernel, stride, dil), "ceil_mode": bool(a.get("ceil_mode", 0))},
           [x])


def _activation(g: _Graph, node: Any) -> None:
    x = _one(g, node)
    if node.op_type == "Softmax" and onnx_layout.is_tokens(g, x):
        onnx_layout.normalise(g, node, x, "softmax")
        return
    _apply_activation(g, node, x, _ACTIVATIONS[node.op_type] or _clip_fn(g, node))


def _apply_activation(g: _Graph, node: Any, x: str, fn: str) -> None:
    layer = g.sole_reader(x)
    if layer is not None and layer["op"] in _FUSE_INTO and "activation" not in layer:
        layer["activation"] = fn
        g.alias(node, x)
    else:
        g.emit(node, {"op": "activation", "fn": fn}, [x])


def _clip_fn(g: _Graph, node: Any) -> str:
    a = _attrs(g, node)
    bounds = [a.get("min"), a.get("max")]  # attributes before opset 11, constant inputs after
    for i in (1, 2):
        if len(node.input) > i and node.input[i]:
            bounds[i - 1] = g.const_values(node.input[i])[0]
    lo, hi = bounds
    if lo == 0 and (hi is None or hi >= 3.0e38):  # float32's max stands for "no upper bound"
        return "relu"
    if lo == 0 and hi == 6:
        return "relu6"
    raise AccelsimError(f"only Clip(0, 6) (relu6) and Clip(0, inf) (relu) are supported, got Clip({lo}, {hi})")


def _eltwise(g: _Graph, node: Any) -> None:
    data = g.data(node)
    if len(data) == 1 and data[0] in g.affine and _per_channel(g, node, data[0]):
        g.alias(node, data[0])  # Caffe's Scale after BatchNorm: the same per-channel affine, folded with it
        g.affine[node.output[0]] = g.affine[data[0]]
        if g.affine[data[0]]:
            g.source(data[0], "mul" if node.op_type == "Mul" else "add", next(t for t in node.input if t in g.consts))
        return
    if len(data) == 1 and node.op_type in ("Mul", "Div") and _scalar(g, node) and _made_by(g, data[0], "matmul"):
        g.alias(node, data[0])  # attention's 1/sqrt(dh): kernels fold it into Q or the scores' output path
        return
    if len(data) < len([t for t in node.input if t]):
        layer = g.by_name.get(g.producer[data[0]]) if len(data) == 1 and node.op_type != "Mul" else None
        if layer is None or layer["op"] not in ("conv2d", "linear", "gemm") or "activation" in layer:
            raise AccelsimError(f"{node.op_type} with a constant operand is supported only as the bias of a "
                                "preceding Conv, Gemm or MatMul")
        layer["bias"] = True
        g.source(data[0], "add", next(t for t in node.input if t in g.consts))
        g.alias(node, data[0])
    elif len(data) == 1:
        g.alias(node, data[0])
    else:
        g.emit(node, {"op": "mul" if node.op_type == "Mul" else "add"}, data)


def _scale(g: _Graph, node: Any) -> None:
    data = g.data(node)
    if not (len(data) == 1 and node.input[0] == data[0] and _scalar(g, node) and _made_by(g, data[0], "matmul")):
        raise AccelsimError("Div is supported only as the scale of an attention product by a constant")
    g.alias(node, data[0])  # attention's 1/sqrt(dh): kernels fold it into Q or the scores' output path


def _scalar(g: _Graph, node: Any) -> bool:
    """Whether the node's one constant operand holds a single value."""
    return all(math.prod(g.consts[t].dims) == 1 for t in node.input if t in g.consts)


def _made_by(g: _Graph, tensor: str, op: str) -> bool:
    layer = g.by_name.get(g.producer[tensor])
    return layer is not None and layer["op"] == op


def _per_channel(g: _Graph, node: Any, x: str) -> bool:
    """Whether every constant operand of ``node`` broadcasts over ``x`` with one value per channel (axis 1)."""
    s = g.shape(x)
    for t in node.input:
        if t in g.consts:
            dims = list(g.consts[t].dims)
            if len(dims) > len(s):
                return False
            dims = [1] * (len(s) - len(dims)) + dims  # ONNX broadcasting aligns the trailing axes
            if any(d != 1 for i, d in enumerate(dims) if i != 1) or dims[1] not in (1, s[1]):
                return False
    return True


def _concat(g: _Graph, node: Any) -> None:
    data = g.data(node)
    if len(data) < len([t for t in node.input if t]):
        raise AccelsimError("constant inputs are not supported")
    rank = len(g.shape(data[0]))
    axis = _attrs(g, node).get("axis")
    if axis is None or axis % rank != 1:
        raise AccelsimError(f"only the channel axis (1) is supported, got {axis}", field="axis")
    if len(data) == 1:
        g.alias(node, data[0])
    else:
        g.emit(node, {"op": "concat"}, data)


def _flatten(g: _Graph, node: Any) -> None:
    x = _one(g, node)
    s = g.shape(x)
    if node.op_type == "Flatten":
        axis = _attrs(g, node).get("axis", 1)
        if axis % len(s) != 1:
            raise AccelsimError(f"only axis 1 (keep the batch, flatten the rest) is supported, got {axis}",
                                field="axis")
    else:
        out = g.shape(node.output[0])
        if len(out) != 2:
            onnx_layout.reshape(g, node, x)
            return
        if out[1] != math.prod(s[1:]):
            raise AccelsimError(f"only a reshape to [batch, features] is supported, got {list(s)} -> {list(out)}")
    if len(s) == 2:
        g.alias(node, x)
    else:
        g.emit(node, {"op": "flatten"}, [x])


def _upsample(g: _Graph, node: Any) -> None:
    x = _one(g, node)
    mode = _attrs(g, node).get("mode", "nearest")
    if mode != "nearest":
        raise AccelsimError(f"only nearest-neighbour upsampling is supported, got {mode!r}", field="mode")
    s, out = g.shape(x), g.shape(node.output[0])
    if (len(s) != 4 or len(out) != 4 or out[1] != s[1] or out[2] % s[2] or out[3] % s[3]
            or out[2] // s[2] != out[3] // s[3]):
        raise AccelsimError(f"only one integer scale on H and W is supported, got {list(s)} -> {list(out)}")
    g.emit(node, {"op": "upsample", "scale": out[2] // s[2]}, [x])


def _batchnorm(g: _Graph, node: Any) -> None:
    x = _one(g, node)
    layer = g.by_name.get(g.producer[x])
    fold = layer is not None and layer["op"] in ("conv2d", "linear") and "activation" not in layer
    if fold:
        layer["bias"] = True  # folding y = a*conv(x) + b into the conv leaves a bias per output channel
        g.source(x, "bn", *node.input[1:5], _attrs(g, node).get("epsilon", 1e-5))
    g.alias(node, x)
    g.affine[node.output[0]] = fold


def _lrn(g: _Graph, node: Any) -> None:
    x = _one(g, node)
    if len(g.shape(x)) != 4:
        raise AccelsimError(f"LRN normalises across the channels of an [N, C, H, W] tensor, got {list(g.shape(x))}")
    g.emit(node, {"op": "lrn", "size": _attrs(g, node)["size"]}, [x])


def _layernorm(g: _Graph, node: Any) -> None:
    onnx_layout.normalise(g, node, _one(g, node), "layernorm" if node.op_type == "LayerNormalization" else "rmsnorm")


def _skip(g: _Graph, node: Any) -> None:
    g.alias(node, _one(g, node))


def _constant(g: _Graph, node: Any) -> None:
    if node.output[0] not in g.consts:
        raise AccelsimError("only tensor, float and int constants are supported")


_HANDLERS: dict[str, Callable[[_Graph, Any], None]] = {
    "Conv": _conv, "Gemm": _gemm, "MatMul": _matmul,
    **{op: _activation for op in _ACTIVATIONS},
    "MaxPool": _pool, "AveragePool": _pool, "GlobalMaxPool": _pool, "GlobalAveragePool": _pool,
    "Add": _eltwise, "Sum": _eltwise, "Mul": _eltwise, "Concat": _concat,
    "Flatten": _flatten, "Reshape": _flatten, "Upsample": _upsample, "Resize": _upsample,
    "BatchNormalization": _batchnorm, "Identity": _skip, "Dropout": _skip, "Constant": _constant,
    "LRN": _lrn, "Transpose": onnx_layout.transpose, "Gather": onnx_layout.embedding,
    "LayerNormalization": _layernorm, "RMSNormalization": _layernorm, "Div": _scale,
}
