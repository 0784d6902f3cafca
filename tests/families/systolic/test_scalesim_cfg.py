"""SCALE-Sim .cfg files: the ones in models/scalesim load into valid arch specs; bad ones name section.option."""

from __future__ import annotations

from pathlib import Path

import pytest

from accelsim.registry import arch_from_dict
from accelsim.families.systolic.scalesim_cfg import load_scalesim_cfg, parse_scalesim_cfg
from accelsim.errors import AccelsimError

CONFIGS = Path(__file__).resolve().parents[3] / "models" / "scalesim"

GOOD = """\
[general]
run_name = t

[architecture_presets]
ArrayHeight:    8
ArrayWidth:     4
IfmapSramSzkB:   64
FilterSramSzkB:  32
OfmapSramSzkB:   16
IfmapOffset:    0
FilterOffset:   10000000
OfmapOffset:    20000000
Bandwidth : 10
Dataflow : ws

[run_presets]
InterfaceBandwidth: USER
"""


@pytest.mark.parametrize("name, rows, cols, dataflow, ifmap_kb",
                         [("scale.cfg", 32, 32, "ws", 64), ("google.cfg", 256, 256, "os", 6144),
                          ("eyeriss.cfg", 12, 14, "ws", 36)])
def test_shipped_configs_load(name, rows, cols, dataflow, ifmap_kb):
    spec = arch_from_dict(load_scalesim_cfg(CONFIGS / name), file=name)
    assert (spec.array.rows, spec.array.cols, spec.array.dataflow) == (rows, cols, dataflow)
    assert spec.ifmap.capacity_bytes == ifmap_kb * 1024   # SCALE-Sim: kB x 1024 one-byte words
    assert spec.clock_hz == 1e9
    assert spec.dram.bandwidth_bytes_per_s == 10e9         # Bandwidth 10 words/cycle x 1 B x 1 GHz


def test_values_in_scalesim_units(tmp_path):
    p = tmp_path / "t.cfg"
    p.write_text(GOOD.replace("Dataflow : ws", "Dataflow : IS"))
    d = load_scalesim_cfg(p)
    # USER mode: refills at the [layout] bank bandwidths (SCALE-Sim's 10 when absent), write-back at Bandwidth
    assert d["array"] == {"rows": 8, "cols": 4, "dataflow": "is", "mac_bits": 8, "scalesim_refill_words": [10, 10, 10]}
    assert d["memory"]["filter"]["capacity"] == 32 * 1024
    assert d["memory"]["ifmap"]["width_bits"] == 4 * 8     # IS streams filters by row, inputs by column
    assert "1 GHz" in d["notes"]


def test_user_mode_refill_bandwidths_come_from_layout_and_bandwidth(tmp_path):
    p = tmp_path / "t.cfg"
    p.write_text(GOOD.replace("Bandwidth : 10", "Bandwidth : 3") +
                 "\n[layout]\nIfmapSRAMBankBandwidth: 7\nFilterSRAMBankBandwidth: 5\n")
    spec = arch_from_dict(load_scalesim_cfg(p), file="t.cfg")
    assert spec.array.scalesim_refill_words == (7, 5, 3)
    p.write_text(GOOD.replace("USER", "CALC"))
    # CALC: SCALE-Sim's reads never stall (0), the ofmap drains ArrayWidth words/cycle
    assert arch_from_dict(load_scalesim_cfg(p), file="t.cfg").array.scalesim_refill_words == (0, 0, 4)


@pytest.mark.parametrize("value", [[10, 10], [10, 10, 0], [-1, 10, 10], "10"])
def test_bad_refill_bandwidths_name_the_field(tmp_path, value):
    p = tmp_path / "t.cfg"
    p.write_text(GOOD)
    d = load_scalesim_cfg(p)
    d["array"]["scalesim_refill_words"] = value
    with pytest.raises(AccelsimError, match="scalesim_refill_words"):
        arch_from_dict(d, file="t.cfg")


def test_calc_mode_without_bandwidth_is_said_in_notes(tmp_path):
    p = tmp_path / "t.cfg"
    p.write_text(GOOD.replace("Bandwidth : 10\n", "").replace("USER", "CALC"))
    d = load_scalesim_cfg(p)
    assert d["dram"]["bandwidth"] == (8 + 2 * 4) * 1e9
    assert "CALC mode and no Bandwidth" in d["notes"]


@pytest.mark.parametrize("edit, field, words", [
    (("ArrayHeight:    8", "ArrayHeight: 0"), "architecture_presets.ArrayHeight", ">= 1"),
    (("ArrayWidth:     4", "ArrayWidth: four"), "architecture_presets.ArrayWidth", "whole number"),
    (("Dataflow : ws", "Dataflow : rs"), "architecture_presets.Dataflow", "os, ws, is"),
    (("USER", "SOMETIMES"), "run_presets.InterfaceBandwidth", "USER or CALC"),
    (("Bandwidth : 10", "Bandwidth : 0"), "architecture_presets.Bandwidth", ">= 1"),
    (("Bandwidth : 10\n", ""), "architecture_presets.Bandwidth", "USER"),
    (("OfmapSramSzkB:   16\n", ""), "architecture_presets.OfmapSramSzkB", "missing"),
    (("Dataflow : ws", "Dataflow : ws\nArrayDepth: 3"), "architecture_presets.arraydepth", "ArrayHeight"),
    (("[run_presets]", "[runpresets]"), "runpresets", "allowed"),
])
def test_bad_cfg_names_section_and_option(tmp_path, edit, field, words):
    p = tmp_path / "bad.cfg"
    p.write_text(GOOD.replace(*edit))
    with pytest.raises(AccelsimError) as e:
        load_scalesim_cfg(p)
    assert e.value.file == "bad.cfg" and e.value.field == field
    assert words in e.value.message


def test_sparsity_is_refused(tmp_path):
    p = tmp_path / "s.cfg"
    p.write_text(GOOD + "\n[sparsity]\nSparsitySupport : true\n")
    with pytest.raises(AccelsimError, match="sparsity.SparsitySupport"):
        parse_scalesim_cfg(p)


def test_not_an_ini_file(tmp_path):
    p = tmp_path / "x.cfg"
    p.write_text("ArrayHeight = 8\n")
    with pytest.raises(AccelsimError, match="not a SCALE-Sim .cfg"):
        parse_scalesim_cfg(p)
    with pytest.raises(AccelsimError, match="cannot read"):
        parse_scalesim_cfg(tmp_path / "missing.cfg")
