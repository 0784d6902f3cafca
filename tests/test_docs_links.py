"""Every file the README and the docs point to exists in the repository (no dangling references)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PATH = re.compile(r"`((?:accelsim|docs|tests|benchmarks|notebooks|traces|models)/[A-Za-z0-9_./<>*-]+)`")


def test_docs_exist():
    assert (ROOT / "docs" / "architecture.md").is_file() and (ROOT / "docs" / "references.md").is_file()


def test_every_referenced_path_exists():
    missing, seen = [], 0
    for doc in DOCS:
        for ref in PATH.findall(doc.read_text()):
            seen += 1
            if any(c in ref for c in "<>*"):
                continue  # a pattern such as families/<name>/, not a file
            if not (ROOT / ref.rstrip("/")).exists():
                missing.append(f"{doc.name}: {ref}")
    assert seen > 20 and not missing, missing
    assert "../shared" not in (ROOT / "README.md").read_text()
