"""Weight sharing (Deep Compression): k-means codebooks on real weights, what they cost and what they keep."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.compress import apply_passes, kmeans_1d, parse_pass_spec, share, synthetic_weights
from accelsim.errors import AccelsimError
from accelsim.workload import load_model


def test_kmeans_finds_separated_clusters_and_is_deterministic():
    rng = np.random.default_rng(0)
    centres = np.array([-1.0, -0.1, 1.1, 2.0])  # near the linear initialization, so Lloyd finds them
    v = np.concatenate([c + 0.01 * rng.standard_normal(200) for c in centres])
    codes, book = kmeans_1d(v, 4)
    np.testing.assert_allclose(book, centres, atol=0.01)
    assert np.all(np.diff(book) > 0)
    assert (codes == np.repeat(np.arange(4), 200)).all()
    codes2, book2 = kmeans_1d(v, 4)
    assert np.array_equal(codes, codes2) and np.array_equal(book, book2)


def test_each_centroid_is_the_mean_of_its_values():
    rng = np.random.default_rng(1)
    v = rng.standard_normal(5000)
    codes, book = kmeans_1d(v, 16)
    for k in range(16):
        if (codes == k).any():
            assert book[k] == pytest.approx(v[codes == k].mean())


def test_share_on_real_weights_uses_2_to_the_bits_values_and_keeps_pruned_zeros():
    net = load_model("lenet5")
    w = synthetic_weights(net, seed=0)
    pruned, w2, _ = apply_passes(net, w, ("magnitude:0.8",))
    out, w3, rec = share(pruned, w2, bits=4)
    for layer in out.layers:
        if layer.name in w3:
            arrays = w3[layer.name]
            assert layer.weight_bits == 4
            assert len(np.unique(arrays["weight"][w2[layer.name]["mask"]])) <= 16
            assert (arrays["weight"][~w2[layer.name]["mask"]] == 0).all()
            np.testing.assert_array_equal(arrays["weight"][arrays["weight_idx"] >= 0],
                                          arrays["codebook"][arrays["weight_idx"][arrays["weight_idx"] >= 0]])
    # more bits, less error
    errs = [max(dict(share(pruned, w2, bits=b)[2].weight_error).values()) for b in (2, 4, 6)]
    assert errs[0] > errs[1] > errs[2] > 0
    assert rec.with_weights and set(dict(rec.output_error)) == set(dict(rec.weight_error))


def test_share_parses_and_refuses_bad_widths():
    assert parse_pass_spec("share:4", "quantize").fn is share
    with pytest.raises(AccelsimError, match="--quantize"):
        parse_pass_spec("share:x", "quantize", option="--quantize")
    with pytest.raises(AccelsimError, match="1 to 8"):
        share(load_model("lenet5"), None, bits=12)
