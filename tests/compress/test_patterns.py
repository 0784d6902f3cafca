"""Drawn weight patterns: a mask drawn a block of rows at a time is the one whole draw would give."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.compress import patterns
from accelsim.compress.weights import layer_rng


@pytest.mark.parametrize("rows, cols, chunk", [(37, 53, 100), (37, 53, 53), (5, 1000, 10), (64, 9, 1 << 20),
                                               (3, 7, 1)])
def test_drawn_mask_matches_one_whole_draw(monkeypatch, rows, cols, chunk):
    # chunks smaller than a row, a row exactly, several rows with a ragged last block, and all at once
    monkeypatch.setattr(patterns, "DRAW_CHUNK", chunk)
    got = patterns._draw_mask(layer_rng(0, "fc6/weight-pattern"), rows, cols, 0.3)
    want = layer_rng(0, "fc6/weight-pattern").random((rows, cols)) < 0.3
    assert got.dtype == bool and got.shape == (rows, cols)
    np.testing.assert_array_equal(got, want)
    assert 0 < got.sum() < got.size


def test_weight_mask_of_a_layer_matches_one_whole_draw(monkeypatch, lenet):
    monkeypatch.setattr(patterns, "DRAW_CHUNK", 4096)  # 500 x 800 in blocks of 5 rows
    fc1 = next(l for l in lenet.layers if l.name == "fc1").with_(weight_density=0.1)
    mask, real = patterns.weight_mask(fc1, None, seed=7)
    want = layer_rng(7, "fc1/weight-pattern").random((500, 800)) < 0.1
    assert not real
    np.testing.assert_array_equal(mask, want)
