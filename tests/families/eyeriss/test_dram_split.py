"""Eyeriss DRAM words split by data type (ifmap, filter, ofmap) and RLC-coded filters (``weight_rlc``)."""

from __future__ import annotations

import pytest

from accelsim.families.eyeriss.lower import conv_problem, lower_network, map_layer, rlc_words_per_word
from accelsim.registry import load_arch
from accelsim.trace import LOAD
from accelsim.workload import load_model

ARCH = load_arch("eyeriss")
CONV3 = (4, 16, 4, 13, 1, 4)  # JSSC Table III


def _conv3():
    return conv_problem(load_model("alexnet").layer("conv3"), 4)


def test_split_sums_to_the_dram_words_and_each_type_takes_its_own_format():
    p = _conv3()
    raw = map_layer(p, ARCH, (1.0, 1.0, 1.0, 1.0), fixed=CONV3)
    assert sum(raw.dram_words) == pytest.approx(raw.counts[6])
    assert raw.dram_words[2] == p.N * p.M * p.E * p.F  # each ofmap word written once
    coded = map_layer(p, ARCH, (1.0, 0.5, 0.25, 0.125), fixed=CONV3)
    assert coded.dram_words == pytest.approx((raw.dram_words[0] * 0.5, raw.dram_words[1] * 0.125,
                                              raw.dram_words[2] * 0.25))
    assert coded.cycles == raw.cycles  # formats change words moved, not the processing passes


def _net(density: float):
    net = load_model("alexnet")
    c3 = net.layer("conv3").with_(inputs=(), weight_density=density)
    return net.with_layers((c3,), name="conv3")


def _load_bytes(arch, density: float) -> int:
    trace, _ = lower_network(_net(density), arch, 4, mappings={"conv3": CONV3})
    return int(trace.ops["bytes"][trace.ops["kind"] == LOAD].sum())


def test_the_chip_stores_filters_raw_so_pruning_moves_no_fewer_dram_bytes():
    assert not ARCH.weight_rlc  # JSSC 2017 section IV-B: only feature maps are run-length coded
    assert _load_bytes(ARCH, 0.1) == _load_bytes(ARCH, 1.0)


def test_weight_rlc_moves_only_the_coded_filter_bytes():
    rlc = load_arch("eyeriss", {"weight_rlc": True})
    p = _conv3()
    filt = map_layer(p, ARCH, (1.0, 1.0, 1.0, 1.0), fixed=CONV3).dram_words[1] * p.groups * ARCH.word_bytes
    saved = _load_bytes(ARCH, 0.1) - _load_bytes(rlc, 0.1)
    assert saved == pytest.approx(filt * (1 - rlc_words_per_word(0.1)), abs=2)
    # dense filters cost RLC's third more words: the switch is only worth it on pruned layers
    assert _load_bytes(rlc, 1.0) > _load_bytes(ARCH, 1.0)
