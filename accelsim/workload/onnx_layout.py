"""ONNX tensors that are not NCHW images: token sequences, attention heads and channel groups.

accelsim's IR holds every tensor as ``(C, H, W)``; a transformer's tokens as ``(features, tokens, 1)``
(see ``layer.py``). The loader tags each ONNX tensor of another layout so that its shape maps onto
that one (``T`` tokens, ``D = H x dh`` features, ``H`` heads):

- ``rows``: ``[N, T, D]``, a token sequence, IR ``(D, T, 1)``; any rank-3 tensor unless tagged otherwise.
- ``cols``: ``[N, D, T]`` or ``[N, H, dh, T]``, the same sequence read transposed (Kᵀ), IR ``(D, T, 1)``.
- ``split``: ``[N, T, H, dh]``, ``heads``: ``[N, H, T, dh]``, IR ``(D, T, 1)``. An attention product
  ``[N, H, T, S]`` is ``heads`` too, IR ``(H x S, T, 1)``, the IR ``matmul``'s output.
- ``grouped``: ``[N, g, C/g, H, W]``, a channel shuffle's middle tensor (not compared with ONNX's shape).

What moves data and what does not, and why:

- Splitting projections into heads and merging them back (``Reshape`` ``[N, T, D] <-> [N, T, H, dh]``,
  ``Transpose`` among ``rows``/``cols``/``split``/``heads``) makes no layer: the IR's ``matmul`` with
  ``heads`` reads each head's ``dh`` features of every token in place, as the zoo transformers count it.
- A channel shuffle (``Reshape [N, C, H, W] -> [N, g, C/g, H, W]``, ``Transpose [0, 2, 1, 3, 4]``,
  ``Reshape`` back) does move data: every channel goes to a new place, so the next layer cannot read
  it in place. It becomes ``reshape (g, C/g, H x W)`` (a view), ``transpose`` (a copy of every
  element through the vector unit) and ``reshape (C, H, W)`` (a view).
- ``Reshape [N, C, H, W] -> [N, C, H x W]`` (a ViT's patches to tokens) is an IR ``reshape`` to
  ``(C, H x W, 1)``, tagged ``cols``; the ``Transpose [0, 2, 1]`` after it is the token view.
- ``MatMul`` of two activations -> ``matmul`` with ``heads`` (``H``, 1 for rank 3), ``m``, ``k``, ``n``
  from the ONNX operand shapes; of a ``rows`` tensor by a constant ``[D, F]`` -> ``gemm`` (``m = T``).
- ``Gather`` of rows of a constant ``[vocab, D]`` table by the graph's token ids ``[N, T]`` -> ``embedding``.
- ``Softmax`` (last axis) of a token or head tensor -> ``softmax``; ``LayerNormalization`` and
  ``RMSNormalization`` (last axis) -> ``layernorm``/``rmsnorm``, and so do both written out in
  primitives, and GELU written out with ``Erf`` -> one ``gelu`` (:func:`written_out`).
"""

from __future__ import annotations

import math
from typing import Any

from accelsim.errors import AccelsimError

TOKEN_LAYOUTS = ("rows", "cols", "split", "heads")


def layout(g: Any, tensor: str) -> str:
    """The tag of ``tensor``: its own, else ``rows`` for rank 3 and ``image`` otherwise."""
    return g.layout.get(tensor) or ("rows" if len(g.shape(tensor)) == 3 else "image")


def ir_shape(g: Any, tensor: str) -> tuple[int, int, int] | None:
    """The IR ``(C, H, W)`` an ONNX tensor of static shape maps to, or None where it has no fixed one."""
    s = g.shapes.get(tensor)
    if s is None or any(d is None for d in s[1:]):
        return None
    tag = layout(g, tensor) if len(s) in (3, 4) else g.layout.get(tensor)
    if len(s) == 2 and tag is None:
        return (s[1], 1, 1)
    if len(s) == 4 and tag == "image":
        return tuple(s[1:])  # type: ignore[return-value]
    if len(s) == 3:
        return (s[2], s[1], 1) if tag == "rows" else (s[1], s[2], 1)
    if len(s) == 4:
        n_heads, a, b = s[1], s[2], s[3]
        if tag == "split":
            return (a * b, n_heads, 1)
        return (n_heads * b, a, 1) if tag == "heads" else (n_heads * a, b, 1)
    return None


def _attrs(g: Any, node: Any) -> dict[str, Any]:
    return {a.name: g.onnx.helper.get_attribute_value(a) for a in node.attribute}


def _view(g: Any, node: Any, x: str, tag: str) -> None:
    g.alias(node, x)
    g.layout[node.output[0]] = tag


