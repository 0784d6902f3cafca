"""Which layer a compression pass is working on, for whoever shows progress (the CLI's status line).

Passes walk their layers through :func:`layers`; nothing is shown unless a front end has set a
reporter with :func:`reporting`, and then only once a pass has run for :data:`AFTER_S` seconds,
so quick passes stay silent.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")

#: a pass that takes less than this (s) reports nothing
AFTER_S = 1.0

_reporter: contextvars.ContextVar[Callable[[str], None] | None] = contextvars.ContextVar("reporter", default=None)


@contextlib.contextmanager
def reporting(report: Callable[[str], None]):
    """Within the block, passes call ``report(text)`` as they reach each layer (after the first second)."""
    token = _reporter.set(report)
    try:
        yield
    finally:
        _reporter.reset(token)


def layers(items: Iterable[T], what: str, name: Callable[[T], str] = str) -> Iterator[T]:
    """``items`` one by one, telling the reporter ``"<what>: layer i/n <name>"`` before each once
    :data:`AFTER_S` has passed since the first."""
    report = _reporter.get()
    if report is None:
        yield from items
        return
    items = list(items)
    t0 = time.perf_counter()
    for i, item in enumerate(items):
        if time.perf_counter() - t0 >= AFTER_S:
            report(f"{what}: layer {i + 1}/{len(items)} {name(item)}")
        yield item
