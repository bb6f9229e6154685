"""Reading the fixture files and comparing what the parsers make of them."""

from __future__ import annotations

import json
from pathlib import Path

from briefings.importers.inputs import SourceText, parse_source, read_data
from briefings.importers.report import briefing_report

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def truth() -> dict:
    return json.loads((FIXTURES / "newsletter.json").read_text(encoding="utf-8"))


def read_one(name: str, data: bytes | None = None) -> SourceText:
    [source] = read_data(name, fixture_bytes(name) if data is None else data)
    return source


def records(source: SourceText) -> dict:
    """The parsed briefing as the JSON report shows it."""
    return briefing_report(parse_source(source))


def without_links(report: dict) -> dict:
    """A report less what only a richer format can add: links and line numbers."""
    articles = [
        {k: v for k, v in article.items() if k not in ("links", "lines")}
        for article in report["articles"]
    ]
    return {**report, "articles": articles}


def link_urls(report: dict) -> list[list[str]]:
    return [
        [link["url"] for link in article["links"]] for article in report["articles"]
    ]
