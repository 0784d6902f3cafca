"""Moving the families behind the registry changed no result: every preset's LeNet-5 JSON equals the one
recorded before the move (provenance in goldens/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from accelsim import report
from accelsim.api import simulate

GOLDENS = sorted((Path(__file__).resolve().parent / "goldens").glob("*__lenet5.json"))


def test_every_built_in_family_has_a_golden():
    from accelsim.registry import family_of, load_arch, preset_names
    fams = {family_of(load_arch(p.name.split("__")[0])).name for p in GOLDENS}
    assert fams == {"systolic", "eyeriss", "fpga", "cambricon"}
    assert {p.name.split("__")[0] for p in GOLDENS} <= set(preset_names())


@pytest.mark.parametrize("golden", GOLDENS, ids=[p.name.split("__")[0] for p in GOLDENS])
def test_result_equals_the_recorded_golden(golden):
    arch = golden.name.split("__")[0]
    assert report.to_json(simulate("lenet5", arch)) + "\n" == golden.read_text()
