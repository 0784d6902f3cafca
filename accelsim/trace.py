"""The Trace: a program of operations with dependencies, what lowering emits and the engine runs.

Each op runs on one *unit* (a DMA engine, the array, the vector unit). A unit runs its ops in
trace order; an op starts once its unit is free and every op it depends on has completed.
Ops are held in a NumPy structured array (:data:`OP_DTYPE`); dependencies in CSR form
(``dep_ptr``, ``dep_idx``), each naming an *earlier* op.

Kinds:
- ``load``  (DRAM -> buffer) and ``store`` (buffer -> DRAM): ``src``, ``dst``, ``bytes``, ``addr``.
- ``compute`` (one fold on the array): ``rows`` x ``cols`` PEs used, ``stream`` vectors
  streamed, ``preload`` cycles to load the stationary operand, ``macs`` useful MACs,
  ``div`` rate divisor for operands wider than the array's native width, ``acc`` = 1 if the
  fold adds onto partial sums already in the output buffer.
- ``vector`` (pooling, activation, element-wise): ``vops`` element operations reading
  operands from memory ``src`` and writing ``bytes`` of results to memory ``dst``.

Two forms: text (``.trace``, documented in ``traces/README.md``, one op per line, readable)
and binary (``.npz``). Both round-trip exactly.
"""

from __future__ import annotations

import itertools
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from accelsim.errors import AccelsimError
from accelsim.host import atomic as _atomic, atomic_write_text, check_input_size, check_npz_size  # noqa: F401

FORMAT_VERSION = 1
KINDS = ("load", "store", "compute", "vector")
LOAD, STORE, COMPUTE, VECTOR = range(4)

OP_DTYPE = np.dtype([
    ("kind", "u1"), ("unit", "u1"), ("layer", "i4"), ("src", "i1"), ("dst", "i1"),
    ("bytes", "i8"), ("addr", "i8"), ("rows", "i4"), ("cols", "i4"), ("stream", "i8"),
    ("preload", "i4"), ("drain", "i4"), ("macs", "i8"), ("div", "u1"), ("acc", "u1"), ("vops", "i8"),
])
#: fields written in the text form for each kind (others stay zero)
_FIELDS = {
    LOAD: ("src", "dst", "bytes", "addr"),
    STORE: ("src", "dst", "bytes", "addr"),
    COMPUTE: ("rows", "cols", "stream", "preload", "drain", "macs", "div", "acc"),
    VECTOR: ("vops", "src", "dst", "bytes"),
}
_MEM_FIELDS = ("src", "dst")
#: in the text form a field equal to its default is left out (fields always written excepted)
_DEFAULTS = {"src": -1, "dst": -1, "div": 1}
_ALWAYS = ("bytes", "addr", "macs", "vops", "stream")


