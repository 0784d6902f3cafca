"""A training step as a workload: the forward pass, the backward pass and the optimizer update as ordinary layers.

:func:`training_step` takes an inference network and returns one that also holds, for each layer in reverse order,
its backward layers (``phase="backward"``), then one optimizer update per weighted layer (``phase="update"``).
Every new layer is an op the chips already run, so a training step goes down the same spine as inference:

* the loss gradient at each network output: one element-wise pass (``activation``; softmax cross-entropy's
  ``p - onehot``);
* a fused or standalone activation: the output gradient times the activation's derivative, read from the saved
  output (``mul``);
* conv2d / linear / gemm: **dgrad**, the input gradient, a layer of the same op with the transposed weights (the
  forward MACs exactly; none for a layer that reads the network input), and **wgrad**, the weight gradient, a
  ``matmul`` of the saved input activations (im2col'd) and the output gradient (the forward MACs exactly), summed
  over the batch (``per_batch``: the samples are its reduction, it writes one gradient);
* pooling, upsampling and concatenation: the gradient routed back (``mul`` by the saved input's max mask,
  ``upsample`` for average pooling, ``avgpool`` for upsampling, views for concat slices); adds and views pass it on;
  a tensor read by several layers sums its gradients (``add``);
* transformer layers: a ``matmul`` of two activations (attention) gets both operand gradients as matmuls,
  ``dA = dY B^T`` and ``dB = A^T dY`` (each the forward's MACs); ``softmax`` one vector layer reading the saved
  output and the gradient (``y (dy - sum(dy y))``: three passes, as the forward's); ``layernorm``/``rmsnorm`` one
  layer of the same op reading the saved input and the gradient, at the forward's passes per element (the
  backward's two means in place of the forward's statistics); an element-wise ``mul`` (a gated MLP) one ``mul``
  per operand; ``transpose`` a transpose back; ``slice`` writes its gradient into the full input (zeros
  elsewhere) as an ``upsample``; ``kv_cache`` on a prefill (no past tokens) passes it on; ``embedding`` adds
  each token's gradient row into the table's gradient (``embedding_grad``), and the whole table is updated;
* the update: ``sgd_update`` (SGD with momentum) or ``adam_update`` over each weighted layer's parameters and each
  embedding table (see :mod:`accelsim.workload.layer`), once per batch.

A strided convolution's dgrad (a transposed convolution) runs here as one stride-1 convolution at the output
gradient's resolution, with the forward MACs and weights exactly (the transposed convolution's ``s x s`` phases
folded into one), followed by an ``upsample`` that writes the input gradient at its full resolution.

Saved activations are the forward tensors the backward layers read (the ``inputs`` that name forward layers):
where they live (on chip or in DRAM) is each family's lowering's decision, as for any tensor.
"""

from __future__ import annotations

import math

from accelsim.errors import AccelsimError
from accelsim.workload.layer import MASTER_BITS, UPDATE_OPS, VIEW_OPS, Layer, Shape
from accelsim.workload.network import INPUT, Network

#: ``--optimizer`` names and the update op each runs
OPTIMIZERS = {"sgd": "sgd_update", "adam": "adam_update"}
#: what a training step's layers simplify (a Result of one states them)
APPROXIMATIONS = (
    "training: a strided conv's dgrad runs as one stride-1 conv at the output gradient's resolution (the "
    "forward's MACs and weights exactly), then an upsample writes the input gradient",
    "training: gradients travel at the layer's activation width; the update works in float32 on every parameter "
    "(pruned weights included); bias gradients are not computed apart",
)
#: what a transformer's training step adds to :data:`APPROXIMATIONS` (a Result with those ops states them)
TRANSFORMER_APPROXIMATIONS = (
    "training: a norm's backward runs at the forward's passes per element and its scale/shift gradients are not "
    "computed apart; an activation's derivative reads the saved output; an embedding table is updated whole "
    "(dense, as Adam and SGD with momentum do)",
)
#: forward ops whose backward pass this module writes
TRAINABLE = frozenset({"conv2d", "linear", "gemm", "maxpool", "avgpool", "add", "activation", "concat", "flatten",
                       "reshape", "upsample", "matmul", "softmax", "layernorm", "rmsnorm", "mul", "transpose",
                       "slice", "kv_cache", "embedding"})


def check_optimizer(optimizer: str) -> str:
    """The update op of ``optimizer`` (``sgd`` or ``adam``); an :class:`AccelsimError` on ``--optimizer`` otherwise."""
    if optimizer not in OPTIMIZERS:
        raise AccelsimError(f"must be one of {', '.join(OPTIMIZERS)}, got {optimizer!r}", field="--optimizer")
    return OPTIMIZERS[optimizer]


