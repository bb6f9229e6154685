"""The structural reader: line roles, items from repetition, dates, bylines, catalogue.

The texts here are invented in the layouts of real public briefings (a press review
with sections, a numbered link digest, a listing with metadata above the titles, a
contents-only journal issue); the layout corpus in ``tests/importers/layouts/`` is
scored as a whole at the end.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefings.importers import parse_text, structure
from briefings.importers.evaluation import Tally, evaluate_text, scores
from briefings.importers.report import briefing_report
from briefings.importers.structure import catalogue
from briefings.importers.structure.dates import date_line, find_date
from briefings.importers.structure.roles import issue_number, meta_of, read_units
from briefings.importers.structure.titles import split_title

LAYOUTS = Path(__file__).parent / "layouts"

PRESS_REVIEW = """\
Skip to main content
Weekly Harbour Press Review
14-18.10.2024, No. 301
^ top ^

Economy

Port volumes rise for third month (Xinhua)
2024-10-17 ^ top ^
Container throughput rose 6.1 percent year on year in September, the port
authority said.

Lenders cut mortgage rates again (SCMP)
2024-10-16

Diplomacy

Envoy visits Lagos ahead of summit (GT)
2024-10-15
The envoy said Beijing was ready to fund a second rail line.

Subscribe
"""

NUMBERED = """\
The Morning Lantern 10.04.24

Good morning. Three stories today.

1. Regulator drafts rules on AI labels – Reuters The draft requires platforms to \
mark generated images and keep logs for six months.

2. Shipyards post record orders – Financial Times

3. Provinces told to cut hidden debt – Caixin Eleven provinces must present plans \
by June.

Unsubscribe | Update your preferences
"""

LISTING = """\
Example Policy Monitor
Articles  Issues  Authors

Mira Castell
Apr 2, 2024
The Grain Reserve Reform Explained
The reform moves stock decisions to the provinces and sets new audit rules.

Tomas Oyelaran
Mar 20, 2024
Why County Debt Keeps Growing
County platforms borrowed more in 2023 than in any year before.

Lin Baoyu
Mar 5, 2024
Reading the Two Sessions Work Report
The report names fourteen priorities, three of them new.
"""

CONTENTS = """\
Review of Invented Asian Studies
Vol. 9, Issue 2 · 1 June 2024

Table of Contents

Articles
Land Rights after the Reform Era ........ 1
Amira Solberg (Example University)

Courts and Petitions in Two Provinces ........ 27
Dai Wenli and Petra Kowalczyk

Review Essay
Histories of the Grain Bureau ........ 55
Jonas Whitfield
"""

ESSAY = """\
Skip to main content
Why the Yuan Is Not Falling
By Jane Doe
12 March 2024
8 min read

The currency held steady in March despite weaker exports, traders said.