@dataclass(frozen=True)
class LayerInfo:
    """What the engine and energy model need to know of a layer: name, op, bit widths, MACs.

    ``counts`` holds action counts the lowering fixed for the whole layer (e.g. Eyeriss's
    scratchpad, NoC and GLB words, which follow from the mapping, not from timing), as
    ``(name, value)`` pairs; the text form writes them as ``count.<name>=<value>``.
    """

    name: str
    op: str
    weight_bits: int
    act_bits: int
    acc_bits: int
    macs: int  # useful MACs of the whole batch
    counts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Trace:
    """A lowered network: header, layer table, ops and their dependencies."""

    arch: str
    model: str
    batch: int
    units: tuple[str, ...]
    memories: tuple[str, ...]
    layers: tuple[LayerInfo, ...]
    ops: np.ndarray
    dep_ptr: np.ndarray
    dep_idx: np.ndarray

    def __len__(self) -> int:
        return len(self.ops)

    def __eq__(self, other: object) -> bool:
        # the generated __eq__ would ask numpy for the truth value of an array comparison
        if not isinstance(other, Trace):
            return NotImplemented
        return ((self.arch, self.model, self.batch, self.units, self.memories, self.layers)
                == (other.arch, other.model, other.batch, other.units, other.memories, other.layers)
                and self.ops.dtype == other.ops.dtype and np.array_equal(self.ops, other.ops)
                and np.array_equal(self.dep_ptr, other.dep_ptr) and np.array_equal(self.dep_idx, other.dep_idx))

    def deps_of(self, i: int) -> np.ndarray:
        """Indices of the ops op ``i`` waits for."""
        return self.dep_idx[self.dep_ptr[i]:self.dep_ptr[i + 1]]

    def _check_header(self, file: str | None) -> None:
        # a binary trace's header is JSON: any type may stand where a name or a count belongs
        def names(values, field):
            if not isinstance(values, tuple) or not all(isinstance(v, str) and v for v in values):
                raise AccelsimError(f"must be a list of names, got {values!r:.60}", file=file, field=field)
        if not isinstance(self.arch, str) or not isinstance(self.model, str):
            raise AccelsimError("arch and model must be names", file=file, field="header")
        if isinstance(self.batch, bool) or not isinstance(self.batch, int) or self.batch < 1:
            raise AccelsimError(f"batch must be an integer >= 1, got {self.batch!r}", file=file, field="batch")
        names(self.units, "units")
        names(self.memories, "memories")
        for i, l in enumerate(self.layers):
            ints = (l.weight_bits, l.act_bits, l.acc_bits, l.macs, *(v for _, v in l.counts))
            if (not isinstance(l.name, str) or not isinstance(l.op, str) or any(isinstance(v, bool) or not
                    isinstance(v, int) or v < 0 for v in ints) or not all(isinstance(k, str) for k, _ in l.counts)):
                raise AccelsimError("a layer needs a name, an op and counts >= 0", file=file, field=f"layers[{i}]")
        for name in ("dep_ptr", "dep_idx"):
            arr = getattr(self, name)
            if not isinstance(arr, np.ndarray) or arr.ndim != 1 or arr.dtype.kind not in "iu":
                raise AccelsimError("must be a 1-D integer array", file=file, field=name)
        if not isinstance(self.ops, np.ndarray) or self.ops.ndim != 1:
            raise AccelsimError("must be a 1-D array of ops", file=file, field="ops")

    def validate(self, file: str | None = None) -> "Trace":
        """Check the header's types, every index is in range and every dependency names an earlier op."""
        self._check_header(file)
        ops = self.ops
        n = len(ops)
        if ops.dtype != OP_DTYPE:
            raise AccelsimError(f"ops have dtype {ops.dtype}, not accelsim.trace.OP_DTYPE", file=file, field="ops")
        if (len(self.dep_ptr) != n + 1 or self.dep_ptr[0] != 0 or self.dep_ptr[-1] != len(self.dep_idx)
                or np.any(np.diff(self.dep_ptr) < 0)):
            raise AccelsimError("dependency index is malformed", file=file, field="deps")
        bad = np.flatnonzero(ops["kind"] >= len(KINDS))
        if bad.size:
            raise AccelsimError(f"op {bad[0]} has kind #{ops['kind'][bad[0]]}; kinds are 0..{len(KINDS) - 1}",
                                file=file, field="kind")
        for col, table, what, lo in (("unit", self.units, "unit", 0), ("layer", self.layers, "layer", 0),
                                     ("src", self.memories, "memory", -1), ("dst", self.memories, "memory", -1)):
            bad = np.flatnonzero((ops[col] < lo) | (ops[col] >= len(table)))
            if bad.size:
                raise AccelsimError(f"op {bad[0]} names {what} #{ops[col][bad[0]]}, which is not declared",
                                    file=file, field=col)
        for col in OP_DTYPE.names:
            if col in _MEM_FIELDS:
                continue  # -1 = none, checked above
            bad = np.flatnonzero(ops[col] < 0)  # the text form holds no negative count or address
            if bad.size:
                raise AccelsimError(f"op {bad[0]} has {col}={ops[col][bad[0]]}; must be >= 0", file=file, field=col)
        # a unit is one engine process: DMA (load/store), the compute unit, or the vector unit
        cls = np.array([0, 0, 1, 2], np.int64)[ops["kind"]]
        first = np.full(len(self.units), -1, np.int64)
        seen = np.unique(ops["unit"], return_index=True)
        first[seen[0]] = cls[seen[1]]
        bad = np.flatnonzero(cls != first[ops["unit"]]) if n else ()
        if len(bad):
            i = int(bad[0])
            j = int(seen[1][np.searchsorted(seen[0], ops["unit"][i])])
            raise AccelsimError(f"unit {self.units[ops['unit'][i]]} runs op {j} ({KINDS[ops['kind'][j]]}) and op {i} "
                                f"({KINDS[ops['kind'][i]]}); a unit runs load/store, compute or vector ops, not a mix",
                                file=file, field="unit")
        owner = np.repeat(np.arange(n), np.diff(self.dep_ptr))
        bad = np.flatnonzero((self.dep_idx < 0) | (self.dep_idx >= owner))
        if bad.size:
            j = bad[0]
            raise AccelsimError(f"op {owner[j]} depends on op {self.dep_idx[j]}, which does not come before it",
                                file=file, field="deps")
        return self


