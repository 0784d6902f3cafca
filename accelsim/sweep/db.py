"""The sweep result store: SQLite in WAL mode, one row per design point and model, committed at once.

A killed sweep loses at most the points in flight; started again it skips every id already
stored. Columns: ``id``, ``model``, ``arch``, ``batch``, ``config`` (JSON of the overrides),
``status`` (``ok``/``error``), ``error``, the headline metrics as columns (``cycles``,
``latency_s``, ``energy_pj``, ``utilization``, ``dram_bytes``) and every total as JSON
(``metrics``), ``wall_s`` (seconds the point took), and what reproduces it: ``version`` (accelsim's)
and ``arch_resolved`` (every field of the arch after the overrides). A point's id covers all of
its inputs (:attr:`accelsim.sweep.grid.Point.id`); a row computed from inputs that have since
changed (an edited arch file) is replaced by the new one, so a design point has one row.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

COLUMNS = ("id", "model", "arch", "batch", "config", "status", "error", "cycles", "latency_s", "energy_pj",
           "utilization", "dram_bytes", "metrics", "wall_s", "version", "arch_resolved")
_TYPES = {"batch": "INT", "cycles": "INT", "dram_bytes": "INT", "latency_s": "REAL", "energy_pj": "REAL",
          "utilization": "REAL", "wall_s": "REAL"}


class Store:
    """An open result store at ``path`` (created if missing, unless ``read_only``)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        from accelsim.errors import AccelsimError
        self.path = Path(path)
        if read_only:
            if not self.path.is_file():
                raise AccelsimError("no such sweep store (run accelsim sweep ... --store FILE first)",
                                    field=f"--store {self.path}")
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=60)
            try:
                self.db.execute("SELECT id FROM points LIMIT 1")
                have = {r[1] for r in self.db.execute("PRAGMA table_info(points)")}
            except sqlite3.DatabaseError:
                self.db.close()
                raise AccelsimError("not an accelsim sweep store (no points table, or not SQLite)",
                                    field=f"--store {self.path}") from None
            self.columns = tuple(c for c in COLUMNS if c in have)  # an older store may lack the newest columns
            return
        self.db = sqlite3.connect(self.path, timeout=60)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        cols = ", ".join(f"{c} {_TYPES.get(c, 'TEXT')}" + (" PRIMARY KEY" if c == "id" else "") for c in COLUMNS)
        self.db.execute(f"CREATE TABLE IF NOT EXISTS points ({cols})")
        have = {r[1] for r in self.db.execute("PRAGMA table_info(points)")}
        for c in COLUMNS:
            if c not in have:  # a store written before the column existed
                self.db.execute(f"ALTER TABLE points ADD COLUMN {c} {_TYPES.get(c, 'TEXT')}")
        self.db.commit()
        self.columns = COLUMNS

    def done(self) -> set[str]:
        """Ids of the points already stored."""
        return {r[0] for r in self.db.execute("SELECT id FROM points")}

    def add(self, row: dict) -> None:
        """Store one finished point and commit."""
        vals = [row.get(c) for c in COLUMNS]
        vals[COLUMNS.index("config")] = json.dumps(row.get("config", {}), sort_keys=True, default=str)
        vals[COLUMNS.index("metrics")] = json.dumps(row.get("metrics", {}), sort_keys=True, default=float)
        # the same design point computed from older inputs: superseded
        self.db.execute("DELETE FROM points WHERE model = ? AND arch = ? AND batch = ? AND config = ? AND id != ?",
                        [vals[COLUMNS.index(c)] for c in ("model", "arch", "batch", "config", "id")])
        self.db.execute(f"INSERT OR REPLACE INTO points ({','.join(COLUMNS)}) VALUES ({','.join('?' * len(COLUMNS))})",
                        vals)
        self.db.commit()

    def rows(self) -> list[dict]:
        """Every stored point as a dict (config and metrics decoded), ordered by id."""
        out = []
        for r in self.db.execute(f"SELECT {','.join(self.columns)} FROM points ORDER BY id"):
            d = dict(zip(self.columns, r))
            d["config"] = json.loads(d["config"] or "{}")
            d["metrics"] = json.loads(d["metrics"] or "{}")
            out.append(d)
        return out

    def to_csv(self) -> str:
        """The rows as CSV text: one column per override key as given, its value parsed where it has a unit
        (``dram.bandwidth`` ``80GB/s`` beside ``dram.bandwidth_bytes_per_s`` ``8e10``), and the headline metrics."""
        rows = [_with_parsed(r) for r in self.rows()]
        keys = sorted({k for r in rows for k in r["config"]})
        cols = ["id", "model", "arch", "batch"] + keys + ["status", "error", "cycles", "latency_s", "energy_pj",
                                                          "utilization", "dram_bytes", "wall_s", "version"]
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            w.writerow([r["config"].get(c, "") if c in keys else r.get(c) for c in cols])
        return out.getvalue()

    def to_dataframe(self):
        """The rows as a pandas DataFrame (needs the ``pandas`` extra)."""
        try:
            import pandas as pd
        except ImportError:
            from accelsim.errors import AccelsimError
            raise AccelsimError("needs pandas: pip install 'accelsim[pandas]'", field="to_dataframe") from None
        rows = [_with_parsed(r) for r in self.rows()]
        flat = [{**{k: v for k, v in r.items() if k not in ("config", "metrics", "arch_resolved")}, **r["config"]}
                for r in rows]
        return pd.DataFrame(flat)

    def close(self) -> None:
        """Close the database."""
        self.db.close()


#: swept values with a unit: the parser and the unit named in the parsed column (``<key>_<unit>``)
def _quantity(value):
    from accelsim.errors import AccelsimError
    from accelsim.units import parse_bandwidth, parse_bytes_float, parse_hz, parse_seconds
    if not isinstance(value, str):
        return None
    text = value.strip()
    for parse, unit, ok in ((parse_bandwidth, "bytes_per_s", text.lower().endswith("/s")),
                            (parse_hz, "hz", text.lower().endswith("hz")),
                            (parse_seconds, "s", text[-1:].lower() == "s" and not text.lower().endswith("/s")),
                            (parse_bytes_float, "bytes", text[-1:] in ("B", "b"))):
        if ok:
            try:
                return unit, parse(text)
            except AccelsimError:
                return None
    return None


def _with_parsed(row: dict) -> dict:
    """``row`` with, for each swept value that carries a unit, a parsed twin ``<key>_<unit>`` in its config."""
    extra = {}
    for k, v in row["config"].items():
        q = _quantity(v)
        if q is not None:
            extra[f"{k}_{q[0]}"] = q[1]
    return {**row, "config": {**row["config"], **extra}} if extra else row
