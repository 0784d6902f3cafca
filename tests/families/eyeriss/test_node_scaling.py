"""Eyeriss prices its on-chip figures (a 45 nm unit times Table IV ratios) at the chip's node; DRAM not."""

from __future__ import annotations

import pytest

from accelsim import load_model, simulate
from accelsim.energy.scaling import scale_from_table
from accelsim.errors import AccelsimError
from accelsim.registry import load_arch

ON_CHIP = ("alu", "filter_spad", "ifmap_spad", "psum_spad", "noc", "glb")


def test_the_preset_at_65_nm_prices_on_chip_levels_by_the_factor_and_dram_not():
    net = load_model("lenet5")
    at_node = load_arch("eyeriss")
    at_table = load_arch("eyeriss", {"energy.node": 45, "energy.vdd": 0.9})
    assert (at_node.energy.node_nm, at_node.energy.vdd_v) == (65, 1.0)
    factor = scale_from_table(65, 1.0)
    assert at_node.energy.node_factor == factor > 1 and at_table.energy.node_factor == 1.0
    # the mapper prices what the accounting prices: compare the layers whose mapping did not change
    scaled, unscaled = simulate(net, at_node), simulate(net, at_table)
    same = [(a, b) for a, b in zip(scaled.layers, unscaled.layers)
            if (a.dram_read_bytes, a.buffer_reads) == (b.dram_read_bytes, b.buffer_reads)]
    assert len(same) >= len(scaled.layers) // 2  # most layers keep their mapping at the other prices
    for a, b in same:
        for unit in ON_CHIP:
            assert a.energy_pj[unit] == pytest.approx(b.energy_pj[unit] * factor, rel=1e-12)
        assert a.energy_pj["dram"] == b.energy_pj["dram"]
    assert any(f"x{factor:.3f}" in note for note in scaled.approximations)
    assert not any("Stillmaker" in note for note in unscaled.approximations)


def test_a_node_outside_the_scaling_table_is_one_line():
    with pytest.raises(AccelsimError) as e:
        load_arch("eyeriss", {"energy.vdd": 3})
    assert "energy.vdd" in str(e.value) and "\n" not in str(e.value)
