"""Action counts -> energy (pJ) per component, from the arch's overrides or the default table.

``arch`` is any spec with ``clock_hz``, ``dram`` (:class:`~accelsim.arch.spec.DramSpec`),
``energy`` (:class:`~accelsim.arch.spec.EnergySpec`) and, for MACs and leakage, ``array.mac_bits``
and ``buffers``: the shared blocks, whichever family's spec carries them.
"""

from __future__ import annotations

from typing import Any

from accelsim.arch.spec import BufferSpec
from accelsim.energy import table
from accelsim.energy.scaling import scale_from_table


def table_scale(arch: Any) -> float:
    """Factor on the 45 nm, 0.9 V table's on-chip energies at the arch's ``energy.node_nm`` and
    ``energy.vdd_v`` (1.0 there; Stillmaker & Baas 2017, :mod:`accelsim.energy.scaling`)."""
    return scale_from_table(arch.energy.node_nm, arch.energy.vdd_v)


def buffer_access_pj(buf: BufferSpec, write: bool, scale: float = 1.0) -> float:
    """Energy (pJ) of one access of ``buf.width_bits`` (the spec's figure if given, else the table
    times ``scale``, the arch's :func:`table_scale`)."""
    given = buf.write_pj if write else buf.read_pj
    if given is not None:
        return given
    return table.sram_pj(max(1, buf.capacity_bytes // buf.banks), buf.width_bits) * scale


def mac_energy_pj(arch: Any, weight_bits: int, act_bits: int, acc_bits: int) -> float:
    """Energy (pJ) of one useful MAC at these widths.

    An ``energy.mac_pj`` override is the native-width figure; wider operands scale it by the
    multiplier's quadratic growth (the table's rule). The table's figure is scaled to the arch's node.
    """
    if arch.energy.mac_pj is not None:
        nb = arch.array.mac_bits
        return arch.energy.mac_pj * max(1.0, weight_bits * act_bits / (nb * nb))
    return table.mac_pj(weight_bits, act_bits, acc_bits) * table_scale(arch)


def vector_op_energy_pj(arch: Any, acc_bits: int) -> float:
    """Energy (pJ) of one vector-unit element operation.

    Default (assumption): one 8x8 multiply (requantizing scale) plus one ``acc_bits`` add
    (bias, compare or pool), scaled to the arch's node; overridden by ``energy.vector_op_pj``.
    """
    if arch.energy.vector_op_pj is not None:
        return arch.energy.vector_op_pj
    return (table.mult_pj(8, 8) + table.add_pj(acc_bits)) * table_scale(arch)


def dram_energy_pj(arch: Any, n_bytes: int) -> float:
    """Energy (pJ) of moving ``n_bytes`` to or from DRAM."""
    return n_bytes * arch.dram.energy_pj_per_byte


def static_energy_pj(arch: Any, cycles: int) -> float:
    """Leakage/idle energy (pJ) over ``cycles`` at the arch's clock."""
    return arch.energy.static_power_w * cycles / arch.clock_hz * 1e12


def buffer_leakage_mw(buf: BufferSpec) -> float:
    """Static power (mW) of one buffer: its ``leakage_mw``, or the table's per-KiB figure when that is None."""
    return table.sram_leakage_mw(buf.capacity_bytes) if buf.leakage_mw is None else buf.leakage_mw


def leakage_energy_pj(arch: Any, cycles: int) -> float:
    """Buffers' leakage (pJ) over ``cycles``: each buffer's static power for the time they last.

    Horowitz's table gives access energies only, so no buffer leaks unless its spec says how
    much: a figure in mW (e.g. from CACTI for its size and node), or ``leakage_mw: table`` for
    the table's stated per-KiB assumption (:data:`accelsim.energy.table.SRAM_LEAKAGE_MW_PER_KIB`).
    Presets whose ``energy.static_power_w`` is a measured or assumed whole-chip idle power
    already include it and leave buffers at 0.
    """
    return sum(buffer_leakage_mw(b) for b in arch.buffers) * 1e-3 * cycles / arch.clock_hz * 1e12
