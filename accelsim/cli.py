"""The ``accelsim`` command: simulate | lower | run-trace | list | validate | compare | sweep | plot.

The only module that prints. Bad input (an :class:`AccelsimError`) becomes one line on
stderr and exit status 2; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
import textwrap


PLOT_KINDS = ("energy", "latency", "roofline", "timeline", "sweep", "heatmap", "bandwidth")


def _parser() -> argparse.ArgumentParser:
    from accelsim.arch.dram import preset_names as dram_presets
    from accelsim.registry import families
    fams = list(families().values())
    from accelsim import __version__
    from accelsim.host import OUTPUTS_RULE
    p = argparse.ArgumentParser(prog="accelsim", description="Cycle-level simulation of DNN accelerators.",
                                epilog=OUTPUTS_RULE)
    p.add_argument("--version", action="version", version=f"accelsim {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def tokens(sp):
        g = sp.add_argument_group("transformer models (bert_base, gpt2, llama3_8b, vit_b16)")
        g.add_argument("--phase", choices=("prefill", "decode"),
                       help="prefill: --seq tokens at once; decode: --seq new tokens (default 1) with the rest of "
                            "--context in the KV cache (also written MODEL@decode:context=L)")
        g.add_argument("--seq", type=int, metavar="N", help="new tokens this step (default: the model's)")
        g.add_argument("--context", type=int, metavar="L",
                       help="attention window after the step, cached plus new tokens (default: the model's)")

    def arch_model(sp, model=True):
        sp.add_argument("--arch", help="preset name (see `accelsim list archs`) or YAML path")
        if model:
            sp.add_argument("--model", required=True,
                            help="zoo name (see `accelsim list models`), .yaml, SCALE-Sim .csv or .onnx file")
            sp.add_argument("--batch", type=int, default=1, help="samples per inference (default 1)")
            tokens(sp)
            sp.add_argument("--input-on-chip", action="store_true",
                            help="start with the network input in the input buffer, not in DRAM")
            for opt, ex in (("quantize", "w4a8, w8a8:per-channel, bwn, xnor, twn, ffn, share:4, admm, admm:ternary, admm:pow2:3, hash"),
                            ("prune", "magnitude:0.9, channel:0.3"),
                            ("decompose", "svd:0.25, tucker2:0.25, cp:0.25, grouped:4"),
                            ("block-conv", "block:56, block:g4")):
                sp.add_argument(f"--{opt}", action="append", default=[], metavar="SPEC",
                                help=f"compression pass ({ex}); repeatable; passes run as "
                                     "decompose, prune, quantize, block-conv")
            sp.add_argument("--activations", choices=("layer", "functional"), default="layer",
                            help="ifmap zeros for zero-skipping chips: each layer's act_density, or a "
                                 "functional run on seeded weights and input (default layer)")
            sp.add_argument("--weights", metavar="synthetic|FILE.npz|FILE.onnx",
                            help="weights for the compression passes (real factors and errors)")
            sp.add_argument("--train", action="store_true", help="one training step: forward, backward, update")
            sp.add_argument("--optimizer", metavar="sgd|adam", help="the training step's update (default sgd)")
        sp.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="override an arch field, e.g. --set array.rows=128 (repeatable)")
        sp.add_argument("--dram", metavar="PRESET",
                        help=f"DRAM timing model: {', '.join(dram_presets())} "
                             "or a DRAM YAML path (replaces the arch's DRAM)")

    def outputs(sp):
        sp.add_argument("--timeline", metavar="FILE.json", help="write a Perfetto/Chrome trace-event timeline")
        sp.add_argument("--json", metavar="FILE", help="write the full result as JSON")
        sp.add_argument("--csv", metavar="FILE", help="write per-layer and total rows as CSV")
        sp.add_argument("--no-layers", action="store_true", help="print totals only")
        sp.add_argument("-q", "--quiet", action="store_true", help="print nothing (use with --json/--csv)")

    s = sub.add_parser("simulate", help="simulate a model on an arch and print the result", formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  accelsim simulate --arch tpu-v1 --model resnet50 --batch 8 --json r.json\n  accelsim simulate --arch tpu-v1 --model resnet18 --set array.rows=64 --dram ddr4-2400-x64\n  accelsim simulate --arch qiu16-zc706 --model vgg16 --decompose svd:r500@fc6")
    arch_model(s)
    outputs(s)
    l = sub.add_parser("lower", help="lower a model for an arch and write the trace", formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  accelsim lower --arch tpu-v1 --model lenet5 -o lenet5.trace\n  accelsim lower --arch diannao --model lenet5 -o lenet5.s     # an assembly program")
    arch_model(l)
    l.add_argument("-o", "--output", required=True, metavar="FILE", help="trace file (.trace text or .npz)")
    r = sub.add_parser("run-trace", help="simulate a trace written by `accelsim lower`")
    r.add_argument("trace", metavar="FILE")
    arch_model(r, model=False)
    outputs(r)
    ls = sub.add_parser("list", help="list built-in models, arch presets or chip families")
    ls.add_argument("what", choices=("models", "archs", "families"))
    v = sub.add_parser("validate", help="compare the model with published figures, family by family "
                                        "(sources: docs/references.md)")
    v.add_argument("--only", action="append", metavar="FAMILY", choices=[f.name for f in fams],
                   help="only these families' figures (repeatable): " + ", ".join(f.name for f in fams))
    v.add_argument("--json", metavar="FILE", help="write every check as JSON")
    v.add_argument("--workers", type=int, metavar="N",
                   help="processes running families side by side (default: one per CPU core; 1: all in this one)")
    w = sub.add_parser("sweep", help="run a design-space sweep into a resumable SQLite store", formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  accelsim sweep --model resnet18 --arch tpu-v1 --set pe=16x16,32x32 --store s.db --workers 2\n  accelsim sweep --model resnet18 --arch tpu-v1 --set quantize=none,w8a8,w4a8 --store comp.db --csv comp.csv\n  accelsim sweep --example resnet18-200 --store s.db --workers 2   (a spec shipped with accelsim)")
    spec = w.add_mutually_exclusive_group()
    spec.add_argument("spec", nargs="?", metavar="SPEC.yaml", help="sweep spec (or use --model/--arch/--set)")
    spec.add_argument("--example", metavar="NAME", help="a sweep spec shipped with accelsim, e.g. resnet18-200 (a wrong name lists them)")
    w.add_argument("--model", action="append", default=[], help="model (repeatable) when no spec file is given")
    w.add_argument("--arch", help="base arch when no spec file is given")
    w.add_argument("--batch", type=int, default=1)
    w.add_argument("--set", action="append", default=[], metavar="KEY=V1,V2",
                   help="grid over an arch field (repeatable), e.g. --set pe=16x16,32x32")
    w.add_argument("--weights", metavar="synthetic|FILE.npz|FILE.onnx", help="weights for the passes when no spec file is given")
    w.add_argument("--store", required=True, metavar="FILE.db", help="SQLite result store (resumed if it exists)")
    w.add_argument("--workers", type=int, default=1, help="local worker processes")
    w.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="Dask distributed scheduler")
    w.add_argument("--csv", metavar="FILE", help="export the store as CSV when done")
    w.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    w.add_argument("--yes", action="store_true", help="run a sweep of more than 10,000 points (without it such a "
                   "sweep stops, giving its point count)")
    pl = sub.add_parser("plot", help="draw a plot (PNG, SVG or PDF by the file suffix)", formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  accelsim plot roofline --arch tpu-v1 --model resnet50 -o roof.png\n  accelsim plot energy --arch diannao --model lenet5 --no-static -o energy.svg\n  accelsim plot heatmap --store s.db --x array.rows --y memory.ifmap.capacity --metric energy_pj -o h.png")
    family_kinds = tuple(p.kind for f in fams for p in f.plots if p.kind not in PLOT_KINDS)
    pl.add_argument("kind", choices=PLOT_KINDS + tuple(dict.fromkeys(family_kinds)))
    pl.add_argument("-o", "--output", required=True, metavar="FILE")
    pl.add_argument("--arch", help="arch (energy, latency, roofline, timeline)")
    pl.add_argument("--model", help="model (energy, latency, roofline, timeline)")
    tokens(pl)
    pl.add_argument("--batch", type=int, default=1)
    pl.add_argument("--layer", help="timeline of one layer only")
    pl.add_argument("--store", metavar="FILE.db", help="sweep store (sweep, heatmap)")
    pl.add_argument("--x", help="heatmap: config key on the x axis")
    pl.add_argument("--y", help="heatmap: config key on the y axis")
    pl.add_argument("--metric", default="latency_s", help="heatmap: metric (default latency_s)")
    pl.add_argument("--colour", metavar="KEY", help="sweep: colour points by a swept key (default: by model)")
    pl.add_argument("--no-static", action="store_true", help="energy: leave static and leakage energy out")
    comp = sub.add_parser("completion", help="print a shell completion script (needs the completion extra)")
    comp.add_argument("shell", choices=("bash", "zsh", "tcsh"))
    c = sub.add_parser("compare", help="compression passes: paper reductions vs simulated speedup per arch", formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  accelsim compare --model resnet18 --arch tpu-v1 --arch qiu16-zc706\n  accelsim compare --model alexnet_fc --arch diannao --arch tpu-v1 --prune magnitude:0.9 --weights synthetic  (accelsim list archs: the sparse chips)")
    c.add_argument("--model", required=True)
    tokens(c)
    c.add_argument("--arch", action="append", required=True, help="repeatable: one column group per arch")
    c.add_argument("--pass", dest="passes", action="append", metavar="SPEC",
                   help="compression spec (repeatable; default: a standard study of seven passes)")
    for opt in ("quantize", "prune", "decompose", "block-conv"):
        c.add_argument(f"--{opt}", action="append", default=[], metavar="SPEC",
                       help=f"a {opt} pass to compare, as for simulate (repeatable; each is its own row)")
    c.add_argument("--weights", metavar="synthetic|FILE.npz|FILE.onnx",
                   help="real weights: passes compute real masks, which sparse chips then run on")
    c.add_argument("--batch", type=int, default=1)
    c.add_argument("--train", action="store_true", help="compare training steps (forward, backward, update)")
    c.add_argument("--optimizer", metavar="sgd|adam", help="the training step's update (default sgd)")
    c.add_argument("--json", metavar="FILE", help="write the rows as JSON")
    _family_options(fams, {"simulate": s, "lower": l, "run-trace": r})
    for sp in (s, l, r, v, w, pl, c):
        sp.epilog = (sp.epilog + "\n\n" if sp.epilog else "") + textwrap.fill(OUTPUTS_RULE, 88)
    return p


def _family_options(fams, commands: dict) -> None:
    """Add each option some family declares to the subcommands it names, once per flag."""
    seen = set()
    for fam in fams:
        for opt in fam.options:
            for cmd in opt.commands:
                if (cmd, opt.flag) in seen or cmd not in commands:
                    continue
                seen.add((cmd, opt.flag))
                if opt.is_flag:
                    commands[cmd].add_argument(opt.flag, action="store_true", help=opt.help)
                else:
                    commands[cmd].add_argument(opt.flag, metavar=opt.metavar, choices=opt.choices or None,
                                               default=None, help=opt.help)


def _given(args) -> list:
    """The family options given on this command line, each with its value, in registry order."""
    from accelsim.registry import families
    out, seen = [], set()
    for fam in families().values():
        for opt in fam.options:
            value = getattr(args, opt.dest, None)
            if opt.flag not in seen and value not in (None, False):
                seen.add(opt.flag)
                out.append((opt, value))
    return out


def _require(spec, opt) -> None:
    """``opt`` given with an arch whose family does not declare it: a one-line error naming who takes it."""
    from accelsim.errors import AccelsimError
    from accelsim.registry import families_with, family_of
    if family_of(spec).option(opt.flag) is None:
        takers = " or ".join(f.title for f in families_with(lambda f: f.option(opt.flag) is not None))
        raise AccelsimError(f"is for {takers} archs; {spec.name} is a {spec.family} arch", field=opt.flag)


def _load_arch(args):
    from accelsim.arch.overrides import apply_override, parse_override
    from accelsim.errors import AccelsimError
    from accelsim.registry import arch_from_dict, load_arch
    sets = dict(parse_override(s) for s in args.set)
    if getattr(args, "dram", None):
        sets["dram.preset"] = args.dram
        sets["dram.bandwidth"] = None  # the preset sets it
    given = _given(args)
    keyed = [(opt, value) for opt, value in given if opt.arch_key]
    sets.update({opt.arch_key: value for opt, value in keyed})
    readers = [(opt, value) for opt, value in given if opt.arch_reader]
    if readers:
        opt, path = readers[0]
        if args.arch:
            raise AccelsimError(f"give --arch or {opt.flag}, not both", field=opt.flag)
        from pathlib import Path
        raw = opt.arch_reader(path)
        try:
            for k, v in sets.items():
                apply_override(raw, k, v)
            return arch_from_dict(raw, file=str(path))
        except AccelsimError as e:
            raise e.located(file=Path(path).name) from None
    if not args.arch:
        from accelsim.registry import families
        other = [o.flag for f in families().values() for o in f.options if o.arch_reader]
        raise AccelsimError("required (a preset name or YAML path)" + "".join(f", or give {f}" for f in other),
                            field="--arch")
    if keyed:
        plain = load_arch(args.arch, {k: v for k, v in sets.items() if k not in {o.arch_key for o, _ in keyed}})
        for opt, _ in keyed:
            _require(plain, opt)
    return load_arch(args.arch, sets)


def _provenance(args, spec) -> dict:
    """What reproduces a result: accelsim's version, the command, the arch overrides and the resolved arch."""
    import dataclasses
    import shlex
    from accelsim import __version__
    from accelsim.arch.overrides import parse_override
    overrides = dict(parse_override(s) for s in getattr(args, "set", []))
    if getattr(args, "dram", None):
        overrides["dram.preset"] = args.dram
    overrides.update({opt.arch_key: v for opt, v in _given(args) if opt.arch_key})
    return {"accelsim_version": __version__, "command": "accelsim " + shlex.join(sys.argv[1:]),
            "overrides": overrides, "arch_resolved": dataclasses.asdict(spec)}


