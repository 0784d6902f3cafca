"""Small checks for loading YAML into specs: unknown keys are errors, every bad value names its field.

Loading goes parse -> validate -> construct (STYLE.md habit 5). These helpers raise
:class:`AccelsimError` with the dotted field path; the caller adds the file name.
"""

from __future__ import annotations

import copy
import functools
import math
from pathlib import Path
from typing import Any, Iterable

import yaml

from accelsim.errors import AccelsimError


def read_yaml(path: str | Path, kind: str) -> Any:
    """The parsed YAML of ``path``, a fresh copy per call; ``kind`` (``"arch"``, ``"model"``...) names it in errors.

    A file is parsed once per version (path, modification time, size), so a sweep that loads the
    same preset for every point pays for the parse once. Errors: ``cannot read <kind> file``
    (with the OS reason, naming the path), ``not a text file (expected <kind> YAML)``, and
    ``malformed YAML: <problem>`` with the line, each naming the file.
    """
    path = Path(path)
    label = path.name
    try:
        st = path.stat()
        return copy.deepcopy(_parsed(str(path), st.st_mtime_ns, st.st_size))
    except OSError as e:
        raise AccelsimError(f"cannot read {kind} file: {e.strerror}", file=str(path)) from None
    except UnicodeDecodeError:
        raise AccelsimError(f"not a text file (expected {kind} YAML)", file=label) from None
    except YamlTooLarge as e:
        raise AccelsimError(f"{kind} file too large: {e}", file=label) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else None
        # a ReaderError (a control character) has no problem, and its text spans lines
        why = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise AccelsimError(f"malformed YAML: {why}", file=label, field=where) from None


#: bounds on any YAML accelsim reads (a file, a --set value): bytes, nesting depth, nodes after aliases expand
MAX_YAML_BYTES = 64 * 2**20
MAX_YAML_DEPTH = 64
MAX_YAML_NODES = 2_000_000


class YamlTooLarge(ValueError):
    """A YAML document past :data:`MAX_YAML_BYTES`, :data:`MAX_YAML_DEPTH` or :data:`MAX_YAML_NODES`."""


def safe_load(text: str) -> Any:
    """Parse YAML ``text`` with the safe loader after bounding it (raises :class:`YamlTooLarge` or
    ``yaml.YAMLError``): no accelsim input nests deeper than :data:`MAX_YAML_DEPTH`, and aliases that
    expand to more than :data:`MAX_YAML_NODES` nodes (a "billion laughs" file) are refused before
    anything walks the document."""
    if len(text) > MAX_YAML_BYTES:
        raise YamlTooLarge(f"{len(text):,} characters; at most {MAX_YAML_BYTES:,}")
    fast = getattr(yaml, "CSafeLoader", None)
    try:
        _bound_events(yaml.parse(text, Loader=fast or yaml.SafeLoader))
    except yaml.YAMLError:
        # the pure-Python parser (a state machine, no recursion) raises PyYAML's own message
        _bound_events(yaml.parse(text, Loader=yaml.SafeLoader))
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except yaml.YAMLError:
            pass  # parse again below, so the message is PyYAML's own whichever loader is built in
    return yaml.safe_load(text)


