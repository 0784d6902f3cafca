"""trace.py: building a Trace, its text and .npz forms, and errors naming the file and the line."""

from __future__ import annotations

import os
import zipfile

import numpy as np
import pytest

import accelsim.trace as trace_mod
from accelsim.errors import AccelsimError
from accelsim.trace import (COMPUTE, FORMAT_VERSION, KINDS, LOAD, OP_DTYPE, STORE, VECTOR, LayerInfo, Trace,
                            TraceBuilder, atomic_write_text, read_npz, read_text, read_trace, write_npz,
                            write_text, write_trace)

UNITS = ("dma_in", "dma_weights", "array", "vector", "dma_out")
MEMS = ("dram", "ifmap", "filter", "ofmap")


def small_trace() -> Trace:
    """Two layers: conv (load input and weights, two folds, drain through the vector unit, store), then pool."""
    tb = TraceBuilder("systolic-32x32", "tiny net", 2, UNITS, MEMS)
    conv = tb.add_layer(LayerInfo("conv1", "conv2d", weight_bits=8, act_bits=8, acc_bits=32, macs=4096))
    pool = tb.add_layer(LayerInfo("pool1", "maxpool", weight_bits=8, act_bits=8, acc_bits=32, macs=0))
    li = tb.add(LOAD, "dma_in", conv, src="dram", dst="ifmap", bytes=1024, addr=0x1000)
    lw = tb.add(LOAD, "dma_weights", conv, src="dram", dst="filter", bytes=512, addr=0x80000)
    c0 = tb.add(COMPUTE, "array", conv, [li, lw], rows=32, cols=16, stream=64, preload=32, drain=47, macs=2048)
    c1 = tb.add(COMPUTE, "array", conv, [c0, None, -1], rows=32, cols=16, stream=64, preload=32, drain=47,
                macs=2048, div=2, acc=1)
    v = tb.add(VECTOR, "vector", conv, [c1], vops=1024, src="ofmap", dst="ifmap", bytes=1024)
    tb.add(STORE, "dma_out", conv, [v], src="ifmap", dst="dram", bytes=1024, addr=0x2000)
    tb.add(VECTOR, "vector", pool, [v], vops=256)                  # no memories named: src = dst = -1
    tb.add(COMPUTE, "array", pool, (), rows=1, cols=1, stream=0, div=0)  # odd but legal: everything zero
    return tb.build()


def assert_same(a: Trace, b: Trace) -> None:
    assert (a.arch, a.model, a.batch, a.units, a.memories, a.layers) == \
           (b.arch, b.model, b.batch, b.units, b.memories, b.layers)
    assert a.ops.dtype == b.ops.dtype == OP_DTYPE
    np.testing.assert_array_equal(a.ops, b.ops)
    np.testing.assert_array_equal(a.dep_ptr, b.dep_ptr)
    np.testing.assert_array_equal(a.dep_idx, b.dep_idx)
    assert a == b


# ---- building --------------------------------------------------------------------------------

def test_builder():
    t = small_trace()
    assert len(t) == 8
    assert t.units == UNITS and t.memories == MEMS and t.batch == 2
    assert [KINDS[k] for k in t.ops["kind"]] == ["load", "load", "compute", "compute", "vector", "store",
                                                 "vector", "compute"]
    assert list(t.deps_of(0)) == []
    assert list(t.deps_of(2)) == [0, 1]
    assert list(t.deps_of(3)) == [2]                # None and -1 mean "no dependency"
    assert list(t.deps_of(7)) == []
    assert t.ops["src"][0] == MEMS.index("dram") and t.ops["dst"][0] == MEMS.index("ifmap")
    assert t.ops["src"][6] == -1 and t.ops["dst"][6] == -1
    assert t.ops["div"][2] == 1 and t.ops["div"][3] == 2 and t.ops["acc"][3] == 1
    assert int(t.ops["macs"].sum()) == t.layers[0].macs


def test_builder_refuses_a_dependency_on_a_later_op():
    tb = TraceBuilder("a", "m", 1, ("u",), ("dram",))
    tb.add_layer(LayerInfo("l", "conv2d", 8, 8, 32, 1))
    tb.add(LOAD, "u", 0, [1], src="dram", dst="dram", bytes=1)
    tb.add(LOAD, "u", 0, [], src="dram", dst="dram", bytes=1)
    with pytest.raises(AccelsimError, match="op 0 depends on op 1, which does not come before it"):
        tb.build()


