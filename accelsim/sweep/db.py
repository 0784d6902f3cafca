"""The sweep result store: SQLite in WAL mode, one row per design point and model, committed at once.

A killed sweep loses at most the points in flight; started again it skips every id already
stored. Columns: ``id``, ``model``, ``arch``, ``batch``, ``config`` (JSON of the overrides),
``status`` (``ok``/``error``), ``error``, the headline metrics as columns (``cycles``,
``latency_s``, ``energy_pj``, ``utilization``, ``dram_bytes``) and every total as JSON
(``metrics``), and ``wall_s`` (seconds the point took).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

COLUMNS = ("id", "model", "arch", "batch", "config", "status", "error", "cycles", "latency_s", "energy_pj",
           "utilization", "dram_bytes", "metrics", "wall_s")


class Store:
    """An open result store at ``path`` (created if missing)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.db = sqlite3.connect(self.path, timeout=60)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS points (id TEXT PRIMARY KEY, model TEXT, arch TEXT, batch INT, "
                        "config TEXT, status TEXT, error TEXT, cycles INT, latency_s REAL, energy_pj REAL, "
                        "utilization REAL, dram_bytes INT, metrics TEXT, wall_s REAL)")
        self.db.commit()

    def done(self) -> set[str]:
        """Ids of the points already stored."""
        return {r[0] for r in self.db.execute("SELECT id FROM points")}

    def add(self, row: dict) -> None:
        """Store one finished point and commit."""
        vals = [row.get(c) for c in COLUMNS]
        vals[COLUMNS.index("config")] = json.dumps(row.get("config", {}), sort_keys=True, default=str)
        vals[COLUMNS.index("metrics")] = json.dumps(row.get("metrics", {}), sort_keys=True, default=float)
        self.db.execute(f"INSERT OR REPLACE INTO points VALUES ({','.join('?' * len(COLUMNS))})", vals)
        self.db.commit()

    def rows(self) -> list[dict]:
        """Every stored point as a dict (config and metrics decoded), ordered by id."""
        out = []
        for r in self.db.execute(f"SELECT {','.join(COLUMNS)} FROM points ORDER BY id"):
            d = dict(zip(COLUMNS, r))
            d["config"] = json.loads(d["config"] or "{}")
            d["metrics"] = json.loads(d["metrics"] or "{}")
            out.append(d)
        return out

    def to_csv(self) -> str:
        """The rows as CSV text, one column per override key and headline metric."""
        rows = self.rows()
        keys = sorted({k for r in rows for k in r["config"]})
        cols = ["id", "model", "arch", "batch"] + keys + ["status", "error", "cycles", "latency_s", "energy_pj",
                                                          "utilization", "dram_bytes", "wall_s"]
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
        rows = self.rows()
        flat = [{**{k: v for k, v in r.items() if k not in ("config", "metrics")}, **r["config"]} for r in rows]
        return pd.DataFrame(flat)

    def close(self) -> None:
        """Close the database."""
        self.db.close()
