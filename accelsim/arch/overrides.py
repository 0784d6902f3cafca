"""``--set key=value`` overrides: parsed from the command line, applied to a parsed YAML mapping.

One rule for arch and DRAM files alike: an override edits the parsed YAML before validation,
so an overridden value is checked exactly like one written in the file.
"""

from __future__ import annotations

from typing import Any

from accelsim import schema
from accelsim.errors import AccelsimError


def parse_override(text: str) -> tuple[str, Any]:
    """``"array.rows=128"`` -> ``("array.rows", 128)``; the value is read as YAML."""
    if "=" not in text:
        raise AccelsimError(f"must be key=value, got {text!r}", field="--set")
    key, value = text.split("=", 1)
    if not key.strip():
        raise AccelsimError(f"must be key=value with a dotted key such as array.rows, got {text!r}",
                            field="--set")
    return key.strip(), schema.yaml_value(value, f"--set {key}")


def apply_override(raw: Any, key: str, value: Any) -> None:
    """Set dotted ``key`` (``"array.rows"``) of the parsed YAML mapping ``raw`` to ``value``, in place."""
    # a missing block or leaf may be optional (``energy.mac_pj`` on a file without ``energy:``),
    # so it is created; validation then decides whether the key is allowed, as for the file
    node = raw
    parts = key.split(".")
    for i, part in enumerate(parts[:-1]):
        if not isinstance(node, dict):
            raise AccelsimError("no such field to override", field=".".join(parts[:i]) or key)
        if node.get(part) is None:
            node[part] = {}
        node = node[part]
    if not isinstance(node, dict):
        raise AccelsimError("no such field to override", field=".".join(parts[:-1]) or key)
    node[parts[-1]] = value
