"""The schedule of folds on a systolic array: when each fold streams and when its results leave.

Kernel :func:`fold_schedule` and its twin :func:`fold_schedule_ref` compute the same integers.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def fold_schedule(ready, preload, stream, div, drain, overlap):
    """Numba kernel of :func:`fold_schedule_ref`; same arguments, same results."""
    n = ready.shape[0]
    s_start = np.empty(n, np.int64)
    s_end = np.empty(n, np.int64)
    done = np.empty(n, np.int64)
    prev_ss = 0
    prev_se = 0
    prev_done = 0
    shift_free = 0
    for i in range(n):
        if overlap:
            sh = max(ready[i], shift_free, prev_ss)
        else:
            sh = max(ready[i], prev_done)
        shift_end = sh + preload[i]
        ss = max(shift_end, prev_se)
        se = ss + stream[i] * div[i]
        d = max(se + drain[i], prev_done)
        s_start[i] = ss
        s_end[i] = se
        done[i] = d
        prev_ss = ss
        prev_se = se
        prev_done = d
        shift_free = shift_end
    return s_start, s_end, done


def fold_schedule_ref(ready, preload, stream, div, drain, overlap):
    """Cycle at which each fold starts streaming, stops streaming, and has all results out.

    Inputs are int64 arrays, one entry per fold in issue order (cycles): ``ready`` (operands
    available), ``preload`` (cycles to shift the stationary operand in), ``stream`` (vectors
    streamed), ``div`` (passes per vector for wide operands), ``drain`` (cycles from the last
    vector entering to the last result leaving).

    A fold streams for ``stream * div`` cycles. Its preload starts once it is ready and:
    - ``overlap`` false: the previous fold has fully finished (no overlap at all);
    - ``overlap`` true: the previous preload is finished and the previous fold has started
      streaming (its operand left the shadow buffer), so a preload hides under the previous
      stream; streaming starts when the preload is done and the previous stream has ended,
      and the previous fold's drain overlaps it.
    Results leave in order: ``done[i] = max(stream_end[i] + drain[i], done[i-1])``.

    Returns ``(stream_start, stream_end, done)`` as int64 arrays.
    """
    ready = [int(x) for x in ready]
    n = len(ready)
    out = np.zeros((3, n), dtype=np.int64)
    free = {"shift": 0, "stream": 0, "shadow": 0, "out": 0}
    for i in range(n):
        gate = [ready[i], free["shift"], free["shadow"]] if overlap else [ready[i], free["out"]]
        shift_end = max(gate) + int(preload[i])
        stream_start = max(shift_end, free["stream"])
        stream_end = stream_start + int(stream[i]) * int(div[i])
        free["out"] = max(stream_end + int(drain[i]), free["out"])
        free.update(shift=shift_end, stream=stream_end, shadow=stream_start)
        out[:, i] = (stream_start, stream_end, free["out"])
    return out[0], out[1], out[2]