def training_step(net: Network, optimizer: str = "sgd") -> Network:
    """``net`` followed by its backward pass and ``optimizer``'s update: one training step, per sample.

    Its MACs per sample are 3x the forward's less the dgrad of layers reading the network input. An op without a
    backward pass here (LRN, a KV cache with past tokens: a decode step) is an :class:`AccelsimError` on ``--train``.
    """
    update_op = check_optimizer(optimizer)
    for layer in net.layers:
        if layer.phase != "forward":
            raise AccelsimError(f"network {net.name} is already a training step (layer {layer.name} is "
                                f"{layer.phase})", field="--train")
        if layer.op not in TRAINABLE:
            raise AccelsimError(f"layer {layer.name} is {layer.op}, which has no backward pass here; training steps "
                                f"run {', '.join(sorted(TRAINABLE))}", field="--train")
        if layer.op == "kv_cache" and layer.past:
            raise AccelsimError(f"layer {layer.name} reads {layer.past} cached tokens: a decode step is not trained; "
                                "train on a prefill (--phase prefill)", field="--train")
    b = _Builder({l.name for l in net.layers} | {INPUT})
    read = {s for l in net.layers for s in l.inputs}
    grads: dict[str, list[str]] = {}
    for layer in net.layers:
        if layer.name not in read:  # a network output: the loss gradient starts here
            grads[layer.name] = [b.add(layer, f"{layer.name}.loss_grad", "activation", (layer.name,),
                                       (layer.out_shape,), layer.out_shape)]
    weighted: list[tuple[Layer, str]] = []
    for layer in reversed(net.layers):
        parts = grads.get(layer.name)
        if not parts:
            continue
        gy = parts[0] if len(parts) == 1 else b.add(layer, f"{layer.name}.grad_sum", "add", tuple(parts),
                                                     (layer.out_shape,) * len(parts), layer.out_shape)
        if layer.activation is not None and layer.op != "activation" and layer.activation != "identity":
            gy = b.add(layer, f"{layer.name}.act_grad", "mul", (gy, layer.name), (layer.out_shape,) * 2,
                       layer.out_shape)
        for src, gx in _backward(layer, gy, b, weighted):
            if src != INPUT:
                grads.setdefault(src, []).append(gx)
    tables = _tied_tables(net)
    for layer, wgrad in weighted:
        if layer.name in tables:
            continue  # the head tied to this table updates the one tensor (its gradient holds both parts)
        n = layer.params or layer.vocab * layer.out_shape[0]  # an embedding: its whole table
        b.layers.append(Layer(name=b.fresh(f"{layer.name}.update"), op=update_op, inputs=(wgrad,),
                              in_shapes=((n, 1, 1),), out_shape=(n, 1, 1), weight_bits=layer.weight_bits,
                              act_bits=layer.act_bits, acc_bits=MASTER_BITS, phase="update", per_batch=True))
    return net.with_layers(net.layers + tuple(b.layers), name=f"{net.name}+train:{optimizer}")


def _tied_tables(net: Network) -> set[str]:
    """Embeddings whose table a gemm/linear layer shares (``tied``); an :class:`AccelsimError` if the tie does not fit."""
    by = {l.name: l for l in net.layers}
    out = set()
    for l in net.layers:
        if not l.tied:
            continue
        t = by.get(l.tied)
        if t is None or t.op != "embedding" or t.vocab * t.out_shape[0] != l.weight_count:
            raise AccelsimError(f"layer {l.name} is tied to {l.tied!r}, which is not an embedding of its "
                                f"{l.weight_count:,} weights", field=f"layers.{l.name}.tied")
        out.add(t.name)
    return out


class _Builder:
    """The backward layers being written, with names kept unique against the network's."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = set(taken)
        self.layers: list[Layer] = []

    def fresh(self, name: str) -> str:
        out, i = name, 2
        while out in self.taken:
            out, i = f"{name}{i}", i + 1
        self.taken.add(out)
        return out

    def add(self, like: Layer, name: str, op: str, inputs: tuple[str, ...], in_shapes: tuple[Shape, ...],
            out_shape: Shape, **kw) -> str:
        """Append a backward layer at ``like``'s bit widths; returns its name."""
        layer = Layer(name=self.fresh(name), op=op, inputs=inputs, in_shapes=in_shapes, out_shape=out_shape,
                      weight_bits=like.weight_bits, act_bits=like.act_bits, acc_bits=like.acc_bits,
                      phase="backward", **kw)
        self.layers.append(layer)
        return layer.name


