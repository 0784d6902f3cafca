"""The DianNao/Cambricon core, instruction by instruction: in-order issue, unit queues, scoreboard, DMA.

The front end (fetch, decode, issue; ``pipeline_stages`` in all) issues one instruction a
cycle, in program order. Scalar and control instructions finish in the pipeline; a taken
branch refetches, costing ``branch_penalty_cycles``. Every other instruction enters the
queue of its unit: the matrix unit (NFU), the vector unit, or the DMA engine of the
scratchpad it fills or drains (one engine each for NBin, SB and NBout, each with its own
request queue into the shared DRAM model). Issue stalls only when that queue is full. A
queued instruction starts when its unit is free and the scoreboard clears it: no in-flight
instruction may be writing a scratchpad byte range it reads or writes, or reading a range it
writes (read-after-write, write-after-write, write-after-read). Units then overlap freely,
which is how a load into one NBin half proceeds under the multiplies reading the other.

Per instruction, in cycles: ``MMV`` takes ``ceil(out/rows) * seg * ceil(seg_len/cols)`` (the
NFU reads ``cols`` contiguous inputs a cycle and cannot cross a gather segment) plus the
NFU's ``stages`` of latency; ``VMM`` and ``OP`` likewise by their shapes; a vector
instruction ``ceil(n/lanes)`` plus ``stages``; a DMA transfer whatever the DRAM model says
(a strided ``MLOAD``/``MSTORE`` is one DRAM transfer per row unless its rows are contiguous).
The model is a recurrence over the dynamic instruction stream, not one SimPy process per
unit: with the queues and the scoreboard the start time of every instruction follows from
the earlier ones, which keeps millions of instructions affordable.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from accelsim.families.cambricon.spec import SCRATCHPADS, SP_BASE, SP_SPAN, CambriconSpec
from accelsim.sim.dram import transfer_rows

_SP_OF = {base: name for name, base in SCRATCHPADS.items()}
UNITS = ("matrix", "vector", "dma_nbin", "dma_sb", "dma_nbout")


def _sp(addr: int) -> str:
    """Scratchpad name of an address (``"dram"`` below the scratchpad window)."""
    if addr < SP_BASE:
        return "dram"
    return _SP_OF.get(SP_BASE + ((addr - SP_BASE) // SP_SPAN) * SP_SPAN, "dram")


def _ceil(a: int, b: int) -> int:
    return -(-a // b)


@dataclass
class LayerTally:
    """What one layer's instructions did: counts, busy cycles per unit, bytes per scratchpad."""

    insns: int = 0
    by_op: dict[str, int] = field(default_factory=dict)
    busy: dict[str, int] = field(default_factory=dict)
    sp_read: dict[str, int] = field(default_factory=dict)       # bytes
    sp_write: dict[str, int] = field(default_factory=dict)
    dram_read: int = 0
    dram_write: int = 0
    mults: int = 0                  # multiplier operations executed (matrix and vector)
    adds: int = 0
    start: int = -1                 # issue cycle of the layer's first instruction
    end: int = 0


@dataclass
class CoreRun:
    """A whole program's timing: per-layer tallies, per-instruction log (optional), end cycle."""

    layers: list[LayerTally]
    end_cycle: int
    steps: int
    log: list[tuple[int, str, str, int, int, int]] | None = None   # (pc, op, unit, issue, start, done)


def _add(d: dict[str, int], k: str, v: int) -> None:
    d[k] = d.get(k, 0) + v


