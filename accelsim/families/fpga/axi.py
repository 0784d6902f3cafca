"""The design's AXI ports between the fabric and the board's DDR: a transfer moves at the slower of the two.

On a Zynq the programmable logic reaches the PS-side DDR through AXI slave ports (UG585,
Zynq-7000 TRM, ch. 5: four 64-bit AXI_HP ports, AXI3 bursts of up to 16 beats), clocked by
the fabric. A port moves ``width_bits / 8`` bytes per fabric cycle on its read channel and,
independently, on its write channel, so a design with ``count`` ports streams at most
``count * width_bits / 8`` bytes per cycle each way, whatever the DDR's peak. The DDR model
behind the ports (bandwidth channel or timing model) still decides when the data is there;
the port only stretches a transfer that the DDR could serve faster.

Bursts: a DMA transfer is a run of ``burst_beats``-beat bursts at consecutive addresses, so
the DDR sees one sequential stream (Qiu et al. rearrange FC weights in DDR so a layer's
weights are one long DMA); a per-burst handshake cost is not modelled (none is in the
references), so the burst length only bounds the run's pieces, it adds no cycles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class AxiPorts:
    """The design's ports to DDR: ``count`` ports of ``width_bits`` at the fabric clock, ``burst_beats`` per burst."""

    width_bits: int
    count: int
    burst_beats: int = 16
    source: str = ""

    @property
    def bytes_per_cycle(self) -> float:
        """Bytes per fabric cycle each way (read and write channels are separate)."""
        return self.count * self.width_bits / 8

    def bandwidth_bytes_per_s(self, clock_hz: float) -> float:
        """Bytes per second each way at fabric clock ``clock_hz``."""
        return self.bytes_per_cycle * clock_hz


class PortLimitedDram:
    """A run's DRAM model seen through :class:`AxiPorts`: same ``transfer`` contract, reads and writes each port-bound.

    ``transfer(now, ...)`` hands the bytes to the inner model and holds the port's read (or
    write) channel for ``ceil(n_bytes / bytes_per_cycle)`` cycles from when it is free; the
    transfer is issued and done no earlier than the port lets it. Everything else (stats,
    bandwidth series, energy) is the inner model's.

    The engine's compiled loop runs the same ports itself when the inner model is the DRAM
    timing model on its request path (:meth:`port_args`, :meth:`book_ports`;
    :func:`accelsim.kernels.event_loop.event_loop_dram`); this class stays the readable
    reference and serves every other inner model through the Python loop.
    ``tests/families/fpga/test_axi.py`` and ``tests/sim/test_event_loop.py`` hold the two equal.
    """

    def __init__(self, inner, ports: AxiPorts) -> None:
        self.inner = inner
        self.ports = ports
        self._free = {False: 0, True: 0}  # read channel, write channel
        self.port_bound_transfers = 0

    def transfer(self, now: int, addr: int, n_bytes: int, write: bool, tag: int = 0) -> tuple[int, int]:
        """Queue ``n_bytes`` at cycle ``now``: returns ``(issued, done)`` in fabric cycles."""
        issued, done = self.inner.transfer(now, addr, n_bytes, write, tag)
        if n_bytes <= 0:
            return issued, done
        start = max(now, self._free[write])
        port_end = start + math.ceil(n_bytes / self.ports.bytes_per_cycle - 1e-9)
        self._free[write] = port_end
        if port_end > issued:
            self.port_bound_transfers += 1
        return max(issued, port_end), max(done, port_end)

    def port_args(self) -> tuple:
        """``(inner model, bytes per cycle each way, channels free at [read, write] cycles)``: how the engine's
        compiled loop (:func:`accelsim.kernels.event_loop.event_loop_dram`) runs these ports in place of
        :meth:`transfer`."""
        return self.inner, float(self.ports.bytes_per_cycle), np.array([self._free[False], self._free[True]], np.int64)

    def book_ports(self, free, port_bound: int) -> None:
        """Take the channels' free cycles ``[read, write]`` and the port-bound transfers of a compiled run."""
        self._free = {False: int(free[0]), True: int(free[1])}
        self.port_bound_transfers += int(port_bound)

    def __getattr__(self, name):
        return getattr(self.inner, name)
