"""SCALE-Sim ``.cfg`` files as accelsim arch dicts.

SCALE-Sim (3.0.0, PyPI ``scalesim``; ``scalesim/scale_config.py``, ``read_conf_file``) reads an
INI file with Python's ``configparser``; option names are case-insensitive. The sections and
options it reads::

    [general]              run_name
    [architecture_presets] ArrayHeight, ArrayWidth        PE rows and columns
                           IfmapSramSzkB, FilterSramSzkB, OfmapSramSzkB
                                                          SRAM sizes, 1 kB = 1024 words of 1 byte
                                                          (single_layer_sim.py multiplies by 1024;
                                                          word_size is fixed at 1 byte)
                           IfmapOffset, FilterOffset, OfmapOffset
                                                          address offsets in the traces
                           Dataflow                       os, ws or is
                           Bandwidth                      words per cycle; read only in USER mode
                           ReadRequestBuffer, WriteRequestBuffer
    [run_presets]          InterfaceBandwidth             USER (Bandwidth is the DRAM limit) or
                                                          CALC (no limit: SCALE-Sim reports the
                                                          bandwidth a stall-free run needs)
                           UseRamulatorTrace              DRAM latencies from Ramulator files
    [layout]               IfmapCustomLayout, FilterCustomLayout, {Ifmap,Filter}SRAMBank{Bandwidth,Num,Port}
    [sparsity]             SparsitySupport, SparseRep, OptimizedMapping, BlockSize, RandomNumberGeneratorSeed

3.0.0 requires every one of these except Bandwidth, so some configs it ships (``eyeriss.cfg``
has no ``[layout]``; ``rebuttal_test_*.cfg`` no ``UseRamulatorTrace``) do not load in it; here
only the options that describe the hardware are required, the rest are checked when present.
Options its shipped configs carry that it never reads (``MemoryBanks``, ``OnChipMemoryBanks``,
``OnChipMemoryBankPorts``, ``[network_presets] TopologyCsvLoc``) are accepted and ignored; any
other option is an error.

Conversions, and what SCALE-Sim does not say:

* clock: SCALE-Sim counts cycles and has no clock; accelsim assumes **1 GHz**.
* SRAM: ``XSramSzkB`` KB -> ``X * 1024`` bytes; SCALE-Sim double-buffers each SRAM (half
  active, half filling). Port widths are the words SCALE-Sim's demand matrices ask per cycle
  (1 byte each): ifmap ``rows`` (``cols`` under IS), filter ``cols`` (``rows`` under IS),
  ofmap ``cols``.
* DRAM: ``Bandwidth`` words/cycle x 1 byte x 1 GHz. In USER mode SCALE-Sim limits only the
  OFMAP write-back by ``Bandwidth`` (the first value of a list); its IFMAP and filter reads are
  limited by ``[layout] IfmapSRAMBankBandwidth`` / ``FilterSRAMBankBandwidth`` (default 10)
  instead, a quirk of ``single_layer_sim.py``. The three go to ``array.scalesim_refill_words``,
  which turns on the SRAM refill replay under ``--compat scalesim``
  (:mod:`.scalesim_memory`); in CALC mode its reads never stall (``0``) and the ofmap drains
  at ``ArrayWidth`` words per cycle. In CALC mode SCALE-Sim never stalls on DRAM;
  accelsim has no unlimited DRAM, so it uses ``Bandwidth`` when the file gives one and
  otherwise ``rows + 2 * cols`` words/cycle (every array edge fed every cycle). The dict's
  ``notes`` say which.
* Sparsity (``SparsitySupport = true``) changes SCALE-Sim's fold shapes and is refused.
"""

from __future__ import annotations

import configparser
from pathlib import Path
from typing import Any

from accelsim.errors import AccelsimError
from accelsim.host import check_input_size

CLOCK_HZ = 1e9   # assumed: SCALE-Sim has no clock
WORD_BYTES = 1   # SCALE-Sim's word size (single_layer_sim.py)
DATAFLOWS = ("os", "ws", "is")
BOOLS = ("true", "false")

