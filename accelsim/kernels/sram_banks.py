"""SRAM bank conflicts of an access pattern: extra cycles when one cycle's requests pile onto one bank.

A buffer of ``banks`` banks, each serving ``ports`` line accesses a cycle, holds ``line_words``
consecutive words per line; word address ``a`` lives in line ``a // line_words`` of bank
``line % banks``. The requests of one cycle (one row of a demand matrix, ``-1`` = none) that
fall in the same line are one access; a cycle whose busiest bank has ``n`` distinct lines to
serve takes ``ceil(n / ports)`` cycles instead of one.

:func:`strided_conflict_cycles` is the closed form for one common row: ``n`` requests a fixed
stride apart (an array's rows reading a row-major operand).
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit


@njit(cache=True)
def bank_conflict_rows(demand, line_words, banks, ports):
    """Extra cycles each row of ``demand`` costs (int64 per row)."""
    rows, cols = demand.shape
    out = np.zeros(rows, np.int64)
    lines = np.empty(cols, np.int64)
    counts = np.zeros(banks, np.int64)
    for r in range(rows):
        # insertion sort into a reused buffer: a row's addresses mostly rise already, so
        # this is near linear and allocates nothing
        n = 0
        for c in range(cols):
            a = demand[r, c]
            if a >= 0:
                x = a // line_words
                j = n
                while j > 0 and lines[j - 1] > x:
                    lines[j] = lines[j - 1]
                    j -= 1
                lines[j] = x
                n += 1
        if n == 0:
            continue
        busiest = 0
        prev = -1
        for i in range(n):
            if lines[i] != prev:
                b = lines[i] % banks
                counts[b] += 1
                if counts[b] > busiest:
                    busiest = counts[b]
                prev = lines[i]
        for i in range(n):  # reset only the banks this row touched
            counts[lines[i] % banks] = 0
        out[r] = (busiest + ports - 1) // ports - 1
    return out


def bank_conflict_rows_ref(demand, line_words, banks, ports):
    """Twin: per row, the distinct lines requested, counted per bank; ``ceil(max / ports) - 1``."""
    out = np.zeros(demand.shape[0], np.int64)
    for r, row in enumerate(demand):
        lines = np.unique(row[row >= 0] // line_words)
        if lines.size:
            busiest = np.bincount(lines % banks, minlength=banks).max()
            out[r] = -(-busiest // ports) - 1
    return out


def strided_conflict_cycles(n: int, stride_words: int, line_words: int, banks: int, ports: int) -> int:
    """Extra cycles of one cycle's ``n`` requests at word addresses ``0, s, 2s, ...`` (``s = stride_words``).

    When the stride is a whole number of lines (``s = L * line_words``) the requests touch
    ``n`` distinct lines, and line ``i * L`` sits in bank ``i * L mod banks``: the banks repeat
    every ``P = banks / gcd(L, banks)`` requests, so the busiest bank serves ``ceil(n / P)``
    lines. When a line holds a whole number of strides the requests fill ``ceil(n * s /
    line_words)`` consecutive lines, dealt round the banks. Other strides are counted line by
    line. The row then costs ``ceil(busiest / ports) - 1`` extra cycles: 0 when the stride
    spreads the requests over the banks, ``ceil(n / ports) - 1`` when it maps them all to one.
    """
    if min(n, stride_words, line_words, banks, ports) < 1:
        raise ValueError("n, stride, line words, banks and ports must be >= 1")
    if stride_words % line_words == 0:
        period = banks // math.gcd(stride_words // line_words, banks)
        busiest = -(-n // period)
    elif line_words % stride_words == 0:
        busiest = -(-(-(-n * stride_words // line_words)) // banks)
    else:
        lines = np.unique(np.arange(n, dtype=np.int64) * stride_words // line_words)
        busiest = int(np.bincount(lines % banks, minlength=banks).max())
    return -(-busiest // ports) - 1


def example_args(seed: int):
    """Inputs for the twin test, drawn from ``seed``."""
    rng = np.random.default_rng(seed)
    demand = rng.integers(-1, 300, size=(int(rng.integers(1, 20)), int(rng.integers(1, 12)))).astype(np.int64)
    return [demand, int(rng.integers(1, 9)), int(rng.integers(1, 9)), int(rng.integers(1, 4))]
