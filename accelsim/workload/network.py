"""The Network: a DAG of Layers in topological order, and the builder that infers shapes.

:func:`build_network` takes plain layer descriptions (dicts, as read from a model YAML or made
by a loader) and returns a frozen :class:`Network` whose every Layer carries its input and
output shapes. Every error names the layer index and the field: ``layers[12].kernel: ...``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from accelsim import schema
from accelsim.errors import AccelsimError
from accelsim.workload.limits import check_network
from accelsim.workload.layer import ACTIVATIONS, OPS, Layer, Shape, conv_out_size

INPUT = "input"
_NAME = re.compile(r"^[A-Za-z0-9_.:/\-\[\]]+$")

# keys every layer may carry, then the keys each op adds
_COMMON = ("name", "op", "inputs", "in_shape", "weight_bits", "act_bits", "acc_bits",
           "weight_density", "act_density")
_OP_KEYS = {
    "conv2d": ("out", "kernel", "stride", "pad", "dilation", "groups", "bias", "activation"),
    "linear": ("out", "bias", "activation", "tied"),
    "gemm": ("m", "k", "n", "bias", "activation", "tied"),
    "matmul": ("m", "k", "n", "heads"),
    "maxpool": ("kernel", "stride", "pad", "ceil_mode", "global"),
    "avgpool": ("kernel", "stride", "pad", "ceil_mode", "global"),
    "add": ("activation",),
    "mul": (),
    "activation": ("fn",),
    "concat": (),
    "upsample": ("scale",),
    "flatten": (),
    "softmax": (),
    "layernorm": (),
    "rmsnorm": (),
    "transpose": (),
    "reshape": ("shape",),
    "embedding": ("vocab", "dim"),
    "kv_cache": ("past",),
    "slice": ("tokens",),
    "lrn": ("size",),
}
_REQUIRED = {"conv2d": ("out", "kernel"), "linear": ("out",), "gemm": ("m", "k", "n"),
             "matmul": ("m", "k", "n"), "activation": ("fn",), "upsample": ("scale",), "reshape": ("shape",),
             "embedding": ("vocab", "dim"), "kv_cache": ("past",), "slice": ("tokens",),
             "lrn": ("size",)}


@dataclass(frozen=True)
class Network:
    """A network: its input shape ``(C, H, W)`` per sample and its layers in topological order."""

    name: str
    input_shape: Shape
    layers: tuple[Layer, ...]
    source: str = ""
    _index: dict = field(default=None, repr=False, compare=False, hash=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {l.name: i for i, l in enumerate(self.layers)})

    @property
    def macs(self) -> int:
        """Dense MACs per sample over all layers."""
        return sum(l.macs for l in self.layers)

    @property
    def effective_macs(self) -> int:
        """MACs per sample after pruning (weight density)."""
        return sum(l.effective_macs for l in self.layers)

    @property
    def params(self) -> int:
        """Weights plus biases over all layers."""
        return sum(l.params for l in self.layers)

    @property
    def weight_bytes(self) -> int:
        """Bytes of stored weights over all layers."""
        return sum(l.weight_bytes for l in self.layers)

    def layer(self, name: str) -> Layer:
        """The layer called ``name`` (KeyError if none)."""
        return self.layers[self._index[name]]

    def index(self, name: str) -> int:
        """Position of layer ``name`` in topological order."""
        return self._index[name]

    def consumers(self, name: str) -> tuple[str, ...]:
        """Names of the layers that read layer ``name``'s output."""
        return tuple(l.name for l in self.layers if name in l.inputs)

    def with_layers(self, layers: tuple[Layer, ...], name: str | None = None) -> "Network":
        """A copy with the layers replaced (compression passes use this)."""
        return replace(self, layers=tuple(layers), name=name or self.name)