def test_builder_refuses_a_self_dependency():
    tb = TraceBuilder("a", "m", 1, ("u",), ())
    tb.add_layer(LayerInfo("l", "conv2d", 8, 8, 32, 1))
    tb.add(VECTOR, "u", 0, [0], vops=1)
    with pytest.raises(AccelsimError, match="does not come before it"):
        tb.build()


def test_empty_trace_round_trips(tmp_path):
    t = TraceBuilder("a", "m", 1, ("u",), ("dram",)).build()
    assert len(t) == 0
    for name in ("e.trace", "e.npz"):
        write_trace(t, tmp_path / name)
        assert_same(read_trace(tmp_path / name), t)


@pytest.mark.parametrize("change, field", [
    (lambda t: t.ops.__setitem__("unit", np.where(np.arange(len(t.ops)) == 3, 9, t.ops["unit"])), "unit"),
    (lambda t: t.ops.__setitem__("layer", np.where(np.arange(len(t.ops)) == 3, 5, t.ops["layer"])), "layer"),
    (lambda t: t.ops.__setitem__("dst", np.where(np.arange(len(t.ops)) == 3, 4, t.ops["dst"])), "dst"),
    (lambda t: t.ops.__setitem__("src", np.where(np.arange(len(t.ops)) == 3, -2, t.ops["src"])), "src"),
    (lambda t: t.ops.__setitem__("kind", np.where(np.arange(len(t.ops)) == 3, 7, t.ops["kind"])), "kind"),
    (lambda t: t.ops.__setitem__("bytes", np.where(np.arange(len(t.ops)) == 3, -1, t.ops["bytes"])), "bytes"),
])
def test_validate_catches_bad_indices(change, field):
    t = small_trace()
    change(t)
    with pytest.raises(AccelsimError) as e:
        t.validate(file="x.trace")
    assert e.value.file == "x.trace" and e.value.field == field
    assert "op 3" in str(e.value)


def test_validate_catches_a_malformed_dependency_index():
    t = small_trace()
    short = Trace(t.arch, t.model, t.batch, t.units, t.memories, t.layers, t.ops, t.dep_ptr, t.dep_idx[:-1])
    with pytest.raises(AccelsimError, match="dependency index is malformed"):
        short.validate()
    ptr = t.dep_ptr.copy()
    ptr[2], ptr[3] = ptr[3], ptr[2]
    with pytest.raises(AccelsimError, match="dependency index is malformed"):
        Trace(t.arch, t.model, t.batch, t.units, t.memories, t.layers, t.ops, ptr, t.dep_idx).validate()


# ---- round trips -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["net.trace", "net.txt", "net.npz"])
def test_round_trip(tmp_path, name):
    t = small_trace()
    write_trace(t, tmp_path / name)
    assert_same(read_trace(tmp_path / name), t)


def test_text_and_npz_agree(tmp_path):
    t = small_trace()
    write_text(t, tmp_path / "a.trace")
    write_npz(t, tmp_path / "a.npz")
    assert_same(read_text(tmp_path / "a.trace"), read_npz(tmp_path / "a.npz"))


def test_text_round_trip_is_a_fixed_point(tmp_path):
    write_trace(small_trace(), tmp_path / "a.trace")
    write_trace(read_trace(tmp_path / "a.trace"), tmp_path / "b.trace")
    assert (tmp_path / "a.trace").read_text() == (tmp_path / "b.trace").read_text()


def test_equality():
    a, b = small_trace(), small_trace()
    assert a == b
    b.ops["bytes"][0] += 1
    assert a != b
    assert a != "not a trace"


