"""EIE figures (Han et al., ISCA 2016) against the ``eie`` preset.

The abstract gives three numbers: 102 GOP/s working on the compressed network (about 3 TOP/s
dense-equivalent), the FC layers of AlexNet at 1.88 x 10^4 frames/s, and about 600 mW. Table IV
gives EIE's time per layer; its AlexNet row (FC6/FC7/FC8: 30.3, 12.2 and 9.9 us measured, 28.1,
11.7 and 8.9 us theoretical) was read from a Tabula extraction of the paper's tables (Sampson's
FODLAM, github.com/cucapra/fodlam, ``raw/eie-raw.csv`` and ``data/eie-layers.csv``), not from the
PDF; the three sum to 52.4 us, 1.91 x 10^4 frames/s, which agrees with the abstract. Times depend on
how sparse the weights and activations are; the densities below are the paper's per-layer
figures for its AlexNet benchmarks (Table III) as recalled: no text of Table III could be found to
confirm them, so the checks are held to 25 % and name their inputs. For the same reason the
VGG-16 and NeuralTalk rows of Table IV (whose times the extraction does give) are not checked:
their densities and, for NeuralTalk, the layer sizes are unconfirmed.
"""

from __future__ import annotations

from accelsim.check import Check
from accelsim.families.eie.lower import lower_network
from accelsim.families.eie.sim import evaluate
from accelsim.registry import load_arch
from accelsim.workload import load_model

#: layer: (weight density, input activation density), EIE Table III (Alex-6, Alex-7, Alex-8); as recalled, see above
ALEXNET_FC_DENSITY = {"fc6": (0.09, 0.351), "fc7": (0.09, 0.353), "fc8": (0.25, 0.375)}
#: layer: EIE's measured time (us), Table IV (AlexNet FC6, FC7, FC8), from the extraction named above
ALEXNET_FC_TIME_US = {"fc6": 30.3, "fc7": 12.2, "fc8": 9.9}
SRC = "Han et al., ISCA 2016 (abstract)"
#: why the dense-equivalent figure misses, and what would close it
DENSE_KNOWN = ("the abstract's 3 TOP/s is over its nine benchmarks (AlexNet, VGG-16 and NeuralTalk layers with their "
               "own densities); this row is AlexNet FC alone at recalled densities. Would close: the nine benchmarks "
               "run at the densities of the paper's Table III, read from its text")
SRC_T4 = "Han et al., ISCA 2016, Table IV (via cucapra/fodlam's extraction)"
DENSITY_NOTE = ("densities per layer from Table III as recalled, not confirmed against its text (weights 9/9/25 %, "
                "activations 35.1/35.3/37.5 %), patterns drawn")


def alexnet_fc_run():
    """AlexNet's FC layers at batch 1 on the ``eie`` preset with the densities above (patterns drawn, seeded)."""
    spec = load_arch("eie")
    net = load_model("alexnet_fc")
    net = net.with_layers(tuple(l.with_(weight_density=ALEXNET_FC_DENSITY[l.name][0],
                                        act_density=ALEXNET_FC_DENSITY[l.name][1]) for l in net.layers))
    trace, report = lower_network(net, spec, 1)
    return evaluate(trace, spec), net, report


def eie_checks() -> list[Check]:
    """Peak, AlexNet FC frame rate and per-layer times, dense-equivalent throughput and power."""
    spec = load_arch("eie")
    r, net, _ = alexnet_fc_run()
    dense_ops = 2 * net.macs / r.latency_s
    watts = r.total_energy_pj * 1e-12 / r.latency_s
    per_layer = [Check(f"EIE AlexNet {name.upper()} time", us, layer.cycles / spec.clock_hz * 1e6, 0.25, "us",
                       SRC_T4, "EIE's measured (not theoretical) time. " + DENSITY_NOTE, confidence="S")
                 for name, us in ALEXNET_FC_TIME_US.items() for layer in r.layers if layer.name == name]
    return [Check("EIE peak on the compressed network", 102.0, 2 * spec.peak_macs_per_s / 1e9, 0.005, "GOP/s", SRC,
                  "64 PEs x 800 MHz x 2 ops", kind="sanity", confidence="A"),
            Check("EIE AlexNet FC layers frame rate", 1.88e4, 1 / r.latency_s, 0.25, "frames/s", SRC,
                  DENSITY_NOTE + "; Table IV's per-layer times (52.4 us in all) agree with the abstract's rate; "
                  "25 %: the densities are assumed", confidence="A"),
            *per_layer,
            Check("EIE AlexNet FC dense-equivalent throughput", 3000.0, dense_ops / 1e9, 0.25, "GOP/s", SRC,
                  DENSITY_NOTE, known=DENSE_KNOWN, confidence="A"),
            Check("EIE power, AlexNet FC", 600.0, watts * 1e3, 0.25, "mW", SRC,
                  "45 nm Horowitz table at the PE's SRAM sizes (the chip is 45 nm too); no leakage, clock tree or "
                  "LNZD tree, which the chip's 600 mW includes; 25 %: a generic energy table", confidence="A")]
