"""Items into articles: title line, metadata around it, body, reading lists, letters.

An item's outlet, date and authors come from its title line, from metadata lines
above or under the title, from a closing source line or a source in brackets after
its summary; the rest is its body. Bulleted sources with nothing under them are a
reading list (one article with items); an editor's letter before the items is an
article of its own.
"""

from __future__ import annotations

import re

from ..types import ParsedArticle, ParsedItem
from .dates import NO_YEAR, FoundDate, date_line, find_dates
from .head import VALEDICTION, complete_names, signed_by
from .items import Layout, Segment
from .roles import Meta, Unit, wire_dateline
from .titles import TitleParts, read_parts, split_title

# a source in brackets after a summary's last sentence, or on a line of its own
_CLOSING_SOURCE = re.compile(r"(?:^|[.!?”\"]\s*)\((?P<inner>[^()]{2,80})\)\s*$")
_LEADING_ROLES = ("date", "meta", "names", "url", "caption", "issue")
MIN_LETTER_WORDS = 60
MAX_TEASER_PARAGRAPHS = 2  # an intro this long is an article of its own


def _in_byline_slot(unit: Unit, below: Unit | None) -> bool:
    """An organisation named where a byline stands: above the date, over the title."""
    only_outlet = unit.meta.outlet and not (unit.meta.authors or unit.meta.date)
    return bool(only_outlet and below is not None and below.role == "date")


def _take_meta(meta: Meta, article: ParsedArticle, unsure: list[str]) -> None:
    if meta.authors and not article.authors:
        article.authors = meta.authors
    if meta.outlet and not article.outlet:
        article.outlet = meta.outlet
    if meta.date and article.date is None:
        _set_date(article, meta.date, unsure)
    if meta.rubric and not article.section:
        article.section = meta.rubric


def _set_date(article: ParsedArticle, found: FoundDate, unsure: list[str]) -> None:
    if found.date is None:
        unsure.append(f"date without a year for {article.title!r}")
        if article.date is None:
            article.date_precision = NO_YEAR  # shown without a year: none borrowed
        return
    article.date, article.date_precision = found.date, found.precision


def article_of(segment: Segment, unsure: list[str]) -> ParsedArticle:
    parts = segment.parts
    article = ParsedArticle(title=parts.title or None, kind="digest_item")
    article.section = segment.section
    article.authors, article.outlet = list(parts.authors), parts.outlet
    if parts.date:
        _set_date(article, parts.date, unsure)
    units = list(segment.units)
    stacked = False  # authors so far come from a byline above the title
    for index, unit in reversed(list(enumerate(segment.before))):  # nearest first
        below = segment.before[index + 1] if index + 1 < len(segment.before) else None
        only_names = bool(unit.meta and unit.meta.authors) and not (
            unit.meta.outlet or unit.meta.date
        )
        if unit.meta and _in_byline_slot(unit, below):
            article.authors = article.authors or [unit.meta.outlet]
        elif unit.meta and article.authors and unit.meta.authors and not parts.title:
            # stacked bylines of an untitled item, read from the nearest up
            article.authors = unit.meta.authors + article.authors
        elif only_names and stacked and below is not None and below.role == unit.role:
            # two bylines stacked over one title ("A, Fellow" / "B, Professor")
            article.authors = unit.meta.authors + article.authors
        elif only_names and not article.authors:
            article.authors, stacked = unit.meta.authors, True
        elif unit.meta:
            _take_meta(unit.meta, article, unsure)
        elif unit.role == "heading" and not article.section:
            article.section = unit.text  # a rubric over the title
    if parts.rest:
        units.insert(0, _excerpt_unit(segment.title_unit, parts.rest))
    while units and units[0].role in _LEADING_ROLES:
        unit = units.pop(0)
        if unit.meta:
            _take_meta(unit.meta, article, unsure)
        elif unit.role == "issue" and article.date is None:
            dates = [d for d in find_dates(unit.text) if d.date]
            if dates:  # "N° 1001 – 4-8.3.2024": the item's own number and dates
                _set_date(article, dates[0], unsure)
    while units and (
        units[-1].role == "url" or (units[-1].role == "meta" and units[-1].meta)
    ):
        unit = units.pop()  # a closing source line, byline or link
        if unit.meta:
            _take_meta(unit.meta, article, unsure)
    _fill_body(article, units)
    # a teaser opening with its wire's dateline; a whole story under a page's title
    # is one article, whose wire the single-article reader weighs
    teaser = len(article.paragraphs()) <= MAX_TEASER_PARAGRAPHS
    wire = wire_dateline(article.body) if teaser else None
    if wire and article.outlet is None:
        article.outlet = wire[0]  # "DURBAN, Oct. 27 (Xinhua) — ..."
        if wire[1] and article.date is None:
            _set_date(article, wire[1], unsure)
    if article.outlet is None and article.body:
        _take_closing_source(article, unsure)
    prefix = f"{article.outlet}:" if article.outlet and article.title else None
    if prefix and article.title.startswith(prefix) and len(article.title) > len(prefix):
        # "China Review News: Title" over "Source: China Review News, May 3, 2015"
        article.title = article.title[len(prefix) :].strip()
    numbers = [segment.title_unit.number] + [u.number for u in segment.before]
    numbers += [u.number for u in segment.units]
    article.line_start, article.line_end = min(numbers), max(numbers)
    return article


