"""The ISCA 2016 dataflow comparison: RS against WS, OS and NLR on AlexNet CONV1-5 (batch 16, 256 PEs).

Chen, Emer and Sze (ISCA 2016, section VI, Fig. 11) find row stationary 1.4x to 2.5x more
energy-efficient than the other dataflows on AlexNet's CONV layers, under equal storage area.
accelsim's model (``families/eyeriss/dataflows.py``) is its own loop-nest model of that setup.
"""

from __future__ import annotations

import functools

import pytest

from accelsim.families.eyeriss.dataflows import compare, conv_layers, ratios, weighted
from accelsim.workload import load_model


@functools.lru_cache(maxsize=1)
def _alexnet():
    layers = conv_layers(load_model("alexnet"), 16)
    return weighted(compare(layers), layers)


def test_rs_is_the_most_efficient_on_every_conv_layer():
    res = _alexnet()
    for layer in res["RS"]:
        rs = res["RS"][layer][0].total
        assert all(res[df][layer][0].total > rs for df in ("WS", "OS", "NLR")), layer


def test_rs_saves_at_least_the_papers_lower_bound():
    r = ratios(_alexnet())
    assert min(v for k, v in r.items() if k != "RS") >= 1.4, r


@pytest.mark.xfail(reason="known disagreement: the model puts OS at 4.1x and NLR at 2.54x RS, above the paper's "
                          "2.5x; its OS-A keeps only output pixels across PEs (conv3-5's 13x13 outputs fill 169 of "
                          "256 PEs) and, with the model's narrow GLB tiling search, re-reads inputs from DRAM per output "
                          "channel; "
                          "NLR's GLB size (RF bytes given to the GLB one for one) is an assumption", strict=False)
def test_rs_saving_within_the_papers_range():
    r = ratios(_alexnet())
    assert all(1.4 <= v <= 2.5 for k, v in r.items() if k != "RS"), r


def test_levels_add_up_and_alu_is_one_per_mac():
    for df, layers in _alexnet().items():
        for e, _ in layers.values():
            assert e.alu == pytest.approx(1.0)
            assert e.total == pytest.approx(e.alu + e.rf + e.array + e.glb + e.dram)
    # NLR has no RF; RS reads its RF for every operand of every MAC (4 accesses: weight, input, psum in and out)
    res = _alexnet()
    assert all(e.rf == 0 for e, _ in res["NLR"].values())
    assert all(e.rf >= 4 for e, _ in res["RS"].values())


def test_plot_stacks_five_levels_for_four_dataflows():
    from accelsim import plot
    fig = plot.dataflow_energy(_alexnet())
    ax = fig.axes[0]
    assert len(ax.patches) == 5 * 4
    assert [t.get_text() for t in ax.get_xticklabels()] == ["WS", "OS", "NLR", "RS"]
