"""Per-action energy at 45 nm, 0.9 V: Horowitz, "Computing's Energy Problem", ISSCC 2014.

The published points (pJ) and how accelsim extends them between and beyond the points:

=====================  ========  ==================================================================
action                 points    rule between points
=====================  ========  ==================================================================
integer multiply       8b 0.2,   quadratic in operand bits: ``0.2 * (w_bits * a_bits) / 64``
                       32b 3.1   (gives 3.2 at 32b, 3% off the published 3.1)
integer add            8b 0.03,  linear in bits through both points
                       32b 0.1
SRAM read, 64-bit      8KB 10,   log-log linear in capacity through the points, extended past
                       32KB 20,  the ends with the end slopes; scaled linearly with access
                       1MB 100   width (``width_bits / 64``). Writes cost the same as reads
                                 (assumption: the source gives reads only).
DRAM                   1.3-2.6   1.3 nJ per 64 bits = 162.5 pJ per byte (the low end; a preset
                       nJ/64b    may override it)
SRAM leakage           none      **assumption** (Horowitz gives dynamic energy only): 1 nA per bit
                                 cell at 0.9 V, i.e. 8192 x 1 nA x 0.9 V = 7.37 uW per KiB, linear in
                                 capacity, periphery ignored. An order of magnitude for a 45 nm
                                 high-density 6T array at room temperature; high-performance cells
                                 leak 10-100x more, low-standby-power cells far less. Used only
                                 where a buffer says ``leakage_mw: table``.
=====================  ========  ==================================================================

Worked example of the SRAM rule: a 16 KiB bank lies halfway (in log capacity) between the
8 KB and 32 KB points, so a 64-bit read costs ``sqrt(10 * 20) = 14.1`` pJ, and a 256-bit read
of the same bank four times that.

A binary MAC (1-bit operands) is an XNOR plus a popcount share; the quadratic rule gives
0.2/64 pJ for its multiply, which is the right order for a 1-gate XNOR. All figures are
45 nm, 0.9 V; a systolic preset at another node gives ``energy.node`` (and ``energy.vdd``) and its
on-chip figures are scaled there by :mod:`accelsim.energy.scaling` (Stillmaker & Baas 2017).
"""

from __future__ import annotations

import math

_MULT_8B_PJ = 0.2
_ADD_8B_PJ, _ADD_32B_PJ = 0.03, 0.1
_SRAM_POINTS = ((8 * 1024, 10.0), (32 * 1024, 20.0), (1024 * 1024, 100.0))  # (bytes, pJ per 64-bit read)
DRAM_PJ_PER_BYTE = 1300.0 / 8
#: assumed bit-cell leakage (A) and supply (V): see the table above
_SRAM_LEAK_A_PER_BIT, _VDD_V = 1e-9, 0.9
SRAM_LEAKAGE_MW_PER_KIB = 8192 * _SRAM_LEAK_A_PER_BIT * _VDD_V * 1e3


def mult_pj(weight_bits: int, act_bits: int) -> float:
    """Energy (pJ) of one integer multiply of ``weight_bits`` x ``act_bits`` operands."""
    return _MULT_8B_PJ * weight_bits * act_bits / 64


def add_pj(bits: int) -> float:
    """Energy (pJ) of one integer add at ``bits`` wide."""
    return _ADD_8B_PJ + (bits - 8) * (_ADD_32B_PJ - _ADD_8B_PJ) / 24


def mac_pj(weight_bits: int, act_bits: int, acc_bits: int) -> float:
    """Energy (pJ) of one MAC: a multiply plus an accumulate at ``acc_bits``."""
    return mult_pj(weight_bits, act_bits) + add_pj(acc_bits)


def sram_pj(capacity_bytes: int, width_bits: int) -> float:
    """Energy (pJ) of one access of ``width_bits`` to an SRAM (bank) of ``capacity_bytes``."""
    if capacity_bytes <= 0 or width_bits <= 0:
        raise ValueError("capacity and width must be positive")
    xs = [math.log(c) for c, _ in _SRAM_POINTS]
    ys = [math.log(e) for _, e in _SRAM_POINTS]
    x = math.log(capacity_bytes)
    seg = 0 if x < xs[1] else 1
    slope = (ys[seg + 1] - ys[seg]) / (xs[seg + 1] - xs[seg])
    per64 = math.exp(ys[seg] + slope * (x - xs[seg]))
    return per64 * width_bits / 64


def sram_leakage_mw(capacity_bytes: int) -> float:
    """Static power (mW) of an SRAM of ``capacity_bytes``: the assumed per-KiB figure, linear in capacity."""
    if capacity_bytes <= 0:
        raise ValueError("capacity must be positive")
    return SRAM_LEAKAGE_MW_PER_KIB * capacity_bytes / 1024