class TraceBuilder:
    """Appends ops one by one (:meth:`add`) or many at once (:meth:`extend`); ``build()`` returns
    the frozen :class:`Trace`.

    Ops are held as int64 columns, one row per field of :data:`OP_DTYPE`, in chunks; ``build()``
    joins the chunks and casts them to :data:`OP_DTYPE` once.
    """

    _COL = {name: j for j, name in enumerate(OP_DTYPE.names)}
    _DEFAULT = np.array([[{"src": -1, "dst": -1, "div": 1}.get(f, 0)] for f in OP_DTYPE.names], np.int64)
    _MIN = np.array([np.iinfo(OP_DTYPE[f]).min for f in OP_DTYPE.names])
    _MAX = np.array([np.iinfo(OP_DTYPE[f]).max for f in OP_DTYPE.names])

    def __init__(self, arch: str, model: str, batch: int, units: tuple[str, ...], memories: tuple[str, ...]):
        self.header = (arch, model, batch, tuple(units), tuple(memories))
        self.layers: list[LayerInfo] = []
        self._rows: list[tuple] = []               # ops added one by one since the last chunk
        self._deps: list[tuple[int, ...]] = []
        self._chunks: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (columns, dep counts, dep_idx)
        self._chunked = 0                          # ops held in _chunks
        self._unit = {u: i for i, u in enumerate(units)}
        self._mem = {m: i for i, m in enumerate(memories)}

    def __len__(self) -> int:
        return self._chunked + len(self._rows)

    def add_layer(self, info: LayerInfo) -> int:
        """Declare a layer; returns its index."""
        self.layers.append(info)
        return len(self.layers) - 1

    def add(self, kind: int, unit: str, layer: int, deps: tuple[int, ...] | list[int] = (), *,
            src: str | None = None, dst: str | None = None, bytes: int = 0, addr: int = 0,
            rows: int = 0, cols: int = 0, stream: int = 0, preload: int = 0, drain: int = 0, macs: int = 0,
            div: int = 1, acc: int = 0, vops: int = 0) -> int:
        """Append one op; returns its id."""
        self._rows.append((kind, self._unit[unit], layer,
                           -1 if src is None else self._mem[src], -1 if dst is None else self._mem[dst],
                           bytes, addr, rows, cols, stream, preload, drain, macs, div, acc, vops))
        self._deps.append(tuple(d for d in deps if d is not None and d >= 0))
        if len(self._rows) % 1_000_000 == 0:
            self._fits(0, layer)
        return len(self) - 1

    def extend(self, layer: int, dep_ptr: np.ndarray, dep_idx: np.ndarray, **fields: np.ndarray) -> int:
        """Append ``len(dep_ptr) - 1`` ops of ``layer`` at once; returns the id of the first.

        ``fields`` are integer arrays (or scalars) named as :data:`OP_DTYPE`'s fields; ``unit``,
        ``src`` and ``dst`` are indices into the header's units and memories (-1 = no memory).
        Fields left out take :meth:`add`'s defaults. Dependencies are in CSR form: op ``i``
        waits for ``dep_idx[dep_ptr[i]:dep_ptr[i + 1]]`` (op ids, ``dep_ptr[0] == 0``).
        """
        n = len(dep_ptr) - 1
        self._fits(n, layer)
        cols = np.empty((len(self._COL), n), np.int64)
        cols[:] = self._DEFAULT
        cols[self._COL["layer"]] = layer
        for name, values in fields.items():
            if name not in self._COL or name == "layer":
                raise TypeError(f"TraceBuilder.extend() got an unknown field {name!r}")
            cols[self._COL[name]] = values
        self._flush()
        self._chunks.append((cols, np.diff(np.asarray(dep_ptr, np.int64)), np.asarray(dep_idx, np.int64)))
        self._chunked += n
        return self._chunked - n

    #: bytes one op costs while the trace is built: its int64 columns, its row of OP_DTYPE, its deps
    _OP_BYTES = 2 * 8 * len(OP_DTYPE.names) + OP_DTYPE.itemsize + 16

    def _fits(self, n: int, layer: int) -> None:
        """Refuse, before allocating, ``n`` more ops that would not fit in this machine's memory."""
        total = self._chunked + len(self._rows) + n
        if total < 1_000_000:
            return
        from accelsim.host import available_bytes, fmt_bytes
        avail, need = available_bytes(), total * self._OP_BYTES
        if avail is not None and need > avail:
            name = self.layers[layer].name if 0 <= layer < len(self.layers) else str(layer)
            raise AccelsimError(f"layer {name}: the trace reaches {total:,} ops ({fmt_bytes(need)}); more than "
                                f"this machine's memory ({fmt_bytes(avail)} available)", field="--batch")

    def _flush(self) -> None:
        """Move the ops added one by one into a chunk."""
        if not self._rows:
            return
        cols = np.array(self._rows, np.int64).T
        counts = np.fromiter(map(len, self._deps), np.int64, len(self._deps))
        dep_idx = np.fromiter(itertools.chain.from_iterable(self._deps), np.int64, int(counts.sum()))
        self._chunks.append((cols, counts, dep_idx))
        self._chunked += len(self._rows)
        self._rows, self._deps = [], []

    def build(self) -> Trace:
        """The finished, validated trace."""
        self._flush()
        n = self._chunked
        ops = np.empty(n, OP_DTYPE)
        dep_ptr = np.zeros(n + 1, np.int64)
        dep_idx = np.zeros(0, np.int64)
        if self._chunks:
            cols, counts, dep_idx = (np.concatenate(parts, axis=-1) for parts in zip(*self._chunks))
            bad = (cols.min(axis=1) < self._MIN) | (cols.max(axis=1) > self._MAX) if n else ()
            if np.any(bad):  # as np.array() refuses a value its field cannot hold
                name = OP_DTYPE.names[int(np.flatnonzero(bad)[0])]
                raise OverflowError(f"{name} out of bounds for {OP_DTYPE[name]}")
            for name, j in self._COL.items():
                ops[name] = cols[j]
            np.cumsum(counts, out=dep_ptr[1:])
        arch, model, batch, units, memories = self.header
        return Trace(arch, model, batch, units, memories, tuple(self.layers), ops, dep_ptr, dep_idx).validate()


