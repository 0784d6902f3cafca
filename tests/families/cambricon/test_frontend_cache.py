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
