"""A stored sweep row is reused only when every input is the same: editing the arch file or the model file
recomputes the point (it was once answered from the stale row), and each row says how to reproduce it."""

from __future__ import annotations

import sqlite3

import pytest

from accelsim import __version__
from accelsim.api import simulate
from accelsim.registry import load_arch, preset_path
from accelsim.sweep.db import Store
from accelsim.sweep.execute import run_sweep
from accelsim.sweep.grid import points_from_dict
from accelsim.workload.zoo import models_dir


def _sweep(arch, model, db):
    points = points_from_dict({"models": [str(model)], "arch": str(arch), "grid": {"array.dataflow": ["ws", "os"]}})
    store = Store(db)
    try:
        return {r["config"]["array.dataflow"]: r for r in run_sweep(points, store)}
    finally:
        store.close()


def test_editing_the_arch_file_recomputes_the_point(tmp_path):
    arch = tmp_path / "mine.yaml"
    text = preset_path("systolic-32x32").read_text()
    assert "clock: 1GHz" in text
    arch.write_text(text)
    db = tmp_path / "s.db"
    first = _sweep(arch, "lenet5", db)
    arch.write_text(text.replace("clock: 1GHz", "clock: 500MHz"))
    second = _sweep(arch, "lenet5", db)
    for df in ("ws", "os"):
        fresh = simulate("lenet5", load_arch(arch, {"array.dataflow": df}))
        assert second[df]["latency_s"] == pytest.approx(fresh.latency_s)
        assert second[df]["latency_s"] != pytest.approx(first[df]["latency_s"])
        assert second[df]["id"] != first[df]["id"]
        assert "clock_hz=500000000.0" in second[df]["arch_resolved"] and second[df]["version"] == __version__
    # one row per design point: the stale ones were replaced, not kept beside the new
    assert sqlite3.connect(db).execute("select count(*) from points").fetchone()[0] == 2


def test_editing_the_model_file_recomputes_the_point(tmp_path):
    model = tmp_path / "net.yaml"
    text = (models_dir() / "lenet5.yaml").read_text()
    model.write_text(text)
    db = tmp_path / "s.db"
    first = _sweep("systolic-32x32", model, db)
    assert "out: 500" in text
    model.write_text(text.replace("out: 500", "out: 800"))
    second = _sweep("systolic-32x32", model, db)
    assert second["ws"]["cycles"] != first["ws"]["cycles"]
    assert second["ws"]["cycles"] == simulate(model, "systolic-32x32").cycles


def test_an_unchanged_point_is_not_run_again(tmp_path):
    db = tmp_path / "s.db"
    first = _sweep("systolic-32x32", "lenet5", db)
    second = _sweep("systolic-32x32", "lenet5", db)
    assert {k: r["wall_s"] for k, r in first.items()} == {k: r["wall_s"] for k, r in second.items()}


def test_a_store_from_before_the_new_columns_opens_and_gains_them(tmp_path):
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE points (id TEXT PRIMARY KEY, model TEXT, arch TEXT, batch INT, config TEXT, "
                "status TEXT, error TEXT, cycles INT, latency_s REAL, energy_pj REAL, utilization REAL, "
                "dram_bytes INT, metrics TEXT, wall_s REAL)")
    con.commit()
    con.close()
    rows = _sweep("systolic-32x32", "lenet5", db)
    assert rows["ws"]["version"] == __version__


def test_plotting_opens_a_store_read_only_and_refuses_what_is_not_one(tmp_path):
    import subprocess
    import sys
    missing = tmp_path / "typo.db"
    p = subprocess.run([sys.executable, "-m", "accelsim.cli", "plot", "sweep", "--store", missing, "-o",
                        tmp_path / "x.png"], capture_output=True, text=True)
    assert p.returncode == 2 and "no such sweep store" in p.stderr and not missing.exists()
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n")
    p = subprocess.run([sys.executable, "-m", "accelsim.cli", "plot", "sweep", "--store", notes, "-o",
                        tmp_path / "x.png"], capture_output=True, text=True)
    assert p.returncode == 2 and "not an accelsim sweep store" in p.stderr and "Traceback" not in p.stderr
    assert notes.read_text() == "not a database\n"


def test_swept_values_with_units_are_also_stored_parsed(tmp_path):
    import csv
    import io
    points = points_from_dict({"models": ["lenet5"], "arch": "systolic-32x32",
                               "grid": {"dram.bandwidth": ["5GB/s", "10Gb/s"], "memory.ifmap.capacity": ["32KiB"]}})
    store = Store(tmp_path / "s.db")
    try:
        run_sweep(points, store)
        rows = list(csv.DictReader(io.StringIO(store.to_csv())))
    finally:
        store.close()
    got = {r["dram.bandwidth"]: float(r["dram.bandwidth_bytes_per_s"]) for r in rows}
    assert got == {"5GB/s": 5e9, "10Gb/s": 1.25e9}  # a lowercase b is a bit
    assert {float(r["memory.ifmap.capacity_bytes"]) for r in rows} == {32768.0}
    assert {r["version"] for r in rows} == {__version__}
