"""Property-based fuzzing of every input format (issue 22): mutated valid files and random ones.

Invariant: a result, or an AccelsimError of one line; never another exception. Each format runs
``BUDGET["default"]`` derandomized examples in the default run and ``BUDGET["slow"]`` under ``-m slow``.
Where an input loads, it is also run (simulated, replayed, compressed) on a tiny network, so what the loaders
accept is held to the same invariant further down the pipeline.
"""

from __future__ import annotations

import copy
import io
import json
import os
import time
from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accelsim import api
from accelsim.arch.dram import load_dram
from accelsim.arch.overrides import parse_override
from accelsim.errors import AccelsimError
from accelsim.compress import apply_passes, load_npz_weights, parse_pass_spec
from accelsim.registry import arch_from_dict, load_arch, preset_names, preset_path
from accelsim.schema import read_yaml
from accelsim.sweep.grid import plan_from_dict
from accelsim.trace import read_trace, write_trace
from accelsim.workload import build_network, load_model
from accelsim.workload.zoo import models_dir

#: examples per format: the default run is short and repeatable (derandomized); ``-m slow`` explores more
BUDGET = {"default": int(os.environ.get("ACCELSIM_FUZZ_EXAMPLES", 40)), "slow": 1000}
BUDGETS = [pytest.param("default", id="default"), pytest.param("slow", id="slow", marks=pytest.mark.slow)]

#: seconds one input may take, loading and running it
MAX_SECONDS = 30
#: examples run per format in this session, reported at the end by conftest.py (the count the issue asks for)
FUZZ_TRIED: dict[str, int] = {}


def fuzz_settings(budget: str):
    """Hypothesis settings for ``budget`` (``default`` or ``slow``)."""
    return settings(max_examples=BUDGET[budget], deadline=None, database=None,
                    derandomize=budget == "default" and not os.environ.get("ACCELSIM_FUZZ_RANDOM"),
                    suppress_health_check=list(HealthCheck))


def holds(fmt: str, fn, *args, **kwargs):
    """Run ``fn``; an :class:`AccelsimError` must be one non-empty line. Returns ``fn``'s value or None."""
    FUZZ_TRIED[fmt] = FUZZ_TRIED.get(fmt, 0) + 1
    t0 = time.perf_counter()
    try:
        return fn(*args, **kwargs)
    except AccelsimError as e:
        text = str(e)
        assert len(text.splitlines()) == 1, repr(text)
        assert "Traceback" not in text
        return None
    finally:  # generous: the machine is shared; a hang shows up as minutes
        assert time.perf_counter() - t0 < MAX_SECONDS, f"{fmt}: {time.perf_counter() - t0:.1f} s"


# ---- values and mutations ---------------------------------------------------------------------------------

NASTY = ["1e30GHz", "0Hz", "-5MHz", "101GHz", "10parsecs", "1TiB", "2TiB", "1e300B/s", "-1GB/s", "NaN", "inf",
         "-inf", ".nan", "ws", "os", "is", "none", "", "16x16", "0x0", "1e400", "64KiB", "0B", "-3KiB", "1ns",
         "-1ns", "1e9s", "w4a8", "magnitude:2", "svd:0.25", "\x00", "é", "a" * 300, "[", "{", "*a", "&a"]
LEAF = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, 1, 2, 3, 7, 8, 2**31, 2**63, 10**6, 10**9, 10**12, 10**30]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(NASTY),
    st.booleans(),
    st.none(),
    st.lists(st.integers(min_value=-3, max_value=300), max_size=4),
    st.dictionaries(st.text(max_size=5), st.integers(min_value=-5, max_value=5), max_size=2),
)
#: random documents: nested lists and mappings of leaves
DOC = st.recursive(LEAF, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                 st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                   max_leaves=20)


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, path + (i,))


