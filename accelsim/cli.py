"""The ``accelsim`` command: simulate | lower | run-trace | list | validate.

The only module that prints. Bad input (an :class:`AccelsimError`) becomes one line on
stderr and exit status 2; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="accelsim", description="Cycle-level simulation of DNN accelerators.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def arch_model(sp, model=True):
        sp.add_argument("--arch", help="preset name (see `accelsim list archs`) or YAML path")
        sp.add_argument("--scalesim-config", metavar="FILE.cfg", help="a SCALE-Sim .cfg instead of --arch")
        sp.add_argument("--compat", choices=("none", "scalesim"), default=None,
                        help="scalesim: count folds exactly as SCALE-Sim 3.0.0 (systolic arrays)")
        if model:
            sp.add_argument("--model", required=True,
                            help="zoo name (see `accelsim list models`), .yaml, SCALE-Sim .csv or .onnx file")
            sp.add_argument("--batch", type=int, default=1, help="samples per inference (default 1)")
            sp.add_argument("--input-on-chip", action="store_true",
                            help="start with the network input in the input buffer, not in DRAM")
            for opt, ex in (("quantize", "w4a8, w8a8:per-channel, bwn, xnor, twn, ffn"),
                            ("prune", "magnitude:0.9, channel:0.3"),
                            ("decompose", "svd:0.25, tucker2:0.25, cp:0.25, grouped:4"),
                            ("block-conv", "block:56, block:g4")):
                sp.add_argument(f"--{opt}", action="append", default=[], metavar="SPEC",
                                help=f"compression pass ({ex}); repeatable; passes run as "
                                     "decompose, prune, quantize, block-conv")
            sp.add_argument("--activations", choices=("layer", "functional"), default="layer",
                            help="ifmap zeros for zero-skipping chips: each layer's act_density, or a "
                                 "functional run on seeded weights and input (default layer)")
            sp.add_argument("--functional", action="store_true",
                            help="DianNao/Cambricon: also execute the program on 16-bit fixed-point data and "
                                 "compare every layer with the NumPy reference")
            sp.add_argument("--weights", metavar="synthetic|FILE.npz",
                            help="weights for the compression passes (real factors and errors)")
        sp.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="override an arch field, e.g. --set array.rows=128 (repeatable)")
        sp.add_argument("--dram", metavar="PRESET",
                        help="DRAM timing model: ddr3-1600-x64, ddr4-2400-x64, lpddr4-3200, hbm2, tpu-v1-ddr3 "
                             "or a DRAM YAML path (replaces the arch's DRAM)")

    def outputs(sp):
        sp.add_argument("--timeline", metavar="FILE.json", help="write a Perfetto/Chrome trace-event timeline")
        sp.add_argument("--json", metavar="FILE", help="write the full result as JSON")
        sp.add_argument("--csv", metavar="FILE", help="write per-layer and total rows as CSV")
        sp.add_argument("--no-layers", action="store_true", help="print totals only")
        sp.add_argument("-q", "--quiet", action="store_true", help="print nothing (use with --json/--csv)")

    s = sub.add_parser("simulate", help="simulate a model on an arch and print the result")
    arch_model(s)
    outputs(s)
    s.add_argument("--sram-traces", metavar="DIR",
                   help="systolic arrays: write per-cycle SRAM address traces in SCALE-Sim's CSV layout "
                        "(DIR/layer<i>/IFMAP|FILTER|OFMAP_SRAM_TRACE.csv)")
    l = sub.add_parser("lower", help="lower a model for an arch and write the trace")
    arch_model(l)
    l.add_argument("-o", "--output", required=True, metavar="FILE", help="trace file (.trace text or .npz)")
    r = sub.add_parser("run-trace", help="simulate a trace written by `accelsim lower`")
    r.add_argument("trace", metavar="FILE")
    arch_model(r, model=False)
    outputs(r)
    ls = sub.add_parser("list", help="list built-in models or arch presets")
    ls.add_argument("what", choices=("models", "archs"))
    sub.add_parser("validate", help="compare the model with published figures (REFERENCES.md)")
    w = sub.add_parser("sweep", help="run a design-space sweep into a resumable SQLite store")
    w.add_argument("spec", nargs="?", metavar="SPEC.yaml", help="sweep spec (or use --model/--arch/--set)")
    w.add_argument("--model", action="append", default=[], help="model (repeatable) when no spec file is given")
    w.add_argument("--arch", help="base arch when no spec file is given")
    w.add_argument("--batch", type=int, default=1)
    w.add_argument("--set", action="append", default=[], metavar="KEY=V1,V2",
                   help="grid over an arch field (repeatable), e.g. --set pe=16x16,32x32")
    w.add_argument("--store", required=True, metavar="FILE.db", help="SQLite result store (resumed if it exists)")
    w.add_argument("--workers", type=int, default=1, help="local worker processes")
    w.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="Dask distributed scheduler")
    w.add_argument("--csv", metavar="FILE", help="export the store as CSV when done")
    w.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    pl = sub.add_parser("plot", help="draw a plot (PNG, SVG or PDF by the file suffix)")
    pl.add_argument("kind", choices=("energy", "latency", "roofline", "timeline", "sweep", "heatmap", "bandwidth",
                                           "dataflows"))
    pl.add_argument("-o", "--output", required=True, metavar="FILE")
    pl.add_argument("--arch", help="arch (energy, latency, roofline, timeline)")
    pl.add_argument("--model", help="model (energy, latency, roofline, timeline)")
    pl.add_argument("--batch", type=int, default=1)
    pl.add_argument("--layer", help="timeline of one layer only")
    pl.add_argument("--store", metavar="FILE.db", help="sweep store (sweep, heatmap)")
    pl.add_argument("--x", help="heatmap: config key on the x axis")
    pl.add_argument("--y", help="heatmap: config key on the y axis")
    pl.add_argument("--metric", default="latency_s", help="heatmap: metric (default latency_s)")
    c = sub.add_parser("compare", help="compression passes: paper reductions vs simulated speedup per arch")
    c.add_argument("--model", required=True)
    c.add_argument("--arch", action="append", required=True, help="repeatable: one column group per arch")
    c.add_argument("--pass", dest="passes", action="append", metavar="SPEC",
                   help="compression spec (repeatable; default: a standard study of seven passes)")
    c.add_argument("--batch", type=int, default=1)
    c.add_argument("--json", metavar="FILE", help="write the rows as JSON")
    return p


def _load_arch(args):
    from accelsim.arch.load import _apply_override, arch_from_dict, load_arch, parse_override
    from accelsim.errors import AccelsimError
    sets = dict(parse_override(s) for s in args.set)
    if getattr(args, "dram", None):
        sets["dram.preset"] = args.dram
        sets["dram.bandwidth"] = None  # the preset sets it
    if getattr(args, "compat", None):
        sets["array.compat"] = args.compat
    cfg = getattr(args, "scalesim_config", None)
    if cfg:
        if args.arch:
            raise AccelsimError("give --arch or --scalesim-config, not both", field="--scalesim-config")
        from pathlib import Path
        from accelsim.arch.scalesim_cfg import load_scalesim_cfg
        raw = load_scalesim_cfg(cfg)
        try:
            for k, v in sets.items():
                _apply_override(raw, k, v)
            return arch_from_dict(raw, file=str(cfg))
        except AccelsimError as e:
            raise e.located(file=Path(cfg).name) from None
    if not args.arch:
        raise AccelsimError("required (a preset name or YAML path), or give --scalesim-config", field="--arch")
    if "array.compat" in sets:
        plain = load_arch(args.arch, {k: v for k, v in sets.items() if k != "array.compat"})
        if plain.family != "systolic":
            raise AccelsimError(f"is for systolic arrays; {plain.name} is a {plain.family} arch", field="--compat")
    return load_arch(args.arch, sets)


def _emit(result, args) -> None:
    from accelsim import report
    if args.json:
        report.write_json(result, args.json)
    if args.csv:
        report.write_csv(result, args.csv)
    if args.quiet:
        return
    from rich.console import Console
    con = Console()
    con.print(report.summary_table(result))
    if not args.no_layers:
        con.print(report.layer_table(result))
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


def _write_timeline(args, model) -> None:
    if not getattr(args, "timeline", None):
        return
    from accelsim.api import lower, timeline
    from accelsim.sim.perfetto import write_trace_events
    arch = _load_arch(args)
    if arch.family == "cambricon":
        import json
        from accelsim.api import run_cambricon
        from accelsim.sim.perfetto import instruction_events
        from accelsim.trace import atomic_write_text
        run = run_cambricon(model, arch, args.batch, log=True)
        names = [l.name for l in run.result.layers]
        doc = instruction_events(run.log, list(run.layer_pcs), names, arch.clock_hz,
                                 f"{run.result.model} on {arch.name}, batch {args.batch}")
        atomic_write_text(args.timeline, json.dumps(doc, separators=(",", ":")) + "\n")
        return
    trace = lower(model, arch, args.batch, args.input_on_chip)
    write_trace_events(trace, timeline(trace, arch), arch.clock_hz, args.timeline)


def _cmd_plot(args) -> None:
    from accelsim import plot
    from accelsim.errors import AccelsimError
    if args.kind in ("sweep", "heatmap"):
        if not args.store:
            raise AccelsimError("needs --store FILE.db", field=f"plot {args.kind}")
        from accelsim.sweep.db import Store
        from accelsim.sweep.execute import pareto_front
        store = Store(args.store)
        rows = store.rows()
        store.close()
        if args.kind == "sweep":
            fig = plot.sweep_scatter(rows, pareto_front(rows))
        else:
            if not (args.x and args.y):
                raise AccelsimError("needs --x and --y (swept config keys)", field="plot heatmap")
            fig = plot.sweep_heatmap(rows, args.x, args.y, args.metric)
    elif args.kind == "dataflows":
        from accelsim.lower.eyeriss_dataflows import compare, conv_layers, weighted
        from accelsim.workload import load_model
        layers = conv_layers(load_model(args.model or "alexnet"), args.batch if args.batch > 1 else 16)
        fig = plot.dataflow_energy(weighted(compare(layers), layers), f"{args.model or 'alexnet'} CONV layers")
    elif args.kind == "bandwidth":
        if not (args.arch and args.model):
            raise AccelsimError("needs --arch and --model", field="plot bandwidth")
        from accelsim.api import simulate
        from accelsim.arch.load import load_arch
        arch = load_arch(args.arch)
        fig = plot.dram_bandwidth(simulate(args.model, arch, args.batch), arch.dram.bandwidth_bytes_per_s)
    elif args.kind == "roofline" and args.model is None and args.arch == "tpu-v1":
        from accelsim.validate import app_results
        from accelsim.arch.load import load_arch
        arch = load_arch("tpu-v1")
        pts = [(a.name, a.macs_per_weight_byte, a.tops * 1e12 / 2, a.published_tops * 1e12 / 2) for a in app_results()]
        fig = plot.roofline_points(pts, arch.peak_macs_per_s, arch.dram.bandwidth_bytes_per_s,
                                   "TPU v1: the paper's six apps (filled: accelsim, open: measured)")
    else:
        if not (args.arch and args.model):
            raise AccelsimError("needs --arch and --model (roofline of the TPU v1 apps: --arch tpu-v1 alone)",
                                field=f"plot {args.kind}")
        from accelsim.api import lower, run_trace, timeline
        args.set, args.dram = [], None
        arch = _load_arch(args)
        if arch.family == "cambricon":
            if args.kind == "timeline":
                raise AccelsimError("DianNao/Cambricon timelines are instruction-level: accelsim simulate --arch "
                                    f"{args.arch} --model {args.model} --timeline FILE.json (Perfetto)",
                                    field="plot timeline")
            from accelsim.api import simulate
            result = simulate(args.model, arch, args.batch)
            fig = {"energy": plot.energy_breakdown, "latency": plot.latency_breakdown}.get(args.kind)
            fig = fig(result) if fig else plot.roofline(result, arch.peak_macs_per_s, arch.dram.bandwidth_bytes_per_s)
            return _save_figure(fig, args)
        trace = lower(args.model, arch, args.batch)
        if args.kind == "timeline":
            fig = plot.timeline(trace, timeline(trace, arch), arch.clock_hz, args.layer)
        else:
            result = run_trace(trace, arch)
            if args.kind == "energy":
                fig = plot.energy_breakdown(result)
            elif args.kind == "latency":
                fig = plot.latency_breakdown(result)
            else:
                fig = plot.roofline(result, arch.peak_macs_per_s, arch.dram.bandwidth_bytes_per_s)
    _save_figure(fig, args)


def _save_figure(fig, args) -> None:
    """Write ``fig`` to ``args.output`` (PNG, SVG or PDF by suffix) atomically."""
    import os
    import tempfile
    from pathlib import Path

    from accelsim.errors import AccelsimError
    if Path(args.output).suffix.lower() not in (".png", ".svg", ".pdf"):
        raise AccelsimError("must end in .png, .svg or .pdf", field="-o")
    out = Path(args.output)
    fd, tmp = tempfile.mkstemp(dir=out.parent if str(out.parent) else ".", suffix=out.suffix)
    os.close(fd)
    try:
        fig.savefig(tmp, dpi=120)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    print(f"wrote {out}")


def _cmd_simulate(args) -> None:
    from accelsim.api import simulate
    if args.functional:
        _functional(args)
    if args.sram_traces:
        _sram_traces(args)
    _write_timeline(args, args.model)
    _emit(simulate(args.model, _load_arch(args), args.batch, args.input_on_chip, _passes(args), args.weights,
                   activations=args.activations), args)


def _sram_traces(args) -> None:
    from accelsim.errors import AccelsimError
    from accelsim.lower.scalesim_lowering import scalesim_geometry
    from accelsim.sim.sram_traces import TraceLayer, write_traces
    from accelsim.workload import load_model
    from accelsim.workload.layer import MAC_OPS
    spec = _load_arch(args)
    if spec.family != "systolic":
        raise AccelsimError(f"SRAM traces are for systolic arrays; this arch is {spec.family}", field="--sram-traces")
    if args.batch != 1:
        raise AccelsimError("SRAM traces follow SCALE-Sim, batch 1 only", field="--sram-traces")
    from pathlib import Path
    out = Path(args.sram_traces)
    if out.exists() and not out.is_dir():
        raise AccelsimError(f"{out} is a file; give a directory for the trace files", field="--sram-traces")
    layers = [TraceLayer(*g) for l in load_model(args.model).layers if l.op in MAC_OPS for g in scalesim_geometry(l)]
    write_traces(layers, spec.array.rows, spec.array.cols, spec.array.dataflow, args.sram_traces)


def _functional(args) -> None:
    from accelsim.errors import AccelsimError
    from accelsim.lower.cambricon.functional import run_functional
    from accelsim.workload import load_model
    spec = _load_arch(args)
    if spec.family != "cambricon":
        raise AccelsimError("--functional runs DianNao/Cambricon programs; this arch is "
                            f"{spec.family}", field="--functional")
    res = run_functional(load_model(args.model), spec, batch=args.batch)
    bad = {k: v for k, v in res["layers"].items() if v}
    if not args.quiet:
        print(f"functional: {res['dynamic_insns']:,} instructions executed; "
              + ("every layer bit-exact with the NumPy fixed-point reference" if not bad
                 else f"{len(bad)} layer(s) differ from the reference: {bad}"))
    if bad:
        raise SystemExit(1)


def _cmd_lower(args) -> None:
    from accelsim.api import compress, lower
    from accelsim.trace import write_trace
    model = args.model
    if _passes(args):
        from accelsim.workload import load_model
        model, _ = compress(load_model(model), _passes(args), args.weights)
    spec = _load_arch(args)
    if spec.family == "cambricon":
        from accelsim.api import compile_program
        from accelsim.trace import atomic_write_text
        text = compile_program(model, spec, args.batch)
        atomic_write_text(args.output, text)
        n = sum(1 for line in text.splitlines() if line.startswith("    ") and not line.strip().startswith(";"))
        print(f"wrote {args.output}: {n:,} instructions")
        return
    trace = lower(model, spec, args.batch, args.input_on_chip, args.activations)
    write_trace(trace, args.output)
    print(f"wrote {args.output}: {len(trace):,} ops, {len(trace.layers)} layers")


def _cmd_run_trace(args) -> None:
    from accelsim.api import run_trace
    from accelsim.trace import read_trace
    if str(args.trace).endswith(".s"):
        from accelsim.errors import AccelsimError
        raise AccelsimError("is a DianNao/Cambricon program; those are timed from the model: accelsim simulate "
                            "--arch diannao --model M", field=str(args.trace))
    _emit(run_trace(read_trace(args.trace), _load_arch(args)), args)


def _cmd_list(args) -> None:
    from rich.console import Console
    from rich.table import Table
    if args.what == "models":
        from accelsim.workload.zoo import load_zoo_model, zoo_names
        t = Table("model", "input", "layers", "MACs", "params", "source")
        for name in zoo_names():
            net = load_zoo_model(name)
            t.add_row(name, "x".join(map(str, net.input_shape)), str(len(net.layers)), f"{net.macs / 1e6:,.1f} M",
                      f"{net.params / 1e6:,.2f} M", net.source[:60])
    else:
        from accelsim.arch.load import load_arch, preset_names
        t = Table("arch", "family", "array", "dataflow", "clock", "buffers", "DRAM")
        from accelsim.units import format_bytes
        for name in preset_names():
            a = load_arch(name)
            if a.family == "cambricon":
                sp = ", ".join(f"{k} {format_bytes(v)}" for k, v in a.scratchpad_bytes.items())
                t.add_row(name, a.family, f"{a.matrix.rows}x{a.matrix.cols} NFU, {a.vector.rows} vector lanes",
                          f"ISA, {a.pipeline_stages}-stage core", f"{a.clock_hz / 1e6:g} MHz", sp,
                          f"{a.dram.bandwidth_bytes_per_s / 1e9:g} GB/s")
                continue
            if a.family == "fpga":
                t.add_row(name, a.family, f"{a.tm or '?'}x{a.tn or '?'} {a.kernel}x{a.kernel} convolvers",
                          f"tiled, fusion {a.fusion}", f"{a.clock_hz / 1e6:g} MHz", f"{a.device.name} BRAM",
                          f"{a.dram.bandwidth_bytes_per_s / 1e9:g} GB/s")
                continue
            if a.family == "eyeriss":
                t.add_row(name, a.family, f"{a.pe_rows}x{a.pe_cols}", "row stationary", f"{a.clock_hz / 1e6:g} MHz",
                          f"GLB {format_bytes(a.glb_bytes)} + {format_bytes(a.glb_filter_bytes)}",
                          f"{a.dram.bandwidth_bytes_per_s / 1e9:g} GB/s")
                continue
            t.add_row(name, a.family, f"{a.array.rows}x{a.array.cols}", a.array.dataflow,
                      f"{a.clock_hz / 1e6:g} MHz", " / ".join(format_bytes(b.capacity_bytes) for b in a.buffers),
                      f"{a.dram.bandwidth_bytes_per_s / 1e9:g} GB/s")
    Console().print(t)


def _cmd_validate(args) -> int:
    from rich.console import Console
    from rich.table import Table
    from accelsim.validate import checks
    t = Table("check", "published", "accelsim", "tolerance", "ok", title="published figures")
    failed = 0
    known = []
    for c in checks():
        failed += c.unexpected_failure
        if c.known and not c.ok:
            known.append(f"{c.name}: {c.known}")
        t.add_row(c.name, c.published_text, c.measured_text, c.tolerance_text,
                  "-" if c.tolerance is None else ("yes" if c.ok else ("NO, known" if c.known else "NO")))
    con = Console()
    con.print(t)
    for k in known:
        con.print(f"known disagreement: {k}")
    return 1 if failed else 0


def _cmd_compare(args) -> None:
    import json
    from rich.console import Console
    from rich.table import Table
    from accelsim.api import DEFAULT_STUDY, compare
    from accelsim.trace import atomic_write_text
    rows = compare(args.model, tuple(args.arch), tuple(args.passes or DEFAULT_STUDY), args.batch)
    if args.json:
        atomic_write_text(args.json, json.dumps(rows, indent=1) + "\n")
    t = Table("pass", "arch", "params ÷", "weight bytes ÷", "MACs ÷ (paper)", "speedup (simulated)", "energy ÷ (simulated)",
              title=f"{args.model}: what each compression buys on each chip, batch {args.batch}")
    for r in rows:
        fmt = (lambda v: "-" if v is None else f"{v:.2f}x")
        t.add_row(r["pass"], r["arch"], fmt(r["param_reduction"]), fmt(r["weight_bytes_reduction"]),
                  fmt(r["mac_reduction"]),
                  fmt(r["speedup"]) if not r["error"] else "error", fmt(r["energy_saving"]))
    Console().print(t)


def _cmd_sweep(args) -> None:
    from accelsim.errors import AccelsimError
    from accelsim.sweep.db import Store
    from accelsim.sweep.execute import pareto_front, run_sweep
    from accelsim.sweep.grid import load_sweep, points_from_flags
    from accelsim.trace import atomic_write_text
    if args.spec:
        points = load_sweep(args.spec)
    else:
        if not args.model or not args.arch:
            raise AccelsimError("give a spec file, or --model and --arch (with --set grids)", field="sweep")
        points = points_from_flags(args.model, args.arch, args.batch, args.set)
    store = Store(args.store)
    try:
        if args.quiet:
            rows = run_sweep(points, store, args.workers, args.scheduler)
        else:
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
            with Progress(TextColumn("sweep"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                          TimeElapsedColumn(), TimeRemainingColumn()) as bar:
                task = bar.add_task("points", total=None)
                rows = run_sweep(points, store, args.workers, args.scheduler,
                                 progress=lambda n, total: bar.update(task, completed=n, total=total))
        if args.csv:
            atomic_write_text(args.csv, store.to_csv())
    finally:
        store.close()
    if not args.quiet:
        ok = [r for r in rows if r["status"] == "ok"]
        front = pareto_front(ok)
        print(f"{len(rows)} points stored in {args.store} ({len(rows) - len(ok)} failed); "
              f"Pareto front (latency vs energy): {len(front)} points")
        for r in front:
            print(f"  {r['model']:12s} {r['latency_s'] * 1e3:10.4f} ms {r['energy_pj'] / 1e9:10.4f} mJ  {r['config']}")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``accelsim`` command; returns the exit status."""
    args = _parser().parse_args(argv)
    from accelsim.errors import AccelsimError
    try:
        cmd = {"simulate": _cmd_simulate, "lower": _cmd_lower, "run-trace": _cmd_run_trace,
               "list": _cmd_list, "validate": _cmd_validate, "compare": _cmd_compare,
               "sweep": _cmd_sweep, "plot": _cmd_plot}[args.command]
        return cmd(args) or 0
    except AccelsimError as e:
        print(f"accelsim: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
