"""No roofline point can sit above the roof: each layer's rate is over its own span (issue 15: 14 of ResNet-50's
54 layers on TPU v1 were above it when rates used each layer's share of the run)."""

from __future__ import annotations

import pytest

from accelsim.api import simulate
from accelsim.errors import AccelsimError
from accelsim.plot import roofline_points_of
from accelsim.registry import family_of, load_arch, preset_names
from accelsim.workload.zoo import transformer_names, zoo_names

#: instruction-level presets run instruction by instruction (seconds a model): one small model each here
SLOW_FAMILIES = ("cambricon",)
BIG = ("llama3_8b",)  # 8 B weights: a minute a run on a DRAM timing model


def _cases():
    """Every zoo model on every preset; the instruction-level presets' other models run with ``-m slow``."""
    out = []
    for arch in preset_names():
        fam = family_of(load_arch(arch)).name
        for m in zoo_names():
            if m in transformer_names() and fam != "systolic":
                continue  # refused in one line by the others (tests/workload/test_transformer_families.py)
            slow = (fam in SLOW_FAMILIES and m not in ("lenet5", "alexnet_fc")) or m in BIG
            out.append(pytest.param(arch, m, marks=pytest.mark.slow) if slow else (arch, m))
    return out


@pytest.mark.parametrize("arch,model", _cases())
def test_no_layer_above_the_roof(arch, model):
    spec = load_arch(arch)
    try:
        r = simulate(model, spec)
    except AccelsimError as e:  # a model the family refuses (conv layers on EIE) has no roofline to check
        assert "EIE runs fully connected layers" in str(e) or "no legal" in str(e), str(e)
        return
    pts = roofline_points_of(r)
    assert pts or not any(l.macs for l in r.layers)
    for name, intensity, rate in pts:
        roof = min(spec.peak_macs_per_s, intensity * spec.dram.bandwidth_bytes_per_s)
        assert rate <= roof * (1 + 1e-9), f"{name}: {rate / roof:.3f}x the roof"


def test_span_covers_the_share_it_overlaps():
    r = simulate("resnet50", "tpu-v1")
    assert all(l.span_cycles > 0 for l in r.layers if l.macs)
    # some layer's own span is longer than its share of the run: that is the overlap the old points ignored
    assert any(l.span_cycles > l.cycles for l in r.layers)
