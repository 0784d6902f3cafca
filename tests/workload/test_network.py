"""workload/network.py: building a Network from plain layer descriptions, shapes and errors."""

from __future__ import annotations

import re

import pytest

from accelsim.errors import AccelsimError
from accelsim.workload.network import Network, build_network


def residual_block() -> Network:
    """stem -> conv_a -> conv_b -> (+ stem) -> relu, all 16x8x8: a small ResNet basic block."""
    return build_network("res", [3, 8, 8], [
        {"name": "stem", "op": "conv2d", "out": 16, "kernel": 3, "pad": 1, "activation": "relu"},
        {"name": "conv_a", "op": "conv2d", "out": 16, "kernel": 3, "pad": "same", "activation": "relu"},
        {"name": "conv_b", "op": "conv2d", "out": 16, "kernel": 3, "pad": 1},
        {"name": "sum", "op": "add", "inputs": ["conv_b", "stem"], "activation": "relu"},
        {"name": "pool", "op": "avgpool", "global": True},
        {"name": "fc", "op": "linear", "out": 10, "bias": True},
    ])


def test_residual_dag_shapes_and_edges():
    net = residual_block()
    assert [l.name for l in net.layers] == ["stem", "conv_a", "conv_b", "sum", "pool", "fc"]
    assert net.layer("stem").inputs == ("input",)
    assert net.layer("conv_a").inputs == ("stem",)      # no inputs: the previous layer
    assert net.layer("sum").inputs == ("conv_b", "stem")
    assert net.layer("sum").in_shapes == ((16, 8, 8), (16, 8, 8))
    assert net.layer("sum").out_shape == (16, 8, 8)
    assert net.layer("conv_a").padding == (1, 1, 1, 1)  # 'same' for 3x3
    assert net.layer("pool").out_shape == (16, 1, 1)
    assert net.layer("pool").kernel == (8, 8)
    assert net.layer("fc").out_shape == (10, 1, 1)
    assert net.consumers("stem") == ("conv_a", "sum")
    assert net.consumers("fc") == ()
    assert net.index("sum") == 3
    with pytest.raises(KeyError):
        net.layer("nope")


def test_residual_dag_totals():
    net = residual_block()
    stem = 64 * 16 * 3 * 9            # 27,648
    conv = 64 * 16 * 16 * 9           # 147,456 each
    fc = 16 * 10
    assert net.macs == stem + 2 * conv + fc
    assert net.params == 16 * 27 + 2 * 16 * 144 + (fc + 10)
    assert net.weight_bytes == 16 * 27 + 2 * 16 * 144 + fc
    assert net.effective_macs == net.macs


def test_concat_branches():
    # an Inception-style module: 1x1 and 3x3 branches from the same input, joined on channels
    net = build_network("inc", [8, 10, 10], [
        {"name": "b1", "op": "conv2d", "out": 6, "kernel": 1, "inputs": "input"},
        {"name": "b3", "op": "conv2d", "out": 4, "kernel": 3, "pad": 1, "inputs": "input"},
        {"name": "bp", "op": "maxpool", "kernel": 3, "stride": 1, "pad": 1, "inputs": "input"},
        {"name": "cat", "op": "concat", "inputs": ["b1", "b3", "bp"]},
    ])
    cat = net.layer("cat")
    assert cat.out_shape == (6 + 4 + 8, 10, 10)
    assert cat.macs == 0 and cat.params == 0
    assert net.consumers("input") == ("b1", "b3", "bp")
    assert net.macs == 100 * 6 * 8 + 100 * 4 * 72


def test_lenet5_matches_published_parameter_count():
    # Han et al., "Learning both Weights and Connections", NIPS 2015, Table 1: LeNet-5 has 431K
    # parameters (Caffe variant: 20 and 50 conv filters, 500 hidden units).
    net = build_network("lenet5", [1, 28, 28], [
        {"name": "conv1", "op": "conv2d", "out": 20, "kernel": 5, "bias": True},
        {"name": "pool1", "op": "maxpool", "kernel": 2},
        {"name": "conv2", "op": "conv2d", "out": 50, "kernel": 5, "bias": True},
        {"name": "pool2", "op": "maxpool", "kernel": 2},
        {"name": "fc1", "op": "linear", "out": 500, "bias": True, "activation": "relu"},
        {"name": "fc2", "op": "linear", "out": 10, "bias": True},
    ])
    assert [l.out_shape for l in net.layers] == [(20, 24, 24), (20, 12, 12), (50, 8, 8), (50, 4, 4),
                                                 (500, 1, 1), (10, 1, 1)]
    assert net.params == 520 + 25_050 + 400_500 + 5_010 == 431_080
    assert net.macs == 288_000 + 1_600_000 + 400_000 + 5_000


