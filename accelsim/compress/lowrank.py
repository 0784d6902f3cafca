"""Low-rank passes: one weighted layer becomes a short chain of cheaper ones.

====================  =====================================================================
``svd``               matrix layer (linear, gemm; a 1x1 conv when named) ``W (N, K) ~ U S V^T``:
                      ``K -> r`` (weights ``U_r^T W = S_r V_r^T``), then ``r -> N`` (``U_r``,
                      bias, activation); when ``N > K``, ``V_r^T`` then ``W V_r``
``tucker2``           conv ``k x k`` (Kim et al., ICLR 2016): 1x1 ``C -> r_in``, ``k x k``
                      core ``r_in -> r_out`` (stride, padding), 1x1 ``r_out -> O``; HOSVD
                      initialization then HOOI sweeps
``cp``                conv (Lebedev et al., ICLR 2015): 1x1 ``C -> R``, ``kh x 1`` depthwise,
                      ``1 x kw`` depthwise, 1x1 ``R -> O``; rank-R CP by ALS
``grouped``           conv (Wang & Cheng, ACM MM 2016, block-term form): 1x1 ``C -> R_in``,
                      ``k x k`` conv with ``G`` groups ``R_in -> R_out``, 1x1 ``R_out -> O``; a
                      sum of ``G`` Tucker-2 terms fitted by backfitting
====================  =====================================================================

Every chain's last layer keeps the replaced layer's name, bias and activation, so readers
are unchanged; earlier parts are named ``<layer>.<pass>_<part>``, have no bias, dense
weights and the replaced layer's bit widths. ``record.replaced_by`` lists each chain.
A layer whose chain would not have fewer MACs (or, for Tucker-2 and CP, whose kernel is 1x1
or that reads fewer than 8 channels, like an RGB stem) is skipped, with the reason recorded.
"""

from __future__ import annotations

import numpy as np

from accelsim.compress import progress

from accelsim.compress.graph import chain_of, conv_like, matrix_like, splice
from accelsim.compress.memo import factor_memo
from accelsim.compress.record import make_record, output_error, rel_error, spec_text
from accelsim.compress.subspace import iterates, leading_left
from accelsim.compress.weights import Weights, select_layers
from accelsim.errors import AccelsimError
from accelsim.workload.network import Network

MIN_IN_CHANNELS = 8


def _rank(ratio: float | None, n: int, *, energy: float | None = None, s: np.ndarray | None = None,
          rank: int | None = None) -> int:
    """A rank in ``[1, n]``: absolute, ``ratio x n`` rounded, or the fewest singular values
    ``s`` holding ``energy`` of the squared sum."""
    if rank is not None:
        return max(1, min(rank, n))
    if energy is not None:
        assert s is not None
        cum = np.cumsum(s ** 2) / max(float((s ** 2).sum()), 1e-300)
        return int(min(np.searchsorted(cum, energy - 1e-12) + 1, n))
    return max(1, min(n, int(round(ratio * n))))


