"""The 45 nm energy table (Horowitz ISSCC 2014; REFERENCES.md section 5.1) and its extension rules."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accelsim.energy import table


def test_published_points():
    assert table.mult_pj(8, 8) == pytest.approx(0.2)
    assert table.mult_pj(32, 32) == pytest.approx(3.1, rel=0.04)  # quadratic rule: 3.2, 3% over
    assert table.add_pj(8) == pytest.approx(0.03)
    assert table.add_pj(32) == pytest.approx(0.1)
    for kib, pj in ((8, 10), (32, 20), (1024, 100)):
        assert table.sram_pj(kib * 1024, 64) == pytest.approx(pj)
    assert table.DRAM_PJ_PER_BYTE * 8 == pytest.approx(1300)


def test_tpu_paper_ratio():
    # TPU paper section 1 (citing Dally): 8-bit int multiply ~6x cheaper than FP16 (1.1 pJ)
    assert 1.1 / table.mult_pj(8, 8) == pytest.approx(5.5)


@given(st.integers(1, 1 << 30), st.integers(1, 1 << 30), st.sampled_from([8, 64, 256, 2048]))
def test_sram_monotone_and_width_linear(a, b, w):
    lo, hi = sorted((a, b))
    assert table.sram_pj(lo, w) <= table.sram_pj(hi, w) * (1 + 1e-12)
    assert math.isclose(table.sram_pj(lo, 2 * w), 2 * table.sram_pj(lo, w))


def test_mac_energy_grows_with_bits():
    assert table.mac_pj(1, 1, 16) < table.mac_pj(4, 8, 32) < table.mac_pj(8, 8, 32) < table.mac_pj(16, 16, 32)
