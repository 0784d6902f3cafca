"""The DianNao/Cambricon compiler, proved by execution: programs run on the interpreter equal the reference.

Each network is compiled, its program executed on 16-bit data by the ISA interpreter
(functional mode), and every layer's output compared with the NumPy fixed-point reference of
:mod:`accelsim.families.cambricon.functional`, element by element. Small scratchpads force the
paths a roomy chip never takes (input channels over several tiles with partial sums spilled
to DRAM, row-by-row strided loads, clamped edge tiles).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from accelsim.registry import load_arch
from accelsim.errors import AccelsimError
from accelsim.families.cambricon.compiler import compile_network
from accelsim.families.cambricon.functional import run_functional
from accelsim.workload import load_model

SMALL_NET = """\
name: small_mixed
input: [6, 13, 11]
layers:
  - {name: c1, op: conv2d, out: 12, kernel: 3, pad: 1, bias: true, activation: relu}
  - {name: c2, op: conv2d, out: 12, kernel: 3, stride: 2, pad: 1, groups: 2, bias: true, activation: relu}
  - {name: c3, op: conv2d, out: 12, kernel: 1, inputs: [c2]}
  - {name: sum, op: add, inputs: [c2, c3], activation: relu}
  - {name: up, op: upsample, scale: 2}
  - {name: c4, op: conv2d, out: 6, kernel: 1, bias: true}
  - {name: cat, op: concat, inputs: [c4, c4]}
  - {name: mp, op: maxpool, kernel: 3, stride: 2, pad: 1}
  - {name: ap, op: avgpool, kernel: 2, stride: 2}
  - {name: flat, op: flatten}
  - {name: fc, op: linear, out: 7, bias: true, activation: sigmoid}
"""


def _spec(name: str, **sp):
    spec = load_arch(name)
    return replace(spec, scratchpad_bytes={**spec.scratchpad_bytes, **sp}) if sp else spec


@pytest.mark.parametrize("arch", ["diannao", "cambricon"])
def test_lenet5_bit_exact(arch):
    res = run_functional(load_model("lenet5"), _spec(arch), seed=1)
    assert res["layers"] == {name: 0 for name in res["layers"]}, res["max_abs_diff"]
    assert res["dynamic_insns"] > 100


@pytest.mark.parametrize("sp", [{}, {"nbin": 512, "sb": 1024, "nbout": 1024}])
def test_mixed_network_bit_exact(tmp_path, sp):
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_NET)
    res = run_functional(load_model(path), _spec("diannao", **sp), seed=3, batch=2)
    assert res["layers"] == {name: 0 for name in res["layers"]}, res["max_abs_diff"]


def test_small_scratchpads_spill_partial_sums(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_NET)
    spec = _spec("diannao", nbin=512, sb=1024, nbout=1024)
    compiled = compile_network(load_model(path), spec.scratchpad_bytes, 16, 16)
    assert "VSTORE" in compiled.text and "CB r43" in compiled.text   # partial sums leave and come back


def test_outputs_are_nonzero_and_vary(tmp_path):
    # a program that wrote nothing would match an all-zero reference; make sure it is not
    import numpy as np

    from accelsim.families.cambricon import functional as fn
    net = load_model("lenet5")
    from accelsim.compress import synthetic_weights
    qw, fr = fn.quantize_weights(net, synthetic_weights(net, seed=1))
    ref = fn.reference(net, qw, fr, fn.quantize_act(np.random.default_rng(1).uniform(-1, 1, (1, 1, 28, 28))))
    assert np.count_nonzero(ref["fc2"]) >= 5 and len(np.unique(ref["conv1"])) > 50


def test_scratchpad_too_small_names_it():
    with pytest.raises(AccelsimError) as e:
        compile_network(load_model("lenet5"), {"nbin": 16, "sb": 32768, "nbout": 2048}, 16, 16)
    assert e.value.field == "scratchpads.nbin" and "at least" in e.value.message


def test_unsupported_op_names_the_layer(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("name: m\ninput: [4, 8, 8]\nlayers:\n  - {name: c, op: conv2d, out: 4, kernel: 3, dilation: 2}\n")
    with pytest.raises(AccelsimError) as e:
        compile_network(load_model(path), {"nbin": 2048, "sb": 32768, "nbout": 2048}, 16, 16)
    assert e.value.field == "c"


@pytest.mark.parametrize("model", ["alexnet", "resnet18", "mobilenet_v2", "yolov3_tiny", "unet_small", "vgg16"])
def test_zoo_models_compile_to_small_programs(model):
    spec = load_arch("diannao")
    compiled = compile_network(load_model(model), spec.scratchpad_bytes, 16, 16)
    n = sum(1 for line in compiled.text.splitlines() if line.startswith("    ") and not line.strip().startswith(";"))
    assert 100 < n < 40_000   # loops, not unrolled tiles


DW_NET = """\
name: dwnet
input: [8, 12, 10]
layers:
  - {name: pw1, op: conv2d, out: 16, kernel: 1, bias: true, activation: relu6}
  - {name: dw1, op: conv2d, out: 16, kernel: 3, pad: 1, groups: 16, bias: true, activation: relu6}
  - {name: dw2, op: conv2d, out: 16, kernel: 3, stride: 2, pad: 1, groups: 16, activation: relu}
  - {name: pw2, op: conv2d, out: 6, kernel: 1, bias: true}
"""


@pytest.mark.parametrize("arch, sp", [("diannao", {}), ("cambricon", {}), ("diannao", {"nbin": 256, "sb": 512,
                                                                                      "nbout": 512})])
def test_depthwise_on_the_vector_unit_is_bit_exact(tmp_path, arch, sp):
    path = tmp_path / "dw.yaml"
    path.write_text(DW_NET)
    spec = _spec(arch, **sp)
    compiled = compile_network(load_model(path), spec.scratchpad_bytes, spec.matrix.rows, spec.matrix.cols)
    assert compiled.depthwise == {"dw1", "dw2"} and "VMAW" in compiled.text
    res = run_functional(load_model(path), spec, seed=2, batch=2)
    assert res["layers"] == {name: 0 for name in res["layers"]}, res["max_abs_diff"]
