"""Lowering for Eyeriss (row stationary): map each layer, then emit GLB blocks as DMA + pass ops.

Each MAC layer (per group) is a conv problem ``N, M, C, H, W, R, S, E, F, U`` (H, W padded;
a linear layer is a 1x1 conv over its flattened input; a GEMM of ``m x k x n`` is a 1x1
conv with ``C=k``, ``M=n`` over ``F=m`` positions; a training step's weight gradient takes the shorter of ``m``
and ``n`` as ``F``, computing dW or its transpose). The mapper
(:func:`accelsim.kernels.rs_mapper.rs_search`) picks ``(n, p, q, e, r, t)``; the same model
gives the layer's cycles and its words per level (ALU, spads, NoC, GLB, DRAM), which go into
the trace's layer header as counts.

The trace then holds, per GLB block (``nb x mb x strips`` of them, at most
:data:`MAX_CHUNKS` per layer), a DRAM load (its ifmap rows and filters), a compute op (its
processing passes, cycles from the model) and a DRAM store (its share of the ofmap). The
GLB is double-buffered: block i+2's load waits for block i's passes. With
``overlap_dram: false`` every transfer waits for the op before it, so DRAM time adds to
processing time (the paper's "total latency").

Feature maps in DRAM are run-length coded when ``rlc`` is set (5-bit run, 16-bit level, three
pairs per 64-bit word): a value costs ``4/3 x (d + (1 - d)/32)`` words at density ``d``
(a non-zero takes a pair; a run of 31 zeros fills one). The network input is stored raw.
Filters are stored raw (JSSC 2017 §IV-B codes only feature maps) unless ``weight_rlc`` is set;
then a pruned layer's filters take the same RLC words at its ``weight_density``. The mapper
kernel returns the DRAM words split by data type (ifmap, filter, ofmap), so each type's
format prices its own words; :attr:`Mapping.dram_words` keeps the split.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from accelsim.families.eyeriss.spec import EyerissSpec
from accelsim.errors import AccelsimError
from accelsim.trace import COMPUTE, LOAD, STORE, VECTOR, LayerInfo, Trace, TraceBuilder
from accelsim.workload.layer import MAC_OPS, UPDATE_OPS, VIEW_OPS, Layer
from accelsim.workload.network import INPUT, Network
from accelsim.workload.training import per_step

UNITS = ("dma_in", "dma_out", "array", "vector")
DRAM, GLB = "dram", "glb"
MAX_CHUNKS = 64
LEVELS = ("alu", "filter_spad", "ifmap_spad", "psum_spad", "noc", "glb", "dram")


@dataclass(frozen=True)
class ConvProblem:
    """One group of a MAC layer in the paper's notation (batch ``N``; ``H, W`` include padding)."""

    N: int
    M: int
    C: int
    H: int
    W: int
    R: int
    S: int
    E: int
    F: int
    U: int
    groups: int = 1

    def as_array(self) -> np.ndarray:
        """``[N, M, C, H, W, R, S, E, F, U]`` for the kernels."""
        return np.array([self.N, self.M, self.C, self.H, self.W, self.R, self.S, self.E, self.F, self.U], np.int64)


@dataclass(frozen=True)
class Mapping:
    """A row-stationary mapping and what the model makes of it (for one group, whole batch).

    ``counts`` are words per level in :data:`LEVELS` order; ``active_pes`` = ``R*e*r*t``;
    ``dram_words`` the DRAM words of ``counts`` split into (ifmap, filter, ofmap).
    """

    n: int
    p: int
    q: int
    e: int
    r: int
    t: int
    m: int
    passes: int
    cycles: int
    active_pes: int
    counts: tuple[float, ...]
    dram_words: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def label(self) -> str:
        """``n=1 p=16 q=1 e=7 r=1 t=2 (m=96)``: the paper's Table III columns."""
        return f"n={self.n} p={self.p} q={self.q} e={self.e} r={self.r} t={self.t} (m={self.m})"


def conv_problem(layer: Layer, batch: int) -> ConvProblem:
    """The per-group conv problem of a MAC layer."""
    if layer.op == "conv2d":
        c, h, w = layer.in_shapes[0]
        t, l, b, r = layer.padding
        kh = layer.dilation[0] * (layer.kernel[0] - 1) + 1  # a dilated filter spans more rows
        kw = layer.dilation[1] * (layer.kernel[1] - 1) + 1
        g = layer.groups
        return ConvProblem(batch, layer.out_shape[0] // g, c // g, h + t + b, w + l + r, kh, kw,
                           layer.out_shape[1], layer.out_shape[2], layer.stride[0], g)
    if layer.op == "linear":
        c = math.prod(layer.in_shapes[0])
        return ConvProblem(batch, layer.out_shape[0], c, 1, 1, 1, 1, 1, 1, 1)
    m, k, n = layer.gemm_mkn
    if layer.per_batch:  # a weight gradient, dW or its transpose: its shorter side is the row a GLB strip holds
        m, n = min(m, n), max(m, n)
    return ConvProblem(batch, n, k, 1, m, 1, 1, 1, m, 1, layer.groups)


