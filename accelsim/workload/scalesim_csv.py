"""SCALE-Sim topology CSVs: read a SCALE-Sim ``topologies/*.csv`` file into a :class:`Network`.

SCALE-Sim (v2 and v3, ``scalesim-project/scale-sim-v2``, ``scalesim/topology_utils.py``) takes one
of two CSV forms, one row per layer after a header line. The convolution form::

    Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,
    Conv1,      224,          224,         11,            11,           3,        96,         4,

becomes one ``conv2d`` layer per row, reading a tensor ``[Channels, IFMAP Height, IFMAP Width]``
from outside the network (``in_shape``): SCALE-Sim simulates every row as an independent layer,
so accelsim does too, and the rows are not chained. The stride applies to both axes.

SCALE-Sim has no padding column: its IFMAP size is meant to *include* any padding (upstream
files differ on whether they added it). accelsim therefore uses pad 0 and SCALE-Sim's own
output size, ``(IFMAP - Filter) // Stride + 1``, so layer shapes and MAC counts match
SCALE-Sim's. A row whose name contains ``DP`` is a depthwise convolution in SCALE-Sim (it runs
``Channels`` one-channel layers of ``Num Filter`` filters each); accelsim reads it as one
grouped ``conv2d`` with ``groups = Channels`` and ``Channels x Num Filter`` outputs, which has
the same MACs.

The GEMM form (SCALE-Sim's ``-i gemm`` switch; accelsim tells the forms apart by the header)::

    Layer, M, N, K,
    QKT,   1024, 1024, 64,

becomes one ``gemm`` layer per row: an ``M x K`` activation matrix times a ``K x N`` weight
matrix, ``M x K x N`` MACs.

Either form may end with SCALE-Sim v3's optional ``Sparsity`` column, ``N:M`` (N non-zero
weights in every M), which sets the layer's ``weight_density`` to N/M.

Like SCALE-Sim, the reader ignores blank lines, trailing commas and whitespace around fields;
text after ``#`` is a comment (upstream files mark depthwise rows with ``#dw``). Layer names
keep their CSV spelling, with characters a layer name may not hold replaced by ``_`` and
repeated names numbered (``GEMM_1``, ``GEMM_1_2``). Every error names the file, the line and
the column: ``alexnet.csv: line 3: Strides: must be a whole number >= 1, got '0'``.
"""

from __future__ import annotations

import re
from pathlib import Path

from accelsim.errors import AccelsimError
from accelsim.host import check_input_size
from accelsim.workload.network import INPUT, Network, build_network

CONV_COLUMNS = ("Layer name", "IFMAP Height", "IFMAP Width", "Filter Height", "Filter Width",
                "Channels", "Num Filter", "Strides")
GEMM_COLUMNS = ("Layer", "M", "N", "K")
SPARSITY = "Sparsity"

# header spellings met in SCALE-Sim's own topology files, lower-cased, spaces collapsed
_SPELLINGS = {"layer name": "Layer name", "layer": "Layer name", "strides": "Strides", "stride": "Strides",
              "num filter": "Num Filter", "num filters": "Num Filter", "sparsity": SPARSITY,
              **{c.lower(): c for c in CONV_COLUMNS[1:]}, **{c.lower(): c for c in GEMM_COLUMNS[1:]}}
_NOT_IN_NAME = re.compile(r"[^A-Za-z0-9_.:/\-\[\]]")  # the complement of network._NAME's characters
_WHOLE = re.compile(r"^[0-9]+$")
_RATIO = re.compile(r"^([0-9]+)\s*:\s*([0-9]+)$")
_BUILDER_FIELD = re.compile(r"^layers\[(\d+)\](?:\.(.*))?$")


#: a topology of 100,000 layers is under 10 MB
MAX_CSV_BYTES = 16 * 2**20


def load_scalesim_csv(path: str | Path) -> Network:
    """Read a SCALE-Sim topology CSV (convolution or GEMM form) into a :class:`Network`.

    Each row becomes an independent layer with its own ``in_shape``; the network's
    ``input_shape`` is the first layer's. Raises :class:`AccelsimError` naming the file, the
    line and the column on any bad input.
    """
    path = Path(path)
    label = path.name
    check_input_size(path, "topology", MAX_CSV_BYTES)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise AccelsimError(f"cannot read topology file: {e.strerror}", file=str(path)) from None
    except UnicodeDecodeError:
        raise AccelsimError("not a text file; expected a SCALE-Sim topology CSV", file=label) from None
    try:
        rows = _rows(text)
        if not rows:
            raise AccelsimError("empty topology file; expected a header line 'Layer name, IFMAP Height, ...' "
                                "or 'Layer, M, N, K' and one row per layer")
        (header_line, header), body = rows[0], rows[1:]
        columns = _columns(header, header_line)
        if not body:
            raise AccelsimError("no layer rows after the header", field=f"line {header_line}")
        taken = {INPUT}
        raw_layers = [_layer(fields, columns, line, taken) for line, fields in body]
    except AccelsimError as e:
        raise e.located(file=label) from None
    lines = [line for line, _ in body]
    try:
        return build_network(path.stem, raw_layers[0]["in_shape"], raw_layers,
                             source=f"SCALE-Sim topology {label}", file=label)
    except AccelsimError as e:
        raise _to_line(e, lines) from None


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """``(line number, fields)`` for every line holding anything, comments and trailing blanks removed."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        fields = [f.strip() for f in line.split("#", 1)[0].split(",")]
        while fields and not fields[-1]:
            fields.pop()
        if fields:
            rows.append((number, fields))
    return rows


def _columns(header: list[str], line: int) -> tuple[str, ...]:
    """The header's columns in canonical spelling; the form is told by the columns after the name."""
    names = tuple(_SPELLINGS.get(" ".join(h.lower().split()), h) for h in header)
    body = names[:-1] if names[-1:] == (SPARSITY,) else names
    if body in (CONV_COLUMNS, ("Layer name",) + GEMM_COLUMNS[1:]):
        return names
    raise AccelsimError(f"expected '{', '.join(CONV_COLUMNS)}' (convolution form) or "
                        f"'{', '.join(GEMM_COLUMNS)}' (GEMM form), either optionally followed by "
                        f"'{SPARSITY}'; got '{', '.join(header)}'", field=f"line {line}: header")


