"""A cold kernel runs its own code as Python and gives the same results; a detached process compiles it for later."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from accelsim import report
from accelsim.api import simulate
from accelsim.kernels import coldstart, event_loop, folds, systolic_lowering

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("arch,model,batch", [("tpu-v1", "resnet18", 1), ("tpu-v1", "resnet50", 2),
                                              ("systolic-32x32", "alexnet", 1), ("tpu-v1", "lenet5", 4)])
def test_a_run_on_python_code_equals_the_compiled_run(monkeypatch, arch, model, batch):
    """Every kernel a systolic run calls through coldstart, as Python, gives the compiled run's result."""
    monkeypatch.setattr(coldstart, "FORCE", "compiled")
    fast = report.to_json(simulate(model, arch, batch=batch))
    monkeypatch.setattr(coldstart, "FORCE", "python")
    assert report.to_json(simulate(model, arch, batch=batch)) == fast
    assert coldstart.last_path == "python"


@pytest.mark.parametrize("seed", range(25))
def test_event_loop_python_code_equals_kernel(seed):
    args = event_loop.example_dram_args(seed)
    for a, b in zip(event_loop.event_loop_dram(*args), event_loop.event_loop_dram.py_func(*args)):
        np.testing.assert_array_equal(a, b)
    args = event_loop.example_args(seed)
    for a, b in zip(event_loop.event_loop(*args), event_loop.event_loop.py_func(*args)):
        np.testing.assert_array_equal(a, b)


def test_disabled_in_the_suite():
    assert coldstart.disabled()
    args = [np.zeros(3, np.int64), np.ones(3, np.int64), np.ones(3, np.int64), np.ones(3, np.int64),
            np.zeros(3, np.int64), True]
    coldstart.call(folds.fold_schedule, *args)
    assert coldstart.last_path == "compiled"


_SCRIPT = """
import numpy as np
from accelsim.kernels import coldstart
from accelsim.kernels.folds import fold_schedule, fold_schedule_ref
args = [np.arange(5, dtype=np.int64), np.full(5, 3, np.int64), np.full(5, 7, np.int64), np.ones(5, np.int64),
        np.full(5, 2, np.int64), True]
out = coldstart.call(fold_schedule, *args)
for a, b in zip(out, fold_schedule_ref(*args)):
    assert np.array_equal(a, b)
print(coldstart.last_path)
"""


def test_cold_kernel_runs_as_python_then_compiled_after_the_background_compile(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "ACCELSIM_NO_BACKGROUND_COMPILE"}
    env["NUMBA_CACHE_DIR"] = str(tmp_path / "numba")

    def run() -> str:
        return subprocess.run([sys.executable, "-c", _SCRIPT], env=env, cwd=REPO, capture_output=True, text=True,
                              timeout=300, check=True).stdout.strip()

    assert run() == "python"
    # the compile runs detached: wait for its cache files and for its lock to go
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        cached = list((tmp_path / "numba").rglob("folds.fold_schedule-*.nbi"))
        locks = list((tmp_path / "numba").rglob("accelsim-compiling-*.lock"))
        if cached and not locks:
            break
        time.sleep(0.5)
    assert cached and not locks
    assert run() == "compiled"


def test_kernels_behind_coldstart_have_python_code():
    for k in (event_loop.event_loop, event_loop.event_loop_dram, event_loop.spread_bins, folds.fold_schedule,
              systolic_lowering.systolic_layer_ops):
        assert callable(k.py_func)
