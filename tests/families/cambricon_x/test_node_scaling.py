"""Cambricon-X prices its 45 nm table figures at the chip's node (Stillmaker & Baas 2017); index, DRAM not."""

from __future__ import annotations

import pytest

from accelsim import load_model, simulate
from accelsim.energy.scaling import scale_from_table
from accelsim.errors import AccelsimError
from accelsim.registry import load_arch


def test_the_preset_at_its_node_prices_mults_adds_and_buffers_by_the_factor_and_dram_not():
    net = load_model("lenet5")
    at_node = load_arch("cambricon-x")
    at_table = load_arch("cambricon-x", {"energy.node": 45, "energy.vdd": 0.9})
    assert at_node.energy.node_nm == 65
    factor = scale_from_table(at_node.energy.node_nm, at_node.energy.vdd_v)
    assert factor > 1
    scaled, unscaled = simulate(net, at_node), simulate(net, at_table)
    for a, b in zip(scaled.layers, unscaled.layers):
        for unit in ("mult", "add", "nbin", "sb", "nbout"):
            assert a.energy_pj[unit] == pytest.approx(b.energy_pj[unit] * factor, rel=1e-12)
        for unit in ("index", "dram"):
            assert a.energy_pj[unit] == b.energy_pj[unit]
    assert any(f"x{factor:.3f}" in note for note in scaled.approximations)


def test_a_node_outside_the_scaling_table_is_one_line():
    with pytest.raises(AccelsimError) as e:
        load_arch("cambricon-x", {"energy.node": 5})
    assert "energy.node" in str(e.value) and "\n" not in str(e.value)
