"""Pruning passes and the sparse storage formats that decide what pruning saves.

``magnitude_prune`` (Han et al., NIPS 2015) zeroes the smallest-magnitude weights, per layer
or with one global threshold, and sets ``Layer.weight_density``; the dense shapes and
``Layer.macs`` stay (``effective_macs`` falls). With weights it also stores a ``mask``.

``channel_prune`` removes whole output channels ranked by the L1 norm of their filters (Li
et al., ICLR 2017; the structured pruning of He et al., ICCV 2017 without their
least-squares reconstruction). It changes ``out_shape`` of the pruned layer and the input
shapes of every reader, following DAG edges through pooling, activation, upsample and
flatten to the next weighted layer. A depthwise conv on the way loses the same channels and
passes the cut on. Layers whose output reaches an add, mul, concat, matmul, gemm or grouped
conv are skipped (the record says which and why): pruning one side of a residual add or one
part of a concat would need the same channels cut from every other operand.

Sparse-format sizes (``*_bytes``) are functions of the pruned ``(rows, cols)`` weight matrix
(rows = output channels, cols = fan-in) and return whole bytes.
"""

from __future__ import annotations

import math

import numpy as np

from accelsim.compress.functional import layer_forward
from accelsim.compress.graph import PASSTHROUGH, reinfer
from accelsim.compress.record import make_record, output_error, rel_error, seeded_input, spec_text
from accelsim.compress.weights import Weights, layer_rng, select_layers
from accelsim.errors import AccelsimError
from accelsim.workload.layer import WEIGHTED_OPS, Layer
from accelsim.workload.network import Network

# ---------------------------------------------------------------------------------------------
# sparse formats


def _bits_for(n: int) -> int:
    """Bits to index ``n`` distinct positions (at least 1)."""
    return max(1, math.ceil(math.log2(max(n, 2))))


def csr_bytes(rows: int, cols: int, nnz: int, value_bits: int, index_bits: int | None = None,
              pointer_bits: int | None = None) -> int:
    """Compressed sparse row: ``nnz`` values and column indices plus ``rows + 1`` row pointers.

    Index bits default to ``ceil(log2 cols)``, pointer bits to ``ceil(log2 (nnz + 1))``.
    """
    ib = index_bits if index_bits is not None else _bits_for(cols)
    pb = pointer_bits if pointer_bits is not None else _bits_for(nnz + 1)
    return math.ceil((nnz * (value_bits + ib) + (rows + 1) * pb) / 8)


def csc_bytes(rows: int, cols: int, nnz: int, value_bits: int, index_bits: int | None = None,
              pointer_bits: int | None = None) -> int:
    """Compressed sparse column: CSR of the transpose."""
    return csr_bytes(cols, rows, nnz, value_bits, index_bits, pointer_bits)


def bitmap_bytes(rows: int, cols: int, nnz: int, value_bits: int) -> int:
    """One presence bit per weight plus the ``nnz`` values."""
    return math.ceil((rows * cols + nnz * value_bits) / 8)


def relative_index_bytes(mask: np.ndarray, value_bits: int, index_bits: int) -> int:
    """Deep Compression's relative indexing (Han et al. 2015 §5, ICLR 2016 Fig. 2).

    Non-zeros are stored in row-major order, each with the count of zeros since the previous
    one in ``index_bits``. A run longer than ``2^index_bits - 1`` costs a filler entry (a
    stored zero) per ``2^index_bits`` zeros. Every entry is ``value_bits + index_bits``.
    """
    pos = np.flatnonzero(np.asarray(mask).ravel())
    if pos.size == 0:
        return 0
    runs = np.diff(np.concatenate(([-1], pos))) - 1
    fillers = int((runs >> index_bits).sum())
    return math.ceil((pos.size + fillers) * (value_bits + index_bits) / 8)


