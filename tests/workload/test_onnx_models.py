"""Real ONNX graphs: the nine model-zoo graphs the onnx wheel ships, and a transformer block built here.

The ``light_*`` graphs (``onnx/backend/test/data/light``) are the ONNX model zoo's CNNs with every
weight made by ``ConstantOfShape``, so they need constant folding before they read as layers. Where a
MAC or parameter count is asserted it comes from a published figure, named beside it, or from the
architecture's closed form written out in the test (the paper's layer table, the graph's input size).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from accelsim.workload.onnx_fold import SMALL_ELEMENTS, fold_constants  # noqa: E402
from accelsim.workload.onnx_loader import load_onnx  # noqa: E402
from accelsim.workload.transformer import Tokens, build_transformer, read_spec  # noqa: E402

LIGHT = Path(onnx.__file__).parent / "backend" / "test" / "data" / "light"
ZOO = ("bvlc_alexnet", "densenet121", "inception_v1", "inception_v2", "resnet50", "shufflenet", "squeezenet",
       "vgg19", "zfnet512")
RNG_SEED = 7


def _light(name: str) -> Path:
    path = LIGHT / f"light_{name}.onnx"
    if not path.exists():
        pytest.skip(f"this onnx release ships no {path.name}")
    return path


@pytest.mark.parametrize("name", ZOO)
def test_every_zoo_graph_imports_with_its_weights_folded(name):
    net = load_onnx(_light(name))
    assert net.input_shape == (3, 224, 224)
    convs = [l for l in net.layers if l.op == "conv2d"]
    n_conv = sum(n.op_type == "Conv" for n in onnx.load(_light(name)).graph.node)
    assert len(convs) == n_conv  # every Conv became a layer: weights were folded to constants, not dropped
    assert net.layers[-1].out_shape[0] == 1000 and net.macs == sum(l.macs for l in net.layers) > 0


def _alexnet_macs(side: int) -> int:
    """Caffe AlexNet (Krizhevsky et al. 2012, Fig. 2; conv2, 4, 5 in two groups) at a ``side`` x ``side`` input.

    The ONNX graph's pools 1 and 2 round down and pool 5 pads one row to keep 6x6 (Caffe rounds up; at
    Caffe's 227 input both give 55, 27, 13).
    """
    c1 = (side - 11) // 4 + 1            # conv1 96 x 11x11x3, stride 4
    p1 = (c1 - 3) // 2 + 1
    p2 = (p1 - 3) // 2 + 1
    convs = c1 ** 2 * 96 * 363 + p1 ** 2 * 256 * 48 * 25 + p2 ** 2 * (384 * 256 * 9 + 384 * 192 * 9 + 256 * 192 * 9)
    return convs + 9216 * 4096 + 4096 * 4096 + 4096 * 1000


def test_alexnet_is_caffe_alexnet_at_224_with_lrn():
    net = load_onnx(_light("bvlc_alexnet"))
    # the closed form reproduces the published 725 M MACs at Caffe's 227 input (FFN, Wang & Cheng CVPR 2017;
    # Han et al. NIPS 2015 Table 4: 1.5 GFLOP at 2 per MAC); this graph takes 224, so conv1 gives 54x54, not 55x55
    assert _alexnet_macs(227) == pytest.approx(725e6, rel=1e-3)
    assert net.macs == _alexnet_macs(224) and net.layers[0].out_shape == (96, 54, 54)
    # parameters do not depend on the input size: 61 M (FFN)
    assert net.params == pytest.approx(61e6, rel=1e-3)
    assert [l.groups for l in net.layers if l.op == "conv2d"] == [1, 2, 1, 2, 2]
    lrns = [l for l in net.layers if l.op == "lrn"]
    assert [(l.size, l.inputs, l.out_shape) for l in lrns] == [(5, ("n0",), (96, 54, 54)), (5, ("n4",), (256, 26, 26))]
    assert all(l.vector_ops == 5 * l.out_elements for l in lrns)  # the window's squares, per element


def test_lrn_in_zfnet_and_googlenet():
    for name, count in (("zfnet512", 2), ("inception_v1", 2)):
        lrns = [l for l in load_onnx(_light(name)).layers if l.op == "lrn"]
        assert len(lrns) == count and all(l.size == 5 and l.in_shapes[0] == l.out_shape for l in lrns)


def test_vgg19_matches_its_published_counts():
    net = load_onnx(_light("vgg19"))
    # torchvision VGG19_Weights.IMAGENET1K_V1: 143,667,240 parameters, 19.63 GFLOPS (multiply-adds);
    # He et al. CVPR 2016, Fig. 3 caption: "VGG-19 model (19.6 billion FLOPs)"
    assert net.params == 143_667_240
    assert abs(net.macs / 1e9 - 19.63) < 0.005
    assert [l.op for l in net.layers].count("conv2d") == 16 and [l.op for l in net.layers].count("linear") == 3


def test_resnet50_is_v1_5_and_matches_torchvision():
    net = load_onnx(_light("resnet50"))
    # torchvision ResNet50_Weights.IMAGENET1K_V1 (ResNet V1.5: stride 2 in the 3x3 conv): 4.09 GFLOPS
    assert abs(net.macs / 1e9 - 4.09) < 0.005
    strided = [l.kernel for l in net.layers if l.op == "conv2d" and l.stride == (2, 2)]
    assert strided.count((3, 3)) == 3  # one per stage 3-5: V1.5, where V1 (He et al.) strides the 1x1
    # torchvision counts 25,557,032 with BN's scale and shift (two per channel); folded BN leaves one bias
    bn_channels = sum(l.out_shape[0] for l in net.layers if l.op == "conv2d")
    assert net.params + bn_channels == 25_557_032


def test_squeezenet_is_v1_1():
    net = load_onnx(_light("squeezenet"))
    # torchvision squeezenet1_1: 1,235,496 parameters; "2.4x less computation" than 1.0's 0.82 GFLOPS
    assert net.params == 1_235_496
    assert 0.82e9 / net.macs == pytest.approx(2.4, abs=0.1)
    assert net.layers[0].kernel == (3, 3) and net.layers[0].out_shape[0] == 64  # 1.1's conv1 (1.0: 7x7, 96)


def test_caffe_scale_after_batchnorm_folds_with_it():
    """DenseNet-121 and Inception-v2 follow each BatchNormalization by Mul and Add of Unsqueeze'd per-channel
    constants (Caffe's Scale layer): the pair is one affine, folded as BN is."""
    for name, n_bn in (("densenet121", 121), ("inception_v2", 69)):
        graph = onnx.load(_light(name)).graph
        assert sum(n.op_type == "BatchNormalization" for n in graph.node) == n_bn
        net = load_onnx(_light(name))
        assert not any(l.op == "mul" for l in net.layers)
        assert sum(l.op == "add" for l in net.layers) == 0


def test_densenet121_blocks():
    net = load_onnx(_light("densenet121"))
    # Huang et al. CVPR 2017, Table 1: blocks of 6, 12, 24, 16 layers, growth rate 32, each a 1x1 (4k) and a 3x3 (k)
    convs = [l for l in net.layers if l.op == "conv2d"]
    assert len(convs) == 1 + 2 * (6 + 12 + 24 + 16) + 3 + 1  # + 3 transitions + the classifier, a 1x1 conv
    assert sum(l.out_shape[0] == 32 and l.kernel == (3, 3) for l in convs) == 6 + 12 + 24 + 16
    assert net.layers[-1].in_shapes[0][0] == 1024


def test_shufflenet_channel_shuffle_moves_every_element_once():
    net = load_onnx(_light("shufflenet"))
    graph = onnx.load(_light("shufflenet")).graph
    shuffles = [l for l in net.layers if l.op == "transpose"]
    assert len(shuffles) == sum(n.op_type == "Transpose" for n in graph.node) == 16
    for t in shuffles:
        before, after = net.layer(t.inputs[0]), net.layer(net.consumers(t.name)[0])
        g, per_group, pixels = before.out_shape
        assert before.op == after.op == "reshape" and t.out_shape == (per_group, g, pixels)
        source = net.layer(before.inputs[0])
        assert after.out_shape == source.out_shape and g * per_group == source.out_shape[0]
        assert t.vector_ops == t.out_elements  # a copy through the vector unit; the reshapes are views
        assert before.vector_ops == after.vector_ops == 0
    assert {l.groups for l in net.layers if l.op == "conv2d" and l.kernel == (1, 1)} >= {4}


def test_folding_keeps_big_weights_as_dimensions_only():
    model = onnx.load(_light("vgg19"))
    folded = fold_constants(onnx, model)
    assert not any(n.op_type == "ConstantOfShape" for n in folded.graph.node)
    big = [t for t in folded.graph.initializer if math.prod(t.dims) > SMALL_ELEMENTS]
    assert big and all(not t.raw_data and not t.float_data for t in big)
    fc6 = next(t for t in folded.graph.initializer if t.name == "fc6_w_0")
    assert list(fc6.dims) == [4096, 25088]
    assert folded.ByteSize() < 256 * 1024  # 144 M weights (575 MB as float32) hold no bytes; biases stay small


def test_folding_computes_a_reshape_target_from_shape_gather_concat(tmp_path):
    """PyTorch exports ``x.view(x.size(0), -1)`` as Shape -> Gather -> Unsqueeze -> Concat -> Reshape."""
    nodes = [helper.make_node("Shape", ["x"], ["s"]),
             helper.make_node("Gather", ["s", "zero"], ["n"], axis=0),
             helper.make_node("Unsqueeze", ["n", "axes"], ["n1"]),
             helper.make_node("Concat", ["n1", "minus1"], ["target"], axis=0),
             helper.make_node("Reshape", ["x", "target"], ["f"], name="flat"),
             helper.make_node("Gemm", ["f", "w"], ["y"], name="fc", transB=1)]
    inits = [numpy_helper.from_array(np.array(0, np.int64), "zero"),
             numpy_helper.from_array(np.array([0], np.int64), "axes"),
             numpy_helper.from_array(np.array([-1], np.int64), "minus1"),
             numpy_helper.from_array(np.zeros((10, 48), np.float32), "w")]
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 4, 4])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)], inits)
    path = tmp_path / "view.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), path)
    net = load_onnx(path)
    assert [(l.name, l.op, l.out_shape) for l in net.layers] == [("flat", "flatten", (48, 1, 1)),
                                                                 ("fc", "linear", (10, 1, 1))]