def reshape(g: Any, node: Any, x: str) -> None:
    """A Reshape to a rank other than 2 (the loader turns ``[N, features]`` into ``flatten`` itself)."""
    s, out, tag = g.shape(x), g.shape(node.output[0]), layout(g, x)
    if tag == "rows" and len(out) == 4 and out[1] == s[1] and out[2] * out[3] == s[2]:
        return _view(g, node, x, "split")  # [N, T, D] -> [N, T, H, dh]
    if tag == "split" and len(out) == 3 and out[1] == s[1] and out[2] == s[2] * s[3]:
        return _view(g, node, x, "rows")  # heads merged back
    if tag == "image" and len(out) == 5 and out[1] * out[2] == s[1] and tuple(out[3:]) == tuple(s[2:]):
        g.emit(node, {"op": "reshape", "shape": [out[1], out[2], s[2] * s[3]]}, [x])
        g.layout[node.output[0]] = "grouped"
        return None
    if tag == "grouped" and len(out) == 4 and out[1] == s[1] * s[2] and tuple(out[2:]) == tuple(s[3:]):
        g.emit(node, {"op": "reshape", "shape": list(out[1:])}, [x])
        return None
    if tag == "image" and len(out) == 3 and out[1] == s[1] and out[2] == s[2] * s[3]:
        g.emit(node, {"op": "reshape", "shape": [s[1], out[2], 1]}, [x])
        g.layout[node.output[0]] = "cols"
        return None
    raise AccelsimError(f"only flattening to [batch, features], splitting or merging attention heads, a channel "
                        f"shuffle and image patches to tokens are supported, got {list(s)} -> {list(out)}")


# what each view becomes under a permutation: (from layout, rank, perm) -> to layout
_PERMS = {
    ("rows", (0, 2, 1)): "cols", ("cols", (0, 2, 1)): "rows",
    ("split", (0, 2, 1, 3)): "heads", ("split", (0, 2, 3, 1)): "cols",
    ("heads", (0, 2, 1, 3)): "split", ("heads", (0, 1, 3, 2)): "cols", ("cols", (0, 1, 3, 2)): "heads",
    ("cols", (0, 3, 1, 2)): "split",
}


def transpose(g: Any, node: Any) -> None:
    """Head split/merge views, and the channel shuffle's transpose (a copy)."""
    (x,) = g.data(node)
    s, tag = g.shape(x), layout(g, x)
    perm = tuple(_attrs(g, node).get("perm", range(len(s) - 1, -1, -1)))
    if tag == "grouped" and perm == (0, 2, 1, 3, 4):
        g.emit(node, {"op": "transpose"}, [x])
        g.layout[node.output[0]] = "grouped"
        return
    to = _PERMS.get((tag, perm)) if len(s) in (3, 4) else None
    if to is None:
        raise AccelsimError(f"only the transposes of attention heads and of a channel shuffle are supported, got "
                            f"perm {list(perm)} of a {tag} tensor {list(s)}", field="perm")
    _view(g, node, x, to)


def matmul(g: Any, node: Any) -> None:
    """MatMul of two activations (attention) -> ``matmul`` with heads."""
    a, b = node.input[0], node.input[1]
    g.data(node)
    sa, sb = g.shape(a), g.shape(b)
    if (len(sa) != len(sb) or len(sa) not in (3, 4) or sa[:-2] != sb[:-2] or sa[-1] != sb[-2]
            or "image" in (layout(g, a), layout(g, b))):
        raise AccelsimError(f"only products of token or head tensors [N, (heads,) M, K] x [N, (heads,) K, N] are "
                            f"supported, got {list(sa)} x {list(sb)}")
    heads = sa[1] if len(sa) == 4 else 1
    g.emit(node, {"op": "matmul", "heads": heads, "m": sa[-2], "k": sa[-1], "n": sb[-1]}, [a, b])
    g.layout[node.output[0]] = "heads" if len(sa) == 4 else "rows"


def gemm(g: Any, node: Any, x: str) -> None:
    """A ``rows`` tensor ``[N, T, D]`` times a constant ``[D, F]`` -> ``gemm`` with ``m = T``."""
    s, w = g.shape(x), g.const_dims(node, 1, "weight B")
    if layout(g, x) != "rows" or len(w) != 2 or w[0] != s[2]:
        raise AccelsimError(f"only a token tensor [N, T, D] times a constant [D, F] matrix is supported, got "
                            f"{list(s)} x {list(w)}")
    g.emit(node, {"op": "gemm", "m": s[1], "k": s[2], "n": w[1]}, [x])