Analysts expect the central bank to keep its fixing stable.
"""


# --- line roles ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Skip to main content", "noise"),
        ("12 min read", "noise"),
        ("^ top ^", "noise"),
        ("Share on Twitter", "noise"),
        ("© 2024 Example Institute. All rights reserved.", "noise"),
        ("https://example.org/a/b", "url"),
        ("Published: 12 March 2024", "date"),
        ("Vol. 3, Issue 4", "issue"),
        ("Reuters | 12 March 2024", "meta"),
        ("Jane Doe and John Roe", "names"),
        ("Beijing tightens rules on data exports", "heading"),
        ("The regulator published new rules on Friday.", "prose"),
        ("- a bullet entry of a list", "list"),
        ("Table of contents", "contents"),
    ],
)
def test_line_role_comes_from_its_features(line, role):
    assert read_units(line)[0].role == role


def test_numbering_and_dot_leaders_are_taken_off_a_title_line():
    unit = read_units("IV. Land Rights after the Reform Era ........ 17")[0]
    assert (unit.numbering, unit.number_label) == ("roman", "IV")
    assert unit.text == "Land Rights after the Reform Era"


# --- dates, issues, bylines -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Tuesday, March 12, 2024", dt.date(2024, 3, 12), "day"),
        ("12 March 2024", dt.date(2024, 3, 12), "day"),
        ("12.03.24", dt.date(2024, 3, 12), "day"),
        ("3/12/2024", dt.date(2024, 12, 3), "day"),
        ("2024-03-12", dt.date(2024, 3, 12), "day"),
        ("Mar. 5 '24", dt.date(2024, 3, 5), "day"),
        ("March 2024", dt.date(2024, 3, 1), "month"),
        ("May 11-18, 2021", dt.date(2021, 5, 11), "day"),
        ("25-29.10.2021", dt.date(2021, 10, 25), "day"),
        ("Week of March 4, 2024", dt.date(2024, 3, 4), "day"),
        ("Mar 1, 202421 min read", dt.date(2024, 3, 1), "day"),
        ("August 17 , 2016", dt.date(2016, 8, 17), "day"),
    ],
)
def test_date_lines_in_common_forms(text, expected, precision):
    found = date_line(text)
    assert (found.date, found.precision) == (expected, precision)


def test_a_date_without_a_year_gets_no_year():
    found = find_date("Officials met on 12 March in Kunming.")
    assert (found.date, found.year, found.month, found.day) == (None, None, 3, 12)


@pytest.mark.parametrize(
    "text", ["may 5 people", "No. 12 was 2.48 billion", "in 2023 the economy grew"]
)
def test_numbers_and_verbs_are_no_dates(text):
    assert find_date(text) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [("Issue 12", 12), ("No. 889", 889), ("#42", 42), ("Vol. 3, Issue 4", 4)],
)
def test_issue_numbers_in_their_usual_spellings(text, number):
    assert issue_number(text) == number


@pytest.mark.parametrize(
    ("line", "authors", "outlet"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], None),
        ("Authors: Jane Doe, John Roe", ["Jane Doe", "John Roe"], None),
        ("Reviewed by Amira Solberg", ["Amira Solberg"], None),
        ("Commentary | By Ines Castell | February 27, 2024", ["Ines Castell"], None),
        ("Global Times, 02/04/2024", [], "Global Times"),
    ],
)
def test_bylines_and_metadata_lines(line, authors, outlet):
    meta = meta_of(line)
    assert (meta.authors, meta.outlet) == (authors, outlet)


@pytest.mark.parametrize(
    ("line", "title", "outlet", "date"),
    [
        ("Port volumes rise (Xinhua)", "Port volumes rise", "Xinhua", None),
        (
            "Xi visits Tianjin (August 22, 2014, BBC)",
            "Xi visits Tianjin",
            "BBC",
            dt.date(2014, 8, 22),
        ),
        ("China cuts rates – Reuters", "China cuts rates", "Reuters", None),
        (
            "China – Africa trade at a record",
            "China – Africa trade at a record",
            None,
            None,
        ),
    ],
)
def test_title_lines_give_their_outlet_and_date(line, title, outlet, date):
    parts = split_title(line)
    found = parts.date.date if parts.date else None
    assert (parts.title, parts.outlet, found) == (title, outlet, date)


def test_catalogue_knows_abbreviations_domains_and_sixty_publications():
    assert len(catalogue.publications()) >= 60
    assert catalogue.lookup("SCMP").name == "South China Morning Post"
    assert catalogue.lookup("CDT").name == "China Digital Times"
    assert catalogue.by_domain("https://www.ft.com/content/x").name == "Financial Times"
    assert catalogue.lookup("scmp") is None  # abbreviations match as written


# --- items ---------------------------------------------------------------------------------


def _articles(text: str) -> list[tuple]:
    briefing = parse_text(text)
    return [
        (a.title, a.outlet, a.date, a.section, a.authors) for a in briefing.articles
    ]


def test_press_review_becomes_one_article_per_item_with_sections():
    briefing = parse_text(PRESS_REVIEW)
    assert briefing.publication == "Weekly Harbour Press Review"
    assert (briefing.issue, briefing.date) == (301, dt.date(2024, 10, 14))
    assert _articles(PRESS_REVIEW) == [
        (
            "Port volumes rise for third month",
            "Xinhua",
            dt.date(2024, 10, 17),
            "Economy",
            [],
        ),
        (
            "Lenders cut mortgage rates again",
            "SCMP",
            dt.date(2024, 10, 16),
            "Economy",
            [],
        ),
        (
            "Envoy visits Lagos ahead of summit",
            "GT",
            dt.date(2024, 10, 15),
            "Diplomacy",
            [],
        ),
    ]


def test_numbered_digest_splits_title_outlet_and_glued_excerpt():
    briefing = parse_text(NUMBERED)
    assert briefing.publication == "The Morning Lantern"
    assert briefing.date == dt.date(2024, 4, 10)  # day first when both fit
    titles = [(a.title, a.outlet) for a in briefing.articles]
    assert titles == [
        ("Regulator drafts rules on AI labels", "Reuters"),
        ("Shipyards post record orders", "Financial Times"),
        ("Provinces told to cut hidden debt", "Caixin"),
    ]
    assert briefing.articles[0].body.startswith("The draft requires platforms")


def test_listing_with_author_and_date_above_each_title():
    assert _articles(LISTING) == [
        (
            "The Grain Reserve Reform Explained",
            None,
            dt.date(2024, 4, 2),
            None,
            ["Mira Castell"],
        ),
        (
            "Why County Debt Keeps Growing",
            None,
            dt.date(2024, 3, 20),
            None,
            ["Tomas Oyelaran"],
        ),
        (
            "Reading the Two Sessions Work Report",
            None,
            dt.date(2024, 3, 5),
            None,
            ["Lin Baoyu"],
        ),
    ]


def test_contents_only_issue_makes_the_contents_the_articles():
    briefing = parse_text(CONTENTS)
    assert (briefing.publication, briefing.issue) == (
        "Review of Invented Asian Studies",
        2,
    )
    assert _articles(CONTENTS) == [
        ("Land Rights after the Reform Era", None, None, "Articles", ["Amira Solberg"]),
        (
            "Courts and Petitions in Two Provinces",
            None,
            None,
            "Articles",
            ["Dai Wenli", "Petra Kowalczyk"],
        ),
        (
            "Histories of the Grain Bureau",
            None,
            None,
            "Review Essay",
            ["Jonas Whitfield"],
        ),
    ]


def test_single_essay_stays_one_article_without_boilerplate():
    briefing = parse_text(ESSAY)
    [article] = briefing.articles
    assert (article.title, article.authors) == (
        "Why the Yuan Is Not Falling",
        ["Jane Doe"],
    )
    assert article.date == dt.date(2024, 3, 12)
    assert "min read" not in article.body and "Skip" not in article.body


TEASERS = """\
Scanning the web so you need not

