"""SCALE-Sim 3.0.0's USER-mode memory replay: per-fold demand rows through double-buffered SRAMs.

Kernels, each with a plain twin ``<name>_ref`` that is its specification (``_affine``
and ``_hit`` are their helpers, twinned the same way):

* :func:`demand_block`: one buffer's demand rows of one fold (SCALE-Sim's
  ``create_*_demand_mat``), the same rows :func:`accelsim.kernels.sram_trace.buffer_demand`
  builds with NumPy, computed in place so a whole layer replays inside one compiled call.
* :func:`ofmap_counts`: how many words each ofmap demand row writes (all the write buffer
  needs), without building the rows.
* :func:`replay_layer`: SCALE-Sim's ``double_buffered_scratchpad.service_memory_requests`` over
  every fold of a layer: the ifmap and filter ``read_buffer`` (a window of address sets that
  moves by the prefetch half on every miss, each refill taking ``ceil(half / bw) + 1`` cycles
  after the previous one) and the ofmap ``write_buffer`` (lines of ``bw`` words drained
  ``ceil(half / bw)`` lines at a time). It reproduces SCALE-Sim's arithmetic, its defects
  included (see :mod:`accelsim.families.systolic.scalesim_memory`).

Inputs are plain arrays, built by :func:`replay_inputs` (SCALE-Sim's prefetch order and its
sets, NumPy) for :mod:`accelsim.families.systolic.scalesim_memory`.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from accelsim.kernels.sram_trace import FILTER_OFFSET, OFMAP_OFFSET, ifmap_addresses

#: rows of :func:`replay_layer`'s read parameters: sets in the buffer, active sets, prefetch
#: sets, lines (cycles) a refill takes, lines of the initial prefetch
READ_PARAMS = ("n_sets", "active_sets", "prefetch_sets", "refill_lines", "first_lines")
#: :func:`replay_layer`'s write parameters (elements, elements, elements, words/cycle, lines)
WRITE_PARAMS = ("total_elems", "active_elems", "drain_elems", "bw_words", "drain_lines")
#: what :func:`replay_layer` returns, in order
RESULTS = ("stall_cycles", "demand_rows", "last_row_cycle", "ifmap_refills", "filter_refills",
           "ofmap_dram_writes", "ofmap_dram_stop_cycle")


@njit(cache=True)
def demand_block(geom, R, C, df, fr, fc, buf):
    """Demand rows (int64, -1 = no request) of buffer ``buf`` (0 ifmap, 1 filter, 2 ofmap) in fold
    ``(fr, fc)``; ``geom`` the SCALE-Sim topology row, ``df`` 0 ws, 1 os, 2 is."""
    h, w, fh, fw, ch, nf, s = geom[0], geom[1], geom[2], geom[3], geom[4], geom[5], geom[6]
    oh, ow = -(-(h - fh + s) // s), -(-(w - fw + s) // s)
    M, N, K = oh * ow, nf, fh * fw * ch
    # (rows of the operand, columns, transposed?, which operand) then pad / flip / gap / skew
    if df == 0:
        r0, r1, c0, c1 = fr * R, min(fr * R + R, K), fc * C, min(fc * C + C, N)
        if buf == 0:
            base = ifmap_addresses(0, M, r0, r1 - r0, h, w, fw, ch, s, ow, 0)
            pr, pc, flip, before, after, sk = base.shape[0], R, False, R, C - 1, True
        elif buf == 1:
            base = _affine(FILTER_OFFSET, r0, r1, c0, c1, 1, K)
            pr, pc, flip, before, after, sk = R, C, True, 0, R + C + M - 2, False
        else:
            base = _affine(OFMAP_OFFSET, 0, M, c0, c1, N, 1)
            pr, pc, flip, before, after, sk = M, C, False, 2 * R - 1, 0, True
    elif df == 1:
        r0, r1, c0, c1 = fr * R, min(fr * R + R, M), fc * C, min(fc * C + C, N)
        if buf == 0:
            base = ifmap_addresses(r0, r1 - r0, 0, K, h, w, fw, ch, s, ow, 0).T.copy()
            pr, pc, flip, before, after, sk = K, R, False, 0, C - 1, True
        elif buf == 1:
            base = _affine(FILTER_OFFSET, 0, K, c0, c1, 1, K)
            pr, pc, flip, before, after, sk = K, C, False, 0, R - 1, True
        else:
            base = _affine(OFMAP_OFFSET, r0, r1, c0, c1, N, 1)
            pr, pc, flip, before, after, sk = R, C, True, K - 1, 0, True
    else:
        r0, r1, c0, c1 = fr * R, min(fr * R + R, K), fc * C, min(fc * C + C, M)
        if buf == 0:
            base = ifmap_addresses(c0, c1 - c0, r0, r1 - r0, h, w, fw, ch, s, ow, 0).T.copy()
            pr, pc, flip, before, after, sk = R, C, True, 0, R + C + N - 2, False
        elif buf == 1:
            base = _affine(FILTER_OFFSET, r0, r1, 0, N, 1, K).T.copy()
            pr, pc, flip, before, after, sk = N, R, False, R, C - 1, True
        else:
            base = _affine(OFMAP_OFFSET, c0, c1, 0, N, N, 1).T.copy()
            pr, pc, flip, before, after, sk = N, C, False, 2 * R - 1, 0, True
    rows = pr + before + after + (pc - 1 if sk else 0)
    out = np.full((rows, pc), -1, np.int64)
    br, bc = base.shape
    for r in range(pr):
        src = pr - 1 - r if flip else r
        if src >= br:
            continue
        for c in range(min(bc, pc)):
            out[before + r + (c if sk else 0), c] = base[src, c]
    return out


@njit(cache=True)
def ofmap_counts(geom, R, C, df, fr, fc):
    """Words the ofmap demand rows of fold ``(fr, fc)`` write, row by row (int64): the ofmap block
    of :func:`demand_block` counted without building it (the write buffer needs only counts)."""
    h, w, fh, fw, ch, nf, s = geom[0], geom[1], geom[2], geom[3], geom[4], geom[5], geom[6]
    oh, ow = -(-(h - fh + s) // s), -(-(w - fw + s) // s)
    M, N, K = oh * ow, nf, fh * fw * ch
    if df == 0:
        br, bc, pr, lo, before = M, min(fc * C + C, N) - fc * C, M, 0, 2 * R - 1
    elif df == 1:
        br, bc, pr, before = min(fr * R + R, M) - fr * R, min(fc * C + C, N) - fc * C, R, K - 1
        lo = pr - br   # flipped: the used rows sit at the bottom
    else:
        br, bc, pr, lo, before = N, min(fc * C + C, M) - fc * C, N, 0, 2 * R - 1
    out = np.zeros(pr + before + C - 1, np.int64)
    for t in range(len(out)):
        d = t - before - lo   # row d - c of the block meets column c on this row
        hi = min(bc - 1, d)
        first = max(0, d - br + 1)
        if hi >= first:
            out[t] = hi - first + 1
    return out


def ofmap_counts_ref(geom, R, C, df, fr, fc):
    """Twin: the non-empty cells of each row of the NumPy ofmap demand rows."""
    return (demand_block_ref(geom, R, C, df, fr, fc, 2) != -1).sum(axis=1).astype(np.int64)


@njit(cache=True)
def _affine(offset, r0, r1, c0, c1, row_step, col_step):
    """Operand addresses ``offset + r*row_step + c*col_step`` over rows ``r0..r1`` and columns ``c0..c1``: the
    filter (window element ``r`` of filter ``c`` at ``FILTER_OFFSET + c*K + r``) and the ofmap (pixel ``r`` of
    filter ``c`` at ``OFMAP_OFFSET + r*N + c``)."""
    out = np.empty((r1 - r0, c1 - c0), np.int64)
    for i in range(r1 - r0):
        for j in range(c1 - c0):
            out[i, j] = offset + (r0 + i) * row_step + (c0 + j) * col_step
    return out


def _affine_ref(offset, r0, r1, c0, c1, row_step, col_step):
    """Twin: ``offset + r*row_step + c*col_step`` over the block, by broadcasting."""
    return (offset + np.arange(r0, r1)[:, None] * row_step + np.arange(c0, c1)[None, :] * col_step).astype(np.int64)


def demand_block_ref(geom, R, C, df, fr, fc, buf):
    """Twin: :func:`accelsim.kernels.sram_trace.buffer_demand`, the NumPy demand rows checked
    against SCALE-Sim's own SRAM traces (``tests/parity/sram_traces``)."""
    from accelsim.kernels.sram_trace import Operands, buffer_demand
    return buffer_demand(Operands(tuple(int(x) for x in geom)), int(R), int(C), ("ws", "os", "is")[df],
                         int(fr), int(fc), int(buf))


