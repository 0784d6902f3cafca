"""A layer's share of the run and its own span (accelsim.sim.layers)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from accelsim.sim.layers import attributed, spans


def test_attributed_shares_add_up_to_the_makespan():
    assert attributed([10, 8, 25, 25]) == [(0, 10), (10, 10), (10, 25), (25, 25)]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 8), st.lists(st.tuples(st.integers(0, 7), st.integers(0, 1000), st.integers(0, 100)),
                                   max_size=40))
def test_spans_are_each_layer_s_first_start_to_last_end(n, ops):
    ops = [(l % n, s, s + d) for l, s, d in ops]
    layer_of = np.array([o[0] for o in ops], np.int64)
    start = np.array([o[1] for o in ops], np.int64)
    end = np.array([o[2] for o in ops], np.int64)
    want = []
    for li in range(n):
        mine = [o for o in ops if o[0] == li]
        last = max((o[2] for o in mine), default=0)
        want.append(max(0, last - min(o[1] for o in mine)) if mine and last > 0 else 0)
    assert spans(layer_of, start, end, n).tolist() == want
