"""Row-stationary mapping search: every legal (n, p, q, e, r, t) of one conv layer, the best one.

Kernel :func:`rs_search` and its twin :func:`rs_search_ref` (vectorized NumPy) return the same
mapping. The cost model is stated once, in :func:`rs_search_ref`'s docstring; the lowering
(:mod:`accelsim.families.eyeriss.lower`) evaluates the chosen mapping with the same formulas.

Array arguments (all int64 unless noted):
- ``layer`` = ``[N, M, C, H, W, R, S, E, F, U]`` (one group; batch N; H, W padded);
- ``arch``  = ``[pe_rows, pe_cols, filter_spad, ifmap_spad, psum_spad, glb_words,
  ifmap_gin, filter_gin, psum_gin, psum_gon, pipeline]``;
- ``cost``  (float64) = ``[alu, filter_spad, ifmap_spad, psum_spad, noc, glb, dram]`` pJ/word;
- ``dens``  (float64) = ``[ifmap density, ifmap DRAM words per word, ofmap DRAM words per word,
  filter DRAM words per word]`` (the DRAM formats' words per raw word: 1 raw, less when run-length coded);
- ``objective``: 0 = energy first (then cycles), 1 = cycles first (then energy).
"""

from __future__ import annotations

import numpy as np
from numba import njit

#: indices into the 8-value evaluation vector
E_PASSES, E_CYCLES, E_ENERGY, E_M, E_ACTIVE = 0, 1, 2, 3, 4


