"""Write ``tiny_cnn.onnx``: a small seeded CNN that exercises the ONNX loader, without downloads.

    python models/onnx/make_tiny_cnn.py [out.onnx]

The graph (input ``[1, 3, 32, 32]``, opset 13), and what accelsim makes of it:

    conv1  Conv 3->8, 3x3, pad 1  + BatchNormalization + Relu  -> conv2d, bias (BN folded), relu
    pool1  MaxPool 2x2, stride 2                                -> maxpool     (8, 16, 16)
    conv2  Conv 8->16, 3x3, pad 1, bias + Relu                  -> conv2d, relu (16, 16, 16)
    gap    GlobalAveragePool                                    -> avgpool, global (16, 1, 1)
    flat   Flatten                                              -> flatten     (16, 1, 1)
    fc     Gemm 16->10, bias                                    -> linear      (10, 1, 1)

MACs per sample: conv1 32*32*8*27 = 221,184; conv2 16*16*16*72 = 294,912; fc 160; 516,256 in all.
Weights are drawn from ``numpy.random.default_rng(0)``, so the file is the same byte for byte on
every run (``tests/workload/test_onnx_loader.py`` checks that).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SEED = 0
OPSET = 13
IR_VERSION = 7  # the IR that opset 13 shipped with, so older runtimes read the file too


def build_model(seed: int = SEED) -> onnx.ModelProto:
    """The tiny CNN as an ONNX model, weights from ``numpy.random.default_rng(seed)``."""
    rng = np.random.default_rng(seed)

    def init(name: str, *shape: int) -> onnx.TensorProto:
        return numpy_helper.from_array(rng.standard_normal(shape).astype(np.float32) * 0.1, name)

    inits = [init("conv1.w", 8, 3, 3, 3),
             numpy_helper.from_array(np.ones(8, np.float32), "bn1.scale"),
             numpy_helper.from_array(np.zeros(8, np.float32), "bn1.bias"),
             numpy_helper.from_array(np.zeros(8, np.float32), "bn1.mean"),
             numpy_helper.from_array(np.ones(8, np.float32), "bn1.var"),
             init("conv2.w", 16, 8, 3, 3), init("conv2.b", 16),
             init("fc.w", 10, 16), init("fc.b", 10)]
    nodes = [
        helper.make_node("Conv", ["x", "conv1.w"], ["c1"], name="conv1", kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        helper.make_node("BatchNormalization", ["c1", "bn1.scale", "bn1.bias", "bn1.mean", "bn1.var"], ["b1"],
                         name="bn1"),
        helper.make_node("Relu", ["b1"], ["r1"], name="relu1"),
        helper.make_node("MaxPool", ["r1"], ["p1"], name="pool1", kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Conv", ["p1", "conv2.w", "conv2.b"], ["c2"], name="conv2", kernel_shape=[3, 3],
                         pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c2"], ["r2"], name="relu2"),
        helper.make_node("GlobalAveragePool", ["r2"], ["g"], name="gap"),
        helper.make_node("Flatten", ["g"], ["f"], name="flat", axis=1),
        helper.make_node("Gemm", ["f", "fc.w", "fc.b"], ["y"], name="fc", transB=1),
    ]
    graph = helper.make_graph(nodes, "tiny_cnn",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 32, 32])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 10])], inits)
    model = helper.make_model(graph, producer_name="accelsim make_tiny_cnn.py",
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model)
    return model


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("tiny_cnn.onnx")
    out.write_bytes(build_model().SerializeToString())


if __name__ == "__main__":
    main(sys.argv)
