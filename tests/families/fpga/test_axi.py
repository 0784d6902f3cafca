"""The design's AXI ports to DDR (accelsim.families.fpga.axi): a transfer moves at the slower of port and DDR."""

from __future__ import annotations

import pytest

from accelsim.errors import AccelsimError
from accelsim.families.fpga.axi import AxiPorts, PortLimitedDram
from accelsim.registry import load_arch
from accelsim.sim.dram import BandwidthChannel, SimpleDram


def _port(bpc_ddr: float, width: int = 64, count: int = 1) -> PortLimitedDram:
    return PortLimitedDram(BandwidthChannel(SimpleDram(bpc_ddr, 0)), AxiPorts(width, count))


def test_a_fast_ddr_waits_for_the_port():
    d = _port(28.0)  # 4.2 GB/s at 150 MHz
    assert d.transfer(0, 0, 8000, False) == (1000, 1000)  # 8 B per cycle on one 64-bit port
    assert d.transfer(0, 0, 8000, False) == (2000, 2000)  # the read channel is busy until 1000


def test_read_and_write_channels_are_separate():
    d = _port(1000.0)
    d.transfer(0, 0, 8000, False)
    assert d.transfer(0, 0, 8000, True) == (1000, 1000)


def test_more_or_wider_ports_go_faster_until_the_ddr_binds():
    assert _port(1000.0, 64, 2).transfer(0, 0, 8000, False)[1] == 500
    assert _port(1000.0, 128, 1).transfer(0, 0, 8000, False)[1] == 500
    assert _port(4.0, 128, 4).transfer(0, 0, 8000, False)[1] == 2000  # a 4 B/cycle DDR binds


def test_qiu16_fc_layers_are_port_bound():
    from accelsim.compress import apply_passes
    from accelsim.families.fpga.lower import lower_network
    from accelsim.families.fpga.sim import evaluate_trace
    from accelsim.workload import load_model
    net, _, _ = apply_passes(load_model("vgg16"), None, ("svd:r500@fc6",), seed=0)
    fc = [l for l in net.layers if l.op == "linear"][-2:]  # fc7, fc8: one weight stream each
    small = net.with_layers(tuple(l.with_(inputs=()) if i == 0 else l for i, l in enumerate(fc)), name="fc")
    spec = load_arch("qiu16-zc706")
    assert spec.axi is not None and spec.stream_bytes_per_s == pytest.approx(1.2e9)
    ported = evaluate_trace(lower_network(small, spec, 1)[0], spec)
    free = load_arch("qiu16-zc706", {"axi": None})
    peak = evaluate_trace(lower_network(small, free, 1)[0], free)
    weights = sum(l.weight_count for l in fc) * 2  # 16-bit
    assert ported.cycles >= weights / 8  # no faster than 8 B per fabric cycle
    assert ported.cycles < 1.1 * weights / 8
    assert peak.cycles < 0.35 * ported.cycles  # 4.2 vs 1.2 GB/s


def _evaluate_keeping_dram(monkeypatch, trace, spec):
    """``(Result, the run's PortLimitedDram)`` of evaluating ``trace`` on ``spec``."""
    from accelsim.families.fpga import sim
    made = []
    real = sim.dram_model
    monkeypatch.setattr(sim, "dram_model", lambda s: made.append(real(s)) or made[-1])
    result = sim.evaluate_trace(trace, spec)
    return result, made[0]


@pytest.mark.parametrize("model", ["vgg16", "alexnet", "resnet18"])
def test_qiu16_compiled_ports_equal_python_ports(monkeypatch, model):
    # the engine runs the AXI ports inside its compiled DRAM loop; the Python loop around
    # PortLimitedDram.transfer (the reference) gives the same result field for field
    from accelsim.api import lower
    from accelsim.kernels import event_loop as ev
    from accelsim.report import to_json
    spec = load_arch("qiu16-zc706")
    trace = lower(model, spec, 1)
    with monkeypatch.context() as m:
        m.delattr(PortLimitedDram, "port_args")  # the engine no longer sees the ports: the Python loop
        calls = []
        m.setattr(ev, "event_loop_py", lambda *a, real=ev.event_loop_py: calls.append(1) or real(*a))
        ref, d_ref = _evaluate_keeping_dram(m, trace, spec)
        assert calls
    with monkeypatch.context() as m:
        m.setattr(ev, "event_loop_py", None)  # the Python loop would now fail
        fast, d_fast = _evaluate_keeping_dram(m, trace, spec)
    assert fast == ref
    assert to_json(fast) == to_json(ref)
    assert d_fast.port_bound_transfers == d_ref.port_bound_transfers > 0
    assert d_fast._free == d_ref._free
    assert d_fast.inner.stats(fast.cycles) == d_ref.inner.stats(ref.cycles)


@pytest.mark.parametrize("axi,field", [({"width_bits": 48, "ports": 1}, "axi.width_bits"),
                                       ({"width_bits": 64, "ports": 0}, "axi.ports"),
                                       ({"width_bits": 64, "ports": 1, "burst_beats": 512}, "axi.burst_beats"),
                                       ({"width_bits": 64}, "axi")])
def test_bad_axi_block_is_one_line_error(axi, field):
    with pytest.raises(AccelsimError) as e:
        load_arch("qiu16-zc706", {"axi": axi})
    assert field in str(e.value)
