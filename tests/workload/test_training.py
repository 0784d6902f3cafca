"""Training steps (accelsim.workload.training): backward and update layers built from the forward ones, their MACs
and bytes, how they run on the systolic and row-stationary chips, and the split of a result into phases."""

from __future__ import annotations

import math

import pytest

import accelsim
from accelsim.errors import AccelsimError
from accelsim.workload import load_model
from accelsim.workload.layer import MASTER_BITS
from accelsim.workload.network import build_network
from accelsim.workload.training import per_step, training_record, training_step


def _convnet(width: int = 224, channels: int = 16, bits: int = 8, name: str = "convnet"):
    """A conv/linear net with a strided conv, a pool, a residual add and a classifier."""
    layers = [
        {"name": "c1", "op": "conv2d", "out": channels, "kernel": 3, "pad": 1, "activation": "relu"},
        {"name": "c2", "op": "conv2d", "out": channels, "kernel": 3, "stride": 2, "pad": 1, "activation": "relu"},
        {"name": "c3", "op": "conv2d", "out": channels, "kernel": 3, "pad": 1},
        {"name": "res", "op": "add", "inputs": ["c2", "c3"], "activation": "relu"},
        {"name": "pool", "op": "maxpool", "kernel": 2},
        {"name": "gap", "op": "avgpool", "global": True},
        {"name": "flat", "op": "flatten"},
        {"name": "fc", "op": "linear", "out": 10},
    ]
    return build_network(name, [3, width, width], layers,
                         defaults={"weight_bits": bits, "act_bits": bits})


def _first(net):
    return [l for l in net.layers if l.inputs == ("input",) and l.macs]


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
@pytest.mark.parametrize("model", ["convnet", "resnet18", "vgg16"])
def test_step_macs_are_three_forwards_less_the_first_layers_dgrad(model, optimizer):
    net = _convnet() if model == "convnet" else load_model(model)
    step = training_step(net, optimizer)
    first = sum(l.macs for l in _first(net))
    assert first > 0
    assert step.macs == 3 * net.macs - first
    back = [l for l in step.layers if l.phase == "backward"]
    assert sum(l.macs for l in back if l.name.endswith(".wgrad")) == net.macs
    assert sum(l.macs for l in back if l.name.endswith(".dgrad")) == net.macs - first
    assert all(l.macs == 0 for l in step.layers if l.phase == "update")


def test_backward_layers_read_what_their_producers_write():
    step = training_step(_convnet())
    shapes = {l.name: l.out_shape for l in step.layers} | {"input": step.input_shape}
    for l in step.layers:
        if l.phase == "backward" and l.op not in ("matmul", "reshape"):
            for src, shp in zip(l.inputs, l.in_shapes):
                assert math.prod(shapes[src]) == math.prod(shp), (l.name, src)
    # the strided conv's input gradient comes back at its input's resolution, and the fan-out of c2 sums two
    assert step.layer("c2.dgrad_scatter").out_shape == step.layer("c2").in_shapes[0]
    assert set(step.layer("c2.grad_sum").inputs) == {"res.act_grad", "c3.dgrad"}
    assert "c1.dgrad" not in {l.name for l in step.layers}
    order = {l.name: i for i, l in enumerate(step.layers)}
    assert all(order[s] < order[l.name] for l in step.layers for s in l.inputs if s != "input")


@pytest.mark.parametrize("bits", [8, 32])
def test_adam_keeps_twice_the_weights_in_state_and_sgd_once(bits):
    net = _convnet(bits=bits)
    adam = training_record(training_step(net, "adam"))
    sgd = training_record(training_step(net, "sgd"))
    master = adam["params"] * MASTER_BITS // 8  # the float32 weights the optimizer steps
    assert adam["params"] == net.params
    assert adam["optimizer_state_bytes"] == 2 * master
    assert sgd["optimizer_state_bytes"] == master
    # a quantized net keeps a float32 master copy beside its working weights; a float32 net is its own master
    assert adam["master_copy_bytes"] == (master if bits < 32 else 0)
    assert adam["weight_bytes"] == math.ceil(net.params * bits / 8)
    # per step the update reads gradient + master + state and writes master + state (+ the working copy)
    assert adam["update_read_bytes"] == adam["gradient_bytes"] + 3 * master
    assert adam["update_write_bytes"] == 3 * master + (adam["weight_bytes"] if bits < 32 else 0)


def test_per_batch_layers_run_once_with_the_batch_in_their_reduction():
    step = training_step(_convnet())
    wgrad = step.layer("c3.wgrad")
    folded, b = per_step(wgrad, 8)
    assert b == 1 and folded.macs == 8 * wgrad.macs and folded.out_shape == wgrad.out_shape
    upd = step.layer("c3.update")
    assert per_step(upd, 8) == (upd, 1)
    assert per_step(step.layer("c3.dgrad"), 8) == (step.layer("c3.dgrad"), 8)


