"""Dialogue China Briefing: bylines, article spans and one article's parts.

A byline is ``Author – Outlet – Date`` at the end of a line; the title is either glued
in front of the author ("...CampaignWang Dan – Radio Free Asia – August 28, 2023") or
on the line before. The article's text runs to the next article's title; its last
paragraph may carry the next article's section name ("...difficulties.Feature Story").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..text import Line, collapse_whitespace, comparable, ends_sentence, parse_date
from ..types import ParsedArticle
from ._article_text import (
    is_footer_debris,
    is_subheading,
    join_body,
    normalise_sentence_seams,
    seam_positions,
    split_names,
    strip_honorifics,
)
from ._dialogue_china_contents import (
    MASTHEAD,
    Contents,
    section_name,
    title_similarity,
)

_SEPARATOR = re.compile(r"\s*[–—]\s*|\s+-\s+")
_ISSUE_NUMBER = re.compile(r"\bIssue\s*#?\s*\d+", re.I)
_SUMMARY_LABEL = re.compile(r"\bSummary\s*[:：]\s*")
_READ_ORIGINAL = re.compile(r"\s*\(?\s*Read\s+the\s+Original\s+Text\s*\)?", re.I)
_GLUED_CAPTION = re.compile(
    r"^(?P<caption>.{10,400}?\((?P<credit>[^()]{2,60})\))(?=[A-Z“‘\"])"
)
_LINE_CAPTION = re.compile(r"^(?P<caption>.{10,400}\((?P<credit>[^()]{2,60})\))$")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
_TAIL_FRAGMENT = re.compile(
    r"(?<=[.!?”’\"])\s*(?P<marker>[A-Z][^.!?()]{1,60}?(?:\s*\([^()]*\))?)\s*$"
)
_MAX_TITLE_WORDS = 40
GUESSED_AUTHOR_WARNING = (
    "low confidence: title and author are glued without a visible seam; author guessed"
)


@dataclass
class Byline:
    line: Line
    segment: str  # the text before the outlet: a glued title (if any) and the author
    outlet: str
    date: dt.date
    date_precision: str


def match_byline(line: Line) -> Byline | None:
    """The ``Author – Outlet – Date`` byline ending this line, if it has one."""
    text = line.text.strip()
    separators = list(_SEPARATOR.finditer(text))
    if len(separators) < 2 or MASTHEAD.search(text) or _ISSUE_NUMBER.search(text):
        return None
    parsed = parse_date(text[separators[-1].end() :])
    outlet = text[separators[-2].end() : separators[-1].start()].strip()
    segment = text[: separators[-2].start()].strip()
    if not parsed or not segment or not _looks_like_outlet(outlet):
        return None
    return Byline(line, segment, outlet, parsed[0], parsed[1])


def _looks_like_outlet(text: str) -> bool:
    """A publication name: a few words, no sentence inside."""
    return 0 < len(text.split()) <= 10 and not re.search(r"[.!?]\s", text)


def split_title_author(
    segment: str, contents: Contents | None
) -> tuple[str, str, bool]:
    """(glued title or "", author text, confident) for a byline's segment."""
    last_separator = None
    for last_separator in _SEPARATOR.finditer(segment):  # noqa: B007
        pass
    offset = last_separator.end() if last_separator else 0
    tail = segment[offset:]
    seams = [p for p in seam_positions(tail) if split_names(tail[p:])]
    if seams:
        best = max(
            seams, key=lambda p: (_listed_score(segment[: offset + p], contents), -p)
        )
        return segment[: offset + best].strip(), tail[best:].strip(), True
    title = segment[: last_separator.start()].strip() if last_separator else ""
    if split_names(tail):
        return title, tail.strip(), True
    words = tail.split()
    return (
        collapse_whitespace(f"{title} {' '.join(words[:-2])}"),
        " ".join(words[-2:]),
        False,
    )


