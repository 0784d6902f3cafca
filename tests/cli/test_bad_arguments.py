"""Every subcommand given bad input answers with one line and exit 2, never a traceback (issue 15's walk)."""

from __future__ import annotations

import sqlite3

import pytest

from accelsim.cli import main


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "s.db"
    assert main(["sweep", "--model", "lenet5", "--arch", "systolic-32x32", "--set", "pe=16x16,32x32", "--store",
                 str(db), "-q"]) == 0
    return db


def _bad_cases(tmp, store):
    yaml_dir = tmp / "y"
    yaml_dir.mkdir(exist_ok=True)
    (yaml_dir / "timeloop.yaml").write_text("architecture:\n  version: 0.4\n  nodes: []\n")
    (yaml_dir / "broken.yaml").write_text("name: [unclosed\n")
    (tmp / "notes.db").write_text("text\n")
    png = str(tmp / "p.png")
    return [
        ["simulate", "--arch", "nosuch", "--model", "lenet5"],
        ["simulate", "--arch", "tpu-v1", "--model", "nosuch"],
        ["simulate", "--arch", str(yaml_dir / "timeloop.yaml"), "--model", "lenet5"],
        ["simulate", "--arch", str(yaml_dir / "broken.yaml"), "--model", "lenet5"],
        ["simulate", "--arch", "tpu-v1", "--model", "lenet5", "--set", "array.rows=-3"],
        ["simulate", "--arch", "tpu-v1", "--model", "lenet5", "--set", "dram.bandwidth=10parsecs"],
        ["simulate", "--arch", "tpu-v1", "--model", "lenet5", "--prune", "magnitude:2"],
        ["simulate", "--arch", "eyeriss", "--model", "lenet5", "--compat", "scalesim"],
        ["simulate", "--arch", "eie", "--model", "alexnet"],
        ["lower", "--arch", "tpu-v1", "--model", "lenet5", "-o", str(tmp / "x.trace"), "--set", "nosuch.key=1"],
        ["run-trace", str(tmp / "missing.trace"), "--arch", "tpu-v1"],
        ["sweep", "--model", "lenet5", "--arch", "tpu-v1", "--set", "array.rowz=1,2", "--store", str(tmp / "z.db")],
        ["sweep", str(tmp / "nosuch.yaml"), "--store", str(tmp / "z2.db")],
        ["plot", "heatmap", "--store", str(store), "--x", "pe", "--y", "array.rows", "-o", png],
        ["plot", "heatmap", "--store", str(store), "--x", "array.rows", "--y", "array.cols", "--metric", "nope",
         "-o", png],
        ["plot", "sweep", "--store", str(tmp / "typo.db"), "-o", png],
        ["plot", "sweep", "--store", str(tmp / "notes.db"), "-o", png],
        ["plot", "dataflows", "--model", "vgg16", "-o", png],
        ["plot", "timeline", "--arch", "tpu-v1", "--model", "lenet5", "--layer", "nosuch", "-o", png],
        ["plot", "energy", "--arch", "tpu-v1", "-o", png],
        ["plot", "energy", "--arch", "tpu-v1", "--model", "lenet5", "-o", str(tmp / "p.txt")],
        ["compare", "--model", "lenet5", "--arch", "tpu-v1", "--pass", "nosuch:1"],
    ]


def test_every_bad_argument_is_one_line_and_exit_2(tmp_path, store, capsys):
    for argv in _bad_cases(tmp_path, store):
        code = main(argv)
        err = capsys.readouterr().err.strip()
        assert code == 2, f"{argv}: exit {code}"
        assert err.startswith("accelsim: error: ") and "\n" not in err and "Traceback" not in err, (argv, err)


def test_a_bad_store_is_left_as_it_was(tmp_path, store, capsys):
    rows = sqlite3.connect(store).execute("select count(*) from points").fetchone()[0]
    assert main(["plot", "sweep", "--store", str(tmp_path / "typo.db"), "-o", str(tmp_path / "p.png")]) == 2
    assert not (tmp_path / "typo.db").exists()
    assert sqlite3.connect(store).execute("select count(*) from points").fetchone()[0] == rows
