"""The structural reader on layouts seen on real public pages after the corpus was
written: media reports of quoted outlets, source lines naming several outlets or the
source's language, publications named only by a footer's self-description.

The texts are invented in those layouts; every assertion is on what an editor sees
(the briefing's publication, title and date, each article's title, outlet, date).
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefings.importers import parse_text
from briefings.importers.run import import_data
from briefings.importers.structure.dates import date_line
from briefings.importers.structure.roles import meta_of, read_units
from briefings.importers.structure.titles import split_title
from briefings.models import Briefing

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


YEARLESS_PAGE = """\
Why the Yuan Held Steady
August 17

The yuan was steady against the dollar this week, traders in Shanghai said, as the
central bank kept its fixing unchanged for a fourth day running.

Copyright 2016 Harbour Weekly
"""


def test_a_date_after_the_title_with_a_space_before_its_comma_dates_the_page():
    text = YEARLESS_PAGE.replace("August 17", "August 17 , 2016").replace(
        "Why the Yuan Held Steady", "Media Report"
    )
    parsed = parse_text(text)
    assert parsed.title == "Media Report"
    assert (parsed.date, parsed.date_precision) == (dt.date(2016, 8, 17), "day")


def test_a_page_dated_without_a_year_keeps_that_precision_and_borrows_no_year():
    parsed = parse_text(YEARLESS_PAGE)  # the copyright year is not the page's
    assert (parsed.date, parsed.date_precision) == (None, "no_year")
    assert parsed.articles[0].date_precision == "no_year"
    assert "no date: the text shows its date without a year (none borrowed)" in (
        parsed.warnings
    )


def test_a_digest_dated_without_a_year_keeps_that_precision():
    text = """\
Harbour Reading Digest
Tuesday, 4 March

Why the yuan held steady (Reuters)
Traders said the fixing was unchanged for a fourth day.

Provinces stop building roads (Caixin, 2 March)
Spending moved from roads to pensions in five inland provinces.

Banks told to raise capital (SCMP, 3 March 2025)
Three provincial lenders have until June.
"""
    parsed = parse_text(text)
    assert (parsed.date, parsed.date_precision) == (None, "no_year")
    dates = [(a.outlet, a.date, a.date_precision) for a in parsed.articles]
    assert dates == [
        ("Reuters", None, "unknown"),  # shows no date at all
        ("Caixin", None, "no_year"),
        ("SCMP", dt.date(2025, 3, 3), "day"),
    ]


@pytest.mark.django_db
def test_an_imported_page_without_a_year_is_stored_without_a_date():
    [entry] = import_data("yuan.txt", YEARLESS_PAGE.encode(), dry_run=False)
    briefing = Briefing.objects.get()
    assert entry["status"] == "created"
    assert (briefing.published_on, briefing.date_precision) == (None, "no_year")
    article = briefing.articles.get()
    assert (article.original_on, article.original_date_precision) == (None, "no_year")


WIRE_STORY = """\
Skip to main content
World
Business
Markets

Port of Ningbo handles record cargo despite export slowdown
By Jane Doe
March 3, 2024 5:12 AM GMT+8 Updated 2 hours ago

NINGBO, March 3 (Reuters) - The port of Ningbo handled a record 3.6 million
containers in February, the port authority said on Sunday, even as exporters
reported weaker orders from Europe.

Shipping lines added two routes to Southeast Asia in the month, it said.

Reporting by Jane Doe; Editing by Sam Holmes

