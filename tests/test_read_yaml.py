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
