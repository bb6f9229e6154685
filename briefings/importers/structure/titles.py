"""An item's title line split into title, outlet, date and authors.

Digests put an item's source on its title line in many ways: "Title (Xinhua)",
"Title (August 22, 2014, BBC)", "Title – Reuters", "SCMP: Title", "Title (Jane
Doe):", "Jane Doe, “Title”", "12.03.2024 — Title". A trailing part is taken only
when every piece of it is a date, a known outlet or a person's name; anything else
stays in the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..formats._article_text import split_names
from . import catalogue
from .dates import FoundDate, date_line, find_dates
from .roles import ORGANISATION_WORDS, person_names

_TRAILING_PAREN = re.compile(r"\s*[(\[](?P<inner>[^()\[\]]{2,80})[)\]]\s*:?\s*$")
_TRAILING_URL = re.compile(r"\s*<?(?:https?://|www\.)\S+>?\s*$")
_TRAILING_DASH = re.compile(r"\s+(?:[-–—|]|//)\s+(?P<tail>[^–—|]{2,80})$")
_LEADING_OUTLET = re.compile(r"^(?P<head>[^:]{2,40}):\s+(?=\S)")
_LEADING_DATE = re.compile(r"^(?P<head>[^–—|:]{4,30}?)\s*(?:[–—|:]|\s-\s)\s*(?=\S)")
_QUOTED_TITLE = re.compile(
    r"^(?P<names>[^“\"]{3,80}?),\s+[“\"](?P<title>[^”\"]+?)[,.]?[”\"]\s*(?P<rest>.*)$"
)
# where a reference ends: its page range or year, then the annotation begins
_AFTER_REFERENCE = re.compile(r"(?:pp?\.\s*\d+(?:\s*[-–]\s*\d+)?|\(\w*\s*\d{4}\))\.\s+")
_QUOTED_BY = re.compile(r"^[“\"](?P<title>[^”\"]+)[”\"](?:\s+by\s+(?P<names>.+))?$")
_GLUE = re.compile(r"\s[-–—]\s")
_COMMENT = re.compile(r"\s//\s")
_SITE_SUFFIX = re.compile(r"_(?P<site>[^_\s]{2,24})$")
MAX_OUTLET_WORDS = 6
_BY_NAMES = re.compile(r"^by\s+(?P<names>[A-Z].+)$")
_PARTS = re.compile(r"\s*[,;|/]\s*")
_OUTLET_WORDS = ORGANISATION_WORDS


@dataclass
class TitleParts:
    title: str
    outlet: str | None = None
    date: FoundDate | None = None
    authors: list[str] = field(default_factory=list)
    quoted: bool = False  # the title stood in quotation marks after names
    rest: str | None = None  # an excerpt or comment glued after the title and outlet


def _outlet(text: str) -> str | None:
    text = text.strip(" .")
    if catalogue.is_outlet(text):
        return text
    words = text.split()
    if 1 <= len(words) <= 6 and _OUTLET_WORDS.search(text) and text[0].isupper():
        return text
    if len(words) == 1 and text[:1].isupper() and not text.isdigit():
        return text
    return None


def read_parts(text: str, allow_names: bool) -> TitleParts | None:
    """A metadata tail ("August 22, 2014, BBC"): each piece a date, outlet or names."""
    parts = TitleParts(title="")
    dates = find_dates(text)
    if dates:  # a date's own comma ("August 22, 2014") is no separator
        parts.date = dates[0]
        text = text[: dates[0].start] + "," + text[dates[0].end :]
    for piece in (p for p in _PARTS.split(text) if p.strip()):
        found = date_line(piece)
        if found and parts.date is None:
            parts.date = found
            continue
        by = _BY_NAMES.match(piece.strip())
        names = person_names(by.group("names")) if by else None
        if names and not parts.authors:
            parts.authors = names  # "(April 7, 2024, Forbes, by Jane Doe)"
            continue
        outlet = _outlet(piece)
        names = person_names(piece) if allow_names else None  # "Example Times" is none
        if (
            names
            and not catalogue.is_outlet(piece)
            and (len(piece.split()) >= 2 or not outlet)
        ):
            parts.authors += names  # "(A, B, Outlet)": every name an author
        elif outlet and parts.outlet is None:
            parts.outlet = outlet
        else:
            return None
    return parts if (parts.date or parts.outlet or parts.authors) else None


def split_title(text: str) -> TitleParts:
    """Title, outlet, date and authors of an item's title line."""
    text = _TRAILING_URL.sub("", text).strip()
    quoted = _QUOTED_TITLE.match(text)
    if quoted:
        names = person_names(quoted.group("names"))
        source = _outlet(quoted.group("names")) if not names else None
        if source:  # 'Example News, "Title"': an outlet in the byline's place
            return TitleParts(title=quoted.group("title"), outlet=source, quoted=True)
        rest = quoted.group("rest").strip(" ()[].,")
        tail = read_parts(rest, allow_names=False) if rest else None
        if names and (tail or not rest):
            parts = tail or TitleParts(title="")
            parts.title, parts.authors, parts.quoted = (
                quoted.group("title"),
                names,
                True,
            )
            return parts
        if names:
            return _citation(quoted.group("title"), names, quoted.group("rest"))
    comment = None
    if _COMMENT.search(text):
        text, comment = _COMMENT.split(text, maxsplit=1)
    parts = _glued(text) or TitleParts(title=text.rstrip(":").strip())
    site = _SITE_SUFFIX.search(parts.title)
    if site and parts.outlet is None and site.start() >= 4:
        parts.outlet, parts.title = site.group("site"), parts.title[: site.start()]
    if comment:
        parts.rest = f"{parts.rest} // {comment}" if parts.rest else f"// {comment}"
    for _ in range(2):
        _take_tail(parts)
    _take_head(parts)
    _take_quoted_by(parts)
    return parts


