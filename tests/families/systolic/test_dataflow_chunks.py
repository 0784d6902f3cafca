"""Every zoo model runs every dataflow on the shipped systolic presets, whatever their filter buffer.

Under os a fold's weights are K x cols, under is rows x N: on systolic-32x32's 64 KiB filter SRAM
and tpu-v1's 256 KiB weight FIFO large layers do not fit, and the lowering cuts the stream into
chunks (:func:`accelsim.families.systolic.tiles.stream_chunk`). Each layer is compared with the
same arch given a filter buffer that holds every layer whole (no chunking):

- a layer that is not chunked takes exactly the same compute cycles;
- an os layer that is chunked too: its K chunks stream one after the other onto the sums held
  in the PEs. Its weights cannot stay on chip, so they are refetched once per M chunk;
- an is layer that is chunked keeps the array at least as long (the vector op of its last,
  now narrower, output tile aside): every N chunk shifts the input tile in again, which also
  reads the ifmap buffer again; its weights are refetched per M chunk too.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

import accelsim
from accelsim.families.systolic.lower import lower_network
from accelsim.families.systolic.tiles import array_dims, pack_groups, stream_chunk
from accelsim.families.systolic.sim import ideal_layer_cycles, op_accesses
from accelsim.registry import load_arch
from accelsim.trace import COMPUTE, LOAD, VECTOR
from accelsim.workload import load_model
from accelsim.workload.layer import MAC_OPS

MODELS = sorted(p.stem for p in (Path(accelsim.__file__).parent.parent / "models").glob("*.yaml"))
#: quick enough for the default run on 32x32 (the rest are marked slow: 5-60 s each there)
FAST = {"lenet5", "alexnet_fc", "vgg16_fc", "tpu_mlp0", "tpu_mlp1", "tpu_lstm0", "tpu_lstm1", "mobilenet_v1"}
#: slow on tpu-v1 too (transformers: 4-15 s a run there)
HEAVY = {"vgg16", "yolov3_tiny", "bert_base", "gpt2", "vit_b16", "llama3_8b"}
WHOLE = "1GiB"  # a filter buffer every zoo layer fits whole


def _cases():
    for arch in ("systolic-32x32", "tpu-v1"):
        for df in ("ws", "os", "is"):
            for model in MODELS:
                slow = model not in FAST and (arch == "systolic-32x32" or model in HEAVY)
                yield pytest.param(arch, df, model, marks=[pytest.mark.slow] if slow else [],
                                   id=f"{arch}-{df}-{model}")


def _chunked(net, arch) -> dict[str, int]:
    """Layers whose stream is cut into chunks, with the chunk length (elements)."""
    out = {}
    for layer in net.layers:
        if layer.op in MAC_OPS:
            _, K, N, G, bits = array_dims(layer, arch)
            chunk = stream_chunk(K, N, G, pack_groups(K, N, G, arch), arch, bits)
            if chunk:
                out[layer.name] = chunk
    return out


def _per_layer(trace, values, select) -> np.ndarray:
    return np.bincount(trace.ops["layer"][select], weights=values[select], minlength=len(trace.layers))


def _tail(trace, li: int, arch) -> int:
    """Cycles of the layer's last vector op (what follows its last fold in the compute cycles)."""
    from accelsim.sim.engine import vector_cycles
    vec = np.flatnonzero((trace.ops["kind"] == VECTOR) & (trace.ops["layer"] == li))
    return vector_cycles(int(trace.ops["vops"][vec[-1]]), arch.vector.lanes)


def test_the_zoo_is_all_here():
    assert {"alexnet", "resnet50", "vgg16", "yolov3_tiny", "lenet5"} <= set(MODELS)


