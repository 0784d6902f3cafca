"""ONNX loader: small graphs built here with onnx.helper and seeded weights, checked against hand counts.

Every expected number is worked out in the test from the layer geometry: a conv's MACs are
H_out * W_out * (C_in / groups) * R * S * C_out, its params the weights plus one bias per output
channel when it has one (BatchNormalization folds into a bias).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from accelsim.errors import AccelsimError  # noqa: E402
from accelsim.workload import load_model  # noqa: E402
from accelsim.workload.onnx_loader import load_onnx  # noqa: E402

ONNX_MODELS = Path(__file__).resolve().parents[2] / "models" / "onnx"
RNG_SEED = 7


def _save(tmp_path: Path, nodes: list, inits: dict, in_shape: list, outputs: list[str], *,
          name: str = "model.onnx", opset: int = 13) -> Path:
    """Write a graph with input ``x`` of ``in_shape``; ``inits`` maps names to shapes (seeded values)
    or to arrays."""
    rng = np.random.default_rng(RNG_SEED)
    tensors = [numpy_helper.from_array(v if isinstance(v, np.ndarray)
                                       else rng.standard_normal(v).astype(np.float32), k) for k, v in inits.items()]
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, in_shape)],
                              [helper.make_tensor_value_info(o, TensorProto.FLOAT, None) for o in outputs], tensors)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    path = tmp_path / name
    onnx.save(model, path)
    return path


def _bn(name: str, x: str, y: str, c: int, inits: dict) -> object:
    for p in ("scale", "bias", "mean", "var"):
        inits[f"{name}.{p}"] = np.ones(c, np.float32)
    return helper.make_node("BatchNormalization", [x] + [f"{name}.{p}" for p in ("scale", "bias", "mean", "var")],
                            [y], name=name)


def test_conv_bn_relu_pool_gemm(tmp_path):
    inits = {"w1": (4, 3, 3, 3), "fc.w": (5, 64), "fc.b": (5,)}
    nodes = [helper.make_node("Conv", ["x", "w1"], ["c"], name="conv", kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
             _bn("bn", "c", "b", 4, inits),
             helper.make_node("Relu", ["b"], ["r"], name="relu"),
             helper.make_node("MaxPool", ["r"], ["p"], name="pool", kernel_shape=[2, 2], strides=[2, 2]),
             helper.make_node("Dropout", ["p"], ["d"], name="drop"),
             helper.make_node("Flatten", ["d"], ["f"], name="flat"),
             helper.make_node("Gemm", ["f", "fc.w", "fc.b"], ["y"], name="fc", transB=1)]
    net = load_onnx(_save(tmp_path, nodes, inits, [1, 3, 8, 8], ["y"]))
    assert net.name == "model" and net.input_shape == (3, 8, 8)
    assert [(l.name, l.op) for l in net.layers] == [("conv", "conv2d"), ("pool", "maxpool"),
                                                     ("flat", "flatten"), ("fc", "linear")]
    conv, pool, flat, fc = net.layers
    assert conv.activation == "relu" and conv.bias  # BN folded into a bias, relu fused
    assert conv.out_shape == (4, 8, 8) and conv.padding == (1, 1, 1, 1)
    assert conv.macs == 8 * 8 * 3 * 3 * 3 * 4 == 6_912 and conv.params == 108 + 4
    assert pool.out_shape == (4, 4, 4) and pool.inputs == ("conv",)
    assert flat.out_shape == (64, 1, 1) and flat.inputs == ("pool",)  # Dropout skipped
    assert fc.inputs == ("flat",) and fc.out_shape == (5, 1, 1) and fc.bias and fc.activation is None
    assert fc.macs == 64 * 5 and fc.params == 64 * 5 + 5
    assert net.macs == 6_912 + 320 and net.params == 112 + 325


def test_residual_add_takes_the_relu(tmp_path):
    inits = {"wa": (4, 4, 3, 3), "ba": (4,), "wb": (4, 4, 3, 3)}
    conv = dict(kernel_shape=[3, 3], pads=[1, 1, 1, 1])
    nodes = [helper.make_node("Conv", ["x", "wa", "ba"], ["a"], name="conv_a", **conv),
             helper.make_node("Relu", ["a"], ["ar"], name="relu_a"),
             helper.make_node("Conv", ["ar", "wb"], ["b"], name="conv_b", **conv),
             helper.make_node("Add", ["b", "x"], ["s"], name="add"),
             helper.make_node("Relu", ["s"], ["y"], name="relu_out")]
    net = load_onnx(_save(tmp_path, nodes, inits, [1, 4, 8, 8], ["y"]))
    assert [l.name for l in net.layers] == ["conv_a", "conv_b", "add"]
    add = net.layer("add")
    assert add.inputs == ("conv_b", "input") and add.activation == "relu" and add.out_shape == (4, 8, 8)
    assert net.layer("conv_a").activation == "relu" and net.layer("conv_b").activation is None
    assert net.macs == 2 * (8 * 8 * 4 * 9 * 4) == 18_432
    assert net.params == (144 + 4) + 144


def test_activation_stays_a_layer_when_its_producer_has_other_readers(tmp_path):
    inits = {"w": (4, 4, 1, 1)}
    nodes = [helper.make_node("Conv", ["x", "w"], ["c"], name="conv", kernel_shape=[1, 1]),
             helper.make_node("Sigmoid", ["c"], ["s"], name="gate"),
             helper.make_node("Mul", ["c", "s"], ["y"], name="swish")]
    net = load_onnx(_save(tmp_path, nodes, inits, [1, 4, 5, 5], ["y"]))
    assert [(l.name, l.op) for l in net.layers] == [("conv", "conv2d"), ("gate", "activation"), ("swish", "mul")]
    assert net.layer("conv").activation is None and net.layer("gate").activation == "sigmoid"
    assert net.layer("swish").inputs == ("conv", "gate")


def test_concat_on_channels(tmp_path):
    inits = {"w1": (4, 3, 1, 1), "w2": (6, 3, 3, 3), "w3": (2, 10, 1, 1)}
    nodes = [helper.make_node("Conv", ["x", "w1"], ["c1"], name="branch1", kernel_shape=[1, 1]),
             helper.make_node("Conv", ["x", "w2"], ["c2"], name="branch3", kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
             helper.make_node("Concat", ["c1", "c2"], ["cat"], name="cat", axis=1),
             helper.make_node("Conv", ["cat", "w3"], ["y"], name="mix", kernel_shape=[1, 1])]
    net = load_onnx(_save(tmp_path, nodes, inits, [1, 3, 8, 8], ["y"]))
    cat = net.layer("cat")
    assert cat.op == "concat" and cat.inputs == ("branch1", "branch3") and cat.out_shape == (10, 8, 8)
    assert net.layer("mix").in_shapes == ((10, 8, 8),)
    assert net.macs == 64 * 3 * 4 + 64 * 27 * 6 + 64 * 10 * 2 == 12_416


def test_depthwise_conv_with_clip_relu6(tmp_path):
    inits = {"dw": (16, 1, 3, 3), "lo": np.array(0.0, np.float32), "hi": np.array(6.0, np.float32)}
    nodes = [helper.make_node("Conv", ["x", "dw"], ["c"], name="dw", group=8, kernel_shape=[3, 3],
                              strides=[2, 2], pads=[1, 1, 1, 1]),
             helper.make_node("Clip", ["c", "lo", "hi"], ["y"], name="relu6")]
    net = load_onnx(_save(tmp_path, nodes, inits, [1, 8, 10, 10], ["y"]))
    (dw,) = net.layers
    # (10 + 2 - 3) // 2 + 1 = 5; each of 8 groups reads 1 channel and makes 2
    assert dw.groups == 8 and dw.out_shape == (16, 5, 5) and dw.stride == (2, 2)
    assert dw.activation == "relu6" and not dw.bias
    assert dw.macs == 5 * 5 * 1 * 3 * 3 * 16 == 3_600 and dw.params == 16 * 9


def test_same_upper_padding_and_global_pool(tmp_path):
    inits = {"w": (2, 1, 3, 3)}
    nodes = [helper.make_node("Conv", ["x", "w"], ["c"], name="conv", kernel_shape=[3, 3], strides=[2, 2],
                              auto_pad="SAME_UPPER"),
             helper.make_node("GlobalAveragePool", ["c"], ["y"], name="gap")]
    net = load_onnx(_save(tmp_path, nodes, inits, [1, 1, 8, 8], ["y"]))
    conv, gap = net.layers
    # out = ceil(8 / 2) = 4; total pad = (4 - 1) * 2 + 3 - 8 = 1, the odd one at the end
    assert conv.out_shape == (2, 4, 4) and conv.padding == (0, 0, 1, 1)
    assert gap.op == "avgpool" and gap.out_shape == (2, 1, 1)


def test_matmul_with_bias_add_is_a_linear(tmp_path):
    inits = {"w": (16, 4), "b": (4,), "shape": np.array([1, -1], np.int64)}
    nodes = [helper.make_node("Reshape", ["x", "shape"], ["f"], name="reshape"),
             helper.make_node("MatMul", ["f", "w"], ["m"], name="fc"),
             helper.make_node("Add", ["m", "b"], ["a"], name="fc_bias"),
             helper.make_node("Relu", ["a"], ["y"], name="relu")]
    net = load_onnx(_save(tmp_path, nodes, inits, [1, 4, 2, 2], ["y"]))
    reshape, fc = net.layers
    assert reshape.op == "flatten" and reshape.out_shape == (16, 1, 1)
    assert fc.op == "linear" and fc.bias and fc.activation == "relu" and fc.params == 16 * 4 + 4


def test_resize_nearest(tmp_path):
    inits = {"roi": np.zeros(0, np.float32), "scales": np.array([1, 1, 2, 2], np.float32)}
    nodes = [helper.make_node("Resize", ["x", "roi", "scales"], ["y"], name="up", mode="nearest")]
    (up,) = load_onnx(_save(tmp_path, nodes, inits, [1, 2, 4, 3], ["y"])).layers
    assert up.op == "upsample" and up.out_shape == (2, 8, 6)


def test_unsupported_operator(tmp_path):
    nodes = [helper.make_node("Softplus", ["x"], ["y"], name="sp")]
    with pytest.raises(AccelsimError) as info:
        load_onnx(_save(tmp_path, nodes, {}, [1, 2, 4, 4], ["y"], name="bad.onnx"))
    message = str(info.value)
    assert message.startswith("bad.onnx: node 'sp' (Softplus): unsupported operator; supported: Add, ")
    assert "Conv" in message and "\n" not in message


BAD_GRAPHS = [
    ([helper.make_node("MatMul", ["x", "x"], ["y"], name="mm")], {}, [1, 4],
     "model.onnx: node 'mm' (MatMul): only products of token or head tensors"),
    ([helper.make_node("Clip", ["x", "lo"], ["y"], name="clip")], {"lo": np.array(-1.0, np.float32)}, [1, 2, 2, 2],
     "model.onnx: node 'clip' (Clip): only Clip(0, 6) (relu6) and Clip(0, inf) (relu) are supported, got Clip(-1.0"),
    ([helper.make_node("Concat", ["x", "x"], ["y"], name="cat", axis=2)], {}, [1, 2, 2, 2],
     "model.onnx: node 'cat' (Concat): axis: only the channel axis (1) is supported, got 2"),
    ([helper.make_node("Mul", ["x", "s"], ["y"], name="scale")], {"s": (1, 2, 1, 1)}, [1, 2, 2, 2],
     "model.onnx: node 'scale' (Mul): Mul with a constant operand is supported only as the bias"),
    ([helper.make_node("GlobalAveragePool", ["x"], ["g"], name="gap"),
      helper.make_node("Mul", ["x", "g"], ["y"], name="excite")], {}, [1, 2, 2, 2],
     "model.onnx: node 'excite' (Mul): inputs: input shapes differ"),
]


@pytest.mark.parametrize("nodes, inits, in_shape, expected", BAD_GRAPHS, ids=[b[0][-1].name for b in BAD_GRAPHS])
def test_bad_graphs_name_the_node(tmp_path, nodes, inits, in_shape, expected):
    with pytest.raises(AccelsimError) as info:
        load_onnx(_save(tmp_path, nodes, inits, in_shape, ["y"]))
    assert str(info.value).startswith(expected) and "\n" not in str(info.value)


def test_two_graph_inputs_are_refused(tmp_path):
    graph = helper.make_graph([helper.make_node("Add", ["x", "z"], ["y"])], "g",
                              [helper.make_tensor_value_info(n, TensorProto.FLOAT, [1, 2, 2, 2]) for n in "xz"],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    path = tmp_path / "two.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), path)
    with pytest.raises(AccelsimError, match=r"^two\.onnx: graph\.input: accelsim models take one input tensor"):
        load_onnx(path)


def test_not_an_onnx_file(tmp_path):
    path = tmp_path / "junk.onnx"
    path.write_bytes(b"\x00\xffnot a protobuf at all\xff" * 4)
    with pytest.raises(AccelsimError, match=r"^junk\.onnx: not a valid ONNX model"):
        load_onnx(path)
    with pytest.raises(AccelsimError, match=r"missing\.onnx: cannot read model file"):
        load_onnx(tmp_path / "missing.onnx")


def test_missing_onnx_extra_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)
    with pytest.raises(AccelsimError, match=r"pip install accelsim\[onnx\]"):
        load_onnx(tmp_path / "any.onnx")


def test_shipped_tiny_cnn_loads_and_regenerates_identically(tmp_path):
    shipped = ONNX_MODELS / "tiny_cnn.onnx"
    net = load_model(shipped)
    # the counts written in make_tiny_cnn.py's docstring
    assert [(l.name, l.op) for l in net.layers] == [("conv1", "conv2d"), ("pool1", "maxpool"), ("conv2", "conv2d"),
                                                     ("gap", "avgpool"), ("flat", "flatten"), ("fc", "linear")]
    assert net.macs == 32 * 32 * 8 * 27 + 16 * 16 * 16 * 72 + 16 * 10 == 516_256
    assert net.params == (216 + 8) + (1152 + 16) + (160 + 10)
    out = tmp_path / "again.onnx"
    subprocess.run([sys.executable, str(ONNX_MODELS / "make_tiny_cnn.py"), str(out)], check=True)
    # same graph; bytes may differ across onnx releases, the network may not
    assert load_onnx(out).layers == load_onnx(shipped).layers


def _resnet18_graph() -> onnx.ModelProto:
    """torchvision's resnet18 as its exporter lays it out (conv without bias, BN, relu), weights as
    dimensions only: each initializer points at an external file that does not exist."""
    nodes, inits = [], []

    def weight(name: str, *dims: int) -> str:
        t = onnx.TensorProto(name=name, dims=dims, data_type=TensorProto.FLOAT,
                             data_location=TensorProto.EXTERNAL)
        t.external_data.add(key="location", value="absent_weights.bin")
        inits.append(t)
        return name

    def conv_bn(name: str, x: str, c_in: int, c_out: int, k: int, stride: int, relu: bool) -> str:
        nodes.append(helper.make_node("Conv", [x, weight(name + ".weight", c_out, c_in, k, k)], [name], name=name,
                                      kernel_shape=[k, k], strides=[stride] * 2, pads=[k // 2] * 4))
        bn = [weight(f"{name}.bn.{p}", c_out) for p in ("scale", "bias", "mean", "var")]
        nodes.append(helper.make_node("BatchNormalization", [name] + bn, [name + ".bn"], name=name + ".bn"))
        if relu:
            nodes.append(helper.make_node("Relu", [name + ".bn"], [name + ".relu"], name=name + ".relu"))
        return name + (".relu" if relu else ".bn")

    x = conv_bn("conv1", "x", 3, 64, 7, 2, relu=True)
    nodes.append(helper.make_node("MaxPool", [x], ["maxpool"], name="maxpool", kernel_shape=[3, 3], strides=[2, 2],
                                  pads=[1, 1, 1, 1]))
    x, c_in = "maxpool", 64
    for stage, c_out in enumerate((64, 128, 256, 512), start=1):
        for block in (0, 1):
            p, stride = f"layer{stage}.{block}", 2 if stage > 1 and block == 0 else 1
            y = conv_bn(p + ".conv1", x, c_in, c_out, 3, stride, relu=True)
            y = conv_bn(p + ".conv2", y, c_out, c_out, 3, 1, relu=False)
            short = conv_bn(p + ".downsample", x, c_in, c_out, 1, stride, relu=False) if stride == 2 else x
            nodes.append(helper.make_node("Add", [y, short], [p + ".add"], name=p + ".add"))
            nodes.append(helper.make_node("Relu", [p + ".add"], [p + ".out"], name=p + ".relu"))
            x, c_in = p + ".out", c_out
    nodes += [helper.make_node("GlobalAveragePool", [x], ["avgpool"], name="avgpool"),
              helper.make_node("Flatten", ["avgpool"], ["flat"], name="flatten"),
              helper.make_node("Gemm", ["flat", weight("fc.weight", 1000, 512), weight("fc.bias", 1000)], ["y"],
                               name="fc", transB=1)]
    graph = helper.make_graph(nodes, "resnet18", [helper.make_tensor_value_info("x", TensorProto.FLOAT,
                                                                                ["N", 3, 224, 224])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 1000])], inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])


def test_resnet18_matches_the_zoo_model(tmp_path):
    """The zoo's resnet18.yaml folds BN into conv biases and puts the block relu on the add; an
    exported torchvision graph must load into the same layers (plus a Flatten, which moves no data)."""
    path = tmp_path / "resnet18.onnx"
    path.write_bytes(_resnet18_graph().SerializeToString())
    net, zoo = load_onnx(path), load_model("resnet18")
    assert net.input_shape == zoo.input_shape == (3, 224, 224)
    assert [l for l in net.layers if l.op != "flatten"] == [l.with_(inputs=("flatten",)) if l.name == "fc" else l
                                                            for l in zoo.layers]
    assert net.macs == zoo.macs and net.params == zoo.params
