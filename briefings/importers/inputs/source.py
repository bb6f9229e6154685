"""What a reader hands the parsers: the text, its link hints and its provenance."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import detect, parse_text
from ..formats import generic
from ..load import Source
from ..types import ParsedBriefing, ParsedItem


@dataclass(frozen=True)
class Link:
    """A link the format carried: its text, target and the text line that shows it."""

    line: int  # 1-based, in SourceText.text
    text: str
    url: str


@dataclass
class SourceText(Source):
    """One briefing's text as read from a file, with where it came from and the
    links its format carried. ``name`` is the file name (``issues.mbox#2`` for a
    mailbox's second message, whose ``data`` are that message's own bytes)."""

    links: list[Link] = field(default_factory=list)
    bold_lines: list[int] = field(default_factory=list)  # 1-based, wholly bold

    def provenance(self) -> dict:
        """The provenance a report shows beside the parsed briefing."""
        return {
            "name": self.name,
            "sha256": self.sha256,
            "media_type": self.media_type,
            "url": self.url,
            "message_id": self.message_id,
            "sender": self.sender,
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
        }


def attach_links(parsed: ParsedBriefing, links: list[Link]) -> None:
    """Make each web link the source link of the article whose lines hold it,
    unless the parser already kept that address as an item or link."""
    for link in links:
        if not link.url.startswith(("http://", "https://")):
            continue
        for article in parsed.articles:
            if not article.line_start <= link.line <= article.line_end:
                continue
            known = {item.url for item in article.items + article.links}
            if link.url not in known:
                article.links.append(
                    ParsedItem(title=link.text or link.url, url=link.url)
                )
            break


def parse_source(source: SourceText) -> ParsedBriefing:
    """Parse a source's text and give its articles the links the format carried."""
    parsed = parse_text(hinted_text(source))
    attach_links(parsed, source.links)
    return parsed


def hinted_text(source: SourceText) -> str:
    """The text with its bold lines marked as markdown bold (``**line**``), which
    the structural reader takes as titles, bylines or labels (structure/roles.py).
    Only for a layout no publisher module knows: those read the text as their
    publisher writes it, whatever a web page's styling adds. Lines keep their
    numbers, so the articles' spans and the link hints still hold."""
    if not source.bold_lines or detect(source.text) is not generic:
        return source.text
    lines = source.text.split("\n")
    for number in source.bold_lines:
        lines[number - 1] = f"**{lines[number - 1]}**"
    marked = "\n".join(lines)
    return marked if detect(marked) is generic else source.text
