"""Account a DianNao/Cambricon core run (:mod:`accelsim.families.cambricon.core`) as a Result.

The wiring (compile, assemble, follow control flow with the interpreter, time on the core)
is :func:`accelsim.families.cambricon.run.run_cambricon`. Energy: multiplies and adds at the preset's pJ, scratchpad bytes at each scratchpad's pJ per
byte, DRAM from the shared DRAM model.
"""

from __future__ import annotations

from dataclasses import dataclass

from accelsim.energy.scaling import scale_from_table
from accelsim.families.cambricon.spec import CambriconSpec
from accelsim.result import LayerResult, Result
from accelsim.sim.layers import attributed
from accelsim.sim.dram_run import dram_energy_by_layer

EFFECTS = ("in-order issue, one instruction a cycle", "taken-branch refetch penalty", "unit queues and scoreboard",
           "NFU lane quantisation per gather segment", "DMA per scratchpad through the shared DRAM model",
           "DRAM bandwidth and latency")
APPROXIMATIONS = ("no instruction cache misses (the program is assumed resident)",
                  "scratchpad banks never conflict", "static power as given by the preset (0 if unpublished)",
                  "partial sums saturate to i32 per write; 16-bit fixed point only")


@dataclass(frozen=True)
class CambriconRun:
    """A simulation's Result plus what the instruction-level view adds (counts, the program)."""

    result: Result
    dynamic_insns: int
    static_insns: int
    by_op: dict[str, int]
    bound: tuple[str, ...]          # per layer: "memory" or "compute"
    log: list | None = None
    layer_pcs: tuple[int, ...] = ()


def sum_ops(run) -> dict[str, int]:
    out: dict[str, int] = {}
    for t in run.layers:
        for k, v in t.by_op.items():
            out[k] = out.get(k, 0) + v
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def bound(t) -> str:
    dma = max((v for k, v in t.busy.items() if k.startswith("dma")), default=0)
    compute = t.busy.get("matrix", 0) + t.busy.get("vector", 0)
    return "memory" if dma > compute else "compute"


def account(model: str, layers_in: tuple[tuple[str, str, int], ...], spec: CambriconSpec, batch: int, run,
            dram) -> Result:
    """Per-layer cycles (each layer's share of the makespan), traffic and energy from a core run.

    ``layers_in`` holds each layer's (name, op, MACs per image), in program order.
    """
    bounds = attributed(t.end for t in run.layers)
    horizon = bounds[-1][1] if bounds else 0
    n = len(run.layers)
    dram_pj, dram_totals = None, {}
    if spec.dram.timing is not None:
        dram_pj, dram_totals = dram_energy_by_layer(dram, n, [b - a for a, b in bounds], horizon)
    from accelsim.sim.bandwidth import series_of
    dram_totals = {**dram_totals, "bandwidth_over_time": series_of(dram)}
    e = spec.energy
    scale = scale_from_table(e.node_nm, e.vdd_v)  # the preset's table figures moved to its node (DRAM, static not)
    layers = []
    for li, ((lname, lop, lmacs), t) in enumerate(zip(layers_in, run.layers)):
        start, stop = bounds[li]
        cycles = stop - start
        busy = t.busy.get("matrix", 0) + t.busy.get("vector", 0)
        compute = min(busy, cycles)
        moved = t.dram_read + t.dram_write
        energy = {"mac": t.mults * e.mult_pj * scale, "add": t.adds * e.add_pj * scale}
        for sp in spec.scratchpad_bytes:
            energy[sp] = (t.sp_read.get(sp, 0) + t.sp_write.get(sp, 0)) * e.sram_pj_per_byte[sp] * scale
        energy["dram"] = dram_pj[li] if dram_pj is not None else moved * spec.dram.energy_pj_per_byte
        energy["static"] = e.static_power_w * cycles / spec.clock_hz * 1e12
        layers.append(LayerResult(
            name=lname, op=lop, start_cycle=start, end_cycle=stop, cycles=cycles, compute_cycles=compute,
            stall_cycles=cycles - compute, macs=lmacs * batch, dram_read_bytes=t.dram_read,
            dram_write_bytes=t.dram_write, buffer_reads={k: v // 2 for k, v in t.sp_read.items() if k != "dram"},
            buffer_writes={k: v // 2 for k, v in t.sp_write.items() if k != "dram"}, energy_pj=energy,
            pe_count=spec.pe_count, span_cycles=max(0, t.end - t.start) if t.start >= 0 else 0))
    return Result(arch=spec.name, model=model, batch=batch, clock_hz=spec.clock_hz, pe_count=spec.pe_count,
                  layers=tuple(layers), effects=EFFECTS + format_effects(spec.weight_format),
                  approximations=APPROXIMATIONS + format_approximations(spec) + scaling_note(spec), dram=dram_totals)


def scaling_note(spec: CambriconSpec) -> tuple[str, ...]:
    """The note stating the node scaling applied to the preset's per-action energies (none at 45 nm, 0.9 V)."""
    e = spec.energy
    scale = scale_from_table(e.node_nm, e.vdd_v)
    if scale == 1.0:
        return ()
    return (f"energy: the preset's 45 nm figures (Horowitz ISSCC 2014) scaled to {e.node_nm:g} nm, {e.vdd_v:g} V by "
            f"Stillmaker & Baas 2017 (x{scale:.3f} on multiplies, adds and scratchpads; DRAM and static power not scaled)",)


def format_effects(weight_format: str) -> tuple[str, ...]:
    """The effect a sparse DRAM weight format adds to a run (none for ``dense``)."""
    if weight_format == "dense":
        return ()
    return (f"weights stored {weight_format} in DRAM: each conv/FC weight load (VLOADZ) moves the layer's stored "
            "bytes and decompresses into SB; the NFU still multiplies every weight, zeros included",)


def format_approximations(spec: CambriconSpec) -> tuple[str, ...]:
    """What the sparse weight format leaves out, and whether the preset's chip could do it."""
    if spec.weight_format == "dense":
        return ()
    chip = ("DianNao's DMA only copies bytes (Chen et al., ASPLOS 2014 describe no decompressor): this run "
            "assumes one added to the SB's DMA" if spec.variant == "diannao" else
            "Cambricon's DMA only copies bytes: this run assumes a decompressor added to the SB's DMA")
    return (chip, "decompression costs no cycles or energy beyond the DRAM bytes; a layer's stored bytes are shared "
            "over its weight blocks in proportion to their size; depthwise layers still load dense weights; "
            "tiles are chosen as for dense weights")