March 3, 2024

Beijing sets growth goal again (March 2, 2024, Example Times)

The government kept its target at about five percent, officials said.

Ports report busier February (March 1, 2024, BBC)

Container throughput at the ten largest ports rose 8 percent from a year earlier.

Provinces told to curb new debt (February 28, 2024, Reuters)

Twelve provinces must submit plans to reduce hidden borrowing by June.
"""

READING = """\
Weekly Ramblings: March 10, 2024

China Stories

Jane Field, "How Port Cities Rebuilt After the Boom"
Tom Reyes and Amy Lin, "The Quiet Return of Rural Banks"
Example News, "Factories Add Night Shifts as Orders Rise"

Around the World

Sam Doyle, "A Lighthouse Keeper's Last Winter"
"""


def test_teasers_with_date_and_outlet_in_brackets_and_a_tagline_masthead():
    briefing = parse_text(TEASERS)
    assert briefing.publication is None  # a tagline names no publication
    assert briefing.date == dt.date(2024, 3, 3)
    assert [(a.title, a.outlet, a.date) for a in briefing.articles] == [
        ("Beijing sets growth goal again", "Example Times", dt.date(2024, 3, 2)),
        ("Ports report busier February", "BBC", dt.date(2024, 3, 1)),
        ("Provinces told to curb new debt", "Reuters", dt.date(2024, 2, 28)),
    ]


def test_author_and_quoted_title_lines_under_sections():
    assert [
        (a.title, a.outlet, a.section, a.authors) for a in parse_text(READING).articles
    ] == [
        (
            "How Port Cities Rebuilt After the Boom",
            None,
            "China Stories",
            ["Jane Field"],
        ),
        (
            "The Quiet Return of Rural Banks",
            None,
            "China Stories",
            ["Tom Reyes", "Amy Lin"],
        ),
        (
            "Factories Add Night Shifts as Orders Rise",
            "Example News",
            "China Stories",
            [],
        ),
        ("A Lighthouse Keeper's Last Winter", None, "Around the World", ["Sam Doyle"]),
    ]


# --- confidence instead of invention --------------------------------------------------------


def test_unknown_publication_stays_empty_and_is_flagged():
    briefing = parse_text(ESSAY)
    assert briefing.publication is None
    assert structure.NO_PUBLICATION in briefing.warnings


def test_report_gives_the_structure_confidence():
    report = briefing_report(parse_text(PRESS_REVIEW))
    assert 0 < report["structure_confidence"] <= 1
    bare = briefing_report(parse_text(LISTING.replace("Example Policy Monitor\n", "")))
    assert (
        bare["structure_confidence"] < report["structure_confidence"]
        or bare["publication"] is None
    )


def test_a_publisher_module_is_sure_of_its_layout():
    from tests.truth import SEED_STEMS, seed_text

    assert parse_text(seed_text(SEED_STEMS[0])).confidence == 1.0


# --- the layout corpus ----------------------------------------------------------------------


def test_layout_corpus_scores_fields_and_claims():
    """The corpus of invented texts in other publishers' layouts, scored as a whole.

    The floors are the scores reached when the reader was written, kept as a guard
    against regressions; the goal for fields is 0.95.
    """
    cases = sorted(LAYOUTS.glob("*.txt"))
    assert len(cases) >= 25, f"{LAYOUTS} holds {len(cases)} layouts"
    total = Tally()
    for case in cases:
        truth = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
        total = total + evaluate_text(case.read_text(encoding="utf-8"), truth)
    found = scores(total)
    right = sum(total.field_right.values()) + total.briefing_right
    expected = sum(total.field_expected.values()) + total.briefing_compared
    given = sum(total.field_found.values())
    assert right / expected >= 0.82, found["articles"]
    # nothing invented: a value where the truth has none counts against precision
    assert sum(total.field_right.values()) / given >= 0.92, found["articles"]
    assert found["claims"]["recall"] >= 0.90, found["claims"]


OUTLET_DIGEST = """\
Welcome to this issue of our digest: the week's news on China's economy.
Port operators report slower container traffic
Financial Times
Container volumes at three large ports fell in October, operators said.
https://www.ft.com/content/port-traffic
Provinces trim their growth targets
Caixin
Several inland provinces cut their growth targets after a weak third quarter.
https://www.caixinglobal.com/provinces-targets
Shipping insurers raise premiums
Financial Times
Insurers raised premiums for vessels calling at ports near the strait.
https://www.ft.com/content/shipping-premiums
"""


def test_an_items_outlet_is_never_taken_for_the_digests_publication():
    parsed = parse_text(OUTLET_DIGEST)
    assert [a.outlet for a in parsed.articles] == [
        "Financial Times",
        "Caixin",
        "Financial Times",
    ]
    assert parsed.publication is None
    assert any("publication unknown" in w for w in parsed.warnings)


def test_a_site_listing_its_own_pieces_names_itself_in_its_copyright_line():
    text = OUTLET_DIGEST.replace("Caixin\n", "Harbour Weekly\n") + (
        "Copyright by Harbour Weekly. All rights reserved.\n"
    )
    assert parse_text("Harbour Weekly\n\n" + text).publication == "Harbour Weekly"


def test_the_web_address_of_an_items_source_names_no_publication():
    text = OUTLET_DIGEST.replace("Caixin\n", "")
    parsed = parse_text(text)
    assert parsed.publication is None


BRACKETED_LINKS = """\
Reading (April 2024)

