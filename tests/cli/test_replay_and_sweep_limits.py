"""run-trace refuses changes that alter what a trace was lowered for; huge sweeps need --yes and are made
lazily; a dead scheduler is a one-line error that leaves no store (issue 22)."""

from __future__ import annotations

import itertools
import time

import pytest

from accelsim.cli import main
from accelsim.sweep.execute import LARGE_SWEEP
from accelsim.sweep.grid import plan_from_dict

TRACE_ARGS = ["lower", "--arch", "systolic-32x32", "--model", "lenet5", "-o"]


@pytest.fixture(scope="module")
def trace(tmp_path_factory):
    t = tmp_path_factory.mktemp("tr") / "l.trace"
    assert main(TRACE_ARGS + [str(t)]) == 0
    return t


@pytest.mark.parametrize("extra,field", [
    (["--arch", "systolic-32x32", "--set", "array.rows=64"], "--set array.rows=64"),
    (["--arch", "systolic-32x32", "--set", "array.dataflow=os"], "--set array.dataflow=os"),
    (["--arch", "tpu-v1"], "--arch tpu-v1"),
])
def test_overrides_that_change_the_lowering_are_refused(trace, capsys, extra, field):
    assert main(["run-trace", str(trace), "-q"] + extra) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"accelsim: error: {field}: changes what the trace was lowered for (") and "\n" not in err


@pytest.mark.parametrize("extra", [["--set", "dram.bandwidth=20GB/s"], ["--set", "clock=2GHz"], []])
def test_retiming_overrides_still_replay(trace, tmp_path, extra):
    assert main(["run-trace", str(trace), "--arch", "systolic-32x32", "-q", "--json", str(tmp_path / "r.json")]
                + extra) == 0


def _huge():
    """A 10-axis grid of 4 values each: 4^10 = 1,048,576 points."""
    return {"models": ["lenet5"], "arch": "systolic-32x32",
            "grid": {"array.rows": [8, 16, 32, 64], "array.cols": [8, 16, 32, 64], "vector.lanes": [8, 16, 32, 64],
                     "memory.ifmap.banks": [1, 2, 4, 8], "memory.filter.banks": [1, 2, 4, 8],
                     "memory.ofmap.banks": [1, 2, 4, 8], "memory.ifmap.width_bits": [64, 128, 256, 512],
                     "memory.filter.width_bits": [64, 128, 256, 512], "memory.ofmap.width_bits": [256, 512, 1024, 2048],
                     "dram.latency": ["10ns", "20ns", "30ns", "40ns"]}}


def test_a_million_point_plan_is_counted_without_listing_it():
    t0 = time.perf_counter()
    plan = plan_from_dict(_huge())
    assert plan.count == 4**10
    first = list(itertools.islice(plan.points(), 3))
    assert len({p.id for p in first}) == 3
    assert time.perf_counter() - t0 < 30  # generous: listing all of it took ~40 s and 1 GB


def test_a_sweep_above_the_documented_size_needs_yes(tmp_path, capsys):
    import yaml
    spec = tmp_path / "big.yaml"
    spec.write_text(yaml.safe_dump(_huge()))
    store = tmp_path / "s.db"
    assert main(["sweep", str(spec), "--store", str(store), "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"accelsim: error: sweep: 1,048,576 points; a sweep above {LARGE_SWEEP:,} points runs only with --yes"
    assert not store.exists()
    with pytest.raises(SystemExit):
        main(["sweep", "--help"])
    assert "--yes" in capsys.readouterr().out


def test_count_and_estimate_are_printed_before_the_run(tmp_path, capsys):
    assert main(["sweep", "--model", "lenet5", "--arch", "systolic-32x32", "--set", "pe=16x16,32x32",
                 "--store", str(tmp_path / "s.db")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sweep: 2 points, about ") and " in all with 1 worker" in out.splitlines()[0]


def test_a_dead_scheduler_is_one_line_and_leaves_no_store(tmp_path, capsys):
    store = tmp_path / "s.db"
    t0 = time.perf_counter()
    assert main(["sweep", "--model", "lenet5", "--arch", "systolic-32x32", "--store", str(store), "-q",
                 "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert time.perf_counter() - t0 < 20
    err = capsys.readouterr().err.strip()
    assert err.startswith("accelsim: error: --scheduler: cannot reach a Dask scheduler at tcp://127.0.0.1:9") \
        and "\n" not in err
    assert list(tmp_path.iterdir()) == []
