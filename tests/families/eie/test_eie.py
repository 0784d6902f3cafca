"""EIE: the CSC layout with padding entries, the broadcast/queue schedule, load imbalance from the real pattern,
what it refuses, and the published figures it is held to."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

import accelsim
from accelsim.errors import AccelsimError
from accelsim.families.eie.lower import column_entries, lower_network
from accelsim.kernels.sparse_mv import spmv_schedule, spmv_schedule_ref
from accelsim.registry import load_arch
from accelsim.workload.network import build_network

EIE = load_arch("eie")


def test_column_entries_count_non_zeros_and_a_padding_entry_per_16_zeros():
    # two PEs: PE 0 owns rows 0, 2, 4, ...; its local rows are 0, 1, 2, ...
    mask = np.zeros((80, 3), bool)
    mask[0, 0] = True          # PE 0, local row 0: gap 0
    mask[2 * 17, 0] = True     # PE 0, local row 17: gap 16 -> one padding entry
    mask[2 * 39 + 1, 1] = True  # PE 1, local row 39: gap 39 -> two padding entries (39 // 16)
    got = column_entries(mask, 2, 4)
    assert got.tolist() == [[2 + 1, 0, 0], [0, 1 + 2, 0]]
    assert column_entries(mask, 2, 8).tolist() == [[2, 0, 0], [0, 1, 0]]  # 8-bit indices reach every gap


def test_schedule_by_hand_queue_full_holds_the_broadcast():
    # one busy PE (10 entries per input) and one idle: with a queue of 2 the broadcast of input j waits for
    # the busy PE to start input j - 2; the idle PE spends the pointer cycle on each
    entries = np.array([[10, 10, 10, 10], [0, 0, 0, 0]], np.int64)
    end, busy = spmv_schedule_ref(entries, 2)
    assert end == 40 and busy.tolist() == [40, 4]
    assert spmv_schedule(entries, 2)[0] == 40
    # balanced: four entries each, one input a cycle: 4 inputs x 4 cycles
    end, _ = spmv_schedule_ref(np.full((2, 4), 4, np.int64), 8)
    assert end == 16


def _one_layer(rows=4096, cols=1024):
    return build_network("fc", (cols, 1, 1), [{"name": "fc", "op": "linear", "out": rows}], source="test")


def _cycles(mask):
    net = _one_layer(*mask.shape)
    weights = {"fc": {"weight": mask.astype(float), "mask": mask}}
    trace, rep = lower_network(net, EIE, 1, weights=weights)
    assert rep["fc"]["real_pattern"]
    return sum(int(s) for s, k in zip(trace.ops["stream"], trace.ops["kind"]) if k == 2)


def test_load_imbalance_from_the_real_pattern_grows_cycles_by_the_predicted_factor():
    rows, cols, per_row = 4096, 1024, 1
    rng = np.random.default_rng(0)
    # balanced: every PE owns the same number of non-zeros in every column (one of its 64 rows)
    balanced = np.zeros((rows, cols), bool)
    for j in range(cols):
        for p in range(EIE.pes):
            local = rng.choice(16, per_row, replace=False)  # within the first 16 local rows: no padding entry
            balanced[local * EIE.pes + p, j] = True
    # the same count of non-zeros per column, all in PE 0's rows (every one of its 64)
    skewed = np.zeros_like(balanced)
    skewed[::EIE.pes] = True
    assert balanced.sum() == skewed.sum()
    fast, slow = _cycles(balanced), _cycles(skewed)
    # balanced: each input costs every PE one cycle; skewed: PE 0 does all 64 of them
    assert column_entries(skewed, EIE.pes, EIE.index_bits)[0].max() == per_row * EIE.pes
    assert fast == cols * per_row
    assert slow == cols * per_row * EIE.pes
    assert slow / fast == EIE.pes


def test_zero_activations_are_skipped():
    net = _one_layer(1024, 1024)
    sparse = net.with_layers((net.layers[0].with_(act_density=0.25),))
    dense_r, sparse_r = accelsim.simulate(net, EIE), accelsim.simulate(sparse, EIE)
    assert sparse_r.layers[0].compute_cycles < 0.35 * dense_r.layers[0].compute_cycles


def test_pruning_buys_speed_on_eie_and_the_real_pattern_is_used():
    # both with weights, so both take their activation patterns from a functional run
    dense = accelsim.simulate("alexnet_fc", EIE, weights="synthetic")
    pruned = accelsim.simulate("alexnet_fc", EIE, passes=("magnitude:0.9",), weights="synthetic")
    assert dense.cycles / pruned.cycles > 5
    # MACs done are the non-zero weights times the inputs: about a tenth of the dense ones
    assert pruned.macs == pytest.approx(0.1 * dense.macs, rel=0.02)


def test_weights_that_do_not_fit_stream_from_dram():
    dense = accelsim.simulate("alexnet_fc", EIE)
    assert dense.layers[0].dram_read_bytes > 9216 * 4096 * EIE.entry_bits // 8
    on_chip = accelsim.simulate("alexnet_fc", EIE, passes=("magnitude:0.9",))
    assert on_chip.layers[1].dram_read_bytes == 0


@pytest.mark.parametrize("overrides,prune", [({"pe.count": 16, "pe.index_bits": 2}, "magnitude:0.8"),
                                             ({}, "magnitude:0.5")])
def test_layout_report_is_column_entries_block_by_block(overrides, prune):
    # the lowering lays each block out in one compiled pass and picks the block size from the fullest PE
    # alone; the report equals the layout read off column_entries on each block's rows, block size halved
    # (in whole PEs) while the fullest PE's share of a streamed layer exceeds half the SRAM
    import math
    from accelsim.compress import apply_passes
    from accelsim.compress.patterns import weight_mask
    from accelsim.workload import load_model
    spec = load_arch("eie", overrides)
    net, _, _ = apply_passes(load_model("alexnet_fc"), None, (prune,), seed=0)
    _, report = lower_network(net, spec, 1)
    streamed = 0
    for layer in net.layers:
        mask, _ = weight_mask(layer, None, 0)
        step = spec.pes * spec.act_regs

        def layout(step):
            ent = [column_entries(mask[r:r + step], spec.pes, spec.index_bits) for r in range(0, len(mask), step)]
            return ent, [math.ceil(e.sum(axis=1).max() * spec.entry_bits / 8) for e in ent]
        ent, fullest = layout(step)
        if report[layer.name]["streamed"]:
            streamed += 1
            while max(fullest) > spec.spmat_bytes // 2 and step > spec.pes:
                step = max(spec.pes, step // 2 // spec.pes * spec.pes)
                ent, fullest = layout(step)
        entries = sum(int(e.sum()) for e in ent)
        assert report[layer.name]["passes"] == len(ent)
        assert report[layer.name]["entries"] == entries
        assert report[layer.name]["padding"] == entries - int(mask.sum())
        assert report[layer.name]["spmat_bytes_per_pe"] == max(fullest)
    assert streamed > 0


def test_conv_layers_are_refused_with_one_line():
    with pytest.raises(AccelsimError, match="layer conv1 is conv2d: EIE runs fully connected layers"):
        accelsim.simulate("alexnet", EIE)


def test_bad_preset_values_name_the_field():
    with pytest.raises(AccelsimError, match="pe.queue_depth"):
        load_arch("eie", {"pe.queue_depth": 0})
    with pytest.raises(AccelsimError, match="pe.spmat"):
        load_arch("eie", {"pe.spmat": "-1KiB"})


def test_published_figures():
    from accelsim.families.eie.validate import eie_checks
    checks = {c.name: c for c in eie_checks()}
    assert checks["EIE peak on the compressed network"].ok
    # within 25 %: the layer densities are the paper's, the non-zero patterns are drawn
    assert checks["EIE AlexNet FC layers frame rate"].ok, checks["EIE AlexNet FC layers frame rate"].measured_text
    # Table IV's measured time per layer, within the same 25 % (same densities)
    for layer in ("FC6", "FC7", "FC8"):
        check = checks[f"EIE AlexNet {layer} time"]
        assert check.tolerance == 0.25 and check.ok, (layer, check.measured)


def test_deeper_queues_hide_imbalance():
    net = _one_layer(4096, 2048).layers[0].with_(weight_density=0.05, act_density=0.5)
    net = _one_layer(4096, 2048).with_layers((net,))
    shallow = accelsim.simulate(net, dataclasses.replace(EIE, queue_depth=1))
    deep = accelsim.simulate(net, dataclasses.replace(EIE, queue_depth=32))
    assert deep.cycles < shallow.cycles
