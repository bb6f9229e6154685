"""One article as plain text, shared by ``gis_reports`` and ``generic``.

Head (see ``_article_head``), body and tail: the body keeps paragraphs, subheadings
and bullet lists; captions, footer debris, "Source: X" and the author's bio are kept
out of it. A lead line before the byline that shares little vocabulary with the body
is the teaser of a different article (copy-paste debris): it is flagged, not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import (
    Line,
    collapse_whitespace,
    ends_sentence,
    numbered_lines,
    strip_markup,
)
from ..types import ParsedArticle
from ._article_head import Head, caption_text, read_head
from ._article_text import (
    as_bullet,
    is_footer_debris,
    is_subheading,
    join_body,
    normalise_sentence_seams,
    overlap,
    strip_honorifics,
)

_SOURCE = re.compile(r"^\s*Source\s*[:：]\s*(?P<name>.+?)\s*$", re.I)
_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<name>[^.,|]+)", re.I
)
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]+\.?\s*\d{1,2})?)\s*"
    r"\((?P<outlet>[A-Za-z][\w .&-]{1,30})\)\s*[-–—]+\s*"
)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_SUMMARY_LABEL = re.compile(r"^(?:summary|abstract|in brief|tl;dr)\s*[:：]\s*", re.I)
_SUMMARY_BOX = re.compile(
    r"^(?:in a nutshell|key (?:points|takeaways)|at a glance)$", re.I
)
_ABOUT_AUTHOR = re.compile(r"^about the authors?\b", re.I)
_BIO_VERB = re.compile(r"^[,\s]*(?:\([^)]*\)\s*)?(?:is|was|has|serves|works|teaches)\b")
TEASER_OVERLAP = 0.3
TEASER_WARNING = (
    "suspected teaser: the line before the byline shares little with the body and "
    "seems to introduce a different article; kept out of the summary and body"
)


@dataclass
class Paragraph:
    text: str
    first: int  # line numbers in the source
    last: int
    is_heading: bool = False


@dataclass
class SingleArticle:
    """A parsed single article and what its tail says about the publisher."""

    article: ParsedArticle
    source: str | None = None  # "Source: X" at the end
    copyright_holder: str | None = None
    # named by a byline ("Jane Doe, Reuters") or a wire dateline
    outlet: str | None = None


def parse_single_article(text: str, *, kind: str, period_ok: bool) -> SingleArticle:
    """Parse text holding one article (period_ok: a headline may end with a period)."""
    lines = numbered_lines(text)
    content, source, holder = _strip_tail(lines)
    blank_after = {line.number for line in lines if _next_is_blank(lines, line)}
    head = read_head(content, blank_after, period_ok)
    filled = [line for line in content if line.text.strip()]
    paragraphs = _clean(_paragraphs(filled[head.body_start :]))
    article = ParsedArticle(title=_title(head), kind=kind, authors=head.authors)
    article.date, article.date_precision = head.date, head.date_precision
    article.image_caption = head.image_caption
    paragraphs = _take_captions(article, paragraphs)
    paragraphs = _take_summary(article, paragraphs)
    paragraphs = _take_bio(article, paragraphs)
    wire_outlet = _take_wire_dateline(paragraphs)
    _place_lead(article, head, paragraphs)
    _fill_body(article, paragraphs)
    _set_span(article, head, paragraphs)
    outlet = head.outlet or wire_outlet
    return SingleArticle(article, source, holder, outlet)


def last_filled_line(text: str) -> int:
    """Number of the last non-empty line of text (0 for an empty text)."""
    lines = numbered_lines(text)
    return max((line.number for line in lines if line.text.strip()), default=0)


def _next_is_blank(lines: list[Line], line: Line) -> bool:
    return line.number < len(lines) and not lines[line.number].text.strip()


def _title(head: Head) -> str | None:
    return (
        collapse_whitespace(strip_markup(head.title.text).lstrip("# "))
        if head.title
        else None
    )


def _strip_tail(lines: list[Line]) -> tuple[list[Line], str | None, str | None]:
    """(lines without the trailing footer, "Source:" name, copyright holder)."""
    end, source, holder = len(lines), None, None
    for line in reversed(lines):
        text = collapse_whitespace(line.text)
        match = _SOURCE.match(text)
        if match and source is None:
            source = match.group("name").rstrip(" .")
        elif text and not is_footer_debris(text):
            break
        elif text and holder is None and _COPYRIGHT_HOLDER.search(text):
            holder = _COPYRIGHT_HOLDER.search(text).group("name").strip() or None
        end = line.number - 1
    return lines[:end], source, holder


def _is_wrapped(block: list[Line]) -> bool:
    """Whether a block is one paragraph hard-wrapped over several short lines."""
    if len(block) < 2 or max(len(line.text) for line in block) > 100:
        return False
    if any(as_bullet(line.text) for line in block):
        return False
    open_ends = sum(1 for line in block[:-1] if not ends_sentence(line.text))
    return open_ends * 2 >= len(block) - 1


def _paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Paragraphs: a hard-wrapped block joined, otherwise one per line."""
    blocks: list[list[Line]] = [[]]
    for previous, line in zip([None, *lines], lines, strict=False):
        if previous is not None and line.number > previous.number + 1:
            blocks.append([])
        blocks[-1].append(line)
    paragraphs = []
    for block in filter(None, blocks):
        if _is_wrapped(block):
            joined = re.sub(
                r"(?<=\w)-\s*\n\s*(?=[a-z])", "", "\n".join(b.text for b in block)
            )
            paragraphs.append(Paragraph(joined, block[0].number, block[-1].number))
        else:
            paragraphs += [
                Paragraph(line.text, line.number, line.number) for line in block
            ]
    return _join_broken(paragraphs)