def _layer(fields: list[str], columns: tuple[str, ...], line: int, taken: set[str]) -> dict:
    """One raw layer description (as :func:`build_network` reads it) from one CSV row."""
    at = f"line {line}"
    optional = 1 if columns[-1] == SPARSITY else 0
    if not len(columns) - optional <= len(fields) <= len(columns):
        raise AccelsimError(f"has {len(fields)} columns; the header names {len(columns)}: "
                            f"{', '.join(columns)}", field=at)
    if not fields[0]:
        raise AccelsimError("must name the layer, got an empty field", field=f"{at}: {columns[0]}")
    raw: dict = {"name": _unique(_NOT_IN_NAME.sub("_", fields[0]), taken)}
    v = {c: _whole(f, f"{at}: {c}") for c, f in zip(columns[1:], fields[1:]) if c != SPARSITY}
    if "M" in v:
        raw.update(op="gemm", m=v["M"], k=v["K"], n=v["N"], in_shape=[v["K"], v["M"], 1])
    else:
        for fh, ih in (("Filter Height", "IFMAP Height"), ("Filter Width", "IFMAP Width")):
            if v[fh] > v[ih]:
                raise AccelsimError(f"must be <= {ih} ({v[ih]}), got {v[fh]}; SCALE-Sim's IFMAP size "
                                    "includes any padding", field=f"{at}: {fh}")
        c, f = v["Channels"], v["Num Filter"]
        depthwise = "DP" in fields[0]  # SCALE-Sim's own test (topology_utils.load_arrays_conv)
        raw.update(op="conv2d", in_shape=[c, v["IFMAP Height"], v["IFMAP Width"]], out=c * f if depthwise else f,
                   kernel=[v["Filter Height"], v["Filter Width"]], stride=v["Strides"])
        if depthwise:
            raw["groups"] = c
    if len(fields) == len(columns) and optional:
        raw["weight_density"] = _density(fields[-1], f"{at}: {SPARSITY}")
    return raw


def _whole(text: str, field: str) -> int:
    if not _WHOLE.match(text) or int(text) < 1:
        raise AccelsimError(f"must be a whole number >= 1, got {text!r}", field=field)
    return int(text)


def _density(text: str, field: str) -> float:
    m = _RATIO.match(text)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise AccelsimError(f"must be N:M with 1 <= N <= M (N non-zero weights in every M), got {text!r}",
                            field=field)
    return int(m.group(1)) / int(m.group(2))


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}_{n}", n + 1
    taken.add(candidate)
    return candidate


def _to_line(err: AccelsimError, lines: list[int]) -> AccelsimError:
    """Re-aim a builder error at ``layers[i].field`` to the CSV line that row came from."""
    m = _BUILDER_FIELD.match(err.field or "")
    if not m:
        return err
    field = f"line {lines[int(m.group(1))]}" + (f": {m.group(2)}" if m.group(2) else "")
    return AccelsimError(err.message, file=err.file, field=field)


def to_scalesim_csv(net: Network) -> str:
    """The MAC layers of ``net`` as a SCALE-Sim convolution-form topology (text).

    Padding is folded into the IFMAP size, as SCALE-Sim expects; a linear layer is a 1x1 conv
    on a 1x1 input; a grouped conv becomes one row per group (``name_g0``...), a depthwise conv
    one ``DP`` row, so every row's MACs add up to the layer's. Dilated or non-square-stride
    convs and GEMMs have no conv-form row and are an error naming the layer.
    """
    lines = [", ".join(CONV_COLUMNS) + ","]
    for layer in net.layers:
        if layer.op == "linear":
            c = layer.in_shapes[0][0] * layer.in_shapes[0][1] * layer.in_shapes[0][2]
            lines.append(f"{layer.name}, 1, 1, 1, 1, {c}, {layer.out_shape[0]}, 1,")
            continue
        if layer.op != "conv2d":
            if layer.op in ("gemm", "matmul"):
                raise AccelsimError("a GEMM has no conv-form row; write a GEMM-form file", field=layer.name)
            continue
        if layer.dilation != (1, 1) or layer.stride[0] != layer.stride[1]:
            raise AccelsimError("SCALE-Sim rows take one stride and no dilation", field=layer.name)
        c, h, w = layer.in_shapes[0]
        t, l, b, r = layer.padding
        geo = f"{h + t + b}, {w + l + r}, {layer.kernel[0]}, {layer.kernel[1]}"
        g = layer.groups
        if g == 1:
            lines.append(f"{layer.name}, {geo}, {c}, {layer.out_shape[0]}, {layer.stride[0]},")
        elif g == c:
            lines.append(f"{layer.name}_DP, {geo}, {c}, {layer.out_shape[0] // c}, {layer.stride[0]},")
        else:
            for i in range(g):
                lines.append(f"{layer.name}_g{i}, {geo}, {c // g}, {layer.out_shape[0] // g}, {layer.stride[0]},")
    return "\n".join(lines) + "\n"