# section -> {option as SCALE-Sim spells it: kind}; the required ones are listed in REQUIRED
_INT, _BOOL, _TEXT = "int", "bool", "text"
OPTIONS = {
    "general": {"run_name": _TEXT},
    "architecture_presets": {
        "ArrayHeight": _INT, "ArrayWidth": _INT, "IfmapSramSzkB": _INT, "FilterSramSzkB": _INT,
        "OfmapSramSzkB": _INT, "IfmapOffset": _INT, "FilterOffset": _INT, "OfmapOffset": _INT,
        "Dataflow": _TEXT, "Bandwidth": _TEXT, "ReadRequestBuffer": _INT, "WriteRequestBuffer": _INT,
        # in shipped configs, never read by SCALE-Sim 3.0.0
        "MemoryBanks": _INT, "OnChipMemoryBanks": _INT, "OnChipMemoryBankPorts": _INT},
    "run_presets": {"InterfaceBandwidth": _TEXT, "UseRamulatorTrace": _BOOL},
    "layout": {"IfmapCustomLayout": _BOOL, "FilterCustomLayout": _BOOL,
               "IfmapSRAMBankBandwidth": _INT, "IfmapSRAMBankNum": _INT, "IfmapSRAMBankPort": _INT,
               "FilterSRAMBankBandwidth": _INT, "FilterSRAMBankNum": _INT, "FilterSRAMBankPort": _INT},
    "sparsity": {"SparsitySupport": _BOOL, "SparseRep": _TEXT, "OptimizedMapping": _BOOL,
                 "BlockSize": _INT, "RandomNumberGeneratorSeed": _INT},
    "network_presets": {"TopologyCsvLoc": _TEXT},
}
REQUIRED = {
    "general": ("run_name",),
    "architecture_presets": ("ArrayHeight", "ArrayWidth", "IfmapSramSzkB", "FilterSramSzkB",
                             "OfmapSramSzkB", "Dataflow"),
    "run_presets": ("InterfaceBandwidth",),
}
_MINIMUM = {"IfmapOffset": 0, "FilterOffset": 0, "OfmapOffset": 0, "RandomNumberGeneratorSeed": 0}


def parse_scalesim_cfg(path: str | Path) -> dict[str, dict[str, Any]]:
    """The cfg's values, typed and checked: ``{section: {Option: value}}`` in SCALE-Sim's spelling.

    Integers become ``int`` (>= 1, offsets and seed >= 0), booleans ``bool``; ``Bandwidth``
    becomes a list of ints; ``Dataflow`` and ``InterfaceBandwidth`` are checked against their
    choices. Raises :class:`AccelsimError` naming the file and ``section.Option``.
    """
    path = Path(path)
    label = path.name
    cp = configparser.ConfigParser(interpolation=None)
    check_input_size(path, "SCALE-Sim config", 2**20)  # a .cfg is a few hundred bytes
    try:
        with open(path, encoding="utf-8-sig") as f:
            cp.read_file(f)
    except OSError as e:
        raise AccelsimError(f"cannot read SCALE-Sim config: {e.strerror}", file=str(path)) from None
    except UnicodeDecodeError:
        raise AccelsimError("not a text file; expected a SCALE-Sim .cfg", file=label) from None
    except configparser.Error as e:
        first = str(e).splitlines()[0]
        raise AccelsimError(f"not a SCALE-Sim .cfg (INI) file: {first}", file=label) from None

    out: dict[str, dict[str, Any]] = {}
    for section in cp.sections():
        if section not in OPTIONS:
            raise AccelsimError(f"unknown section; allowed: {', '.join(OPTIONS)}", file=label, field=section)
        spelling = {k.lower(): k for k in OPTIONS[section]}
        values = out.setdefault(section, {})
        for key, text in cp.items(section):
            if key not in spelling:
                raise AccelsimError(f"unknown option; allowed: {', '.join(OPTIONS[section])}",
                                    file=label, field=f"{section}.{key}")
            name = spelling[key]
            values[name] = _typed(text.strip(), OPTIONS[section][name], name, label, f"{section}.{name}")
    for section, names in REQUIRED.items():
        for name in names:
            if name not in out.get(section, {}):
                raise AccelsimError("missing required option", file=label, field=f"{section}.{name}")

    arch = out["architecture_presets"]
    arch["Dataflow"] = arch["Dataflow"].lower()
    if arch["Dataflow"] not in DATAFLOWS:
        raise AccelsimError(f"must be one of {', '.join(DATAFLOWS)}, got {arch['Dataflow']!r}",
                            file=label, field="architecture_presets.Dataflow")
    mode = out["run_presets"]["InterfaceBandwidth"].upper()
    if mode not in ("USER", "CALC"):
        raise AccelsimError(f"must be USER or CALC, got {mode!r}", file=label,
                            field="run_presets.InterfaceBandwidth")
    out["run_presets"]["InterfaceBandwidth"] = mode
    if "Bandwidth" in arch:
        arch["Bandwidth"] = _bandwidths(arch["Bandwidth"], label)
    elif mode == "USER":
        raise AccelsimError("required when run_presets.InterfaceBandwidth is USER (words per cycle)",
                            file=label, field="architecture_presets.Bandwidth")
    if out.get("sparsity", {}).get("SparsitySupport"):
        raise AccelsimError("true is not supported: SCALE-Sim's sparse mappings change its folds; "
                            "use false", file=label, field="sparsity.SparsitySupport")
    return out


