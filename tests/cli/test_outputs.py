"""One rule for every file accelsim writes (accelsim.host): missing folders are created, unwritable targets are
refused before any work with one line, and one command writes all its outputs or none (issue 22)."""

from __future__ import annotations

import os

import pytest

from accelsim.cli import main
from accelsim.errors import AccelsimError
from accelsim.host import check_writable, write_all

RUN = ["simulate", "--arch", "systolic-32x32", "--model", "lenet5", "-q"]


@pytest.mark.parametrize("argv,made", [
    (RUN + ["--json", "{d}/a/r.json", "--csv", "{d}/b/c/r.csv", "--timeline", "{d}/t/t.json"],
     ["a/r.json", "b/c/r.csv", "t/t.json"]),
    (["plot", "energy", "--arch", "systolic-32x32", "--model", "lenet5", "-o", "{d}/fig/e.png"], ["fig/e.png"]),
    (["lower", "--arch", "systolic-32x32", "--model", "lenet5", "-o", "{d}/tr/l.trace"], ["tr/l.trace"]),
    (["sweep", "--model", "lenet5", "--arch", "systolic-32x32", "--store", "{d}/db/s.db", "--csv", "{d}/csv/s.csv",
      "-q"], ["db/s.db", "csv/s.csv"]),
    (RUN + ["--sram-traces", "{d}/sram/x"], ["sram/x/layer0/IFMAP_SRAM_TRACE.csv"]),
])
def test_every_writer_creates_missing_folders(tmp_path, argv, made):
    assert main([a.format(d=tmp_path) for a in argv]) == 0
    for rel in made:
        assert (tmp_path / rel).is_file(), rel
    assert not [p for p in tmp_path.rglob(".*") if p.is_file()]  # no temporary file left behind


@pytest.mark.parametrize("flag", ["--json", "--csv", "--timeline"])
def test_an_unwritable_output_is_refused_before_the_run_and_nothing_is_written(tmp_path, capsys, flag):
    (tmp_path / "afile").write_text("x")
    others = {"--json": tmp_path / "r.json", "--csv": tmp_path / "r.csv", "--timeline": tmp_path / "t.json"}
    argv = RUN + [x for f, p in others.items() for x in (f, str(tmp_path / "afile" / "x") if f == flag else str(p))]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"accelsim: error: {flag}: cannot write {tmp_path}/afile/x: {tmp_path}/afile is not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


@pytest.mark.parametrize("argv", [
    RUN + ["--json", "{d}/same", "--csv", "{d}/same"],
    ["lower", "--arch", "systolic-32x32", "--model", "lenet5", "-o", "{d}"],
    ["plot", "energy", "--arch", "systolic-32x32", "--model", "lenet5", "-o", "{d}/afile/e.png"],
    ["sweep", "--model", "lenet5", "--arch", "systolic-32x32", "--store", "{d}/afile/s.db", "-q"],
    RUN + ["--sram-traces", "{d}/afile"],
])
def test_bad_targets_are_one_line_errors(tmp_path, capsys, argv):
    (tmp_path / "afile").write_text("x")
    assert main([a.format(d=tmp_path) for a in argv]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("accelsim: error: ") and "\n" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_refused(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    with pytest.raises(AccelsimError, match="is not writable"):
        check_writable(ro / "x.json", "--json")


def test_write_all_writes_all_or_none(tmp_path):
    (tmp_path / "afile").write_text("x")
    with pytest.raises(AccelsimError, match="cannot write"):
        write_all([(tmp_path / "a.json", "{}"), (tmp_path / "afile" / "b.csv", "x,y\n")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]
    write_all([(tmp_path / "a.json", "{}"), (tmp_path / "b.bin", b"\x00")])
    assert (tmp_path / "a.json").read_text() == "{}" and (tmp_path / "b.bin").read_bytes() == b"\x00"


def test_the_rule_is_in_help(capsys):
    for argv in (["--help"], ["simulate", "--help"], ["plot", "--help"], ["sweep", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        out = " ".join(capsys.readouterr().out.split())
        assert "missing parent folders are created" in out and "refused before any work starts" in out, argv
