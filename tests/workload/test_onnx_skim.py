"""Reading an .onnx file without its weight bytes: the result is the same model, minus big tensors' data."""

from __future__ import annotations

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from accelsim.errors import AccelsimError  # noqa: E402
from accelsim.workload.onnx_loader import load_onnx  # noqa: E402
from accelsim.workload.onnx_skim import DESCEND_BYTES, SkimError, read_without_weights  # noqa: E402

RNG_SEED = 7
SMALL = 4096


def _model() -> onnx.ModelProto:
    """A conv (big weight initializer) then a Gemm whose weight is a big Constant node, plus small tensors."""
    rng = np.random.default_rng(RNG_SEED)
    conv_w = numpy_helper.from_array(rng.standard_normal((64, 32, 3, 3)).astype(np.float32), "conv.w")  # 73 KiB
    conv_b = numpy_helper.from_array(rng.standard_normal(64).astype(np.float32), "conv.b")
    shape = numpy_helper.from_array(np.array([1, -1], np.int64), "shape")
    fc_w = numpy_helper.from_array(rng.standard_normal((10, 64 * 8 * 8)).astype(np.float32), "fc.w")  # 160 KiB
    nodes = [helper.make_node("Conv", ["x", "conv.w", "conv.b"], ["c"], name="conv", kernel_shape=[3, 3],
                              pads=[1, 1, 1, 1]),
             helper.make_node("Reshape", ["c", "shape"], ["f"], name="flat"),
             helper.make_node("Constant", [], ["fc.w"], name="fc.w", value=fc_w),
             helper.make_node("Gemm", ["f", "fc.w"], ["y"], name="fc", transB=1)]
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 32, 8, 8])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 10])],
                              [conv_w, conv_b, shape])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])


def _without_big_data(model: onnx.ModelProto) -> onnx.ModelProto:
    out = onnx.ModelProto()
    out.CopyFrom(model)
    tensors = list(out.graph.initializer) + [a.t for n in out.graph.node for a in n.attribute if a.HasField("t")]
    for t in tensors:
        if int(np.prod(t.dims)) > SMALL:
            for fld in ("raw_data", "float_data", "int32_data", "int64_data", "double_data", "uint64_data"):
                t.ClearField(fld)
    return out


def test_big_tensors_lose_their_data_and_nothing_else(tmp_path):
    model = _model()
    path = tmp_path / "m.onnx"
    onnx.save(model, path)
    assert path.stat().st_size > 2 * DESCEND_BYTES
    skimmed = onnx.load_model_from_string(read_without_weights(path, SMALL))
    assert skimmed == _without_big_data(model)
    kept = {t.name: t for t in skimmed.graph.initializer}
    assert list(kept["conv.w"].dims) == [64, 32, 3, 3] and not kept["conv.w"].raw_data
    assert numpy_helper.to_array(kept["conv.b"]).shape == (64,)  # small tensors keep their values
    assert numpy_helper.to_array(kept["shape"]).tolist() == [1, -1]
    assert len(read_without_weights(path, SMALL)) < path.stat().st_size // 20


def test_loading_reads_the_same_network_as_from_full_bytes(tmp_path):
    path = tmp_path / "m.onnx"
    onnx.save(_model(), path)
    net = load_onnx(path)
    assert [(l.name, l.op, l.out_shape) for l in net.layers] == [("conv", "conv2d", (64, 8, 8)),
                                                                 ("flat", "flatten", (4096, 1, 1)),
                                                                 ("fc", "linear", (10, 1, 1))]
    assert net.params == 64 * 32 * 9 + 64 + 4096 * 10


def test_a_truncated_file_is_refused_in_one_line(tmp_path):
    path = tmp_path / "cut.onnx"
    data = _model().SerializeToString()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SkimError):
        read_without_weights(path, SMALL)
    with pytest.raises(AccelsimError, match=r"^cut\.onnx: not a valid ONNX model: ") as info:
        load_onnx(path)
    assert "\n" not in str(info.value)
