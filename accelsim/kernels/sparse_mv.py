"""A sparse matrix x sparse vector on PEs that each own rows, fed by one broadcast of the non-zero inputs.

EIE's schedule (Han et al., ISCA 2016, section IV): the central unit finds the input vector's
non-zero activations one a cycle and broadcasts each to every PE; a PE queues it (its activation
queue holds ``queue_depth`` entries) and, when its arithmetic unit is free, spends one cycle per
stored entry of that input's column among its own rows (at least one, to read the column's two
pointers). A PE whose queue is full holds the broadcast, so one busy PE stalls the rest: this is
the load imbalance the pattern of non-zeros decides.

Kernel :func:`spmv_schedule` and its twin :func:`spmv_schedule_ref` compute the same integers;
so do :func:`csc_entries` and :func:`csc_entries_ref`, the stored entries of each PE's columns, and,
block by block of rows in one pass over the mask, :func:`csc_blocks` and :func:`csc_fullest` (the
fullest PE of each block only, what choosing the block size needs) with their twins.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def spmv_schedule(entries, queue_depth):
    """Numba kernel of :func:`spmv_schedule_ref`; same arguments, same results."""
    pes, n = entries.shape
    free = np.zeros(pes, np.int64)
    busy = np.zeros(pes, np.int64)
    started = np.zeros((queue_depth, pes), np.int64)  # ring of the last queue_depth start cycles per PE
    # inputs a tile at a time, copied input-major: the loops over PEs then read memory in order
    # (about 2.5x faster on AlexNet's fc6 than reading entries[p, j] down a column)
    tile = 64
    work = np.empty((tile, pes), np.int64)
    last = -1
    for j0 in range(0, n, tile):
        m = min(tile, n - j0)
        for p in range(pes):
            row = entries[p]
            for t in range(m):
                x = row[j0 + t]
                work[t, p] = x if x > 1 else 1
        for t in range(m):
            j = j0 + t
            b = last + 1
            st = started[j % queue_depth]
            if j >= queue_depth:  # the slot still holds input j - queue_depth's start cycles
                for p in range(pes):
                    b = max(b, st[p])
            w = work[t]
            for p in range(pes):
                s = max(free[p], b)
                st[p] = s
                free[p] = s + w[p]
                busy[p] += w[p]
            last = b
    end = 0
    for p in range(pes):
        if free[p] > end:
            end = free[p]
    return end, busy


def spmv_schedule_ref(entries, queue_depth):
    """Cycles to run one broadcast pass, and each PE's busy cycles.

    ``entries[p, j]`` is the number of stored entries PE ``p`` holds for the ``j``-th non-zero
    input (in broadcast order); ``queue_depth`` (>= 1) the activation queue's length. Input ``j``
    is broadcast at ``b_j = max(b_{j-1} + 1, start_{p, j - queue_depth} for every p)`` (one a
    cycle, and only once every queue has a free slot; ``b_0 = 0``); PE ``p`` starts it at
    ``start_{p,j} = max(b_j, end_{p,j-1})`` and ends at ``start_{p,j} + max(1, entries[p, j])``.
    Returns ``(cycle the last PE ends, busy cycles per PE)`` (int64; ``0`` and zeros for no input).
    """
    entries = np.asarray(entries, np.int64)
    pes, n = entries.shape
    work = np.maximum(entries, 1)
    start = np.zeros((pes, n), np.int64)
    end = np.zeros((pes, n), np.int64)
    b = -1
    for j in range(n):
        b = max([b + 1] + ([int(x) for x in start[:, j - queue_depth]] if j >= queue_depth else []))
        before = end[:, j - 1] if j else np.zeros(pes, np.int64)
        start[:, j] = np.maximum(before, b)
        end[:, j] = start[:, j] + work[:, j]
    return (int(end[:, -1].max()) if n else 0), work.sum(axis=1).astype(np.int64)


@njit(cache=True)
def csc_entries(mask, pes, index_bits):
    """Numba kernel of :func:`csc_entries_ref`; same arguments, same results."""
    rows, cols = mask.shape
    out = np.zeros((pes, cols), np.int64)
    prev = np.full((pes, cols), -1, np.int64)  # last non-zero's row within the PE, per PE and column
    for r in range(rows):
        i, p = r // pes, r % pes
        o, q, m = out[p], prev[p], mask[r]
        for c in range(cols):
            # branch-free (the mask is random): a gap is >= 0, so the shift is the floor division by 2**index_bits
            nz = np.int64(m[c])
            o[c] += nz * (1 + ((i - q[c] - 1) >> index_bits))
            q[c] += nz * (i - q[c])
    return out


def csc_entries_ref(mask, pes, index_bits):
    """Stored entries per PE and column (``(pes, cols)`` int64) for a bool ``(rows, cols)`` non-zero mask.

    Row ``r`` lives on PE ``r % pes`` as its row ``r // pes``. A PE's entries of a column are
    its non-zeros there plus ``gap // 2**index_bits`` padding entries for every run of ``gap``
    zeros before a non-zero (rows counted within the PE; a column starts at row -1).
    """
    mask = np.asarray(mask, bool)
    rows, cols = mask.shape
    k = -(-rows // pes)
    local = np.zeros((k * pes, cols), bool)
    local[:rows] = mask
    local = local.reshape(k, pes, cols)
    out = local.sum(axis=0, dtype=np.int64)
    span = 1 << index_bits
    if k <= span:
        return out  # no gap within a PE's column can reach 2**index_bits zeros
    for p in range(pes):
        col, row = np.nonzero(local[:, p, :].T)
        prev = np.empty_like(row)
        prev[0:1] = -1
        prev[1:] = row[:-1]
        prev[np.r_[True, col[1:] != col[:-1]] if col.size else []] = -1
        out[p] += np.bincount(col, weights=(row - prev - 1) // span, minlength=cols).astype(np.int64)
    return out


@njit(cache=True)
def csc_blocks(mask, pes, index_bits, step):
    """Numba kernel of :func:`csc_blocks_ref`; same arguments, same results."""
    rows, cols = mask.shape
    nb = -(-rows // step)
    ent = np.zeros((nb, pes, cols), np.int64)
    nz = np.zeros((nb, cols), np.int64)
    prev = np.empty((pes, cols), np.int64)  # last non-zero's row within the PE, per PE and column
    # a PE holding at most 2**index_bits rows of a block has no gap long enough to pad: count non-zeros
    padless = -(-step // pes) <= (1 << index_bits)
    for b in range(nb):
        prev[:] = -1
        r0 = b * step
        z = nz[b]
        for r in range(r0, min(rows, r0 + step)):
            i, p = (r - r0) // pes, (r - r0) % pes
            o, q, m = ent[b, p], prev[p], mask[r]
            if padless:
                for c in range(cols):
                    x = np.int64(m[c])
                    o[c] += x
                    z[c] += x
            else:
                for c in range(cols):
                    # branch-free, as in csc_entries: a gap is >= 0, so the shift is the floor division
                    x = np.int64(m[c])
                    o[c] += x * (1 + ((i - q[c] - 1) >> index_bits))
                    q[c] += x * (i - q[c])
                    z[c] += x
    return ent, nz


def csc_blocks_ref(mask, pes, index_bits, step):
    """Blocks of ``step`` rows of a bool ``(rows, cols)`` mask, each laid out on ``pes`` PEs on its own.

    Block ``b`` is rows ``b * step .. (b + 1) * step - 1``; its row ``r`` (counted in the block)
    lives on PE ``r % pes``. Returns ``(entries, nonzeros)``: int64 ``(blocks, pes, cols)``, each
    block's :func:`csc_entries_ref`, and int64 ``(blocks, cols)``, each block's non-zeros per column.
    """
    mask = np.asarray(mask, bool)
    rows, cols = mask.shape
    parts = [mask[r:r + step] for r in range(0, rows, step)]
    ent = np.array([csc_entries_ref(m, pes, index_bits) for m in parts], np.int64).reshape(len(parts), pes, cols)
    nz = np.array([m.sum(axis=0) for m in parts], np.int64).reshape(len(parts), cols)
    return ent, nz


@njit(cache=True)
def csc_fullest(mask, pes, index_bits, step):
    """Numba kernel of :func:`csc_fullest_ref`; same arguments, same results."""
    rows, cols = mask.shape
    nb = -(-rows // step)
    out = np.zeros(nb, np.int64)
    per_pe = np.zeros(pes, np.int64)
    prev = np.empty((pes, cols), np.int64)
    # a PE holding at most 2**index_bits rows of a block has no gap long enough to pad: count non-zeros
    padless = -(-step // pes) <= (1 << index_bits)
    for b in range(nb):
        per_pe[:] = 0
        prev[:] = -1
        r0 = b * step
        for r in range(r0, min(rows, r0 + step)):
            i, p = (r - r0) // pes, (r - r0) % pes
            m = mask[r]
            acc = np.int64(0)
            if padless:
                for c in range(cols):
                    acc += np.int64(m[c])
            else:
                q = prev[p]
                for c in range(cols):
                    x = np.int64(m[c])
                    acc += x * (1 + ((i - q[c] - 1) >> index_bits))
                    q[c] += x * (i - q[c])
            per_pe[p] += acc
        out[b] = per_pe.max()
    return out


def csc_fullest_ref(mask, pes, index_bits, step):
    """Per block of :func:`csc_blocks_ref`, the stored entries of its fullest PE (int64 ``(blocks,)``)."""
    ent, _ = csc_blocks_ref(mask, pes, index_bits, step)
    return ent.sum(axis=2).max(axis=1, initial=0).astype(np.int64)
