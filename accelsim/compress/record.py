"""What a compression pass did, as data: the frozen :class:`PassRecord`, and how errors are measured.

Every pass returns one record. It names the pass and its parameters, the layers it changed
(and, for decompositions, the chain each was replaced by), the layers it skipped and why,
network counts before and after, and, when weights were given, two errors per changed layer:

``weight_error``
    ``||W - W'||_F / ||W||_F``, the relative reconstruction error of the layer's weights
    (for a replaced layer, of the product of its chain; for a pruned channel, the removed
    filters count as error).
``output_error``
    ``||y - y'||_F / ||y||_F`` of the layer's output (after its fused activation) on a seeded
    input batch: i.i.d. ``max(N(0, 1), 0)`` values (post-ReLU statistics), drawn by
    :func:`seeded_input` from the seed and the layer's name. Convolution inputs are cropped
    to at most ``max_hw x max_hw`` pixels; convolution is shift-equivariant, so the crop
    measures the same per-pixel error apart from border effects, at a fraction of the cost.

Without weights a pass changes shapes, bit widths and densities only; the record's
``with_weights`` is False, both error tuples are empty and ``notes`` says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from accelsim.compress.weights import layer_rng
from accelsim.workload.layer import Layer
from accelsim.workload.network import Network

NO_WEIGHTS_NOTE = "no weights: shapes, bit widths and densities only; no error measured"


@dataclass(frozen=True)
class Counts:
    """Per-sample network totals: dense and non-zero parameters, dense and effective MACs, weight bytes."""

    params: int
    nonzero_params: int
    macs: int
    effective_macs: int
    weight_bytes: int

    @classmethod
    def of(cls, net: Network) -> "Counts":
        """Totals of ``net``; non-zero parameters are ``weight_count x weight_density`` plus biases."""
        nz = sum(int(round(l.weight_count * l.weight_density)) + (l.params - l.weight_count) for l in net.layers)
        return cls(params=net.params, nonzero_params=nz, macs=net.macs, effective_macs=net.effective_macs,
                   weight_bytes=net.weight_bytes)


@dataclass(frozen=True)
class PassRecord:
    """One pass applied to one network (see the module docstring for the error definitions)."""

    name: str
    spec: str
    params: tuple[tuple[str, Any], ...]
    changed: tuple[str, ...]
    replaced_by: tuple[tuple[str, tuple[str, ...]], ...]
    skipped: tuple[tuple[str, str], ...]
    before: Counts
    after: Counts
    with_weights: bool
    weight_error: tuple[tuple[str, float], ...]
    output_error: tuple[tuple[str, float], ...]
    notes: tuple[str, ...]
    details: tuple[tuple[str, Any], ...] = ()

    @property
    def param_reduction(self) -> float:
        """Dense parameters before / after (> 1 means fewer)."""
        return self.before.params / max(self.after.params, 1)

    @property
    def mac_reduction(self) -> float:
        """Effective MACs before / after (> 1 means fewer)."""
        return self.before.effective_macs / max(self.after.effective_macs, 1)

    def error_of(self, layer: str) -> tuple[float | None, float | None]:
        """``(weight_error, output_error)`` of a changed layer (None where not measured)."""
        return dict(self.weight_error).get(layer), dict(self.output_error).get(layer)

    def detail(self, key: str) -> Any:
        """One entry of ``details`` (KeyError if absent)."""
        return dict(self.details)[key]


def make_record(name: str, spec: str, params: dict, before: Network, after: Network, *, with_weights: bool,
                changed=(), replaced_by=None, skipped=(), weight_error=None, output_error=None,
                notes=(), details=()) -> PassRecord:
    """Assemble a :class:`PassRecord`, adding the no-weights note when ``with_weights`` is False."""
    notes = tuple(notes) + (() if with_weights else (NO_WEIGHTS_NOTE,))
    return PassRecord(
        name=name, spec=spec, params=tuple(sorted(params.items())), changed=tuple(changed),
        replaced_by=tuple((k, tuple(v)) for k, v in (replaced_by or {}).items()),
        skipped=tuple(skipped), before=Counts.of(before), after=Counts.of(after), with_weights=with_weights,
        weight_error=tuple((k, float(v)) for k, v in (weight_error or {}).items()),
        output_error=tuple((k, float(v)) for k, v in (output_error or {}).items()),
        notes=notes, details=tuple(details))


def rel_error(ref: np.ndarray, approx: np.ndarray) -> float:
    """``||ref - approx||_F / ||ref||_F`` (0 when both are zero, inf when only ``ref`` is)."""
    num = float(np.linalg.norm((np.asarray(ref, dtype=np.float64) - approx).ravel()))
    den = float(np.linalg.norm(np.asarray(ref, dtype=np.float64).ravel()))
    if den == 0:
        return 0.0 if num == 0 else float("inf")
    return num / den


def seeded_input(layer: Layer, seed: int = 0, batch: int = 1, max_hw: int | None = 32) -> np.ndarray:
    """A seeded ``(batch, C, H, W)`` post-ReLU-like input for ``layer`` (see the module docstring).

    Only conv2d inputs are cropped (to ``max_hw``, but never below the dilated kernel);
    ``max_hw=None`` keeps the full map.
    """
    rng = layer_rng(seed + 7919, layer.name)
    return np.maximum(rng.standard_normal((batch, *seeded_shape(layer, max_hw))), 0.0)


def seeded_shape(layer: Layer, max_hw: int | None = 32) -> tuple[int, int, int]:
    """``(C, H, W)`` of one image of :func:`seeded_input` (the conv crop applied), without drawing it."""
    c, h, w = layer.in_shapes[0]
    if layer.op == "conv2d" and max_hw is not None:
        (t, l, b, r), (kh, kw), (dh, dw) = layer.padding, layer.kernel, layer.dilation
        h = min(h, max(max_hw, dh * (kh - 1) + 1 - t - b))
        w = min(w, max(max_hw, dw * (kw - 1) + 1 - l - r))
    return c, h, w


def spec_text(name: str, args: str = "", layers: tuple[str, ...] | None = None) -> str:
    """Canonical spec string, e.g. ``svd:r500@fc6``."""
    return name + (f":{args}" if args else "") + (f"@{','.join(layers)}" if layers else "")


def output_error(layer: Layer, old_arrays: dict, new_layers, new_weights: dict, *, seed: int = 0, batch: int = 1,
                 max_hw: int | None = 32, x: np.ndarray | None = None, new_forward=None) -> float:
    """Relative output error of ``new_layers`` (a chain replacing ``layer``) on the seeded input.

    ``new_forward(x) -> y`` overrides running the chain (for passes whose arithmetic is not a
    plain float layer, such as quantized activations or XNOR's scaled sign products).
    """
    from accelsim.compress.functional import layer_forward, run_chain
    if x is None:
        x = seeded_input(layer, seed, batch, max_hw)
    ref = layer_forward(layer, old_arrays, x)
    got = new_forward(x) if new_forward is not None else run_chain(new_layers, new_weights, x)
    return rel_error(ref, got)