Our Standards: The Thomson Reuters Trust Principles.
"""


def test_a_timestamp_with_an_offset_and_a_relative_update_dates_the_story():
    assert date_line("March 3, 2024 5:12 AM GMT+8 Updated 2 hours ago").date == (
        dt.date(2024, 3, 3)
    )
    parsed = parse_text(WIRE_STORY)
    assert (parsed.date, parsed.articles[0].date) == (dt.date(2024, 3, 3),) * 2


def test_a_wire_story_on_the_wires_own_site_is_the_wires_publication():
    parsed = parse_text(WIRE_STORY)
    assert parsed.publication == "Reuters"
    assert parsed.articles[0].outlet is None  # the publication's own story


def test_a_wire_story_republished_elsewhere_keeps_the_wire_as_its_outlet():
    text = WIRE_STORY.replace("(Reuters)", "(Xinhua)").replace(
        "Our Standards: The Thomson Reuters Trust Principles.", "(Web editor: Li Na)"
    )
    parsed = parse_text(text)
    assert parsed.publication is None  # the portal never names itself
    assert parsed.articles[0].outlet == "Xinhua"


BYLINE_FIRST_LISTING = """\
Latest Commentary
Hannah Lindqvist, Senior Fellow, Nordic Institute of Asian Affairs
Beijing Rethinks Who Pays for Elderly Care
The county subsidies move the bill from coastal cities to inland provinces.
Mei Takahashi, Research Associate, Pacific Policy Centre
Tobias Wren, Professor of Sociology, Lakeshore University
What the New Youth Jobless Figure Leaves Out
The new method no longer counts students who are looking for work.
Oren Castellanos, Director, Center for Urban Futures
Shenzhen's Housing Quotas Are a Test for Shrinking Cities
Planners want 1.7 million affordable flats by 2030.
Copyright © 2024 China-US Focus. All rights reserved.
"""


def test_a_byline_first_listing_without_blank_lines_has_one_article_per_item():
    parsed = parse_text(BYLINE_FIRST_LISTING)
    assert [(a.title, a.authors) for a in parsed.articles] == [
        ("Beijing Rethinks Who Pays for Elderly Care", ["Hannah Lindqvist"]),
        # two bylines stacked over one title: both are its authors
        (
            "What the New Youth Jobless Figure Leaves Out",
            ["Mei Takahashi", "Tobias Wren"],
        ),
        (
            "Shenzhen's Housing Quotas Are a Test for Shrinking Cities",
            ["Oren Castellanos"],
        ),
    ]


def test_a_copyright_line_with_both_word_and_sign_names_the_publication():
    assert parse_text(BYLINE_FIRST_LISTING).publication == "China-US Focus"


def test_a_listing_heading_is_no_person():
    assert read_units("Latest Commentary\n")[0].role != "names"


def test_untitled_items_copied_without_blank_lines_are_told_apart_by_their_bylines():
    text = """\
Economy & Trade
Lukas Feldmann, Senior Economist, Rhine Centre for Asian Markets
Mar 12, 2024
Beijing's growth target is a signal to local officials, not a forecast.
Feb 21, 2024
Why the central bank keeps surprising the markets by doing nothing.
Naoki Hirano, Visiting Professor, Kansai Graduate School of Policy
Elena Vasquez, Analyst, Meridian Trade Observatory
Feb 15, 2024
Electric vehicle exports rose 70 percent last year.
"""
    parsed = parse_text(text)
    assert [(a.title, a.authors, a.date) for a in parsed.articles] == [
        (None, ["Lukas Feldmann"], dt.date(2024, 3, 12)),
        (None, [], dt.date(2024, 2, 21)),
        (None, ["Naoki Hirano", "Elena Vasquez"], dt.date(2024, 2, 15)),
    ]


def test_a_bracketed_source_with_by_gives_the_items_author():
    parts = split_title(
        "Ten Things Firms Get Wrong (April 7, 2024, Forbes, by Dan Okafor)"
    )
    assert (parts.title, parts.outlet, parts.authors) == (
        "Ten Things Firms Get Wrong",
        "Forbes",
        ["Dan Okafor"],
    )
    assert parts.date.date == dt.date(2024, 4, 7)


def test_capitalised_headings_joined_by_slashes_are_sections_not_breadcrumbs():
    text = """\
Harbour Notes Newsletter for April 9, 2024

GOVERNMENT / POLITICS / FOREIGN AFFAIRS

