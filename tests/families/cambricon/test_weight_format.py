"""Weights stored in a sparse format in DRAM (dma.weight_format): the SB's DMA moves the stored bytes (VLOADZ)."""

from __future__ import annotations

import pytest

from accelsim import report
from accelsim.compress import apply_passes
from accelsim.compress.prune import WEIGHT_FORMATS, stored_bytes
from accelsim.errors import AccelsimError
from accelsim.families.cambricon.compiler import stored_block_bytes
from accelsim.families.cambricon.functional import run_functional
from accelsim.families.cambricon.run import compile_program, run_cambricon
from accelsim.families.cambricon.spec import WEIGHT_FORMATS as SPEC_FORMATS
from accelsim.registry import load_arch
from accelsim.workload import load_model


def _pruned(model: str, sparsity: float):
    return apply_passes(load_model(model), None, (f"magnitude:{sparsity}",))[0]


def _weight_block_bytes(net, spec) -> tuple[int, int, int]:
    """(dense bytes, stored bytes, blocks) of every weight block the program loads, summed."""
    compiled = compile_program(net, spec)
    dense = stored = blocks = 0
    for layer in net.layers:
        for block in compiled.weights.get(layer.name, ()):
            n = block.to * block.ci * (layer.kernel[0] * layer.kernel[1] if layer.op == "conv2d" else 1) * 2
            dense += n
            stored += stored_block_bytes(layer, n, spec.weight_format)
            blocks += 1
    return dense, stored, blocks


def test_bitmap_moves_the_stored_bytes_and_a_dram_bound_fc_runs_faster():
    net = _pruned("alexnet_fc", 0.9)
    dense_spec = load_arch("diannao")
    bitmap_spec = load_arch("diannao", {"dma.weight_format": "bitmap"})
    dense, bitmap = run_cambricon(net, dense_spec).result, run_cambricon(net, bitmap_spec).result
    d_bytes, s_bytes, blocks = _weight_block_bytes(net, bitmap_spec)
    assert dense.dram_read_bytes - bitmap.dram_read_bytes == d_bytes - s_bytes   # only the weight loads shrink
    whole = sum(stored_bytes(l, "bitmap", 16) for l in net.layers if l.op == "linear")
    assert whole <= s_bytes <= whole + blocks                               # each block rounded up to a byte
    assert dense.cycles / bitmap.cycles > 2                                  # DianNao's FC layers wait on DRAM
    assert bitmap.compute_cycles == dense.compute_cycles                     # the NFU still multiplies every zero
    assert bitmap.macs == dense.macs
    assert any("bitmap" in e for e in bitmap.effects) and any("DianNao" in a for a in bitmap.approximations)


def test_a_dense_matrix_stored_as_csr_moves_more():
    net = load_model("alexnet_fc")
    dense = run_cambricon(net, "diannao").result
    csr = run_cambricon(net, load_arch("diannao", {"dma.weight_format": "csr"})).result
    assert csr.dram_read_bytes > 1.5 * dense.dram_read_bytes                # 16-bit values + 14-bit column indices
    assert csr.cycles > dense.cycles and csr.compute_cycles == dense.compute_cycles


@pytest.mark.parametrize("fmt", ["csc", "relative_index"])
def test_compiled_and_python_core_agree_with_a_format(fmt):
    net = _pruned("lenet5", 0.8)
    spec = load_arch("cambricon", {"dma.weight_format": fmt})
    fast, ref = run_cambricon(net, spec, log=True), run_cambricon(net, spec, log=True, reference=True)
    assert fast.log == ref.log and fast.by_op.get("VLOADZ", 0) > 0
    assert report.to_json(fast.result) == report.to_json(ref.result)


def test_functional_run_stays_bit_exact_with_compressed_weights():
    res = run_functional(load_model("lenet5"), load_arch("diannao", {"dma.weight_format": "bitmap"}))
    assert res["layers"] and not any(res["layers"].values())


def test_format_names_match_and_bad_one_names_the_field():
    assert SPEC_FORMATS == WEIGHT_FORMATS
    with pytest.raises(AccelsimError, match="dma.weight_format: must be one of"):
        load_arch("diannao", {"dma.weight_format": "zip"})
