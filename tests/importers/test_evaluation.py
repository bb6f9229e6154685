"""The evaluation: scores on the seeds, and exact numbers on a tiny made-up text."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from briefings.importers.evaluation import (
    Tally,
    evaluate_text,
    figures_are_right,
    heading_claims,
    match_articles,
    scores,
)
from briefings.importers.full_annotation import score_claims
from briefings.importers.types import ParsedArticle, ParsedClaim
from tests.truth import SEEDS_DIR, TRUTH_DIR

TINY_TEXT = """Trade figures for 2023

Exports reached USD 5 billion in 2023, the ministry said on Monday.

Imports reached USD 3 billion in 2023, according to the Ministry of Commerce.
"""
# The second figure is annotated wrongly on purpose, and the third claim is not in
# the text: recall 2/3, figure recall 1/2, figure precision 1/2.
TINY_TRUTH = {
    "publication": None,
    "issue": None,
    "date": None,
    "title": "Trade figures for 2023",
    "articles": [
        {
            "title": "Trade figures for 2023",
            "authors": [],
            "outlet": "Xinhua",
            "date": None,
            "section": None,
        }
    ],
    "claims": [
        {
            "contains": "Exports reached USD 5 billion",
            "speaker": None,
            "figure": {"value": 5e9, "unit": "USD"},
        },
        {
            "contains": "Imports reached USD 3 billion",
            "speaker": "Ministry of Commerce",
            "figure": {"value": 4e9, "unit": "USD"},
        },
        {"contains": "Tariffs were cut", "speaker": None},
    ],
}


def evaluate(*args: str) -> tuple[dict, int]:
    """Run evaluate_import --json; the report and the exit status."""
    out = StringIO()
    try:
        call_command("evaluate_import", *args, "--json", stdout=out)
        status = 0
    except CommandError as error:
        status = error.returncode
    return json.loads(out.getvalue()), status


@pytest.fixture
def tiny(tmp_path) -> tuple[Path, Path]:
    texts, truth = tmp_path / "texts", tmp_path / "truth"
    texts.mkdir()
    truth.mkdir()
    (texts / "tiny.txt").write_text(TINY_TEXT, encoding="utf-8")
    (texts / "unannotated.txt").write_text(TINY_TEXT, encoding="utf-8")
    (truth / "tiny.json").write_text(json.dumps(TINY_TRUTH), encoding="utf-8")
    return texts, truth


def test_seeds_meet_the_thresholds():
    report, status = evaluate(
        str(SEEDS_DIR),
        "--truth",
        str(TRUTH_DIR),
        "--min-recall",
        "1.0",
        "--min-precision",
        "0.95",
    )
    claims = report["overall"]["claims"]
    assert status == 0, report["failures"]
    assert claims["complete_recall"] == 1.0  # found with figure, unit and speaker
    assert claims["figure_recall"] == claims["speaker_recall"] == 1.0
    assert claims["figure_precision"] >= 0.95
    assert claims["on_headings"] == 0
    assert [entry["status"] for entry in report["files"]] == ["evaluated"] * 5


def test_seeds_meet_the_thresholds_of_the_full_annotation():
    report, status = evaluate(
        str(SEEDS_DIR),
        "--truth",
        str(TRUTH_DIR),
        "--min-claim-precision",
        "0.9",
        "--min-claim-recall",
        "0.9",
        "--min-speaker-accuracy",
        "0.9",
        "--min-figure-precision",
        "0.95",
    )
    full = report["overall"]["full"]
    assert status == 0, report["failures"]
    assert full["annotated"] >= 200  # every claim of the five seeds
    assert full["precision"] >= 0.9 and full["recall"] >= 0.9
    assert full["speaker_accuracy"] >= 0.9 and full["figure_precision"] >= 0.95
    # No quotation cut into sentences, no claim opening with "he" for no one.
    assert full["fragments"] == full["pronoun_starts"] == 0


def test_seed_articles_and_briefing_fields_are_scored():
    report, _ = evaluate(str(SEEDS_DIR), "--truth", str(TRUTH_DIR))
    overall = report["overall"]
    assert overall["articles"]["matched"] == overall["articles"]["truth"] == 25
    assert overall["briefing"]["accuracy"] == 1.0
    for name, field in overall["articles"]["fields"].items():
        assert field["precision"] == field["recall"] == 1.0, name


def test_tiny_text_gives_the_exact_expected_numbers(tiny):
    texts, truth = tiny
    report, status = evaluate(str(texts), "--truth", str(truth))
    assert status == 0  # no thresholds given
    tiny_entry, skipped = report["files"]
    assert skipped["status"] == "skipped" and skipped["path"].endswith(
        "unannotated.txt"
    )
    claims = tiny_entry["scores"]["claims"]
    assert (claims["truth"], claims["found"], claims["recall"]) == (3, 2, 0.6667)
    assert (claims["figure_found"], claims["with_figure"]) == (1, 2)
    assert claims["figure_recall"] == 0.5
    assert (claims["figure_pairs_right"], claims["figure_pairs"]) == (1, 2)
    assert claims["figure_precision"] == 0.5
    assert claims["speaker_recall"] == 0.6667  # the missing claim has no speaker found
    assert claims["complete"] == 1
    assert (claims["extracted"], claims["per_article"]) == (2, 2.0)
    outlet = tiny_entry["scores"]["articles"]["fields"]["outlet"]
    assert (outlet["precision"], outlet["recall"]) == (None, 0.0)
    title = tiny_entry["scores"]["articles"]["fields"]["title"]
    assert (title["precision"], title["recall"]) == (1.0, 1.0)
    assert report["overall"] == tiny_entry["scores"]


def test_below_a_threshold_the_exit_status_is_one(tiny):
    texts, truth = tiny
    report, status = evaluate(
        str(texts), "--truth", str(truth), "--min-precision", "0.6"
    )
    assert status == 1
    assert report["failures"] == ["figure precision 0.500 < 0.6"]
    _, status = evaluate(str(texts), "--truth", str(truth), "--min-precision", "0.5")
    assert status == 0
    _, status = evaluate(str(texts), "--truth", str(truth), "--min-recall", "0.9")
    assert status == 1


def test_text_output_names_files_and_problems(tiny):
    texts, truth = tiny
    out = StringIO()
    call_command(
        "evaluate_import", str(texts / "tiny.txt"), "--truth", str(truth), stdout=out
    )
    printed = out.getvalue()
    assert "figures        recall 1/2 (0.50); precision 1/2 (0.50)" in printed
    assert "claim missed: 'Tariffs were cut'" in printed
    assert "Overall" in printed


TINY_ALL_CLAIMS = {
    "claims": [
        {
            "contains": "Exports reached USD 5 billion",
            "kind": "statistic",
            "speaker": None,
            "figures": [{"value": 5e9, "unit": "USD"}],
        },
        {
            "contains": "Imports reached USD 3 billion",
            "through": "the Ministry of Commerce",
            "kind": "position",
            "speaker": "Ministry of Commerce",
            "figures": [{"value": 3e9, "unit": "USD"}],
        },
        {"contains": "Tariffs were cut", "kind": "assertion", "speaker": None},
    ]
}


def test_the_full_annotation_gives_precision_and_accuracy(tiny):
    texts, truth = tiny
    (truth / "claims").mkdir()
    (truth / "claims" / "tiny.json").write_text(
        json.dumps(TINY_ALL_CLAIMS), encoding="utf-8"
    )
    report, status = evaluate(
        str(texts / "tiny.txt"), "--truth", str(truth), "--min-claim-recall", "0.9"
    )
    full = report["overall"]["full"]
    # Two claims extracted, both annotated; the third annotated claim is missing.
    assert (full["found"], full["annotated"], full["recall"]) == (2, 3, 0.6667)
    assert (full["right"], full["extracted"], full["precision"]) == (2, 2, 1.0)
    assert (full["figures_right"], full["figures_extracted"]) == (2, 2)
    # "the ministry said" names no one; "according to the Ministry of Commerce" does,
    # and what a ministry says is its position.
    assert full["speaker_accuracy"] == full["kind_accuracy"] == 1.0
    assert status == 1
    assert report["failures"] == ["full annotation recall 0.667 < 0.9"]
    problems = report["files"][0]["problems"]
    assert "claim missed: 'Tariffs were cut'" in problems


def test_fragments_and_pronoun_starts_are_counted():
    quote = {
        "contains": "The reform has stalled",
        "through": "It will not happen soon",
        "kind": "quote",
        "speaker": "Zhang Wei",
    }
    fragment = {"text": "“The reform has stalled.", "speaker": "Zhang Wei"}
    fragment.update(kind="quote", figures=[])
    counts, _ = score_claims([fragment], [quote])
    assert (counts["fragments"], counts["found"]) == (1, 0)
    pronoun = {"text": "It has imposed sanctions.", "speaker": None}
    pronoun.update(kind="assertion", figures=[])
    counts, problems = score_claims([pronoun], [])
    assert counts["pronoun_starts"] == 1
    assert problems[-1].startswith("starts with an unresolved pronoun")
    resolved = {**pronoun, "text": "He states that data is sold.", "speaker": "Rai"}
    assert score_claims([resolved], [])[0]["pronoun_starts"] == 0


def test_a_missing_truth_folder_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="no such truth folder"):
        call_command("evaluate_import", str(SEEDS_DIR), "--truth", str(tmp_path / "x"))


def test_a_figure_inside_a_phrase_without_a_figure_is_wrong():
    truth_claim = {"contains": "half of the reserves do not appear", "speaker": None}
    figure = {"value": 50, "unit": "%", "text": "half"}
    claim = {"text": "He said half of the reserves do not appear.", "figures": [figure]}
    assert not figures_are_right(claim, truth_claim)
    elsewhere = {**figure, "text": "5 percent"}
    assert figures_are_right({**claim, "figures": [elsewhere]}, truth_claim)


def test_articles_match_by_title_then_by_position():
    found = [
        {"title": None, "alternate_titles": []},
        {"title": "Other", "alternate_titles": ["B"]},
        {"title": "Unrelated words", "alternate_titles": []},
    ]
    truth = [{"title": "A"}, {"title": "b"}, {"title": "C"}]
    assert match_articles(found, truth) == [(0, 0), (1, 1)]


def test_an_unparseable_text_finds_nothing():
    tally = evaluate_text("12 34", TINY_TRUTH)
    assert scores(tally)["claims"]["found"] == 0
    assert tally.problems[0].startswith("unparseable")


def test_claims_on_headings_are_counted():
    article = ParsedArticle(
        title="Exports reached USD 5 billion", body="x", kind="news"
    )
    article.claims = [ParsedClaim("Exports reached USD 5 billion", 0, 29, "statistic")]
    assert heading_claims(article) == ["Exports reached USD 5 billion"]
    assert Tally(claims_on_headings=1) + Tally() == Tally(claims_on_headings=1)
