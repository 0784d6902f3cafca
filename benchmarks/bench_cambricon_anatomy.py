"""Where a DianNao/Cambricon run's time goes, and how much of its instruction stream repeats exactly.

Run: python benchmarks/bench_cambricon_anatomy.py [--arch diannao] [--model resnet50] [--repeat 3] [--ab REV]
     (prints figures; asserts nothing)

1. Front end against core: compile, assemble, pack and the compiled core, best CPU seconds of
   ``--repeat`` runs after a first one.
2. The dynamic instruction mix (scalar against unit instructions) and the layers with most
   instructions.
3. Steady state, the question behind a fast-forward: from the per-instruction log (issue, start,
   done of every non-scalar instruction), an instruction is *steady* when it is its previous
   instance (same pc) shifted in time by the same amount as the instruction before it was, at the
   same distance in the stream, with its start and done shifted alike. A fast-forward that skips
   whole periods can at best skip steady runs, so their share and length bound what it can gain.
4. With ``--ab REV``: the core kernel (``kernels/cambricon_core.py`` and ``cambricon_dram.py``) as of git
   revision ``REV`` against the working tree's, interleaved in this process on the same packed
   program (fresh DRAM each call), best CPU seconds of ``--repeat`` runs each.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from collections import Counter

import numpy as np

from accelsim.families.cambricon import run as R
from accelsim.families.cambricon.asm import assemble
from accelsim.families.cambricon.fastcore import pack_program, pack_text, run_core_compiled
from accelsim.kernels import cambricon_layout as K
from accelsim.registry import load_arch
from accelsim.sim.dram_run import dram_for_run
from accelsim.workload import load_model

SCALAR = ("SLI", "SADDI", "SADD", "SSUB", "SMUL", "SLT", "JUMP", "CB", "HALT")
DMA = ("VLOAD", "VSTORE", "MLOAD", "MSTORE", "VLOADZ")


def _best(f, repeat: int):
    """(best CPU s, last value) of ``repeat`` calls after one untimed call."""
    out = f()
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        out = f()
        best = min(best, time.process_time() - t)
    return best, out


def steady(log: list, op: np.ndarray) -> dict:
    """Share of steady non-scalar instructions (see the module docstring), of DMA ones, and the run lengths."""
    rows = np.array([(p, i, s, d) for p, _, _, i, s, d in log], np.int64)
    pc, issue, start, done = rows.T
    prev = np.full(len(pc), -1)
    last: dict[int, int] = {}
    for i, p in enumerate(pc.tolist()):
        prev[i] = last.get(p, -1)
        last[p] = i
    j = np.maximum(prev, 0)
    shift = issue - issue[j]
    same = (prev >= 0) & (start - start[j] == shift) & (done - done[j] == shift)
    dist = np.arange(len(pc)) - j
    st = same.copy()
    st[1:] &= same[:-1] & (dist[1:] == dist[:-1]) & (shift[1:] == shift[:-1])
    runs, n = [], 0
    for s in st.tolist():
        if s:
            n += 1
        elif n:
            runs.append(n)
            n = 0
    if n:
        runs.append(n)
    runs = np.array(runs or [0])
    is_dma = np.isin(op[pc], [K.OPS.index(o) for o in DMA])
    return dict(n=len(pc), steady=st.mean(), dma_steady=st[is_dma].mean(), runs=len(runs), mean_run=runs.mean(),
                longest=int(runs.max()), in_runs_100=runs[runs >= 100].sum() / len(pc), pc=pc, st=st)


def kernel_at(rev: str, where: Path):
    """``cambricon_core`` as of git revision ``rev``, its DRAM helpers alongside, imported from ``where``."""
    root = Path(__file__).resolve().parent.parent

    def show(path: str) -> str:
        return subprocess.check_output(["git", "-C", str(root), "show", f"{rev}:{path}"], text=True)

    (where / "ab_dram.py").write_text(show("accelsim/kernels/cambricon_dram.py"))
    (where / "ab_core.py").write_text(show("accelsim/kernels/cambricon_core.py").replace(
        "from accelsim.kernels.cambricon_dram import", "from ab_dram import"))
    sys.path.insert(0, str(where))
    return importlib.import_module("ab_core").cambricon_core


def ab(rev: str, packed, spec, starts, repeat: int) -> tuple[float, float, bool]:
    """(best CPU s of the kernel at ``rev``, of the working tree's, whether both gave the same end cycle)."""
    from accelsim.families.cambricon import fastcore
    new = fastcore.cambricon_core
    with tempfile.TemporaryDirectory() as tmp:
        old = kernel_at(rev, Path(tmp))
        best, ends = [float("inf")] * 2, set()
        for i in range(2 * (repeat + 1)):
            fastcore.cambricon_core = (old, new)[i % 2]
            t = time.process_time()
            run = run_core_compiled(packed, spec, starts, dram_for_run(spec.dram, spec.clock_hz))
            if i >= 2:  # the first of each compiles or loads the kernel
                best[i % 2] = min(best[i % 2], time.process_time() - t)
            ends.add(run.end_cycle)
        fastcore.cambricon_core = new
    return best[0], best[1], len(ends) == 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--arch", default="diannao")
    ap.add_argument("--model", default="resnet50")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--ab", metavar="REV", help="also time the core kernel as of git revision REV against this one")
    args = ap.parse_args()
    net, spec = load_model(args.model), load_arch(args.arch)
    t_comp, compiled = _best(lambda: R.compile_program(net, spec, 1), args.repeat)
    t_asm, program = _best(lambda: assemble(compiled.text), args.repeat)
    t_pack, packed = _best(lambda: pack_program(program), args.repeat)
    t_direct, _ = _best(lambda: pack_text(compiled.text), args.repeat)
    labels = dict(program.labels)
    starts = [labels[n] for n in compiled.labels]
    t_core, run = _best(lambda: run_core_compiled(packed, spec, starts, dram_for_run(spec.dram, spec.clock_hz)),
                        args.repeat)
    print(f"{args.model} on {args.arch}: {len(program.insns):,} static, {run.steps:,} dynamic instructions")
    print(f"1. CPU s: compile {t_comp:.3f}, assemble {t_asm:.3f}, pack {t_pack:.3f} (straight to arrays, as "
          f"simulate does: {t_direct:.3f}), core {t_core:.3f} ({run.steps / t_core / 1e6:.1f} M insn/s)")
    mix = Counter()
    for t in run.layers:
        mix.update(t.by_op)
    scalar = sum(v for k, v in mix.items() if k in SCALAR)
    dma = sum(v for k, v in mix.items() if k in DMA)
    print(f"2. scalar {scalar:,} ({scalar / run.steps:.0%}), unit {run.steps - scalar:,} of which DMA {dma:,}; "
          f"by op: {', '.join(f'{k} {v:,}' for k, v in mix.most_common())}")
    top = sorted(range(len(run.layers)), key=lambda li: -run.layers[li].insns)[:6]
    print("   most instructions: " + ", ".join(f"{net.layers[li].name} {run.layers[li].insns:,}" for li in top))
    logged = run_core_compiled(packed, spec, starts, dram_for_run(spec.dram, spec.clock_hz), log=True)
    s = steady(logged.log, packed.op)
    print(f"3. steady non-scalar instructions {s['steady']:.1%} of {s['n']:,} (DMA {s['dma_steady']:.1%}); "
          f"{s['runs']:,} steady runs, mean {s['mean_run']:.1f}, longest {s['longest']:,}; "
          f"in runs of 100 or more: {s['in_runs_100']:.1%}")
    layer = np.searchsorted(np.array(starts), s["pc"], side="right") - 1
    rows = []
    for li in top:
        m = layer == li
        if m.any():
            rows.append(f"{net.layers[li].name} {s['st'][m].mean():.0%}")
    print("   steady share in those layers: " + ", ".join(rows))
    if args.ab:
        old, new, same = ab(args.ab, packed, spec, starts, args.repeat)
        print(f"4. core kernel CPU s: {args.ab} {old:.3f}, working tree {new:.3f} (x{old / new:.2f}); "
              + ("same end cycle" if same else "END CYCLES DIFFER"))


if __name__ == "__main__":
    main()
