"""Training steps as sweep points (``step``) and in ``compare`` (``train``): same numbers as simulate's."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from accelsim.api import compare, simulate
from accelsim.errors import AccelsimError
from accelsim.registry import load_arch
from accelsim.sweep.execute import run_point
from accelsim.sweep.grid import plan_from_dict, plan_from_flags


def test_step_key_runs_an_inference_and_training_steps():
    points = list(plan_from_dict({"models": ["lenet5"], "arch": "systolic-32x32",
                                  "grid": {"step": ["inference", "train", "train:adam"]}}).points())
    assert [p.step() for p in points] == [(False, None), (True, None), (True, "adam")]
    assert len({p.id for p in points}) == 3
    rows = [run_point(p) for p in points]
    assert all(r["status"] == "ok" for r in rows), [r["error"] for r in rows]
    arch = load_arch("systolic-32x32")
    assert rows[0]["cycles"] == simulate("lenet5", arch).cycles
    assert rows[1]["cycles"] == simulate("lenet5", arch, train=True).cycles
    assert rows[2]["cycles"] == simulate("lenet5", arch, train=True, optimizer="adam").cycles
    # a training step does the forward pass and more: more cycles, more DRAM bytes
    assert rows[1]["cycles"] > rows[0]["cycles"] and rows[1]["dram_bytes"] > rows[0]["dram_bytes"]
    # Adam keeps twice SGD-with-momentum's optimizer state: more bytes to move
    assert rows[2]["dram_bytes"] > rows[1]["dram_bytes"]


def test_step_key_from_set_flags_and_its_bad_values():
    plan = plan_from_flags(["lenet5"], "systolic-32x32", 1, ["step=inference,train:sgd"])
    assert [p.step() for p in plan.points()] == [(False, None), (True, "sgd")]
    for bad, word in (("fly", "must be inference, train"), ("train:rmsprop", "must be one of")):
        with pytest.raises(AccelsimError) as e:
            plan_from_dict({"models": ["lenet5"], "arch": "systolic-32x32", "grid": {"step": [bad]}})
        assert e.value.field == "grid.step" and word in e.value.message


def test_compare_training_steps():
    arch = load_arch("systolic-32x32")
    rows = compare("lenet5", (arch,), ("w4a8",), train=True, optimizer="adam")
    assert len(rows) == 1 and not rows[0]["error"]
    from accelsim.api import _compress, _network
    small, _, _ = _compress(_network("lenet5"), ("w4a8",), None, 0)
    step = simulate(small, arch, train=True, optimizer="adam")
    base = simulate("lenet5", arch, train=True, optimizer="adam")
    assert rows[0]["cycles"] == step.cycles
    assert rows[0]["speedup"] == base.cycles / step.cycles
    inference = compare("lenet5", (arch,), ("w4a8",))
    assert inference[0]["cycles"] != rows[0]["cycles"]
    with pytest.raises(AccelsimError):
        compare("lenet5", (arch,), ("w4a8",), optimizer="adam")


def test_compare_train_on_the_command_line(tmp_path):
    out = tmp_path / "c.json"
    p = subprocess.run([sys.executable, "-m", "accelsim.cli", "compare", "--model", "lenet5", "--arch", "tpu-v1",
                        "--quantize", "w4a8", "--train", "--json", str(out)], capture_output=True, text=True,
                       timeout=600)
    assert p.returncode == 0, p.stderr
    assert "training step (sgd)" in " ".join(p.stdout.split())
    assert json.loads(out.read_text())[0]["pass"] == "w4a8"


def test_sweep_with_weights_computes_factors_once_and_matches_simulate(tmp_path):
    from accelsim.sweep import execute
    execute._compressed.cache_clear()
    plan = plan_from_dict({"models": ["alexnet_fc"], "arch": "eie", "weights": "synthetic",
                           "grid": {"prune": ["magnitude:0.9"], "pe.count": [32, 64]}})
    points = list(plan.points())
    assert [p.weights for p in points] == ["synthetic", "synthetic"]
    rows = [run_point(p) for p in points]
    assert all(r["status"] == "ok" for r in rows), [r["error"] for r in rows]
    info = execute._compressed.cache_info()
    assert (info.misses, info.hits) == (1, 1)  # the mask of (alexnet_fc, magnitude:0.9) was computed once
    for p, row in zip(points, rows):
        want = simulate("alexnet_fc", load_arch("eie", p.arch_overrides()), passes=("magnitude:0.9",),
                        weights="synthetic")
        assert row["cycles"] == want.cycles
    # the same points without weights run on layer densities: other points (ids)
    bare = list(plan_from_dict({"models": ["alexnet_fc"], "arch": "eie",
                                "grid": {"prune": ["magnitude:0.9"], "pe.count": [32, 64]}}).points())
    assert {p.id for p in bare}.isdisjoint(p.id for p in points)


def test_sweep_weights_bad_values(tmp_path):
    with pytest.raises(AccelsimError) as e:
        plan_from_dict({"models": ["lenet5"], "arch": "tpu-v1", "weights": "random"})
    assert e.value.field == "weights" and "synthetic or an existing .npz" in e.value.message
    with pytest.raises(AccelsimError) as e:
        plan_from_flags(["lenet5"], "tpu-v1", 1, [], str(tmp_path / "missing.npz"))
    assert e.value.field == "--weights"
