"""The core of :mod:`accelsim.families.cambricon.core`, compiled: the program and spec as arrays, one kernel call.

:func:`run_core_compiled` gives what ``run_core(iter_dynamic(program, ...), ...)`` gives (the
same :class:`~accelsim.families.cambricon.core.CoreRun`, the same DRAM model state and
statistics afterwards) by encoding the program once (:func:`pack_program`) and running
control flow and timing together in :func:`accelsim.kernels.cambricon_core.cambricon_core`.
DRAM models the kernel does not carry (the timing model's ``stream`` path, or any other
object) return ``None`` and the caller uses the Python core.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accelsim.errors import AccelsimError
from accelsim.families.cambricon.asm import assemble_columns
from accelsim.families.cambricon.core import CoreRun, LayerTally
from accelsim.families.cambricon.spec import SCRATCHPADS, SP_BASE, SP_SPAN, CambriconSpec
from accelsim.kernels import cambricon_layout as K
from accelsim.kernels.cambricon_core import cambricon_core
from accelsim.sim.dram import BandwidthChannel
from accelsim.sim.dram_timing import DramModel

MAX_STEPS = 10**9


@dataclass(frozen=True)
class PackedProgram:
    """A program as the kernel reads it: op index (``kernels.cambricon_core.OPS``), registers, immediate, acc."""

    op: np.ndarray          # (n,) int64
    regs: np.ndarray        # (n, 7) int64, operand order, 0-padded
    imm: np.ndarray         # (n,) int64
    acc: np.ndarray         # (n,) int64
    name: str = ""


def pack_program(program) -> PackedProgram:
    """Encode ``program`` (:class:`~accelsim.families.cambricon.asm.Program`) as arrays, once."""
    insns = program.insns
    index = {name: i for i, name in enumerate(K.OPS)}
    regs = np.zeros((len(insns), 7), np.int64)
    for i, insn in enumerate(insns):
        regs[i, :len(insn.regs)] = insn.regs
    return PackedProgram(np.array([index[i.op] for i in insns], np.int64), regs,
                         np.array([i.imm for i in insns], np.int64), np.array([i.acc for i in insns], np.int64),
                         program.name)


def pack_text(text: str, file: str = "<asm>") -> tuple[PackedProgram, dict[str, int]]:
    """``(pack_program(assemble(text, file)), its labels)``, assembled straight into the arrays
    (:func:`accelsim.families.cambricon.asm.assemble_columns`): no Program object per instruction."""
    op, regs, imm, acc, labels = assemble_columns(text, K.OPS, file)
    packed = PackedProgram(np.array(op, np.int64), np.array(regs, np.int64).reshape(len(op), 7),
                           np.array(imm, np.int64), np.array(acc, np.int64))
    return packed, dict(labels)


def layer_of_pc(n_insns: int, layer_starts: list[int]) -> np.ndarray:
    """Per pc, the last layer (index) whose code starts at or before it; -1 before the first."""
    out = np.full(n_insns, -1, np.int64)
    for i, b in enumerate(layer_starts):
        out[b:] = i
    return out


def _dram_args(dram):
    """``(kind, floats, ints, params, state)`` for the kernel, or ``None`` if it cannot model ``dram``."""
    if isinstance(dram, BandwidthChannel):
        d = dram.dram
        empty = np.zeros((0, 1), np.int64)
        return (0, (1.0, 1.0, 1.0, float(d.bytes_per_cycle)), (0, int(d.latency_cycles), 1),
                np.zeros(35, np.int64), (empty, empty, empty, empty))
    if isinstance(dram, DramModel) and dram.path == "request" and dram.stats().bytes == 0:
        # the model's own conversions, read back so the kernel uses the very same numbers
        return (1, (dram._ratio, float(dram.clock_hz), float(dram.spec.peak_bytes_per_s), 1.0),
                (int(dram._frontend), 0, int(dram.spec.burst_bytes)), dram._params, dram._state)
    return None


def run_core_compiled(packed: PackedProgram, spec: CambriconSpec, layer_starts: list[int], dram, log: bool = False,
                      free_control: bool = False) -> CoreRun | None:
    """``run_core`` over the whole program in one kernel call; ``None`` when ``dram`` is not a kernel model.

    ``dram`` must be fresh (no transfers yet); afterwards it holds the run's transfers
    exactly as if the Python core had driven it (statistics, bandwidth series, state).
    Raises :class:`AccelsimError` naming the pc for a program that runs off its end, takes
    more than 10^9 steps, or moves data between DRAM and no scratchpad.
    """
    args = _dram_args(dram)
    if args is None:
        return None
    kind, floats, (frontend, latency, burst), params, state = args
    cfg = np.zeros(len(K.CFG), np.int64)
    cfg[[K.ROWS, K.COLS, K.LANES, K.M_STAGES, K.V_STAGES]] = (spec.matrix.rows, spec.matrix.cols, spec.vector.rows,
                                                               spec.matrix.stages, spec.vector.stages)
    cfg[[K.Q_MATRIX, K.Q_VECTOR, K.Q_DMA]] = spec.matrix.queue, spec.vector.queue, spec.dma.queue
    cfg[[K.PENALTY, K.FREE_CONTROL, K.N_LAYERS]] = spec.branch_penalty_cycles, int(free_control), len(layer_starts)
    cfg[[K.SP_BASE, K.SP_SPAN, K.MAX_STEPS, K.LOG]] = SP_BASE, SP_SPAN, MAX_STEPS, int(log)
    cfg[[K.DRAM_KIND, K.FRONTEND, K.LATENCY, K.BURST_BYTES]] = kind, frontend, latency, burst
    cfg[[K.BIN_CYCLES, K.MAX_BINS]] = dram.series.bin_cycles, dram.series.max_bins
    sp_bases = np.array([SCRATCHPADS[k] for k in K.SPACES[1:]], np.int64)
    out = cambricon_core(packed.op, packed.regs, packed.imm, packed.acc, layer_of_pc(len(packed.op), layer_starts),
                           cfg, sp_bases, np.array(floats, np.float64), params, *state)
    (status, pc, steps, end, tally, by_op, op_seen, busy, sp_bytes, sp_seen, ledger, bins, width, log_rows,
     *new_state, channel) = out
    _check(int(status), int(pc), packed)
    _replay_dram(dram, kind, ledger, bins, int(width), new_state, channel)
    layers = [_tally(li, tally, by_op, op_seen, busy, sp_bytes, sp_seen) for li in range(len(layer_starts))]
    run_log = None
    if log:
        run_log = [(int(p), K.OPS[packed.op[p]], K.UNITS[u], int(i), int(s), int(d))
                   for p, u, i, s, d in log_rows.tolist()]
    return CoreRun(layers, int(end), int(steps), run_log)


def _check(status: int, pc: int, packed: PackedProgram) -> None:
    where = packed.name or "program"
    if status == K.RAN_OFF:
        raise AccelsimError(f"pc {pc}: ran off the program ({len(packed.op)} instructions) without HALT", field=where)
    if status == K.TOO_LONG:
        raise AccelsimError(f"pc {pc}: more than {MAX_STEPS} steps", field=where)
    if status == K.NO_LAYER:
        raise AccelsimError(f"pc {pc}: before the first layer's code", field=where)
    if status == K.BAD_DMA:
        raise AccelsimError(f"pc {pc} ({K.OPS[packed.op[pc]]}): its scratchpad address is in no scratchpad",
                            field=where)


def _replay_dram(dram, kind: int, ledger: np.ndarray, bins: np.ndarray, width: int, state, channel) -> None:
    """Leave ``dram`` as the Python core would have: bandwidth series, ledger per tag, state."""
    dram.series.bins = {b: v for b, v in enumerate(bins.tolist()) if v}
    dram.series.bin_cycles = width
    if kind == 0:
        dram.bus_free, dram.busy_cycles = int(channel[0]), int(channel[1])
        return
    dram._state = tuple(state)
    names = K.LEDGER[3:]
    for tag, row in enumerate(ledger.tolist()):
        if row[0]:
            dram._ledger.add(tag, row[1], row[2], **dict(zip(names, row[3:])))


def _ordered(counts: np.ndarray, seen: np.ndarray, names) -> dict:
    """``{name: count}`` for the keys that occurred, in the order they first occurred."""
    keys = sorted(np.flatnonzero(seen).tolist(), key=lambda k: seen[k])
    return {names[k]: int(counts[k]) for k in keys}


def _tally(li, tally, by_op, op_seen, busy, sp_bytes, sp_seen) -> LayerTally:
    insns, dram_read, dram_write, mults, adds, start, end = (int(x) for x in tally[li])
    return LayerTally(insns=insns, by_op=_ordered(by_op[li], op_seen[li], K.OPS),
                      busy={K.UNITS[u]: int(busy[li, u]) for u in range(len(K.UNITS)) if busy[li, u]},
                      sp_read=_ordered(sp_bytes[li, 0], sp_seen[li, 0], K.SPACES),
                      sp_write=_ordered(sp_bytes[li, 1], sp_seen[li, 1], K.SPACES),
                      dram_read=dram_read, dram_write=dram_write, mults=mults, adds=adds, start=start, end=end)