def _listed_score(title: str, contents: Contents | None) -> float:
    """How well a candidate title matches its closest contents entry (0 if none)."""
    if not contents or not contents.entries:
        return 0.0
    return max(title_similarity(entry.title, title) for entry in contents.entries)


def _previous_text_line(lines: list[Line], before: int, after: int) -> Line | None:
    """The last non-empty line between two line numbers, if short like a title."""
    candidates = [
        line for line in lines if after < line.number < before and line.text.strip()
    ]
    if candidates and len(candidates[-1].text.split()) <= _MAX_TITLE_WORDS:
        return candidates[-1]
    return None


def article_spans(
    lines: list[Line], bylines: list[Byline], footer_start: int
) -> list[tuple[int, int]]:
    """(first line, last line) of each article: from its title to the next title."""
    starts, previous = [], 0
    for byline in bylines:
        start = byline.line.number
        if not split_title_author(byline.segment, None)[0]:
            title_line = _previous_text_line(lines, byline.line.number, previous)
            start = title_line.number if title_line else start
        starts.append(start)
        previous = byline.line.number
    ends = [start - 1 for start in starts[1:]] + [footer_start - 1] if starts else []
    filled = {line.number for line in lines if line.text.strip()}
    return [
        (start, max((n for n in filled if start <= n <= end), default=start))
        for start, end in zip(starts, ends, strict=True)
    ]


def is_footer_line(text: str) -> bool:
    """Subscription, copyright, share, comments or "Read The Original Text" debris."""
    return is_footer_debris(text)


def differs(a: str | None, b: str | None) -> bool:
    """Whether two titles differ once compared in their comparable form."""
    return comparable(a) != comparable(b)


def _strip_leading_section(title: str, sections: list[str]) -> str:
    """Drop a section name (and its note) glued in front of a title."""
    for name in sorted(sections, key=len, reverse=True):
        match = re.match(rf"\s*{re.escape(name)}\s*(?:\([^()]*\))?\s*(?=\S)", title)
        if match:
            return title[match.end() :]
    return title


def split_tail(paragraph: str, sections: list[str]) -> tuple[str, str | None]:
    """(paragraph, next article's section name) with the section glued at its end."""
    read_original = list(_READ_ORIGINAL.finditer(paragraph))
    if read_original:
        match = read_original[-1]
        tail = paragraph[match.end() :].strip()
        return paragraph[: match.start()].rstrip(), section_name(tail) if tail else None
    for name in sorted(sections, key=len, reverse=True):
        match = re.search(rf"\s*{re.escape(name)}\s*(?:\([^()]*\))?\s*$", paragraph)
        if match and (match.start() == 0 or ends_sentence(paragraph[: match.start()])):
            return paragraph[: match.start()].rstrip(), name
    if section_name(paragraph) and len(paragraph.split()) <= 5:
        return "", section_name(paragraph)
    match = _TAIL_FRAGMENT.search(paragraph)
    if match and section_name(match.group("marker")):
        return paragraph[: match.start()].rstrip(), section_name(match.group("marker"))
    return paragraph, None


def _is_credit(text: str) -> bool:
    """A photo credit: "Associated Press", "Getty Images", "cbg.cn", "AFP via X"."""
    text = text.strip()
    if _DOMAIN.match(text):
        return True
    words = [
        w for w in text.split() if w.lower() not in {"via", "of", "and", "/", "the"}
    ]
    return 0 < len(words) <= 6 and all(w[0].isupper() for w in words)