def sparse_sizes(layer: Layer, mask: np.ndarray | None = None, seed: int = 0) -> dict[str, int]:
    """Bytes of ``layer``'s weights in each format, at ``weight_bits`` per value.

    Without a mask the non-zeros are placed uniformly at random (seeded) at ``weight_density``.
    Relative indices take 8 bits for conv and 5 for matrix layers (Han et al. 2015 §5).
    """
    rows = layer.out_shape[0] if layer.op != "gemm" else layer.gemm_dims()[2]
    cols = layer.weight_count // rows
    if mask is None:
        nnz = int(round(layer.weight_count * layer.weight_density))
        flat = np.zeros(layer.weight_count, dtype=bool)
        flat[layer_rng(seed, layer.name).choice(layer.weight_count, nnz, replace=False)] = True
        mask = flat
    nnz = int(np.count_nonzero(mask))
    vb = layer.weight_bits
    rel_bits = 8 if layer.op == "conv2d" else 5
    return {"dense": layer.weight_bytes, "csr": csr_bytes(rows, cols, nnz, vb), "csc": csc_bytes(rows, cols, nnz, vb),
            "bitmap": bitmap_bytes(rows, cols, nnz, vb), "relative_index": relative_index_bytes(mask, vb, rel_bits)}


#: the formats a chip's DRAM may hold weights in (:func:`stored_bytes`)
WEIGHT_FORMATS = ("dense", "csr", "csc", "bitmap", "relative_index")


def stored_bytes(layer: Layer, fmt: str, value_bits: int | None = None, seed: int = 0) -> int:
    """Bytes of ``layer``'s weights stored in ``fmt`` (one of :data:`WEIGHT_FORMATS`) at ``value_bits`` a value.

    ``value_bits`` defaults to ``layer.weight_bits`` (a chip with its own word width passes
    that). The non-zero count is ``round(weight_count * weight_density)``; only
    ``relative_index`` needs where they fall, drawn as :func:`sparse_sizes` draws them.
    """
    vb = value_bits if value_bits is not None else layer.weight_bits
    rows = layer.out_shape[0] if layer.op != "gemm" else layer.gemm_dims()[2]
    cols = layer.weight_count // rows
    nnz = int(round(layer.weight_count * layer.weight_density))
    if fmt == "dense":
        return math.ceil(layer.weight_count * vb / 8)
    if fmt == "csr":
        return csr_bytes(rows, cols, nnz, vb)
    if fmt == "csc":
        return csc_bytes(rows, cols, nnz, vb)
    if fmt == "bitmap":
        return bitmap_bytes(rows, cols, nnz, vb)
    if fmt == "relative_index":
        flat = np.zeros(layer.weight_count, dtype=bool)
        flat[layer_rng(seed, layer.name).choice(layer.weight_count, nnz, replace=False)] = True
        return relative_index_bytes(flat, vb, 8 if layer.op == "conv2d" else 5)
    raise AccelsimError(f"must be one of {', '.join(WEIGHT_FORMATS)}, got {fmt!r}", field="weight_format")


# ---------------------------------------------------------------------------------------------
# magnitude pruning


def _top_mask(mag: np.ndarray, keep: int) -> np.ndarray:
    flat = mag.ravel()
    mask = np.zeros(flat.size, dtype=bool)
    if keep > 0:
        mask[np.argpartition(-flat, keep - 1)[:keep]] = True
    return mask.reshape(mag.shape)


def _magnitudes(arrays: dict) -> np.ndarray:
    """``|w|``, with -1 where a mask already pruned the weight (so it is never kept again)."""
    return np.where(arrays.get("mask", True), np.abs(arrays["weight"]), -1.0)


def _layer_mask(arrays: dict, density: float) -> np.ndarray:
    """The ``round(density x n)`` largest ``|w|`` among the unpruned weights (at least one, at most all of them).

    The threshold is found by an in-place partition of one copy of the magnitudes; ties at it
    (measure zero for real weights) are broken by position, first kept.
    """
    m = _magnitudes(arrays).ravel()
    keep = max(1, min(int(round(density * m.size)), int(np.count_nonzero(m >= 0))))
    kth = m.size - keep
    m.partition(kth)
    thr = float(m[kth])
    del m
    a = np.abs(arrays["weight"])
    mask, tie = a > thr, a == thr
    del a
    if "mask" in arrays:
        mask &= arrays["mask"]
        tie &= arrays["mask"]
    need = keep - int(np.count_nonzero(mask))
    if need > 0:
        mask.flat[np.flatnonzero(tie)[:need]] = True
    return mask


