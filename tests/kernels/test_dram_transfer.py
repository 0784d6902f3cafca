"""The transfer kernel's row-skipping paths equal the request-level schedule on a real DRAM organisation.

The twin test (test_twins.py) draws tiny random DRAMs; here the memory is TPU v1's (DDR3, 8
banks, 128-burst rows, a 32-deep queue), with tREFI shortened so that one transfer straddles
many refreshes, and the transfer kernel (hit runs, runs carried across rows and through refreshes, queue refilled in
place) must match :func:`accelsim.kernels.dram_timing.dram_schedule`, which serves every
burst through the FR-FCFS decision, exactly: cycles, counts and the state left behind.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from accelsim.kernels import dram_timing as dt
from accelsim.kernels.dram_transfer import dram_transfer
from accelsim.registry import load_arch
from accelsim.sim.dram_timing import DramModel


def _tpu_params() -> np.ndarray:
    arch = load_arch("tpu-v1")
    return DramModel.from_spec(arch.dram.timing, 700e6, path=arch.dram.path)._params.copy()


def _by_request(t0, first, last, write, params, bank, group, rank, chan):
    n = last - first + 1
    addr = np.arange(first, last + 1, dtype=np.int64) * int(params[dt.P_BURST])
    done, cas, _, counts, *state = dt.dram_schedule(np.full(n, t0, np.int64), addr, np.full(n, bool(write)),
                                                    params, bank, group, rank, chan)
    return (int(cas.max()), int(done.max()), counts, *state)


def _check(queue, refi, channels, first, n, write, t0, warm, cols=None):
    params = _tpu_params()
    params[dt.P_QUEUE] = queue
    params[dt.T_REFI] = params[dt.T_RFC] + refi
    if channels == 1:
        params[dt.P_CH] = 1
    if cols is not None:
        params[dt.P_COLS] = cols
    state = dt.initial_state(params)
    for a, m, w in warm:  # earlier transfers left rows open, buses busy and refreshes part way
        state = _by_request(0, a, a + m - 1, w, params, *state)[3:]
    fast = dram_transfer(t0, first, first + n - 1, write, params, *state)
    slow = _by_request(t0, first, first + n - 1, write, params, *state)
    if (n // channels) * params[dt.T_BL] > 2 * params[dt.T_REFI]:
        assert fast[2][4] > 0  # the point: the bus is busy past a refresh due, which cuts the runs
    assert fast[:2] == slow[:2]
    for a, b in zip(fast[2:], slow[2:]):
        np.testing.assert_array_equal(a, b)


_WARM = st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 400), st.booleans()), max_size=2)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 32), st.integers(300, 4000), st.sampled_from([1, 2]), st.integers(0, 10**6),
       st.integers(1, 6000), st.booleans(), st.integers(0, 5000), _WARM)
def test_transfer_equals_request_level_schedule_across_refreshes(queue, refi, channels, first, n, write, t0, warm):
    _check(queue, refi, channels, first, n, write, t0, warm)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([4, 8, 16]), st.integers(0, 16), st.integers(300, 1200), st.sampled_from([1, 2]),
       st.integers(0, 10**5), st.integers(1, 3000), st.booleans(), st.integers(0, 3000), _WARM)
def test_refresh_at_a_rows_first_and_last_burst(cols, queue, refi, channels, first, n, write, t0, warm):
    # short rows: a refresh falls due at a row's first burst (an ACT in the run) or its last (a hit) often
    _check(max(1, min(queue, cols)), refi, channels, first, n, write, t0, warm, cols)
