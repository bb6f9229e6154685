"""GIS Reports (Geopolitical Intelligence Services): one analytical article.

Copied from the web page: an optional title, a lead, "by Dr. Name", the body with
short heading lines as subheadings, the author's bio and "Source: GIS Reports" at
the end. The text often shows no title or date; a lead that belongs to a different
GIS article (a teaser pasted along) is flagged, not used. See ``_single_article``.
"""

from __future__ import annotations

import re

from ..types import ParsedBriefing
from ._single_article import last_filled_line, parse_single_article

FORMAT = "gis_reports"
PUBLICATION = "GIS Reports"

_SIGNATURE = re.compile(
    r"^\s*Source\s*:\s*GIS\b|gisreportsonline|Geopolitical Intelligence Services",
    re.I | re.M,
)
_NAME = re.compile(r"\bGIS Reports\b")
_EDGE_LINES = 4
_MASTHEAD_LINE = re.compile(
    r"^\s*(?:GIS(?: Reports)?(?: Online)?"
    r"|Geopolitical Intelligence Services(?: AG)?)\s*$"
)


def sniff(text: str) -> bool:
    """Whether text is a GIS Reports article ("Source: GIS Reports", site, name)."""
    if _SIGNATURE.search(text):
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    edges = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]
    return any(_NAME.search(line) for line in edges)


def _blank_mastheads(text: str) -> str:
    """The text with lines that only name the publisher emptied (numbers kept)."""
    lines = text.splitlines()
    return "\n".join("" if _MASTHEAD_LINE.match(line) else line for line in lines)


def parse(text: str) -> ParsedBriefing:
    """Parse a GIS Reports article into a one-article briefing."""
    # GIS headlines never end with a period: a first sentence is a lead or a teaser.
    parsed = parse_single_article(
        _blank_mastheads(text), kind="analysis", period_ok=False
    )
    article = parsed.article
    return ParsedBriefing(
        format=FORMAT,
        publication=PUBLICATION,
        title=article.title,
        date=article.date,
        date_precision=article.date_precision,
        articles=[article],
        line_start=1,
        line_end=last_filled_line(text),
    )
