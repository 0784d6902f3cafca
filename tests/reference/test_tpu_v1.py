"""TPU v1 behaviour the paper describes (Jouppi et al., ISCA 2017; REFERENCES.md section 1).

Each published TPU v1 figure is held to its tolerance by ``test_published_figures.py`` (the
tolerances are in ``accelsim/families/systolic/validate.py``); here, the qualitative claims.
"""

from __future__ import annotations

import pytest

from accelsim.families.systolic.validate import lstm1_tile_latency_s


def test_bigger_array_is_slower_on_lstm1():
    # section 7: "on 512x512 it takes 4 steps, 32 us" against "9 steps, 18 us" on 256x256
    assert lstm1_tile_latency_s(512) > 1.5 * lstm1_tile_latency_s(256)


def test_each_app_is_bound_where_the_paper_says():
    # section 4: MLPs and LSTMs are memory-bound, CNNs compute-bound (ridge ~1350 MAC per weight byte)
    from accelsim.families.systolic.validate import app_results
    apps = {a.name: a for a in app_results()}
    for name in ("MLP0", "MLP1", "LSTM0", "LSTM1"):
        assert apps[name].macs_per_weight_byte < 1350 and apps[name].stall_fraction > 0.5, name
    assert apps["CNN0"].macs_per_weight_byte > 1350 and apps["CNN0"].stall_fraction < 0.25
    assert apps["CNN1"].macs_per_weight_byte > 1350
    # CNN0 is the only app near peak in Table 3 (86 of 92 TOPS); every other app is far below
    assert apps["CNN0"].tops > 2 * max(a.tops for n, a in apps.items() if n != "CNN0")
