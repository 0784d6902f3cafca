"""A network on a DianNao/Cambricon arch: compile, assemble, then time every dynamic instruction.

The family's whole run (its ``simulate``), its assembly listing (``program``) and its
instruction-level Perfetto timeline (``perfetto``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from accelsim.families.cambricon.account import CambriconRun, account, bound, sum_ops
from accelsim.families.cambricon.asm import Program, assemble
from accelsim.families.cambricon.compiler import compile_network
from accelsim.families.cambricon.core import run_core
from accelsim.families.cambricon.fastcore import PackedProgram, pack_text, run_core_compiled
from accelsim.families.cambricon.interp import Machine, iter_dynamic
from accelsim.families.cambricon.spec import CambriconSpec
from accelsim.sim.dram_run import dram_for_run
from accelsim.workload import Network


def compile_program(net: Network, spec: CambriconSpec, batch: int = 1):
    """The compiled program (``.text`` assembly, ``.labels`` one per layer) for ``net`` at ``batch``."""
    return compile_network(net, dict(spec.scratchpad_bytes), spec.matrix.rows, spec.matrix.cols, batch,
                           bytes_per_cycle=spec.dram.bandwidth_bytes_per_s / spec.clock_hz,
                           weight_format=spec.weight_format)


def run_cambricon(net: Network | str, spec: CambriconSpec | str, batch: int = 1, log: bool = False,
                  free_control: bool = False, reference: bool = False) -> CambriconRun:
    """Compile, assemble and time ``net`` (a Network or zoo name) on ``spec`` (a spec or preset name).

    Returns a :class:`CambriconRun`.

    The compiled core (:func:`accelsim.families.cambricon.fastcore.run_core_compiled`) follows the
    program's control flow and times every dynamic instruction in one kernel call. With
    ``reference`` (or a DRAM model the kernel does not carry) the readable Python path runs
    instead: the interpreter follows control flow without moving data
    (:func:`accelsim.families.cambricon.interp.iter_dynamic`) and
    :func:`accelsim.families.cambricon.core.run_core` times each instruction; both give the same
    result. With ``log`` the run keeps each instruction's (pc, op, unit, issue, start, done)
    cycles; ``free_control`` see :func:`accelsim.families.cambricon.core.run_core`.
    """
    net, spec = _resolve(net, spec)
    assembled = _program(net, spec, batch)
    return _account(net, spec, batch, assembled, _time(assembled, spec, log, free_control, reference))


def run_cambricon_energies(net: Network, spec: CambriconSpec, energies: tuple, batch: int = 1) -> tuple[CambriconRun, ...]:
    """``run_cambricon(net, dataclasses.replace(spec, energy=e), batch)`` for each ``e`` in ``energies``, from one core run.

    Nothing before the accounting (compiler, assembler, core, DRAM timing) reads the energy table,
    so one run priced with each table gives what a run per table would (pJ, cycles alike).
    """
    assembled = _program(net, spec, batch)
    timed = _time(assembled, spec, False, False, False)
    return tuple(_account(net, dataclasses.replace(spec, energy=e), batch, assembled, timed) for e in energies)


def run_cambricon_control(net: Network, spec: CambriconSpec, batch: int = 1) -> tuple[CambriconRun, CambriconRun]:
    """``(run_cambricon(net, spec, batch), run_cambricon(net, spec, batch, free_control=True))`` from one compiled
    and assembled program (``free_control`` changes only the core's timing)."""
    assembled = _program(net, spec, batch)
    isa, fixed = (_account(net, spec, batch, assembled, _time(assembled, spec, False, free, False))
                  for free in (False, True))
    return isa, fixed


def _resolve(net, spec):
    if isinstance(net, str):
        from accelsim.workload import load_model
        net = load_model(net)
    if isinstance(spec, str):
        from accelsim.registry import load_arch
        spec = load_arch(spec)
    return net, spec


@dataclass(frozen=True)
class _Assembled:
    """A compiled program assembled for the compiled core: its source, arrays and each layer's first pc."""

    text: str
    file: str
    packed: PackedProgram
    pcs: list[int]

    def program(self) -> Program:
        """The same program as instructions, for the readable Python path (assembled on demand)."""
        return assemble(self.text, file=self.file)


def _program(net, spec, batch) -> _Assembled:
    """``net`` at ``batch`` on ``spec`` compiled and assembled into the core's arrays (:func:`pack_text`)."""
    compiled = compile_program(net, spec, batch)
    file = f"{net.name}.{spec.name}.s"
    packed, labels = pack_text(compiled.text, file)
    return _Assembled(compiled.text, file, packed, [labels[n] for n in compiled.labels])


def _time(assembled, spec, log, free_control, reference):
    """``(core run, DRAM model)``: the :func:`_program` timed on the core (compiled, or the readable Python path)."""
    pcs = assembled.pcs
    dram = dram_for_run(spec.dram, spec.clock_hz)
    run = None if reference else run_core_compiled(assembled.packed, spec, pcs, dram, log=log,
                                                   free_control=free_control)
    if run is None:
        machine = Machine.create(dict(spec.scratchpad_bytes), np.zeros(0, np.uint8))
        run = run_core(iter_dynamic(assembled.program(), machine, functional=False), spec, pcs, dram, log=log,
                       free_control=free_control)
    return run, dram


def _account(net, spec, batch, assembled, timed) -> CambriconRun:
    (run, dram), pcs = timed, assembled.pcs
    layers = tuple((l.name, l.op, l.macs) for l in net.layers)
    return CambriconRun(account(net.name, layers, spec, batch, run, dram), run.steps, len(assembled.packed.op),
                        sum_ops(run), tuple(bound(t) for t in run.layers), run.log, tuple(pcs))


def perfetto_document(net: Network, spec: CambriconSpec, batch: int = 1) -> dict:
    """Trace events of the run: one slice per non-scalar instruction on its unit's track (Perfetto JSON)."""
    from accelsim.sim.perfetto import instruction_events
    run = run_cambricon(net, spec, batch, log=True)
    names = [l.name for l in run.result.layers]
    return instruction_events(run.log, list(run.layer_pcs), names, spec.clock_hz,
                              f"{run.result.model} on {spec.name}, batch {batch}")
