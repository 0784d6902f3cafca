"""DianNao/Cambricon helpers behind the published-figure checks (the checks: ``test_published_figures.py``)."""

from __future__ import annotations

import pytest

from accelsim.registry import load_arch
from accelsim.families.cambricon.validate import diannao_peak_gops, scalar_instructions, synapse_bandwidth_gib_s
from accelsim.workload import load_model


def test_diannao_nfu_ops_and_bandwidth_from_the_preset():
    spec = load_arch("diannao")
    # 256 multipliers + 16 adder trees of 15 adders = 496 ops a cycle (REFERENCES.md section 3)
    assert diannao_peak_gops(spec) == pytest.approx(496 * 0.98)
    assert synapse_bandwidth_gib_s(spec) == pytest.approx(467.3, rel=0.001)


def test_scalar_baseline_counts_every_mac():
    net = load_model("lenet5")
    n = scalar_instructions(net)
    assert n >= 7 * net.macs

