"""The one-way data flow of DESIGN.md, checked on the import graph, and the module size limit.

cli -> api -> families -> shared (arch, sim, energy, trace, result, workload, compress) -> kernels:
a module may import only the packages listed for it below. ``kernels`` is a leaf (numpy, numba, the
standard library, its own modules); nothing imports ``cli``; a family imports no other family and no
shared module imports a family (the registry finds them by name at run time); the whole package has
no import circle, counting imports inside functions too. The shared entry points name no family.
Modules stay under 600 lines unless allow-listed here with a reason.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "accelsim"
BASE = {"errors", "units", "schema", "host"}
ALLOWED = {
    "errors": set(),
    "host": {"errors"},
    "units": {"errors"},
    "schema": {"errors", "units"},
    "workload": BASE,
    "arch": BASE,
    "trace": {"errors", "host"},
    "result": {"errors"},
    "compress": BASE | {"workload", "kernels"},
    "energy": BASE | {"arch"},
    "sim": BASE | {"arch", "trace", "kernels", "energy", "result"},
    "report": BASE | {"result", "trace"},
    "check": set(),
    "family": {"errors"},
    "registry": BASE | {"arch", "family"},
    "families": BASE | {"workload", "arch", "trace", "kernels", "compress", "energy", "sim", "result", "family",
                        "check", "registry", "plot"},
    "validate": {"check", "registry"},
    "api": BASE | {"registry", "result", "trace", "workload", "compress"},
    "sweep": BASE | {"api", "registry", "workload", "compress", "trace", "pareto"},
    "plot": BASE | {"result", "trace", "sim", "pareto"},
    "pareto": set(),
    "timeline": BASE | {"api", "registry", "sim", "trace", "workload"},
}
#: the modules the registry keeps free of family names (the issue that made families one folder each)
FAMILY_FREE = ("api.py", "cli.py", "validate.py", "plot.py", "report.py", "registry.py", "family.py", "sweep",
               "timeline.py")
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
def test_a_family_imports_no_other_family(path, top):
    rel = path.relative_to(ROOT).parts
    own = rel[1] if top == "families" and len(rel) > 2 else None
    for line, mod in _imports(path):
        parts = mod.split(".")
        if parts[:2] == ["accelsim", "families"] and len(parts) > 2:
            assert parts[2] == own, f"{path.relative_to(ROOT)}:{line}: imports family {parts[2]}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    names = {_module_name(p) for p, _ in CASES}
    graph: dict[str, set[str]] = {}
    for path, _ in CASES:
        edges = set()
        for node in ast.walk(ast.parse(path.read_text())):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # "from pkg import sub" imports the submodule when there is one
                targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in names else node.module
                           for a in node.names]
            edges |= {t for t in targets if t in names}
        graph[_module_name(path)] = edges - {_module_name(path)}
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_circle():
    assert _circles(_import_graph()) == []


def test_the_circle_finder_finds_a_circle():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_shared_entry_points_name_no_family():
    families = sorted(p.name for p in (ROOT / "families").iterdir() if (p / "__init__.py").is_file())
    assert len(families) >= 4
    words = families + [f"{f.capitalize()}Spec" for f in families]
    for name in FAMILY_FREE:
        for path in sorted((ROOT / name).rglob("*.py")) if (ROOT / name).is_dir() else [ROOT / name]:
            text = path.read_text()
            for w in words:
                assert not re.search(rf"\b{w}\b", text, re.IGNORECASE), f"{path.relative_to(ROOT)} names {w}"


@pytest.mark.parametrize("path,top", CASES, ids=[str(p.relative_to(ROOT)) for p, _ in CASES])
def test_module_size(path, top):
    n = len(path.read_text().splitlines())
    rel = str(path.relative_to(ROOT))
    assert n <= 600 or rel in SIZE_ALLOW, f"{rel} has {n} lines (limit 600)"
