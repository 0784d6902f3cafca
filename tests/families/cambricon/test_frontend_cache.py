"""The compiler's tiling search is memoised per layer shape: the program text is the search's, unchanged."""

from __future__ import annotations

import pytest

from accelsim.families.cambricon import layout
from accelsim.families.cambricon.run import compile_program
from accelsim.registry import load_arch
from accelsim.workload import load_model


@pytest.mark.parametrize("model,arch", [("resnet50", "diannao"), ("resnet18", "cambricon"), ("alexnet", "diannao"),
                                        ("mobilenet_v1", "cambricon")])
def test_cached_tiling_gives_the_searched_program(model, arch, monkeypatch):
    spec, net = load_arch(arch), load_model(model)
    cached = compile_program(net, spec)
    again = compile_program(net, spec)  # every tiling now from the cache
    monkeypatch.setattr(layout, "_best_tiling", layout._best_tiling.__wrapped__)
    searched = compile_program(net, spec)
    assert cached.text == again.text == searched.text
    assert cached.labels == searched.labels


def test_a_layer_that_fits_nowhere_still_names_its_layer():
    from accelsim.errors import AccelsimError
    sp = {"nbin": 8, "sb": 8, "nbout": 2}
    for name in ("conv_a", "conv_b"):  # the second call of the same shape is not answered from a cache
        with pytest.raises(AccelsimError, match=name):
            layout.conv_tiling(4, 4, 8, 8, 3, 3, 1, sp, 16, 16, name)


def test_register_numbers_from_the_assemblers_cache_are_the_parsed_ones():
    from accelsim.errors import AccelsimError
    from accelsim.families.cambricon.asm import assemble
    from accelsim.families.cambricon.isa import N_REGS
    text = "start: SLI r3, 7 ; a comment\n SADD r4, r3 , r3\n# only a comment\nloop: end: SADDI  r4,r4, 1\nHALT\n"
    for _ in range(2):  # the second time every register text comes from the cache
        p = assemble(text)
        assert [i.regs for i in p.insns] == [(3,), (4, 3, 3), (4, 4), ()]
        assert p.labels == (("start", 0), ("loop", 2), ("end", 2))
        with pytest.raises(AccelsimError, match="bad register"):
            assemble(f"SLI r{N_REGS}, 1\nHALT\n")


def test_repeated_lines_assemble_as_if_each_were_parsed_alone():
    from accelsim.errors import AccelsimError
    from accelsim.families.cambricon.asm import assemble
    body = "    SADDI r4, r4, 1\n    VACT r5, r6, r7, r8 shift=3 func=relu\ntop:\n    CB r9, top\n    JUMP out\n"
    text = "out:\n" + body + body.replace("top", "top2") + "    HALT\n"
    p = assemble(text)
    lines = text.splitlines()
    for insn in p.insns:
        # every instruction keeps its own source line, and decodes as its line alone would
        alone = assemble(lines[insn.line - 1].replace("top2", "out").replace("top", "out") + "\nout:\n").insns[0]
        assert (insn.op, insn.regs, insn.acc, insn.shift, insn.func) == (alone.op, alone.regs, alone.acc, alone.shift,
                                                                         alone.func)
    assert [i.line for i in p.insns] == [n for n, l in enumerate(lines, 1) if l.startswith("    ")]
    assert [i.imm for i in p.insns if i.op in ("CB", "JUMP")] == [0, -3, 0, -7]
    with pytest.raises(AccelsimError, match="line 2: bad register"):   # the first of two bad lines is named
        assemble("SLI r1, 1\nSLI r99, 1\nSLI r99, 1\n")
