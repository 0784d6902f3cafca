"""DianNao/Cambricon presets price their 45 nm table figures at the chip's node (Stillmaker & Baas 2017)."""

from __future__ import annotations

import pytest

from accelsim import load_model, simulate
from accelsim.energy.scaling import scale_from_table
from accelsim.errors import AccelsimError
from accelsim.registry import load_arch


@pytest.mark.parametrize("preset", ["diannao", "cambricon"])
def test_a_preset_at_its_node_prices_mults_adds_and_scratchpads_by_the_factor_and_dram_not(preset):
    net = load_model("lenet5")
    at_node = load_arch(preset)
    at_table = load_arch(preset, {"energy.node": 45, "energy.vdd": 0.9})
    assert at_node.energy.node_nm == 65
    factor = scale_from_table(at_node.energy.node_nm, at_node.energy.vdd_v)
    assert factor > 1
    scaled, unscaled = simulate(net, at_node), simulate(net, at_table)
    for a, b in zip(scaled.layers, unscaled.layers):
        for unit in ("mac", "add", *at_node.scratchpad_bytes):
            assert a.energy_pj[unit] == pytest.approx(b.energy_pj[unit] * factor, rel=1e-12)
        assert a.energy_pj["dram"] == b.energy_pj["dram"]
        assert a.energy_pj["static"] == b.energy_pj["static"]
    assert any(f"x{factor:.3f}" in note for note in scaled.approximations)
    assert not any("Stillmaker" in note for note in unscaled.approximations)


@pytest.mark.parametrize("node,vdd,field", [(7, 1.0, "energy.node"), (90, 1.0, "energy.node"),
                                            (65, 2.0, "energy.vdd")])
def test_a_node_or_supply_outside_the_scaling_table_is_one_line(node, vdd, field):
    with pytest.raises(AccelsimError) as e:
        load_arch("diannao", {"energy.node": node, "energy.vdd": vdd})
    assert field in str(e.value) and "\n" not in str(e.value)
