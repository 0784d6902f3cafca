"""Constant folding of an ONNX graph before accelsim reads it: shapes and dtypes, never big weights.

Model-zoo graphs often compute their constants instead of storing them: the ``light_*`` graphs that
the ``onnx`` wheel ships make every weight with ``ConstantOfShape``, Caffe2 exports ``Unsqueeze`` their
per-channel scales, and PyTorch exports build ``Reshape`` targets from ``Shape``/``Gather``/``Concat``.
:func:`fold_constants` evaluates every node whose inputs are all constants and puts its outputs back as
initializers, so the loader sees plain weights and fixed shapes.

accelsim reads only the dimensions of a weight, never its values, so a constant is held as
:class:`Const`: a data type, dimensions, and values only while it is small (``SMALL_ELEMENTS``;
shapes, axes, Clip bounds, a BN scale). A big constant (a VGG-19 FC weight: 103 M floats) is never
materialised: folding works out its dimensions from the operator's shape rule, and the initializer
that goes back into the graph carries dimensions without bytes. Big initializers already in the file
lose their bytes the same way before ONNX shape inference runs, which would otherwise copy them.

Folded operators: ``Constant``, ``ConstantOfShape``, ``Shape`` (of a constant, or of a tensor whose
shape ONNX shape inference fixes), ``Unsqueeze``, ``Squeeze``, ``Reshape``, ``Flatten``, ``Transpose``,
``Concat``, ``Gather``, ``Slice``, ``Cast``, ``Identity``, ``Expand`` and element-wise arithmetic
(``Add``, ``Sub``, ``Mul``, ``Div``, ``Pow``, ``Sqrt``, ``Neg``, ``Reciprocal``). A node that folding
cannot evaluate (values needed but unknown, an attribute it does not read) stays in the graph for the
loader to judge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

#: a constant of at most this many elements keeps its values (shapes, axes, bounds, per-channel vectors)
SMALL_ELEMENTS = 4096


@dataclass(frozen=True)
class Const:
    """A constant tensor: ONNX ``dtype`` (a ``TensorProto`` data type), ``dims``, and ``values`` (None when big)."""

    dtype: int
    dims: tuple[int, ...]
    values: np.ndarray | None = None


class _Unknown(Exception):
    """The values a fold needs are not held (the constant is big): leave the node in the graph."""


def fold_constants(onnx: Any, model: Any) -> Any:
    """``model`` with every all-constant node folded into initializers and big weights' bytes dropped.

    Returns a new ModelProto (IR version at least 4, so initializers need not be graph inputs); the
    ``model`` passed in is left as it was. Nothing here raises on a node it cannot fold: it stays.
    """
    graph = model.graph
    consts: dict[str, Const] = {t.name: _from_tensor(onnx, t) for t in graph.initializer}
    shapes = _static_shapes(onnx, model, consts)
    opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), 1)
    kept = []
    for node in graph.node:
        outs = _fold(onnx, node, consts, shapes, opset) if node.domain in ("", "ai.onnx") else None
        if outs is None:
            kept.append(node)
        else:
            consts.update({name: c for name, c in zip(node.output, outs) if name})
    read = {t for n in kept for t in n.input} | {o.name for o in graph.output}
    new = onnx.ModelProto()  # built field by field: CopyFrom would duplicate the weight bytes
    for fld in ("ir_version", "producer_name", "producer_version", "domain", "model_version", "doc_string"):
        setattr(new, fld, getattr(model, fld))
    new.ir_version = max(model.ir_version, 4)
    new.opset_import.extend(model.opset_import)
    new.functions.extend(model.functions)
    new.metadata_props.extend(model.metadata_props)
    g = new.graph
    g.name = graph.name
    g.node.extend(kept)
    g.input.extend(i for i in graph.input if i.name not in consts)
    g.output.extend(graph.output)
    g.initializer.extend(_to_tensor(onnx, name, c) for name, c in consts.items() if name in read)
    g.value_info.extend(v for v in graph.value_info if v.name not in consts)
    return new


# ---- reading and writing constants ----------------------------------------------------------------
def _from_tensor(onnx: Any, t: Any) -> Const:
    """A Const from a TensorProto, reading values only when small and stored in the file."""
    dims = tuple(int(d) for d in t.dims)
    external = t.data_location == onnx.TensorProto.EXTERNAL
    if math.prod(dims) > SMALL_ELEMENTS or external:
        return Const(t.data_type, dims)
    try:
        return Const(t.data_type, dims, onnx.numpy_helper.to_array(t))
    except Exception:  # an odd encoding (strings, a truncated file): the dimensions are all accelsim needs
        return Const(t.data_type, dims)


def _to_tensor(onnx: Any, name: str, c: Const) -> Any:
    """An initializer: values when held, else dimensions and data type with no bytes."""
    if c.values is not None and c.dtype != onnx.TensorProto.STRING:
        t = onnx.numpy_helper.from_array(np.asarray(c.values), name)
        t.data_type = c.dtype  # from_array maps bool/float16 the same way; keep the file's declared type
        return t
    return onnx.TensorProto(name=name, dims=c.dims, data_type=c.dtype)


def _static_shapes(onnx: Any, model: Any, consts: dict[str, Const]) -> dict[str, tuple[int, ...]]:
    """Fully known tensor shapes from ONNX shape inference run on a weight-less copy (for ``Shape``)."""
    if not any(n.op_type == "Shape" for n in model.graph.node):
        return {}
    probe = onnx.ModelProto()
    probe.ir_version = max(model.ir_version, 4)
    probe.opset_import.extend(model.opset_import)
    probe.graph.node.extend(model.graph.node)
    probe.graph.input.extend(i for i in model.graph.input if i.name not in consts)
    probe.graph.output.extend(model.graph.output)
    probe.graph.initializer.extend(_to_tensor(onnx, n, c) for n, c in consts.items())
    try:
        inferred = onnx.shape_inference.infer_shapes(probe)
    except Exception:  # the loader runs inference again and reports what is wrong
        return {}
    out = {}
    for vi in list(inferred.graph.input) + list(inferred.graph.value_info):
        dims = vi.type.tensor_type.shape.dim
        if vi.type.tensor_type.HasField("shape") and all(d.HasField("dim_value") for d in dims):
            out[vi.name] = tuple(d.dim_value for d in dims)
    return out


# ---- folding one node -----------------------------------------------------------------------------
def _fold(onnx: Any, node: Any, consts: dict, shapes: dict, opset: int) -> list[Const] | None:
    """The node's outputs as constants, or None when it reads a tensor or cannot be evaluated here."""
    if node.op_type == "Shape" and node.input and node.input[0] in shapes and node.input[0] not in consts:
        return [_shape_of(shapes[node.input[0]], _attrs(onnx, node))]
    fn = _FOLDERS.get(node.op_type)
    if fn is None or any(t and t not in consts for t in node.input):
        return None
    ins = [consts[t] if t else None for t in node.input]
    try:
        out = fn(onnx, _attrs(onnx, node), ins, opset)
    except (_Unknown, ValueError, IndexError, TypeError, KeyError):  # the loader judges what stays
        return None
    return out if isinstance(out, list) else [out]