def normalise(g: Any, node: Any, x: str, op: str) -> None:
    """Softmax or LayerNormalization over the last axis of a token or head tensor."""
    s = g.shape(x)
    axis = _attrs(g, node).get("axis", -1)
    if axis % len(s) != len(s) - 1:
        raise AccelsimError(f"only the last axis (the features of a token) is supported, got {axis}", field="axis")
    g.emit(node, {"op": op}, [x])
    g.layout[node.output[0]] = layout(g, x)


def embedding(g: Any, node: Any) -> None:
    """Gather of rows of a constant table by token ids -> ``embedding`` (a DRAM gather)."""
    table, ids = node.input[0], node.input[1]
    if table not in g.consts or ids in g.consts or _attrs(g, node).get("axis", 0) != 0:
        raise AccelsimError("only a Gather of rows (axis 0) of a constant table by token ids is supported")
    dims = tuple(g.consts[table].dims)
    s = g.shape(ids)
    if len(dims) != 2 or len(s) != 2:
        raise AccelsimError(f"only a [vocab, dim] table and [N, T] token ids are supported, got {list(dims)} and "
                            f"{list(s)}")
    g.data(node)
    g.emit(node, {"op": "embedding", "vocab": dims[0], "dim": dims[1]}, [ids])


def is_tokens(g: Any, tensor: str) -> bool:
    """Whether ``tensor`` is a token or head tensor (not an image or a [batch, features] row)."""
    s = g.shapes.get(tensor)
    return s is not None and len(s) in (3, 4) and None not in s[1:] and layout(g, tensor) in TOKEN_LAYOUTS


def written_out(g: Any, nodes: Any) -> dict[str, tuple[str, str | None]]:
    """Ops exporters write out in primitives, found as whole patterns: GELU, LayerNorm and RMSNorm.

    Returns, for each node of a pattern, its first output -> ``(x, op)``: ``op`` (``gelu``,
    ``layernorm``, ``rmsnorm``) on the pattern's last node, where the loader emits one layer reading
    ``x``, and None on the others, which make nothing. A pattern whose inner tensors are read outside
    it is not one (its parts stay separate nodes and meet the loader's rules one by one).
    """
    readers: dict[str, list] = {}
    for n in nodes:
        for t in n.input:
            readers.setdefault(t, []).append(n)
    return {**erf_gelus(g, nodes, readers), **_norms(g, nodes, readers)}


def _scalar_input(g: Any, n: Any, value: float | None) -> str | None:
    """The non-constant input of a binary ``n`` whose other input is a constant scalar (equal to ``value``)."""
    ins = list(n.input)
    if len(ins) != 2 or sum(t in g.consts for t in ins) != 1:
        return None
    c, other = (ins[0], ins[1]) if ins[0] in g.consts else (ins[1], ins[0])
    vals = g.const_values(c)
    if len(vals) != 1 or (value is not None and not math.isclose(vals[0], value, rel_tol=1e-3)):
        return None
    return other


def _only(readers: dict, t: str, *ops: str) -> Any | None:
    r = readers.get(t, [])
    return r[0] if len(r) == 1 and r[0].op_type in ops else None


def _closed(parts: list, last: Any, readers: dict) -> bool:
    """Whether every tensor a pattern makes, but its last, is read only inside the pattern."""
    inside = {id(p) for p in parts}
    return all(all(id(r) in inside for r in readers.get(p.output[0], [])) for p in parts if p is not last)


def _last_axis_mean(g: Any, n: Any, x: str) -> bool:
    """Whether ``n`` is a ReduceMean of ``x`` over its last axis only, keeping dims."""
    if n is None or n.op_type != "ReduceMean" or n.input[0] != x:
        return False
    a = _attrs(g, n)
    axes = list(a.get("axes", [])) or ([int(v) for v in g.const_values(n.input[1])]
                                       if len(n.input) > 1 and n.input[1] in g.consts else [])
    rank = len(g.shapes.get(x) or ())
    return a.get("keepdims", 1) == 1 and len(axes) == 1 and rank > 0 and axes[0] % rank == rank - 1


def _affine(g: Any, n: Any, readers: dict, parts: list) -> Any:
    """Extend a normalisation ending at ``n`` by its elementwise scale (Mul) and shift (Add) of constants."""
    for op in ("Mul", "Add"):
        nxt = _only(readers, n.output[0], op)
        if nxt is None or len(nxt.input) != 2 or not any(t in g.consts for t in nxt.input):
            break
        parts.append(nxt)
        n = nxt
    return n


