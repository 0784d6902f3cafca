"""TPU v1 figures (docs/references.md) against the systolic family's ``tpu-v1`` preset.

Used by ``accelsim validate`` and ``tests/reference/``. A check computes its figure from the
preset and the simulator; nothing here is tuned to the figure it is compared with.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from accelsim.check import Check, sensitivity
from accelsim.families.systolic.lower import lower_network
from accelsim.families.systolic.sim import evaluate
from accelsim.registry import load_arch
from accelsim import schema
from accelsim.workload import load_model
from accelsim.workload.network import build_network, gemm_network
from accelsim.workload.zoo import models_dir


def _simulate(net, arch, batch: int, input_on_chip: bool = False):
    """Lower and run ``net`` at ``batch`` on ``arch``: the :class:`Result`."""
    return evaluate(lower_network(net, arch, batch, input_on_chip), arch)


def lstm1_tile_latency_s(array_side: int) -> float:
    """Seconds for LSTM1's 600x600 weight matrix at batch 96 on a ``side x side`` TPU v1 variant."""
    over = {"array.rows": array_side, "array.cols": array_side,
            "memory.filter.capacity": 4 * array_side * array_side}  # the FIFO stays four tiles deep
    arch = load_arch("tpu-v1", over)
    # the LSTM's input vector is produced on chip by the previous step, so only weights stream
    return _simulate(gemm_network("lstm1-600", 96, 600, 600), arch, 1, input_on_chip=True).latency_s


def tpu_checks() -> list[Check]:
    """TPU v1 (Jouppi et al., ISCA 2017): peak, the LSTM1 tile latency on two array sizes, the ridge, the six apps."""
    tpu = load_arch("tpu-v1")
    out = [Check("TPU v1 peak (8-bit)", 92.0, 2 * tpu.peak_macs_per_s / 1e12, 0.005, "TOPS",
                 "Jouppi et al. ISCA 2017, abstract and Table 2 (92 is 91.75 rounded)", kind="sanity", confidence="P")]
    out.append(Check("TPU v1 LSTM1 600x600 on 256x256 (9 tiles)", 18.0, lstm1_tile_latency_s(256) * 1e6, 0.10, "us",
                     "Jouppi et al. ISCA 2017, section 7", "weight-load bound; paper rounds to whole us",
                     confidence="P"))
    out.append(Check("TPU' LSTM1 600x600 on 512x512 (4 tiles)", 32.0, lstm1_tile_latency_s(512) * 1e6, 0.10, "us",
                     "Jouppi et al. ISCA 2017, section 7", "the bigger array is slower: padded 256 KiB tiles",
                     confidence="P"))
    ridge = tpu.peak_macs_per_s / tpu.dram.bandwidth_bytes_per_s
    out.append(Check("TPU v1 roofline ridge", 1350.0, ridge, 0.01, "MAC/weight byte",
                     "Jouppi et al. ISCA 2017, Figures 5-7 captions", kind="sanity", confidence="P"))
    apps = app_results()
    for app in apps:
        out.append(Check(f"TPU v1 {app.name} at batch {app.batch}", app.published_tops, app.tops, TOPS_TOLERANCE,
                         "TOPS", "Jouppi et al. ISCA 2017, Table 3 row 9 (production code)", app.note,
                         known=TOPS_KNOWN.get(app.name, ""), confidence="P",
                         assumptions=(("layer widths (Table 1 gives layer counts and weight totals only)",
                                       shape_sensitivity(app)),)))
    cnn0 = next(a for a in apps if a.name == "CNN0")
    out.append(Check("TPU v1 CNN0 busy power above idle", 40.0 - 28.0, cnn0.dynamic_power_w, 0.25, "W",
                     "Jouppi et al. ISCA 2017, Table 2 (28 W idle, 40 W busy per die) and section 6 (CNN0 at "
                     "100 % load, Fig. 10); derived: 40 - 28",
                     f"at the chip's node: the 45 nm table scaled to {tpu.energy.node_nm:g} nm "
                     f"(Stillmaker & Baas 2017); the 28 W idle is the preset's static power, so only the rest "
                     "is simulated (MACs, SRAM, vector unit, DDR3 timing model)", confidence="P"))
    out.extend(breakdown_checks(apps))
    return out