@pytest.mark.parametrize("arch_name,df,model", list(_cases()))
def test_zoo_model_runs_every_dataflow(arch_name, df, model):
    net = load_model(model)
    arch = load_arch(arch_name, {"array.dataflow": df})
    whole = load_arch(arch_name, {"array.dataflow": df, "memory.filter.capacity": WHOLE})
    r = accelsim.simulate(net, arch)
    assert r.macs == sum(l.macs for l in net.layers)
    assert r.cycles >= r.compute_cycles > 0

    chunked = _chunked(net, arch)
    if df == "ws":
        assert not chunked
    assert not _chunked(net, whole)
    tr, tw = lower_network(net, arch), lower_network(net, whole)
    ideal = ideal_layer_cycles(tw, whole)
    # a layer's compute cycles before the run attributes overlapping layers' time (Result caps them)
    compute = ideal_layer_cycles(tr, arch)
    assert [l.compute_cycles for l in r.layers] == [min(int(c), l.cycles) for c, l in zip(compute, r.layers)]
    w_mem = tr.memories.index(arch.filter.name)
    weights = _per_layer(tr, tr.ops["bytes"].astype(float), (tr.ops["kind"] == LOAD) & (tr.ops["dst"] == w_mem))
    weights_whole = _per_layer(tw, tw.ops["bytes"].astype(float),
                               (tw.ops["kind"] == LOAD) & (tw.ops["dst"] == w_mem))
    i_mem = tr.memories.index(arch.ifmap.name)
    comp = tr.ops["kind"] == COMPUTE
    i_reads = _per_layer(tr, op_accesses(tr, arch)[0][:, i_mem].astype(float), comp)
    i_reads_whole = _per_layer(tw, op_accesses(tw, whole)[0][:, i_mem].astype(float), tw.ops["kind"] == COMPUTE)
    for li, layer in enumerate(net.layers):
        if layer.name not in chunked:
            assert compute[li] == ideal[li], layer.name
            continue
        M = array_dims(layer, arch)[0]
        m_chunks = math.ceil(M / (arch.array.rows if df == "os" else arch.array.cols))
        # the weights no longer stay on chip: each M chunk fetches all of them again
        assert weights[li] == m_chunks * weights_whole[li] > 0, layer.name
        if df == "os":
            assert compute[li] == ideal[li], layer.name
            assert i_reads[li] == i_reads_whole[li], layer.name
        else:
            # the array's part: the layer ends with its last output tile's vector op, shorter when chunked
            assert compute[li] - _tail(tr, li, arch) >= ideal[li] - _tail(tw, li, whole), layer.name
            n_chunks = math.ceil(array_dims(layer, arch)[2] / chunked[layer.name])
            # every N chunk shifts each input tile in again
            assert i_reads[li] == n_chunks * i_reads_whole[li], layer.name


def test_chunked_is_pays_its_preloads_when_the_stream_cannot_hide_them():
    """One output pixel (M = 1) streaming N in chunks as short as the array is tall: each chunk's
    32-cycle input preload is as long as its stream, so compute grows by the preloads it repeats."""
    from accelsim.sim.engine import vector_cycles
    from accelsim.workload.network import gemm_network
    net = gemm_network("g", 1, 64, 4096, 1)
    small = load_arch("systolic-32x32", {"array.dataflow": "is", "memory.filter.capacity": "1KiB",
                                         "memory.filter.kind": "single", "array.overlap_folds": False})
    whole = load_arch("systolic-32x32", {"array.dataflow": "is", "array.overlap_folds": False,
                                         "memory.filter.capacity": WHOLE})
    assert _chunked(net, small) == {net.layers[0].name: 32}
    c_small = ideal_layer_cycles(lower_network(net, small), small)[0]
    c_whole = ideal_layer_cycles(lower_network(net, whole), whole)[0]
    # without overlap a fold costs preload + stream + drain (32 rows + 1 column - 2), and the
    # layer ends with the vector op of its last output tile (1 x N, or 1 x 32 when chunked)
    lanes = small.vector.lanes
    assert c_whole == 2 * (32 + 4096 + 31) + vector_cycles(4096, lanes)
    assert c_small == 4096 // 32 * 2 * (32 + 32 + 31) + vector_cycles(32, lanes)
    assert c_small > c_whole
