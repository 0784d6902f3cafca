"""Run a compiled program on the DianNao/Cambricon core and account it as a Result.

``simulate`` compiles the network (:mod:`accelsim.lower.cambricon.compiler`), assembles the
text (:mod:`accelsim.lower.cambricon.asm`), follows the program's control flow with the
interpreter in timing-only mode (:mod:`accelsim.lower.cambricon.interp`, no data moved), and
times every dynamic instruction on the pipelined core (:mod:`accelsim.sim.cambricon`).
Energy: multiplies and adds at the preset's pJ, scratchpad bytes at each scratchpad's pJ per
byte, DRAM from the shared DRAM model.
"""

from __future__ import annotations

from dataclasses import dataclass

from accelsim.arch.cambricon import CambriconSpec
from accelsim.result import LayerResult, Result
from accelsim.sim.dram import dram_energy_by_layer, dram_for_run
from accelsim.workload.network import Network

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


def machine_for(compiled, spec: CambriconSpec, functional: bool):
    """A fresh interpreter Machine sized for ``compiled`` (DRAM image zeroed only in functional mode)."""
    import numpy as np

    from accelsim.lower.cambricon.interp import Machine
    dram = np.zeros(compiled.dram_bytes if functional else 0, np.uint8)
    return Machine.create(dict(spec.scratchpad_bytes), dram)


def layer_pcs(program, compiled) -> list[int]:
    """The pc where each layer's code starts."""
    labels = dict(program.labels)
    return [labels[name] for name in compiled.labels]


def simulate(net: Network, spec: CambriconSpec, batch: int = 1, log: bool = False) -> CambriconRun:
    """Compile, assemble and time ``net`` on ``spec`` at ``batch`` images; see the module docstring."""
    from accelsim.lower.cambricon.asm import assemble
    from accelsim.lower.cambricon.compiler import compile_network
    from accelsim.lower.cambricon.interp import iter_dynamic
    from accelsim.sim.cambricon import run_core

    compiled = compile_network(net, dict(spec.scratchpad_bytes), spec.matrix.rows, spec.matrix.cols, batch,
                               bytes_per_cycle=spec.dram.bandwidth_bytes_per_s / spec.clock_hz)
    program = assemble(compiled.text, file=f"{net.name}.{spec.name}.s")
    machine = machine_for(compiled, spec, functional=False)
    dram = dram_for_run(spec.dram, spec.clock_hz)
    run = run_core(iter_dynamic(program, machine, functional=False), spec, layer_pcs(program, compiled), dram,
                   log=log)
    return CambriconRun(account(net, spec, batch, run, dram), run.steps, len(program.insns),
                        _sum_ops(run), tuple(_bound(t) for t in run.layers), run.log)


def _sum_ops(run) -> dict[str, int]:
    out: dict[str, int] = {}
    for t in run.layers:
        for k, v in t.by_op.items():
            out[k] = out.get(k, 0) + v
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def _bound(t) -> str:
    dma = max((v for k, v in t.busy.items() if k.startswith("dma")), default=0)
    compute = t.busy.get("matrix", 0) + t.busy.get("vector", 0)
    return "memory" if dma > compute else "compute"


def account(net: Network, spec: CambriconSpec, batch: int, run, dram) -> Result:
    """Per-layer cycles (each layer's share of the makespan), traffic and energy from a core run."""
    bounds, horizon = [], 0
    for t in run.layers:
        bounds.append((horizon, max(horizon, t.end)))
        horizon = bounds[-1][1]
    n = len(run.layers)
    dram_pj, dram_totals = None, {}
    if spec.dram.timing is not None:
        dram_pj, dram_totals = dram_energy_by_layer(dram, n, [b - a for a, b in bounds], horizon)
    e = spec.energy
    layers = []
    for li, (layer, t) in enumerate(zip(net.layers, run.layers)):
        start, stop = bounds[li]
        cycles = stop - start
        busy = t.busy.get("matrix", 0) + t.busy.get("vector", 0)
        compute = min(busy, cycles)
        moved = t.dram_read + t.dram_write
        energy = {"mac": t.mults * e.mult_pj, "add": t.adds * e.add_pj}
        for sp in spec.scratchpad_bytes:
            energy[sp] = (t.sp_read.get(sp, 0) + t.sp_write.get(sp, 0)) * e.sram_pj_per_byte[sp]
        energy["dram"] = dram_pj[li] if dram_pj is not None else moved * spec.dram.energy_pj_per_byte
        energy["static"] = e.static_power_w * cycles / spec.clock_hz * 1e12
        layers.append(LayerResult(
            name=layer.name, op=layer.op, start_cycle=start, end_cycle=stop, cycles=cycles, compute_cycles=compute,
            stall_cycles=cycles - compute, macs=layer.macs * batch, dram_read_bytes=t.dram_read,
            dram_write_bytes=t.dram_write, buffer_reads={k: v // 2 for k, v in t.sp_read.items() if k != "dram"},
            buffer_writes={k: v // 2 for k, v in t.sp_write.items() if k != "dram"}, energy_pj=energy,
            pe_count=spec.pe_count))
    return Result(arch=spec.name, model=net.name, batch=batch, clock_hz=spec.clock_hz, pe_count=spec.pe_count,
                  layers=tuple(layers), effects=EFFECTS, approximations=APPROXIMATIONS, dram=dram_totals)
