"""Loading arch files (registry.load_arch, families/systolic/load.py): presets, overrides, one-line errors."""

from __future__ import annotations

import copy
import dataclasses

import pytest
import yaml

from accelsim.arch.overrides import parse_override
from accelsim.errors import AccelsimError
from accelsim.families.systolic import FAMILY as SYSTOLIC
from accelsim.registry import arch_from_dict, load_arch, preset_names
from accelsim.units import format_si

PRESETS_DIR = SYSTOLIC.presets


# ---- presets ---------------------------------------------------------------------------------

def test_preset_names():
    names = preset_names()
    assert "tpu-v1" in names and "systolic-32x32" in names
    assert names == sorted(names)


@pytest.mark.parametrize("name", preset_names())
def test_every_preset_loads_and_cites_a_source(name):
    spec = load_arch(name)
    # built by its own family's folder, whichever family that is
    assert type(spec).__module__ == f"accelsim.families.{spec.family}.spec"
    assert spec.name == name
    assert spec.source
    assert spec.file.endswith(name.replace("-", "_") + ".yaml")


def test_tpu_v1_matches_the_paper():
    # Jouppi et al., "In-Datacenter Performance Analysis of a Tensor Processing Unit", ISCA 2017,
    # section 2 and Table 2: 256x256 8-bit MACs at 700 MHz, 24 MiB Unified Buffer, 4 MiB
    # accumulators, 34 GB/s DDR3, peak 92 TOPS (2 ops per MAC).
    tpu = load_arch("tpu-v1")
    assert (tpu.array.rows, tpu.array.cols, tpu.array.mac_bits, tpu.array.dataflow) == (256, 256, 8, "ws")
    assert tpu.clock_hz == 700e6
    assert tpu.peak_macs_per_s * 2 == 256 * 256 * 700e6 * 2 == 91.7504e12
    assert format_si(tpu.peak_macs_per_s * 2, "OP/s") == "91.75 TOP/s"
    assert tpu.ifmap.capacity_bytes == 24 * 2**20 and tpu.ifmap.name == "unified_buffer"
    assert tpu.ofmap.capacity_bytes == 4 * 2**20 and tpu.ofmap.name == "accumulators"
    assert tpu.filter.capacity_bytes == 4 * 64 * 2**10          # four 64 KiB weight tiles
    assert tpu.ifmap.width_bytes == 256                         # 256-byte datapaths
    # Table 2: 34 GB/s; the DRAM preset's two DDR3-2133 x64 channels give 34.13 GB/s peak
    assert tpu.dram.bandwidth_bytes_per_s == pytest.approx(34e9, rel=0.005)
    assert tpu.dram.timing is not None and tpu.dram.timing.name == "tpu-v1-ddr3"
    assert tpu.keep_activations_on_chip is True
    assert tpu.energy.static_power_w == 28.0
    assert tpu.buffers == (tpu.ifmap, tpu.filter, tpu.ofmap)


def test_systolic_32x32_matches_scalesim_defaults():
    # SCALE-Sim v2 configs/scale.cfg: 32x32 array, 64 KiB ifmap/filter/ofmap SRAM, WS dataflow
    s = load_arch("systolic-32x32")
    assert (s.array.rows, s.array.cols, s.array.dataflow) == (32, 32, "ws")
    assert [b.capacity_bytes for b in s.buffers] == [64 * 1024] * 3
    assert s.keep_activations_on_chip is False
    assert s.peak_macs_per_s == 1024 * 1e9


def test_load_by_path_equals_load_by_name():
    by_name = load_arch("tpu-v1")
    by_path = load_arch(PRESETS_DIR / "tpu_v1.yaml")
    assert by_path == by_name
    assert load_arch(str(PRESETS_DIR / "tpu_v1.yaml")) == by_name


