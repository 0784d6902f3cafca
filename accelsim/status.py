"""The transient status line on a terminal's stderr while a long command works."""

from __future__ import annotations

import contextlib
import sys


def working(what: str, quiet: bool = False):
    """A context showing ``what`` on stderr while a long run works (instruction-level runs take a minute),
    with the layer a slow compression pass has reached; nothing when stderr is not a terminal or ``quiet``."""
    if quiet or not sys.stderr.isatty():
        return contextlib.nullcontext()
    from rich.console import Console
    from accelsim.compress.progress import reporting
    stack = contextlib.ExitStack()
    status = stack.enter_context(Console(stderr=True).status(what))
    stack.enter_context(reporting(lambda text: status.update(f"{what}: {text}")))
    return stack
