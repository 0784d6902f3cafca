"""DRAM bandwidth over time: the bins integrate to the bytes moved and never exceed the peak rate."""

from __future__ import annotations

import pytest

from accelsim.api import simulate
from accelsim.registry import load_arch
from accelsim.sim.bandwidth import BandwidthSeries


@pytest.mark.parametrize("arch", ["systolic-32x32", "tpu-v1", "eyeriss", "diannao"])
def test_series_integrates_to_the_traffic_and_respects_the_peak(arch):
    r = simulate("lenet5", arch)
    bw = r.dram["bandwidth_over_time"]
    assert sum(bw["bytes"]) == pytest.approx(r.dram_read_bytes + r.dram_write_bytes)
    peak_per_cycle = load_arch(arch).dram.bandwidth_bytes_per_s / r.clock_hz
    # a bin may hold one extra burst from rounding a transfer's bus time up to whole cycles
    assert max(bw["bytes"]) <= peak_per_cycle * bw["bin_cycles"] + 64


def test_merging_bins_keeps_every_byte():
    s = BandwidthSeries(bin_cycles=4, max_bins=8)
    total = 0
    for k in range(50):
        s.add(7 * k, 7 * k + 5, 100 + k)
        total += 100 + k
    d = s.to_dict()
    assert d["bin_cycles"] > 4 and len(d["bytes"]) <= 8
    assert sum(d["bytes"]) == pytest.approx(total)


def test_plot_draws_the_series():
    from accelsim import plot
    r = simulate("lenet5", "systolic-32x32")
    fig = plot.dram_bandwidth(r, 10e9)
    line = fig.axes[0].lines[0]
    assert len(line.get_xdata()) == len(r.dram["bandwidth_over_time"]["bytes"])