def test_text_form(tmp_path):
    t = small_trace()
    write_trace(t, tmp_path / "t.trace")
    lines = (tmp_path / "t.trace").read_text().splitlines()
    assert lines[0] == f"# accelsim-trace {FORMAT_VERSION}" == "# accelsim-trace 1"
    assert "# model tiny net" in lines
    assert "# units dma_in dma_weights array vector dma_out" in lines
    assert "# memories dram ifmap filter ofmap" in lines
    assert "# layer 0 conv1 op=conv2d weight_bits=8 act_bits=8 acc_bits=32 macs=4096" in lines
    ops = [l for l in lines if not l.startswith("#")]
    assert len(ops) == len(t)
    assert [l.split()[0] for l in ops] == [str(i) for i in range(len(t))]
    assert ops[0] == "0 load dma_in conv1 src=dram dst=ifmap bytes=1024 addr=0x1000"
    assert ops[2] == "2 compute array conv1 rows=32 cols=16 stream=64 preload=32 drain=47 macs=2048 deps=0,1"
    assert ops[3].endswith("macs=2048 div=2 acc=1 deps=2")
    assert ops[6] == "6 vector vector pool1 vops=256 bytes=0 deps=4"   # no src/dst: none written
    assert ops[7] == "7 compute array pool1 rows=1 cols=1 stream=0 macs=0 div=0"


def test_text_reader_accepts_hand_written_files(tmp_path):
    (tmp_path / "h.trace").write_text(
        "# accelsim-trace 1\n"
        "# arch hand\n# units dma array\n# memories dram buf\n"
        "# layer 0 fc op=linear weight_bits=8 act_bits=8 acc_bits=32 macs=100\n"
        "\n"
        "# a comment line\n"
        "0   load dma fc src=dram dst=buf bytes=0x40\n"
        "1 compute array fc rows=10 cols=10 stream=1 macs=100 deps=0\n")
    t = read_trace(tmp_path / "h.trace")
    assert t.arch == "hand" and t.model == "" and t.batch == 1
    assert int(t.ops["bytes"][0]) == 64 and int(t.ops["addr"][0]) == 0
    assert int(t.ops["div"][1]) == 1                        # the default
    assert list(t.deps_of(1)) == [0]


# ---- broken text traces: file and line -------------------------------------------------------

def _broken(tmp_path, op_id: int, edit) -> tuple[str, int]:
    """Write the small trace, apply ``edit`` to op ``op_id``'s line; return the file name and that line's number."""
    path = tmp_path / "broken.trace"
    write_trace(small_trace(), path)
    lines = path.read_text().splitlines()
    no = next(i for i, l in enumerate(lines) if l.startswith(f"{op_id} "))
    lines[no] = edit(lines[no])
    path.write_text("\n".join(lines) + "\n")
    return path, no + 1


@pytest.mark.parametrize("op_id, edit, words", [
    (2, lambda l: l.replace("deps=0,1", "deps=0,5"), "op 2 depends on op 5, which does not come before it"),
    (2, lambda l: l.replace("deps=0,1", "deps=2"), "op 2 depends on op 2"),
    (2, lambda l: l.replace("deps=0,1", "deps=0,x"), "deps must be op ids"),
    (0, lambda l: l.replace("dma_in", "dma_sideways"), "unknown unit 'dma_sideways'"),
    (0, lambda l: l.replace(" load ", " prefetch "), "unknown kind 'prefetch'"),
    (0, lambda l: l.replace("conv1", "conv9"), "unknown layer 'conv9'"),
    (0, lambda l: l.replace("bytes=1024", "bytes=1k"), "bytes must be an integer, got '1k'"),
    (0, lambda l: l.replace("bytes=1024", "bytes=10.5"), "bytes must be an integer"),
    (0, lambda l: l.replace("bytes=1024", "bytes=-4"), "bytes must be in 0.."),
    (3, lambda l: l.replace("div=2", "div=300"), "div must be in 0..255"),
    (0, lambda l: l.replace("bytes=1024", f"bytes={2**70}"), "bytes must be in 0.."),
    (0, lambda l: l.replace("dst=ifmap", "dst=l2"), "unknown memory 'l2'"),
    (0, lambda l: l + " rows=3", "unknown field 'rows' for a load op"),
    (0, lambda l: l.replace("0 load", "1 load"), "op ids must count up from 0; expected 0, got '1'"),
    (0, lambda l: "0 load dma_in", "an op line reads"),
])
def test_broken_text_names_file_and_line(tmp_path, op_id, edit, words):
    path, line = _broken(tmp_path, op_id, edit)
    with pytest.raises(AccelsimError) as e:
        read_trace(path)
    msg = str(e.value)
    assert msg.startswith(f"broken.trace: line {line}: "), msg
    assert words in msg, msg


