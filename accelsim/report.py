"""Renders a :class:`Result`: rich console tables, JSON and CSV. Computes nothing new.

JSON is :meth:`Result.to_dict`. CSV has one row per layer and a final ``TOTAL`` row with the
same columns, told apart by the first column, ``scope`` (``layer`` or ``total``), so a reader
filtering layers never sums the total in; buffer accesses and energy components become one column each
(``reads:<buffer>``, ``writes:<buffer>``, ``energy_pj:<component>``); a training step's rows add ``phase``.
Files are written atomically. A ``provenance`` mapping (accelsim's version, the command, the overrides and every
field of the resolved arch) makes a file say how to reproduce it: the JSON's first key, and
``# key: value`` lines heading the CSV (``pandas.read_csv(path, comment="#")`` skips them).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from accelsim.result import Result
from accelsim.trace import atomic_write_text
from accelsim.units import format_bytes, format_energy, format_seconds

_LAYER_COLS = ("name", "op", "start_cycle", "end_cycle", "cycles", "compute_cycles", "stall_cycles", "macs",
               "utilization", "dram_read_bytes", "dram_write_bytes")


def to_json(result: Result, provenance: dict | None = None) -> str:
    """The result as indented JSON text, ``provenance`` first when given."""
    doc = ({"provenance": provenance} if provenance else {}) | result.to_dict()
    return json.dumps(doc, indent=1, default=_plain)


def _plain(value):
    return float(value) if isinstance(value, (int, float)) or hasattr(value, "__float__") else str(value)


def to_csv(result: Result, provenance: dict | None = None) -> str:
    """The result as CSV text: ``# key: value`` provenance lines, one row per layer, then a ``TOTAL`` row."""
    bufs = list(result.buffer_reads)
    comps = list(result.energy_pj)
    phased = result.is_training  # a training step's rows say their phase; an inference CSV stays as it was
    cols = ["scope"] + list(_LAYER_COLS) + ["phase"] * phased + [f"reads:{b}" for b in bufs] + [f"writes:{b}" for b in bufs] + \
        [f"energy_pj:{c}" for c in comps] + ["total_energy_pj"]
    out = io.StringIO()
    for key, value in (provenance or {}).items():
        text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=_plain)
        out.write(f"# {key}: {text}\n")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(cols)
    for l in result.layers:
        row = ["layer"] + [getattr(l, c) for c in _LAYER_COLS] + [l.phase] * phased
        row += [l.buffer_reads.get(b, 0) for b in bufs] + [l.buffer_writes.get(b, 0) for b in bufs]
        row += [l.energy_pj.get(c, 0.0) for c in comps] + [l.total_energy_pj]
        w.writerow(row)
    s = result
    row = ["total", "TOTAL", "", 0, s.cycles, s.cycles, s.compute_cycles, s.stall_cycles, s.macs, s.utilization,
           s.dram_read_bytes, s.dram_write_bytes] + [""] * phased
    row += [s.buffer_reads.get(b, 0) for b in bufs] + [s.buffer_writes.get(b, 0) for b in bufs]
    row += [s.energy_pj.get(c, 0.0) for c in comps] + [s.total_energy_pj]
    w.writerow(row)
    return out.getvalue()


def write_json(result: Result, path: str | Path, provenance: dict | None = None) -> None:
    """Write :func:`to_json` to ``path`` atomically."""
    atomic_write_text(path, to_json(result, provenance) + "\n")


def write_csv(result: Result, path: str | Path, provenance: dict | None = None) -> None:
    """Write :func:`to_csv` to ``path`` atomically."""
    atomic_write_text(path, to_csv(result, provenance))


def summary_table(result: Result):
    """A rich Table of network totals."""
    from rich.table import Table
    r = result
    t = Table(title=f"{r.model} on {r.arch}, batch {r.batch}", show_header=False, title_justify="left")
    t.add_column("metric", style="bold")
    t.add_column("value", justify="right")
    t.add_row("total cycles", f"{r.cycles:,}")
    t.add_row("  compute / stall", f"{r.compute_cycles:,} / {r.stall_cycles:,}")
    t.add_row("latency", f"{format_seconds(r.latency_s)} at {r.clock_hz / 1e6:g} MHz")
    t.add_row("throughput", f"{r.inferences_per_s:,.1f} inferences/s, {r.gops:,.1f} GOP/s")
    t.add_row("array utilization", f"{100 * r.utilization:.1f} %  ({r.pe_count:,} PEs, {r.macs:,} MACs)")
    t.add_row("DRAM read / written", f"{format_bytes(r.dram_read_bytes)} / {format_bytes(r.dram_write_bytes)}")
    reads, writes = r.buffer_reads, r.buffer_writes
    for b in reads:
        t.add_row(f"{b} accesses (r / w)", f"{reads[b]:,} / {writes.get(b, 0):,}")
    total = r.total_energy_pj
    t.add_row("energy", format_energy(total))
    for comp, pj in r.energy_pj.items():
        t.add_row(f"  {comp}", f"{format_energy(pj)} ({100 * pj / total if total else 0:.1f} %)")
    if r.is_training:
        _phase_rows(t, r)
    return t