@njit(cache=True)
def rs_eval(N, M, C, H, W, R, S, E, F, U, fsp, glb, gi, gf, gp, go, pipe, cost, dens, n, p, q, e, r, t):
    """Numba kernel of :func:`rs_eval_ref` for one mapping; same results."""
    # the largest m = p*t*k whose psums and one ifmap block fit the GLB
    rows = min((e - 1) * U + R, H)
    ifm = n * q * r * rows * W
    pt = p * t
    kmax = (M + pt - 1) // pt
    room = glb - ifm
    if room <= 0:
        return -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0
    k = min(kmax, room // (n * pt * e * F))
    if k < 1:
        return -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0
    m = pt * k
    nb = (N + n - 1) // n
    mb = (M + m - 1) // m
    strips = (E + e - 1) // e
    cb = (C + q * r - 1) // (q * r)
    groups = nb * mb * strips  # GLB blocks
    passes = groups * cb * k
    comp = p * q * S
    ifs = (q * r * rows * U + gi - 1) // gi
    pso = (pt * e + go - 1) // go
    psi = (pt * e + gp - 1) // gp
    step0 = max(comp, max(ifs, pso))
    step1 = max(step0, psi)
    fill = (pt * q * r * R * S + gf - 1) // gf + pipe + R - 1
    cycles = groups * k * ((fill + n * F * step0) + (cb - 1) * (fill + n * F * step1))
    active = R * e * r * t
    useful = float(N) * M * C * E * F * R * S
    psum_words = float(n) * pt * e * F
    d_in = dens[0]
    dram_if = float(groups) * n * C * rows * W * dens[1]
    dram_fl = float(nb) * strips * M * C * R * S * dens[3]
    dram_of = float(N) * M * E * F * dens[2]
    dram = dram_if + dram_fl + dram_of
    glb_acc = (float(passes) * n * q * r * rows * W + float(passes) * pt * q * r * R * S
               + float(passes) * psum_words + float(passes - groups * k) * psum_words
               + float(N) * M * E * F + float(groups) * n * C * rows * W * dens[1]
               + float(nb) * strips * M * C * R * S)
    noc = (float(passes) * active * p * q * S + float(passes) * active * n * q * W
           + float(passes) * psum_words * R + float(passes - groups * k) * psum_words)
    fspad = useful * d_in + float(passes) * active * p * q * S
    ispad = useful + float(passes) * active * n * q * W
    pspad = 2.0 * useful
    return (float(passes), float(cycles), float(m), useful * d_in, fspad, ispad, pspad, noc, glb_acc, dram,
            dram_if, dram_fl, dram_of)


@njit(cache=True)
def rs_search(layer, arch, cost, dens, objective):
    """Numba kernel of :func:`rs_search_ref`; same arguments, same result."""
    N, M, C, H, W, R, S, E, F, U = layer[0], layer[1], layer[2], layer[3], layer[4], layer[5], layer[6], \
        layer[7], layer[8], layer[9]
    rows_, cols_, fsp, isp, psp, glb, gi, gf, gp, go, pipe = arch[0], arch[1], arch[2], arch[3], arch[4], \
        arch[5], arch[6], arch[7], arch[8], arch[9], arch[10]
    best = np.full(6, -1, np.int64)
    best_val = np.zeros(5)
    found = False
    b1 = 0.0
    b2 = 0.0
    last_e = -1
    for n in range(1, N + 1):
        last_e = -1
        for kk in range(1, E + 1):
            e = (E + kk - 1) // kk
            if e == last_e:
                continue
            last_e = e
            if R > rows_:
                continue
            if e <= cols_:
                cap = (rows_ // R) * (cols_ // e)
            else:
                pieces = (e + cols_ - 1) // cols_
                cap = rows_ // (R * pieces)
            if cap < 1:
                continue
            for p in range(1, min(psp, M) + 1):
                for q in range(1, min(C, isp // S) + 1):
                    if p * q * S > fsp:
                        break
                    for t in range(1, min(cap, (M + p - 1) // p) + 1):
                        r = min(cap // t, (C + q - 1) // q)
                        if r < 1:
                            continue
                        passes, cycles, m, c0, c1, c2, c3, c4, c5, c6, _, _, _ = rs_eval(
                            N, M, C, H, W, R, S, E, F, U, fsp, glb, gi, gf, gp, go, pipe, cost, dens, n, p, q, e, r, t)
                        if passes < 0:
                            continue
                        energy = (c0 * cost[0] + c1 * cost[1] + c2 * cost[2] + c3 * cost[3] + c4 * cost[4]
                                  + c5 * cost[5] + c6 * cost[6])
                        k1 = energy if objective == 0 else cycles
                        k2 = cycles if objective == 0 else energy
                        if (not found) or k1 < b1 or (k1 == b1 and k2 < b2):
                            found = True
                            b1 = k1
                            b2 = k2
                            best[0] = n
                            best[1] = p
                            best[2] = q
                            best[3] = e
                            best[4] = r
                            best[5] = t
                            best_val[0] = passes
                            best_val[1] = cycles
                            best_val[2] = energy
                            best_val[3] = m
                            best_val[4] = R * e * r * t
    return best, best_val


def rs_search_ref(layer, arch, cost, dens, objective):
    """The lowest-cost legal row-stationary mapping of one conv layer (one group).

    Mapping ``(n, p, q, e, r, t)`` (JSSC 2017 Table III): a processing pass convolves ``n``
    ifmaps with ``p*t`` filters over ``q*r`` channels for ``e`` output rows at full width F.
    A PE set is ``R`` filter rows x ``e`` output rows; ``r*t`` sets are placed (``t`` on
    different filters, ``r`` on different channels); each PE holds ``p`` filters x ``q``
    channels of one filter row. Legal when ``R <= pe_rows``, the sets fit (``e <= cols``:
    ``(rows//R) * (cols//e)`` sets; wider sets are split into ``ceil(e/cols)`` stacked pieces),
    ``p*q*S <= filter spad``, ``q*S <= ifmap spad``, ``p <= psum spad``, and the GLB holds one
    ifmap block plus the psums of ``m = p*t*k`` filters, ``k >= 1``: ``n*q*r*rows*W + n*m*e*F
    <= glb_words`` with ``rows = min((e-1)*U + R, H)``; ``k`` is the largest that fits (at
    most ``ceil(M/(p*t))``). For each ``t``, ``r`` is the most sets the array and ``C`` allow.

    Loop nest: ``nb = ceil(N/n)`` x ``mb = ceil(M/m)`` x ``strips = ceil(E/e)`` GLB blocks, each
    of ``cb = ceil(C/(q*r))`` channel blocks x ``k`` filter blocks = passes. Cycles of a pass:
    a fill (filters into spads over the filter GIN, ``ceil(p*t*q*r*R*S / filter_gin)``, plus the
    PE pipeline and ``R-1`` vertical psum hops) and ``n*F`` steps; a step is the longest of
    the MACs ``p*q*S``, the ifmap delivery ``ceil(q*r*rows*U / ifmap_gin)``, the psums out
    ``ceil(p*t*e / psum_gon)`` and, after the first channel block, the psums in
    ``ceil(p*t*e / psum_gin)``.

    Words moved (energy = words x cost per level): ALU and filter-spad reads ``MACs x
    density``; ifmap-spad reads ``MACs``; psum-spad ``2 x MACs``; spad fills ``passes x active
    x (p*q*S + n*q*W)``; NoC the same fills plus psums ``passes x n*p*t*e*F x R`` and their
    reads back; GLB ifmap reads ``passes x n*q*r*rows*W``, filter reads ``passes x
    p*t*q*r*R*S``, psum writes (every pass) and reads (all but the first channel block),
    the ofmap read out once and the DRAM fills; DRAM ifmaps ``blocks x n*C*rows*W x
    dens[1]``, filters ``nb*strips*M*C*R*S x dens[3]``, ofmap ``N*M*E*F x dens[2]`` (the DRAM
    total is their sum; the GLB's filter fill stays ``nb*strips*M*C*R*S`` raw words).

    Enumeration order: n, then strip sizes e = ceil(E/k) for k = 1.., then p, q, t; the first
    mapping with the lowest (primary, secondary) cost wins. Returns ``(best, values)``:
    ``best = [n, p, q, e, r, t]`` (all -1 if nothing is legal) and ``values = [passes, cycles,
    energy_pj, m, active_pes]``.
    """
    N, M, C, H, W, R, S, E, F, U = (int(x) for x in layer)
    rows_, cols_, fsp, isp, psp, glb, gi, gf, gp, go, pipe = (int(x) for x in arch)
    cand = []
    for n in range(1, N + 1):
        es = []
        for kk in range(1, E + 1):
            e = -(-E // kk)
            if not es or es[-1] != e:
                es.append(e)
        for e in es:
            if R > rows_:
                continue
            cap = (rows_ // R) * (cols_ // e) if e <= cols_ else rows_ // (R * -(-e // cols_))
            for p in range(1, min(psp, M) + 1):
                for q in range(1, min(C, isp // S) + 1):
                    if p * q * S > fsp:
                        break
                    for t in range(1, min(cap, -(-M // p)) + 1):
                        r = min(cap // t, -(-C // q))
                        if r >= 1:
                            cand.append((n, p, q, e, r, t))
    best = np.full(6, -1, np.int64)
    vals = np.zeros(5)
    if not cand:
        return best, vals
    n, p, q, e, r, t = (np.array(c, np.int64) for c in zip(*cand))
    passes, cycles, m, *counts = rs_eval_ref(N, M, C, H, W, R, S, E, F, U, fsp, glb, gi, gf, gp, go, pipe, cost,
                                             dens, n, p, q, e, r, t)
    c0, c1, c2, c3, c4, c5, c6 = counts[:7]
    energy = c0 * cost[0] + c1 * cost[1] + c2 * cost[2] + c3 * cost[3] + c4 * cost[4] + c5 * cost[5] + c6 * cost[6]
    ok = passes >= 0
    active = R * e * r * t
    cyc = cycles.astype(float)
    k1, k2 = (energy, cyc) if objective == 0 else (cyc, energy)
    idx = np.flatnonzero(ok)
    if not idx.size:
        return best, vals
    order = np.lexsort((idx, k2[idx], k1[idx]))
    i = idx[order[0]]
    best[:] = (n[i], p[i], q[i], e[i], r[i], t[i])
    vals[:] = (float(passes[i]), float(cycles[i]), energy[i], float(m[i]), float(active[i]))
    return best, vals


def rs_eval_ref(N, M, C, H, W, R, S, E, F, U, fsp, glb, gi, gf, gp, go, pipe, cost, dens, n, p, q, e, r, t):
    """The model of :func:`rs_search_ref` for mapping(s) ``(n, p, q, e, r, t)``, vectorized.

    Returns ``(passes, cycles, m, alu, filter_spad, ifmap_spad, psum_spad, noc, glb, dram,
    dram_ifmap, dram_filter, dram_ofmap)``: the word counts per level (energy = counts . cost,
    over the first seven), then the DRAM words split by data type (they sum to ``dram``). ``passes`` is -1 (and the rest 0)
    where the GLB cannot hold one ifmap block and the psums of ``p*t`` filters.
    """
    scalar = np.ndim(n) == 0
    n, p, q, e, r, t = (np.atleast_1d(np.asarray(x, np.int64)) for x in (n, p, q, e, r, t))
    rows = np.minimum((e - 1) * U + R, H)
    ifm = n * q * r * rows * W
    pt = p * t
    room = glb - ifm
    k = np.minimum(-(-M // pt), np.where(room > 0, room, 0) // (n * pt * e * F))
    ok = (room > 0) & (k >= 1)
    k = np.maximum(k, 1)
    m = pt * k
    nb, mb, strips, cb = -(-N // n), -(-M // m), -(-E // e), -(-C // (q * r))
    groups = nb * mb * strips
    passes = groups * cb * k
    step0 = np.maximum(p * q * S, np.maximum(-(-(q * r * rows * U) // gi), -(-(pt * e) // go)))
    step1 = np.maximum(step0, -(-(pt * e) // gp))
    fill = -(-(pt * q * r * R * S) // gf) + pipe + R - 1
    cycles = groups * k * ((fill + n * F * step0) + (cb - 1) * (fill + n * F * step1))
    active = R * e * r * t
    useful = float(N) * M * C * E * F * R * S
    fpasses = passes.astype(float)
    psum_words = n.astype(float) * pt * e * F
    acc_passes = (passes - groups * k).astype(float)
    d_in = float(dens[0])
    dram_if = groups.astype(float) * n * C * rows * W * dens[1]
    dram_fl = nb.astype(float) * strips * M * C * R * S * dens[3]
    dram_of = float(N) * M * E * F * dens[2] + 0 * fpasses
    dram = dram_if + dram_fl + dram_of
    glb_acc = (fpasses * n * q * r * rows * W + fpasses * pt * q * r * R * S + fpasses * psum_words
               + acc_passes * psum_words + float(N) * M * E * F + groups.astype(float) * n * C * rows * W * dens[1]
               + nb.astype(float) * strips * M * C * R * S)
    noc = (fpasses * active * p * q * S + fpasses * active * n * q * W + fpasses * psum_words * R
           + acc_passes * psum_words)
    fspad = useful * d_in + fpasses * active * p * q * S
    ispad = useful + fpasses * active * n * q * W
    pspad = 2.0 * useful
    counts = [useful * d_in + 0 * fpasses, fspad, ispad, pspad + 0 * fpasses, noc, glb_acc, dram, dram_if, dram_fl,
              dram_of]
    out = [np.where(ok, passes, -1).astype(float), np.where(ok, cycles, 0).astype(float),
           np.where(ok, m, 0).astype(float)] + [np.where(ok, c, 0.0) for c in counts]
    return tuple(float(x[0]) for x in out) if scalar else tuple(out)