def _bound_events(events) -> None:
    # one pass over the event stream, no recursion: depth of the open collections, and the node count
    # of every anchored subtree, so that an alias adds what it would expand to
    stack: list[list] = [[0, None]]   # [nodes so far, anchor] per open collection
    sizes: dict[str, int] = {}
    total = 0
    for ev in events:
        if isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            stack.append([0, ev.anchor])
            if len(stack) - 1 > MAX_YAML_DEPTH:
                raise YamlTooLarge(f"nested deeper than {MAX_YAML_DEPTH} levels")
        elif isinstance(ev, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            n, anchor = stack.pop()
            n += 1
            if anchor:
                sizes[anchor] = n
            stack[-1][0] += n
        elif isinstance(ev, yaml.ScalarEvent):
            if ev.anchor:
                sizes[ev.anchor] = 1
            stack[-1][0] += 1
        elif isinstance(ev, yaml.AliasEvent):
            if any(s[1] == ev.anchor for s in stack):  # a list that holds itself: any walk never ends
                raise YamlTooLarge(f"alias *{ev.anchor} refers to a collection that contains it")
            stack[-1][0] += sizes.get(ev.anchor, 1)
        else:
            continue
        total = max(total, stack[0][0] + sum(s[0] for s in stack[1:]))
        if total > MAX_YAML_NODES:
            raise YamlTooLarge(f"more than {MAX_YAML_NODES:,} nodes once aliases are expanded")


def yaml_value(text: str, field: str) -> Any:
    """One value written on the command line (``--set key=VALUE``), read as bounded YAML."""
    try:
        return safe_load(text)
    except (yaml.YAMLError, YamlTooLarge) as e:
        why = str(e) if isinstance(e, YamlTooLarge) else "not a YAML value"
        raise AccelsimError(f"cannot read value {text[:40]!r} ({why})", field=field) from None


@functools.lru_cache(maxsize=64)
def _parsed(path: str, mtime_ns: int, size: int) -> Any:
    if size > MAX_YAML_BYTES:
        raise YamlTooLarge(f"{size:,} bytes; at most {MAX_YAML_BYTES:,}")
    return safe_load(Path(path).read_text())


def check_keys(d: Any, field: str, required: Iterable[str], optional: Iterable[str] = ()) -> dict:
    """``d`` must be a mapping holding every ``required`` key and nothing outside ``required | optional``."""
    if not isinstance(d, dict):
        raise AccelsimError(f"must be a mapping, got {type(d).__name__}", field=field or None)
    required, optional = list(required), list(optional)
    allowed = set(required) | set(optional)
    for key in d:
        if key not in allowed:
            raise AccelsimError(f"unknown key; allowed: {', '.join(sorted(allowed))}",
                                field=_join(field, str(key)))
    for key in required:
        if key not in d:
            raise AccelsimError("missing required key", field=_join(field, key))
    return d


def pos_int(value: Any, field: str, *, minimum: int = 1) -> int:
    """An integer >= ``minimum`` (booleans and floats with a fraction are refused)."""
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not _finite(value) or int(value) != value):
        raise AccelsimError(f"must be an integer >= {minimum}, got {value!r}", field=field)
    if value < minimum:
        raise AccelsimError(f"must be >= {minimum}, got {value!r}", field=field)
    return int(value)


def number(value: Any, field: str, *, lo: float | None = None, hi: float | None = None,
           lo_open: bool = False) -> float:
    """A finite real number within ``[lo, hi]`` (``(lo, hi]`` if ``lo_open``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not _finite(value):
        raise AccelsimError(f"must be a finite number, got {value!r}", field=field)
    v = float(value)
    if lo is not None and (v < lo or (lo_open and v == lo)):
        raise AccelsimError(f"must be {'>' if lo_open else '>='} {lo:g}, got {value!r}", field=field)
    if hi is not None and v > hi:
        raise AccelsimError(f"must be <= {hi:g}, got {value!r}", field=field)
    return v


def choice(value: Any, field: str, allowed: Iterable[str]) -> str:
    """One of ``allowed`` (strings)."""
    allowed = sorted(allowed)
    if value not in allowed:
        raise AccelsimError(f"must be one of {', '.join(allowed)}, got {value!r}", field=field)
    return value


def boolean(value: Any, field: str) -> bool:
    """A YAML boolean."""
    if not isinstance(value, bool):
        raise AccelsimError(f"must be true or false, got {value!r}", field=field)
    return value


def pair(value: Any, field: str, *, minimum: int = 1) -> tuple[int, int]:
    """An int ``k`` (meaning ``(k, k)``) or a two-item list ``[h, w]``."""
    if isinstance(value, (list, tuple)):
        if len(value) != 2:
            raise AccelsimError(f"must be an integer or [h, w], got {value!r}", field=field)
        return pos_int(value[0], field, minimum=minimum), pos_int(value[1], field, minimum=minimum)
    v = pos_int(value, field, minimum=minimum)
    return v, v


def _finite(value: int | float) -> bool:
    # YAML reads .nan and .inf as floats; an int too large for a float is no sensible quantity either
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key
