"""arch/dram.py: DRAM presets load, cite their sources, and bad fields name the file and the field."""

from __future__ import annotations

import copy

import pytest
import yaml

from accelsim.arch.dram import (PRESETS_DIR, DramTimingSpec, dram_from_dict, idd_energy, load_dram,
                                normalize_mapping, preset_names)
from accelsim.errors import AccelsimError

# Data-bus peaks, from each preset's cited part (channels x bus bytes x 2 transfers per clock):
#   DDR4-2400 x64: 8 B x 2400 MT/s = 19.2 GB/s (the figure; JESD79-4 speed bin)
#   DDR3-1600 x64: 8 B x 1600 MT/s = 12.8 GB/s (JESD79-3F speed bin)
#   LPDDR4-3200, two x16 channels: 2 x 2 B x 3200 MT/s = 12.8 GB/s (JESD209-4)
#   HBM2 stack: 8 x 16 B x 2000 MT/s = 256 GB/s (JESD235A, 2 Gb/s per pin)
#   TPU v1: 34 GB/s (Jouppi et al., ISCA 2017, Table 2)
PEAK_GBPS = {"ddr4-2400-x64": 19.2, "ddr3-1600-x64": 12.8, "lpddr4-3200": 12.8, "hbm2": 256.0,
             "tpu-v1-ddr3": 34.0}


def _raw(name: str) -> dict:
    return yaml.safe_load((PRESETS_DIR / f"{name.replace('-', '_')}.yaml").read_text())


def test_the_five_presets_exist():
    assert set(PEAK_GBPS) <= set(preset_names())
    assert preset_names() == sorted(preset_names())


@pytest.mark.parametrize("name", sorted(PEAK_GBPS))
def test_preset_loads_with_its_peak(name):
    spec = load_dram(name)
    assert isinstance(spec, DramTimingSpec) and spec.name == name
    # 0.5 %: TPU v1's 34 GB/s is the paper's rounding of 2 x 8 B x 2133 MT/s = 34.1 GB/s
    assert spec.peak_bytes_per_s / 1e9 == pytest.approx(PEAK_GBPS[name], rel=5e-3)
    assert spec.burst_bytes == spec.bus_width_bits // 8 * spec.burst_length
    assert spec.tRC >= spec.tRAS >= spec.tRCD and spec.tREFI > spec.tRFC
    for pj in (spec.activate_pj, spec.read_burst_pj, spec.write_burst_pj, spec.refresh_pj, spec.rank_background_mw):
        assert pj > 0


@pytest.mark.parametrize("name", sorted(PEAK_GBPS))
def test_every_block_cites_a_source(name):
    raw = _raw(name)
    assert raw["source"]
    for block in ("organisation", "timing", "controller", "energy"):
        assert raw[block].get("source"), f"{name}: {block} has no source"
    if "idd" in raw["energy"]:
        assert raw["energy"]["idd"].get("source")


def test_tpu_v1_says_its_organisation_is_assumed():
    raw = _raw("tpu-v1-ddr3")
    assert "assumed" in raw["organisation"]["source"]


def test_idd_energies_follow_the_tn41_formulas():
    # recomputed here from the preset's currents (Micron TN-41-01, as DRAMSim3 applies it)
    raw = _raw("ddr4-2400-x64")
    idd, t = raw["energy"]["idd"], raw["timing"]
    spec = load_dram("ddr4-2400-x64")
    n, v, tck = idd["devices_per_rank"], idd["vdd_v"], t["tCK_ns"]
    act = v * (idd["idd0_ma"] * t["tRC"] - idd["idd3n_ma"] * t["tRAS"] - idd["idd2n_ma"] * (t["tRC"] - t["tRAS"])) * tck * n
    assert spec.activate_pj == pytest.approx(act)
    assert spec.read_burst_pj == pytest.approx(v * (idd["idd4r_ma"] - idd["idd3n_ma"]) * 4 * tck * n)
    assert spec.refresh_pj == pytest.approx(v * (idd["idd5b_ma"] - idd["idd3n_ma"]) * t["tRFC"] * tck * n)
    assert spec.rank_background_mw == pytest.approx(v * idd["idd3n_ma"] * n)
    assert idd_energy({**idd}, tck, t, 4)["write_burst_pj"] == pytest.approx(spec.write_burst_pj)