def _take_closing_source(article: ParsedArticle, unsure: list[str]) -> None:
    """The outlet a summary closes with: "... the lowest in two decades. (SCMP)".

    The bracket after a finished sentence is the item's source marker: it is taken
    out of the body, so that the sentence's claim ends where the sentence does.
    """
    paragraphs = article.body.split("\n\n")
    for index, paragraph in enumerate(paragraphs):
        match = _CLOSING_SOURCE.search(paragraph)
        found = _source_marker(match.group("inner")) if match else None
        if found is None:
            continue
        article.outlet = found.outlet
        if found.date and article.date is None:
            _set_date(article, found.date, unsure)
        paragraphs[index] = paragraph[: match.start() + 1].strip(" (")
        article.body = "\n\n".join(p for p in paragraphs if p)
        return


def _source_marker(inner: str) -> TitleParts | None:
    """Outlet (and date) of a closing bracket: "SCMP, 8 March 2024", "The Standard"."""
    inner = inner.split(";")[0]  # "Reuters, 8 Nov 2024; Caixin, 8 Nov 2024": the first
    found = read_parts(inner, allow_names=False)
    if found and found.outlet:
        return found
    name, _, rest = inner.partition(",")
    date = date_line(rest) if rest.strip() else None
    words = name.split()
    shaped = 1 <= len(words) <= 6 and all(w[:1].isupper() for w in words)
    if shaped and not re.search(r"\d", name) and (date or not rest.strip()):
        return TitleParts(title="", outlet=name.strip(), date=date)
    return None


def _excerpt_unit(title: Unit, text: str) -> Unit:
    """The excerpt glued to a title line after its outlet, as a prose line."""
    return Unit(title.number, text, text, "prose")


def _fill_body(article: ParsedArticle, units: list[Unit]) -> None:
    paragraphs: list[str] = []
    previous: Unit | None = None
    for unit in units:
        if unit.role in ("noise", "url", "caption", "contents"):
            previous = None
            continue
        text = "• " + unit.text if unit.role == "list" else unit.text
        wrapped = (
            previous is not None
            and not unit.blank_before
            and previous.role == unit.role == "prose"
            and not re.search(r"[.!?…:;”\"')]$", previous.text)
        )
        if wrapped and paragraphs[-1].endswith("-") and text[:1].islower():
            paragraphs[-1] = paragraphs[-1][:-1] + text  # a word split at the line end
        elif wrapped:
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
            if unit.role == "heading":
                article.subheadings.append(text)
        previous = unit
    article.body = "\n\n".join(paragraphs)


def is_reading_list(layout: Layout) -> bool:
    """Bulleted entries with their sources and nothing under them: a reading list
    (bullets saying what an outlet reports are the items of a media report)."""
    return layout.shape != ("attributed",) and all(
        segment.title_unit.role == "list"
        and not any(u.role in ("prose", "heading") for u in segment.units)
        for segment in layout.segments
    )


def reading_list(layout: Layout, entries: list[ParsedArticle]) -> ParsedArticle:
    """One article listing the entries (they are recommendations, not articles)."""
    article = ParsedArticle(title=entries[0].section, kind="link_list")
    article.items = [
        ParsedItem(title=e.title or "", authors=e.authors, label=e.outlet)
        for e in entries
    ]
    for segment in layout.segments:  # entries whose source the reader did not know
        for unit in segment.units:
            parts = split_title(unit.text) if unit.role == "list" else None
            if parts is not None:
                article.items.append(
                    ParsedItem(parts.title, authors=parts.authors, label=parts.outlet)
                )
    article.body = "\n\n".join(f"• {item.title}" for item in article.items)
    numbers = [u.number for s in layout.segments for u in (s.title_unit, *s.units)]
    article.line_start, article.line_end = min(numbers), max(numbers)
    return article


def letter(head: list[Unit], publication: str | None) -> ParsedArticle | None:
    """The editor's letter or essay before the items, when it says something."""
    prose = [u for u in head if u.role == "prose" and not VALEDICTION.match(u.text)]
    if sum(len(u.text.split()) for u in prose) < MIN_LETTER_WORDS:
        return None
    article = ParsedArticle(title=None, kind="feature")
    article.body = "\n\n".join(u.text for u in prose)
    article.authors = complete_names(signed_by(head, first_names=True), publication)
    article.line_start, article.line_end = prose[0].number, prose[-1].number
    return article
