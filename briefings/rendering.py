"""Turning an article body into HTML blocks, with claims marked where they stand."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

PARAGRAPH_SEPARATOR = "\n\n"
BULLET = "• "


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


def _marked(body: str, start: int, end: int, claims) -> SafeString:
    """Escaped text of body[start:end] with each claim inside it wrapped in a link."""
    pieces, cursor = [], start
    for claim in claims:
        if claim.start < cursor or claim.end > end:
            continue
        pieces.append(escape(body[cursor : claim.start]))
        pieces.append(
            format_html(
                '<a class="claim claim-{}" id="claim-{}" href="{}">{}</a>',
                claim.kind,
                claim.pk,
                claim.get_absolute_url(),
                body[claim.start : claim.end],
            )
        )
        cursor = claim.end
    pieces.append(escape(body[cursor:end]))
    return mark_safe("".join(pieces))


def body_blocks(body: str, subheadings, claims) -> list[Block]:
    """The body as headings, list items and paragraphs, claims marked inline."""
    headings = set(subheadings)
    claims = sorted(claims, key=lambda claim: claim.start)
    blocks = []
    for start, end in paragraph_spans(body):
        text = body[start:end]
        if text in headings:
            blocks.append(Block("heading", escape(text)))
        elif text.startswith(BULLET):
            inner = _marked(body, start + len(BULLET), end, claims)
            blocks.append(Block("item", inner))
        else:
            blocks.append(Block("paragraph", _marked(body, start, end, claims)))
    return blocks
