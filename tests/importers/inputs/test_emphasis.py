"""Bold as a structure hint: newsletters whose items are marked only by bold titles
and bold bylines (no headings, no blank lines) import as their plain-text twin does;
bold inside a line, in headings and in list items, and italics, are flattened; a bold
lead-in ("Why it matters:") is a label, not a title; a publisher's own layout is read
as its publisher writes it (inputs/html.py, inputs/source.py, structure/roles.py)."""

from __future__ import annotations

import pytest

from briefings.importers.inputs import html, parse_source
from briefings.importers.inputs.source import hinted_text
from briefings.importers.structure.roles import read_units

from .helpers import fixture_bytes, link_urls, read_one, records, without_links

BATTERIES = "https://example.org/harbour/14/batteries"


@pytest.fixture(scope="module")
def twin() -> dict:
    return records(read_one("bold-letter.txt"))


def test_the_plain_text_twin_reads_as_three_items_with_bylines(twin):
    assert twin["publication"] == "The Harbour Letter"
    assert (twin["issue"], twin["date"]) == (14, "2024-03-11")
    assert [(a["title"], a["authors"]) for a in twin["articles"]] == [
        ("Shanghai port trials automated customs checks", ["Lena Fischer"]),
        ("Battery makers shift output to Hungary", ["Omar Haddad"]),
        ("Draft rule eases cross-border data transfers", ["Lena Fischer"]),
    ]


@pytest.mark.parametrize("name", ["bold-letter.html", "bold-letter.eml"])
def test_bold_only_newsletter_imports_as_its_plain_text_twin(twin, name):
    report = records(read_one(name))
    assert without_links(report) == without_links(twin)
    assert link_urls(report) == [[], [BATTERIES], []]


def test_bold_lines_are_blocks_of_their_own_and_travel_as_hints():
    source = read_one("bold-letter.html")
    text, lines = source.text, source.text.splitlines()
    assert (
        "Shanghai port trials automated customs checks\n\nLena Fischer\n\n"
        "Customs officers at Yangshan" in text
    )
    assert "*" not in text  # the stored text is the page's words only
    assert [lines[n - 1] for n in source.bold_lines] == [
        "The Harbour Letter",  # a bold span in a line of its own
        "Shanghai port trials automated customs checks",
        "Lena Fischer",
        "Why it matters:",
        "Battery makers shift output to Hungary",
        "Omar Haddad",
        "Draft rule eases cross-border data transfers",  # font-weight: 700
        "Lena Fischer",
        "Beijing:",
    ]
    assert "The Cyberspace Administration published" in text  # <em> flattened
    assert [(lines[link.line - 1], link.url) for link in source.links] == [
        ("Battery makers shift output to Hungary", BATTERIES)
    ]
    assert "**Lena Fischer**\n" in hinted_text(source)  # what the reader is given


def test_bold_titles_that_end_like_sentences_are_found_only_through_the_hint(twin):
    titles = [a["title"] for a in twin["articles"]]
    page = fixture_bytes("bold-letter.html").decode()
    for title in titles:
        page = page.replace(f"{title}<", f"{title}.<")
    hinted = records(read_one("bold-letter.html", page.encode()))
    assert [a["title"] for a in hinted["articles"]] == [f"{t}." for t in titles]
    assert [a["authors"] for a in hinted["articles"]] == [
        a["authors"] for a in twin["articles"]
    ]
    flat = page.replace("strong>", "span>").replace("font-weight: 700", "color: red")
    flattened = records(read_one("bold-letter.html", flat.encode()))
    assert len(flattened["articles"]) == 1  # without the hint: one article


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        (
            "<p>Edited by <strong>Mei Lin</strong> and Tomas Berg.</p>",
            "Edited by Mei Lin",
        ),
        (
            "<p><b>Why it matters:</b> clearance gets faster.</p>",
            "Why it matters: clear",
        ),
        ("<h2><strong>Ports</strong></h2>", "Ports"),
        ("<ul><li><b>First entry</b></li></ul>", "- First entry"),
        ("<p><i>Caixin</i></p>", "Caixin"),
        ("<p><b>" + "word " * 30 + "</b></p>", "word word"),
    ],
)
def test_bold_that_carries_no_structure_is_flattened(markup, text):
    page = html.page_text(f"<html><body>{markup}</body></html>")
    assert page.text.startswith(text)
    assert page.bold_lines == []


def test_an_empty_line_ends_a_block_as_in_text():
    page = html.page_text("<html><body><p>One.<br><br>Two.<br>Three.</p></body></html>")
    assert page.text == "One.\n\nTwo.\nThree.\n"


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("**Why it matters:**", "prose"),
        ("**Beijing:**", "prose"),
        ("**Shanghai trials automated customs checks.**", "heading"),
        ("**Battery makers shift output to Hungary**", "heading"),
        ("**By Lena Fischer**", "meta"),
        ("**Lena Fischer**", "names"),
    ],
)
def test_a_bold_line_is_a_title_candidate_a_byline_or_a_label(line, role):
    [unit] = read_units(f"Some prose before it, as a sentence.\n\n{line}\n")[1:]
    assert (unit.role, unit.bold) == (role, True)


def test_a_publishers_layout_is_read_without_the_bold_hints():
    """A known publisher's module reads its text as that publisher writes it: bold
    a web page adds to its lines changes nothing."""
    plain = fixture_bytes("newsletter.txt").decode()
    page = "".join(
        f"<p><b>{line}</b></p>" if line and len(line.split()) < 8 else f"<p>{line}</p>"
        for line in plain.splitlines()
    )
    source = read_one("newsletter.html", f"<html><body>{page}</body></html>".encode())
    assert source.bold_lines
    assert hinted_text(source) == source.text
    assert without_links(records(source)) == without_links(
        records(read_one("newsletter.txt"))
    )
    assert parse_source(source).format == "china_neican"
