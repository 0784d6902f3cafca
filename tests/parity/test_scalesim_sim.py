"""The simulator in ``--compat scalesim`` mode against SCALE-Sim 3.0.0's own per-layer counts.

``test_scalesim_formula.py`` holds the closed form to the goldens; this runs the whole path a
user runs (topology CSV -> network -> compat lowering -> trace -> SimPy engine -> Result) and
holds each layer's ``compute_cycles`` to SCALE-Sim's Total Cycles minus Stall Cycles and its
``stall_cycles`` to SCALE-Sim's Stall Cycles (the SRAM refill replay of
``families/systolic/scalesim_memory.py``, under each golden's own memory config). Every
(topology, config, dataflow) group of the goldens becomes a SCALE-Sim-format topology file
written here from the goldens' own layer dimensions, so the test needs no SCALE-Sim file.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from accelsim.api import simulate
from accelsim.registry import arch_from_dict
from accelsim.families.systolic.scalesim_cfg import load_scalesim_cfg
from accelsim.workload.scalesim_csv import load_scalesim_csv

GOLDENS = Path(__file__).resolve().parent / "scalesim_goldens.csv"
GEOMETRY = ("ifmap_h", "ifmap_w", "filt_h", "filt_w", "channels", "num_filters", "stride")


def _groups() -> dict[tuple[str, str, str], list[dict]]:
    with open(GOLDENS) as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    groups = defaultdict(list)
    for r in rows:
        groups[r["topology"], r["config"], r["dataflow"]].append(r)
    return dict(sorted(groups.items()))


GROUPS = _groups()


ROOT = Path(__file__).resolve().parents[2]
#: the goldens' configs: SCALE-Sim's own (accelsim's copies in models/scalesim have the same array,
#: SRAM sizes, Bandwidth and InterfaceBandwidth as upstream's at the goldens' commit) and the starved one here
CONFIGS = {"scale.cfg": ROOT / "models" / "scalesim" / "scale.cfg", "eyeriss.cfg": ROOT / "models" / "scalesim" /
           "eyeriss.cfg", "google.cfg": ROOT / "models" / "scalesim" / "google.cfg",
           "scale_user_lowbw.cfg": Path(__file__).resolve().parent / "scale_user_lowbw.cfg"}


def _cfg_text(config: str, dataflow: str) -> str:
    return re.sub(r"(?im)^Dataflow\s*:.*$", f"Dataflow: {dataflow}", CONFIGS[config].read_text())


def _topology_text(rows: list[dict]) -> str:
    # layer names are replaced: SCALE-Sim's parse is in the dimensions, and a name holding "DP"
    # would make a row depthwise
    lines = ["Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,"]
    lines += [f"L{r['layer']}, " + ", ".join(r[k] for k in GEOMETRY) + "," for r in rows]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("key", list(GROUPS), ids=["-".join(k) for k in GROUPS])
def test_simulator_compute_cycles_equal_scalesims(key, tmp_path):
    rows = GROUPS[key]
    r0 = rows[0]
    cfg = tmp_path / "a.cfg"
    cfg.write_text(_cfg_text(r0["config"], r0["dataflow"]))
    topo = tmp_path / "t.csv"
    topo.write_text(_topology_text(rows))
    spec = load_scalesim_cfg(cfg)
    arch = arch_from_dict({**spec, "array": {**spec["array"], "compat": "scalesim"}}, file="a.cfg")
    result = simulate(load_scalesim_csv(topo), arch)
    assert (spec["array"]["rows"], spec["array"]["cols"]) == (int(r0["rows"]), int(r0["cols"]))
    got = {l.name: (l.compute_cycles, l.stall_cycles) for l in result.layers}
    wrong = []
    for r in rows:
        mine = got["L" + r["layer"]]
        if mine != (int(r["compute_cycles"]), int(r["stall_cycles"])):
            wrong.append(f"layer {r['layer']} {r['layer_name']}: SCALE-Sim compute, stall "
                         f"{r['compute_cycles']}, {r['stall_cycles']}; accelsim {mine}")
    assert not wrong, f"{key}: " + "; ".join(wrong[:10])
