"""The importer's public API: detect a text's format, parse it, find claims and topics.

Each format is one module in ``formats/`` with ``FORMAT``, ``PUBLICATION``,
``sniff(text) -> bool`` and ``parse(text) -> ParsedBriefing``. ``FORMATS`` lists
them in the order they are tried; ``generic`` comes last and accepts any text.
Adding a format means adding a module and one line here.
"""

from __future__ import annotations

from types import ModuleType

from .checks.consistency import inconsistent_totals
from .claims import extract_claims
from .decode import SourceError
from .formats import (
    china_neican,
    dialogue_china,
    generic,
    gis_reports,
    merics_china_essentials,
)
from .structure.dates import NO_YEAR
from .topics import tag_article
from .types import ParsedBriefing

FORMATS: list[ModuleType] = [
    dialogue_china,
    merics_china_essentials,
    china_neican,
    gis_reports,
    generic,
]

KNOWN_LAYOUT_CONFIDENCE = 1.0  # a publisher's own module knows its layout
MIN_LETTERS = 20  # fewer letters than this cannot hold an article
NO_DATE_WARNING = "no date: the text shows no publication date"
NO_YEAR_WARNING = "no date: the text shows its date without a year (none borrowed)"
NO_TITLE_WARNING = "no title: the text shows no title for this article"


def detect(text: str) -> ModuleType:
    """The first format module whose ``sniff`` accepts the text (generic accepts all)."""
    for module in FORMATS:
        if module.sniff(text):
            return module
    return generic


class UnparseableError(SourceError):
    """A text in which no briefing or article can be found."""


def parse_text(text: str) -> ParsedBriefing:
    """Parse a decoded briefing text into a ParsedBriefing with claims and topics."""
    if sum(char.isalpha() for char in text) < MIN_LETTERS:
        raise UnparseableError("unparseable: the text has no words to import")
    briefing = detect(text).parse(text)
    if briefing.confidence is None:
        briefing.confidence = KNOWN_LAYOUT_CONFIDENCE
    if not briefing.articles:
        raise UnparseableError("unparseable: no article could be found in the text")
    if briefing.date is None:
        shown = briefing.date_precision == NO_YEAR
        briefing.warnings.append(NO_YEAR_WARNING if shown else NO_DATE_WARNING)
    for article in briefing.articles:
        if not article.title:
            article.warnings.append(NO_TITLE_WARNING)
        article.claims = extract_claims(article, article.warnings)
        article.warnings.extend(inconsistent_totals(article))
        article.topics = tag_article(article)
    return briefing
