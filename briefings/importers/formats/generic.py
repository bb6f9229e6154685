"""Any other text, read as a single news article; tried last, accepts everything.

A headline, then optional dek, byline ("By Jane Doe", "Jane Doe, Reuters") and
dateline ("Published: 12 March 2024"), the body, and an optional "Source: Outlet" or
copyright line. The outlet is whatever publisher the text itself names (source
line, byline, wire dateline or copyright holder); nothing is guessed.
See ``_single_article``.
"""

from __future__ import annotations

from ..types import ParsedBriefing
from ._single_article import last_filled_line, parse_single_article

FORMAT = "generic"
PUBLICATION = None


def sniff(text: str) -> bool:
    """Generic accepts any text (it is tried last)."""
    return True


def parse(text: str) -> ParsedBriefing:
    """Parse any text as one news article."""
    parsed = parse_single_article(text, kind="news", period_ok=True)
    article = parsed.article
    article.outlet = parsed.source or parsed.outlet
    publication = article.outlet or parsed.copyright_holder
    articles = [article] if article.body or article.title else []
    return ParsedBriefing(
        format=FORMAT,
        publication=publication,
        title=article.title,
        date=article.date,
        date_precision=article.date_precision,
        articles=articles,
        line_start=1,
        line_end=last_filled_line(text),
    )