def test_pool_defaults_and_ceil_mode():
    net = build_network("p", [8, 112, 112], [
        {"name": "floor", "op": "maxpool", "kernel": 3, "stride": 2},
        {"name": "ceil", "op": "maxpool", "kernel": 3, "stride": 2, "ceil_mode": True, "inputs": "input"},
        {"name": "dflt", "op": "avgpool", "kernel": 2, "inputs": "input"},
    ])
    assert net.layer("floor").out_shape == (8, 55, 55)
    assert net.layer("ceil").out_shape == (8, 56, 56)   # Caffe GoogLeNet pool1
    assert net.layer("dflt").stride == (2, 2)           # pooling stride defaults to the kernel
    assert net.layer("dflt").out_shape == (8, 56, 56)


def test_other_ops():
    net = build_network("o", [4, 6, 6], [
        {"name": "up", "op": "upsample", "scale": 2},
        {"name": "act", "op": "activation", "fn": "sigmoid"},
        {"name": "gate", "op": "mul", "inputs": ["up", "act"]},
        {"name": "flat", "op": "flatten"},
    ])
    assert net.layer("up").out_shape == (4, 12, 12)
    assert net.layer("gate").out_shape == (4, 12, 12)
    assert net.layer("flat").out_shape == (4 * 144, 1, 1)


def test_defaults_and_per_layer_bits():
    net = build_network("b", [3, 8, 8], [
        {"name": "c1", "op": "conv2d", "out": 4, "kernel": 3},
        {"name": "c2", "op": "conv2d", "out": 4, "kernel": 3, "weight_bits": 2},
    ], defaults={"weight_bits": 4, "act_bits": 16})
    assert (net.layers[0].weight_bits, net.layers[0].act_bits, net.layers[0].acc_bits) == (4, 16, 32)
    assert net.layers[1].weight_bits == 2


def test_with_layers_and_frozen():
    net = residual_block()
    halved = net.with_layers(tuple(l.with_(weight_density=0.5) if l.op == "conv2d" else l for l in net.layers),
                             name="res-pruned")
    assert halved.name == "res-pruned" and net.name == "res"
    assert halved.index("fc") == 5
    assert halved.effective_macs < net.effective_macs
    with pytest.raises(AttributeError):
        net.name = "x"  # type: ignore[misc]
    assert residual_block() == residual_block()


# ---- errors name the file and layers[i].field ------------------------------------------------

GOOD = {"name": "c0", "op": "conv2d", "out": 4, "kernel": 3}


def error_of(layers, input_shape=(3, 8, 8), file="net.yaml") -> str:
    with pytest.raises(AccelsimError) as e:
        build_network("n", list(input_shape), layers, file=file)
    return str(e.value)


