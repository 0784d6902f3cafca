"""EIE prices the table's MAC and SRAM figures at its node (Stillmaker & Baas 2017); its own figures and DRAM not."""

from __future__ import annotations

import pytest

from accelsim.api import simulate
from accelsim.energy.scaling import scale_from_table
from accelsim.errors import AccelsimError
from accelsim.families.eie.sim import action_pj
from accelsim.registry import load_arch


def test_the_preset_is_at_the_tables_node_and_another_node_scales_table_figures_only():
    eie = load_arch("eie")
    assert (eie.energy.node_nm, eie.energy.vdd_v) == (45, 0.9)
    moved = load_arch("eie", {"energy.node": 65, "energy.vdd": 1.0})
    factor = scale_from_table(65, 1.0)
    base, scaled = action_pj(eie), action_pj(moved)
    for action in ("entries", "spmat_reads", "ptr_reads"):
        assert scaled[action] == pytest.approx(base[action] * factor, rel=1e-12)
    for action in ("act_reads", "act_writes", "eltwise_reads"):
        assert scaled[action] == base[action]
    assert moved.dram == eie.dram
    assert any(f"x{factor:.3f}" in n for n in simulate("alexnet_fc", moved).approximations)
    assert not any("Stillmaker" in n for n in simulate("alexnet_fc", eie).approximations)


def test_a_node_outside_the_scaling_table_is_one_line():
    with pytest.raises(AccelsimError) as e:
        load_arch("eie", {"energy.node": 3})
    assert "energy.node" in str(e.value) and "\n" not in str(e.value)
