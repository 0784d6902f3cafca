"""Weight sharing (Deep Compression, Han, Mao and Dally, ICLR 2016): each layer's weights become indices into a
codebook of ``2**bits`` shared values, found by k-means.

Deep Compression clusters each layer's surviving (non-pruned) weights in one dimension, starting
from centroids spaced linearly between the smallest and largest weight (the initialization it
found to keep the large, rare weights that matter most), and stores a ``bits``-wide index per
weight plus the codebook. Pruned weights stay zero and are not clustered. EIE reads exactly this
format: 4-bit indices into 16 shared weights.
"""

from __future__ import annotations

import numpy as np

from accelsim.compress import progress

from accelsim.compress.record import make_record, output_error, rel_error, seeded_input, spec_text
from accelsim.compress.weights import Weights, select_layers
from accelsim.errors import AccelsimError
from accelsim.workload.layer import WEIGHTED_OPS
from accelsim.workload.network import Network

MAX_ITERATIONS = 50


def kmeans_1d(values: np.ndarray, clusters: int, iterations: int = MAX_ITERATIONS) -> tuple[np.ndarray, np.ndarray]:
    """Lloyd's k-means on scalars with linear initialization; returns ``(codes int64, centroids float64 sorted)``.

    Deterministic: the initial centroids are ``linspace(min, max, clusters)``; a centroid that
    loses every value keeps its place. Stops when no code changes or after ``iterations``.
    """
    v = np.asarray(values, np.float64).ravel()
    if v.size == 0:
        return np.zeros(0, np.int64), np.zeros(clusters)
    # On scalars a cluster is an interval: sorted once, each assignment is k binary searches and each
    # mean a difference of prefix sums, so an iteration costs O(k log n), not O(n) (AlexNet: 61 M weights)
    sv = np.sort(v)
    prefix = np.empty(sv.size + 1)
    prefix[0] = 0.0
    np.cumsum(sv, out=prefix[1:])
    cent = np.linspace(sv[0], sv[-1], clusters)
    bounds, edges, relabel = None, None, None
    for _ in range(iterations):
        new_edges = (cent[1:] + cent[:-1]) / 2
        # a value's code is the number of edges below it: values <= edges[j] have codes <= j
        pos = np.searchsorted(sv, new_edges, side="right")
        if bounds is not None and np.array_equal(pos, bounds):
            break
        bounds, edges, relabel = pos, new_edges, None
        cuts = np.concatenate(([0], pos, [sv.size]))
        n = np.diff(cuts)
        total = prefix[cuts[1:]] - prefix[cuts[:-1]]
        cent = np.where(n > 0, total / np.maximum(n, 1), cent)
        order = np.argsort(cent, kind="stable")
        if not np.array_equal(order, np.arange(clusters)):  # keep centroids sorted for the midpoint search
            cent = cent[order]
            relabel = np.argsort(order)
            bounds = None  # the intervals were renamed: look again
    del sv, prefix  # a layer-sized copy each: gone before the codes take their place
    codes = np.searchsorted(edges, v)
    return (codes if relabel is None else relabel[codes]), cent


def share(net: Network, weights: Weights | None = None, *, bits: int = 4, layers: tuple[str, ...] | None = None,
          seed: int = 0, batch: int = 1, max_hw: int | None = 32):
    """Weight sharing: ``2**bits`` shared values per layer, ``weight_bits = bits`` (the stored index width).

    With weights, each chosen layer gets ``weight`` (the decoded values), ``weight_idx`` (codes, -1
    where pruned) and ``codebook``; the record has the weight and output error.
    """
    if not 1 <= bits <= 8:
        raise AccelsimError(f"must be 1 to 8 (a codebook of 2..256 shared weights), got {bits}", field="bits")
    chosen = select_layers(net, layers, WEIGHTED_OPS)
    new_w = dict(weights) if weights is not None else None
    werr, oerr = {}, {}
    out = net.with_layers(tuple(l.with_(weight_bits=bits) if l.name in chosen else l for l in net.layers))
    todo = [l for l in net.layers if l.name in chosen and new_w is not None]
    for layer in progress.layers(todo, f"share:{bits}", lambda l: l.name):
        old = weights[layer.name]
        dt = np.int8 if bits < 8 else np.int16
        if "mask" in old:
            keep = old["mask"]
            codes, book = kmeans_1d(old["weight"][keep], 1 << bits)
            idx = np.full(old["weight"].shape, -1, dt)
            idx[keep] = codes
            del codes
            weight = np.where(keep, book[np.maximum(idx, 0)], 0.0)
        else:  # every weight clustered: no layer-sized copies of the weights or a mask
            codes, book = kmeans_1d(old["weight"], 1 << bits)
            idx = codes.astype(dt).reshape(old["weight"].shape)
            del codes
            weight = book[idx]
        arrays = {k: v for k, v in old.items() if k not in ("weight_q", "weight_scale")}
        arrays.update(weight=weight, weight_idx=idx, codebook=book)
        new_w[layer.name] = arrays
        werr[layer.name] = rel_error(old["weight"], arrays["weight"])
        new = out.layer(layer.name)
        oerr[layer.name] = output_error(layer, old, [new], {layer.name: arrays},
                                        x=seeded_input(layer, seed, batch, max_hw))
    rec = make_record("share", spec_text("share", str(bits), layers), {"bits": bits}, net, out,
                      with_weights=weights is not None, changed=list(chosen), weight_error=werr, output_error=oerr,
                      notes=(f"codebook of {1 << bits} shared weights per layer (k-means, linear initialization, "
                             "Deep Compression); pruned weights stay zero",))
    return out, new_w, rec
