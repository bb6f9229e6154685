"""The structural reader on layouts seen on real public pages after the corpus was
written: media reports of quoted outlets, source lines naming several outlets or the
source's language, publications named only by a footer's self-description.

The texts are invented in those layouts; every assertion is on what an editor sees
(the briefing's publication, title and date, each article's title, outlet, date).
"""

from __future__ import annotations

import datetime as dt

from briefings.importers import parse_text
from briefings.importers.structure.roles import meta_of

MEDIA_REPORT = """\
Media Report
March 4, 2025

  • Reuters reports: "The port authority said container volumes rose 8 percent in
February, the fastest pace since the autumn."
  • According to Caixin, three provincial banks were told to raise capital by June.
  • The Financial Times writes: "The new rules leave room for local exceptions."

Back to top
China-US Focus is a project of the China-United States Exchange Foundation.
"""


def test_each_bullet_of_a_media_report_is_an_article_with_its_outlet():
    parsed = parse_text(MEDIA_REPORT)
    assert [(a.title, a.outlet) for a in parsed.articles] == [
        (None, "Reuters"),
        (None, "Caixin"),
        (None, "The Financial Times"),
    ]
    # a wrapped bullet keeps its second line; the footer is no part of the last item
    assert parsed.articles[0].body.endswith('fastest pace since the autumn."')
    assert "project of" not in parsed.articles[2].body


def test_a_media_report_is_titled_by_its_kind_line_and_named_by_its_footer():
    parsed = parse_text(MEDIA_REPORT)
    assert parsed.title == "Media Report"  # says what kind of issue, names no one
    assert parsed.publication == "China-US Focus"
    assert parsed.date == dt.date(2025, 3, 4)


def test_an_essay_citing_outlets_in_passing_stays_one_article():
    text = (
        "Why the Yuan Held\n\nBy Jane Doe\n\n"
        + "The currency was steady through the spring, and traders noticed. " * 3
        + "\n\nReuters reports: the fixing was set stronger than models said.\n\n"
        + "That is not the whole story, however, and the banks know it well. " * 3
        + "\n\nAccording to Caixin, state banks sold dollars on two days.\n\n"
        + "Whatever the reason, the calm is unlikely to last into the summer. " * 3
    )
    parsed = parse_text(text)
    assert len(parsed.articles) == 1
    assert parsed.articles[0].title == "Why the Yuan Held"


def test_a_source_line_naming_several_outlets_keeps_the_known_one():
    assert meta_of("Sources: Xinhua, China Daily").outlet == "Xinhua"
    assert meta_of("Sources: Harbour Weekly; Caixin").outlet == "Caixin"


def test_the_language_of_a_source_is_not_part_of_its_name():
    assert meta_of("Source: People's Daily (original in Chinese)").outlet == (
        "People's Daily"
    )
    assert meta_of("Xinhua (in Chinese)").outlet == "Xinhua"


def test_a_title_beginning_with_media_is_no_source_line():
    assert meta_of("Media Report") is None
    assert meta_of("Media: Caixin").outlet == "Caixin"
