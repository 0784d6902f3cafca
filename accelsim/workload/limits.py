"""Size guards for workloads: shapes no network has, batches no run needs, runs this machine cannot hold.

The loaders check that sizes are positive integers; any size passes. A layer of 10^9 output
channels then allocates until ``MemoryError``, and ``--batch 10**12`` spins for hours.
:func:`check_network` bounds every dimension and every layer's work when a network is built;
:func:`check_batch` bounds the batch; :func:`check_memory` estimates what a run that materializes
weights or activations (``--weights``, ``--activations functional``) will allocate, and refuses
with the estimate before it starts. Bounds are generous: far above any published network.
"""

from __future__ import annotations

from typing import Any

from accelsim import host
from accelsim.errors import AccelsimError
from accelsim.host import fmt_bytes

#: one tensor dimension (channels, height, width, a GEMM side); GPT vocabularies are ~2.6e5
MAX_DIM = 2**24
#: multiply-accumulates of one layer for one sample (GPT-3's largest GEMM at 2048 tokens is ~1e11)
MAX_LAYER_MACS = 10**15
#: activation elements of one tensor for one sample
MAX_ELEMENTS = 2**36
#: layers in one network
MAX_LAYERS = 10**6
#: samples per inference
MAX_BATCH = 2**20


def check_network(net: Any) -> Any:
    """``net`` itself if every layer's sizes are within the bounds above; else an :class:`AccelsimError`
    naming ``layers[i]`` and the field (``out``, ``macs``...)."""
    if len(net.layers) > MAX_LAYERS:
        raise AccelsimError(f"{len(net.layers):,} layers; at most {MAX_LAYERS:,}", field="layers")
    _dims(net.input_shape, "input")
    for i, layer in enumerate(net.layers):
        where = f"layers[{i}]"
        _dims(layer.out_shape, f"{where}.out")
        for s in layer.in_shapes:
            _dims(s, f"{where}.in_shape")
        if layer.gemm_mkn is not None:
            _dims(layer.gemm_mkn, f"{where}.m/k/n")
        for shape, what in ((layer.out_shape, "out"), *((s, "in_shape") for s in layer.in_shapes)):
            n = _numel(shape)
            if n > MAX_ELEMENTS:
                raise AccelsimError(f"layer {layer.name}: {n:.3g} activation elements per sample; at most "
                                    f"{MAX_ELEMENTS:.3g}", field=f"{where}.{what}")
        if layer.macs > MAX_LAYER_MACS:
            raise AccelsimError(f"layer {layer.name}: {layer.macs:.3g} MACs per sample; at most "
                                f"{MAX_LAYER_MACS:.0e} (no published layer comes near)", field=f"{where}")
    return net


def check_batch(batch: Any, fld: str = "--batch") -> int:
    """``batch`` as an int in 1..:data:`MAX_BATCH`; else an :class:`AccelsimError` naming ``fld``."""
    if isinstance(batch, bool) or not isinstance(batch, int):
        raise AccelsimError(f"must be an integer from 1 to {MAX_BATCH:,} samples, got {batch!r}", field=fld)
    if batch < 1:
        raise AccelsimError(f"must be >= 1, got {batch}", field=fld)
    if batch > MAX_BATCH:
        raise AccelsimError(f"must be at most {MAX_BATCH:,} samples (no accelerator runs a larger batch at once), "
                            f"got {batch:,}", field=fld)
    return batch


def check_memory(net: Any, batch: int, *, weights: bool, activations: bool) -> None:
    """Refuse a run whose materialized arrays (float32 weights, as the compression passes hold them,
    and float64 activations of one layer at ``batch``) would not fit in this machine's available
    memory, with the estimate in the message."""
    avail = host.available_bytes()
    if avail is None:
        return
    if weights:
        need = sum(l.params for l in net.layers) * 4
        if need > avail:
            raise AccelsimError(f"{fmt_bytes(need)} of weights; more than this machine's memory "
                                f"({fmt_bytes(avail)} available)", field="--weights")
    if activations:
        for layer in net.layers:
            need = (layer.in_elements + layer.out_elements) * batch * 8
            if need > avail:
                raise AccelsimError(f"layer {layer.name}: {fmt_bytes(need)} of activations; more than this "
                                    f"machine's memory ({fmt_bytes(avail)} available)", field="--activations")


def _dims(shape: Any, fld: str) -> None:
    for d in shape:
        if d > MAX_DIM:
            raise AccelsimError(f"{d:,} is larger than any network's tensor side; at most {MAX_DIM:,}", field=fld)


def _numel(shape: Any) -> int:
    n = 1
    for d in shape:
        n *= d
    return n
