"""Structural edits on a frozen Network: splice a layer's replacement chain, re-infer channel counts.

Passes never change spatial sizes, so re-inference only carries channel counts forward:
after a producer loses output channels, every reader's ``in_shapes`` follows and the
channel-preserving ops (pooling, activation, upsample, add, concat, flatten) pass the new
count on. MAC layers keep their own output channel count.
"""

from __future__ import annotations

from accelsim.workload.layer import Layer, Shape, conv_out_size
from accelsim.workload.network import INPUT, Network

#: ops whose output channels follow their input's (channel-preserving, one input)
PASSTHROUGH = frozenset({"maxpool", "avgpool", "activation", "upsample"})


def splice(net: Network, chains: dict[str, tuple[Layer, ...]]) -> Network:
    """Replace each layer named in ``chains`` by its chain, in place; the chain's last layer keeps
    the replaced layer's name, so readers need no change. Shapes are re-inferred."""
    out: list[Layer] = []
    for layer in net.layers:
        out.extend(chains.get(layer.name, (layer,)))
    return net.with_layers(reinfer(tuple(out), net.input_shape))


def reinfer(layers: tuple[Layer, ...], input_shape: Shape) -> tuple[Layer, ...]:
    """Layers with ``in_shapes`` taken from their producers and channel counts carried forward."""
    shapes: dict[str, Shape] = {INPUT: input_shape}
    out = []
    for layer in layers:
        ins = tuple(shapes[s] for s in layer.inputs) if layer.inputs else layer.in_shapes
        o = layer.out_shape
        if layer.op in PASSTHROUGH or layer.op in ("add", "mul"):
            o = (ins[0][0],) + tuple(o[1:])
        elif layer.op == "concat":
            o = (sum(s[0] for s in ins),) + tuple(o[1:])
        elif layer.op == "flatten":
            o = (ins[0][0] * ins[0][1] * ins[0][2], 1, 1)
        new = layer.with_(in_shapes=ins, out_shape=o) if (ins, o) != (layer.in_shapes, layer.out_shape) else layer
        shapes[new.name] = new.out_shape
        out.append(new)
    return tuple(out)


def conv_like(layer: Layer, name: str, in_shape: Shape, out_channels: int, *, kernel=(1, 1), stride=(1, 1),
              padding=(0, 0, 0, 0), dilation=(1, 1), groups: int = 1, weight_bits: int | None = None) -> Layer:
    """A bias-free conv2d part of ``layer``'s replacement, reading ``in_shape`` (bits and act
    density copied from ``layer``; dense weights). :func:`chain_of` wires it."""
    c, h, w = in_shape
    ho = conv_out_size(h, kernel[0], stride[0], padding[0], padding[2], dilation[0])
    wo = conv_out_size(w, kernel[1], stride[1], padding[1], padding[3], dilation[1])
    return layer.with_(name=name, op="conv2d", in_shapes=(tuple(in_shape),), out_shape=(out_channels, ho, wo),
                       kernel=tuple(kernel), stride=tuple(stride), padding=tuple(padding),
                       dilation=tuple(dilation), groups=groups, bias=False, activation=None, gemm_mkn=None,
                       weight_bits=weight_bits if weight_bits is not None else layer.weight_bits,
                       weight_density=1.0)


def matrix_like(layer: Layer, name: str, in_shape: Shape, out_features: int) -> Layer:
    """A bias-free linear (or gemm, if ``layer`` is one) part of ``layer``'s replacement."""
    if layer.op == "gemm":
        assert layer.gemm_mkn is not None
        m = layer.gemm_mkn[0]
        k = in_shape[0] * in_shape[1] * in_shape[2] // m
        return layer.with_(name=name, in_shapes=(tuple(in_shape),), out_shape=(out_features, m, 1),
                           gemm_mkn=(m, k, out_features), bias=False, activation=None, weight_density=1.0)
    return layer.with_(name=name, op="linear", in_shapes=(tuple(in_shape),), out_shape=(out_features, 1, 1),
                       bias=False, activation=None, weight_density=1.0)


def chain_of(layer: Layer, parts: list[Layer]) -> tuple[Layer, ...]:
    """Wire ``parts`` one after another, the first reading ``layer``'s inputs; the last is renamed
    to ``layer.name`` and takes its bias and activation."""
    wired = []
    prev_inputs = layer.inputs
    for i, p in enumerate(parts):
        last = i == len(parts) - 1
        if last:
            p = p.with_(name=layer.name, bias=layer.bias, activation=layer.activation)
        p = p.with_(inputs=prev_inputs)
        wired.append(p)
        prev_inputs = (p.name,)
    return tuple(wired)
