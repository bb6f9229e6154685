"""Across the archive: the same indicator for the same period reported with other values.

``indicator_conflicts(parsed)`` looks at every statistic a freshly parsed briefing
holds and asks the database for stored figures of the same indicator and period. No
model field stores indicators: the key is computed at check time, the same way, from
a claim's text, the figure and the period it refers to:

- indicator words: the content words of the figure's clause (cut at commas,
  semicolons, colons, brackets, dashes and "that"), without stop words, verbs of
  movement ("rose", "hit", "surging"), generic words ("China", "data", "percent"),
  periods and other figures; when the clause holds fewer than two, the sentence's
  previous clause is added ("China's youth unemployment rate has been rising,
  surging to 21.3 percent in June" -> youth, unemployment, rate). Two figures
  measure the same indicator only when their word sets are equal (a conservative
  rule: "urban unemployment rate" is not "youth unemployment rate");
- unit, and whether the figure is a change, must agree; ranges and bounds ("more
  than") are left out;
- period: ``figure.refers_to`` normalised ("June 2019" -> 2019-06; "June" in a
  briefing of October 2023 -> 2023-06; "last year" -> the year before), else the day
  the claim was published. A period that cannot be pinned down is never compared.

Values that differ beyond the rounding of what was written (and 5% for "about")
give a warning starting with ``inconsistent figures: `` naming both values and both
sources. The query per figure is bounded: the same unit, the two or three longest
indicator words as case-insensitive substrings, at most ``MAX_CANDIDATES`` rows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import DatabaseError

from ...models import Figure
from ..claims.figures import find_figures
from ..claims.lexicon import words
from ..claims.periods import find_periods
from ..text import MONTHS
from ..types import ParsedArticle, ParsedBriefing, ParsedClaim, ParsedFigure
from .consistency import PREFIX, describe

MAX_CANDIDATES = 200
QUERY_WORDS = 3
MIN_WORDS = 2
LOOSE_QUALIFIERS = frozenset({"about", "nearly"})
LOOSE_TOLERANCE = 0.05

CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—]|\bthat\b|\bwhich\b|\bwhile\b")
WORD = re.compile(r"[A-Za-z][A-Za-z’']*|\d+|[\u4e00-\u9fff]+")
STOP_WORDS = words(
    """a an the of in on at by for to from with and or but as into over under than
    since during until through about around nearly almost more less least some
    this that these those its their his her it they he she we there here is are
    was were be been being has have had will would could should may might can also
    still only just even both all per up down respectively another other such
    among between after before when where which who whose what while so not no
    very much many most"""
)
# Verbs of movement and level: how a figure is reported, not what it measures.
VERBS = words(
    """rise rose risen rising fell fall fallen falling drop dropped dropping decline
    declined declining decrease decreased decreasing increase increased increasing
    grew grow grown growing surge surged surging surpass surpassed surpassing climb
    climbed climbing jump jumped jumping plummet plummeted plummeting plunge plunged
    soar soared slump slumped tumble tumbled slid sank shrank shrunk contracted
    expanded reach reached reaching hit stood stand standing amount amounted
    amounting total totaled totalled totaling totalling account accounted accounting
    registered posted hovered edged topped exceed exceeded exceeding remain remained
    came come went stayed"""
)
GENERIC_WORDS = words(
    """china chinese china's country countries nation national official officially
    data statistic statistics figure figures number numbers level levels percent
    percentage point points per cent billion million trillion thousand yuan rmb
    renminbi cny usd dollar dollars euro euros according report reports reported
    show shows showed new recent recently year years month months week weeks day
    days time times about record high low"""
)
# "2020 to 2022", "between 2020 and 2022", "2020-2022" -> "2020..2022".
YEAR_SPAN = re.compile(
    r"(?:from |between )?(\d{4}) ?(?:to|through|until|and|-|–) ?(\d{4})"
)
MONTH_NAME = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$"
)


@dataclass(frozen=True)
class Reading:
    """One figure read as an indicator's value for a period."""

    words: frozenset[str]
    label: str  # the indicator words in text order
    unit: str | None
    is_change: bool
    period: str
    value: float
    tolerance: float
    source: str  # where it was reported, for the warning


# --- indicator keys ---------------------------------------------------------------------


