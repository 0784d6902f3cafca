"""Systolic array timing and accounting: the array as a SimPy unit, buffer accesses, the Result.

The array runs its folds in order with the recurrence of
:func:`accelsim.kernels.folds.fold_schedule_ref` (preload under the previous stream when
``overlap_folds``; results leave in order). The engine applies it fold by fold as each
fold's operands become ready, so DMA and compute interleave as the dependencies allow;
``tests/families/systolic/test_sim.py`` holds the process to the kernel on the ready times it saw.
:func:`array_unit` is the SimPy form of the array (the reference); :func:`run` uses the
engine's compiled event loop, which applies the same recurrence.
"""

from __future__ import annotations

import numpy as np

from accelsim.families.systolic.spec import SystolicSpec
from accelsim.energy import price
from accelsim.result import LayerResult, Result
from accelsim.sim import engine
from accelsim.sim.layers import attributed, spans
from accelsim.sim.dram_run import dram_energy_by_layer, dram_for_run
from accelsim.trace import COMPUTE, LOAD, STORE, VECTOR, Trace

EFFECTS = ("pipeline fill and drain per fold", "weight preload (overlapped with the previous fold)",
           "DRAM transfers shared by all DMA units", "buffer capacity (double buffering as dependencies)",
           "vector unit throughput")
#: SCALE-Sim reports a layer's last cycle as a 0-based index, one below the cycles it ran
#: (families/systolic/scalesim_compat.py, point 4); --compat scalesim reports compute cycles its way
SCALESIM_END_OF_LAYER_OFFSET = 1
APPROXIMATIONS = ("DRAM is bandwidth + latency: no banks, rows or refresh",
                  "buffer ports and widths limit the stream rate; bank conflicts are off (array.bank_conflicts)",
                  "input tiles refetch their halo rows from DRAM",
                  "energy: 45 nm Horowitz table (ISSCC 2014) unless the preset overrides it")


#: LayerInfo counts the lowering writes with ``array.bank_conflicts`` (families/systolic/lower.CONFLICT_*)
CONFLICT_COUNTS = ("bank_conflict_preload_cycles", "bank_conflict_cycles")


def conflict_cycles_per_op(trace: Trace) -> tuple[np.ndarray, np.ndarray]:
    """Cycles SRAM bank conflicts add to each op's preload and stream: ``(preload, stream)``, int64 per op.

    Each of a layer's two counts is spread over its folds in proportion to the phase's length
    (``preload``, or ``stream * div``), the last fold taking the remainder, so the shares add
    up to the count exactly. Ops off the array and layers without counts get zeros.
    """
    ops = trace.ops
    out = (np.zeros(len(ops), np.int64), np.zeros(len(ops), np.int64))
    phase = (ops["preload"].astype(np.int64), ops["stream"].astype(np.int64) * ops["div"].astype(np.int64))
    for li, info in enumerate(trace.layers):
        counts = dict(info.counts)
        if not any(counts.get(name) for name in CONFLICT_COUNTS):
            continue
        ids = np.flatnonzero((ops["kind"] == COMPUTE) & (ops["layer"] == li))
        for name, dest, w in zip(CONFLICT_COUNTS, out, phase):
            extra = counts.get(name, 0)
            if not extra or not ids.size:
                continue
            share = extra * w[ids] // max(1, int(w[ids].sum()))
            share[-1] += extra - share.sum()
            dest[ids] = share
    return out


def array_unit(overlap: bool, extra=None):
    """A SimPy process factory for the array: ``(ctx, ops) -> generator`` (see :mod:`engine`).

    ``extra`` (``(preload, stream)`` cycles per op, :func:`conflict_cycles_per_op`; default
    none) lengthens each fold's preload and stream by the cycles it waits on bank conflicts.
    """

    def process(ctx, ops):
        preload, stream, div, drain = ctx.col("preload"), ctx.col("stream"), ctx.col("div"), ctx.col("drain")
        pre_held, held = (e.tolist() for e in extra) if extra is not None else ([0] * len(stream),) * 2
        prev_ss = prev_se = prev_done = shift_free = 0
        for i in ops:
            yield from ctx.wait_deps(i)
            ready = ctx.ready[i]
            sh = max(ready, shift_free, prev_ss) if overlap else max(ready, prev_done)
            shift_end = sh + preload[i] + pre_held[i]
            ss = max(shift_end, prev_se)
            se = ss + stream[i] * div[i] + held[i]
            done = max(se + drain[i], prev_done)
            ctx.start[i] = ss
            ctx.finish_at(i, done)
            prev_ss, prev_se, prev_done, shift_free = ss, se, done, shift_end
    return process