@njit(cache=True)
def _hit(ptr, sets, base, addr, start, end, n_sets):
    """Is ``addr`` in one of the sets ``start .. end`` (circular, SCALE-Sim's ``active_buffer_hit``)?"""
    a = addr - base
    if a < 0 or a >= len(ptr) - 1:
        return False
    for k in range(ptr[a], ptr[a + 1]):
        sid = sets[k]
        if start < end:
            if start <= sid < end:
                return True
        elif sid >= start or sid < end:
            return True
    return False


def _hit_ref(ptr, sets, base, addr, start, end, n_sets):
    """Twin: the window's set ids listed out, as SCALE-Sim walks them."""
    a = addr - base
    if a < 0 or a >= len(ptr) - 1:
        return False
    window = list(range(start, end)) if start < end else list(range(start, n_sets)) + list(range(end))
    return bool(set(sets[ptr[a]:ptr[a + 1]].tolist()) & set(window))


@njit(cache=True)
def replay_layer(geom, R, C, df, fold_rows, fold_cols, ifmap_ptr, ifmap_sets, ifmap_base, filter_ptr, filter_sets,
                 filter_base, read_params, write_params, as_scalesim):
    """SCALE-Sim's memory replay of one layer; returns the int64 array named by :data:`RESULTS`.

    ``fold_rows x fold_cols`` folds run column fold outermost. ``*_ptr``/``*_sets`` (CSR over
    ``address - *_base``) list the prefetch sets holding each address; ``read_params`` is
    ``2 x 5`` (:data:`READ_PARAMS`, ifmap then filter), ``write_params`` :data:`WRITE_PARAMS`.
    Cycles: row ``i`` of the demand is issued at ``i + stalls so far``; a read miss moves the
    window and stalls ``2 * (refill end - now)`` when positive (SCALE-Sim adds the wait twice)
    and pulls the row earlier by ``now - refill end`` when negative; the row's stall is the
    largest of the ifmap, filter and ofmap waits, negative read waits counting as 0. With
    ``as_scalesim`` false the read wait is charged once and an early refill gives nothing back
    (SCALE-Sim's defects 1 and 2 fixed, :mod:`accelsim.families.systolic.scalesim_memory`).
    """
    ptrs = (ifmap_ptr, filter_ptr)
    setss = (ifmap_sets, filter_sets)
    bases = (ifmap_base, filter_base)
    win_start = np.zeros(2, np.int64)
    win_end = read_params[:, 1].copy()
    last_fill = np.full(2, -1, np.int64)   # the initial prefetch ends at cycle -1 (before row 0)
    refills = np.zeros(2, np.int64)
    total, active, drain, bw, drain_lines = (write_params[0], write_params[1], write_params[2],
                                             write_params[3], write_params[4])
    line_valid = np.zeros(1024, np.int64)   # words in each written line (grows)
    n_lines = 0
    line_idx = 0
    drain_start = 0
    free = total
    drain_end = 0
    writes = 0
    stop = -(1 << 62)
    stall = 0
    row = 0
    out_cycle = 0
    # an operand whose sets all fit in the active half never misses: its rows need no replay
    fits = read_params[:, 1] >= read_params[:, 0]
    none = np.zeros((0, 0), np.int64)
    for fc in range(fold_cols):
        for fr in range(fold_rows):
            ifm = none if fits[0] else demand_block(geom, R, C, df, fr, fc, 0)
            fil = none if fits[1] else demand_block(geom, R, C, df, fr, fc, 1)
            ofm = ofmap_counts(geom, R, C, df, fr, fc)
            for i in range(len(ofm)):
                cycle = row + stall
                worst = 0
                for b in range(2):
                    if fits[b]:
                        continue
                    dem = ifm if b == 0 else fil
                    n_sets, act, pre, fill = (read_params[b, 0], read_params[b, 1], read_params[b, 2],
                                              read_params[b, 3])
                    offset = 1
                    for j in range(dem.shape[1]):
                        addr = dem[i, j]
                        if addr == -1:
                            continue
                        tries = 0
                        while not _hit(ptrs[b], setss[b], bases[b], addr, win_start[b], win_end[b], n_sets):
                            if tries > n_sets:   # not in the buffer at all: SCALE-Sim would loop forever
                                break
                            tries += 1
                            win_start[b] = (win_start[b] + pre) % n_sets
                            win_end[b] = (win_start[b] + act) % n_sets
                            last_fill[b] += fill + 1
                            refills[b] += 1
                            wait = last_fill[b] - (cycle + offset)
                            if as_scalesim:
                                offset += wait
                                if wait > 0:
                                    offset += wait
                            elif wait > 0:
                                offset += wait
                    worst = max(worst, offset - 1)
                # the ofmap write buffer
                cur = cycle
                woff = 0
                n = ofm[i]
                if (cur < drain_end and free - n > 0) or (cur >= drain_end and free - n >= total - drain):
                    # no word of the row waits or starts a drain: take them all at once
                    free -= n
                    line_idx += n
                    while line_idx >= bw:
                        if n_lines == len(line_valid):
                            line_valid = np.concatenate((line_valid, np.zeros(len(line_valid), np.int64)))
                        line_valid[n_lines] = bw
                        n_lines += 1
                        line_idx -= bw
                    n = 0
                for _ in range(n):   # which words they are does not matter, only how many
                    free -= 1
                    line_idx += 1
                    if line_idx == bw:
                        if n_lines == len(line_valid):
                            line_valid = np.concatenate((line_valid, np.zeros(len(line_valid), np.int64)))
                        line_valid[n_lines] = bw
                        n_lines += 1
                        line_idx = 0
                    if cur < drain_end:
                        if free <= 0:
                            woff += max(drain_end - cur, 0)
                            cur = drain_end
                    elif free < total - drain:
                        if line_idx > 0:
                            if n_lines == len(line_valid):
                                line_valid = np.concatenate((line_valid, np.zeros(len(line_valid), np.int64)))
                            line_valid[n_lines] = line_idx
                            n_lines += 1
                            line_idx = 0
                        take = min(drain_start + drain_lines, n_lines) - drain_start
                        if take > 0:
                            data = take * bw - (bw - line_valid[drain_start + take - 1])
                            writes += data
                            free += data
                            drain_start += take
                            drain_end = cur + take - 1
                            stop = max(stop, drain_end)
                worst = max(worst, woff)
                stall += worst
                out_cycle = cur
                row += 1
    # empty_all_buffers: what is left leaves after the last row, one drain after another
    if line_idx > 0:
        if n_lines == len(line_valid):
            line_valid = np.concatenate((line_valid, np.zeros(len(line_valid), np.int64)))
        line_valid[n_lines] = line_idx
        n_lines += 1
    cyc = out_cycle
    while drain_start < n_lines:
        take = min(drain_start + drain_lines, n_lines) - drain_start
        writes += take * bw - (bw - line_valid[drain_start + take - 1])
        drain_start += take
        drain_end = cyc + take - 1
        stop = max(stop, drain_end)
        cyc = drain_end + 1
    res = np.empty(7, np.int64)
    res[0], res[1], res[2], res[3], res[4], res[5], res[6] = stall, row, out_cycle, refills[0], refills[1], writes, stop
    return res


