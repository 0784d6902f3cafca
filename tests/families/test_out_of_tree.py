"""A chip family from another package (``toy_chip`` beside this file) plugs in through the entry-point
group ``accelsim.families`` and runs every command with no edit to accelsim.

The test writes the entry-point metadata ``pip install`` would write (a ``*.dist-info`` folder on
the path), so the registry finds the family exactly as it finds an installed one.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def _site(tmp: Path, target: str = "toy_chip") -> Path:
    dist = tmp / "site" / "toy_chip-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: toy-chip\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(f"[accelsim.families]\ntoy = {target}\n")
    return dist.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return _site(tmp_path_factory.mktemp("toy"))


def accelsim(site: Path, *args, cwd=None):
    path = os.pathsep.join(p for p in (str(site), str(HERE), os.environ.get("PYTHONPATH", "")) if p)
    return subprocess.run([sys.executable, "-m", "accelsim.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300, env={**os.environ, "PYTHONPATH": path, "COLUMNS": "200"})


@pytest.fixture
def registered(site, monkeypatch):
    from accelsim import registry
    monkeypatch.syspath_prepend(str(HERE))
    monkeypatch.syspath_prepend(str(site))
    registry.families.cache_clear()
    yield registry
    registry.families.cache_clear()


def test_the_registry_finds_the_toy_beside_the_built_in_families(registered):
    fams = registered.families()
    assert list(fams)[-1] == "toy" and {"systolic", "eyeriss", "fpga", "cambricon", "eie"} <= set(fams)
    spec = registered.load_arch("toy-mac", {"mac.lanes": 8})
    assert type(spec).__name__ == "ToySpec" and spec.lanes == 8
    assert "toy-mac" in registered.preset_names()


def test_simulate_runs_the_toy_and_conserves_macs(registered):
    import accelsim
    net = accelsim.load_model("lenet5")
    r = accelsim.simulate(net, "toy-mac", batch=2)
    assert r.arch == "toy-mac" and r.macs == 2 * net.macs
    assert r.cycles >= r.macs / 4  # four MACs a cycle at most
    assert sum(l.energy_pj["mac"] for l in r.layers) == pytest.approx(0.5 * r.macs)
    wide = accelsim.simulate(net, accelsim.load_arch("toy-mac", {"mac.lanes": 16}), batch=2)
    assert wide.compute_cycles < r.compute_cycles


def test_cli_simulate_lower_run_trace_and_a_user_yaml(site, tmp_path):
    j = tmp_path / "r.json"
    p = accelsim(site, "simulate", "--arch", "toy-mac", "--model", "lenet5", "--json", j, "-q")
    assert p.returncode == 0, p.stderr
    direct = json.loads(j.read_text())
    t, j2 = tmp_path / "toy.trace", tmp_path / "r2.json"
    assert accelsim(site, "lower", "--arch", "toy-mac", "--model", "lenet5", "-o", t).returncode == 0
    p = accelsim(site, "run-trace", t, "--arch", "toy-mac", "--json", j2, "-q")
    assert p.returncode == 0, p.stderr
    assert json.loads(j2.read_text())["layers"] == direct["layers"]
    mine = tmp_path / "my_chip.yaml"
    mine.write_text((HERE / "toy_chip" / "presets" / "toy_mac.yaml").read_text().replace("lanes: 4", "lanes: 2")
                    .replace("name: toy-mac", "name: my-chip"))
    p = accelsim(site, "simulate", "--arch", mine, "--model", "lenet5", "--no-layers")
    assert p.returncode == 0 and "my-chip" in p.stdout, p.stderr


def test_cli_sweep_on_a_process_pool(site, tmp_path):
    db = tmp_path / "s.db"
    p = accelsim(site, "sweep", "--model", "lenet5", "--arch", "toy-mac", "--set", "mac.lanes=1,4",
                 "--store", db, "--workers", "2", "-q")
    assert p.returncode == 0, p.stderr
    rows = sqlite3.connect(db).execute("select config, status, metrics from points").fetchall()
    assert [r[1] for r in rows] == ["ok", "ok"]
    latency = {json.loads(c)["mac.lanes"]: json.loads(m)["latency_s"] for c, _, m in rows}
    assert latency[4] < latency[1]


def test_cli_list_validate_compare_and_plot(site, tmp_path):
    p = accelsim(site, "list", "archs")
    assert p.returncode == 0 and "toy-mac" in p.stdout and "1 MAC unit, 4 lanes" in p.stdout
    p = accelsim(site, "list", "families")
    assert p.returncode == 0 and "toy MAC unit" in p.stdout and "--toy-banner" in p.stdout
    p = accelsim(site, "compare", "--model", "lenet5", "--arch", "toy-mac", "--pass", "w4a8")
    assert p.returncode == 0 and "toy-mac" in p.stdout, p.stderr
    out = tmp_path / "e.png"
    p = accelsim(site, "plot", "energy", "--arch", "toy-mac", "--model", "lenet5", "-o", out)
    assert p.returncode == 0 and out.read_bytes()[:4] == b"\x89PNG", p.stderr


def test_validate_runs_the_toys_checks(registered, monkeypatch):
    from accelsim import validate
    toy = registered.family("toy")
    monkeypatch.setattr(validate, "families", lambda: {"toy": toy})  # the built-in families' checks take a minute
    found = validate.checks()
    assert [c.name for c in found] == ["toy peak"] and found[0].ok and found[0].measured == 4.0


def test_a_family_option_is_offered_and_refused_by_the_registry(site):
    p = accelsim(site, "simulate", "--arch", "toy-mac", "--model", "lenet5", "--toy-banner", "--no-layers")
    assert p.returncode == 0 and "toy: lenet5 on toy-mac (4 lanes)" in p.stdout, p.stderr
    p = accelsim(site, "simulate", "--arch", "tpu-v1", "--model", "lenet5", "--toy-banner")
    assert p.returncode == 2 and "--toy-banner: is for toy MAC unit archs" in p.stderr
    p = accelsim(site, "simulate", "--arch", "toy-mac", "--model", "lenet5", "--compat", "scalesim")
    assert p.returncode == 2 and "--compat: is for systolic array archs; toy-mac is a toy arch" in p.stderr
    p = accelsim(site, "simulate", "--arch", "toy-mac", "--model", "lenet5", "--set", "mac.lanes=0")
    assert p.returncode == 2 and "toy_mac.yaml: mac.lanes: must be >= 1" in p.stderr


def test_an_unknown_family_key_lists_the_registered_ones(site, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nfamily: nosuch\n")
    p = accelsim(site, "simulate", "--arch", bad, "--model", "lenet5")
    assert p.returncode == 2 and "bad.yaml: family: must be one of cambricon, cambricon_x, eie, eyeriss, fpga, systolic, toy" in p.stderr


def test_a_broken_entry_point_is_a_one_line_error(tmp_path):
    site = _site(tmp_path, "toy_chip_missing")
    p = accelsim(site, "list", "archs")
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert "entry point accelsim.families:toy" in p.stderr and "toy_chip_missing" in p.stderr
