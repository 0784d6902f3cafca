"""Every zoo model runs on TPU v1 at batch 1 and 8, with MACs conserved and sane totals."""

from __future__ import annotations

import math

import pytest

from accelsim.api import simulate
from accelsim.registry import load_arch
from accelsim.workload import load_model
from accelsim.workload.zoo import zoo_names

TPU = load_arch("tpu-v1")


#: a minute or more each on the DDR3 timing model: 8 B weights, or 4096 prompt tokens of activations spilling
SLOW = {("llama3_8b", 1), ("llama3_8b", 8), ("gpt2", 8)}


@pytest.mark.parametrize("name,batch", [pytest.param(n, b, marks=pytest.mark.slow) if (n, b) in SLOW else (n, b)
                                        for n in zoo_names() for b in (1, 8)])
def test_zoo_model_on_tpu(name, batch):
    net = load_model(name)
    r = simulate(net, TPU, batch=batch)
    assert r.macs == net.macs * batch
    assert r.cycles > 0 and 0 < r.utilization <= 1
    assert [l.name for l in r.layers] == [l.name for l in net.layers]
    # weights are read from DRAM at least once: the DRAM model cannot invent a shortcut
    assert r.dram_read_bytes >= net.weight_bytes
    assert math.isclose(sum(r.energy_pj.values()), r.total_energy_pj)


def test_batch_amortises_weights():
    # TPU v1 at batch 1 is weight-bound on ResNet-50; batch 8 re-uses every weight tile 8 times
    one = simulate("resnet50", TPU, batch=1)
    eight = simulate("resnet50", TPU, batch=8)
    assert eight.inferences_per_s > 2 * one.inferences_per_s
    assert eight.dram_read_bytes < 8 * one.dram_read_bytes
