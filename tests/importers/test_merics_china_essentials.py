"""The MERICS China Essentials parser: the seed issue and invented issues."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from briefings.importers.formats import merics_china_essentials as merics
from briefings.importers.text import comparable
from tests.truth import SEEDS_DIR

SEED = SEEDS_DIR / "004_37fa85ca05e838ff.txt"
OTHER_SEEDS = sorted(path for path in SEEDS_DIR.glob("*.txt") if path != SEED)
SECTION_LABELS = ("TOP STORY", "METRIX", "TOPICS", "VIS-À-VIS", "MERICS CHINA DIGEST")

# A PDF issue with a PROFILE and no VIS-À-VIS, an issue number, a page number
# inside a broken paragraph, a digest dated inside the headline, a flat footer.
PROFILE_ISSUE = textwrap.dedent(
    """\
    MERICS China Essentials | No. 7

    12 March 2023

    CONTENTS

    TOP STORY.....\t2
    Beijing unveils a new science ministry\t2
    PROFILE\t3
    The engineer behind the new plan.....\t3
    METRIX\t4
    CHINA DIGEST\t4

    TOP STORY

    Beijing unveils new science ministry

    The facts: The State Council proposed a reorganised ministry. It will steer
    research funding across the country.

    What to watch: The reform could take years to show results. Provinces will
    have to adapt their own bureaus to the structure of the central

    4

    ministry within the year.

    Media coverage and sources:

    - Xinhua: [State Council reform plan](https://example.org/xinhua)
    - Caixin: [Reform explained](#)

    PROFILE

    Li Ming: the engineer behind the plan

    Li Ming, 58, spent two decades in the aerospace industry before joining.

    METRIX

    42 percent

    This is the share of research spending that went to basic science.

    CHINA DIGEST

    Chinese exports fall for a fifth month (Reuters, 10/03/2023)

    Exports fell again in February, customs data showed.

    <https://example.org/exports>

    Party launches new study campaign (Xinhua)

    The campaign will run until the end of the year. (2023-03-11)

    EDITORIAL TEAM

    EDITOR
    Jane Doe
    Senior Editor
    Max Mustermann
    Freelance editor

    GRAPHICS
    Erika Muster
    """
)

# A web edition: labels in mixed case, no contents list and no footer.
WEB_ISSUE = textwrap.dedent(
    """\
    China Essentials

    29 February 2024

    Top story

    A headline about the economy

    The facts: Growth slowed to 4 percent, MERICS analysts said.

    Vis-à-vis

    “We need more dialogue”

    MERICS spoke to former ambassador Anna Schmidt about relations with Beijing.

    What should Europe do?

    Talk more, and listen.

    MERICS China Digest

    Rail freight to Europe slows (Caixin)

    Fewer trains left Chongqing for Duisburg. (24/02/23)
    """
)

UNDATED_DIGEST = textwrap.dedent(
    """\
    MERICS China Essentials

    CHINA DIGEST

    Rail freight to Europe slows (Caixin)

    Fewer trains left Chongqing for Duisburg. (24/02/23)
    """
)


@pytest.fixture(scope="module")
def seed():
    return merics.parse(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_lines():
    return SEED.read_text(encoding="utf-8").splitlines()


def test_sniff_accepts_the_seed_issue():
    assert merics.sniff(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", OTHER_SEEDS, ids=lambda path: path.stem)
def test_sniff_rejects_other_publishers_seeds(path):
    assert not merics.sniff(path.read_text(encoding="utf-8"))


def test_sniff_accepts_other_issues_and_rejects_a_passing_mention():
    assert merics.sniff(PROFILE_ISSUE)
    assert merics.sniff(WEB_ISSUE)
    mention = "Brief #3: Trade\n\nA MERICS China Essentials issue said tariffs rose.\n"
    assert not merics.sniff(mention)


def test_seed_header_gives_date_editors_and_no_title(seed):
    assert (seed.format, seed.publication) == (
        "merics_china_essentials",
        "MERICS China Essentials",
    )
    assert (seed.date, seed.date_precision) == (dt.date(2024, 2, 29), "day")
    assert seed.title is None and seed.issue is None
    assert seed.editors == [
        "Claudia Wessling",
        "Ellen Thalman",
        "Gerrit Wiesmann",
        "Christine Krüger",
    ]
    assert seed.warnings == []


def test_seed_articles_sit_in_their_sections_with_kinds(seed):
    found = [(a.section, a.kind) for a in seed.articles]
    assert (
        found
        == [
            ("TOP STORY", "analysis"),
            ("METRIX", "metric"),
            ("TOPICS", "analysis"),
            ("TOPICS", "analysis"),
            ("TOPICS", "analysis"),
            ("VIS-À-VIS", "interview"),
        ]
        + [("MERICS CHINA DIGEST", "digest_item")] * 5
    )
    assert seed.articles[1].title == "USD 250 million"
    assert seed.articles[5].interviewee == "Johnny Erling"
    assert all(a.authors == [] for a in seed.articles)


def test_seed_bodies_hold_no_labels_contents_lists_urls_or_footer(seed):
    for article in seed.articles:
        paragraphs = article.paragraphs()
        assert article.body == "\n\n".join(paragraphs)
        assert not set(paragraphs) & set(SECTION_LABELS)
        assert article.title not in paragraphs
        for debris in ("CONTENTS", ".....", "\t", "Media coverage", "http", "<"):
            assert debris not in article.body
        for debris in ("More MERICS analysis", "EDITORIAL TEAM", "Jakobstraße"):
            assert debris not in article.body
        assert "**" not in article.body and "](#)" not in article.body


def test_seed_analysis_leads_stay_in_the_body(seed):
    cranes = seed.articles[2].paragraphs()
    assert [p.split(":")[0] for p in cranes] == [
        "The facts",
        "What to watch",
        "MERICS analysis",
    ]
    assert "said MERICS Lead Analyst Jacob Gunter." in cranes[2]


def test_seed_paragraph_broken_across_a_page_is_rejoined(seed):
    assert any(
        "NATO and US Navy vessels in and near commercial ports." in p
        for p in seed.articles[2].paragraphs()
    )
    assert not any(p.startswith("vessels") for p in seed.articles[2].paragraphs())


def test_seed_link_lists_become_links_with_their_outlets(seed):
    top_story = seed.articles[0].links
    assert [link.label for link in top_story] == [
        "Archived survey",
        "Yuwa survey",
        "Associated Press",
    ]
    assert top_story[0].title.endswith("(chinadigitaltimes.net)")
    hacking = seed.articles[4].links
    assert hacking[0].description == "MERICS Report by Antonia Hmaid"
    assert hacking[2].label == "New York Times"
    assert hacking[2].url.startswith("https://www.nytimes.com/")


def test_seed_digest_items_have_outlets_dates_and_urls(seed):
    digest = seed.articles[6:]
    assert [(a.outlet, a.date) for a in digest] == [
        ("Financial Times", dt.date(2024, 2, 23)),
        ("Sourcing Journal", dt.date(2024, 2, 27)),
        ("Reuters", dt.date(2024, 2, 28)),
        ("AP", dt.date(2024, 2, 27)),
        ("Nikkei", dt.date(2024, 2, 23)),
    ]
    assert (
        digest[2].title
        == 'China broadens law on state security to include "work secrets"'
    )
    assert all(a.date_precision == "day" for a in digest)
    assert all(
        len(a.links) == 1 and a.links[0].url.startswith("https://") for a in digest
    )
    assert all(not a.body.rstrip().endswith(")") for a in digest)


def test_seed_line_spans_point_at_titles_and_last_lines(seed, seed_lines):
    for article in seed.articles:
        first = seed_lines[article.line_start - 1]
        assert comparable(article.title) in comparable(first)
        assert seed_lines[article.line_end - 1].strip()
    assert (seed.articles[0].line_start, seed.articles[0].line_end) == (25, 41)
    assert (seed.articles[6].line_start, seed.articles[6].line_end) == (131, 135)
    assert seed.articles[-1].line_end == 159


def test_a_profile_issue_without_interview_is_parsed_by_structure():
    issue = merics.parse(PROFILE_ISSUE)
    assert (issue.date, issue.issue) == (dt.date(2023, 3, 12), 7)
    assert [(a.section, a.kind, a.title) for a in issue.articles] == [
        ("TOP STORY", "analysis", "Beijing unveils new science ministry"),
        ("PROFILE", "feature", "Li Ming: the engineer behind the plan"),
        ("METRIX", "metric", "42 percent"),
        ("CHINA DIGEST", "digest_item", "Chinese exports fall for a fifth month"),
        ("CHINA DIGEST", "digest_item", "Party launches new study campaign"),
    ]
    assert issue.editors == ["Jane Doe", "Max Mustermann"]
    assert issue.warnings == []


def test_contents_wording_becomes_an_alternate_title():
    top_story, profile = merics.parse(PROFILE_ISSUE).articles[:2]
    assert top_story.alternate_titles == ["Beijing unveils a new science ministry"]
    assert profile.alternate_titles == ["The engineer behind the new plan"]


def test_wrapped_lines_and_a_page_number_do_not_split_paragraphs():
    top_story = merics.parse(PROFILE_ISSUE).articles[0]
    assert top_story.paragraphs() == [
        "The facts: The State Council proposed a reorganised ministry. It will "
        "steer research funding across the country.",
        "What to watch: The reform could take years to show results. Provinces "
        "will have to adapt their own bureaus to the structure of the central "
        "ministry within the year.",
    ]
    assert [(link.label, link.url) for link in top_story.links] == [
        ("Xinhua", "https://example.org/xinhua"),
        ("Caixin", None),
    ]


def test_digest_dates_in_headlines_and_iso_form_are_read():
    exports, campaign = merics.parse(PROFILE_ISSUE).articles[3:]
    assert (exports.outlet, exports.date) == ("Reuters", dt.date(2023, 3, 10))
    assert exports.links[0].url == "https://example.org/exports"
    assert (campaign.outlet, campaign.date) == ("Xinhua", dt.date(2023, 3, 11))
    assert campaign.body == "The campaign will run until the end of the year."


def test_a_web_issue_with_mixed_case_labels_and_no_contents():
    issue = merics.parse(WEB_ISSUE)
    assert issue.date == dt.date(2024, 2, 29)
    assert [(a.section, a.title) for a in issue.articles] == [
        ("Top story", "A headline about the economy"),
        ("Vis-à-vis", "“We need more dialogue”"),
        ("MERICS China Digest", "Rail freight to Europe slows"),
    ]
    interview = issue.articles[1]
    assert interview.kind == "interview"
    assert interview.interviewee == "Anna Schmidt"
    assert "What should Europe do?" in interview.paragraphs()
    assert issue.articles[2].date == dt.date(2024, 2, 23)


def test_a_digest_date_read_without_an_issue_date_is_flagged():
    issue = merics.parse(UNDATED_DIGEST)
    item = issue.articles[0]
    assert issue.date is None
    assert item.date is not None
    assert any(w.startswith("low confidence") for w in item.warnings)


def test_a_seed_that_lost_its_blank_lines_parses_the_same(seed):
    text = SEED.read_text(encoding="utf-8")
    flat = merics.parse("\n".join(line for line in text.splitlines() if line.strip()))
    assert [a.title for a in flat.articles] == [a.title for a in seed.articles]
    assert [a.body for a in flat.articles] == [a.body for a in seed.articles]
    assert [a.links for a in flat.articles] == [a.links for a in seed.articles]
    assert flat.editors == seed.editors


def test_a_digest_under_another_label_is_found_by_its_structure():
    text = textwrap.dedent(
        """\
        MERICS China Essentials

        1 March 2024

        IN BRIEF

        Rail freight to Europe slows (Caixin)

        Fewer trains left Chongqing for Duisburg. (24/02/23)

        Solar exports hit a record (Bloomberg, 27/02/2024)

        Shipments of panels rose again.

        Xi meets business leaders (24/02/26)

        The meeting was held in Beijing.
        """
    )
    items = merics.parse(text).articles
    assert [(a.kind, a.outlet, a.date) for a in items] == [
        ("digest_item", "Caixin", dt.date(2024, 2, 23)),
        ("digest_item", "Bloomberg", dt.date(2024, 2, 27)),
        ("digest_item", None, dt.date(2024, 2, 26)),
    ]
    assert items[2].title == "Xi meets business leaders"


def test_content_bullets_stay_in_the_body_and_bold_is_no_bullet():
    text = textwrap.dedent(
        """\
        MERICS China Essentials

        TOP STORY

        Three reforms to watch

        **MERICS analysts** list the measures:

        - Cutting the [reserve ratio](https://example.org/rrr) for small banks.
        - Opening the bond market further.

        Media coverage and sources:

        - Reuters: <https://example.org/reuters>
        """
    )
    article = merics.parse(text).articles[0]
    assert article.paragraphs() == [
        "MERICS analysts list the measures:",
        "• Cutting the reserve ratio for small banks.",
        "• Opening the bond market further.",
    ]
    assert [(link.label, link.url) for link in article.links] == [
        ("Reuters", "https://example.org/reuters")
    ]
