"""The public entry points: simulate a network on an arch, replay a trace.

``simulate`` runs the whole spine: workload -> lower -> trace -> sim -> Result. Each stage is
a plain function; this module only wires them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from accelsim.arch.load import load_arch
from accelsim.arch.cambricon import CambriconSpec
from accelsim.arch.eyeriss import EyerissSpec
from accelsim.arch.fpga import FpgaSpec
from accelsim.arch.spec import ArchSpec
from accelsim.errors import AccelsimError
from accelsim.result import Result
from accelsim.trace import Trace
from accelsim.workload import Network, load_model


def _arch(arch: ArchSpec | EyerissSpec | str | Path):
    return arch if isinstance(arch, (ArchSpec, EyerissSpec, FpgaSpec, CambriconSpec)) else load_arch(arch)


def _network(model: Network | str | Path) -> Network:
    return model if isinstance(model, Network) else load_model(model)


def lower(model: Network | str | Path, arch: ArchSpec | str | Path, batch: int = 1,
          input_on_chip: bool = False, activations: str = "layer") -> Trace:
    """Lower ``model`` for ``arch`` at ``batch`` samples; returns the trace.

    ``input_on_chip``: the network input is already in the input buffer (not read from DRAM).
    ``activations``: where zero-skipping machines get ifmap densities: ``"layer"`` (each
    layer's ``act_density``) or ``"functional"`` (a run of the network on seeded synthetic
    weights and a seeded input, with its own ReLUs).
    """
    spec = _arch(arch)
    net = _network(model)
    if spec.family == "systolic":
        from accelsim.lower.systolic import lower_network
        return lower_network(net, spec, batch, input_on_chip)
    if spec.family == "eyeriss":
        from accelsim.lower.eyeriss import lower_network as lower_rs
        dens = None
        if activations == "functional":
            from accelsim.compress import synthetic_weights
            from accelsim.compress.functional import activation_densities
            dens = activation_densities(net, synthetic_weights(net, seed=0))
        elif activations != "layer":
            raise AccelsimError(f"must be layer or functional, got {activations!r}", field="--activations")
        return lower_rs(net, spec, batch, densities=dens)[0]
    if spec.family == "fpga":
        from accelsim.lower.fpga import lower_network as lower_fpga
        return lower_fpga(net, spec, batch)[0]
    if spec.family == "cambricon":
        raise AccelsimError("DianNao/Cambricon archs lower to an assembly program, not a trace: use "
                            "compile_program (accelsim lower -o FILE.s)", field="family")
    raise AccelsimError(f"family {spec.family!r} has no lowering yet", file=spec.file, field="family")


def compile_program(model: Network | str | Path, arch: CambriconSpec | str | Path, batch: int = 1) -> str:
    """The assembly program (text) that runs ``model`` at ``batch`` on a DianNao/Cambricon ``arch``."""
    spec = _arch(arch)
    if spec.family != "cambricon":
        raise AccelsimError(f"arch {spec.name} is a {spec.family} arch; programs are for DianNao/Cambricon archs",
                            field="--arch")
    from accelsim.lower.cambricon.compiler import compile_network
    net = _network(model)
    return compile_network(net, dict(spec.scratchpad_bytes), spec.matrix.rows, spec.matrix.cols, batch,
                               bytes_per_cycle=spec.dram.bandwidth_bytes_per_s / spec.clock_hz).text


def run_trace(trace: Trace, arch: ArchSpec | str | Path) -> Result:
    """Simulate a lowered trace on ``arch``; returns per-layer cycles, traffic and energy."""
    spec = _arch(arch)
    if spec.family == "systolic":
        from accelsim.lower.systolic import UNITS
        from accelsim.sim.systolic import evaluate
        if tuple(trace.units) != UNITS:
            raise AccelsimError(f"trace units {' '.join(trace.units)} are not the systolic units "
                                f"{' '.join(UNITS)}", field="units")
        missing = [b.name for b in spec.buffers if b.name not in trace.memories]
        if missing:
            raise AccelsimError(f"trace has no memory {missing[0]!r} of arch {spec.name}; it was lowered "
                                f"for another arch ({trace.arch})", field="memories")
        return evaluate(trace, spec)
    if spec.family == "eyeriss":
        from accelsim.lower.eyeriss import UNITS as RS_UNITS
        from accelsim.sim.eyeriss import evaluate as evaluate_rs
        if tuple(trace.units) != RS_UNITS:
            raise AccelsimError(f"trace units {' '.join(trace.units)} are not the Eyeriss units "
                                f"{' '.join(RS_UNITS)}", field="units")
        return evaluate_rs(trace, spec)
    if spec.family == "fpga":
        from accelsim.lower.fpga import UNITS as FPGA_UNITS
        from accelsim.sim.fpga import evaluate as evaluate_fpga
        if tuple(trace.units) != FPGA_UNITS:
            raise AccelsimError(f"trace units {' '.join(trace.units)} are not the FPGA units "
                                f"{' '.join(FPGA_UNITS)}", field="units")
        pes = int(max((int(x) for x in trace.ops["rows"][trace.ops["kind"] == 2]), default=1))
        return evaluate_fpga(trace, spec, pes)
    raise AccelsimError(f"family {spec.family!r} has no simulator yet", file=spec.file, field="family")


def simulate(model: Network | str | Path, arch: ArchSpec | str | Path, batch: int = 1,
             input_on_chip: bool = False, passes: tuple[str, ...] = (), weights: str | Path | None = None,
             seed: int = 0, activations: str = "layer") -> Result:
    """Simulate ``model`` (a Network, zoo name or model file) on ``arch`` (spec, preset or YAML) at ``batch``.

    ``input_on_chip``: start with the network input in the input buffer instead of DRAM.
    ``passes``: compression specs applied in order first (``"w4a8"``, ``"channel:0.3"``,
    ``"tucker2:0.25"``; see :mod:`accelsim.compress`). ``weights``: ``"synthetic"`` (seeded)
    or a ``.npz`` file, so the passes compute real factors and report their error; without
    it they change shapes, bit widths and densities only. ``activations``: see :func:`lower`.
    """
    spec = _arch(arch)
    net = _network(model)
    records: tuple[dict, ...] = ()
    if passes:
        net, records = compress(net, passes, weights, seed)
    if spec.family == "cambricon":
        result = run_cambricon(net, spec, batch).result
    else:
        result = run_trace(lower(net, spec, batch, input_on_chip, activations), spec)
    return replace(result, compression=records) if records else result


def compress(net: Network, passes: tuple[str, ...], weights: str | Path | None = None,
             seed: int = 0) -> tuple[Network, tuple[dict, ...]]:
    """Apply compression ``passes`` to ``net``; returns the new network and one plain record per pass."""
    from accelsim.compress import apply_passes, load_npz_weights, synthetic_weights
    w = None
    if weights is not None:
        w = synthetic_weights(net, seed=seed) if str(weights) == "synthetic" else load_npz_weights(weights, net)
    net, _, recs = apply_passes(net, w, passes, seed=seed)
    return net, tuple(_record_dict(r) for r in recs)


def _record_dict(rec) -> dict:
    return {"pass": rec.name, "spec": rec.spec, "changed_layers": list(rec.changed),
            "skipped": [list(s) for s in rec.skipped], "with_weights": rec.with_weights,
            "params_before": rec.before.params, "params_after": rec.after.params,
            "macs_before": rec.before.macs, "macs_after": rec.after.macs,
            "effective_macs_after": rec.after.effective_macs, "weight_bytes_before": rec.before.weight_bytes,
            "weight_bytes_after": rec.after.weight_bytes,
            "weight_error": dict(rec.weight_error), "output_error": dict(rec.output_error),
            "notes": list(rec.notes)}


DEFAULT_STUDY = ("w8a8", "w4a8", "magnitude:0.9", "channel:0.3", "svd:0.25", "tucker2:0.25", "grouped:4")


def compare(model: Network | str | Path, archs: tuple[ArchSpec | str | Path, ...],
            passes: tuple[str, ...] = DEFAULT_STUDY, batch: int = 1) -> list[dict]:
    """Each pass alone against the uncompressed network, on each arch: paper gains vs simulated gains.

    One row per (pass, arch): ``param_reduction``, ``weight_bytes_reduction`` and
    ``mac_reduction`` (x, on paper, from the network), ``speedup`` and ``energy_saving`` (x, simulated on the arch), and the pass's note.
    A pass the arch cannot run (e.g. no legal mapping) gets its error in ``error``.
    """
    net = _network(model)
    specs = [_arch(a) for a in archs]
    base = {s.name: simulate(net, s, batch) for s in specs}
    rows = []
    for spec_text in passes:
        small, recs = compress(net, (spec_text,))
        rec = recs[0]
        eff = rec["effective_macs_after"] or rec["macs_after"]
        for s in specs:
            row = {"pass": spec_text, "arch": s.name, "param_reduction": rec["params_before"] / rec["params_after"],
                   "weight_bytes_reduction": rec["weight_bytes_before"] / rec["weight_bytes_after"],
                   "mac_reduction": rec["macs_before"] / eff, "speedup": None, "energy_saving": None, "error": ""}
            try:
                r = simulate(small, s, batch)
                row["speedup"] = base[s.name].cycles / r.cycles
                row["energy_saving"] = base[s.name].total_energy_pj / r.total_energy_pj
            except AccelsimError as e:
                row["error"] = str(e)
            rows.append(row)
    return rows


def timeline(trace: Trace, arch: ArchSpec | str | Path):
    """When each op of ``trace`` ran on ``arch`` (an :class:`accelsim.sim.engine.Timeline`, cycles)."""
    spec = _arch(arch)
    if spec.family == "systolic":
        from accelsim.sim.systolic import run
    elif spec.family == "eyeriss":
        from accelsim.sim.eyeriss import run
    elif spec.family == "fpga":
        from accelsim.sim.fpga import run
    else:
        raise AccelsimError(f"family {spec.family!r} has no simulator yet", field="family")
    return run(trace, spec)


def run_cambricon(model: Network | str | Path, arch: CambriconSpec | str | Path, batch: int = 1, log: bool = False,
                  free_control: bool = False):
    """Compile, assemble and time ``model`` on a DianNao/Cambricon ``arch``; returns a ``CambriconRun``.

    The interpreter follows the program's control flow without moving data
    (:func:`accelsim.lower.cambricon.interp.iter_dynamic`), and the core
    (:func:`accelsim.sim.cambricon.run_core`) times every dynamic instruction. With ``log`` the
    run keeps each instruction's (pc, op, unit, issue, start, done) cycles; ``free_control`` see
    :func:`accelsim.sim.cambricon.run_core`.
    """
    import numpy as np

    from accelsim.lower.cambricon.asm import assemble
    from accelsim.lower.cambricon.compiler import compile_network
    from accelsim.lower.cambricon.interp import Machine, iter_dynamic
    from accelsim.sim.cambricon import run_core
    from accelsim.sim.cambricon_eval import CambriconRun, account, bound, sum_ops
    from accelsim.sim.dram import dram_for_run

    spec = _arch(arch)
    net = _network(model)
    compiled = compile_network(net, dict(spec.scratchpad_bytes), spec.matrix.rows, spec.matrix.cols, batch,
                               bytes_per_cycle=spec.dram.bandwidth_bytes_per_s / spec.clock_hz)
    program = assemble(compiled.text, file=f"{net.name}.{spec.name}.s")
    labels = dict(program.labels)
    machine = Machine.create(dict(spec.scratchpad_bytes), np.zeros(0, np.uint8))
    dram = dram_for_run(spec.dram, spec.clock_hz)
    pcs = [labels[n] for n in compiled.labels]
    run = run_core(iter_dynamic(program, machine, functional=False), spec, pcs, dram, log=log,
                   free_control=free_control)
    layers = tuple((l.name, l.op, l.macs) for l in net.layers)
    return CambriconRun(account(net.name, layers, spec, batch, run, dram), run.steps, len(program.insns), sum_ops(run),
                        tuple(bound(t) for t in run.layers), run.log, tuple(pcs))
