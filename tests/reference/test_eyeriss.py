"""Eyeriss (JSSC 2017 Tables III and V, REFERENCES.md section 2): AlexNet CONV1-5 at batch 4.

Table V's figures (latency, active PEs, DRAM and GLB traffic, power) are held to their
tolerances, known misses included, by ``test_published_figures.py``; here, the mapper and
the DRAM overlap.
"""

from __future__ import annotations

import pytest

from accelsim.families.eyeriss.validate import EYERISS_ALEXNET, eyeriss_alexnet


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
    from accelsim.families.eyeriss.validate import eyeriss_vgg16_checks
    checks = {c.name: c for c in eyeriss_vgg16_checks()}
    assert checks["Eyeriss VGG-16 CONV DRAM traffic"].measured == pytest.approx(
        (sparse.dram_read_bytes + sparse.dram_write_bytes) / 1e6)
    assert sparse.dram_read_bytes + sparse.dram_write_bytes < 0.8 * (dense.dram_read_bytes + dense.dram_write_bytes)
