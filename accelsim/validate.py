"""Every family's published-figure checks, for ``accelsim validate``.

Each family keeps its own figures beside its code (``accelsim/families/<name>/validate.py``)
and hands them over as its ``checks``; see :class:`accelsim.check.Check`.
"""

from __future__ import annotations

from accelsim.check import Check
from accelsim.registry import families


def checks() -> list[Check]:
    """Every published-figure check of every registered family, computed now (family by family)."""
    return [c for fam in families().values() if fam.checks is not None for c in fam.checks()]
