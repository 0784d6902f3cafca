"""Perfetto / Chrome trace-event export: valid JSON, one event per op, nesting tracks, times at the clock."""

from __future__ import annotations

import json
from collections import defaultdict

import numpy as np

from accelsim.api import lower
from accelsim.registry import load_arch
from accelsim.sim.perfetto import lanes, trace_events, write_trace_events
from accelsim.families.systolic.sim import run
from accelsim.trace import KINDS

ARCH = load_arch("systolic-32x32")


def test_lanes_keep_overlapping_intervals_apart():
    start, end = np.array([0, 2, 3, 5, 5, 9]), np.array([4, 6, 5, 5, 8, 10])
    assert lanes(start, end).tolist() == [0, 1, 2, 0, 0, 0]


def test_one_event_per_op_with_layer_kind_and_microseconds(tmp_path):
    trace = lower("lenet5", ARCH)
    tl = run(trace, ARCH)
    path = tmp_path / "run.json"
    write_trace_events(trace, tl, ARCH.clock_hz, path)
    assert [p.name for p in tmp_path.iterdir()] == ["run.json"]  # written atomically, no temporary left
    doc = json.loads(path.read_text())
    events = doc["traceEvents"]
    ops = [e for e in events if e["ph"] == "X"]
    assert len(ops) == len(trace)
    names = [l.name for l in trace.layers]
    us = 1e6 / ARCH.clock_hz
    for e in ops:
        i = e["args"]["op"]
        op = trace.ops[i]
        assert e["name"] == f"{names[op['layer']]} {KINDS[op['kind']]}" and e["cat"] == KINDS[op["kind"]]
        assert e["ts"] == tl.start[i] * us and e["dur"] == (tl.end[i] - tl.start[i]) * us
        assert (e["args"]["ready_cycle"], e["args"]["end_cycle"]) == (tl.ready[i], tl.end[i])
    assert sorted(e["args"]["op"] for e in ops) == list(range(len(trace)))
    # each track names its unit, and every unit that ran ops has a track of its own name
    track = {e["tid"]: e["args"]["name"] for e in events if e["name"] == "thread_name"}
    assert {track[e["tid"]].split(" ·")[0] for e in ops} == set(trace.units)
    for e in ops:
        assert track[e["tid"]].split(" ·")[0] == trace.units[trace.ops[e["args"]["op"]]["unit"]]
    # slices on one track never overlap, so viewers show every one
    by_tid = defaultdict(list)
    for e in ops:
        by_tid[e["tid"]].append((e["args"]["start_cycle"], e["args"]["end_cycle"]))
    for spans in by_tid.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert doc["otherData"]["clock_hz"] == ARCH.clock_hz