def _transformer_block(t: int, d: int, heads: int, d_ff: int, vocab: int, *, erf_gelu: bool, opset: int,
                       norm_form: str = "op"):
    """One pre-norm encoder block as PyTorch exports it: token embedding, LayerNormalization, Q/K/V
    projections split into heads by Reshape + Transpose (K transposed for Q.Kᵀ), scores scaled by
    1/sqrt(dh), Softmax, attention.V merged back, output projection, residual, LN, MLP with GELU (Erf
    pattern, or the opset-20 Gelu op), residual. Weights are seeded normals. ``norm_form``: ``op``
    (LayerNormalization), ``layernorm`` (written out as exports before opset 17 do: ReduceMean, Sub,
    Pow, ReduceMean, Add, Sqrt, Div, Mul, Add) or ``rmsnorm`` (Llama's: Pow, ReduceMean, Add, Sqrt,
    Reciprocal, Mul, Mul)."""
    rng = np.random.default_rng(RNG_SEED)
    inits, nodes = [], []
    dh = d // heads

    def w(name: str, *shape: int) -> str:
        inits.append(numpy_helper.from_array(rng.standard_normal(shape).astype(np.float32), name))
        return name

    def c(name: str, value, dtype=np.float32) -> str:
        inits.append(numpy_helper.from_array(np.array(value, dtype), name))
        return name

    def n(op: str, ins: list[str], out: str, **attrs) -> str:
        nodes.append(helper.make_node(op, ins, [out], name=out, **attrs))
        return out

    def linear(name: str, src: str, k: int, m: int) -> str:
        return n("Add", [n("MatMul", [src, w(name + ".w", k, m)], name), w(name + ".b", m)], name + ".bias")

    def norm(name: str, src: str) -> str:
        if norm_form == "op":
            return n("LayerNormalization", [src, w(name + ".g", d), w(name + ".b", d)], name, axis=-1)
        if norm_form == "rms-op":
            return n("RMSNormalization", [src, w(name + ".g", d)], name, axis=-1)
        axes = {"axes": [-1]}
        eps = c(name + ".eps", 1e-5)
        if norm_form == "layernorm":
            centred = n("Sub", [src, n("ReduceMean", [src], name + ".mean", **axes)], name + ".centred")
            var = n("ReduceMean", [n("Pow", [centred, c(name + ".two", 2.0)], name + ".sq")], name + ".var", **axes)
            root = n("Sqrt", [n("Add", [var, eps], name + ".var_eps")], name + ".std")
            scaled = n("Mul", [n("Div", [centred, root], name + ".normed"), w(name + ".g", d)], name + ".scaled")
            return n("Add", [scaled, w(name + ".b", d)], name)
        ms = n("ReduceMean", [n("Pow", [src, c(name + ".two", 2.0)], name + ".sq")], name + ".ms", **axes)
        inv = n("Reciprocal", [n("Sqrt", [n("Add", [ms, eps], name + ".ms_eps")], name + ".rms")], name + ".inv")
        return n("Mul", [w(name + ".g", d), n("Mul", [src, inv], name + ".normed")], name)

    def heads_of(src: str, name: str, perm: list[int]) -> str:
        r = n("Reshape", [src, c(name + ".shape", [1, t, heads, dh], np.int64)], name + ".split")
        return n("Transpose", [r], name + ".heads", perm=perm)

    x = n("Gather", [w("wte", vocab, d), "ids"], "embed")
    a = norm("ln1", x)
    q = heads_of(linear("q", a, d, d), "q", [0, 2, 1, 3])
    k = heads_of(linear("k", a, d, d), "k", [0, 2, 3, 1])
    v = heads_of(linear("v", a, d, d), "v", [0, 2, 1, 3])
    s = n("Div", [n("MatMul", [q, k], "scores"), c("sqrt_dh", np.sqrt(dh))], "scaled")
    o = n("MatMul", [n("Softmax", [s], "softmax", axis=-1), v], "attn")
    o = n("Reshape", [n("Transpose", [o], "attn.merge", perm=[0, 2, 1, 3]), c("merge", [1, t, d], np.int64)],
          "attn.tokens")
    r1 = n("Add", [linear("proj", o, d, d), x], "add1")
    h = linear("fc1", norm("ln2", r1), d, d_ff)
    if erf_gelu:
        e = n("Erf", [n("Div", [h, c("sqrt2", np.sqrt(2))], "gelu.div")], "gelu.erf")
        g = n("Mul", [n("Mul", [h, n("Add", [e, c("one", 1.0)], "gelu.add")], "gelu.mul"), c("half", 0.5)], "gelu")
    else:
        g = n("Gelu", [h], "gelu")
    n("Add", [linear("fc2", g, d_ff, d), r1], "y")
    graph = helper.make_graph(nodes, "block", [helper.make_tensor_value_info("ids", TensorProto.INT64, [1, t])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, t, d])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    onnx.checker.check_model(model)
    return model


