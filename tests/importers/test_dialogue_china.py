"""The Dialogue China Briefing parser: the seed issue and invented issues."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefings.importers.formats import dialogue_china
from briefings.importers.text import collapse_whitespace
from tests.truth import SEED_STEMS, seed_text

SEED = "000_5bfb5aca709c86da"

# Another issue: different sections and dates, a title on its own line, two authors
# with an honorific, a camel-case brand in a title, contents wording that differs.
ISSUE_152 = """\
Briefing #152: Youth Unemployment and the Lying-Flat Generation

Dialogue China BriefingAbout China TodayApril 1st, 2024 – Issue 152Topics in This \
IssueThe articles translated here do not necessarily reflect the views of Dialogue \
China Briefing or Dialogue China.
Feature StoryWhy Young Chinese Are Lying FlatThe Party’s New Rules for Private Tutors
Society (Public Opinion within the Great Firewall)Rural Pensions Fall Short of Living \
CostsWhat Happened to the Migrant Workers? Feature Story
Why Young Chinese Are Lying Flat on WeChatLi Ming – Voice of America – March 20, 2024
A young man rests on a bench in Shanghai (Reuters)Unemployment among young people in \
China rose again in February, according to official figures.

Many graduates say they have given up on finding a job and moved back home.

The Party’s New Rules for Private TutorsDr. Zhang Wei and Chen Hong – China Digital \
Times – March 25, 2024
New regulations bar tutors from teaching on weekendsThe Ministry of Education \
published the rules in March after a year of consultation.

Three main changes

