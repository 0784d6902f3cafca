"""Tiled FPGA timing and accounting: tiles through the shared engine, energy by component.

Compute ops carry a tile group's engine cycles; DMA ops move its inputs, weights and outputs
over the board's DDR; ping-pong buffers are dependencies, so the engine finds the overlap.
Energy: MACs at the data width (45 nm table), BRAM accesses, DRAM bytes, static power.
"""

from __future__ import annotations

import numpy as np

from accelsim.families.fpga.axi import PortLimitedDram
from accelsim.families.fpga.spec import FpgaSpec
from accelsim.energy import table
from accelsim.result import LayerResult, Result
from accelsim.sim import engine
from accelsim.sim.layers import traffic
from accelsim.sim.dram_run import dram_for_run
from accelsim.trace import COMPUTE, VECTOR, Trace

EFFECTS = ("per-tile compute of tm x tn convolvers (kernel passes, partial tiles)",
           "DDR bandwidth shared by loads and stores, overlapped through ping-pong buffers",
           "layer fusion / block convolution: intermediate maps on chip, weights re-read per block")
APPROXIMATIONS = ("DDR is bandwidth + latency; burst efficiency is taken as the preset's sustained rate",
                  "BRAM, LUT and FF use are estimates from buffer shapes, not synthesis",
                  "energy: 45 nm Horowitz figures, not a 28 nm FPGA power model")


def dram_model(spec: FpgaSpec):
    """A fresh DRAM model for a run, seen through the design's AXI ports when the spec names them."""
    inner = dram_for_run(spec.dram, spec.clock_hz)
    return PortLimitedDram(inner, spec.axi) if spec.axi is not None else inner


def approximations(spec: FpgaSpec) -> tuple[str, ...]:
    """What the model leaves out, for this spec's DRAM model."""
    if spec.dram.timing is None:
        return APPROXIMATIONS
    return ("DDR is the preset's timing model (banks, rows, refresh, FR-FCFS); each DMA transfer is one "
            "sequential run of bursts",) + APPROXIMATIONS[1:]


def run(trace: Trace, spec: FpgaSpec, dram=None) -> engine.Timeline:
    """Simulate ``trace`` on ``spec``; returns when every op ran (cycles)."""
    dram = dram if dram is not None else dram_model(spec)
    return engine.run_events(trace, dram, 64, True)


def evaluate_trace(trace: Trace, spec: FpgaSpec) -> Result:
    """:func:`evaluate` with the engine's size read off the trace: the widest compute op's ``rows`` (PEs)."""
    pes = int(max((int(x) for x in trace.ops["rows"][trace.ops["kind"] == COMPUTE]), default=1))
    return evaluate(trace, spec, pes)


def evaluate(trace: Trace, spec: FpgaSpec, pe_count: int) -> Result:
    """Simulate ``trace`` on ``spec`` and account cycles, DRAM bytes and energy per layer."""
    dram = dram_model(spec)
    tl = run(trace, spec, dram)
    ops = trace.ops
    nl = len(trace.layers)
    layer_of = ops["layer"]
    kind = ops["kind"]
    busy = np.bincount(layer_of, weights=np.where(kind == COMPUTE, ops["stream"], 0), minlength=nl)
    busy += np.bincount(layer_of, weights=np.where(kind == VECTOR, -(-ops["vops"] // 64), 0), minlength=nl)
    mac_pj = table.mac_pj(spec.data_bits, spec.data_bits, 2 * spec.data_bits)
    bram_pj_per_byte = table.sram_pj(4608, 72) / 9  # one BRAM36 (4.5 KB) port, 72 bits wide
    tr = traffic(trace, tl, dram, spec.dram.timing is not None)
    layers = []
    for li, info in enumerate(trace.layers):
        start, horizon = tr.bounds[li]
        cycles = horizon - start
        compute = min(int(busy[li]), cycles)
        moved = float(tr.dram_read[li] + tr.dram_write[li])
        energy = {"mac": info.macs * mac_pj, "bram": 2 * moved * bram_pj_per_byte,
                  "dram": tr.dram_energy_pj(li, spec.dram.energy_pj_per_byte),
                  "static": spec.static_power_w * cycles / spec.clock_hz * 1e12}
        layers.append(LayerResult(name=info.name, op=info.op, start_cycle=start, end_cycle=horizon, cycles=cycles,
                                  compute_cycles=compute, stall_cycles=cycles - compute, macs=info.macs,
                                  dram_read_bytes=int(tr.dram_read[li]), dram_write_bytes=int(tr.dram_write[li]),
                                  energy_pj=energy, pe_count=pe_count, span_cycles=int(tr.span[li])))
    effects = EFFECTS
    if spec.axi is not None:
        a = spec.axi
        effects += (f"the design's AXI ports: {a.count} x {a.width_bits}-bit at the fabric clock, "
                    f"{a.bandwidth_bytes_per_s(spec.clock_hz) / 1e9:.3g} GB/s each way, below the DDR's "
                    f"{spec.dram.bandwidth_bytes_per_s / 1e9:.3g} GB/s ({a.burst_beats}-beat bursts; per-burst "
                    "handshakes not modelled)",)
    if spec.weight_format != "dense":
        effects += (f"weights stored in DRAM as {spec.weight_format} at each layer's density (compress.prune sizes), "
                    "decompressed into the dense weight buffer",)
    return Result(arch=spec.name, model=trace.model, batch=trace.batch, clock_hz=spec.clock_hz, pe_count=pe_count,
                  layers=tuple(layers), effects=effects, approximations=approximations(spec), dram=tr.dram)
