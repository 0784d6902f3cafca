"""Every Numba kernel has a plain twin ``<name>_ref`` beside it, and the two agree exactly.

Kernels are found with ``ast`` (any function decorated ``@njit``/``@numba.njit`` in
``accelsim/kernels``); a kernel without a twin, or without inputs registered in ``CASES``
below, fails the suite.
"""

from __future__ import annotations

import ast
import copy
import importlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

KERNELS_DIR = Path(__file__).resolve().parents[2] / "accelsim" / "kernels"


def _njit_functions() -> list[tuple[str, str, ast.FunctionDef]]:
    found = []
    for path in sorted(KERNELS_DIR.glob("*.py")):
        tree = ast.parse(path.read_text())
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                for d in node.decorator_list:
                    target = d.func if isinstance(d, ast.Call) else d
                    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
                    if name == "njit":
                        found.append((f"accelsim.kernels.{path.stem}", node.name, d))
    return found


KERNELS = _njit_functions()


def test_kernels_found():
    assert any(name == "fold_schedule" for _, name, _ in KERNELS)


@pytest.mark.parametrize("module,name,deco", KERNELS, ids=[k[1] for k in KERNELS])
def test_kernel_has_twin_and_cache(module, name, deco):
    mod = importlib.import_module(module)
    assert hasattr(mod, f"{name}_ref"), f"{module}.{name} has no plain twin {name}_ref"
    assert isinstance(deco, ast.Call) and any(
        k.arg == "cache" and getattr(k.value, "value", None) is True for k in deco.keywords), \
        f"{module}.{name}: every kernel is compiled with cache=True"
    assert name in CASES, f"register hypothesis inputs for {name} in CASES"


# --- inputs per kernel ------------------------------------------------------------------------

def _fold_inputs():
    n = st.integers(1, 40)
    return n.flatmap(lambda k: st.tuples(
        st.lists(st.integers(0, 5000), min_size=k, max_size=k),
        st.lists(st.integers(0, 300), min_size=k, max_size=k),
        st.lists(st.integers(1, 3000), min_size=k, max_size=k),
        st.lists(st.integers(1, 4), min_size=k, max_size=k),
        st.lists(st.integers(0, 600), min_size=k, max_size=k),
        st.booleans()))


def _fold_args(x):
    *arrays, overlap = x
    return [np.array(a, np.int64) for a in arrays] + [overlap]


_RS_ARCH = np.array([12, 14, 224, 12, 24, 51200, 1, 4, 4, 4, 3], np.int64)
_RS_COST = np.array([1.0, 1.0, 1.0, 1.0, 2.0, 6.0, 200.0])


def _rs_layer():
    # N, M, C, H(=W), R(=S), U: small conv layers (the search is exhaustive in the twin)
    return st.tuples(st.integers(1, 3), st.integers(1, 40), st.integers(1, 24), st.integers(1, 20),
                     st.integers(1, 5), st.integers(1, 3), st.floats(0.2, 1.0), st.integers(0, 1),
                     st.integers(1, 40), st.integers(1, 40000))


def _rs_dims(x):
    N, M, C, H, R, U, dens, obj, _, glb = x
    R = min(R, H)
    E = (H - R) // U + 1
    arch = _RS_ARCH.copy()
    arch[5] = glb
    return (np.array([N, M, C, H, H, R, R, E, E, U], np.int64), arch, _RS_COST,
            np.array([dens, 0.6 if glb % 2 else 1.0, 0.8 if glb % 3 == 0 else 1.0, 1.0 if x[8] % 3 else 0.5]), obj)