def run_core(stream, spec: CambriconSpec, layer_starts: list[int], dram, log: bool = False,
             free_control: bool = False) -> CoreRun:
    """Time the dynamic instruction ``stream`` of ``(pc, insn, vals)`` on ``spec``; DRAM via ``dram``.

    ``layer_starts[i]`` is the pc where layer ``i``'s code begins (ascending); an instruction
    belongs to the last layer that starts at or before its pc. ``dram`` has
    ``transfer(now, addr, bytes, write, tag) -> (issued, done)``; transfers are tagged with
    the layer index. With ``log`` every non-scalar instruction's (pc, op, unit, issue, start,
    done) cycles are kept for the timeline. ``free_control`` makes scalar and control
    instructions cost no issue slot and branches no penalty: the same work driven by a
    fixed-function sequencer, the baseline for the ISA's overhead.
    """
    R, C = spec.matrix.rows, spec.matrix.cols
    L = spec.vector.rows
    m_stages, v_stages = spec.matrix.stages, spec.vector.stages
    queue = {"matrix": spec.matrix.queue, "vector": spec.vector.queue}
    for u in UNITS[2:]:
        queue[u] = spec.dma.queue
    starts = {u: deque() for u in UNITS}
    free = dict.fromkeys(UNITS, 0)
    inflight: list[tuple[int, int, bool, int]] = []   # (lo, hi, writes, done)
    tallies = [LayerTally() for _ in layer_starts]
    bounds = list(layer_starts) + [1 << 62]
    li, next_bound = 0, bounds[1]
    t_next, prev_pc, end, steps = 0, -1, 0, 0
    penalty = spec.branch_penalty_cycles
    out_log = [] if log else None
    for pc, insn, vals in stream:
        steps += 1
        while pc >= next_bound or pc < bounds[li]:
            li = max(i for i, b in enumerate(layer_starts) if b <= pc)
            next_bound = bounds[li + 1]
        tally = tallies[li]
        issue = t_next
        if tally.start < 0:
            tally.start = issue
        if pc != prev_pc + 1 and prev_pc >= 0 and not free_control:
            issue += penalty               # refetch after a taken branch
        prev_pc = pc
        op = insn.op
        tally.insns += 1
        _add(tally.by_op, op, 1)
        unit = insn.info.unit
        if unit == "scalar":
            t_next = issue if free_control else issue + 1
            end = max(end, t_next)
            tally.end = max(tally.end, t_next)
            continue
        reads, writes, dma, occ, lat, mults, adds = _effects(op, insn, vals, R, C, L, m_stages, v_stages)
        if unit == "dma":
            sp_addr = writes[0][0] if op in ("VLOAD", "MLOAD", "VLOADZ") else reads[0][0]
            unit = "dma_" + _sp(sp_addr)
        q = starts[unit]
        if len(q) >= queue[unit]:
            issue = max(issue, q.popleft())
        ready = issue + 1
        for lo, hi, w, done in inflight:
            if done > ready:
                for a, b in reads:
                    if w and a < hi and lo < b:
                        ready = done
                for a, b in writes:
                    if a < hi and lo < b:
                        ready = max(ready, done)
        start = max(ready, free[unit])
        if dma is not None:
            write, rows, row_bytes, stride, dram_addr = dma
            t, done = transfer_rows(dram, start, dram_addr, rows, row_bytes, stride, write, li)
            free[unit] = t
            n = rows * row_bytes
            if write:
                tally.dram_write += n
            else:
                tally.dram_read += n
            _add(tally.busy, unit, done - start)
        else:
            free[unit] = start + occ
            done = start + occ + lat
            _add(tally.busy, unit, occ)
        q.append(start)
        for a, b in reads:
            _add(tally.sp_read, _sp(a), b - a)
            inflight.append((a, b, False, done))
        for a, b in writes:
            _add(tally.sp_write, _sp(a), b - a)
            inflight.append((a, b, True, done))
        tally.mults += mults
        tally.adds += adds
        if len(inflight) > 64:
            inflight = [x for x in inflight if x[3] > issue]
        t_next = issue + 1
        end = max(end, done)
        tally.end = max(tally.end, done)
        if out_log is not None:
            out_log.append((pc, op, unit, issue, start, done))
    return CoreRun(tallies, end, steps, out_log)


