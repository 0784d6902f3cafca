"""The traces shipped in traces/ still parse and replay to what `simulate` gives today."""

from __future__ import annotations

from pathlib import Path

import pytest

from accelsim.api import run_trace, simulate
from accelsim.trace import read_trace

TRACES = sorted((Path(__file__).resolve().parents[1] / "traces").glob("*.trace"))


def test_examples_exist():
    assert TRACES


@pytest.mark.parametrize("path", TRACES, ids=[p.name for p in TRACES])
def test_example_replays_like_simulate(path):
    trace = read_trace(path)
    assert run_trace(trace, trace.arch).to_dict() == simulate(trace.model, trace.arch, trace.batch).to_dict()
