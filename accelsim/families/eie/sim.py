"""EIE timing and accounting: passes through the shared engine, energy per stored entry, pointer and register.

Each compute op is one broadcast pass whose cycles the lowering took from the PEs' real
entries (:func:`accelsim.kernels.sparse_mv.spmv_schedule`); the engine orders passes, the
input/output transfers and any streamed weights over the shared DRAM channel.
"""

from __future__ import annotations

import numpy as np

from accelsim.energy import table
from accelsim.energy.scaling import scale_from_table
from accelsim.compress.patterns import drawn_note
from accelsim.families.eie.spec import EieSpec
from accelsim.result import LayerResult, Result
from accelsim.sim import engine
from accelsim.sim.layers import traffic
from accelsim.sim.dram_run import dram_for_run
from accelsim.trace import COMPUTE, Trace

EFFECTS = ("zero activations skipped: only non-zero inputs are broadcast, one a cycle",
           "one cycle per stored entry (padding included) of the PE's rows, at least one per broadcast input",
           "load imbalance: a full activation queue holds the broadcast, from the real non-zero pattern",
           "passes of pes x act_regs outputs; weights streamed from DRAM only when they do not fit on chip")
APPROXIMATIONS = ("energy: 45 nm Horowitz figures at the PE's SRAM sizes, not the chip's layout",
                  "the codebook lookup and the leading-non-zero detection tree cost no energy",
                  "weights are taken as shared into the preset's codebook (Deep Compression): entries are "
                  "weight_bits + index_bits wide whatever the layer's own bit width")


DRAWN_ACTS = ("activation non-zeros drawn at each layer's act_density (seeded), not from a run of the network: "
              "give --weights (or --activations functional) for the pattern of a functional run")
FUNCTIONAL_ACTS = ("activation non-zeros from a functional run of the network (its weights, a seeded input "
                   "uniform in [0, 1)): where the zeros fall, layer by layer and sample by sample",)
ELTWISE = ("element-wise layers (an LSTM's gate products and sums, sigmoid/tanh) on the PEs: one operation a "
           "cycle per PE over its own rows; an assumption, the paper's text on them was not checked",)


def notes(trace: Trace) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(effects, approximations)`` this trace adds: where its activation patterns came from, element-wise layers."""
    counts = [dict(l.counts) for l in trace.layers]
    matrix = [c for c in counts if "real_pattern" in c]
    functional = bool(matrix) and all(c.get("functional_acts") for c in matrix)
    effects = (FUNCTIONAL_ACTS if functional else ()) + (ELTWISE if any("eltwise_ops" in c for c in counts) else ())
    approximations = (() if functional or not matrix else (DRAWN_ACTS,)) + drawn_note(c["real_pattern"]
                                                                                     for c in matrix)
    return effects, approximations


def run(trace: Trace, spec: EieSpec, dram=None) -> engine.Timeline:
    """When each op of ``trace`` ran on ``spec`` (cycles)."""
    dram = dram if dram is not None else dram_for_run(spec.dram, spec.clock_hz)
    return engine.run_events(trace, dram, 1, False)


def action_pj(spec: EieSpec) -> dict[str, float]:
    """Energy (pJ) of one of each counted action: entry (multiply-accumulate), SpMat read, pointer read, register.

    An element-wise operation is priced as an entry (the PE's multiply-accumulate unit does it).
    """
    e = spec.energy
    k = scale_from_table(e.node_nm, e.vdd_v)  # the table's figures at the preset's node; overrides are the preset's
    return {"entries": e.mac_pj if e.mac_pj is not None
            else table.mac_pj(spec.act_bits, spec.act_bits, spec.act_bits) * k,
            "spmat_reads": e.spmat_read_pj if e.spmat_read_pj is not None
            else table.sram_pj(spec.spmat_bytes, spec.spmat_width_bits) * k,
            "ptr_reads": e.ptr_read_pj if e.ptr_read_pj is not None
            else table.sram_pj(max(1, spec.ptr_bytes // 2), spec.ptr_bits) * k,
            "act_reads": e.act_pj * spec.pes, "act_writes": e.act_pj, "eltwise_reads": e.act_pj}


def evaluate(trace: Trace, spec: EieSpec) -> Result:
    """Simulate ``trace`` on ``spec`` and account cycles, DRAM bytes and energy per layer."""
    dram = dram_for_run(spec.dram, spec.clock_hz)
    tl = run(trace, spec, dram)
    ops, nl = trace.ops, len(trace.layers)
    layer_of, kind = ops["layer"], ops["kind"]
    busy = np.bincount(layer_of, weights=np.where(kind == COMPUTE, ops["stream"], 0), minlength=nl)
    tr = traffic(trace, tl, dram, spec.dram.timing is not None)
    price = action_pj(spec)
    layers = []
    for li, info in enumerate(trace.layers):
        start, stop = tr.bounds[li]
        cycles = stop - start
        counts = dict(info.counts)
        energy = {"mac": (counts.get("entries", 0) + counts.get("eltwise_ops", 0)) * price["entries"],
                  "spmat": counts.get("spmat_reads", 0) * price["spmat_reads"],
                  "pointers": counts.get("ptr_reads", 0) * price["ptr_reads"],
                  "activations": counts.get("act_reads", 0) * price["act_reads"]
                  + counts.get("act_writes", 0) * price["act_writes"]
                  + counts.get("eltwise_reads", 0) * price["eltwise_reads"],
                  "dram": tr.dram_energy_pj(li, spec.dram.energy_pj_per_byte),
                  "static": spec.energy.static_power_w * cycles / spec.clock_hz * 1e12}
        compute = min(int(busy[li]), cycles)
        layers.append(LayerResult(name=info.name, op=info.op, start_cycle=start, end_cycle=stop, cycles=cycles,
                                  compute_cycles=compute, stall_cycles=cycles - compute, macs=info.macs,
                                  dram_read_bytes=int(tr.dram_read[li]), dram_write_bytes=int(tr.dram_write[li]),
                                  buffer_reads={"spmat": int(counts.get("spmat_reads", 0)),
                                                "pointers": int(counts.get("ptr_reads", 0))},
                                  energy_pj=energy, pe_count=spec.pes, span_cycles=int(tr.span[li])))
    effects, approximations = notes(trace)
    return Result(arch=spec.name, model=trace.model, batch=trace.batch, clock_hz=spec.clock_hz, pe_count=spec.pes,
                  layers=tuple(layers), effects=EFFECTS + effects, approximations=APPROXIMATIONS + approximations + _scaling_note(spec),
                  dram=tr.dram)


def _scaling_note(spec: EieSpec) -> tuple[str, ...]:
    """The note stating the node scaling of the table's figures (none at the table's 45 nm, 0.9 V)."""
    k = scale_from_table(spec.energy.node_nm, spec.energy.vdd_v)
    if k == 1.0:
        return ()
    return (f"energy: the 45 nm table's MAC and SRAM figures (Horowitz ISSCC 2014) scaled to {spec.energy.node_nm:g} nm, "
            f"{spec.energy.vdd_v:g} V by Stillmaker & Baas 2017 (x{k:.3f}; preset figures, registers and DRAM not)",)
