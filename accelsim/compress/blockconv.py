"""Block convolution (Li, Li, Zhao & Cheng, DATE 2018; extended in arXiv 2105.08937).

A blocked conv splits its input map into independent tiles and convolves each tile alone,
with the layer's own zero padding at every tile edge instead of a halo from the neighbours.
No tile needs another's pixels, so consecutive layers can be fused per tile and the
intermediate maps never leave the chip (the FPGA lowering consumes this).

The Layer IR has no blocking field, so the pass returns the network unchanged and puts the
geometry in the record: ``record.detail("blocks")`` is a tuple of :class:`BlockGeometry`,
one per blocked layer, and :func:`block_geometry` computes one for any layer. Shapes and
MAC counts are unchanged (the extra edge padding is computed on zeros, as ordinary padding
is, and accelsim counts neither). With weights, ``output_error`` compares the blocked and
the unblocked conv on the full seeded input map; ``weight_error`` is zero.

``block=B`` gives every conv ``B x B`` input tiles (the last row and column of tiles may be
smaller); ``grid=N`` gives every conv an ``N x N`` grid of tiles, so tile size follows the
map through pooling (the paper's fused-layer view).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from accelsim.compress.functional import activate, conv2d, layer_forward
from accelsim.compress.record import make_record, rel_error, seeded_input, spec_text
from accelsim.compress.weights import Weights, select_layers
from accelsim.errors import AccelsimError
from accelsim.workload.layer import Layer, conv_out_size
from accelsim.workload.network import Network


@dataclass(frozen=True)
class BlockGeometry:
    """How one conv is blocked: tile edges on its input and output (pixels, per axis)."""

    layer: str
    block_hw: tuple[int, int]
    grid_hw: tuple[int, int]
    in_edges_h: tuple[int, ...]
    in_edges_w: tuple[int, ...]
    out_edges_h: tuple[int, ...]
    out_edges_w: tuple[int, ...]
    padding: tuple[int, int, int, int]

    @property
    def blocks(self) -> int:
        """Number of independent tiles."""
        return self.grid_hw[0] * self.grid_hw[1]

    @property
    def halo_pixels(self) -> int:
        """Input pixels per channel an unblocked conv would read across interior tile edges and a
        blocked one replaces by zeros: ``(pad_top + pad_bottom)`` rows per interior horizontal
        edge times the map width, and likewise for columns."""
        t, l, b, r = self.padding
        h, w = self.in_edges_h[-1], self.in_edges_w[-1]
        return (self.grid_hw[0] - 1) * (t + b) * w + (self.grid_hw[1] - 1) * (l + r) * h


def _edges(size: int, block: int) -> tuple[int, ...]:
    return tuple(range(0, size, block)) + (size,)


def _out_edges(edges, kernel, stride, lo, hi, dil) -> tuple[int, ...] | None:
    out = [0]
    for a, b in zip(edges[:-1], edges[1:]):
        n = conv_out_size(b - a, kernel, stride, lo, hi, dil)
        if n < 1:
            return None
        out.append(out[-1] + n)
    return tuple(out)


def block_geometry(layer: Layer, block: int | None = None, grid: int | None = None) -> BlockGeometry | str:
    """The tiling of ``layer`` by ``block`` pixels or a ``grid x grid`` grid, or why it cannot be blocked.

    A tiling is valid when the tiles' outputs, placed side by side, fill exactly the layer's
    output map: every tile needs ``(size + pads - dilated kernel) / stride + 1`` outputs that
    add up, which holds for 'same' padding with the tile size a multiple of the stride.
    """
    if layer.op != "conv2d":
        return f"{layer.op} is not a conv"
    _, h, w = layer.in_shapes[0]
    if grid is not None:
        bh, bw = math.ceil(h / grid), math.ceil(w / grid)
    else:
        assert block is not None
        bh = bw = block
    if bh >= h and bw >= w:
        return "the map fits in one block"
    eh, ew = _edges(h, min(bh, h)), _edges(w, min(bw, w))
    t, l, b, r = layer.padding
    oh = _out_edges(eh, layer.kernel[0], layer.stride[0], t, b, layer.dilation[0])
    ow = _out_edges(ew, layer.kernel[1], layer.stride[1], l, r, layer.dilation[1])
    if oh is None or ow is None or (oh[-1], ow[-1]) != tuple(layer.out_shape[1:]):
        return "the tiles' outputs do not tile the output map (needs 'same' padding, tile a multiple of the stride)"
    return BlockGeometry(layer=layer.name, block_hw=(min(bh, h), min(bw, w)), grid_hw=(len(eh) - 1, len(ew) - 1),
                         in_edges_h=eh, in_edges_w=ew, out_edges_h=oh, out_edges_w=ow, padding=layer.padding)


def blocked_forward(layer: Layer, arrays: dict, x: np.ndarray, geom: BlockGeometry) -> np.ndarray:
    """The blocked conv of ``x (n, C, H, W)``: each tile convolved alone with zero padding at its edges."""
    w, bias = arrays["weight"], arrays.get("bias")
    y = np.zeros((x.shape[0], layer.out_shape[0], geom.out_edges_h[-1], geom.out_edges_w[-1]))
    for i in range(geom.grid_hw[0]):
        for j in range(geom.grid_hw[1]):
            tile = x[:, :, geom.in_edges_h[i]:geom.in_edges_h[i + 1], geom.in_edges_w[j]:geom.in_edges_w[j + 1]]
            out = conv2d(tile, w, bias, layer.stride, layer.padding, layer.dilation, layer.groups)
            y[:, :, geom.out_edges_h[i]:geom.out_edges_h[i + 1], geom.out_edges_w[j]:geom.out_edges_w[j + 1]] = out
    return activate(y, layer.activation)


def block_conv(net: Network, weights: Weights | None = None, *, block: int | None = None, grid: int | None = None,
               layers: tuple[str, ...] | None = None, seed: int = 0, batch: int = 1):
    """Mark convs to run on independent tiles (``block`` pixels or a ``grid``); see the module docstring."""
    if (block is None) == (grid is None):
        raise AccelsimError("give exactly one of block (pixels) or grid (tiles per side)", field="block_conv")
    if (block or grid) < 1:
        raise AccelsimError(f"must be >= 1, got {block or grid}", field="block_conv")
    chosen = select_layers(net, layers, frozenset({"conv2d"}))
    geoms, skipped, werr, oerr = [], [], {}, {}
    for name in chosen:
        layer = net.layer(name)
        g = block_geometry(layer, block, grid)
        if isinstance(g, str):
            skipped.append((name, g))
            continue
        geoms.append(g)
        if weights is not None:
            x = seeded_input(layer, seed, batch, max_hw=None).astype(np.float32)
            arrays = weights[name]
            ref = layer_forward(layer, arrays, x)
            werr[name] = 0.0
            oerr[name] = rel_error(ref, blocked_forward(layer, arrays, x, g))
    args = f"{block}" if block is not None else f"g{grid}"
    rec = make_record("block", spec_text("block", args, layers), {"block": block, "grid": grid}, net, net,
                      with_weights=weights is not None, changed=[g.layer for g in geoms], skipped=skipped,
                      weight_error=werr, output_error=oerr,
                      notes=("network unchanged: the blocking is in details['blocks']",),
                      details=(("blocks", tuple(geoms)),))
    return net, weights, rec