# ---------------------------------------------------------------------------------------------
# text form
# ---------------------------------------------------------------------------------------------

def write_text(trace: Trace, path: str | Path) -> None:
    """Write the human-readable form atomically (a killed run leaves no half-written file)."""
    with _atomic(path, "w") as f:
        f.write(f"# accelsim-trace {FORMAT_VERSION}\n# arch {trace.arch}\n# model {trace.model}\n")
        f.write(f"# batch {trace.batch}\n# units {' '.join(trace.units)}\n")
        f.write(f"# memories {' '.join(trace.memories)}\n")
        f.write(f"# ops {len(trace)}\n")  # with the end line below, a file cut short anywhere is caught
        for i, l in enumerate(trace.layers):
            f.write(f"# layer {i} {l.name} op={l.op} weight_bits={l.weight_bits} act_bits={l.act_bits} "
                    f"acc_bits={l.acc_bits} macs={l.macs}"
                    + "".join(f" count.{k}={v}" for k, v in l.counts) + "\n")
        f.write("# id kind unit layer key=value... deps=i,j\n")
        names = [l.name for l in trace.layers]
        for i, op in enumerate(trace.ops):
            kind = int(op["kind"])
            parts = [str(i), KINDS[kind], trace.units[op["unit"]], names[op["layer"]]]
            for fld in _FIELDS[kind]:
                v = int(op[fld])
                if v == _DEFAULTS.get(fld, 0) and fld not in _ALWAYS:
                    continue  # the reader fills in the default
                if fld in _MEM_FIELDS:
                    parts.append(f"{fld}={trace.memories[v]}")
                elif fld == "addr":
                    parts.append(f"addr={v:#x}")
                else:
                    parts.append(f"{fld}={v}")
            d = trace.deps_of(i)
            if d.size:
                parts.append("deps=" + ",".join(map(str, d)))
            f.write(" ".join(parts) + "\n")
        f.write("# end\n")


