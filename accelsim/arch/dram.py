"""DRAM parts as data: organisation, JEDEC timing, controller policy and energy, from cited YAML presets.

``load_dram("ddr4-2400-x64")`` reads ``presets/dram/ddr4_2400_x64.yaml``; a path reads that file.
Loading goes parse -> validate (unknown keys are errors) -> construct, as for arch specs, and
``overrides`` (``{"timing.tRCD": 18}``, from ``--set``) are applied to the parsed YAML first.

Timing values are in DRAM clock cycles (nCK) with the clock period ``tCK_ns``, the form of
JEDEC speed bins, so a preset reads like its datasheet table. Energy comes either from
datasheet IDD currents (the DRAMSim3/Micron TN-41-01 method, see :func:`idd_energy`) or from
direct figures in pJ, which override the IDD-derived ones field by field.

Address mapping: fields from most to least significant, joined by ``:``, from ``row``,
``rank``, ``bank``, ``bank_group``, ``col`` and ``channel``. Omitted fields are placed by
fixed rules: ``bank`` without ``bank_group`` stands for ``bank:bank_group`` (bank group
fastest, so neighbouring banks sit in different groups), a missing ``rank`` goes just above
the bank fields and a missing ``channel`` goes last (burst-interleaved channels, Ramulator's
``RoBaRaCoCh``). ``row:bank:col`` is RoBaCo, ``row:col:bank`` bank-interleaved,
``bank:row:col`` one bank after another.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accelsim import schema
from accelsim.arch.overrides import apply_override  # one override rule for arch and DRAM files
from accelsim.errors import AccelsimError

PRESETS_DIR = Path(__file__).resolve().parent / "presets" / "dram"
PAGE_POLICIES = ("open", "closed")
MAPPING_FIELDS = ("row", "rank", "bank_group", "bank", "col", "channel")
TIMING_KEYS = ("tRCD", "tCL", "tCWL", "tRP", "tRAS", "tRC", "tRRD_S", "tRRD_L", "tFAW", "tWR",
               "tWTR_S", "tWTR_L", "tRTP", "tCCD_S", "tCCD_L", "tRTW", "tRTRS", "tRFC", "tREFI")
IDD_KEYS = ("vdd_v", "idd0_ma", "idd2n_ma", "idd3n_ma", "idd4r_ma", "idd4w_ma", "idd5b_ma", "devices_per_rank")
ENERGY_KEYS = ("activate_pj", "read_burst_pj", "write_burst_pj", "refresh_pj", "rank_background_mw")


@dataclass(frozen=True)
class DramTimingSpec:
    """One DRAM part and its controller: what the timing model and the energy model read.

    Organisation (per channel): ``ranks`` x ``bank_groups`` x ``banks_per_group`` banks of
    ``rows`` rows; a row holds ``columns`` column addresses of ``bus_width_bits`` each (so a
    row buffer spans ``columns * bus_width_bits / 8`` bytes across the rank) and one access
    moves a burst of ``burst_length`` beats, two beats per clock (double data rate).

    Timing, all in DRAM clock cycles of ``tCK_ns``: ``tRCD`` ACT to column command, ``tCL``
    read latency, ``tCWL`` write latency, ``tRP`` precharge, ``tRAS`` ACT to PRE, ``tRC`` ACT
    to ACT in a bank, ``tRRD_S``/``tRRD_L`` ACT to ACT in another/the same bank group,
    ``tFAW`` window holding at most four ACTs per rank, ``tWR`` write recovery (end of write
    data to PRE), ``tWTR_S``/``tWTR_L`` end of write data to a read in another/the same bank
    group, ``tRTP`` read to PRE, ``tCCD_S``/``tCCD_L`` column to column, ``tRTW`` read to
    write command in a rank, ``tRTRS`` data-bus bubble when the rank changes, ``tRFC``
    refresh cycle, ``tREFI`` refresh interval (one all-bank refresh per rank per ``tREFI``).

    Controller: ``page_policy`` ``open`` (rows stay open until a conflict or refresh) or
    ``closed`` (auto-precharge after every access); ``address_mapping`` the normalised field
    order, most significant first; ``queue_size`` requests the FR-FCFS scheduler sees per
    channel; ``frontend_latency_ns`` controller + PHY delay added to every completion.

    Energy: ``activate_pj`` one ACT with its PRE (whole rank), ``read_burst_pj`` /
    ``write_burst_pj`` one burst, ``refresh_pj`` one all-bank refresh of a rank,
    ``rank_background_mw`` standby power of one rank (charged for elapsed time).
    """

    name: str
    channels: int
    ranks: int
    bank_groups: int
    banks_per_group: int
    rows: int
    columns: int
    bus_width_bits: int
    burst_length: int
    tCK_ns: float
    tRCD: int
    tCL: int
    tCWL: int
    tRP: int
    tRAS: int
    tRC: int
    tRRD_S: int
    tRRD_L: int
    tFAW: int
    tWR: int
    tWTR_S: int
    tWTR_L: int
    tRTP: int
    tCCD_S: int
    tCCD_L: int
    tRTW: int
    tRTRS: int
    tRFC: int
    tREFI: int
    page_policy: str = "open"
    address_mapping: tuple[str, ...] = ("row", "rank", "bank", "bank_group", "col", "channel")
    queue_size: int = 32
    frontend_latency_ns: float = 0.0
    activate_pj: float = 0.0
    read_burst_pj: float = 0.0
    write_burst_pj: float = 0.0
    refresh_pj: float = 0.0
    rank_background_mw: float = 0.0
    source: str = ""
    file: str = ""

    @property
    def burst_bytes(self) -> int:
        """Bytes one burst moves on one channel."""
        return self.bus_width_bits // 8 * self.burst_length

    @property
    def burst_cycles(self) -> int:
        """Clock cycles one burst holds the data bus (two beats per clock)."""
        return self.burst_length // 2

    @property
    def row_bytes(self) -> int:
        """Bytes in one open row of a rank (the row buffer, across the rank's devices)."""
        return self.columns * self.bus_width_bits // 8

    @property
    def bursts_per_row(self) -> int:
        """Bursts that fit in one row."""
        return self.columns // self.burst_length

    @property
    def banks(self) -> int:
        """Banks in the whole memory (all channels and ranks)."""
        return self.channels * self.ranks * self.bank_groups * self.banks_per_group

    @property
    def capacity_bytes(self) -> int:
        """Bytes addressable before addresses wrap."""
        return self.banks * self.rows * self.row_bytes

    @property
    def peak_bytes_per_s(self) -> float:
        """Data-bus peak over all channels: two beats of ``bus_width_bits`` per clock."""
        return self.channels * self.bus_width_bits / 8 * 2 / (self.tCK_ns * 1e-9)

    @property
    def clock_hz(self) -> float:
        """DRAM command clock (half the data rate)."""
        return 1e9 / self.tCK_ns


def preset_names() -> list[str]:
    """Names of the built-in DRAM presets (``ddr4-2400-x64``, ...), sorted."""
    return sorted(p.stem.replace("_", "-") for p in PRESETS_DIR.glob("*.yaml"))


def load_dram(spec: str | Path, overrides: dict[str, Any] | None = None) -> DramTimingSpec:
    """A :class:`DramTimingSpec` from a preset name or a YAML path, with dotted-key ``overrides``."""
    text = str(spec)
    path = Path(text)
    if path.suffix.lower() not in (".yaml", ".yml"):
        path = PRESETS_DIR / f"{text.replace('-', '_')}.yaml"
        if not path.is_file():
            raise AccelsimError(f"unknown DRAM {text!r}; presets: {', '.join(preset_names())} "
                                "(or give a .yaml path)", field="--dram")
    label = path.name
    raw = schema.read_yaml(path, "DRAM")
    try:
        for key, value in (overrides or {}).items():
            apply_override(raw, key, value)
        return dram_from_dict(raw, file=str(path))
    except AccelsimError as e:
        raise e.located(file=label) from None


def dram_from_dict(raw: Any, file: str = "", prefix: str = "") -> DramTimingSpec:
    """Validate a parsed DRAM mapping and build the spec; errors carry the dotted field.

    ``prefix`` names where the mapping sits in a larger file (``"dram"`` in an arch YAML).
    """
    try:
        return _build(raw, file)
    except AccelsimError as e:
        raise e.located(prefix=prefix or None) from None


def _build(raw: Any, file: str) -> DramTimingSpec:
    schema.check_keys(raw, "", ("name", "organisation", "timing", "energy"), ("source", "controller", "notes"))
    o = schema.check_keys(raw["organisation"], "organisation",
                          ("channels", "ranks", "bank_groups", "banks_per_group", "rows", "columns",
                           "bus_width_bits", "burst_length"), ("source",))
    org = {k: schema.pos_int(o[k], f"organisation.{k}") for k in o if k != "source"}
    if org["burst_length"] % 2 or org["columns"] % org["burst_length"]:
        raise AccelsimError(f"must be even and divide columns ({org['columns']}), got {org['burst_length']}",
                            field="organisation.burst_length")
    if org["bus_width_bits"] % 8:
        raise AccelsimError(f"must be a whole number of bytes, got {org['bus_width_bits']}",
                            field="organisation.bus_width_bits")

    t = schema.check_keys(raw["timing"], "timing", ("tCK_ns",) + TIMING_KEYS, ("source",))
    tck = schema.number(t["tCK_ns"], "timing.tCK_ns", lo=0, lo_open=True)
    tim = {k: schema.pos_int(t[k], f"timing.{k}", minimum=0) for k in TIMING_KEYS}
    _check_timing(tim)

    c = schema.check_keys(raw.get("controller", {}), "controller", (),
                          ("page_policy", "address_mapping", "queue_size", "frontend_latency_ns", "source"))
    ctrl = dict(
        page_policy=schema.choice(c.get("page_policy", "open"), "controller.page_policy", PAGE_POLICIES),
        address_mapping=normalize_mapping(c.get("address_mapping", "row:bank:col"), "controller.address_mapping"),
        queue_size=schema.pos_int(c.get("queue_size", 32), "controller.queue_size"),
        frontend_latency_ns=schema.number(c.get("frontend_latency_ns", 0.0), "controller.frontend_latency_ns", lo=0))

    energy = _energy(raw["energy"], tck, tim, org)
    return DramTimingSpec(name=str(raw["name"]), tCK_ns=tck, **org, **tim, **ctrl, **energy,
                          source=str(raw.get("source", "")), file=file)


def _check_timing(tim: dict[str, int]) -> None:
    for key in ("tCL", "tCWL", "tRCD", "tRP", "tRAS", "tRC", "tRFC", "tREFI"):
        if tim[key] < 1:
            raise AccelsimError(f"must be >= 1, got {tim[key]}", field=f"timing.{key}")
    rules = (("tRC", "tRAS", "an ACT cannot repeat in a bank before the row may close"),
             ("tRAS", "tRCD", "a row must stay open at least until its first column command"),
             ("tRRD_L", "tRRD_S", "the same bank group is never faster than another"),
             ("tCCD_L", "tCCD_S", "the same bank group is never faster than another"),
             ("tWTR_L", "tWTR_S", "the same bank group is never faster than another"))
    for big, small, why in rules:
        if tim[big] < tim[small]:
            raise AccelsimError(f"must be >= {small} ({tim[small]}): {why}; got {tim[big]}", field=f"timing.{big}")
    if tim["tREFI"] <= tim["tRFC"]:
        raise AccelsimError(f"must be > tRFC ({tim['tRFC']}), got {tim['tREFI']}", field="timing.tREFI")


def normalize_mapping(text: Any, field: str = "address_mapping") -> tuple[str, ...]:
    """``"row:bank:col"`` -> the six fields most significant first, by the rules in the module doc."""
    if not isinstance(text, str) or not text.strip():
        raise AccelsimError(f"must be fields joined by ':' (from {', '.join(MAPPING_FIELDS)}), got {text!r}",
                            field=field)
    parts = [p.strip() for p in text.split(":")]
    for p in parts:
        if p not in MAPPING_FIELDS:
            raise AccelsimError(f"unknown field {p!r}; allowed: {', '.join(MAPPING_FIELDS)}", field=field)
        if parts.count(p) > 1:
            raise AccelsimError(f"field {p!r} appears twice in {text!r}", field=field)
    if "bank" not in parts:
        raise AccelsimError(f"must place 'bank', got {text!r}", field=field)
    if "row" not in parts or "col" not in parts:
        raise AccelsimError(f"must place 'row' and 'col', got {text!r}", field=field)
    if "bank_group" not in parts:
        parts.insert(parts.index("bank") + 1, "bank_group")
    if "rank" not in parts:
        parts.insert(min(parts.index("bank"), parts.index("bank_group")), "rank")
    if "channel" not in parts:
        parts.append("channel")
    return tuple(parts)


def idd_energy(idd: dict[str, float], tck_ns: float, tim: dict[str, int], burst_cycles: int) -> dict[str, float]:
    """Per-command energies (pJ) and rank background power (mW) from datasheet IDD currents.

    The method of Micron TN-41-01 as DRAMSim3 applies it (``Config::CalculatePower``); with
    ``n`` devices per rank at supply ``vdd_v`` and currents in mA (V x mA x ns = pJ):

    - ACT+PRE: ``vdd * (IDD0*tRC - (IDD3N*tRAS + IDD2N*(tRC - tRAS))) * tCK * n``, the IDD0
      loop's charge above standby;
    - read / write burst: ``vdd * (IDD4R|IDD4W - IDD3N) * burst_cycles * tCK * n``;
    - refresh: ``vdd * (IDD5B - IDD3N) * tRFC * tCK * n``;
    - background: ``vdd * IDD3N * n`` mW (active standby; power-down is not modelled).
    """
    n, v = idd["devices_per_rank"], idd["vdd_v"]
    act = idd["idd0_ma"] * tim["tRC"] - (idd["idd3n_ma"] * tim["tRAS"] + idd["idd2n_ma"] * (tim["tRC"] - tim["tRAS"]))
    return {"activate_pj": v * act * tck_ns * n,
            "read_burst_pj": v * (idd["idd4r_ma"] - idd["idd3n_ma"]) * burst_cycles * tck_ns * n,
            "write_burst_pj": v * (idd["idd4w_ma"] - idd["idd3n_ma"]) * burst_cycles * tck_ns * n,
            "refresh_pj": v * (idd["idd5b_ma"] - idd["idd3n_ma"]) * tim["tRFC"] * tck_ns * n,
            "rank_background_mw": v * idd["idd3n_ma"] * n}


def _energy(raw: Any, tck: float, tim: dict[str, int], org: dict[str, int]) -> dict[str, float]:
    e = schema.check_keys(raw, "energy", (), ("idd", "source") + ENERGY_KEYS)
    out: dict[str, float] = {}
    if "idd" in e:
        i = schema.check_keys(e["idd"], "energy.idd", IDD_KEYS, ("source",))
        idd = {k: schema.number(i[k], f"energy.idd.{k}", lo=0) for k in IDD_KEYS}
        idd["devices_per_rank"] = schema.pos_int(i["devices_per_rank"], "energy.idd.devices_per_rank")
        for lo, hi in (("idd3n_ma", "idd4r_ma"), ("idd3n_ma", "idd4w_ma"), ("idd3n_ma", "idd5b_ma")):
            if idd[hi] < idd[lo]:
                raise AccelsimError(f"must be >= {lo} ({idd[lo]:g}): a burst or refresh draws more than standby",
                                    field=f"energy.idd.{hi}")
        out = idd_energy(idd, tck, tim, org["burst_length"] // 2)
        if out["activate_pj"] < 0:
            raise AccelsimError("idd0_ma is too small: the ACT+PRE energy it implies is negative",
                                field="energy.idd.idd0_ma")
    for k in ENERGY_KEYS:
        if k in e:
            out[k] = schema.number(e[k], f"energy.{k}", lo=0)
        elif k not in out:
            raise AccelsimError(f"missing: give energy.idd (datasheet currents) or energy.{k}", field=f"energy.{k}")
    return out


def describe(spec: DramTimingSpec) -> str:
    """One line for reports: part, peak bandwidth, row-miss read latency."""
    miss_ns = (spec.tRP + spec.tRCD + spec.tCL + spec.burst_cycles) * spec.tCK_ns
    return (f"{spec.name}: {spec.channels} ch x {spec.bus_width_bits} bit, {spec.peak_bytes_per_s / 1e9:.1f} GB/s peak, "
            f"row-conflict read {math.ceil(miss_ns)} ns, {spec.page_policy} page, {':'.join(spec.address_mapping)}")
