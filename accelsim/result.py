"""The Result of a simulation: frozen per-layer figures that add up to the network's.

Every total is a sum over layers, so nothing is counted twice: a layer's ``cycles`` are the
cycles by which it moved the end of the run (layers may overlap; the sum over layers is the
run's makespan), its energy components add to its energy, and the components over all
layers add to the total.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field, replace

_PHASE_ORDER = {"forward": 0, "backward": 1, "update": 2}


@dataclass(frozen=True)
class LayerResult:
    """One layer (all batch samples): time in cycles, traffic in bytes/accesses, energy in pJ.

    ``compute_cycles`` is the time the layer takes with every operand already on chip
    (folds back to back, fill and drain included); ``stall_cycles`` the rest of ``cycles``
    (waiting for DRAM or buffers). ``buffer_reads``/``buffer_writes`` count accesses of each
    buffer's width; ``energy_pj`` maps a component (``mac``, ``vector``, each buffer,
    ``dram``, ``static``) to pJ. ``span_cycles`` is the layer's own duration, overlaps with its
    neighbours included (:mod:`accelsim.sim.layers`); ``cycles`` its share of the run.
    """

    name: str
    op: str
    start_cycle: int
    end_cycle: int
    cycles: int
    compute_cycles: int
    stall_cycles: int
    macs: int
    dram_read_bytes: int
    dram_write_bytes: int
    buffer_reads: dict[str, int] = field(default_factory=dict)
    buffer_writes: dict[str, int] = field(default_factory=dict)
    energy_pj: dict[str, float] = field(default_factory=dict)
    pe_count: int = 1
    stall_causes: dict[str, int] = field(default_factory=dict)  # stall cycles by what the compute unit waited for
    span_cycles: int = 0  # the layer's own duration, first op start to last op end (0 where not known)
    phase: str = "forward"  # forward | backward | update: the part of a training step the layer belongs to

    @property
    def utilization(self) -> float:
        """Useful MACs over MAC slots during the layer's cycles (0..1)."""
        return self.macs / (self.cycles * self.pe_count) if self.cycles else 0.0

    @property
    def total_energy_pj(self) -> float:
        """Sum of the layer's energy components (pJ)."""
        return sum(self.energy_pj.values())

    def bandwidth(self) -> dict[str, float]:
        """Average bandwidths: DRAM bytes per cycle over the layer's cycles, and each buffer's
        reads and writes (words of its width) per compute cycle, the denominator SCALE-Sim's
        BANDWIDTH_REPORT uses."""
        out = {"dram_bytes_per_cycle": (self.dram_read_bytes + self.dram_write_bytes) / self.cycles if self.cycles
               else 0.0}
        c = self.compute_cycles or 1
        for name, n in self.buffer_reads.items():
            out[f"{name}_reads_per_compute_cycle"] = n / c
        for name, n in self.buffer_writes.items():
            out[f"{name}_writes_per_compute_cycle"] = n / c
        return out


