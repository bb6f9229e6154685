"""The China Neican parser: the seed brief and invented briefs in other shapes."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from briefings.importers import parse_text
from briefings.importers.formats import china_neican
from briefings.importers.text import comparable
from tests.truth import SEEDS_DIR

SEED = SEEDS_DIR / "001_263ff8426498e9e3.txt"
OTHER_SEEDS = sorted(path for path in SEEDS_DIR.glob("*.txt") if path != SEED)

DATED_BRIEF = textwrap.dedent(
    """\
    8 min read

    Brief #57: Hong Kong elections, Taiwan Strait

    Published 9 October 2020

    China Neican is a weekly newsletter edited by Jane Doe and Richard Roe from \
the Policy Centre. You can find past issues of Neican here.

    1. Hong Kong

    Elections postponed

    The Legislative Council elections were postponed for a year. Officials cited \
the pandemic.

    A second paragraph that is long
    and wrapped over two lines without a blank line.

    2. Taiwan Strait

    Military aircraft crossed the median line several times this week.

    Recommendations

      • [A long read on the Party's history](https://example.org/history) by a \
historian.
      • Another recommendation without a link.
    """
)

ROMAN_BRIEF = textwrap.dedent(
    """\
    China Neican

    Brief #60: Xinjiang, tariffs (16 October 2020)

    In this issue:

    1. Xinjiang
    2. Tariffs

    I. Xinjiang

    New satellite images of detention facilities were published this week.

    II. Tariffs

    The tariffs were extended for another year.

    Podcasts worth a listen

      • Jane Roe, The Party and the economy: A conversation about growth.
      • Sinica, The week in review: Kaiser Kuo and guests discuss the news.
    """
)

UNNUMBERED_BRIEF = textwrap.dedent(
    """\
    Neican Brief #61: Tech and trade

    Chip controls

    New export controls on chips were announced on Friday.

    Trade talks

    The trade talks resumed after a pause of three months.
    """
)

OTHER_PUBLISHER = "\n\n".join(
    ["A report on data markets"]
    + [f"Paragraph {n} of a long report about policy." for n in range(30)]
    + ["As China Neican once noted, data is the new oil."]
)


@pytest.fixture(scope="module")
def seed():
    return china_neican.parse(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_lines():
    return SEED.read_text(encoding="utf-8").splitlines()


def test_sniff_accepts_the_seed_brief():
    assert china_neican.sniff(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", OTHER_SEEDS, ids=lambda path: path.stem)
def test_sniff_rejects_other_publishers_seeds(path):
    assert not china_neican.sniff(path.read_text(encoding="utf-8"))


def test_sniff_accepts_other_issues_and_rejects_a_passing_mention():
    assert china_neican.sniff(DATED_BRIEF)
    assert china_neican.sniff(ROMAN_BRIEF)
    assert china_neican.sniff(UNNUMBERED_BRIEF)
    assert not china_neican.sniff(OTHER_PUBLISHER)


def test_seed_header_gives_issue_title_editors_and_no_date(seed):
    assert (seed.format, seed.publication) == ("china_neican", "China Neican")
    assert seed.issue == 42
    assert seed.title == "CCP & economy, WeChat/TikTok bans, 'data leak'"
    assert seed.date is None and seed.date_precision == "unknown"
    assert seed.editors == ["Yun Jiang", "Adam Ni"]


def test_seed_sections_are_articles_by_the_editors(seed):
    found = [(a.title, a.kind, a.section) for a in seed.articles]
    assert found == [
        ("Party leadership", "column_section", None),
        ("WeChat and TikTok ban", "column_section", None),
        ("Data leak", "column_section", None),
        ("Chinoiserie", "link_list", None),
        ("This week on China Story", "link_list", None),
    ]
    assert all(a.authors == ["Yun Jiang", "Adam Ni"] for a in seed.articles[:4])
    assert seed.articles[4].authors == []


def test_seed_bodies_hold_no_headings_header_or_debris(seed):
    for article in seed.articles:
        paragraphs = article.body.split("\n\n")
        assert all(p and p == " ".join(p.split()) for p in paragraphs)
        assert article.title not in paragraphs
        for debris in ("Brief #42", "10 min read", "edited by", "1. Party"):
            assert debris not in article.body


def test_seed_subheadings_are_body_paragraphs(seed):
    first = seed.articles[0]
    assert first.subheadings[0] == "A revealing document"
    assert len(first.subheadings) == 5
    assert all(heading in first.paragraphs() for heading in first.subheadings)
    assert seed.articles[1].subheadings == []


def test_seed_chinese_quotes_and_translations_stay_in_the_body(seed):
    paragraphs = seed.articles[0].paragraphs()
    assert "党政军民学,东西南北中,党是领导一切的。" in paragraphs
    assert any(p.startswith("Party, government, military") for p in paragraphs)


def test_seed_ban_bullets_are_body_paragraphs(seed):
    bullets = [p for p in seed.articles[1].paragraphs() if p.startswith("• ")]
    assert len(bullets) == 2
    assert bullets[0].startswith("• Any provision of service to distribute")


def test_seed_reading_list_entries_become_items(seed):
    story = seed.articles[4]
    assert [item.authors for item in story.items] == [
        ["Beyongo Mukete Dynamic"],
        ["David Brophy"],
    ]
    assert story.items[1].title.endswith("security: Let the Chinese academics back in")
    assert story.items[1].description.startswith("Secret raids")
    assert len(seed.articles[3].items) == 4


def test_seed_line_spans_point_at_headings_and_last_lines(seed, seed_lines):
    for article in seed.articles:
        heading = seed_lines[article.line_start - 1]
        assert comparable(article.title) in comparable(heading)
        assert seed_lines[article.line_end - 1].strip()
    assert [a.line_start for a in seed.articles] == [7, 91, 114, 126, 133]
    assert seed.articles[0].line_end == 89
    assert seed.line_end == len(seed_lines)


def test_a_dated_brief_reads_its_date_line_and_other_sections():
    brief = china_neican.parse(DATED_BRIEF)
    assert (brief.issue, brief.title) == (57, "Hong Kong elections, Taiwan Strait")
    assert (brief.date, brief.date_precision) == (dt.date(2020, 10, 9), "day")
    assert brief.editors == ["Jane Doe", "Richard Roe"]
    assert [a.title for a in brief.articles] == [
        "Hong Kong",
        "Taiwan Strait",
        "Recommendations",
    ]
    hong_kong = brief.articles[0]
    assert hong_kong.subheadings == ["Elections postponed"]
    assert hong_kong.paragraphs()[-1] == (
        "A second paragraph that is long and wrapped over two lines without a "
        "blank line."
    )
    assert brief.warnings == []


def test_a_recommendations_list_keeps_links_and_the_editors():
    reads = china_neican.parse(DATED_BRIEF).articles[2]
    assert reads.kind == "link_list"
    assert reads.authors == ["Jane Doe", "Richard Roe"]
    assert reads.items[0].url == "https://example.org/history"
    assert reads.items[0].title == "A long read on the Party's history by a historian."
    assert "](" not in reads.body


def test_roman_numbered_sections_skip_a_numbered_contents_list():
    brief = china_neican.parse(ROMAN_BRIEF)
    assert (brief.issue, brief.title) == (60, "Xinjiang, tariffs")
    assert brief.date == dt.date(2020, 10, 16)
    assert [(a.title, a.kind) for a in brief.articles] == [
        ("Xinjiang", "column_section"),
        ("Tariffs", "column_section"),
        ("Podcasts worth a listen", "link_list"),
    ]
    assert any(w.startswith("preamble not imported") for w in brief.warnings)


def test_an_unknown_closing_list_is_recognised_by_its_bullets():
    podcasts = china_neican.parse(ROMAN_BRIEF).articles[2]
    assert podcasts.items[0].authors == ["Jane Roe"]
    assert podcasts.items[0].title == "The Party and the economy"
    assert podcasts.items[1].authors == []
    assert podcasts.authors == []


def test_a_brief_without_numbered_sections_is_flagged():
    brief = china_neican.parse(UNNUMBERED_BRIEF)
    assert [a.title for a in brief.articles] == ["Chip controls", "Trade talks"]
    assert brief.issue == 61
    assert brief.editors == []
    assert china_neican.NO_NUMBERED_SECTIONS in brief.warnings


def test_a_seed_that_lost_its_blank_lines_parses_the_same(seed):
    text = SEED.read_text(encoding="utf-8")
    flat = china_neican.parse("\n".join(x for x in text.splitlines() if x.strip()))
    assert [a.title for a in flat.articles] == [a.title for a in seed.articles]
    assert [a.body for a in flat.articles] == [a.body for a in seed.articles]
    assert [a.items for a in flat.articles] == [a.items for a in seed.articles]
    assert flat.articles[0].subheadings == seed.articles[0].subheadings


NEICAN_DIGEST = """\
China Reading Digest #7

Neican Digest gathers new China-related publications each week.

  1. Ports, power and the Pacific (Lena Brandt):

    Harbour deals signed last year are now being renegotiated.

  2. The quiet end of a growth target (Omar Haddad):

    Provinces have stopped announcing growth targets they cannot meet.
"""


def test_sniff_leaves_another_neican_product_to_the_structural_reader():
    assert not china_neican.sniff(NEICAN_DIGEST)
    parsed = parse_text(NEICAN_DIGEST)
    assert parsed.format == "generic"
    assert [(a.title, a.authors) for a in parsed.articles] == [
        ("Ports, power and the Pacific", ["Lena Brandt"]),
        ("The quiet end of a growth target", ["Omar Haddad"]),
    ]
