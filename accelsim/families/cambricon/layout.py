"""Where a compiled network's data lives in DRAM, and how the compiler tiles each layer.

Activations are 16-bit fixed point (Q8.8), stored per image in HWC order (a pixel's channels
are contiguous) inside a zero border wide enough for every consumer's padding, so a layer
reads its padded input with plain strided loads. Weights are stored pre-tiled in the order
the program consumes them: one contiguous block per (group, output-channel tile,
input-channel tile), each block ``[to][kh][kw][ci]``; a bias block ``[to]`` (Q8.8) per
output tile and a per-layer ``ones`` vector (value ``2**weight_frac``, one per pixel of a
tile) that an outer product turns into the bias-initialised partial sums.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from accelsim.errors import AccelsimError

ACT_FRAC_BITS = 8        # activations are Q8.8
WORD = 2                 # bytes per neuron or synapse
PSUM = 4                 # bytes per partial sum
ALIGN = 64               # DRAM regions start on a burst boundary


@dataclass(frozen=True)
class TensorAlloc:
    """An activation tensor in DRAM: channels, interior size, border, base address per image."""

    name: str
    c: int
    h: int
    w: int
    pad: int                 # zero border on every side (pixels)
    addr: int                # image 0's first byte (the border's corner)
    image_bytes: int         # bytes per image, border included

    @property
    def row_bytes(self) -> int:
        """Bytes from one row of the bordered tensor to the next."""
        return (self.w + 2 * self.pad) * self.c * WORD

    def pixel_addr(self, image: int, y: int, x: int, c: int = 0) -> int:
        """Byte address of channel ``c`` of interior pixel ``(y, x)`` (negative y/x reach the border)."""
        return (self.addr + image * self.image_bytes + (y + self.pad) * self.row_bytes
                + (x + self.pad) * self.c * WORD + c * WORD)


@dataclass(frozen=True)
class WeightBlock:
    """One pre-tiled weight block: group, output channels ``co0..co0+to``, inputs ``ci0..ci0+ci``."""

    addr: int
    group: int
    co0: int
    to: int
    ci0: int
    ci: int


@dataclass(frozen=True)
class BiasBlock:
    """Bias (Q8.8) of output channels ``co0..co0+to`` of a group."""

    addr: int
    group: int
    co0: int
    to: int


@dataclass(frozen=True)
class ConvTiling:
    """How a conv (or linear) layer is cut: output tile ``rb x wb`` pixels, ``to`` outputs, ``ci`` inputs."""

    rb: int
    wb: int
    to: int
    ci: int

    def in_rows(self, kh: int, s: int) -> int:
        """Input rows one output tile reads."""
        return (self.rb - 1) * s + kh

    def in_cols(self, kw: int, s: int) -> int:
        """Input columns one output tile reads."""
        return (self.wb - 1) * s + kw


def _ceil(a: int, b: int) -> int:
    return -(-a // b)


def _burst(n_bytes: int) -> int:
    return -(-n_bytes // ALIGN) * ALIGN


def tile_cost(cg, og, ho, wo, kh, kw, s, rb, wb, to, ci, rows, cols, bytes_per_cycle) -> tuple[float, int]:
    """Estimated cycles of a conv tiling, DRAM and NFU time added (no overlap assumed), and its MMV count.

    DRAM bytes are counted in whole bursts per transfer, so a strided load of 2-byte rows
    costs what it really moves; the NFU time counts lanes left idle by ragged tiles.
    """
    n_ci, n_co, n_sp = cg // ci, og // to, _ceil(ho, rb) * _ceil(wo, wb)
    rows_in, cols_in = (rb - 1) * s + kh, (wb - 1) * s + kw
    whole = ci == cg
    per_tile_in = rows_in * _burst(cols_in * cg * WORD) if whole else rows_in * cols_in * _burst(ci * WORD)
    dram = n_ci * n_co * n_sp * per_tile_in
    dram += 2 * (n_ci - 1) * n_co * n_sp * _burst(rb * wb * to * PSUM)
    dram += n_co * n_ci * _burst(to * kh * kw * ci * WORD)
    dram += n_co * n_sp * rb * _burst(wb * to * WORD)
    mmvs = n_ci * n_co * n_sp * rb * wb
    nfu = mmvs * _ceil(to, rows) * kh * _ceil(kw * ci, cols)
    return dram / bytes_per_cycle + nfu + 6 * mmvs, mmvs


def conv_tiling(cg: int, og: int, ho: int, wo: int, kh: int, kw: int, s: int, sp: dict[str, int],
                rows: int, cols: int, layer: str, bytes_per_cycle: float = 16.0) -> ConvTiling:
    """Pick the tile that fits the scratchpads with the least estimated time (:func:`tile_cost`).

    ``cg``/``og`` are a group's input/output channels. NBin and SB are split in halves (one
    tile loads while the other computes); NBout holds a tile's i32 partial sums and its i16
    outputs. Raises :class:`AccelsimError` naming the scratchpad when not even a 1-pixel tile
    of one input and one output channel fits.
    """
    best = _best_tiling(cg, og, ho, wo, kh, kw, s, sp["nbin"], sp["sb"], sp["nbout"], rows, cols, bytes_per_cycle)
    if best is None:
        need = {"sb": 2 * kh * kw * WORD, "nbin": 2 * kh * kw * WORD, "nbout": PSUM + WORD}
        short = [k for k, v in need.items() if sp[k] < v]
        name = short[0] if short else "nbin"
        raise AccelsimError(f"scratchpad {name} ({sp[name]} B) cannot hold one tile of layer {layer!r}; "
                            f"needs at least {need[name]} B", field=f"scratchpads.{name}")
    return best


@lru_cache(maxsize=4096)
def _best_tiling(cg, og, ho, wo, kh, kw, s, nbin_bytes, sb_bytes, nbout_bytes_, rows, cols,
                 bytes_per_cycle) -> ConvTiling | None:
    """:func:`conv_tiling`'s search (``None``: nothing fits), once per layer shape and scratchpad sizes (bytes):
    a network repeats shapes (ResNet-50's 54 convolutions have few distinct ones)."""
    nbin, sb, nbout = nbin_bytes // 2, sb_bytes // 2, nbout_bytes_
    best = None
    # divisors, so every block of a layer has one shape and the program loops over them
    to_choices, ci_choices = divisors(og), divisors(cg)
    for to in to_choices:
        for ci in ci_choices:
            wbytes = to * kh * kw * ci * WORD
            if wbytes > sb:
                continue
            for rb in _fits(ho, lambda r: ((r - 1) * s + kh) * kw * ci * WORD <= nbin):
                for wb in _fits(wo, lambda w: ((rb - 1) * s + kh) * ((w - 1) * s + kw) * ci * WORD <= nbin
                                and nbout_bytes(rb * w, to) <= nbout):
                    cost = tile_cost(cg, og, ho, wo, kh, kw, s, rb, wb, to, ci, rows, cols, bytes_per_cycle)
                    if best is None or cost < best[0]:
                        best = (cost, ConvTiling(rb, wb, to, ci))
    return None if best is None else best[1]


def divisors(n: int) -> list[int]:
    """Every divisor of ``n``, ascending."""
    small = [d for d in range(1, int(n ** 0.5) + 1) if n % d == 0]
    return sorted(set(small) | {n // d for d in small})


def nbout_bytes(pixels: int, to: int) -> int:
    """NBout a conv tile uses: i32 partial sums, i16 outputs, the ``ones`` vector and the bias."""
    return pixels * to * (PSUM + WORD) + pixels * WORD + to * WORD


def _fits(n: int, ok) -> list[int]:
    """Tile sizes to try along an axis of ``n``: powers of two and ``n`` itself, that ``ok`` accepts."""
    cands = sorted({min(n, 1 << k) for k in range(0, 12)} | {n})
    return [c for c in cands if ok(c)] or []
