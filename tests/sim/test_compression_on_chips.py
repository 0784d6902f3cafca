"""What compression buys on a chip: the simulator sees the compressed network, not the paper FLOPs."""

from __future__ import annotations

import json
import subprocess
import sys

from accelsim.api import compress, simulate
from accelsim.registry import load_arch
from accelsim.workload import load_model

TPU = load_arch("tpu-v1")


def test_unstructured_sparsity_buys_no_cycles_on_a_dense_array():
    # a dense systolic array multiplies the zeros too (weights stored dense)
    dense = simulate("resnet18", TPU)
    sparse = simulate("resnet18", TPU, passes=("magnitude:0.9",))
    assert sparse.cycles == dense.cycles
    assert sparse.compression[0]["effective_macs_after"] < 0.2 * dense.macs


def test_channel_pruning_and_tucker2_shrink_the_work_that_runs():
    base = simulate("resnet18", TPU)
    for spec in ("channel:0.5", "tucker2:0.25"):
        r = simulate("resnet18", TPU, passes=(spec,))
        net, recs = compress(load_model("resnet18"), (spec,))
        assert r.macs == net.macs < base.macs
        assert r.cycles < base.cycles
        assert recs[0]["macs_after"] == net.macs


def test_weight_bits_reach_dram_traffic():
    base = simulate("tpu_mlp0", TPU, batch=200, input_on_chip=True)
    w16 = simulate("tpu_mlp0", TPU, batch=200, input_on_chip=True, passes=("w16a8",))
    # 16-bit weights: twice the weight bytes and half-rate MACs on TPU v1's 8-bit array
    assert w16.dram_read_bytes >= 1.9 * base.dram_read_bytes
    assert w16.cycles > 1.5 * base.cycles


def test_cli_compression_flags(tmp_path):
    out = tmp_path / "r.json"
    p = subprocess.run([sys.executable, "-m", "accelsim.cli", "simulate", "--arch", "tpu-v1", "--model", "lenet5",
                        "--prune", "channel:0.3", "--quantize", "w4a8", "--weights", "synthetic", "--json", str(out),
                        "-q"], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    comp = json.loads(out.read_text())["compression"]
    assert [c["spec"] for c in comp] == ["channel:0.3", "w4a8"]
    assert comp[0]["with_weights"] and comp[0]["params_after"] < comp[0]["params_before"]
    assert comp[1]["output_error"]  # real arithmetic on synthetic weights reports its error
    p = subprocess.run([sys.executable, "-m", "accelsim.cli", "simulate", "--arch", "tpu-v1", "--model", "lenet5",
                        "--quantize", "w3a8"], capture_output=True, text=True, timeout=300)
    assert p.returncode == 2 and p.stderr.startswith("accelsim: error: --quantize:")


def test_compare_rows():
    from accelsim.api import compare
    rows = compare("lenet5", ("tpu-v1", "eyeriss"), ("w4a8", "magnitude:0.9", "channel:0.3"))
    assert len(rows) == 6
    by = {(r["pass"], r["arch"]): r for r in rows}
    assert by[("magnitude:0.9", "tpu-v1")]["mac_reduction"] > 9 and by[("magnitude:0.9", "tpu-v1")]["speedup"] == 1
    assert by[("w4a8", "tpu-v1")]["weight_bytes_reduction"] > 1.9
    assert by[("w4a8", "eyeriss")]["speedup"] == 1  # Eyeriss moves 16-bit words whatever the bit width
    assert by[("channel:0.3", "eyeriss")]["speedup"] > 1
