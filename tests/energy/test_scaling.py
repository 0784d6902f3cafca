"""Technology scaling of the energy table (Stillmaker & Baas 2017) and its use by the systolic family."""

from __future__ import annotations

import pytest

from accelsim.energy import price, table
from accelsim.energy.scaling import ENERGY_COEFFS, energy_factor, scale_from_table
from accelsim.errors import AccelsimError
from accelsim.registry import load_arch


def test_the_authors_erratum_example():
    # the corrected example on the paper's page (vcl.ece.ucdavis.edu/pubs/2017.02.VLSIintegration.TechScale):
    # EnergyFactor_x = 0.4571 (HP 32 nm at 0.9 V), EnergyFactor_y = 2.604 (65 nm at 1.3 V)
    assert energy_factor(32, 0.9) == pytest.approx(0.4571, abs=5e-5)
    assert energy_factor(65, 1.3) == pytest.approx(2.604, abs=5e-4)


def test_the_table_point_is_unscaled_and_smaller_nodes_cost_less():
    assert scale_from_table(45, 0.9) == 1.0
    assert scale_from_table(65, 1.0) > 1 > scale_from_table(32, 0.9) > scale_from_table(28, 0.9) > \
        scale_from_table(20, 0.9)
    # a lower supply at the same node costs less (the fit rises with V over its range)
    assert scale_from_table(28, 0.8) < scale_from_table(28, 0.9)


def test_an_untabulated_node_interpolates_between_its_neighbours():
    lo, hi = energy_factor(20, 0.9), energy_factor(32, 0.9)
    assert energy_factor(28, 0.9) == pytest.approx(lo + (hi - lo) * (28 - 20) / (32 - 20))
    assert set(ENERGY_COEFFS) == {65.0, 45.0, 32.0, 20.0}


@pytest.mark.parametrize("node,vdd,field", [(7, 0.9, "energy.node"), (90, 1.0, "energy.node"),
                                            (45, 2.0, "energy.vdd")])
def test_outside_the_table_is_refused(node, vdd, field):
    with pytest.raises(AccelsimError) as e:
        load_arch("systolic-32x32", {"energy.node": node, "energy.vdd": vdd})
    assert field in str(e.value)


def test_tpu_v1_prices_on_chip_actions_at_28_nm_and_dram_as_before():
    tpu, at45 = load_arch("tpu-v1"), load_arch("tpu-v1", {"energy.node": 45})
    f = scale_from_table(28, 0.9)
    assert tpu.energy.node_nm == 28 and price.table_scale(tpu) == pytest.approx(f)
    assert price.mac_energy_pj(tpu, 8, 8, 32) == pytest.approx(table.mac_pj(8, 8, 32) * f)
    assert price.mac_energy_pj(at45, 8, 8, 32) == table.mac_pj(8, 8, 32)
    assert price.dram_energy_pj(tpu, 1000) == price.dram_energy_pj(at45, 1000)
    # an override is the chip's own figure: not scaled
    over = load_arch("tpu-v1", {"energy.mac_pj": 0.5})
    assert price.mac_energy_pj(over, 8, 8, 32) == 0.5


def test_result_notes_state_the_scaling():
    import accelsim
    r = accelsim.simulate("lenet5", "tpu-v1")
    assert any("scaled to 28 nm" in a and "Stillmaker" in a for a in r.approximations)
    r45 = accelsim.simulate("lenet5", "systolic-32x32")
    assert not any("Stillmaker" in a for a in r45.approximations)