def magnitude_prune(net: Network, weights: Weights | None = None, *, sparsity: float, scope: str = "layer",
                    layers: tuple[str, ...] | None = None, seed: int = 0, batch: int = 1, max_hw: int | None = 32):
    """Zero the ``sparsity`` fraction of smallest |w| (``scope`` ``"layer"`` or ``"global"``).

    Sets ``weight_density`` to the kept fraction (``round(density x n) / n`` per layer, at least
    one weight). Already-pruned weights stay pruned. Without weights every chosen layer gets
    ``min(weight_density, 1 - sparsity)`` and ``global`` behaves as ``layer``.
    """
    if not 0.0 <= sparsity < 1.0:
        raise AccelsimError(f"must be in [0, 1), got {sparsity!r}", field="sparsity")
    if scope not in ("layer", "global"):
        raise AccelsimError(f"must be layer or global, got {scope!r}", field="scope")
    chosen = select_layers(net, layers, WEIGHTED_OPS)
    density = 1.0 - sparsity
    masks: dict[str, np.ndarray] = {}
    if weights is not None and scope == "global":
        mags = {n: _magnitudes(weights[n]) for n in chosen}
        allm = np.concatenate([m.ravel() for m in mags.values()])
        keep_total = min(int(round(density * allm.size)), int((allm >= 0).sum()))
        glob = _top_mask(allm, keep_total)
        at = 0
        for n in chosen:
            masks[n] = glob[at: at + mags[n].size].reshape(mags[n].shape)
            at += mags[n].size
        del mags, allm
    new_layers, new_w = [], (dict(weights) if weights is not None else None)
    werr, oerr, sizes = {}, {}, []
    for layer in net.layers:
        if layer.name not in chosen:
            new_layers.append(layer)
            continue
        if weights is None:
            new = layer.with_(weight_density=min(layer.weight_density, density))
            sizes.append((layer.name, tuple(sparse_sizes(new, seed=seed).items())))
        else:
            old = weights[layer.name]
            if scope == "global":
                mask = masks.pop(layer.name)
            else:  # one layer at a time: a whole network's magnitudes at once cost its float weights again
                mask = _layer_mask(old, density)
            arrays = dict(old, weight=np.where(mask, old["weight"], 0.0), mask=mask)
            if "weight_q" in old:
                arrays["weight_q"] = np.where(mask, old["weight_q"], 0)
            new = layer.with_(weight_density=max(int(mask.sum()), 1) / mask.size)
            new_w[layer.name] = arrays
            werr[layer.name] = rel_error(old["weight"], arrays["weight"])
            oerr[layer.name] = output_error(layer, old, [new], {layer.name: arrays}, seed=seed, batch=batch,
                                            max_hw=max_hw)
            sizes.append((layer.name, tuple(sparse_sizes(new, mask.reshape(mask.shape[0], -1)).items())))
        new_layers.append(new)
    out = net.with_layers(tuple(new_layers))
    notes = () if weights is not None or scope == "layer" else ("global scope needs weights; applied per layer",)
    rec = make_record("magnitude", spec_text("magnitude", f"{sparsity:g}" + (":global" if scope == "global" else ""),
                                             layers), {"sparsity": sparsity, "scope": scope}, net, out,
                      with_weights=weights is not None, changed=chosen, weight_error=werr, output_error=oerr,
                      notes=notes, details=(("sparse_bytes", tuple(sizes)),))
    return out, new_w, rec


