"""Partial and concurrent runs merge their results instead of overwriting them."""

from __future__ import annotations

import json

from bench import run


def test_save_merges_this_runs_entries_into_what_other_runs_saved(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(run, "WORK", tmp_path / "work")
    summary = tmp_path / "results" / "latest.json"
    load_and_http = {"size": "1", "load": {"import": 1}, "http": {"pages": 1}}
    run.save(
        {"runs": {"a": {}}, "mixes": {}, "entries": {"1/sqlite": load_and_http}},
        summary,
    )
    other = {"size": "2", "http": {"pages": 2, "runs": [1, 2, 3]}}
    run.save({"runs": {"b": {}}, "mixes": {}, "entries": {"2/sqlite": other}}, summary)
    http_only = {"size": "1", "http": {"pages": 3}}
    merged = run.save(
        {"runs": {"c": {}}, "mixes": {"1": []}, "entries": {"1/sqlite": http_only}},
        summary,
    )
    assert merged["entries"]["1/sqlite"] == {
        "size": "1",
        "load": {"import": 1},
        "http": {"pages": 3},
    }
    assert merged["entries"]["2/sqlite"]["http"]["pages"] == 2
    assert set(merged["runs"]) == {"a", "b", "c"}
    saved = json.loads(summary.read_text())
    assert "runs" not in saved["entries"]["2/sqlite"]["http"]  # the summary is small
    assert (tmp_path / "work" / "results-latest.json").exists()
