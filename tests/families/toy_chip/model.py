"""The toy's lowering (tiles that fit the buffer) and its timing through accelsim's shared engine."""

from __future__ import annotations

import math

import numpy as np

from accelsim.errors import AccelsimError
from accelsim.result import LayerResult, Result
from accelsim.sim import engine
from accelsim.sim.dram_run import dram_for_run
from accelsim.trace import COMPUTE, LOAD, STORE, VECTOR, LayerInfo, Trace, TraceBuilder
from accelsim.workload.layer import MAC_OPS

from toy_chip import UNITS


def lower_network(net, spec, batch: int = 1) -> Trace:
    """One load -> MACs -> store chain per tile; a tile's weights and inputs fill at most the buffer."""
    tb = TraceBuilder(spec.name, net.name, batch, UNITS, ("buf", "dram"))
    last = -1
    for layer in net.layers:
        li = tb.add_layer(LayerInfo(layer.name, layer.op, layer.weight_bits, layer.act_bits, layer.acc_bits,
                                    layer.macs * batch))
        out_bytes = layer.out_bytes * batch
        if layer.op not in MAC_OPS:
            last = tb.add(VECTOR, "vector", li, (last,), vops=layer.out_elements * batch)
            continue
        in_bytes = layer.weight_bytes + layer.in_bytes * batch
        tiles = max(1, math.ceil(in_bytes / spec.buffer_bytes))
        if in_bytes and math.ceil(in_bytes / tiles) > spec.buffer_bytes:
            raise AccelsimError(f"layer {layer.name}: a tile does not fit the buffer", field="buffer.capacity")
        done = last
        for t in range(tiles):
            part = lambda total: total // tiles + (t < total % tiles)
            load = tb.add(LOAD, "dma_in", li, (done,), src="dram", dst="buf", bytes=part(in_bytes))
            mac = tb.add(COMPUTE, "mac", li, (load, last), rows=1, cols=spec.lanes,
                         stream=math.ceil(part(layer.macs * batch) / spec.lanes), macs=part(layer.macs * batch))
            done = tb.add(STORE, "dma_out", li, (mac,), src="buf", dst="dram", bytes=part(out_bytes))
        last = done
    return tb.build()


def run(trace: Trace, spec, dram=None) -> engine.Timeline:
    """When each op of ``trace`` ran (cycles): the shared event loop, no overlap inside the MAC unit."""
    dram = dram if dram is not None else dram_for_run(spec.dram, spec.clock_hz)
    return engine.run_events(trace, dram, 1, False)


def evaluate(trace: Trace, spec) -> Result:
    """Per-layer cycles (layers back to back), DRAM bytes and MAC/DRAM energy."""
    dram = dram_for_run(spec.dram, spec.clock_hz)
    tl = run(trace, spec, dram)
    ops, nl = trace.ops, len(trace.layers)
    end = np.zeros(nl, np.int64)
    np.maximum.at(end, ops["layer"], tl.end)
    busy = np.bincount(ops["layer"], weights=np.where(ops["kind"] == COMPUTE, ops["stream"], ops["vops"]),
                       minlength=nl)
    moved = {k: np.bincount(ops["layer"], weights=np.where(ops["kind"] == k, ops["bytes"], 0), minlength=nl)
             for k in (LOAD, STORE)}
    layers, start = [], 0
    for li, info in enumerate(trace.layers):
        stop = max(start, int(end[li]))
        cycles = stop - start
        compute = min(int(busy[li]), cycles)
        r, w = int(moved[LOAD][li]), int(moved[STORE][li])
        layers.append(LayerResult(info.name, info.op, start, stop, cycles, compute, cycles - compute, info.macs, r, w,
                                  energy_pj={"mac": info.macs * spec.mac_pj,
                                             "dram": (r + w) * spec.dram.energy_pj_per_byte},
                                  pe_count=spec.lanes))
        start = stop
    return Result(spec.name, trace.model, trace.batch, spec.clock_hz, spec.lanes, tuple(layers),
                  effects=("tiles that fit the buffer, loaded, computed and stored in turn",),
                  approximations=("a toy: no pipelining across tiles",))
