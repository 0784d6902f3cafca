"""The host link: the network input arrives from host memory over its own channel (TPU v1: PCIe).

TPU v1 is a coprocessor on the PCIe bus; its Read_Host_Memory instruction DMAs the input from the
host's memory into the Unified Buffer (Jouppi et al., ISCA 2017, section 2), over a channel separate
from the Weight Memory's DDR3. Table 3 counts the matrix unit's wait for it as input stalls.

The lowering places the network input at :data:`HOST_ADDR` and above (as a PCIe window sits in
an address space of its own); :class:`HostRoutedDram` sends transfers there to a bandwidth
channel of the link's rate and everything else to the run's DRAM model, so the two do not contend.
"""

from __future__ import annotations

from accelsim.sim.dram import BandwidthChannel, SimpleDram

#: first byte address of host memory in a systolic trace; the weight DRAM's addresses stay below it
HOST_ADDR = 1 << 48


class HostRoutedDram:
    """A run's memory side with a host link: host-window transfers on their own channel, the rest on ``dram``."""

    def __init__(self, dram, bandwidth_bytes_per_s: float, clock_hz: float) -> None:
        self.dram = dram
        # latency 0: the link's round trip is small next to a transfer of a batch of inputs (assumed)
        self.link = BandwidthChannel(SimpleDram(bandwidth_bytes_per_s / clock_hz, 0))

    def route(self):
        """``(dram, link, first host address)``: how the compiled event loop splits this memory side."""
        return self.dram, self.link, HOST_ADDR

    def transfer(self, now: int, addr: int, n_bytes: int, write: bool, tag: int = 0) -> tuple[int, int]:
        """Queue a transfer at cycle ``now`` on the link (``addr >= HOST_ADDR``) or the DRAM; ``(issued, done)``."""
        if addr >= HOST_ADDR:
            return self.link.transfer(now, addr, n_bytes, write, tag)
        return self.dram.transfer(now, addr, n_bytes, write, tag)
