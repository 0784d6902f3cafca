"""Sweep specs: which models, which base arch, and which design points (arch overrides) to run.

A spec file::

    models: [resnet18]            # zoo names or model files
    arch: tpu-v1                   # preset or arch YAML
    batch: 1
    grid:                          # every combination
      pe: [16x16, 32x32, 64x64]    # shorthand for array.rows and array.cols
      memory.ifmap.capacity: [32KiB, 64KiB]
    random:                        # and/or n points drawn with a seed
      n: 20
      seed: 0
      space: {dram.bandwidth: [5GB/s, 10GB/s, 20GB/s]}

Compression settings sweep like arch fields, under the simulate flags' names (``decompose``,
``prune``, ``quantize``, ``block-conv``; ``none`` for no pass), e.g. ``quantize: [none, w8a8,
w4a8]``; they run in that order before lowering. ``step: [inference, train:sgd, train:adam]``
sweeps what is run: an inference, or a training step with that optimizer (``train`` alone: sgd).
``weights: synthetic`` (or a ``.npz`` file, or an ``.onnx`` model's initializers) makes the passes compute real factors and masks, which
the chips that run on the non-zero pattern then see; the factors of a (model, passes) pair are
computed once per worker and shared by every arch point that uses them.

A design point is a dict of dotted overrides (the ``--set`` keys). Its id hashes the base
arch, the overrides, the model and the batch, so a rerun finds the points already done.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from accelsim import schema
from accelsim.errors import AccelsimError
from accelsim.workload.limits import check_batch


@dataclass(frozen=True)
class Point:
    """One simulation to run: a model on the base arch with ``overrides``, at ``batch``."""

    model: str
    arch: str
    batch: int
    overrides: tuple[tuple[str, Any], ...]
    #: ``synthetic``, a ``.npz`` or ``.onnx`` path, or None: the weights the compression passes run on
    weights: str | None = None

    @property
    def id(self) -> str:
        """A stable id (16 hex digits) of everything that decides the result.

        It covers the resolved arch (every field after the overrides, so an edited arch file or
        DRAM preset gives a new id), the model file's content, the batch, the compression passes
        and accelsim's version, and the weights when given (a file by its content); a stored row is reused only when
        all of them are the same.
        """
        parts = [model_digest(self.model), resolved_arch(self.arch, self.arch_overrides())[1], self.batch,
                 list(self.overrides), _version()]
        if self.weights is not None:
            parts.append(self.weights if self.weights == "synthetic" else model_digest(self.weights))
        key = json.dumps(parts, sort_keys=True, default=str)
        return hashlib.sha1(key.encode()).hexdigest()[:16]

    def config(self) -> dict:
        """The overrides as a plain dict (JSON-ready), compression keys included."""
        return dict(self.overrides)

    def arch_overrides(self) -> dict:
        """The arch fields of the point (``--set`` keys), without the compression and step keys."""
        return {k: v for k, v in self.overrides if k not in PASS_KEYS and k != STEP_KEY}

    def step(self) -> tuple[bool, str | None]:
        """``(train, optimizer)`` of the point: an inference is ``(False, None)``."""
        value = dict(self.overrides).get(STEP_KEY)
        if value is None:
            return False, None
        return True, value.split(":", 1)[1] if ":" in value else None

    def passes(self) -> tuple[str, ...]:
        """The compression pass specs of the point, in pipeline order (decompose, prune, quantize, block)."""
        given = dict(self.overrides)
        return tuple(_pass_text(k, given[k]) for k in PASS_KEYS if not _no_pass(given.get(k)))


def _version() -> str:
    from accelsim import __version__
    return __version__


def resolved_arch(arch: str, overrides: dict) -> tuple[str, str]:
    """``(resolved spec as text, its digest)`` of ``arch`` with ``overrides``; for an arch that does not load,
    the error text stands in, so the point is still told apart (and fails when run).

    Cached per arch file version (path, modification time, size) and overrides: a sweep asks for
    each point's twice, and its points share a handful of archs.
    """
    from accelsim.registry import preset_path
    try:
        path = Path(arch) if Path(arch).suffix.lower() in (".yaml", ".yml") else preset_path(arch)
        st = path.stat()
        stamp: tuple | None = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    except (OSError, AccelsimError):
        stamp = None
    return _resolved(arch, json.dumps(overrides, sort_keys=True, default=str), stamp)


@functools.lru_cache(maxsize=1024)
def _resolved(arch: str, overrides_json: str, stamp: tuple | None) -> tuple[str, str]:
    from accelsim.registry import load_arch
    try:
        text = repr(load_arch(arch, json.loads(overrides_json)))
    except AccelsimError as e:
        text = f"error: {e}"
    return text, hashlib.sha1(text.encode()).hexdigest()


def model_digest(model: str) -> str:
    """Digest of the model's file (a zoo name's YAML, or the file given); the name itself when there is none."""
    from accelsim.workload.zoo import models_dir
    path = Path(model) if Path(model).suffix else models_dir() / f"{model}.yaml"
    try:
        st = path.stat()
    except OSError:
        return f"missing:{model}"
    return _file_digest(str(path.resolve()), st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=64)
def _file_digest(path: str, mtime_ns: int, size: int) -> str:
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()


#: random draws one spec may ask for
MAX_RANDOM = 10**7
#: sweep keys that are compression passes (as the simulate flags), in the order they run
PASS_KEYS = ("decompose", "prune", "quantize", "block-conv")
#: the sweep key choosing an inference or a training step
STEP_KEY = "step"


def _check_step(value: Any, field: str) -> str | None:
    """``inference`` (None), ``train`` or ``train:OPTIMIZER``; anything else is the spec's error."""
    text = str(value).strip().lower()
    if text in ("inference", "none", ""):
        return None
    head, _, opt = text.partition(":")
    if head != "train":
        raise AccelsimError(f"must be inference, train or train:sgd|adam, got {value!r}", field=field)
    if opt:
        from accelsim.workload.training import check_optimizer
        try:
            check_optimizer(opt)
        except AccelsimError as e:
            raise AccelsimError(e.message, field=field) from None
    return text


