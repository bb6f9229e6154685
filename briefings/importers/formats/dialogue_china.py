"""Dialogue China Briefing: translated feature stories and summarised Chinese articles.

The text is a web page flattened into run-on lines. "Briefing #N: Title" comes first,
then a masthead ("Dialogue China Briefing...October 1st, 2023 – Issue 140...") and a
contents list (see ``_dialogue_china_contents``). Each article is announced by its
section name (glued to the end of the text before it), a title and a byline
``Author – Outlet – Date`` that is often glued to the title; an image caption
"... (Agency)" is glued to the first paragraph or to "Summary:". Footer debris
(subscription, copyright, share, comments) closes the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import Line, numbered_lines
from ..types import ParsedArticle, ParsedBriefing
from . import _dialogue_china_articles as articles
from ._dialogue_china_contents import (
    Contents,
    masthead_date,
    masthead_issue,
    parse_contents,
)
from ._single_article import parse_single_article

FORMAT = "dialogue_china"
PUBLICATION = "Dialogue China Briefing"

_HEADING = re.compile(
    r"^\s*Briefing\s*#\s*(?P<issue>\d+)\s*[:–—-]?\s*(?P<title>.*)$", re.I
)
_PUBLICATION_NAME = re.compile(r"Dialogue\s*China", re.I)
_EDGE_LINES = 8  # the masthead opens the page, the site name closes it
_SITE_NAME_LINE = re.compile(r"^\s*Dialogue China(?: Briefing)?\s*$", re.I)
NO_BYLINES_WARNING = (
    "low confidence: no 'Author – Outlet – Date' bylines found; "
    "the text is kept as one article"
)


def sniff(text: str) -> bool:
    """Whether text is a Dialogue China Briefing (masthead, heading or bylines)."""
    lines = numbered_lines(text)
    filled = [line.text for line in lines if line.text.strip()]
    edges = "\n".join(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:])
    if re.search(r"Dialogue\s*China\s*Briefing", edges, re.I):
        return True
    has_heading = any(_HEADING.match(line.text) for line in lines[:5])
    byline_count = sum(1 for line in lines if articles.match_byline(line))
    if _PUBLICATION_NAME.search(edges):
        return has_heading or byline_count >= 1
    return has_heading and byline_count >= 2


def parse(text: str) -> ParsedBriefing:
    """Parse a Dialogue China Briefing into its feature stories and summaries."""
    lines = numbered_lines(text)
    heading = _heading(lines)
    bylines = [b for line in lines if (b := articles.match_byline(line))]
    footer_start = _footer_start(lines)
    spans = articles.article_spans(lines, bylines, footer_start)
    first_article_line = spans[0][0] if spans else footer_start
    head_lines = [line for line in lines if line.number < first_article_line]
    contents = parse_contents([line for line in head_lines if line is not heading])
    briefing = _briefing(lines, head_lines, heading)
    briefing.articles = _articles(lines, bylines, spans, contents)
    if not bylines:
        # Nothing to split on: keep the text as one article rather than lose it.
        fallback = parse_single_article(text, kind="feature", period_ok=False)
        briefing.articles = [fallback.article]
        briefing.warnings.append(NO_BYLINES_WARNING)
    return briefing


def _heading(lines: list[Line]) -> Line | None:
    """The "Briefing #N: Title" line, if one of the first lines is one."""
    return next((line for line in lines[:5] if _HEADING.match(line.text)), None)


def _briefing(
    lines: list[Line], head_lines: list[Line], heading: Line | None
) -> ParsedBriefing:
    """The briefing's own fields: issue, title, date and line span."""
    match = _HEADING.match(heading.text) if heading else None
    found = masthead_date(head_lines)
    last = max((line.number for line in lines if line.text.strip()), default=0)
    return ParsedBriefing(
        format=FORMAT,
        publication=PUBLICATION,
        issue=int(match.group("issue")) if match else masthead_issue(head_lines),
        title=(match.group("title").strip() or None) if match else None,
        date=found[0] if found else None,
        date_precision=found[1] if found else "unknown",
        line_start=1,
        line_end=last,
    )


def _footer_start(lines: list[Line]) -> int:
    """First line of the trailing footer debris (one past the end if none)."""
    start = len(lines) + 1
    for line in reversed(lines):
        text = line.text.strip()
        if text and not (articles.is_footer_line(text) or _SITE_NAME_LINE.match(text)):
            break
        start = line.number
    return start


@dataclass
class _Sections:
    """The section each article falls under, from its marker or the contents list."""

    contents: Contents
    used: set[int]
    current: str | None = None

    def resolve(self, article: ParsedArticle, marker: str | None) -> None:
        index = self.contents.best_match(article.title or "", self.used)
        listed = None
        if index is not None:
            self.used.add(index)
            entry = self.contents.entries[index]
            listed = entry.section
            if articles.differs(entry.title, article.title):
                article.alternate_titles.append(entry.title)
        known = marker if marker in self.contents.sections else None
        self.current = known or listed or marker or self.current
        article.section = self.current


def _articles(lines, bylines, spans, contents: Contents) -> list[ParsedArticle]:
    """Parse every article span, passing each one's trailing section marker on."""
    sections = _Sections(contents, set())
    marker = contents.trailing_section
    parsed = []
    for index, (byline, (start, end)) in enumerate(zip(bylines, spans, strict=True)):
        is_last = index == len(bylines) - 1
        span_lines = [line for line in lines if start <= line.number <= end]
        article, next_marker = articles.parse_article(
            span_lines, byline, contents, is_last=is_last
        )
        sections.resolve(article, marker)
        marker = next_marker
        parsed.append(article)
    return parsed
