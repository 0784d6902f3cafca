"""The public entry points: simulate a network on an arch, replay a trace.

``simulate`` runs the whole spine: workload -> lower -> trace -> sim -> Result. Each stage is
a plain function; this module only wires them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from accelsim.errors import AccelsimError
from accelsim.registry import families_with, family_of, load_arch
from accelsim.result import Result
from accelsim.trace import Trace
from accelsim.workload import Network, load_model
from accelsim.workload.limits import check_batch, check_memory


def _arch(arch: Any):
    return load_arch(arch) if isinstance(arch, (str, Path)) else arch


def _network(model: Network | str | Path) -> Network:
    return model if isinstance(model, Network) else load_model(model)


def _check_ops(fam, net: Network) -> None:
    """Refuse ``net`` in one line, the first layer whose op ``fam`` cannot run and why, unless all run."""
    if fam.ops is None:
        return
    from accelsim.workload.layer import op_kind
    missing = [(layer, op_kind(layer)) for layer in net.layers if op_kind(layer) not in fam.ops]
    if missing:
        layer, kind = missing[0]
        others = list(dict.fromkeys(k for _, k in missing if k != kind))
        nor = f" (nor {', '.join(others)}, also in this model)" if others else ""
        training = layer.phase != "forward"
        note = fam.train_note if training and fam.train_note else fam.ops_note
        why = f": {note}" if note else ""
        raise AccelsimError(f"layer {layer.name} is {kind}, which {fam.title} does not run{nor}{why}",
                            field="--train" if training else "--model")


def _check_train(train: bool, optimizer: str | None) -> None:
    """An :class:`AccelsimError` on ``--optimizer`` unless it names an optimizer and comes with ``train``."""
    if optimizer is None:
        return
    from accelsim.workload.training import check_optimizer
    check_optimizer(optimizer)
    if not train:
        raise AccelsimError("chooses a training step's optimizer: give it with --train", field="--optimizer")


def _training(net: Network, train: bool, optimizer: str | None) -> Network:
    """``net``, or its training step (:func:`accelsim.workload.training.training_step`) with ``train``."""
    _check_train(train, optimizer)
    if not train:
        return net
    from accelsim.workload.training import training_step
    return training_step(net, optimizer or "sgd")


def _with_phases(result: Result, net: Network, batch: int) -> Result:
    """``result`` with each layer's phase, and the step's bytes (weights, master copy, gradients, optimizer state,
    saved activations) in ``training``, for a training step."""
    from accelsim.workload.layer import TRANSFORMER_OPS
    from accelsim.workload.training import APPROXIMATIONS, TRANSFORMER_APPROXIMATIONS, training_record
    phase = {l.name: l.phase for l in net.layers}
    layers = tuple(replace(l, phase=phase.get(l.name, "forward")) for l in result.layers)
    extra = TRANSFORMER_APPROXIMATIONS if any(l.op in TRANSFORMER_OPS for l in net.layers) else ()
    return replace(result, layers=layers, training=training_record(net, batch),
                   approximations=result.approximations + APPROXIMATIONS + extra)


def lower(model: Network | str | Path, arch: Any, batch: int = 1, input_on_chip: bool = False,
          activations: str = "layer", train: bool = False, optimizer: str | None = None) -> Trace:
    """Lower ``model`` for ``arch`` (a spec, preset name or YAML path) at ``batch`` samples; returns the trace.

    ``input_on_chip``: the network input is already in the input buffer (not read from DRAM).
    ``activations``: where zero-skipping machines get ifmap densities: ``"layer"`` (each
    layer's ``act_density``) or ``"functional"`` (a run of the network on seeded synthetic
    weights and a seeded input, with its own ReLUs). ``train``, ``optimizer``: see :func:`simulate`.
    """
    spec = _arch(arch)
    fam = family_of(spec)
    if fam.lower is None:
        if fam.program is not None:
            raise AccelsimError(f"{fam.title} archs lower to an assembly program, not a trace: use "
                                "compile_program (accelsim lower -o FILE.s)", field="family")
        raise AccelsimError(f"{fam.title} archs have no trace lowering", file=spec.file, field="family")
    if train and activations == "functional":
        raise AccelsimError("a training step runs on layer densities: leave out --activations functional",
                            field="--train")
    net = _training(_network(model), train, optimizer)
    _check_ops(fam, net)
    check_memory(net, check_batch(batch), weights=False, activations=activations == "functional")
    return fam.lower(net, spec, batch, input_on_chip, activations)


def compile_program(model: Network | str | Path, arch: Any, batch: int = 1, train: bool = False,
                    optimizer: str | None = None) -> str:
    """The assembly program (text) that runs ``model`` at ``batch`` on ``arch``, for families that run programs
    (``train``, ``optimizer``: a training step of it, see :func:`simulate`)."""
    spec = _arch(arch)
    fam = family_of(spec)
    if fam.program is None:
        takers = " or ".join(f.title for f in families_with(lambda f: f.program is not None)) or "no"
        raise AccelsimError(f"arch {spec.name} is a {spec.family} arch; programs are for {takers} archs",
                            field="--arch")
    net = _training(_network(model), train, optimizer)
    _check_ops(fam, net)
    return fam.program(net, spec, check_batch(batch))


def run_trace(trace: Trace, arch: Any) -> Result:
    """Simulate a lowered trace on ``arch``; returns per-layer cycles, traffic and energy."""
    spec = _arch(arch)
    fam = family_of(spec)
    if fam.evaluate is None:
        raise AccelsimError(f"{fam.title} archs do not replay traces; simulate the model instead "
                            f"(accelsim simulate --arch {spec.name} --model M)", field="family")
    return fam.evaluate(trace, spec)


def check_replay(trace: Trace, lowered_for: Any, arch: Any, what: str) -> None:
    """Refuse replaying ``trace`` on ``arch`` when ``arch`` would lower its model differently from what the trace
    was lowered for (its header's preset, else ``lowered_for``: the arch file given, before any override): the
    replay would report the other arch's PEs and utilization with the first one's cycles.

    Changes that only retime the same ops (DRAM, clock, energy) pass. ``what`` names the change in the error
    (``--set array.rows=64``). The check lowers the trace's model for both; a model that does not load cannot
    be checked, and is refused.
    """
    from accelsim.registry import preset_names
    spec = _arch(arch)
    base = _arch(trace.arch if trace.arch in preset_names() else (lowered_for or spec))
    fam = family_of(spec)
    if fam.lower is None or family_of(base).lower is None:
        return  # no trace lowering: run_trace says so itself
    try:
        net = _network(trace.model)
    except AccelsimError:
        raise AccelsimError(f"cannot check that it keeps what the trace was lowered for (its model {trace.model!r} "
                            "does not load): lower the model again with it", field=what) from None
    try:
        same = family_of(base) is fam and fam.lower(net, base, trace.batch) == fam.lower(net, spec, trace.batch)
    except AccelsimError:
        same = False
    if not same:
        import dataclasses
        a, b = _flat(dataclasses.asdict(base)), _flat(dataclasses.asdict(spec))
        diff = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k) and k not in ("name", "file", "source")]
        was = ", ".join(f"{k}={a.get(k)!r}" for k in diff[:3]) or base.name
        raise AccelsimError(f"changes what the trace was lowered for ({was}): the replay would report wrong PEs and "
                            "cycles; lower the model again with it (accelsim lower ... --set ...)", field=what)


def _flat(d: dict, prefix: str = "") -> dict:
    out = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out.update(_flat(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


def simulate(model: Network | str | Path, arch: Any, batch: int = 1,
             input_on_chip: bool = False, passes: tuple[str, ...] = (), weights: str | Path | None = None,
             seed: int = 0, activations: str = "layer", train: bool = False, optimizer: str | None = None) -> Result:
    """Simulate ``model`` (a Network, zoo name or model file) on ``arch`` (spec, preset or YAML) at ``batch``.

    ``input_on_chip``: start with the network input in the input buffer instead of DRAM.
    ``passes``: compression specs applied in order first (``"w4a8"``, ``"channel:0.3"``,
    ``"tucker2:0.25"``; see :mod:`accelsim.compress`). ``weights``: ``"synthetic"`` (seeded),
    a ``.npz`` file or loaded arrays, so the passes compute real factors and report their error; without
    it they change shapes, bit widths and densities only. ``activations``: see :func:`lower`.
    ``train``: simulate one training step of the (compressed) network instead of inference: forward, backward and
    the ``optimizer``'s update (``"sgd"`` with momentum, the default, or ``"adam"``); each layer result carries its
    phase and :meth:`Result.phases` splits the totals (:mod:`accelsim.workload.training`).
    """
    spec = _arch(arch)
    net = _network(model)
    _check_train(train, optimizer)
    check_memory(net, check_batch(batch), weights=weights is not None and not isinstance(weights, dict),
                 activations=activations == "functional")
    records: tuple[dict, ...] = ()
    w = None
    fam = family_of(spec)
    _check_ops(fam, net)
    if passes or (weights is not None and fam.uses_weights):
        net, w, records = _compress(net, passes, weights, seed)
    if train:
        if activations == "functional" or (w is not None and fam.uses_weights):
            raise AccelsimError("a training step runs on layer densities: leave out --activations functional and "
                                "--weights for this chip", field="--train")
        net = _training(net, train, optimizer)
        _check_ops(fam, net)
    kw = {"weights": w} if fam.uses_weights else {}
    if fam.simulate is not None:
        result = fam.simulate(net, spec, batch, input_on_chip, activations, **kw)
    else:
        result = fam.evaluate(fam.lower(net, spec, batch, input_on_chip, activations, **kw), spec)
    if train:
        result = _with_phases(result, net, batch)
    return replace(result, compression=records) if records else result



def compress(net: Network, passes: tuple[str, ...], weights: str | Path | None = None,
             seed: int = 0) -> tuple[Network, tuple[dict, ...]]:
    """Apply compression ``passes`` to ``net``; returns the new network and one plain record per pass."""
    net, _, records = _compress(net, passes, weights, seed)
    return net, records


def _compress(net: Network, passes: tuple[str, ...], weights: str | Path | None, seed: int):
    """:func:`compress`, also returning the weights after the passes (None without ``weights``)."""
    from accelsim.compress import apply_passes, load_npz_weights, load_onnx_weights, synthetic_weights
    w = None
    if isinstance(weights, dict):  # already loaded (and perhaps compressed) arrays
        w = weights
    elif weights is not None and str(weights) == "synthetic":
        w = synthetic_weights(net, seed=seed)
    elif weights is not None:
        load = load_onnx_weights if str(weights).lower().endswith(".onnx") else load_npz_weights
        w = load(weights, net)
    net, w, recs = apply_passes(net, w, passes, seed=seed)
    return net, w, tuple(_record_dict(r) for r in recs)


def _record_dict(rec) -> dict:
    return {"pass": rec.name, "spec": rec.spec, "changed_layers": list(rec.changed),
            "skipped": [list(s) for s in rec.skipped], "with_weights": rec.with_weights,
            "params_before": rec.before.params, "params_after": rec.after.params,
            "macs_before": rec.before.macs, "macs_after": rec.after.macs,
            "effective_macs_after": rec.after.effective_macs, "weight_bytes_before": rec.before.weight_bytes,
            "weight_bytes_after": rec.after.weight_bytes,
            "weight_error": dict(rec.weight_error), "output_error": dict(rec.output_error),
            "notes": list(rec.notes)} | _solver(rec)


def _solver(rec) -> dict:
    """A solver's log per layer (iterations, residual, objective), for passes that iterate."""
    log = dict(rec.details).get("solver")
    return {"solver": {name: dict(info) for name, info in log}} if log else {}


DEFAULT_STUDY = ("w8a8", "w4a8", "magnitude:0.9", "channel:0.3", "svd:0.25", "tucker2:0.25", "grouped:4")


def compare(model: Network | str | Path, archs: tuple[Any, ...],
            passes: tuple[str, ...] = DEFAULT_STUDY, batch: int = 1, weights: str | Path | None = None,
            seed: int = 0, train: bool = False, optimizer: str | None = None) -> list[dict]:
    """Each pass alone against the uncompressed network, on each arch: paper gains vs simulated gains.

    One row per (pass, arch): ``param_reduction``, ``weight_bytes_reduction`` and
    ``mac_reduction`` (x, on paper, from the network), ``speedup`` and ``energy_saving`` (x,
    simulated on the arch), ``cycles`` (the compressed run's) and ``error``. ``weights``
    (``"synthetic"`` or a ``.npz``) make the passes compute real masks and factors, which
    chips that run on the non-zero pattern (``uses_weights``) then see. A run the arch cannot
    do (no legal mapping, an op it does not support) gets its error in ``error``. ``train``,
    ``optimizer``: both runs are training steps (see :func:`simulate`); the paper ratios stay the
    inference network's, and ``speedup``/``energy_saving`` are per step.
    """
    _check_train(train, optimizer)
    net = _network(model)
    check_memory(net, check_batch(batch), weights=weights is not None and not isinstance(weights, dict),
                 activations=False)
    specs = [_arch(a) for a in archs]
    _, w0, _ = _compress(net, (), weights, seed) if weights is not None else (net, None, ())
    base: dict[str, Result | str] = {}
    for s in specs:
        try:
            base[s.name] = simulate(net, s, batch, weights=w0, train=train, optimizer=optimizer)
        except AccelsimError as e:
            base[s.name] = str(e)
    rows = []
    for spec_text in passes:
        small, w, recs = _compress(net, (spec_text,), w0, seed)
        rec = recs[0]
        eff = rec["effective_macs_after"] or rec["macs_after"]
        for s in specs:
            row = {"pass": spec_text, "arch": s.name, "param_reduction": rec["params_before"] / rec["params_after"],
                   "weight_bytes_reduction": rec["weight_bytes_before"] / rec["weight_bytes_after"],
                   "mac_reduction": rec["macs_before"] / eff, "speedup": None, "energy_saving": None, "cycles": None,
                   "error": base[s.name] if isinstance(base[s.name], str) else ""}
            if row["error"]:
                rows.append(row)
                continue
            try:
                r = simulate(small, s, batch, weights=w, train=train, optimizer=optimizer)
                row.update(cycles=r.cycles, speedup=base[s.name].cycles / r.cycles,
                           energy_saving=base[s.name].total_energy_pj / r.total_energy_pj)
            except AccelsimError as e:
                row["error"] = str(e)
            rows.append(row)
    return rows


def timeline(trace: Trace, arch: Any):
    """When each op of ``trace`` ran on ``arch`` (an :class:`accelsim.sim.engine.Timeline`, cycles)."""
    spec = _arch(arch)
    fam = family_of(spec)
    if fam.timeline is None:
        raise AccelsimError(f"{fam.title} archs have no op timeline", field="family")
    return fam.timeline(trace, spec)