@pytest.mark.parametrize("erf_gelu, opset, norm_form", [(True, 17, "op"), (False, 20, "op"), (True, 13, "layernorm"),
                                                        (True, 13, "rmsnorm"), (False, 23, "rms-op")],
                         ids=["erf-gelu", "gelu-op", "layernorm-written-out", "rmsnorm-written-out", "rmsnorm-op"])
def test_transformer_block_reads_as_the_zoo_lays_it_out(tmp_path, erf_gelu, opset, norm_form):
    t, d, heads, d_ff, vocab = 16, 32, 4, 64, 100
    path = tmp_path / "block.onnx"
    onnx.save(_transformer_block(t, d, heads, d_ff, vocab, erf_gelu=erf_gelu, opset=opset, norm_form=norm_form),
              path)
    if norm_form == "rms-op" and not onnx.defs.has("RMSNormalization"):
        pytest.skip(f"onnx {onnx.__version__} has no RMSNormalization (opset 23)")
    norm = "rmsnorm" if norm_form.startswith("rms") else "layernorm"
    net = load_onnx(path)
    assert net.input_shape == (1, t, 1)  # token ids
    assert [(l.name, l.op) for l in net.layers] == [
        ("embed", "embedding"), ("ln1", norm), ("q", "gemm"), ("k", "gemm"), ("v", "gemm"),
        ("scores", "matmul"), ("softmax", "softmax"), ("attn", "matmul"), ("proj", "gemm"), ("add1", "add"),
        ("ln2", norm), ("fc1", "gemm"), ("gelu", "activation"), ("fc2", "gemm"), ("y", "add")]
    dh = d // heads
    scores, attn = net.layer("scores"), net.layer("attn")
    assert (scores.groups, scores.gemm_mkn, scores.inputs) == (heads, (t, dh, t), ("q", "k"))
    assert (attn.groups, attn.gemm_mkn, attn.inputs) == (heads, (t, t, dh), ("softmax", "v"))
    assert net.layer("gelu").activation == "gelu" and net.layer("embed").vocab == vocab
    assert all(net.layer(n).bias for n in ("q", "k", "v", "proj", "fc1", "fc2"))
    assert net.layer("y").inputs == ("fc2", "add1") and net.layer("add1").inputs == ("proj", "embed")
    assert net.macs == 4 * t * d * d + 2 * heads * t * t * dh + 2 * t * d * d_ff

    # the zoo's own builder, for the same shapes, makes the same MAC layers (it adds position embeddings
    # and a final norm, which this block does not have)
    spec = read_spec({"kind": "encoder", "layers": 1, "d_model": d, "heads": heads, "d_ff": d_ff, "vocab": vocab,
                      "max_seq": t, "seq": t, "norm": norm})
    zoo = build_transformer("block", spec, Tokens("prefill", t, None))
    mac = [(l.op, l.gemm_mkn, l.groups) for l in zoo.layers if l.macs]
    assert [(l.op, l.gemm_mkn, l.groups) for l in net.layers if l.macs] == mac
    assert net.macs == zoo.macs


