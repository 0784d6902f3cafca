"""SRAM access energy between the published points, and leakage from the table's stated per-KiB assumption."""

from __future__ import annotations

import math

import pytest

from accelsim.api import simulate
from accelsim.registry import load_arch
from accelsim.energy import price, table
from accelsim.errors import AccelsimError

POINTS = ((8 * 1024, 10.0), (32 * 1024, 20.0), (1024 * 1024, 100.0))  # REFERENCES.md 5.1 (HOR-MEM)


@pytest.mark.parametrize("lo, hi", [(0, 1), (1, 2)])
@pytest.mark.parametrize("frac", [0.25, 0.5, 0.8])
def test_access_energy_is_log_log_linear_between_the_points(lo, hi, frac):
    (c0, e0), (c1, e1) = POINTS[lo], POINTS[hi]
    cap = c0 * (c1 / c0) ** frac
    assert table.sram_pj(cap, 64) == pytest.approx(e0 * (e1 / e0) ** frac)
    assert table.sram_pj(cap, 512) == pytest.approx(8 * e0 * (e1 / e0) ** frac)


def test_banks_price_an_access_at_the_bank_size_and_overrides_win():
    arch = load_arch("systolic-32x32", {"memory.ifmap.banks": 8})   # 64 KiB in 8 banks of 8 KiB
    assert price.buffer_access_pj(arch.ifmap, False) == pytest.approx(10.0 * arch.ifmap.width_bits / 64)
    arch = load_arch("systolic-32x32", {"memory.ifmap.read_pj": 1.5, "memory.ifmap.write_pj": 2.5})
    assert (price.buffer_access_pj(arch.ifmap, False), price.buffer_access_pj(arch.ifmap, True)) == (1.5, 2.5)


def test_leakage_figure_follows_its_stated_assumption():
    # 1 nA per bit cell at 0.9 V (energy/table.py): 8192 bits a KiB
    assert table.SRAM_LEAKAGE_MW_PER_KIB == pytest.approx(8192 * 1e-9 * 0.9 * 1e3)
    assert table.sram_leakage_mw(1 << 20) == pytest.approx(1024 * table.SRAM_LEAKAGE_MW_PER_KIB)


def test_leakage_table_is_charged_over_the_run_per_buffer():
    arch = load_arch("systolic-32x32", {"memory.ifmap.leakage_mw": "table", "memory.filter.leakage_mw": 0.5})
    assert arch.ifmap.leakage_mw is None and arch.ofmap.leakage_mw == 0.0
    r = simulate("lenet5", arch)
    mw = table.sram_leakage_mw(arch.ifmap.capacity_bytes) + 0.5
    assert r.energy_pj["leakage"] == pytest.approx(mw * 1e-3 * r.cycles / arch.clock_hz * 1e12)
    assert math.isclose(sum(l.energy_pj["leakage"] for l in r.layers), r.energy_pj["leakage"])
    # leakage is its own component: everything else is what the run without it costs
    plain = simulate("lenet5", "systolic-32x32")
    assert r.total_energy_pj - r.energy_pj["leakage"] == pytest.approx(plain.total_energy_pj)


def test_leakage_value_is_validated():
    with pytest.raises(AccelsimError) as e:
        load_arch("systolic-32x32", {"memory.ofmap.leakage_mw": "cacti"})
    assert e.value.field == "memory.ofmap.leakage_mw"