def nm_prune(net: Network, weights: Weights | None = None, *, keep: int = 2, group: int = 4,
             layers: tuple[str, ...] | None = None, seed: int = 0, batch: int = 1, max_hw: int | None = 32):
    """Structured N:M pruning: in every ``group`` consecutive weights of a row (along the reduction), keep the
    ``keep`` largest |w| (2:4 is what sparse tensor cores run).

    Sets ``weight_pattern = "keep:group"`` and ``weight_density`` to the kept fraction. A row's last
    partial group keeps at most ``keep`` too. Without weights the density becomes ``keep / group``
    and the pattern is set, so an N:M array runs the layer at its sparse rate.
    """
    if not 1 <= keep < group:
        raise AccelsimError(f"must keep 1 to {group - 1} of every {group}, got {keep}:{group}", field="nm")
    chosen = select_layers(net, layers, WEIGHTED_OPS)
    pattern = f"{keep}:{group}"
    new_layers, new_w = [], (dict(weights) if weights is not None else None)
    werr, oerr = {}, {}
    for layer in net.layers:
        if layer.name not in chosen:
            new_layers.append(layer)
            continue
        if weights is None:
            new_layers.append(layer.with_(weight_density=min(layer.weight_density, keep / group),
                                          weight_pattern=pattern))
            continue
        old = weights[layer.name]
        w = old["weight"]
        rows = w.reshape(w.shape[0], -1)
        mag = np.where(old.get("mask", np.ones(w.shape, bool)).reshape(rows.shape), np.abs(rows), -1.0)
        pad = (-rows.shape[1]) % group
        padded = np.pad(mag, ((0, 0), (0, pad)), constant_values=-1.0).reshape(rows.shape[0], -1, group)
        order = np.argsort(-padded, axis=2, kind="stable")          # largest first, ties by position
        keep_mask = np.zeros(padded.shape, bool)
        np.put_along_axis(keep_mask, order[:, :, :keep], True, axis=2)
        keep_mask &= padded >= 0                                      # never revive a pruned weight
        mask = keep_mask.reshape(rows.shape[0], -1)[:, :rows.shape[1]].reshape(w.shape)
        arrays = dict(old, weight=np.where(mask, w, 0.0), mask=mask)
        if "weight_q" in old:
            arrays["weight_q"] = np.where(mask, old["weight_q"], 0)
        new = layer.with_(weight_density=max(int(mask.sum()), 1) / mask.size, weight_pattern=pattern)
        new_w[layer.name] = arrays
        werr[layer.name] = rel_error(w, arrays["weight"])
        oerr[layer.name] = output_error(layer, old, [new], {layer.name: arrays}, seed=seed, batch=batch,
                                        max_hw=max_hw)
        new_layers.append(new)
    out = net.with_layers(tuple(new_layers))
    rec = make_record("nm", spec_text("nm", pattern, layers), {"keep": keep, "group": group}, net, out,
                      with_weights=weights is not None, changed=chosen, weight_error=werr, output_error=oerr,
                      notes=(f"structured {pattern}: only an array with the {pattern} sparse mode (systolic "
                             "array.structured) turns it into speed",))
    return out, new_w, rec


# ---------------------------------------------------------------------------------------------
# channel pruning


def _readers(net: Network, name: str) -> tuple[list[tuple[str, str]], str | None]:
    """Layers that must follow a cut of ``name``'s output channels: ``(layer, how)`` with how in
    ``in`` (slice input channels), ``flat`` (slice flattened features), ``depthwise`` (slice
    both and continue); or a reason why the cut cannot be made."""
    out: list[tuple[str, str]] = []
    stack = [(c, False) for c in net.consumers(name)]
    if not stack:
        return [], "its output is a network output"
    while stack:
        cname, flat = stack.pop()
        c = net.layer(cname)
        if c.op in PASSTHROUGH or c.op == "flatten":
            stack += [(n, flat or c.op == "flatten") for n in net.consumers(cname)]
            if not net.consumers(cname):
                return [], f"it reaches the network output through {cname}"
        elif c.op == "linear":
            out.append((cname, "flat"))
        elif c.op == "conv2d" and not flat and c.groups == 1:
            out.append((cname, "in"))
        elif c.op == "conv2d" and not flat and c.groups == c.in_shapes[0][0] == c.out_shape[0]:
            out.append((cname, "depthwise"))
            stack += [(n, False) for n in net.consumers(cname)]
            if not net.consumers(cname):
                return [], f"it reaches the network output through {cname}"
        else:
            return [], f"its output reaches {cname} ({c.op}{', grouped' if c.op == 'conv2d' else ''})"
    return out, None


def _slice(arrays: dict, out_keep, in_keep, n_out: int) -> dict:
    new = {}
    for k, v in arrays.items():
        if k in ("weight", "mask", "weight_q"):
            if out_keep is not None:
                v = v[out_keep]
            if in_keep is not None:
                v = v[:, in_keep]
        elif k in ("bias", "weight_scale") and v.size == n_out and out_keep is not None:
            v = v[out_keep]
        new[k] = v
    return new


