"""Every command in README.md's ``sh`` blocks runs, as a new user would type it, and succeeds.

The commands run in a temporary folder (so files they write, and files later commands read, such
as ``lenet5.trace`` or ``sweep.db``, live there), through ``bash`` with the installed ``accelsim``
on the PATH, in README order. Two pieces are not run, each for its reason: ``pip install ...``
(this suite runs inside the installed package) and ``pytest`` (this suite itself; ``.ci/run``
runs it from a fresh virtual environment). The out-of-tree family block uses the clone's
``tests/families``, so it runs from the repository root, its ``/tmp/toy`` moved into the
temporary folder. Commands that take long on a busy 2-core machine are marked slow; the rest
run by default. The ``$``-prompted example of an error must print exactly what README shows.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
TIMEOUT_S = 900  # generous: a cold Numba cache and a shared machine
#: commands that take 10-140 s on a busy 2-core machine (every family's published figures, the
#: instruction-level DianNao core, the 200-point sweep); they run with ``-m slow``
SLOW_EXACT = ("accelsim validate",)
SLOW_PARTS = ("--model alexnet_fc", "--example resnet18-200", "--activations functional")


def _slow(cmd: str) -> bool:
    bare = cmd.split(" #")[0].strip()
    return bare in SLOW_EXACT or any(part in bare for part in SLOW_PARTS)


def sh_blocks(text: str) -> list[list[str]]:
    """The commands of each fenced ``sh`` block: continuation lines joined, blank lines dropped."""
    blocks = []
    for body in re.findall(r"^\s*```sh\n(.*?)^\s*```", text, flags=re.S | re.M):
        joined = re.sub(r"\\\n\s*", " ", body)
        blocks.append([line.strip() for line in joined.splitlines() if line.strip()])
    return blocks


def runnable(command: str) -> str:
    """``command`` without the ``pip install`` and ``pytest`` pieces (see the module docstring)."""
    parts = [p.strip() for p in command.split("&&")]
    return " && ".join(p for p in parts if not p.startswith("pip install") and p != "pytest")


def _cases():
    cases = []
    for b, block in enumerate(sh_blocks(README.read_text())):
        for c, command in enumerate(block):
            cmd = runnable(command)
            if not cmd:
                continue
            slow = _slow(cmd)
            cases.append(pytest.param(b, cmd, marks=[pytest.mark.slow] if slow else [], id=f"{b}.{c}:{cmd[:60]}"))
    return cases


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("readme")


def _run(cmd: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "COLUMNS": "120"}
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", cmd], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=TIMEOUT_S)


def test_readme_has_the_blocks_this_test_reads():
    blocks = sh_blocks(README.read_text())
    assert len(blocks) >= 3 and sum(len(b) for b in blocks) >= 20
    # the opening block: its simulation runs, its install and test-suite steps are what is dropped
    assert [runnable(c) for c in blocks[0]] == ["accelsim simulate --arch tpu-v1 --model resnet50", ""]
    assert runnable("pip install -e . && accelsim list models && pytest") == "accelsim list models"


@pytest.mark.parametrize("block,cmd", _cases())
def test_readme_command_runs(block, cmd, workdir):
    cwd = workdir
    if "tests/families" in cmd or "/tmp/toy" in cmd:  # the out-of-tree family block, from the clone
        cwd = ROOT
        cmd = cmd.replace("/tmp/toy", str(workdir / "toy"))
    p = _run(cmd, cwd)
    assert p.returncode == 0, f"{cmd}\nstdout: {p.stdout[-2000:]}\nstderr: {p.stderr[-2000:]}"
    assert "Traceback" not in p.stderr


def test_readme_error_example_prints_what_readme_shows(workdir):
    text = README.read_text()
    blocks = re.findall(r"^```\n(\$ accelsim .*?)^```", text, flags=re.S | re.M)
    assert blocks
    for block in blocks:
        prompt, *expected = block.strip().splitlines()
        p = _run(prompt[2:], workdir)
        assert p.returncode == 2
        assert (p.stdout + p.stderr).strip().splitlines() == expected
