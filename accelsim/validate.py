"""Every family's published-figure checks, for ``accelsim validate``.

Each family keeps its own figures beside its code (``accelsim/families/<name>/validate.py``)
and hands them over as its ``checks``; see :class:`accelsim.check.Check`.
"""

from __future__ import annotations

from typing import Callable, Iterable

from accelsim import registry
from accelsim.check import Check
from accelsim.registry import families


def checks(only: Iterable[str] | None = None, progress: Callable[[str, int], None] | None = None,
           workers: int = 1) -> list[Check]:
    """Every published-figure check of the registered families (those named in ``only``, if given), computed now.

    ``progress(family title, checks so far)`` is called before each family's checks are awaited.
    ``workers`` > 1 runs the families in that many processes side by side (at most one per family);
    the checks come back in the same order, the same values, as from one process.
    """
    names = set(only) if only else None
    fams = [f for f in families().values() if f.checks is not None and (names is None or f.name in names)]
    workers = min(workers, len(fams))
    # only a family the registry itself finds can be looked up again by name in a worker process
    if workers > 1 and all(registry.families().get(f.name) is f for f in fams):
        return _in_processes(fams, progress, workers)
    out: list[Check] = []
    for fam in fams:
        if progress:
            progress(fam.title, len(out))
        out += fam.checks()
    return out


def family_checks(name: str) -> list[Check]:
    """The checks of the registered family ``name`` (what a worker process of :func:`checks` runs)."""
    return registry.families()[name].checks()


def _in_processes(fams, progress, workers: int) -> list[Check]:
    import concurrent.futures as cf
    import multiprocessing as mp
    # spawn, not fork: a fresh interpreter copies no thread or lock of this one (the CLI's status line
    # runs a thread), and imports only what its families need; that costs a fraction of a second
    with cf.ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn")) as pool:
        futures = [pool.submit(family_checks, f.name) for f in fams]
        out: list[Check] = []
        try:
            for fam, fut in zip(fams, futures):
                if progress:
                    progress(fam.title, len(out))
                out += fut.result()
        except BaseException:  # a family failed, or Ctrl-C: start no family still queued
            pool.shutdown(cancel_futures=True)
            raise
    return out


def notes(checks: list[Check]) -> list[str]:
    """The lines printed under validate's table: each known miss with its cause, a known note whose miss has
    closed, a report-only figure more than 25 % off with what it compares, then each assumed preset value
    with the figure's sensitivity to it."""
    out = []
    for c in checks:
        if c.status == "known miss":
            out.append(f"known miss: {c.name}: {c.known}")
        elif c.known:  # the mechanism landed: the note (and the test's xfail) must go
            out.append(f"known miss now within tolerance, remove its note: {c.name}")
        elif c.report_only and abs(c.error) > 0.25:  # an alarming figure says what it compares
            out.append(f"report only ({c.error:+.0%}): {c.name}: {c.note}")
    return out + [f"assumed: {c.name}: {what}: {effect}" for c in checks for what, effect in c.assumptions]


def json_rows(checks: list[Check]) -> list[dict]:
    """Every check as a JSON-ready mapping (``accelsim validate --json``)."""
    return [{"name": c.name, "kind": c.kind, "status": c.status, "published": c.published, "measured": c.measured,
             "unit": c.unit, "tolerance": c.tolerance, "error": c.error, "ok": c.ok, "source": c.source,
             "confidence": c.confidence, "note": c.note, "known": c.known,
             "assumptions": [list(a) for a in c.assumptions]} for c in checks]


def markdown_row(c: Check) -> str:
    """One check as a row of docs/references.md's tables (figure, published, tolerance, kind, confidence, status)."""
    tol = "report only" if c.tolerance is None else f"{100 * c.tolerance:g} %"
    return f"| {c.name} | {c.published_text.strip()} | {tol} | {c.kind} | {c.confidence} | {c.status} |"


def refresh_markdown(text: str, checks: list[Check]) -> str:
    """``text`` (docs/references.md) with every table row naming a check rewritten from the check, and the rows of
    checks no table names appended to the table holding their family's first row (by name prefix)."""
    rows = {c.name: markdown_row(c) for c in checks}
    lines = text.splitlines()
    seen = set()
    for i, line in enumerate(lines):
        name = line.split("|")[1].strip() if line.startswith("| ") else None
        if name in rows:
            lines[i] = rows[name]
            seen.add(name)
    for c in checks:  # a new figure joins the table after the last row sharing its first word
        if c.name in seen:
            continue
        prefix = c.name.split()[0]
        at = max((i for i, line in enumerate(lines) if line.startswith(f"| {prefix} ")), default=None)
        if at is not None:
            lines.insert(at + 1, rows[c.name])
            seen.add(c.name)
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")
