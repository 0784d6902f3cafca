"""The Pareto front of result rows: the points no other point beats on both of two metrics.

Pure data in, data out, so that sweeps (which store the rows) and plots (which draw them) share it.
"""

from __future__ import annotations


def pareto_front(rows: list[dict], x: str = "latency_s", y: str = "energy_pj") -> list[dict]:
    """The rows no other row beats on both ``x`` and ``y`` (lower is better), sorted by ``x``."""
    ok = sorted((r for r in rows if r.get("status", "ok") == "ok" and r.get(x) is not None and r.get(y) is not None),
                key=lambda r: (r[x], r[y]))
    front, best_y = [], float("inf")
    for r in ok:
        if r[y] < best_y:
            front.append(r)
            best_y = r[y]
    return front
