"""accelsim simulate --train as a user runs it: the phases in the JSON and the table, and one-line refusals."""

from __future__ import annotations

import json
import subprocess
import sys


def _run(*args):
    return subprocess.run([sys.executable, "-m", "accelsim.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=600)


def test_train_writes_the_phase_split(tmp_path):
    out = tmp_path / "r.json"
    p = _run("simulate", "--arch", "tpu-v1", "--model", "resnet18", "--train", "--optimizer", "adam", "--json", out)
    assert p.returncode == 0, p.stderr
    doc = json.loads(out.read_text())
    phases = doc["total"]["phases"]
    assert list(phases) == ["forward", "backward", "update"]
    assert sum(p["cycles"] for p in phases.values()) == doc["total"]["cycles"]
    assert doc["training"]["optimizer"] == "adam"
    assert {l["phase"] for l in doc["layers"]} == {"forward", "backward", "update"}
    assert "phase" in p.stdout and "training step (adam)" in " ".join(p.stdout.split())


def test_bad_optimizer_is_one_line_and_exit_2():
    for extra in (["--train", "--optimizer", "rmsprop"], ["--optimizer", "adam"]):
        p = _run("simulate", "--arch", "tpu-v1", "--model", "resnet18", *extra)
        assert p.returncode == 2
        assert p.stderr.count("\n") == 1 and p.stderr.startswith("accelsim: error: --optimizer:"), p.stderr


def test_a_chip_without_training_ops_refuses_in_one_line():
    p = _run("simulate", "--arch", "qiu16-zc706", "--model", "vgg16", "--train")
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1 and "--train: layer" in p.stderr and "does not run" in p.stderr, p.stderr