def rlc_words_per_word(density: float) -> float:
    """DRAM words per fmap word under Eyeriss's run-length coding at non-zero ``density``."""
    return 4.0 / 3.0 * (density + (1.0 - density) / 32.0)


def _arch_vectors(arch: EyerissSpec) -> tuple[np.ndarray, np.ndarray]:
    a = np.array([arch.pe_rows, arch.pe_cols, arch.filter_spad_words, arch.ifmap_spad_words, arch.psum_spad_words,
                  arch.glb_words, arch.ifmap_gin_words, arch.filter_gin_words, arch.psum_gin_words,
                  arch.psum_gon_words, arch.pe_pipeline_cycles], np.int64)
    en = arch.energy
    k = en.node_factor  # the mapper prices what the accounting prices: on-chip figures at the chip's node
    c = np.array([en.alu_pj * k, en.filter_spad_pj * k, en.ifmap_spad_pj * k, en.psum_spad_pj * k, en.noc_pj * k,
                  en.glb_pj * k, en.dram_pj], float)
    return a, c


def map_layer(prob: ConvProblem, arch: EyerissSpec, dens: tuple[float, ...],
              fixed: tuple[int, ...] | None = None) -> Mapping:
    """The mapper's choice for ``prob`` (or the ``fixed`` ``(n, p, q, e, r, t)``), with its model figures.

    ``dens`` = (ifmap non-zero density for zero gating, DRAM words per ifmap word, DRAM words
    per ofmap word[, DRAM words per filter word, default 1: raw]). An illegal ``fixed``
    mapping or a layer with no legal mapping is an error.
    """
    from accelsim.kernels.rs_mapper import rs_eval, rs_search
    a, c = _arch_vectors(arch)
    d = np.array(tuple(dens) + (1.0,) * (4 - len(dens)), float)
    if fixed is None:
        best, _ = rs_search(prob.as_array(), a, c, d, 0 if arch.objective == "energy" else 1)
        if best[0] < 0:
            raise AccelsimError(f"no legal row-stationary mapping for {prob} on {arch.pe_rows}x{arch.pe_cols} PEs "
                                f"with a {arch.glb_bytes} B GLB", file=arch.file, field="glb.capacity")
        fixed = tuple(int(x) for x in best)
    n, p, q, e, r, t = fixed
    if prob.R > arch.pe_rows or p * q * prob.S > arch.filter_spad_words or q * prob.S > arch.ifmap_spad_words \
            or p > arch.psum_spad_words:
        raise AccelsimError(f"mapping n={n} p={p} q={q} e={e} r={r} t={t} overflows a scratchpad or the array",
                            field="mapping")
    v = rs_eval(*prob.as_array().tolist(), *a[[2, 5, 6, 7, 8, 9, 10]].tolist(), c, d, n, p, q, e, r, t)
    if v[0] < 0:
        raise AccelsimError(f"mapping n={n} p={p} q={q} e={e} r={r} t={t} does not fit the GLB", field="mapping")
    return Mapping(n, p, q, e, r, t, m=int(v[2]), passes=int(v[0]), cycles=int(v[1]),
                   active_pes=prob.R * e * r * t, counts=tuple(float(x) for x in v[3:10]),
                   dram_words=(float(v[10]), float(v[11]), float(v[12])))


