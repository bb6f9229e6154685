"""The head of a single article: title, lead or dek, byline, dateline, photo caption.

A head is read from the first non-empty lines, in this order: an optional title, an
optional lead (a sentence directly followed by a byline or date line), then byline,
date and caption lines in any order. The first other line starts the body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..text import NUMERIC_DATE, Line, parse_date, parse_numeric_date
from ._article_text import as_bullet, is_footer_debris, split_names

_BY = re.compile(r"^\s*(?:written\s+)?by\s*[:：]?\s+(?P<rest>.+)$", re.I)
_STRONG_SEPARATOR = re.compile(r"\s*(?:[|·•–—]|\s-\s)\s*")
_DATE_LABEL = re.compile(
    r"^(?:(?:first|last)\s+)?(?:published|updated|posted|date[d]?|modified)"
    r"(?:\s+on)?\s*[:：]?\s*",
    re.I,
)
_TIME = re.compile(
    r"(?:,|\bat\b)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?",
    re.I,
)
_READ_TIME = re.compile(r"\d+\s*min(?:ute)?s?\s+read", re.I)
_WEEKDAY = re.compile(
    r"^(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s*", re.I
)
_CAPTION = re.compile(
    r"^[(\[]?\s*(?:Photo(?:graph)?|Image|Picture|Pictured|Caption|Illustration"
    r"|Top image)"
    r"(?:\s+credit)?\s*[:：|]\s*(?P<caption>.+)$",
    re.I,
)
_OUTLET_WORDS = re.compile(
    r"\b(?:News|Times|Post|Press|Daily|Journal|Agency|Herald|Tribune|Review|Reports?"
    r"|Media|Network|Radio|TV|Broadcasting|Online|Magazine|Weekly|Monitor|Wire"
    r"|Gazette|Observer|Insider|Digest)\b|\.\w{2,4}$"
)
_MAX_TITLE_WORDS = 25
_MAX_LEAD_WORDS = 80
_MAX_HEAD_FIELDS = 4


@dataclass
class Head:
    """What the head of a single article shows; line numbers of the lines it used."""

    title: Line | None = None
    lead: Line | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    date: dt.date | None = None
    date_precision: str = "unknown"
    image_caption: str | None = None
    used: list[int] = field(default_factory=list)
    body_start: int = 0  # index (in the non-empty lines) of the first body line


def parse_dateline(text: str) -> tuple[dt.date, str] | None:
    """The date of a dateline ("Published: 12 March 2024, 10:30 GMT"), or None."""
    # "August 17 , 2016": a space before the comma, as some CMSs print dates
    text = re.sub(r"\s+,", ",", _DATE_LABEL.sub("", text.strip()))
    text = _WEEKDAY.sub("", _TIME.sub("", _READ_TIME.sub("", text))).strip(" ·|,")
    found = parse_date(text)
    if found:
        return found
    if NUMERIC_DATE.fullmatch(text):
        date = parse_numeric_date(text)
        return (date, "day") if date else None
    return None


def caption_text(text: str) -> str | None:
    """The caption of a "Photo: ..." / "Image: ..." line, or None."""
    text = text.strip()
    match = _CAPTION.match(text)
    if not match:
        return None
    caption = match.group("caption").strip()
    wrapped = text[0] + caption[-1] in ("()", "[]")
    return caption[:-1].strip() if wrapped else caption


def _is_outlet_name(text: str) -> bool:
    """A publication, not a person: one word, an acronym, "... News", a domain."""
    text = text.strip()
    return len(text.split()) == 1 or text.isupper() or bool(_OUTLET_WORDS.search(text))


def _names_and_outlet(text: str) -> tuple[list[str], str | None] | None:
    """Authors and outlet in "Jane Doe and John Roe" or "Jane Doe, Reuters"."""
    if "," in text:
        names_text, last = text.rsplit(",", 1)
        names = split_names(names_text)
        if names and last.strip() and _is_outlet_name(last):
            return names, last.strip()
    names = split_names(text)
    return (names, None) if names else None


def _bare_byline(found: tuple[list[str], str | None], part_count: int) -> bool:
    """Whether names without "By" still read as a byline: full names and more."""
    names, outlet = found
    full_names = all(len(name.split()) >= 2 for name in names)
    return full_names and (outlet is not None or part_count > 1)


@dataclass
class Byline:
    authors: list[str]
    outlet: str | None = None
    date: tuple[dt.date, str] | None = None


def parse_byline(text: str) -> Byline | None:
    """A byline: "By Jane Doe", "By A and B | March 12, 2024", "Jane Doe, Reuters"."""
    match = _BY.match(text)
    parts = _STRONG_SEPARATOR.split(match.group("rest") if match else text.strip())
    found = _names_and_outlet(parts[0])
    if not found or (not match and not _bare_byline(found, len(parts))):
        return None
    byline = Byline(authors=found[0], outlet=found[1])
    for part in parts[1:]:
        date = parse_dateline(part)
        if date and byline.date is None:
            byline.date = date
        elif not date and byline.outlet is None and _is_outlet_name(part):
            byline.outlet = part.strip()
        elif not date:
            return None
    return byline


def _is_field_line(text: str) -> bool:
    """A byline, date or caption line of the head."""
    return bool(parse_byline(text) or parse_dateline(text) or caption_text(text))


def _is_title(lines: list[Line], index: int, gap_after: bool, period_ok: bool) -> bool:
    """Whether the first line is the headline."""
    text = lines[index].text.strip()
    words = len(text.split())
    if words > _MAX_TITLE_WORDS or as_bullet(text) or _is_field_line(text):
        return False
    if is_footer_debris(text):
        return False
    continues = index + 1 < len(lines) and lines[index + 1].text.strip()[:1].islower()
    if continues and not gap_after:
        return False
    if not re.search(r"[.,;:]$", text):
        return True
    next_is_field = index + 1 < len(lines) and _is_field_line(lines[index + 1].text)
    single_sentence = not re.search(r"[.!?]\s", text[:-1])
    return (
        period_ok
        and text.endswith(".")
        and single_sentence
        and (gap_after or next_is_field)
    )


def _is_lead(lines: list[Line], index: int) -> bool:
    """A lead or dek: a sentence directly followed by a byline or date line."""
    if index + 1 >= len(lines):
        return False
    text = lines[index].text.strip()
    if _is_field_line(text) or len(text.split()) > _MAX_LEAD_WORDS:
        return False
    following = lines[index + 1].text
    return bool(parse_byline(following) or parse_dateline(following))


def read_head(lines: list[Line], blank_after: set[int], period_ok: bool) -> Head:
    """The head fields in the first lines (blank_after: lines followed by a gap)."""
    filled = [line for line in lines if line.text.strip()]
    head = Head()
    index = 0
    if filled and _is_title(filled, 0, filled[0].number in blank_after, period_ok):
        head.title, index = filled[0], 1
        head.used.append(filled[0].number)
    if index < len(filled) and _is_lead(filled, index):
        head.lead, index = filled[index], index + 1
    while index < len(filled) and len(head.used) <= _MAX_HEAD_FIELDS:
        if not _take_field(head, filled[index]):
            break
        head.used.append(filled[index].number)
        index += 1
    head.body_start = index
    return head


def _take_field(head: Head, line: Line) -> bool:
    """Record a byline, date or caption line in head; False for any other line."""
    text = line.text.strip()
    byline = parse_byline(text) if not head.authors else None
    if byline:
        head.authors, head.outlet = byline.authors, byline.outlet or head.outlet
        if byline.date and head.date is None:
            head.date, head.date_precision = byline.date
        return True
    date = parse_dateline(text) if head.date is None else None
    if date:
        head.date, head.date_precision = date
        return True
    caption = caption_text(text) if head.image_caption is None else None
    if caption:
        head.image_caption = caption
        return True
    return False