@dataclass(frozen=True)
class Result:
    """A whole run: arch and model names, batch, clock, the layers, and what the model includes.

    ``effects`` names what the cycle counts include (e.g. ``"pipeline fill/drain"``,
    ``"dram bandwidth"``); ``approximations`` what the model simplifies. Both are printed
    with every report.
    """

    arch: str
    model: str
    batch: int
    clock_hz: float
    pe_count: int
    layers: tuple[LayerResult, ...]
    effects: tuple[str, ...] = ()
    approximations: tuple[str, ...] = ()
    compression: tuple[dict, ...] = ()  # one plain-data record per compression pass applied
    dram: dict = field(default_factory=dict)  # the DRAM timing model's run statistics, when one ran
    training: dict = field(default_factory=dict)  # a training step's bytes (accelsim.workload.training.training_record)

    @property
    def cycles(self) -> int:
        """Total cycles of the run (the makespan)."""
        return sum(l.cycles for l in self.layers)

    @property
    def compute_cycles(self) -> int:
        """Sum of the layers' compute cycles."""
        return sum(l.compute_cycles for l in self.layers)

    @property
    def stall_cycles(self) -> int:
        """Sum of the layers' stall cycles."""
        return sum(l.stall_cycles for l in self.layers)

    @property
    def latency_s(self) -> float:
        """Wall-clock time of the run (seconds) at the arch's clock."""
        return self.cycles / self.clock_hz

    @property
    def macs(self) -> int:
        """Useful MACs executed (all samples)."""
        return sum(l.macs for l in self.layers)

    @property
    def inferences_per_s(self) -> float:
        """Samples per second: ``batch / latency``."""
        return self.batch / self.latency_s if self.cycles else 0.0

    @property
    def gops(self) -> float:
        """Achieved giga-operations per second, counting a MAC as 2 operations."""
        return 2 * self.macs / self.latency_s / 1e9 if self.cycles else 0.0

    @property
    def utilization(self) -> float:
        """Useful MACs over MAC slots over the whole run (0..1)."""
        return self.macs / (self.cycles * self.pe_count) if self.cycles else 0.0

    @property
    def dram_read_bytes(self) -> int:
        """Bytes read from DRAM."""
        return sum(l.dram_read_bytes for l in self.layers)

    @property
    def dram_write_bytes(self) -> int:
        """Bytes written to DRAM."""
        return sum(l.dram_write_bytes for l in self.layers)

    @property
    def buffer_reads(self) -> dict[str, int]:
        """Accesses read per buffer."""
        return dict(sum((Counter(l.buffer_reads) for l in self.layers), Counter()))

    @property
    def buffer_writes(self) -> dict[str, int]:
        """Accesses written per buffer."""
        return dict(sum((Counter(l.buffer_writes) for l in self.layers), Counter()))

    @property
    def energy_pj(self) -> dict[str, float]:
        """Energy per component over all layers (pJ), in the layers' component order."""
        out: dict[str, float] = {}
        for l in self.layers:
            for k, v in l.energy_pj.items():
                out[k] = out.get(k, 0.0) + v
        return out

    @property
    def total_energy_pj(self) -> float:
        """Total energy (pJ)."""
        return sum(self.energy_pj.values())

    def phases(self) -> dict[str, dict]:
        """Totals per phase of a training step (``forward``, ``backward``, ``update``, in that order), each with
        ``cycles``, ``macs``, ``dram_read_bytes``, ``dram_write_bytes``, ``energy_pj`` (per component) and
        ``total_energy_pj``; the phases sum to the run's totals. An inference run has only ``forward``."""
        out: dict[str, dict] = {}
        for l in sorted(self.layers, key=lambda l: _PHASE_ORDER.get(l.phase, len(_PHASE_ORDER))):
            p = out.setdefault(l.phase, {"cycles": 0, "macs": 0, "dram_read_bytes": 0, "dram_write_bytes": 0,
                                         "energy_pj": {}, "total_energy_pj": 0.0})
            p["cycles"] += l.cycles
            p["macs"] += l.macs
            p["dram_read_bytes"] += l.dram_read_bytes
            p["dram_write_bytes"] += l.dram_write_bytes
            for k, v in l.energy_pj.items():
                p["energy_pj"][k] = p["energy_pj"].get(k, 0.0) + v
            p["total_energy_pj"] += l.total_energy_pj
        return out

    @property
    def is_training(self) -> bool:
        """Does the run hold a training step (layers outside the forward phase)?"""
        return any(l.phase != "forward" for l in self.layers)

    def layer(self, name: str) -> LayerResult:
        """The result of layer ``name``."""
        for l in self.layers:
            if l.name == name:
                return l
        raise KeyError(name)

    def __add__(self, other: "Result") -> "Result":
        """Concatenate two runs on the same arch and clock (e.g. two networks back to back)."""
        if (self.arch, self.clock_hz, self.pe_count) != (other.arch, other.clock_hz, other.pe_count):
            raise ValueError("can only add results of the same arch")
        shift = self.cycles
        moved = tuple(replace(l, start_cycle=l.start_cycle + shift, end_cycle=l.end_cycle + shift)
                      for l in other.layers)
        return replace(self, model=f"{self.model}+{other.model}", layers=self.layers + moved,
                       effects=tuple(dict.fromkeys(self.effects + other.effects)),
                       approximations=tuple(dict.fromkeys(self.approximations + other.approximations)))

    def summary(self) -> dict:
        """Network totals as plain data (the ``total`` block of the JSON form)."""
        return {
            "cycles": self.cycles, "compute_cycles": self.compute_cycles, "stall_cycles": self.stall_cycles,
            "latency_s": self.latency_s, "inferences_per_s": self.inferences_per_s, "gops": self.gops,
            "macs": self.macs, "utilization": self.utilization,
            "dram_read_bytes": self.dram_read_bytes, "dram_write_bytes": self.dram_write_bytes,
            "buffer_reads": self.buffer_reads, "buffer_writes": self.buffer_writes,
            "energy_pj": self.energy_pj, "total_energy_pj": self.total_energy_pj,
        } | ({"phases": self.phases()} if self.is_training else {})

    def to_dataframe(self):
        """The layers as a pandas DataFrame, one row per layer, units in the column names (needs ``pandas``).

        Columns: ``name``, ``op``, ``phase``, ``cycles``, ``compute_cycles``, ``stall_cycles``, ``span_cycles``,
        ``macs``, ``utilization``, ``dram_read_bytes``, ``dram_write_bytes``, ``energy_pj``, one
        ``energy_pj:<component>`` per component and ``latency_s`` (cycles at the clock).
        """
        try:
            import pandas as pd
        except ImportError:
            from accelsim.errors import AccelsimError
            raise AccelsimError("needs pandas: pip install 'accelsim[pandas]'", field="to_dataframe") from None
        comps = list(self.energy_pj)
        return pd.DataFrame([{"name": l.name, "op": l.op, "phase": l.phase, "cycles": l.cycles, "compute_cycles": l.compute_cycles,
                              "stall_cycles": l.stall_cycles, "span_cycles": l.span_cycles, "macs": l.macs,
                              "utilization": l.utilization, "dram_read_bytes": l.dram_read_bytes,
                              "dram_write_bytes": l.dram_write_bytes, "energy_pj": l.total_energy_pj,
                              **{f"energy_pj:{c}": l.energy_pj.get(c, 0.0) for c in comps},
                              "latency_s": l.cycles / self.clock_hz} for l in self.layers])

    def to_dict(self) -> dict:
        """The whole result as JSON-ready plain data: header, totals and one entry per layer."""
        layers = []
        training = self.is_training
        for l in self.layers:
            d = asdict(l)
            d.pop("pe_count")
            if not training:  # an inference run's layers are all forward: its JSON stays as it was
                d.pop("phase")
            d["utilization"] = l.utilization
            d["total_energy_pj"] = l.total_energy_pj
            d["bandwidth"] = l.bandwidth()
            layers.append(d)
        return {"arch": self.arch, "model": self.model, "batch": self.batch, "clock_hz": self.clock_hz,
                "pe_count": self.pe_count, "compression": list(self.compression),
                "dram": {k: v for k, v in self.dram.items() if k != "row_hit_rate_by_layer"},
                **({"training": dict(self.training)} if self.training else {}),
                "effects": list(self.effects),
                "approximations": list(self.approximations), "total": self.summary(), "layers": layers}
