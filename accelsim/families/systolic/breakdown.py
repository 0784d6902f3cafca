"""Where the array's cycles go, in the categories of the TPU v1 paper's performance counters.

Jouppi et al., ISCA 2017, Table 3 splits a run's cycles four ways, by what the matrix unit
does: *active* (streaming), *weight shift* (shifting a tile in while not streaming), *weight
stall* (waiting for a tile from Weight Memory) and *non-matrix* (everything else), and adds two
counters for the idle time: *RAW stalls* (waiting on a result of the pipeline) and *input
stalls* (waiting for input over PCIe). It also splits the active cycles by the share of the
64K weight registers holding useful weights (*useful* and *unused* MACs).

:func:`cycle_breakdown` reads the same categories off a simulated timeline. The array's folds
follow the recurrence of :func:`accelsim.kernels.folds.fold_schedule_ref`; between two
streams the array first waits for the fold's operands (charged to the unit whose dependency
completed last), then shifts the tile in. The RAW and input counts are counters, as on the chip:
idle cycles during which a RAW (input) dependency of the next fold is outstanding, whatever else
the fold also waits for, so they overlap the other rows (the paper's do too: its CNN1 RAW stalls,
22.8 %, exceed its non-matrix cycles, 18.7 %).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accelsim.families.systolic.spec import SystolicSpec
from accelsim.sim.engine import Timeline
from accelsim.trace import COMPUTE, LOAD, VECTOR, Trace

#: the categories, in the paper's row order (rows 1-8 of Table 3)
ROWS = ("active", "useful_macs", "unused_macs", "weight_stall", "weight_shift", "non_matrix", "raw_stall",
        "input_stall")


@dataclass(frozen=True)
class CycleBreakdown:
    """Cycles of one run by what the array did (each a count of accelerator cycles).

    ``active + weight_stall + weight_shift + non_matrix == total``; ``useful_mac_cycles +
    unused_mac_cycles == active`` in cycle-equivalents of the full array (``useful_mac_cycles``
    is useful MACs / array MACs); ``raw_stall`` and ``input_stall`` count idle cycles with a RAW
    (input) dependency outstanding and overlap the other rows.
    """

    total: int
    active: int
    weight_stall: int
    weight_shift: int
    non_matrix: int
    raw_stall: int
    input_stall: int
    useful_mac_cycles: float
    unused_mac_cycles: float

    def fractions(self) -> dict[str, float]:
        """Each row of :data:`ROWS` as a share of the total cycles (0..1)."""
        t = max(1, self.total)
        return {"active": self.active / t, "useful_macs": self.useful_mac_cycles / t,
                "unused_macs": self.unused_mac_cycles / t, "weight_stall": self.weight_stall / t,
                "weight_shift": self.weight_shift / t, "non_matrix": self.non_matrix / t,
                "raw_stall": self.raw_stall / t, "input_stall": self.input_stall / t}


def _dep_times(trace: Trace, tl: Timeline, i: int, weight_unit: int, input_unit: int) -> tuple[str, int, int]:
    """For fold ``i``: what it waited for (the unit of its dependency that completed last:
    ``weight``, ``input``, ``raw`` or ``other``) and when its RAW and its input dependencies completed."""
    ops = trace.ops
    deps = trace.dep_idx[trace.dep_ptr[i]:trace.dep_ptr[i + 1]]
    if not len(deps):
        return "other", 0, 0
    unit, kind, layer = ops["unit"][deps], ops["kind"][deps], ops["layer"][deps]
    # the previous layer's activations: the paper's "delay slot" before reading the Unified Buffer
    raw = (kind == VECTOR) & (layer != ops["layer"][i])
    inp = (kind == LOAD) & (unit == input_unit)
    end = tl.end[deps]
    raw_at = int(end[raw].max()) if raw.any() else 0
    in_at = int(end[inp].max()) if inp.any() else 0
    j = int(np.argmax(end))
    cause = ("weight" if kind[j] == LOAD and unit[j] == weight_unit else "input" if inp[j] else
             "raw" if raw[j] else "other")
    return cause, raw_at, in_at


def cycle_breakdown(trace: Trace, arch: SystolicSpec, tl: Timeline,
                    extra: tuple[np.ndarray, np.ndarray] | None = None) -> CycleBreakdown:
    """The run's cycles in Table 3's categories (see the module docstring).

    ``extra`` is the per-op ``(preload, stream)`` lengthening the run used
    (:func:`accelsim.families.systolic.sim.conflict_cycles_per_op`), none by default.
    """
    ops = trace.ops
    total = int(tl.end.max()) if len(ops) else 0
    arr = np.flatnonzero(ops["kind"] == COMPUTE)
    units = list(trace.units)
    weight_unit = units.index("dma_weights") if "dma_weights" in units else -1
    input_unit = units.index("dma_in") if "dma_in" in units else -1
    overlap = arch.array.overlap_folds and arch.array.compat == "none"
    pre_x = extra[0] if extra is not None else np.zeros(len(ops), np.int64)
    str_x = extra[1] if extra is not None else np.zeros(len(ops), np.int64)
    waits = {"weight": 0, "input": 0, "raw": 0, "other": 0}  # idle cycles by the dependency that came last
    active = shift = raw = inp = 0
    prev_ss = prev_se = prev_done = shift_free = 0
    useful = 0.0
    for i in arr.tolist():
        ready = int(tl.ready[i])
        gate = max(shift_free, prev_ss) if overlap else prev_done
        sh = max(ready, gate)
        shift_end = sh + int(ops["preload"][i]) + int(pre_x[i])
        ss = int(tl.start[i])
        busy = int(ops["stream"][i]) * int(ops["div"][i]) + int(str_x[i])
        se = ss + busy
        # the gap before this stream: first the wait for operands, then the shift
        # (the part the array itself held it back, under the previous fold's drain, is "other")
        held_back = max(0, min(gate, ss) - prev_se)
        waits["other"] += held_back
        wait = max(0, min(sh, ss) - prev_se) - held_back
        if wait:
            cause, raw_at, in_at = _dep_times(trace, tl, i, weight_unit, input_unit)
            waits[cause] += wait
            # the counters: idle cycles while a RAW (input) dependency is outstanding, whatever else is
            lo, hi = prev_se + held_back, prev_se + held_back + wait
            raw += max(0, min(raw_at, hi) - lo)
            inp += max(0, min(in_at, hi) - lo)
        shift += max(0, ss - max(sh, prev_se))
        active += busy
        useful += float(ops["rows"][i]) * float(ops["cols"][i]) * busy
        prev_ss, prev_se, shift_free = ss, se, shift_end
        prev_done = max(prev_done, int(tl.end[i]))
    useful /= arch.array.macs
    non_matrix = total - active - shift - waits["weight"]
    return CycleBreakdown(total=total, active=active, weight_stall=waits["weight"], weight_shift=shift,
                          non_matrix=non_matrix, raw_stall=raw, input_stall=inp,
                          useful_mac_cycles=useful, unused_mac_cycles=active - useful)
