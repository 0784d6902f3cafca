"""Eyeriss lowering: conv problems, mappings, rule checks, conservation, every zoo model maps."""

from __future__ import annotations

import pytest

from accelsim.api import lower, run_trace, simulate
from accelsim.registry import load_arch
from accelsim.errors import AccelsimError
from accelsim.families.eyeriss.lower import conv_problem, lower_network, map_layer, rlc_words_per_word
from accelsim.trace import COMPUTE
from accelsim.workload import load_model
from accelsim.workload.zoo import transformer_names, zoo_names

ARCH = load_arch("eyeriss")


def test_alexnet_conv_problems_match_table_iii():
    net = load_model("alexnet")
    p1 = conv_problem(net.layer("conv1"), 4)
    assert (p1.H, p1.R, p1.E, p1.C, p1.M, p1.U) == (227, 11, 55, 3, 96, 4)
    p2 = conv_problem(net.layer("conv2"), 4)  # H and C per group (AlexNet's 2 groups)
    assert (p2.H, p2.R, p2.E, p2.C, p2.M, p2.groups) == (31, 5, 27, 48, 128, 2)


def test_paper_mapping_active_pes_and_spad_rules():
    p1 = conv_problem(load_model("alexnet").layer("conv1"), 4)
    m = map_layer(p1, ARCH, (1.0, 1.0, 1.0), fixed=(1, 16, 1, 7, 1, 2))
    assert m.active_pes == 11 * 7 * 2 == 154 and m.m == 96
    with pytest.raises(AccelsimError, match="scratchpad"):
        map_layer(p1, ARCH, (1.0, 1.0, 1.0), fixed=(1, 24, 1, 7, 1, 2))  # 24 x 11 > 224 filter words


def test_rlc_words():
    assert rlc_words_per_word(1.0) == pytest.approx(4 / 3)  # dense data costs a third more
    assert rlc_words_per_word(0.25) < 0.5


def test_macs_conserved_and_replay_equal():
    trace = lower("resnet18", ARCH, batch=2)
    ops = trace.ops
    net = load_model("resnet18")
    assert int(ops["macs"][ops["kind"] == COMPUTE].sum()) == 2 * net.macs
    assert run_trace(trace, ARCH).to_dict() == simulate("resnet18", ARCH, batch=2).to_dict()


@pytest.mark.parametrize("name", [n for n in zoo_names() if not n.startswith("tpu_") and n not in transformer_names()])
def test_zoo_maps_on_eyeriss(name):
    r = simulate(name, ARCH)
    assert r.cycles > 0 and 0 < r.utilization <= 1
    assert abs(sum(r.energy_pj.values()) - r.total_energy_pj) <= 1e-9 * r.total_energy_pj


def test_depthwise_layers_run_at_low_utilization():
    # one channel per group: each PE does S MACs per output while the 16-bit ifmap bus must
    # bring a new ifmap column to every row of the set, so depthwise passes starve
    net = load_model("mobilenet_v2")
    r = simulate(net, ARCH)
    util = {l.name: l.utilization for l in r.layers}
    dw = [l.name for l in net.layers if l.op == "conv2d" and l.groups > 1]
    pw = [l.name for l in net.layers if l.op == "conv2d" and l.groups == 1 and l.kernel == (1, 1)]
    assert max(util[n] for n in dw) < 0.25
    assert sum(util[n] for n in pw) / len(pw) > 2 * sum(util[n] for n in dw) / len(dw)


def test_functional_activations_feed_zero_gating():
    from accelsim.compress import synthetic_weights
    from accelsim.compress.functional import activation_densities
    net = load_model("alexnet")
    d = activation_densities(net, synthetic_weights(net, seed=0))
    assert d["conv1"] > 0.99  # raw pixels
    # after ReLU (max pooling raises the density again: conv2 reads a pooled map)
    assert all(0.2 < d[n] < 0.9 for n in ("conv2", "conv3", "conv4", "conv5"))
    gated = simulate("alexnet", ARCH, activations="functional")
    dense = simulate("alexnet", ARCH)
    assert gated.energy_pj["alu"] < 0.8 * dense.energy_pj["alu"]
    assert gated.compute_cycles == dense.compute_cycles  # zero gating saves energy, not cycles
