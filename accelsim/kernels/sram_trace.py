"""Per-cycle SRAM address traces in SCALE-Sim's layout: im2col addresses, skewing, CSV formatting.

Three kernels, each with a NumPy twin ``<name>_ref`` that is its specification:

* :func:`ifmap_addresses`: the im2col address of every (output pixel, window element) pair of
  a block, SCALE-Sim's ``operand_matrix.calc_ifmap_elem_addr`` (HWC layout, ``-1`` where the
  window leaves the input).
* :func:`skew`: a block's column ``c`` delayed by ``c`` rows (the systolic wavefront),
  SCALE-Sim's ``skew_matrix``; new cells are ``-1``.
* :func:`format_csv`: rows ``cycle,a0,a1,...`` as ASCII bytes, what ``np.savetxt(fmt="%i",
  delimiter=",")`` writes, so large traces stream to disk without Python string work.

Around them, plain NumPy builds SCALE-Sim's demand matrices fold by fold (:func:`fold_demands`):
which address each array row or column requests in each cycle.
"""

from __future__ import annotations

import numpy as np

from numba import njit


@njit(cache=True)
def ifmap_addresses(row0, n_rows, col0, n_cols, ifmap_h, ifmap_w, filt_w, channels, stride, ofmap_w, offset):
    """Addresses of im2col rows ``row0..row0+n_rows`` x window columns ``col0..col0+n_cols`` (int64)."""
    out = np.empty((n_rows, n_cols), np.int64)
    for a in range(n_rows):
        i = row0 + a
        orow, ocol = i // ofmap_w, i % ofmap_w
        irow, icol = orow * stride, ocol * stride
        base = (irow * ifmap_w + icol) * channels
        for b in range(n_cols):
            j = col0 + b
            crow = j // (filt_w * channels)
            k = j % (filt_w * channels)
            ccol, cch = k // channels, k % channels
            if crow + irow < ifmap_h and ccol + icol < ifmap_w:
                out[a, b] = (crow * ifmap_w + ccol) * channels + cch + base + offset
            else:
                out[a, b] = -1
    return out


def ifmap_addresses_ref(row0, n_rows, col0, n_cols, ifmap_h, ifmap_w, filt_w, channels, stride, ofmap_w, offset):
    """Vectorized twin: output pixel ``i`` reads window element ``j`` at
    ``(crow*W + ccol)*C + ch + (orow*s*W + ocol*s)*C + offset`` with ``(crow, ccol, ch)`` from ``j``
    (row-major over filter rows, filter columns, channels), or -1 outside the input."""
    i, j = np.meshgrid(np.arange(row0, row0 + n_rows), np.arange(col0, col0 + n_cols), indexing="ij")
    orow, ocol = np.divmod(i, ofmap_w)
    irow, icol = orow * stride, ocol * stride
    crow, k = np.divmod(j, filt_w * channels)
    ccol, cch = np.divmod(k, channels)
    ok = (crow + irow < ifmap_h) & (ccol + icol < ifmap_w)
    addr = (crow * ifmap_w + ccol) * channels + cch + (irow * ifmap_w + icol) * channels + offset
    return np.where(ok, addr, -1).astype(np.int64)


@njit(cache=True)
def skew(block):
    """``(rows + cols - 1) x cols``: column ``c`` of ``block`` moved down by ``c`` rows, -1 elsewhere."""
    rows, cols = block.shape
    out = np.full((rows + cols - 1, cols), -1, np.int64)
    for c in range(cols):
        for r in range(rows):
            out[r + c, c] = block[r, c]
    return out


def skew_ref(block):
    """Twin: build each output row ``t`` from the diagonal ``block[t - c, c]`` where it exists."""
    rows, cols = block.shape
    t = np.arange(rows + cols - 1)[:, None]
    c = np.arange(cols)[None, :]
    r = t - c
    ok = (r >= 0) & (r < rows)
    return np.where(ok, block[np.clip(r, 0, rows - 1), c], -1).astype(np.int64)


