"""Cambricon-X: cycles follow the non-zero synapses per output neuron, a group waits for its slowest PE, and
pruning buys what DianNao cannot."""

from __future__ import annotations

import math

import numpy as np
import pytest

import accelsim
from accelsim.errors import AccelsimError
from accelsim.families.cambricon_x.lower import lower_network
from accelsim.registry import load_arch
from accelsim.workload.network import build_network

CX = load_arch("cambricon-x")


def _fc(rows, cols):
    return build_network("fc", (cols, 1, 1), [{"name": "fc", "op": "linear", "out": rows}], source="test")


def _compute_cycles(mask):
    net = _fc(*mask.shape)
    trace, rep = lower_network(net, CX, 1, weights={"fc": {"weight": mask.astype(float), "mask": mask}})
    assert rep["fc"]["real_pattern"]
    return int(trace.ops["stream"][trace.ops["kind"] == 2].sum()), rep["fc"]


def test_a_group_waits_for_its_slowest_pe():
    rows, cols = 256, 512  # 16 groups of 16 output neurons
    balanced = np.zeros((rows, cols), bool)
    balanced[:, :32] = True                    # every neuron: 32 non-zeros = 2 cycles
    skewed = np.zeros((rows, cols), bool)
    skewed[::16, :] = True                     # one neuron per group holds all 512 of the group's non-zeros
    assert balanced.sum() == skewed.sum()
    fast, rep_fast = _compute_cycles(balanced)
    slow, rep_slow = _compute_cycles(skewed)
    assert fast == 16 * math.ceil(32 / CX.tn)
    assert slow == 16 * math.ceil(512 / CX.tn)   # the other 15 PEs spend one cycle and wait
    assert slow / fast == 16
    assert rep_fast["imbalance"] == pytest.approx(1.0) and rep_slow["imbalance"] == pytest.approx(16.0)


def test_pruning_buys_speed_here_and_not_on_diannao():
    dense = accelsim.simulate("lenet5", CX)
    pruned = accelsim.simulate("lenet5", CX, passes=("magnitude:0.9",), weights="synthetic")
    assert dense.cycles / pruned.cycles > 3
    dn_dense = accelsim.simulate("lenet5", "diannao")
    dn_pruned = accelsim.simulate("lenet5", "diannao", passes=("magnitude:0.9",))
    assert dn_pruned.cycles == dn_dense.cycles
    assert pruned.macs == pytest.approx(0.1 * dense.macs, rel=0.05)


def test_compressed_synapses_move_fewer_dram_bytes():
    dense = accelsim.simulate("alexnet_fc", CX)
    pruned = accelsim.simulate("alexnet_fc", CX, passes=("magnitude:0.9",))
    # both store a 16-bit value and an 8-bit step index per synapse kept (3 B); inputs larger than NBin are
    # re-read for every chunk of synapses, and a tenth of the synapses needs about a tenth of the chunks
    weights = sum(l.weight_count for l in accelsim.load_model("alexnet_fc").layers)
    assert dense.dram_read_bytes > 3 * weights
    assert 0.3 * weights < pruned.dram_read_bytes < 0.13 * dense.dram_read_bytes


def test_direct_indexing_costs_a_bit_per_position():
    net = _fc(64, 1024).with_layers((_fc(64, 1024).layers[0].with_(weight_density=0.05),))
    step = lower_network(net, CX, 1)[1]["fc"]["compressed_weight_bytes"]
    direct = lower_network(net, load_arch("cambricon-x", {"pe.indexing": "direct"}), 1)[1]["fc"][
        "compressed_weight_bytes"]
    assert direct == pytest.approx(64 * 1024 / 8 + step * 2 / 3, rel=0.05)


def test_bad_preset_values_name_the_field():
    with pytest.raises(AccelsimError, match="pe.indexing: must be one of direct, step"):
        load_arch("cambricon-x", {"pe.indexing": "csr"})
    with pytest.raises(AccelsimError, match="buffers.sb"):
        load_arch("cambricon-x", {"buffers.sb": 0})
