"""Turning an article body into HTML blocks, with claims and search terms marked."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from ..search import Query, highlight

PARAGRAPH_SEPARATOR = "\n\n"
BULLET = "• "
FIRST_MATCH = '<mark id="first-match">'


@dataclass
class Block:
    kind: str  # "heading", "item" or "paragraph"
    html: SafeString


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each non-empty paragraph in the body."""
    spans, start = [], 0
    for part in body.split(PARAGRAPH_SEPARATOR):
        end = start + len(part)
        if part.strip():
            spans.append((start, end))
        start = end + len(PARAGRAPH_SEPARATOR)
    return spans


def _text(text: str, query: Query | None) -> str:
    return highlight(text, query) if query and not query.is_empty else escape(text)


def _marked(body: str, start: int, end: int, claims, query: Query | None) -> str:
    """Escaped body[start:end], each claim inside it a link, search terms marked."""
    pieces, cursor = [], start
    for claim in claims:
        if claim.start < cursor or claim.end > end or claim.start < start:
            continue
        pieces.append(_text(body[cursor : claim.start], query))
        pieces.append(
            format_html(
                '<a class="claim claim-{}" id="claim-{}" href="{}">{}</a>',
                claim.kind,
                claim.pk,
                claim.get_absolute_url(),
                mark_safe(_text(body[claim.start : claim.end], query)),
            )
        )
        cursor = claim.end
    pieces.append(_text(body[cursor:end], query))
    return "".join(pieces)


def body_blocks(
    body: str, subheadings, claims, query: Query | None = None
) -> list[Block]:
    """The body as headings, list items and paragraphs; the first search match gets
    ``id="first-match"`` so a result link can scroll to it."""
    headings = set(subheadings)
    claims = sorted(claims, key=lambda claim: claim.start)
    blocks, found_first = [], False
    for start, end in paragraph_spans(body):
        text = body[start:end]
        if text in headings:
            kind, html = "heading", _text(text, query)
        elif text.startswith(BULLET):
            kind, html = "item", _marked(body, start + len(BULLET), end, claims, query)
        else:
            kind, html = "paragraph", _marked(body, start, end, claims, query)
        if not found_first and "<mark>" in html:
            html, found_first = html.replace("<mark>", FIRST_MATCH, 1), True
        blocks.append(Block(kind, mark_safe(html)))
    return blocks
