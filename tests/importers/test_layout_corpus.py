"""Every text of the layout corpus has a well-formed ground truth beside it.

The corpus (``tests/importers/layouts``) holds briefings in other publishers' layouts
with hand-written truth in the seeds' format. ``evaluate_import`` scores the importer
on them; these tests only guard the truth itself, so that a typo in a truth file shows
up as a clear failure rather than as a silently wrong score.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

from briefings.importers.text import comparable

LAYOUTS_DIR = Path(__file__).resolve().parent / "layouts"
TEXTS = sorted(LAYOUTS_DIR.glob("*.txt"))
TRUTHS = sorted(LAYOUTS_DIR.glob("*.json"))

BRIEFING_KEYS = {"publication", "issue", "date", "title", "articles", "claims"}
BRIEFING_OPTIONAL = {"editors", "notes"}
ARTICLE_KEYS = {"title", "authors", "outlet", "date", "section"}
ARTICLE_OPTIONAL = {
    "subtitle",
    "alternate_title",
    "image_caption",
    "subheadings",
    "items",
    "interviewee",
}
CLAIM_KEYS = {"contains", "speaker"}
CLAIM_OPTIONAL = {"figure"}
CURRENCY = re.compile(r"^[A-Z]{3}$")
HYPHEN_BREAK = re.compile(r"-\n")  # a word hyphenated at a line end, as in PDF copies
MIN_FIXTURES = 25


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def readable(path: Path) -> str:
    """The text as a reader sees it: hyphenated line ends joined, then comparable."""
    return comparable(HYPHEN_BREAK.sub("", path.read_text(encoding="utf-8")))


def is_text_or_null(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() != "")


def is_names(value) -> bool:
    return isinstance(value, list) and all(
        isinstance(name, str) and name.strip() for name in value
    )


def is_iso_date_or_null(value) -> bool:
    if value is None:
        return True
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def test_corpus_has_enough_layouts():
    assert len(TEXTS) >= MIN_FIXTURES, [p.name for p in TEXTS]


def test_every_text_has_a_truth_and_every_truth_a_text():
    texts = {p.stem for p in TEXTS}
    truths = {p.stem for p in TRUTHS}
    assert texts - truths == set(), "texts without truth"
    assert truths - texts == set(), "truth without text"


@pytest.fixture(params=TRUTHS, ids=lambda p: p.stem)
def truth(request) -> tuple[str, dict, str]:
    path = request.param
    return path.stem, load(path), readable(path.with_suffix(".txt"))


def test_briefing_fields_have_the_seed_schema(truth):
    stem, data, _ = truth
    keys = set(data)
    assert keys >= BRIEFING_KEYS, (stem, BRIEFING_KEYS - keys)
    assert keys <= BRIEFING_KEYS | BRIEFING_OPTIONAL, (stem, keys - BRIEFING_KEYS)
    assert is_text_or_null(data["publication"]), stem
    assert is_text_or_null(data["title"]), stem
    issue = data["issue"]
    assert issue is None or (type(issue) is int and issue > 0), (stem, issue)
    assert is_iso_date_or_null(data["date"]), (stem, data["date"])
    if "editors" in data:
        assert is_names(data["editors"]), stem
    assert isinstance(data.get("notes", ""), str), stem
    assert isinstance(data["articles"], list) and data["articles"], stem
    assert isinstance(data["claims"], list), stem


def test_articles_have_the_seed_schema(truth):
    stem, data, _ = truth
    for index, article in enumerate(data["articles"], start=1):
        where = (stem, index)
        keys = set(article)
        assert keys >= ARTICLE_KEYS, (where, ARTICLE_KEYS - keys)
        assert keys <= ARTICLE_KEYS | ARTICLE_OPTIONAL, (where, keys - ARTICLE_KEYS)
        for name in ("title", "outlet", "section", "subtitle", "alternate_title"):
            assert is_text_or_null(article.get(name)), (where, name)
        for name in ("image_caption", "interviewee"):
            assert is_text_or_null(article.get(name)), (where, name)
        assert is_names(article["authors"]), where
        assert is_iso_date_or_null(article["date"]), (where, article["date"])
        assert is_names(article.get("subheadings", [])), where
        for item in article.get("items", []):
            assert set(item) <= {"title", "authors", "url"}, (where, item)
            assert is_text_or_null(item.get("title")), (where, item)
            assert is_names(item.get("authors", [])), (where, item)


def test_claims_have_the_seed_schema(truth):
    stem, data, _ = truth
    for claim in data["claims"]:
        keys = set(claim)
        assert keys >= CLAIM_KEYS, (stem, claim)
        assert keys <= CLAIM_KEYS | CLAIM_OPTIONAL, (stem, claim)
        assert isinstance(claim["contains"], str) and claim["contains"].strip()
        assert is_text_or_null(claim["speaker"]), (stem, claim)
        figure = claim.get("figure")
        if figure is not None:
            assert set(figure) == {"value", "unit"}, (stem, claim)
            value, unit = figure["value"], figure["unit"]
            assert isinstance(value, int | float) and not isinstance(value, bool)
            assert unit in (None, "%") or CURRENCY.match(unit), (stem, unit)


def test_truth_phrases_are_in_the_text(truth):
    """Claim phrases and titles are read from the text, not invented."""
    stem, data, text = truth
    for claim in data["claims"]:
        assert comparable(claim["contains"]) in text, (stem, claim["contains"])
    for article in data["articles"]:
        for name in ("title", "subtitle", "image_caption"):
            if article.get(name):
                assert comparable(article[name]) in text, (stem, name, article[name])
        for author in article["authors"]:
            assert comparable(author) in text, (stem, author)