def _no_pass(value: Any) -> bool:
    return value is None or str(value).lower() in ("none", "")


def _pass_text(key: str, value: Any) -> str:
    text = str(value)
    return f"block:{text}" if key == "block-conv" and not text.startswith("block") else text


def _check_pass(key: str, value: Any, field: str) -> None:
    """A compression value must parse as its kind of pass (or be ``none``)."""
    if _no_pass(value):
        return
    from accelsim.compress import parse_pass_spec
    kind = "block" if key == "block-conv" else key
    try:
        parse_pass_spec(_pass_text(key, value), kind, option=field)
    except AccelsimError as e:
        raise AccelsimError(e.message, field=field) from None


def _expand(key: str, value: Any, field: str) -> list[tuple[str, Any]]:
    """``pe: 16x32`` -> rows and cols; a compression key is checked; anything else is one override."""
    if key in PASS_KEYS:
        _check_pass(key, value, f"{field}.{key}")
        return [(key, None if _no_pass(value) else str(value))]
    if key == STEP_KEY:
        return [(key, _check_step(value, f"{field}.{key}"))]
    if key == "pe":
        text = str(value)
        parts = text.lower().split("x")
        if len(parts) != 2 or not all(p.isdigit() and int(p) > 0 for p in parts):
            raise AccelsimError(f"must be ROWSxCOLS like 32x32, got {text!r}", field=field)
        return [("array.rows", int(parts[0])), ("array.cols", int(parts[1]))]
    return [(key, value)]


def _combine(choices: list[tuple[str, Any]], field: str) -> tuple[tuple[str, Any], ...]:
    out: list[tuple[str, Any]] = []
    for key, value in choices:
        out += _expand(key, value, field)
    return tuple(out)


