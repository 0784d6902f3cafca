"""workload/layer.py: window arithmetic and the per-sample work and storage of one Layer.

Every expected number below is worked by hand in the comment beside it.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from accelsim.workload.layer import Layer, conv_out_size
from accelsim.workload.network import build_network


def one_layer(input_shape, **layer) -> Layer:
    """The single layer of a one-layer network reading ``input_shape``."""
    return build_network("t", list(input_shape), [{"name": "l", **layer}]).layers[0]


# ---- conv_out_size ---------------------------------------------------------------------------

@pytest.mark.parametrize("args, kwargs, out", [
    ((224, 7, 2, 3, 3), {}, 112),          # ResNet conv1: floor((224+6-6-1)/2)+1 = 111+1
    ((227, 11, 4, 0, 0), {}, 55),          # AlexNet conv1: (227-11)/4+1
    ((56, 3, 1, 1, 1), {}, 56),            # 'same' 3x3
    ((28, 5, 1, 0, 0), {}, 24),            # LeNet conv1
    ((7, 7, 1, 0, 0), {}, 1),              # window exactly the input
    ((5, 3, 2, 0, 0), {}, 2),              # floor((5-3)/2)+1
    ((6, 3, 2, 0, 0), {}, 2),              # floor(3/2)+1: the last column is never read
    ((10, 2, 3, 0, 1), {}, 4),             # asymmetric pad: floor((10+1-1-1)/3)+1 = 3+1
    ((32, 3, 1, 0, 0), {"dilation": 2}, 28),  # dilated 3x3 spans 5: 32-5+1
    ((32, 3, 1, 2, 2), {"dilation": 2}, 32),  # ... padded by 2 each side
    ((3, 5, 1, 0, 0), {}, 0),              # window larger than the input
    ((3, 5, 1, 1, 1), {}, 1),              # ... until padding makes room: 3+2-4-1 = 0 -> 1
])
def test_conv_out_size(args, kwargs, out):
    assert conv_out_size(*args, **kwargs) == out


@pytest.mark.parametrize("args, floor_out, ceil_out", [
    ((112, 3, 2, 0, 0), 55, 56),           # GoogLeNet (Caffe) pool: 109/2 = 54.5 -> 54+1 | 55+1
    ((55, 3, 2, 0, 0), 27, 27),            # AlexNet pool1: 52/2 exact, ceil changes nothing
    ((6, 3, 2, 1, 1), 3, 4),               # span 5: 5//2+1 = 3 | ceil(5/2)+1 = 4, last start 6 < 6+1
    ((4, 1, 2, 1, 1), 3, 3),               # span 5: naive ceil gives 4, but window 4 would start at
                                           # 6 >= 4+1 (inside the right padding only), so it is dropped
    ((13, 3, 2, 0, 0), 6, 6),              # AlexNet pool5
])
def test_conv_out_size_ceil_mode(args, floor_out, ceil_out):
    assert conv_out_size(*args) == floor_out
    assert conv_out_size(*args, ceil_mode=True) == ceil_out


@given(size=st.integers(1, 300), kernel=st.integers(1, 11), stride=st.integers(1, 5),
       pad_lo=st.integers(0, 5), pad_hi=st.integers(0, 5), dilation=st.integers(1, 3), ceil=st.booleans())
def test_conv_out_size_windows_fit(size, kernel, stride, pad_lo, pad_hi, dilation, ceil):
    """The last window of a floor-mode output ends inside the padded input; one more would not."""
    out = conv_out_size(size, kernel, stride, pad_lo, pad_hi, dilation, ceil)
    span = dilation * (kernel - 1) + 1
    padded = size + pad_lo + pad_hi
    if not ceil:
        if out:
            assert (out - 1) * stride + span <= padded
        assert out * stride + span > padded
    else:
        # PyTorch and Caffe allow ceil mode only with pads of at most half the window; beyond that
        # their (and our) single "drop the last window" rule can leave windows wholly in padding
        assume(max(pad_lo, pad_hi) <= span // 2)
        floor_out = conv_out_size(size, kernel, stride, pad_lo, pad_hi, dilation)
        assert floor_out <= out <= floor_out + 1
        if out:
            assert (out - 1) * stride < size + pad_lo  # every window starts on real input or left pad


# ---- conv2d ----------------------------------------------------------------------------------

def test_conv_counts():
    l = one_layer((3, 32, 32), op="conv2d", out=16, kernel=3, pad=1, bias=True)
    assert l.out_shape == (16, 32, 32)
    assert l.gemm_dims() == (32 * 32, 3 * 9, 16, 1)
    assert l.macs == 16 * 32 * 32 * 3 * 9 == 442_368
    assert l.weight_count == 16 * 3 * 9 == 432
    assert l.params == 432 + 16                 # one bias per output channel
    assert l.weight_bytes == 432                # int8
    assert l.in_elements == 3 * 32 * 32
    assert l.out_elements == 16 * 32 * 32
    assert l.in_bytes == 3072 and l.out_bytes == 16384
    assert l.vector_ops == 0


def test_conv_strided_dilated_rectangular():
    # H: floor((20 + 2 + 0 - 2*(3-1) - 1)/2)+1 = floor(17/2)+1 = 9; W: floor((30 - 2*(5-1) - 1)/3)+1 = 8
    l = one_layer((4, 20, 30), op="conv2d", out=6, kernel=[3, 5], stride=[2, 3], dilation=2, pad=[2, 0, 0, 0])
    assert l.out_shape == (6, 9, 8)
    assert l.kernel == (3, 5) and l.stride == (2, 3) and l.dilation == (2, 2)
    assert l.padding == (2, 0, 0, 0)
    assert l.macs == 6 * 9 * 8 * 4 * 15


def test_grouped_conv_counts():
    # 8 -> 16 channels in 4 groups: each output channel sees 8/4 = 2 input channels
    l = one_layer((8, 16, 16), op="conv2d", out=16, kernel=3, pad=1, groups=4)
    assert l.groups == 4
    assert l.gemm_dims() == (256, 2 * 9, 4, 4)
    assert l.macs == 16 * 16 * 16 * 2 * 9 == 73_728
    assert l.params == 16 * 2 * 9 == 288


def test_depthwise_conv_counts():
    # MobileNet-style 3x3/2 depthwise: out floor((14+2-2-1)/2)+1 = 7
    l = one_layer((32, 14, 14), op="conv2d", out=32, kernel=3, stride=2, pad=1, groups="depthwise")
    assert l.groups == 32
    assert l.out_shape == (32, 7, 7)
    assert l.gemm_dims() == (49, 9, 1, 32)
    assert l.macs == 32 * 49 * 9 == 14_112
    assert l.params == 32 * 9


def test_depthwise_multiplier():
    l = one_layer((8, 5, 5), op="conv2d", out=16, kernel=3, groups="depthwise")
    assert l.groups == 8 and l.macs == 16 * 3 * 3 * 1 * 9


# ---- linear, gemm, matmul --------------------------------------------------------------------

def test_linear_counts():
    # LeNet fc1: 50x4x4 = 800 features -> 500
    l = one_layer((50, 4, 4), op="linear", out=500, bias=True)
    assert l.out_shape == (500, 1, 1)
    assert l.gemm_dims() == (1, 800, 500, 1)
    assert l.macs == 400_000
    assert l.params == 400_500


def test_gemm_counts():
    # SCALE-Sim GEMM form: M x K activations (held as (K, M, 1)) times K x N weights
    l = one_layer((1, 1, 1), op="gemm", m=64, k=128, n=32, in_shape=[128, 64, 1])
    assert l.inputs == ()
    assert l.in_shapes == ((128, 64, 1),)
    assert l.out_shape == (32, 64, 1)
    assert l.gemm_dims() == (64, 128, 32, 1)
    assert l.macs == 64 * 128 * 32
    assert l.weight_count == 128 * 32
    assert l.params == 128 * 32
    assert l.in_elements == 64 * 128


def test_gemm_bias_counts_n():
    l = one_layer((16, 4, 1), op="gemm", m=4, k=16, n=8, bias=True)
    assert l.params == 16 * 8 + 8


def test_matmul_counts():
    # attention-style Q x K^T: both operands are activations, so no weights
    net = build_network("t", [16, 8, 1], [
        {"name": "proj", "op": "gemm", "m": 8, "k": 16, "n": 16},
        {"name": "qk", "op": "matmul", "m": 8, "k": 16, "n": 8, "inputs": ["input", "proj"]},
    ])
    l = net.layer("qk")
    assert l.out_shape == (8, 8, 1)
    assert l.macs == 8 * 16 * 8
    assert l.weight_count == 0 and l.params == 0 and l.weight_bytes == 0
    assert l.in_elements == 128 + 128  # both operands


# ---- bit widths, density, vector work --------------------------------------------------------

def test_bytes_follow_bit_widths():
    l = one_layer((3, 8, 8), op="conv2d", out=5, kernel=3, weight_bits=4, act_bits=16)
    assert l.weight_count == 135
    assert l.weight_bytes == 68                  # ceil(135 * 4 / 8)
    assert l.in_bytes == 3 * 64 * 2
    assert l.out_bytes == 5 * 36 * 2


def test_effective_macs_follow_weight_density():
    l = one_layer((3, 8, 8), op="conv2d", out=4, kernel=3, weight_density=0.25)
    assert l.macs == 4 * 36 * 27
    assert l.effective_macs == l.macs // 4
    assert l.with_(weight_density=1.0).effective_macs == l.macs


def test_vector_ops():
    pool = one_layer((4, 8, 8), op="maxpool", kernel=2)
    assert pool.out_shape == (4, 4, 4)
    assert pool.vector_ops == 64 * 4            # one compare per window element
    assert pool.macs == 0 and pool.params == 0
    act = one_layer((4, 8, 8), op="activation", fn="relu")
    assert act.vector_ops == 256 and act.activation == "relu"
    net = build_network("t", [4, 8, 8], [{"name": "a", "op": "add", "inputs": ["input", "input", "input"]}])
    assert net.layers[0].vector_ops == 256 * 2  # three operands, two adds each


def test_gemm_dims_only_for_mac_ops():
    pool = one_layer((4, 8, 8), op="avgpool", kernel=2)
    with pytest.raises(ValueError):
        pool.gemm_dims()


def test_layer_is_frozen():
    l = one_layer((3, 8, 8), op="conv2d", out=4, kernel=3)
    with pytest.raises(AttributeError):
        l.groups = 2  # type: ignore[misc]
    assert l.with_(act_bits=4).act_bits == 4 and l.act_bits == 8


# ---- the im2col invariant --------------------------------------------------------------------

@given(c_per_group=st.integers(1, 8), n_per_group=st.integers(1, 8), groups=st.integers(1, 4),
       h=st.integers(1, 24), w=st.integers(1, 24), kh=st.integers(1, 5), kw=st.integers(1, 5),
       sh=st.integers(1, 3), sw=st.integers(1, 3), pad=st.integers(0, 2), dil=st.integers(1, 2))
def test_conv_macs_is_out_elems_times_window(c_per_group, n_per_group, groups, h, w, kh, kw, sh, sw, pad, dil):
    c, n = c_per_group * groups, n_per_group * groups
    assume(conv_out_size(h, kh, sh, pad, pad, dil) >= 1 and conv_out_size(w, kw, sw, pad, pad, dil) >= 1)
    l = one_layer((c, h, w), op="conv2d", out=n, kernel=[kh, kw], stride=[sh, sw], pad=pad, dilation=dil,
                  groups=groups)
    assert l.out_shape == (n, conv_out_size(h, kh, sh, pad, pad, dil), conv_out_size(w, kw, sw, pad, pad, dil))
    assert l.macs == l.out_elements * (c // groups) * kh * kw
    assert l.weight_count == n * (c // groups) * kh * kw
    m, k, n_g, g = l.gemm_dims()
    assert (m * g * n_g, k, g) == (l.out_elements, (c // groups) * kh * kw, groups)