def _take_quoted_by(parts: TitleParts) -> None:
    """ "Title" by Jane Doe: the quotation marks and the byline come off the title."""
    match = _QUOTED_BY.match(parts.title)
    if not match:
        return
    names = split_names(match.group("names")) if match.group("names") else None
    if match.group("names") and not names:
        return
    parts.title, parts.quoted = match.group("title"), True
    parts.authors = parts.authors or names or []


def _citation(title: str, names: list[str], rest: str) -> TitleParts:
    """A reference: 'Names, "Title", Journal, Vol. 3 (2023), pp. 1-9. Annotation'.

    The journal is the outlet; volume, pages and a month without a day are the
    journal's, not the item's; the annotation after the reference is the body.
    """
    parts = TitleParts(title=title, authors=names, quoted=True)
    journal = rest.lstrip(" ,").split(",", 1)[0].strip(" .")
    if journal and _outlet_like(journal):
        parts.outlet = journal
    annotation = _AFTER_REFERENCE.search(rest)
    parts.rest = rest[annotation.end() :].strip() if annotation else None
    return parts


def _outlet_like(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 8 and text[0].isupper() and not find_dates(text)


def _glued(text: str) -> TitleParts | None:
    """ "Title – Outlet Excerpt ...": a known outlet after a dash, text glued after it."""
    for match in _GLUE.finditer(text):
        title, after = text[: match.start()].strip(), text[match.end() :]
        words = after.split()
        if len(title.split()) < 3:
            continue
        for size in range(min(MAX_OUTLET_WORDS, len(words)), 0, -1):
            name = " ".join(words[:size]).rstrip(".,:;")
            rest = " ".join(words[size:])
            if catalogue.is_outlet(name) and (not rest or rest[:1].isupper()):
                return TitleParts(title=title, outlet=name, rest=rest or None)
    return None


def _merge(parts: TitleParts, found: TitleParts) -> bool:
    """Add found's fields to parts; False if they clash with what parts has."""
    if (found.date and parts.date) or (found.outlet and parts.outlet):
        return False
    if found.authors and parts.authors:
        return False
    parts.date = parts.date or found.date
    parts.outlet = parts.outlet or found.outlet
    parts.authors = parts.authors or found.authors
    return True


def _dash_outlet_ok(found: TitleParts) -> bool:
    if not found.outlet or found.date:
        return True
    return catalogue.is_outlet(found.outlet) or bool(_OUTLET_WORDS.search(found.outlet))


def _take_tail(parts: TitleParts) -> None:
    for pattern, allow_names in ((_TRAILING_PAREN, True), (_TRAILING_DASH, False)):
        match = pattern.search(parts.title)
        if not match or match.start() < 8:
            continue
        inner = match.group("inner" if pattern is _TRAILING_PAREN else "tail")
        found = read_parts(inner, allow_names)
        # "China – Africa" is a title; only a known outlet ends one after a dash
        if pattern is _TRAILING_DASH and found and not _dash_outlet_ok(found):
            continue
        if found and _merge(parts, found):
            parts.title = parts.title[: match.start()].rstrip(" :–—-|")
            return


def _take_head(parts: TitleParts) -> None:
    match = _LEADING_OUTLET.match(parts.title)
    if match and catalogue.is_outlet(match.group("head")) and parts.outlet is None:
        parts.outlet = match.group("head").strip()
        parts.title = parts.title[match.end() :]
        return
    match = _LEADING_DATE.match(parts.title)
    if match:
        found = date_line(match.group("head"))
        if found and parts.date is None:
            parts.date = found
            parts.title = parts.title[match.end() :]