def test_specs_are_frozen_and_vary_by_replace():
    tpu = load_arch("tpu-v1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        tpu.clock_hz = 1.0  # type: ignore[misc]
    fast = dataclasses.replace(tpu, clock_hz=1e9)
    assert fast.peak_macs_per_s == 65536 * 1e9 and tpu.clock_hz == 700e6


def test_unknown_preset():
    with pytest.raises(AccelsimError) as e:
        load_arch("tpu-v9")
    assert "tpu-v9" in str(e.value) and "tpu-v1" in str(e.value)


# ---- overrides -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, key, value", [
    ("array.rows=128", "array.rows", 128),
    ("array.dataflow=os", "array.dataflow", "os"),
    ("clock=1GHz", "clock", "1GHz"),
    ("memory.ifmap.capacity = 8MiB", "memory.ifmap.capacity", "8MiB"),
    ("array.overlap_folds=false", "array.overlap_folds", False),
    ("energy.mac_pj=0.25", "energy.mac_pj", 0.25),
    ("name=a=b", "name", "a=b"),                      # only the first '=' splits
])
def test_parse_override(text, key, value):
    assert parse_override(text) == (key, value)


@pytest.mark.parametrize("bad", ["array.rows", "=5", " =5", "array.rows=[1, 2"])
def test_parse_override_bad(bad):
    with pytest.raises(AccelsimError) as e:
        parse_override(bad)
    assert "--set" in str(e.value)


def test_overrides_change_the_spec():
    sets = dict(parse_override(t) for t in ("array.rows=128", "array.dataflow=os", "clock=1GHz",
                                            "memory.ifmap.capacity=8MiB", "dram.preset=null", "dram.bandwidth=17GB/s",
                                            "energy.mac_pj=0.25"))
    spec = load_arch("tpu-v1", sets)
    assert spec.array.rows == 128 and spec.array.cols == 256
    assert spec.array.dataflow == "os"
    assert spec.clock_hz == 1e9
    assert spec.ifmap.capacity_bytes == 8 * 2**20
    assert spec.dram.bandwidth_bytes_per_s == 17e9
    assert spec.energy.mac_pj == 0.25
    assert spec.peak_macs_per_s == 128 * 256 * 1e9
    assert load_arch("tpu-v1").array.rows == 256      # the preset itself is untouched
    with pytest.raises(AccelsimError, match="dram.bandwidth: the DRAM preset 'tpu-v1-ddr3' sets the bandwidth"):
        load_arch("tpu-v1", {"dram.bandwidth": "17GB/s"})


def test_override_may_add_an_optional_block(tmp_path):
    raw = _base()
    del raw["energy"], raw["vector"]
    path = _write(tmp_path, raw)
    spec = load_arch(path, {"energy.vector_op_pj": 0.5, "vector.lanes": 8})
    assert spec.energy.vector_op_pj == 0.5
    assert spec.vector.lanes == 8
    assert load_arch(path).vector.lanes == 32          # defaults to the array's columns


@pytest.mark.parametrize("sets, message", [
    ({"array.rows": -1}, "tpu_v1.yaml: array.rows: must be >= 1, got -1"),
    ({"array.rows": 1.5}, "tpu_v1.yaml: array.rows: must be an integer >= 1, got 1.5"),
    ({"array.dataflow": "rs"}, "tpu_v1.yaml: array.dataflow: must be one of is, os, ws, got 'rs'"),
    ({"array.colums": 8}, "tpu_v1.yaml: array.colums: unknown key; allowed: "),
    ({"arrays.rows": 8}, "tpu_v1.yaml: arrays: unknown key; allowed: "),
    ({"array.rows.x": 8}, "tpu_v1.yaml: array.rows: no such field to override"),
    ({"clock": "fast"}, "tpu_v1.yaml: clock: cannot read 'fast' as a frequency"),
    ({"clock": 0}, "tpu_v1.yaml: clock: must be > 0, got 0"),
    ({"clock": float("nan")}, "tpu_v1.yaml: clock: a frequency must be finite"),
])
def test_bad_override_names_the_preset_and_field(sets, message):
    with pytest.raises(AccelsimError) as e:
        load_arch("tpu-v1", sets)
    assert str(e.value).startswith(message), str(e.value)