#: Table 3's measured TOPS and Table 1's batch sizes; the models are in models/tpu_*.yaml.
TPU_APPS = (("MLP0", "tpu_mlp0", 200, 12.3), ("MLP1", "tpu_mlp1", 168, 9.7), ("LSTM0", "tpu_lstm0", 64, 3.7),
            ("LSTM1", "tpu_lstm1", 96, 2.8), ("CNN0", "tpu_cnn0", 8, 86.0), ("CNN1", "tpu_cnn1", 32, 14.1))

#: Jouppi et al., ISCA 2017, Table 3 rows 1-8 (% of cycles, hardware counters), apps in TPU_APPS order.
#: Read from two independent transcriptions of the arXiv text (REFERENCES.md section 1.3, conf. P).
TABLE3 = {"active": (12.7, 10.6, 8.2, 10.5, 78.2, 46.2), "useful_macs": (12.5, 9.4, 8.2, 6.3, 78.2, 22.5),
          "unused_macs": (0.3, 1.2, 0.0, 4.2, 0.0, 23.7), "weight_stall": (53.9, 44.2, 58.1, 62.1, 0.0, 28.1),
          "weight_shift": (15.9, 13.4, 15.8, 17.1, 0.0, 7.0), "non_matrix": (17.5, 31.9, 17.9, 10.3, 21.8, 18.7),
          "raw_stall": (3.3, 8.4, 14.6, 10.6, 3.5, 22.8), "input_stall": (6.1, 8.8, 5.1, 2.4, 3.4, 0.6)}
ROW_LABELS = {"active": "array active", "useful_macs": "useful MACs", "unused_macs": "unused MACs",
              "weight_stall": "weight stall", "weight_shift": "weight shift", "non_matrix": "non-matrix",
              "raw_stall": "RAW stalls", "input_stall": "input stalls"}

#: The fidelity the model claims per row. The matrix rows (active, useful MACs, weight stall and
#: shift) follow from the tile-load time against the batch, which the model has from the preset:
#: +-25 % (the layer shapes are assumed). The idle-time rows depend on the assumed input and output
#: sizes, on the layer count and on synchronisation costs the paper does not publish: +-50 %.
ROW_TOLERANCE = {"active": 0.25, "useful_macs": 0.25, "weight_stall": 0.25, "weight_shift": 0.25,
                 "unused_macs": 0.5, "non_matrix": 0.5, "raw_stall": 0.5, "input_stall": 0.5}
TOPS_TOLERANCE = 0.25

_SHAPES = "layer shapes assumed (Table 1 gives counts and totals only)"
_SYNC = ("not modelled: the time dependent CISC instructions spend issuing and synchronising (section 2 gives a "
         "CPI of 10-20 and a 'delay slot' before reading the Unified Buffer, but no cycle counts). Would close: a "
         "per-instruction cost from a TPU v1 pipeline description")
_PAD = ("the assumed layer widths (MLP0 2000, MLP1 1118) set the padding of the last 256-wide tile. Would close: the real "
        "widths")
_MLP1_ROOF = ("Table 3's own rows put MLP1's matrix cycles (10.6 + 44.2 + 13.4 %) at ~1080 cycles per 168-row "
              "tile, less than the 1349 cycles a 64 KiB tile takes at 34 GB/s; the model follows the DRAM rate. Would "
              "close: the achieved Weight Memory rate, which no source gives")
_LSTM_RATE = ("Table 3's useful MACs x 92 TOPS is twice row 9 for both LSTMs, as for 8b x 16b operands at half "
              "speed (section 2), which would double the active cycles; the models use 8-bit activations "
              "because no source says which apps run 16-bit. Would close: a source "
              "giving the LSTMs' operand widths")
_LSTM_IO = ("the LSTM models are one step of assumed layers: the per-step inputs over PCIe and the step-to-step "
            "dependencies of the real recurrences are not in them. Would close: the LSTMs' "
            "real cell sizes and step count")