def _emit(result, args, spec=None) -> None:
    from accelsim import report
    from accelsim.host import write_all
    prov = _provenance(args, spec) if spec is not None and (args.json or args.csv) else None
    # both files or neither (a JSON beside a CSV that failed would look like a finished run)
    write_all([(path, render(result, prov)) for path, render in
               ((args.json, lambda r, p: report.to_json(r, p) + "\n"), (args.csv, report.to_csv)) if path])
    if args.quiet:
        return
    for what, path in (("JSON", args.json), ("CSV", args.csv), ("timeline", getattr(args, "timeline", None))):
        if path:
            print(f"wrote {path} ({what})")
    from rich.console import Console
    con = Console()
    con.print(report.summary_table(result))
    if not args.no_layers:
        con.print(report.layer_table(result, con.width))
    con.print(report.notes(result), style="dim")


def _passes(args) -> tuple[str, ...]:
    from accelsim.compress import parse_pass_spec
    out = []
    # a fixed pipeline: factorize, then prune, then quantize what is left, then block
    for opt, kind in (("decompose", "decompose"), ("prune", "prune"), ("quantize", "quantize"),
                      ("block_conv", "block")):
        for text in getattr(args, opt):
            parse_pass_spec(text, kind, option="--" + opt.replace("_", "-"))  # validate against its option
            out.append(f"block:{text}" if kind == "block" and not text.startswith("block") else text)
    return tuple(out)


