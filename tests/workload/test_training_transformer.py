"""Training steps of transformers: attention, norms, gated MLPs and embeddings get backward layers that add up."""

from __future__ import annotations

import math

import pytest

from accelsim.api import simulate
from accelsim.errors import AccelsimError
from accelsim.workload import load_model
from accelsim.workload.layer import MAC_OPS, UPDATE_OPS
from accelsim.workload.network import INPUT
from accelsim.workload.training import training_step

MODELS = ("gpt2@prefill:seq=16", "bert_base@prefill:seq=16", "vit_b16", "llama3_8b@prefill:seq=4")


def _numel(s):
    return s[0] * s[1] * s[2]


@pytest.mark.parametrize("model", MODELS)
def test_step_macs_are_three_forwards_and_every_parameter_is_updated(model):
    net = load_model(model)
    step = training_step(net, "adam")
    fwd = sum(l.macs for l in net.layers)
    # no MAC layer reads the network input here (embeddings, or ViT's patch conv: checked), so no dgrad is left out
    first = [l for l in net.layers if l.op in MAC_OPS and INPUT in l.inputs]
    assert sum(l.macs for l in step.layers) == 3 * fwd - sum(l.macs for l in first)
    updated = sum(l.out_elements for l in step.layers if l.op in UPDATE_OPS)
    tied = {l.tied for l in net.layers if l.tied}  # GPT-2's LM head is its token table: one tensor, one update
    tables = sum(l.vocab * l.out_shape[0] for l in net.layers if l.op == "embedding" and l.name not in tied)
    assert updated == sum(l.params for l in net.layers) + tables
    names = {l.name for l in step.layers} | {INPUT}
    for l in step.layers:
        assert set(l.inputs) <= names
        if l.op == "matmul":  # both operands and the output hold what the product says, per head
            m, k, n = l.gemm_mkn
            g = l.groups
            assert [_numel(s) for s in l.in_shapes] == [g * m * k, g * k * n] and _numel(l.out_shape) == g * m * n


def test_attention_gets_both_operand_gradients():
    step = training_step(load_model("gpt2@prefill:seq=16"))
    by = {l.name: l for l in step.layers}
    scores = by["l0.scores"]
    da, db = by["l0.scores.grad_a"], by["l0.scores.grad_b"]
    assert da.macs == db.macs == scores.macs
    assert da.out_shape == scores.in_shapes[0] and db.out_shape == scores.in_shapes[1]
    assert by["l0.softmax.grad"].inputs[1] == "l0.softmax"  # reads the saved probabilities
    assert by["l0.norm1.grad"].op == "layernorm" and by["l0.norm1.grad"].inputs[1] == "embed_add"


def test_gpt2_ties_its_head_to_the_token_table_and_a_bad_tie_is_one_line():
    from accelsim.workload.network import build_network
    net = load_model("gpt2@prefill:seq=16")
    assert [l.tied for l in net.layers if l.tied] == ["embed"]
    assert not any(l.tied for l in load_model("llama3_8b@prefill:seq=4").layers)  # Llama 3 8B's head is its own
    bad = build_network("t", [1, 4, 1], [{"name": "e", "op": "embedding", "vocab": 10, "dim": 8},
                                         {"name": "h", "op": "gemm", "m": 4, "k": 8, "n": 12, "tied": "e"}])
    with pytest.raises(AccelsimError) as e:
        training_step(bad)
    assert e.value.field == "layers.h.tied" and "not an embedding of its 96 weights" in e.value.message


def test_a_decode_step_is_not_trained():
    with pytest.raises(AccelsimError) as e:
        training_step(load_model("gpt2@decode:context=64"))
    assert e.value.field == "--train" and "decode step" in e.value.message


def test_gpt2_step_on_tpu_v1_splits_and_moves_the_embedding_gradient():
    fwd = simulate("gpt2@prefill:seq=16", "tpu-v1")
    step = simulate("gpt2@prefill:seq=16", "tpu-v1", train=True)
    ph = step.phases()
    assert ph["backward"]["macs"] == 2 * ph["forward"]["macs"] == 2 * sum(l.macs for l in fwd.layers)
    assert sum(p["cycles"] for p in ph.values()) == step.cycles
    emb = [l for l in step.layers if l.name.startswith("embed") and l.name.endswith(".grad")]
    assert len(emb) == 2
    # each token's gradient row read and written back: at least 2 x tokens x dim x act bytes
    row = 768 * 1
    assert all(l.dram_read_bytes >= 16 * row and l.dram_write_bytes >= 16 * row for l in emb)
    assert any("embedding table is updated whole" in a for a in step.approximations)
    # the update covers the tables: GPT-2's 124 M parameters, float32 master copy beside int8 weights
    assert step.training["params"] == pytest.approx(124.4e6, rel=0.02)
    assert step.training["master_copy_bytes"] == 4 * step.training["params"]


def test_eyeriss_still_refuses_transformers_in_one_line():
    with pytest.raises(AccelsimError) as e:
        simulate("gpt2@prefill:seq=16", "eyeriss", train=True)
    assert "does not run" in e.value.message and math.isfinite(1.0)
