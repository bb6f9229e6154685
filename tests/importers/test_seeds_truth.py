"""Every seed, parsed without a database, matches its hand-checked ground truth."""

from __future__ import annotations

import pytest

from briefings.importers import parse_text
from briefings.importers.report import briefing_report
from briefings.importers.text import comparable
from tests.truth import (
    SEED_STEMS,
    claim_matches,
    load_all_claims,
    load_truth,
    same_names,
    same_text,
    seed_text,
)

ARTICLE_FIELDS = ("title", "outlet", "date", "section")
OPTIONAL_FIELDS = ("subtitle", "image_caption", "interviewee")


@pytest.fixture(scope="module", params=SEED_STEMS)
def seed(request):
    stem = request.param
    return stem, briefing_report(parse_text(seed_text(stem))), load_truth(stem)


def test_briefing_fields_match_truth(seed):
    stem, report, truth = seed
    assert same_text(report["publication"], truth["publication"]), stem
    assert report["issue"] == truth["issue"], stem
    assert report["date"] == truth["date"], stem
    assert same_text(report["title"], truth["title"]), stem
    if "editors" in truth:
        assert same_names(report["editors"], truth["editors"]), stem


def test_article_count_matches_truth(seed):
    stem, report, truth = seed
    found = [a["title"] for a in report["articles"]]
    assert len(found) == len(truth["articles"]), (stem, found)


def test_article_fields_match_truth(seed):
    stem, report, truth = seed
    for found, expected in zip(report["articles"], truth["articles"], strict=False):
        for name in ARTICLE_FIELDS:
            assert same_text(found[name], expected[name]), (stem, name, found[name])
        assert same_names(found["authors"], expected["authors"]), (stem, found["title"])
        for name in OPTIONAL_FIELDS:
            if name in expected:
                assert same_text(found[name], expected[name]), (stem, name, found[name])


def test_article_structure_matches_truth(seed):
    stem, report, truth = seed
    for found, expected in zip(report["articles"], truth["articles"], strict=False):
        if "alternate_title" in expected:
            alternates = [comparable(t) for t in found["alternate_titles"]]
            assert comparable(expected["alternate_title"]) in alternates, stem
        if "subheadings" in expected:
            assert same_names(found["subheadings"], expected["subheadings"]), stem
        for item in expected.get("items", []):
            assert any(
                same_text(i["title"], item["title"])
                and same_names(i["authors"], item["authors"])
                for i in found["items"]
            ), (stem, item)


def test_every_truth_claim_is_found(seed):
    stem, report, truth = seed
    claims = [claim for article in report["articles"] for claim in article["claims"]]
    for truth_claim in truth["claims"]:
        near = [
            c
            for c in claims
            if comparable(truth_claim["contains"]) in comparable(c["text"])
        ]
        assert any(claim_matches(c, truth_claim) for c in near), (
            stem,
            truth_claim,
            near,
        )


def test_every_article_has_a_topic(seed):
    stem, report, _ = seed
    for article in report["articles"]:
        assert article["topics"], (stem, article["title"])


KINDS = {"statistic", "quote", "reported", "position", "directive", "assertion"}


def test_the_full_annotation_quotes_the_seed_and_holds_the_notable_claims(seed):
    stem, _, truth = seed
    text = comparable(seed_text(stem))
    annotated = load_all_claims(stem)
    for claim in annotated:
        assert claim["kind"] in KINDS, (stem, claim)
        for end in (claim["contains"], claim.get("through")):
            assert end is None or comparable(end) in text, (stem, end)
    # Every notable claim of the short truth is among the full annotation's.
    phrases = [comparable(claim["contains"]) for claim in annotated]
    for notable in truth["claims"]:
        wanted = comparable(notable["contains"])
        assert any(wanted in p or p in wanted for p in phrases), (stem, notable)