def channel_prune(net: Network, weights: Weights | None = None, *, ratio: float,
                  layers: tuple[str, ...] | None = None, seed: int = 0, batch: int = 1, max_hw: int | None = 32):
    """Remove ``round(ratio x out_channels)`` output channels with the smallest filter L1 norm from
    each chosen conv (groups 1) and linear layer, and the matching inputs of their readers.

    Without weights the channels cut are the last ones (shapes are what matter). The network's
    outputs and layers feeding add/concat/... are skipped; ``record.skipped`` says why.
    """
    if not 0.0 <= ratio < 1.0:
        raise AccelsimError(f"must be in [0, 1), got {ratio!r}", field="ratio")
    candidates = [n for n in select_layers(net, layers, frozenset({"conv2d", "linear"}))
                  if net.layer(n).groups == 1]
    out_keep: dict[str, np.ndarray] = {}
    in_keep: dict[str, np.ndarray] = {}
    skipped = []
    for name in candidates:
        layer = net.layer(name)
        readers, why = _readers(net, name)
        if why:
            skipped.append((name, why))
            continue
        c = layer.out_shape[0]
        n_rm = min(int(round(ratio * c)), c - 1)
        if n_rm == 0:
            continue
        if weights is not None:
            l1 = np.abs(weights[name]["weight"]).reshape(c, -1).sum(axis=1)
            keep = np.sort(np.argsort(-l1, kind="stable")[: c - n_rm])
        else:
            keep = np.arange(c - n_rm)
        out_keep[name] = keep
        for rname, how in readers:
            r = net.layer(rname)
            if how == "depthwise":
                out_keep[rname] = keep  # one input per group: its filters go with its channels
            elif how == "in":
                in_keep[rname] = keep
            else:
                _, h, w = _flattened_shape(net, r)
                in_keep[rname] = (keep[:, None] * (h * w) + np.arange(h * w)).ravel()
    changed = [l.name for l in net.layers if l.name in out_keep or l.name in in_keep]
    new_layers, new_w, werr, oerr = [], (dict(weights) if weights is not None else None), {}, {}
    for layer in net.layers:
        if layer.name not in changed:
            new_layers.append(layer)
            continue
        ok = out_keep.get(layer.name)
        ik = in_keep.get(layer.name)
        fields = {}
        if ok is not None:
            fields["out_shape"] = (len(ok),) + tuple(layer.out_shape[1:])
            if layer.groups > 1:  # depthwise
                fields["groups"] = len(ok)
        new = layer.with_(**fields)
        if weights is not None:
            old = weights[layer.name]
            arrays = _slice(old, ok, ik, layer.out_shape[0])
            if "mask" in arrays:
                new = new.with_(weight_density=max(int(arrays["mask"].sum()), 1) / arrays["mask"].size)
            new_w[layer.name] = arrays
            werr[layer.name], oerr[layer.name] = _channel_errors(layer, new, old, arrays, ok, ik, seed, batch, max_hw)
        new_layers.append(new)
    out = net.with_layers(reinfer(tuple(new_layers), net.input_shape))
    notes = ("L1 ranking without reconstruction (no least-squares refit of the readers)",)
    if weights is None:
        notes += ("no weights: the last channels of each layer are cut",)
    rec = make_record("channel", spec_text("channel", f"{ratio:g}", layers), {"ratio": ratio}, net, out,
                      with_weights=weights is not None, changed=changed, skipped=skipped, weight_error=werr,
                      output_error=oerr, notes=notes,
                      details=(("kept_channels", tuple((n, tuple(int(i) for i in k)) for n, k in out_keep.items())),))
    return out, new_w, rec


def _flattened_shape(net: Network, reader: Layer):
    """The ``(C, H, W)`` tensor a linear reader flattens: the input of a flatten found by walking
    back through passthrough ops, else the reader's own input."""
    src = reader.inputs[0]
    while True:
        layer = net.layer(src)
        if layer.op == "flatten":
            return layer.in_shapes[0]
        if layer.op not in PASSTHROUGH:
            return reader.in_shapes[0]
        src = layer.inputs[0]


def _channel_errors(layer: Layer, new: Layer, old: dict, arrays: dict, ok, ik, seed, batch, max_hw):
    w = old["weight"]
    kept = np.zeros(w.shape, dtype=bool)
    o_idx = ok if ok is not None else np.arange(w.shape[0])
    if ik is not None:
        kept[np.ix_(o_idx, ik)] = True
    else:
        kept[o_idx] = True
    werr = rel_error(w, np.where(kept, w, 0.0))
    x = seeded_input(layer, seed, batch, max_hw)

    def forward(x):
        xs = x
        if ik is not None:
            xs = x[:, ik] if layer.op == "conv2d" else x.reshape(x.shape[0], -1)[:, ik].reshape(x.shape[0], -1, 1, 1)
        elif ok is not None and new.groups > 1:
            xs = x[:, ok]
        y = layer_forward(new, arrays, xs)
        if ok is None:
            return y
        full = np.zeros((y.shape[0], layer.out_shape[0]) + y.shape[2:])
        full[:, ok] = y
        return full

    return werr, output_error(layer, old, [new], {}, x=x, new_forward=forward)
