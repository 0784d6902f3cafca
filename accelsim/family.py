"""What a chip family hands the registry: one frozen :class:`Family` value.

A family lives in one folder: ``accelsim/families/<name>/`` in this tree, or a package of the
user's own registered under the entry-point group ``accelsim.families``. The folder's
``FAMILY`` attribute is a :class:`Family`. The API, the CLI, ``validate``, sweeps and plots
reach a family only through these fields, so a new chip adds a folder and edits no shared file.

A field left ``None`` is a capability the family lacks; the shared code answers a request
for it with a one-line error worded from the family's ``title``. The callables should import
their heavy modules when called, so that finding families stays cheap (``accelsim --help``
looks at every family's options).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from accelsim.errors import AccelsimError


@dataclass(frozen=True)
class Option:
    """A command-line option that only some families take, declared by each family that takes it.

    ``flag`` (``"--compat"``) is added to each subcommand in ``commands``; ``choices``,
    ``metavar`` and ``is_flag`` (a switch) shape it. It does one of three things:

    * ``arch_key``: its value overrides that arch field (``--compat scalesim`` sets ``array.compat``);
    * ``arch_reader``: its value is an arch file in another format, read into an arch mapping
      (with a ``family`` key) in place of ``--arch`` (``--scalesim-config FILE.cfg``);
    * ``run``: a job done before the simulation, ``run(spec, network, batch, value) -> (message, ok)``
      (SRAM address traces, a functional co-simulation); the CLI prints ``message`` unless
      quiet, and exits 1 when ``ok`` is false.

    Given with an arch whose family does not declare it, the option is a one-line error.
    """

    flag: str
    help: str
    commands: tuple[str, ...] = ("simulate",)
    metavar: str | None = None
    choices: tuple[str, ...] = ()
    is_flag: bool = False
    arch_key: str = ""
    arch_reader: Callable[[str], dict] | None = None
    run: Callable[..., tuple[str, bool]] | None = None
    writes: bool = False   # its value is a folder the option writes into (checked before the run starts)

    @property
    def dest(self) -> str:
        """The argparse attribute the option's value lands in (``--sram-traces`` -> ``sram_traces``)."""
        return self.flag.lstrip("-").replace("-", "_")


@dataclass(frozen=True)
class Plot:
    """A figure a family adds to ``accelsim plot``: ``draw(spec | None, model | None, batch) -> Figure``.

    A ``kind`` the shared plots do not have (``dataflows``) becomes a new ``accelsim plot``
    kind; a shared kind (``roofline``) is drawn by the family when no ``--model`` is given.
    """

    kind: str
    help: str
    draw: Callable[..., Any]


@dataclass(frozen=True)
class Family:
    """One chip family: how its arch files load, how a network runs on it, what it can do.

    Required:

    * ``name``: the ``family:`` key of its arch files (one word); ``title``: how messages name
      it in messages ("... archs have no op timeline").
    * ``from_dict(raw, file) -> spec``: validate a parsed arch mapping (unknown keys are errors,
      each error names its dotted field) and build the family's frozen spec. Every spec has
      ``name``, ``family``, ``clock_hz``, ``peak_macs_per_s`` and ``dram``
      (:class:`accelsim.arch.spec.DramSpec`).
    * ``list_row(spec) -> (array, dataflow, clock, buffers, DRAM)``: its line in ``accelsim list archs``.

    How a network runs (at least ``simulate`` or both ``lower`` and ``evaluate``):

    * ``lower(network, spec, batch, input_on_chip, activations) -> Trace`` and
      ``evaluate(trace, spec) -> Result``: the trace path (``accelsim lower``, ``run-trace``);
      ``timeline(trace, spec) -> Timeline``: when each op ran (``--timeline``, ``plot timeline``).
    * ``simulate(network, spec, batch, input_on_chip, activations) -> Result``: the whole run;
      ``None`` means ``evaluate(lower(...))``.
    * ``program(network, spec, batch) -> str``: an assembly program instead of a trace (``accelsim
      lower -o FILE.s``); ``perfetto(network, spec, batch) -> dict``: an instruction-level
      trace-event document for ``--timeline`` when there is no op timeline.

    With ``uses_weights``, ``lower`` and ``simulate`` also take ``weights=``: the network's weights
    after the compression passes (``None`` without ``--weights``), for chips whose time depends
    on where the non-zeros fall.

    The rest: ``presets`` (a folder of ``<name>.yaml`` arch files, listed by ``accelsim list
    archs``), ``checks() -> list[Check]`` (published figures for ``accelsim validate``),
    ``options`` (:class:`Option`), ``plots`` (:class:`Plot`) and ``source`` (the paper or
    part the family models). ``ops``: the op kinds (:func:`accelsim.workload.layer.op_kind`) the family
    runs, None for every op; a model with another is refused before lowering, with ``ops_note`` saying why
    (``train_note`` instead, when the op is one a training step added: ``--train``).
    """

    name: str
    title: str
    from_dict: Callable[[dict, str], Any]
    list_row: Callable[[Any], tuple[str, str, str, str, str]]
    lower: Callable[..., Any] | None = None
    evaluate: Callable[[Any, Any], Any] | None = None
    simulate: Callable[..., Any] | None = None
    timeline: Callable[[Any, Any], Any] | None = None
    program: Callable[..., str] | None = None
    perfetto: Callable[..., dict] | None = None
    presets: Path | None = None
    checks: Callable[[], list] | None = None
    options: tuple[Option, ...] = ()
    plots: tuple[Plot, ...] = ()
    source: str = ""
    uses_weights: bool = False
    ops: frozenset[str] | None = None
    ops_note: str = ""
    train_note: str = ""

    def __post_init__(self) -> None:
        if not self.name or not self.name.replace("_", "").isalnum():
            raise AccelsimError(f"must be one word (the arch files' family key), got {self.name!r}",
                                field="Family.name")
        if self.simulate is None and (self.lower is None or self.evaluate is None):
            raise AccelsimError(f"family {self.name!r} needs simulate, or both lower and evaluate",
                                field="Family.simulate")

    def option(self, flag: str) -> Option | None:
        """The family's declaration of ``flag``, or None if it does not take it."""
        return next((o for o in self.options if o.flag == flag), None)

    def plot(self, kind: str) -> Plot | None:
        """The family's figure of ``kind``, or None."""
        return next((p for p in self.plots if p.kind == kind), None)


def lazy(module: str, name: str) -> Callable[..., Any]:
    """``module.name``, imported when first called, so that building a ``FAMILY`` imports nothing heavy."""
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)
    call.__name__ = name
    call.__qualname__ = f"{module}.{name}"
    return call


def check_trace_units(trace: Any, units: tuple[str, ...], title: str) -> None:
    """A trace replayed on a family must name the family's units, in the family's order."""
    if tuple(trace.units) != tuple(units):
        raise AccelsimError(f"trace units {' '.join(trace.units)} are not the {title} units {' '.join(units)}",
                            field="units")