def replay_layer_ref(geom, R, C, df, fold_rows, fold_cols, ifmap_ptr, ifmap_sets, ifmap_base, filter_ptr,
                     filter_sets, filter_base, read_params, write_params, as_scalesim):
    """Twin: SCALE-Sim 3.0.0's memory classes transcribed (``read_buffer.service_reads`` and
    ``new_prefetch``, ``write_buffer.service_writes``, ``empty_drain_buf`` and
    ``empty_all_buffers``, ``double_buffered_scratchpad.service_memory_requests``), with Python
    sets for the prefetch lines and lists for the written lines."""
    reads = [_ReadBuffer(ptr, sets, base, read_params[b], as_scalesim)
             for b, (ptr, sets, base) in enumerate(((ifmap_ptr, ifmap_sets, ifmap_base),
                                                    (filter_ptr, filter_sets, filter_base)))]
    wr = _WriteBuffer(*(int(x) for x in write_params))
    stall = 0
    out = 0
    row = 0
    for fc in range(fold_cols):
        for fr in range(fold_rows):
            blocks = [demand_block_ref(geom, R, C, df, fr, fc, b) for b in range(3)]
            for i in range(blocks[0].shape[0]):
                cycle = row + stall
                waits = [rb.service(blocks[b][i], cycle) for b, rb in enumerate(reads)]
                out = wr.service(blocks[2][i], cycle)
                stall += int(max(waits[0], waits[1], out - cycle))
                row += 1
    wr.empty_all(out)
    return np.array([stall, row, out, reads[0].refills, reads[1].refills, wr.writes, wr.stop], np.int64)


