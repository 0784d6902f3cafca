"""The NumPy reference executor against naive loops."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings, strategies as st

from accelsim.compress.functional import conv2d, quantize_symmetric


def _naive_conv(x, w, stride, pad, dil, groups):
    n, c, h, wd = x.shape
    o, cg, kh, kw = w.shape
    t, l, b, r = pad
    xp = np.pad(x, ((0, 0), (0, 0), (t, b), (l, r)))
    ho = (h + t + b - dil[0] * (kh - 1) - 1) // stride[0] + 1
    wo = (wd + l + r - dil[1] * (kw - 1) - 1) // stride[1] + 1
    y = np.zeros((n, o, ho, wo))
    og = o // groups
    for oc in range(o):
        g = oc // og
        for i in range(ho):
            for j in range(wo):
                for ci in range(cg):
                    for p in range(kh):
                        for q in range(kw):
                            y[:, oc, i, j] += w[oc, ci, p, q] * xp[:, g * cg + ci, i * stride[0] + p * dil[0],
                                                                   j * stride[1] + q * dil[1]]
    return y


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 3), st.sampled_from([1, 2]), st.integers(1, 3), st.integers(1, 2), st.integers(0, 2),
       st.integers(1, 2), st.integers(0, 10**6))
def test_conv2d_matches_naive_loops(k, groups, cg, stride, pad, dil, seed):
    rng = np.random.default_rng(seed)
    c, o = cg * groups, 2 * groups
    size = dil * (k - 1) + 1 + stride + 2
    x = rng.standard_normal((2, c, size, size + 1))
    w = rng.standard_normal((o, cg, k, k))
    pads = (pad, pad, pad + 1, pad)
    got = conv2d(x, w, None, (stride, stride), pads, (dil, dil), groups)
    np.testing.assert_allclose(got, _naive_conv(x, w, (stride, stride), pads, (dil, dil), groups), atol=1e-10)


def test_int32_conv_equals_float_conv_of_codes():
    rng = np.random.default_rng(0)
    xq = rng.integers(-127, 128, (1, 4, 6, 6))
    wq = rng.integers(-127, 128, (3, 4, 3, 3))
    acc = conv2d(xq.astype(np.int32), wq.astype(np.int32), None, padding=(1, 1, 1, 1))
    assert acc.dtype == np.int32
    np.testing.assert_array_equal(acc, conv2d(xq.astype(float), wq.astype(float), None, padding=(1, 1, 1, 1)))


def test_symmetric_quantization_grid():
    a = np.array([[-1.0, 0.5, 0.25], [0.2, -0.1, 0.0]])
    codes, scale = quantize_symmetric(a, 8)
    assert scale.item() == 1.0 / 127 and codes.min() == -127
    codes, scale = quantize_symmetric(a, 8, axis=0)
    np.testing.assert_allclose(scale.ravel(), [1 / 127, 0.2 / 127])
    codes, _ = quantize_symmetric(a, 2)
    assert set(np.unique(codes)) <= {-1, 0, 1}
