"""Run SCALE-Sim 3.0.0 on ``topology.csv`` under each USER-mode config below; write ``goldens.csv``.

Not part of the test suite and not importing accelsim: run it with a venv holding PyPI
``scalesim==3.0.0`` (see README.md). Each config is written here as a ``.cfg`` (kept beside
the goldens so the test reads the very same files) and run once per dataflow.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATAFLOWS = ("os", "ws", "is")
# name: (rows, cols, SRAM KiB for each of ifmap/filter/ofmap, Bandwidth (OFMAP write words/cycle),
#        IfmapSRAMBankBandwidth = FilterSRAMBankBandwidth (IFMAP/filter read words/cycle))
CONFIGS = {
    "a8_k1": (8, 8, 1, 10, 10),
    "a8_k2": (8, 8, 2, 10, 10),
    "a8_k4": (8, 8, 4, 10, 10),
    "a8_k8": (8, 8, 8, 10, 10),
    "a8_k16": (8, 8, 16, 10, 10),
    "a16_k4_bw4": (16, 16, 4, 4, 8),
}


def cfg_text(name: str, rows: int, cols: int, kib: int, bw: int, read_bw: int, dataflow: str) -> str:
    """A SCALE-Sim 3.0.0 cfg (every option its read_conf_file requires), custom layouts off."""
    return f"""[general]
run_name = {name}_{dataflow}

[architecture_presets]
ArrayHeight: {rows}
ArrayWidth: {cols}
IfmapSramSzkB: {kib}
FilterSramSzkB: {kib}
OfmapSramSzkB: {kib}
IfmapOffset: 0
FilterOffset: 10000000
OfmapOffset: 20000000
Bandwidth: {bw}
Dataflow: {dataflow}
ReadRequestBuffer: 32
WriteRequestBuffer: 32

[layout]
IfmapCustomLayout: False
IfmapSRAMBankBandwidth: {read_bw}
IfmapSRAMBankNum: 1
IfmapSRAMBankPort: 2
FilterCustomLayout: False
FilterSRAMBankBandwidth: {read_bw}
FilterSRAMBankNum: 1
FilterSRAMBankPort: 2

[sparsity]
SparsitySupport: false
SparseRep: ellpack_block
OptimizedMapping: false
BlockSize: 8
RandomNumberGeneratorSeed: 40

[run_presets]
InterfaceBandwidth: USER
UseRamulatorTrace: False
"""


def main() -> None:
    from scalesim.scale_sim import scalesim
    out_rows = []
    with tempfile.TemporaryDirectory() as tmp:
        layout = Path(tmp) / "layout.csv"   # read by 3.0.0 even with custom layouts off; header only
        layout.write_text("Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, "
                          "Num Filter, Strides,\n")
        for name, (rows, cols, kib, bw, read_bw) in CONFIGS.items():
            for df in DATAFLOWS:
                cfg = HERE / "cfgs" / f"{name}_{df}.cfg"
                cfg.parent.mkdir(exist_ok=True)
                cfg.write_text(cfg_text(name, rows, cols, kib, bw, read_bw, df))
                sim = scalesim(save_disk_space=True, verbose=False, config=str(cfg),
                               topology=str(HERE / "topology.csv"), layout=str(layout), input_type_gemm=False)
                sim.run_scale(top_path=tmp)
                with open(Path(tmp) / f"{name}_{df}" / "COMPUTE_REPORT.csv") as f:
                    for r in csv.DictReader(f, skipinitialspace=True):
                        r = {k.strip(): v.strip() for k, v in r.items() if k}
                        out_rows.append({"config": name, "dataflow": df, "layer": r["LayerID"],
                                         "total_cycles_incl_prefetch": r["Total Cycles (incl. prefetch)"],
                                         "total_cycles": r["Total Cycles"], "stall_cycles": r["Stall Cycles"]})
                print(name, df, "done", file=sys.stderr)
    import numpy
    with open(HERE / "goldens.csv", "w", newline="") as f:
        f.write(f"# SCALE-Sim {version('scalesim')} (PyPI scalesim, numpy {numpy.__version__}, Python "
                f"{sys.version.split()[0]}), COMPUTE_REPORT.csv per layer; command: python make_goldens.py\n")
        w = csv.DictWriter(f, fieldnames=list(out_rows[0]))
        w.writeheader()
        w.writerows(out_rows)


if __name__ == "__main__":
    main()