class _ReadBuffer:
    """SCALE-Sim's ``read_buffer`` (no custom layout, no Ramulator), as plain Python."""

    def __init__(self, ptr, sets, base, params, as_scalesim):
        self.as_scalesim = as_scalesim
        self.n_sets, self.act, self.pre, self.fill, _ = (int(x) for x in params)
        self.lines = {k: set() for k in range(self.n_sets)}
        for a in range(len(ptr) - 1):
            for k in sets[ptr[a]:ptr[a + 1]]:
                self.lines[int(k)].add(a + int(base))
        self.limits = [0, self.act]
        self.last = -1
        self.refills = 0

    def hit(self, addr):
        if self.act >= self.n_sets:   # the active half holds every set (their contents are then not passed)
            return True
        start, end = self.limits
        ids = range(start, end) if start < end else list(range(start, self.n_sets)) + list(range(end))
        return any(addr in self.lines[k] for k in ids)

    def service(self, line, cycle):
        offset = 1
        for addr in line.tolist():
            if addr == -1:
                continue
            tries = 0
            while not self.hit(addr) and tries <= self.n_sets:
                tries += 1
                start = (self.limits[0] + self.pre) % self.n_sets
                self.limits = [start, (start + self.act) % self.n_sets]
                self.last = self.last + self.fill + 1
                self.refills += 1
                potential = self.last - (cycle + offset)
                if self.as_scalesim:
                    offset += potential   # SCALE-Sim: added once whatever its sign...
                if potential > 0:
                    offset += potential   # ...and once more when it is a stall
        return offset - 1


