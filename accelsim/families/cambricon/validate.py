"""DianNao and Cambricon figures (docs/references.md) against the presets and the core.

Most DianNao/Cambricon figures come from abstracts and secondary notes, so most checks here
are report-only: the number is printed beside the paper's with what differs and why.
"""

from __future__ import annotations

from accelsim.energy.scaling import scale_from_table
from accelsim.registry import load_arch
import dataclasses

from accelsim.check import Check, sensitivity

#: instructions a scalar load-store ISA (MIPS-like) executes per MAC in a conv/FC inner loop:
#: two loads, a multiply, an add, two pointer increments and the loop branch
SCALAR_INSNS_PER_MAC = 7
#: and per output value: load bias, compare for ReLU, store, outer-loop branch
SCALAR_INSNS_PER_OUTPUT = 4
#: static length of a scalar loop nest, the quantity code density compares: each loop costs an init, an
#: increment and a compare-and-branch (3); a conv or FC nest has 7 loops (batch, out channel, out row, out
#: column, in channel, kernel row, kernel column), the MAC body 6 (two loads, multiply, add, two address
#: steps) and the output 4 (bias, ReLU compare, store, address step); a pool nest has 6 loops, a body of
#: 3 (load, compare, select) and a store with its address step (2)
SCALAR_STATIC_MAC_LAYER = 7 * 3 + 6 + 4
SCALAR_STATIC_POOL_LAYER = 6 * 3 + 3 + 2


#: why the power figure misses its 25 %, and what would close it
DIANNAO_POWER_KNOWN = ("+70 %: SB reads (512 B a cycle at an assumed 4.8 pJ/B, Horowitz's 45 nm SRAM fit scaled to "
                       "65 nm, 1.0 V by Stillmaker & Baas 2017) are most of the energy, where the chip's wide, banked SB costs less a byte. Would close: a cited "
                       "65 nm energy per SB access (the paper's power breakdown, or a banked-SRAM model scaled by a "
                       "cited node rule: issue 24's technology scaling of energy)")


#: how far the assumed SB energy per byte is moved to measure the power figure's sensitivity to it
SB_SCALES = (0.75, 1.25)


def conv_power_mw(result, spec) -> float:
    """On-chip power of ``result``'s conv layers, mW: their energy without DRAM or static, over their cycles."""
    conv = [l for l in result.layers if l.op == "conv2d"]
    on_chip_pj = sum(sum(v for k, v in l.energy_pj.items() if k not in ("dram", "static")) for l in conv)
    return on_chip_pj * 1e-12 / (sum(l.cycles for l in conv) / spec.clock_hz) * 1e3


def _sb_scaled(spec, scale: float):
    sram = {**spec.energy.sram_pj_per_byte, "sb": spec.energy.sram_pj_per_byte["sb"] * scale}
    return dataclasses.replace(spec, energy=dataclasses.replace(spec.energy, sram_pj_per_byte=sram))


def diannao_peak_gops(spec=None) -> float:
    """NFU-1 multiplies plus NFU-2 adds per cycle (256 + 240 = 496 for Tn = 16) times the clock, GOP/s."""
    spec = spec or load_arch("diannao")
    r, c = spec.matrix.rows, spec.matrix.cols
    return (r * c + r * (c - 1)) * spec.clock_hz / 1e9


def synapse_bandwidth_gib_s(spec=None) -> float:
    """DRAM bandwidth to stream one synapse per multiplier per cycle (GiB/s): the classifier's need."""
    spec = spec or load_arch("diannao")
    return spec.pe_count * spec.word_bytes * spec.clock_hz / 2**30


def scalar_instructions(net) -> int:
    """Dynamic instructions a scalar ISA needs for the MAC layers of ``net`` (see the constants)."""
    return sum(SCALAR_INSNS_PER_MAC * l.macs + SCALAR_INSNS_PER_OUTPUT * _outputs(l)
               for l in net.layers if l.op in ("conv2d", "linear"))


def scalar_static_instructions(net) -> int:
    """Static instructions of a scalar loop-nest program for ``net``'s MAC and pooling layers (see the constants)."""
    return sum(SCALAR_STATIC_MAC_LAYER if l.op in ("conv2d", "linear") else SCALAR_STATIC_POOL_LAYER
               for l in net.layers if l.op in ("conv2d", "linear", "maxpool", "avgpool"))


def _outputs(layer) -> int:
    n = 1
    for d in layer.out_shape:
        n *= d
    return n