def test_direct_energy_overrides_the_idd_figure():
    spec = load_dram("ddr4-2400-x64", {"energy.read_burst_pj": 1000.0})
    assert spec.read_burst_pj == 1000.0
    assert spec.activate_pj == load_dram("ddr4-2400-x64").activate_pj


def test_overrides_are_checked_like_the_file():
    assert load_dram("ddr4-2400-x64", {"timing.tRCD": 18}).tRCD == 18
    assert load_dram("ddr4-2400-x64", {"controller.page_policy": "closed"}).page_policy == "closed"
    with pytest.raises(AccelsimError, match=r"ddr4_2400_x64.yaml: timing.tRDC: unknown key"):
        load_dram("ddr4-2400-x64", {"timing.tRDC": 18})


def test_address_mappings():
    assert normalize_mapping("row:bank:col") == ("row", "rank", "bank", "bank_group", "col", "channel")
    assert normalize_mapping("row:col:bank") == ("row", "col", "rank", "bank", "bank_group", "channel")
    assert normalize_mapping("bank:row:col") == ("rank", "bank", "bank_group", "row", "col", "channel")
    assert normalize_mapping("row:bank:col:bank_group")[-3:] == ("col", "bank_group", "channel")
    for bad in ("row:col", "row:bank:col:bank", "row:bnk:col", "", 3):
        with pytest.raises(AccelsimError, match="address_mapping"):
            normalize_mapping(bad)


# ---- bad files: one line naming the file and the field -------------------------------------------

BAD = [
    ("organisation.ranks", 0, "organisation.ranks: must be >= 1"),
    ("organisation.burst_length", 3, "organisation.burst_length"),
    ("organisation.banks", 4, "organisation.banks: unknown key"),
    ("timing.tRCD", -1, "timing.tRCD: must be >= 0"),
    ("timing.tRC", 10, "timing.tRC: must be >= tRAS"),
    ("timing.tREFI", 100, "timing.tREFI: must be > tRFC"),
    ("timing.tCK_ns", 0, "timing.tCK_ns: must be > 0"),
    ("timing.tRRD_L", 1, "timing.tRRD_L: must be >= tRRD_S"),
    ("controller.page_policy", "adaptive", "controller.page_policy: must be one of closed, open"),
    ("controller.address_mapping", "row:col", "controller.address_mapping: must place 'bank'"),
    ("controller.scheduler", "fcfs", "controller.scheduler: unknown key"),
    ("energy.idd.idd4r_ma", 1, "energy.idd.idd4r_ma: must be >= idd3n_ma"),
    ("energy.read_pj", 1, "energy.read_pj: unknown key"),
]


@pytest.mark.parametrize("key,value,message", BAD, ids=[b[0] for b in BAD])
def test_bad_field_names_file_and_field(tmp_path, key, value, message):
    raw = _raw("ddr4-2400-x64")
    node = raw
    *path, leaf = key.split(".")
    for part in path:
        node = node[part]
    node[leaf] = value
    f = tmp_path / "my_dram.yaml"
    f.write_text(yaml.safe_dump(raw))
    with pytest.raises(AccelsimError) as e:
        load_dram(f)
    assert str(e.value).startswith("my_dram.yaml: ")
    assert message in str(e.value)


def test_missing_block_and_missing_energy(tmp_path):
    raw = _raw("ddr4-2400-x64")
    no_timing = copy.deepcopy(raw)
    del no_timing["timing"]
    with pytest.raises(AccelsimError, match="^timing: missing required key"):
        dram_from_dict(no_timing)
    no_energy = copy.deepcopy(raw)
    no_energy["energy"] = {"activate_pj": 1.0}
    with pytest.raises(AccelsimError, match="energy.read_burst_pj: missing"):
        dram_from_dict(no_energy)
    with pytest.raises(AccelsimError, match="^dram.timing: missing"):
        dram_from_dict(no_timing, prefix="dram")


def test_unknown_preset_and_unreadable_file(tmp_path):
    with pytest.raises(AccelsimError, match="unknown DRAM 'ddr9'.*ddr4-2400-x64"):
        load_dram("ddr9")
    bad = tmp_path / "broken.yaml"
    bad.write_text("name: [unclosed\n")
    with pytest.raises(AccelsimError, match="^broken.yaml: line .*malformed YAML"):
        load_dram(bad)