def take_caption(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """(image caption, the rest) from the first paragraph, where a caption leads it."""
    first, rest = paragraphs[0], paragraphs[1:]
    label = _SUMMARY_LABEL.search(first)
    if label and label.start() > 0 and len(first[: label.start()].split()) <= 60:
        return first[: label.start()].strip(), [first[label.start() :], *rest]
    glued = _GLUED_CAPTION.match(first)
    if glued and _is_credit(glued["credit"]) and len(glued["caption"].split()) <= 40:
        return glued["caption"].strip(), [first[glued.end() :], *rest]
    whole = _LINE_CAPTION.match(first)
    if whole and rest and _is_credit(whole["credit"]) and len(first.split()) <= 40:
        return whole["caption"].strip(), rest
    return None, paragraphs


def take_summary_label(paragraphs: list[str]) -> tuple[bool, list[str]]:
    """(whether the text is a summary, the rest) without a leading "Summary:"."""
    if not paragraphs:
        return False, paragraphs
    label = _SUMMARY_LABEL.match(paragraphs[0])
    if not label:
        return False, paragraphs
    first = paragraphs[0][label.end() :].strip()
    return True, ([first] if first else []) + paragraphs[1:]


def take_subtitle(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """(subtitle, the rest): a phrase glued to the first sentence, or a heading line."""
    if not paragraphs:
        return None, paragraphs
    first, rest = paragraphs[0], paragraphs[1:]
    for position in seam_positions(first):
        before = first[:position]
        if re.search(r"[.!?]", before) or len(before.split()) > _MAX_TITLE_WORDS:
            break
        if before[-1:].islower() and len(before.split()) >= 4:
            return before.strip(), [first[position:], *rest]
    if rest and not ends_sentence(first) and len(first.split()) <= 30:
        return first, rest
    return None, paragraphs


def _authors(text: str) -> list[str]:
    """Plain author names from the byline's author text."""
    return split_names(text) or [strip_honorifics(text)]


def _title(
    span_lines: list[Line], byline: Byline, glued: str, contents: Contents
) -> str:
    """The article's title: glued to the byline, or the line before it."""
    if not glued and span_lines and span_lines[0].number < byline.line.number:
        glued = span_lines[0].text
    return collapse_whitespace(_strip_leading_section(glued, contents.sections))


def _split_body(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """(body paragraphs, subheadings) with glued sentences separated."""
    cleaned = [normalise_sentence_seams(p) for p in paragraphs if p]
    following = [*cleaned[1:], None][: len(cleaned)]
    headings = [
        p for p, nxt in zip(cleaned, following, strict=True) if is_subheading(p, nxt)
    ]
    return cleaned, headings


def parse_article(
    span_lines: list[Line], byline: Byline, contents: Contents, *, is_last: bool
) -> tuple[ParsedArticle, str | None]:
    """One article from its lines, and the next article's section glued to its end."""
    glued, author_text, confident = split_title_author(byline.segment, contents)
    after = [line for line in span_lines if line.number > byline.line.number]
    numbered = [(line.number, collapse_whitespace(line.text)) for line in after]
    numbered = [(number, text) for number, text in numbered if text]
    next_section = None
    if numbered:
        last_text, next_section = split_tail(numbered[-1][1], contents.sections)
        numbered[-1] = (numbered[-1][0], last_text)
        numbered = [(number, text) for number, text in numbered if text]
    article = ParsedArticle(
        title=_title(span_lines, byline, glued, contents) or None,
        authors=_authors(author_text),
        outlet=byline.outlet,
        date=byline.date,
        date_precision=byline.date_precision,
        line_start=span_lines[0].number,
        line_end=numbered[-1][0] if numbered else byline.line.number,
    )
    _fill_text(article, [text for _, text in numbered])
    if not confident:
        article.warnings.append(GUESSED_AUTHOR_WARNING)
    return article, None if is_last else next_section


def _fill_text(article: ParsedArticle, paragraphs: list[str]) -> None:
    """Caption, summary label, subtitle, body and subheadings from the paragraphs."""
    if not paragraphs:
        return
    article.image_caption, paragraphs = take_caption(paragraphs)
    is_summary, paragraphs = take_summary_label(paragraphs)
    article.kind = "summary" if is_summary else "feature"
    if not is_summary:
        article.subtitle, paragraphs = take_subtitle(paragraphs)
    body, article.subheadings = _split_body(paragraphs)
    article.body = join_body(body)
