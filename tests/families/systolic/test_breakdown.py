"""Table 3's cycle categories read off a timeline, and the host link that makes the input stalls."""

from __future__ import annotations

import math

import pytest

from accelsim.errors import AccelsimError
from accelsim.families.systolic.breakdown import cycle_breakdown
from accelsim.families.systolic.lower import lower_network
from accelsim.families.systolic.sim import account, conflict_cycles_per_op, run
from accelsim.registry import load_arch
from accelsim.sim.dram_run import dram_for_run
from accelsim.workload.network import gemm_network

# plain 34 GB/s channel (no DRAM timing), so tile arrival times are exact
PLAIN = {"dram.preset": None, "dram.bandwidth": "34GB/s", "dram.latency": "0ns"}


def _run(net, arch, batch=1, input_on_chip=False):
    trace = lower_network(net, arch, batch, input_on_chip)
    dram = dram_for_run(arch.dram, arch.clock_hz)
    tl = run(trace, arch, dram)
    return trace, tl, account(trace, arch, tl), cycle_breakdown(trace, arch, tl, conflict_cycles_per_op(trace))


@pytest.mark.parametrize("host", [None, "15.75GB/s"])
def test_rows_partition_the_run(host):
    arch = load_arch("tpu-v1", {**PLAIN, "host": None if host is None else {"bandwidth": host}})
    _, tl, r, b = _run(gemm_network("g", 200, 700, 900), arch)
    assert b.total == int(tl.end.max()) == r.cycles
    assert b.active + b.weight_stall + b.weight_shift + b.non_matrix == b.total
    assert b.useful_mac_cycles + b.unused_mac_cycles == pytest.approx(b.active)
    assert 0 <= b.raw_stall <= b.total - b.active and 0 <= b.input_stall <= b.total - b.active
    assert b.input_stall > 0  # the first fold waits for its input, from DRAM or over the host link
    assert sum(v for k, v in b.fractions().items() if k in ("active", "weight_stall", "weight_shift",
                                                            "non_matrix")) == pytest.approx(1.0)


def test_weight_bound_tiles_by_hand():
    # 4 tiles of a 512x512 layer at batch 200, input on chip: each 64 KiB tile takes
    # ceil(65536 / (34e9 / 700e6)) cycles to arrive, then shifts in for 256 cycles (not hidden: the
    # previous stream ended long before) and streams 200 rows; the array waits for the rest
    arch = load_arch("tpu-v1", {**PLAIN, "host": None})
    _, _, _, b = _run(gemm_network("g", 200, 512, 512), arch, input_on_chip=True)
    assert b.active == 4 * 200
    assert b.weight_shift == 4 * 256
    assert b.useful_mac_cycles == pytest.approx(b.active)  # full tiles: every weight register useful
    tile = math.ceil(65536 / (34e9 / 700e6))
    # the first tile arrives after one tile time; each later one a tile time after the one before,
    # while the array spent 256 + 200 of it shifting and streaming
    assert b.weight_stall == tile + 3 * (tile - 256 - 200)
    assert b.input_stall == 0 and b.raw_stall == 0


def test_padding_shows_as_unused_macs():
    # 600x600 on 256x256 tiles: 9 padded tiles, (600/768)^2 of the weight registers useful
    arch = load_arch("tpu-v1", {**PLAIN, "host": None})
    _, _, _, b = _run(gemm_network("g", 96, 600, 600), arch, input_on_chip=True)
    assert b.useful_mac_cycles / b.active == pytest.approx((600 / 768) ** 2)


def test_dependent_layers_wait_for_the_activations():
    # two FC layers whose weights fit the FIFO (loaded long before): the second layer's first fold
    # waits for the first layer's drain and activation, a RAW stall
    arch = load_arch("tpu-v1", {**PLAIN, "host": None})
    _, _, _, b = _run(gemm_network("g", 100, 256, 256, layers=2), arch, input_on_chip=True)
    assert b.raw_stall >= 256 + 256 - 2  # at least the drain of the first layer's last fold


def test_host_link_input_stall_and_dram_bytes():
    # a slow link: the first fold waits for the whole input; host bytes are not DRAM bytes
    arch = load_arch("tpu-v1", {**PLAIN, "host": {"bandwidth": "1GB/s"}})
    net = gemm_network("g", 200, 512, 512)
    trace, tl, r, b = _run(net, arch)
    in_cycles = math.ceil(200 * 512 / (1e9 / 700e6))
    first_tile = math.ceil(65536 / (34e9 / 700e6))
    assert b.input_stall >= in_cycles - first_tile
    assert r.dram_read_bytes == 512 * 512 and r.dram_write_bytes == 0
    assert any("host link" in e for e in r.effects)
    # the output goes back over the link: the run ends at least its transfer after the last activation
    out_cycles = math.ceil(200 * 512 / (1e9 / 700e6))
    assert r.cycles >= in_cycles + out_cycles


def test_without_host_link_the_input_comes_from_dram():
    arch = load_arch("tpu-v1", {**PLAIN, "host": None})
    _, _, r, b = _run(gemm_network("g", 200, 512, 512), arch)
    assert r.dram_read_bytes == 512 * 512 + 200 * 512 and b.input_stall > 0  # dma_in from DRAM
    assert not any("host link" in e for e in r.effects)


@pytest.mark.parametrize("value,field", [("0GB/s", "host.bandwidth"), ("fast", "host.bandwidth")])
def test_bad_host_link_is_refused(value, field):
    with pytest.raises(AccelsimError) as e:
        load_arch("tpu-v1", {"host.bandwidth": value})
    assert field in str(e.value)


def test_unknown_host_key_is_refused():
    with pytest.raises(AccelsimError) as e:
        load_arch("tpu-v1", {"host.latency": "1us"})
    assert "host" in str(e.value)