class _WriteBuffer:
    """SCALE-Sim's ``write_buffer`` with a zero-latency write port, as plain Python."""

    def __init__(self, total, active, drain, bw, drain_lines):
        self.total, self.drain, self.bw, self.drain_lines = total, drain, bw, drain_lines
        self.free = total
        self.trace = []        # words per written line
        self.current = 0       # words in the line being filled
        self.start = 0
        self.drain_end = 0
        self.writes = 0
        self.stop = -(1 << 62)

    def _flush(self):
        if self.current:
            self.trace.append(self.current)
            self.current = 0

    def _empty_drain(self, cycle):
        lines = self.trace[self.start:self.start + self.drain_lines]
        if not lines:
            return self.drain_end
        data = len(lines) * self.bw - (self.bw - lines[-1])
        self.writes += data
        self.free += data
        self.start += len(lines)
        end = cycle + len(lines) - 1
        self.stop = max(self.stop, end)
        return end

    def service(self, line, cycle):
        current = cycle
        for e in line.tolist():
            if e == -1:
                continue
            self.free -= 1
            self.current += 1
            if self.current == self.bw:
                self._flush()
            if current < self.drain_end:
                if not self.free > 0:
                    current = self.drain_end
            elif self.free < self.total - self.drain:
                self._flush()
                self.drain_end = self._empty_drain(current)
        return current

    def empty_all(self, cycle):
        self._flush()
        while self.start < len(self.trace):
            self.drain_end = self._empty_drain(cycle)
            cycle = self.drain_end + 1


def _pad_cols(block: np.ndarray, cols: int) -> np.ndarray:
    out = np.full((block.shape[0], cols), -1, np.int64)
    out[:, :block.shape[1]] = block
    return out


