"""Finds chip families by name and loads arch files through them.

A family is a package whose ``FAMILY`` attribute is an :class:`accelsim.family.Family`: each
sub-package of :mod:`accelsim.families`, and each entry point of the group
``accelsim.families`` that another installed package declares, e.g. in its ``pyproject.toml``::

    [project.entry-points."accelsim.families"]
    my_chip = "my_package.my_chip"          # a module with FAMILY, or "module:OBJECT"

An arch file names its family with its ``family:`` key; :func:`load_arch` reads the file,
applies ``--set`` overrides and hands the mapping to that family's ``from_dict``. Families are
imported by name at run time, so no shared module imports a family.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from accelsim import schema
from accelsim.arch.overrides import apply_override
from accelsim.errors import AccelsimError
from accelsim.family import Family

GROUP = "accelsim.families"
IN_TREE = "accelsim.families"


@functools.cache
def families() -> dict[str, Family]:
    """Every registered family by name: this package's, sorted by name, then other packages', by entry point."""
    out: dict[str, Family] = {}
    tree = importlib.import_module(IN_TREE)
    for info in sorted(pkgutil.iter_modules(tree.__path__), key=lambda m: m.name):
        if info.ispkg:
            _add(out, _family_of(importlib.import_module(f"{IN_TREE}.{info.name}"), f"{IN_TREE}.{info.name}"))
    for ep in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        try:
            obj = ep.load()
        except Exception as e:  # a broken plug-in is the user's input, named, not our traceback
            raise AccelsimError(f"cannot import {ep.value}: {type(e).__name__}: {e}",
                                field=f"entry point {GROUP}:{ep.name}") from None
        _add(out, _family_of(obj, f"entry point {GROUP}:{ep.name} ({ep.value})"))
    return out


def _family_of(obj: Any, where: str) -> Family:
    fam = getattr(obj, "FAMILY", obj)
    if not isinstance(fam, Family):
        raise AccelsimError(f"must be an accelsim.family.Family (or a module with FAMILY), got {type(fam).__name__}",
                            field=where)
    return fam


def _add(out: dict[str, Family], fam: Family) -> None:
    if fam.name in out:
        raise AccelsimError(f"two families are named {fam.name!r}; rename one (its arch files' family key)",
                            field=f"family {fam.name}")
    out[fam.name] = fam


def family(name: str) -> Family:
    """The family an arch file's ``family: <name>`` selects; an unknown name is a one-line error."""
    found = families()
    if name not in found:
        schema.choice(name, "family", found)
    return found[name]


def family_of(spec: Any) -> Family:
    """The family of a built spec (by its ``family`` field)."""
    return family(spec.family)


def families_with(predicate) -> list[Family]:
    """The registered families for which ``predicate(family)`` holds, in registry order."""
    return [f for f in families().values() if predicate(f)]


def _presets() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for fam in families().values():
        if fam.presets is not None:
            for p in sorted(Path(fam.presets).glob("*.yaml")):
                out.setdefault(p.stem.replace("_", "-"), p)
    return out


def preset_names() -> list[str]:
    """Names of every family's arch presets (``tpu-v1``, ...), sorted."""
    return sorted(_presets())


def preset_path(name: str) -> Path:
    """The YAML file of preset ``name`` (``tpu-v1`` or ``tpu_v1``)."""
    path = _presets().get(name.replace("_", "-"))
    if path is None:
        raise AccelsimError(f"unknown arch {name!r}; presets: {', '.join(preset_names())} "
                            "(or give a .yaml path)", field="--arch")
    return path


def load_arch(spec: str | Path, overrides: dict[str, Any] | None = None):
    """A family's spec from a preset name or a YAML path, with dotted-key ``overrides`` (``--set``).

    Parse, apply the overrides to the parsed YAML, then validate and construct through the
    family its ``family:`` key names; an error names the file and the dotted field.
    """
    text = str(spec)
    path = Path(text)
    if path.suffix.lower() not in (".yaml", ".yml"):
        path = preset_path(text)
    raw = schema.read_yaml(path, "arch")
    try:
        for key, value in (overrides or {}).items():
            apply_override(raw, key, value)
        return arch_from_dict(raw, file=str(path))
    except AccelsimError as e:
        raise e.located(file=path.name) from None


def arch_from_dict(raw: Any, file: str = ""):
    """Validate a parsed arch mapping and build its family's spec; errors carry the dotted field."""
    if not isinstance(raw, dict):
        raise AccelsimError(f"must be a mapping, got {type(raw).__name__}")
    if "family" not in raw:
        raise AccelsimError(f"missing required key: not an accelsim arch file, which names its family (one of "
                            f"{', '.join(families())}); see accelsim list archs for examples", field="family")
    if not isinstance(raw["family"], str):
        schema.choice(raw["family"], "family", families())
    from accelsim.arch.limits import check_spec
    return check_spec(family(raw["family"]).from_dict(raw, file))