def mutate(data, tree, n_max: int = 3):
    """A copy of the parsed document ``tree`` with 1..``n_max`` random edits drawn from ``data``: a value
    replaced, a key or item removed, an unknown key added, an item duplicated."""
    tree = copy.deepcopy(tree)
    for _ in range(data.draw(st.integers(min_value=1, max_value=n_max), label="edits")):
        paths = list(_paths(tree))
        path = data.draw(st.sampled_from(paths), label="where")
        action = data.draw(st.sampled_from(["replace", "replace", "replace", "delete", "add", "dup"]), label="how")
        if not path:
            if action == "replace":
                tree = data.draw(LEAF, label="root")
            continue
        parent = tree
        for p in path[:-1]:
            parent = parent[p]
        key = path[-1]
        if action == "replace":
            parent[key] = data.draw(LEAF, label="value")
        elif action == "delete":
            del parent[key]
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(st.text(min_size=1, max_size=8), label="new key")] = data.draw(LEAF, label="new value")
        elif action == "dup" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
    return tree


ROOT = Path(__file__).resolve().parents[2]
TINY = build_network("tiny", [2, 8, 8], [
    {"name": "c1", "op": "conv2d", "out": 4, "kernel": 3, "pad": 1, "bias": True, "activation": "relu"},
    {"name": "pool", "op": "maxpool", "kernel": 2},
    {"name": "fc", "op": "linear", "out": 5, "bias": True},
])
#: a network small enough to simulate on any arch the fuzzer builds
SMALL_MACS = 5_000_000
PRESETS = preset_names()
DRAM_DIR = ROOT / "accelsim" / "arch" / "presets" / "dram"
DRAMS = sorted(DRAM_DIR.glob("*.yaml"))


def _write(tmp: Path, name: str, content) -> Path:
    p = tmp / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content)
    return p


def _yaml(tree) -> str:
    try:
        return yaml.safe_dump(tree, allow_unicode=True)
    except (yaml.YAMLError, ValueError, TypeError):
        return "x: 1\n"


def _simulate(spec):
    return api.simulate(TINY, spec)


def _arch_then_run(path):
    spec = load_arch(path)
    return _simulate(spec)


@pytest.mark.parametrize("budget", BUDGETS)
def test_arch_yaml(tmp_path_factory, budget):
    @fuzz_settings(budget)
    @given(st.data())
    def run(data):
        tmp = tmp_path_factory.mktemp("arch")
        base = read_yaml(preset_path(data.draw(st.sampled_from(PRESETS), label="preset")), "arch")
        tree = mutate(data, base) if data.draw(st.integers(0, 4), label="mode") else data.draw(DOC, label="doc")
        holds("arch YAML", _arch_then_run, _write(tmp, "a.yaml", _yaml(tree)))
    run()


@pytest.mark.parametrize("budget", BUDGETS)
def test_arch_text(tmp_path_factory, budget):
    @fuzz_settings(budget)
    @given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
    def run(blob):
        holds("arch text", load_arch, _write(tmp_path_factory.mktemp("arch"), "a.yaml", blob))
    run()


@pytest.mark.parametrize("budget", BUDGETS)
def test_dram_yaml(tmp_path_factory, budget):
    @fuzz_settings(budget)
    @given(st.data())
    def run(data):
        tmp = tmp_path_factory.mktemp("dram")
        tree = mutate(data, read_yaml(data.draw(st.sampled_from(DRAMS), label="preset"), "DRAM"))
        path = _write(tmp, "d.yaml", _yaml(tree))
        if holds("DRAM YAML", load_dram, path) is not None:
            holds("DRAM YAML", lambda: _simulate(load_arch("systolic-32x32", {"dram.preset": str(path),
                                                                            "dram.bandwidth": None})))
    run()


def _model_then_run(path):
    net = load_model(path)
    if net.macs <= SMALL_MACS:
        api.simulate(net, "systolic-32x32")
    return net


@pytest.mark.parametrize("budget", BUDGETS)
def test_model_yaml(tmp_path_factory, budget):
    zoo = sorted(models_dir().glob("*.yaml"))

    @fuzz_settings(budget)
    @given(st.data())
    def run(data):
        tmp = tmp_path_factory.mktemp("model")
        base = read_yaml(data.draw(st.sampled_from(zoo), label="model"), "model")
        tree = mutate(data, base) if data.draw(st.integers(0, 4), label="mode") else data.draw(DOC, label="doc")
        holds("model YAML", _model_then_run, _write(tmp, "m.yaml", _yaml(tree)))
    run()