def _write_timeline(args, model, arch, check_only: bool = False) -> None:
    if getattr(args, "timeline", None):
        from accelsim.timeline import check_timeline, write_timeline
        check_timeline(arch) if check_only else write_timeline(args.timeline, model, arch, args.batch,
                                                               args.input_on_chip, args.train, args.optimizer)


def _cmd_plot(args) -> None:
    from accelsim import plot
    from accelsim.errors import AccelsimError
    from accelsim.registry import families, family_of, load_arch
    if args.kind in ("sweep", "heatmap"):
        if not args.store:
            raise AccelsimError("needs --store FILE.db", field=f"plot {args.kind}")
        from accelsim.sweep.db import Store
        store = Store(args.store, read_only=True)
        rows = store.rows()
        store.close()
        if args.kind == "sweep":
            fig = plot.sweep_scatter(rows, colour=args.colour or "model")
        else:
            if not (args.x and args.y):
                raise AccelsimError("needs --x and --y (swept config keys)", field="plot heatmap")
            fig = plot.sweep_heatmap(rows, args.x, args.y, args.metric)
    elif args.kind not in PLOT_KINDS:
        own = next(p for f in families().values() for p in f.plots if p.kind == args.kind)
        with _working(f"plot {args.kind}", args):
            fig = own.draw(load_arch(args.arch) if args.arch else None, args.model, args.batch)
    elif args.kind == "bandwidth":
        if not (args.arch and args.model):
            raise AccelsimError("needs --arch and --model", field="plot bandwidth")
        from accelsim.api import simulate
        arch = load_arch(args.arch)
        fig = plot.dram_bandwidth(simulate(args.model, arch, args.batch), arch.dram.bandwidth_bytes_per_s)
    elif args.model is None and args.arch and family_of(arch := load_arch(args.arch)).plot(args.kind):
        fig = family_of(arch).plot(args.kind).draw(arch, None, args.batch)
    else:
        if not (args.arch and args.model):
            hints = [p.help for f in families().values() for p in f.plots if p.kind == args.kind]
            raise AccelsimError("needs --arch and --model" + (f" ({args.kind} {'; '.join(hints)})" if hints else ""),
                                field=f"plot {args.kind}")
        from accelsim.api import lower, simulate, timeline
        args.set, args.dram = [], None
        arch = _load_arch(args)
        if args.kind == "timeline":
            fam = family_of(arch)
            if fam.timeline is None:
                how = (f"accelsim simulate --arch {args.arch} --model {args.model} --timeline FILE.json (Perfetto)"
                       if fam.perfetto is not None else "none")
                raise AccelsimError(f"{fam.title} timelines are instruction-level: {how}", field="plot timeline")
            trace = lower(args.model, arch, args.batch)
            fig = plot.timeline(trace, timeline(trace, arch), arch.clock_hz, args.layer)
        else:
            result = simulate(args.model, arch, args.batch)
            if args.kind == "energy":
                fig = plot.energy_breakdown(result, static=not args.no_static)
            elif args.kind == "latency":
                fig = plot.latency_breakdown(result)
            else:
                fig = plot.roofline(result, arch.peak_macs_per_s, arch.dram.bandwidth_bytes_per_s)
    _save_figure(fig, args)