def read_text(path: str | Path) -> Trace:
    """Parse the text form; any malformed line is an error naming the file and the line."""
    path = Path(path)
    label = path.name
    check_input_size(path, "trace", expansion=16)  # Python rows and deps while parsing: ~16 B per byte
    try:
        lines = path.read_text().splitlines()
    except OSError as e:
        raise AccelsimError(f"cannot read trace: {e.strerror}", file=str(path)) from None
    except UnicodeDecodeError:
        raise AccelsimError("not a text trace (binary traces end in .npz)", file=label) from None
    header: dict[str, str] = {}
    layers: list[LayerInfo] = []
    rows: list[tuple] = []
    deps: list[tuple[int, ...]] = []
    units: dict[str, int] = {}
    mems: dict[str, int] = {}
    lnames: dict[str, int] = {}
    for no, line in enumerate(lines, 1):
        where = f"line {no}"
        text = line.strip()
        if not text:
            continue
        if text.startswith("#"):
            words = text[1:].split()
            if not words or words[0] in ("id",):
                continue
            key = words[0]
            if key == "layer":
                layers.append(_parse_layer(words, label, where))
                lnames[layers[-1].name] = len(layers) - 1
            elif key in ("accelsim-trace", "arch", "model", "batch", "ops"):
                header[key] = " ".join(words[1:])
            elif key == "end" and len(words) == 1:
                header["end"] = where
            elif key == "units":
                units = {u: i for i, u in enumerate(words[1:])}
            elif key == "memories":
                mems = {m: i for i, m in enumerate(words[1:])}
            continue
        if header.get("accelsim-trace") != str(FORMAT_VERSION):
            raise AccelsimError(f"not an accelsim trace of format {FORMAT_VERSION} (missing or wrong "
                                "'# accelsim-trace' header)", file=label, field=where)
        if "end" in header:
            raise AccelsimError(f"an op after the '# end' line ({header['end']})", file=label, field=where)
        rows.append(_parse_op(text, len(rows), units, mems, lnames, deps, label, where))
    if header.get("accelsim-trace") != str(FORMAT_VERSION):
        raise AccelsimError(f"not an accelsim trace of format {FORMAT_VERSION} (missing or wrong "
                            "'# accelsim-trace' header)", file=label)
    try:
        batch = int(header.get("batch", "1"))
    except ValueError:
        raise AccelsimError(f"batch must be an integer, got {header['batch']!r}", file=label,
                            field="batch") from None
    _check_complete(header, len(rows), label)
    ops = np.array(rows, dtype=OP_DTYPE) if rows else np.zeros(0, OP_DTYPE)
    counts = np.array([len(d) for d in deps], dtype=np.int64)
    dep_ptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    dep_idx = np.array([x for d in deps for x in d], dtype=np.int64)
    return Trace(header.get("arch", ""), header.get("model", ""), batch, tuple(units), tuple(mems),
                 tuple(layers), ops, dep_ptr, dep_idx)