def indicator_words(text: str, start: int, end: int) -> list[str]:
    """The words naming what the figure at text[start:end] measures, in text order;
    none when another figure of its unit and period shares its clause ("RMB 28 and
    RMB 63 respectively": the words cannot tell the two apart)."""
    figures = find_figures(text)
    masked = _mask(text, start, end, figures)
    clauses = _clauses(masked)
    index = next(
        (i for i, (c_start, c_end) in enumerate(clauses) if c_start <= start < c_end),
        0,
    )
    if _shares_clause(figures, start, clauses[index]):
        return []
    words = _content_words(masked[slice(*clauses[index])])
    if len(words) < MIN_WORDS and index > 0:
        words = _content_words(masked[slice(*clauses[index - 1])]) + words
    return list(dict.fromkeys(words))


def _shares_clause(
    figures: list[ParsedFigure], start: int, clause: tuple[int, int]
) -> bool:
    own = next((f for f in figures if f.start == start), None)
    if own is None:
        return False
    return any(
        other is not own
        and clause[0] <= other.start < clause[1]
        and (other.unit, other.refers_to) == (own.unit, own.refers_to)
        for other in figures
    )


def _mask(text: str, start: int, end: int, figures: list[ParsedFigure]) -> str:
    """The text with the figure, periods and other amounts blanked out (offsets
    kept). Bare counts stay: they name things ("16-24 year olds", "Top 500")."""
    spans = [(start, end)] + [(p.start, p.end) for p in find_periods(text)]
    spans += [
        (f.start, f.end)
        for f in figures
        if f.unit or any(not c.isdigit() and c not in ",.–-" for c in f.text)
    ]
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in CLAUSE_BREAK.finditer(text)] + [len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _content_words(text: str) -> list[str]:
    found = []
    for word in WORD.findall(text):
        lower, stem = word.lower(), _stem(word)
        if {lower, stem} & (STOP_WORDS | GENERIC_WORDS | VERBS):
            continue
        if MONTH_NAME.match(lower):
            continue
        found.append(stem)
    return found


def _stem(word: str) -> str:
    """Lower case without a possessive or plural "s" (always a prefix of the word)."""
    word = re.sub(r"[’']s?$", "", word.lower())
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


# --- periods ---------------------------------------------------------------------------


def normalise_period(refers_to: str | None, anchor: dt.date | None) -> str | None:
    """A comparable period: ISO-like where possible, None when it cannot be pinned."""
    if not refers_to:
        return None
    text = " ".join(refers_to.lower().replace(".", "").replace(",", "").split())
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{4}", text):
        return text
    span = YEAR_SPAN.fullmatch(text)
    if span:
        return f"{span.group(1)}..{span.group(2)}"
    chinese = re.fullmatch(r"(\d{4})年(?:(\d{1,2})月)?", text)
    if chinese:
        year, month = chinese.groups()
        return f"{year}-{int(month):02d}" if month else year
    month_year = re.fullmatch(r"([a-z]+) (\d{4})", text)
    if month_year and month_year.group(1)[:3] in MONTHS:
        return f"{month_year.group(2)}-{MONTHS[month_year.group(1)[:3]]:02d}"
    return _relative_period(text, anchor)


def _relative_period(text: str, anchor: dt.date | None) -> str | None:
    """ "June", "last year", "this year" against the publication date; other text
    only when it names a year ("the first six months of 2019")."""
    if re.search(r"\b\d{4}\b", text):
        return text
    if anchor is None:
        return None
    if text in MONTHS:
        month = MONTHS[text]
        year = anchor.year if month <= anchor.month else anchor.year - 1
        return f"{year}-{month:02d}"
    years = {"this year": 0, "last year": -1, "the previous year": -1}
    if text in years:
        return str(anchor.year + years[text])
    return None


# --- readings ----------------------------------------------------------------------------


def rounding(text: str, value: float) -> float:
    """Half a unit of the last digit written: "21.3 percent" -> 0.05."""
    number = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    if not number:
        return 0.0
    digits = float(number.group().replace(",", "")) or 1.0
    return 0.5 * abs(value) / digits * 10 ** -len(number.group(1) or "")


def reading(
    text: str,
    figure: ParsedFigure,
    offset: int,
    anchor: tuple[dt.date | None, bool],
    source: str,
) -> Reading | None:
    """A figure of a claim as an indicator reading, or None if it cannot be one.

    ``offset`` is where the claim starts in the body (figure offsets are body
    offsets); ``anchor`` is the publication date and whether it is exact to the day.
    """
    if figure.value_high is not None or figure.qualifier not in (
        None,
        *LOOSE_QUALIFIERS,
    ):
        return None
    start = _figure_start(text, figure, offset)
    words = indicator_words(text, start, start + len(figure.text))
    date, exact = anchor
    period = normalise_period(figure.refers_to, date)
    if period is None and not figure.refers_to and date and exact:
        period = f"reported {date.isoformat()}"
    if period is None or len(words) < MIN_WORDS:
        return None
    tolerance = rounding(figure.text, figure.value)
    if figure.qualifier in LOOSE_QUALIFIERS:
        tolerance += LOOSE_TOLERANCE * abs(figure.value)
    return Reading(
        frozenset(words),
        " ".join(words),
        figure.unit or None,
        figure.is_change,
        period,
        figure.value,
        tolerance,
        source,
    )


def _figure_start(text: str, figure: ParsedFigure, offset: int) -> int:
    """Where the figure stands in the claim text (stored offsets may be missing)."""
    start = figure.start - offset
    if start >= 0 and text[start : start + len(figure.text)] == figure.text:
        return start
    found = text.find(figure.text)
    return max(found, 0)


def disagree(a: Reading, b: Reading) -> bool:
    """Whether two readings of one indicator and period have different values."""
    return abs(a.value - b.value) > a.tolerance + b.tolerance


# --- the archive --------------------------------------------------------------------------


def indicator_conflicts(
    parsed: ParsedBriefing, *, exclude_ref: str | None = None
) -> list[str]:
    """Warnings for statistics that disagree with stored figures of the same
    indicator and period (the briefing ``exclude_ref``, i.e. itself, left out)."""
    warnings: list[str] = []
    try:
        for article, claim in _statistics(parsed):
            for found in _claim_conflicts(parsed, article, claim, exclude_ref):
                if found not in warnings:
                    warnings.append(found)
    except DatabaseError:  # no tables yet: a dry run before the first migrate
        return []
    return warnings


def _statistics(parsed: ParsedBriefing):
    for article in parsed.articles:
        for claim in article.claims:
            if claim.kind == "statistic":
                yield article, claim


def _claim_conflicts(
    parsed: ParsedBriefing,
    article: ParsedArticle,
    claim: ParsedClaim,
    exclude_ref: str | None,
) -> list[str]:
    date = article.date or parsed.date
    precision = article.date_precision if article.date else parsed.date_precision
    source = _parsed_source(parsed, article)
    found = []
    for figure in claim.figures:
        new = reading(
            claim.text, figure, claim.start, (date, precision == "day"), source
        )
        if new is None:
            continue
        for stored in stored_readings(new, exclude_ref):
            if stored.words == new.words and disagree(new, stored):
                found.append(_warning(new, stored))
    return found


def stored_readings(new: Reading, exclude_ref: str | None) -> list[Reading]:
    """Stored figures of the same unit, change flag and period whose claims hold the
    indicator's longest words (a bounded query)."""
    longest = sorted(new.words, key=len, reverse=True)[:QUERY_WORDS]
    rows = Figure.objects.filter(
        unit=new.unit or "",
        is_change=new.is_change,
        value_high__isnull=True,
        claim__kind="statistic",
        claim__is_in_source=True,
    )
    for word in longest:
        rows = rows.filter(claim__text__icontains=word)
    if exclude_ref:
        rows = rows.exclude(claim__article__briefing__import_ref=exclude_ref)
    rows = rows.select_related("claim__article__briefing__publication")
    readings = []
    for row in rows.order_by("-pk")[:MAX_CANDIDATES]:
        found = _stored_reading(row)
        if found is not None and found.period == new.period:
            readings.append(found)
    return readings


def _stored_reading(row: Figure) -> Reading | None:
    claim = row.claim
    article, briefing = claim.article, claim.article.briefing
    date = article.original_on or briefing.published_on
    precision = (
        article.original_date_precision
        if article.original_on
        else briefing.date_precision
    )
    figure = ParsedFigure(
        value=row.value,
        unit=row.unit or None,
        qualifier=row.qualifier or None,
        text=row.text,
        start=row.start,
        end=row.end,
        is_change=row.is_change,
        refers_to=row.refers_to or None,
    )
    source = f"{briefing.display_title}, “{article.display_title}” (claim {claim.pk})"
    return reading(claim.text, figure, claim.start, (date, precision == "day"), source)


def _parsed_source(parsed: ParsedBriefing, article: ParsedArticle) -> str:
    name = parsed.publication or "this briefing"
    if parsed.issue is not None:
        name += f" #{parsed.issue}"
    elif parsed.date:
        name += f" of {parsed.date.isoformat()}"
    return f"{name}, “{article.title or 'untitled article'}”"


def _warning(new: Reading, stored: Reading) -> str:
    unit = {None: "", "%": "%"}.get(new.unit, f" {new.unit}")
    change = " (change)" if new.is_change else ""
    return (
        f"{PREFIX}{new.label}{change} for {new.period}: {describe(new.value)}{unit} in "
        f"{new.source}, but {describe(stored.value)}{unit} in {stored.source}"
    )
