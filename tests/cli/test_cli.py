"""The command line as a user runs it: through a subprocess, checking output, files and exit codes."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest


def accelsim(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "accelsim.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def test_simulate_prints_summary_and_writes_json_csv(tmp_path):
    j, c = tmp_path / "r.json", tmp_path / "r.csv"
    p = accelsim("simulate", "--arch", "tpu-v1", "--model", "lenet5", "--batch", "2", "--json", j, "--csv", c)
    assert p.returncode == 0, p.stderr
    for text in ("total cycles", "latency", "inferences/s", "array utilization", "DRAM read", "energy",
                 "static", "per layer", "conv1", "fc2"):
        assert text in p.stdout
    data = json.loads(j.read_text())
    assert data["batch"] == 2 and [l["name"] for l in data["layers"]] == ["conv1", "pool1", "conv2", "pool2",
                                                                         "fc1", "fc2"]
    assert data["total"]["cycles"] == sum(l["cycles"] for l in data["layers"])
    lines = c.read_text().splitlines()
    rows = list(csv.DictReader(l for l in lines if not l.startswith("#")))
    assert rows[-1]["name"] == "TOTAL" and int(rows[-1]["cycles"]) == data["total"]["cycles"]
    assert len(rows) == 7
    # the scope column keeps the total out of a layer filter
    assert [r["scope"] for r in rows] == ["layer"] * 6 + ["total"]
    assert sum(int(r["cycles"]) for r in rows if r["scope"] == "layer") == data["total"]["cycles"]
    # both files say how to reproduce them: version, command, overrides, the resolved arch
    prov = data["provenance"]
    assert prov["command"] == f"accelsim simulate --arch tpu-v1 --model lenet5 --batch 2 --json {j} --csv {c}"
    assert prov["arch_resolved"]["clock_hz"] == 700e6 and prov["arch_resolved"]["array"]["rows"] == 256
    assert prov["overrides"] == {} and prov["accelsim_version"]
    assert lines[0].startswith("# accelsim_version: ") and any(l.startswith("# arch_resolved: {") for l in lines)


def test_overrides_are_recorded_in_the_json(tmp_path):
    j = tmp_path / "r.json"
    p = accelsim("simulate", "--arch", "systolic-32x32", "--model", "lenet5", "--set", "array.rows=16",
                 "--dram", "ddr4-2400-x64", "--json", j, "-q")
    assert p.returncode == 0, p.stderr
    prov = json.loads(j.read_text())["provenance"]
    assert prov["overrides"] == {"array.rows": 16, "dram.preset": "ddr4-2400-x64"}
    assert prov["arch_resolved"]["array"]["rows"] == 16
    assert prov["arch_resolved"]["dram"]["timing"]["name"]


def test_lower_then_run_trace_equals_simulate(tmp_path):
    t = tmp_path / "lenet5.trace"
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert accelsim("lower", "--arch", "systolic-32x32", "--model", "lenet5", "-o", t).returncode == 0
    head = t.read_text().splitlines()[:3]
    assert head == ["# accelsim-trace 1", "# arch systolic-32x32", "# model lenet5"]
    p = accelsim("run-trace", t, "--arch", "systolic-32x32", "--json", a, "-q")
    assert p.returncode == 0, p.stderr
    assert accelsim("simulate", "--arch", "systolic-32x32", "--model", "lenet5", "--json", b, "-q").returncode == 0
    ra, rb = json.loads(a.read_text()), json.loads(b.read_text())
    assert ra.pop("provenance")["command"].startswith("accelsim run-trace")
    assert rb.pop("provenance")["command"].startswith("accelsim simulate")
    assert ra == rb


def test_list():
    import os
    # wide enough that no description wraps (at 80 columns names stay whole and descriptions fold)
    p = subprocess.run([sys.executable, "-m", "accelsim.cli", "list", "archs"], capture_output=True, text=True,
                       env={**os.environ, "COLUMNS": "220"}, timeout=300)
    assert p.returncode == 0 and "tpu-v1" in p.stdout and "256x256" in p.stdout
    p = accelsim("list", "models")
    assert p.returncode == 0 and "lenet5" in p.stdout


def test_validate_passes():
    p = accelsim("validate")
    assert p.returncode == 0, p.stdout + p.stderr  # every miss is a known one
    assert "LSTM1" in p.stdout and "simulated" in p.stdout and "within 10 %:" in p.stdout


@pytest.mark.parametrize("args,needle", [
    (("--arch", "no-such-arch", "--model", "lenet5"), "--arch: unknown arch 'no-such-arch'"),
    (("--arch", "tpu-v1", "--model", "no-such-model"), "no-such-model"),
    (("--arch", "tpu-v1", "--model", "lenet5", "--batch", "0"), "--batch: must be >= 1"),
    (("--arch", "tpu-v1", "--model", "lenet5", "--set", "array.rows=-3"), "array.rows"),
    (("--arch", "tpu-v1", "--model", "lenet5", "--set", "array.dataflow=xs"), "array.dataflow"),
])
def test_bad_input_is_one_line_exit_2(args, needle):
    p = accelsim("simulate", *args)
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], p.stderr


def test_bad_trace_names_file_and_line(tmp_path):
    t = tmp_path / "x.trace"
    assert accelsim("lower", "--arch", "systolic-32x32", "--model", "lenet5", "-o", t).returncode == 0
    lines = t.read_text().splitlines()
    i = next(k for k, l in enumerate(lines) if l.startswith("3 "))
    lines[i] = lines[i].split(" deps=")[0] + " deps=7"
    t.write_text("\n".join(lines) + "\n")
    p = accelsim("run-trace", t, "--arch", "systolic-32x32")
    assert p.returncode == 2
    assert p.stderr.strip() == f"accelsim: error: x.trace: line {i + 1}: op 3 depends on op 7, which does not " \
                               "come before it"


def test_failed_write_leaves_nothing(tmp_path):
    target = tmp_path / "sub" / "r.json"
    (tmp_path / "sub").mkdir()
    p = accelsim("simulate", "--arch", "tpu-v1", "--model", "no-such", "--json", target)
    assert p.returncode == 2 and not any((tmp_path / "sub").iterdir())


def test_simulate_yaml_network_and_scalesim_csv(tmp_path):
    from pathlib import Path
    net = tmp_path / "three.yaml"
    net.write_text("name: three\ninput: [3, 32, 32]\nlayers:\n"
                   "  - {name: c1, op: conv2d, out: 16, kernel: 3, pad: 1, activation: relu}\n"
                   "  - {name: p1, op: maxpool, kernel: 2}\n"
                   "  - {name: fc, op: linear, out: 10}\n")
    j = tmp_path / "y.json"
    assert accelsim("simulate", "--arch", "systolic-32x32", "--model", net, "--json", j, "-q").returncode == 0
    assert [l["name"] for l in json.loads(j.read_text())["layers"]] == ["c1", "p1", "fc"]
    csv_path = Path(__file__).resolve().parents[2] / "models" / "scalesim" / "alexnet.csv"
    p = accelsim("simulate", "--arch", "systolic-32x32", "--model", csv_path, "--json", j, "-q")
    assert p.returncode == 0, p.stderr
    assert json.loads(j.read_text())["total"]["macs"] == 724_406_816


def test_scalesim_config_and_compat(tmp_path):
    # a SCALE-Sim config written here (not SCALE-Sim's file): 32x32 WS, 64 kB SRAMs
    from pathlib import Path
    from accelsim.families.systolic.scalesim_compat import scalesim_compute_cycles
    cfg = tmp_path / "small.cfg"
    cfg.write_text("[general]\nrun_name = small\n\n[architecture_presets]\nArrayHeight: 32\nArrayWidth: 32\n"
                   "IfmapSramSzkB: 64\nFilterSramSzkB: 64\nOfmapSramSzkB: 64\nIfmapOffset: 0\n"
                   "FilterOffset: 10000000\nOfmapOffset: 20000000\nDataflow: ws\nBandwidth: 10\nMemoryBanks: 1\n\n"
                   "[run_presets]\nInterfaceBandwidth: CALC\n")
    out = tmp_path / "r.json"
    topo = Path(__file__).resolve().parents[2] / "models" / "scalesim" / "alexnet.csv"
    p = accelsim("simulate", "--scalesim-config", cfg, "--compat", "scalesim", "--model", topo, "--json", out, "-q")
    assert p.returncode == 0, p.stderr
    conv1 = json.loads(out.read_text())["layers"][0]
    # the closed form is held to SCALE-Sim's own reports in tests/parity; the simulator must agree with it
    assert conv1["compute_cycles"] == scalesim_compute_cycles(227, 227, 11, 11, 3, 96, 4, 32, 32, "ws")
    p = accelsim("simulate", "--scalesim-config", cfg, "--compat", "scalesim", "--model", topo, "--batch", "2")
    assert p.returncode == 2 and "batch 1" in p.stderr


def test_version_and_names_whole_at_80_columns(tmp_path):
    import os
    env = {**os.environ, "COLUMNS": "80"}
    run = lambda *a: subprocess.run([sys.executable, "-m", "accelsim.cli", *map(str, a)], capture_output=True,
                                    text=True, env=env, timeout=300)
    p = run("--version")
    assert p.returncode == 0 and p.stdout.startswith("accelsim ")
    p = run("simulate", "--arch", "systolic-32x32", "--model", "mobilenet_v2")
    assert p.returncode == 0 and "…" not in p.stdout
    from accelsim.workload import load_model
    assert all(l.name in p.stdout for l in load_model("mobilenet_v2").layers)
    assert "0.0000 mJ" not in p.stdout and "µJ" in p.stdout
    p = run("list", "archs")
    from accelsim.registry import preset_names
    assert p.returncode == 0 and "…" not in p.stdout and all(n in p.stdout for n in preset_names())


def test_a_figure_gets_a_normal_file_mode(tmp_path):
    import os
    out = tmp_path / "e.png"
    p = accelsim("plot", "energy", "--arch", "tpu-v1", "--model", "lenet5", "--no-static", "-o", out)
    assert p.returncode == 0, p.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # not the temporary file's 0600


def test_completion_script():
    pytest.importorskip("shtab")
    p = accelsim("completion", "bash")
    assert p.returncode == 0 and "simulate" in p.stdout and "--arch" in p.stdout
