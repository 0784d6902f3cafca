"""EIE on an LSTM written in the IR (matrix-vector products plus element-wise gate layers), and activation
patterns taken from a functional run of the network instead of drawn."""

from __future__ import annotations

import numpy as np
import pytest

import accelsim
from accelsim.compress import apply_passes
from accelsim.compress.patterns import weight_mask
from accelsim.errors import AccelsimError
from accelsim.families.eie.lower import eltwise_cycles, lower_network
from accelsim.families.eie.sim import DRAWN_ACTS, action_pj
from accelsim.registry import load_arch
from accelsim.trace import COMPUTE
from accelsim.workload import load_model
from accelsim.workload.network import build_network

EIE = load_arch("eie")


@pytest.mark.parametrize("batch", [1, 2])
def test_lstm_macs_are_its_matrix_non_zeros_and_gates_cost_their_element_wise_cycles(batch):
    net = apply_passes(load_model("tpu_lstm0"), None, ("magnitude:0.9",))[0]
    r = accelsim.simulate(net, EIE, batch=batch)
    # every input is non-zero (act_density 1), so each matrix layer does all its stored non-zeros per sample
    want = sum(int(weight_mask(l, None)[0].sum()) for l in net.layers if l.op == "linear")
    assert r.macs == want * batch
    price = action_pj(EIE)["entries"]
    by_name = {l.name: l for l in r.layers}
    gates = [l for l in net.layers if l.op == "mul" or (l.op == "activation" and l.activation in ("sigmoid", "tanh"))]
    assert len(gates) == 34     # TPU v1's LSTM0: 24 sigmoid/tanh and 10 gate products
    for layer in gates:
        got = by_name[layer.name]
        assert got.macs == 0
        # 1472 elements over 64 PEs: 23 a PE, one operation each, per sample
        assert got.compute_cycles == eltwise_cycles(1472, 1, EIE.pes) * batch == 23 * batch
        assert got.energy_pj["mac"] == pytest.approx(layer.vector_ops * batch * price)
    assert any("element-wise" in e for e in r.effects)


def test_relu_stays_free_and_other_ops_are_refused():
    net = build_network("t", (64, 1, 1), [{"name": "fc", "op": "linear", "out": 128},
                                          {"name": "r", "op": "activation", "fn": "relu"},
                                          {"name": "s", "op": "activation", "fn": "sigmoid"}], source="test")
    trace, rep = lower_network(net, EIE, 1)
    ops = trace.ops
    assert not np.any((ops["layer"] == 1) & (ops["kind"] == COMPUTE))       # ReLU: applied on write-back
    assert ops["stream"][(ops["layer"] == 2) & (ops["kind"] == COMPUTE)].tolist() == [2]   # 128 / 64 PEs
    assert rep["s"] == {"ops": 128, "cycles": 2}
    pool = build_network("t", (4, 8, 8), [{"name": "p", "op": "maxpool", "kernel": 2, "stride": 2}], source="test")
    with pytest.raises(AccelsimError, match="layer p is maxpool: EIE runs fully connected layers"):
        lower_network(pool, EIE, 1)


def _two_layers():
    return build_network("t", (256, 1, 1), [{"name": "fc1", "op": "linear", "out": 512, "activation": "relu"},
                                            {"name": "fc2", "op": "linear", "out": 256}], source="test")


def test_activation_pattern_comes_from_a_functional_run_when_weights_are_given():
    net = _two_layers()
    # fc1's odd rows are negative on a positive input: ReLU zeroes exactly fc2's odd inputs
    w1 = np.ones((512, 256))
    w1[1::2] = -1.0
    w2 = np.ones((256, 512))
    weights = {"fc1": {"weight": w1}, "fc2": {"weight": w2}}
    net = net.with_layers(tuple(l.with_(bias=False, act_density=0.1) for l in net.layers))  # densities ignored
    trace, rep = lower_network(net, EIE, 2, weights=weights)
    assert rep["fc1"]["functional_acts"] and rep["fc2"]["functional_acts"]
    macs = {li.name: li.macs for li in trace.layers}
    assert macs["fc1"] == 2 * 512 * 256          # the network's input (uniform in [0, 1)) has no zero
    assert macs["fc2"] == 2 * 256 * 256          # half of fc2's inputs are zero: exactly the odd ones
    r = accelsim.simulate(net, EIE, batch=2, weights=weights)
    assert DRAWN_ACTS not in r.approximations and any("functional run" in e for e in r.effects)


def test_without_weights_the_pattern_is_drawn_and_the_notes_say_so():
    net = _two_layers()
    net = net.with_layers(tuple(l.with_(act_density=0.5) for l in net.layers))
    trace, rep = lower_network(net, EIE, 1)
    assert not rep["fc2"]["functional_acts"]
    assert DRAWN_ACTS in accelsim.simulate(net, EIE).approximations
    _, rep_f = lower_network(net, EIE, 1, activations="functional")   # seeded synthetic weights
    assert rep_f["fc2"]["functional_acts"]
