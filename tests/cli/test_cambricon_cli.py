"""The DianNao/Cambricon family through the command line, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def accelsim(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "accelsim.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=600)


def test_functional_lenet5_is_bit_exact_and_simulate_reports():
    p = accelsim("simulate", "--arch", "diannao", "--model", "lenet5", "--functional", "--no-layers")
    assert p.returncode == 0, p.stderr
    assert "bit-exact" in p.stdout and "total cycles" in p.stdout


def test_lower_writes_a_program_that_assembles(tmp_path):
    out = tmp_path / "lenet5.s"
    p = accelsim("lower", "--arch", "cambricon", "--model", "lenet5", "-o", out)
    assert p.returncode == 0, p.stderr
    from accelsim.families.cambricon.asm import assemble
    prog = assemble(out.read_text())
    assert {"MMV", "MLOAD", "VACT", "HALT"} <= {i.op for i in prog.insns}


def test_json_timeline_and_batch(tmp_path):
    j, t = tmp_path / "r.json", tmp_path / "t.json"
    p = accelsim("simulate", "--arch", "diannao", "--model", "lenet5", "--batch", "2", "--json", j, "--timeline", t,
                 "-q")
    assert p.returncode == 0, p.stderr
    res = json.loads(j.read_text())
    from accelsim.workload import load_model
    assert res["total"]["macs"] == 2 * load_model("lenet5").macs
    units = {e["args"]["name"] for e in json.loads(t.read_text())["traceEvents"] if e.get("name") == "thread_name"}
    assert {"matrix", "dma_nbin", "dma_sb"} <= {u.split(" ·")[0] for u in units}


@pytest.mark.parametrize("args, needle", [
    (("--set", "scratchpads.nbin=8"), "scratchpads.nbin"),
    (("--set", "core.data_bits=8"), "only 16-bit"),
    (("--set", "matrix.rows=0"), "matrix.rows"),
])
def test_bad_arch_values_are_one_line_errors(args, needle):
    p = accelsim("simulate", "--arch", "diannao", "--model", "lenet5", *args)
    assert p.returncode == 2 and needle in p.stderr and "Traceback" not in p.stderr


def test_functional_on_another_family_is_refused():
    p = accelsim("simulate", "--arch", "tpu-v1", "--model", "lenet5", "--functional")
    assert p.returncode == 2 and "--functional" in p.stderr


def test_plots_render_for_the_family_and_misuse_is_explained(tmp_path):
    for kind in ("energy", "latency", "roofline"):
        out = tmp_path / f"{kind}.png"
        p = accelsim("plot", kind, "--arch", "diannao", "--model", "lenet5", "-o", out)
        assert p.returncode == 0, p.stderr
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    p = accelsim("plot", "timeline", "--arch", "diannao", "--model", "lenet5", "-o", tmp_path / "t.png")
    assert p.returncode == 2 and "--timeline" in p.stderr
    p = accelsim("simulate", "--arch", "diannao", "--model", "lenet5", "--compat", "scalesim")
    assert p.returncode == 2 and "--compat" in p.stderr and "Traceback" not in p.stderr
    prog = tmp_path / "x.s"
    prog.write_text("    HALT\n")
    p = accelsim("run-trace", prog, "--arch", "diannao")
    assert p.returncode == 2 and "accelsim simulate" in p.stderr
