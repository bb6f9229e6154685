"""Across the archive: one indicator, one period, two different values."""

from __future__ import annotations

import datetime as dt

import pytest

from briefings.importers import parse_text, structure
from briefings.importers.checks.indicators import (
    indicator_conflicts,
    indicator_words,
    normalise_period,
)
from briefings.importers.claims import extract_claims
from briefings.importers.types import ParsedArticle, ParsedBriefing
from briefings.models import Figure
from tests import factories
from tests.conftest import run_import
from tests.truth import SEED_STEMS, seed_text

JOBS = (
    "China’s youth unemployment rate has been rising, surging to 21.3 percent in June."
)


def figure_words(sentence: str, written: str) -> list[str]:
    start = sentence.index(written)
    return indicator_words(sentence, start, start + len(written))


@pytest.mark.parametrize(
    ("sentence", "written", "expected"),
    [
        (JOBS, "21.3 percent", ["youth", "unemployment", "rate"]),
        (
            "Official data shows that 26.82 million people were banned from flights.",
            "26.82 million",
            ["people", "banned", "flight"],
        ),
        (
            "Retail sales grew 7.4% in 2023, while fixed-asset investment grew 3%.",
            "3%",
            ["fixed", "asset", "investment"],
        ),
        (
            "Two hospitals overcharged RMB 28 and RMB 63 respectively for tests.",
            "RMB 28",
            [],
        ),
        (
            "The unemployment rate for 16-24 year olds was 21.3% in June.",
            "21.3%",
            ["unemployment", "rate", "16", "24", "old"],
        ),
    ],
)
def test_indicator_words_name_what_a_figure_measures(sentence, written, expected):
    assert figure_words(sentence, written) == expected


@pytest.mark.parametrize(
    ("written", "anchor", "expected"),
    [
        ("2023-08-12", None, "2023-08-12"),
        ("June 2019", None, "2019-06"),
        ("Feb. 2024", None, "2024-02"),
        ("2022", None, "2022"),
        ("2023年6月", None, "2023-06"),
        ("June", dt.date(2023, 10, 1), "2023-06"),
        ("December", dt.date(2024, 2, 29), "2023-12"),
        ("last year", dt.date(2024, 2, 29), "2023"),
        ("January to July 2023", None, "january to july 2023"),
        ("2020 to 2022", None, "2020..2022"),
        ("Between 2020 and 2022", None, "2020..2022"),
        ("2020-2022", None, "2020..2022"),
        ("June", None, None),
        ("this week", dt.date(2024, 2, 29), None),
        (None, dt.date(2024, 2, 29), None),
    ],
)
def test_periods_are_normalised_against_the_publication_date(written, anchor, expected):
    assert normalise_period(written, anchor) == expected


def parsed_briefing(body: str, date: dt.date = dt.date(2023, 10, 1)) -> ParsedBriefing:
    article = ParsedArticle(title="Jobs", body=body)
    article.claims = extract_claims(article)
    return ParsedBriefing(
        format="generic",
        publication="Test Weekly",
        issue=7,
        date=date,
        date_precision="day",
        articles=[article],
    )


def store(text: str, written: str, value: float, refers_to: str, **briefing_fields):
    owner = factories.briefing(
        "Other Review", briefing_fields.pop("published_on", dt.date(2023, 7, 20))
    )
    article = factories.article("Stored jobs", text, briefing_=owner)
    claim = factories.claim(article, text, figures=((written, value, "%"),))
    Figure.objects.filter(claim=claim).update(refers_to=refers_to)
    return owner


@pytest.mark.django_db
def test_a_different_value_for_the_same_indicator_and_period_is_flagged():
    store(
        "The youth unemployment rate hit 20.8 percent in June.",
        "20.8 percent",
        20.8,
        "June",
    )
    (warning,) = indicator_conflicts(parsed_briefing(JOBS))
    assert warning.startswith(
        "inconsistent figures: youth unemployment rate for 2023-06"
    )
    assert "21.3% in Test Weekly #7, “Jobs”" in warning
    assert "but 20.8% in Other Review" in warning and "“Stored jobs”" in warning


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "written", "value", "refers_to"),
    [
        # The same value, or one within the rounding of what was written.
        (
            "The youth unemployment rate hit 21.3 percent in June.",
            "21.3 percent",
            21.3,
            "June",
        ),
        (
            "The youth unemployment rate hit 21.30 percent in June.",
            "21.30 percent",
            21.3,
            "June",
        ),
        # Another period, or another indicator.
        (
            "The youth unemployment rate hit 20.8 percent in May.",
            "20.8 percent",
            20.8,
            "May",
        ),
        (
            "The urban unemployment rate hit 5.2 percent in June.",
            "5.2 percent",
            5.2,
            "June",
        ),
        # A period that cannot be pinned down.
        (
            "The youth unemployment rate hit 20.8 percent this week.",
            "20.8 percent",
            20.8,
            "this week",
        ),
    ],
)
def test_agreeing_or_unrelated_figures_are_not_flagged(text, written, value, refers_to):
    store(text, written, value, refers_to)
    assert indicator_conflicts(parsed_briefing(JOBS)) == []


@pytest.mark.django_db
def test_a_briefing_is_not_compared_with_its_own_earlier_import():
    owner = store(
        "The youth unemployment rate hit 20.8 percent in June.",
        "20.8 percent",
        20.8,
        "June",
    )
    assert (
        indicator_conflicts(parsed_briefing(JOBS), exclude_ref=owner.import_ref) == []
    )


@pytest.mark.django_db
def test_the_seeds_raise_no_conflict_with_each_other(imported_seeds):
    for stem in SEED_STEMS:
        assert indicator_conflicts(parse_text(seed_text(stem))) == [], stem


@pytest.mark.django_db
def test_import_reports_a_conflict_as_a_briefing_warning(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Jobless youth\n\nJuly 20, 2023\n\nThe youth unemployment rate hit 20.8 "
        "percent in June, a record.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        f"Youth jobs in China\n\nOctober 1, 2023\n\n{JOBS}\n", encoding="utf-8"
    )
    run_import(str(tmp_path / "a.txt"))
    report, status = run_import(str(tmp_path / "b.txt"))
    assert status == 0
    warnings = report["files"][0]["warnings"]
    (warning,) = [w for w in warnings if w.startswith("inconsistent figures")]
    assert warning.startswith("inconsistent figures: youth unemployment rate")
    # the other warning says the text names no publication
    assert [w for w in warnings if w != warning] == [structure.NO_PUBLICATION]
    assert "20.8%" in warning and "21.3%" in warning