First, tutoring companies must register with local education bureaus before they \
hire staff.Society (Public Opinion within the Great Firewall)
Rural Pensions Fall Short of Living Costs
Wu Fang – Caixin – March 2, 2024
An elderly farmer in Gansu (caixin.com)Summary:
Rural pensions average a few hundred yuan a month, far below living costs in most \
provinces.(Read The Original TextSociety (Public Opinion within the Great Firewall)
What Happened to the Migrant Workers?Anonymous – WeChat Public Account – March 28, 2024
Workers wait for jobs at a labour market (Getty Images)Summary:
Millions of migrant workers have returned to their villages as factories cut orders.
Read The Original Text
For a free subscription: Please click HERE.Copyright © 2024 Dialogue China, All \
rights reserved.
  • Share

Comments are closed.

Dialogue China
"""

# An issue without a contents list: sections only as markers in the running text,
# hyphens instead of en dashes in one byline, "Summary:" on its own line.
ISSUE_99 = """\
Briefing #99: Debt and Chips

Dialogue China Briefing – Issue 99 – June 5, 2022
Economy
Local Debt Piles UpLiu Yang – Economic Observer – May 30, 2022
Local governments owe more than ever, and many cannot pay their suppliers on time.

Another paragraph about the bond market follows here.Technology
Chip Makers Seek Subsidies
Sun Li - 36Kr - May 28, 2022
Summary:
Chinese chip makers lobby for more state money as export controls tighten.
Comments are closed.
"""

DEBRIS = re.compile(
    r"Summary:|Read The Original|Copyright|subscription|Comments are closed|"
    r"Great Firewall|\(Associated Press\)|\(Getty Images\)|\(Reuters\)|\(cbg\.cn\)"
)


@pytest.fixture(scope="module")
def seed():
    return dialogue_china.parse(seed_text(SEED))


def test_sniff_accepts_the_seed_and_rejects_other_seeds():
    for stem in SEED_STEMS:
        assert dialogue_china.sniff(seed_text(stem)) is (stem == SEED), stem


def test_sniff_accepts_other_issues():
    assert dialogue_china.sniff(ISSUE_152)
    assert dialogue_china.sniff(ISSUE_99)


def test_sniff_rejects_dashed_bylines_without_the_briefing():
    text = "A report\nJane Doe – The Daily – March 3, 2024\nText.\n"
    assert not dialogue_china.sniff(text)


def test_seed_briefing_fields(seed):
    assert seed.issue == 140
    assert seed.date == dt.date(2023, 10, 1)
    assert seed.date_precision == "day"
    assert seed.title == "Black Hole of Data: Devouring CCP’s Regime Legitimacy"
    assert seed.publication == "Dialogue China Briefing"


def test_seed_article_spans_point_at_their_lines(seed):
    spans = [(a.line_start, a.line_end) for a in seed.articles]
    assert spans == [
        (7, 18),
        (19, 66),
        (67, 70),
        (71, 74),
        (75, 78),
        (79, 81),
        (82, 85),
    ]


def test_seed_kinds_and_sections(seed):
    assert [a.kind for a in seed.articles] == ["feature"] * 2 + ["summary"] * 5
    assert [a.section for a in seed.articles] == (
        ["Feature Story"] * 2 + ["Policy/Politics"] * 2 + ["Finance and Business"] * 3
    )


def test_seed_bodies_hold_no_bylines_captions_labels_or_footer(seed):
    for article in seed.articles:
        assert not DEBRIS.search(article.body), article.title
        assert article.outlet not in article.body
        assert article.title not in article.body
        assert not article.body.endswith(("Feature Story", "Policy/Politics"))


def test_seed_bodies_follow_the_paragraph_convention(seed):
    for article in seed.articles:
        assert article.body
        for paragraph in article.body.split("\n\n"):
            assert paragraph == collapse_whitespace(paragraph)
            assert paragraph


def test_seed_feature_keeps_paragraphs_subheadings_and_subtitle(seed):
    black_hole = seed.articles[1]
    assert black_hole.subtitle.endswith("increasingly more of the truth")
    assert black_hole.body.startswith("In August of this year")
    assert len(black_hole.subheadings) == 5
    paragraphs = black_hole.paragraphs()
    assert all(heading in paragraphs for heading in black_hole.subheadings)
    assert len(paragraphs) == 24


def test_seed_captions_and_alternate_titles(seed):
    first, africa = seed.articles[0], seed.articles[3]
    assert first.image_caption.endswith("in Shanghai (Associated Press)")
    assert first.body.startswith("On July 28, 2023,")
    assert africa.alternate_titles == [
        "Can You Objectively Assess What China Has Brought to Africa?"
    ]


def test_another_issue_with_other_sections_and_dates():
    briefing = dialogue_china.parse(ISSUE_152)
    assert (briefing.issue, briefing.date) == (152, dt.date(2024, 4, 1))
    found = [
        (a.title, a.authors, a.outlet, a.date, a.section, a.kind)
        for a in briefing.articles
    ]
    assert found == [
        (
            "Why Young Chinese Are Lying Flat on WeChat",
            ["Li Ming"],
            "Voice of America",
            dt.date(2024, 3, 20),
            "Feature Story",
            "feature",
        ),
        (
            "The Party’s New Rules for Private Tutors",
            ["Zhang Wei", "Chen Hong"],
            "China Digital Times",
            dt.date(2024, 3, 25),
            "Feature Story",
            "feature",
        ),
        (
            "Rural Pensions Fall Short of Living Costs",
            ["Wu Fang"],
            "Caixin",
            dt.date(2024, 3, 2),
            "Society",
            "summary",
        ),
        (
            "What Happened to the Migrant Workers?",
            ["Anonymous"],
            "WeChat Public Account",
            dt.date(2024, 3, 28),
            "Society",
            "summary",
        ),
    ]


def test_another_issue_parts_stay_out_of_the_body():
    lying_flat, tutors, pensions, _ = dialogue_china.parse(ISSUE_152).articles
    assert lying_flat.alternate_titles == ["Why Young Chinese Are Lying Flat"]
    assert (
        lying_flat.image_caption == "A young man rests on a bench in Shanghai (Reuters)"
    )
    assert tutors.subtitle == "New regulations bar tutors from teaching on weekends"
    assert tutors.subheadings == ["Three main changes"]
    assert tutors.body.endswith("before they hire staff.")
    assert pensions.image_caption == "An elderly farmer in Gansu (caixin.com)"
    assert pensions.body.endswith("in most provinces.")
    assert [(a.line_start, a.line_end) for a in (tutors, pensions)] == [
        (11, 16),
        (17, 20),
    ]


def test_issue_without_contents_takes_sections_from_markers():
    briefing = dialogue_china.parse(ISSUE_99)
    assert (briefing.issue, briefing.date) == (99, dt.date(2022, 6, 5))
    debt, chips = briefing.articles
    assert (debt.title, debt.authors, debt.section) == (
        "Local Debt Piles Up",
        ["Liu Yang"],
        "Economy",
    )
    assert debt.body.endswith("follows here.")
    assert (chips.title, chips.outlet, chips.section, chips.kind) == (
        "Chip Makers Seek Subsidies",
        "36Kr",
        "Technology",
        "summary",
    )
    assert chips.body == (
        "Chinese chip makers lobby for more state money as export controls tighten."
    )


def test_byline_glued_to_an_unknown_title_is_split_at_the_seam():
    text = ISSUE_99.replace(
        "Local Debt Piles UpLiu Yang", "Debts Nobody Can PayLiu Yang"
    )
    debt = dialogue_china.parse(text).articles[0]
    assert (debt.title, debt.authors) == ("Debts Nobody Can Pay", ["Liu Yang"])
    assert debt.warnings == []


def test_text_without_bylines_is_kept_with_a_warning():
    text = "Briefing #7: Notes\n\nDialogue China Briefing\n\nOne long paragraph here.\n"
    briefing = dialogue_china.parse(text)
    assert len(briefing.articles) == 1
    assert any(w.startswith("low confidence") for w in briefing.warnings)
