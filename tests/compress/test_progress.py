"""Slow compression passes say which layer they are on; quick ones and unwatched ones say nothing."""

from __future__ import annotations

from accelsim.compress import apply_passes, progress, synthetic_weights
from accelsim.workload import load_model


def test_a_pass_reports_each_layer_after_its_first_second(monkeypatch):
    net = load_model("lenet5")
    w = synthetic_weights(net, seed=0)
    seen: list[str] = []
    monkeypatch.setattr(progress, "AFTER_S", 0.0)  # report from the first layer on
    with progress.reporting(seen.append):
        apply_passes(net, w, ("share:4", "hash"))
    weighted = [l.name for l in net.layers if l.params]
    largest_first = [l.name for l in sorted((l for l in net.layers if l.params), key=lambda l: -l.weight_count)]
    assert largest_first != weighted  # output-fitted passes (hash, admm) take the largest layer first
    assert seen == ([f"share:4: layer {i + 1}/{len(weighted)} {n}" for i, n in enumerate(weighted)] +
                    [f"hash: layer {i + 1}/{len(weighted)} {n}" for i, n in enumerate(largest_first)])


def test_nothing_is_reported_before_a_second_or_without_a_reporter(monkeypatch):
    net = load_model("lenet5")
    seen: list[str] = []
    monkeypatch.setattr(progress, "AFTER_S", 3600.0)
    with progress.reporting(seen.append):
        apply_passes(net, synthetic_weights(net, seed=0), ("svd:0.5",))
    assert seen == []
    assert list(progress.layers(["a", "b"], "x")) == ["a", "b"]  # no reporter: the items, nothing else