def _join_broken(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Rejoin paragraphs split by a page break (text.join_broken_paragraphs' rule)."""
    joined: list[Paragraph] = []
    for paragraph in paragraphs:
        last = joined[-1] if joined else None
        if (
            last
            and not ends_sentence(last.text)
            and paragraph.text.strip()[:1].islower()
            and len(last.text.split()) > 8
        ):
            last.text, last.last = f"{last.text} {paragraph.text}", paragraph.last
        else:
            joined.append(paragraph)
    return joined


def _clean(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Markup removed, bullets as "• ", white space collapsed, debris dropped."""
    cleaned = []
    for paragraph in paragraphs:
        text = strip_markup(paragraph.text)
        paragraph.is_heading = bool(_MARKDOWN_HEADING.match(text))
        text = _MARKDOWN_HEADING.sub("", text)
        text = as_bullet(text) or collapse_whitespace(text)
        if text and not is_footer_debris(text):
            paragraph.text = normalise_sentence_seams(text)
            cleaned.append(paragraph)
    return cleaned


def _take_captions(
    article: ParsedArticle, paragraphs: list[Paragraph]
) -> list[Paragraph]:
    """Drop "Photo: ..." lines from the body; the first is the image caption."""
    kept = []
    for paragraph in paragraphs:
        caption = caption_text(paragraph.text)
        if caption is None:
            kept.append(paragraph)
        elif article.image_caption is None:
            article.image_caption = caption
    return kept


def _take_summary(
    article: ParsedArticle, paragraphs: list[Paragraph]
) -> list[Paragraph]:
    """A leading "Summary: ..." paragraph or "In a nutshell" bullets -> summary."""
    if not paragraphs:
        return paragraphs
    label = _SUMMARY_LABEL.match(paragraphs[0].text)
    if label and paragraphs[0].text[label.end() :].strip():
        article.summary = paragraphs[0].text[label.end() :].strip()
        return paragraphs[1:]
    for index, paragraph in enumerate(paragraphs[:3]):
        if _SUMMARY_BOX.match(paragraph.text):
            bullets = _bullets_after(paragraphs, index + 1)
            if bullets:
                article.summary = "\n".join(p.text for p in bullets)
                return paragraphs[:index] + paragraphs[index + 1 + len(bullets) :]
    return paragraphs


def _bullets_after(paragraphs: list[Paragraph], start: int) -> list[Paragraph]:
    bullets = []
    for paragraph in paragraphs[start:]:
        if not paragraph.text.startswith("• "):
            break
        bullets.append(paragraph)
    return bullets


def is_author_bio(text: str, authors: list[str]) -> bool:
    """Whether a paragraph is a bio of one of the authors ("Dr. X is a ... at ...")."""
    if _ABOUT_AUTHOR.match(text):
        return True
    plain = strip_honorifics(text)
    for name in authors:
        for form in (name, name.split()[-1], name.split()[0]):
            if plain.startswith(form) and _BIO_VERB.match(plain[len(form) :]):
                return len(text.split()) <= 150
    return False


def _take_bio(article: ParsedArticle, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Move trailing author bios out of the body into author_bio."""
    bios: list[Paragraph] = []
    while paragraphs and is_author_bio(paragraphs[-1].text, article.authors):
        bios.insert(0, paragraphs.pop())
    if bios:
        text = " ".join(_ABOUT_AUTHOR.sub("", p.text).strip(" :") for p in bios)
        article.author_bio = collapse_whitespace(text) or None
        article.line_end = bios[-1].last
    return paragraphs


def _take_wire_dateline(paragraphs: list[Paragraph]) -> str | None:
    """The outlet of a wire dateline ("BEIJING (Reuters) - ...") cut from the body."""
    if not paragraphs:
        return None
    match = _WIRE_DATELINE.match(paragraphs[0].text)
    if not match:
        return None
    paragraphs[0].text = paragraphs[0].text[match.end() :]
    return match.group("outlet").strip()


def _place_lead(
    article: ParsedArticle, head: Head, paragraphs: list[Paragraph]
) -> None:
    """The line before the byline: dek (subtitle), summary, or a flagged teaser."""
    if head.lead is None:
        return
    lead = collapse_whitespace(head.lead.text)
    if overlap(lead, [p.text for p in paragraphs]) < TEASER_OVERLAP:
        article.suspected_teaser = lead
        article.warnings.append(TEASER_WARNING)
    elif article.title:
        article.subtitle = lead
    else:
        article.summary = article.summary or lead


def _fill_body(article: ParsedArticle, paragraphs: list[Paragraph]) -> None:
    """Body text and subheadings from the remaining paragraphs."""
    texts = [p.text for p in paragraphs]
    following = [*texts[1:], None][: len(texts)]
    article.subheadings = [
        p.text
        for p, nxt in zip(paragraphs, following, strict=True)
        if p.is_heading or is_subheading(p.text, nxt)
    ]
    article.body = join_body(texts)


def _set_span(article: ParsedArticle, head: Head, paragraphs: list[Paragraph]) -> None:
    """First and last source line of the article (a suspected teaser excluded)."""
    numbers = list(head.used)
    if head.lead and not article.suspected_teaser:
        numbers.append(head.lead.number)
    numbers += [n for p in paragraphs for n in (p.first, p.last)]
    if article.line_end:
        numbers.append(article.line_end)
    article.line_start = min(numbers, default=0)
    article.line_end = max(numbers, default=0)