def _norms(g: Any, nodes: Any, readers: dict) -> dict[str, tuple[str, str | None]]:
    """LayerNorm (mean, centre, variance, divide) and RMSNorm (mean square, divide) over the last axis."""
    found: dict[str, tuple[str, str | None]] = {}
    for first in nodes:
        if first.op_type == "ReduceMean":  # layernorm: mean -> x - mean -> its mean square -> divide
            x = first.input[0]
            centre = _only(readers, first.output[0], "Sub")
            if not _last_axis_mean(g, first, x) or centre is None or list(centre.input) != [x, first.output[0]]:
                continue
            d = centre.output[0]
            square = next((r for r in readers.get(d, []) if (r.op_type == "Pow" and _scalar_input(g, r, 2.0) == d)
                           or (r.op_type == "Mul" and list(r.input) == [d, d])), None)
            tail = _mean_square_root(g, square, d, readers)
            div = tail and _only(readers, tail[-1].output[0], "Div")
            if square is None or tail is None or div is None or list(div.input) != [d, tail[-1].output[0]]:
                continue
            parts, op = [first, centre, square, *tail, div], "layernorm"
        elif first.op_type in ("Pow", "Mul"):  # rmsnorm: mean square -> x / its root
            x = first.input[0]
            if not ((first.op_type == "Pow" and _scalar_input(g, first, 2.0) == x)
                    or (first.op_type == "Mul" and list(first.input) == [x, x])):
                continue
            tail = _mean_square_root(g, first, x, readers)
            if tail is None:
                continue
            root = tail[-1].output[0]
            div = _only(readers, root, "Div", "Reciprocal")
            if div is not None and div.op_type == "Div" and list(div.input) == [x, root]:
                parts = [first, *tail, div]
            elif div is not None and div.op_type == "Reciprocal":
                scale = _only(readers, div.output[0], "Mul")
                if scale is None or sorted(scale.input) != sorted([x, div.output[0]]):
                    continue
                parts = [first, *tail, div, scale]
            else:
                continue
            op = "rmsnorm"
        else:
            continue
        last = _affine(g, parts[-1], readers, parts)
        if _closed(parts, last, readers) and not any(p.output[0] in found for p in parts):
            found.update({p.output[0]: (x, op if p is last else None) for p in parts})
    return found


def _mean_square_root(g: Any, square: Any, src: str, readers: dict) -> list | None:
    """``ReduceMean -> Add(eps) -> Sqrt`` after ``square`` (of ``src``), or None."""
    if square is None:
        return None
    mean = _only(readers, square.output[0], "ReduceMean")
    if not _last_axis_mean(g, mean, square.output[0]):
        return None
    eps = _only(readers, mean.output[0], "Add")
    if eps is None or _scalar_input(g, eps, None) != mean.output[0]:
        return None
    root = _only(readers, eps.output[0], "Sqrt")
    return [mean, eps, root] if root is not None else None


def erf_gelus(g: Any, nodes: Any, readers: dict) -> dict[str, tuple[str, str | None]]:
    """GELU written out with Erf, as exporters emit it before opset 20, found as whole patterns.

    ``y = 0.5 * x * (1 + erf(x / sqrt(2)))`` in either order of its products (``Div`` by sqrt(2) or
    ``Mul`` by 1/sqrt(2)); see :func:`written_out` for what is returned.
    """
    by_out = {n.output[0]: n for n in nodes if n.output}

    def const(n: Any, value: float) -> str | None:
        return _scalar_input(g, n, value)

    def only(t: str, op: str) -> Any | None:
        return _only(readers, t, op)

    found: dict[str, tuple[str, str | None]] = {}
    for erf in (n for n in nodes if n.op_type == "Erf"):
        scale = by_out.get(erf.input[0])
        x = scale and ((const(scale, math.sqrt(2)) if scale.op_type == "Div" else None)
                       or (const(scale, 1 / math.sqrt(2)) if scale.op_type == "Mul" else None))
        add = only(erf.output[0], "Add")
        if not x or only(scale.output[0], "Erf") is not erf or add is None or const(add, 1.0) != erf.output[0]:
            continue
        mul = only(add.output[0], "Mul")
        if mul is None:
            continue
        other = next(t for t in mul.input if t != add.output[0]) if len(set(mul.input)) == 2 else None
        half_first = by_out.get(other)
        if other == x and (last := only(mul.output[0], "Mul")) is not None and const(last, 0.5) == mul.output[0]:
            parts = [scale, erf, add, mul, last]
        elif half_first is not None and half_first.op_type == "Mul" and const(half_first, 0.5) == x \
                and len(readers.get(other, [])) == 1:
            parts, last = [scale, erf, add, half_first, mul], mul
        else:
            continue
        found.update({p.output[0]: (x, "gelu" if p is last else None) for p in parts})
    return found
