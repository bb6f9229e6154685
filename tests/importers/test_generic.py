"""The generic parser: the seed news report and invented articles of other shapes."""

from __future__ import annotations

import datetime as dt

import pytest

from briefings.importers import structure
from briefings.importers.formats import dialogue_china, generic, gis_reports
from briefings.importers.text import collapse_whitespace
from tests.truth import seed_text

SEED = "003_0a3b34c06e81888b"
HEADLINE = (
    "Multiple Chinese Communist Party departments profit from official data, "
    "hidden dealings draw attention."
)

# Headline, dek, byline with outlet, dateline, photo caption, subheading, bullets,
# the author's bio, copyright and share debris.
AUDIT = """\
Ministries Sell Citizens' Data, Audit Finds
Auditors say four ministries charged fees for government data without approval.
By Jane Doe and John Roe | Example News
Published: 12 March 2024, 10:30 GMT

Photo: Auditors at work in Beijing (Example News)

Four ministries earned 2.48 billion yuan from government data, the audit office \
said on Tuesday. The fees were charged without approval.

What the audit found

The audit covered six years of records. It found that the fees were set without \
approval by four ministries.

- Transport ministry: 145 million yuan
- Education ministry: 58 million yuan

Experts said the ministries should open their data to the public.

Jane Doe is a correspondent at Example News.

© 2024 Example News. All rights reserved.
Share this article
"""

# "Name, Outlet" byline, a bare date line and a wire dateline.
WIRE = """\
China cuts rates to support economy

Jane Doe, Reuters
March 12, 2024

BEIJING (Reuters) - China's central bank cut a key interest rate on Tuesday, its \
first cut this year.

The move was widely expected by analysts.
"""

# Hard-wrapped paragraphs and a trailing "Source:" line.
WRAPPED = """\
Beijing tightens rules on data exports

China's cyberspace regulator on Friday published new rules that ease some
requirements for companies sending data abroad, a move welcomed by foreign
business groups.

The rules exempt data collected in trade and academic cooperation from
security reviews.

Source: Example Wire
"""

# No headline: the text starts with its first paragraph.
HEADLESS = """\
China's exports rose 7 percent in March from a year earlier, customs data showed \
on Thursday, beating forecasts. Imports fell.
Analysts said demand from Southeast Asia helped.
"""


@pytest.fixture(scope="module")
def seed():
    return generic.parse(seed_text(SEED))


def test_sniff_accepts_any_text():
    for text in (seed_text(SEED), AUDIT, WIRE, "", "x"):
        assert generic.sniff(text)


@pytest.mark.parametrize("text", [AUDIT, WIRE, WRAPPED, HEADLESS, seed_text(SEED)])
def test_earlier_formats_leave_generic_texts_alone(text):
    assert not dialogue_china.sniff(text)
    assert not gis_reports.sniff(text)


def test_seed_headline_is_the_title(seed):
    (article,) = seed.articles
    assert seed.title == article.title == HEADLINE
    assert (seed.publication, seed.date, seed.issue) == (None, None, None)
    assert (article.authors, article.outlet, article.date) == ([], None, None)
    assert article.kind == "news"


def test_seed_body_keeps_every_paragraph_and_no_title(seed):
    (article,) = seed.articles
    paragraphs = article.paragraphs()
    assert len(paragraphs) == 21
    assert paragraphs[0].startswith("Recently, the Chinese Communist Party (CCP)")
    assert paragraphs[-1].startswith("Sun Guoxiang states that")
    assert HEADLINE not in article.body
    assert all(p == collapse_whitespace(p) for p in paragraphs)
    assert (article.line_start, article.line_end) == (1, 43)


def test_article_with_byline_dateline_caption_and_bio():
    briefing = generic.parse(AUDIT)
    (article,) = briefing.articles
    assert article.title == "Ministries Sell Citizens' Data, Audit Finds"
    assert article.subtitle.startswith("Auditors say four ministries")
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.outlet == briefing.publication == "Example News"
    assert article.date == briefing.date == dt.date(2024, 3, 12)
    assert article.image_caption == "Auditors at work in Beijing (Example News)"
    assert article.author_bio == "Jane Doe is a correspondent at Example News."
    assert article.subheadings == ["What the audit found"]
    assert article.paragraphs() == [
        "Four ministries earned 2.48 billion yuan from government data, the audit "
        "office said on Tuesday. The fees were charged without approval.",
        "What the audit found",
        "The audit covered six years of records. It found that the fees were set "
        "without approval by four ministries.",
        "• Transport ministry: 145 million yuan",
        "• Education ministry: 58 million yuan",
        "Experts said the ministries should open their data to the public.",
    ]
    assert (article.line_start, article.line_end) == (1, 19)


def test_name_comma_outlet_byline_and_wire_dateline():
    briefing = generic.parse(WIRE)
    (article,) = briefing.articles
    assert article.authors == ["Jane Doe"]
    assert article.outlet == "Reuters"
    assert article.date == dt.date(2024, 3, 12)
    assert article.body.startswith("China's central bank cut")
    assert "(Reuters)" not in article.body


def test_hard_wrapped_paragraphs_are_joined_and_source_names_the_outlet():
    briefing = generic.parse(WRAPPED)
    (article,) = briefing.articles
    assert article.outlet == "Example Wire"
    # the source a story came from is its outlet; whose page this is, the text
    # does not say (left empty and flagged, as for any unknown publication)
    assert briefing.publication is None
    assert structure.NO_PUBLICATION in briefing.warnings
    assert article.date is None
    assert article.paragraphs() == [
        "China's cyberspace regulator on Friday published new rules that ease some "
        "requirements for companies sending data abroad, a move welcomed by foreign "
        "business groups.",
        "The rules exempt data collected in trade and academic cooperation from "
        "security reviews.",
    ]
    assert (article.line_start, article.line_end) == (1, 8)


def test_text_without_headline_has_no_title():
    (article,) = generic.parse(HEADLESS).articles
    assert article.title is None
    assert len(article.paragraphs()) == 2


def test_lead_unrelated_to_the_body_is_flagged_as_teaser():
    text = (
        "Europe’s farmers protest against climate rules. They say costs are high.\n"
        "By Jane Doe\n" + HEADLESS
    )
    (article,) = generic.parse(text).articles
    assert article.suspected_teaser.startswith("Europe’s farmers")
    assert article.summary is None and "farmers" not in article.body
    assert article.line_start == 2


def test_empty_text_has_no_articles():
    assert generic.parse("").articles == []