def run(trace: Trace, arch: SystolicSpec, dram=None) -> engine.Timeline:
    """Simulate ``trace`` on ``arch``; returns when every op ran (cycles). ``dram``: a fresh model (default: the spec's)."""
    dram = dram if dram is not None else dram_for_run(arch.dram, arch.clock_hz)
    if arch.host is not None:
        from accelsim.families.systolic.host_link import HostRoutedDram
        dram = HostRoutedDram(dram, arch.host.bandwidth_bytes_per_s, arch.clock_hz)
    overlap = arch.array.overlap_folds and arch.array.compat == "none"  # SCALE-Sim never overlaps folds
    return engine.run_events(trace, dram, arch.vector.lanes, overlap, conflict_cycles_per_op(trace))


def _ceil_div(a: np.ndarray, b: int | np.ndarray) -> np.ndarray:
    return -(-a // b)


def op_accesses(trace: Trace, arch: SystolicSpec) -> tuple[np.ndarray, np.ndarray]:
    """Buffer accesses of every op: ``(reads, writes)``, each ``(n_ops, n_memories)`` int64.

    An access moves one word of the buffer's ``width_bits``; a row of elements that is narrower
    still costs one access. Per fold (``r`` rows, ``c`` columns used, ``s`` vectors streamed):

    - ws: ifmap reads ``s`` rows of ``r`` inputs; filter reads ``r`` rows of ``c`` weights;
      ofmap writes ``s`` rows of ``c`` partial sums (and reads them first when accumulating).
    - os: ifmap reads ``s`` (K, or a K chunk) rows of ``r`` inputs; filter ``s`` rows of ``c``
      weights; ofmap writes ``r`` rows of ``c`` finished sums once, with the draining fold.
    - is: ifmap reads ``r`` rows of ``c`` inputs (the preload); filter ``s`` (=N) rows of ``r``
      weights; ofmap writes ``s`` rows of ``c`` partial sums (reads them when accumulating).

    A DMA writes (load) or reads (store) ``ceil(bytes / width)`` words; a vector op reads its
    ``vops`` operands (partial sums if it reads the ofmap buffer, activations otherwise) and
    writes ``bytes`` of results.
    """
    ops = trace.ops
    n, nm = len(ops), len(trace.memories)
    reads = np.zeros((n, nm), np.int64)
    writes = np.zeros((n, nm), np.int64)
    mem = {m: i for i, m in enumerate(trace.memories)}
    width = np.ones(nm, np.int64)
    for b in arch.buffers:
        if b.name in mem:
            width[mem[b.name]] = b.width_bytes
    kind = ops["kind"]
    layer_of = ops["layer"]
    bits = {f: np.array([getattr(l, f) for l in trace.layers], np.int64) for f in ("weight_bits", "act_bits", "acc_bits")}
    c = np.flatnonzero(kind == COMPUTE)
    if c.size:
        wb, ab, cb = (bits[f][layer_of[c]] for f in ("weight_bits", "act_bits", "acc_bits"))
        rows, cols = ops["rows"][c].astype(np.int64), ops["cols"][c].astype(np.int64)
        stream, acc = ops["stream"][c].astype(np.int64), ops["acc"][c].astype(np.int64)
        fi, fw, fo = (mem[b.name] for b in arch.buffers)
        Wi, Ww, Wo = width[fi], width[fw], width[fo]
        df = arch.array.dataflow

        def words(elems, bits, W):
            return _ceil_div(_ceil_div(elems * bits, 8), W)
        if df == "ws":
            r_i = stream * words(rows, ab, Wi)
            r_w = rows * words(cols, wb, Ww)
            w_o = stream * words(cols, cb, Wo)
            r_o = w_o * acc
        elif df == "os":
            r_i = stream * words(rows, ab, Wi)
            r_w = stream * words(cols, wb, Ww)
            # the sums leave the PEs once, with the fold that drains them (the last K chunk)
            w_o = rows * words(cols, cb, Wo) * ((ops["drain"][c] > 0) | (arch.array.compat != "none"))
            r_o = np.zeros_like(w_o)
        else:
            r_i = rows * words(cols, ab, Wi)
            r_w = stream * words(rows, wb, Ww)
            w_o = stream * words(cols, cb, Wo)
            r_o = w_o * acc
        reads[c, fi] += r_i
        reads[c, fw] += r_w
        reads[c, fo] += r_o
        writes[c, fo] += w_o
    nbytes = ops["bytes"].astype(np.int64)
    for k in (LOAD, STORE, VECTOR):
        sel = np.flatnonzero(kind == k)
        if not sel.size:
            continue
        dst, src = ops["dst"][sel], ops["src"][sel]
        ok = dst >= 0
        writes[sel[ok], dst[ok]] += _ceil_div(nbytes[sel[ok]], width[dst[ok]])
        if k == STORE:
            reads[sel, src] += _ceil_div(nbytes[sel], width[src])
        elif k == VECTOR:
            ok = src >= 0
            s = sel[ok]
            ab, cb = bits["act_bits"][layer_of[s]], bits["acc_bits"][layer_of[s]]
            b = np.where(trace.memories.index(arch.ofmap.name) == src[ok], cb, ab) if arch.ofmap.name in mem else ab
            reads[s, src[ok]] += _ceil_div(_ceil_div(ops["vops"][s].astype(np.int64) * b, 8), width[src[ok]])
    # DRAM is counted in bytes elsewhere; its column here stays zero
    if "dram" in mem:
        reads[:, mem["dram"]] = 0
        writes[:, mem["dram"]] = 0
    return reads, writes


def ideal_layer_cycles(trace: Trace, arch: SystolicSpec,
                       extra: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Per layer, cycles with every operand already on chip (the layer's compute time).

    MAC layers: the fold schedule with all folds ready at 0 (:func:`fold_schedule`), plus the
    vector op of the last output tile. Other layers: their vector ops back to back. ``extra``
    (``(preload, stream)`` cycles per op, :func:`conflict_cycles_per_op`) lengthens the folds.
    """
    from accelsim.kernels.coldstart import call
    from accelsim.kernels.folds import fold_schedule
    ops = trace.ops
    out = np.zeros(len(trace.layers), np.int64)
    lanes = arch.vector.lanes
    # each layer's compute ops and vector ops, in trace order
    comp_ids, c_bounds = _of_kind_by_layer(trace, COMPUTE)
    vec_ids, v_bounds = _of_kind_by_layer(trace, VECTOR)
    # a stream of s vectors at d passes each, held h cycles, is one of s*d + h single passes
    busy = ops["stream"][comp_ids].astype(np.int64) * ops["div"][comp_ids].astype(np.int64)
    pre = ops["preload"][comp_ids].astype(np.int64)
    drain = ops["drain"][comp_ids].astype(np.int64)
    if extra is not None:
        pre, busy = pre + extra[0][comp_ids], busy + extra[1][comp_ids]
    vops = ops["vops"][vec_ids].astype(np.int64)
    overlap = bool(arch.array.overlap_folds and arch.array.compat == "none")
    for li in range(len(trace.layers)):
        c0, c1 = c_bounds[li], c_bounds[li + 1]
        v0, v1 = v_bounds[li], v_bounds[li + 1]
        if c1 > c0:
            z = np.zeros(c1 - c0, np.int64)
            _, _, done = call(fold_schedule, z, pre[c0:c1], busy[c0:c1], np.ones_like(z), drain[c0:c1], overlap)
            out[li] = int(done[-1]) + (engine.vector_cycles(int(vops[v1 - 1]), lanes) if v1 > v0 else 0)
            if arch.array.compat == "scalesim":
                out[li] -= SCALESIM_END_OF_LAYER_OFFSET
        elif v1 > v0:
            out[li] = int(np.maximum(1, -(-vops[v0:v1] // lanes)).sum())
    return out


def evaluate(trace: Trace, arch: SystolicSpec) -> Result:
    """Simulate ``trace`` on ``arch`` and account cycles, traffic and energy per layer."""
    dram = dram_for_run(arch.dram, arch.clock_hz)
    tl = run(trace, arch, dram)
    r = account(trace, arch, tl, dram if arch.dram.timing is not None else None)
    from dataclasses import replace

    from accelsim.sim.bandwidth import series_of
    return replace(r, dram={**r.dram, "bandwidth_over_time": series_of(dram)})


def stall_causes(trace: Trace, tl: engine.Timeline,
                 extra: tuple[np.ndarray, np.ndarray] | None = None) -> list[dict[str, int]]:
    """Per layer: the array's idle cycles before each fold, by the unit of the dependency it waited for.

    A fold that starts after the array took the previous fold's last vector waited ``start -
    previous`` cycles; the wait is charged to the unit whose dependency completed last
    (``dma_weights``, ``dma_in``, ``vector``...), or to ``array`` when the fold was ready earlier.
    """
    ops = trace.ops
    out: list[dict[str, int]] = [{} for _ in trace.layers]
    arr = np.flatnonzero(ops["kind"] == COMPUTE)
    if not arr.size:
        return out
    arr = arr[np.argsort(tl.start[arr], kind="stable")]
    start = tl.start[arr].astype(np.int64)
    busy_to = start + ops["stream"][arr].astype(np.int64) * ops["div"][arr].astype(np.int64)
    if extra is not None:
        busy_to = busy_to + extra[1][arr]
    prev = np.concatenate([[0], np.maximum.accumulate(busy_to)[:-1]])
    gap = start - prev
    waits = np.flatnonzero(gap > 0)
    if not waits.size:
        return out
    ptr, idx = trace.dep_ptr.astype(np.int64), trace.dep_idx.astype(np.int64)
    ops_w, gap_w, prev_w = arr[waits], gap[waits], prev[waits]
    lo, n_deps = ptr[ops_w], ptr[ops_w + 1] - ptr[ops_w]
    # the dependency that completed last (the first such, in dependency order) names the cause
    cause = np.full(waits.size, -1, np.int64)  # -1: the fold was ready, the array was busy
    sel = np.flatnonzero(n_deps > 0)
    if sel.size:
        lens = n_deps[sel]
        heads = np.cumsum(lens) - lens
        entry = idx[np.repeat(lo[sel] - heads, lens) + np.arange(int(lens.sum()))]
        e = tl.end[entry]
        seg = np.repeat(np.arange(sel.size), lens)
        at_max = np.flatnonzero(e == np.maximum.reduceat(e, heads)[seg])
        _, first = np.unique(seg[at_max], return_index=True)
        d = entry[at_max[first]]
        late = tl.end[d] > prev_w[sel]
        cause[sel[late]] = ops["unit"][d[late]]
    names = list(trace.units) + ["array"]  # index -1 is the busy array
    layer_w = ops["layer"][ops_w].astype(np.int64)
    key = layer_w * len(names) + np.where(cause < 0, len(names) - 1, cause)
    uniq, first_at, inverse = np.unique(key, return_index=True, return_inverse=True)
    total = np.bincount(inverse.ravel(), weights=gap_w, minlength=uniq.size)
    for j in np.argsort(first_at, kind="stable").tolist():
        li, name = divmod(int(uniq[j]), len(names))
        layer = out[li]
        layer[names[name]] = layer.get(names[name], 0) + int(total[j])
    return out


def _share(causes: dict[str, int], stall: int) -> dict[str, int]:
    """Scale the array's waits to the layer's ``stall`` cycles; what they do not explain is ``other``.

    Layers overlap, so a layer's attributed stall and its array's waits need not match: the
    causes keep their proportions and add up to ``stall``.
    """
    total = sum(causes.values())
    if stall <= 0:
        return {}
    if total > stall:
        out = {k: v * stall // total for k, v in causes.items()}
        first = max(out, key=out.get)
        out[first] += stall - sum(out.values())
        return {k: v for k, v in out.items() if v}
    out = dict(causes)
    if stall - total:
        out["other"] = stall - total
    return out


def _by_layer(layer_of: np.ndarray, n_layers: int) -> tuple[np.ndarray | None, np.ndarray]:
    """``(order, bounds)``: ops ``order[bounds[l]:bounds[l + 1]]`` are layer ``l``'s (``order``
    None when the trace already lists its layers in order, as lowering does)."""
    order = None if np.all(layer_of[1:] >= layer_of[:-1]) else np.argsort(layer_of, kind="stable")
    return order, np.searchsorted(layer_of if order is None else layer_of[order], np.arange(n_layers + 1))


def _of_kind_by_layer(trace: Trace, kind: int) -> tuple[np.ndarray, np.ndarray]:
    """Ids of the ops of ``kind`` grouped by layer (trace order within a layer) and the bounds of each layer's run."""
    ids = np.flatnonzero(trace.ops["kind"] == kind)
    order, bounds = _by_layer(trace.ops["layer"][ids], len(trace.layers))
    return (ids if order is None else ids[order]), bounds


def _sum_by_layer(values: np.ndarray, groups) -> np.ndarray:
    """Rows of ``values`` (int64, one per op) summed per layer (``groups`` from :func:`_by_layer`), exact."""
    order, bounds = groups
    running = np.zeros((len(values) + 1,) + values.shape[1:], np.int64)
    np.cumsum(values if order is None else values[order], axis=0, out=running[1:])
    return running[bounds[1:]] - running[bounds[:-1]]


def _max_by_layer(values: np.ndarray, groups) -> np.ndarray:
    """Largest of ``values`` (int64, one per op) per layer, 0 for a layer without ops."""
    order, bounds = groups
    v = values if order is None else values[order]
    out = np.zeros(len(bounds) - 1, np.int64)
    full = np.flatnonzero(bounds[1:] > bounds[:-1])
    if full.size:
        out[full] = np.maximum.reduceat(v, bounds[full])
    return np.maximum(out, 0)


def account(trace: Trace, arch: SystolicSpec, tl: engine.Timeline, dram_model=None) -> Result:
    """Turn a timeline into the :class:`Result`: per-layer cycles, stalls, accesses and energy."""
    ops = trace.ops
    nl = len(trace.layers)
    reads, writes = op_accesses(trace, arch)
    held = conflict_cycles_per_op(trace)
    ideal = ideal_layer_cycles(trace, arch)
    # what bank conflicts add to the layer's on-chip time is a stall, not compute
    conflict = ideal_layer_cycles(trace, arch, held) - ideal if any(h.any() for h in held) \
        else np.zeros_like(ideal)
    causes = stall_causes(trace, tl, held)
    layer_of = ops["layer"]
    groups = _by_layer(layer_of, nl)
    end = _max_by_layer(tl.end, groups)
    nbytes = ops["bytes"].astype(np.int64)
    kind = ops["kind"]
    dram_side = np.ones(len(ops), bool)
    if arch.host is not None:  # the input and output moved over the host link are not DRAM traffic
        from accelsim.families.systolic.host_link import HOST_ADDR
        dram_side = ops["addr"].astype(np.int64) < HOST_ADDR
    per_op = np.stack([np.where((kind == LOAD) & dram_side, nbytes, 0), np.where((kind == STORE) & dram_side, nbytes, 0),
                       np.where(kind == VECTOR, ops["vops"], 0)], axis=1)
    dram_r, dram_w, vops = _sum_by_layer(per_op, groups).T
    r_l, w_l = _sum_by_layer(reads, groups), _sum_by_layer(writes, groups)
    buf_idx = [(b, trace.memories.index(b.name)) for b in arch.buffers if b.name in trace.memories]
    pes = arch.array.macs
    bounds = attributed(end)
    horizon = bounds[-1][1] if bounds else 0
    span = spans(layer_of, tl.start, tl.end, nl)
    dram_pj, dram_totals = (None, {})
    if dram_model is not None:
        dram_pj, dram_totals = dram_energy_by_layer(dram_model, nl, [b - a for a, b in bounds], horizon)
    layers = []
    scale = price.table_scale(arch)
    for li, info in enumerate(trace.layers):
        start, horizon = bounds[li]
        cycles = horizon - start
        compute = min(int(ideal[li]), cycles)
        bank = min(int(conflict[li]), cycles - compute)
        energy = {"mac": info.macs * price.mac_energy_pj(arch, info.weight_bits, info.act_bits, info.acc_bits),
                  "vector": float(vops[li]) * price.vector_op_energy_pj(arch, info.acc_bits)}
        for b, j in buf_idx:
            energy[b.name] = float(r_l[li, j] * price.buffer_access_pj(b, False, scale)
                                   + w_l[li, j] * price.buffer_access_pj(b, True, scale))
        energy["dram"] = dram_pj[li] if dram_pj is not None else price.dram_energy_pj(arch, int(dram_r[li] + dram_w[li]))
        energy["static"] = price.static_energy_pj(arch, cycles)
        if any(price.buffer_leakage_mw(b) for b in arch.buffers):
            energy["leakage"] = price.leakage_energy_pj(arch, cycles)
        layers.append(LayerResult(
            name=info.name, op=info.op, start_cycle=start, end_cycle=horizon, cycles=cycles,
            compute_cycles=compute, stall_cycles=cycles - compute, macs=info.macs,
            dram_read_bytes=int(dram_r[li]), dram_write_bytes=int(dram_w[li]),
            buffer_reads={b.name: int(r_l[li, j]) for b, j in buf_idx},
            buffer_writes={b.name: int(w_l[li, j]) for b, j in buf_idx},
            energy_pj=energy, pe_count=pes,
            stall_causes={**_share(causes[li], cycles - compute - bank), **({"bank_conflict": bank} if bank else {})},
            span_cycles=int(span[li])))
    effects, approx = EFFECTS, APPROXIMATIONS
    if arch.array.bank_conflicts:
        effects = effects + ("SRAM bank conflicts of the access pattern (banks, ports)",)
        approx = tuple(a for a in approx if not a.startswith("buffer ports")) + (
            "bank conflicts: SCALE-Sim's per-cycle demand and address layout for one image (times the batch), "
            "spread over each layer's folds by the length of the phase they hold",)
    if price.table_scale(arch) != 1.0:
        e = arch.energy
        approx = tuple(a for a in approx if not a.startswith("energy: 45 nm")) + (
            f"energy: 45 nm Horowitz table (ISSCC 2014) scaled to {e.node_nm:g} nm, {e.vdd_v:g} V by Stillmaker & "
            f"Baas 2017 (x{price.table_scale(arch):.3f} on MACs, vector ops and SRAM; DRAM not scaled) unless the preset "
            "overrides it",)
    if arch.host is not None:
        effects = effects + (f"host link: the network input arrives and the output leaves over its own channel at "
                             f"{arch.host.bandwidth_bytes_per_s / 1e9:g} GB/s (Table 3's input stalls)",)
        approx = approx + ("host link: bandwidth only (no packet overhead or round trip), one channel for both directions",)
    if dram_model is not None:
        effects = effects + (f"DRAM timing ({arch.dram.name}: banks, rows, refresh, FR-FCFS)",)
        approx = tuple(a for a in approx if not a.startswith("DRAM is bandwidth"))
    return Result(arch=arch.name, model=trace.model, batch=trace.batch, clock_hz=arch.clock_hz, pe_count=pes,
                  layers=tuple(layers), effects=effects, approximations=approx, dram=dram_totals)