def _diagonal_order(mat: np.ndarray) -> np.ndarray:
    """``mat``'s elements anti-diagonal by anti-diagonal, bottom row first within one (SCALE-Sim's
    roll-out "to account for temporal locality when there is a skew in demand")."""
    m, n = mat.shape
    d = np.arange(m + n - 1)
    # diagonal d holds rows min(d, m-1) down to max(0, d-n+1); element (r, c) sits at its start + top - r
    start = np.concatenate(([0], np.cumsum(np.minimum(d, m - 1) - np.maximum(0, d - n + 1) + 1)[:-1]))
    r, c = np.indices(mat.shape)
    out = np.empty(m * n, mat.dtype)
    out[(start[r + c] + np.minimum(r + c, m - 1) - r).ravel()] = mat.ravel()
    return out


def prefetch_order(geom: tuple[int, ...], R: int, C: int, dataflow: str) -> tuple[np.ndarray, np.ndarray]:
    """The ifmap and filter prefetch sequences SCALE-Sim 3.0.0 hands its read buffers (``-1`` kept).

    ``systolic_compute_{ws,os,is}.create_{ifmap,filter}_prefetch_mat``: the operand matrix cut
    into the folds' column slices (padded with -1 to the array edge) stacked one under the
    other, then read anti-diagonal by anti-diagonal, except the WS filter and the IS ifmap,
    read row by row.
    """
    from accelsim.kernels.sram_trace import Operands
    ops = Operands(geom)
    M, N, K = ops.M, ops.N, ops.K
    A, W = ops.A(0, M, 0, K), ops.W(0, K, 0, N)

    def slices(mat, n, width):
        return np.vstack([_pad_cols(mat[:, k:min(k + width, n)], width) for k in range(0, n, width)])
    if dataflow == "ws":
        return _diagonal_order(slices(A, K, R)), slices(W, N, C).ravel()
    if dataflow == "os":
        return _diagonal_order(slices(A.T, M, R)), _diagonal_order(slices(W, N, C))
    return slices(A.T, M, C).ravel(), _diagonal_order(slices(W.T, K, R))