Manila and Beijing trade accusations over shoal (April 8, 2024, Reuters)
The coast guard said a vessel fired a water cannon at a supply boat.

ECONOMY / TRADE

Factory prices fall for eighteenth month (April 9, 2024, Caixin)
Producer prices fell 2.8 percent year on year in March.
"""
    parsed = parse_text(text)
    assert [(a.outlet, a.section) for a in parsed.articles] == [
        ("Reuters", "GOVERNMENT / POLITICS / FOREIGN AFFAIRS"),
        ("Caixin", "ECONOMY / TRADE"),
    ]


def test_teasers_opening_with_a_wire_dateline_name_their_outlet_and_no_year():
    text = """\
Author: XINHUA
Forum Launches Action Plan for Media Partnership
JOHANNESBURG, Nov. 14 (Xinhua) — A forum of media outlets launched a plan on…
Chinese Carmaker Opens Assembly Line in Durban
DURBAN, Oct. 27 (Xinhua) — A Chinese automaker opened its first line on Monday…
Lesotho Water Tunnel Reaches Halfway Mark
MASERU, July 14 (Xinhua) — Workers have bored half of the tunnel…
"""
    parsed = parse_text(text)
    assert [(a.title, a.outlet) for a in parsed.articles] == [
        ("Forum Launches Action Plan for Media Partnership", "Xinhua"),
        ("Chinese Carmaker Opens Assembly Line in Durban", "Xinhua"),
        ("Lesotho Water Tunnel Reaches Halfway Mark", "Xinhua"),
    ]
    assert {(a.date, a.date_precision) for a in parsed.articles} == {(None, "no_year")}


def test_keyword_lines_are_tags_not_titles():
    text = """\
Press Reviews

25 September 2015
Keywords: central leadership, pension reform, Xinjiang
CHINA – POLITICS Surprises at the plenum The fifth plenum ended with fewer changes…
Read more

04 September 2015
Keywords: activism, media censorship, anti-corruption
CHINA – POLITICS Lawyers detained The detention of more than 200 lawyers…
Read more

21 August 2015
Keywords: Tianjin explosion, work safety
CHINA – SOCIETY Blasts in Tianjin Two explosions at a chemical warehouse…
Read more
"""
    parsed = parse_text(text)
    assert [(a.title, a.date) for a in parsed.articles] == [
        (None, dt.date(2015, 9, 25)),
        (None, dt.date(2015, 9, 4)),
        (None, dt.date(2015, 8, 21)),
    ]


def test_a_list_ending_with_a_date_dates_each_title_by_the_line_below_it():
    text = """\
Articles and Essays

Why Beijing Fears a Geoengineering Accident

February 21, 2024

The Water War, Part 3: Rivers Without Borders

December 18, 2023

A Smaller, Greener Belt and Road

June 23, 2023
"""
    parsed = parse_text(text)
    assert [(a.title, a.date) for a in parsed.articles] == [
        ("Why Beijing Fears a Geoengineering Accident", dt.date(2024, 2, 21)),
        ("The Water War, Part 3: Rivers Without Borders", dt.date(2023, 12, 18)),
        ("A Smaller, Greener Belt and Road", dt.date(2023, 6, 23)),
    ]


def test_an_official_body_named_by_what_it_does_is_the_speaker():
    text = """\
Factory Prices Keep Falling

By Jane Doe

Producer prices fell 2.8 percent year on year in March, the statistics bureau said.

China's commerce ministry said it had launched a probe into pork imports.

Prices will recover by the summer, some traders said.
"""
    claims = {c.text: c.speaker for a in parse_text(text).articles for c in a.claims}
    speakers = {text.split()[0]: speaker for text, speaker in claims.items()}
    assert speakers["Producer"] == "statistics bureau"
    assert speakers["China's"] == "China's commerce ministry"
    assert speakers.get("Prices") is None  # unnamed traders are nobody in particular


def test_a_body_without_a_qualifier_does_not_say_which_it_is():
    parsed = parse_text("Trade\n\nExports rose 5 percent in 2023, the ministry said.\n")
    assert [c.speaker for c in parsed.articles[0].claims] == [None]


def test_an_organisation_over_a_list_title_is_the_publication_and_the_title_stays():
    text = """\
