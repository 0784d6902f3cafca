"""Plots of results, sweeps and timelines. Every function returns a matplotlib Figure (Agg, headless).

- :func:`energy_breakdown`: stacked bars, one per layer, one segment per energy component.
- :func:`latency_breakdown`: compute vs stall cycles per layer.
- :func:`roofline`: attainable MAC/s vs MACs per DRAM byte, with each layer placed on it.
- :func:`sweep_scatter`: latency vs energy of sweep points, the Pareto front highlighted.
- :func:`sweep_heatmap`: one metric over two swept parameters.
- :func:`timeline`: per-unit activity over time (one row per unit, one bar per op).
"""

from __future__ import annotations

import re

import numpy as np
from matplotlib.figure import Figure

from accelsim.errors import AccelsimError
from accelsim.pareto import pareto_front
from accelsim.result import Result


class _plt:
    """Figures built without pyplot: no global backend switch, nothing kept alive after use."""

    @staticmethod
    def subplots(figsize):
        fig = Figure(figsize=figsize)
        return fig, fig.add_subplot()


plt = _plt()

#: one colour per energy component, the same in every family's plots (tab10/tab20 hues)
COMPONENT_COLOURS = {
    "dram": "#d62728",                                                  # off-chip: red everywhere
    "static": "#7f7f7f", "leakage": "#c7c7c7",                          # idle power: greys
    "mac": "#1f77b4", "mult": "#1f77b4", "alu": "#1f77b4",              # arithmetic: blue
    "add": "#aec7e8", "vector": "#9467bd", "index": "#c5b0d5",
    "noc": "#e377c2", "pointers": "#f7b6d2", "activations": "#dbdb8d",
}
#: on-chip memories (any other name) take these in order of first appearance, stable by name
_MEMORY_COLOURS = ("#2ca02c", "#ff7f0e", "#17becf", "#bcbd22", "#98df8a", "#ffbb78", "#9edae5", "#8c564b",
                   "#c49c94")


def component_colour(name: str) -> str:
    """The colour of an energy component: fixed for known ones, a stable pick (by name) for buffers."""
    if name in COMPONENT_COLOURS:
        return COMPONENT_COLOURS[name]
    return _MEMORY_COLOURS[sum(name.encode()) % len(_MEMORY_COLOURS)]


def _energy_unit(max_pj: float) -> tuple[str, float]:
    """A unit for an energy axis whose largest value is ``max_pj``: ``(label, pJ per unit)``."""
    for unit, scale in (("J", 1e12), ("mJ", 1e9), ("µJ", 1e6), ("nJ", 1e3)):
        if max_pj >= scale:
            return unit, scale
    return "pJ", 1.0


