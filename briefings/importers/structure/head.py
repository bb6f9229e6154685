"""The head of a briefing: masthead, publication, issue, date, title and editors.

The masthead is the name shown with the issue or date line ("Vol. 24, Issue 7 ·
15 July 2024" under "Journal of ..."), or on that line itself ("The Yangtze Dispatch
05.16.24"); failing that, a head line the catalogue knows, the copyright holder of
the footer, or a web address the catalogue knows. Editors come from a "compiled
by" line or the names a letter is signed with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..formats._article_text import split_names
from ..text import comparable, numbered_lines
from . import catalogue
from .dates import FoundDate, find_dates, strip_label
from .roles import (
    COPYRIGHT,
    EDITORS,
    ISSUE,
    ORGANISATION_WORDS,
    Unit,
    affiliated_names,
    issue_number,
)

_SUBJECT = re.compile(r"^(?:Subject|Betreff|Objet)\s*:\s*(?P<subject>.+)$", re.I)
MAXVALEDICTION_WORDS = 4
FOOTER_LINES = 6
MAIL_HEADER_LINES = 12
MAX_MASTHEAD_WORDS = 6
_SEPARATOR = re.compile(r"\s[·|]\s")
_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:by\s+)?(?-i:the\s+)?"
    r"(?P<name>[^.,|©:;]+?)(?=\s+(?:tel|phone|fax|e-?mail|contact)\b|[.,|©:;]|$)",
    re.I,
)
VALEDICTION = re.compile(
    r"^(?:best|cheers|thanks|thank you|regards|yours|warmly|until next time|see you"
    r"|ihre?|euer|eure|viele grüße|bien à vous|à bientôt|amitiés)\b.*[,!.]?$|.*,$",
    re.I,
)


@dataclass
class HeadFields:
    publication: str | None = None
    issue: int | None = None
    title: str | None = None
    date: FoundDate | None = None
    yearless: list[str] | None = None
    editors: list[str] | None = None


def publication_of(head: list[Unit], text: str) -> str | None:
    """The publication a head line, copyright footer or web address names, as written.

    A head line counts when the catalogue knows it; a copyright holder counts when
    the text names it; a web address gives the catalogue's name for its domain.
    """
    for unit in head[:8]:
        if unit.role in ("heading", "names", "meta") and catalogue.lookup(unit.text):
            return unit.text.strip(" .")
    return footer_publication(text, head)


# "China-US Focus is a project of ...", "X is published by ...": a footer line in
# which a publication describes itself
_SELF_DESCRIBED = re.compile(
    r"^(?P<name>[^.,:;]{3,60}?)\s+is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}"
    r"(?:project|publication|newsletter|service|initiative|product|programme"
    r"|program)\s+(?:of|by|from)\b|^(?P<published>[^.,:;]{3,60}?)\s+is\s+"
    r"(?:published|produced|edited)\s+by\b",
    re.I,
)


def self_described(text: str) -> str | None:
    """The publication a footer line describes ("X is a project of Y"), if the
    catalogue knows it."""
    for line in _footer_lines(text):
        match = _SELF_DESCRIBED.match(line)
        name = match and (match.group("name") or match.group("published"))
        if name and catalogue.lookup(name):
            return name.strip()
    return None


def footer_publication(text: str, head: list[Unit] = ()) -> str | None:
    """The copyright holder of the footer, a publication the footer describes, or
    the catalogue's name for a web address in the head or the footer."""
    holder = copyright_holder(text) or self_described(text)
    if holder:
        return holder
    for line in [*(u.text for u in head[:8]), *_footer_lines(text)]:
        found = catalogue.by_domain(line)
        if found:
            return found.name
    return None


def _footer_lines(text: str) -> list[str]:
    """The last filled lines of the text, where a footer stands."""
    filled = [line.text.strip() for line in numbered_lines(text) if line.text.strip()]
    return filled[-FOOTER_LINES:]


