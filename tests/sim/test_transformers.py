"""Transformers on the chips: decode is bound by weight and KV-cache bytes, prefill by compute at large N,
attention cost follows the context, and families without the ops refuse in one line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from accelsim.api import lower, simulate
from accelsim.errors import AccelsimError
from accelsim.registry import family_of, load_arch, preset_names
from accelsim.trace import LOAD
from accelsim.workload import load_model
from accelsim.workload.zoo import transformer_names

#: a 32x32 array at 1 GHz on a 10 GB/s channel that keeps activations on chip: 1 TMAC/s against 10 GB/s
EDGE = {"memory.keep_activations_on_chip": True, "memory.ifmap.capacity": "4MiB"}


def _edge(bandwidth="10GB/s"):
    return load_arch("systolic-32x32", {**EDGE, "dram.bandwidth": bandwidth})


def _bytes_per_token(net):
    """Weights, cached keys and values, and the gathered embedding rows one decode step must read."""
    rows = sum(l.out_shape[0] * l.out_shape[1] * l.weight_bits // 8 for l in net.layers if l.op == "embedding")
    return net.weight_bytes + sum(l.cache_bytes for l in net.layers) + rows


def test_decode_is_bound_by_weight_and_cache_bytes():
    net = load_model("gpt2@decode:context=1024")
    arch = _edge()
    r = simulate(net, arch)
    need = _bytes_per_token(net)
    assert r.dram_read_bytes == pytest.approx(need, rel=0.005)
    # tokens/s within a few % of bandwidth / bytes per token
    bound_s = need / arch.dram.bandwidth_bytes_per_s
    assert r.latency_s == pytest.approx(bound_s, rel=0.03)
    assert r.latency_s >= bound_s
    assert r.stall_cycles > 2 * r.compute_cycles


def test_decode_moves_with_bandwidth_until_the_folds_bound_it():
    slow = simulate("gpt2@decode:context=512", _edge("2.5GB/s"))
    fast = simulate("gpt2@decode:context=512", _edge("10GB/s"))
    assert slow.latency_s / fast.latency_s == pytest.approx(4.0, rel=0.05)
    assert slow.dram_read_bytes == fast.dram_read_bytes
    # past the knee a matrix-vector product is bound by each 32x32 fold's fill, preload and drain
    # (about 100 cycles for one streamed vector), not by the 1 KiB weight tile's load: more bandwidth buys nothing
    hbm = [simulate("gpt2@decode:context=512", _edge(bw)) for bw in ("100GB/s", "400GB/s")]
    assert hbm[0].cycles == pytest.approx(hbm[1].cycles, rel=0.05)
    assert hbm[0].compute_cycles > 0.8 * hbm[0].cycles


def test_decode_cost_is_linear_in_context():
    t = [simulate(f"gpt2@decode:context={c}", _edge()).cycles for c in (256, 512, 1024)]
    assert t[0] < t[1] < t[2]
    assert (t[2] - t[1]) / (t[1] - t[0]) == pytest.approx(2.0, rel=0.05)


def test_prefill_is_compute_bound_at_large_n():
    arch = _edge()
    big = simulate("gpt2@prefill:seq=512", arch)
    small = simulate("gpt2@prefill:seq=16", arch)
    assert big.compute_cycles > 0.8 * big.cycles
    assert small.compute_cycles < 0.4 * small.cycles
    # weights are read once per step either way: 32x the tokens for much less than 32x the bytes
    assert big.dram_read_bytes < 3 * small.dram_read_bytes


def test_layers_show_attention_softmax_and_the_cache():
    r = simulate("gpt2@decode:context=1024", "tpu-v1")
    rows = {l.name: l for l in r.layers}
    assert rows["l0.softmax"].cycles > 0 and rows["l0.softmax"].macs == 0
    assert rows["l0.scores"].macs == 12 * 64 * 1024
    # the cached keys stream in as the scores' stationary operand; the new key is appended to the cache
    assert rows["l0.scores"].dram_read_bytes >= 1023 * 768
    assert rows["l0.k_cache"].dram_write_bytes == 768


def test_embedding_is_a_gather_of_rows():
    net = load_model("gpt2@prefill:seq=8")
    trace = lower(net, "tpu-v1")
    li = [i for i, l in enumerate(trace.layers) if l.name == "embed"][0]
    loads = trace.ops[(trace.ops["layer"] == li) & (trace.ops["kind"] == LOAD)]
    assert len(loads) == 8 and set(loads["bytes"]) == {768}
    assert len(set(loads["addr"])) == 8  # eight rows spread over the table, not one block
    # a huge gather keeps its bytes but not one op per row
    from accelsim.families.systolic.lower_tokens import MAX_GATHERS
    trace = lower(load_model("bert_base@prefill:seq=512"), "tpu-v1", batch=16)
    li = [i for i, l in enumerate(trace.layers) if l.name == "embed"][0]
    loads = trace.ops[(trace.ops["layer"] == li) & (trace.ops["kind"] == LOAD)]
    assert len(loads) == MAX_GATHERS and int(loads["bytes"].sum()) == 16 * 512 * 768


def test_gqa_reads_each_key_head_once():
    a = load_arch("systolic-32x32", EDGE)
    net = load_model("llama3_8b@decode:context=256")
    r = simulate(net, a)
    rows = {l.name: l for l in r.layers}
    kv_bytes = 8 * 128 * 256  # 8 key heads x 128 features x 256 tokens at 1 byte
    assert rows["l0.scores"].dram_read_bytes == pytest.approx(kv_bytes, rel=0.01)


def _refusing():
    out = []
    for arch in preset_names():
        fam = family_of(load_arch(arch))
        if fam.name != "systolic":
            out += [(arch, m) for m in transformer_names()]
    return out


@pytest.mark.parametrize("arch,model", _refusing())
def test_other_families_refuse_in_one_line(arch, model):
    with pytest.raises(AccelsimError) as e:
        simulate(model, arch)
    msg = str(e.value)
    assert "\n" not in msg and e.value.field == "--model"
    assert "layer embed" in msg or "layer patch_embed" in msg or "layer tokens" in msg or "layer l0." in msg


def test_refusal_says_which_op_and_why_from_the_cli():
    p = subprocess.run([sys.executable, "-m", "accelsim.cli", "simulate", "--arch", "eyeriss", "--model", "vit_b16"],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    # the patch embedding (a conv) and the reshape to tokens (a view) would run; the first norm does not
    assert len(lines) == 1 and "layer l0.norm1 is layernorm, which Eyeriss does not run" in lines[0]
    assert "softmax" in lines[0]


def test_cli_phase_flags():
    p = subprocess.run([sys.executable, "-m", "accelsim.cli", "simulate", "--arch", "systolic-32x32", "--model", "gpt2",
                        "--phase", "decode", "--context", "64", "--no-layers"], capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0, p.stderr
    assert "gpt2@decode:seq=1:context=64" in p.stdout


def test_compression_on_a_decoder():
    arch = _edge()
    net = load_model("gpt2@decode:context=512")
    base = simulate(net, arch)
    w4 = simulate(net, arch, passes=("w4a8",))
    # 4-bit weights halve the weight bytes; the KV cache holds 8-bit activations and does not shrink
    assert w4.dram_read_bytes == pytest.approx(base.dram_read_bytes - net.weight_bytes / 2, rel=0.01)
    svd = simulate(net, arch, passes=("svd:0.25",))
    assert svd.macs < base.macs and svd.latency_s < base.latency_s
    # unstructured pruning buys a dense array nothing: same bytes, same time
    pruned = simulate(net, arch, passes=("magnitude:0.5",))
    assert pruned.cycles == base.cycles