def _attrs(onnx: Any, node: Any) -> dict[str, Any]:
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _need(c: Const | None) -> np.ndarray:
    if c is None or c.values is None:
        raise _Unknown
    return c.values


def _out(dtype: int, dims: tuple[int, ...], values: Callable[[], np.ndarray]) -> Const:
    """A Const of ``dims``; ``values()`` is computed only when the result is small and its inputs known."""
    dims = tuple(int(d) for d in dims)
    if math.prod(dims) > SMALL_ELEMENTS:
        return Const(dtype, dims)
    try:
        v = np.asarray(values())
    except _Unknown:
        return Const(dtype, dims)
    if tuple(v.shape) != dims:
        raise ValueError(f"fold gave {v.shape}, expected {dims}")
    return Const(dtype, dims, v)


def _ints(c: Const | None) -> list[int]:
    return [int(v) for v in _need(c).ravel()]


def _axes(a: dict, ins: list, i: int, opset: int, since: int) -> list[int] | None:
    """Axes from the attribute (before opset ``since``) or input ``i`` (from it on)."""
    if opset < since:
        return list(a["axes"]) if "axes" in a else None
    return _ints(ins[i]) if len(ins) > i and ins[i] is not None else None


def _constant(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    if "value" in a:
        return _from_tensor(onnx, a["value"])
    for key in ("value_float", "value_floats", "value_int", "value_ints"):
        if key in a:
            v = np.array(a[key], np.float32 if "float" in key else np.int64)
            return Const(onnx.helper.np_dtype_to_tensor_dtype(v.dtype), v.shape, v)
    raise _Unknown  # sparse and string constants: the loader judges them


def _constant_of_shape(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    dims = tuple(_ints(ins[0]))
    fill = onnx.numpy_helper.to_array(a["value"]).ravel() if "value" in a else np.zeros(1, np.float32)
    dtype = a["value"].data_type if "value" in a else onnx.TensorProto.FLOAT
    return _out(dtype, dims, lambda: np.full(dims, fill[0], fill.dtype))


def _shape_of(dims: tuple[int, ...], a: dict) -> Const:
    start, end = a.get("start", 0), a.get("end", len(dims))
    v = np.array(dims[slice(start, end)], np.int64)
    return Const(7, v.shape, v)  # 7: TensorProto.INT64


def _shape(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    return _shape_of(ins[0].dims, a)


def _unsqueeze(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    axes = _axes(a, ins, 1, opset, 13)
    if axes is None:
        raise _Unknown
    rank = len(ins[0].dims) + len(axes)
    dims = list(ins[0].dims)
    for ax in sorted(x % rank for x in axes):
        dims.insert(ax, 1)
    return _out(ins[0].dtype, tuple(dims), lambda: _need(ins[0]).reshape(dims))


def _squeeze(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    axes = _axes(a, ins, 1, opset, 13)
    d = ins[0].dims
    drop = {x % len(d) for x in axes} if axes is not None else {i for i, n in enumerate(d) if n == 1}
    if any(d[i] != 1 for i in drop):
        raise ValueError("squeezes an axis that is not 1")
    dims = tuple(n for i, n in enumerate(d) if i not in drop)
    return _out(ins[0].dtype, dims, lambda: _need(ins[0]).reshape(dims))


def _reshape(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    target = _ints(ins[1]) if opset >= 5 else list(a["shape"])
    d = ins[0].dims
    dims = [d[i] if t == 0 and not a.get("allowzero", 0) else t for i, t in enumerate(target)]
    if dims.count(-1) == 1:
        known = math.prod(x for x in dims if x != -1)
        dims[dims.index(-1)] = math.prod(d) // known if known else 0
    if math.prod(dims) != math.prod(d) or any(x < 0 for x in dims):
        raise ValueError("reshape does not keep the element count")
    return _out(ins[0].dtype, tuple(dims), lambda: _need(ins[0]).reshape(dims))


def _flatten(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    d = ins[0].dims
    axis = a.get("axis", 1) % (len(d) or 1) if d else 0
    dims = (math.prod(d[:axis]), math.prod(d[axis:]))
    return _out(ins[0].dtype, dims, lambda: _need(ins[0]).reshape(dims))


def _transpose(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    d = ins[0].dims
    perm = list(a.get("perm", range(len(d) - 1, -1, -1)))
    return _out(ins[0].dtype, tuple(d[p] for p in perm), lambda: _need(ins[0]).transpose(perm))


def _concat(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    parts = [c for c in ins if c is not None]
    rank = len(parts[0].dims)
    axis = a["axis"] % rank
    dims = list(parts[0].dims)
    dims[axis] = sum(c.dims[axis] for c in parts)
    return _out(parts[0].dtype, tuple(dims), lambda: np.concatenate([_need(c) for c in parts], axis=axis))


def _gather(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    data, idx = ins
    axis = a.get("axis", 0) % len(data.dims)
    dims = data.dims[:axis] + idx.dims + data.dims[axis + 1:]
    return _out(data.dtype, dims, lambda: np.take(_need(data), _need(idx), axis=axis))


def _slice(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    d = ins[0].dims
    if opset < 10:
        starts, ends, axes, steps = a["starts"], a["ends"], a.get("axes"), None
    else:
        starts, ends = _ints(ins[1]), _ints(ins[2])
        axes = _ints(ins[3]) if len(ins) > 3 and ins[3] is not None else None
        steps = _ints(ins[4]) if len(ins) > 4 and ins[4] is not None else None
    axes = [x % len(d) for x in (axes if axes is not None else range(len(starts)))]
    steps = steps or [1] * len(starts)
    index = [slice(None)] * len(d)
    for ax, s, e, st in zip(axes, starts, ends, steps):
        index[ax] = slice(s, e, st)
    dims = tuple(len(range(*sl.indices(n))) for sl, n in zip(index, d))
    return _out(ins[0].dtype, dims, lambda: _need(ins[0])[tuple(index)])


def _cast(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    to = a["to"]
    np_type = onnx.helper.tensor_dtype_to_np_dtype(to)
    return _out(to, ins[0].dims, lambda: _need(ins[0]).astype(np_type))


def _identity(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    return ins[0]


def _expand(onnx: Any, a: dict, ins: list, opset: int) -> Const:
    dims = np.broadcast_shapes(ins[0].dims, tuple(_ints(ins[1])))
    return _out(ins[0].dtype, dims, lambda: np.broadcast_to(_need(ins[0]), dims).copy())


_NUMPY = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": None, "Pow": np.power,
          "Sqrt": np.sqrt, "Neg": np.negative, "Reciprocal": np.reciprocal}


def _elementwise(op: str) -> Callable:
    def fold(onnx: Any, a: dict, ins: list, opset: int) -> Const:
        dims = np.broadcast_shapes(*(c.dims for c in ins))

        def values() -> np.ndarray:
            args = [_need(c) for c in ins]
            if op == "Div":  # ONNX Div of integers truncates toward zero, as C does
                x, y = args
                return (np.trunc(x / y).astype(x.dtype) if np.issubdtype(x.dtype, np.integer) else x / y)
            return _NUMPY[op](*args).astype(args[0].dtype)
        return _out(ins[0].dtype, dims, values)
    return fold


_FOLDERS: dict[str, Callable] = {
    "Constant": _constant, "ConstantOfShape": _constant_of_shape, "Shape": _shape, "Unsqueeze": _unsqueeze,
    "Squeeze": _squeeze, "Reshape": _reshape, "Flatten": _flatten, "Transpose": _transpose, "Concat": _concat,
    "Gather": _gather, "Slice": _slice, "Cast": _cast, "Identity": _identity, "Expand": _expand,
    **{op: _elementwise(op) for op in _NUMPY},
}