def _time_unit(max_s: float) -> tuple[str, float]:
    """A unit for a time axis whose largest value is ``max_s`` seconds: ``(label, seconds per unit)``."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if max_s >= scale:
            return unit, scale
    return "ns", 1e-9


def _title(result: Result, what: str) -> str:
    return f"{result.model} on {result.arch}, batch {result.batch}: {what}"


def energy_breakdown(result: Result, static: bool = True):
    """Stacked energy bars per layer, one fixed colour per component (:func:`component_colour`).

    The axis unit follows the largest bar (pJ ... J); ``static`` false leaves idle and leakage
    energy out (it grows with time, not work, and can hide the rest).
    """
    fig, ax = plt.subplots(figsize=(max(6, 0.25 * len(result.layers)), 4))
    names = [l.name for l in result.layers]
    comps = [c for c in result.energy_pj if static or c not in ("static", "leakage")]
    tallest = max((sum(l.energy_pj.get(c, 0.0) for c in comps) for l in result.layers), default=0.0)
    unit, scale = _energy_unit(tallest)
    x = np.arange(len(names))
    bottom = np.zeros(len(names))
    for comp in comps:
        vals = np.array([l.energy_pj.get(comp, 0.0) / scale for l in result.layers])
        ax.bar(x, vals, bottom=bottom, label=comp, color=component_colour(comp))
        bottom += vals
    ax.set_xticks(x, names, rotation=90, fontsize=6)
    ax.set_ylabel(f"energy ({unit})")
    ax.set_xlabel("layer")
    ax.set_title(_title(result, "energy by component" + ("" if static else ", static left out")))
    ax.legend(fontsize=7)
    fig.tight_layout()
    return fig


def latency_breakdown(result: Result):
    """Compute and stall cycles per layer, stacked; stalls by cause where the family reports them."""
    fig, ax = plt.subplots(figsize=(max(6, 0.25 * len(result.layers)), 4))
    names = [l.name for l in result.layers]
    x = np.arange(len(names))
    comp = np.array([l.compute_cycles for l in result.layers], float)
    ax.bar(x, comp, label="compute")
    causes = sorted({c for l in result.layers for c in l.stall_causes})
    bottom = comp.copy()
    if causes:   # stalls split by what the compute unit waited for
        for c in causes:
            v = np.array([l.stall_causes.get(c, 0) for l in result.layers], float)
            ax.bar(x, v, bottom=bottom, label=f"stall: {c}")
            bottom += v
    rest = np.array([l.stall_cycles for l in result.layers], float) - (bottom - comp)
    if np.any(rest > 0):
        ax.bar(x, np.clip(rest, 0, None), bottom=bottom, label="stall")
    ax.set_xticks(x, names, rotation=90, fontsize=6)
    ax.set_ylabel("cycles")
    ax.set_xlabel("layer")
    ax.set_title(_title(result, "compute vs stall"))
    ax.legend(fontsize=7)
    fig.tight_layout()
    return fig


def roofline(result: Result, peak_macs_per_s: float, dram_bytes_per_s: float):
    """Roofline (MAC/s vs MACs per DRAM byte) with each MAC layer placed at its achieved rate, labelled.

    A layer's rate is its MACs over its own span (first op start to last op end,
    :mod:`accelsim.sim.layers`), not over its share of the run: layers overlap, and a share can be
    shorter than the layer's transfers took, which would put the point above the roof. The right
    axis reads the same rates as ops/s (2 per MAC, as the TPU paper counts).
    """
    fig, ax = plt.subplots(figsize=(6, 4))
    pts = [(x, y, name) for name, x, y in roofline_points_of(result)]
    xs = np.logspace(-1, 5, 200)
    ax.loglog(xs, np.minimum(peak_macs_per_s, xs * dram_bytes_per_s), "k-", label="roofline")
    if pts:
        ax.scatter([p[0] for p in pts], [p[1] for p in pts], s=12, label="layers")
        for x, y, name in pts[:40]:  # beyond a few dozen labels only clutter
            ax.annotate(name, (x, y), fontsize=5, xytext=(2, 2), textcoords="offset points")
    ax.axvline(peak_macs_per_s / dram_bytes_per_s, color="grey", ls=":", label="ridge")
    ax.set_xlabel("MACs per DRAM byte")
    ax.set_ylabel("MAC/s")
    ops = ax.secondary_yaxis("right", functions=(lambda v: 2 * v, lambda v: v / 2))
    ops.set_ylabel("ops/s (2 per MAC)")
    ax.set_title(_title(result, "roofline"))
    ax.legend(fontsize=7)
    fig.tight_layout()
    return fig


def roofline_points_of(result: Result) -> list[tuple[str, float, float]]:
    """``(layer, MACs per DRAM byte, MAC/s over the layer's own span)`` of each MAC layer: the roofline's points."""
    return [(l.name, l.macs / max(1, l.dram_read_bytes + l.dram_write_bytes),
             l.macs / (max(l.cycles, l.span_cycles) / result.clock_hz))
            for l in result.layers if l.macs and max(l.cycles, l.span_cycles)]


def dataflow_energy(per_df: dict[str, dict], title: str = "AlexNet CONV layers"):
    """Energy per MAC by level (ALU, RF, array, GLB, DRAM), one stacked bar per dataflow.

    ``per_df`` maps a dataflow to ``{layer: LevelEnergy}``
    (a family's dataflow comparison, e.g. ``accelsim plot dataflows``); layers are weighted by their MACs.
    """
    levels = ("alu", "rf", "array", "glb", "dram")
    names = list(per_df)
    fig, ax = plt.subplots(figsize=(6, 4))
    bottom = np.zeros(len(names))
    for lv in levels:
        vals = np.array([sum(getattr(e, lv) * w for e, w in per_df[n].values()) / sum(w for _, w in per_df[n].values())
                         for n in names])
        ax.bar(names, vals, bottom=bottom, label=lv.upper() if lv != "array" else "NoC")
        bottom += vals
    ax.set_ylabel("normalised energy per MAC (ALU = 1)")
    ax.set_title(f"{title}: energy by level per dataflow")
    ax.legend(fontsize=7)
    fig.tight_layout()
    return fig


def dram_bandwidth(result: Result, peak_bytes_per_s: float | None = None):
    """DRAM bandwidth over time (GB/s against ms), from the run's ``bandwidth_over_time`` bins."""
    bw = result.dram.get("bandwidth_over_time") or {"bin_cycles": 0, "bytes": []}
    w = bw["bin_cycles"] or 1
    ys = np.asarray(bw["bytes"], float) * result.clock_hz / w / 1e9
    xs = np.arange(len(ys)) * w / result.clock_hz * 1e3
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.step(xs, ys, where="post", lw=0.8, label="DRAM")
    if peak_bytes_per_s:
        ax.axhline(peak_bytes_per_s / 1e9, color="grey", ls=":", label="peak")
    ax.set_xlabel("time (ms)")
    ax.set_ylabel("GB/s")
    ax.set_title(_title(result, f"DRAM bandwidth ({w} cycles a bin)"))
    ax.legend(fontsize=7)
    fig.tight_layout()
    return fig


def roofline_points(points: list[tuple[str, float, float, float | None]], peak_macs_per_s: float,
                    dram_bytes_per_s: float, title: str):
    """Roofline with named points ``(name, MACs per weight byte, achieved MAC/s, published MAC/s or None)``.

    Used for the TPU v1 paper's six apps: simulated (filled) and measured (open) at each app's
    operational intensity.
    """
    fig, ax = plt.subplots(figsize=(6, 4))
    xs = np.logspace(0, 4, 200)
    ax.loglog(xs, np.minimum(peak_macs_per_s, xs * dram_bytes_per_s), "k-", label="roofline")
    ax.axvline(peak_macs_per_s / dram_bytes_per_s, color="grey", ls=":", label="ridge")
    for i, (name, x, y, pub) in enumerate(points):
        color = f"C{i % 10}"
        ax.scatter([x], [y], color=color, s=20, label=f"{name} (accelsim)")
        if pub:
            ax.scatter([x], [pub], facecolors="none", edgecolors=color, s=30)
        ax.annotate(name, (x, y), fontsize=7, xytext=(3, 3), textcoords="offset points")
    ax.set_xlabel("MACs per weight byte")
    ax.set_ylabel("MAC/s")
    ax.set_title(title)
    ax.legend(fontsize=6)
    fig.tight_layout()
    return fig


def sweep_scatter(rows: list[dict], front: list[dict] | None = None, x: str = "latency_s", y: str = "energy_pj",
                  colour: str = "model"):
    """Every sweep point by ``x`` and ``y`` in readable units, coloured by ``colour`` (``model`` or a swept key),
    with one Pareto front per model (a front across different networks compares nothing).

    ``front`` is accepted for callers that computed one; the fronts drawn are always per model.
    """
    fig, ax = plt.subplots(figsize=(6, 4))
    ok = [r for r in rows if r.get("status", "ok") == "ok"]
    xu, xs = _time_unit(max((r[x] for r in ok), default=0)) if x == "latency_s" else (x, 1.0)
    yu, ys = _energy_unit(max((r[y] for r in ok), default=0)) if y == "energy_pj" else (y, 1.0)

    def key(r):
        return r["model"] if colour == "model" else r["config"].get(colour)
    groups = sorted({str(key(r)) for r in ok}, key=_magnitude)
    for i, g in enumerate(groups):
        pts = [r for r in ok if str(key(r)) == g]
        ax.scatter([r[x] / xs for r in pts], [r[y] / ys for r in pts], s=12, color=_MEMORY_COLOURS[i % 9],
                   label=f"{colour} {g}" if colour != "model" else g)
    for i, m in enumerate(sorted({r["model"] for r in ok})):
        f = pareto_front([r for r in ok if r["model"] == m], x, y)
        ax.plot([r[x] / xs for r in f], [r[y] / ys for r in f], "-o", color="black", lw=0.8, ms=8, mfc="none",
                label="Pareto front (per model)" if i == 0 else None)
    ax.set_xlabel(f"latency ({xu})" if x == "latency_s" else x)
    ax.set_ylabel(f"energy ({yu})" if y == "energy_pj" else y)
    ax.set_title(f"sweep: {len(ok)} points" + (f", {len(rows) - len(ok)} failed" if len(rows) > len(ok) else ""))
    ax.legend(fontsize=7)
    fig.tight_layout()
    return fig


def sweep_heatmap(rows: list[dict], px: str, py: str, metric: str = "latency_s"):
    """``metric`` over two swept parameters ``px`` and ``py`` (config keys), each cell annotated; missing cells blank.

    Where other parameters (or models) were swept too, a cell holds the best (lowest) value over
    them, and the title says which parameters were reduced that way.
    """
    ok = [r for r in rows if r.get("status", "ok") == "ok"]
    swept = sorted({k for r in ok for k in r["config"]})
    for opt, key in (("--x", px), ("--y", py)):
        if key not in swept or any(key not in r["config"] for r in ok):
            raise AccelsimError(f"{key!r} is not swept in every point of this store; swept keys: "
                                f"{', '.join(swept) or 'none'}", field=f"plot heatmap {opt}")
    metrics = sorted({k for r in ok for k, v in r.items() if isinstance(v, (int, float)) and k != "batch"}
                     | {k for r in ok for k, v in r.get("metrics", {}).items() if isinstance(v, (int, float))})
    if metric not in metrics:
        raise AccelsimError(f"unknown metric {metric!r}; metrics: {', '.join(metrics)}", field="plot heatmap --metric")
    value = {id(r): r[metric] if isinstance(r.get(metric), (int, float)) else r["metrics"][metric] for r in ok}
    xs = sorted({r["config"][px] for r in ok}, key=_magnitude)
    ys = sorted({r["config"][py] for r in ok}, key=_magnitude)
    grid = np.full((len(ys), len(xs)), np.nan)
    for r in ok:  # several points in one cell (other parameters swept too): keep the best
        i, j = ys.index(r["config"][py]), xs.index(r["config"][px])
        grid[i, j] = value[id(r)] if np.isnan(grid[i, j]) else min(grid[i, j], value[id(r)])
    label = metric
    finite = grid[~np.isnan(grid)]
    if metric in ("latency_s", "energy_pj") and finite.size:
        unit, scale = (_time_unit if metric == "latency_s" else _energy_unit)(float(finite.max()))
        grid = grid / scale
        label = f"{'latency' if metric == 'latency_s' else 'energy'} ({unit})"
    fig, ax = plt.subplots(figsize=(6, 4))
    im = ax.imshow(grid, origin="lower", aspect="auto")
    for (i, j), v in np.ndenumerate(grid):
        if not np.isnan(v):
            ax.text(j, i, f"{v:.3g}", ha="center", va="center", fontsize=7, color="white")
    others = sorted(set(swept) - {px, py}) + (["model"] if len({r["model"] for r in ok}) > 1 else [])
    ax.set_title(label + (f", best over {', '.join(others)}" if others else ""), fontsize=9)
    ax.set_xticks(range(len(xs)), [str(v) for v in xs], rotation=45)
    ax.set_yticks(range(len(ys)), [str(v) for v in ys])
    ax.set_xlabel(px)
    ax.set_ylabel(py)
    fig.colorbar(im, ax=ax, label=label)
    fig.tight_layout()
    return fig


_UNITS = {"": 1, "k": 1e3, "ki": 1024, "m": 1e6, "mi": 2**20, "g": 1e9, "gi": 2**30}


def _magnitude(v) -> tuple:
    """Sort key that orders '32KiB' before '128KiB' and numbers by value."""
    if isinstance(v, (int, float)):
        return (0, float(v), "")
    m = re.match(r"^\s*([0-9.]+)\s*([kmg]i?)?", str(v).lower())
    if m:
        return (0, float(m.group(1)) * _UNITS[m.group(2) or ""], str(v))
    return (1, 0.0, str(v))


def timeline(trace, tl, clock_hz: float, layer: str | None = None):
    """Per-unit activity: one row per unit, one bar per op (of ``layer`` only, if given), in µs."""
    ops = trace.ops
    sel = np.arange(len(ops))
    if layer is not None:
        names = [l.name for l in trace.layers]
        if layer not in names:
            raise AccelsimError(f"no layer {layer!r} in {trace.model}; layers: {', '.join(names)}", field="--layer")
        li = names.index(layer)
        sel = sel[ops["layer"] == li]
    fig, ax = plt.subplots(figsize=(8, 0.5 + 0.4 * len(trace.units)))
    us = 1e6 / clock_hz
    for u, name in enumerate(trace.units):
        mine = sel[ops["unit"][sel] == u]
        spans = [(tl.start[i] * us, max(1, tl.end[i] - tl.start[i]) * us) for i in mine]
        if spans:
            ax.broken_barh(spans, (u - 0.4, 0.8))
    ax.set_yticks(range(len(trace.units)), trace.units)
    ax.set_xlabel("time (µs)")
    ax.set_title(f"{trace.model} on {trace.arch}, batch {trace.batch}" + (f", layer {layer}" if layer else ""))
    fig.tight_layout()
    return fig


def show(fig, dpi: int = 100):
    """``fig`` as an IPython PNG image, for notebooks.

    Figures here are built without pyplot (no global backend), so Jupyter's inline backend never
    sees them; a cell ending in ``plot.show(fig)`` displays one.
    """
    import io

    from IPython.display import Image
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return Image(buf.getvalue())