def _eig_desc(gram: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues (clipped at 0) and eigenvectors of a symmetric PSD matrix, largest first."""
    vals, vecs = np.linalg.eigh(gram)
    return np.maximum(vals[::-1], 0.0), vecs[:, ::-1]


def _leading(m: np.ndarray, r: int) -> np.ndarray:
    """The ``r`` leading left singular vectors of ``m``.

    Through the eigenvectors of the Gram matrix ``m m^T`` when ``m`` is wide: for the leading
    subspace this is as good as an SVD and an order of magnitude faster on wide unfoldings.
    Large Gram matrices of which few directions are kept go through seeded subspace iteration
    (:mod:`accelsim.compress.subspace`); small ones through the exact ``eigh``.
    """
    if m.shape[0] <= m.shape[1] or iterates(m.shape[0], min(r, m.shape[0])):
        return leading_left(m, r)[1]
    u, _, _ = np.linalg.svd(m, full_matrices=False)
    return u[:, :r]


def _singular_values(m: np.ndarray) -> np.ndarray:
    """Singular values of ``m``, largest first (from the smaller Gram matrix)."""
    g = m @ m.T if m.shape[0] <= m.shape[1] else m.T @ m
    return np.sqrt(np.linalg.eigvalsh(g)[::-1].clip(0))


def decompose(name: str, spec: str, params: dict, net: Network, weights: Weights | None, chosen: list[str],
               build, *, seed: int, batch: int, max_hw: int | None, notes=(), force: bool = False, details=None):
    """Shared driver: ``build(layer, W | None) -> (parts, arrays | None, W_approx | None) or reason``.

    ``W_approx`` may instead be the relative weight error itself (a float), where the builder
    knows it without forming the approximation (an orthogonal projection).

    ``details()``, called after every layer is built, gives the record's ``details`` (a solver's log).

    Unless ``force`` (layers named or an absolute rank given), a chain without fewer MACs is skipped.
    """
    chains, replaced, skipped, new_arrays = {}, {}, [], {}
    werr, oerr = {}, {}
    for lname in progress.layers(chosen, name):
        layer = net.layer(lname)
        # factors are solved for, and kept, in float64: a float32 SVD would cost the last digits of a full-rank fit
        w = weights[lname]["weight"].astype(np.float64) if weights is not None else None
        built = build(layer, w)
        if isinstance(built, str):
            skipped.append((lname, built))
            continue
        parts, arrays, approx = built
        chain = chain_of(layer, parts)
        if sum(p.macs for p in chain) >= layer.macs and not force:
            skipped.append((lname, "the chain would not have fewer MACs"))
            continue
        chains[lname] = chain
        replaced[lname] = [p.name for p in chain]
        if weights is not None:
            bias = weights[lname].get("bias")
            entry = {p.name: {"weight": a} for p, a in zip(chain, arrays)}
            if bias is not None:
                entry[lname]["bias"] = bias
            new_arrays.update(entry)
            werr[lname] = approx if isinstance(approx, float) else rel_error(w, approx)
            oerr[lname] = output_error(layer, weights[lname], chain, entry, seed=seed, batch=batch, max_hw=max_hw)
    out = splice(net, chains)
    new_w = None
    if weights is not None:
        new_w = {k: v for k, v in weights.items() if k not in chains}
        new_w.update(new_arrays)
    if weights is not None and any("mask" in weights[n] or "weight_q" in weights[n] for n in chains):
        notes = tuple(notes) + ("decomposed layers' masks and integer codes are dropped: factors are dense float",)
    rec = make_record(name, spec, params, net, out, with_weights=weights is not None, changed=list(chains),
                      replaced_by=replaced, skipped=skipped, weight_error=werr, output_error=oerr, notes=notes,
                      details=details() if details else ())
    return out, new_w, rec


# ---------------------------------------------------------------------------------------------


def svd(net: Network, weights: Weights | None = None, *, ratio: float | None = None, energy: float | None = None,
        rank: int | None = None, layers: tuple[str, ...] | None = None, seed: int = 0, batch: int = 1,
        max_hw: int | None = 32):
    """Truncated SVD of matrix layers: rank ``rank``, or ``ratio x min(N, K)``, or by retained ``energy``."""
    if sum(x is not None for x in (ratio, energy, rank)) != 1:
        raise AccelsimError("give exactly one of ratio, energy, rank", field="svd")
    if energy is not None and weights is None:
        raise AccelsimError("rank by retained energy needs weights (give a .npz or synthetic weights)", field="svd")
    ops = frozenset({"linear", "gemm"}) | (frozenset({"conv2d"}) if layers is not None else frozenset())
    chosen = select_layers(net, layers, ops)
    memo = factor_memo()  # layers with identical weights share one fit

    def build(layer, w):
        if layer.op == "conv2d" and (layer.kernel != (1, 1) or layer.groups != 1):
            return "svd takes 1x1 convs with one group only"
        n, k = (layer.out_shape[0], layer.weight_count // layer.out_shape[0])
        if w is not None:
            # principal subspace of the smaller side; W' = U_r U_r^T W (or W V_r V_r^T) without
            # dividing by singular values, so full rank reproduces W to rounding
            m = w.reshape(n, k)
            side = m if n <= k else m.T
            if energy is not None:  # the rank needs the whole spectrum
                lam, basis = _eig_desc(side @ side.T)
                r = _rank(ratio, min(n, k), energy=energy, s=np.sqrt(lam), rank=rank)
            else:  # only the top r directions: exact eigh when small, subspace iteration when large
                r = _rank(ratio, min(n, k), rank=rank)
                basis = memo(w, ("svd", r, seed), lambda: leading_left(side, r, seed=seed)[1])
        else:
            r = _rank(ratio, min(n, k), rank=rank)
        first_name = f"{layer.name}.svd_v"
        if layer.op == "conv2d":
            first = conv_like(layer, first_name, layer.in_shapes[0], r, stride=layer.stride)
            second = conv_like(layer, layer.name, first.out_shape, n)
        else:
            first = matrix_like(layer, first_name, layer.in_shapes[0], r)
            second = matrix_like(layer, layer.name, first.out_shape, n)
        if w is None:
            return [first, second], None, None
        b = basis[:, :r]
        a1, a2 = (b.T @ m, b) if n <= k else (b.T, m @ b)
        # W' is W projected on span(b), orthonormal: ||W - W'||^2 = ||W||^2 - ||b^T W||^2, no
        # product to form (on AlexNet's fc6, 77 GFLOP and a 300 MB array saved)
        w2 = float(np.vdot(m, m))
        kept = a1 if n <= k else a2
        err = float(np.sqrt(max(w2 - float(np.vdot(kept, kept)), 0.0) / w2)) if w2 > 0 else 0.0
        if err < 1e-3:  # the difference of squares has cancelled: measure it on the product
            err = rel_error(m, (b @ a1) if n <= k else (a2 @ b.T))
        if layer.op == "conv2d":
            a1, a2 = a1[:, :, None, None], a2[:, :, None, None]
        return [first, second], [a1, a2], err

    args = f"r{rank}" if rank is not None else (f"e{energy:g}" if energy is not None else f"{ratio:g}")
    params = {"ratio": ratio, "energy": energy} | ({"rank": rank} if rank is not None else {})
    return decompose("svd", spec_text("svd", args, layers), params, net, weights, chosen, build,
                      seed=seed, batch=batch, max_hw=max_hw, force=layers is not None or rank is not None)


def _eligible_conv(layer) -> str | None:
    if layer.groups != 1:
        return "grouped conv"
    if layer.kernel == (1, 1):
        return "1x1 kernel: name it in svd instead"
    if layer.in_shapes[0][0] < MIN_IN_CHANNELS:
        return f"reads {layer.in_shapes[0][0]} channels (< {MIN_IN_CHANNELS}), like an image stem"
    return None


def tucker2_factors(w: np.ndarray, r_out: int, r_in: int, iters: int = 2, start=None):
    """Tucker-2 of ``w (O, C, kh, kw)``: ``(U_out (O, r_out), U_in (C, r_in), core (r_out, r_in, kh, kw))``.

    HOSVD (leading singular vectors of the two channel unfoldings) then ``iters`` HOOI sweeps.
    With ``start = (U_out, U_in)`` (a previous fit of a nearby tensor) the HOSVD is skipped and the
    sweeps start from ``U_in``. Mode products are matrix products on the unfoldings (BLAS), not loops;
    on tensors with more than :data:`WARM_MIN_CHANNELS` channels they run in float32 (twice the
    BLAS speed; a truncated fit's error is far above float32's rounding). Factors are float64.
    """
    o, c, kh, kw = w.shape
    big = max(o, c) > WARM_MIN_CHANNELS
    u_out, u_in, core = _tucker2_sp(_spatial_middle(w.astype(np.float32) if big else w), r_out, r_in, iters, start)
    return u_out.astype(np.float64), u_in.astype(np.float64), _core_ochw(core.astype(np.float64), kh, kw)


def _spatial_middle(w: np.ndarray) -> np.ndarray:
    """``w (O, C, kh, kw)`` copied to ``(O, kh kw, C)``: every mode product is then one
    contiguous matrix product (C last for ``U_in``, O first for ``U_out``). Always a copy
    (:func:`block_terms` updates its residual in place)."""
    o, c, kh, kw = w.shape
    return w.transpose(0, 2, 3, 1).copy().reshape(o, kh * kw, c)


def _core_ochw(core: np.ndarray, kh: int, kw: int) -> np.ndarray:
    """A core ``(r_out, kh kw, r_in)`` as a conv weight ``(r_out, r_in, kh, kw)``."""
    r_out, _, r_in = core.shape
    return np.ascontiguousarray(core.reshape(r_out, kh, kw, r_in).transpose(0, 3, 1, 2))


def _tucker2_sp(ws: np.ndarray, r_out: int, r_in: int, iters: int, start=None):
    """:func:`tucker2_factors` on ``ws (O, S, C)`` (:func:`_spatial_middle`); the core is ``(r_out, S, r_in)``."""
    o, sp, c = ws.shape
    flat = ws.reshape(o * sp, c)
    if start is None:
        u_out = _leading(ws.reshape(o, -1), r_out)
        u_in = _leading(flat.T, r_in)  # mode-C unfolding, (C, O S)
    else:
        u_out, u_in = start
    for _ in range(iters):
        t = flat @ u_in  # (O S, r_in) = w x_C U_in^T
        u_out = _leading(t.reshape(o, -1), r_out)
        t = u_out.T @ ws.reshape(o, -1)  # (r_out, S C) = w x_O U_out^T
        u_in = _leading(t.reshape(-1, c).T, r_in)
    core = u_out.T @ (flat @ u_in).reshape(o, -1)
    return u_out, u_in, core.reshape(r_out, sp, r_in)


def _reconstruct_sp(u_out, u_in, core) -> np.ndarray:
    """``core x_O U_out x_C U_in`` in the ``(O, S, C)`` layout."""
    r_out, sp, r_in = core.shape
    t = (u_out @ core.reshape(r_out, -1)).reshape(-1, r_in)  # (O S, r_in)
    return (t @ u_in.T).reshape(u_out.shape[0], sp, u_in.shape[0])


def tucker2_reconstruct(u_out, u_in, core) -> np.ndarray:
    """``core x_O U_out x_C U_in``: ``(O, C, kh, kw)``."""
    r_out, r_in, kh, kw = core.shape
    t = u_out @ core.reshape(r_out, -1)  # (O, r_in kh kw)
    t = t.reshape(-1, r_in, kh * kw).transpose(0, 2, 1) @ u_in.T  # (O, kh kw, C)
    return np.ascontiguousarray(t.transpose(0, 2, 1).reshape(u_out.shape[0], u_in.shape[0], kh, kw))


def _three_convs(layer, tag: str, r_in: int, r_out: int, groups: int = 1):
    c = layer.in_shapes[0][0]
    o = layer.out_shape[0]
    reduce = conv_like(layer, f"{layer.name}.{tag}_reduce", layer.in_shapes[0], r_in)
    core = conv_like(layer, f"{layer.name}.{tag}_core", reduce.out_shape, r_out, kernel=layer.kernel,
                     stride=layer.stride, padding=layer.padding, dilation=layer.dilation, groups=groups)
    expand = conv_like(layer, layer.name, core.out_shape, o)
    assert c == reduce.in_shapes[0][0]
    return [reduce, core, expand]


def tucker2(net: Network, weights: Weights | None = None, *, ratio: float | None = 0.25, energy: float | None = None,
            iters: int = 2, layers: tuple[str, ...] | None = None, seed: int = 0, batch: int = 1,
            max_hw: int | None = 32):
    """Tucker-2 of k x k convs: ranks ``ratio x channels`` per mode, or by ``energy`` per unfolding."""
    if energy is not None and weights is None:
        raise AccelsimError("rank by retained energy needs weights", field="tucker2")
    chosen = select_layers(net, layers, frozenset({"conv2d"}))
    memo = factor_memo()  # layers with identical weights share one fit

    def build(layer, w):
        why = _eligible_conv(layer)
        if why:
            return why
        o, c = layer.out_shape[0], layer.in_shapes[0][0]
        if energy is not None:
            s_o = _singular_values(w.reshape(o, -1))
            s_i = _singular_values(w.transpose(1, 0, 2, 3).reshape(c, -1))
            r_out, r_in = _rank(None, o, energy=energy, s=s_o), _rank(None, c, energy=energy, s=s_i)
        else:
            r_out, r_in = _rank(ratio, o), _rank(ratio, c)
        parts = _three_convs(layer, "tucker", r_in, r_out)
        if w is None:
            return parts, None, None
        u_out, u_in, core = memo(w, (r_out, r_in, iters), lambda: tucker2_factors(w, r_out, r_in, iters))
        arrays = [u_in.T[:, :, None, None], core, u_out[:, :, None, None]]
        return parts, arrays, tucker2_reconstruct(u_out, u_in, core)

    args = f"e{energy:g}" if energy is not None else f"{ratio:g}"
    return decompose("tucker2", spec_text("tucker2", args, layers), {"ratio": ratio, "energy": energy,
                      "iters": iters}, net, weights, chosen, build, seed=seed, batch=batch, max_hw=max_hw,
                      force=layers is not None)


#: an ALS iteration that lowers the relative error by less than this share of it ends the fit
CP_TOL = 2e-4


def cp_als(w: np.ndarray, rank: int, iters: int = 25, seed: int = 0, tol: float = 0.0, log: list | None = None):
    """Rank-``rank`` CP of ``w (O, C, kh, kw)`` by alternating least squares.

    Returns factors ``(A (O, R), B (C, R), H (kh, R), V (kw, R))`` with
    ``w[o, c, h, v] ~ sum_r A[o, r] B[c, r] H[h, r] V[v, r]``. Channel factors start from the
    leading singular vectors (seeded normal columns where the rank exceeds the dimension),
    spatial factors from a seeded normal draw. At most ``iters`` iterations; with ``tol`` > 0
    they stop once one lowers the relative error by less than ``tol`` of it. ``log``, if given,
    receives the relative error ``||w - [[A, B, H, V]]|| / ||w||`` after every iteration (from
    the last MTTKRP and the factors' Gram matrices: no reconstruction).

    On tensors with more than :data:`WARM_MIN_CHANNELS` channels the mode-C MTTKRP is taken from
    ``A^T W``, which the spatial modes need anyway: two passes over ``w`` per iteration, not three;
    and those two products run in float32 (BLAS at twice the speed; the least-squares steps stay
    in float64).
    """
    rng = np.random.default_rng(seed)
    dims = w.shape
    unfold = [np.moveaxis(w, m, 0).reshape(dims[m], -1) for m in range(2)]  # the channel modes
    factors = []
    for m, d in enumerate(dims):
        f = rng.standard_normal((d, rank))
        if m < 2:
            u = _leading(unfold[m], min(rank, d))
            f[:, : u.shape[1]] = u
        factors.append(f)
    w1 = unfold[1]
    shared = max(dims[:2]) > WARM_MIN_CHANNELS
    w0 = unfold[0].astype(np.float32) if shared else unfold[0]
    w2 = float(np.vdot(w, w))
    norm = max(np.sqrt(w2), 1e-300)
    errors = []
    for _ in range(iters):
        # modes O and C: unfolding times the Khatri-Rao product of the other three factors
        fa, fb, fh, fv = factors
        hv = fh[:, None, :] * fv[None, :, :]
        kr = (fb[:, None, None, :] * hv[None]).reshape(-1, rank).astype(w0.dtype, copy=False)
        factors[0] = _als_step((w0 @ kr).astype(np.float64, copy=False), factors, 0)
        fa = factors[0]
        # modes kh and kw share s[r, h, v] = sum_{o, c} w[o, c, h, v] A[o, r] B[c, r]
        p = (fa.T.astype(w0.dtype, copy=False) @ w0).astype(np.float64, copy=False)
        p = p.reshape(rank, dims[1], dims[2] * dims[3])
        if shared:
            factors[1] = _als_step(np.einsum("rck,kr->cr", p, hv.reshape(-1, rank)), factors, 1)
        else:
            factors[1] = _als_step(w1 @ (fa[:, None, None, :] * hv[None]).reshape(-1, rank), factors, 1)
        fb = factors[1]
        s = np.einsum("rck,cr->rk", p, fb).reshape(rank, dims[2], dims[3])
        factors[2] = _als_step(np.einsum("rhv,vr->hr", s, factors[3]), factors, 2)
        m3 = np.einsum("rhv,hr->vr", s, factors[2])
        factors[3] = _als_step(m3, factors, 3)
        gram = np.ones((rank, rank))
        for f in factors:
            gram *= f.T @ f
        errors.append(float(np.sqrt(max(w2 - 2.0 * float((factors[3] * m3).sum()) + float(gram.sum()), 0.0))) / norm)
        if len(errors) > 1 and errors[-2] - errors[-1] < tol * errors[-2]:
            break
    if log is not None:
        log.extend(errors)
    return tuple(factors)


def _als_step(mttkrp: np.ndarray, factors: list, m: int) -> np.ndarray:
    """The least-squares factor of mode ``m`` given its MTTKRP: ``mttkrp pinv(*_{i != m} F_i^T F_i)``."""
    gram = np.ones((mttkrp.shape[1],) * 2)
    for i, f in enumerate(factors):
        if i != m:
            gram *= f.T @ f
    return mttkrp @ np.linalg.pinv(gram)


def cp(net: Network, weights: Weights | None = None, *, ratio: float = 0.25, iters: int = 25,
       layers: tuple[str, ...] | None = None, seed: int = 0, batch: int = 1, max_hw: int | None = 32,
       tol: float = CP_TOL):
    """CP decomposition of k x k convs into 1x1, kh x 1 and 1 x kw depthwise, 1x1; ``R = ratio x min(C, O)``.

    At most ``iters`` ALS iterations per layer, fewer once one gains less than ``tol`` (see
    :func:`cp_als`); the record's ``details["solver"]`` gives per layer the iterations run and
    the final relative weight error of the fit.
    """
    chosen = select_layers(net, layers, frozenset({"conv2d"}))
    memo = factor_memo()  # layers with identical weights share one fit
    solver = []

    def build(layer, w):
        why = _eligible_conv(layer)
        if why:
            return why
        o, c = layer.out_shape[0], layer.in_shapes[0][0]
        r = _rank(ratio, min(o, c))
        (t, l, b, rp), (sh, sw), (dh, dw) = layer.padding, layer.stride, layer.dilation
        kh, kw = layer.kernel
        p1 = conv_like(layer, f"{layer.name}.cp_reduce", layer.in_shapes[0], r)
        p2 = conv_like(layer, f"{layer.name}.cp_vertical", p1.out_shape, r, kernel=(kh, 1), stride=(sh, 1),
                       padding=(t, 0, b, 0), dilation=(dh, 1), groups=r)
        p3 = conv_like(layer, f"{layer.name}.cp_horizontal", p2.out_shape, r, kernel=(1, kw), stride=(1, sw),
                       padding=(0, l, 0, rp), dilation=(1, dw), groups=r)
        p4 = conv_like(layer, layer.name, p3.out_shape, o)
        parts = [p1, p2, p3, p4]
        if w is None:
            return parts, None, None
        def fit():
            errs = []
            return cp_als(w, r, iters, seed, tol=tol, log=errs), errs
        (fa, fb, fh, fv), errs = memo(w, (r, iters, seed, tol), fit)
        solver.append((layer.name, (("iterations", len(errs)), ("error", errs[-1] if errs else 1.0))))
        arrays = [fb.T[:, :, None, None], fh.T[:, None, :, None], fv.T[:, None, None, :], fa[:, :, None, None]]
        return parts, arrays, np.einsum("or,cr,hr,vr->ochv", fa, fb, fh, fv, optimize=True)

    return decompose("cp", spec_text("cp", f"{ratio:g}", layers), {"ratio": ratio, "iters": iters, "tol": tol}, net,
                      weights, chosen, build, seed=seed, batch=batch, max_hw=max_hw, force=layers is not None,
                      details=lambda: (("solver", tuple(solver)),))


#: a channel count above which backfitting refits each term from its previous factors (no HOSVD)
WARM_MIN_CHANNELS = 64
#: a backfitting sweep that lowers the relative error by less than this share of it ends the fit
GROUPED_TOL = 1e-3


def block_terms(w: np.ndarray, groups: int, r_out: int, r_in: int, sweeps: int = 2, tol: float = 0.0,
                log: list | None = None):
    """``groups`` Tucker-2 terms, each with ranks ``(r_out, r_in)``, whose sum approximates ``w``.

    Fitted greedily on the residual, then at most ``sweeps`` backfitting passes refit each term
    to ``w`` minus the others; with ``tol`` > 0 they stop once a sweep lowers the relative error
    by less than ``tol`` of it. On tensors with more than :data:`WARM_MIN_CHANNELS` channels a
    refit starts its HOOI sweeps from the term's previous factors instead of a fresh HOSVD (a
    term changes little between sweeps; the HOSVD's full-size Gram matrices dominate the cost).
    Returns a list of ``(U_out, U_in, core)``; ``log``, if given, receives the relative error
    after the greedy fit and after each sweep.
    """
    terms = []
    warm = max(w.shape[:2]) > WARM_MIN_CHANNELS
    # the residual is kept in the layout the fits work in; on large tensors in float32 (BLAS at
    # twice the speed; the fit is approximate to far more than float32's rounding)
    resid = _spatial_middle(w.astype(np.float32) if warm else w)
    norm = max(float(np.linalg.norm(w)), 1e-300)
    for _ in range(groups):
        t = _tucker2_sp(resid, r_out, r_in, 2)
        resid = resid - _reconstruct_sp(*t)
        terms.append(t)
    errors = [float(np.linalg.norm(resid)) / norm]
    for _ in range(sweeps):
        for g in range(groups):
            resid += _reconstruct_sp(*terms[g])
            terms[g] = _tucker2_sp(resid, r_out, r_in, 2, start=terms[g][:2] if warm else None)
            resid -= _reconstruct_sp(*terms[g])
        errors.append(float(np.linalg.norm(resid)) / norm)
        if errors[-2] - errors[-1] < tol * errors[-2]:
            break
    if log is not None:
        log.extend(errors)
    return [(u_out.astype(np.float64), u_in.astype(np.float64), _core_ochw(core.astype(np.float64), *w.shape[2:]))
            for u_out, u_in, core in terms]


def grouped(net: Network, weights: Weights | None = None, *, groups: int = 4, ratio: float = 0.25,
            sweeps: int = 2, layers: tuple[str, ...] | None = None, seed: int = 0, batch: int = 1,
            max_hw: int | None = 32, tol: float = GROUPED_TOL):
    """Reduce, grouped k x k, expand: ``R = ratio x channels`` rounded to a multiple of ``groups``.

    Terms fitted by :func:`block_terms` (at most ``sweeps`` backfitting sweeps, fewer once one
    gains less than ``tol``); the record's ``details["solver"]`` gives per layer the sweeps run
    and the weight error after the greedy fit and at the end.
    """
    if groups < 1:
        raise AccelsimError(f"must be >= 1, got {groups}", field="groups")
    chosen = select_layers(net, layers, frozenset({"conv2d"}))
    memo = factor_memo()  # layers with identical weights share one fit
    solver = []

    def build(layer, w):
        why = _eligible_conv(layer)
        if why:
            return why
        o, c = layer.out_shape[0], layer.in_shapes[0][0]
        gi = max(1, min(c // groups, int(round(ratio * c / groups))))
        go = max(1, min(o // groups, int(round(ratio * o / groups))))
        if gi * groups > c or go * groups > o:
            return f"{groups} groups do not fit {c} -> {o} channels"
        parts = _three_convs(layer, "grouped", gi * groups, go * groups, groups=groups)
        if w is None:
            return parts, None, None
        def fit():
            errs = []
            return block_terms(w, groups, go, gi, sweeps, tol=tol, log=errs), errs
        terms, errs = memo(w, (groups, go, gi, sweeps, tol), fit)
        solver.append((layer.name, (("sweeps", len(errs) - 1), ("error_greedy", errs[0]), ("error", errs[-1]))))
        u_in = np.concatenate([t[1] for t in terms], axis=1)
        core = np.concatenate([t[2] for t in terms], axis=0)
        u_out = np.concatenate([t[0] for t in terms], axis=1)
        approx = sum(tucker2_reconstruct(*t) for t in terms)
        return parts, [u_in.T[:, :, None, None], core, u_out[:, :, None, None]], approx

    return decompose("grouped", spec_text("grouped", f"{groups}:{ratio:g}", layers),
                      {"groups": groups, "ratio": ratio, "sweeps": sweeps, "tol": tol}, net, weights, chosen, build,
                      seed=seed, batch=batch, max_hw=max_hw, force=layers is not None,
                      details=lambda: (("solver", tuple(solver)),))
