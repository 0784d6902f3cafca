"""Every plot kind renders headless with the expected artists; the Perfetto export is valid."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.image import AxesImage

from accelsim import plot
from accelsim.api import lower, run_trace, simulate, timeline
from accelsim.registry import load_arch
from accelsim.sim.perfetto import trace_events
from accelsim.sweep.db import Store
from accelsim.sweep.execute import pareto_front, run_sweep
from accelsim.sweep.grid import points_from_dict

ARCH = load_arch("systolic-32x32")
TRACE = lower("lenet5", ARCH)
RESULT = run_trace(TRACE, ARCH)


def test_energy_bars_per_layer_and_component():
    ax = plot.energy_breakdown(RESULT).axes[0]
    assert len(ax.patches) == len(RESULT.layers) * len(RESULT.energy_pj)
    # LeNet-5's largest layer uses a few µJ: the axis says µJ, not 0.00x mJ
    tallest = max(l.total_energy_pj for l in RESULT.layers)
    assert 1e6 <= tallest < 1e9 and ax.get_ylabel() == "energy (µJ)" and ax.get_xlabel() == "layer"
    assert "batch 1" in ax.get_title()
    ax = plot.energy_breakdown(RESULT, static=False).axes[0]
    assert len(ax.patches) == len(RESULT.layers) * (len(RESULT.energy_pj) - 1)


def test_a_component_has_one_colour_in_every_family():
    from matplotlib.colors import to_hex
    other = simulate("lenet5", "eyeriss")
    for r in (RESULT, other):
        ax = plot.energy_breakdown(r).axes[0]
        handles, labels = ax.get_legend_handles_labels()
        colours = {lab: to_hex(h.patches[0].get_facecolor()) for h, lab in zip(handles, labels)}
        assert colours["dram"] == plot.COMPONENT_COLOURS["dram"]


def test_latency_bars():
    ax = plot.latency_breakdown(RESULT).axes[0]
    # one compute bar per layer, then one bar per layer for each stall cause the layers report
    causes = {c for l in RESULT.layers for c in l.stall_causes}
    assert len(ax.patches) == (1 + len(causes)) * len(RESULT.layers) and ax.get_ylabel() == "cycles"


def test_roofline_places_every_mac_layer():
    ax = plot.roofline(RESULT, ARCH.peak_macs_per_s, ARCH.dram.bandwidth_bytes_per_s).axes[0]
    pts = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(pts[0].get_offsets()) == sum(1 for l in RESULT.layers if l.macs)
    assert ax.get_xscale() == "log"


def test_sweep_scatter_and_heatmap(tmp_path):
    rows = run_sweep(points_from_dict({"models": ["lenet5"], "arch": "systolic-32x32",
                                       "grid": {"pe": ["8x8", "16x16"], "dram.bandwidth": ["5GB/s", "20GB/s"]}}),
                     Store(tmp_path / "s.db"))
    ax = plot.sweep_scatter(rows, pareto_front(rows)).axes[0]
    assert len(ax.collections[0].get_offsets()) == 4
    assert ax.get_xlabel().startswith("latency (") and ax.get_ylabel().startswith("energy (")
    fig = plot.sweep_heatmap(rows, "array.rows", "dram.bandwidth")
    img = [a for a in fig.axes[0].get_children() if isinstance(a, AxesImage)][0]
    assert img.get_array().shape == (2, 2)


def test_sweep_fronts_are_per_model(tmp_path):
    rows = run_sweep(points_from_dict({"models": ["lenet5", "alexnet_fc"], "arch": "systolic-32x32",
                                       "grid": {"pe": ["8x8", "16x16", "32x32"]}}), Store(tmp_path / "s.db"))
    ax = plot.sweep_scatter(rows, colour="array.rows").axes[0]
    fronts = [l for l in ax.get_lines()]
    assert len(fronts) == 2  # one per model, not one across two networks
    assert {t.get_text() for t in ax.get_legend().get_texts()} >= {"array.rows 8", "array.rows 16", "array.rows 32"}


def test_timeline_rows_per_unit(tmp_path):
    fig = plot.timeline(TRACE, timeline(TRACE, ARCH), ARCH.clock_hz)
    bars = [c for c in fig.axes[0].collections if isinstance(c, PolyCollection)]  # one broken_barh per unit
    assert len(bars) == len(set(TRACE.ops["unit"].tolist()))
    fig.savefig(tmp_path / "t.png")
    assert (tmp_path / "t.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_perfetto_events():
    doc = trace_events(TRACE, timeline(TRACE, ARCH), ARCH.clock_hz)
    x = [e for e in doc["traceEvents"] if e["ph"] == "X"]
    assert len(x) == len(TRACE) and all(e["dur"] >= 0 for e in x)
    json.dumps(doc)


@pytest.mark.parametrize("kind", ["energy", "latency", "roofline", "timeline"])
def test_cli_plot(kind, tmp_path):
    out = tmp_path / f"{kind}.svg"
    p = subprocess.run([sys.executable, "-m", "accelsim.cli", "plot", kind, "--arch", "eyeriss", "--model", "lenet5",
                        "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert out.read_text().lstrip().startswith("<?xml")


def test_roofline_points_places_each_app_and_its_measurement():
    from accelsim import plot
    pts = [("A", 100.0, 3e12, 2e12), ("B", 2000.0, 4e13, None)]
    fig = plot.roofline_points(pts, 4.6e13, 34e9, "t")
    ax = fig.axes[0]
    offsets = [tuple(c.get_offsets()[0]) for c in ax.collections]
    assert (100.0, 3e12) in offsets and (100.0, 2e12) in offsets and (2000.0, 4e13) in offsets
    assert len(ax.collections) == 3


def test_latency_breakdown_splits_stalls_by_cause():
    from accelsim import plot
    from accelsim.api import simulate
    r = simulate("resnet18", "tpu-v1")
    stalled = [l for l in r.layers if l.stall_cycles > 0]
    assert stalled and all(sum(l.stall_causes.values()) == l.stall_cycles for l in stalled)
    # at batch 1 TPU v1 waits on its weights from DDR3 (Jouppi et al. 2017, section 4)
    assert sum(l.stall_causes.get("dma_weights", 0) for l in r.layers) > 0.5 * r.stall_cycles
    fig = plot.latency_breakdown(r)
    labels = fig.axes[0].get_legend_handles_labels()[1]
    assert "compute" in labels and "stall: dma_weights" in labels
