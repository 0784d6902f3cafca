"""Files that are not our stores (issue 22): refused with one line by sweep and plot, and never modified;
a store carries its schema version, and an older store is migrated."""

from __future__ import annotations

import sqlite3

import pytest

from accelsim.cli import main
from accelsim.errors import AccelsimError
from accelsim.sweep.db import COLUMNS, SCHEMA_VERSION, Store


def _text(p):
    p.write_text("my notes\n")


def _corrupt(p):
    p.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)


def _foreign(p):
    db = sqlite3.connect(p)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()


def _foreign_points(p):  # a table of the same name with other columns
    db = sqlite3.connect(p)
    db.execute("CREATE TABLE points (x, y)")
    db.commit()
    db.close()


def _newer(p):
    Store(p).close()
    db = sqlite3.connect(p)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.execute("PRAGMA journal_mode=DELETE")  # one file, so that "left as it was" covers every byte
    db.commit()
    db.close()


@pytest.mark.parametrize("make,needle", [
    (_text, "not an SQLite file"), (_corrupt, "corrupt SQLite"), (_foreign, "another program"),
    (_foreign_points, "another program"), (_newer, "written by a newer accelsim"),
])
def test_foreign_files_are_refused_and_left_as_they_were(tmp_path, capsys, make, needle):
    f = tmp_path / "notes.db"
    make(f)
    before, files = f.read_bytes(), sorted(tmp_path.iterdir())
    png = str(tmp_path / "p.png")
    for argv in (["sweep", "--model", "lenet5", "--arch", "systolic-32x32", "--store", str(f), "-q"],
                 ["plot", "heatmap", "--store", str(f), "--x", "a", "--y", "b", "-o", png],
                 ["plot", "sweep", "--store", str(f), "-o", png]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err.strip()
        assert err.startswith(f"accelsim: error: --store {f}: ") and needle in err and "\n" not in err, err
        assert f.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == files  # no -wal or -journal added, no figure


def test_a_store_carries_its_schema_version(tmp_path):
    f = tmp_path / "s.db"
    Store(f).close()
    db = sqlite3.connect(f)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_an_older_store_is_migrated(tmp_path):
    f = tmp_path / "old.db"
    db = sqlite3.connect(f)  # a store as the first accelsim wrote it: no version, fewer columns
    db.execute("CREATE TABLE points (id TEXT PRIMARY KEY, model TEXT, arch TEXT, batch INT, config TEXT, "
               "status TEXT, error TEXT, cycles INT, latency_s REAL, energy_pj REAL, metrics TEXT)")
    db.execute("INSERT INTO points (id, model, arch, batch, config, status, metrics) "
               "VALUES ('a', 'lenet5', 'tpu-v1', 1, '{}', 'ok', '{}')")
    db.commit()
    db.close()
    ro = Store(f, read_only=True)
    assert [r["id"] for r in ro.rows()] == ["a"] and "wall_s" not in ro.columns
    ro.close()
    s = Store(f)
    assert s.done() == {"a"} and s.columns == COLUMNS
    s.close()
    db = sqlite3.connect(f)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {r[1] for r in db.execute("PRAGMA table_info(points)")} == set(COLUMNS)


def test_a_folder_is_not_a_store(tmp_path):
    with pytest.raises(AccelsimError, match="not a regular file"):
        Store(tmp_path)