def test_unsupported_transpose_names_the_node(tmp_path):
    nodes = [helper.make_node("Transpose", ["x"], ["y"], name="odd", perm=[0, 3, 1, 2])]
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 3, 4])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    path = tmp_path / "odd.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), path)
    from accelsim.errors import AccelsimError
    with pytest.raises(AccelsimError, match=r"^odd\.onnx: node 'odd' \(Transpose\): perm: only the transposes of "
                                            r"attention heads and of a channel shuffle are supported"):
        load_onnx(path)


def _gelu_nodes(x: str, form: str) -> list:
    """``0.5 * x * (1 + erf(x / sqrt(2)))`` as exporters write it, in three orders of the same products."""
    m = helper.make_node
    scale = (m("Div", [x, "sqrt2"], ["e_in"], name="scale") if form != "mul-rsqrt2"
             else m("Mul", [x, "rsqrt2"], ["e_in"], name="scale"))
    nodes = [scale, m("Erf", ["e_in"], ["e"], name="erf"), m("Add", ["one", "e"], ["e1"], name="plus1")]
    if form == "half-first":
        return nodes + [m("Mul", [x, "half"], ["xh"], name="halve"), m("Mul", ["xh", "e1"], ["y"], name="gelu")]
    return nodes + [m("Mul", ["e1", x], ["xe"], name="times_x"), m("Mul", ["xe", "half"], ["y"], name="gelu")]


