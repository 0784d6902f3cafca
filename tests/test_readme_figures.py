"""The figures README.md quotes from simulations are the ones ``benchmarks/readme_figures.py`` prints.

Tolerance: README's number must equal the script's rounded to the digits README gives (so
"0.86 ms" holds for 0.855 to 0.865 ms). The figures are simulated cycles and bytes, the same on
every machine. Each README figure is found by the words around it; a figure the script prints but
README no longer quotes, or the other way round, fails.
"""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "readme_figures.py"
NUM = r"([0-9]+(?:\.[0-9]+)?)"
#: where README quotes each figure (whitespace collapsed first)
WHERE = {
    "tpu_peak": rf"\| 92 TOPS \| {NUM} TOPS \|",
    "lstm1_256": rf"LSTM1 600x600 on 256x256[^|]*\| 18 us \| {NUM} us \|",
    "lstm1_512": rf"on a 512x512 array[^|]*\| 32 us \| {NUM} us \|",
    "mlp0": rf"MLP0 at batch 200[^|]*\| 12\.3 TOPS \| {NUM} TOPS \|",
    "mac_ratio_r50_mv2": rf"MobileNet-V2 has {NUM}x fewer MACs than ResNet-50",
    "mv2_ms": rf"runs in {NUM} ms against",
    "r50_ms": rf"ms against {NUM} ms",
    "nm24_sparse_mode": rf"{NUM}x faster with `nm:2:4` on the sparse mode",
    "magnitude_sparse_mode": rf"{NUM}x with `magnitude:0\.5` \(unstructured\) on it",
    "nm24_dense_array": rf"{NUM}x with `nm:2:4` on the dense array",
    "bitmap_fc": rf"run {NUM}x faster with `bitmap` than dense-stored",
    "csr_dense_bytes": rf"stored as CSR moves {NUM}x more bytes",
    "magnitude_r18_tpu": rf"any of the dense arrays \(TPU v1: {NUM}x\)",
    "svd_vgg16_speedup": rf"cuts [0-9.]+ % of the MACs and runs {NUM}x faster on TPU v1",
    "svd_vgg16_mac_cut": rf"\(`svd:0\.25@fc6,fc7,fc8`\) cuts {NUM} % of the MACs",
}


@pytest.fixture(scope="module")
def printed() -> dict[str, float]:
    p = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    out = {}
    for line in p.stdout.splitlines():
        key, value, *_ = line.split()
        out[key] = float(value)
    return out


def _readme() -> str:
    return " ".join((ROOT / "README.md").read_text().split())


def test_the_script_prints_every_figure_the_test_looks_for(printed):
    assert set(printed) == set(WHERE)


@pytest.mark.parametrize("key", sorted(WHERE))
def test_readme_quotes_the_script(key, printed):
    found = re.findall(WHERE[key], _readme())
    assert len(found) == 1, f"{key}: README should quote it once, found {found}"
    quoted = Decimal(found[0])
    exp = quoted.as_tuple().exponent
    rounded = Decimal(repr(printed[key])).quantize(Decimal(1).scaleb(exp), rounding=ROUND_HALF_EVEN)
    assert rounded == quoted, f"{key}: README says {quoted}, {SCRIPT.name} prints {printed[key]}"
