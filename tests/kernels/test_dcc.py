"""The blocked DCC sweep equals the dense coordinate-at-a-time reference, for any block size."""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.kernels.dcc import dcc_sweep, dcc_sweep_ref, example_sweep


@pytest.mark.parametrize("block", [1, 2, 7, 64])
@pytest.mark.parametrize("seed", range(40))
def test_blocked_sweep_equals_dense_reference(seed, block):
    vt, lam, floor, p, alpha, b = example_sweep(seed)
    ref = dcc_sweep_ref(vt, lam, floor, p, alpha, b)
    vk = np.ascontiguousarray(vt.T)
    bt = b.T.copy()
    t = vt @ bt
    flips = dcc_sweep(vk, vk * lam, floor, p, alpha, bt, t, block)
    np.testing.assert_array_equal(bt.T, ref)
    assert flips == int((ref != b).sum())
    np.testing.assert_array_equal(t, vt @ bt)  # t follows the codes flip by flip


def test_a_flip_inside_a_block_reaches_the_later_coordinates():
    # H couples coordinates 0 and 1 strongly: the second decision depends on the first flip, so a
    # block that used only the sums from its start would decide coordinate 1 wrongly.
    vt = np.array([[1.0, 1.0]])
    lam, floor = np.array([4.0]), 0.0
    alpha = np.array([1.0])
    b = np.array([[-1, -1]], np.int8)
    p = np.array([[3.0], [-1.0]])
    ref = dcc_sweep_ref(vt, lam, floor, p, alpha, b)
    vk = np.ascontiguousarray(vt.T)
    bt = b.T.copy()
    t = vt @ bt
    dcc_sweep(vk, vk * lam, floor, p, alpha, bt, t, 2)
    np.testing.assert_array_equal(bt.T, ref)
    # a sum stale by the first flip would see az = 1 * (-1 - (-4)) > 0 and set +1
    assert ref.tolist() == [[1, -1]]