Beijing tightens rules on data leaving the country
(Financial Times, 04/18/24, Mara Lindqvist and Tom Okafor)

Provinces race to build computing centres
(Caixin, 04/09/24, Chen Yuting)

Coast guard patrols near the shoal double
(Reuters, 04/02/24, Paul Ferrand)
"""


def test_bracketed_metadata_under_each_title_stays_with_that_title():
    parsed = parse_text(BRACKETED_LINKS)
    assert [(a.title, a.outlet, a.authors) for a in parsed.articles] == [
        (
            "Beijing tightens rules on data leaving the country",
            "Financial Times",
            ["Mara Lindqvist", "Tom Okafor"],
        ),
        ("Provinces race to build computing centres", "Caixin", ["Chen Yuting"]),
        ("Coast guard patrols near the shoal double", "Reuters", ["Paul Ferrand"]),
    ]
    assert parsed.publication is None


def test_ambiguous_numeric_dates_follow_the_order_the_text_shows():
    # 04/18/24 can only be month first, so 04/09/24 is 9 April, not 4 September
    dates = [a.date for a in parse_text(BRACKETED_LINKS).articles]
    assert dates == [dt.date(2024, 4, 18), dt.date(2024, 4, 9), dt.date(2024, 4, 2)]
    european = BRACKETED_LINKS.replace("04/18/24", "18/04/24")
    european = european.replace("04/09/24", "09/04/24").replace("04/02/24", "02/04/24")
    assert [a.date for a in parse_text(european).articles] == dates


SOURCED_SUMMARIES = """\
Weekly News – March 4-8, 2024

