"""Web pages, e-mails, mailboxes and PDFs read into the text the parsers read: the
same records as the plain-text version, with the links the format carried."""

from __future__ import annotations

import datetime as dt

import pytest

from briefings.importers.inputs import (
    SourceError,
    html,
    mbox,
    message,
    pdf,
    plain,
    read_data,
    reader_for,
)

from .convert import text_to_pdf
from .helpers import fixture_bytes, link_urls, read_one, records, truth, without_links


@pytest.fixture(scope="module")
def plain_records():
    return records(read_one("newsletter.txt"))


def test_plain_text_version_matches_the_truth(plain_records):
    expected = truth()
    assert plain_records["publication"] == expected["publication"]
    assert plain_records["issue"] == expected["issue"]
    assert plain_records["title"] == expected["title"]
    assert plain_records["editors"] == expected["editors"]
    titles = [article["title"] for article in plain_records["articles"]]
    assert titles == [article["title"] for article in expected["articles"]]


def test_html_newsletter_gives_the_records_of_its_text_version(plain_records):
    source = read_one("newsletter.html")
    report = records(source)
    assert without_links(report) == without_links(plain_records)
    assert link_urls(report) == [a["links"] for a in truth()["articles"]]
    assert source.media_type == "text/html"
    assert source.url == truth()["url"]  # rel=canonical wins over og:url


def test_html_drops_hidden_preheader_scripts_and_styles():
    text = read_one("newsletter.html").text
    assert "in this week's brief" not in text
    assert "window.opened" not in text
    assert "font-family" not in text
    assert text.startswith("Brief #57: Grain reserves")


def test_html_keeps_list_items_as_dash_lines_with_their_links():
    text = read_one("newsletter.html").text
    assert (
        "- [Why grain audits keep failing](https://example.org/reads/grain-audits)"
        " by Jun Ota\n- [A short history" in text
    )


def test_html_link_hint_points_at_the_line_that_shows_it():
    source = read_one("newsletter.html")
    lines = source.text.splitlines()
    for link in source.links:
        assert link.text in lines[link.line - 1]


def test_html_declared_charset_is_honoured():
    page = (
        b'<html><head><meta charset="iso-8859-1"></head><body>'
        b"<h1>Gr\xfcnberg on trade</h1><p>Caf\xe9 owners in Shanghai said sales fell "
        b"by a third this spring.</p></body></html>"
    )
    assert read_one("page.htm", page).text.startswith("Grünberg on trade\n\nCafé")


def test_eml_prefers_the_html_part_and_keeps_sender_date_and_message_id(
    plain_records,
):
    source = read_one("newsletter.eml")
    report = records(source)
    assert without_links(report) == without_links(plain_records)
    assert link_urls(report) == [a["links"] for a in truth()["articles"]]
    assert source.media_type == "message/rfc822"
    assert source.sender == "China Neican <newsletter@example.org>"
    assert source.message_id == "<brief-57@newsletter.example.org>"
    assert source.sent_at == dt.datetime(2024, 3, 4, 7, 30, tzinfo=dt.UTC)
    assert source.url == truth()["url"]


def test_mbox_gives_one_briefing_per_message():
    sources = read_data("briefs.mbox", fixture_bytes("briefs.mbox"))
    expected = truth()["mailbox"]
    assert [s.name for s in sources] == [
        "briefs.mbox#1",
        "briefs.mbox#2",
        "briefs.mbox#3",
    ]
    assert [records(s)["issue"] for s in sources] == [m["issue"] for m in expected]
    assert [s.message_id for s in sources] == [m["message_id"] for m in expected]
    assert [s.sent_at.isoformat() for s in sources] == [m["sent_at"] for m in expected]
    # The second issue has only a plain text part; it is read as it is.
    assert sources[1].text.startswith("Brief #58: Rail freight")
    assert sources[1].links == []
    third = records(sources[2])
    assert [a["title"] for a in third["articles"]] == ["Trade", "Politics"]
    assert link_urls(third)[0] == ["https://example.org/pv-association/h1-figures"]


def test_mbox_message_has_its_own_bytes_and_hash():
    sources = read_data("briefs.mbox", fixture_bytes("briefs.mbox"))
    assert len({s.sha256 for s in sources}) == 3
    assert all(s.data.startswith(b"From: China Neican") for s in sources)


def test_pdf_made_from_the_text_gives_the_same_records(plain_records):
    text = fixture_bytes("newsletter.txt").decode()
    source = read_one("newsletter.pdf", text_to_pdf(text))
    assert source.media_type == "application/pdf"
    assert without_links(records(source)) == without_links(plain_records)


@pytest.mark.parametrize(
    ("name", "data", "reader"),
    [
        ("issue.txt", b"%PDF-1.4\n...", pdf),
        ("issue.txt", b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", html),
        ("issue", b"From: a@example.org\nSubject: Brief\nDate: x\n\nText", message),
        ("issue", b"From a@example.org Mon Mar  4 07:30:00 2024\nFrom: a\n\nx", mbox),
        ("issue.eml", b"Briefing #140: Black Hole of Data\n\nText", message),
        ("notes.md", b"# Heading: with a colon\n\nText", plain),
        ("seed.txt", b"Briefing #140: Black Hole of Data\n\nText", plain),
    ],
)
def test_reader_is_chosen_by_the_bytes_then_the_name(name, data, reader):
    assert reader_for(name, data) is reader


def _blank_pdf() -> bytes:
    from io import BytesIO

    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 200, 200)  # a drawing, no text: what a scan looks like
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message_start"),
    [
        ("empty.html", b"<html><body><script>x()</script></body></html>", "empty page"),
        ("scan.pdf", _blank_pdf(), "no text layer"),
        ("broken.pdf", b"%PDF-1.7\nthis is not really a PDF", "unreadable PDF"),
        (
            "nobody.eml",
            b"From: a@example.org\nSubject: x\nDate: Mon, 4 Mar 2024 07:30:00 +0000\n"
            b"Content-Type: image/png\n\niVBORw0KGgo=\n",
            "no text in the e-mail",
        ),
        ("empty.mbox", b"\n\n", "empty file"),
        ("nothing.mbox", b"no messages here, just words\n", "empty mailbox"),
    ],
)
def test_bad_input_gives_a_one_line_reason(name, data, message_start):
    with pytest.raises(SourceError) as error:
        read_data(name, data)
    assert str(error.value).startswith(message_start)
    assert "\n" not in str(error.value)