def test_missing_header_names_file_and_first_op_line(tmp_path):
    path = tmp_path / "nohead.trace"
    write_trace(small_trace(), path)
    lines = path.read_text().splitlines()[1:]
    path.write_text("\n".join(lines) + "\n")
    first_op = next(i for i, l in enumerate(lines) if not l.startswith("#")) + 1
    with pytest.raises(AccelsimError) as e:
        read_trace(path)
    assert str(e.value).startswith(f"nohead.trace: line {first_op}: not an accelsim trace"), str(e.value)


@pytest.mark.parametrize("text", ["", "# accelsim-trace 2\n", "hello\n"])
def test_not_a_trace(tmp_path, text):
    path = tmp_path / "x.trace"
    path.write_text(text)
    with pytest.raises(AccelsimError, match=r"^x\.trace: (line 1: )?not an accelsim trace"):
        read_trace(path)


def test_bad_layer_line_and_batch(tmp_path):
    path = tmp_path / "x.trace"
    path.write_text("# accelsim-trace 1\n# layer 0 conv1 op=conv2d weight_bits=eight\n")
    with pytest.raises(AccelsimError, match=r"^x\.trace: line 2: layer line must read"):
        read_trace(path)
    path.write_text("# accelsim-trace 1\n# batch two\n")
    with pytest.raises(AccelsimError, match=r"^x\.trace: batch: batch must be an integer"):
        read_trace(path)


def test_unreadable_files(tmp_path):
    with pytest.raises(AccelsimError, match="cannot read trace"):
        read_trace(tmp_path / "absent.trace")
    (tmp_path / "bin.trace").write_bytes(b"\x93NUMPY\xff\xfe\x00")
    with pytest.raises(AccelsimError, match=r"^bin\.trace: "):
        read_trace(tmp_path / "bin.trace")


# ---- broken .npz -----------------------------------------------------------------------------

def test_broken_npz(tmp_path):
    (tmp_path / "junk.npz").write_bytes(b"this is not a zip file")
    with pytest.raises(AccelsimError, match=r"^junk\.npz: not a readable accelsim \.npz trace"):
        read_trace(tmp_path / "junk.npz")

    write_trace(small_trace(), tmp_path / "good.npz")
    data = (tmp_path / "good.npz").read_bytes()
    (tmp_path / "cut.npz").write_bytes(data[: len(data) // 2])
    with pytest.raises(AccelsimError, match=r"^cut\.npz: "):
        read_trace(tmp_path / "cut.npz")

    np.savez(tmp_path / "other.npz", x=np.arange(3))
    with pytest.raises(AccelsimError, match=r"^other\.npz: "):
        read_trace(tmp_path / "other.npz")


def test_npz_with_wrong_version_or_header(tmp_path):
    import json
    t = small_trace()

    def save(name, header):
        np.savez(tmp_path / name, ops=t.ops, dep_ptr=t.dep_ptr, dep_idx=t.dep_idx,
                 header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8))

    save("v2.npz", {"format": 2})
    with pytest.raises(AccelsimError, match=r"^v2\.npz: trace format 2 is not 1"):
        read_trace(tmp_path / "v2.npz")
    save("list.npz", [1, 2])
    with pytest.raises(AccelsimError, match=r"^list\.npz: "):
        read_trace(tmp_path / "list.npz")
    save("noarch.npz", {"format": 1, "model": "m"})
    with pytest.raises(AccelsimError, match=r"^noarch\.npz: trace header is malformed"):
        read_trace(tmp_path / "noarch.npz")


def test_npz_with_a_bad_dependency_is_refused(tmp_path):
    t = small_trace()
    idx = t.dep_idx.copy()
    idx[0] = 6
    bad = Trace(t.arch, t.model, t.batch, t.units, t.memories, t.layers, t.ops, t.dep_ptr, idx)
    write_npz(bad, tmp_path / "bad.npz")
    with pytest.raises(AccelsimError, match=r"^bad\.npz: deps: op 2 depends on op 6"):
        read_trace(tmp_path / "bad.npz")


# ---- atomic writes ---------------------------------------------------------------------------

def _unwritable_trace() -> Trace:
    """A trace whose op 5 names a unit that is not declared: writing fails halfway through."""
    t = small_trace()
    return Trace(t.arch, t.model, t.batch, t.units[:4], t.memories, t.layers, t.ops, t.dep_ptr, t.dep_idx)


@pytest.mark.parametrize("name", ["t.trace", "t.npz"])
def test_failed_write_leaves_no_file(tmp_path, monkeypatch, name):
    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    if name.endswith(".npz"):
        monkeypatch.setattr(trace_mod.np, "savez_compressed", boom)
        with pytest.raises(RuntimeError):
            write_trace(small_trace(), tmp_path / name)
    else:
        with pytest.raises(IndexError):
            write_trace(_unwritable_trace(), tmp_path / name)
    assert os.listdir(tmp_path) == []


def test_failed_write_keeps_the_old_file(tmp_path):
    path = tmp_path / "t.trace"
    write_trace(small_trace(), path)
    before = path.read_text()
    with pytest.raises(IndexError):
        write_trace(_unwritable_trace(), path)
    assert path.read_text() == before
    assert os.listdir(tmp_path) == ["t.trace"]


def test_failed_rename_leaves_no_temp_file(tmp_path, monkeypatch):
    def no_rename(src, dst):
        raise OSError("cross-device link")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(AccelsimError, match="t.trace: cannot write: cross-device link"):
        write_trace(small_trace(), tmp_path / "t.trace")
    assert os.listdir(tmp_path) == []


def test_write_creates_directories_and_leaves_only_the_file(tmp_path):
    path = tmp_path / "a" / "b" / "t.npz"
    write_trace(small_trace(), path)
    assert os.listdir(path.parent) == ["t.npz"]
    assert zipfile.is_zipfile(path)


def test_written_files_follow_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_trace(small_trace(), tmp_path / "t.trace")
        atomic_write_text(tmp_path / "n.txt", "hello\n")
    finally:
        os.umask(old)
    assert (tmp_path / "t.trace").stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "n.txt").read_text() == "hello\n"


