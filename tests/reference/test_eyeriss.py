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
