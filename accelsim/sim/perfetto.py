"""A run's timeline as Chrome / Perfetto trace-event JSON, to zoom into at ui.perfetto.dev.

One process for the run; one track per unit of the trace (``dma_in``, ``array``, ...); one
complete event (``"ph": "X"``) per op, named ``<layer> <kind>`` (``conv1 load``), from the
op's start to its end, with the op id, its layer, its bytes / MACs / vector ops and its
ready, start and end cycles as arguments. Cycles become microseconds at ``clock_hz``.

The trace-event format wants the slices of one thread to nest, but a unit's ops may overlap
in time: a DMA unit hands the next transfer to DRAM while the previous one is still in
flight, and the array streams its next fold while the last one drains. Such ops go on extra
lanes of the same unit (threads named ``dma_in``, ``dma_in ·2``, ... and sorted together), so
no slice is cut or dropped by the viewer and each lane reads as one sequence of ops.

Written atomically: a killed run leaves no half-written file.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from accelsim.sim.engine import Timeline
from accelsim.trace import KINDS, Trace, atomic_write_text

PID = 1
_ARGS = ("bytes", "macs", "vops", "rows", "cols", "stream")


def lanes(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Lane of each interval (in the given order) so that intervals on one lane never overlap.

    Greedy: an interval takes the lowest lane whose last interval ended by its start. Lanes
    hold their intervals in order, and an interval of zero length still takes its place.
    """
    lane_end: list[int] = []
    out = np.zeros(len(start), np.int64)
    for i, (s, e) in enumerate(zip(start.tolist(), end.tolist())):
        for k, free in enumerate(lane_end):
            if free <= s:
                lane_end[k] = e
                out[i] = k
                break
        else:
            out[i] = len(lane_end)
            lane_end.append(e)
    return out


def trace_events(trace: Trace, tl: Timeline, clock_hz: float, phases: dict[str, str] | None = None) -> dict:
    """The trace-event document (JSON-ready) of ``trace`` as run in ``tl`` at ``clock_hz``.

    ``phases`` maps layer names to a training step's phases (``forward``, ``backward``, ``update``): each op then
    carries its phase (argument and category ``<phase> <kind>``), and a first track, ``phase``, holds one slice
    per phase from its first op's start to its last op's end.
    """
    if len(tl.start) != len(trace):
        raise ValueError(f"timeline has {len(tl.start)} ops, trace {len(trace)}")
    us = 1e6 / clock_hz
    ops = trace.ops
    names = [l.name for l in trace.layers]
    events: list[dict] = [{"ph": "M", "pid": PID, "name": "process_name",
                           "args": {"name": f"{trace.model} on {trace.arch}, batch {trace.batch}"}}]
    tid_of = np.zeros(len(ops), np.int64)
    tid = 0
    op_phase = [phases.get(n, "forward") for n in names] if phases else None
    if op_phase is not None:
        tid = _phase_track(events, ops["layer"], op_phase, tl, us)
    for u, unit in enumerate(trace.units):
        mine = np.flatnonzero(ops["unit"] == u)
        if not mine.size:
            continue
        order = mine[np.lexsort((mine, tl.start[mine]))]  # by start; ties keep trace order
        lane = lanes(tl.start[order], tl.end[order])
        for k in range(int(lane.max()) + 1):
            name = unit if k == 0 else f"{unit} ·{k + 1}"
            events.append({"ph": "M", "pid": PID, "tid": tid + k, "name": "thread_name", "args": {"name": name}})
            events.append({"ph": "M", "pid": PID, "tid": tid + k, "name": "thread_sort_index",
                           "args": {"sort_index": tid + k}})
        tid_of[order] = tid + lane
        tid += int(lane.max()) + 1
    cols = {f: ops[f].tolist() for f in ("kind", "layer") + _ARGS}
    ready, start, end = tl.ready.tolist(), tl.start.tolist(), tl.end.tolist()
    tids = tid_of.tolist()
    for i in range(len(ops)):
        kind = KINDS[cols["kind"][i]]
        layer = names[cols["layer"][i]]
        args = {"op": i, "layer": layer, "kind": kind, "ready_cycle": ready[i], "start_cycle": start[i],
                "end_cycle": end[i]}
        args.update({f: cols[f][i] for f in _ARGS if cols[f][i]})
        cat = kind
        if op_phase is not None:
            args["phase"] = op_phase[cols["layer"][i]]
            cat = f"{args['phase']} {kind}"
        events.append({"ph": "X", "pid": PID, "tid": tids[i], "name": f"{layer} {kind}", "cat": cat,
                       "ts": start[i] * us, "dur": max(0, end[i] - start[i]) * us, "args": args})
    return {"traceEvents": events, "displayTimeUnit": "ns",
            "otherData": {"arch": trace.arch, "model": trace.model, "batch": trace.batch, "clock_hz": clock_hz}}