@njit(cache=True)
def format_csv(first_cycle, mat):
    """ASCII bytes of ``mat``'s rows prefixed by cycles ``first_cycle, first_cycle+1, ...`` (``%i``, commas)."""
    rows, cols = mat.shape
    buf = np.empty(rows * (cols + 1) * 21 + rows, np.uint8)
    n = 0
    digits = np.empty(20, np.uint8)
    for r in range(rows):
        for c in range(cols + 1):
            v = first_cycle + r if c == 0 else mat[r, c - 1]
            if c > 0:
                buf[n] = 44  # ','
                n += 1
            if v < 0:
                buf[n] = 45  # '-'
                n += 1
                v = -v
            k = 0
            while True:
                digits[k] = 48 + v % 10
                v //= 10
                k += 1
                if v == 0:
                    break
            for q in range(k - 1, -1, -1):
                buf[n] = digits[q]
                n += 1
        buf[n] = 10  # '\n'
        n += 1
    return buf[:n]


def format_csv_ref(first_cycle, mat):
    """Twin: the text ``np.savetxt`` writes with ``fmt="%i", delimiter=","``, as bytes."""
    cycles = np.arange(first_cycle, first_cycle + mat.shape[0])[:, None]
    full = np.hstack([cycles, mat]).astype(np.int64)
    text = "".join(",".join(str(int(x)) for x in row) + "\n" for row in full)
    return np.frombuffer(text.encode(), np.uint8)



# ----------------------------------------------------------------------------- demand matrices per fold

IFMAP_OFFSET, FILTER_OFFSET, OFMAP_OFFSET = 0, 10_000_000, 20_000_000


