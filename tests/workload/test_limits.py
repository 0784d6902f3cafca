"""Workload size guards (workload/limits.py): huge layers, batches and materialized runs refused up front."""

from __future__ import annotations

import pytest

from accelsim import api, host
from accelsim.errors import AccelsimError
from accelsim.workload import build_network, limits
from accelsim.workload.zoo import load_yaml_model


def _model(tmp_path, layer: str):
    f = tmp_path / "big.yaml"
    f.write_text(f"name: big\ninput: [3, 32, 32]\nlayers:\n  - {layer}\n")
    return f


def test_a_billion_output_channels_is_refused_before_anything_is_allocated(tmp_path):
    with pytest.raises(AccelsimError, match=r"^big\.yaml: layers\[0\]\.out: 1,000,000,000 is larger .* at most"):
        load_yaml_model(_model(tmp_path, "{name: conv1, op: conv2d, out: 1000000000, kernel: 3}"))


def test_a_layer_above_1e15_macs_is_refused():
    with pytest.raises(AccelsimError, match=r"^layers\[0\]: layer g: 3\.6e\+16 MACs per sample; at most 1e\+15"):
        build_network("n", (1, 2**15, 2**20), [{"name": "g", "op": "gemm", "m": 2**15, "k": 2**20, "n": 2**20}])


def test_a_real_network_passes():
    net = build_network("n", (3, 224, 224), [{"name": "c", "op": "conv2d", "out": 64, "kernel": 7}])
    assert limits.check_network(net) is net


@pytest.mark.parametrize("batch,needle", [(0, "must be >= 1, got 0"), (-1, "must be >= 1"),
                                          (10**12, "must be at most 1,048,576 samples"),
                                          (1.5, "must be an integer"), (True, "must be an integer")])
def test_batch_out_of_range(batch, needle):
    with pytest.raises(AccelsimError, match=r"^--batch: " + needle):
        api.simulate("lenet5", "tpu-v1", batch)


def test_memory_estimate_refuses_with_the_estimate(monkeypatch):
    monkeypatch.setattr(host, "available_bytes", lambda: 10**6)
    with pytest.raises(AccelsimError, match=r"^--activations: layer conv1: \d+\.\d [kMGT]?B of activations; "
                                            r"more than this machine's memory \(1\.0 MB available\)$"):
        api.simulate("lenet5", "tpu-v1", 64, activations="functional")
    with pytest.raises(AccelsimError, match=r"^--weights: .* of weights; more than this machine's memory"):
        api.simulate("lenet5", "tpu-v1", 1, weights="synthetic")


def test_a_trace_larger_than_memory_is_refused_before_it_is_built(monkeypatch):
    monkeypatch.setattr(host, "available_bytes", lambda: 10**6)
    from accelsim.trace import TraceBuilder
    b = TraceBuilder("a", "m", 1, ("array",), ())
    from accelsim.trace import LayerInfo
    import dataclasses
    info = LayerInfo(**{f.name: (0 if f.type in ("int", int) else "") for f in dataclasses.fields(LayerInfo)
                        if f.default is dataclasses.MISSING} | {"name": "conv1"})
    b.add_layer(info)
    import numpy as np
    with pytest.raises(AccelsimError, match=r"^--batch: layer conv1: the trace reaches 2,000,000 ops"):
        b.extend(0, np.arange(2_000_001), np.zeros(0, np.int64))


@pytest.mark.parametrize("n", [1, 1024])
def test_memory_units(n):
    assert limits.fmt_bytes(8 * 10**12) == "8.0 TB" and limits.fmt_bytes(n).endswith("B")