def _rs_eval_args(x):
    layer, arch, cost, dens, _ = _rs_dims(x)
    n, p = x[0], min(x[8] % 24 + 1, 24)
    return (*layer.tolist(), *arch[[2, 5, 6, 7, 8, 9, 10]].tolist(), cost, dens, n, p, 1, max(1, layer[7] // 2), 1, 1)


def _dram_inputs():
    # (seed of a small random DRAM, requests as (gap cycles, burst index, is_write), closed page, warm state)
    req = st.tuples(st.integers(0, 40), st.integers(0, 4095), st.booleans())
    return st.tuples(st.integers(0, 2**31), st.lists(req, min_size=1, max_size=60), st.booleans(), st.booleans())


def _dram_args(x):
    from accelsim.kernels.dram_timing import example_args
    seed, reqs, closed, warm = x
    return example_args(seed, reqs, closed_page=closed, warm=warm)


def _transfer_inputs():
    # (seed of a small random DRAM, first burst, bursts, write, request cycle)
    return st.tuples(st.integers(0, 2**31), st.integers(0, 600), st.integers(1, 160), st.booleans(),
                     st.integers(0, 3000))


def _transfer_args(x):
    from accelsim.kernels.dram_transfer import example_args
    return example_args(*x)


def _tile_layers():
    row = st.tuples(st.integers(1, 64), st.integers(1, 128), st.integers(1, 30), st.integers(1, 30),
                    st.integers(1, 5), st.integers(1, 5))
    return st.tuples(st.lists(row, min_size=1, max_size=5), st.integers(9, 400), st.sampled_from([1, 2]),
                     st.floats(0.5, 64.0), st.sampled_from([1.0, 2.0]))


def _tile_args(x):
    rows, dsp, mpd, bpc, wb = x
    layers = np.array([[n, m, e, f, r, s, e + r - 1, f + s - 1] for n, m, e, f, r, s in rows], np.int64)
    return [layers, np.array([dsp, 3, mpd, 24, 24], np.int64), bpc, wb]


def _sram(name):
    def args(seed):
        from accelsim.kernels.sram_trace import example_args
        return list(example_args(seed)[name][0])
    return (lambda: st.integers(0, 2**31), args)


def _banks_args(seed):
    from accelsim.kernels.sram_banks import example_args
    return example_args(seed)


def _event_args(seed):
    from accelsim.kernels.event_loop import example_args
    return example_args(seed)


def _event_dram_args(seed):
    from accelsim.kernels.event_loop import example_dram_args
    return example_dram_args(seed)


def _bins_inputs():
    # transfers (start, length, bytes) in order, the first bin width and the bin budget
    xfer = st.tuples(st.integers(0, 5000), st.integers(-2, 3000), st.integers(-5, 10**6))
    return st.tuples(st.lists(xfer, max_size=40), st.integers(1, 64), st.integers(1, 16))


def _bins_args(x):
    xs, width, max_bins = x
    start = np.array([s for s, _, _ in xs], np.int64)
    done = np.array([s + d for s, d, _ in xs], np.int64)
    return [start, done, np.array([b for _, _, b in xs], np.int64), width, max_bins]


def _systolic_layer():
    # one MAC layer: (M, K, N, G, pack seed, R, C, dataflow, mt, pad, weight_bits, act_bits, div, chunk), the
    # buffer flags and sizes, the port terms, addresses, input deps, id base
    shape = st.tuples(st.integers(1, 120), st.integers(1, 40), st.integers(1, 40), st.integers(1, 3),
                      st.integers(0, 2), st.integers(2, 16), st.integers(2, 16), st.integers(0, 2),
                      st.integers(4, 64), st.booleans(), st.sampled_from([2, 4, 8, 16]), st.sampled_from([4, 8, 16]),
                      st.integers(1, 4), st.sampled_from([0, 0, 1, 3, 7, 16]))
    tiles = st.tuples(st.booleans(), st.booleans(), st.booleans(), st.integers(1, 5), st.integers(1, 2),
                      st.integers(1, 3000), st.integers(1, 2), st.integers(1, 6000), st.integers(1, 6000),
                      st.booleans())
    port = st.lists(st.tuples(st.integers(0, 32), st.integers(1, 64), st.integers(1, 3), st.booleans()),
                    min_size=3, max_size=3)
    return st.tuples(shape, tiles, port, st.lists(st.integers(0, 2**20), min_size=3, max_size=3),
                     st.lists(st.integers(0, 50), max_size=3), st.integers(0, 100))


def _systolic_layer_args(x):
    shape, tiles, port, addrs, deps, base = x
    M, K, N, G, pack_seed, *rest = shape
    R, C, df, mt = rest[:4]
    chunk = rest[-1]
    m_step, k_step, n_step = (mt, R, C) if df == 0 else (R, chunk or G * K, C) if df == 1 else (C, R, chunk or G * N)
    if -(-M // m_step) * -(-(G * K) // k_step) * -(-(G * N) // n_step) > 3000:
        M = 1  # keep the plain twin quick
    return (np.array([M, K, N, G, pack_seed % G + 1, *rest], np.int64), np.array(tiles, np.int64),
            np.array(port, np.int64), np.array(addrs, np.int64), np.array(sorted(deps), np.int64),
            base + max(deps, default=0) + 1)


def _spmv_inputs():
    return st.tuples(st.integers(1, 9), st.integers(0, 40), st.integers(1, 10), st.integers(0, 2**31))


def _spmv_args(x):
    pes, n, depth, seed = x
    rng = np.random.default_rng(seed)
    entries = rng.integers(0, 6, (pes, n)) * (rng.random((pes, n)) < rng.random())
    return entries.astype(np.int64), depth


def _csc_inputs():
    return st.tuples(st.integers(0, 300), st.integers(0, 12), st.integers(1, 9), st.integers(1, 5),
                     st.integers(0, 2**31))


def _csc_args(x):
    rows, cols, pes, index_bits, seed = x
    rng = np.random.default_rng(seed)
    return rng.random((rows, cols)) < rng.random() * 0.3, pes, index_bits


def _csc_block_inputs():
    return st.tuples(_csc_inputs(), st.integers(1, 80))


def _csc_block_args(x):
    csc, step = x
    return (*_csc_args(csc), step)


def _cambricon_args(seed):
    from accelsim.kernels.cambricon_ref import example_args
    return example_args(seed)


def _scalesim_memory(name):
    def args(seed):
        from accelsim.kernels.scalesim_memory import example_args
        return list(example_args(seed)[name])
    return (lambda: st.integers(0, 2**31), args)


CASES = {"fold_schedule": (_fold_inputs, _fold_args),
         "cambricon_core": (lambda: st.integers(0, 2**31), _cambricon_args),
         "spmv_schedule": (_spmv_inputs, _spmv_args),
         "csc_entries": (_csc_inputs, _csc_args),
         "csc_blocks": (_csc_block_inputs, _csc_block_args),
         "csc_fullest": (_csc_block_inputs, _csc_block_args),
         "systolic_layer_ops": (_systolic_layer, _systolic_layer_args),
         "bank_conflict_rows": (lambda: st.integers(0, 2**31), _banks_args),
         "ifmap_addresses": _sram("ifmap_addresses"),
         "skew": _sram("skew"),
         "format_csv": _sram("format_csv"),
         "tile_search": (_tile_layers, _tile_args),
         "dram_schedule": (_dram_inputs, _dram_args),
         "rs_search": (_rs_layer, lambda x: list(_rs_dims(x))),
         "rs_eval": (_rs_layer, _rs_eval_args),
         "dram_transfer": (_transfer_inputs, _transfer_args),
         "event_loop": (lambda: st.integers(0, 2**31), lambda seed: _event_args(seed)),
         "event_loop_dram": (lambda: st.integers(0, 2**31), lambda seed: _event_dram_args(seed)),
         "spread_bins": (_bins_inputs, _bins_args),
         "dcc_block": (lambda: st.integers(0, 2**31), lambda seed: _dcc_args(seed)),
         "ternary_cut": (lambda: st.integers(0, 2**31), lambda seed: _ternary_cut_args(seed)),
         "pow2_project": (lambda: st.integers(0, 2**31), lambda seed: _pow2_args(seed)),
         "ternary_project": (lambda: st.integers(0, 2**31), lambda seed: _ternary_args(seed)),
         "admm_prox_rows": (lambda: st.integers(0, 2**31), lambda seed: _admm_rows_args(seed, "prox")),
         "admm_dual_rows": (lambda: st.integers(0, 2**31), lambda seed: _admm_rows_args(seed, "dual")),
         **{k: _scalesim_memory(k) for k in ("demand_block", "ofmap_counts", "replay_layer", "_affine",
                                                       "_hit")}}


def _pow2_args(seed):
    from accelsim.kernels.pow2 import example_args
    return example_args(seed)


def _ternary_args(seed):
    from accelsim.kernels.pow2 import example_ternary_args
    return example_ternary_args(seed)


def _admm_rows_args(seed, which):
    from accelsim.kernels.admm_rows import example_args
    return example_args(seed, which)


def _ternary_cut_args(seed):
    from accelsim.kernels.ternary import example_args
    return example_args(seed)


def _dcc_args(seed):
    from accelsim.kernels.dcc import example_args
    return example_args(seed)


def _equal(a, b):
    if isinstance(a, tuple):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            _equal(x, y)
    else:
        np.testing.assert_array_equal(np.asarray(a), np.asarray(b))


@pytest.mark.parametrize("module,name", [(m, n) for m, n, _ in KERNELS if n in CASES])
def test_kernel_equals_twin(module, name):
    mod = importlib.import_module(module)
    fast, ref = getattr(mod, name), getattr(mod, f"{name}_ref")
    strategy, to_args = CASES[name]

    @settings(max_examples=150, deadline=None)
    @given(strategy())
    def check(x):
        args = to_args(x)
        # some kernels write into their array arguments: each side gets its own copy
        _equal(fast(*copy.deepcopy(args)), ref(*copy.deepcopy(args)))
    check()


def test_fold_schedule_by_hand():
    from accelsim.kernels.folds import fold_schedule_ref
    # two folds, both ready at 0: preload 4, stream 10, drain 6; overlapped, the second preload
    # hides under the first stream (starts when stream 1 starts at 4, ends 8 < 14)
    ss, se, done = fold_schedule_ref(np.zeros(2, np.int64), np.array([4, 4]), np.array([10, 10]),
                                     np.array([1, 1]), np.array([6, 6]), True)
    assert ss.tolist() == [4, 14] and se.tolist() == [14, 24] and done.tolist() == [20, 30]
    ss, se, done = fold_schedule_ref(np.zeros(2, np.int64), np.array([4, 4]), np.array([10, 10]),
                                     np.array([1, 1]), np.array([6, 6]), False)
    assert ss.tolist() == [4, 24] and done.tolist() == [20, 40]
