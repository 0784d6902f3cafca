"""Issue 22's seen-on-main list, as a user meets it on the command line: each is exit 2 and one line on stderr,
within seconds, and leaves nothing behind."""

from __future__ import annotations

import time

import pytest

from accelsim.cli import main


def _files(tmp):
    (tmp / "deep.yaml").write_text("a: " + "[" * 5000 + "]" * 5000 + "\n")
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 8)]
    (tmp / "bomb.yaml").write_text("\n".join(lines) + "\n")
    (tmp / "wide.yaml").write_text("name: wide\ninput: [3, 32, 32]\nlayers:\n"
                                   "  - {name: conv1, op: conv2d, out: 1000000000, kernel: 3}\n")
    (tmp / "notes.db").write_text("my notes\n")


CASES = [
    (["simulate", "--arch", "tpu-v1", "--model", "lenet5", "--set", "clock=1e30GHz"], "clock: must be at most 100 GHz"),
    (["simulate", "--arch", "{d}/deep.yaml", "--model", "lenet5"], "deep.yaml: arch file too large: nested deeper than 64 levels"),
    (["simulate", "--arch", "{d}/bomb.yaml", "--model", "lenet5"], "bomb.yaml: arch file too large"),
    (["simulate", "--arch", "tpu-v1", "--model", "{d}/wide.yaml"], "wide.yaml: layers[0].out: 1,000,000,000 is"),
    (["simulate", "--arch", "tpu-v1", "--model", "lenet5", "--batch", "1000000000000"], "--batch: must be at most"),
    (["simulate", "--arch", "systolic-32x32", "--model", "lenet5", "--set", "memory.ifmap.capacity=2TiB"],
     "ifmap.capacity_bytes: must be at most 1 TiB"),
    (["sweep", "--model", "lenet5", "--arch", "tpu-v1", "--store", "{d}/w.db", "--workers", "-2"],
     "--workers: must be an integer from 1 to 1024"),
    (["sweep", "--model", "lenet5", "--arch", "tpu-v1", "--store", "{d}/notes.db"], "not an SQLite file"),
    (["plot", "heatmap", "--store", "{d}/notes.db", "--x", "a", "--y", "b", "-o", "{d}/h.png"], "not an SQLite file"),
    (["plot", "energy", "--arch", "tpu-v1", "--model", "lenet5", "-o", "{d}/notes.db/x.png"], "is not a folder"),
    (["simulate", "--arch", "tpu-v1", "--model", "lenet5", "--set", "array.rows=["], "cannot read value"),
]


@pytest.mark.parametrize("argv,needle", CASES, ids=[" ".join(a[:2]) + f" #{i}" for i, (a, _) in enumerate(CASES)])
def test_issue_22_inputs_are_one_line_errors(tmp_path, capsys, argv, needle):
    _files(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    t0 = time.perf_counter()
    assert main([a.format(d=tmp_path) for a in argv]) == 2
    assert time.perf_counter() - t0 < 30
    err = capsys.readouterr().err.strip()
    assert err.startswith("accelsim: error: ") and needle in err and "\n" not in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "notes.db").read_text() == "my notes\n"
