"""The GIS Reports parser: the seed article and an invented one with every part."""

from __future__ import annotations

import datetime as dt

import pytest

from briefings.importers.formats import gis_reports
from briefings.importers.text import collapse_whitespace
from tests.truth import SEED_STEMS, seed_text

SEED = "002_aac1c03eb9aeb100"

# A titled GIS article: lead, two authors with honorifics, a date, an "In a nutshell"
# box, subheadings, two bios, the page address and the source line.
CHIPS = """\
China’s chip ambitions face a reality check
Beijing is pouring money into semiconductors, but export controls and a shortage of \
engineers slow its chip progress.
by Prof. Anna Schmidt and Dr. Tom Berger
March 5, 2024
In a nutshell
• Export controls restrict access to advanced tools
• Engineers are scarce
Beijing has spent billions on semiconductors over the past decade. State funds back \
hundreds of chip start-ups.
Export controls
Washington’s export controls cut Chinese chip makers off from advanced tools. The \
shortage of engineers makes things worse.
Scenarios
Progress will be slow but steady.
Anna Schmidt is a professor of economics at the University of Vienna.
Tom Berger is a senior fellow at a research institute in Berlin.
https://www.gisreportsonline.com/r/china-chips/
Source: GIS Reports
"""


@pytest.fixture(scope="module")
def seed():
    return gis_reports.parse(seed_text(SEED))


@pytest.fixture(scope="module")
def article(seed):
    (only,) = seed.articles
    return only


def test_sniff_accepts_the_seed_and_rejects_other_seeds():
    for stem in SEED_STEMS:
        assert gis_reports.sniff(seed_text(stem)) is (stem == SEED), stem


@pytest.mark.parametrize(
    "text",
    [
        CHIPS,
        "Title\nText.\n© 2024 Geopolitical Intelligence Services AG\n",
        "Title\nby Jane Doe\nText.\nhttps://www.gisreportsonline.com/r/x/\n",
        "GIS Reports\nTitle\nby Jane Doe\nText.\n",
    ],
)
def test_sniff_accepts_other_gis_texts(text):
    assert gis_reports.sniff(text)


def test_sniff_ignores_gis_as_geography():
    text = "Mapping Beijing\n\nThe GIS reports on land use were published.\n" * 3
    assert not gis_reports.sniff(text + "More text.\nAnd more.\nThe end.\nReally.\n")


def test_seed_shows_no_title_or_date(seed, article):
    assert (seed.publication, seed.title, seed.date) == ("GIS Reports", None, None)
    assert (article.title, article.date, article.outlet) == (None, None, None)
    assert article.authors == ["Junhua Zhang"]


def test_seed_teaser_is_flagged_not_used(article):
    assert article.suspected_teaser.startswith("China’s new economic guiding principle")
    assert article.summary is None and article.subtitle is None
    assert "dual circulation" not in article.body
    assert any(w.startswith("suspected teaser") for w in article.warnings)


def test_seed_bio_byline_and_source_stay_out_of_the_body(article):
    assert article.author_bio.startswith("Dr. Junhua Zhang is a senior associate")
    assert "senior associate" not in article.body
    assert "by Dr." not in article.body and "Source:" not in article.body
    assert article.body.startswith("The Cultural Revolution of the 1960s")
    assert article.body.endswith("clash with some of China’s policies.")


def test_seed_span_excludes_teaser_and_source(article):
    assert (article.line_start, article.line_end) == (2, 35)


def test_seed_subheadings_are_body_paragraphs(article):
    paragraphs = article.paragraphs()
    assert len(article.subheadings) == 8
    assert all(heading in paragraphs for heading in article.subheadings)
    assert len(paragraphs) == 32
    assert all(p == collapse_whitespace(p) for p in paragraphs)


def test_seed_glued_sentences_are_separated(article):
    assert "Sesame Credit. The NDRC" in article.body


def test_titled_article_with_every_part():
    briefing = gis_reports.parse(CHIPS)
    (article,) = briefing.articles
    assert (
        briefing.title == article.title == "China’s chip ambitions face a reality check"
    )
    assert briefing.date == article.date == dt.date(2024, 3, 5)
    assert article.authors == ["Anna Schmidt", "Tom Berger"]
    assert article.subtitle.startswith("Beijing is pouring money")
    assert article.suspected_teaser is None and article.warnings == []
    assert article.summary == (
        "• Export controls restrict access to advanced tools\n• Engineers are scarce"
    )
    assert article.subheadings == ["Export controls", "Scenarios"]
    assert article.author_bio.endswith("research institute in Berlin.")
    assert article.body.endswith("Progress will be slow but steady.")
    assert "gisreportsonline" not in article.body and "•" not in article.body
    assert (article.line_start, article.line_end) == (1, 14)