def ofmap_hw(ifmap_h: int, ifmap_w: int, filt_h: int, filt_w: int, stride: int) -> tuple[int, int]:
    """SCALE-Sim's output size: ``ceil((in - filt + stride) / stride)`` per axis."""
    return (-(-(ifmap_h - filt_h + stride) // stride), -(-(ifmap_w - filt_w + stride) // stride))


def layer_mnk(geom: tuple[int, ...]) -> tuple[int, int, int]:
    """GEMM dims ``(M, N, K)`` of a SCALE-Sim layer ``(ifmap_h, ifmap_w, filt_h, filt_w, channels, filters, stride)``."""
    h, w, fh, fw, c, n, s = geom
    oh, ow = ofmap_hw(h, w, fh, fw, s)
    return oh * ow, n, fh * fw * c


class Operands:
    """Address blocks of the ifmap (M x K), filter (K x N) and ofmap (M x N) operand matrices."""

    def __init__(self, geom: tuple[int, ...]) -> None:
        self.geom = tuple(int(x) for x in geom)
        self.M, self.N, self.K = layer_mnk(self.geom)
        h, w, fh, fw, c, _, s = self.geom
        self.ow = ofmap_hw(h, w, fh, fw, s)[1]

    def A(self, r0: int, r1: int, c0: int, c1: int) -> np.ndarray:
        h, w, _, fw, c, _, s = self.geom
        return ifmap_addresses(r0, r1 - r0, c0, c1 - c0, h, w, fw, c, s, self.ow, IFMAP_OFFSET)

    def W(self, r0: int, r1: int, c0: int, c1: int) -> np.ndarray:
        return (FILTER_OFFSET + np.arange(c0, c1)[None, :] * self.K + np.arange(r0, r1)[:, None]).astype(np.int64)

    def O(self, r0: int, r1: int, c0: int, c1: int) -> np.ndarray:
        return (OFMAP_OFFSET + np.arange(r0, r1)[:, None] * self.N + np.arange(c0, c1)[None, :]).astype(np.int64)


def _pad(block: np.ndarray, rows: int | None, cols: int) -> np.ndarray:
    r = block.shape[0] if rows is None else rows
    out = np.full((r, cols), -1, np.int64)
    out[:block.shape[0], :block.shape[1]] = block
    return out


def _gap(block: np.ndarray, before: int, after: int) -> np.ndarray:
    cols = block.shape[1]
    return np.vstack([np.full((before, cols), -1, np.int64), block, np.full((after, cols), -1, np.int64)])


def fold_order(geom: tuple[int, ...], rows: int, cols: int, dataflow: str) -> list[tuple[int, int]]:
    """(row fold, column fold) pairs in SCALE-Sim's order: column folds outer."""
    M, N, K = layer_mnk(geom)
    sr, sc = {"ws": (K, N), "os": (M, N), "is": (K, M)}[dataflow]
    return [(fr, fc) for fc in range(-(-sc // cols)) for fr in range(-(-sr // rows))]


#: which fold indices each buffer's demand depends on, per dataflow: ``"r"`` the row fold,
#: ``"c"`` the column fold (the ifmap stream of a WS fold is the same for every column fold...)
DEMAND_DEPENDS = {"ws": ("r", "rc", "c"), "os": ("r", "c", "rc"), "is": ("rc", "r", "c")}


def buffer_demand(ops: Operands, R: int, C: int, dataflow: str, fr: int, fc: int, buffer: int) -> np.ndarray:
    """One buffer's demand rows of one fold (``buffer`` 0 ifmap, 1 filter, 2 ofmap; SCALE-Sim's
    ``create_*_demand_mat``). It depends only on the fold indices :data:`DEMAND_DEPENDS` names."""
    M, N, K = ops.M, ops.N, ops.K
    if dataflow == "ws":
        r0, r1, c0, c1 = fr * R, min(fr * R + R, K), fc * C, min(fc * C + C, N)
        if buffer == 0:
            return skew(_gap(_pad(ops.A(0, M, r0, r1), None, R), R, C - 1))
        if buffer == 1:
            return _gap(_pad(ops.W(r0, r1, c0, c1), R, C)[::-1], 0, R + C + M - 2)
        return skew(_gap(_pad(ops.O(0, M, c0, c1), None, C), 2 * R - 1, 0))
    if dataflow == "os":
        r0, r1, c0, c1 = fr * R, min(fr * R + R, M), fc * C, min(fc * C + C, N)
        if buffer == 0:
            return skew(_gap(_pad(ops.A(r0, r1, 0, K).T, None, R), 0, C - 1))
        if buffer == 1:
            return skew(_gap(_pad(ops.W(0, K, c0, c1), None, C), 0, R - 1))
        return skew(_gap(_pad(ops.O(r0, r1, c0, c1), R, C)[::-1], K - 1, 0))
    if dataflow == "is":
        r0, r1, c0, c1 = fr * R, min(fr * R + R, K), fc * C, min(fc * C + C, M)
        if buffer == 0:
            return _gap(_pad(ops.A(c0, c1, r0, r1).T, R, C)[::-1], 0, R + C + N - 2)
        if buffer == 1:
            return skew(_gap(_pad(ops.W(r0, r1, 0, N).T, None, R), R, C - 1))
        return skew(_gap(_pad(ops.O(c0, c1, 0, N).T, None, C), 2 * R - 1, 0))
    raise ValueError(f"dataflow must be ws, os or is, got {dataflow!r}")


def fold_demands(ops: Operands, R: int, C: int, dataflow: str, fr: int, fc: int):
    """The ifmap, filter and ofmap demand rows of one fold (:func:`buffer_demand` of each)."""
    ifm, fil, ofm = (buffer_demand(ops, R, C, dataflow, fr, fc, b) for b in range(3))
    assert ifm.shape[0] == fil.shape[0] == ofm.shape[0], (ifm.shape, fil.shape, ofm.shape)
    return ifm, fil, ofm


def example_args(seed: int):
    """Inputs for the twin test: ``{kernel name: [args, ...]}`` drawn from ``seed``."""
    rng = np.random.default_rng(seed)
    h, w, fw, ch, s = (int(rng.integers(1, 9)), int(rng.integers(1, 9)), int(rng.integers(1, 4)),
                       int(rng.integers(1, 4)), int(rng.integers(1, 3)))
    ow = max(1, -(-(w - fw + s) // s))
    block = rng.integers(-1, 1000, size=(int(rng.integers(1, 7)), int(rng.integers(1, 6)))).astype(np.int64)
    return {"ifmap_addresses": [(int(rng.integers(0, 5)), int(rng.integers(1, 9)), int(rng.integers(0, 4)),
                                 int(rng.integers(1, 9)), h, w, fw, ch, s, ow, int(rng.integers(0, 100)))],
            "skew": [(block,)],
            "format_csv": [(int(rng.integers(0, 50)), block)]}
