"""Cambricon-X timing and accounting: groups through the shared engine, energy per multiply, buffer byte and index.

Compute ops carry a group's cycles from the lowering (the slowest PE of the group); DMA ops move
compressed synapses, inputs and outputs over the shared DRAM channel, double-buffered.
"""

from __future__ import annotations

import numpy as np

from accelsim.compress.patterns import drawn_note
from accelsim.energy.scaling import scale_from_table
from accelsim.families.cambricon_x.spec import CambriconXSpec
from accelsim.result import LayerResult, Result
from accelsim.sim import engine
from accelsim.sim.layers import traffic
from accelsim.sim.dram_run import dram_for_run
from accelsim.trace import COMPUTE, VECTOR, Trace

EFFECTS = ("zero synapses skipped: ceil(non-zeros / tn) cycles per output neuron, at least one",
           "asynchronous PEs: a group of output channels ends with its slowest PE (real or drawn pattern)",
           "compressed synapses (values + step or direct index) streamed from DRAM, double-buffered",
           "inputs re-read from DRAM for every group and chunk when they exceed NBin")
APPROXIMATIONS = ("the indexing module always delivers tn neurons a cycle (no IM or NBin bank stalls)",
                  "zero activations are not skipped (Cambricon-X exploits weight sparsity only)",
                  "energy: the diannao preset's 45 nm x 2 figures; leakage not modelled")


def run(trace: Trace, spec: CambriconXSpec, dram=None) -> engine.Timeline:
    """When each op of ``trace`` ran on ``spec`` (cycles)."""
    dram = dram if dram is not None else dram_for_run(spec.dram, spec.clock_hz)
    return engine.run_events(trace, dram, spec.vector_lanes, False)


def evaluate(trace: Trace, spec: CambriconXSpec) -> Result:
    """Simulate ``trace`` on ``spec`` and account cycles, DRAM bytes and energy per layer."""
    dram = dram_for_run(spec.dram, spec.clock_hz)
    tl = run(trace, spec, dram)
    ops, nl = trace.ops, len(trace.layers)
    layer_of, kind = ops["layer"], ops["kind"]
    busy = np.bincount(layer_of, weights=np.where(kind == COMPUTE, ops["stream"], 0), minlength=nl)
    vec = -(-ops["vops"] // spec.vector_lanes)
    busy += np.bincount(layer_of, weights=np.where(kind == VECTOR, vec, 0), minlength=nl)
    vops = np.bincount(layer_of, weights=np.where(kind == VECTOR, ops["vops"], 0), minlength=nl)
    tr = traffic(trace, tl, dram, spec.dram.timing is not None)
    e = spec.energy
    k = scale_from_table(e.node_nm, e.vdd_v)  # the table's figures at the preset's node; index_pj is the preset's own
    layers = []
    for li, info in enumerate(trace.layers):
        start, stop = tr.bounds[li]
        cycles = stop - start
        c = dict(info.counts)
        energy = {"mult": c.get("mults", 0) * e.mult_pj * k, "add": (c.get("adds", 0) + float(vops[li])) * e.add_pj * k,
                  "nbin": c.get("nbin_bytes", 0) * e.nbin_pj_per_byte * k,
                  "sb": c.get("sb_bytes", 0) * e.sb_pj_per_byte * k,
                  "nbout": c.get("nbout_bytes", 0) * e.nbout_pj_per_byte * k, "index": c.get("indexed", 0) * e.index_pj,
                  "dram": tr.dram_energy_pj(li, spec.dram.energy_pj_per_byte),
                  "static": e.static_power_w * cycles / spec.clock_hz * 1e12}
        compute = min(int(busy[li]), cycles)
        layers.append(LayerResult(name=info.name, op=info.op, start_cycle=start, end_cycle=stop, cycles=cycles,
                                  compute_cycles=compute, stall_cycles=cycles - compute, macs=info.macs,
                                  dram_read_bytes=int(tr.dram_read[li]), dram_write_bytes=int(tr.dram_write[li]),
                                  buffer_reads={"sb": int(c.get("sb_bytes", 0)), "nbin": int(c.get("nbin_bytes", 0))},
                                  buffer_writes={"nbout": int(c.get("nbout_bytes", 0))},
                                  energy_pj=energy, pe_count=spec.pes * spec.tn,
                                  span_cycles=int(tr.span[li])))
    return Result(arch=spec.name, model=trace.model, batch=trace.batch, clock_hz=spec.clock_hz,
                  pe_count=spec.pes * spec.tn, layers=tuple(layers), effects=EFFECTS,
                  approximations=APPROXIMATIONS + _scaling_note(e) + drawn_note(
                      dict(l.counts)["real_pattern"] for l in trace.layers if dict(l.counts).get("real_pattern") is not None),
                  dram=tr.dram)


def _scaling_note(e) -> tuple[str, ...]:
    """The note stating the node scaling of the preset's table energies (none at 45 nm, 0.9 V)."""
    k = scale_from_table(e.node_nm, e.vdd_v)
    if k == 1.0:
        return ()
    return (f"energy: the preset's 45 nm figures (Horowitz ISSCC 2014) scaled to {e.node_nm:g} nm, {e.vdd_v:g} V by "
            f"Stillmaker & Baas 2017 (x{k:.3f} on multiplies, adds and buffers; index, DRAM and static not scaled)",)