def _save_figure(fig, args) -> None:
    """Write ``fig`` to ``args.output`` (PNG, SVG or PDF by suffix) atomically."""
    from pathlib import Path
    from accelsim.errors import AccelsimError
    from accelsim.host import atomic
    out = Path(args.output)
    if out.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise AccelsimError("must end in .png, .svg or .pdf", field="-o")
    with atomic(out, "wb") as f:
        fig.savefig(f, format=out.suffix[1:].lower(), dpi=120)
    print(f"wrote {out}")


def _cmd_simulate(args) -> None:
    from accelsim.api import simulate
    spec = _load_arch(args)
    for opt, value in _given(args):
        if opt.run is not None:
            _run_option(args, spec, opt, value)
    _write_timeline(args, args.model, spec, check_only=True)
    with _working(f"simulating {args.model} on {spec.name}", args):
        result = simulate(args.model, spec, args.batch, args.input_on_chip, _passes(args), args.weights,
                          activations=args.activations, train=args.train, optimizer=args.optimizer)
    _write_timeline(args, args.model, spec)  # after the run: a failed run leaves no timeline behind
    _emit(result, args, spec)


def _working(what: str, args):
    from accelsim.status import working
    return working(what, getattr(args, "quiet", False))


def _run_option(args, spec, opt, value) -> None:
    """A family option's job before the run (SRAM traces, a functional co-simulation): print, exit 1 on failure."""
    from accelsim.workload import load_model
    _require(spec, opt)
    message, ok = opt.run(spec, load_model(args.model), args.batch, value)
    if message and not args.quiet:
        print(message)
    if not ok:
        raise SystemExit(1)