@pytest.mark.parametrize("arch", ["tpu-v1", "systolic-32x32", "eyeriss"])
def test_a_step_runs_and_its_phases_sum_to_the_totals(arch):
    net = _convnet(width=32)
    batch = 2
    r = accelsim.simulate(net, arch, batch, train=True, optimizer="adam")
    assert r.macs == batch * (3 * net.macs - sum(l.macs for l in _first(net)))
    phases = r.phases()
    assert list(phases) == ["forward", "backward", "update"]
    for key in ("cycles", "macs", "dram_read_bytes", "dram_write_bytes"):
        assert sum(p[key] for p in phases.values()) == getattr(r, key)
    assert math.isclose(sum(p["total_energy_pj"] for p in phases.values()), r.total_energy_pj, rel_tol=1e-12)
    for comp, pj in r.energy_pj.items():
        assert math.isclose(sum(p["energy_pj"].get(comp, 0.0) for p in phases.values()), pj, rel_tol=1e-12)
    assert phases["update"]["dram_read_bytes"] >= r.training["update_read_bytes"]
    assert r.to_dict()["total"]["phases"]["backward"]["cycles"] == phases["backward"]["cycles"]
    # the forward phase of a step is the inference run's work
    assert phases["forward"]["macs"] == accelsim.simulate(net, arch, batch).macs


def test_a_batch_whose_saved_activations_spill_moves_more_dram_bytes_per_sample():
    arch = accelsim.load_arch("tpu-v1")
    net = _convnet(width=224)
    small, large = 1, 24
    rec_small = training_record(training_step(net), small)
    rec_large = training_record(training_step(net), large)
    assert rec_small["saved_activation_bytes"] <= arch.ifmap.capacity_bytes < rec_large["saved_activation_bytes"]
    per_sample = [(r.dram_read_bytes + r.dram_write_bytes) / b for b, r in
                  ((b, accelsim.simulate(net, arch, b, train=True)) for b in (small, large))]
    assert per_sample[1] > per_sample[0]
    # the difference is the saved activations: written to DRAM in the forward pass only at the large batch
    fwd_writes = [accelsim.simulate(net, arch, b, train=True).phases()["forward"]["dram_write_bytes"]
                  for b in (small, large)]
    assert fwd_writes[0] == 0 < fwd_writes[1]


def test_ops_without_a_backward_pass_are_refused_in_one_line():
    with pytest.raises(AccelsimError, match=r"--train: layer .* is lrn, which has no backward pass"):
        training_step(build_network("lrn_net", [3, 8, 8], [{"name": "c", "op": "conv2d", "out": 4, "kernel": 3},
                                                           {"name": "n", "op": "lrn", "size": 5}]))


def test_a_training_step_is_not_trained_twice():
    with pytest.raises(AccelsimError, match="already a training step"):
        training_step(training_step(_convnet()))


@pytest.mark.parametrize("kw,field", [({"train": True, "optimizer": "rmsprop"}, "--optimizer"),
                                      ({"optimizer": "adam"}, "--optimizer")])
def test_bad_optimizer_arguments(kw, field):
    with pytest.raises(AccelsimError, match=field):
        accelsim.simulate(_convnet(width=16), "tpu-v1", **kw)


def test_chips_without_training_ops_refuse_naming_the_op():
    with pytest.raises(AccelsimError, match=r"--train: layer .* is (matmul|sgd_update), which .* does not run"):
        accelsim.simulate(_convnet(width=16), "qiu16-zc706", train=True)
    with pytest.raises(AccelsimError, match=r"OP, the outer product"):
        accelsim.simulate(_convnet(width=16), "diannao", train=True)


def test_timeline_carries_phases(tmp_path):
    from accelsim.timeline import write_timeline
    import json
    out = tmp_path / "t.json"
    write_timeline(out, _convnet(width=16), accelsim.load_arch("tpu-v1"), 2, train=True, optimizer="sgd")
    ev = json.loads(out.read_text())["traceEvents"]
    assert [e["name"] for e in ev if e.get("cat") == "phase"] == ["forward", "backward", "update"]
    ops = [e for e in ev if e.get("ph") == "X" and e.get("cat") != "phase"]
    assert {e["args"]["phase"] for e in ops} == {"forward", "backward", "update"}
    assert all(e["args"]["phase"] == "update" for e in ops if e["args"]["layer"].endswith(".update"))


@pytest.mark.parametrize("arch,word_bytes", [("systolic-32x32", 1), ("eyeriss", 2)])
def test_weight_gradients_read_saved_activations_raw_not_im2col(arch, word_bytes):
    # systolic-32x32 keeps nothing on chip, eyeriss neither: c3's 3x3 wgrad reads its saved input from DRAM
    net = _convnet(width=32)
    batch = 4
    step = training_step(net)
    wgrad = step.layer("c3.wgrad")
    m, k, n = wgrad.gemm_mkn
    im2col = m * k * batch * word_bytes           # 9 x the raw tensor for a 3x3 stride-1 conv
    raw_and_dy = (math.prod(wgrad.in_shapes[0]) + math.prod(wgrad.in_shapes[1])) * batch * word_bytes
    read = accelsim.simulate(net, arch, batch, train=True).layer("c3.wgrad").dram_read_bytes
    assert raw_and_dy * 4 < im2col
    assert read < 2 * raw_and_dy


def test_csv_and_table_carry_the_phase_only_for_a_training_step():
    import csv
    import io
    from accelsim import report
    net = _convnet(width=16)
    step = accelsim.simulate(net, "tpu-v1", train=True)
    rows = list(csv.DictReader(io.StringIO(report.to_csv(step))))
    assert {r["phase"] for r in rows if r["scope"] == "layer"} == {"forward", "backward", "update"}
    assert sum(int(r["cycles"]) for r in rows if r["scope"] == "layer" and r["phase"] == "backward") == \
        step.phases()["backward"]["cycles"]
    assert "phase" not in report.to_csv(accelsim.simulate(net, "tpu-v1")).splitlines()[0]
    assert any(a.startswith("training:") for a in step.approximations)