def _cells(data, text: str, sep: str) -> str:
    """``text`` with a few cells between ``sep`` replaced, lines dropped or repeated."""
    lines = text.splitlines()
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        how = data.draw(st.sampled_from(["cell", "cell", "drop", "dup", "junk"]), label="how")
        if how == "cell":
            cells = lines[i].split(sep)
            j = data.draw(st.integers(0, len(cells) - 1), label="cell")
            cells[j] = str(data.draw(LEAF, label="value"))
            lines[i] = sep.join(cells)
        elif how == "drop" and len(lines) > 1:
            del lines[i]
        elif how == "dup":
            lines.insert(i, lines[i])
        else:
            lines[i] = data.draw(st.text(max_size=40), label="junk")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("budget", BUDGETS)
def test_scalesim_csv(tmp_path_factory, budget):
    base = (ROOT / "tests" / "parity" / "sram_traces" / "tiny_topology.csv").read_text()
    gemm = (models_dir() / "scalesim" / "bert_base_gemm.csv").read_text()

    @fuzz_settings(budget)
    @given(st.data())
    def run(data):
        text = _cells(data, data.draw(st.sampled_from([base, gemm]), label="file"), ",")
        holds("SCALE-Sim .csv", _model_then_run, _write(tmp_path_factory.mktemp("csv"), "t.csv", text))
    run()


def _cfg_then_run(path):
    from accelsim.families.systolic.scalesim_cfg import load_scalesim_cfg
    return _simulate(arch_from_dict(load_scalesim_cfg(path), str(path)))


@pytest.mark.parametrize("budget", BUDGETS)
def test_scalesim_cfg(tmp_path_factory, budget):
    bases = [(ROOT / "tests" / "parity" / "scale_user_lowbw.cfg").read_text(),
             (models_dir() / "scalesim" / "scale.cfg").read_text()]

    @fuzz_settings(budget)
    @given(st.data())
    def run(data):
        text = _cells(data, data.draw(st.sampled_from(bases), label="file"), ":")
        holds("SCALE-Sim .cfg", _cfg_then_run, _write(tmp_path_factory.mktemp("cfg"), "s.cfg", text))
    run()


@pytest.fixture(scope="module")
def trace_files(tmp_path_factory):
    d = tmp_path_factory.mktemp("traces")
    t = api.lower(TINY, "systolic-32x32")
    write_trace(t, d / "t.trace")
    write_trace(t, d / "t.npz")
    return d


def _replay(path):
    t = read_trace(path)
    return api.run_trace(t, "systolic-32x32")


@pytest.mark.parametrize("budget", BUDGETS)
def test_trace_text(tmp_path_factory, trace_files, budget):
    base = (trace_files / "t.trace").read_text()

    @fuzz_settings(budget)
    @given(st.data())
    def run(data):
        text = _cells(data, base, " ") if data.draw(st.integers(0, 4), label="mode") else \
            data.draw(st.text(max_size=300), label="text")
        holds("trace text", _replay, _write(tmp_path_factory.mktemp("tt"), "x.trace", text))
    run()