def build_network(name: str, input_shape: Any, raw_layers: Any, *, defaults: dict | None = None,
                  source: str = "", file: str | None = None) -> Network:
    """Validate plain layer descriptions, infer every shape, and return a :class:`Network`.

    ``defaults`` may set ``weight_bits``, ``act_bits``, ``acc_bits`` for every layer. A layer
    without ``inputs`` reads the previous layer (the network input for the first one); a layer
    with ``in_shape`` reads a tensor of that shape from outside the network (SCALE-Sim style).
    Raises :class:`AccelsimError` naming ``file`` and ``layers[i].field`` on any bad value.
    """
    try:
        in_shape = _shape(input_shape, "input")
        if not isinstance(raw_layers, list) or not raw_layers:
            raise AccelsimError("must be a non-empty list of layers", field="layers")
        dflt = dict(defaults or {})
        shapes: dict[str, Shape] = {INPUT: in_shape}
        layers: list[Layer] = []
        prev = INPUT
        for i, raw in enumerate(raw_layers):
            try:
                layer = _build_layer(raw, prev, shapes, dflt)
            except AccelsimError as e:
                raise e.located(prefix=f"layers[{i}]") from None
            shapes[layer.name] = layer.out_shape
            layers.append(layer)
            prev = layer.name
        return check_network(Network(name=name, input_shape=in_shape, layers=tuple(layers), source=source))
    except AccelsimError as e:
        raise e.located(file=file) from None


def _shape(value: Any, fld: str) -> Shape:
    if not isinstance(value, (list, tuple)) or len(value) != 3:
        raise AccelsimError(f"must be [channels, height, width], got {value!r}", field=fld)
    return tuple(schema.pos_int(v, fld) for v in value)  # type: ignore[return-value]