# ---- errors in user files --------------------------------------------------------------------

def _base() -> dict:
    return yaml.safe_load((PRESETS_DIR / "systolic_32x32.yaml").read_text())


def _write(tmp_path, raw, name="my_arch.yaml"):
    path = tmp_path / name
    path.write_text(raw if isinstance(raw, str) else yaml.safe_dump(raw))
    return path


def _edit(raw: dict, dotted: str, value) -> dict:
    raw = copy.deepcopy(raw)
    *parents, leaf = dotted.split(".")
    node = raw
    for p in parents:
        node = node[p]
    if value is _DELETE:
        del node[leaf]
    else:
        node[leaf] = value
    return raw


_DELETE = object()


def test_user_file_loads(tmp_path):
    spec = load_arch(_write(tmp_path, _base()))
    assert spec == dataclasses.replace(load_arch("systolic-32x32"), file=str(tmp_path / "my_arch.yaml"))


@pytest.mark.parametrize("dotted, value, field, words", [
    ("array.foo", 1, "array.foo", "unknown key; allowed: bank_conflicts, cols, compat, dataflow"),
    ("colour", "red", "colour", "unknown key"),
    ("memory.ifmap.size", "1KiB", "memory.ifmap.size", "unknown key"),
    ("memory.ifmap.capacity", "-4KiB", "memory.ifmap.capacity", "must be > 0, got '-4KiB'"),
    ("memory.filter.capacity", -4, "memory.filter.capacity", "must be > 0, got -4"),
    ("memory.ofmap.capacity", 0, "memory.ofmap.capacity", "must be > 0"),
    ("memory.ifmap.capacity", "64 KiBs", "memory.ifmap.capacity", "cannot read '64 KiBs' as a size"),
    ("memory.ifmap.capacity", "1.5B", "memory.ifmap.capacity", "whole number"),
    ("memory.ifmap.width_bits", 0, "memory.ifmap.width_bits", "must be >= 1"),
    ("memory.ifmap.banks", 0, "memory.ifmap.banks", "must be >= 1"),
    ("memory.ifmap.read_pj", -1.0, "memory.ifmap.read_pj", "must be >= 0"),
    ("memory.ifmap.double_buffered", "yes", "memory.ifmap.double_buffered", "true or false"),
    ("memory.ifmap", _DELETE, "memory.ifmap", "missing required key"),
    ("memory.ifmap", 65536, "memory.ifmap", "must be a mapping"),
    ("array.dataflow", "rs", "array.dataflow", "must be one of is, os, ws, got 'rs'"),
    ("array.rows", _DELETE, "array.rows", "missing required key"),
    ("array.rows", True, "array.rows", "integer"),
    ("family", "tpu", "family", "must be one of cambricon, cambricon_x, eie, eyeriss, fpga, systolic"),
    ("clock", "-1GHz", "clock", "must be > 0"),
    ("clock", "1GHz/s", "clock", "cannot read"),
    ("dram.bandwidth", "10GB", "dram.bandwidth", "as a bandwidth"),
    ("dram.bandwidth", "0GB/s", "dram.bandwidth", "must be > 0"),
    ("dram.latency", "-5ns", "dram.latency", "must be >= 0"),
    ("dram.energy_pj_per_byte", -1, "dram.energy_pj_per_byte", "must be >= 0"),
    ("dram.energy_pj_per_byte", ".nan", "dram.energy_pj_per_byte", "finite"),
    ("vector.lanes", 0, "vector.lanes", "must be >= 1"),
    ("energy.static_power_w", -0.1, "energy.static_power_w", "must be >= 0"),
    ("memory.keep_activations_on_chip", 1, "memory.keep_activations_on_chip", "true or false"),
    ("memory.filter.name", "ifmap_sram", "memory.filter.name", "already names memory.ifmap"),
    ("memory.ofmap.name", "acc buffer", "memory.ofmap.name", "one word"),
    ("memory.ofmap.name", "", "memory.ofmap.name", "one word"),
    ("memory.ifmap.name", "dram", "memory.ifmap.name", "off-chip"),
    # one 32x32 fold needs 32 B of ifmap, 32*32 B of filter and 32 x 4 B of partial sums in each of
    # the (default double-buffered) output buffer's two halves: 128 B would load but not lower
    ("memory.filter.capacity", "1000B", "memory.filter.capacity", "smaller than one 32x32 tile needs (1024 B)"),
    ("memory.ifmap.capacity", 31, "memory.ifmap.capacity", "(32 B)"),
    ("memory.ofmap.capacity", 255, "memory.ofmap.capacity", "(2 x 128 B = 256 B)"),
])
def test_bad_value_names_file_and_field(tmp_path, dotted, value, field, words):
    if value == ".nan":
        value = float("nan")
    path = _write(tmp_path, _edit(_base(), dotted, value))
    with pytest.raises(AccelsimError) as e:
        load_arch(path)
    msg = str(e.value)
    assert msg.startswith(f"my_arch.yaml: {field}: "), msg
    assert words in msg, msg
    assert "\n" not in msg
    assert (e.value.file, e.value.field) == ("my_arch.yaml", field)


