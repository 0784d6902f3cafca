"""The pass-spec grammar and composing passes."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.compress import (apply_passes, bwn, channel_prune, check_weights, cp, ffn, grouped, magnitude_prune,
                               parse_pass_spec, quantize_int, run_network, svd, synthetic_weights, tucker2, twn, xnor)
from accelsim.compress.blockconv import block_conv
from accelsim.compress.record import NO_WEIGHTS_NOTE
from accelsim.errors import AccelsimError

CASES = [
    ("w4a8", "quantize", quantize_int, {"weight_bits": 4, "act_bits": 8, "per_channel": False}),
    ("w8a8:per-channel", "quantize", quantize_int, {"weight_bits": 8, "act_bits": 8, "per_channel": True}),
    ("w8", "quantize", quantize_int, {"weight_bits": 8, "act_bits": None, "per_channel": False}),
    ("bwn", "quantize", bwn, {}),
    ("xnor", "quantize", xnor, {}),
    ("twn", "quantize", twn, {"per_channel": False}),
    ("ffn:0.5:it3", "quantize", ffn, {"ratio": 0.5, "iters": 3}),
    ("magnitude:0.9", "prune", magnitude_prune, {"sparsity": 0.9, "scope": "layer"}),
    ("magnitude:0.9:global", "prune", magnitude_prune, {"sparsity": 0.9, "scope": "global"}),
    ("channel:0.3", "prune", channel_prune, {"ratio": 0.3}),
    ("svd:0.25", "decompose", svd, {"ratio": 0.25}),
    ("svd:e0.9", "decompose", svd, {"energy": 0.9}),
    ("svd:r500@fc6", "decompose", svd, {"rank": 500, "layers": ("fc6",)}),
    ("tucker2:0.25", "decompose", tucker2, {"ratio": 0.25}),
    ("cp:0.25", "decompose", cp, {"ratio": 0.25}),
    ("grouped:4", "decompose", grouped, {"groups": 4}),
    ("grouped:4:0.5", "decompose", grouped, {"groups": 4, "ratio": 0.5}),
    ("block:56", "block", block_conv, {"block": 56}),
    ("block:g4", "block", block_conv, {"grid": 4}),
]


@pytest.mark.parametrize("text,kind,fn,kwargs", CASES, ids=[c[0] for c in CASES])
def test_parse(text, kind, fn, kwargs):
    ps = parse_pass_spec(text)
    assert (ps.kind, ps.fn, dict(ps.kwargs)) == (kind, fn, kwargs)
    assert parse_pass_spec(text, kind).fn is fn


@pytest.mark.parametrize("text,kind,msg", [
    ("w3a8", None, "bit width must be one of 2, 4, 8, 16, got 3"),
    ("magnitude:1", None, "sparsity must be in [0, 1), got 1"),
    ("channel:0", None, "ratio must be in (0, 1), got 0"),
    ("svd:x", None, "ratio must be a number"),
    ("tucker:0.25", None, "unknown pass 'tucker:0.25'"),
    ("svd:0.25", "prune", "'svd:0.25' is a decompose pass; this option takes magnitude"),
    ("svd:0.25@", None, "'@' must be followed by layer names"),
])
def test_parse_errors_name_the_option(text, kind, msg):
    with pytest.raises(AccelsimError) as e:
        parse_pass_spec(text, kind, option="--x")
    assert str(e.value).startswith("--x: ") and msg in str(e.value)


def test_block_option_takes_bare_numbers():
    assert dict(parse_pass_spec("56", "block").kwargs) == {"block": 56}
    assert dict(parse_pass_spec("g2", "block").kwargs) == {"grid": 2}


def test_compose_with_weights(lenet):
    w = synthetic_weights(lenet)
    net, w2, recs = apply_passes(lenet, w, ["channel:0.3", "svd:0.5@fc1", "magnitude:0.5", "w8a8:per-channel"])
    check_weights(net, w2)
    assert [r.name for r in recs] == ["channel", "svd", "magnitude", "int"]
    assert recs[0].after == recs[1].before and recs[-1].after.params < lenet.params
    assert all(r.with_weights for r in recs)
    x = np.ones((1, 1, 28, 28))
    assert run_network(net, w2, x).shape == run_network(net, w2, x, integer=True).shape == (1, 10, 1, 1)


def test_compose_without_weights_changes_only_shapes_bits_densities(lenet):
    net, w, recs = apply_passes(lenet, None, ["channel:0.3", "tucker2:0.5", "magnitude:0.9", "w4a8", "block:g2"])
    assert w is None and all(NO_WEIGHTS_NOTE in r.notes and r.output_error == () for r in recs)
    conv2 = net.layer("conv2")
    assert (conv2.weight_bits, conv2.act_bits, conv2.weight_density) == (4, 8, pytest.approx(0.1))
    assert net.layer("conv1").out_shape == (14, 24, 24)


def test_same_input_same_output(lenet):
    w = synthetic_weights(lenet)
    a = apply_passes(lenet, w, ["magnitude:0.8", "w4a8"])
    b = apply_passes(lenet, w, ["magnitude:0.8", "w4a8"])
    assert a[2] == b[2]


def test_layer_rank_and_grid_forms():
    from accelsim.compress import parse_pass_spec
    ps = parse_pass_spec("svd:fc6=500", "decompose")
    assert dict(ps.kwargs) == {"rank": 500, "layers": ("fc6",)}
    assert dict(parse_pass_spec("2x2", "block").kwargs) == {"grid": 2}
    from accelsim.errors import AccelsimError
    import pytest
    with pytest.raises(AccelsimError):
        parse_pass_spec("2x3", "block")
    with pytest.raises(AccelsimError):
        parse_pass_spec("svd:fc6=500,fc7=100", "decompose")


def test_cli_block_and_svd_forms_run(tmp_path):
    import json
    import subprocess
    import sys
    j = tmp_path / "r.json"
    p = subprocess.run([sys.executable, "-m", "accelsim.cli", "simulate", "--arch", "systolic-32x32", "--model", "vgg16",
                        "--decompose", "svd:fc6=500", "--block-conv", "2x2", "--json", str(j), "-q"],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    kinds = [c["kind"] if "kind" in c else c.get("pass") for c in json.loads(j.read_text())["compression"]]
    assert len(kinds) == 2