def _check_complete(header: dict, n_ops: int, label: str) -> None:
    """A trace that declares its op count (``# ops N``, as accelsim writes) must hold exactly that many ops and
    close with ``# end``: a file cut short, even at a line boundary, would otherwise replay as a shorter run."""
    if "ops" not in header:
        if "end" in header:
            raise AccelsimError("has '# end' but no '# ops N' header line to check it against", file=label)
        return  # a hand-written trace, which declares neither
    try:
        declared = int(header["ops"])
    except ValueError:
        raise AccelsimError(f"must be an op count, got {header['ops']!r}", file=label, field="# ops") from None
    if "end" not in header:
        raise AccelsimError(f"cut short: no '# end' line after {n_ops:,} of the {declared:,} ops the header "
                            "declares (write it again with accelsim lower)", file=label)
    if n_ops != declared:
        raise AccelsimError(f"holds {n_ops:,} ops, but its header declares {declared:,}", file=label, field="# ops")


def _parse_layer(words: list[str], label: str, where: str) -> LayerInfo:
    try:
        kv = dict(w.split("=", 1) for w in words[3:])
        counts = tuple((k[len("count."):], int(v)) for k, v in kv.items() if k.startswith("count."))
        return LayerInfo(name=words[2], op=kv["op"], weight_bits=int(kv["weight_bits"]),
                         act_bits=int(kv["act_bits"]), acc_bits=int(kv["acc_bits"]), macs=int(kv["macs"]),
                         counts=counts)
    except (IndexError, KeyError, ValueError):
        raise AccelsimError("layer line must read '# layer N name op=.. weight_bits=.. act_bits=.. "
                            "acc_bits=.. macs=..'", file=label, field=where) from None