The Harbour Business Council of Victoria
China Policy Reading List: Governance and the Party
Last updated: 31 December 2023

Party and State

Wang Lixin, "Managing the Cadre Pipeline", The China Journal, Vol. 89 (2023). A study.

Li Ying, "Counting Contention", China Review, Vol. 23 (2023). Another study.
"""
    parsed = parse_text(text)
    assert parsed.publication == "The Harbour Business Council of Victoria"
    assert parsed.title == "China Policy Reading List: Governance and the Party"


def test_a_mail_subject_titles_a_digest_whose_headers_are_noise():
    text = """\
From: Ridgeline Daily <daily@example.org>
Subject: Everyone reports to Xi | Shenzhen's housing plan

RIDGELINE DAILY
Tuesday, October 19, 2021

Politics - Oct 19, 2021
Everyone reports to Xi
The Politburo Standing Committee heard work reports on Monday.

Property - Oct 18, 2021
Shenzhen's housing plan
The city wants 1.7 million affordable flats by 2030.

Finance - Oct 18, 2021
Rural banks merge in Henan
Twenty-four lenders became one provincial bank.
"""
    parsed = parse_text(text)
    assert parsed.title == "Everyone reports to Xi | Shenzhen's housing plan"
    assert len(parsed.articles) == 3


def test_a_published_line_with_times_and_an_update_gives_the_first_date():
    found = date_line("Published 3 Apr 2024 10:00    Updated 5 Apr 2024 14:30")
    assert found.date == dt.date(2024, 4, 3)


def test_a_date_line_under_title_dek_byline_and_role_dates_the_page():
    text = """\
Analysis
China's coast guard is writing its own rules at sea
Beijing's new regulation turns a maritime grey zone into an administrative one.

Mira Kowalczyk
Research Fellow, Lowy Institute

Published 3 Apr 2024 10:00    Updated 5 Apr 2024 14:30

The regulation, which took effect in June, lets coast guard officers detain foreign
crews for up to 60 days without trial, a power no other coast guard in the region has.
"""
    parsed = parse_text(text)
    assert (parsed.date, parsed.articles[0].date) == (dt.date(2024, 4, 3),) * 2


def test_compilers_with_roles_are_the_editors_without_their_roles():
    text = """\
HARBOUR CHINA WEEKLY
Issue No. 12 — Friday 8 March 2024
Compiled by Rebecca Lowe, Research Associate, and Farid Nazari, Program Coordinator

A. Beijing sets its growth target again
The target is around 5 percent again.
(Reuters, 5 Mar 2024)

B. Provinces told to cut hidden debt
Twelve provinces were told to draw up plans.
(Caixin, 4 Mar 2024)

C. Exports surge ahead of tariff threat
Exports rose 12.7 percent year on year.
(Bloomberg, 7 Mar 2024)
"""
    assert parse_text(text).editors == ["Rebecca Lowe", "Farid Nazari"]


def test_a_listen_on_row_is_no_masthead():
    assert read_units("Listen on Apple Podcasts · Spotify · Overcast · RSS\n")[
        0
    ].role == ("noise")


def test_media_report_outlets_of_american_television_and_papers_are_known():
    text = """\
Media Report
July 31 , 2018
  • CNBC reports: "The new infrastructure fund is small next to Beijing's lending."
  • NBC News reports: "The consulate worker's symptoms were consistent with earlier cases."
  • USA Today reports: "Spying by China deserves more attention than it gets."