def _cmd_lower(args) -> None:
    from accelsim.api import compress, lower
    from accelsim.registry import family_of
    from accelsim.trace import write_trace
    model = args.model
    if _passes(args):
        from accelsim.workload import load_model
        model, _ = compress(load_model(model), _passes(args), args.weights)
    spec = _load_arch(args)
    if family_of(spec).lower is None and family_of(spec).program is not None:
        from accelsim.api import compile_program
        from accelsim.trace import atomic_write_text
        text = compile_program(model, spec, args.batch, args.train, args.optimizer)
        atomic_write_text(args.output, text)
        n = sum(1 for line in text.splitlines() if line.startswith("    ") and not line.strip().startswith(";"))
        print(f"wrote {args.output}: {n:,} instructions")
        return
    trace = lower(model, spec, args.batch, args.input_on_chip, args.activations, args.train, args.optimizer)
    write_trace(trace, args.output)
    print(f"wrote {args.output}: {len(trace):,} ops, {len(trace.layers)} layers")


def _cmd_run_trace(args) -> None:
    from accelsim.api import run_trace
    from accelsim.trace import read_trace
    if str(args.trace).endswith(".s"):
        from accelsim.errors import AccelsimError
        raise AccelsimError("is an assembly program; programs are timed from the model: accelsim simulate "
                            "--arch ARCH --model M", field=str(args.trace))
    trace = read_trace(args.trace)
    spec = _load_arch(args)
    changes = [f"--set {s}" for s in args.set] + ([f"--dram {args.dram}"] if args.dram else []) + \
        [f"{opt.flag} {v}" for opt, v in _given(args) if opt.arch_key or opt.arch_reader]
    if changes or (args.arch and args.arch != trace.arch):
        from accelsim.api import check_replay
        check_replay(trace, args.arch, spec, " ".join(changes) or f"--arch {args.arch}")
    _emit(run_trace(trace, spec), args, spec)


