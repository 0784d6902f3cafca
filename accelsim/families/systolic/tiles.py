"""Weight tiles of a systolic MAC layer and how they fit the filter buffer.

What the array sees of a layer (:func:`array_dims`), how many groups share one pass
(:func:`pack_groups`), the bytes of its weight tiles (:func:`weight_tile_bytes`), the stream
chunk that keeps an OS or IS fold's weights within the filter buffer (:func:`stream_chunk`), and
the one error for a filter buffer too small for some layers (:func:`filter_shortfall`). Used by
both lowerings in :mod:`accelsim.families.systolic.lower`.
"""

from __future__ import annotations

from accelsim.errors import AccelsimError
from accelsim.families.systolic.spec import SystolicSpec
from accelsim.workload.layer import MAC_OPS, Layer
from accelsim.workload.network import Network


def pack_groups(K: int, N: int, G: int, arch: SystolicSpec) -> int:
    """Groups side by side in one pass: those narrower than the array are packed as a
    block-diagonal tile, as a compiler for a dense array does (off-diagonal PEs idle)."""
    return max(1, min(arch.array.rows // K, arch.array.cols // N, G)) if G > 1 else 1


def array_dims(layer: Layer, arch: SystolicSpec) -> tuple[int, int, int, int, int]:
    """``(M, K, N, groups, stored weight bits)`` the array sees for ``layer``.

    In the N:M sparse mode (``array.structured``, e.g. ``"2:4"``, as sparse tensor cores run it) a
    layer pruned to the same pattern (``weight_pattern``) keeps only its N of every M weights: the
    reduction ``K`` shrinks to ``ceil(K * N / M)`` (a PE row muxes the matching activation in), and
    each stored weight carries a ``ceil(log2 M)``-bit index. Otherwise the layer runs dense.
    """
    m, k, n, g = layer.gemm_dims()
    mode = arch.array.structured
    if layer.op == "matmul":  # the stationary operand is an activation (keys, values)
        return m, k, n, g, layer.act_bits
    if mode == "none" or layer.weight_pattern != mode:
        return m, k, n, g, layer.weight_bits
    keep, group = (int(x) for x in mode.split(":"))
    return m, -(-k * keep // group), n, g, layer.weight_bits + max(1, (group - 1).bit_length())


def weight_tile_bytes(K: int, N: int, G: int, pack: int, arch: SystolicSpec, bits: int,
                       chunk: int = 0) -> tuple[int, int]:
    """Bytes of the largest weight tile of the first pack of groups, and of all the layer's tiles
    (``chunk``: the os K or is N stream of one fold, :func:`stream_chunk`; 0 = whole)."""
    R, C, df = arch.array.rows, arch.array.cols, arch.array.dataflow

    def chunks(total: int, step: int) -> list[tuple[int, int]]:  # (length, how many)
        return [(step, total // step)] * (total >= step) + [(total % step, 1)] * (total % step > 0)

    def tile(k_len: int, n_len: int) -> int:
        return -(-R * C * bits // 8) if pads_weight_tiles(arch) else max(1, -(-k_len * n_len * bits // 8))
    w_tile = all_w = 0
    for i, (pg, count) in enumerate(chunks(G, pack)):
        ks = chunks(pg * K, R if df != "os" else chunk or pg * K)
        ns = chunks(pg * N, C if df != "is" else chunk or pg * N)
        sizes = [(tile(kl, nl), ck * cn) for kl, ck in ks for nl, cn in ns]
        all_w += count * sum(b * c for b, c in sizes)
        w_tile = w_tile if i else max(b for b, _ in sizes)
    return w_tile, all_w


def pads_weight_tiles(arch: SystolicSpec) -> bool:
    """Weight tiles move as whole ``rows x cols`` blocks: ``pad_weight_tiles``, which only the WS
    preload has reason for (the tile shifts through every row); OS and IS stream their weights."""
    return arch.array.pad_weight_tiles and arch.array.dataflow == "ws"


def stream_chunk(K: int, N: int, G: int, pack: int, arch: SystolicSpec, bits: int) -> int:
    """Longest stream of one fold whose weights fit the filter buffer: K under os, N under is (elements).

    0 when the weights of a whole stream fit (and always under ws). Otherwise the stream is cut
    into equal chunks that fit a share of the buffer the size of one of the tiles it keeps in
    flight (at least two, so the next chunk loads while this one streams), or the whole buffer
    when not even one row fits that share. Assumes one row fits (:func:`filter_shortfall`).
    """
    df = arch.array.dataflow
    if df == "ws" or weight_tile_bytes(K, N, G, pack, arch, bits)[0] <= arch.filter.capacity_bytes:
        return 0
    whole = pack * (K if df == "os" else N)
    across = min(arch.array.cols, pack * N) if df == "os" else min(arch.array.rows, pack * K)
    cap = arch.filter.capacity_bytes
    in_flight = 1 if arch.filter.kind == "single" else max(2, arch.filter.held_tiles("fifo"))
    for budget in (cap // in_flight, cap):
        length = budget * 8 // (across * bits)
        if length >= 1:
            return -(-whole // -(-whole // length))  # the same number of chunks, evened out
    return 1


def filter_shortfall(net: Network, arch: SystolicSpec) -> None:
    """Refuse, in one line naming every such layer, a filter buffer smaller than one fold's weights.

    One fold needs a weight tile under ws, and one row of weights (os) or one column (is) once
    the stream is cut into chunks (:func:`stream_chunk`). The message names the smallest
    capacity that serves every layer (bytes).
    """
    from accelsim.units import format_bytes
    short: list[tuple[str, int]] = []
    df = arch.array.dataflow
    for layer in net.layers:
        if layer.op not in MAC_OPS:
            continue
        _, K, N, G, wbits = array_dims(layer, arch)
        need = weight_tile_bytes(K, N, G, pack_groups(K, N, G, arch), arch, wbits, 0 if df == "ws" else 1)[0]
        if need > arch.filter.capacity_bytes:
            short.append((layer.name, need))
    if short:
        what = {"ws": "one weight tile", "os": "one row of weights", "is": "one column of weights"}[df]
        listed = ", ".join(f"{name} ({need} B)" for name, need in short)
        most = max(need for _, need in short)
        raise AccelsimError(f"{arch.filter.name} holds {format_bytes(arch.filter.capacity_bytes)}, less than "
                            f"{what} needs in {len(short)} layer{'s' * (len(short) > 1)}: {listed}; "
                            f"{format_bytes(most)} ({most} B) or more runs them all",
                            file=arch.file, field="memory.filter.capacity")
