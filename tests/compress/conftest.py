"""Small networks shared by the compression tests."""

from __future__ import annotations

import pytest

from accelsim.workload import build_network, load_model


@pytest.fixture(scope="session")
def lenet():
    return load_model("lenet5")


@pytest.fixture(scope="session")
def tiny_cnn():
    """A small conv net with 'same' padding, a residual add, a depthwise conv and a flatten."""
    return build_network("tiny", [8, 16, 16], [
        {"name": "c1", "op": "conv2d", "out": 16, "kernel": 3, "pad": 1, "bias": True, "activation": "relu"},
        {"name": "c2", "op": "conv2d", "out": 16, "kernel": 3, "pad": 1, "activation": "relu"},
        {"name": "dw", "op": "conv2d", "out": 16, "kernel": 3, "pad": 1, "groups": "depthwise"},
        {"name": "c3", "op": "conv2d", "out": 16, "kernel": 3, "pad": 1, "bias": True},
        {"name": "add", "op": "add", "inputs": ["c3", "c1"], "activation": "relu"},
        {"name": "pool", "op": "maxpool", "kernel": 2},
        {"name": "c4", "op": "conv2d", "out": 24, "kernel": 3, "pad": 1, "bias": True, "activation": "relu"},
        {"name": "flat", "op": "flatten"},
        {"name": "fc1", "op": "linear", "out": 32, "bias": True, "activation": "relu"},
        {"name": "fc2", "op": "linear", "out": 10, "bias": True},
    ])
