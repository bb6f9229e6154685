"""A structural reader for layouts no publisher module knows.

``roles`` gives every line a role from its own features; ``items`` finds the block
shape that recurs in the text and cuts it into items with their sections; ``titles``
splits an item's title line into title, outlet, date and authors; ``catalogue``
names publications and outlets from shipped data; ``dates`` reads dates in their
common forms. ``read_briefing`` puts them together: a multi-item text becomes one
article per item, anything else is read as a single article by the caller.

Pure Python: text in, ``Parsed*`` dataclasses out. What the text does not show stays
empty; what the reader is unsure of is named in the briefing's warnings, and
``confidence`` says how sure it is of the structure as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..formats._article_text import split_names
from ..text import comparable, numbered_lines
from ..types import ParsedArticle, ParsedBriefing, ParsedItem
from . import catalogue
from .dates import FoundDate, date_line, find_dates, strip_label
from .items import Layout, Segment, find_layout
from .roles import (
    COPYRIGHT,
    EDITORS,
    ISSUE,
    SECTION_LABEL,
    Meta,
    Unit,
    issue_number,
    read_units,
)
from .single import read_page_head
from .titles import TitleParts, read_parts, split_title

__all__ = [
    "HeadFields",
    "read_briefing",
    "read_head_fields",
    "single_confidence",
    "structure_warning",
]

MAX_SECTION_TEASER = (
    2  # mean prose lines per numbered item beyond which it is a section
)
_CLOSING_SOURCE = re.compile(r"[.!?”\"]\s*\((?P<inner>[^()]{2,60})\)\s*$")
_SUBJECT = re.compile(r"^(?:Subject|Betreff|Objet)\s*:\s*(?P<subject>.+)$", re.I)
CONFIDENT = 0.75
MAX_VALEDICTION_WORDS = 4
MIN_LETTER_WORDS = 60  # an intro this long is an article of its own
SIGN_OFF_LINES = 8  # below this, editors get a review item naming what is unsure
FOOTER_LINES = 6
MAX_MASTHEAD_WORDS = 6
NO_PUBLICATION = (
    "publication unknown: no masthead, title line, footer or web address names a "
    "publication in the catalogue"
)


@dataclass
class HeadFields:
    publication: str | None = None
    issue: int | None = None
    title: str | None = None
    date: FoundDate | None = None
    yearless: list[str] | None = None
    editors: list[str] | None = None


_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:by\s+)?(?-i:the\s+)?"
    r"(?P<name>[^.,|©]+)",
    re.I,
)


def publication_of(head: list[Unit], text: str) -> str | None:
    """The publication a head line, copyright footer or web address names, as written.

    A head line counts when the catalogue knows it; a copyright holder counts when
    the text names it; a web address gives the catalogue's name for its domain.
    """
    for unit in head[:8]:
        if unit.role in ("heading", "names") and catalogue.lookup(unit.text):
            return unit.text.strip(" .")
    filled = [line.text.strip() for line in numbered_lines(text) if line.text.strip()]
    for line in reversed(filled[-FOOTER_LINES:]):
        holder = _HOLDER.search(line)
        if holder and COPYRIGHT.search(line) and holder.group("name").strip():
            name = holder.group("name").strip()
            if len(name.split()) <= 8 and not name.lower().startswith("all rights"):
                return name.rstrip(" .")
    for line in [*(u.text for u in head[:8]), *filled[-FOOTER_LINES:]]:
        found = catalogue.by_domain(line)
        if found:
            return found.name
    return None


def _residual_title(unit: Unit, publication: str | None) -> str | None:
    """A head line without masthead, issue number and date, if words remain."""
    text = unit.text
    for found in reversed(find_dates(text)):
        text = text[: found.start] + " " + text[found.end :]
    text = strip_label(ISSUE.sub(" ", text).strip(" ,·|–—-:"))
    for found in reversed(find_dates(text)):
        text = text[: found.start] + " " + text[found.end :]
    text = ISSUE.sub(" ", text)
    rest = comparable(text)
    if publication:
        known = catalogue.lookup(publication)
        for name in sorted(known.names if known else [], key=len, reverse=True):
            rest = rest.replace(name, " ")
    words = re.findall(r"\w+", rest)
    if len(words) < 2:
        return None
    if text.strip(" ()[]:–—-|,") == unit.text.strip():
        return unit.text
    return re.sub(r"\s+", " ", text).strip(" ()[]:–—-|,.")


def _block_start(head: list[Unit]) -> int | None:
    """Index of the first issue or date line of a head (the masthead block)."""
    for index, unit in enumerate(head):
        dated = unit.role in ("heading", "meta") and find_dates(unit.text)
        if unit.role in ("issue", "date") or dated:
            return index
    return None


def _masthead(head: list[Unit], start: int) -> str | None:
    """The name shown with the issue or date: on its line, or the line above."""
    residual = _residual_title(head[start], None)
    known = next((u.text for u in head if catalogue.lookup(u.text)), None)
    if residual and len(residual.split()) <= MAX_MASTHEAD_WORDS:
        return known or residual  # a known name outranks what is left of a date line
    above = head[start - 1] if start > 0 else None
    while above is not None and EDITORS.search(above.text) and start > 1:
        start -= 1
        above = head[start - 1]
    only_outlet = (
        above and above.role == "meta" and not (above.meta.date or above.meta.authors)
    )
    short = above is not None and len(above.text.split()) <= MAX_MASTHEAD_WORDS * 2
    if short and (above.role in ("heading", "names") or only_outlet):
        return above.text
    return None


def read_head_fields(head: list[Unit], text: str) -> HeadFields:
    """Publication, issue, date and title of a briefing from the lines of its head."""
    fields = HeadFields(yearless=[], editors=[])
    for unit in head:
        found = EDITORS.search(unit.text)
        names = split_names(found.group("names")) if found else None
        if names and not fields.editors:
            fields.editors = names
    start = _block_start(head)
    masthead = _masthead(head, start) if start is not None else None
    fields.publication = masthead or publication_of(head, text)
    block = head[start:] if start is not None else head
    for unit in block:
        if unit.role not in ("issue", "date", "heading") or (
            unit.role == "heading" and not find_dates(unit.text)
        ):
            break
        fields.issue = fields.issue or issue_number(unit.text)
        _head_date(fields, unit)
    # a listing's head seldom has a title of its own: only an email's subject line
    for unit in head:
        subject = _SUBJECT.match(unit.raw.strip())
        if subject and fields.title is None:
            fields.title = subject.group("subject").strip()
    if fields.date is None and start is None:
        for unit in head:
            if unit.role in ("date", "meta", "heading"):
                _head_date(fields, unit)
    return fields


def _head_date(fields: HeadFields, unit: Unit) -> None:
    for found in find_dates(unit.text):
        if found.date and fields.date is None:
            fields.date = found
        elif found.date is None:
            fields.yearless.append(unit.text[found.start : found.end])


# --- items into articles ---------------------------------------------------------------


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
        return
    article.date, article.date_precision = found.date, found.precision


def _article(segment: Segment, unsure: list[str]) -> ParsedArticle:
    parts = segment.parts
    article = ParsedArticle(title=parts.title or None, kind="digest_item")
    article.section = segment.section
    article.authors, article.outlet = list(parts.authors), parts.outlet
    if parts.date:
        _set_date(article, parts.date, unsure)
    units = list(segment.units)
    for index, unit in enumerate(segment.before):
        below = segment.before[index + 1] if index + 1 < len(segment.before) else None
        if unit.meta and _in_byline_slot(unit, below):
            article.authors = article.authors or [unit.meta.outlet]
        elif unit.meta:
            _take_meta(unit.meta, article, unsure)
        elif unit.role == "heading" and not article.section:
            article.section = unit.text  # a rubric over the title
    if parts.rest:
        units.insert(0, _excerpt_unit(segment.title_unit, parts.rest))
    while units and units[0].role in ("date", "meta", "names", "url", "caption"):
        unit = units.pop(0)
        if unit.meta:
            _take_meta(unit.meta, article, unsure)
    while units and (
        units[-1].role == "url" or (units[-1].role == "meta" and units[-1].meta)
    ):
        unit = units.pop()  # a closing source line, byline or link
        if unit.meta:
            _take_meta(unit.meta, article, unsure)
    _fill_body(article, units)
    if article.outlet is None and article.body:
        _take_closing_source(article, unsure)
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
        paragraphs[index] = paragraph[: match.start() + 1]
        article.body = "\n\n".join(paragraphs)
        return


def _source_marker(inner: str) -> TitleParts | None:
    """Outlet (and date) of a closing bracket: "SCMP, 8 March 2024", "The Standard"."""
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
    return f"structure unsure (confidence {score:.2f}): {details}"


def _is_one_document(
    units: list[Unit], layout: Layout, articles: list[ParsedArticle], issue: int | None
) -> bool:
    """Numbered sections of one document rather than items of a briefing.

    Items without an outlet, date or author of their own, in a text with no issue
    number, are sections when the page has a headed title (a byline, date or
    document number under it) above them, or when they hold more than a teaser each.
    """
    described = sum(bool(a.outlet or a.date or a.authors) for a in articles)
    if issue is not None or described * 2 >= len(articles) or layout.shape[3]:
        return False
    page = read_page_head(units)
    first = layout.segments[0].title_unit.number if layout.segments else 0
    above = page is not None and units[page.title_index].number < first
    if above and page.strong:
        return True
    prose = [sum(u.role == "prose" for u in s.units) for s in layout.segments]
    return bool(prose) and sum(prose) / len(prose) > MAX_SECTION_TEASER


_VALEDICTION = re.compile(
    r"^(?:best|cheers|thanks|thank you|regards|yours|warmly|until next time|see you"
    r"|ihre?|euer|eure|viele grüße|bien à vous|à bientôt|amitiés)\b.*[,!.]?$|.*,$",
    re.I,
)


def signed_by(units: list[Unit], first_names: bool = False) -> list[str]:
    """The names a letter is signed with ("Until next time, / Jane Doe")."""
    for previous, unit in zip(units, units[1:], strict=False):
        short = len(previous.text.split()) <= MAX_VALEDICTION_WORDS
        if (
            short
            and _VALEDICTION.match(previous.text)
            and unit.role in ("names", "heading")
        ):
            names = split_names(unit.text) or []
            full = bool(names) and all(len(n.split()) >= 2 for n in names)
            if full or (first_names and len(names) == 1):
                return names
    return []


def _is_reading_list(layout: Layout) -> bool:
    """Bulleted entries with their sources and nothing under them: a reading list."""
    return all(
        segment.title_unit.role == "list"
        and not any(u.role in ("prose", "heading") for u in segment.units)
        for segment in layout.segments
    )


def _reading_list(layout: Layout, entries: list[ParsedArticle]) -> ParsedArticle:
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


def _letter(head: list[Unit], publication: str | None) -> ParsedArticle | None:
    """The editor's letter or essay before the items, when it says something."""
    prose = [u for u in head if u.role == "prose" and not _VALEDICTION.match(u.text)]
    if sum(len(u.text.split()) for u in prose) < MIN_LETTER_WORDS:
        return None
    article = ParsedArticle(title=None, kind="feature")
    article.body = "\n\n".join(u.text for u in prose)
    article.authors = _complete_names(signed_by(head, first_names=True), publication)
    article.line_start, article.line_end = prose[0].number, prose[-1].number
    return article