_CNN1 = ("CNN1's layers are assumed (72 3x3x128 convs on 23x23, FC 67712-1024-4096-3840-1000): the paper says "
         "only that some layers have shallow feature depths and that the 4 FC layers wait for weights ~35 % of "
         "the time. Would close: the real shapes")
_CNN0_TOPS = ("the paper's 86 TOPS (94 % of peak) is inconsistent with its own counters (78.2 % useful MACs = "
              "71.7 TOPS); the model also shifts a layer's first tile in only after the previous layer's "
              "activations (the chip preloads it) and re-fetches weights per 2048-row accumulator tile "
              "(2888 rows = 2048 + 840). Would close: in part, preloading the next tile across the RAW wait")
_LSTM1_TOPS = ("Table 3 puts LSTM1's matrix cycles at ~1830 per 96-row tile against 1349 for a 64 KiB tile at "
               "34 GB/s (a slower weight stream than the DDR3 rate) plus 10.3 % non-matrix time; the model "
               "streams at the DRAM timing model's rate; the real layer sizes (34M weights, the model has 13.3M). "
               "Would close: the real layer sizes and the achieved Weight Memory rate")
#: Known disagreements of the breakdown rows, by (app, row): the cause, and what would close it.
BREAKDOWN_KNOWN = {
    ("MLP0", "unused_macs"): _PAD, ("MLP0", "non_matrix"): _SYNC, ("MLP0", "raw_stall"): _SYNC,
    ("MLP1", "unused_macs"): _PAD, ("MLP1", "weight_stall"): _MLP1_ROOF, ("MLP1", "non_matrix"): _SYNC,
    ("MLP1", "raw_stall"): _SYNC,
    ("LSTM0", "active"): _LSTM_RATE, ("LSTM0", "useful_macs"): _LSTM_RATE, ("LSTM0", "weight_stall"): _LSTM_RATE,
    ("LSTM0", "non_matrix"): _SYNC, ("LSTM0", "raw_stall"): _LSTM_IO, ("LSTM0", "input_stall"): _LSTM_IO,
    ("LSTM1", "active"): _LSTM_RATE, ("LSTM1", "useful_macs"): _LSTM_RATE, ("LSTM1", "non_matrix"): _SYNC,
    ("LSTM1", "raw_stall"): _LSTM_IO, ("LSTM1", "input_stall"): _LSTM_IO,
    **{("CNN1", row): _CNN1 for row in ("active", "useful_macs", "unused_macs", "weight_stall", "weight_shift",
                                        "raw_stall", "input_stall")},
}
TOPS_KNOWN = {"LSTM1": _LSTM1_TOPS, "CNN0": _CNN0_TOPS,
              "CNN1": _CNN1 + "; by its counters (22.5 % useful MACs) CNN1 ran at 20.6 TOPS, not 14.1"}


def breakdown_checks(apps: tuple["AppResult", ...]) -> list[Check]:
    """Table 3 rows 1-8 per app against :func:`cycle_breakdown` of the simulated run.

    A published 0.0 % has no relative error; those (LSTM0 unused MACs, CNN0 weight stall, shift and
    unused MACs) are asserted as absolute bounds in ``tests/reference/test_tpu_v1.py`` instead.
    """
    out = []
    for i, app in enumerate(apps):
        for row, values in TABLE3.items():
            if values[i] == 0.0:
                continue
            out.append(Check(f"TPU v1 {app.name} {ROW_LABELS[row]}", values[i], 100 * app.breakdown[row],
                             ROW_TOLERANCE[row], "% cycles", "Jouppi et al. ISCA 2017, Table 3 (hardware counters)",
                             _SHAPES + "; RAW and input stalls are parts of non-matrix here, the chip's counters "
                             "overlap", known=BREAKDOWN_KNOWN.get((app.name, row), ""), confidence="P"))
    return out


