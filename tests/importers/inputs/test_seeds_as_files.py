"""The seeds turned into a web page and a PDF (here, by the test) read back to the
records of the text seeds, and so to the same hand-checked truth."""

from __future__ import annotations

import re

import pytest

from briefings.importers import parse_text
from briefings.importers.report import briefing_report
from tests.truth import SEED_STEMS, load_truth, same_text, seed_text

from .convert import text_to_html, text_to_pdf
from .helpers import read_one, records, without_links


def as_html(stem: str) -> bytes:
    return text_to_html(seed_text(stem)).encode()


def as_pdf(stem: str) -> bytes:
    return text_to_pdf(seed_text(stem))


def as_bold_html(stem: str) -> bytes:
    """The web page with every short line set in bold, as newsletters style their
    titles, labels and names: a publisher's layout reads the same."""
    short = re.compile(r"<p>([^<.!?;,]{3,80})</p>")
    return short.sub(r"<p><strong>\1</strong></p>", as_html(stem).decode()).encode()


@pytest.mark.parametrize(
    "convert", [as_html, as_bold_html, as_pdf], ids=["html", "bold-html", "pdf"]
)
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_seed_as_file_imports_to_the_truth(stem, convert):
    suffix = ".pdf" if convert is as_pdf else ".html"
    report = records(read_one(stem + suffix, convert(stem)))
    text_report = briefing_report(parse_text(seed_text(stem)))
    assert without_links(report) == without_links(text_report)
    truth = load_truth(stem)
    assert same_text(report["publication"], truth["publication"])
    assert report["issue"] == truth["issue"]
    assert report["date"] == truth["date"]
    assert same_text(report["title"], truth["title"])
    titles = [article["title"] for article in report["articles"]]
    assert len(titles) == len(truth["articles"])
    for found, expected in zip(titles, truth["articles"], strict=True):
        assert same_text(found, expected["title"]), (stem, found)


def test_seed_link_list_keeps_its_addresses_from_html():
    stem = next(s for s in SEED_STEMS if s.startswith("004"))
    report = records(read_one(stem + ".html", as_html(stem)))
    urls = {
        item["url"]
        for article in report["articles"]
        for item in article["items"] + article["links"]
    }
    assert "https://github.com/soufianetahiri/Anxun-isoon" in urls
    assert "https://www.ft.com/content/28172cc1-b3b7-4a72-88b0-5a963d0ce823" in urls
