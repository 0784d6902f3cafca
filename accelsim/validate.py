"""Every family's published-figure checks, for ``accelsim validate``.

Each family keeps its own figures beside its code (``accelsim/families/<name>/validate.py``)
and hands them over as its ``checks``; see :class:`accelsim.check.Check`.
"""

from __future__ import annotations

from typing import Callable, Iterable

from accelsim.check import Check
from accelsim.registry import families


def checks(only: Iterable[str] | None = None, progress: Callable[[str, int], None] | None = None) -> list[Check]:
    """Every published-figure check of the registered families (those named in ``only``, if given), computed now.

    ``progress(family title, checks so far)`` is called before each family's checks run.
    """
    names = set(only) if only else None
    out: list[Check] = []
    for fam in families().values():
        if fam.checks is not None and (names is None or fam.name in names):
            if progress:
                progress(fam.title, len(out))
            out += fam.checks()
    return out