def _cmd_list(args) -> None:
    from rich.console import Console
    from rich.table import Column, Table
    from accelsim import registry
    if args.what == "models":
        from accelsim.workload.zoo import load_zoo_model, zoo_names
        t = Table("model", "input", "layers", "MACs", "params", "source")
        for name in zoo_names():
            net = load_zoo_model(name)
            t.add_row(name, "x".join(map(str, net.input_shape)), str(len(net.layers)), f"{net.macs / 1e6:,.1f} M",
                      f"{net.params / 1e6:,.2f} M", net.source[:60])
    elif args.what == "families":
        t = Table(Column("family", no_wrap=True), *(Column(c, overflow="fold") for c in
                                                   ("title", "presets", "runs", "options", "source")))
        for fam in registry.families().values():
            runs = ", ".join(k for k, v in (("trace", fam.lower), ("program", fam.program), ("timeline", fam.timeline),
                                             ("checks", fam.checks)) if v is not None)
            presets = sorted(p.stem.replace("_", "-") for p in fam.presets.glob("*.yaml")) if fam.presets else []
            t.add_row(fam.name, fam.title, ", ".join(presets), runs, " ".join(o.flag for o in fam.options), fam.source)
    else:
        from accelsim.registry import family_of, load_arch, preset_names
        names = preset_names()
        # names are never cut (at 80 columns or piped): the descriptive columns wrap instead
        t = Table(Column("arch", no_wrap=True, min_width=max(len(n) for n in names)),
                  Column("family", no_wrap=True, min_width=max(len(f) for f in registry.families())),
                  *(Column(c, overflow="fold") for c in ("array", "dataflow", "clock", "buffers", "DRAM")))
        for name in names:
            a = load_arch(name)
            t.add_row(name, a.family, *family_of(a).list_row(a))
    Console().print(t)


