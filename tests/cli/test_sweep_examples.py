"""The sweep specs shipped inside the package: found by name from any folder, a bad name refused with the list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from accelsim.sweep.grid import example_names, example_path, load_sweep


def accelsim(*args, cwd):
    return subprocess.run([sys.executable, "-m", "accelsim.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_examples_ship_inside_the_package():
    import accelsim
    assert "resnet18-200" in example_names()
    path = example_path("resnet18-200")
    assert path.is_relative_to(Path(accelsim.__file__).parent)
    assert len(load_sweep(path)) == 200


def test_bad_example_is_one_line_exit_2(tmp_path):
    p = accelsim("sweep", "--example", "nope", "--store", tmp_path / "s.db", cwd=tmp_path)
    assert p.returncode == 2 and p.stderr.count("\n") == 1
    assert "--example: must be one of resnet18-200, got 'nope'" in p.stderr
    p = accelsim("sweep", "x.yaml", "--example", "resnet18-200", "--store", tmp_path / "s.db", cwd=tmp_path)
    assert p.returncode == 2 and "not allowed with" in p.stderr

