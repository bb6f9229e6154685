"""The date or period a figure refers to ("As of August 12, 2023", "in June").

``find_periods`` lists the time expressions of a sentence; ``period_for`` picks the
one a figure refers to: the nearest one right after it ("21.3 percent in June"),
else the nearest one before it ("As of June 2019, ... 26.82 million"). A full date
is given as ISO ("2023-08-12"); anything else as written, without its preposition
("June", "January to July 2023", "the end of June 2018", "last year").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import DAY_MONTH_YEAR, MONTH_DAY_YEAR, parse_date

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_YEAR = r"(?:19|20)\d{2}"
_YEAR_RANGE = rf"{_YEAR}\s*[-–/]\s*(?:{_YEAR}|\d{{2}})\b"
_RELATIVE = (
    r"(?:last|this|next|the previous|the same|the past) (?:year|month|week|quarter"
    r"|period)"
)
_POINT = rf"(?:{_YEAR_RANGE}|{_MONTH}\.?,?\s+{_YEAR}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|{_YEAR}|{_RELATIVE}|{_MONTH})"
# Spans of a year: "the end of June 2018", "the first six months of 2019".
_PART_OF = (
    r"the\s+(?:end|beginning|start|middle|first|second|third|fourth|last)"
    r"(?:\s+(?:half|quarter|\w+\s+months|\w+\s+weeks))?\s+of\s+"
    rf"(?:{_MONTH}\.?,?\s+{_YEAR}|{_YEAR}|{_RELATIVE}|{_MONTH}|the year)"
)
_MONTH_RANGE = (
    rf"{_MONTH}(?:\s+(?:to|through|until)\s+|\s*[-–]\s*){_MONTH}(?:,?\s+{_YEAR})?"
)
# "2020 to 2022", "between 2020 and 2022".
_YEAR_TO_YEAR = rf"(?:between\s+{_YEAR}\s+and|{_YEAR}\s+(?:to|through|until))\s+{_YEAR}"
# "end-2023", "mid-2024", "early 2024"; "Q2 2023", "H1 2023", "2023Q4".
_EDGE_OF_YEAR = rf"(?:end|mid|early|late|start)[- ]{_YEAR}"
_QUARTER = rf"(?:[QH][1-4]|[1-4]Q)\s*{_YEAR}|{_YEAR}\s*[QH][1-4]"
_COUNT = (
    r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty|few|several)"
)
# A stretch of time counted back or forward: "the past 20 years", "the next five
# years", "the first six months".
_STRETCH = (
    rf"the\s+(?:past|last|previous|next|coming|following|first|recent)\s+{_COUNT}"
    r"\s+(?:years?|months?|weeks?|days?|decades?|quarters?)"
)
_QUARTER_ALONE = r"the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter)\b"

# Time expressions, most specific first. A bare year or month counts only after a
# preposition, so "the 2014 version" or "May be" is no period.
PERIOD_PATTERNS = [
    re.compile(rf"(?P<period>{_YEAR}年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?)"),
    re.compile(rf"(?P<period>\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR})"),
    re.compile(rf"(?P<period>\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+{_YEAR})"),
    re.compile(
        rf"(?:\b(?:as of|by|at|in|since|during|from|until|through|for|of)\s+)?"
        rf"(?P<period>{_PART_OF})",
        re.IGNORECASE,
    ),
    re.compile(rf"\b(?:from\s+)?(?P<period>{_MONTH_RANGE})"),
    re.compile(rf"\b(?:from\s+)?(?P<period>{_YEAR_TO_YEAR})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<period>{_QUARTER}|{_EDGE_OF_YEAR})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<period>{_STRETCH})\b", re.IGNORECASE),
    re.compile(
        rf"\b(?i:as of|by|at|in|on|during|from|until|through|for|of|since)\s+"
        rf"(?P<period>{_POINT})\b"
    ),
    re.compile(rf"\b(?P<period>{_RELATIVE})\b", re.IGNORECASE),
    # "during the 1962 Work Conference": the year of a named event.
    re.compile(rf"\b(?i:during|in) the (?P<period>{_YEAR})\b"),
    re.compile(rf"\b(?P<period>{_QUARTER_ALONE})(?!\s+of)", re.IGNORECASE),
]
SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+$")
# How far after a figure its period may stand ("21.3 percent in June").
MAX_GAP_AFTER = 40


@dataclass(frozen=True)
class Period:
    """A time expression in a sentence: its offsets and its normalised text."""

    start: int
    end: int
    text: str


def _normalise(written: str) -> str:
    """ISO for a full date, else the expression as written."""
    written = " ".join(written.split())
    for pattern in (MONTH_DAY_YEAR, DAY_MONTH_YEAR):
        if pattern.fullmatch(written):
            parsed = parse_date(written)
            if parsed and parsed[1] == "day":
                return parsed[0].isoformat()
    return written


def find_periods(sentence: str) -> list[Period]:
    """The non-overlapping time expressions of a sentence, in order."""
    found: list[Period] = []
    for pattern in PERIOD_PATTERNS:
        for match in pattern.finditer(sentence):
            start, end = match.start("period"), match.end("period")
            if any(start < p.end and p.start < end for p in found):
                continue
            text = _normalise(match.group("period"))
            if SINCE_BEFORE.search(sentence, 0, start):
                text = f"since {text}"  # a stretch up to now, not a point in time
            found.append(Period(start, end, text))
    return sorted(found, key=lambda period: period.start)


def period_for(
    periods: list[Period],
    start: int,
    end: int,
    next_figure: int | None = None,
    clause_end: int | None = None,
) -> str | None:
    """The period a figure at [start, end) refers to, or None.

    First a period right after the figure in the same clause (before the next
    figure), then the nearest one before it, then one later in the same clause
    ("rose 46.9% to $110.97 billion in 2023").
    """
    limit = min(end + MAX_GAP_AFTER, next_figure if next_figure is not None else 10**9)
    if clause_end is not None:
        limit = min(limit, clause_end)  # "US$4 trillion, but in December 2016 ..."
    after = [p for p in periods if end <= p.start <= limit]
    before = [p for p in periods if p.end <= start]
    later = [p for p in periods if end <= p.start <= (clause_end or end)]
    chosen = (after or [None])[0] or (before or [None])[-1] or (later or [None])[0]
    return chosen.text if chosen else None


# A month (or months) without its year: "April", "January to July".
MONTH_ONLY = re.compile(rf"{_MONTH}(?:\s*(?:to|through|until|[-–])\s*{_MONTH})?")
YEAR = re.compile(_YEAR)


def with_year(period: str | None, periods: list[Period]) -> str | None:
    """A month with the year the sentence ties it to ("since the beginning of 2023,
    surpassing 20 percent in April" -> "April 2023"); never a year borrowed from
    elsewhere, and none when the sentence names several."""
    if not period or not MONTH_ONLY.fullmatch(period):
        return period
    years = {year for found in periods for year in YEAR.findall(found.text)}
    return f"{period} {years.pop()}" if len(years) == 1 else period