@pytest.mark.parametrize("form", ["div-sqrt2", "mul-rsqrt2", "half-first"])
def test_erf_gelu_in_each_exported_order_is_one_activation(tmp_path, form):
    consts = {"sqrt2": math.sqrt(2), "rsqrt2": 1 / math.sqrt(2), "one": 1.0, "half": 0.5}
    inits = [numpy_helper.from_array(np.array(v, np.float32), k) for k, v in consts.items()]
    inits.append(numpy_helper.from_array(np.ones((8, 12), np.float32), "w"))
    nodes = [helper.make_node("MatMul", ["x", "w"], ["h"], name="fc")] + _gelu_nodes("h", form)
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 5, 8])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)], inits)
    path = tmp_path / "gelu.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), path)
    net = load_onnx(path)
    assert net.input_shape == (8, 5, 1)
    assert [(l.name, l.op, l.activation, l.out_shape) for l in net.layers] == [
        ("fc", "gemm", None, (12, 5, 1)), ("gelu", "activation", "gelu", (12, 5, 1))]
    assert net.layers[0].gemm_mkn == (5, 8, 12)


def test_erf_that_is_not_a_gelu_is_refused(tmp_path):
    nodes = [helper.make_node("Erf", ["x"], ["y"], name="erf")]
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 5, 8])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    path = tmp_path / "erf.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), path)
    from accelsim.errors import AccelsimError
    with pytest.raises(AccelsimError, match=r"^erf\.onnx: node 'erf' \(Erf\): unsupported operator"):
        load_onnx(path)


def _presets():
    from accelsim.registry import preset_names
    return preset_names()


@pytest.mark.parametrize("arch", _presets())
def test_lrn_runs_where_the_family_has_the_op_and_is_refused_in_one_line_elsewhere(arch):
    from accelsim.api import lower, simulate
    from accelsim.errors import AccelsimError
    from accelsim.registry import family_of, load_arch

    net = load_onnx(_light("bvlc_alexnet"))
    fam = family_of(load_arch(arch))
    if fam.ops is not None and "lrn" not in fam.ops:
        with pytest.raises(AccelsimError) as info:
            simulate(net, arch)
        assert "\n" not in str(info.value) and "layer n2 is lrn, which" in str(info.value)
        return
    if fam.name != "systolic":
        pytest.skip("lowered on the systolic presets only (EIE takes FC layers alone; it refuses the convs)")
    trace = lower(net, arch, batch=2)
    for lrn in (l for l in net.layers if l.op == "lrn"):
        i = next(k for k, info in enumerate(trace.layers) if info.name == lrn.name)
        assert int(trace.ops["vops"][trace.ops["layer"] == i].sum()) == 2 * lrn.vector_ops
