"""Eyeriss timing and accounting: the trace's blocks in the shared engine, energy by level.

Compute ops are the processing passes of one GLB block (their cycles come from the
mapping's model); DMA ops move blocks over the DRAM link; the engine finds how much of the
DRAM time hides under processing. Energy per layer is the lowering's word counts per
level (ALU, filter/ifmap/psum spads, NoC, GLB, DRAM) times the spec's pJ per word, plus the
vector unit's element ops and static power.
"""

from __future__ import annotations

import numpy as np

from accelsim.families.eyeriss.spec import EyerissSpec
from accelsim.result import LayerResult, Result
from accelsim.sim import engine
from accelsim.sim.layers import traffic
from accelsim.sim.dram_run import dram_for_run
from accelsim.trace import COMPUTE, VECTOR, Trace

EFFECTS = ("processing passes: MACs, ifmap/psum NoC delivery, filter loads into spads, PE pipeline fill",
           "DRAM link bandwidth, overlapped with processing per GLB block (double-buffered GLB)",
           "zero gating (energy only) and run-length-coded DRAM feature maps")
APPROXIMATIONS = ("a pass's cycles come from the mapping model, not a PE-by-PE simulation",
                  "partial filter/channel blocks cost a full pass",
                  "GLB bank conflicts are not modelled; the GLB is double-buffered per block",
                  "pooling and element-wise layers run on an assumed vector unit of one PE row's width")


def run(trace: Trace, arch: EyerissSpec, dram=None) -> engine.Timeline:
    """Simulate ``trace`` on ``arch``; returns when every op ran (cycles)."""
    dram = dram if dram is not None else dram_for_run(arch.dram, arch.clock_hz)
    return engine.run_events(trace, dram, arch.pe_cols, True)


def evaluate(trace: Trace, arch: EyerissSpec) -> Result:
    """Simulate and account: per-layer cycles (processing vs stall), DRAM bytes, energy by level."""
    dram_model = dram_for_run(arch.dram, arch.clock_hz)
    tl = run(trace, arch, dram_model)
    ops = trace.ops
    nl = len(trace.layers)
    layer_of = ops["layer"]
    kind = ops["kind"]
    lanes = arch.pe_cols
    busy = np.zeros(nl, np.int64)
    for i in np.flatnonzero((kind == COMPUTE) | (kind == VECTOR)):
        busy[layer_of[i]] += int(ops["stream"][i]) if kind[i] == COMPUTE else engine.vector_cycles(
            int(ops["vops"][i]), lanes)
    vops = np.bincount(layer_of, weights=np.where(kind == VECTOR, ops["vops"], 0), minlength=nl)
    en = arch.energy
    k = en.node_factor  # the 45 nm unit's on-chip figures at the chip's node; DRAM and static are not scaled
    price = {"alu": en.alu_pj * k, "filter_spad": en.filter_spad_pj * k, "ifmap_spad": en.ifmap_spad_pj * k,
             "psum_spad": en.psum_spad_pj * k, "noc": en.noc_pj * k, "glb": en.glb_pj * k}
    tr = traffic(trace, tl, dram_model, arch.dram.timing is not None)
    layers = []
    for li, info in enumerate(trace.layers):
        start, horizon = tr.bounds[li]
        cycles = horizon - start
        counts = dict(info.counts)
        energy = {k: counts.get(k, 0) * pj for k, pj in price.items()}
        energy["alu"] += float(vops[li]) * price["alu"]
        energy["dram"] = tr.dram_energy_pj(li, arch.dram.energy_pj_per_byte)
        energy["static"] = en.static_power_w * cycles / arch.clock_hz * 1e12
        compute = min(int(busy[li]), cycles)
        layers.append(LayerResult(
            name=info.name, op=info.op, start_cycle=start, end_cycle=horizon, cycles=cycles, compute_cycles=compute,
            stall_cycles=cycles - compute, macs=info.macs, dram_read_bytes=int(tr.dram_read[li]),
            dram_write_bytes=int(tr.dram_write[li]),
            buffer_reads={"glb": int(counts.get("glb", 0)), "spads": int(counts.get("filter_spad", 0)
                                                                          + counts.get("ifmap_spad", 0)
                                                                          + counts.get("psum_spad", 0))},
            buffer_writes={}, energy_pj=energy, pe_count=arch.pe_count, span_cycles=int(tr.span[li])))
    effects = EFFECTS + (("filters run-length coded in DRAM at each layer's weight density (weight_rlc)",)
                         if arch.weight_rlc else ())
    return Result(arch=arch.name, model=trace.model, batch=trace.batch, clock_hz=arch.clock_hz,
                  pe_count=arch.pe_count, layers=tuple(layers), effects=effects,
                  approximations=APPROXIMATIONS + _scaling_note(en),
                  dram=tr.dram)


def _scaling_note(en) -> tuple[str, ...]:
    """The note stating the node scaling of the on-chip energies (none at 45 nm, 0.9 V)."""
    k = en.node_factor
    if k == 1.0:
        return ()
    return (f"energy: the preset's ALU, spad, NoC and GLB figures (ratios x a 45 nm unit) "
            f"scaled to {en.node_nm:g} nm, {en.vdd_v:g} V by Stillmaker & Baas 2017 (x{k:.3f}; DRAM and static not "
            "scaled)",)
