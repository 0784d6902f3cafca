"""One comparison of accelsim against a published figure: what, how close, and why if it misses.

Families return lists of :class:`Check` from their ``checks()`` (see :mod:`accelsim.family`);
``accelsim validate`` prints them.

A check is one of two kinds. A *simulated* check runs the model: its figure could come out
wrong if the simulator were wrong. A *sanity* check is arithmetic on the preset (a peak from
the preset's own fields, a ridge from its bandwidth, a count from the paper's own mapping):
it catches a mistyped preset, not a wrong model, and is counted apart.

Its tolerance states the fidelity the model claims for that figure, set before looking at
the result; the classes used across the families (docs/references.md) are:

- exact, or the published number's own rounding: counts and arithmetic;
- 10 %: cycles, latency, throughput or traffic simulated with the paper's own inputs;
- 25 %: a figure whose run rests on an assumed input (layer shapes, densities, mapping), or an
  energy or power figure priced with a generic (not the chip's own) energy table.

A check that misses its tolerance is either a *known* miss, whose ``known`` text names the
cause and the mechanism that would close it ("would close: ..."), or a failure: ``accelsim
validate`` exits 1. ``tolerance`` None ("report only") is kept for a figure whose source is
not confirmed (REFERENCES.md confidence S or UNCONFIRMED); its ``note`` says so.
"""

from __future__ import annotations

from dataclasses import dataclass

#: what a check's figure comes from: the simulator, or arithmetic on the preset's own numbers
KINDS = ("simulated", "sanity")
#: REFERENCES.md confidence tags of a figure not confirmed from the paper itself (secondary, or none)
UNCONFIRMED = ("S", "UNCONFIRMED")
#: REFERENCES.md confidence tags (docs/references.md repeats them per figure)
CONFIDENCE = ("P", "A", "T", "D") + UNCONFIRMED
#: the share beyond which a figure is not counted "within 10 %" in validate's summary
CLOSE = 0.10


@dataclass(frozen=True)
class Check:
    """One comparison: ``measured`` against ``published`` within relative ``tolerance``.

    ``tolerance`` None marks a figure reported for comparison only, allowed only where the
    published figure's source is unconfirmed; ``note`` says why. ``kind`` is ``"simulated"``
    or ``"sanity"`` (see the module docstring). ``confidence`` is the figure's REFERENCES.md
    tag. ``assumptions`` are ``(assumed preset value, the figure's sensitivity to it)`` pairs,
    printed under validate's table.
    """

    name: str
    published: float
    measured: float
    tolerance: float | None
    unit: str
    source: str
    note: str = ""
    known: str = ""  # a disagreement already reported: its cause, and what would close it
    kind: str = "simulated"
    confidence: str = ""
    assumptions: tuple[tuple[str, str], ...] = ()

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"check {self.name!r}: kind must be one of {', '.join(KINDS)}, got {self.kind!r}")
        if self.confidence and self.confidence not in CONFIDENCE:
            raise ValueError(f"check {self.name!r}: confidence must be one of {', '.join(CONFIDENCE)}, "
                             f"got {self.confidence!r}")
        if self.tolerance is None:
            if not self.note:
                raise ValueError(f"check {self.name!r}: a report-only check (tolerance None) needs a note saying "
                                 "why its source is unconfirmed")
            if self.confidence and self.confidence not in UNCONFIRMED:
                raise ValueError(f"check {self.name!r}: report only is for unconfirmed sources "
                                 f"({', '.join(UNCONFIRMED)}); a {self.confidence} figure needs a tolerance")
            if self.known:
                raise ValueError(f"check {self.name!r}: a known miss needs the tolerance it misses")

    @property
    def unexpected_failure(self) -> bool:
        """Out of tolerance and not a known, explained disagreement."""
        return not self.ok and not self.known

    @property
    def error(self) -> float:
        """Relative error of the measured figure."""
        return (self.measured - self.published) / self.published

    @property
    def report_only(self) -> bool:
        """No tolerance: printed beside the paper's figure, never asserted."""
        return self.tolerance is None

    @property
    def within(self) -> bool:
        """Has a tolerance and is within it."""
        return self.tolerance is not None and abs(self.error) <= self.tolerance + 1e-12

    @property
    def ok(self) -> bool:
        """Within tolerance, or report only (nothing to miss)."""
        return self.tolerance is None or self.within

    @property
    def status(self) -> str:
        """``within``, ``known miss``, ``report only`` or ``MISS`` (out of tolerance, cause unknown)."""
        if self.report_only:
            return "report only"
        if self.within:
            return "within"
        return "known miss" if self.known else "MISS"

    @property
    def published_text(self) -> str:
        return f"{self.published:g} {self.unit}"

    @property
    def measured_text(self) -> str:
        return f"{self.measured:.4g} {self.unit} ({100 * self.error:+.1f} %)"

    @property
    def tolerance_text(self) -> str:
        return "report only" if self.tolerance is None else f"±{100 * self.tolerance:g} %"


def sensitivity(base: float, perturbed: list[tuple[str, float]]) -> str:
    """How far a figure moves when an assumed value does: ``"x0.75: -3.1 %, x1.25: +2.0 %"``.

    ``base`` is the figure as checked; ``perturbed`` holds ``(what changed, the figure re-run with it)``.
    """
    return ", ".join(f"{label}: {100 * (value / base - 1):+.1f} %" for label, value in perturbed)


def summary(checks: list[Check]) -> str:
    """One line of counts: simulated within tolerance / known misses / report only / unexplained, sanity, within 10 %."""
    sim = [c for c in checks if c.kind == "simulated"]
    san = [c for c in checks if c.kind == "sanity"]

    def count(rows, status):
        return sum(c.status == status for c in rows)

    close = [c for c in checks if abs(c.error) <= CLOSE + 1e-12]
    parts = [f"{len(checks)} figures: simulated {count(sim, 'within')} within tolerance, "
             f"{count(sim, 'known miss')} known misses, {count(sim, 'report only')} report only"]
    if count(sim, "MISS"):
        parts[0] += f", {count(sim, 'MISS')} unexplained misses"
    sanity = ", ".join(f"{count(san, s)} {s}" for s in ("within", "known miss", "report only", "MISS") if count(san, s))
    parts.append(f"sanity {len(san)}" + (f" ({sanity})" if sanity else ""))
    parts.append(f"within 10 %: {len(close)} ({sum(c.kind == 'simulated' for c in close)} simulated)")
    return "; ".join(parts)
