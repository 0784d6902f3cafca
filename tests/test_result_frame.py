"""Result.to_dataframe: layers as rows, units in the column names, totals that add up."""

from __future__ import annotations

import pytest

from accelsim.api import simulate


def test_layers_as_rows_with_units_in_names():
    pytest.importorskip("pandas")
    r = simulate("lenet5", "tpu-v1")
    df = r.to_dataframe()
    assert list(df["name"]) == [l.name for l in r.layers]
    assert df["cycles"].sum() == r.cycles and df["energy_pj"].sum() == pytest.approx(r.total_energy_pj)
    assert df["latency_s"].sum() == pytest.approx(r.latency_s)
    assert {f"energy_pj:{c}" for c in r.energy_pj} <= set(df.columns)
    parts = df[[f"energy_pj:{c}" for c in r.energy_pj]].sum(axis=1)
    assert parts.to_numpy() == pytest.approx(df["energy_pj"].to_numpy())
