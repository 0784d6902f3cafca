"""Shared work between runs gives what separate runs give: one core run priced with several energy tables,
one assembled program timed with and without free control."""

from __future__ import annotations

import dataclasses

import pytest

from accelsim.families.cambricon.run import run_cambricon, run_cambricon_control, run_cambricon_energies
from accelsim.registry import load_arch
from accelsim.workload import load_model


@pytest.mark.parametrize("preset", ["diannao", "cambricon"])
def test_energies_match_a_run_per_table(preset):
    spec = load_arch(preset)
    e = spec.energy
    tables = (e, dataclasses.replace(e, sram_pj_per_byte={k: v * 1.25 for k, v in e.sram_pj_per_byte.items()}),
              dataclasses.replace(e, mult_pj=e.mult_pj * 0.5, static_power_w=e.static_power_w + 0.1))
    net = load_model("lenet5")
    got = run_cambricon_energies(net, spec, tables)
    assert len(got) == len(tables)
    for table, run in zip(tables, got):
        want = run_cambricon(net, dataclasses.replace(spec, energy=table))
        assert run == want
    assert got[0].result.total_energy_pj != got[1].result.total_energy_pj  # the tables did price differently


def test_control_pair_matches_two_runs():
    spec = load_arch("cambricon")
    net = load_model("lenet5")
    isa, fixed = run_cambricon_control(net, spec)
    assert isa == run_cambricon(net, spec)
    assert fixed == run_cambricon(net, spec, free_control=True)
    assert fixed.result.cycles < isa.result.cycles  # free control did change the timing
