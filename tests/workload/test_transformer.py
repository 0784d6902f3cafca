"""Transformer models: the ops they add, the zoo's shapes against the papers, phases and their errors."""

from __future__ import annotations

import pytest

from accelsim.errors import AccelsimError
from accelsim.workload import load_model
from accelsim.workload.network import build_network
from accelsim.workload.transformer import Tokens, split_model_spec, with_tokens
from accelsim.workload.zoo import load_yaml_model, transformer_names


def _attention_macs(net):
    return sum(l.macs for l in net.layers if l.op == "matmul")


def test_zoo_transformers():
    assert transformer_names() == ["bert_base", "gpt2", "llama3_8b", "vit_b16"]


@pytest.mark.parametrize("name,published,extra", [
    # parameters the papers give, against matrices plus the tables only gathered from
    ("gpt2", 124.4e6, "wpe"),           # GPT-2 small as released (token table tied to the LM head)
    ("bert_base", 110e6, "tables"),     # Devlin et al.: 110M
    ("vit_b16", 86e6, "none"),          # Dosovitskiy et al. Table 1: 86M
    ("llama3_8b", 8.03e9, "tables"),    # Llama 3 8B
])
def test_parameter_counts_match_the_papers(name, published, extra):
    net = load_model(name)
    tables = {l.name: l.table_bytes / (l.weight_bits / 8) for l in net.layers if l.op == "embedding"}
    count = net.params + {"wpe": tables.get("embed_pos", 0), "tables": sum(tables.values()), "none": 0}[extra]
    assert count == pytest.approx(published, rel=0.02)


def test_prefill_attention_grows_quadratically():
    a = _attention_macs(load_model("gpt2@prefill:seq=256"))
    b = _attention_macs(load_model("gpt2@prefill:seq=512"))
    assert b == 4 * a
    # the projections and MLP grow linearly
    lin = lambda n: sum(l.macs for l in n.layers if l.op == "gemm" and l.name != "lm_head")  # noqa: E731
    assert lin(load_model("gpt2@prefill:seq=512")) == 2 * lin(load_model("gpt2@prefill:seq=256"))


def test_decode_attention_and_cache_grow_linearly():
    nets = [load_model(f"gpt2@decode:context={c}") for c in (256, 512, 1024)]
    att = [_attention_macs(n) for n in nets]
    assert att[2] - att[1] == 2 * (att[1] - att[0])
    cache = [sum(l.cache_bytes for l in n.layers) for n in nets]
    # 12 layers x (keys + values) x 768 features x 1 byte per cached token
    assert cache[1] - cache[0] == 12 * 2 * 768 * 256
    assert [l.past for l in nets[2].layers if l.op == "kv_cache"] == [1023] * 24
    # a decode step's projections are matrix-vector products: M = 1
    assert {l.gemm_mkn[0] for l in nets[0].layers if l.op == "gemm"} == {1}


def test_grouped_query_attention_shares_each_key_head():
    net = load_model("llama3_8b@decode:context=4096")
    scores = net.layer("l0.scores")
    assert scores.groups == 8 and scores.gemm_mkn == (4, 128, 4096)  # 4 query heads per key head
    assert scores.macs == 32 * 128 * 4096                             # what 32 heads cost
    assert net.layer("l0.k_cache").out_shape == (8 * 128, 4096, 1)     # 8 key heads cached, not 32


def test_prefill_logits_for_the_last_token_only():
    net = load_model("gpt2@prefill:seq=64")
    assert net.layer("last").out_shape == (768, 1, 1)
    assert net.layer("lm_head").gemm_mkn == (1, 768, 50257)


def test_phase_strings_round_trip():
    assert split_model_spec("gpt2@decode:context=1024") == ("gpt2", Tokens("decode", None, 1024))
    assert split_model_spec("my/dir@v2/model.yaml") == ("my/dir@v2/model.yaml", None)
    assert with_tokens("gpt2", "decode", None, 64) == "gpt2@decode:context=64"
    assert with_tokens("resnet18", None, None, None) == "resnet18"
    assert load_model("gpt2@decode:context=64").name == "gpt2@decode:seq=1:context=64"


@pytest.mark.parametrize("spec,field,words", [
    ("gpt2@decode:context=2000", "--context", "1024 positions"),
    ("gpt2@decode:seq=4:context=2", "--context", "must hold"),
    ("gpt2@sample", "--model", "prefill, decode"),
    ("gpt2@decode:beam=4", "--model", "seq, context"),
    ("gpt2@decode:seq=x", "--model", "integer"),
    ("bert_base@decode", "--phase", "encoder"),
    ("vit_b16@prefill:seq=10", "--seq", "image"),
    ("resnet18@decode", "--phase", "not a transformer"),
])
def test_bad_phases_name_the_flag(spec, field, words):
    with pytest.raises(AccelsimError) as e:
        load_model(spec)
    assert e.value.field == field and words in str(e.value)
    with pytest.raises(AccelsimError):
        with_tokens("gpt2@decode", None, 3, None)


