"""schema.read_yaml: parsed once per file version, a fresh copy per call, one-line errors."""

from __future__ import annotations

import os

import pytest

from accelsim.errors import AccelsimError
from accelsim.schema import read_yaml
from accelsim.workload import load_model


def test_copy_per_call_and_reread_when_the_file_changes(tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text("x: {y: 1}\n")
    first = read_yaml(f, "arch")
    first["x"]["y"] = 99  # the caller may change what it got (overrides do)
    assert read_yaml(f, "arch") == {"x": {"y": 1}}
    f.write_text("x: {y: 2}\n")
    st = f.stat()
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # a new version even on a coarse clock
    assert read_yaml(f, "arch") == {"x": {"y": 2}}


@pytest.mark.parametrize("content,needle", [
    (b"name: x\n  - bad: [\n", r"^m\.yaml: line 2: malformed YAML: mapping values are not allowed here$"),
    (bytes(range(128, 256)), r"^m\.yaml: not a text file \(expected model YAML\)$"),
])
def test_bad_model_files_are_one_line_errors(tmp_path, content, needle):
    f = tmp_path / "m.yaml"
    f.write_bytes(content)
    with pytest.raises(AccelsimError, match=needle):
        load_model(f)


def test_missing_file_names_the_path(tmp_path):
    with pytest.raises(AccelsimError, match="absent.yaml: cannot read sweep spec file: No such file"):
        read_yaml(tmp_path / "absent.yaml", "sweep spec")


# ---- adversarial YAML (issue 22): bounded before anything walks it ----------------------------------------

def _bomb(levels: int) -> str:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("text,needle", [
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", "malformed YAML|nested deeper"),
    ("a: " + "[" * 100 + "]" * 100 + "\n", r"arch file too large: nested deeper than 64 levels"),
    (_bomb(7), r"arch file too large: more than 2,000,000 nodes once aliases are expanded"),
])
def test_deep_and_alias_bombs_are_one_line_errors(tmp_path, text, needle):
    f = tmp_path / "evil.yaml"
    f.write_text(text)
    with pytest.raises(AccelsimError, match=needle) as e:
        read_yaml(f, "arch")
    assert str(e.value).startswith("evil.yaml: ") and "\n" not in str(e.value)


def test_a_few_aliases_still_load(tmp_path):
    f = tmp_path / "ok.yaml"
    f.write_text(_bomb(3))  # 9^3 = 729 leaves: an ordinary use of anchors
    assert len(read_yaml(f, "arch")["a2"]) == 9


@pytest.mark.parametrize("argv_value", ["[", "&a [*a]", "[" * 100 + "]" * 100])
def test_bad_set_values_are_one_line_errors(argv_value):
    from accelsim.arch.overrides import parse_override
    from accelsim.sweep.grid import points_from_flags
    with pytest.raises(AccelsimError, match=r"^--set array\.rows: cannot read value"):
        parse_override("array.rows=" + argv_value)
    if "," not in argv_value:
        with pytest.raises(AccelsimError, match=r"^--set array\.rows: cannot read value"):
            points_from_flags(["lenet5"], "tpu-v1", 1, ["array.rows=" + argv_value])
