"""The DRAM timing model against figures derived from the part's own parameters.

Every expected figure below is computed from the preset's timing values in the test (never
pasted from a run). Tolerances are stated where the figure is a bound or an estimate:

- a long sequential read stream (open page) reaches the bus peak less the refresh share,
  within 1 %;
- random 64-byte reads reach the activate-rate bound (tRRD_S, tFAW, tRC) less the refresh
  share, within 10 % below and never above;
- latencies and turnarounds are exact (whole DRAM cycles);
- the closed-form stream path equals the request-level kernel on fresh sequential streams
  (tolerance 0.5 %; it is exact on every preset today) and within 1 % through DramModel.
"""

from __future__ import annotations

import numpy as np
import pytest

from accelsim.arch.dram import load_dram, preset_names
from accelsim.kernels.dram_timing import dram_schedule, initial_state
from accelsim.sim.dram_stream import stream_cycles
from accelsim.sim.dram_timing import DramModel, DramStats, pack_params

DDR4 = load_dram("ddr4-2400-x64")


def run(spec, addr, write=None, arrival=None):
    """Schedule bursts on a fresh memory: ``(done, cas, kind, counts)`` in DRAM cycles."""
    p = pack_params(spec)
    n = len(addr)
    arrival = np.zeros(n, np.int64) if arrival is None else np.asarray(arrival, np.int64)
    write = np.zeros(n, np.bool_) if write is None else np.asarray(write, np.bool_)
    return dram_schedule(arrival, np.asarray(addr, np.int64), write, p, *initial_state(p))[:4]


def address(spec, row=0, bank=0, bank_group=0, col=0, rank=0, channel=0):
    """Byte address of a burst, composed from the spec's field order (independent of the kernel)."""
    sizes = {"channel": spec.channels, "rank": spec.ranks, "bank_group": spec.bank_groups,
             "bank": spec.banks_per_group, "row": spec.rows, "col": spec.bursts_per_row}
    value = dict(channel=channel, rank=rank, bank_group=bank_group, bank=bank, row=row, col=col)
    x = 0
    for f in spec.address_mapping:  # most significant first
        x = x * sizes[f] + value[f]
    return x * spec.burst_bytes


def gbps(spec, n_bursts, cycles):
    return n_bursts * spec.burst_bytes / (cycles * spec.tCK_ns)


# ---- bandwidth ----------------------------------------------------------------------------------

def test_sequential_stream_reaches_peak_less_refresh():
    s = DDR4
    assert s.peak_bytes_per_s / 1e9 == pytest.approx(19.2, rel=1e-3)  # the DDR4-2400 x64 figure
    n = 8 * s.tREFI // s.burst_cycles  # about eight refresh intervals of back-to-back bursts
    done, _, kind, counts = run(s, np.arange(n) * s.burst_bytes)
    achieved = gbps(s, n, done.max())
    # each refresh idles the bus from the last read before it to the first after: the last
    # bank precharges tRTP after its read and tRP later the REF may start; tRFC; ACT, tRCD.
    # One burst slot (tBL) of that gap would have passed anyway.
    loss = s.tRTP + s.tRP + s.tRFC + s.tRCD - s.burst_cycles
    expected = s.peak_bytes_per_s / 1e9 * (1 - loss / s.tREFI)
    assert achieved == pytest.approx(expected, rel=0.01)
    assert achieved < s.peak_bytes_per_s / 1e9 * (1 - s.tRFC / s.tREFI)  # refresh alone is a hard bound
    # a row set (4 groups x 1 KiB pages per device) is opened once; the next set lies in other banks
    assert counts[0] > 0.98 * n and counts[4] >= 7


