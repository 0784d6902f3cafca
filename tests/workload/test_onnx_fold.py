"""Constant folding against onnx's own reference evaluator: same values when small, same dimensions when big."""

from __future__ import annotations

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402
from onnx.reference import ReferenceEvaluator  # noqa: E402

from accelsim.workload.onnx_fold import SMALL_ELEMENTS, fold_constants  # noqa: E402

RNG_SEED = 7
_rng = np.random.default_rng(RNG_SEED)
_A = _rng.integers(-9, 9, (2, 3, 4)).astype(np.int64)
_F = _rng.standard_normal((2, 3, 4)).astype(np.float32)
_POS = (np.abs(_F) + 0.5).astype(np.float32)


def _i64(*v: int) -> np.ndarray:
    return np.array(v, np.int64)


# (op, constant inputs, attributes, opset)
CASES = [
    ("ConstantOfShape", [_i64(2, 3)], {"value": numpy_helper.from_array(np.array([7], np.int32))}, 13),
    ("Shape", [_F], {}, 13),
    ("Shape", [_F], {"start": 1, "end": -1}, 15),
    ("Unsqueeze", [_F, _i64(0, -1)], {}, 13),
    ("Unsqueeze", [_F], {"axes": [1]}, 11),
    ("Squeeze", [_F[:1], _i64(0)], {}, 13),
    ("Reshape", [_F, _i64(0, -1)], {}, 13),
    ("Reshape", [_A, _i64(4, 0, 2)], {}, 13),
    ("Flatten", [_F], {"axis": 2}, 13),
    ("Transpose", [_F], {"perm": [2, 0, 1]}, 13),
    ("Transpose", [_F], {}, 13),
    ("Concat", [_A, _A[:, :1]], {"axis": 1}, 13),
    ("Gather", [_F, _i64(2, 0)], {"axis": 1}, 13),
    ("Gather", [_i64(1, 224, 224), np.array(0, np.int64)], {}, 13),
    ("Slice", [_F, _i64(1), _i64(-1), _i64(2)], {}, 13),
    ("Slice", [_F, _i64(3, 0), _i64(0, 2), _i64(2, 0), _i64(-1, 1)], {}, 13),
    ("Cast", [_F], {"to": TensorProto.INT64}, 13),
    ("Expand", [_F[:, :1], _i64(2, 3, 4)], {}, 13),
    ("Add", [_F, _F[0]], {}, 13),
    ("Sub", [_A, _A[:, :, :1]], {}, 13),
    ("Mul", [_F, np.array(3, np.float32)], {}, 13),
    ("Div", [_A, np.array(4, np.int64)], {}, 13),  # integers truncate toward zero
    ("Div", [_F, _POS], {}, 13),
    ("Pow", [_POS, np.array(2, np.float32)], {}, 13),
    ("Sqrt", [_POS], {}, 13),
    ("Neg", [_A], {}, 13),
    ("Reciprocal", [_POS], {}, 13),
]


def _one_node(op: str, inputs: list[np.ndarray], attrs: dict, opset: int) -> onnx.ModelProto:
    names = [f"in{i}" for i in range(len(inputs))]
    inits = [numpy_helper.from_array(v, n) for v, n in zip(inputs, names)]
    node = helper.make_node(op, names, ["out"], **attrs)
    graph = helper.make_graph([node], "g", [], [helper.make_tensor_value_info("out", TensorProto.UNDEFINED, None)],
                              inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])


@pytest.mark.parametrize("op, inputs, attrs, opset", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_small_folds_equal_the_reference_evaluator(op, inputs, attrs, opset):
    model = _one_node(op, inputs, attrs, opset)
    (expected,) = ReferenceEvaluator(model).run(None, {})
    folded = fold_constants(onnx, model)
    assert not folded.graph.node  # folded away
    (out,) = [t for t in folded.graph.initializer if t.name == "out"]
    got = numpy_helper.to_array(out)
    assert got.dtype == np.asarray(expected).dtype and got.shape == np.asarray(expected).shape
    np.testing.assert_array_equal(got, expected)


BIG = 64 * 128  # elements: over SMALL_ELEMENTS, so folding keeps dimensions only


@pytest.mark.parametrize("op, extra, attrs", [
    ("Reshape", [_i64(128, -1, 1)], {}),
    ("Transpose", [], {"perm": [1, 0]}),
    ("Unsqueeze", [_i64(1)], {}),
    ("Flatten", [], {"axis": 0}),
    ("Mul", [np.ones((1, 128), np.float32)], {}),
    ("Slice", [_i64(0), _i64(10), _i64(0)], {}),
    ("Concat", [np.ones((64, 128), np.float32)], {"axis": 0}),
], ids=lambda v: v if isinstance(v, str) else "")
def test_big_folds_keep_the_reference_dimensions_without_values(op, extra, attrs):
    assert BIG > SMALL_ELEMENTS
    shape_in = numpy_helper.from_array(_i64(64, 128), "shape")
    names = [f"x{i}" for i in range(len(extra))]
    nodes = [helper.make_node("ConstantOfShape", ["shape"], ["w"]),
             helper.make_node(op, ["w"] + names, ["out"], **attrs)]
    inits = [shape_in] + [numpy_helper.from_array(v, n) for v, n in zip(extra, names)]
    graph = helper.make_graph(nodes, "g", [], [helper.make_tensor_value_info("out", TensorProto.UNDEFINED, None)],
                              inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    (expected,) = ReferenceEvaluator(model).run(None, {})
    folded = fold_constants(onnx, model)
    (out,) = [t for t in folded.graph.initializer if t.name == "out"]
    assert tuple(out.dims) == expected.shape and out.data_type == TensorProto.FLOAT
    assert not out.raw_data and not out.float_data


def test_a_node_reading_a_tensor_stays():
    nodes = [helper.make_node("Shape", ["x"], ["s"]), helper.make_node("Relu", ["x"], ["y"])]
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)])
    folded = fold_constants(onnx, helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]))
    # the batch is symbolic, so Shape(x) is not a constant; Relu reads the graph input
    assert [n.op_type for n in folded.graph.node] == ["Shape", "Relu"]
