"""The one exception type for bad user input.

accelsim keeps three kinds of failure apart (STYLE.md habit 5): bad input raises
:class:`AccelsimError` with the file and the field that are wrong; an illegal mapping met
during a search is a value carrying its reason; anything else is a bug.
"""

from __future__ import annotations

import os

#: files inside the installed package (presets) are named by their file name, never by an install path
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


_ONE_LINE = str.maketrans({"\n": "\\n", "\r": "\\r", "\x0b": "\\v", "\x0c": "\\f", "\x1c": " ", "\x1d": " ",
                           "\x1e": " ", "\x85": " ", "\u2028": " ", "\u2029": " "})


class AccelsimError(Exception):
    """Bad user input: a one-line message naming the file, the field and what is allowed.

    ``str(err)`` reads ``"tpu_v1.yaml: memory.unified_buffer.capacity_bytes: must be > 0, got -4"``.
    The CLI prints exactly that line and exits with status 2.
    """

    def __init__(self, message: str, *, file: str | None = None, field: str | None = None):
        self.message = message
        self.file = file
        self.field = field
        super().__init__(self._render())

    def _render(self) -> str:
        file = self.file
        if file and os.path.abspath(file).startswith(_PACKAGE_DIR):
            file = os.path.basename(file)  # a preset the user never edited: its name, not where pip put it
        parts = [p for p in (file, self.field) if p]
        # one line, whatever a file or a user put in a key or a value (a YAML key may hold a newline)
        return ": ".join(parts + [self.message]).translate(_ONE_LINE)

    def located(self, file: str | None = None, prefix: str | None = None) -> "AccelsimError":
        """Return a copy with ``file`` set (if missing) and ``prefix.`` prepended to the field."""
        field = self.field
        if prefix:
            field = f"{prefix}.{field}" if field else prefix
        return AccelsimError(self.message, file=self.file or file, field=field)
