"""Any other text: a multi-item briefing or a single article; tried last.

The structural reader (``importers.structure``) looks for a block shape that recurs
(items with their outlets, dates, authors and sections, numbered items, teaser
listings, contents-only issues); a text where none recurs is one news article: a
headline, then optional dek, byline ("By Jane Doe", "Jane Doe, Reuters") and
dateline ("Published: 12 March 2024"), the body, and an optional "Source: Outlet" or
copyright line (see ``_single_article``). Boilerplate lines ("Skip to main content",
"12 min read", share buttons) are dropped first and a masthead line above the
headline names the publication. The publication is whatever the text itself names
(a catalogue entry in its masthead, footer or web address, a source line, a byline,
a wire dateline or a copyright holder); nothing is guessed.
"""

from __future__ import annotations

from .. import structure
from ..structure import catalogue
from ..structure.roles import Unit, read_units
from ..types import ParsedBriefing
from ._single_article import last_filled_line, parse_single_article

FORMAT = "generic"
PUBLICATION = None
MAX_MASTHEAD_LINES = 3


def sniff(text: str) -> bool:
    """Generic accepts any text (it is tried last)."""
    return True


def parse(text: str) -> ParsedBriefing:
    """Parse any text: one article per item of a multi-item text, else one article."""
    return structure.read_briefing(text, FORMAT) or _parse_single(text)


def _blank(text: str, numbers: set[int]) -> str:
    """The text with the given lines emptied (line numbers stay as they were)."""
    lines = text.split("\n")
    return "\n".join("" if i + 1 in numbers else line for i, line in enumerate(lines))


def _head_lines(units: list[Unit]) -> list[Unit]:
    """Masthead, issue and boilerplate lines above the headline."""
    head = []
    for unit in units:
        masthead = unit.role == "heading" and catalogue.lookup(unit.text)
        if unit.role in ("noise", "issue", "contents") or masthead:
            head.append(unit)
        elif head and unit.role == "heading" and len(head) < MAX_MASTHEAD_LINES:
            break
        else:
            break
    return head


def _parse_single(text: str) -> ParsedBriefing:
    units = read_units(text)
    head = _head_lines(units)
    noise = {u.number for u in units if u.role == "noise"}
    cleaned = _blank(text, noise | {u.number for u in head})
    parsed = parse_single_article(cleaned, kind="news", period_ok=True)
    article = parsed.article
    article.outlet = parsed.source or parsed.outlet
    fields = structure.read_head_fields(head, text)
    publication = fields.publication or article.outlet or parsed.copyright_holder
    articles = [article] if article.body or article.title else []
    briefing = ParsedBriefing(
        format=FORMAT,
        publication=publication,
        issue=fields.issue,
        title=article.title,
        date=article.date,
        date_precision=article.date_precision,
        articles=articles,
        line_start=1,
        line_end=last_filled_line(text),
    )
    briefing.confidence = structure.single_confidence(briefing)
    if publication is None:
        briefing.warnings.append(structure.NO_PUBLICATION)
    return briefing
