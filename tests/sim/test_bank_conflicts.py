"""Bank conflicts priced from the access pattern: zero when requests spread, ceil(n/ports)-1 when they pile up."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.api import simulate
from accelsim.arch.load import load_arch
from accelsim.kernels.sram_banks import bank_conflict_rows


@pytest.mark.parametrize("banks, ports", [(4, 1), (8, 2), (16, 1)])
def test_conflict_free_and_worst_case_patterns(banks, ports):
    line = 4
    spread = np.array([[k * line for k in range(banks)]], np.int64)           # one line in every bank
    assert bank_conflict_rows(spread, line, banks, ports).tolist() == [0]
    n = 6
    same_bank = np.array([[k * banks * line for k in range(n)] + [-1]], np.int64)  # n lines, all in bank 0
    assert bank_conflict_rows(same_bank, line, banks, ports).tolist() == [-(-n // ports) - 1]
    same_line = np.array([[0, 1, 2, 3]], np.int64)                              # one line: one access
    assert bank_conflict_rows(same_line, line, banks, ports).tolist() == [0]


def test_more_banks_never_cost_more_and_conflicts_add_compute_time():
    base = {"array.bank_conflicts": True}
    cycles = []
    for banks in (1, 4, 32):
        arch = load_arch("systolic-32x32", {**base, **{f"memory.{b}.banks": banks for b in ("ifmap", "filter", "ofmap")}})
        cycles.append(simulate("lenet5", arch).compute_cycles)
    assert cycles[0] >= cycles[1] >= cycles[2]
    assert cycles[0] > cycles[2]


def test_off_by_default():
    assert not load_arch("tpu-v1").array.bank_conflicts