def _parse_op(text: str, i: int, units: dict, mems: dict, lnames: dict, deps: list, label: str,
              where: str) -> tuple:
    words = text.split()
    if len(words) < 4:
        raise AccelsimError("an op line reads 'id kind unit layer key=value...'", file=label, field=where)
    if words[0] != str(i):
        raise AccelsimError(f"op ids must count up from 0; expected {i}, got {words[0]!r}", file=label, field=where)
    if words[1] not in KINDS:
        raise AccelsimError(f"unknown kind {words[1]!r}; allowed: {', '.join(KINDS)}", file=label, field=where)
    kind = KINDS.index(words[1])
    if words[2] not in units:
        raise AccelsimError(f"unknown unit {words[2]!r}; declared: {', '.join(units)}", file=label, field=where)
    if words[3] not in lnames:
        raise AccelsimError(f"unknown layer {words[3]!r} (not declared in a '# layer' line)", file=label,
                            field=where)
    vals = {f: 0 for f in OP_DTYPE.names}
    vals.update(kind=kind, unit=units[words[2]], layer=lnames[words[3]], src=-1, dst=-1, div=1)
    dep: tuple[int, ...] = ()
    for w in words[4:]:
        key, _, value = w.partition("=")
        if key == "deps":
            try:
                dep = tuple(int(x) for x in value.split(","))
            except ValueError:
                raise AccelsimError(f"deps must be op ids separated by commas, got {value!r}", file=label,
                                    field=where) from None
            bad = [d for d in dep if d < 0 or d >= i]
            if bad:
                raise AccelsimError(f"op {i} depends on op {bad[0]}, which does not come before it",
                                    file=label, field=where)
            continue
        if key not in _FIELDS[kind]:
            raise AccelsimError(f"unknown field {key!r} for a {KINDS[kind]} op; allowed: "
                                f"{', '.join(_FIELDS[kind])}, deps", file=label, field=where)
        if key in _MEM_FIELDS:
            if value not in mems:
                raise AccelsimError(f"unknown memory {value!r}; declared: {', '.join(mems)}", file=label,
                                    field=where)
            vals[key] = mems[value]
            continue
        try:
            vals[key] = int(value, 0)
        except ValueError:
            raise AccelsimError(f"{key} must be an integer, got {value!r}", file=label, field=where) from None
        hi = np.iinfo(OP_DTYPE[key]).max
        if not 0 <= vals[key] <= hi:
            raise AccelsimError(f"{key} must be in 0..{hi}, got {value}", file=label, field=where)
    deps.append(dep)
    return tuple(vals[f] for f in OP_DTYPE.names)


# ---------------------------------------------------------------------------------------------
# binary form
# ---------------------------------------------------------------------------------------------

def write_npz(trace: Trace, path: str | Path) -> None:
    """Write the compact binary form atomically."""
    header = {"format": FORMAT_VERSION, "arch": trace.arch, "model": trace.model, "batch": trace.batch,
              "units": list(trace.units), "memories": list(trace.memories),
              "layers": [l.__dict__ for l in trace.layers]}
    with _atomic(path, "wb") as f:
        np.savez_compressed(f, ops=trace.ops, dep_ptr=trace.dep_ptr, dep_idx=trace.dep_idx,
                            header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8))


def read_npz(path: str | Path) -> Trace:
    """Read the binary form written by :func:`write_npz`."""
    label = Path(path).name
    check_npz_size(path, ".npz trace")
    try:
        with np.load(path) as z:
            header = json.loads(bytes(z["header"]).decode())
            ops, dep_ptr, dep_idx = z["ops"], z["dep_ptr"], z["dep_idx"]
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, RecursionError, EOFError) as e:
        raise AccelsimError(f"not a readable accelsim .npz trace ({type(e).__name__}: {str(e)[:80]})",
                            file=label) from None
    fmt = header.get("format") if isinstance(header, dict) else None
    if fmt != FORMAT_VERSION:
        raise AccelsimError(f"trace format {fmt} is not {FORMAT_VERSION}", file=label)
    if ops.dtype != OP_DTYPE:
        raise AccelsimError(f"ops have dtype {ops.dtype}, not format {FORMAT_VERSION}'s", file=label)
    try:
        layers = tuple(LayerInfo(**{**l, "counts": tuple((k, v) for k, v in l.get("counts", ()))})
                       for l in header["layers"])
        return Trace(header["arch"], header["model"], header["batch"], tuple(header["units"]),
                     tuple(header["memories"]), layers, ops, dep_ptr, dep_idx)
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        why = str(e).splitlines()[0][:100] if str(e) else ""
        raise AccelsimError(f"trace header is malformed ({type(e).__name__}: {why})", file=label) from None


def read_trace(path: str | Path) -> Trace:
    """Read either form (by suffix) and validate it."""
    p = Path(path)
    t = read_npz(p) if p.suffix == ".npz" else read_text(p)
    return t.validate(file=p.name)


def write_trace(trace: Trace, path: str | Path) -> None:
    """Write either form, chosen by suffix (``.npz`` binary, anything else text)."""
    (write_npz if Path(path).suffix == ".npz" else write_text)(trace, path)
