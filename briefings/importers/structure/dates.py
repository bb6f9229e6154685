"""Dates as briefings write them, found in a line or a sentence, with their precision.

Hand rules rather than a date library: the forms are few and regular ("12 March
2024", "Tue, March 12, 2024", "12.03.24", "2024-03-12", "May 11-18, 2021",
"25-29.10.2021", "March 2024"), and a library that reads any number as a date
("No. 12", "2.48 billion") needs more guarding than these rules need writing.
Rules also keep import fast: a line is matched by a handful of compiled patterns.

A date without a year ("March 12") is reported with ``year=None``: the caller keeps
it out of date fields (a ``datetime.date`` needs a year) and may flag it, but never
borrows a year from elsewhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from ..text import MONTHS

# German and French month and weekday names: European briefings write them.
FOREIGN_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12, "janvier": 1, "février": 2, "mars": 3, "avril": 4,
    "juin": 6, "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    + "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
    + r")"
)
_WEEKDAY = (
    r"(?:(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
    r"|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\.?,?\s+)?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?"
# English month names that are also verbs: lower case, they are verbs
_VERB_MONTHS = {"may", "march"}
_YEAR = r"(?P<year>\d{4}|['’]\d{2})"
_DASH = r"\s*(?:[-–—]|to|until)\s*"

# Ordered: ranges before single dates so "May 11-18, 2021" is read as one range
# (dated by its first day).
_NUMERIC = re.compile(
    r"(?<![\d.,])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)"
    r"(?P<year>\d{4}|\d{2})(?![\d.,]\d)"
)
_PATTERNS = [
    # "May 11-18, 2021", "Dec 25 – Dec 31, 2014"
    re.compile(
        rf"\b{_WEEKDAY}(?P<month0>{_MONTH})\.?\s+(?P<day0>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"{_DASH}(?:(?P<month>{_MONTH})\.?\s+)?{_DAY},?\s+{_YEAR}\b",
        re.I,
    ),
    # "11-18 May 2021", "25 Oct - 29 Oct 2021"
    re.compile(
        rf"\b(?P<day0>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<month0>{_MONTH})\.?)?"
        rf"{_DASH}{_DAY}\s+(?P<month>{_MONTH})\.?,?\s+{_YEAR}\b",
        re.I,
    ),
    # "25-29.10.2021"
    re.compile(
        r"\b(?P<day0>\d{1,2})\s*[-–]\s*(?P<day>\d{1,2})\.(?P<month>\d{1,2})\."
        r"(?P<year>\d{4})\b"
    ),
    # "Tuesday, March 12, 2024", "Oct. 1st 2023", "March 12 '24"
    re.compile(rf"\b{_WEEKDAY}(?P<month>{_MONTH})\.?\s+{_DAY}\s?,?\s+{_YEAR}\b", re.I),
    # "Tuesday 12 March 2024", "1st October, 2023"
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?P<month>{_MONTH})\.?,?\s+{_YEAR}\b", re.I),
    # "2024-03-12", "2024/03/12", "2024.03.12"
    re.compile(
        r"\b(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})\b"
    ),
    # "12.03.2024", "12/03/24", "3/12/2024": see numeric_dates_of for the order
    _NUMERIC,
    # "March 2024", "Mar. '24"
    re.compile(rf"\b(?P<month>{_MONTH})\.?,?\s+{_YEAR}\b", re.I),
    # "March 12", "12 March" (no year)
    re.compile(rf"\b{_WEEKDAY}(?P<month>{_MONTH})\.?\s+{_DAY}\b(?![,.]?\s*\d)", re.I),
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?P<month>{_MONTH})\b(?!\.?,?\s*\d)", re.I),
]
_LABEL = re.compile(
    r"^\s*(?:(?:first|last)\s+)?(?:date range|published|updated|posted|dated?|modified|issued"
    r"|released|week of|week ending|for the week of|last updated"
    r"|aktualisiert|veröffentlicht|publié le|mis à jour|modification de la page le)"
    r"(?:\s+on)?\s*[:：]?\s*",
    re.I,
)
_TIME = re.compile(
    r"(?:,|\bat\b|\||·)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?|(?-i:[A-Z]{2,5}))\)?\b)?",
    re.I,
)
_READ_TIME = re.compile(r"\d+\s*min(?:ute)?s?\b(?:\s+(?:read|listen))?", re.I)
# "Updated 2 hours ago": a page clock relative to when it was saved, no date
_RELATIVE = re.compile(
    r"(?:\b(?:updated|posted|published|edited)\s+)?\b(?:\d+|an?|one)\s+(?:seconds?"
    r"|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b",
    re.I,
)
# "Mar 1, 202421 min read": a web listing glued the year to the reading time
_GLUED_READ_TIME = re.compile(r"(\d{4})(\d{1,3}\s*min)", re.I)
_FILLER = " ,.;:|·•()[]–—-\t"


# The precision of a date shown without a year (the date itself stays empty).
NO_YEAR = "no_year"


@dataclass
class FoundDate:
    """A date in text: the date (None without a year), its precision and place."""

    date: dt.date | None
    precision: str  # "day" | "month"
    start: int
    end: int
    month: int = 0
    day: int | None = None
    year: int | None = None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'’")
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _month(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.lower() in FOREIGN_MONTHS:
        return FOREIGN_MONTHS[text.lower()]
    return MONTHS.get(text.lower().rstrip("."), 0) or MONTHS.get(text.lower()[:3], 0)


def _make(year: int | None, month: int, day: int | None) -> dt.date | None:
    if year is None or not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day or 1)
    except ValueError:
        return None


def _from_match(match: re.Match) -> FoundDate | None:
    groups = match.groupdict()
    year = _year(groups.get("year"))
    if "a" in groups and groups["a"] is not None:
        a, b = int(groups["a"]), int(groups["b"])
        month_first = b > 12 or (a <= 12 and _ORDER.get() == "month")
        day, month = (b, a) if month_first else (a, b)
        if month > 12 or (
            len(groups["year"]) == 2 and groups["sep"] == "." and day > 31
        ):
            return None
    else:
        name = groups["month"] or groups.get("month0") or ""
        if name.islower() and name.rstrip(".") in _VERB_MONTHS:
            return None  # "may", "march" in running text are verbs
        month = _month(name)
        day = int(groups["day"]) if groups.get("day") else None
    if groups.get("day0"):
        # a weekly review of "3-7.6.2024" is dated by the first day of its range
        day = int(groups["day0"])
        month = _month(groups.get("month0") or "") or month
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    precision = "day" if day is not None else "month"
    date = _make(year, month, day)
    if year is not None and date is None:
        return None
    return FoundDate(date, precision, match.start(), match.end(), month, day, year)


# How the text being read orders ambiguous numeric dates ("03/11/23"): "month" when
# another of its numeric dates can only be month first ("03/29/23"); else day first
# (as when only day first fits one of them, or none tells).
_ORDER: ContextVar[str | None] = ContextVar("numeric_date_order", default=None)


@contextmanager
def numeric_dates_of(text: str) -> Iterator[None]:
    """Read ambiguous numeric dates in the order the text's unambiguous ones show."""
    orders = set()
    for match in _NUMERIC.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        if a > 12 >= b:
            orders.add("day")
        elif b > 12 >= a:
            orders.add("month")
    token = _ORDER.set(orders.pop() if len(orders) == 1 else None)
    try:
        yield
    finally:
        _ORDER.reset(token)


def find_dates(text: str) -> list[FoundDate]:
    """Every date in text, left to right, without overlaps."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            date = _from_match(match)
            if date:
                found.append(date)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def find_date(text: str) -> FoundDate | None:
    """The first date in text, or None."""
    dates = find_dates(text)
    return dates[0] if dates else None


def strip_label(text: str) -> str:
    """The text without a leading date label ("Published:", "Week of", "Updated")."""
    return _LABEL.sub("", text)


def date_line(text: str) -> FoundDate | None:
    """The date of a line that is nothing but a date (labels, times, weekday allowed)."""
    text = _LABEL.sub("", _GLUED_READ_TIME.sub(r"\1 \2", text))
    text = _READ_TIME.sub("", _TIME.sub(" ", _RELATIVE.sub("", text)))
    found = find_date(text)
    if not found:
        return None
    rest = (text[: found.start] + text[found.end :]).strip(_FILLER)
    if rest and found.start == 0 and _LABEL.match(rest) and find_date(rest):
        return found  # "3 Apr 2024 10:00  Updated 5 Apr 2024": the first is the date
    return found if not rest else None