@pytest.mark.parametrize("block,field", [
    ({"kind": "decoder", "layers": 2, "d_model": 100, "heads": 3, "d_ff": 8}, "transformer.heads"),
    ({"kind": "decoder", "layers": 2, "d_model": 96, "heads": 12, "kv_heads": 5, "d_ff": 8}, "transformer.kv_heads"),
    ({"kind": "mixer", "layers": 2, "d_model": 96, "heads": 12, "d_ff": 8}, "transformer.kind"),
    ({"kind": "decoder", "layers": 0, "d_model": 96, "heads": 12, "d_ff": 8}, "transformer.layers"),
    ({"kind": "decoder", "layers": 2, "d_model": 96, "heads": 12, "d_ff": 8, "norm": "batchnorm"}, "transformer.norm"),
    ({"kind": "decoder", "layers": 2, "d_model": 96, "heads": 12}, "transformer.d_ff"),
])
def test_bad_transformer_yaml_names_file_and_field(tmp_path, block, field):
    import yaml
    p = tmp_path / "t.yaml"
    p.write_text(yaml.safe_dump({"name": "t", "transformer": block}))
    with pytest.raises(AccelsimError) as e:
        load_yaml_model(p)
    assert e.value.file == "t.yaml" and e.value.field == field


def test_user_transformer_yaml(tmp_path):
    p = tmp_path / "tiny.yaml"
    p.write_text("name: tiny\ntransformer: {kind: decoder, layers: 2, d_model: 64, heads: 4, kv_heads: 2, d_ff: 128,"
                 " vocab: 1000, max_seq: 256, norm: rmsnorm, act: silu, mlp: gated, bias: false, seq: 32}\n")
    net = load_model(f"{p}@decode:context=100")
    assert net.layer("l1.scores").gemm_mkn == (2, 16, 100)
    assert net.layer("l1.gated").op == "mul" and net.layer("l1.act").activation == "silu"
    assert len(load_model(str(p)).layers) > len(net.layers)  # prefill slices to its last token


# ---- the ops themselves ------------------------------------------------------------------------

def test_token_ops_infer_shapes_and_work():
    net = build_network("t", [1, 8, 1], [
        {"name": "emb", "op": "embedding", "vocab": 100, "dim": 32},
        {"name": "ln", "op": "layernorm"},
        {"name": "rms", "op": "rmsnorm"},
        {"name": "sm", "op": "softmax"},
        {"name": "tr", "op": "transpose"},
        {"name": "rs", "op": "reshape", "shape": [32, 8, 1]},
        {"name": "kv", "op": "kv_cache", "past": 5},
        {"name": "sl", "op": "slice", "tokens": 2},
        {"name": "g", "op": "activation", "fn": "gelu"},
    ])
    assert net.layer("emb").out_shape == (32, 8, 1) and net.layer("emb").table_bytes == 3200
    assert net.layer("ln").vector_ops == 3 * 256 and net.layer("rms").vector_ops == 2 * 256
    assert net.layer("sm").vector_ops == 3 * 256
    assert net.layer("tr").out_shape == (8, 32, 1) and net.layer("tr").vector_ops == 256
    assert net.layer("kv").out_shape == (32, 13, 1) and net.layer("kv").cache_bytes == 32 * 5
    assert net.layer("sl").out_shape == (32, 2, 1)
    assert net.macs == 0 and net.params == 0


@pytest.mark.parametrize("layer,field", [
    ({"name": "x", "op": "reshape", "shape": [3, 3, 3]}, "shape"),
    ({"name": "x", "op": "slice", "tokens": 9}, "tokens"),
    ({"name": "x", "op": "kv_cache", "past": -1}, "past"),
    ({"name": "x", "op": "embedding", "vocab": 10}, "dim"),
    ({"name": "x", "op": "matmul", "m": 8, "k": 4, "n": 4, "heads": 3, "inputs": ["input", "input"]}, "inputs"),
])
def test_token_op_errors(layer, field):
    with pytest.raises(AccelsimError) as e:
        build_network("t", [4, 8, 1], [layer])
    assert e.value.field == f"layers[0].{field}"


def test_embedding_needs_token_ids():
    with pytest.raises(AccelsimError, match="token ids"):
        build_network("t", [4, 8, 1], [{"name": "x", "op": "embedding", "vocab": 10, "dim": 4}])


def test_matmul_heads():
    net = build_network("t", [64, 8, 1], [
        {"name": "p", "op": "gemm", "m": 8, "k": 64, "n": 64},
        {"name": "qk", "op": "matmul", "heads": 4, "m": 8, "k": 16, "n": 8, "inputs": ["input", "p"]},
    ])
    qk = net.layer("qk")
    assert qk.gemm_dims() == (8, 16, 8, 4) and qk.macs == 4 * 8 * 16 * 8 and qk.out_shape == (32, 8, 1)


@pytest.mark.parametrize("key,value,words", [
    ("layers", 10**9, "blocks; at most"),
    ("d_model", 2**30, "tensor side"),
    ("vocab", 2**40, "tensor side"),
])
def test_huge_transformers_are_refused_before_anything_is_built(key, value, words):
    from accelsim.workload.transformer import read_spec
    block = {"kind": "decoder", "layers": 2, "d_model": 96, "heads": 12, "d_ff": 8, key: value}
    with pytest.raises(AccelsimError, match=words) as e:
        read_spec(block)
    assert e.value.field == f"transformer.{key}"
