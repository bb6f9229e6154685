"""A structural reader for layouts no publisher module knows.

``roles`` gives every line a role from its own features; ``items`` finds the block
shape that recurs in the text and cuts it into items with their sections; ``titles``
splits an item's title line into title, outlet, date and authors; ``articles`` turns
items into articles; ``head`` reads the briefing's masthead, issue, date and editors;
``single`` finds the title of a single article under a page's chrome; ``catalogue``
names publications and outlets from shipped data; ``dates`` reads dates in their
common forms. ``read_briefing`` puts them together: a multi-item text becomes one
article per item, anything else is read as a single article by the caller.

Pure Python: text in, ``Parsed*`` dataclasses out. What the text does not show stays
empty; what the reader is unsure of is named in the briefing's warnings, and
``confidence`` says how sure it is of the structure as a whole.
"""

from __future__ import annotations

from ..text import comparable, numbered_lines
from ..types import ParsedArticle, ParsedBriefing
from . import catalogue
from .articles import article_of, is_reading_list, letter, reading_list
from .dates import NO_YEAR
from .head import (
    HeadFields,
    copyright_holder,
    publication_of,
    read_head_fields,
    signed_by,
)
from .items import MIN_ITEMS, Layout, find_layout
from .roles import Unit, read_units
from .single import read_page_head

__all__ = [
    "YEARLESS",
    "HeadFields",
    "publication_of",
    "read_briefing",
    "read_head_fields",
    "single_confidence",
    "structure_warning",
]

MAX_SECTION_TEASER = 2  # mean prose lines of a numbered item beyond which: a section
CONFIDENT = 0.75  # below this, editors get a review item naming what is unsure
SIGN_OFF_LINES = 8  # a letter's sign-off stands among the last lines
# "low confidence" makes both a review item of that kind (see briefings/curation/review.py)
YEARLESS = "issue date without a year"
NO_PUBLICATION = (
    "low confidence: publication unknown: no masthead, title line, footer or web "
    "address names a publication"
)


def confidence(layout: Layout, articles: list[ParsedArticle], known: bool) -> float:
    """How sure the reader is of a multi-item structure, 0 to 1."""
    described = sum(bool(a.outlet or a.date or a.authors) for a in articles)
    share = described / len(articles) if articles else 0.0
    repeated = min(len(articles), 5) / 5
    score = 0.35 + 0.3 * share + 0.2 * repeated + (0.15 if known else 0.0)
    return round(min(score, 1.0), 2)


def structure_warning(score: float, unsure: list[str]) -> str:
    """The review warning naming what the reader is unsure of."""
    details = "; ".join(unsure) if unsure else "the layout is not one the reader knows"
    return f"low confidence: structure unsure ({score:.2f}): {details}"


def _is_one_document(
    units: list[Unit], layout: Layout, articles: list[ParsedArticle], issue: int | None
) -> bool:
    """Sections of one document rather than items of a briefing.

    Two "items" under a headed page title (a byline, date or document number under
    it) are one article and a stray line. Items without an outlet, date or author of
    their own, in a text with no issue number, are sections when the page has a
    headed title above them, or when they hold more than a teaser each.
    """
    described = sum(bool(a.outlet or a.date or a.authors) for a in articles)
    page = read_page_head(units)
    headed = page is not None and page.strong and len(articles) <= MIN_ITEMS
    if headed and not any(a.outlet for a in articles):
        return True  # a headed article and one stray "item" above it
    if issue is not None or described * 2 >= len(articles) or layout.shape[3]:
        return False
    first = layout.segments[0].title_unit.number if layout.segments else 0
    above = page is not None and units[page.title_index].number <= first
    if above and page.strong:
        return True
    prose = [sum(u.role == "prose" for u in s.units) for s in layout.segments]
    return bool(prose) and sum(prose) / len(prose) > MAX_SECTION_TEASER


def not_an_outlet(
    publication: str | None, articles: list[ParsedArticle], text: str
) -> str | None:
    """The publication, unless it is also the outlet of one of the items and the
    copyright line does not name it: a digest names the outlets it draws from, and a name
    above its first item is that item's outlet, not the digest's masthead (left
    empty rather than guessed). A site listing its own pieces names itself in its
    copyright line."""
    if publication is None:
        return None
    named = catalogue.lookup(publication)
    holder = copyright_holder(text)
    if holder and comparable(holder) == comparable(publication):
        return publication
    if named is not None and _linked_only_from_items(named, articles, text):
        return None  # the web address of an item's source, not of the digest
    for article in articles:
        outlet = article.outlet and catalogue.lookup(article.outlet)
        same = comparable(article.outlet or "") == comparable(publication)
        if same or (named is not None and outlet is named):
            return None
    return publication


def _linked_only_from_items(
    named: catalogue.Publication, articles: list[ParsedArticle], text: str
) -> bool:
    """Whether every line whose web address belongs to ``named`` lies in an item."""
    spans = [(a.line_start, a.line_end) for a in articles]
    linked = [
        line.number
        for line in numbered_lines(text)
        if catalogue.by_domain(line.text) is named
    ]
    return bool(linked) and all(
        any(start <= number <= end for start, end in spans) for number in linked
    )


def read_briefing(text: str, format_name: str) -> ParsedBriefing | None:
    """A multi-item briefing with one article per item, or None for a single text."""
    units = [u for u in read_units(text) if u.role != "noise"]
    layout = find_layout(units)
    if layout is None:
        return None
    head = read_head_fields(layout.head, text)
    unsure: list[str] = []
    articles = [article_of(segment, unsure) for segment in layout.segments]
    articles = [a for a in articles if a.title or a.body]
    if len(articles) < MIN_ITEMS or _is_one_document(
        units, layout, articles, head.issue
    ):
        return None  # one item is one article: the single-article reader knows it
    if is_reading_list(layout):
        articles = [reading_list(layout, articles)]
    intro = letter(layout.head, head.publication)
    articles = [intro, *articles] if intro else articles
    bare = [a for a in articles if not (a.outlet or a.date or a.authors)]
    if bare:
        unsure.append(
            f"{len(bare)} of {len(articles)} items show no outlet, date or author"
        )
    publication = not_an_outlet(head.publication, articles, text)
    briefing = ParsedBriefing(
        format=format_name,
        publication=publication,
        issue=head.issue,
        title=head.title,
        editors=head.editors
        or signed_by(layout.head)
        or signed_by(units[-SIGN_OFF_LINES:]),
        articles=articles,
        line_start=min((u.number for u in units), default=1),
        line_end=max((u.number for u in units), default=0),
    )
    if head.date:
        briefing.date, briefing.date_precision = head.date.date, head.date.precision
    elif head.yearless:
        briefing.date_precision = NO_YEAR  # shown without a year: none borrowed
        unsure.append(f"{YEARLESS}: {head.yearless[0]!r}")
    if publication is None:
        unsure.insert(0, "publication unknown")
    briefing.confidence = confidence(layout, articles, publication is not None)
    if briefing.confidence < CONFIDENT or publication is None:
        briefing.warnings.append(structure_warning(briefing.confidence, unsure))
    return briefing


def single_confidence(briefing: ParsedBriefing) -> float:
    """How sure the reader is of a single article: its head fields, found or not."""
    article = briefing.articles[0] if briefing.articles else None
    score = 0.5
    score += 0.2 if article and article.title else 0.0
    score += 0.15 if briefing.date else 0.0
    score += 0.15 if briefing.publication else 0.0
    return round(score, 2)