@dataclass(frozen=True)
class Plan:
    """A validated sweep whose points are made one at a time (a million-point grid never sits in memory).

    ``count`` is the number of points before duplicates are dropped: ``len(models) x (grid combinations +
    random draws)``, known without listing them. :meth:`points` yields them in order (grid first, then
    random; models innermost), each id once.
    """

    models: tuple[str, ...]
    arch: str
    batch: int
    grid: tuple[tuple[str, tuple], ...]
    random_designs: tuple[tuple[tuple[str, Any], ...], ...]
    count: int
    weights: str | None = None

    def points(self) -> Iterator[Point]:
        """Every point of the plan, lazily, duplicates (same id) dropped."""
        seen: set[str] = set()
        keys = [k for k, _ in self.grid]
        grid = (_combine(list(zip(keys, combo)), "grid") for combo in itertools.product(*(v for _, v in self.grid))) \
            if self.grid else iter(())
        designs = itertools.chain(grid, self.random_designs)
        first = next(designs, None)
        for d in itertools.chain([() if first is None else first], designs):
            for m in self.models:
                p = Point(m, self.arch, self.batch, d, self.weights)
                if p.id not in seen:
                    seen.add(p.id)
                    yield p


def plan_from_dict(raw: Any, file: str | None = None) -> Plan:
    """Validate a parsed sweep spec; returns its :class:`Plan` (every value checked, no point listed)."""
    try:
        schema.check_keys(raw, "", ("models", "arch"), ("batch", "grid", "random", "source", "weights"))
        models = raw["models"]
        if isinstance(models, str):
            models = [models]
        if not isinstance(models, list) or not models:
            raise AccelsimError("must be a non-empty list of models", field="models")
        arch = str(raw["arch"])
        batch = check_batch(schema.pos_int(raw.get("batch", 1), "batch"), "batch")
        grid = raw.get("grid") or {}
        if not isinstance(grid, dict):
            raise AccelsimError("must map keys to lists of values", field="grid")
        for k, v in grid.items():
            if not isinstance(v, list) or not v:
                raise AccelsimError("must be a non-empty list of values", field=f"grid.{k}")
            for value in v:
                _expand(k, value, "grid")  # a bad pe or pass value is the spec's error
        random_designs: list[tuple[tuple[str, Any], ...]] = []
        if raw.get("random"):
            r = schema.check_keys(raw["random"], "random", ("n", "space"), ("seed",))
            n = schema.pos_int(r["n"], "random.n")
            if n > MAX_RANDOM:
                raise AccelsimError(f"must be at most {MAX_RANDOM:,}, got {n:,}", field="random.n")
            rng = random.Random(schema.pos_int(r.get("seed", 0), "random.seed", minimum=0))
            space = r["space"]
            if not isinstance(space, dict) or not space:
                raise AccelsimError("must map keys to lists of values", field="random.space")
            for k, v in space.items():
                if not isinstance(v, list) or not v:
                    raise AccelsimError("must be a non-empty list of values", field=f"random.space.{k}")
            for _ in range(n):
                random_designs.append(_combine([(k, rng.choice(v)) for k, v in space.items()], "random.space"))
        _check_base_arch(arch)
        _check_arch_keys(arch, random_designs, "random.space")
        # each grid key once, with its first value (as for a listed grid)
        _check_arch_keys(arch, [_combine([(k, v[0]) for k, v in grid.items()], "grid")] if grid else [], "grid")
        n_grid = math.prod(len(v) for v in grid.values()) if grid else 0
        count = len(models) * max(1, n_grid + len(random_designs))
        weights = _check_weights(raw.get("weights"))
        return Plan(tuple(str(m) for m in models), arch, batch, tuple((k, tuple(v)) for k, v in grid.items()),
                    tuple(random_designs), count, weights)
    except AccelsimError as e:
        raise e.located(file=file) from None


def _check_weights(value: Any) -> str | None:
    """``synthetic`` or an existing ``.npz`` or ``.onnx`` file (a relative path from the working folder, as models are)."""
    if value is None:
        return None
    text = str(value)
    if text == "synthetic":
        return text
    path = Path(text)
    if path.suffix.lower() not in (".npz", ".onnx") or not path.is_file():
        raise AccelsimError(f"must be synthetic or an existing .npz or .onnx file, got {text!r}", field="weights")
    return str(path)


