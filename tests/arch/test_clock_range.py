"""Every family reads its clock through one rule: above 0 and at most 100 GHz (1e30GHz once reached a Numba
kernel and died with an integer overflow)."""

from __future__ import annotations

import pytest

from accelsim.errors import AccelsimError
from accelsim.registry import family_of, load_arch, preset_names

ONE_PER_FAMILY = {family_of(load_arch(p)).name: p for p in preset_names()}


@pytest.mark.parametrize("preset", sorted(ONE_PER_FAMILY.values()))
@pytest.mark.parametrize("clock,needle", [("1e30GHz", "at most 100 GHz"), ("101GHz", "at most 100 GHz"),
                                          (0, "must be > 0"), ("-5MHz", "must be > 0"), ("fast", "cannot read")])
def test_clock_out_of_range_is_a_one_line_error(preset, clock, needle):
    with pytest.raises(AccelsimError, match=needle) as e:
        load_arch(preset, {"clock": clock})
    assert str(e.value).split(": ")[1] == "clock" and "\n" not in str(e.value)


@pytest.mark.parametrize("preset", sorted(ONE_PER_FAMILY.values()))
def test_a_real_clock_still_loads(preset):
    assert load_arch(preset, {"clock": "100GHz"}).clock_hz == 100e9