def prefetch_sizes(geom: tuple[int, ...], R: int, C: int, dataflow: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """``((length, words), (length, words))`` of the ifmap and filter prefetch sequences of
    :func:`prefetch_order` (``length`` with the -1 padding, ``words`` without), without building them."""
    from accelsim.kernels.sram_trace import Operands
    ops = Operands(geom)
    M, N, K = ops.M, ops.N, ops.K
    a_words = int(np.count_nonzero(ops.A(0, M, 0, K) != -1))

    def up(n, d):
        return -(-n // d) * d
    lengths = {"ws": (M * up(K, R), K * up(N, C)), "os": (K * up(M, R), K * up(N, C)),
               "is": (K * up(M, C), N * up(K, R))}[dataflow]
    return (lengths[0], a_words), (lengths[1], K * N)


def read_buffer_inputs(seq, length: int, words: int, size_bytes: int, bw_words: int):
    """CSR of prefetch sets per address and the :data:`READ_PARAMS` of a read buffer.

    SCALE-Sim's ``read_buffer.prepare_hashed_buffer``: the sequence's ``words`` addresses
    (``-1`` skipped) go in sets of ``ceil(size / 100)``, the active half holds ``ceil(half /
    set)`` sets, the prefetch half the rest; a refill takes ``ceil(half / bw)`` lines, the
    initial prefetch ``ceil(half / bw)`` lines or the whole sequence (``length`` words with
    padding) if shorter. 1-byte words. ``seq`` (the sequence itself) is a callable, called
    only when the sets do not all fit in the active half (then no lookup is ever needed).
    """
    total = int(size_bytes)
    active = -(-total // 2)
    pre = total - active
    per_set = max(1, -(-total // 100))
    n_sets = words // per_set + 1
    act_sets = min(-(-active // per_set), n_sets)
    pre_sets = min(-(-pre // per_set), n_sets - act_sets)
    first = min(-(-active // bw_words), -(-length // bw_words))
    params = np.array([n_sets, act_sets, pre_sets, -(-pre // bw_words), first], np.int64)
    if act_sets >= n_sets:
        return np.zeros(1, np.int64), np.zeros(0, np.int64), 0, params
    s = seq()
    valid = s[s != -1].astype(np.int64)
    sid = np.arange(len(valid), dtype=np.int64) // per_set
    base = int(valid.min()) if len(valid) else 0
    order = np.argsort(valid, kind="stable")   # by address, then by set (sid grows with position)
    size = int(valid.max()) - base + 1 if len(valid) else 0
    ptr = np.zeros(size + 1, np.int64)
    np.cumsum(np.bincount(valid - base, minlength=size), out=ptr[1:])
    return ptr, sid[order], base, params


def replay_inputs(geom: tuple[int, ...], R: int, C: int, dataflow: str, sizes_bytes, bws_words) -> tuple:
    """The arguments of :func:`replay_layer` for a SCALE-Sim layer ``geom`` on an ``R x C`` array.

    ``sizes_bytes``: ifmap, filter and ofmap SRAM bytes (1-byte words); ``bws_words``: ifmap and
    filter read and ofmap write words per cycle (SCALE-Sim USER mode: ``IfmapSRAMBankBandwidth``,
    ``FilterSRAMBankBandwidth``, ``Bandwidth``); a read bandwidth of 0 never stalls (CALC mode).
    """
    from accelsim.kernels.sram_trace import layer_mnk
    M, N, K = layer_mnk(geom)
    sr, sc = {"ws": (K, N), "os": (M, N), "is": (K, M)}[dataflow]
    seqs = []

    def seq(b):
        def get():
            if not seqs:
                seqs.extend(prefetch_order(geom, R, C, dataflow))
            return seqs[b]
        return get
    (li, wi), (lf, wf) = prefetch_sizes(geom, R, C, dataflow)
    never = (np.zeros(1, np.int64), np.zeros(0, np.int64), 0, np.array([1, 1, 0, 0, 0], np.int64))
    pi, si, bi, ri = read_buffer_inputs(seq(0), li, wi, sizes_bytes[0], bws_words[0]) if bws_words[0] else never
    pf, sf, bf, rf = read_buffer_inputs(seq(1), lf, wf, sizes_bytes[1], bws_words[1]) if bws_words[1] else never
    total = int(sizes_bytes[2])
    active = -(-total // 2)
    bw = int(bws_words[2])
    write = np.array([total, active, total - active, bw, max(1, -(-(total - active) // bw))], np.int64)
    return (np.array(geom, np.int64), int(R), int(C), ("ws", "os", "is").index(dataflow), -(-sr // R), -(-sc // C),
            pi, si, bi, pf, sf, bf, np.vstack([ri, rf]), write, True)


def example_args(seed: int):
    """Inputs for the twin test: ``{kernel name: args}`` drawn from ``seed`` (small layers)."""
    rng = np.random.default_rng(seed)
    fh, fw, s = int(rng.integers(1, 4)), int(rng.integers(1, 4)), int(rng.integers(1, 3))
    geom = np.array([fh + int(rng.integers(0, 6)), fw + int(rng.integers(0, 6)), fh, fw, int(rng.integers(1, 5)),
                     int(rng.integers(1, 12)), s], np.int64)
    R, C, df = int(rng.integers(2, 9)), int(rng.integers(2, 9)), int(rng.integers(0, 3))
    kib = [int(rng.integers(1, 400)) for _ in range(3)]   # bytes, tiny on purpose: many refills
    bws = (int(rng.integers(0, 12)), int(rng.integers(0, 12)), int(rng.integers(1, 12)))
    replay = replay_inputs(tuple(int(x) for x in geom), R, C, ("ws", "os", "is")[df], kib, bws)[:-1] + (
        bool(rng.integers(0, 2)),)
    fr, fc = int(rng.integers(0, replay[4])), int(rng.integers(0, replay[5]))
    return {"demand_block": (geom, R, C, df, fr, fc, int(rng.integers(0, 3))), "replay_layer": replay,
            "ofmap_counts": (geom, R, C, df, fr, fc),
            "_affine": (int(rng.choice([FILTER_OFFSET, OFMAP_OFFSET])), 0, int(rng.integers(0, 5)), 1,
                        int(rng.integers(1, 5)), int(rng.integers(1, 9)), int(rng.integers(1, 9))),
            "_hit": (replay[6], replay[7], replay[8], int(replay[8]) + int(rng.integers(-2, 40)),
                     int(rng.integers(0, replay[12][0, 0])), int(rng.integers(0, replay[12][0, 0])),
                     int(replay[12][0, 0]))}
