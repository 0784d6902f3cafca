"""Which weights of a layer are non-zero, and which input activations are: the patterns sparse chips run on.

A sparse accelerator's time depends on where the non-zeros fall, not only on how many there are
(EIE's PEs wait for the busiest one). With weights (``--weights``, after the compression passes)
the pattern is the real one: a pruning mask, or the weights that are exactly zero. Without, it
is drawn: each weight is kept independently with probability ``layer.weight_density``, from a
generator seeded by ``(seed, layer name)``, and the result says so. Input activations are drawn
the same way at ``layer.act_density`` (one draw per sample).
"""

from __future__ import annotations

import numpy as np

from accelsim.compress.weights import Weights, layer_rng, weight_shape
from accelsim.workload.layer import Layer

DRAWN_NOTE = ("weight non-zero patterns drawn at each layer's density (seeded); give --weights for the real "
              "pattern of pruned weights")


def drawn_note(real_flags) -> tuple[str, ...]:
    """``(DRAWN_NOTE,)`` when any of the layers' ``real_flags`` (one per MAC layer) is false, else ``()``."""
    flags = list(real_flags)
    return (DRAWN_NOTE,) if flags and not all(flags) else ()


def weight_mask(layer: Layer, weights: Weights | None, seed: int = 0) -> tuple[np.ndarray, bool]:
    """``(mask, real)``: the layer's non-zero weights as a bool ``(out, fan_in)`` matrix, and whether it is real.

    ``fan_in`` is the weight array's trailing dimensions flattened (``in/groups * kh * kw`` for a
    conv, ``K`` for a matrix layer).
    """
    shape = weight_shape(layer)
    rows, cols = shape[0], int(np.prod(shape[1:]))
    arrays = (weights or {}).get(layer.name)
    if arrays is not None:
        w = arrays["weight"].reshape(rows, cols)
        mask = arrays["mask"].reshape(rows, cols) if "mask" in arrays else w != 0
        return np.ascontiguousarray(mask & (w != 0)), True
    d = layer.weight_density
    if d >= 1.0:
        return np.ones((rows, cols), bool), False
    rng = layer_rng(seed, f"{layer.name}/weight-pattern")
    return _draw_mask(rng, rows, cols, d), False


#: uniform draws held at once while drawing a mask (8 MB of float64): a whole FC6 draw would be 302 MB
DRAW_CHUNK = 1 << 20


def _draw_mask(rng: np.random.Generator, rows: int, cols: int, density: float) -> np.ndarray:
    """``rng.random((rows, cols)) < density``, bit for bit, drawn a block of rows at a time into one buffer.

    The generator yields one double per value in order, so row blocks read the same stream as
    one draw; the 8-byte draws never exist all at once, only the 1-byte mask.
    """
    mask = np.empty((rows, cols), bool)
    step = max(1, DRAW_CHUNK // max(cols, 1))
    buf = np.empty((min(step, rows), cols))
    for r in range(0, rows, step):
        block = buf[: min(step, rows - r)]
        rng.random(out=block)
        np.less(block, density, out=mask[r: r + len(block)])
    return mask


def active_inputs(layer: Layer, n_inputs: int, sample: int, seed: int = 0) -> np.ndarray:
    """Indices of the non-zero inputs of ``layer`` for batch ``sample`` (sorted), drawn at ``act_density``."""
    d = layer.act_density
    if d >= 1.0:
        return np.arange(n_inputs)
    rng = layer_rng(seed, f"{layer.name}/act-pattern/{sample}")
    return np.flatnonzero(rng.random(n_inputs) < d)
