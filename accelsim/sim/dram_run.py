"""A run's DRAM: the model its spec asks for, and that model's energy shared out over layers.

Sits above both DRAM models (:mod:`accelsim.sim.dram`, the bandwidth channel, and
:mod:`accelsim.sim.dram_timing`, banks and rows), so neither imports the other's chooser.
"""

from __future__ import annotations

from accelsim.arch.spec import DramSpec
from accelsim.sim.dram import BandwidthChannel, SimpleDram
from accelsim.sim.dram_timing import DramModel


def dram_for_run(dram: DramSpec, clock_hz: float):
    """A fresh DRAM model for one run: the timing model if the spec has a preset, else the channel."""
    if dram.timing is not None:
        return DramModel.from_spec(dram.timing, clock_hz, path=dram.path)
    return BandwidthChannel(SimpleDram.from_spec(dram, clock_hz))


def dram_energy_by_layer(model, n_layers: int, layer_cycles: list[int], end_cycle: int) -> tuple[list[float], dict]:
    """Per-layer DRAM energy (pJ) and run totals from a timing model's statistics.

    Traffic energy (activates, bursts) is each layer's own; refresh and background energy
    belong to the whole run and are shared out in proportion to each layer's cycles, so the
    layers add up to the total. Returns ``(energy per layer, totals)``.
    """
    st = model.stats(end_cycle)
    total_cycles = max(1, sum(layer_cycles))
    shared = st.refresh_energy_pj + st.background_energy_pj
    out = []
    for li in range(n_layers):
        t = st.by_tag.get(li)
        own = (t.activate_energy_pj + t.read_energy_pj + t.write_energy_pj) if t else 0.0
        out.append(own + shared * layer_cycles[li] / total_cycles)
    totals = {"model": "timing", "row_hit_rate": st.row_hit_rate, "activates": st.activates,
              "refreshes": st.refreshes, "achieved_bytes_per_s": st.achieved_bytes_per_s,
              "bandwidth_utilization": st.bandwidth_utilization,
              "energy_pj": {"activate": st.activate_energy_pj, "read": st.read_energy_pj, "write": st.write_energy_pj,
                            "refresh": st.refresh_energy_pj, "background": st.background_energy_pj},
              "row_hit_rate_by_layer": {li: t.row_hit_rate for li, t in st.by_tag.items()}}
    return out, totals
