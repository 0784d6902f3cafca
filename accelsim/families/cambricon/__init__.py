"""Instruction-driven CNN units (DianNao, ASPLOS 2014; Cambricon, ISCA 2016): the ``cambricon`` family.

Spec and YAML (NFU, vector unit, scratchpads NBin/SB/NBout, DMA): :mod:`.spec`, presets in
``presets/`` (``diannao``, ``cambricon``). The ISA: :mod:`.isa`, the assembler :mod:`.asm`,
the compiler from layers to programs :mod:`.compiler` (with :mod:`.codegen`, :mod:`.layout`,
:mod:`.vector_layers`, :mod:`.depthwise`), the interpreter :mod:`.interp` and functional
co-simulation :mod:`.functional`. The in-order pipelined core: :mod:`.core` (readable, the
reference) and :mod:`.fastcore` (the same timing compiled, ``accelsim.kernels.cambricon_core``);
accounting: :mod:`.account`; a whole run: :mod:`.run`. Published figures: :mod:`.validate`.
"""

from __future__ import annotations

from pathlib import Path

from accelsim.family import Family, Option, lazy


def _simulate(net, spec, batch=1, input_on_chip=False, activations="layer"):
    from accelsim.families.cambricon.run import run_cambricon
    return run_cambricon(net, spec, batch).result


def _program(net, spec, batch=1):
    from accelsim.families.cambricon.run import compile_program
    return compile_program(net, spec, batch).text


def _perfetto(net, spec, batch=1):
    from accelsim.families.cambricon.run import perfetto_document
    return perfetto_document(net, spec, batch)


def _list_row(a):
    from accelsim.units import format_bandwidth, format_bytes
    return (f"{a.matrix.rows}x{a.matrix.cols} NFU, {a.vector.rows} vector lanes",
            f"ISA, {a.pipeline_stages}-stage core", f"{a.clock_hz / 1e6:g} MHz",
            ", ".join(f"{k} {format_bytes(v)}" for k, v in a.scratchpad_bytes.items()),
            format_bandwidth(a.dram.bandwidth_bytes_per_s))


def _functional(spec, net, batch, _value):
    from accelsim.families.cambricon.functional import run_functional
    res = run_functional(net, spec, batch=batch)
    bad = {k: v for k, v in res["layers"].items() if v}
    return (f"functional: {res['dynamic_insns']:,} instructions executed; "
            + ("every layer bit-exact with the NumPy fixed-point reference" if not bad
               else f"{len(bad)} layer(s) differ from the reference: {bad}")), not bad


FAMILY = Family(
    name="cambricon", title="DianNao/Cambricon",
    from_dict=lazy("accelsim.families.cambricon.spec", "cambricon_from_dict"), list_row=_list_row,
    simulate=_simulate, program=_program, perfetto=_perfetto,
    presets=Path(__file__).resolve().parent / "presets",
    checks=lazy("accelsim.families.cambricon.validate", "cambricon_checks"),
    options=(Option("--functional", "DianNao/Cambricon: also execute the program on 16-bit fixed-point data and "
                    "compare every layer with the NumPy reference", is_flag=True, run=_functional),),
    source="Chen et al., ASPLOS 2014 (DianNao); Liu et al., ISCA 2016 (Cambricon)",
    ops=frozenset({"conv2d", "linear", "maxpool", "avgpool", "add", "mul", "activation", "concat", "upsample",
                   "flatten"}),
    ops_note=("accelsim's compiler for these cores lowers conv, FC, pooling and element-wise layers only. "
              "Cambricon's vector instructions (VEXP, VDV, VAV) could express softmax and normalisation, but that "
              "lowering is not written yet"),
    train_note=("the ISA expresses the gradients (OP, the outer product, for weight gradients; VMM for input "
                "gradients) and SGD (VAV, VMV, VSV), and Adam needs a divide and a square root (no VDV or root in "
                "this ISA subset); accelsim's compiler lowers no backward layer or optimizer update yet"),
)
