"""Every figure ``accelsim validate`` compares, held to its own tolerance (docs/references.md).

One test per check of every registered family, computed once for this module (all families
take about 15 s). A simulated or sanity check must be within its tolerance; a known miss is a
strict xfail carrying its cause, so a mechanism that closes it turns the test red until the
``known`` text goes. Report-only checks assert nothing about their figure, only that their
source is marked unconfirmed. The tolerances are the checks' own, set in each family's
``validate.py`` from the fidelity the model claims (see :mod:`accelsim.check`).
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from accelsim import cli, validate
from accelsim.check import CONFIDENCE, UNCONFIRMED, Check, summary

CHECKS = validate.checks()


def _params(kind: str):
    return [pytest.param(c, id=c.name, marks=[pytest.mark.xfail(strict=True, reason=c.known)] if c.known else [])
            for c in CHECKS if c.kind == kind and not c.report_only]


def _miss(c: Check) -> str:
    return f"{c.name}: published {c.published_text}, accelsim {c.measured_text}, tolerance {c.tolerance_text} ({c.source})"


@pytest.mark.parametrize("check", _params("simulated"))
def test_simulated_figure_within_its_tolerance(check):
    assert check.within, _miss(check)


@pytest.mark.parametrize("check", _params("sanity"))
def test_sanity_figure_within_its_tolerance(check):
    assert check.within, _miss(check)


def test_every_family_with_checks_is_covered_and_names_are_unique():
    from accelsim.registry import families
    assert len({c.name for c in CHECKS}) == len(CHECKS)
    assert sum(c.kind == "simulated" and not c.report_only for c in CHECKS) >= 30
    assert {f.name for f in families().values() if f.checks is not None} >= {"systolic", "eyeriss", "fpga", "cambricon"}


@pytest.mark.parametrize("check", [c for c in CHECKS if c.report_only], ids=lambda c: c.name)
def test_report_only_is_for_unconfirmed_sources(check):
    assert check.confidence in UNCONFIRMED and "unconfirmed" in check.note.lower(), check.name


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_each_check_names_its_confidence_and_known_misses_say_what_closes_them(check):
    assert check.confidence in CONFIDENCE, f"{check.name}: REFERENCES.md confidence tag missing"
    if check.known:
        assert "would close:" in check.known.lower(), f"{check.name}: a known miss names the mechanism that closes it"


def test_a_check_refuses_report_only_without_a_reason():
    row = dict(name="x", published=1.0, measured=1.0, unit="", source="s")
    with pytest.raises(ValueError, match="needs a note"):
        Check(tolerance=None, **row)
    with pytest.raises(ValueError, match="report only is for unconfirmed sources"):
        Check(tolerance=None, note="why", confidence="P", **row)
    with pytest.raises(ValueError, match="known miss needs the tolerance"):
        Check(tolerance=None, note="why", known="cause", **row)
    with pytest.raises(ValueError, match="kind must be one of"):
        Check(tolerance=0.1, kind="guess", **row)
    assert Check(tolerance=None, note="unconfirmed source", confidence="S", **row).status == "report only"
    # the constructor other families use (positional, no kind) still works: simulated by default
    assert Check("y", 2.0, 2.1, 0.10, "x", "s").kind == "simulated"


def test_summary_counts_each_category():
    rows = [Check("a", 1.0, 1.05, 0.10, "", "s"), Check("b", 1.0, 1.5, 0.10, "", "s", known="c. Would close: m"),
            Check("c", 1.0, 3.0, None, "", "s", "unconfirmed", confidence="S"),
            Check("d", 1.0, 1.0, 0.0, "", "s", kind="sanity"), Check("e", 1.0, 2.0, 0.25, "", "s")]
    assert [c.status for c in rows] == ["within", "known miss", "report only", "within", "MISS"]
    assert summary(rows) == ("5 figures: simulated 1 within tolerance, 1 known misses, 1 report only, "
                             "1 unexplained misses; sanity 1 (1 within); within 10 %: 2 (1 simulated)")


def _fake_family(monkeypatch, rows):
    fam = SimpleNamespace(name="fake", title="fake chip", checks=lambda: list(rows))
    monkeypatch.setattr(validate, "families", lambda: {"fake": fam})


def test_validate_exits_1_naming_an_unexplained_miss(monkeypatch, capsys, tmp_path):
    out = tmp_path / "checks.json"
    _fake_family(monkeypatch, [Check("fake peak", 1.0, 1.0, 0.0, "TOPS", "s", kind="sanity"),
                               Check("fake latency", 10.0, 14.0, 0.10, "ms", "s")])
    assert cli.main(["validate", "--json", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["accelsim: validate: 1 figure(s) miss their tolerance with no known cause: fake latency"]
    rows = json.loads(out.read_text())
    assert [(r["name"], r["kind"], r["status"]) for r in rows] == [("fake peak", "sanity", "within"),
                                                                   ("fake latency", "simulated", "MISS")]


def test_validate_exits_0_when_every_miss_is_known(monkeypatch, capsys):
    _fake_family(monkeypatch, [Check("fake latency", 10.0, 14.0, 0.10, "ms", "s",
                                     known="cause. Would close: mechanism"),
                               Check("fake power", 10.0, 30.0, None, "mW", "s", "unconfirmed source", confidence="S")])
    assert cli.main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "known miss: fake latency: cause. Would close: mechanism" in out
    assert "simulated 0 within tolerance, 1 known misses, 1 report only" in out


def test_the_assumed_preset_values_say_how_far_they_move_their_figure():
    # issue 24's audit: block convolution's data width and DSP share, DianNao's SB energy, the TPU app shapes
    assumed = {c.name: dict(c.assumptions) for c in CHECKS if c.assumptions}
    block = assumed["Block conv VGG-16 frame rate"]
    assert any("data path" in k for k in block) and any("DSP share" in k for k in block)
    assert any("SB energy" in k for k in assumed["DianNao on-chip power, AlexNet conv layers"])
    assert {n for n in assumed if n.startswith("TPU v1 ") and " at batch " in n} == {
        f"TPU v1 {app} at batch {b}" for app, b in (("MLP0", 200), ("MLP1", 168), ("LSTM0", 64), ("LSTM1", 96),
                                                    ("CNN0", 8), ("CNN1", 32))}
    for effects in assumed.values():
        assert all(effect.endswith("%") for effect in effects.values()), effects


def test_sensitivity_is_the_relative_change_of_the_figure():
    from accelsim.check import sensitivity
    assert sensitivity(10.0, [("x0.5", 8.0), ("x2", 12.5)]) == "x0.5: -20.0 %, x2: +25.0 %"


def test_docs_references_tables_match_the_checks():
    """docs/references.md lists every figure with its tolerance, kind, confidence and status as validate computes
    them: a closed miss, a new row or a changed tolerance shows here until the docs follow (refresh them with
    ``accelsim.validate.refresh_markdown``)."""
    from pathlib import Path
    doc = Path(__file__).resolve().parents[2] / "docs" / "references.md"
    text = doc.read_text()
    stale = [line for line, fresh in zip(text.splitlines(), validate.refresh_markdown(text, CHECKS).splitlines())
             if line != fresh]
    assert validate.refresh_markdown(text, CHECKS) == text, f"stale rows in docs/references.md: {stale[:5]}"
