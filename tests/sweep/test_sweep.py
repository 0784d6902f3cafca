"""Sweeps: specs, the resumable store, executors that agree, failures recorded, Pareto fronts."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from accelsim.registry import load_arch
from accelsim.errors import AccelsimError
from accelsim.sweep.db import Store
from accelsim.sweep.execute import pareto_front, run_point, run_sweep
from accelsim.sweep.grid import load_sweep, points_from_dict, points_from_flags

SPEC = {"models": ["lenet5"], "arch": "systolic-32x32",
        "grid": {"pe": ["8x8", "16x16"], "memory.ifmap.capacity": ["16KiB", "64KiB"]}}


def _metrics(rows):
    return sorted((r["id"], r["status"], r["cycles"], r["energy_pj"]) for r in rows)


def test_grid_and_random_points():
    pts = points_from_dict({**SPEC, "random": {"n": 3, "seed": 1, "space": {"dram.bandwidth": ["5GB/s", "20GB/s"]}}})
    assert len({p.id for p in pts}) == len(pts) >= 5
    assert dict(pts[0].overrides)["array.rows"] == 8 and dict(pts[0].overrides)["array.cols"] == 8
    again = points_from_dict({**SPEC, "random": {"n": 3, "seed": 1, "space": {"dram.bandwidth": ["5GB/s", "20GB/s"]}}})
    assert [p.id for p in pts] == [p.id for p in again]  # deterministic
    flags = points_from_flags(["lenet5"], "systolic-32x32", 1, ["pe=8x8,16x16", "memory.ifmap.capacity=16KiB,64KiB"])
    assert {p.id for p in flags} == {p.id for p in points_from_dict(SPEC)}


@pytest.mark.parametrize("raw,needle", [
    ({"arch": "tpu-v1"}, "missing"),
    ({**SPEC, "grid": {"pe": ["8by8"]}}, "grid: must be ROWSxCOLS"),
    ({**SPEC, "grid": {"array.rows": []}}, "grid.array.rows: must be a non-empty list"),
    ({**SPEC, "random": {"n": 0, "space": {"x": [1]}}}, "random.n"),
])
def test_bad_spec(raw, needle, tmp_path):
    import yaml
    f = tmp_path / "sweep.yaml"
    f.write_text(yaml.safe_dump(raw))
    with pytest.raises(AccelsimError, match=needle) as e:
        load_sweep(f)
    assert str(e.value).startswith("sweep.yaml: ")


def test_failing_point_is_recorded_and_the_sweep_goes_on(tmp_path):
    pts = points_from_dict({**SPEC, "grid": {"memory.ofmap.capacity": ["64B", "64KiB"]}})
    store = Store(tmp_path / "s.db")
    rows = run_sweep(pts, store)
    by = {r["config"]["memory.ofmap.capacity"]: r for r in rows}
    assert by["64B"]["status"] == "error" and "memory.ofmap.capacity" in by["64B"]["error"]
    assert by["64KiB"]["status"] == "ok" and by["64KiB"]["cycles"] > 0


def test_pool_equals_in_process(tmp_path):
    pts = points_from_dict(SPEC)
    a = run_sweep(pts, Store(tmp_path / "a.db"))
    b = run_sweep(pts, Store(tmp_path / "b.db"), workers=2)
    assert _metrics(a) == _metrics(b) and len(a) == 4


def test_dask_local_cluster_equals_in_process(tmp_path):
    distributed = pytest.importorskip("distributed")
    pts = points_from_dict(SPEC)
    a = run_sweep(pts, Store(tmp_path / "a.db"))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c, \
            distributed.Client(c) as client:
        b = run_sweep(pts, Store(tmp_path / "b.db"), scheduler=client)
    assert _metrics(a) == _metrics(b)


def test_killed_sweep_resumes_and_loses_nothing(tmp_path):
    db = tmp_path / "s.db"
    # big enough (ResNet-18, 30 points) that the poll sees it half-way: a point takes tens of ms
    sets = ["pe=16x16,24x24,32x32,48x48,64x64", "array.dataflow=ws,os,is", "memory.ifmap.capacity=32KiB,64KiB"]
    args = [sys.executable, "-m", "accelsim.cli", "sweep", "--model", "resnet18", "--arch", "systolic-32x32",
            *[x for s in sets for x in ("--set", s)], "--store", str(db), "-q"]
    p = subprocess.Popen(args)
    deadline = time.time() + 120
    n = 0
    while time.time() < deadline and p.poll() is None:
        time.sleep(0.02)
        if db.exists():
            try:
                n = sqlite3.connect(db).execute("SELECT COUNT(*) FROM points").fetchone()[0]
            except sqlite3.OperationalError:
                n = 0
            if n >= 3:
                break
    p.send_signal(signal.SIGKILL)
    p.wait()
    partial = {r["id"] for r in Store(db).rows()}
    assert 3 <= len(partial) < 30 or p.returncode == 0
    assert subprocess.run(args, timeout=300).returncode == 0
    rows = Store(db).rows()
    assert len(rows) == 30 and partial <= {r["id"] for r in rows}
    fresh = run_sweep(points_from_flags(["resnet18"], "systolic-32x32", 1, sets), Store(tmp_path / "fresh.db"))
    assert _metrics(rows) == _metrics(fresh)


def test_pareto_front_by_hand():
    rows = [{"latency_s": 1, "energy_pj": 5}, {"latency_s": 2, "energy_pj": 3}, {"latency_s": 3, "energy_pj": 4},
            {"latency_s": 4, "energy_pj": 1}, {"latency_s": 2, "energy_pj": 6}]
    assert [(r["latency_s"], r["energy_pj"]) for r in pareto_front(rows)] == [(1, 5), (2, 3), (4, 1)]


def test_run_point_row():
    row = run_point(points_from_dict(SPEC)[0])
    assert row["status"] == "ok" and row["metrics"]["cycles"] == row["cycles"]


def test_store_exports(tmp_path):
    store = Store(tmp_path / "s.db")
    run_sweep(points_from_dict(SPEC), store)
    text = store.to_csv()
    assert text.splitlines()[0].startswith("id,model,arch,batch,array.cols,array.rows,memory.ifmap.capacity")
    pd = pytest.importorskip("pandas")
    df = store.to_dataframe()
    assert isinstance(df, pd.DataFrame) and len(df) == 4


def test_compression_keys_sweep_like_arch_fields(tmp_path):
    from accelsim.api import simulate
    pts = points_from_dict({"models": ["lenet5"], "arch": "systolic-32x32",
                            "grid": {"quantize": ["none", "w4a8"], "prune": ["none", "channel:0.5"],
                                     "pe": ["8x8"]}})
    rows = {(r["config"]["quantize"], r["config"]["prune"]): r for r in run_sweep(pts, Store(tmp_path / "c.db"))}
    assert len(rows) == 4 and all(r["status"] == "ok" for r in rows.values())
    arch = load_arch("systolic-32x32", {"array.rows": 8, "array.cols": 8})
    # passes run in the pipeline order (prune before quantize), whatever the spec's key order
    both = simulate("lenet5", arch, passes=("channel:0.5", "w4a8"))
    assert rows[("w4a8", "channel:0.5")]["cycles"] == both.cycles
    assert rows[(None, None)]["cycles"] == simulate("lenet5", arch).cycles
    assert rows[("w4a8", None)]["cycles"] != rows[(None, None)]["cycles"]


@pytest.mark.parametrize("key,value,needle", [("quantize", "w3a9", "grid.quantize: bit width"),
                                              ("prune", "w4a8", "grid.prune"),
                                              ("block-conv", "7x", "grid.block-conv")])
def test_bad_compression_value(key, value, needle):
    with pytest.raises(AccelsimError, match=needle):
        points_from_dict({"models": ["lenet5"], "arch": "systolic-32x32", "grid": {key: [value]}})


@pytest.mark.parametrize("grid,random_space,needle", [
    ({"arrayy.rows": [8, 16]}, None, r"^grid\.arrayy\.rows: unknown key arrayy; allowed: array, "),
    ({"array.rowz": [8]}, None, r"^grid\.array\.rowz: unknown key array\.rowz; allowed: bank_conflicts, "),
    (None, {"memory.ifmap.capacit": ["16KiB"]}, r"^random\.space\.memory\.ifmap\.capacit: unknown key"),
])
def test_a_misspelt_arch_key_fails_the_spec_not_every_point(grid, random_space, needle):
    raw = {"models": ["lenet5"], "arch": "systolic-32x32"}
    if grid:
        raw["grid"] = grid
    if random_space:
        raw["random"] = {"n": 2, "space": random_space}
    with pytest.raises(AccelsimError, match=needle):
        points_from_dict(raw)


def test_an_unknown_base_arch_fails_the_spec(tmp_path):
    with pytest.raises(AccelsimError, match=r"^arch: unknown arch 'systolic-32x33'; presets: "):
        points_from_dict({"models": ["lenet5"], "arch": "systolic-32x33"})
    broken = tmp_path / "mine.yaml"
    broken.write_text("name: x\n  - bad: [\n")
    with pytest.raises(AccelsimError, match=r"mine\.yaml: line 2: malformed YAML"):
        points_from_dict({"models": ["lenet5"], "arch": str(broken), "grid": {"pe": ["8x8"]}})


@pytest.mark.parametrize("spec", [
    {"models": ["alexnet"], "arch": "eyeriss", "grid": {"glb.capacity": ["54KiB", "100KiB", "200KiB"]}},
    {"models": ["alexnet"], "arch": "qiu16-zc706", "grid": {"axi.ports": [1, 2]}},
])
def test_other_families_sweep_alike_in_process_and_pool(tmp_path, spec):
    pts = points_from_dict(spec)
    a = run_sweep(pts, Store(tmp_path / "a.db"))
    b = run_sweep(pts, Store(tmp_path / "b.db"), workers=2)
    assert _metrics(a) == _metrics(b) and all(r["status"] == "ok" for r in a)
    # the swept field changes the result (the point is not silently the base arch)
    assert len({r["cycles"] for r in a}) > 1