def _cmd_validate(args) -> int:
    import json
    from rich.console import Console
    from rich.table import Table
    from accelsim.trace import atomic_write_text
    from accelsim.validate import checks as published
    from accelsim.errors import AccelsimError
    if args.workers is not None and args.workers < 1:
        raise AccelsimError(f"must be at least 1 process, got {args.workers}", field="--workers")
    workers = args.workers or _cores()
    con = Console()
    with con.status("") as status:  # seconds of work: say which family is awaited
        checks = published(args.only, lambda title, n: status.update(f"validate: {title} ({n} checks so far)"),
                           workers)
    from accelsim.check import summary
    from accelsim.validate import json_rows, notes
    t = Table("check", "kind", "published", "accelsim", "tolerance", "status", title="published figures")
    for c in checks:
        t.add_row(c.name, c.kind, c.published_text, c.measured_text, c.tolerance_text,
                  {"within": "yes", "report only": "-", "known miss": "NO, known", "MISS": "NO"}[c.status])
    if args.json:
        atomic_write_text(args.json, json.dumps(json_rows(checks), indent=1) + "\n")
    con.print(t)
    for k in notes(checks):
        con.print(k)
    con.print(summary(checks))
    missed = [c.name for c in checks if c.unexpected_failure]
    if missed:
        print(f"accelsim: validate: {len(missed)} figure(s) miss their tolerance with no known cause: "
              + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


def _cores() -> int:
    """CPU cores this process may run on."""
    import os
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _cmd_compare(args) -> None:
    import json
    from rich.console import Console
    from rich.table import Table
    from accelsim.api import DEFAULT_STUDY, compare
    from accelsim.trace import atomic_write_text
    from accelsim.errors import AccelsimError
    passes = tuple(args.passes or ()) + _passes(args)
    rows = compare(args.model, tuple(args.arch), passes or DEFAULT_STUDY, args.batch, args.weights,
                   train=args.train, optimizer=args.optimizer)
    if args.json:
        atomic_write_text(args.json, json.dumps(rows, indent=1) + "\n")
    t = Table("pass", "arch", "params ÷", "weight bytes ÷", "MACs ÷ (paper)", "speedup (simulated)", "energy ÷ (simulated)",
              title=f"{args.model}: what each compression buys on each chip, batch {args.batch}"
                    + (f", training step ({args.optimizer or 'sgd'})" if args.train else ""))
    for r in rows:
        fmt = (lambda v: "-" if v is None else f"{v:.2f}x")
        t.add_row(r["pass"], r["arch"], fmt(r["param_reduction"]), fmt(r["weight_bytes_reduction"]),
                  fmt(r["mac_reduction"]),
                  fmt(r["speedup"]) if not r["error"] else "error", fmt(r["energy_saving"]))
    con = Console()
    con.print(t)
    for msg in dict.fromkeys(f"{r['arch']}: {r['error']}" for r in rows if r["error"]):
        con.print(msg, style="dim")
    if rows and all(r["error"] for r in rows):
        raise AccelsimError("no arch could run the model (reasons above)", field="compare")


def _cmd_sweep(args) -> None:
    from accelsim.sweep.db import open_store
    from accelsim.sweep.execute import check_workers, pareto_front, preamble, run_sweep
    from accelsim.sweep.grid import example_path, plan_for
    from accelsim.trace import atomic_write_text
    check_workers(args.workers)
    spec = args.spec or (example_path(args.example) if args.example else None)
    plan = plan_for(spec, args.model, args.arch, args.batch, args.set, args.weights)
    with open_store(args.store) as store:
        line = preamble(plan, store, args.workers, confirmed=args.yes, time_points=not args.quiet)
        if args.quiet:
            rows = run_sweep(plan.points(), store, args.workers, args.scheduler, total=plan.count)
        else:
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
            with Progress(TextColumn("sweep"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                          TimeElapsedColumn(), TimeRemainingColumn()) as bar:
                print(line, flush=True)
                task = bar.add_task("points", total=None)
                rows = run_sweep(plan.points(), store, args.workers, args.scheduler, total=plan.count,
                                 progress=lambda n, total: bar.update(task, completed=n, total=total))
        if args.csv:
            atomic_write_text(args.csv, store.to_csv())
    if not args.quiet:
        ok = [r for r in rows if r["status"] == "ok"]
        front = pareto_front(ok)
        print(f"{len(rows)} point{'s' * (len(rows) != 1)} stored in {args.store} ({len(rows) - len(ok)} failed); "
              f"Pareto front (latency vs energy): {len(front)} points")
        for r in front:
            print(f"  {r['model']:12s} {r['latency_s'] * 1e3:10.4f} ms {r['energy_pj'] / 1e9:10.4f} mJ  {r['config']}")


def _cmd_completion(args, parser) -> int:
    """Print the completion script for ``args.shell`` (``eval "$(accelsim completion bash)"``)."""
    from accelsim.errors import AccelsimError
    try:
        import shtab
    except ImportError:
        raise AccelsimError("needs shtab: pip install 'accelsim[completion]'", field="completion") from None
    print(shtab.complete(parser, shell=args.shell))
    return 0


def _model_tokens(args) -> None:
    """Fold --phase/--seq/--context into ``args.model`` (``MODEL@PHASE:seq=N:context=L``, one form everywhere)."""
    from accelsim.workload.transformer import with_tokens
    if hasattr(args, "phase"):
        args.model = with_tokens(args.model, args.phase, args.seq, args.context)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``accelsim`` command; returns the exit status."""
    from accelsim.errors import AccelsimError
    try:
        parser = _parser()
    except AccelsimError as e:  # a family package that fails to load: name it, not a traceback
        print(f"accelsim: error: {e}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    try:
        _model_tokens(args)
        if args.command == "completion":
            return _cmd_completion(args, parser)
        cmd = {"simulate": _cmd_simulate, "lower": _cmd_lower, "run-trace": _cmd_run_trace,
               "list": _cmd_list, "validate": _cmd_validate, "compare": _cmd_compare,
               "sweep": _cmd_sweep, "plot": _cmd_plot}[args.command]
        from accelsim.host import check_outputs  # the output rule, before any work starts
        writes = _given(args) if args.command in ("simulate", "lower", "run-trace") else ()
        check_outputs(args.command, vars(args), [(opt.flag, value) for opt, value in writes if opt.writes])
        return cmd(args) or 0
    except AccelsimError as e:
        print(f"accelsim: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (head, less) went away: not an error of ours
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