def copyright_holder(text: str) -> str | None:
    """Who the footer's copyright line names: a publication naming itself."""
    for line in reversed(_footer_lines(text)):
        if not COPYRIGHT.search(line):
            continue
        # "Copyright © 2024 X": the word and the sign both open the notice
        names = [h.group("name").strip() for h in _HOLDER.finditer(line)]
        for name in filter(None, names):
            if len(name.split()) <= 8 and not name.lower().startswith("all rights"):
                return name.rstrip(" .")
            break
    return None


def _owner_above(
    head: list[Unit], start: int | None, masthead: str | None
) -> str | None:
    """An organisation's name on the line above a masthead that reads as a title (it
    has a colon or does not name an organisation itself)."""
    if not start or masthead is None or start < 2 or head[start - 1].text != masthead:
        return None
    upper = head[start - 2]
    organisation = bool(ORGANISATION_WORDS.search(upper.text)) and _is_title_case(
        upper.text
    )
    titled = ":" in masthead or not ORGANISATION_WORDS.search(masthead)
    short = len(upper.text.split()) <= MAX_MASTHEAD_WORDS * 2
    if upper.role in ("heading", "names", "meta") and organisation and titled and short:
        return upper.text
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


_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "by",
        "de",
        "for",
        "in",
        "of",
        "on",
        "the",
        "to",
        "&",
        "der",
        "des",
        "die",
        "du",
        "la",
        "le",
        "of",
        "und",
    ]
)


def _is_title_case(text: str) -> bool:
    """Every word capitalised but the small ones ("Journal of Chinese Governance")."""
    words = [
        w
        for w in re.findall(r"[^\W\d_][\w'’.-]*", text)
        if w.lower() not in _SMALL_WORDS
    ]
    return bool(words) and all(w[0].isupper() for w in words)


def _masthead(head: list[Unit], start: int) -> str | None:
    """The name shown with the issue or date: the line above it, or on its line."""
    above_index = start - 1
    # an editors' line, or a publisher's line with its programme ("Institute · Asia
    # Program"), stands between a masthead and its issue line
    while above_index > 0 and (
        EDITORS.search(head[above_index].text)
        or _SEPARATOR.search(head[above_index].text)
    ):
        above_index -= 1
    above = head[above_index] if above_index >= 0 else None
    only_outlet = (
        above and above.role == "meta" and not (above.meta.date or above.meta.authors)
    )
    short = above is not None and len(above.text.split()) <= MAX_MASTHEAD_WORDS * 2
    named = above is not None and (above.text.isupper() or _is_title_case(above.text))
    kind_only = above is not None and _only_kind_words(above.text)
    placed = above is not None and (above.role in ("heading", "names") or only_outlet)
    if short and named and placed and not kind_only:
        return above.text  # a name, not a tagline ("Scanning the web so you need not")
    residual = _residual_title(head[start], None)
    known = next((u.text for u in head if catalogue.lookup(u.text)), None)
    if known:
        return known
    if residual and len(residual.split()) <= MAX_MASTHEAD_WORDS:
        # what is left of a date line names the publication unless it only says
        # what kind of issue this is ("Weekly News", "Media Report")
        return None if _only_kind_words(residual) else residual
    return None


# Words that say what kind of issue a line heads, not whose it is.
_KIND_WORDS = frozenset(
    [
        "a",
        "the",
        "of",
        "in",
        "on",
        "this",
        "week",
        "weekly",
        "daily",
        "monthly",
        "news",
        "newsletter",
        "briefing",
        "brief",
        "digest",
        "review",
        "press",
        "media",
        "report",
        "update",
        "updates",
        "roundup",
        "round-up",
        "bulletin",
        "summary",
        "highlights",
        "edition",
        "issue",
        "links",
        "reading",
        "top",
        "stories",
        "headlines",
    ]
)


MIN_HEADLINE_WORDS = 4  # fewer is a section label ("Recent Stories")


def _only_kind_words(text: str) -> bool:
    words = re.findall(r"[\w-]+", text.lower())
    return bool(words) and all(word in _KIND_WORDS for word in words)


