"""Within an article: a stated total that disagrees with the sum of its parts."""

from __future__ import annotations

import pytest

from briefings.importers import parse_text
from briefings.importers.checks.consistency import describe, inconsistent_totals
from briefings.importers.types import ParsedArticle
from tests.truth import SEED_STEMS, seed_text

SEED_003 = "003_0a3b34c06e81888b"


def warnings_for(*paragraphs: str) -> list[str]:
    return inconsistent_totals(ParsedArticle(title=None, body="\n\n".join(paragraphs)))


def test_seed_003_total_disagrees_with_its_four_parts():
    (article,) = parse_text(seed_text(SEED_003)).articles
    flagged = [w for w in article.warnings if w.startswith("inconsistent figures: ")]
    assert flagged == [
        "inconsistent figures: the total 2.48 billion CNY differs from the sum of its "
        "parts 248.3725 million CNY (145 million + 58.657 million + 24.47 million + "
        "20.2455 million)"
    ]


@pytest.mark.parametrize("stem", [stem for stem in SEED_STEMS if stem != SEED_003])
def test_other_seeds_raise_no_false_alarm(stem):
    for article in parse_text(seed_text(stem)).articles:
        assert not [w for w in article.warnings if w.startswith("inconsistent")]


@pytest.mark.parametrize(
    "paragraphs",
    [
        # A list that counts its own items and misses the total.
        (
            "The three ministries collected a total of RMB 900 million.",
            "The three ministries include: one with RMB 200 million; one with "
            "RMB 300 million; and one with RMB 100 million.",
        ),
        # "consisting of" says the list is complete.
        (
            "The fund holds a total of USD 10 billion, consisting of USD 4 billion "
            "in bonds and USD 3 billion in equities.",
        ),
        # A partial list ("including") whose parts exceed the total.
        (
            "A total of 1,200 people were detained, including 500 in Beijing and 800 in Shanghai.",
        ),
    ],
)
def test_disagreeing_totals_are_flagged(paragraphs):
    (warning,) = warnings_for(*paragraphs)
    assert warning.startswith("inconsistent figures: the total ")


@pytest.mark.parametrize(
    "paragraphs",
    [
        # A partial list may add up to less than the total.
        (
            "A total of 1,200 people were detained, including 500 in Beijing and 300 in Shanghai.",
        ),
        # Parts that agree within rounding.
        (
            "It spent a total of RMB 2.5 billion, consisting of RMB 1.24 billion and "
            "RMB 1.26 billion.",
        ),
        ("The total came to about RMB 10 billion: RMB 6 billion and RMB 4.3 billion.",),
        # No cue links the total and the other amounts.
        (
            "Ministries spent a total of RMB 5 billion.",
            "Others spent RMB 2 billion and RMB 1 billion.",
        ),
        # Other units, changes, bounds and percentages are not parts.
        ("A total of RMB 5 billion was paid: USD 3 billion and USD 4 billion.",),
        (
            "A total of RMB 5 billion was paid, including rises of RMB 3 billion and RMB 4 billion.",
        ),
        (
            "A total of RMB 5 billion was paid, including more than RMB 3 billion and RMB 4 billion.",
        ),
        ("A total of 40 percent agreed, including 30 percent and 20 percent.",),
        # Counts of other things.
        ("A total of 100 firms were fined, including 80 banks and 70 insurers.",),
        # Not a total at all.
        ("Revenue reached RMB 5 billion, including RMB 3 billion and RMB 4 billion.",),
    ],
)
def test_consistent_or_unlinked_figures_are_not_flagged(paragraphs):
    assert warnings_for(*paragraphs) == []


def test_the_warning_shows_every_number():
    (warning,) = warnings_for(
        "A total of 1,200 people were detained, including 500 in Beijing and 800 in Shanghai."
    )
    assert warning == (
        "inconsistent figures: the total 1,200 differs from the sum of its parts "
        "1,300 (500 + 800)"
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (2.48e9, "2.48 billion"),
        (248_372_500, "248.3725 million"),
        (1200, "1,200"),
        (1.5e12, "1.5 trillion"),
    ],
)
def test_describe_uses_scale_words(value, written):
    assert describe(value) == written
