"""The kernel lowering of systolic MAC layers gives the trace the plain-Python lowering gives.

``lower_network`` emits each MAC layer with :func:`accelsim.kernels.systolic_lowering.systolic_layer_ops`;
``lower_network_ref`` walks the folds one by one in Python (the original lowering). The two must
agree op for op, field for field and dependency for dependency (``Trace.__eq__``), and fail
with the same message where a buffer is too small.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from accelsim.registry import load_arch
from accelsim.compress import apply_passes
from accelsim.errors import AccelsimError
from accelsim.families.systolic.lower import lower_network, lower_network_ref
from accelsim.trace import LOAD, OP_DTYPE, LayerInfo, TraceBuilder
from accelsim.workload.layer import MAC_OPS
from accelsim.workload.network import gemm_network
from accelsim.workload import load_model
from accelsim.workload.network import build_network

ARCHS = {
    "32x32": ("systolic-32x32", {}),
    "tpu-v1": ("tpu-v1", {}),
    "os": ("systolic-32x32", {"array.dataflow": "os"}),
    "os-big-filter": ("systolic-32x32", {"array.dataflow": "os", "memory.filter.capacity": "512KiB"}),
    "is": ("systolic-32x32", {"array.dataflow": "is", "memory.filter.capacity": "512KiB"}),
    "small-ifmap": ("systolic-32x32", {"memory.ifmap.capacity": "16KiB"}),
    "small-filter": ("systolic-32x32", {"memory.filter.capacity": "8KiB", "memory.ofmap.capacity": "16KiB"}),
    "8x24": ("systolic-32x32", {"array.rows": 8, "array.cols": 24}),
    "on-chip": ("systolic-32x32", {"memory.keep_activations_on_chip": True, "memory.ifmap.capacity": "4MiB"}),
    "single-buffers": ("systolic-32x32", {"memory.ifmap.kind": "single", "memory.ofmap.kind": "single",
                                          "memory.filter.kind": "double"}),
    "tpu-is": ("tpu-v1", {"array.dataflow": "is"}),
    "tpu-os": ("tpu-v1", {"array.dataflow": "os"}),
    "tpu-100x7": ("tpu-v1", {"array.rows": 100, "array.cols": 7, "memory.filter.depth": 2}),
    # streams cut into chunks whose weights fit the filter buffer (K under os, N under is)
    "is-64k": ("systolic-32x32", {"array.dataflow": "is"}),
    "os-single": ("systolic-32x32", {"array.dataflow": "os", "memory.filter.kind": "single"}),
    "is-fifo3": ("systolic-32x32", {"array.dataflow": "is", "memory.filter.kind": "fifo",
                                    "memory.filter.depth": 3, "memory.filter.capacity": "16KiB"}),
}
#: which archs each zoo model is lowered on (the plain-Python reference is slow on big layers
#: over small arrays, so the large models take a spread of archs rather than all)
MATRIX = {
    "lenet5": list(ARCHS),
    "resnet18": list(ARCHS),
    "alexnet_fc": ["is-64k", "os", "os-single", "is-fifo3", "tpu-os", "tpu-is"],
    "mobilenet_v1": ["32x32", "os", "is", "8x24", "tpu-v1"],
    "mobilenet_v2": ["32x32", "small-ifmap", "on-chip", "single-buffers", "tpu-is"],
    "alexnet": ["32x32", "tpu-v1", "tpu-os", "small-ifmap"],
    "tpu_cnn0": ["tpu-v1", "tpu-is", "tpu-os", "tpu-100x7", "is"],
    "tpu_mlp0": ["tpu-v1", "32x32", "small-filter", "on-chip"],
    "tpu_lstm0": ["tpu-v1", "tpu-100x7", "single-buffers"],
    "vgg16": ["tpu-v1", "tpu-is"],
}


def _lower(fn, net, arch, batch, on_chip):
    try:
        return fn(net, arch, batch, on_chip)
    except AccelsimError as e:
        return f"AccelsimError: {e}"


def _check(net, arch, runs=((1, False), (3, True))):
    for batch, on_chip in runs:
        fast = _lower(lower_network, net, arch, batch, on_chip)
        ref = _lower(lower_network_ref, net, arch, batch, on_chip)
        assert fast == ref, f"{net.name} on {arch.name}, batch {batch}, input_on_chip={on_chip}"


@pytest.mark.parametrize("model,arch_id", [(m, a) for m, archs in MATRIX.items() for a in archs])
def test_zoo_model_lowers_as_the_reference(model, arch_id):
    name, over = ARCHS[arch_id]
    runs = ((1, False), (1, True), (3, False), (3, True)) if model == "lenet5" else ((1, False), (3, True))
    _check(load_model(model), load_arch(name, over), runs)


def test_bank_conflicts_and_scalesim_compat_lower_as_the_reference():
    for over in ({"array.bank_conflicts": True}, {"array.compat": "scalesim"}):
        _check(load_model("lenet5"), load_arch("systolic-32x32", over), runs=((1, False), (1, True)))


@pytest.mark.parametrize("model,passes,arch_id", [
    ("resnet18", ["grouped:4"], "32x32"),        # grouped convs packed side by side
    ("resnet18", ["grouped:4"], "8x24"),
    ("alexnet", ["w4a16"], "32x32"),             # narrow weights, wide activations: rate and port divisors
    ("alexnet", ["w16a16"], "tpu-v1"),
    ("mobilenet_v2", ["w2a4"], "is"),
    ("lenet5", ["tucker2:0.5"], "os-big-filter"),
])
def test_compressed_model_lowers_as_the_reference(model, passes, arch_id):
    net = apply_passes(load_model(model), None, passes)[0]
    name, over = ARCHS[arch_id]
    _check(net, load_arch(name, over))


def test_too_small_filter_names_every_layer_and_the_capacity_that_serves_them_all():
    # 16-bit weights: a 32x32 tile is 2 KiB, the 1 KiB filter holds only 8-bit ones
    net = apply_passes(load_model("lenet5"), None, ["w16a8"])[0]
    arch = load_arch("systolic-32x32", {"memory.filter.capacity": 32 * 32})
    with pytest.raises(AccelsimError) as fast:
        lower_network(net, arch)
    with pytest.raises(AccelsimError) as ref:
        lower_network_ref(net, arch)
    msg = str(fast.value)
    assert msg == str(ref.value) and "\n" not in msg and fast.value.field == "memory.filter.capacity"
    # a layer is listed when its largest tile, min(K, 32) x min(N, 32) 16-bit weights, exceeds 1 KiB
    dims = {l.name: l.gemm_dims() for l in net.layers if l.op in MAC_OPS}
    short = [name for name, (_, k, n, _) in dims.items() if min(k, 32) * min(n, 32) * 2 > 1024]
    assert len(short) > 1 and all((f" {name} (" in msg) == (name in short) for name in dims), msg
    assert "2048 B) or more runs them all" in msg, msg
    # the capacity named is enough
    lower_network(net, load_arch("systolic-32x32", {"memory.filter.capacity": 2048}))


@pytest.mark.parametrize("df", ["os", "is"])
def test_chunks_cover_the_stream_and_fit_the_filter(df):
    """A fold too wide for the 64 KiB filter becomes chunks of at most half of it (two in flight);
    under os only the last chunk drains the sums, under is every chunk shifts its inputs in."""
    from accelsim.trace import COMPUTE
    arch = load_arch("systolic-32x32", {"array.dataflow": df})
    net = gemm_network("g", 40, 9216, 4096, 1)  # fc6: 9216 x 32 and 32 x 4096 weights are 288 and 128 KiB
    tr = lower_network(net, arch, input_on_chip=True)
    assert tr == lower_network_ref(net, arch, input_on_chip=True)
    ops = tr.ops
    comp = ops[ops["kind"] == COMPUTE]
    w = ops[(ops["kind"] == LOAD) & (ops["dst"] == tr.memories.index(arch.filter.name))]
    assert w["bytes"].max() <= arch.filter.capacity_bytes // 2 and len(w) == len(comp)
    assert int(comp["macs"].sum()) == 40 * 9216 * 4096
    assert int(w["bytes"].sum()) == 2 * 9216 * 4096  # all weights once per M chunk (R = C = 32 rows)
    if df == "os":
        assert int(comp["stream"].sum()) == 2 * 128 * 9216  # (M chunks) x (N tiles) x K
        drains = comp["drain"][comp["drain"] > 0]
        assert len(drains) == 2 * 128 and len(comp) > len(drains)
        assert (comp["preload"] == 0).all()
    else:
        assert int(comp["stream"].sum()) == 2 * 288 * 4096  # (M chunks) x (K tiles) x N
        assert (comp["preload"] == comp["rows"]).all() and (comp["drain"] > 0).all()


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 300), st.integers(1, 300), st.integers(1, 300), st.integers(1, 3),
       st.integers(1, 40), st.integers(1, 40), st.sampled_from(["ws", "os", "is"]), st.booleans(),
       st.sampled_from(["1KiB", "8KiB", "64KiB"]), st.sampled_from(["fifo", "double", "single"]),
       st.sampled_from([256, 1024, 8192]), st.integers(1, 3))
def test_gemm_chains_lower_as_the_reference(m, k, n, layers, rows, cols, df, pad, filt, kind, ofmap, batch):
    assume(-(-m * batch // min(rows, cols)) * -(-k // rows) * -(-n // cols) <= 4000)  # the reference is slow
    over = {"array.rows": rows, "array.cols": cols, "array.dataflow": df, "array.pad_weight_tiles": pad,
            "memory.filter.capacity": filt, "memory.filter.kind": kind, "memory.ofmap.capacity": ofmap}
    try:
        arch = load_arch("systolic-32x32", over)
    except AccelsimError:
        return  # a buffer the arch rules refuse (checked elsewhere)
    _check(gemm_network("g", m, k, n, layers), arch, runs=((batch, False), (batch, True)))


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 24), st.integers(3, 20), st.sampled_from([1, 2, 3, 4]), st.integers(1, 5),
       st.integers(1, 3), st.integers(1, 2), st.sampled_from([1, 2, 4]), st.integers(2, 40), st.integers(2, 40),
       st.sampled_from(["ws", "os", "is"]))
def test_grouped_convs_lower_as_the_reference(c, hw, g, kernel, stride, dil, out_per_group, rows, cols, df):
    kernel = min(kernel, (hw - 1) // dil + 1)
    raw = [{"name": "conv", "op": "conv2d", "out": g * out_per_group, "kernel": kernel, "stride": stride,
            "dilation": dil, "groups": g},
           {"name": "pool", "op": "maxpool", "kernel": 1},
           {"name": "conv2", "op": "conv2d", "out": 8, "kernel": 1}]
    net = build_network("convs", (c * g, hw, hw), raw)
    arch = load_arch("systolic-32x32", {"array.rows": rows, "array.cols": cols, "array.dataflow": df,
                                        "memory.ifmap.capacity": "2KiB", "memory.filter.capacity": "256KiB"})
    _check(net, arch, ((1, False), (1, True), (3, False), (3, True)))


def test_kernel_fields_are_the_trace_fields():
    from accelsim.kernels.systolic_lowering import FIELDS
    assert FIELDS == tuple(f for f in OP_DTYPE.names if f != "layer")


def test_builder_mixes_single_ops_and_bulk_chunks_in_order():
    tb = TraceBuilder("a", "m", 1, ("u", "v"), ("dram", "buf"))
    li = tb.add_layer(LayerInfo("l", "gemm", 8, 8, 32, 1))
    a = tb.add(LOAD, "u", li, src="dram", dst="buf", bytes=4)
    first = tb.extend(li, np.array([0, 1, 3]), np.array([a, a, 1]), kind=[LOAD, LOAD], unit=[1, 0],
                      src=[0, 0], dst=1, bytes=[8, 16])
    b = tb.add(LOAD, "v", li, [first + 1], src="dram", dst="buf", bytes=2)
    assert (first, b, len(tb)) == (1, 3, 4)
    t = tb.build()
    assert t.ops["unit"].tolist() == [0, 1, 0, 1] and t.ops["bytes"].tolist() == [4, 8, 16, 2]
    assert t.ops["dst"].tolist() == [1, 1, 1, 1] and t.ops["div"].tolist() == [1, 1, 1, 1]
    assert [t.deps_of(i).tolist() for i in range(4)] == [[], [0], [0, 1], [2]]
    with pytest.raises(TypeError, match="unknown field 'bogus'"):
        tb.extend(li, np.array([0, 0]), np.array([], np.int64), bogus=[1])
    tb.extend(li, np.array([0, 0]), np.array([], np.int64), kind=[LOAD], unit=[0], div=[256])
    with pytest.raises(OverflowError, match="div"):
        tb.build()
