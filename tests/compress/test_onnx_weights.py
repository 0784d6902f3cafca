"""``--weights FILE.onnx``: a model's initializers, laid out and folded as the ONNX loader lays out its layers.

Every expected array is worked out here from the ONNX operator definitions (onnx.ai/onnx/operators:
``Gemm`` is ``Y = alpha * A' B' + beta * C``, ``MatMul`` is ``A B``, ``BatchNormalization`` in
inference is ``(x - mean) / sqrt(var + epsilon) * scale + B``) with NumPy, never from the loader's output.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from accelsim.compress import load_onnx_weights  # noqa: E402
from accelsim.compress.functional import conv2d, run_network  # noqa: E402
from accelsim.compress.weights import STORE_DTYPE, check_weights  # noqa: E402
from accelsim.errors import AccelsimError  # noqa: E402
from accelsim.workload.onnx_loader import load_onnx  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "models" / "onnx" / "tiny_cnn.onnx"
RNG_SEED = 11


def _save(path: Path, nodes: list, inits: dict[str, np.ndarray], in_shape: list, outputs: list[str]) -> Path:
    """Write a graph with float input ``x`` of ``in_shape`` and ``inits`` as initializers (opset 13)."""
    tensors = [numpy_helper.from_array(v, k) for k, v in inits.items()]
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, in_shape)],
                              [helper.make_tensor_value_info(o, TensorProto.FLOAT, None) for o in outputs], tensors)
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), path)
    return path


def _rand(rng: np.random.Generator, *shape: int) -> np.ndarray:
    return rng.standard_normal(shape).astype(np.float32)


def _bn_inits(rng: np.random.Generator, name: str, c: int) -> dict[str, np.ndarray]:
    """A BatchNorm whose every parameter matters: scale and var away from 1, mean and B away from 0."""
    return {f"{name}.scale": rng.uniform(0.5, 2, c).astype(np.float32), f"{name}.B": _rand(rng, c),
            f"{name}.mean": _rand(rng, c), f"{name}.var": rng.uniform(0.2, 3, c).astype(np.float32)}


def _bn(x: np.ndarray, inits: dict, name: str, eps: float, axis_shape: tuple) -> np.ndarray:
    """Inference BatchNormalization on channel axis 1, in float64."""
    p = {k: inits[f"{name}.{k}"].astype(np.float64).reshape(axis_shape) for k in ("scale", "B", "mean", "var")}
    return (x - p["mean"]) / np.sqrt(p["var"] + eps) * p["scale"] + p["B"]


def test_tiny_cnn_matches_its_initializers_with_bn_folded():
    net = load_onnx(TINY)
    got = load_onnx_weights(TINY, net)
    check_weights(net, got)
    model = onnx.load(TINY)
    init = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    k = init["bn1.scale"].astype(np.float64) / np.sqrt(init["bn1.var"].astype(np.float64) + 1e-5)  # epsilon default
    assert all(a.dtype == STORE_DTYPE for arrays in got.values() for a in arrays.values())
    np.testing.assert_allclose(got["conv1"]["weight"], init["conv1.w"] * k[:, None, None, None], rtol=1e-6)
    np.testing.assert_allclose(got["conv1"]["bias"], init["bn1.bias"] - init["bn1.mean"] * k, atol=1e-7)
    for layer, w, b in (("conv2", "conv2.w", "conv2.b"), ("fc", "fc.w", "fc.b")):  # fc is Gemm transB=1: (out, in)
        assert np.array_equal(got[layer]["weight"], init[w]) and np.array_equal(got[layer]["bias"], init[b])


@pytest.mark.parametrize("with_bias,eps,caffe_scale", [(False, 1e-5, False), (True, 1e-3, False), (False, 1e-5, True)])
def test_folded_conv_equals_conv_then_batchnorm(tmp_path, with_bias, eps, caffe_scale):
    rng = np.random.default_rng(RNG_SEED)
    inits = {"w": _rand(rng, 6, 3, 3, 3), **_bn_inits(rng, "bn", 6)}
    conv_in = ["x", "w"] + (["b"] if with_bias else [])
    if with_bias:
        inits["b"] = _rand(rng, 6)
    nodes = [helper.make_node("Conv", conv_in, ["c"], name="conv", kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
             helper.make_node("BatchNormalization", ["c", "bn.scale", "bn.B", "bn.mean", "bn.var"], ["n"], name="bn",
                              epsilon=eps)]
    out = "n"
    if caffe_scale:  # Caffe's Scale layer after BN: a per-channel Mul then Add, shaped [C, 1, 1]
        inits |= {"s": rng.uniform(0.5, 2, (6, 1, 1)).astype(np.float32), "t": _rand(rng, 6, 1, 1)}
        nodes += [helper.make_node("Mul", ["n", "s"], ["m"], name="scale_mul"),
                  helper.make_node("Add", ["m", "t"], ["a"], name="scale_add")]
        out = "a"
    nodes.append(helper.make_node("Relu", [out], ["y"], name="relu"))
    path = _save(tmp_path / "convbn.onnx", nodes, inits, [1, 3, 8, 8], ["y"])
    net = load_onnx(path)
    got = load_onnx_weights(path, net)["conv"]
    x = np.random.default_rng(RNG_SEED + 1).standard_normal((2, 3, 8, 8))
    want = _bn(conv2d(x, inits["w"].astype(np.float64), inits["b"].astype(np.float64) if with_bias else None,
                      padding=(1, 1, 1, 1)), inits, "bn", eps, (1, -1, 1, 1))
    if caffe_scale:
        want = want * inits["s"].astype(np.float64)[None] + inits["t"].astype(np.float64)[None]
    folded = conv2d(x, got["weight"].astype(np.float64), got["bias"].astype(np.float64), padding=(1, 1, 1, 1))
    np.testing.assert_allclose(folded, want, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(run_network(net, {"conv": got}, x), np.maximum(want, 0), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("trans_b", [0, 1])
def test_gemm_weight_is_out_by_in_whatever_trans_b(tmp_path, trans_b):
    rng = np.random.default_rng(RNG_SEED)
    b = _rand(rng, 6, 4) if not trans_b else _rand(rng, 4, 6)  # ONNX B is (in, out), or (out, in) with transB=1
    c = _rand(rng, 4)
    alpha, beta = 0.5, 2.0
    nodes = [helper.make_node("Gemm", ["x", "B", "C"], ["y"], name="fc", transB=trans_b, alpha=alpha, beta=beta)]
    path = _save(tmp_path / "gemm.onnx", nodes, {"B": b, "C": c}, [1, 6], ["y"])
    net = load_onnx(path)
    got = load_onnx_weights(path, net)["fc"]
    b_in_out = b.T if trans_b else b
    assert got["weight"].shape == (4, 6)
    np.testing.assert_allclose(got["weight"], alpha * b_in_out.T, rtol=1e-6)
    np.testing.assert_allclose(got["bias"], beta * c, rtol=1e-6)
    x = np.random.default_rng(RNG_SEED + 1).standard_normal((3, 6))
    y = run_network(net, {"fc": got}, x.reshape(3, 6, 1, 1)).reshape(3, 4)
    np.testing.assert_allclose(y, alpha * x @ b_in_out + beta * c, rtol=1e-5, atol=1e-6)


def test_matmul_weight_is_transposed_and_an_add_is_its_bias(tmp_path):
    rng = np.random.default_rng(RNG_SEED)
    w, bias = _rand(rng, 16, 4), _rand(rng, 1, 4)  # B is [features, out]; the Add broadcasts a [1, out] row
    nodes = [helper.make_node("Flatten", ["x"], ["f"], name="flat"),
             helper.make_node("MatMul", ["f", "w"], ["m"], name="fc"),
             helper.make_node("Add", ["m", "bias"], ["y"], name="fc_bias")]
    path = _save(tmp_path / "matmul.onnx", nodes, {"w": w, "bias": bias}, [1, 4, 2, 2], ["y"])
    net = load_onnx(path)
    got = load_onnx_weights(path, net)["fc"]
    assert np.array_equal(got["weight"], w.T) and np.array_equal(got["bias"], bias.ravel())
    x = np.random.default_rng(RNG_SEED + 1).standard_normal((2, 4, 2, 2))
    np.testing.assert_allclose(run_network(net, {"fc": got}, x).reshape(2, 4), x.reshape(2, 16) @ w + bias,
                               rtol=1e-5, atol=1e-6)


def test_gemm_then_batchnorm_folds_per_output_feature(tmp_path):
    rng = np.random.default_rng(RNG_SEED)
    inits = {"B": _rand(rng, 5, 8), "C": _rand(rng, 5), **_bn_inits(rng, "bn", 5)}
    nodes = [helper.make_node("Gemm", ["x", "B", "C"], ["g"], name="fc", transB=1),
             helper.make_node("BatchNormalization", ["g", "bn.scale", "bn.B", "bn.mean", "bn.var"], ["y"], name="bn")]
    path = _save(tmp_path / "gemmbn.onnx", nodes, inits, [1, 8], ["y"])
    net = load_onnx(path)
    got = load_onnx_weights(path, net)["fc"]
    x = np.random.default_rng(RNG_SEED + 1).standard_normal((3, 8))
    want = _bn(x @ inits["B"].T.astype(np.float64) + inits["C"], inits, "bn", 1e-5, (1, -1))
    np.testing.assert_allclose(x @ got["weight"].T.astype(np.float64) + got["bias"], want, rtol=1e-5, atol=1e-5)


def test_external_data_beside_the_model_is_read_and_a_missing_file_is_one_line(tmp_path):
    model = onnx.load(TINY)
    path = tmp_path / "ext.onnx"
    onnx.save_model(model, path, save_as_external_data=True, all_tensors_to_one_file=True, location="ext.data",
                    size_threshold=0)
    net = load_onnx(path)
    want = load_onnx_weights(TINY, load_onnx(TINY))
    got = load_onnx_weights(path, net)
    assert all(np.array_equal(got[n][k], want[n][k]) for n in want for k in want[n])
    (tmp_path / "ext.data").unlink()
    with pytest.raises(AccelsimError) as e:
        load_onnx_weights(path, net)
    assert str(e.value).startswith("ext.onnx: cannot read the weights") and "\n" not in str(e.value)


def test_token_matmul_weights_are_refused_naming_file_and_layer(tmp_path):
    rng = np.random.default_rng(RNG_SEED)
    nodes = [helper.make_node("MatMul", ["x", "w"], ["y"], name="proj")]  # [N, T, D] x [D, F]: a gemm layer
    path = _save(tmp_path / "tokens.onnx", nodes, {"w": _rand(rng, 8, 6)}, [1, 4, 8], ["y"])
    net = load_onnx(path)
    assert net.layers[0].op == "gemm"
    with pytest.raises(AccelsimError) as e:
        load_onnx_weights(path, net)
    assert e.value.file == "tokens.onnx" and e.value.field == "proj"
    assert "not read from ONNX" in e.value.message and ".npz" in e.value.message


def test_a_weight_the_graph_computes_from_a_big_constant_is_refused(tmp_path):
    rng = np.random.default_rng(RNG_SEED)
    # 80 x 64 = 5,120 values: more than the loader keeps (onnx_fold.SMALL_ELEMENTS), so only its dimensions fold
    nodes = [helper.make_node("Transpose", ["w0"], ["w"], name="t", perm=[1, 0]),
             helper.make_node("Gemm", ["x", "w"], ["y"], name="fc")]
    path = _save(tmp_path / "computed.onnx", nodes, {"w0": _rand(rng, 80, 64)}, [1, 64], ["y"])
    net = load_onnx(path)
    with pytest.raises(AccelsimError) as e:
        load_onnx_weights(path, net)
    assert e.value.file == "computed.onnx" and e.value.field == "fc" and "computed in the graph" in e.value.message


def test_a_layer_the_file_does_not_make_is_named(tmp_path):
    nodes = [helper.make_node("Gemm", ["x", "B"], ["y"], name="other", transB=1)]
    path = _save(tmp_path / "other.onnx", nodes, {"B": np.ones((10, 16), np.float32)}, [1, 16], ["y"])
    with pytest.raises(AccelsimError) as e:
        load_onnx_weights(path, load_onnx(TINY))
    assert e.value.file == "other.onnx" and e.value.field == "conv1"


def test_a_bias_add_that_is_not_per_channel_is_refused(tmp_path):
    rng = np.random.default_rng(RNG_SEED)
    nodes = [helper.make_node("Conv", ["x", "w"], ["c"], name="conv", kernel_shape=[1, 1]),
             helper.make_node("Add", ["c", "t"], ["y"], name="add")]  # one value per pixel: no bias holds it
    path = _save(tmp_path / "pixels.onnx", nodes, {"w": _rand(rng, 2, 3, 1, 1), "t": _rand(rng, 2, 4, 4)},
                 [1, 3, 4, 4], ["y"])
    with pytest.raises(AccelsimError) as e:
        load_onnx_weights(path, load_onnx(path))
    assert e.value.file == "pixels.onnx" and e.value.field == "conv" and "'t' holds 32 values" in e.value.message


def test_sweep_takes_an_onnx_weights_file():
    from accelsim.sweep.grid import plan_from_flags
    assert plan_from_flags([str(TINY)], "tpu-v1", 1, ["quantize=none,bwn"], str(TINY)).weights == str(TINY)


def _cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "accelsim.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_cli_simulate_with_onnx_weights_reports_per_layer_errors(tmp_path):
    out = tmp_path / "out.json"
    p = _cli("simulate", "--arch", "tpu-v1", "--model", "models/onnx/tiny_cnn.onnx", "--quantize", "admm:ternary",
             "--weights", "models/onnx/tiny_cnn.onnx", "--json", out, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    (rec,) = json.loads(out.read_text())["compression"]
    assert rec["with_weights"] and set(rec["output_error"]) == {"conv1", "conv2", "fc"}
    assert all(0 < e < 1 for e in rec["output_error"].values())  # ternary codes: a real, partial error


def test_cli_unsupported_weights_exit_2_with_one_line(tmp_path):
    rng = np.random.default_rng(RNG_SEED)
    path = _save(tmp_path / "tokens.onnx", [helper.make_node("MatMul", ["x", "w"], ["y"], name="proj")],
                 {"w": _rand(rng, 8, 6)}, [1, 4, 8], ["y"])
    p = _cli("simulate", "--arch", "tpu-v1", "--model", path, "--quantize", "bwn", "--weights", path, cwd=tmp_path)
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "tokens.onnx" in lines[0] and "proj" in lines[0] and "not read from ONNX" in lines[0]
