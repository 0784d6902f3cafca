"""The toy's spec: clock, MAC lanes, one buffer, DRAM (the shared ``dram:`` block)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accelsim import schema
from accelsim.arch.blocks import clock_hz as read_clock, convert, dram_block
from accelsim.arch.spec import DramSpec
from accelsim.errors import AccelsimError
from accelsim.units import parse_bytes


@dataclass(frozen=True)
class ToySpec:
    """A scalar MAC unit of ``lanes`` MACs a cycle beside one buffer of ``buffer_bytes``."""

    name: str
    family: str
    clock_hz: float
    lanes: int
    buffer_bytes: int
    mac_pj: float
    dram: DramSpec
    file: str = ""

    @property
    def peak_macs_per_s(self) -> float:
        return self.lanes * self.clock_hz


def toy_from_dict(raw: Any, file: str = "") -> ToySpec:
    """Validate a toy arch mapping (unknown keys are errors) and build the spec."""
    schema.check_keys(raw, "", ("name", "family", "clock", "mac", "buffer", "dram"), ("source",))
    clock_hz = read_clock(raw["clock"])
    m = schema.check_keys(raw["mac"], "mac", ("lanes",), ("energy_pj",))
    b = schema.check_keys(raw["buffer"], "buffer", ("capacity",))
    cap = convert(parse_bytes, b["capacity"], "buffer.capacity")
    if cap <= 0:
        raise AccelsimError(f"must be > 0, got {b['capacity']!r}", field="buffer.capacity")
    return ToySpec(name=str(raw["name"]), family="toy", clock_hz=clock_hz,
                   lanes=schema.pos_int(m["lanes"], "mac.lanes"), buffer_bytes=cap,
                   mac_pj=schema.number(m.get("energy_pj", 1.0), "mac.energy_pj", lo=0),
                   dram=dram_block(raw["dram"]), file=file)
