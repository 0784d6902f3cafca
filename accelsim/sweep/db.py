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

import contextlib
import csv
import io
import json
import sqlite3
from pathlib import Path

COLUMNS = ("id", "model", "arch", "batch", "config", "status", "error", "cycles", "latency_s", "energy_pj",
           "utilization", "dram_bytes", "metrics", "wall_s", "version", "arch_resolved")
_TYPES = {"batch": "INT", "cycles": "INT", "dram_bytes": "INT", "latency_s": "REAL", "energy_pj": "REAL",
          "utilization": "REAL", "wall_s": "REAL"}


#: the store's schema (``PRAGMA user_version``): 1 added the version itself; 0 is a store written before,
#: migrated in place by adding the columns it lacks. A store from a newer accelsim is refused.
SCHEMA_VERSION = 1
#: ``PRAGMA application_id`` of every store accelsim writes ("ACSM"), so a foreign SQLite file is told apart
APPLICATION_ID = 0x4143534D
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: columns every store has had since the first: a ``points`` table without them is someone else's
_CORE = {"id", "model", "arch", "config", "status"}


@contextlib.contextmanager
def open_store(path: str | Path):
    """``with open_store(path) as store``: a writable :class:`Store`, closed on leaving; a store this call
    created that holds no row when an error leaves the block (a dead scheduler, a refused sweep) is removed."""
    created = not Path(path).exists()
    store = Store(path)
    try:
        yield store
    except BaseException:
        empty = created and not store.done()
        store.close()
        if empty:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    store.close()


class Store:
    """An open result store at ``path`` (created if missing, unless ``read_only``).

    A file that is not an accelsim store (text, a corrupt or foreign SQLite database, a store from a
    newer accelsim) is refused with one line and never modified; an older store is migrated.
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        from accelsim.errors import AccelsimError
        self.path = Path(path)
        self._field = f"--store {self.path}"
        if read_only and not self.path.is_file():
            raise AccelsimError("no such sweep store (run accelsim sweep ... --store FILE first)", field=self._field)
        have, version = self._inspect()
        if read_only:
            if have is None:
                raise AccelsimError("not an accelsim sweep store (an empty file)", field=self._field)
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=60)
            self.columns = tuple(c for c in COLUMNS if c in have)  # an older store may lack the newest columns
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)  # accelsim.host's rule for every output
            self.db = sqlite3.connect(self.path, timeout=60)
        except (sqlite3.Error, OSError) as e:
            raise AccelsimError(f"cannot open the sweep store: {e}", field=self._field) from None
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            cols = ", ".join(f"{c} {_TYPES.get(c, 'TEXT')}" + (" PRIMARY KEY" if c == "id" else "") for c in COLUMNS)
            self.db.execute(f"CREATE TABLE IF NOT EXISTS points ({cols})")
            for c in COLUMNS:
                if have is not None and c not in have:  # a store written before the column existed
                    self.db.execute(f"ALTER TABLE points ADD COLUMN {c} {_TYPES.get(c, 'TEXT')}")
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            self.db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            self.db.commit()
        except sqlite3.Error as e:
            self.db.close()
            raise AccelsimError(f"cannot write the sweep store: {e}", field=self._field) from None
        self.columns = COLUMNS

    def _inspect(self) -> tuple[set | None, int]:
        """The ``points`` columns and schema version of an existing store (None for no file or an empty one),
        read without changing a byte; anything but an accelsim store of this or an older schema is refused."""
        from accelsim.errors import AccelsimError
        if not self.path.exists():
            return None, 0
        refuse = (lambda why: AccelsimError(f"not an accelsim sweep store ({why}); give a new file name or one "
                                            "accelsim sweep wrote", field=self._field))
        if not self.path.is_file():
            raise refuse("not a regular file")
        try:
            with open(self.path, "rb") as f:
                head = f.read(len(_SQLITE_MAGIC))
        except OSError as e:
            raise AccelsimError(f"cannot read the sweep store: {e.strerror}", field=self._field) from None
        if not head:
            return None, 0
        if head != _SQLITE_MAGIC:
            raise refuse("not an SQLite file")
        try:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=60)
        except sqlite3.Error as e:
            raise refuse(f"SQLite cannot open it: {e}") from None
        try:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            version = db.execute("PRAGMA user_version").fetchone()[0]
            app = db.execute("PRAGMA application_id").fetchone()[0]
            have = {r[1] for r in db.execute("PRAGMA table_info(points)")}
            if _CORE <= have:
                db.execute("SELECT id FROM points LIMIT 1").fetchall()
        except sqlite3.Error as e:
            raise refuse(f"corrupt SQLite: {e}") from None
        finally:
            db.close()
        if app not in (0, APPLICATION_ID) or (tables and not _CORE <= have) or (app == 0 and version != 0):
            raise refuse("an SQLite database of another program")
        if version > SCHEMA_VERSION:
            raise AccelsimError(f"written by a newer accelsim (store schema {version}; this one reads up to "
                                f"{SCHEMA_VERSION}); upgrade accelsim", field=self._field)
        return (have or None), version

    def done(self) -> set[str]:
        """Ids of the points already stored."""
        return {r[0] for r in self._query("SELECT id FROM points")}

    def _query(self, sql: str) -> list:
        from accelsim.errors import AccelsimError
        try:
            return self.db.execute(sql).fetchall()
        except sqlite3.Error as e:
            raise AccelsimError(f"cannot read the sweep store: {e}", field=self._field) from None

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
        for r in self._query(f"SELECT {','.join(self.columns)} FROM points ORDER BY id"):
            d = dict(zip(self.columns, r))
            for key in ("config", "metrics"):
                try:
                    d[key] = json.loads(d[key] or "{}")
                except (ValueError, TypeError):
                    from accelsim.errors import AccelsimError
                    raise AccelsimError(f"point {d.get('id')!r}: {key} is not JSON (a damaged store)",
                                        field=self._field) from None
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
