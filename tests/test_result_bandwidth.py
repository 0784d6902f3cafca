"""Per-layer average bandwidths in the JSON result multiply back to the layer's traffic."""

from __future__ import annotations

import pytest

from accelsim.api import simulate


def test_bandwidth_times_cycles_is_the_traffic():
    r = simulate("lenet5", "systolic-32x32")
    d = r.to_dict()
    for layer, entry in zip(r.layers, d["layers"]):
        bw = entry["bandwidth"]
        assert bw["dram_bytes_per_cycle"] * layer.cycles == pytest.approx(layer.dram_read_bytes + layer.dram_write_bytes)
        for name, n in layer.buffer_reads.items():
            assert bw[f"{name}_reads_per_compute_cycle"] * max(1, layer.compute_cycles) == pytest.approx(n)