"""
    parsed = parse_text(text)
    assert [a.outlet for a in parsed.articles] == ["CNBC", "NBC News", "USA Today"]
    assert parsed.date == dt.date(2018, 7, 31)  # the space before the comma is read


def test_a_masthead_flattened_into_running_text_still_gives_issue_and_date():
    text = (
        "HARBOUR MACRO MONITOR Weekly digest of commentary Issue 58 | 15 January 2024 "
        "In this issue: Policy Property Finance Why the Growth Target Matters Less "
        "Liu Haiyan – Yicai – 2024-01-09 Summary: The target is a floor, not a forecast.\n"
    )
    parsed = parse_text(text)
    assert (parsed.issue, parsed.date) == (58, dt.date(2024, 1, 15))


def test_a_number_and_a_date_in_a_sentence_are_no_issue():
    text = (
        "Why the Cabinet Met Again\n\nThe cabinet approved document No. 9, 2024 "
        "guidelines and more on Monday, officials said, as growth slowed.\n"
    )
    assert parse_text(text).issue is None


def test_summaries_closing_with_a_source_and_its_address_are_items_of_any_heading():
    text = """\
Harbour Review News: Port Corridor Will Link Two Seas

A Harbour Review News commentary said the corridor would cut shipping times by 30 days.

Source: Harbour Review News, May 3, 2015
http://news.example.org/doc/1037.html

Xinhua: Banks See More Bad Loans

Xinhua reported that profit growth at the five largest banks fell below 2 percent.

Source: Xinhua, May 4, 2015
http://news.example.cn/fortune/2015-05/04.htm
"""
    parsed = parse_text(text)
    assert [(a.title, a.outlet, a.date) for a in parsed.articles] == [
        # the source line names the outlet, so its prefix leaves the title
        (
            "Port Corridor Will Link Two Seas",
            "Harbour Review News",
            dt.date(2015, 5, 3),
        ),
        ("Banks See More Bad Loans", "Xinhua", dt.date(2015, 5, 4)),
    ]


def test_a_single_articles_source_line_gives_outlet_and_date_apart():
    text = """\
Why the Yuan Held Steady

By Jane Doe

The yuan was steady this week, traders said, as the central bank kept its fixing.

Source: Xinhua, May 4, 2015
"""
    article = parse_text(text).articles[0]
    assert (article.outlet, article.date) == ("Xinhua", dt.date(2015, 5, 4))


def test_a_byline_whose_role_is_in_lower_case_is_still_a_byline():
    meta = meta_of("Sebastian Heilmann, Founding president of MERICS")
    assert meta.authors == ["Sebastian Heilmann"]


def test_a_numbered_heading_naming_places_is_no_byline():
    unit = read_units("3. Hong Kong, PRC\n")[0]
    assert (unit.role, unit.meta) == ("heading", None)


def test_a_category_label_over_a_listing_is_navigation_not_a_section():
    text = """\
Categories: National Security & Foreign Policy

Nadia Petrosyan
Mar 1, 2024
The Patriotic Education Law in Practice
How 12 provinces have implemented the law so far.

Samuel Okonjo
Feb 1, 2024
Measuring Self-Reliance in Technology
Of 35 chokepoint technologies, Chinese firms now make some.

Harriet Vance
Jan 4, 2024
The Quiet Alliance of China and Russia
A review of a new book on the two countries.
"""
    parsed = parse_text(text)
    assert len(parsed.articles) == 3
    assert {a.section for a in parsed.articles} == {None}


def test_an_interview_byline_with_its_date_gives_author_and_date():
    text = """\
HARBOUR CHINA REVIEW

"Beijing wants to be a rule-maker in the Arctic, not a rule-breaker"

Interview by Sven Aaltonen | 7 May 2024 | 9 min read

Polar researcher Ingeborg Dahl has studied China's Arctic policy for fifteen years, and
she thinks the country's ambitions there are mostly about rules, not territory.
"""
    parsed = parse_text(text)
    assert parsed.articles[0].authors == ["Sven Aaltonen"]
    assert parsed.date == dt.date(2024, 5, 7)


def test_a_byline_wrapped_over_two_lines_names_both_authors_without_roles():
    text = """\