def read_head_fields(head: list[Unit], text: str) -> HeadFields:
    """Publication, issue, date and title of a briefing from the lines of its head."""
    fields = HeadFields(yearless=[], editors=[])
    for unit in head:
        found = EDITORS.search(unit.text)
        names = None
        if found:  # "Compiled by A, Research Associate, and B": the people only
            names = affiliated_names(found.group("names")) or split_names(
                found.group("names")
            )
        if names and not fields.editors:
            fields.editors = names
    start = _block_start(head)
    masthead = _masthead(head, start) if start is not None else None
    owner = _owner_above(head, start, masthead)
    if owner is not None:
        # "Business Council of Victoria" / "China Policy Reading List: ..." / date:
        # the organisation names the publication, the line under it is the title
        masthead, fields.title = owner, masthead
    fields.publication = masthead or publication_of(head, text)
    block = head[start:] if start is not None else head
    for unit in block:
        if unit.role not in ("issue", "date", "heading") or (
            unit.role == "heading" and not find_dates(unit.text)
        ):
            break
        fields.issue = fields.issue or issue_number(unit.text)
        _head_date(fields, unit)
    # a listing's head seldom has a title of its own: an email's subject line, or a
    # line over the date that only says what kind of issue this is ("Media Report")
    for line in numbered_lines(text)[:MAIL_HEADER_LINES]:
        subject = _SUBJECT.match(line.text.strip())
        if subject and fields.title is None:  # mail headers are noise to the reader
            fields.title = subject.group("subject").strip()
    above = head[start - 1] if start else None
    kind_line = above is not None and above.role == "heading"
    if fields.title is None and kind_line and _only_kind_words(above.text):
        fields.title = above.text
    if fields.title is None and start is None:
        fields.title = _listing_headline(head, fields.publication)
    if fields.date is None and start is None:
        for unit in head:
            if unit.role in ("date", "meta", "heading"):
                _head_date(fields, unit)
    for unit in head if fields.date is None else []:
        if unit.role == "date" and strip_label(unit.text) != unit.text:
            _head_date(fields, unit)  # a labelled line: "Date range: May 11-18, 2021"
    return fields


def _listing_headline(head: list[Unit], publication: str | None) -> str | None:
    """The one line over a listing's items, when it reads as a headline of a few
    words and is not the publication's name: "Readings on China: ports and grain"."""
    lines = [u for u in head if u.role != "noise"]
    if len(lines) != 1 or lines[0].role != "heading":
        return None
    text = lines[0].text
    named = publication and comparable(publication) in comparable(text)
    if named or _starts_with_a_name(text) or len(text.split()) < MIN_HEADLINE_WORDS:
        return None
    return text


def _starts_with_a_name(text: str) -> bool:
    """A masthead, not a headline: "Financial Times Weekend Edition"."""
    known = catalogue.mentioned(text)
    key = comparable(text)
    return known is not None and any(key.startswith(comparable(n)) for n in known.names)


def _head_date(fields: HeadFields, unit: Unit) -> None:
    for found in find_dates(unit.text):
        if found.date and fields.date is None:
            fields.date = found
        elif found.date is None:
            fields.yearless.append(unit.text[found.start : found.end])


# --- items into articles ---------------------------------------------------------------


def signed_by(units: list[Unit], first_names: bool = False) -> list[str]:
    """The names a letter is signed with ("Until next time, / Jane Doe")."""
    for previous, unit in zip(units, units[1:], strict=False):
        short = len(previous.text.split()) <= MAXVALEDICTION_WORDS
        if (
            short
            and VALEDICTION.match(previous.text)
            and unit.role in ("names", "heading")
        ):
            names = split_names(unit.text) or []
            full = bool(names) and all(len(n.split()) >= 2 for n in names)
            if full or (first_names and len(names) == 1):
                return names
    return []


def complete_names(names: list[str], publication: str | None) -> list[str]:
    """A first name signing a letter, completed by a masthead that names its owner
    ("Best, / Hal" under "Hal Mercer's China Reading")."""
    owner = re.match(
        r"^(?P<owner>(?:[A-Z][\w-]+\s+){1,2}[A-Z][\w-]+)['’]s\b", publication or ""
    )
    if owner and len(names) == 1 and owner.group("owner").split()[0] == names[0]:
        return [owner.group("owner")]
    return names
