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