@pytest.mark.parametrize("name", ["ddr4-2400-x64", "ddr3-1600-x64"])
def test_random_reads_fall_to_the_activate_rate(name):
    s = load_dram(name)
    rng = np.random.default_rng(7)
    n = 12000
    done, _, kind, counts = run(s, rng.integers(0, s.capacity_bytes // s.burst_bytes, n) * s.burst_bytes)
    # nearly every random burst opens a row; a rank issues at most one ACT per tRRD_S, four per
    # tFAW, and each bank one per tRC: bursts per cycle <= min(1/tRRD_S, 4/tFAW, banks/tRC)
    acts_per_cycle = min(1 / s.tRRD_S, 4 / s.tFAW, s.bank_groups * s.banks_per_group / s.tRC) * s.ranks
    bound = acts_per_cycle * s.burst_bytes / s.tCK_ns * (1 - s.tRFC / s.tREFI)
    achieved = gbps(s, n, done.max())
    assert counts[3] >= 0.99 * n
    assert 0.9 * bound <= achieved <= bound * 1.001
    assert achieved < 0.7 * s.peak_bytes_per_s / 1e9


def test_closed_page_sequential_is_bounded_by_tRC():
    s = load_dram("ddr4-2400-x64", {"controller.page_policy": "closed"})
    n = 4000
    done, _, kind, counts = run(s, np.arange(n) * s.burst_bytes)
    assert counts[0] == 0 and counts[3] == n  # no row hits; every burst activates
    # bank groups are the fastest field, so burst k goes to group k % 4 and every 4th burst
    # reopens the same bank: 4 bursts per tRC. Crossing into the next banks (every
    # bursts_per_row rounds) skips one tRC wait, so allow 1/bursts_per_row + 1 % above.
    bound = s.bank_groups / s.tRC * s.burst_bytes / s.tCK_ns
    achieved = gbps(s, n, done.max())
    assert 0.97 * bound <= achieved <= bound * (1 + 1 / s.bursts_per_row + 0.01)
    open_done = run(DDR4, np.arange(n) * s.burst_bytes)[0]
    assert open_done.max() < 0.5 * done.max()


# ---- latency and turnaround ---------------------------------------------------------------------

def test_hit_miss_conflict_latency():
    s = DDR4
    m = DramModel.from_spec(s, 1e9 / s.tCK_ns)  # accelerator clock = DRAM clock: cycles are nCK
    lat = {}
    now = 0
    for label, a in (("miss", address(s, row=3)), ("hit", address(s, row=3, col=1)),
                     ("conflict", address(s, row=4)), ("hit2", address(s, row=4, col=9))):
        issued, done = m.transfer(now, a, 64, False)
        assert now <= issued <= done
        lat[label] = done - now
        now = done + 100  # idle gap: no tRAS/tRC carry-over between the accesses
    assert lat["hit"] == lat["hit2"] == s.tCL + s.burst_cycles
    assert lat["miss"] == s.tRCD + s.tCL + s.burst_cycles
    assert lat["conflict"] - lat["hit"] == s.tRP + s.tRCD
    st = m.stats()
    assert (st.row_hits, st.row_misses, st.row_conflicts, st.activates) == (2, 1, 1, 2)


def test_row_hit_and_conflict_streams_in_one_bank():
    # a queue of one keeps FR-FCFS from regrouping the alternating rows into hits
    s = load_dram("ddr4-2400-x64", {"controller.queue_size": 1})
    n = 40
    hits = [address(s, row=1, col=k % s.bursts_per_row) for k in range(n)]
    conflicts = [address(s, row=k % 2 + 1) for k in range(n)]
    _, cas_h, _, _ = run(s, hits)
    _, cas_c, _, counts = run(s, conflicts)
    # one bank: hits go out every max(tBL, tCCD_L); conflicts every ACT-to-ACT of the bank:
    # tRC, or tRAS + tRP, or the read's own tRCD + tRTP before the precharge + tRP
    assert set(np.diff(cas_h)) == {max(s.burst_cycles, s.tCCD_L)}
    assert set(np.diff(cas_c)) == {max(s.tRC, s.tRAS + s.tRP, s.tRCD + s.tRTP + s.tRP)}
    assert counts[2] == n - 1


@pytest.mark.parametrize("same_group", [True, False])
def test_write_to_read_costs_tWTR(same_group):
    s = DDR4
    g = 0 if same_group else 1
    # open both rows first, then a write and a read one cycle later, all row hits
    addr = [address(s, row=2), address(s, row=2, bank_group=1), address(s, row=2, col=1),
            address(s, row=2, bank_group=g, col=2)]
    done, cas, kind, _ = run(s, addr, write=[False, False, True, False], arrival=[0, 0, 300, 301])
    assert list(kind[2:]) == [0, 0]
    wtr = s.tWTR_L if same_group else s.tWTR_S
    assert cas[3] - cas[2] == s.tCWL + s.burst_cycles + wtr
    # the same pair as two reads needs only tCCD
    _, cas_rr, _, _ = run(s, addr, arrival=[0, 0, 300, 301])
    assert cas_rr[3] - cas_rr[2] == (s.tCCD_L if same_group else s.tCCD_S)


def test_read_to_write_costs_tRTW():
    s = DDR4
    addr = [address(s, row=2), address(s, row=2, col=1), address(s, row=2, col=2)]
    _, cas, kind, _ = run(s, addr, write=[False, False, True], arrival=[0, 300, 301])
    assert list(kind) == [1, 0, 0]
    assert cas[2] - cas[1] == max(s.tRTW, s.tCCD_L)


def test_refresh_blocks_for_tRFC():
    s = DDR4
    # one read just before the first refresh falls due and one just after it
    a = [address(s, row=5), address(s, row=5, col=1)]
    _, cas, kind, counts = run(s, a, arrival=[s.tREFI - 100, s.tREFI + 1])
    assert counts[4] == 1 and kind[1] == 1  # the refresh closed the row: a miss
    ref = max(s.tREFI, cas[0] + s.tRTP + s.tRP, cas[0] - s.tRCD + s.tRAS + s.tRP)
    assert cas[1] == ref + s.tRFC + s.tRCD


# ---- the closed-form stream path ----------------------------------------------------------------

@pytest.mark.parametrize("name", preset_names())
def test_stream_closed_form_equals_request_level(name):
    s = load_dram(name)
    n = 3 * s.tREFI // s.burst_cycles * s.channels + 123
    done = run(s, np.arange(n) * s.burst_bytes)[0]
    assert stream_cycles(s, n) == pytest.approx(int(done.max()), rel=0.005)


def test_stream_path_through_the_model_agrees():
    s = DDR4
    figures = {}
    for path in ("request", "stream"):
        m = DramModel.from_spec(s, 700e6, path=path)
        now = 0
        for k in range(600):
            now, _ = m.transfer(now, k * 8192, 8192, False, tag=k % 2)
        st = m.stats()
        figures[path] = (st.achieved_bytes_per_s, st.activates, st.refreshes)
    (bw_r, act_r, ref_r), (bw_s, act_s, ref_s) = figures["request"], figures["stream"]
    # the stream path runs the transfers as one stream; the request path sees one transfer
    # at a time, so a transfer that starts a new row set exposes its ACT (tRCD) or, back in
    # a used bank, PRE + ACT (tRP + tRCD): at most 2 % here, and never faster
    assert bw_r <= bw_s * 1.001
    assert bw_s == pytest.approx(bw_r, rel=0.02)
    assert act_s == pytest.approx(act_r, rel=0.02) and abs(ref_s - ref_r) <= 1


# ---- DramModel: the engine's interface and its statistics ---------------------------------------

def test_model_contract_and_contention():
    s = DDR4
    alone = DramModel.from_spec(s, 700e6)
    _, done_alone = alone.transfer(0, 1 << 20, 4096, False)
    shared = DramModel.from_spec(s, 700e6)
    shared.transfer(0, 0, 65536, False, tag=1)  # another DMA unit got there first
    issued, done = shared.transfer(0, 1 << 20, 4096, False, tag=2)
    assert 0 <= issued <= done and done > done_alone
    assert shared.transfer(done, 0, 0, True) == (done, done)


def test_stats_add_up():
    s = DDR4
    m = DramModel.from_spec(s, 700e6)
    rng = np.random.default_rng(3)
    now = 0
    moved = {0: [0, 0], 1: [0, 0], 2: [0, 0]}
    for _ in range(300):
        tag, write = int(rng.integers(0, 3)), bool(rng.random() < 0.3)
        n = int(rng.integers(1, 5000))
        issued, done = m.transfer(now, int(rng.integers(0, 1 << 26)), n, write, tag=tag)
        assert issued >= now and done >= issued
        moved[tag][write] += n
        now += int(rng.integers(0, 200))
    st = m.stats()
    assert isinstance(st, DramStats)
    assert st.bytes_read == sum(v[0] for v in moved.values())
    assert st.bytes_written == sum(v[1] for v in moved.values())
    for tag, (r, w) in moved.items():
        assert (st.by_tag[tag].bytes_read, st.by_tag[tag].bytes_written) == (r, w)
    bursts = st.bursts_read + st.bursts_written
    assert st.row_hits + st.row_misses + st.row_conflicts == bursts
    assert st.activates == st.row_misses + st.row_conflicts
    assert bursts * s.burst_bytes >= st.bytes
    assert 0 < st.row_hit_rate < 1 and 0 < st.bandwidth_utilization < 1
    assert st.activate_energy_pj == pytest.approx(st.activates * s.activate_pj)
    assert st.read_energy_pj == pytest.approx(st.bursts_read * s.read_burst_pj)
    assert st.refresh_energy_pj == pytest.approx(st.refreshes * s.refresh_pj)
    assert st.background_energy_pj == pytest.approx(s.rank_background_mw * st.elapsed_cycles / 700e6 * 1e9)
    parts = (st.activate_energy_pj, st.read_energy_pj, st.write_energy_pj, st.refresh_energy_pj,
             st.background_energy_pj)
    assert st.energy_pj == pytest.approx(sum(parts))
    tag_sum = sum(t.energy_pj for t in st.by_tag.values())
    assert tag_sum + st.refresh_energy_pj + st.background_energy_pj == pytest.approx(st.energy_pj)
    for key in ("bursts_read", "bursts_written", "row_hits", "row_misses", "row_conflicts", "activates"):
        assert sum(getattr(t, key) for t in st.by_tag.values()) == getattr(st, key)


def test_model_is_deterministic():
    def once():
        m = DramModel.from_spec(DDR4, 1e9)
        out = [m.transfer(k * 50, (k * 7919) % 4096 * 64, 256, k % 3 == 0, tag=k % 2) for k in range(200)]
        return out, m.stats().energy_pj
    assert once() == once()