Shipyards win record orders for gas carriers

Three state shipyards booked orders for 41 liquefied gas carriers in February, more
than in the whole of last year, according to an industry association.

Analysts expect the order book to keep yards busy until 2028.

Source: Caixin

Provinces publish their first carbon budgets

Guangdong and Zhejiang published carbon budgets for their heavy industry, the first
provinces to do so.

The budgets cap emissions from steel, cement and glass plants.

Source: Xinhua

A new visa for young scientists

The foreign ministry announced a visa category for researchers under 35.

Source: Global Times
"""


def test_summaries_that_each_close_with_their_source_are_items():
    parsed = parse_text(SOURCED_SUMMARIES)
    assert [(a.title, a.outlet) for a in parsed.articles] == [
        ("Shipyards win record orders for gas carriers", "Caixin"),
        ("Provinces publish their first carbon budgets", "Xinhua"),
        ("A new visa for young scientists", "Global Times"),
    ]
    assert all(a.section is None for a in parsed.articles)
    # "Weekly News" says what kind of issue this is, not whose
    assert parsed.publication is None
    assert parsed.date == dt.date(2024, 3, 4)


FIRST_TITLE_AS_SENTENCES = """\
Harbours Wait. Exporters Do Not.

Ines Albrecht
Financial Times
Exporters have started booking space on ships months ahead of the new licence rules.

A Quiet Shift in Provincial Budgets

Tomas Reyes
Caixin
Inland provinces moved spending from roads to pensions this year.

Drones Over the Strait Become Routine

Mei Lin Ho
Reuters
Coast guard logs show daily flights near the median line.
"""


def test_a_first_title_written_as_sentences_is_still_the_first_item():
    parsed = parse_text(FIRST_TITLE_AS_SENTENCES)
    assert [(a.title, a.outlet) for a in parsed.articles] == [
        ("Harbours Wait. Exporters Do Not.", "Financial Times"),
        ("A Quiet Shift in Provincial Budgets", "Caixin"),
        ("Drones Over the Strait Become Routine", "Reuters"),
    ]
    assert parsed.publication is None


REPEATED_MASTHEAD_DIGEST = """\
8 min read

Harbour Reading Digest #12

Dear readers,

This issue is shorter than usual because of the holiday.

Harbour Reading Digest #12

  • Date range: April 2 - April 9, 2024
  • Sources scanned: 61

Recommended Reading

Why the yuan held steady in March

Lena Brandt | Financial Times | April 3

A clear account of how the central bank guided the fixing all month.

The provinces that stopped building roads

Omar Haddad | Caixin | April 8

Spending moved from roads to pensions in five inland provinces.
"""


def test_a_masthead_shown_twice_names_the_digest_and_is_no_item():
    parsed = parse_text(REPEATED_MASTHEAD_DIGEST)
    assert (parsed.publication, parsed.issue) == ("Harbour Reading Digest", 12)
    assert parsed.date == dt.date(2024, 4, 2)  # the labelled date range's first day
    assert [(a.title, a.outlet) for a in parsed.articles] == [
        ("Why the yuan held steady in March", "Financial Times"),
        ("The provinces that stopped building roads", "Caixin"),
    ]
