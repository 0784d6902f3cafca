"""The on-chip memory options as a user meets them: too-small buffers, bank conflicts, leakage, bandwidth plots."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from accelsim.registry import load_arch


def accelsim(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "accelsim.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def _minimums():
    """Smallest legal size per buffer of tpu-v1, from its own spec: a row of inputs; the weight
    FIFO's depth of rows x cols 8-bit tiles; two halves of a row of cols 32-bit partial sums."""
    a = load_arch("tpu-v1")
    R, C = a.array.rows, a.array.cols
    return {"ifmap": (a.ifmap.name, R), "filter": (a.filter.name, a.filter.depth * R * C),
            "ofmap": (a.ofmap.name, 2 * C * 4)}


@pytest.mark.parametrize("role", ["ifmap", "filter", "ofmap"])
def test_buffer_too_small_names_it_and_its_minimum(role):
    name, minimum = _minimums()[role]
    p = accelsim("simulate", "--arch", "tpu-v1", "--model", "lenet5", "--set", f"memory.{role}.capacity=16")
    assert p.returncode == 2, p.stderr
    msg = p.stderr.strip()
    assert "\n" not in msg and "Traceback" not in msg
    assert msg.startswith(f"accelsim: error: tpu_v1.yaml: memory.{role}.capacity: {name} holds 16 B"), msg
    assert f"{minimum} B)" in msg, msg


def test_a_fifo_too_small_for_its_depth_is_an_error():
    name, minimum = _minimums()["filter"]
    p = accelsim("simulate", "--arch", "tpu-v1", "--model", "lenet5", "--set", f"memory.filter.capacity={minimum - 1}")
    assert p.returncode == 2 and name in p.stderr and f"{minimum} B)" in p.stderr, p.stderr
    p = accelsim("simulate", "--arch", "tpu-v1", "--model", "lenet5", "-q",
                 "--set", f"memory.filter.capacity={minimum}")
    assert p.returncode == 0, p.stderr


def test_bank_conflicts_show_as_a_stall_cause(tmp_path):
    out = tmp_path / "r.json"
    p = accelsim("simulate", "--arch", "systolic-32x32", "--model", "lenet5", "-q", "--json", out,
                 "--set", "array.bank_conflicts=true", "--set", "memory.ifmap.banks=2")
    assert p.returncode == 0, p.stderr
    layers = json.loads(out.read_text())["layers"]
    assert sum(l["stall_causes"].get("bank_conflict", 0) for l in layers) > 0
    for l in layers:
        assert sum(l["stall_causes"].values()) == l["stall_cycles"]


def test_leakage_table_adds_a_component(tmp_path):
    out = tmp_path / "r.json"
    p = accelsim("simulate", "--arch", "systolic-32x32", "--model", "lenet5", "-q", "--json", out,
                 "--set", "memory.ifmap.leakage_mw=table")
    assert p.returncode == 0, p.stderr
    assert json.loads(out.read_text())["total"]["energy_pj"]["leakage"] > 0
    p = accelsim("simulate", "--arch", "systolic-32x32", "--model", "lenet5", "--set", "memory.ifmap.leakage_mw=lots")
    assert p.returncode == 2 and "memory.ifmap.leakage_mw" in p.stderr and "'table'" in p.stderr


def test_plot_bandwidth_writes_the_figure(tmp_path):
    out = tmp_path / "bw.png"
    p = accelsim("plot", "bandwidth", "--arch", "systolic-32x32", "--model", "lenet5", "-o", out)
    assert p.returncode == 0, p.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    p = accelsim("plot", "bandwidth", "--model", "lenet5", "-o", out)
    assert p.returncode == 2 and "--arch" in p.stderr
