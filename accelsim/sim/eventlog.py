"""Export a run's timeline as Chrome / Perfetto trace-event JSON (open it in ui.perfetto.dev).

One track (thread) per unit of the trace; one complete event (``ph: "X"``) per op, named
``<kind> <layer>``, with its bytes, MACs or vector ops as arguments. Times are microseconds at
the accelerator clock.
"""

from __future__ import annotations

import json
from pathlib import Path

from accelsim.sim.engine import Timeline
from accelsim.trace import KINDS, Trace, atomic_write_text


def trace_events(trace: Trace, tl: Timeline, clock_hz: float) -> dict:
    """The trace-event document (a dict) for ``trace`` run as ``tl``."""
    us = 1e6 / clock_hz
    ops = trace.ops
    events = [{"ph": "M", "name": "process_name", "pid": 1, "args": {"name": f"{trace.model} on {trace.arch}"}}]
    for u, name in enumerate(trace.units):
        events.append({"ph": "M", "name": "thread_name", "pid": 1, "tid": u, "args": {"name": name}})
    for i in range(len(ops)):
        kind = KINDS[int(ops["kind"][i])]
        start = int(tl.start[i])
        end = int(tl.end[i])
        args = {"op": i, "layer": trace.layers[int(ops["layer"][i])].name}
        for f in ("bytes", "macs", "vops"):
            if int(ops[f][i]):
                args[f] = int(ops[f][i])
        events.append({"ph": "X", "pid": 1, "tid": int(ops["unit"][i]), "name": f"{kind} {args['layer']}",
                       "ts": start * us, "dur": max(0, end - start) * us, "args": args})
    return {"traceEvents": events, "displayTimeUnit": "ns"}


def write_trace_events(trace: Trace, tl: Timeline, clock_hz: float, path: str | Path) -> None:
    """Write :func:`trace_events` as JSON, atomically."""
    atomic_write_text(path, json.dumps(trace_events(trace, tl, clock_hz)))