#: apps beyond their 25 % (assumed layer shapes): cause, from Table 3's cycle breakdown, and what would close it
TPU_KNOWN = {
    "LSTM1": "Table 3 spends 10.6 % of LSTM1's cycles in RAW stalls and 10.3 % on non-matrix instructions, neither "
             "modelled, and its 37 FC shapes are assumed. Would close: RAW stalls between dependent matrix ops and "
             "vector-path instruction time (issue 24's Table 3 mechanisms)",
    "CNN1": "Table 3 measures 23.7 % unused MACs (shallow layers filling part of the array), 22.8 % RAW stalls and "
            "18.7 % non-matrix cycles; the model has no RAW or non-matrix time and CNN1's 89 layer shapes are "
            "assumed (Table 1 gives counts only). Would close: the Table 3 mechanisms (RAW stalls, vector-path "
            "time) and CNN1's real layer shapes, which no reference gives",
}


@dataclass(frozen=True)
class AppResult:
    """One TPU v1 app simulated at its batch: achieved TOPS, intensity, stall share and Table 3 breakdown."""

    name: str
    batch: int
    published_tops: float
    tops: float
    macs_per_weight_byte: float
    stall_fraction: float
    note: str
    breakdown: dict  # Table 3 row -> share of cycles (0..1), from cycle_breakdown
    dynamic_power_w: float  # average power above the static (idle) power over the run


#: how far the assumed layer widths are moved to measure an app's sensitivity to them
WIDTH_SCALES = (0.75, 1.25)


def scaled_app(model: str, scale: float):
    """The app ``model`` with every layer width (input features or channels, each layer's ``out``) times ``scale``."""
    raw = schema.read_yaml(models_dir() / f"{model}.yaml", "model")
    layers = [{**l, "out": max(1, round(l["out"] * scale))} if "out" in l else l for l in raw["layers"]]
    shape = [max(1, round(raw["input"][0] * scale))] + list(raw["input"][1:])
    return build_network(f"{raw['name']}-x{scale:g}", shape, layers, defaults=raw.get("defaults"))


def shape_sensitivity(app: "AppResult") -> str:
    """The app's TOPS re-simulated with its assumed layer widths scaled by :data:`WIDTH_SCALES`, as % changes."""
    model = next(m for name, m, _, _ in TPU_APPS if name == app.name)
    tpu = load_arch("tpu-v1")
    return "TOPS with every width (so Table 1's weight total no longer held) " + sensitivity(app.tops, [
        (f"x{s:g}", simulate_app(scaled_app(model, s), app.batch, tpu, breakdown=False)[0].gops / 1e3)
        for s in WIDTH_SCALES])


def simulate_app(model: str, batch: int, arch=None, breakdown: bool = True):
    """One app on ``arch`` (default tpu-v1), input and output over the host link: ``(Result, CycleBreakdown)``.

    ``breakdown`` False leaves the Table 3 breakdown out (``None``), for a run wanting only its Result.
    """
    from accelsim.families.systolic.breakdown import cycle_breakdown
    from accelsim.families.systolic.sim import account, conflict_cycles_per_op, run
    from accelsim.sim.dram_run import dram_for_run
    arch = arch or load_arch("tpu-v1")
    net = load_model(model) if isinstance(model, str) else model  # a Network: an app with scaled widths
    trace = lower_network(net, arch, batch, input_on_chip=False)
    dram = dram_for_run(arch.dram, arch.clock_hz)
    tl = run(trace, arch, dram)
    r = account(trace, arch, tl, dram if arch.dram.timing is not None else None)
    return r, cycle_breakdown(trace, arch, tl, conflict_cycles_per_op(trace)) if breakdown else None


@functools.lru_cache(maxsize=1)
def app_results() -> tuple[AppResult, ...]:
    """The six TPU v1 apps of the paper, each at its Table 1 batch, input and output over PCIe (cached: pure)."""
    tpu = load_arch("tpu-v1")
    out = []
    for name, model, batch, published in TPU_APPS:
        net = load_model(model)
        r, b = simulate_app(model, batch, tpu)
        note = (f"{_SHAPES}; the model has host input/output (PCIe), weight stall and shift, "
                f"activation and pooling on the vector unit and layer-to-layer (RAW) waits; {_SYNC}")
        out.append(AppResult(name, batch, published, r.gops / 1e3, net.macs * batch / net.weight_bytes,
                             r.stall_cycles / r.cycles, note, b.fractions(),
                             (r.total_energy_pj - r.energy_pj.get("static", 0.0)) * 1e-12 / r.latency_s))
    return tuple(out)