def _padding(value: Any, kernel: tuple[int, int], dilation: tuple[int, int], stride: tuple[int, int],
             fld: str) -> tuple[int, int, int, int]:
    if value is None:
        return (0, 0, 0, 0)
    if value == "same":
        if stride != (1, 1):
            raise AccelsimError("'same' padding needs stride 1; give explicit padding", field=fld)
        ph = dilation[0] * (kernel[0] - 1)
        pw = dilation[1] * (kernel[1] - 1)
        return (ph // 2, pw // 2, ph - ph // 2, pw - pw // 2)
    if isinstance(value, (list, tuple)) and len(value) == 4:
        t, l, b, r = (schema.pos_int(v, fld, minimum=0) for v in value)
        return (t, l, b, r)
    if isinstance(value, (list, tuple)) and len(value) == 2:
        ph, pw = (schema.pos_int(v, fld, minimum=0) for v in value)
        return (ph, pw, ph, pw)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AccelsimError(f"must be an integer, [h, w], [top, left, bottom, right] or 'same', got {value!r}",
                            field=fld)
    p = schema.pos_int(value, fld, minimum=0)
    return (p, p, p, p)


def _build_layer(raw: Any, prev: str, shapes: dict[str, Shape], dflt: dict) -> Layer:
    if not isinstance(raw, dict):
        raise AccelsimError(f"must be a mapping with at least name and op, got {raw!r}")
    if "op" not in raw:
        raise AccelsimError("missing required key", field="op")
    op = raw["op"]
    if not isinstance(op, str) or op not in OPS:
        raise AccelsimError(f"unknown op {op!r}; allowed: {', '.join(sorted(OPS))}", field="op")
    schema.check_keys(raw, "", ("name", "op") + _REQUIRED.get(op, ()), _COMMON + _OP_KEYS[op])
    name = raw["name"]
    if not isinstance(name, str) or not _NAME.match(name) or name == INPUT:
        raise AccelsimError(f"must be a word without spaces (not 'input'), got {name!r}", field="name")
    if name in shapes:
        raise AccelsimError(f"duplicate layer name {name!r}", field="name")

    if "in_shape" in raw:
        if "inputs" in raw:
            raise AccelsimError("give inputs or in_shape, not both", field="in_shape")
        inputs: tuple[str, ...] = ()
        in_shapes: tuple[Shape, ...] = (_shape(raw["in_shape"], "in_shape"),)
    else:
        src = raw.get("inputs", [prev])
        if isinstance(src, str):
            src = [src]
        if not isinstance(src, list) or not src:
            raise AccelsimError(f"must be a layer name or a list of names, got {src!r}", field="inputs")
        for s in src:
            if not isinstance(s, str) or s not in shapes:
                raise AccelsimError(f"names {s!r}, which is not an earlier layer (or 'input')", field="inputs")
        inputs = tuple(src)
        in_shapes = tuple(shapes[s] for s in src)

    bits = {k: schema.pos_int(raw.get(k, dflt.get(k, d)), k) for k, d in
            (("weight_bits", 8), ("act_bits", 8), ("acc_bits", 32))}
    dens = {k: schema.number(raw.get(k, 1.0), k, lo=0.0, hi=1.0, lo_open=True)
            for k in ("weight_density", "act_density")}
    attrs: dict[str, Any] = {}
    if "activation" in raw:
        attrs["activation"] = schema.choice(raw["activation"], "activation", ACTIVATIONS)
    if "bias" in raw:
        attrs["bias"] = schema.boolean(raw["bias"], "bias")

    n_in = {"add": None, "mul": None, "concat": None, "matmul": 2}.get(op, 1)
    if n_in == 1 and len(in_shapes) != 1:
        raise AccelsimError(f"{op} takes one input, got {len(in_shapes)}", field="inputs")
    if n_in == 2 and len(inputs) != 2:
        raise AccelsimError("matmul takes two inputs", field="inputs")
    if n_in is None and len(inputs) < 2:
        raise AccelsimError(f"{op} takes two or more inputs", field="inputs")

    if "tied" in raw:  # the embedding whose table these weights are (checked where it matters: a training step)
        if not isinstance(raw["tied"], str) or raw["tied"] not in shapes or raw["tied"] == INPUT:
            raise AccelsimError(f"must name an earlier embedding layer, got {raw['tied']!r}", field="tied")
        attrs["tied"] = raw["tied"]
    out_shape, extra = _infer(op, raw, in_shapes)
    attrs.update(extra)
    return Layer(name=name, op=op, inputs=inputs, in_shapes=in_shapes, out_shape=out_shape,
                 **bits, **dens, **attrs)


def _infer(op: str, raw: dict, in_shapes: tuple[Shape, ...]) -> tuple[Shape, dict]:
    """Output shape and the geometric attributes of one layer."""
    c, h, w = in_shapes[0]
    if op in ("conv2d", "maxpool", "avgpool"):
        is_global = op != "conv2d" and schema.boolean(raw.get("global", False), "global")
        if is_global:
            if any(k in raw for k in ("kernel", "stride", "pad", "ceil_mode")):
                raise AccelsimError("a global pool takes no kernel, stride, pad or ceil_mode", field="global")
            kernel, stride, pad, dil = (h, w), (1, 1), (0, 0, 0, 0), (1, 1)
        else:
            if "kernel" not in raw:
                raise AccelsimError("missing required key (or set global: true)", field="kernel")
            kernel = schema.pair(raw["kernel"], "kernel")
            stride = schema.pair(raw.get("stride", 1 if op == "conv2d" else raw["kernel"]), "stride")
            dil = schema.pair(raw.get("dilation", 1), "dilation")
            pad = _padding(raw.get("pad"), kernel, dil, stride, "pad")
            too_wide = max(pad[0], pad[2]) > kernel[0] // 2 or max(pad[1], pad[3]) > kernel[1] // 2
            if op != "conv2d" and too_wide:
                # a window lying wholly in padding has no input to pool (PyTorch forbids it too)
                raise AccelsimError(f"pool padding {list(pad)} exceeds half the kernel {list(kernel)}", field="pad")
        ceil = schema.boolean(raw.get("ceil_mode", False), "ceil_mode")
        h_out = conv_out_size(h, kernel[0], stride[0], pad[0], pad[2], dil[0], ceil)
        w_out = conv_out_size(w, kernel[1], stride[1], pad[1], pad[3], dil[1], ceil)
        if h_out < 1 or w_out < 1:
            raise AccelsimError(f"window {kernel} does not fit the {h}x{w} input", field="kernel")
        attrs = {"kernel": kernel, "stride": stride, "padding": pad, "dilation": dil}
        if op != "conv2d":
            return (c, h_out, w_out), attrs
        groups_raw = raw.get("groups", 1)
        groups = c if groups_raw == "depthwise" else schema.pos_int(groups_raw, "groups")
        out = schema.pos_int(raw["out"], "out")
        if c % groups or out % groups:
            raise AccelsimError(f"must divide input channels {c} and output channels {out}, got {groups}",
                                field="groups")
        attrs["groups"] = groups
        return (out, h_out, w_out), attrs
    if op == "linear":
        return (schema.pos_int(raw["out"], "out"), 1, 1), {}
    if op in ("gemm", "matmul"):
        m, k, n = (schema.pos_int(raw[x], x) for x in "mkn")
        heads = schema.pos_int(raw.get("heads", 1), "heads")
        # the operands are held as (K, M, 1) and, for matmul, (N, K, 1); their sizes must agree
        # with m, k, n or in_bytes (what the lowering moves) would disagree with the MACs
        fld = "in_shape" if "in_shape" in raw else "inputs"
        count = f"{heads} x " if heads > 1 else "an "
        for shape, need, what in zip(in_shapes, (m * k, k * n), ("M x K", "K x N")):
            have = shape[0] * shape[1] * shape[2]
            if have != need * heads:
                raise AccelsimError(f"input {list(shape)} holds {have} elements; {count}{what} operand "
                                    f"with m={m}, k={k}, n={n} holds {need * heads}", field=fld)
        return (n * heads, m, 1), {"gemm_mkn": (m, k, n), "groups": heads}
    if op in ("softmax", "layernorm", "rmsnorm"):
        return in_shapes[0], {}
    if op == "lrn":
        return in_shapes[0], {"size": schema.pos_int(raw["size"], "size")}
    if op == "transpose":
        return (h, c, w), {}
    if op == "reshape":
        out = _shape(raw["shape"], "shape")
        if out[0] * out[1] * out[2] != c * h * w:
            raise AccelsimError(f"{list(out)} holds {out[0] * out[1] * out[2]} elements; the input "
                                f"{[c, h, w]} holds {c * h * w}", field="shape")
        return out, {}
    if op == "embedding":
        if c != 1 or w != 1:
            raise AccelsimError(f"takes token ids shaped [1, tokens, 1], got {[c, h, w]}", field="inputs")
        vocab = schema.pos_int(raw["vocab"], "vocab")
        return (schema.pos_int(raw["dim"], "dim"), h, 1), {"vocab": vocab}
    if op == "slice":
        tokens = schema.pos_int(raw["tokens"], "tokens")
        if w != 1 or tokens > h:
            raise AccelsimError(f"keeps the last tokens of a [features, tokens, 1] input; {tokens} of {[c, h, w]} "
                                "is not", field="tokens")
        return (c, tokens, 1), {}
    if op == "kv_cache":
        if w != 1:
            raise AccelsimError(f"takes tokens shaped [features, tokens, 1], got {[c, h, w]}", field="inputs")
        past = schema.pos_int(raw["past"], "past", minimum=0)
        return (c, past + h, 1), {"past": past}
    if op in ("add", "mul"):
        for s in in_shapes[1:]:
            if s != in_shapes[0]:
                raise AccelsimError(f"input shapes differ: {list(in_shapes)}", field="inputs")
        return in_shapes[0], {}
    if op == "concat":
        for s in in_shapes[1:]:
            if s[1:] != in_shapes[0][1:]:
                raise AccelsimError(f"inputs must share height and width: {list(in_shapes)}", field="inputs")
        return (sum(s[0] for s in in_shapes), h, w), {}
    if op == "activation":
        return in_shapes[0], {"activation": schema.choice(raw["fn"], "fn", ACTIVATIONS)}
    if op == "upsample":
        s = schema.pos_int(raw["scale"], "scale")
        return (c, h * s, w * s), {"stride": (s, s)}
    if op == "flatten":
        return (c * h * w, 1, 1), {}
    raise AssertionError(op)


def gemm_network(name: str, m: int, k: int, n: int, layers: int = 1):
    """A chain of ``layers`` GEMMs of ``m x k`` by ``k x n`` (an MLP at batch ``m``), int8."""
    raw = [{"name": f"fc{i}", "op": "gemm", "m": m, "k": k if i == 0 else n, "n": n} for i in range(layers)]
    return build_network(name, (k, m, 1), raw, source="synthetic")
