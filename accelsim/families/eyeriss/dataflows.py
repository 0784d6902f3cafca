"""WS, OS, NLR and RS on one spatial array: energy per MAC by level (after Chen et al., ISCA 2016, section VI).

The paper compares dataflows on one architecture with equal storage area: 256 PEs and, per
dataflow, a different split of that area between per-PE register files (RF) and the global
buffer (GLB); energy counts accesses at four levels with normalised costs per 16-bit access
(ALU 1, RF 1, array/NoC 2, GLB 6, DRAM 200). This module is accelsim's own analytical model of
that experiment, a small loop-nest model in the manner of Timeloop.

A mapping splits each loop bound (N, M, C, P, Q, R, S) into RF, spatial (across PEs), GLB and
DRAM factors. The dataflow fixes which operands the RF keeps, which loops may be spatial and
which iterate inside the RF:

* **WS**: the RF keeps weights; spatial over output and input channels; the RF loops run over
  outputs (N, P, Q) while a weight stays. Inputs and partial sums reach every MAC over the array.
* **OS** (the paper's OS-A): the RF keeps partial sums; spatial over output rows and columns; the
  RF loops reduce over (C, R, S). Inputs and weights reach every MAC over the array.
* **NLR**: no RF (its area goes to the GLB); spatial over output and input channels; every
  operand of every MAC comes over the array.
* **RS**: the RF keeps a filter row, a sliding window of one input row and the partial sums of
  its filters; spatial over filter rows and output rows (a logical PE set), replicated over
  channels; inside the RF a 1-D convolution streams along Q.

Counting: an operand's tile at a level is reloaded whenever a loop outside the level that the
operand depends on advances (loops it ignores, just outside, reuse it). A word the GLB sends to
PEs that need the same word is one GLB read and one array transfer per PE; partial sums of PEs
that differ only in reduction loops add up across the array, one GLB write per sum. An operand
the RF does not keep costs one array transfer per MAC (partial sums two: in and out). Partial
sums cost a read and a write wherever they move. The search tries RF, spatial and GLB splits
over divisors and keeps the lowest energy per MAC.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from accelsim.errors import AccelsimError

DIMS = ("N", "M", "C", "P", "Q", "R", "S")
COST = {"alu": 1.0, "rf": 1.0, "array": 2.0, "glb": 6.0, "dram": 200.0}   # ISCA 2016 Table IV, normalised
REL = {"W": {"M", "C", "R", "S"}, "I": {"N", "C", "P", "Q", "R", "S"}, "O": {"N", "M", "P", "Q"}}
PES = 256
LEVELS = ("alu", "rf", "array", "glb", "dram")


@dataclass(frozen=True)
class Dataflow:
    """Operands the RF keeps, spatial loops, loops iterated inside the RF, RF and GLB sizes in words."""

    name: str
    rf_keeps: frozenset
    spatial: tuple[str, ...]
    rf_loops: tuple[str, ...]
    rf_words: int
    glb_words: int
    streaming: tuple[str, ...] = ()   # RF loops an operand streams through instead of holding (RS: Q)


#: equal area: RS, WS and OS keep 512 B of RF per PE and a 128 kB GLB; NLR has no RF and its bytes go to
#: the GLB (an assumption: the paper converts by area, and an RF byte takes more area than a GLB byte)
DATAFLOWS = {
    "WS": Dataflow("WS", frozenset({"W"}), ("M", "C"), ("N", "P", "Q"), 256, 64 * 1024),
    "OS": Dataflow("OS", frozenset({"O"}), ("P", "Q"), ("C", "R", "S"), 256, 64 * 1024),
    "NLR": Dataflow("NLR", frozenset(), ("M", "C"), (), 0, 64 * 1024 + PES * 256),
    "RS": Dataflow("RS", frozenset({"W", "I", "O"}), ("R", "P", "C", "M"), ("S", "Q", "N", "M", "C"), 256,
                   64 * 1024, streaming=("Q",)),
}


@dataclass(frozen=True)
class LevelEnergy:
    """Energy per MAC by level (normalised units) and the mapping that gives it."""

    dataflow: str
    alu: float
    rf: float
    array: float
    glb: float
    dram: float
    mapping: tuple

    @property
    def total(self) -> float:
        """Energy per MAC over all levels."""
        return self.alu + self.rf + self.array + self.glb + self.dram


def _divisors(n: int) -> list[int]:
    return [d for d in range(1, n + 1) if n % d == 0]


def _tile(t: str, f: dict[str, int], U: int) -> int:
    """Words of operand ``t`` covering loop extents ``f``."""
    if t == "W":
        return f["M"] * f["C"] * f["R"] * f["S"]
    if t == "O":
        return f["N"] * f["M"] * f["P"] * f["Q"]
    return f["N"] * f["C"] * ((f["P"] - 1) * U + f["R"]) * ((f["Q"] - 1) * U + f["S"])


def _relevant(t: str, d: str) -> bool:
    return d in REL[t]


def _refills(t: str, outer: list[tuple[str, int]]) -> int:
    """Loads of a tile: loops outside it, innermost first; irrelevant ones before the first relevant reuse it."""
    n, seen = 1, False
    for d, k in outer:
        seen = seen or _relevant(t, d)
        if seen:
            n *= k
    return n


def evaluate(layer: dict[str, int], U: int, df: Dataflow, rf: dict, sp: dict, glb: dict, dram: dict,
             order: tuple[str, ...]) -> LevelEnergy | None:
    """Energy per MAC of one mapping, or None if a tile overflows its RF or GLB."""
    macs = math.prod(layer.values())
    hold = {d: (S if d not in df.streaming else 1) for d, S in rf.items()}   # what the RF holds at once
    arr = {d: rf[d] * sp[d] for d in DIMS}
    glb_tile = {d: arr[d] * glb[d] for d in DIMS}
    if sum(_tile(t, hold, U) for t in df.rf_keeps) > df.rf_words:
        return None
    if sum(_tile(t, glb_tile, U) for t in "WIO") > df.glb_words:
        return None
    e = dict.fromkeys(LEVELS, 0.0)
    e["alu"] = macs * COST["alu"]
    glb_loops = [(d, glb[d]) for d in order if glb[d] > 1]
    dram_loops = [(d, dram[d]) for d in order if dram[d] > 1]
    n_pes = math.prod(sp.values())
    for t in "WIO":
        rw = 2 if t == "O" else 1
        fills = _refills(t, dram_loops) * _tile(t, glb_tile, U)              # DRAM <-> GLB
        e["dram"] += fills * rw * COST["dram"]
        e["glb"] += fills * rw * COST["glb"]
        # PEs that differ only in spatial loops the operand ignores share (multicast) or reduce it
        sharing = math.prod(sp[d] for d in DIMS if not _relevant(t, d))
        if t in df.rf_keeps:
            pe_fills = _refills(t, glb_loops + dram_loops) * _tile(t, rf, U) * n_pes
            e["array"] += pe_fills * rw * COST["array"]
            e["glb"] += pe_fills / sharing * rw * COST["glb"]
            e["rf"] += (macs * rw + pe_fills * rw) * COST["rf"]
        else:
            e["array"] += macs * rw * COST["array"]
            e["glb"] += macs * rw / sharing * COST["glb"]
    return LevelEnergy(df.name, *(e[k] / macs for k in LEVELS),
                       mapping=(tuple(rf.items()), tuple(sp.items()), tuple(glb.items()), tuple(dram.items()), order))


def best_mapping(layer: dict[str, int], U: int, df: Dataflow) -> LevelEnergy:
    """The lowest-energy mapping of ``layer`` (loop bounds N, M, C, P, Q, R, S, stride U) under ``df``."""
    best = None
    rf_choices = [[k for k in _divisors(layer[d]) if k <= 16] if d in df.rf_loops else [1] for d in DIMS]
    if df.name == "RS":   # a PE convolves a whole filter row along a whole output row
        rf_choices[DIMS.index("S")] = [layer["S"]]
        rf_choices[DIMS.index("Q")] = [layer["Q"]]
    orders = (("C", "M", "N", "P", "Q", "R", "S"), ("N", "P", "Q", "C", "M", "R", "S"))
    for rf_f in itertools.product(*rf_choices):
        rf = dict(zip(DIMS, rf_f))
        sp_choices = [_divisors(layer[d] // rf[d]) if d in df.spatial else [1] for d in DIMS]
        for sp_f in itertools.product(*sp_choices):
            if math.prod(sp_f) > PES:
                continue
            sp = dict(zip(DIMS, sp_f))
            rem = {d: layer[d] // (rf[d] * sp[d]) for d in DIMS}
            for g_n, g_m in itertools.product(sorted({1, rem["N"]}), sorted({1, rem["M"]})):
                glb = dict.fromkeys(DIMS, 1)
                glb.update(N=g_n, M=g_m, P=rem["P"], Q=rem["Q"], R=rem["R"], S=rem["S"])
                dram = {d: rem[d] // glb[d] for d in DIMS}
                for order in orders:
                    r = evaluate(layer, U, df, rf, sp, glb, dram, order)
                    if r is not None and (best is None or r.total < best.total):
                        best = r
    if best is None:
        raise AccelsimError(f"no legal {df.name} mapping on the {PES}-PE comparison setup")
    return best


def compare(layers: list[tuple[str, dict[str, int], int]]) -> dict[str, dict[str, LevelEnergy]]:
    """``{dataflow: {layer: LevelEnergy}}`` for conv layers given as ``(name, loop bounds, stride)``."""
    out: dict[str, dict[str, LevelEnergy]] = {}
    for name, df in DATAFLOWS.items():
        out[name] = {}
        for ln, b, U in layers:
            try:
                out[name][ln] = best_mapping(b, U, df)
            except AccelsimError as e:
                raise AccelsimError(f"layer {ln}: {e.message}; the comparison covers networks whose layers every "
                                    "dataflow can map (alexnet, lenet5)", field="--model") from None
    return out


def conv_layers(net, batch: int) -> list[tuple[str, dict[str, int], int]]:
    """A network's conv layers as loop bounds for one group (grouped layers: per group), at ``batch``."""
    out = []
    for l in net.layers:
        if l.op != "conv2d":
            continue
        c, m = l.in_shapes[0][0] // l.groups, l.out_shape[0] // l.groups
        out.append((l.name, dict(N=batch, M=m, C=c, P=l.out_shape[1], Q=l.out_shape[2], R=l.kernel[0],
                                 S=l.kernel[1]), l.stride[0]))
    return out


def weighted(per_df: dict[str, dict[str, LevelEnergy]], layers) -> dict[str, dict[str, tuple[LevelEnergy, int]]]:
    """Attach each layer's MACs (the weight for network-level averages) to :func:`compare`'s output."""
    macs = {name: math.prod(b.values()) for name, b, _ in layers}
    return {df: {ln: (e, macs[ln]) for ln, e in d.items()} for df, d in per_df.items()}


def ratios(per_df: dict[str, dict[str, tuple[LevelEnergy, int]]], base: str = "RS") -> dict[str, float]:
    """Each dataflow's total energy over ``base``'s, MAC-weighted over the layers."""
    tot = {df: sum(e.total * w for e, w in d.values()) for df, d in per_df.items()}
    return {df: v / tot[base] for df, v in tot.items()}


def figure(model: str = "alexnet", batch: int = 16):
    """Energy per level of RS, WS, OS and NLR on ``model``'s CONV layers at ``batch`` (a Figure)."""
    from accelsim import plot
    from accelsim.workload import load_model
    layers = conv_layers(load_model(model), batch)
    return plot.dataflow_energy(weighted(compare(layers), layers), f"{model} CONV layers")