def _effects(op, insn, v, R, C, L, m_stages, v_stages):
    """Scratchpad ranges read and written, DMA shape, occupancy and latency (cycles), multiplies, adds."""
    if op in ("VLOAD", "VSTORE"):
        d, s, n = v
        if op == "VLOAD":
            return [], [(d, d + n)], (False, 1, n, n, s), 0, 0, 0, 0
        return [(s, s + n)], [], (True, 1, n, n, d), 0, 0, 0, 0
    if op == "VLOADZ":   # DRAM gives the stored bytes, the scratchpad takes the decompressed ones
        d, s, n, z = v
        return [], [(d, d + n)], (False, 1, z, z, s), 0, 0, 0, 0
    if op in ("MLOAD", "MSTORE"):
        d, s, rows, rb, stride = v
        if op == "MLOAD":
            return [], [(d, d + rows * rb)], (False, rows, rb, stride, s), 0, 0, 0, 0
        return [(s, s + rows * rb)], [], (True, rows, rb, stride, d), 0, 0, 0, 0
    if op == "MMV":
        d, m, x, out, inn, seg, sstr = v
        seg = max(seg, 1)
        seg_len = inn // seg
        occ = _ceil(out, R) * seg * _ceil(seg_len, C)
        reads = [(m, m + out * inn * 2), (x, x + (seg - 1) * sstr + seg_len * 2)]
        if insn.acc:
            reads.append((d, d + out * 4))
        return reads, [(d, d + out * 4)], None, occ, m_stages, out * inn, out * inn
    if op == "VMM":
        d, x, m, inn, out = v
        occ = _ceil(out, R) * _ceil(inn, C)
        reads = [(x, x + inn * 2), (m, m + inn * out * 2)] + ([(d, d + out * 4)] if insn.acc else [])
        return reads, [(d, d + out * 4)], None, occ, m_stages, out * inn, out * inn
    if op == "OP":
        d, a, b, la, lb = v
        occ = _ceil(la, R) * _ceil(lb, C)
        reads = [(a, a + la * 2), (b, b + lb * 2)] + ([(d, d + la * lb * 4)] if insn.acc else [])
        return reads, [(d, d + la * lb * 4)], None, occ, m_stages, la * lb, la * lb if insn.acc else 0
    if op in ("VMOVE", "VCLR"):
        if op == "VMOVE":
            d, s, n = v
            return [(s, s + n)], [(d, d + n)], None, _ceil(n, 2 * L), v_stages, 0, 0
        d, n = v
        return [], [(d, d + n)], None, _ceil(n, 2 * L), v_stages, 0, 0
    if op in ("VAV", "VSV", "VMV", "VMAX", "VGT"):
        d, a, b, n = v
        return [(a, a + 2 * n), (b, b + 2 * n)], [(d, d + 2 * n)], None, _ceil(n, L), v_stages, \
            (n if op == "VMV" else 0), (0 if op == "VMV" else n)
    if op == "VAS":
        d, a, _, n = v
        return [(a, a + 2 * n)], [(d, d + 2 * n)], None, _ceil(n, L), v_stages, 0, n
    if op == "VADDW":
        d, a, n = v
        return [(a, a + 2 * n), (d, d + 4 * n)], [(d, d + 4 * n)], None, _ceil(n, L), v_stages, 0, n
    if op == "VACT":
        d, a, n, _ = v
        return [(a, a + 4 * n)], [(d, d + 2 * n)], None, _ceil(n, L), v_stages, n, n
    if op == "VMAW":
        d, a, b, n = v
        return [(a, a + 2 * n), (b, b + 2 * n), (d, d + 4 * n)], [(d, d + 4 * n)], None, _ceil(n, L), v_stages, n, n
    if op == "VPWL":
        d, a, n = v
        return [(a, a + 2 * n)], [(d, d + 2 * n)], None, _ceil(n, L), v_stages, n, n
    return [], [], None, 1, 0, 0, 0