@pytest.mark.parametrize("budget", BUDGETS)
def test_trace_npz(tmp_path_factory, trace_files, budget):
    with np.load(trace_files / "t.npz") as z:
        arrays = {k: z[k] for k in z.files}
    header = json.loads(bytes(arrays["header"]).decode())

    @fuzz_settings(budget)
    @given(st.data())
    def run(data):
        a = dict(arrays)
        how = data.draw(st.sampled_from(["header", "ops", "deps", "drop", "bytes"]), label="how")
        if how == "header":
            a["header"] = np.frombuffer(json.dumps(mutate(data, header), default=str).encode(), np.uint8)
        elif how == "ops":
            ops = a["ops"].copy()
            field = data.draw(st.sampled_from(ops.dtype.names), label="field")
            i = data.draw(st.integers(0, len(ops) - 1), label="op")
            info = np.iinfo(ops.dtype[field])
            ops[field][i] = data.draw(st.integers(int(info.min), int(info.max)), label="value")
            a["ops"] = ops
        elif how == "deps":
            key = data.draw(st.sampled_from(["dep_ptr", "dep_idx"]), label="which")
            a[key] = np.array(data.draw(st.lists(st.integers(-5, 10**6), max_size=8), label="deps"), np.int64)
        elif how == "drop":
            del a[data.draw(st.sampled_from(sorted(a)), label="drop")]
        buf = io.BytesIO()
        np.savez(buf, **a)
        blob = buf.getvalue()
        if how == "bytes":
            blob = data.draw(st.one_of(st.binary(max_size=200), st.just(blob[:len(blob) // 2])), label="blob")
        holds("trace .npz", _replay, _write(tmp_path_factory.mktemp("tn"), "x.npz", blob))
    run()


@pytest.mark.parametrize("budget", BUDGETS)
def test_sweep_spec(tmp_path_factory, budget):
    base = {"models": ["lenet5"], "arch": "systolic-32x32", "batch": 1,
            "grid": {"pe": ["16x16", "32x32"], "quantize": ["none", "w8a8"], "memory.ifmap.capacity": ["32KiB"]},
            "random": {"n": 2, "seed": 0, "space": {"dram.bandwidth": ["5GB/s", "10GB/s"]}}}

    def plan_then_points(path):
        from accelsim.sweep.grid import load_plan
        import itertools
        return list(itertools.islice(load_plan(path).points(), 3))

    @fuzz_settings(budget)
    @given(st.data())
    def run(data):
        tree = mutate(data, base) if data.draw(st.integers(0, 4), label="mode") else data.draw(DOC, label="doc")
        holds("sweep spec", plan_then_points, _write(tmp_path_factory.mktemp("sw"), "s.yaml", _yaml(tree)))
    run()


ARRAY = st.one_of(
    st.builds(lambda shape, v: np.full(shape, v),
              st.lists(st.integers(0, 6), min_size=0, max_size=4).map(tuple),
              st.sampled_from([0.0, 1.0, np.nan, np.inf, -1e300])),
    st.just(np.zeros((4, 2, 3, 3))), st.just(np.zeros((4,))), st.just(np.zeros((5, 64))), st.just(np.zeros(5)),
    st.just(np.array(["a", "b"])), st.just(np.zeros(3, dtype=[("x", "i4")])), st.just(np.zeros((2, 2), complex)),
)


@pytest.mark.parametrize("budget", BUDGETS)
def test_weights_npz(tmp_path_factory, budget):
    keys = ["c1.weight", "c1.bias", "fc.weight", "fc.bias", "c1", "fc", "pool.weight", "nosuch"]

    def load_then_compress(path):
        w = load_npz_weights(path, TINY)
        return apply_passes(TINY, w, ["svd:0.5", "magnitude:0.5"])

    @fuzz_settings(budget)
    @given(st.dictionaries(st.sampled_from(keys), ARRAY, max_size=5), st.booleans())
    def run(arrays, raw):
        buf = io.BytesIO()
        if raw:
            np.savez(buf, **arrays)
        else:
            buf.write(b"PK\x03\x04" + bytes(40))
        holds("weights .npz", load_then_compress, _write(tmp_path_factory.mktemp("w"), "w.npz", buf.getvalue()))
    run()


PASS_WORDS = ["w4a8", "w8a8", "w8a8:per-channel", "bwn", "xnor", "twn", "ffn", "share:4", "magnitude:0.9",
              "channel:0.3", "svd:0.25", "tucker2:0.25", "cp:0.25", "grouped:4", "block:56", "block:g4", "2:4",
              "svd:r500@fc6", "magnitude", ":", "@", "block:", "w", "nm:2:4"]
SPEC_TEXT = st.one_of(st.sampled_from(PASS_WORDS),
                      st.builds(lambda a, b, c: f"{a}{b}{c}", st.sampled_from(PASS_WORDS),
                                st.sampled_from([":", "@", ",", "", ":-", ":1e400", ":nan"]),
                                st.one_of(st.text(max_size=8), st.integers(-5, 10**6).map(str))),
                      st.text(max_size=20))


@pytest.mark.parametrize("budget", BUDGETS)
def test_compression_specs(budget):
    @fuzz_settings(budget)
    @given(SPEC_TEXT, st.sampled_from(["quantize", "prune", "decompose", "block", None]), st.booleans())
    def run(text, kind, with_weights):
        def go():
            parse_pass_spec(text, kind, option=f"--{kind or 'pass'}")
            from accelsim.compress import synthetic_weights
            return apply_passes(TINY, synthetic_weights(TINY) if with_weights else None, [text])
        holds(f"--{kind or 'pass'} spec", go)
    run()


SET_KEYS = ["array.rows", "array.cols", "array.dataflow", "clock", "memory.ifmap.capacity", "dram.bandwidth",
            "dram.latency", "dram.preset", "vector.lanes", "energy.mac_pj", "memory.filter.kind",
            "memory.ifmap.banks", "array.mac_bits", "nosuch.key", "array", "family", "name"]


@pytest.mark.parametrize("budget", BUDGETS)
def test_set_overrides(budget):
    @fuzz_settings(budget)
    @given(st.sampled_from(PRESETS), st.one_of(st.sampled_from(SET_KEYS), st.text(max_size=12)),
           st.one_of(st.sampled_from(NASTY), st.text(max_size=12), st.integers(-10, 10**7).map(str)))
    def run(preset, key, value):
        def go():
            k, v = parse_override(f"{key}={value}")
            return _simulate(load_arch(preset, {k: v}))
        holds("--set spec", go)
    run()


@pytest.mark.parametrize("budget", BUDGETS)
def test_onnx(tmp_path_factory, budget):
    pytest.importorskip("onnx")
    blob = (models_dir() / "onnx" / "tiny_cnn.onnx").read_bytes()

    @fuzz_settings(budget)
    @given(st.lists(st.tuples(st.integers(0, len(blob) - 1), st.integers(0, 255)), min_size=1, max_size=6),
           st.integers(1, len(blob)))
    def run(flips, keep):
        b = bytearray(blob[:keep])
        for i, v in flips:
            if i < len(b):
                b[i] = v
        holds("ONNX", _model_then_run, _write(tmp_path_factory.mktemp("onnx"), "m.onnx", bytes(b)))
    run()


@pytest.fixture(scope="module")
def store_bytes(tmp_path_factory):
    from accelsim.sweep.db import Store
    from accelsim.sweep.execute import run_sweep
    from accelsim.sweep.grid import points_from_dict
    path = tmp_path_factory.mktemp("store") / "s.db"
    store = Store(path)
    run_sweep(points_from_dict({"models": ["lenet5"], "arch": "systolic-32x32", "grid": {"pe": ["8x8", "16x16"]}}),
              store)
    store.db.execute("PRAGMA journal_mode=DELETE")  # one file holds everything
    store.close()
    return path.read_bytes()


@pytest.mark.parametrize("budget", BUDGETS)
def test_sweep_store(tmp_path_factory, store_bytes, budget):
    from accelsim.sweep.db import Store

    def open_both(path):
        ro = Store(path, read_only=True)
        try:
            ro.rows()
        finally:
            ro.close()
        rw = Store(path)
        try:
            return rw.done()
        finally:
            rw.close()

    @fuzz_settings(budget)
    @given(st.lists(st.tuples(st.integers(0, len(store_bytes) - 1), st.integers(0, 255)), min_size=1, max_size=8),
           st.integers(0, len(store_bytes)), st.booleans())
    def run(flips, keep, random_bytes):
        b = bytearray(store_bytes[:keep] if not random_bytes else bytes(v for _, v in flips))
        for i, v in flips:
            if i < len(b):
                b[i] = v
        holds("sweep store", open_both, _write(tmp_path_factory.mktemp("st"), "s.db", bytes(b)))
    run()