def load_scalesim_cfg(path: str | Path) -> dict[str, Any]:
    """A SCALE-Sim ``.cfg`` as a plain dict shaped like an accelsim arch YAML (family systolic).

    Feed it to :func:`accelsim.registry.arch_from_dict`. Sizes are in bytes, the clock is the
    assumed 1 GHz, the DRAM bandwidth is in bytes per second (see the module docstring).
    """
    path = Path(path)
    cfg = parse_scalesim_cfg(path)
    arch, run = cfg["architecture_presets"], cfg["run_presets"]
    rows, cols, dataflow = arch["ArrayHeight"], arch["ArrayWidth"], arch["Dataflow"]
    if "Bandwidth" in arch:
        words = arch["Bandwidth"][0]
        why = ("SCALE-Sim's limit on OFMAP write-back" if run["InterfaceBandwidth"] == "USER" else
               "given, though SCALE-Sim in CALC mode never stalls on DRAM")
    else:
        words = rows + 2 * cols
        why = "CALC mode and no Bandwidth: enough to feed every array edge each cycle"
    ifmap_words, filter_words = (cols, rows) if dataflow == "is" else (rows, cols)
    notes = [f"from SCALE-Sim config {path.name} (run_name {cfg['general']['run_name']})",
             "clock 1 GHz assumed (SCALE-Sim counts cycles only); words are 1 byte",
             f"DRAM {words} words/cycle: {why}",
             f"InterfaceBandwidth {run['InterfaceBandwidth']}"]
    if run.get("UseRamulatorTrace"):
        notes.append("UseRamulatorTrace ignored (DRAM latencies from Ramulator files)")
    layout = cfg.get("layout", {})
    if layout.get("IfmapCustomLayout") or layout.get("FilterCustomLayout"):
        notes.append("custom SRAM layouts ignored (they only add SCALE-Sim bank-conflict stalls)")

    def sram(key: str, role: str, width_words: int) -> dict[str, Any]:
        return {"name": f"{role}_sram", "capacity": arch[key] * 1024 * WORD_BYTES,
                "width_bits": 8 * WORD_BYTES * width_words, "double_buffered": True}

    user = run["InterfaceBandwidth"] == "USER"
    if user:
        # SCALE-Sim 3.0.0 (single_layer_sim.py) refills the ifmap and filter SRAMs at the [layout]
        # bank bandwidths (its default 10 when absent) and writes the ofmap back at Bandwidth
        read = (layout.get("IfmapSRAMBankBandwidth", 10), layout.get("FilterSRAMBankBandwidth", 10))
        notes.append(f"SRAM refill as SCALE-Sim's USER mode: ifmap {read[0]}, filter {read[1]}, "
                     f"ofmap {words} words/cycle")
    else:
        # CALC: SCALE-Sim's read buffers only estimate bandwidth (never stall); the ofmap drains at
        # ArrayWidth words/cycle (single_layer_sim.py)
        read = (0, 0)
        notes.append(f"SRAM refill as SCALE-Sim's CALC mode: reads never stall, ofmap drains {cols} words/cycle")
    array = {"rows": rows, "cols": cols, "dataflow": dataflow, "mac_bits": 8 * WORD_BYTES,
             "scalesim_refill_words": [read[0], read[1], words if user else cols]}
    return {
        "name": f"scalesim-{path.stem}",
        "family": "systolic",
        "source": f"SCALE-Sim 3.0.0 config {path.name}; clock assumed 1 GHz",
        "clock": CLOCK_HZ,
        "array": array,
        "memory": {
            "keep_activations_on_chip": False,   # SCALE-Sim reads every layer's ifmap from DRAM
            "ifmap": sram("IfmapSramSzkB", "ifmap", ifmap_words),
            "filter": sram("FilterSramSzkB", "filter", filter_words),
            "ofmap": sram("OfmapSramSzkB", "ofmap", cols),
        },
        "dram": {"name": "dram", "bandwidth": float(words * WORD_BYTES * CLOCK_HZ),
                 "source": f"SCALE-Sim Bandwidth in words/cycle x {WORD_BYTES} B x 1 GHz"},
        "notes": "; ".join(notes),
    }


def _typed(text: str, kind: str, name: str, label: str, field: str) -> Any:
    if kind == _TEXT:
        if name == "TopologyCsvLoc" or text:
            return text
        raise AccelsimError("must not be empty", file=label, field=field)
    if kind == _BOOL:
        if text.lower() not in BOOLS:
            raise AccelsimError(f"must be True or False, got {text!r}", file=label, field=field)
        return text.lower() == "true"
    minimum = _MINIMUM.get(name, 1)
    try:
        value = int(text)
    except ValueError:
        raise AccelsimError(f"must be a whole number >= {minimum}, got {text!r}",
                            file=label, field=field) from None
    if value < minimum:
        raise AccelsimError(f"must be >= {minimum}, got {value}", file=label, field=field)
    return value


def _bandwidths(text: str, label: str) -> list[int]:
    field = "architecture_presets.Bandwidth"
    try:
        words = [int(x) for x in text.split(",")]
    except ValueError:
        raise AccelsimError(f"must be words per cycle (whole numbers >= 1, comma-separated), got {text!r}",
                            file=label, field=field) from None
    if any(w < 1 for w in words):
        raise AccelsimError(f"must be >= 1 word per cycle, got {text!r}", file=label, field=field)
    return words