@pytest.mark.parametrize("bad_layer, field, words", [
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 3, "strides": 2}, "strides", "unknown key"),
    ({"name": "x", "op": "linear", "out": 4, "kernel": 3}, "kernel", "unknown key"),
    ({"name": "x", "op": "conv2d", "out": -4, "kernel": 3}, "out", "-4"),
    ({"name": "x", "op": "conv2d", "out": 0, "kernel": 3}, "out", "must be >= 1"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 0}, "kernel", "must be >= 1"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 3, "stride": 0}, "stride", "must be >= 1"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 3, "pad": -1}, "pad", "must be >= 0"),
    ({"name": "x", "op": "conv2d", "out": 2.5, "kernel": 3}, "out", "integer"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 3, "weight_bits": 0}, "weight_bits", ">= 1"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 3, "weight_density": 0}, "weight_density", "> 0"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 3, "act_density": float("nan")}, "act_density", "nan"),
    ({"name": "x", "op": "conv3d", "out": 4}, "op", "unknown op 'conv3d'"),
    ({"name": "x", "op": ["conv2d"], "out": 4}, "op", "unknown op"),
    ({"name": "x", "out": 4}, "op", "missing"),
    ({"name": "x", "op": "conv2d", "kernel": 3}, "out", "missing"),
    ({"op": "conv2d", "out": 4, "kernel": 3}, "name", "missing"),
    ({"name": "has space", "op": "flatten"}, "name", "has space"),
    ({"name": "input", "op": "flatten"}, "name", "not 'input'"),
    ({"name": "c0", "op": "flatten"}, "name", "duplicate"),
    ({"name": "x", "op": "relu", "inputs": "c0"}, "op", "unknown op 'relu'"),
    ({"name": "x", "op": "add", "inputs": ["c0", "ghost"]}, "inputs", "'ghost'"),
    ({"name": "x", "op": "add", "inputs": ["c0", ["input"]]}, "inputs", "not an earlier layer"),
    ({"name": "x", "op": "flatten", "inputs": "x"}, "inputs", "'x'"),
    ({"name": "x", "op": "add", "inputs": "c0"}, "inputs", "two or more"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 3, "inputs": ["c0", "input"]}, "inputs", "one input"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 7}, "kernel", "does not fit the 6x6 input"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": [3, 9], "pad": 1}, "kernel", "does not fit"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 3, "dilation": 4}, "kernel", "does not fit"),
    ({"name": "x", "op": "maxpool", "kernel": 8}, "kernel", "does not fit"),
    ({"name": "x", "op": "add", "inputs": ["c0", "input"]}, "inputs", "input shapes differ"),
    ({"name": "x", "op": "concat", "inputs": ["c0", "input"]}, "inputs", "height and width"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 1, "groups": 3}, "groups", "must divide"),
    ({"name": "x", "op": "conv2d", "out": 6, "kernel": 1, "groups": 4}, "groups", "must divide"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 3, "pad": "valid"}, "pad", "'same'"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 3, "stride": 2, "pad": "same"}, "pad", "stride 1"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 3, "activation": "swish"}, "activation", "swish"),
    ({"name": "x", "op": "conv2d", "out": 4, "kernel": 3, "bias": "yes"}, "bias", "true or false"),
    ({"name": "x", "op": "avgpool", "global": True, "kernel": 2}, "global", "no kernel"),
    ({"name": "x", "op": "avgpool", "global": True, "pad": 1}, "global", "no kernel"),
    ({"name": "x", "op": "avgpool"}, "kernel", "global"),
    ({"name": "x", "op": "gemm", "m": 4, "k": 5, "n": 2}, "inputs", "m=4, k=5"),
    ({"name": "x", "op": "gemm", "m": 4, "k": 5, "n": 2, "in_shape": [5, 3, 1]}, "in_shape", "15 elements"),
    ({"name": "x", "op": "gemm", "m": 4, "k": 5, "n": 2, "in_shape": [5, 4, 1], "inputs": "c0"},
     "in_shape", "not both"),
    ({"name": "x", "op": "matmul", "m": 4, "k": 36, "n": 2, "inputs": ["c0", "c0"]}, "inputs", "K x N"),
])
def test_layer_errors_name_file_and_field(bad_layer, field, words):
    # c0 is 4x6x6; the bad layer is layers[1]
    msg = error_of([GOOD, bad_layer])
    assert msg.startswith(f"net.yaml: layers[1].{field}: "), msg
    assert words in msg, msg


def test_error_index_counts_from_zero():
    msg = error_of([{"name": "x", "op": "conv2d", "out": -1, "kernel": 3}])
    assert msg.startswith("net.yaml: layers[0].out: ")


def test_error_without_file_still_names_the_field():
    with pytest.raises(AccelsimError) as e:
        build_network("n", [3, 8, 8], [{"name": "x", "op": "conv2d", "out": 4, "kernel": 3, "grups": 2}])
    assert str(e.value).startswith("layers[0].grups: unknown key; allowed: ")
    assert e.value.field == "layers[0].grups" and e.value.file is None


@pytest.mark.parametrize("input_shape, layers, prefix", [
    ([3, 8], [GOOD], "net.yaml: input: "),
    ([3, 0, 8], [GOOD], "net.yaml: input: "),
    ([3, 8, 8], [], "net.yaml: layers: "),
    ([3, 8, 8], {"c0": GOOD}, "net.yaml: layers: "),
    ([3, 8, 8], ["conv2d"], "net.yaml: layers[0]: "),
])
def test_network_level_errors(input_shape, layers, prefix):
    with pytest.raises(AccelsimError) as e:
        build_network("n", input_shape, layers, file="net.yaml")
    assert str(e.value).startswith(prefix), str(e.value)


def test_error_is_one_line():
    msg = error_of([GOOD, {"name": "x", "op": "add", "inputs": ["c0", "input"]}])
    assert "\n" not in msg
    assert re.search(r"\[\(4, 6, 6\), \(3, 8, 8\)\]", msg)


@pytest.mark.parametrize("layer,needle", [
    ({"name": "p", "op": "avgpool", "global": 0, "kernel": 2}, "layers[0].global"),
    ({"name": "p", "op": "avgpool", "global": True, "ceil_mode": True}, "layers[0].global"),
    ({"name": "p", "op": "maxpool", "kernel": 2, "pad": 3}, "layers[0].pad"),
])
def test_pool_keys_that_would_do_nothing_are_errors(layer, needle):
    from accelsim.errors import AccelsimError
    from accelsim.workload.network import build_network
    with pytest.raises(AccelsimError, match=needle.replace("[", r"\[").replace("]", r"\]")):
        build_network("n", (4, 8, 8), [layer], file="net.yaml")
