"""Technology scaling of energy per operation: the 45 nm table moved to a chip's node and supply.

Stillmaker and Baas, "Scaling equations for the accurate prediction of CMOS device performance
from 180 nm to 7 nm", Integration, the VLSI Journal 58 (2017) 74-81, fit the energy of a circuit
per operation at node ``n`` and supply ``V`` as ``a_n V^2 + b_n V + c_n`` (from HSpice runs on PTM
and ITRS models; relative units, so only ratios mean anything). Scaling an energy from node x at
``V_x`` to node y at ``V_y`` multiplies it by ``f_y(V_y) / f_x(V_x)``.

The coefficients used here and where they were read:

=======  ======================  ==========================================================
node     (a, b, c)               confirmed from
=======  ======================  ==========================================================
65 nm    3.755, -4.398, 1.975    the authors' erratum (vcl.ece.ucdavis.edu, the paper's
                                 page: its corrected example uses 65 nm) and two public code
                                 copies of the paper's table (nodeScale, UCLA; a hardware
                                 component library) that agree
HP 45    1.018, -0.3107, 0.1539  one public code copy (nodeScale); the other copy tabulates
                                 LP 45 only
HP 32    0.8367, -0.4341, 0.1701 the authors' erratum (its corrected example) and nodeScale
HP 20    0.373, -0.1582, 0.04104 both code copies
=======  ======================  ==========================================================

The paper has no 28 nm point. **Assumption**: a node between two tabulated ones takes the
linear interpolation (in nm) of the two polynomials' values, as one of the code copies does.
Horowitz's 45 nm table (:mod:`accelsim.energy.table`) is at 0.9 V and a general-purpose
process, so its reference point is HP 45 at 0.9 V. Off-chip DRAM energy is a property of the
DRAM devices, not of the accelerator's node, and is not scaled.
"""

from __future__ import annotations

from accelsim.errors import AccelsimError

#: (a, b, c) of a V^2 + b V + c per node (nm), Stillmaker & Baas 2017 (see the module docstring)
ENERGY_COEFFS = {65.0: (3.755, -4.398, 1.975), 45.0: (1.018, -0.3107, 0.1539),
                 32.0: (0.8367, -0.4341, 0.1701), 20.0: (0.373, -0.1582, 0.04104)}
#: Horowitz, ISSCC 2014: the default table's node (nm) and supply (V)
TABLE_NODE_NM, TABLE_VDD_V = 45.0, 0.9
#: supplies the fits were made over (V); outside, the polynomials are extrapolations
VDD_RANGE_V = (0.5, 1.4)


def energy_factor(node_nm: float, vdd_v: float) -> float:
    """Stillmaker & Baas's relative energy per operation at ``node_nm`` and ``vdd_v`` (unitless)."""
    lo_nm, hi_nm = min(ENERGY_COEFFS), max(ENERGY_COEFFS)
    if not lo_nm <= node_nm <= hi_nm:
        raise AccelsimError(f"must be within {lo_nm:g}-{hi_nm:g} nm (the scaling table's nodes), got {node_nm:g}",
                            field="energy.node")
    if not VDD_RANGE_V[0] <= vdd_v <= VDD_RANGE_V[1]:
        raise AccelsimError(f"must be within {VDD_RANGE_V[0]:g}-{VDD_RANGE_V[1]:g} V, got {vdd_v:g}",
                            field="energy.vdd")

    def f(node: float) -> float:
        a, b, c = ENERGY_COEFFS[node]
        return a * vdd_v * vdd_v + b * vdd_v + c
    if node_nm in ENERGY_COEFFS:
        return f(node_nm)
    below = max(n for n in ENERGY_COEFFS if n < node_nm)
    above = min(n for n in ENERGY_COEFFS if n > node_nm)
    t = (node_nm - below) / (above - below)
    return f(below) + t * (f(above) - f(below))


def scale_from_table(node_nm: float, vdd_v: float) -> float:
    """Factor that moves an energy of the default 45 nm, 0.9 V table to ``node_nm`` at ``vdd_v`` (1.0 there)."""
    if node_nm == TABLE_NODE_NM and vdd_v == TABLE_VDD_V:
        return 1.0
    a, b, c = ENERGY_COEFFS[TABLE_NODE_NM]
    return energy_factor(node_nm, vdd_v) / (a * TABLE_VDD_V ** 2 + b * TABLE_VDD_V + c)
