"""The determinism contract: the same inputs give byte-identical results, whichever executor runs them,
however often, and however many processes start on a cold Numba cache at once; a Dask worker killed
mid-sweep loses no point and duplicates none."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from accelsim.sweep.db import Store
from accelsim.sweep.execute import run_sweep
from accelsim.sweep.grid import points_from_dict

# three families, so each executor meets the bandwidth path, the mapper and the FPGA tile search
SPEC = {"models": ["lenet5"], "arch": "systolic-32x32",
        "grid": {"pe": ["8x8", "16x16"], "array.dataflow": ["ws", "os"], "dram.bandwidth": ["2GB/s", "20GB/s"]}}
EYERISS = {"models": ["lenet5"], "arch": "eyeriss", "grid": {"glb.capacity": ["54KiB", "108KiB"]}}


def _canonical(rows) -> bytes:
    """Every row's result, less the wall time, as one canonical JSON text (the bytes compared)."""
    keep = [{k: v for k, v in r.items() if k != "wall_s"} for r in rows]
    return json.dumps(sorted(keep, key=lambda r: r["id"]), sort_keys=True).encode()


def _run(spec, tmp_path, name, **kw):
    return run_sweep(points_from_dict(spec), Store(tmp_path / f"{name}.db"), **kw)


@pytest.mark.parametrize("spec", [SPEC, EYERISS], ids=["systolic", "eyeriss"])
def test_in_process_pool_and_dask_rows_are_byte_identical(tmp_path, spec):
    distributed = pytest.importorskip("distributed")
    a = _run(spec, tmp_path, "a")
    again = _run(spec, tmp_path, "again")
    pool = _run(spec, tmp_path, "pool", workers=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c, \
            distributed.Client(c) as client:
        dask = _run(spec, tmp_path, "dask", scheduler=client)
    assert all(r["status"] == "ok" for r in a) and len(a) == len(points_from_dict(spec))
    assert _canonical(a) == _canonical(again) == _canonical(pool) == _canonical(dask)


def test_a_dask_worker_killed_mid_sweep_loses_and_duplicates_no_point(tmp_path):
    distributed = pytest.importorskip("distributed")
    spec = {"models": ["resnet18"], "arch": "systolic-32x32",
            "grid": {"pe": ["8x8", "16x16", "32x32", "64x64"], "array.dataflow": ["ws", "os", "is"]}}
    expected = _run(spec, tmp_path, "pool", workers=2)
    killed: list[int] = []
    store = Store(tmp_path / "dask.db")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c, \
            distributed.Client(c) as client:
        pids = client.run(os.getpid)  # {worker address: pid}

        def kill_one(done, total):
            # after the first point: the other worker's tasks are in flight, so one dies holding work
            if done == 1 and not killed:
                victim = sorted(pids.values())[0]
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        rows = run_sweep(points_from_dict(spec), store, scheduler=client, progress=kill_one)
        # the nanny replaced the dead worker: the cluster still has two, one of them new
        assert killed and killed[0] not in client.run(os.getpid).values()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) == 12
    assert _canonical(rows) == _canonical(expected)


_SIM = [sys.executable, "-m", "accelsim.cli", "simulate", "--arch", "systolic-32x32", "--model", "lenet5",
        "--set", "dram.bandwidth=4GB/s"]


def test_concurrent_cold_cache_starts_write_identical_json(tmp_path):
    """Three processes compile the kernels into one empty Numba cache at once: same bytes from each,
    and the same as a fourth run that finds the cache warm."""
    env = {**os.environ, "NUMBA_CACHE_DIR": str(tmp_path / "numba")}
    # one folder each, the same relative output name: the provenance records the command as typed
    dirs = [tmp_path / f"run{i}" for i in range(4)]
    for d in dirs:
        d.mkdir()
    procs = [subprocess.Popen([*_SIM, "--json", "r.json"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, cwd=d) for d in dirs[:3]]
    errs = [p.communicate(timeout=600)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errs
    warm = subprocess.run([*_SIM, "--json", "r.json"], env=env, cwd=dirs[3], capture_output=True, timeout=600)
    assert warm.returncode == 0, warm.stderr
    texts = [(d / "r.json").read_bytes() for d in dirs]
    assert texts[0] and all(t == texts[0] for t in texts)
