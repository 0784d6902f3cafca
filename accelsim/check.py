"""One comparison of accelsim against a published figure: what, how close, and why if it misses.

Families return lists of :class:`Check` from their ``checks()`` (see :mod:`accelsim.family`);
``accelsim validate`` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    """One comparison: ``measured`` against ``published`` within relative ``tolerance``.

    ``tolerance`` None marks a figure reported for comparison only (the model is known to be
    simpler than what was measured; ``note`` says how).
    """

    name: str
    published: float
    measured: float
    tolerance: float | None
    unit: str
    source: str
    note: str = ""
    known: str = ""  # a disagreement already reported, with its suspected cause

    @property
    def unexpected_failure(self) -> bool:
        """Out of tolerance and not a known, explained disagreement."""
        return not self.ok and not self.known

    @property
    def error(self) -> float:
        """Relative error of the measured figure."""
        return (self.measured - self.published) / self.published

    @property
    def ok(self) -> bool:
        """Within tolerance."""
        return self.tolerance is None or abs(self.error) <= self.tolerance + 1e-12

    @property
    def published_text(self) -> str:
        return f"{self.published:g} {self.unit}"

    @property
    def measured_text(self) -> str:
        return f"{self.measured:.4g} {self.unit} ({100 * self.error:+.1f} %)"

    @property
    def tolerance_text(self) -> str:
        return "report only" if self.tolerance is None else f"±{100 * self.tolerance:g} %"
