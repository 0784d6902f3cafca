"""The SCALE-Sim memory replay's inputs: prefetch sizes without building the sequences, and set CSR."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from accelsim.kernels.scalesim_memory import prefetch_order, prefetch_sizes, read_buffer_inputs

GEOM = st.tuples(st.integers(1, 3), st.integers(1, 3), st.integers(0, 6), st.integers(0, 6), st.integers(1, 4),
                 st.integers(1, 20), st.integers(1, 3), st.integers(1, 9), st.integers(1, 9),
                 st.sampled_from(["ws", "os", "is"]))


@settings(max_examples=150, deadline=None)
@given(GEOM)
def test_prefetch_sizes_are_the_sequences_sizes(x):
    fh, fw, dh, dw, ch, nf, s, R, C, df = x
    geom = (fh + dh, fw + dw, fh, fw, ch, nf, s)
    seqs = prefetch_order(geom, R, C, df)
    assert prefetch_sizes(geom, R, C, df) == tuple((len(q), int(np.count_nonzero(q != -1))) for q in seqs)


def test_sets_hold_the_sequence_in_order():
    seq = np.array([5, -1, 7, 5, 9, 6, -1, 8], np.int64)   # 6 words, one repeated
    # 300 bytes: sets of 3 words, 150 active (50 sets, capped at the 3 there are): fits, no lookup built
    ptr, sets, base, params = read_buffer_inputs(lambda: seq, len(seq), 6, 300, 4)
    assert params.tolist() == [3, 3, 0, 38, 2] and len(sets) == 0
    # 8 bytes: sets of 1 word -> 7 sets, 4 active, 3 prefetching; refills of ceil(4/2) lines
    ptr, sets, base, params = read_buffer_inputs(lambda: seq, len(seq), 6, 8, 2)
    assert params.tolist() == [7, 4, 3, 2, 2]
    assert base == 5
    by_addr = {a + base: sets[ptr[a]:ptr[a + 1]].tolist() for a in range(len(ptr) - 1)}
    assert by_addr == {5: [0, 2], 6: [4], 7: [1], 8: [5], 9: [3]}


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.integers(0, 2**31))
def test_diagonal_order_is_scalesims_roll_out(m, n, seed):
    """SCALE-Sim's loop: diagonal d from row min(d, M-1) down to max(0, d-N+1), column d - row."""
    from accelsim.kernels.scalesim_memory import _diagonal_order
    mat = np.random.default_rng(seed).integers(-1, 1000, (m, n))
    want = [mat[r, d - r] for d in range(m + n) for r in range(min(d, m - 1), max(0, d - n + 1) - 1, -1)]
    assert _diagonal_order(mat).tolist() == want
