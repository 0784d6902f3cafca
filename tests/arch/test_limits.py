"""Every number of a built arch has a physical range (arch/limits.py): sizes no chip has are one-line errors."""

from __future__ import annotations

import pytest

from accelsim.arch.limits import check_spec
from accelsim.errors import AccelsimError
from accelsim.registry import family_of, load_arch, preset_names

ONE_PER_FAMILY = {family_of(load_arch(p)).name: p for p in preset_names()}


@pytest.mark.parametrize("preset", preset_names())
def test_every_preset_is_within_range(preset):
    spec = load_arch(preset)
    assert check_spec(spec) is spec


@pytest.mark.parametrize("preset,key,value,needle", [
    ("tpu-v1", "memory.ifmap.capacity", "2TiB", r"ifmap\.capacity_bytes: must be at most 1 TiB"),
    ("systolic-32x32", "dram.bandwidth", "2000TB/s", r"dram\.bandwidth_bytes_per_s: must be at most 1 PB/s"),
    ("tpu-v1", "memory.ifmap.width_bits", 10**9, r"ifmap\.width_bits: must be at most 65,536 bits"),
    ("tpu-v1", "memory.ifmap.banks", 10**12, r"ifmap\.banks: must be at most 1e\+09"),
    ("eyeriss", "array.rows", 10**7, r"pe_rows: must be at most 1,000,000 per side"),
])
def test_out_of_range_is_a_one_line_error_naming_file_and_field(preset, key, value, needle):
    with pytest.raises(AccelsimError, match=needle) as e:
        load_arch(preset, {key: value})
    assert str(e.value).startswith(load_arch(preset).file.rsplit("/", 1)[-1] + ": ") and "\n" not in str(e.value)


def test_an_array_of_a_million_by_a_million_pes_is_refused():
    # the family's own checks may fire first on a YAML; the built spec is held by the PE bound regardless
    from dataclasses import replace
    spec = load_arch("tpu-v1")
    big = replace(spec, array=replace(spec.array, rows=10**6, cols=10**6))
    with pytest.raises(AccelsimError, match=r"^x\.yaml: array\.rows: 1000000 x 1000000 = 1e\+12 PEs; at most 1e\+08"):
        check_spec(big, "x.yaml")