@pytest.mark.parametrize("unit", ["dma_out", "vector"])
def test_a_unit_runs_one_kind_of_op(tmp_path, unit):
    # the store (op 5) moved onto a unit that already runs something else
    path, _ = _broken(tmp_path, 5, lambda l: l.replace(" dma_out ", f" {unit} "))
    if unit == "dma_out":
        assert read_trace(path) == small_trace()  # unchanged: still one kind per unit
        return
    with pytest.raises(AccelsimError, match=r"^broken\.trace: unit: unit vector runs op 4 \(vector\) and op 5 "
                                            r"\(store\); a unit runs load/store, compute or vector ops, not a mix$"):
        read_trace(path)


# ---- a trace that is complete (issue 22): an op count in the header, an end line, both verified ------------

def _written(tmp_path):
    path = tmp_path / "t.trace"
    write_trace(small_trace(), path)
    return path, path.read_text().splitlines(keepends=True)


def test_accelsim_writes_an_op_count_and_an_end_line(tmp_path):
    path, lines = _written(tmp_path)
    assert f"# ops {len(small_trace())}\n" in lines and lines[-1] == "# end\n"
    assert read_trace(path) == small_trace()


@pytest.mark.parametrize("cut,needle", [
    (lambda ls: ls[:-2], r"^t\.trace: cut short: no '# end' line after \d+ of the \d+ ops the header declares"),
    (lambda ls: ls[:-3] + ls[-1:], r"^t\.trace: # ops: holds \d+ ops, but its header declares \d+$"),
    (lambda ls: ls + ["9 load dma_in conv1 src=dram dst=ifmap bytes=1\n"], r"line \d+: an op after the '# end' line"),
    (lambda ls: [l for l in ls if not l.startswith("# ops")], r"has '# end' but no '# ops N' header line"),
])
def test_a_cut_or_padded_trace_is_refused(tmp_path, cut, needle):
    path, lines = _written(tmp_path)
    path.write_text("".join(cut(lines)))
    with pytest.raises(AccelsimError, match=needle):
        read_trace(path)


def test_every_line_boundary_cut_is_caught(tmp_path):
    path, lines = _written(tmp_path)
    first_op = next(i for i, l in enumerate(lines) if not l.startswith("#"))
    for n in range(first_op, len(lines)):
        path.write_text("".join(lines[:n]))
        with pytest.raises(AccelsimError, match="cut short|declares"):
            read_trace(path)