def points_from_dict(raw: Any, file: str | None = None) -> list[Point]:
    """Validate a parsed sweep spec and list its points (grid first, then random), models innermost."""
    return list(plan_from_dict(raw, file).points())


def _check_base_arch(arch: str) -> None:
    """The base arch must load as it is: otherwise every point would fail the same way."""
    from accelsim.registry import load_arch
    try:
        load_arch(arch)
    except AccelsimError as e:
        if e.field == "--arch":  # an unknown preset: in a spec the field is ``arch``
            raise AccelsimError(e.message, field="arch") from None
        raise


def _check_arch_keys(arch: str, designs: list[tuple[tuple[str, Any], ...]], where: str) -> None:
    """Every arch key must exist in the base arch: a misspelt key is the spec's error, not every point's.

    Each key is tried once, with the first value it takes; only "unknown key" errors count here
    (a bad value is a design point's failure, recorded with the point).
    """
    from accelsim.registry import load_arch
    tried: set[str] = set()
    for design in designs:
        for key, value in design:
            if key in tried or key in PASS_KEYS or key == STEP_KEY:
                continue
            tried.add(key)
            try:
                load_arch(arch, {key: value})
            except AccelsimError as e:
                if e.message.startswith("unknown key"):
                    raise AccelsimError(e.message.replace("unknown key", f"unknown key {e.field}", 1),
                                        field=f"{where}.{key}") from None


#: sweep specs shipped inside the package, so ``accelsim sweep --example NAME`` works from any folder
EXAMPLES = Path(__file__).with_name("examples")


def example_names() -> list[str]:
    """Names of the shipped example sweep specs (file stems in :data:`EXAMPLES`)."""
    return sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


def example_path(name: str) -> Path:
    """The file of the shipped example sweep spec ``name``; an unknown name is an AccelsimError."""
    if name not in example_names():
        raise AccelsimError(f"must be one of {', '.join(example_names())}, got {name!r}", field="--example")
    return EXAMPLES / f"{name}.yaml"


def load_sweep(path: str | Path) -> list[Point]:
    """The points of a sweep spec YAML file."""
    return list(load_plan(path).points())


def load_plan(path: str | Path) -> Plan:
    """The :class:`Plan` of a sweep spec YAML file."""
    p = Path(path)
    return plan_from_dict(schema.read_yaml(p, "sweep spec"), file=p.name)


def points_from_flags(models: list[str], arch: str, batch: int, sets: list[str]) -> list[Point]:
    """Points from ``--set key=v1,v2`` flags (a grid over every listed value)."""
    return list(plan_from_flags(models, arch, batch, sets).points())


def plan_for(spec: str | Path | None, models: list[str], arch: str | None, batch: int, sets: list[str],
             weights: str | None = None) -> Plan:
    """The plan of ``accelsim sweep``: a spec file, or ``--model``/``--arch``/``--set`` (``--weights``) flags."""
    if spec:
        if weights is not None:
            raise AccelsimError("goes with --model/--arch flags; a spec file gives weights: in the file",
                                field="--weights")
        return load_plan(spec)
    if not models or not arch:
        raise AccelsimError("give a spec file, or --model and --arch (with --set grids)", field="sweep")
    return plan_from_flags(models, arch, batch, sets, weights)


def plan_from_flags(models: list[str], arch: str, batch: int, sets: list[str], weights: str | None = None) -> Plan:
    """The :class:`Plan` of ``--set key=v1,v2`` flags (a grid over every listed value)."""
    grid: dict[str, list] = {}
    for text in sets:
        if "=" not in text:
            raise AccelsimError(f"must be key=v1,v2,..., got {text!r}", field="--set")
        key, values = text.split("=", 1)
        grid[key.strip()] = [schema.yaml_value(v, f"--set {key}") for v in values.split(",")]
    raw = {"models": models, "arch": arch, "batch": batch, "grid": grid}
    try:
        return plan_from_dict(raw | ({"weights": weights} if weights is not None else {}))
    except AccelsimError as e:
        if e.field == "weights":
            raise AccelsimError(e.message, field="--weights") from None
        raise
