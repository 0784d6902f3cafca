"""Layers with identical weights share one fit; different weights never do."""

from __future__ import annotations

import numpy as np

from accelsim.compress import cp, synthetic_weights
from accelsim.compress import lowrank
from accelsim.compress.memo import factor_memo


def test_memo_reuses_only_identical_arrays_and_keys():
    memo, calls = factor_memo(), []
    fit = lambda tag: (lambda: calls.append(tag) or tag)  # noqa: E731
    a = np.arange(12.0).reshape(3, 4)
    assert memo(a, (1,), fit("a")) == "a"
    assert memo(a.copy(), (1,), fit("copy")) == "a"  # same values: reused
    assert memo(a, (2,), fit("key")) == "key"  # another key: fitted
    b = a.copy()
    b[-1, -1] += 1e-12  # first element equal, last one not
    assert memo(b, (1,), fit("b")) == "b"
    assert memo(a.reshape(4, 3), (1,), fit("shape")) == "shape"
    assert calls == ["a", "key", "b", "shape"]


def test_identical_layers_fitted_once(tiny_cnn, monkeypatch):
    w = synthetic_weights(tiny_cnn)
    w["c3"] = dict(w["c3"], weight=w["c2"]["weight"].copy())  # c2 and c3 are both 16 -> 16, 3x3
    calls = []
    real = lowrank.cp_als
    monkeypatch.setattr(lowrank, "cp_als", lambda *a, **k: calls.append(1) or real(*a, **k))
    _, w2, rec = cp(tiny_cnn, w, ratio=0.5, layers=("c2", "c3", "c4"))
    assert len(calls) == 2  # c2 (and c3 from it), c4
    for part in ("cp_reduce", "cp_vertical", "cp_horizontal"):
        np.testing.assert_array_equal(w2[f"c2.{part}"]["weight"], w2[f"c3.{part}"]["weight"])
    assert rec.error_of("c2")[0] == rec.error_of("c3")[0]
    assert dict(rec.detail("solver"))["c2"] == dict(rec.detail("solver"))["c3"]
