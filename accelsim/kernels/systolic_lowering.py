"""The ops of one MAC layer on a systolic array: folds, the DMA transfers that feed them, drains.

Kernel :func:`systolic_layer_ops` and its twin :func:`systolic_layer_ops_ref` emit the same
ops; the twin's docstring is the specification. :mod:`accelsim.families.systolic.lower` unpacks the
layer and the arch into the integer arrays below and appends the result to its trace.

Inputs (all int64):

- ``shape`` = ``[M, K, N, G, pack, R, C, dataflow, mt, pad_weight_tiles, weight_bits,
  act_bits, div, chunk]``: ``G`` GEMMs of ``M x K`` by ``K x N`` (M counts the whole batch), packed
  ``pack`` groups to a pass; an ``R x C`` array; dataflow 0 = ws, 1 = os, 2 = is; ``mt`` the
  streamed M chunk under ws; ``div`` the operand-width rate divisor; ``chunk`` the longest
  stream of one fold when the weights of a whole stream do not fit the filter buffer (K under
  os, N under is; 0 = the whole dimension, as under ws).
- ``tiles`` = ``[ifmap_on_chip, resident, w_fit, slots, in_slots, half_ifmap, out_halves,
  region_full, region_tail, use_ports]``: the layer input already on chip; the output stays
  on chip; all weight tiles fit the filter buffer at once; weight tiles it holds; ifmap tiles
  in flight and the bytes of one; accumulator halves; raw input bytes one pack-group's M chunk
  reads (``region_full`` for a whole chunk, ``region_tail`` for the short last one); whether
  the buffer ports limit the streaming rate (``port``).
- ``port`` (3 x 4): ``[bits, width_bytes, ports, active]`` of the operand row read per
  streamed vector (sized by the fold's rows), the row written (sized by its cols) and the row
  of partial sums read back when accumulating (cols).
- ``addrs`` = ``[input, output, weights]`` DRAM base addresses (bytes).
- ``in_deps``: ops that produce the layer's input; ``base``: id of the first op emitted.

Outputs: ``(fields, dep_ptr, dep_idx, last)``: ``fields`` (15 x n) holds :data:`FIELDS` of each
op; dependencies in CSR form (``dep_ptr`` from 0, ``dep_idx`` absolute op ids); ``last`` the
id of the layer's last op (-1 if none). Units are numbered as ``families/systolic/lower.UNITS`` (0
dma_in, 1 dma_weights, 2 dma_out, 3 array, 4 vector), memories 0 dram, 1 ifmap, 2 filter,
3 ofmap; kinds as :mod:`accelsim.trace` (0 load, 1 store, 2 compute, 3 vector).
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

FIELDS = ("kind", "unit", "src", "dst", "bytes", "addr", "rows", "cols", "stream", "preload", "drain",
          "macs", "div", "acc", "vops")
_LOAD, _STORE, _COMPUTE, _VECTOR = 0, 1, 2, 3
_DMA_IN, _DMA_W, _DMA_OUT, _ARRAY, _VEC = 0, 1, 2, 3, 4
_DRAM, _IFMAP, _FILTER, _OFMAP = 0, 1, 2, 3


@njit(cache=True)
def systolic_layer_ops(shape, tiles, port, addrs, in_deps, base):
    """Numba kernel of :func:`systolic_layer_ops_ref`; same arguments, same results."""
    M, K, N, G, pack, R, C, df = shape[0], shape[1], shape[2], shape[3], shape[4], shape[5], shape[6], shape[7]
    mt, pad, wbits, abits, div, chunk = shape[8], shape[9], shape[10], shape[11], shape[12], shape[13]
    on_chip, resident, w_fit, slots, in_slots = tiles[0], tiles[1], tiles[2], tiles[3], tiles[4]
    half_ifmap, out_halves, reg_full, reg_tail, use_ports = tiles[5], tiles[6], tiles[7], tiles[8], tiles[9]
    src_addr, out_addr, w_base = addrs[0], addrs[1], addrs[2]
    nin = in_deps.shape[0]
    m_step = mt if df == 0 else (R if df == 1 else C)
    n_folds = n_ops = n_dep = 0  # exact op count, bound on dependencies
    per_m_max = 1
    for g0 in range(0, G, pack):
        pg = min(pack, G - g0)
        n_tiles = -(-(pg * N) // (C if df != 2 else (chunk if chunk > 0 else pg * N)))  # per M chunk
        per_m = -(-(pg * K) // (R if df != 1 else (chunk if chunk > 0 else pg * K))) * n_tiles
        per_m_max = max(per_m_max, per_m)
        for m0 in range(0, M, m_step):
            region = (reg_full if min(m_step, M - m0) == m_step else reg_tail) * pg
            n_in = 0 if on_chip else (per_m if region > half_ifmap else 1)
            n_w = per_m if (w_fit == 0 or m0 == 0) else 0
            n_out = n_tiles * (1 if resident else 2)
            n_folds += per_m
            n_ops += n_in + n_w + per_m + n_out
            n_dep += n_in * (nin + 1) + n_w + per_m * (nin + 3) + n_out
    out = np.zeros((15, n_ops), np.int64)
    out[2, :] = -1
    out[3, :] = -1
    out[12, :] = 1
    ptr = np.zeros(n_ops + 1, np.int64)
    idx = np.empty(n_dep, np.int64)
    w_cons = np.empty(n_folds, np.int64)   # compute op that consumed each streamed weight tile
    i_tiles = np.empty(n_folds, np.int64)  # last compute op that read each ifmap tile
    out_done = np.empty(n_folds, np.int64)  # vector op freeing each output tile's accumulator half
    w_ids = np.empty(per_m_max, np.int64)  # load of the weight tile of each fold of an M chunk
    n = nd = n_wc = n_it = n_od = 0
    last = -1
    w_mul = max(1, wbits // 8)
    for g0 in range(0, G, pack):
        g = g0 // pack
        pg = min(pack, G - g0)
        Kp, Np = pg * K, pg * N
        n_step = C if df != 2 else (chunk if chunk > 0 else Np)
        k_step = R if df != 1 else (chunk if chunk > 0 else Kp)
        for m0 in range(0, M, m_step):
            ml = min(m_step, M - m0)
            region = (reg_full if ml == m_step else reg_tail) * pg
            per_k = region > half_ifmap
            cur_i = -1
            j = 0
            for n0 in range(0, Np, n_step):
                nl = min(n_step, Np - n0)
                for k0 in range(0, Kp, k_step):
                    kl = min(k_step, Kp - k0)
                    rows = ml if df == 1 else kl
                    cols = ml if df == 2 else nl
                    acc = k0 > 0
                    # --- ifmap: one load per M chunk, or per fold when the chunk overflows a half ---
                    if on_chip == 0 and (per_k or j == 0):
                        for d in range(nin):
                            idx[nd] = in_deps[d]
                            nd += 1
                        if n_it >= in_slots:
                            idx[nd] = i_tiles[n_it - in_slots]
                            nd += 1
                        out[0, n], out[1, n], out[2, n], out[3, n] = _LOAD, _DMA_IN, _DRAM, _IFMAP
                        out[4, n] = -(-(region * kl) // (pg * K)) if per_k else region
                        out[5, n] = src_addr + m0 * K * G
                        cur_i = base + n
                        n_it += 1
                        n += 1
                        ptr[n] = nd
                    # --- weights: once per layer if they all fit, else streamed per fold ---
                    new_w = w_fit == 0 or m0 == 0
                    if new_w:
                        if n_wc >= slots:
                            idx[nd] = w_cons[n_wc - slots]
                            nd += 1
                        out[0, n], out[1, n], out[2, n], out[3, n] = _LOAD, _DMA_W, _DRAM, _FILTER
                        out[4, n] = -(-(R * C * wbits) // 8) if pad else max(1, -(-(kl * nl * wbits) // 8))
                        out[5, n] = w_base + (g * pack * K * N + k0 * N + n0) * w_mul
                        w_ids[j] = base + n
                        n += 1
                        ptr[n] = nd
                    # --- the fold ---
                    for d in range(nin):
                        idx[nd] = in_deps[d]
                        nd += 1
                    if on_chip == 0:
                        idx[nd] = cur_i
                        nd += 1
                    idx[nd] = w_ids[j]
                    nd += 1
                    if not acc and n_od >= out_halves:
                        idx[nd] = out_done[n_od - out_halves]
                        nd += 1
                    need = 1
                    for t in range(3):
                        if port[t, 3] != 0 and (t < 2 or acc):
                            elems = rows if t == 0 else cols
                            words = -(-(-(-(elems * port[t, 0]) // 8)) // port[t, 1])
                            need = max(need, -(-words // port[t, 2]))
                    out[0, n], out[1, n] = _COMPUTE, _ARRAY
                    out[6, n], out[7, n] = rows, cols
                    out[8, n] = ml if df == 0 else (kl if df == 1 else nl)
                    out[9, n] = (R if pad else kl) if df == 0 else (0 if df == 1 else kl)
                    if df != 1:
                        out[10, n] = rows + cols - 2
                    elif k0 + kl >= Kp:  # os: the sums stay in the PEs until the last K chunk drains them
                        out[10, n] = 2 * rows + cols - 2
                    out[11, n] = ml * kl * nl // pg
                    out[12, n] = max(div, need) if use_ports else div
                    out[13, n] = 1 if acc else 0
                    cid = base + n
                    n += 1
                    ptr[n] = nd
                    if new_w:
                        w_cons[n_wc] = cid
                        n_wc += 1
                    if on_chip == 0:
                        i_tiles[n_it - 1] = cid
                    # --- a finished output tile: requantize + activate, then write out ---
                    if k0 + kl >= Kp:
                        out_b = max(1, -(-(ml * nl * abits) // 8))
                        idx[nd] = cid
                        nd += 1
                        out[0, n], out[1, n], out[2, n] = _VECTOR, _VEC, _OFMAP
                        out[3, n] = _IFMAP if resident else _OFMAP
                        out[4, n] = out_b
                        out[14, n] = ml * nl
                        vid = base + n
                        n += 1
                        ptr[n] = nd
                        last = vid
                        if resident == 0:
                            idx[nd] = vid
                            nd += 1
                            out[0, n], out[1, n], out[2, n], out[3, n] = _STORE, _DMA_OUT, _OFMAP, _DRAM
                            out[4, n] = out_b
                            out[5, n] = out_addr + g * pack * M * N + m0 * N + n0
                            last = base + n
                            n += 1
                            ptr[n] = nd
                        out_done[n_od] = vid
                        n_od += 1
                    j += 1
    return out[:, :n], ptr[:n + 1], idx[:nd], last


def systolic_layer_ops_ref(shape, tiles, port, addrs, in_deps, base):
    """The ops of one MAC layer, in issue order (arguments and results: see the module docstring).

    For each pack of groups ``g`` (``pg`` groups side by side: a ``pg K x pg N`` GEMM), the folds
    run M chunk by M chunk (``mt`` rows under ws, ``R`` under os, ``C`` under is); within a
    chunk, ws walks N tiles of ``C`` then K tiles of ``R``; os N tiles of ``C`` then K chunks of
    ``chunk`` (all of K when 0), streamed one after the other onto the sums held in the PEs; is N
    chunks of ``chunk`` (all of N when 0) then K tiles of ``R``, so an input tile is shifted in
    again for every N chunk. Per fold, in this order:

    1. ifmap load (unless the input is on chip) when the fold starts an M chunk, or for every
       fold when the chunk's region (``region x pg`` bytes) exceeds ``half_ifmap``; then only
       its K share, ``ceil(region k_len / (pg K))``. Waits for ``in_deps`` and for the last
       fold that read the tile ``in_slots`` loads back. Address ``input + m0 K G``.
    2. weight load when not all tiles fit (``w_fit`` 0) or in the first M chunk, else the fold
       reuses the chunk-0 tile at its position. A tile is ``ceil(R C bits / 8)`` bytes if
       padded, else ``max(1, ceil(k_len n_len bits / 8))``; it waits for the fold that consumed
       the weight tile ``slots`` loads back. Address ``weights + (g pack K N + k0 N + n0) x
       max(1, bits // 8)``.
    3. the fold: waits for ``in_deps``, its ifmap tile, its weight tile and, when it starts an
       output tile (``k0 = 0``), for the vector op that freed the accumulator half
       ``out_halves`` tiles back. rows x cols = k_len x n_len (ws), m_len x n_len (os), k_len
       x m_len (is); it streams m_len / k_len / n_len vectors; preload ``R`` (padded) or k_len
       under ws, 0 under os, k_len under is; drain ``rows + cols - 2``, under os ``2 rows + cols -
       2`` for the fold that ends K (the sums shift out) and 0 for the chunks before it;
       ``macs = m_len k_len n_len / pg``; ``acc = k0 > 0``; ``div`` is the rate divisor or, with
       ``use_ports``, at least the cycles per vector the active ``port`` rows need,
       ``ceil(ceil(ceil(elems bits / 8) / width) / ports)``.
    4. when the fold completes its output tile, a vector op (``m_len n_len`` vops, ofmap -> ifmap
       if ``resident`` else ofmap, ``max(1, ceil(m_len n_len act_bits / 8))`` bytes) and, unless
       resident, a store of those bytes to ``output + g pack M N + m0 N + n0``.
    """
    M, K, N, G, pack, R, C, df, mt, pad, wbits, abits, div, chunk = (int(x) for x in shape[:14])
    on_chip, resident, w_fit, slots, in_slots, half_ifmap, out_halves, reg_full, reg_tail, use_ports = \
        (int(x) for x in tiles[:10])
    src_addr, out_addr, w_base = (int(x) for x in addrs[:3])
    in_deps = [int(d) for d in in_deps]
    rows_out: list[dict] = []
    deps_out: list[list[int]] = []

    def emit(deps, **f):
        rows_out.append(f)
        deps_out.append(list(deps))
        return base + len(rows_out) - 1

    def per_cycle(elems, t):  # buffer accesses per streamed vector: bytes -> words -> cycles
        bits, width, ports, _ = (int(x) for x in port[t])
        return math.ceil(math.ceil(math.ceil(elems * bits / 8) / width) / ports)

    w_loaded: dict[tuple, int] = {}
    w_consumers: list[int] = []
    i_loaded: dict[tuple, int] = {}
    i_tiles: list[int] = []
    out_done: list[int] = []
    done: list[int] = []
    for g, g0 in enumerate(range(0, G, pack)):
        pg = min(pack, G - g0)
        Kp, Np = pg * K, pg * N
        folds = []
        step = {0: mt, 1: R, 2: C}[df]
        for m0 in range(0, M, step):
            ml = min(step, M - m0)
            if df == 0:
                folds += [(m0, ml, k0, min(R, Kp - k0), n0, min(C, Np - n0))
                          for n0 in range(0, Np, C) for k0 in range(0, Kp, R)]
            elif df == 1:
                kc = chunk or Kp
                folds += [(m0, ml, k0, min(kc, Kp - k0), n0, min(C, Np - n0))
                          for n0 in range(0, Np, C) for k0 in range(0, Kp, kc)]
            else:
                nc = chunk or Np
                folds += [(m0, ml, k0, min(R, Kp - k0), n0, min(nc, Np - n0))
                          for n0 in range(0, Np, nc) for k0 in range(0, Kp, R)]
        for m0, ml, k0, kl, n0, nl in folds:
            rows, cols, stream, preload = [(kl, nl, ml, R if pad else kl), (ml, nl, kl, 0), (kl, ml, nl, kl)][df]
            acc = k0 > 0
            deps = list(in_deps)
            if not on_chip:
                region = (reg_full if ml == step else reg_tail) * pg
                per_k = region > half_ifmap
                key = (m0, k0, n0) if per_k else (m0,)
                if key not in i_loaded:
                    war = [i_tiles[-in_slots]] if len(i_tiles) >= in_slots else []
                    i_loaded[key] = emit(in_deps + war, kind=0, unit=0, src=0, dst=1, addr=src_addr + m0 * K * G,
                                         bytes=math.ceil(region * kl / (pg * K)) if per_k else region)
                    i_tiles.append(-1)
                deps.append(i_loaded[key])
            if w_fit and (k0, n0) in w_loaded:
                new_w = False
                deps.append(w_loaded[(k0, n0)])
            else:
                new_w = True
                war = [w_consumers[-slots]] if len(w_consumers) >= slots else []
                nbytes = math.ceil(R * C * wbits / 8) if pad else max(1, math.ceil(kl * nl * wbits / 8))
                w_loaded[(k0, n0)] = emit(war, kind=0, unit=1, src=0, dst=2, bytes=nbytes,
                                          addr=w_base + (g * pack * K * N + k0 * N + n0) * max(1, wbits // 8))
                deps.append(w_loaded[(k0, n0)])
            if not acc and len(out_done) >= out_halves:
                deps.append(out_done[-out_halves])
            need = [per_cycle(n_el, t) for t, n_el in enumerate((rows, cols, cols))
                    if port[t][3] and (t < 2 or acc)]
            cid = emit(deps, kind=2, unit=3, rows=rows, cols=cols, stream=stream, preload=preload,
                       drain=rows + cols - 2 if df != 1 else (2 * rows + cols - 2 if k0 + kl >= Kp else 0),
                       macs=ml * kl * nl // pg,
                       div=max(div, 1, *need) if use_ports else div, acc=int(acc))
            if new_w:
                w_consumers.append(cid)
            if not on_chip:
                i_tiles[-1] = cid
            if k0 + kl >= Kp:
                out_b = max(1, math.ceil(ml * nl * abits / 8))
                vid = emit([cid], kind=3, unit=4, src=3, dst=1 if resident else 3, bytes=out_b, vops=ml * nl)
                lst = vid
                if not resident:
                    lst = emit([vid], kind=1, unit=2, src=3, dst=0, bytes=out_b,
                               addr=out_addr + g * pack * M * N + m0 * N + n0)
                out_done.append(vid)
                done.append(lst)
        w_loaded.clear()  # keys are per pack of groups
        i_loaded.clear()
    defaults = {"src": -1, "dst": -1, "div": 1}
    fields = np.array([[r.get(f, defaults.get(f, 0)) for f in FIELDS] for r in rows_out],
                      np.int64).reshape(-1, len(FIELDS)).T
    dep_ptr = np.concatenate([[0], np.cumsum([len(d) for d in deps_out], dtype=np.int64)]).astype(np.int64)
    dep_idx = np.array([d for ds in deps_out for d in ds], np.int64)
    return fields, dep_ptr, dep_idx, max(done) if done else -1