def test_buffer_names_default_to_their_roles(tmp_path):
    raw = _base()
    for role in ("ifmap", "filter", "ofmap"):
        del raw["memory"][role]["name"]
    spec = load_arch(_write(tmp_path, raw))
    assert [b.name for b in spec.buffers] == ["ifmap", "filter", "ofmap"]


def test_minimum_tiles_pass_exactly(tmp_path):
    raw = _base()
    for role, size in (("ifmap", 32), ("filter", 1024), ("ofmap", 2 * 128)):
        raw = _edit(raw, f"memory.{role}.capacity", size)
    assert load_arch(_write(tmp_path, raw)).filter.capacity_bytes == 1024


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = _write(tmp_path, "name: x\nfamily: systolic\narray: {rows: 32, cols: 32\nclock: 1GHz\n")
    with pytest.raises(AccelsimError) as e:
        load_arch(path)
    msg = str(e.value)
    assert msg.startswith("my_arch.yaml: line "), msg
    assert "malformed YAML" in msg


def test_bad_indentation_names_the_line(tmp_path):
    path = _write(tmp_path, "name: x\nfamily: systolic\n  clock: 1GHz\n")
    with pytest.raises(AccelsimError, match=r"^my_arch\.yaml: line 3: malformed YAML"):
        load_arch(path)


@pytest.mark.parametrize("text, words", [
    ("", "must be a mapping, got NoneType"),
    ("- 1\n- 2\n", "must be a mapping, got list"),
    ("just a string\n", "must be a mapping, got str"),
])
def test_not_a_mapping(tmp_path, text, words):
    with pytest.raises(AccelsimError) as e:
        load_arch(_write(tmp_path, text))
    assert str(e.value) == f"my_arch.yaml: {words}"


def test_missing_file(tmp_path):
    with pytest.raises(AccelsimError) as e:
        load_arch(tmp_path / "absent.yaml")
    assert "absent.yaml" in str(e.value) and "cannot read" in str(e.value)


def test_binary_file(tmp_path):
    path = tmp_path / "blob.yaml"
    path.write_bytes(b"\xff\xfe\x00\x81binary")
    with pytest.raises(AccelsimError, match=r"^blob\.yaml: "):
        load_arch(path)


def test_arch_from_dict_gives_the_field_and_load_adds_the_file():
    with pytest.raises(AccelsimError) as e:
        arch_from_dict(_edit(_base(), "array.cols", 0))
    assert str(e.value) == "array.cols: must be >= 1, got 0"