def _phase_rows(t, r: Result) -> None:
    """A training step's split: each phase's cycles, DRAM traffic and energy with its components."""
    for phase, p in r.phases().items():
        share = 100 * p["cycles"] / r.cycles if r.cycles else 0.0
        dram = p["dram_read_bytes"] + p["dram_write_bytes"]
        pj = p["total_energy_pj"]
        top = sorted(p["energy_pj"].items(), key=lambda kv: -kv[1])[:3]
        t.add_row(f"{phase} cycles, DRAM", f"{p['cycles']:,} ({share:.1f} %), {format_bytes(dram)}")
        t.add_row("  energy", f"{format_energy(pj)}: " + ", ".join(f"{c} {100 * v / pj if pj else 0:.0f} %"
                                                                      for c, v in top if v))


def layer_table(result: Result, width: int | None = None):
    """A rich Table with one row per layer; at ``width`` columns, numeric columns give way before a name is cut.

    Names are never truncated. Below about 110 columns the compute and stall split and the DRAM
    writes are left out and cycles are written compactly (``70.3k``); the summary keeps every total.
    """
    from rich.table import Table
    longest = max((len(l.name) for l in result.layers), default=5)
    narrow = width is not None and width < 110 + max(0, longest - 20)
    t = Table(title="per layer" + (" (widen the terminal for compute/stall and DRAM writes)" if narrow else ""),
              title_justify="left")
    t.add_column("layer", no_wrap=True, min_width=max(5, longest))
    t.add_column("op", no_wrap=True)
    phased = result.is_training
    if phased:
        t.add_column("phase", no_wrap=True)
    cols = [("cycles", lambda l: _count(l.cycles, narrow))]
    if not narrow:
        cols += [("compute", lambda l: f"{l.compute_cycles:,}"), ("stall", lambda l: f"{l.stall_cycles:,}")]
    cols += [("util %", lambda l: f"{100 * l.utilization:.1f}"), ("DRAM rd", lambda l: format_bytes(l.dram_read_bytes))]
    if not narrow:
        cols.append(("DRAM wr", lambda l: format_bytes(l.dram_write_bytes)))
    cols.append(("energy", lambda l: format_energy(l.total_energy_pj)))
    for name, _ in cols:
        t.add_column(name, justify="right", no_wrap=True)
    for l in result.layers:
        t.add_row(l.name, l.op, *((l.phase,) if phased else ()), *(fmt(l) for _, fmt in cols))
    return t


def _count(n: int, compact: bool) -> str:
    if not compact or n < 10_000:
        return f"{n:,}"
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f}{unit}"
    return str(n)


def notes(result: Result) -> str:
    """The compression applied, the effects the counts include and the approximations made, as text lines."""
    lines = []
    for c in result.compression:
        err = c["output_error"]
        worst = f", worst layer output error {max(err.values()):.3g}" if err else ""
        lines.append(f"compression {c['spec']}: params {c['params_before']:,} -> {c['params_after']:,}, "
                     f"MACs {c['macs_before']:,} -> {c['macs_after']:,} ({len(c['changed_layers'])} layer{'s' * (len(c['changed_layers']) != 1)})"
                     + worst + ("" if c["with_weights"] else "; no weights: shapes and bit widths only"))
    if result.training:
        lines.append(training_note(result.training))
    lines += ["includes: " + "; ".join(result.effects)] if result.effects else []
    lines += ["approximations: " + "; ".join(result.approximations)] if result.approximations else []
    return "\n".join(lines)


def training_note(rec: dict) -> str:
    """One line on a training step's memory: weights, the float32 master copy, gradients, optimizer state."""
    master = (f"float32 master copy {format_bytes(rec['master_copy_bytes'])} (the quantized weights cannot take "
              "small steps)" if rec["master_copy_bytes"] else "no master copy (float32 weights)")
    return (f"training step ({rec['optimizer']}): {rec['params']:,} parameters; weights "
            f"{format_bytes(rec['weight_bytes'])}, {master}, gradients {format_bytes(rec['gradient_bytes'])}, "
            f"optimizer state {format_bytes(rec['optimizer_state_bytes'])}; the update reads "
            f"{format_bytes(rec['update_read_bytes'])} and writes {format_bytes(rec['update_write_bytes'])} per step; "
            f"saved activations {format_bytes(rec['saved_activation_bytes'])} for the batch")