def _phase_track(events: list[dict], op_layer: np.ndarray, layer_phase: list[str], tl: Timeline, us: float) -> int:
    """Append the ``phase`` track: one slice per phase over its ops (a weight load may start a phase before the
    last one ends: such a slice takes a second lane); returns the next free tid."""
    of_op = np.array(layer_phase, dtype=object)[op_layer] if len(op_layer) else np.array([], dtype=object)
    spans = []
    for phase in dict.fromkeys(layer_phase):
        mine = np.flatnonzero(of_op == phase)
        if mine.size:
            spans.append((phase, int(tl.start[mine].min()), int(tl.end[mine].max())))
    if not spans:
        return 0
    lane = lanes(np.array([s for _, s, _ in spans]), np.array([e for _, _, e in spans]))
    for k in range(int(lane.max()) + 1):
        events.append({"ph": "M", "pid": PID, "tid": k, "name": "thread_name",
                       "args": {"name": "phase" if k == 0 else f"phase ·{k + 1}"}})
        events.append({"ph": "M", "pid": PID, "tid": k, "name": "thread_sort_index", "args": {"sort_index": k}})
    for (phase, s, e), k in zip(spans, lane.tolist()):
        events.append({"ph": "X", "pid": PID, "tid": k, "name": phase, "cat": "phase", "ts": s * us,
                       "dur": max(0, e - s) * us, "args": {"start_cycle": s, "end_cycle": e}})
    return int(lane.max()) + 1


def write_trace_events(trace: Trace, tl: Timeline, clock_hz: float, path: str | Path,
                       phases: dict[str, str] | None = None) -> None:
    """Write :func:`trace_events` to ``path`` as JSON, atomically (``phases``: see :func:`trace_events`)."""
    atomic_write_text(path, json.dumps(trace_events(trace, tl, clock_hz, phases), separators=(",", ":")) + "\n")


def instruction_events(log: list[tuple[int, str, str, int, int, int]], layer_starts: list[int],
                       layer_names: list[str], clock_hz: float, title: str) -> dict:
    """Trace events of a DianNao/Cambricon run: one slice per non-scalar instruction on its unit's track.

    ``log`` holds ``(pc, op, unit, issue, start, done)`` cycles per instruction, in issue order
    (:func:`accelsim.families.cambricon.core.run_core` with ``log=True``); ``layer_starts`` the pc of each
    layer's code. A slice runs from the instruction's start to its completion; its arguments
    give the pc, the issue cycle and the layer.
    """
    import bisect
    us = 1e6 / clock_hz
    events: list[dict] = [{"ph": "M", "pid": PID, "name": "process_name", "args": {"name": title}}]
    by_unit: dict[str, list[int]] = {}
    for i, rec in enumerate(log):
        by_unit.setdefault(rec[2], []).append(i)
    tid = 0
    for unit in sorted(by_unit):
        idx = np.array(by_unit[unit])
        start = np.array([log[i][4] for i in idx])
        end = np.array([log[i][5] for i in idx])
        order = np.lexsort((idx, start))
        lane = lanes(start[order], end[order])
        for k in range(int(lane.max()) + 1):
            events.append({"ph": "M", "pid": PID, "tid": tid + k, "name": "thread_name",
                           "args": {"name": unit if k == 0 else f"{unit} ·{k + 1}"}})
            events.append({"ph": "M", "pid": PID, "tid": tid + k, "name": "thread_sort_index",
                           "args": {"sort_index": tid + k}})
        for j, ln in zip(idx[order].tolist(), lane.tolist()):
            pc, op, _, issue, s, e = log[j]
            layer = layer_names[max(0, bisect.bisect_right(layer_starts, pc) - 1)]
            events.append({"ph": "X", "pid": PID, "tid": tid + ln, "name": f"{layer} {op}", "cat": op,
                           "ts": s * us, "dur": max(0, e - s) * us,
                           "args": {"pc": pc, "layer": layer, "issue_cycle": issue, "start_cycle": s,
                                    "end_cycle": e}})
        tid += int(lane.max()) + 1
    return {"traceEvents": events, "displayTimeUnit": "ns", "otherData": {"title": title, "clock_hz": clock_hz}}
