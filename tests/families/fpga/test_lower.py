"""Tiled FPGA lowering: resources, device fit, tile costs by hand, every zoo model runs."""

from __future__ import annotations

import pytest

from accelsim.api import lower, run_trace, simulate
from accelsim.registry import load_arch
from accelsim.errors import AccelsimError
from accelsim.families.fpga.lower import resources
from accelsim.trace import COMPUTE
from accelsim.workload.network import gemm_network
from accelsim.workload import load_model
from accelsim.workload.network import build_network
from accelsim.workload.zoo import transformer_names, zoo_names

QIU = load_arch("qiu16-zc706")


def test_dsp_packing_by_width():
    assert resources(QIU, 8, 8, 28, 28).dsp == 8 * 8 * 9  # one 16-bit MAC per DSP48
    eight = load_arch("qiu16-zc706", {"engine.data_bits": 8})
    assert resources(eight, 8, 8, 28, 28).dsp == 8 * 8 * 9 // 2  # two 8-bit MACs share a slice
    binary = load_arch("qiu16-zc706", {"engine.data_bits": 1})
    assert resources(binary, 8, 8, 28, 28).dsp == 0  # XNOR-popcount in LUTs


def test_design_that_does_not_fit_is_an_error():
    big = load_arch("qiu16-zc706", {"engine.tm": 64, "engine.tn": 16})
    with pytest.raises(AccelsimError, match=r"qiu16_zc706.yaml: engine: the engine needs 9216 DSP but xc7z045 has 900"):
        lower(load_model("lenet5"), big)


def test_conv_tile_cycles_by_hand():
    # 8 -> 16 maps, 3x3, 28x28 output, one 28x28 tile; tm=4, tn=2: 4 x 4 groups x 784 cycles
    arch = load_arch("qiu16-zc706", {"engine.tm": 4, "engine.tn": 2})
    net = build_network("c", (8, 28, 28), [{"name": "c", "op": "conv2d", "out": 16, "kernel": 3, "pad": 1}])
    trace = lower(net, arch)
    assert int(trace.ops["stream"][trace.ops["kind"] == COMPUTE].sum()) == 4 * 4 * 28 * 28


def test_fc_is_memory_bound():
    r = simulate(gemm_network("fc", 1, 4096, 4096), QIU)
    # 32 MiB of 16-bit weights at 4.2 GB/s take ~4.6x the convolvers' time (a 1x1 window uses 1 of 9 multipliers)
    assert r.stall_cycles > 2 * r.compute_cycles


@pytest.mark.parametrize("name", [n for n in zoo_names() if not n.startswith("tpu_") and n not in transformer_names()])
def test_zoo_runs(name):
    r = simulate(name, QIU)
    assert r.macs == load_model(name).macs and r.cycles > 0
    assert run_trace(lower(name, QIU), QIU).cycles == r.cycles