China's Green Hydrogen Push: Scale First, Rules Later

By Astrid Holmberg, Senior Fellow, Nordic Institute of Asian Affairs, and
Daniel Kwame Mensah, Research Analyst

Published: 12 March 2024 | 12 min read

China accounts for more than 40 percent of global electrolyser capacity, and its
provinces plan far more hydrogen than the national plan foresees.
"""
    article = parse_text(text).articles[0]
    assert article.authors == ["Astrid Holmberg", "Daniel Kwame Mensah"]


def test_a_translation_credit_sentence_names_the_authors():
    text = """\
Regulations on the Management of Network Data Security (Draft)

This translation is by Noor Halvorsen, Ivo Kessler, and Mei-Ling Santos. It was
edited by Raúl Ibarra.

Article 1: These regulations are formulated to regulate network data processing
activities and protect the lawful rights and interests of individuals.
"""
    article = parse_text(text).articles[0]
    assert article.authors == ["Noor Halvorsen", "Ivo Kessler", "Mei-Ling Santos"]


def test_a_two_word_rubric_before_a_by_part_is_the_rubric_not_a_name():
    meta = meta_of("Critical Questions | By Ines Castellano | February 27, 2024")
    assert (meta.rubric, meta.authors) == ("Critical Questions", ["Ines Castellano"])
    assert meta.date.date == dt.date(2024, 2, 27)


def test_an_item_without_byline_under_its_rubric_bullet_is_still_an_item():
    text = """\
Harbour China

    • Commentary

    China's Reaction to the Basing Deal

    • Isabela Montoya
    • April 11, 2023

    Beijing stepped up coast guard patrols, but not yet economic retaliation.

    • Q&A

    What Is the Chip Export Control Fight Really About?

    Two experts weigh in on whether controls on advanced chips can slow China.

    • Op-Ed

    No Magic in a Bigger Arsenal

    • Wen Haojie
    • March 28, 2023

    More warheads would not buy China more security.
"""
    parsed = parse_text(text)
    assert [(a.title, a.section) for a in parsed.articles] == [
        ("China's Reaction to the Basing Deal", "Commentary"),
        ("What Is the Chip Export Control Fight Really About?", "Q&A"),
        ("No Magic in a Bigger Arsenal", "Op-Ed"),
    ]


def test_a_date_then_author_then_a_known_outlet_without_separators_is_metadata():
    meta = meta_of("May 21, 2024 Lydia Karagiannis The National Interest")
    assert (meta.date.date, meta.authors, meta.outlet) == (
        dt.date(2024, 5, 21),
        ["Lydia Karagiannis"],
        "The National Interest",
    )


def test_a_numbered_item_with_its_excerpt_stays_an_item_before_a_related_line():
    text = """\
The Harbour Dispatch 05.16.24

THE ESSENTIAL THREE

1. China unveils plan to buy unsold homes – Bloomberg The central bank will lend to local state firms.

2. US raises tariffs on Chinese EVs to 100% - The Wall Street Journal The duty was quadrupled on Tuesday.

Related: Commerce ministry vows "resolute measures" in response - Global Times

3. Premier meets German business delegation – Xinhua The meeting covered market access.
"""
    parsed = parse_text(text)
    assert [(a.title, a.outlet) for a in parsed.articles] == [
        ("China unveils plan to buy unsold homes", "Bloomberg"),
        ("US raises tariffs on Chinese EVs to 100%", "The Wall Street Journal"),
        ("Premier meets German business delegation", "Xinhua"),
    ]


def test_a_title_with_a_colon_and_a_comma_is_no_rubric_and_byline():
    assert meta_of("Introduction: Governing Through Campaigns, Ten Years On") is None


def test_a_date_range_label_is_read_whole():
    assert date_line("Date range: April 2 - April 9, 2024").date == dt.date(2024, 4, 2)


def test_a_rubric_of_single_words_before_a_date_is_no_byline():
    meta = meta_of("Finance & Macro - Oct 18, 2021")
    assert (meta.rubric, meta.authors) == ("Finance & Macro", [])
    assert meta.date.date == dt.date(2021, 10, 18)


def test_a_story_whose_last_paragraphs_cite_outlets_stays_one_article():
    text = """\
