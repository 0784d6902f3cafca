"""Shared pieces of the DianNao/Cambricon code generators: the emitter, register roles, loops.

Register roles are fixed per layer (``r0`` reads 0); every generator starts from scratch, so
no register carries a value from one layer to the next.
"""

from __future__ import annotations

from accelsim.families.cambricon.isa import SCRATCHPADS
from accelsim.families.cambricon.layout import ALIGN, WORD, TensorAlloc

NBIN, SB, NBOUT = SCRATCHPADS["nbin"], SCRATCHPADS["sb"], SCRATCHPADS["nbout"]
ACTS = {None: "none", "none": "none", "relu": "relu", "sigmoid": "sigmoid", "tanh": "tanh", "relu6": "relu6",
        "leaky_relu": "leaky"}


class Emitter:
    """Collects assembly lines; hands out unique labels."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.n = 0

    def __call__(self, line: str) -> None:
        self.lines.append("    " + line)

    def label(self, stem: str) -> str:
        self.n += 1
        return f"{stem}_{self.n}"

    def place(self, label: str) -> None:
        self.lines.append(f"{label}:")

    def comment(self, text: str) -> None:
        self.lines.append(f"    ; {text}")

    def li(self, reg: int, value: int) -> None:
        value &= 0xFFFF_FFFF   # registers wrap at 32 bits; NBin/SB half toggles rely on it
        self(f"SLI r{reg}, {value:#x}" if value >= 4096 else f"SLI r{reg}, {value}")


class Alloc:
    def __init__(self) -> None:
        self.top = 0

    def take(self, n_bytes: int) -> int:
        addr = self.top
        self.top += -(-n_bytes // ALIGN) * ALIGN
        return addr


# registers (r0 reads 0)
R_IN, R_NB, R_W, R_PSUM, R_OUT = 1, 2, 3, 4, 5
R_D, R_M, R_V, R_OUTN, R_INN, R_SEG, R_SSTR = 6, 7, 8, 9, 10, 11, 12
R_TY, R_TX, R_OY0, R_OX0, R_TI, R_NBSUM = 13, 14, 24, 25, 26, 27
T1, T2, T3, T4, T5 = 17, 18, 19, 23, 28
R_ROWS, R_RB, R_STR, R_N, R_ONE, R_ONES, R_BIAS = 20, 21, 22, 29, 30, 31, 32
R_BYTES = 33
R_G, R_CO, R_CI, R_WADDR, R_BADDR, R_INB, R_OUTB, R_INB_G, R_OUTB_G, R_SBSUM = range(41, 51)
R_CY, R_CX, R_CNB, R_MORE = range(51, 55)
R_Z = 55                                   # stored (compressed) bytes of a weight block: VLOADZ
R_INS = (1, 34, 35, 36, 37, 38, 39, 40)   # element-wise inputs


def loop_open(e: Emitter, counter: int) -> str:
    e(f"SLI r{counter}, 0")
    top = e.label("loop")
    e.place(top)
    return top


def loop_close(e: Emitter, top: str, counter: int, count: int) -> None:
    e(f"SADDI r{counter}, r{counter}, 1")
    e.li(T1, count)
    e(f"SLT r{T3}, r{counter}, r{T1}")
    e(f"CB r{T3}, {top}")


def clamped_origin(e: Emitter, counter: int, dst: int, step: int, limit: int) -> None:
    """dst = min(counter * step, limit)."""
    done = e.label("ok")
    e.li(T1, step)
    e(f"SMUL r{dst}, r{counter}, r{T1}")
    e.li(T2, limit)
    e(f"SLT r{T3}, r{T2}, r{dst}")
    e(f"CB r{T3}, {done}_clamp")
    e(f"JUMP {done}")
    e.place(f"{done}_clamp")
    e(f"SADDI r{dst}, r{T2}, 0")
    e.place(done)


def prefetched_tiles(e: Emitter, n_ty: int, n_tx: int, rb: int, wb: int, ho: int, wo: int, load, body) -> None:
    """A software-pipelined loop over ``n_ty x n_tx`` spatial tiles: tile i+1's input loads while tile i computes.

    ``load()`` emits the loads of the tile at (R_OY0, R_OX0) into NBin at R_NB; ``body()`` the
    work on the current tile, whose origin is (R_CY, R_CX) and whose input is at R_CNB. The
    two NBin halves alternate, so the prefetch never overwrites what the multiplies read.
    """
    e(f"SLI r{R_TY}, 0")
    e(f"SLI r{R_TX}, 0")
    e(f"SLI r{R_TI}, 0")
    e.li(R_NB, NBIN)
    clamped_origin(e, R_TY, R_OY0, rb, ho - rb)
    clamped_origin(e, R_TX, R_OX0, wb, wo - wb)
    load()
    top, adv, pf, skip = e.label("tile"), e.label("adv"), e.label("prefetch"), e.label("go")
    e.place(top)
    e(f"SADDI r{R_CY}, r{R_OY0}, 0")
    e(f"SADDI r{R_CX}, r{R_OX0}, 0")
    e(f"SADDI r{R_CNB}, r{R_NB}, 0")
    e(f"SADDI r{R_TX}, r{R_TX}, 1")
    e.li(T1, n_tx)
    e(f"SLT r{T3}, r{R_TX}, r{T1}")
    e(f"CB r{T3}, {adv}")
    e(f"SLI r{R_TX}, 0")
    e(f"SADDI r{R_TY}, r{R_TY}, 1")
    e.place(adv)
    e.li(T1, n_ty)
    e(f"SLT r{R_MORE}, r{R_TY}, r{T1}")
    e(f"CB r{R_MORE}, {pf}")
    e(f"JUMP {skip}")
    e.place(pf)
    clamped_origin(e, R_TY, R_OY0, rb, ho - rb)
    clamped_origin(e, R_TX, R_OX0, wb, wo - wb)
    e(f"SSUB r{R_NB}, r{R_NBSUM}, r{R_NB}")        # the other NBin half
    load()
    e.place(skip)
    body()
    e(f"SADDI r{R_TI}, r{R_TI}, 1")
    e(f"CB r{R_MORE}, {top}")


def addr(e: Emitter, dst: int, base_reg: int, y_step: int, x_step: int, y_reg: int = R_OY0,
         x_reg: int = R_OX0) -> None:
    """dst = r[base_reg] + r[y_reg] * y_step + r[x_reg] * x_step."""
    e.li(T1, y_step)
    e(f"SMUL r{T1}, r{y_reg}, r{T1}")
    e.li(T2, x_step)
    e(f"SMUL r{T2}, r{x_reg}, r{T2}")
    e(f"SADD r{T1}, r{T1}, r{T2}")
    e(f"SADD r{dst}, r{base_reg}, r{T1}")


def load_tile(e: Emitter, view: TensorAlloc, rows_in: int, cols_in: int, ch: int, whole: bool) -> None:
    """MLOAD the input tile at DRAM R_IN into NBin at R_NB, packed HWC (``ch`` channels a pixel)."""
    if whole:  # a tile row of pixels is contiguous in DRAM
        e.li(R_ROWS, rows_in)
        e.li(R_RB, cols_in * ch * WORD)
        e.li(R_STR, view.row_bytes)
        e(f"MLOAD r{R_NB}, r{R_IN}, r{R_ROWS}, r{R_RB}, r{R_STR}")
        return
    e.li(R_ROWS, cols_in)
    e.li(R_RB, ch * WORD)
    e.li(R_STR, view.c * WORD)
    for r in range(rows_in):
        e(f"SADDI r{T4}, r{R_NB}, {r * cols_in * ch * WORD}")
        e(f"SADDI r{T5}, r{R_IN}, {r * view.row_bytes}")
        e(f"MLOAD r{T4}, r{T5}, r{R_ROWS}, r{R_RB}, r{R_STR}")


def store_tile(e: Emitter, tout: TensorAlloc, rb: int, wb: int, wo: int, ch: int, src: int) -> None:
    """MSTORE an ``rb x wb x ch`` i16 tile from NBout ``src`` to DRAM R_OUT (rows of the bordered tensor)."""
    e.li(T5, src)
    if ch == tout.c and wb == wo:
        e.li(R_ROWS, rb)
        e.li(R_RB, wb * ch * WORD)
        e.li(R_STR, tout.row_bytes)
        e(f"MSTORE r{R_OUT}, r{T5}, r{R_ROWS}, r{R_RB}, r{R_STR}")
        return
    e.li(R_ROWS, wb)
    e.li(R_RB, ch * WORD)
    e.li(R_STR, tout.c * WORD)
    for r in range(rb):
        e(f"SADDI r{T4}, r{R_OUT}, {r * tout.row_bytes}")
        e(f"SADDI r{T1}, r{T5}, {r * wb * ch * WORD}")
        e(f"MSTORE r{T4}, r{T1}, r{R_ROWS}, r{R_RB}, r{R_STR}")


