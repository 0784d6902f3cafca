"""The one-way data flow of DESIGN.md, checked on the import graph, and the module size limit.

workload -> compress -> lower -> trace -> sim -> result: a module may import only the packages
listed for it below. ``kernels`` is a leaf (numpy, numba, the standard library, its own modules); nothing
imports ``cli``. Modules stay under 600 lines unless allow-listed here with a reason.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "accelsim"
BASE = {"errors", "units", "schema"}
ALLOWED = {
    "errors": set(),
    "units": {"errors"},
    "schema": {"errors", "units"},
    "workload": BASE,
    "arch": BASE,
    "trace": {"errors"},
    "result": set(),
    "compress": BASE | {"workload", "kernels"},
    "energy": BASE | {"arch"},
    "lower": BASE | {"workload", "arch", "trace", "kernels", "compress"},
    "sim": BASE | {"arch", "trace", "kernels", "energy", "result"},
    "report": BASE | {"result", "trace"},
}
SIZE_ALLOW: dict[str, str] = {}


def _modules():
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        yield path, rel.parts[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
    return out


CASES = list(_modules())


@pytest.mark.parametrize("path,top", CASES, ids=[str(p.relative_to(ROOT)) for p, _ in CASES])
def test_import_edges(path, top):
    for line, mod in _imports(path):
        parts = mod.split(".")
        if top == "kernels":
            assert parts[0] in ("numpy", "numba", "__future__") or parts[0] in sys.stdlib_module_names \
                or parts[:2] == ["accelsim", "kernels"], \
                f"{path.name}:{line}: kernels import only numpy, numba, the standard library and kernels, not {mod}"
            continue
        if parts[0] != "accelsim" or len(parts) < 2:
            continue
        target = parts[1]
        assert target != "cli", f"{path.name}:{line}: nothing imports the CLI"
        if top in ALLOWED and target != top:
            assert target in ALLOWED[top], f"{path.relative_to(ROOT)}:{line}: {top} must not import {target}"


@pytest.mark.parametrize("path,top", CASES, ids=[str(p.relative_to(ROOT)) for p, _ in CASES])
def test_module_size(path, top):
    n = len(path.read_text().splitlines())
    rel = str(path.relative_to(ROOT))
    assert n <= 600 or rel in SIZE_ALLOW, f"{rel} has {n} lines (limit 600)"