def _backward(layer: Layer, gy: str, b: _Builder, weighted: list) -> list[tuple[str, str]]:
    """Append ``layer``'s backward layers (its output gradient is ``gy``); returns ``(input, its gradient)`` pairs."""
    src = layer.inputs[0] if layer.inputs else INPUT
    x_shape = layer.in_shapes[0]
    if layer.op in ("conv2d", "linear", "gemm"):
        m, k, n, g = layer.gemm_dims()
        wgrad = b.add(layer, f"{layer.name}.wgrad", "matmul", (src, gy), (x_shape, layer.out_shape), (n * g, k, 1),
                      gemm_mkn=(k, m, n), groups=g, per_batch=True)
        weighted.append((layer, wgrad))
        if src == INPUT:
            return []  # the network input needs no gradient
        return [(src, _dgrad(layer, gy, b))]
    if layer.op == "maxpool":  # the gradient goes to each window's maximum: a mask from the saved input
        return [(src, b.add(layer, f"{layer.name}.grad", "mul", (gy, src), (layer.out_shape, x_shape), x_shape))]
    if layer.op == "avgpool":
        return [(src, b.add(layer, f"{layer.name}.grad", "upsample", (gy,), (layer.out_shape,), x_shape))]
    if layer.op == "upsample":  # each input element gathers the gradients of the copies it made
        c, h, w = layer.out_shape
        kern = (max(1, h // x_shape[1]), max(1, w // x_shape[2]))
        return [(src, b.add(layer, f"{layer.name}.grad", "avgpool", (gy,), (layer.out_shape,), x_shape,
                            kernel=kern, stride=kern))]
    if layer.op == "activation":
        return [(src, b.add(layer, f"{layer.name}.grad", "mul", (gy, layer.name), (layer.out_shape,) * 2,
                            x_shape))]
    if layer.op == "matmul":  # Y = A B per head: dA = dY B^T, dB = A^T dY, each the forward's MACs
        m, k, n = layer.gemm_mkn
        a_shape, b_shape = layer.in_shapes
        a, bb = layer.inputs
        da = b.add(layer, f"{layer.name}.grad_a", "matmul", (gy, bb), (layer.out_shape, b_shape), a_shape,
                   gemm_mkn=(m, n, k), groups=layer.groups)
        db = b.add(layer, f"{layer.name}.grad_b", "matmul", (a, gy), (a_shape, layer.out_shape), b_shape,
                   gemm_mkn=(k, m, n), groups=layer.groups)
        return [(a, da), (bb, db)]
    if layer.op == "softmax":  # y (dy - sum(dy y)): reads the saved output
        return [(src, b.add(layer, f"{layer.name}.grad", "softmax", (gy, layer.name), (layer.out_shape,) * 2,
                            x_shape))]
    if layer.op in ("layernorm", "rmsnorm"):  # reads the saved input (its statistics recomputed)
        return [(src, b.add(layer, f"{layer.name}.grad", layer.op, (gy, src), (layer.out_shape, x_shape), x_shape))]
    if layer.op == "mul":  # d(a b) = dy b, dy a
        return [(s, b.add(layer, f"{layer.name}.grad{i}", "mul", (gy, other), (layer.out_shape, oshape), shp))
                for i, (s, shp, other, oshape) in enumerate(zip(layer.inputs, layer.in_shapes,
                                                                reversed(layer.inputs), reversed(layer.in_shapes)))]
    if layer.op == "transpose":
        return [(src, b.add(layer, f"{layer.name}.grad", "transpose", (gy,), (layer.out_shape,), x_shape))]
    if layer.op == "slice":  # the kept tokens' gradient, zeros for the others, written at the input's size
        c, t, w = layer.out_shape
        kern = (max(1, x_shape[1] // t), max(1, x_shape[2] // w))
        return [(src, b.add(layer, f"{layer.name}.grad", "upsample", (gy,), (layer.out_shape,), x_shape,
                            kernel=kern, stride=kern))]
    if layer.op == "embedding":  # each token's row of the table's gradient gets its gradient added
        g = b.add(layer, f"{layer.name}.grad", "embedding_grad", (gy,), (layer.out_shape,), layer.out_shape,
                  vocab=layer.vocab, per_batch=False)
        weighted.append((layer, g))
        return []
    if layer.op == "concat":  # each input's gradient is its slice of the output's: a view
        return [(s, b.add(layer, f"{layer.name}.grad{i}", "reshape", (gy,), (layer.out_shape,), shp))
                for i, (s, shp) in enumerate(zip(layer.inputs, layer.in_shapes))]
    # add passes the gradient to every input unchanged; flatten and reshape are views of it
    return [(s, gy) for s in (layer.inputs or (INPUT,))]


def _dgrad(layer: Layer, gy: str, b: _Builder) -> str:
    """The input gradient of a conv2d / linear / gemm layer: its MACs and weights, transposed."""
    name = f"{layer.name}.dgrad"
    if layer.op == "linear":
        k = math.prod(layer.in_shapes[0])
        return b.add(layer, name, "linear", (gy,), (layer.out_shape,), (k, 1, 1), weight_density=layer.weight_density)
    if layer.op == "gemm":
        m, k, n = layer.gemm_mkn
        return b.add(layer, name, "gemm", (gy,), ((n, m, 1),), (k, m, 1), gemm_mkn=(m, n, k),
                     weight_density=layer.weight_density)
    c, h, w = layer.in_shapes[0]
    co, ho, wo = layer.out_shape
    ph = layer.dilation[0] * (layer.kernel[0] - 1)
    pw = layer.dilation[1] * (layer.kernel[1] - 1)
    at_out = (c, ho, wo)
    d = b.add(layer, name, "conv2d", (gy,), (layer.out_shape,), at_out, kernel=layer.kernel,
              padding=(ph // 2, pw // 2, ph - ph // 2, pw - pw // 2), dilation=layer.dilation, groups=layer.groups,
              weight_density=layer.weight_density, weight_pattern=layer.weight_pattern)
    if at_out == (c, h, w):
        return d
    return b.add(layer, f"{layer.name}.dgrad_scatter", "upsample", (d,), (at_out,), (c, h, w))


def per_step(layer: Layer, batch: int) -> tuple[Layer, int]:
    """The layer and batch a family lowers for ``layer`` at ``batch`` samples.

    A ``per_batch`` layer runs once: a weight gradient becomes one product whose reduction runs over every
    sample (``k x batch``), an update runs at batch 1. Other layers are returned as they are.
    """
    if not layer.per_batch:
        return layer, batch
    if layer.op == "matmul" and batch > 1:
        m, k, n = layer.gemm_mkn
        layer = layer.with_(gemm_mkn=(m, k * batch, n), in_shapes=tuple((c * batch, h, w) for c, h, w in
                                                                          layer.in_shapes))
    return layer, 1


def saved_activations(net: Network) -> tuple[str, ...]:
    """Names of the forward tensors (``"input"`` included) that a training step's backward layers read; a view
    (flatten, reshape) is named by the layer that wrote its bytes."""
    fwd = {l.name: l for l in net.layers if l.phase == "forward"}

    def source(name: str) -> str:
        while name in fwd and fwd[name].op in VIEW_OPS and fwd[name].inputs:
            name = fwd[name].inputs[0]
        return name
    return tuple(dict.fromkeys(source(s) for l in net.layers if l.phase == "backward" for s in l.inputs
                               if s in fwd or s == INPUT))


def training_record(net: Network, batch: int = 1) -> dict:
    """What a training step ``net`` (from :func:`training_step`) holds, in bytes, as plain data.

    ``weight_bytes`` the working copy at each layer's ``weight_bits``; ``master_copy_bytes`` the float32 master
    copy kept for layers narrower than float32 (0 for a float32 network: its weights are the master);
    ``gradient_bytes`` the weight gradients at ``act_bits``; ``optimizer_state_bytes`` the float32 momentum (SGD)
    or first and second moments (Adam); ``update_read_bytes`` / ``update_write_bytes`` what the updates move per
    step; ``saved_activation_bytes`` the forward tensors the backward pass reads, for the whole batch.
    """
    ups = [l for l in net.layers if l.op in UPDATE_OPS]
    sizes = {l.name: l.out_bytes for l in net.layers}
    saved = saved_activations(net)
    input_bytes = math.ceil(math.prod(net.input_shape) * (net.layers[0].act_bits if net.layers else 8) / 8)
    params = sum(l.out_elements for l in ups)
    master = sum(l.out_elements * MASTER_BITS // 8 for l in ups if l.weight_bits < MASTER_BITS)
    return {
        "optimizer": next((k for k, v in OPTIMIZERS.items() if ups and ups[0].op == v), ""),
        "params": params,
        "weight_bytes": sum(math.ceil(l.out_elements * l.weight_bits / 8) for l in ups),
        "master_copy_bytes": master,
        "gradient_bytes": sum(math.ceil(l.out_elements * l.act_bits / 8) for l in ups),
        "optimizer_state_bytes": sum(l.out_elements * MASTER_BITS // 8 * UPDATE_OPS[l.op][0] for l in ups),
        "update_read_bytes": sum(l.in_bytes for l in ups),
        "update_write_bytes": sum(l.out_bytes for l in ups),
        "saved_activation_bytes": batch * sum(input_bytes if s == INPUT else sizes[s] for s in saved),
    }