def _complete_names(names: list[str], publication: str | None) -> list[str]:
    """A first name signing a letter, completed by a masthead that names its owner
    ("Best, / Hal" under "Hal Mercer's China Reading")."""
    owner = re.match(
        r"^(?P<owner>(?:[A-Z][\w-]+\s+){1,2}[A-Z][\w-]+)['’]s\b", publication or ""
    )
    if owner and len(names) == 1 and owner.group("owner").split()[0] == names[0]:
        return [owner.group("owner")]
    return names


def read_briefing(text: str, format_name: str) -> ParsedBriefing | None:
    """A multi-item briefing with one article per item, or None for a single text."""
    units = [u for u in read_units(text) if u.role != "noise"]
    layout = find_layout(units)
    if layout is None:
        return None
    head = read_head_fields(layout.head, text)
    unsure: list[str] = []
    articles = [_article(segment, unsure) for segment in layout.segments]
    articles = [a for a in articles if a.title or a.body]
    if _is_one_document(units, layout, articles, head.issue):
        return None
    if _is_reading_list(layout):
        articles = [_reading_list(layout, articles)]
    letter = _letter(layout.head, head.publication)
    articles = [letter, *articles] if letter else articles
    labelled = next((u for u in layout.head if u.role == "section"), None)
    for article in articles if labelled else []:
        # "Category: Foreign Policy" over a listing files every item in it
        article.section = article.section or SECTION_LABEL.match(labelled.text)["name"]
    bare = [a for a in articles if not (a.outlet or a.date or a.authors)]
    if bare:
        unsure.append(
            f"{len(bare)} of {len(articles)} items show no outlet, date or author"
        )
    briefing = ParsedBriefing(
        format=format_name,
        publication=head.publication,
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
        unsure.append(f"issue date without a year: {head.yearless[0]!r}")
    if head.publication is None:
        unsure.insert(0, "publication unknown")
    briefing.confidence = confidence(layout, articles, head.publication is not None)
    if briefing.confidence < CONFIDENT or head.publication is None:
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