def lower_network(net: Network, arch: EyerissSpec, batch: int = 1, densities: dict[str, float] | None = None,
                  mappings: dict[str, tuple[int, ...]] | None = None) -> tuple[Trace, dict[str, Mapping]]:
    """Map and lower ``net`` at ``batch`` samples onto ``arch``; returns the trace and each layer's mapping.

    ``densities`` overrides a layer's input non-zero density (default: ``Layer.act_density``);
    ``mappings`` fixes a layer's ``(n, p, q, e, r, t)`` (e.g. the paper's Table III).
    """
    if batch < 1:
        raise AccelsimError(f"must be >= 1, got {batch}", field="--batch")
    densities = densities or {}
    mappings = mappings or {}
    tb = TraceBuilder(arch.name, net.name, batch, UNITS, (DRAM, GLB))
    wb = arch.word_bytes
    done: dict[str, list[int]] = {INPUT: []}
    chosen: dict[str, Mapping] = {}
    last_store: list[int] = []
    n_samples = batch
    for layer in net.layers:
        layer, batch = per_step(layer, n_samples)
        d_in = densities.get(layer.name, layer.act_density)
        d_out = min([densities.get(c, net.layer(c).act_density) for c in _names(net.consumers(layer.name))]
                    or [1.0])
        deps = [x for s in (layer.inputs or (INPUT,)) for x in done.get(s, [])]
        if layer.op in MAC_OPS:
            prob = conv_problem(layer, batch)
            first = not layer.inputs or layer.inputs == (INPUT,)
            dens = (d_in if arch.zero_gating else 1.0,
                    1.0 if first or not arch.rlc else rlc_words_per_word(d_in),
                    rlc_words_per_word(d_out) if arch.rlc else 1.0,
                    rlc_words_per_word(layer.weight_density) if arch.weight_rlc else 1.0)
            mp = map_layer(prob, arch, dens, mappings.get(layer.name))
            chosen[layer.name] = mp
            g = prob.groups
            counts = tuple((lvl, int(round(x * g))) for lvl, x in zip(LEVELS, mp.counts))
            li = tb.add_layer(LayerInfo(layer.name, layer.op, layer.weight_bits, layer.act_bits, layer.acc_bits,
                                        layer.macs * batch, counts))
            blocks = -(-prob.N // mp.n) * -(-prob.M // mp.m) * -(-prob.E // mp.e) * g
            n_chunks = min(MAX_CHUNKS, blocks)
            ofmap_words = batch * layer.out_elements * dens[2]
            dram_in_words = (mp.dram_words[0] + mp.dram_words[1]) * g - _raw_saving(layer, prob, mp, dens[1])
            done[layer.name] = _emit_blocks(tb, li, arch, deps, last_store, n_chunks, int(round(dram_in_words * wb)),
                                            int(round(ofmap_words * wb)), mp.cycles * g, layer.macs * batch,
                                            mp.active_pes)
        else:
            li = tb.add_layer(LayerInfo(layer.name, layer.op, layer.weight_bits, layer.act_bits, layer.acc_bits, 0))
            if layer.op in VIEW_OPS or layer.op == "concat":
                done[layer.name] = deps
                continue
            vops = (layer.vector_ops or layer.out_elements) * batch
            # an optimizer update moves float32 master weights and state, not 16-bit words
            in_b, out_b = ((layer.in_bytes, layer.out_bytes) if layer.op in UPDATE_OPS else
                           (layer.in_elements * wb, layer.out_elements * wb))
            load = tb.add(LOAD, "dma_in", li, deps + _serial(arch, last_store), src=DRAM, dst=GLB,
                          bytes=max(1, batch * in_b))
            vec = tb.add(VECTOR, "vector", li, [load], vops=vops, src=GLB, dst=GLB, bytes=batch * out_b)
            st = tb.add(STORE, "dma_out", li, [vec], src=GLB, dst=DRAM, bytes=batch * out_b)
            last_store[:] = [st]
            done[layer.name] = [st]
    return tb.build(), chosen


def _raw_saving(layer: Layer, prob: ConvProblem, mp: Mapping, ifmap_words: float) -> float:
    """DRAM words a weight gradient saves by reading its saved activation raw (``in_shapes[0]``) instead of as
    the im2col'd operand the GEMM view holds (``k x k`` times larger for a ``k x k`` stride-1 conv): the GLB
    expands it, as the PEs' sliding windows do for a forward conv. Zero for other layers and where im2col is the
    smaller (a strided 1x1 conv reads only the pixels it uses). ``ifmap_words``: DRAM words per word on the
    ifmap side (run-length coding)."""
    if not (layer.op == "matmul" and layer.per_batch):
        return 0.0
    m, k, n = layer.gemm_mkn
    xcol, raw = m * k, math.prod(layer.in_shapes[0])
    if raw >= xcol:
        return 0.0
    # the model reads the filters once a batch block and strip (here 1) and the ifmap once a filter block
    if m >= n:  # it is the filter side (stored raw)
        return float(xcol - raw)
    return float(-(-prob.M // mp.m) * (xcol - raw) * ifmap_words)


def _names(layers) -> list[str]:
    return [c if isinstance(c, str) else c.name for c in layers]


def _serial(arch: EyerissSpec, last_store: list[int]) -> list[int]:
    return [] if arch.overlap_dram else list(last_store)


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _emit_blocks(tb: TraceBuilder, li: int, arch: EyerissSpec, deps: list[int], last_store: list[int], chunks: int,
                 in_bytes: int, out_bytes: int, cycles: int, macs: int, active: int) -> list[int]:
    loads, comps = [], []
    stores: list[int] = []
    for i, (ib, ob, cy, mc) in enumerate(zip(_split(in_bytes, chunks), _split(out_bytes, chunks),
                                             _split(cycles, chunks), _split(macs, chunks))):
        war = [comps[i - 2]] if i >= 2 else []  # double-buffered GLB
        ser = _serial(arch, stores[-1:] if stores else last_store)
        ld = tb.add(LOAD, "dma_in", li, deps + war + ser, src=DRAM, dst=GLB, bytes=max(1, ib))
        c = tb.add(COMPUTE, "array", li, [ld] + (comps[-1:] if comps else []), rows=active, cols=1, stream=cy,
                   macs=mc)
        st = tb.add(STORE, "dma_out", li, [c], src=GLB, dst=DRAM, bytes=max(1, ob))
        loads.append(ld)
        comps.append(c)
        stores.append(st)
    last_store[:] = stores[-1:]
    return stores
