"""SCALE-Sim topology CSVs: both forms, hand-computed shapes and MACs, one-line errors.

Expected sizes follow SCALE-Sim's own formulas (``scalesim-project/scale-sim-v2``,
``scalesim/topology_utils.py``, ``topo_calc_hyperparams``): ofmap = ceil((H - R + S) / S), which
is (H - R) // S + 1, and MACs = ofmap_h * ofmap_w * R * S * C * F; a GEMM row M, N, K is
M x K by K x N, M * N * K MACs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from accelsim.errors import AccelsimError
from accelsim.workload import load_model
from accelsim.workload.scalesim_csv import load_scalesim_csv

MODELS = Path(__file__).resolve().parents[2] / "models" / "scalesim"
CONV_HEADER = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n"


def _write(tmp_path: Path, text: str, name: str = "topo.csv") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_conv_form_rows_are_independent_layers(tmp_path):
    net = load_scalesim_csv(_write(tmp_path, CONV_HEADER
                                   + "Conv1     ,224 ,224 ,11 ,11 ,3  ,96  ,4 ,\n"
                                   + "Conv2     ,27  ,27  ,5  ,5  ,96 ,256 ,1 ,  \n"))
    conv1, conv2 = net.layers
    assert net.name == "topo" and net.input_shape == (3, 224, 224)
    assert conv1.op == "conv2d" and conv1.inputs == () and conv1.in_shapes == ((3, 224, 224),)
    # (224 - 11) // 4 + 1 = 54; stride on both axes; no padding
    assert conv1.out_shape == (96, 54, 54) and conv1.stride == (4, 4) and conv1.padding == (0, 0, 0, 0)
    assert conv1.macs == 54 * 54 * 11 * 11 * 3 * 96 == 101_616_768
    assert conv1.params == 11 * 11 * 3 * 96 == 34_848
    # the second row reads its own 96x27x27 input, not conv1's output
    assert conv2.in_shapes == ((96, 27, 27),) and conv2.out_shape == (256, 23, 23)
    assert conv2.macs == 23 * 23 * 5 * 5 * 96 * 256 == 325_017_600


def test_rectangular_filter_and_ifmap(tmp_path):
    net = load_scalesim_csv(_write(tmp_path, CONV_HEADER + "r, 10, 20, 3, 5, 2, 4, 2,\n"))
    (layer,) = net.layers
    # (10 - 3) // 2 + 1 = 4, (20 - 5) // 2 + 1 = 8
    assert layer.out_shape == (4, 4, 8) and layer.kernel == (3, 5)
    assert layer.macs == 4 * 8 * 3 * 5 * 2 * 4 == 3_840


def test_gemm_form(tmp_path):
    net = load_scalesim_csv(_write(tmp_path, "Layer, M, N, K,\nQKT, 1024, 1024, 64,\nFF, 8, 3, 5\n"))
    qkt, ff = net.layers
    assert qkt.op == "gemm" and qkt.gemm_mkn == (1024, 64, 1024)  # (m, k, n)
    assert qkt.in_shapes == ((64, 1024, 1),) and qkt.out_shape == (1024, 1024, 1)
    assert qkt.macs == 1024 * 1024 * 64 == 67_108_864
    assert ff.gemm_dims() == (8, 5, 3, 1) and ff.macs == 120 and ff.weight_count == 5 * 3
    assert net.input_shape == (64, 1024, 1)


def test_upstream_quirks_crlf_comments_blank_lines_and_names(tmp_path):
    text = ("Layer Name, M, N, K,\r\n\r\n"
            "Test 1, 256, 128, 256, # a comment\r\n"
            "\tTest 1, 2, 3, 4,\r\n"
            "input, 1, 1, 1")
    names = [l.name for l in load_scalesim_csv(_write(tmp_path, text)).layers]
    assert names == ["Test_1", "Test_1_2", "input_2"]


def test_depthwise_rows_named_dp_are_grouped(tmp_path):
    # SCALE-Sim runs a 'DP' row as Channels one-channel layers of Num Filter filters each:
    # 32 x (110 * 110 * 3 * 3 * 1 * 1) MACs
    net = load_scalesim_csv(_write(tmp_path, CONV_HEADER + "Conv2_DP, 112, 112, 3, 3, 32, 1, 1,\n"))
    (dw,) = net.layers
    assert dw.groups == 32 and dw.out_shape == (32, 110, 110)
    assert dw.macs == 32 * 110 * 110 * 3 * 3 == 3_484_800


def test_sparsity_column_sets_weight_density(tmp_path):
    text = "Layer Name, M, N, K, Sparsity,\nGEMM_1, 3, 5, 16, 3:4,\nGEMM_1, 1, 5, 16,\n"
    a, b = load_scalesim_csv(_write(tmp_path, text)).layers
    assert (a.name, b.name) == ("GEMM_1", "GEMM_1_2")
    assert a.weight_density == 0.75 and b.weight_density == 1.0
    assert a.macs == 3 * 5 * 16 and a.effective_macs == 180


def test_load_model_dispatches_csv(tmp_path):
    path = _write(tmp_path, CONV_HEADER + "c, 8, 8, 3, 3, 1, 2, 1,\n", name="small.CSV")
    assert load_model(path).macs == 6 * 6 * 9 * 2


@pytest.mark.parametrize("name", ["alexnet", "vgg16", "resnet18", "resnet50", "mobilenet_v1"])
def test_shipped_files_match_the_zoo(name):
    # the shipped files are written by to_scalesim_csv; they must still say what the zoo says
    from accelsim.workload.scalesim_csv import to_scalesim_csv
    zoo = load_model(name)
    assert (MODELS / f"{name}.csv").read_text() == to_scalesim_csv(zoo)
    assert load_model(MODELS / f"{name}.csv").macs == zoo.macs


def test_export_splits_groups_and_folds_padding():
    from accelsim.workload.scalesim_csv import to_scalesim_csv
    rows = to_scalesim_csv(load_model("alexnet")).splitlines()
    # Caffe AlexNet conv2: 96 -> 256, 5x5, pad 2, groups 2 on 27x27: two rows of 48 -> 128 on 31x31
    assert "conv2_g0, 31, 31, 5, 5, 48, 128, 1," in rows and "conv2_g1, 31, 31, 5, 5, 48, 128, 1," in rows


def test_shipped_gemm_file():
    bert = load_model(MODELS / "bert_base_gemm.csv")
    assert [l.name for l in bert.layers] == ["QKV_proj", "QK_T", "attn_V", "out_proj", "FF1", "FF2"]
    assert bert.macs == 512 * (768 * 2304 + 64 * 512 + 512 * 64 + 768 * 768 + 2 * 768 * 3072)


BAD = [
    ("", "topo.csv: empty topology file"),
    ("\n  \n,,,\n", "topo.csv: empty topology file"),
    (CONV_HEADER, "topo.csv: line 1: no layer rows after the header"),
    ("Layer, IFMAP, Filter\nc, 1, 1\n", "topo.csv: line 1: header: expected 'Layer name, IFMAP Height"),
    ("Layer, M, K, N\nc, 1, 1, 1\n", "topo.csv: line 1: header: expected"),
    (CONV_HEADER + "c, 8, 8, 3, 3, 1, 2,\n", "topo.csv: line 2: has 7 columns; the header names 8: Layer name, "),
    (CONV_HEADER + "c, 8, 8, 3, 3, 1, 2, 1, 5\n", "topo.csv: line 2: has 9 columns"),
    (CONV_HEADER + "c, 8, 8, 3, 3, 3.5, 2, 1,\n", "topo.csv: line 2: Channels: must be a whole number >= 1, got '3.5'"),
    (CONV_HEADER + "c, 8, 8, 3, 3, 1, 2, 1,\n\nd, 8, 8, 3, 3, 1, 2, 0,\n",
     "topo.csv: line 4: Strides: must be a whole number >= 1, got '0'"),
    (CONV_HEADER + "c, 8, -8, 3, 3, 1, 2, 1,\n", "topo.csv: line 2: IFMAP Width: must be a whole number >= 1, got '-8'"),
    (CONV_HEADER + "c, 8, 8, 3, 3, 1, x, 1,\n", "topo.csv: line 2: Num Filter: must be a whole number >= 1, got 'x'"),
    (CONV_HEADER + "c, 8, 5, 3, 7, 1, 2, 1,\n", "topo.csv: line 2: Filter Width: must be <= IFMAP Width (5), got 7"),
    (CONV_HEADER + " , 8, 8, 3, 3, 1, 2, 1,\n", "topo.csv: line 2: Layer name: must name the layer"),
    ("Layer, M, N, K\nc, 4, 0, 2\n", "topo.csv: line 2: N: must be a whole number >= 1, got '0'"),
    ("Layer, M, N, K, Sparsity\nc, 4, 2, 2, 5:4\n", "topo.csv: line 2: Sparsity: must be N:M with 1 <= N <= M"),
]


@pytest.mark.parametrize("text, expected", BAD, ids=[e.split(": ", 1)[1][:40] for _, e in BAD])
def test_bad_input_is_one_line_naming_file_line_and_column(tmp_path, text, expected):
    with pytest.raises(AccelsimError) as info:
        load_scalesim_csv(_write(tmp_path, text))
    message = str(info.value)
    assert message.startswith(expected) and "\n" not in message


def test_missing_file_names_the_path(tmp_path):
    path = tmp_path / "nowhere.csv"
    with pytest.raises(AccelsimError, match=r"nowhere\.csv: cannot read topology file"):
        load_scalesim_csv(path)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "blob.csv"
    path.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(AccelsimError, match=r"^blob\.csv: not a text file"):
        load_scalesim_csv(path)