def cambricon_checks() -> list[Check]:
    """DianNao peak, weight bandwidth, power; classifier boundedness; Cambricon overhead and code density."""
    from accelsim.families.cambricon.run import run_cambricon, run_cambricon_control, run_cambricon_energies
    from accelsim.workload import load_model
    dn = load_arch("diannao")
    out = [Check("DianNao peak (NFU-1 + NFU-2 ops x clock)", 452.0, diannao_peak_gops(dn), None, "GOP/s",
                 "Chen et al. ASPLOS 2014 (abstract); 496 ops/cycle from a secondary note (docs/references.md)",
                 "unconfirmed source: 496 ops a cycle comes from a secondary note, and REFERENCES.md leaves 452 vs "
                 "496 x 0.98 GHz = 486 GOP/s unresolved (452 is 496 ops per 1.097 ns); the paper's text was not "
                 "available to say which clock or op count the 452 uses, so this is reported, not asserted",
                 kind="sanity", confidence="S"),
           Check("DianNao synapse bandwidth for full NFU rate", 467.3, synapse_bandwidth_gib_s(dn), 0.005, "GiB/s",
                 "Chen et al. MICRO 2014 (DaDianNao) quoting DianNao (docs/references.md)",
                 "256 x 2 B x 0.98 GHz = 501.8 GB/s = 467.3 GiB/s", kind="sanity", confidence="S")]
    alex = load_model("alexnet")
    # the SB sweep moves only the energy table: one core run, priced at the preset's table and each scaled one
    run, *scaled = run_cambricon_energies(alex, dn, (dn.energy,) + tuple(_sb_scaled(dn, s).energy for s in SB_SCALES))
    fc = [b for l, b in zip(run.result.layers, run.bound) if l.op == "linear"]
    out.append(Check("DianNao AlexNet classifier layers memory-bound (fraction)", 1.0, fc.count("memory") / len(fc), 0.0,
                     "", "Chen et al. ASPLOS 2014 section 3 (classifier layers bound by synapse bandwidth)", confidence="S"))
    power_mw = conv_power_mw(run.result, dn)
    sb_pj = dn.energy.sram_pj_per_byte["sb"] * scale_from_table(dn.energy.node_nm, dn.energy.vdd_v)
    swept = [(f"x{s:g}", conv_power_mw(r.result, dn)) for s, r in zip(SB_SCALES, scaled)]
    out.append(Check("DianNao on-chip power, AlexNet conv layers", 485.0, power_mw, 0.25,
                     "mW", "Chen et al. ASPLOS 2014 (abstract), after layout at 65 nm",
                     "dynamic energy from Horowitz's 45 nm figures scaled to 65 nm, 1.0 V by Stillmaker & Baas 2017 "
                     "(x1.906; the supply an assumption), no leakage or clock tree; 25 %: a generic energy table, not the chip's", known=DIANNAO_POWER_KNOWN, confidence="A",
                     assumptions=((f"SB energy {sb_pj:g} pJ/B (Horowitz 45 nm SRAM fit, scaled to 65 nm)",
                                   "power with SB pJ/B " + sensitivity(power_mw, swept)),)))
    camb = load_arch("cambricon")
    conv_net = alex.with_layers(tuple(l for l in alex.layers[:8]), name="alexnet-conv")
    isa, fixed = (r.result.cycles for r in run_cambricon_control(conv_net, camb))
    out.append(Check("Cambricon ISA overhead vs fixed-function control, AlexNet CONV1-5", 4.5,
                     100 * (isa / fixed - 1), None, "% latency",
                     "Liu et al. ISCA 2016 (reading notes): 4.5 % latency vs DaDianNao",
                     "same core with scalar/control instructions free (a hard-wired sequencer); DaDianNao itself "
                     "is a different, eDRAM-based machine. Unconfirmed source: the 4.5 % is from reading notes (REFERENCES.md "
                     "conf. S), not the paper's text", confidence="S"))
    lenet = load_model("lenet5")
    static = run_cambricon(lenet, camb).static_insns
    scalar = scalar_static_instructions(lenet)
    out.append(Check("Cambricon vs scalar ISA, static code length for LeNet-5", 13.38, scalar / static, None,
                     "x", "Liu et al. ISCA 2016 (reading notes): code density 13.38x vs MIPS, over ten benchmarks",
                     f"both sides count static instructions: a MIPS-like loop nest, {scalar} instructions, against "
                     f"accelsim's Cambricon program, {static}. accelsim's compiler unrolls every scratchpad tile "
                     "into its own instructions where the paper's code loops over tiles, so its programs are "
                     "longer than a scalar loop nest, not shorter: a known gap of the compiler, not of the ISA. Unconfirmed "
                     "source: the 13.38x is from reading notes (REFERENCES.md conf. S), over benchmarks not named",
                     confidence="S"))
    return out
