"""``accelsim.validate.checks`` in worker processes gives what it gives in one process."""

from __future__ import annotations

from types import SimpleNamespace

from accelsim import validate
from accelsim.check import Check

#: two families whose checks take about a second
CHEAP = ("cambricon_x", "eie")


def test_workers_give_the_same_checks_in_the_same_order():
    seen = []
    apart = validate.checks(CHEAP, lambda title, n: seen.append((title, n)), workers=2)
    together = validate.checks(CHEAP, workers=1)
    assert len(together) > 4 and apart == together
    from accelsim.registry import families
    titles = [f.title for f in families().values() if f.name in CHEAP]
    assert [t for t, _ in seen] == titles and seen[0][1] == 0 and seen[1][1] > 0


def test_a_family_the_registry_does_not_know_runs_in_this_process(monkeypatch):
    rows = {"a": [Check("a peak", 1.0, 1.0, 0.0, "", "s", kind="sanity")],
            "b": [Check("b latency", 2.0, 2.1, 0.10, "ms", "s")]}
    fams = {n: SimpleNamespace(name=n, title=n, checks=lambda n=n: list(rows[n])) for n in rows}
    monkeypatch.setattr(validate, "families", lambda: fams)  # a worker process could not look these up
    assert validate.checks(workers=2) == rows["a"] + rows["b"]
