"""Regenerate scalesim_traces.tgz: SCALE-Sim 3.0.0's SRAM traces of tiny_topology.csv on a 4x3 array.

Run with SCALE-Sim's own environment, from this folder (SCALE-Sim needs numpy<2.4)::

    /tmp/scalesim-venv/bin/python make_goldens.py LAYOUT_CSV
    tar czf scalesim_traces.tgz out_*/tiny_*/layer*/*SRAM_TRACE.csv out_*/tiny_*/COMPUTE_REPORT.csv

``LAYOUT_CSV`` is SCALE-Sim's ``layouts/conv_nets/test.csv`` (3.0.0 reads one even with custom
layouts off). The configs are tiny_ws.cfg with ``Dataflow`` set to ws, os and is (CALC mode, 64
kB SRAMs: SCALE-Sim never stalls, so its trace cycles are the stall-free ones).
"""

import sys
from pathlib import Path

from scalesim.scale_sim import scalesim

for df in ("ws", "os", "is"):
    cfg = Path(f"cfg_{df}.cfg")
    cfg.write_text(Path("tiny_ws.cfg").read_text().replace("Dataflow: ws", f"Dataflow: {df}")
                   .replace("run_name = tiny_ws", f"run_name = tiny_{df}"))
    s = scalesim(save_disk_space=False, verbose=False, config=str(cfg), topology="tiny_topology.csv",
                 layout=sys.argv[1], input_type_gemm=False)
    s.run_scale(top_path=f"out_{df}")