Port of Ningbo Handles Record Cargo

By Jane Doe

The port of Ningbo handled a record 3.6 million containers in February, the port
authority said on Sunday, even as exporters reported weaker orders from Europe.

According to Xinhua, two new routes to Southeast Asia opened in the month.

Caixin reports: shipping lines expect the pace to slow after the holiday.
"""
    parsed = parse_text(text)
    assert len(parsed.articles) == 1
    assert parsed.articles[0].title == "Port of Ningbo Handles Record Cargo"


VIA_LISTING = """\
Weekend reading on China

Why grain reserves worry the centre
by Ana Ruiz
via Financial Times on March 3, 2024

Shipowners rethink a Greek port
by Tom Ek and Priya Nand
via Wall Street Journal on March 5, 2024

A vice minister leaves quietly
by Chen Wenli
via South China Morning Post on March 4, 2024
"""


def test_a_via_line_gives_the_outlet_without_the_word_joining_it_to_the_date():
    parsed = parse_text(VIA_LISTING)
    assert [(a.title, a.authors, a.outlet, a.date) for a in parsed.articles] == [
        (
            "Why grain reserves worry the centre",
            ["Ana Ruiz"],
            "Financial Times",
            dt.date(2024, 3, 3),
        ),
        (
            "Shipowners rethink a Greek port",
            ["Tom Ek", "Priya Nand"],
            "Wall Street Journal",
            dt.date(2024, 3, 5),
        ),
        (
            "A vice minister leaves quietly",
            ["Chen Wenli"],
            "South China Morning Post",
            dt.date(2024, 3, 4),
        ),
    ]


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Source: Caixin, dated 12 May 2024", "Caixin"),
        ("via The Diplomat on 1 March 2024", "The Diplomat"),
        ("Source: Xinhua, 4 April 2024", "Xinhua"),
    ],
)
def test_a_dated_source_line_keeps_only_the_outlets_name(line, outlet):
    meta = meta_of(line)
    assert meta.outlet == outlet
    assert meta.date is not None and meta.date.date is not None


def test_the_one_line_over_a_listing_titles_it():
    assert parse_text(VIA_LISTING).title == "Weekend reading on China"


@pytest.mark.parametrize("head", ["Recent Stories", "Financial Times Weekend Edition"])
def test_a_section_label_or_a_publication_over_a_listing_is_no_title(head):
    text = VIA_LISTING.replace("Weekend reading on China", head)
    parsed = parse_text(text)
    assert parsed.title is None
    assert len(parsed.articles) == 3


OUTLET_PREFIXED_RUNON = """\
Elsewhere in the press

AP: Port cranes stand idle in Ningbo as orders thin
By Lena Park Dock workers said two of every five berths were empty on Tuesday, the third week in a row

LE MONDE: Paris and Beijing sign a cognac truce
By Staff The two governments agreed to drop the duties before the summer, officials on both sides confirmed
"""


def test_a_byline_run_into_its_teaser_gives_the_author_and_leaves_the_teaser():
    parsed = parse_text(OUTLET_PREFIXED_RUNON)
    first, second = parsed.articles
    assert first.title == "Port cranes stand idle in Ningbo as orders thin"
    assert first.authors == ["Lena Park"]
    assert first.body.startswith("Dock workers said two of every five berths")
    # a desk is no person: no author, and its words stay in the text as written
    assert second.authors == []
    assert "The two governments agreed" in second.body


@pytest.mark.parametrize(
    "line", ["By Staff", "By Our Correspondent", "Staff Reporter", "By the editors"]
)
def test_a_desk_named_in_a_byline_is_no_author(line):
    meta = meta_of(line)
    assert meta is None or meta.authors == []
