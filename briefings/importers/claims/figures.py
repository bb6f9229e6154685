"""Find the figures in a sentence: amounts, counts, percentages and ranges.

``find_figures(sentence, offset)`` returns ``ParsedFigure``s with body offsets. It
keeps counts ("176 current and former hospital presidents") and amounts, and leaves
out what only looks like a number: years, dates, ordinals, names and IDs
("Chengdu 404", "Article 1", "Brief #42"), list enumerators, times, phone numbers
and hyphenated compounds ("71-year-old", "five-year"). Each figure carries its
qualifier ("more than"), whether it is a change ("down 4 percent year on year") and
the period it refers to (see ``periods``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..types import ParsedFigure
from .amounts import AMOUNT, Amount, amount_pattern, read_amount, resolve_unit
from .lexicon import words
from .measures import measure_after, rate_after
from .periods import Period, find_periods, period_for, with_year

# The second half of a range: "RMB 6,000–8,000", "5 to 7 million".
RANGE_TAIL = re.compile(
    rf"\s*(?P<joiner>[–—-]|to|and)\s*(?:{amount_pattern(2)})(?![A-Za-z\d]|/\d|\.\d)"
)
CLAUSE_END = re.compile(r"[,;:，；]|\s[–—]\s")
BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# "fell by 43,000 to 21.84 million": a change, then the level it reached.
BY_BEFORE = re.compile(r"\bby\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# Verbs that take an object: "raised RMB 1.2 billion" is money raised, not a change,
# unless "by" follows ("raised tariffs by 10 percent", "cut by RMB 5 billion").
OBJECT_VERB = re.compile(
    r"\b(?:rais\w*|cut|cuts|reduc\w*|lower\w*|hike\w*|expand\w*|gain\w*)\s*$",
    re.IGNORECASE,
)

# Qualifiers just before a figure, normalised.
QUALIFIERS = {
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "in excess of": "more than",
    "upwards of": "more than",
    "greater than": "more than",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "below": "less than",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "about": "about",
    "around": "about",
    "some": "about",
    "approximately": "about",
    "roughly": "about",
    "approx.": "about",
    "an estimated": "about",
    "circa": "about",
    "~": "about",
    "at least": "at least",
    "no less than": "at least",
    "not less than": "at least",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "at most": "up to",
    "no more than": "up to",
}
QUALIFIER_BEFORE = re.compile(
    r"(?<![\w])(?P<qualifier>"
    + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")\s*$",
    re.IGNORECASE,
)
# A change: a verb or noun of movement just before the figure ("down 4 percent",
# "increase of 64%", "decreased by 23 percent"), but not a level ("rose to 5%").
CHANGE_BEFORE = re.compile(
    r"\b(?:up|down|r[io]se|rises|risen|rising|increas\w*|f[ae]ll|falls|fallen"
    r"|falling|drop\w*|declin\w*|decreas\w*|gr[eo]w|grows|growing|growth|gain\w*"
    r"|jump\w*|surg\w*|plummet\w*|plung\w*|slump\w*|soar\w*|climb\w*|shr[ai]nk"
    r"|shrunk|contract\w*|expand\w*|slid|sank|tumbl\w*|cut|reduc\w*|lower\w*"
    r"|rais\w*|hike\w*)(?:\s+(?:by|of))?"
    r"(?:\s+(?:a full|a further|another|an additional|a record|a|an))?\s*$"
    r"|(?:同比|环比|增长|下降|上涨|下跌|增加|减少)\s*$",
    re.IGNORECASE,
)
CHANGE_AFTER = re.compile(
    r"^\s*(?:year[- ]on[- ]year|y/y|yoy|month[- ]on[- ]month|from a year (?:earlier|ago)"
    r"|on the year|increase|rise|drop|decline|decrease|growth|jump|fall|gain|surge"
    r"|hike|cut|reduction)\b",
    re.IGNORECASE,
)
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# A day of the month next to its month: "August 12", "23 February", "1st of May".
DATE_BEFORE = re.compile(rf"\b{MONTH}\.?\s+(?:the\s+)?$")
DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b")
# Words after which a number names something: "Article 1", "Brief #42", "No. 5".
ID_WORDS = words(
    "article section chapter no no. number item part phase issue brief page vol "
    "vol. volume paragraph clause rule room flight route line level grade stage type "
    "class category model version batch round term session episode season code "
    "decree order resolution document table figure fig fig. annex appendix plenum "
    "congress group"
)
PREVIOUS_WORD = re.compile(r"([^\s(“\"‘']+)\s*$")
# Words that may stand capitalised before a count without making it a name.
COUNT_OPENERS = words(
    "the a an about some over nearly only just in by around almost all another "
    "roughly at of with from for to since and but its their his her our more fewer "
    "less up under approximately exactly total those these top first last another "
    "when while after before during than"
)
ENUMERATOR_AFTER = re.compile(r"^(?:\.\)|\)|\.(?=\s+[A-Z]))")
TIME_AFTER = re.compile(r"^(?::\d|\s*[ap]\.?m\b)", re.IGNORECASE)
COMPOUND_AFTER = re.compile(r"^-[A-Za-z]")


@dataclass(frozen=True)
class Candidate:
    """One amount (or range) found in a sentence, with its sentence offsets."""

    low: Amount
    high: Amount | None
    start: int
    end: int


def _looks_like_year(amount: Amount) -> bool:
    return (
        amount.is_bare
        and re.fullmatch(r"\d{4}", amount.digits) is not None
        and 1800 <= amount.value <= 2100
    )


def _is_year(candidate: Candidate) -> bool:
    """A year or a span of years: "2019", "1959-1961", "2019-20"."""
    high = candidate.high
    if not _looks_like_year(candidate.low):
        return False
    return high is None or _looks_like_year(high) or len(high.digits) == 2


def _names_something(sentence: str, start: int) -> bool:
    """Whether the word before a bare number makes it an ID or a name."""
    before = sentence[:start]
    if before.rstrip().endswith("#") or before.endswith(("“", '"', "‘")):
        return True  # "Brief #42", "the “20 Data Guidelines”"
    match = PREVIOUS_WORD.search(before)
    if not match:
        return False
    word = match.group(1)
    if word.lower().rstrip(",:;") in ID_WORDS:
        return True
    mid_sentence = bool(sentence[: match.start()].strip())
    is_name = word[:1].isupper() and not word.endswith(("’s", "'s", ",", ":", ";"))
    return mid_sentence and is_name and word.lower() not in COUNT_OPENERS


def _is_not_a_figure(
    sentence: str, candidate: Candidate, periods: list[Period]
) -> bool:
    """Whether a number is a year, date, name, enumerator, time, compound or part
    of a time expression ("during the past 20 years")."""
    start, end = candidate.start, candidate.end
    after, before = sentence[end:], sentence[:start]
    if _is_year(candidate) or any(p.start <= start and end <= p.end for p in periods):
        return True
    if not candidate.low.is_bare or (candidate.high and not candidate.high.is_bare):
        return bool(COMPOUND_AFTER.match(after))
    if DATE_BEFORE.search(before) or DATE_AFTER.match(after):
        return True
    if ENUMERATOR_AFTER.match(after) and "(" not in before[-2:]:
        return True
    if before.endswith("(") and after.startswith(")"):
        return True
    if TIME_AFTER.match(after) or COMPOUND_AFTER.match(after):
        return True
    if re.search(r"\d\s$", before) or re.match(r"\s\d", after):
        return True  # a run of bare numbers: a phone number or a code
    return _names_something(sentence, start)


def _candidates(sentence: str) -> list[Candidate]:
    """Every amount in the sentence, with a following range tail merged in."""
    found: list[Candidate] = []
    for match in AMOUNT.finditer(sentence):
        low = read_amount(match)
        if low is None or (found and match.start() < found[-1].end):
            continue
        high, end = None, match.end()
        tail = RANGE_TAIL.match(sentence, match.end())
        if tail and _is_range_joiner(sentence, match.start(), tail.group("joiner")):
            high = read_amount(tail, 2)
            if high and not _forms_range(low, high):
                high = None
            end = tail.end() if high else end
        found.append(Candidate(low, high, match.start(), end))
    return found


def _forms_range(low: Amount, high: Amount) -> bool:
    """Whether two amounts joined by "–" or "to" are the ends of one range.

    Not "rose 46.9% to $110.97 billion" (two units), "in 2023 to CNY 1.2 trillion"
    (a year, then an amount), nor "fell by 43,000 to 21.84 million" (a change, then
    the level it reached: the low end would exceed the high one).
    """
    if low.unit and high.unit and low.unit != high.unit:
        return False
    if _looks_like_year(low) and not _looks_like_year(high):
        return False
    if high.has_prefix and not low.has_prefix:
        return False
    low_value = _scaled_low(low, high)
    if low_value == low.value and high.factor != 1 and high.value > 100 * low_value:
        return False  # "43,000 to 21.84 million": no range spans a factor of 500
    return low_value <= high.value


def _scaled_low(low: Amount, high: Amount) -> float:
    """The low end with the high end's scale word: "5 to 7 million" -> 5 million."""
    if low.factor != 1 or high.factor == 1 or "," in low.digits:
        return low.value
    return float(Decimal(low.digits) * Decimal(high.factor))


def _is_range_joiner(sentence: str, start: int, joiner: str) -> bool:
    """Whether "–", "to" or "and" after an amount joins a range."""
    before = sentence[:start]
    if joiner == "and":
        return bool(BETWEEN_BEFORE.search(before))
    if joiner == "to":
        return not (FROM_BEFORE.search(before) or BY_BEFORE.search(before))
    return True


def _range_values(candidate: Candidate) -> tuple[float, float | None, str | None]:
    """Low value, high value and unit; "5 to 7 million" scales both ends."""
    low, high = candidate.low, candidate.high
    if high is None:
        return low.value, None, low.unit
    return _scaled_low(low, high), high.value, low.unit or high.unit


def find_figures(sentence: str, offset: int = 0) -> list[ParsedFigure]:
    """The figures in a sentence, with offsets shifted by ``offset`` into the body."""
    periods = find_periods(sentence)
    candidates = _candidates(sentence)
    figures = []
    for index, candidate in enumerate(candidates):
        if _is_not_a_figure(sentence, candidate, periods):
            continue
        low, high, unit = _range_values(candidate)
        unit, end = resolve_unit(unit, sentence), candidate.end
        if unit is None:
            unit, end = measure_after(sentence, end)
        unit, end = rate_after(sentence, end, unit)
        next_start = (
            candidates[index + 1].start if index + 1 < len(candidates) else None
        )
        period = period_for(
            periods,
            candidate.start,
            candidate.end,
            next_start,
            _clause_end(sentence, candidate.end),
        )
        figures.append(
            ParsedFigure(
                value=low,
                unit=unit,
                qualifier=_qualifier(sentence[: candidate.start]),
                text=sentence[candidate.start : end],
                start=offset + candidate.start,
                end=offset + end,
                value_high=high,
                is_change=_is_change(sentence, candidate),
                refers_to=with_year(period, periods),
            )
        )
    return _without_counts_in_passing(figures)


# A bare count below this, with no qualifier, is a detail beside an amount.
MAX_PASSING_COUNT = 100


def _without_counts_in_passing(figures: list[ParsedFigure]) -> list[ParsedFigure]:
    """Drop small bare counts from a sentence about an amount: in "7 operational
    units from 4 departments ... 2.48 billion yuan in fees" the money is the figure.
    A sentence about counts alone ("20 of 26 indicators fell") keeps them."""
    if not any(figure.unit for figure in figures):
        return figures
    return [figure for figure in figures if not _is_passing_count(figure)]


def _is_passing_count(figure: ParsedFigure) -> bool:
    return (
        figure.unit is None
        and figure.value_high is None
        and figure.qualifier is None
        and figure.value < MAX_PASSING_COUNT
    )


def _clause_end(sentence: str, position: int) -> int:
    """Where the clause holding position ends: the next comma, semicolon or end."""
    found = CLAUSE_END.search(sentence, position)
    return found.start() if found else len(sentence)


def _qualifier(before: str) -> str | None:
    match = QUALIFIER_BEFORE.search(before)
    return QUALIFIERS[match.group("qualifier").lower()] if match else None


def _is_change(sentence: str, candidate: Candidate) -> bool:
    """Whether an amount or percentage is a change ("climbing 110 floors" is not)."""
    if candidate.low.is_bare:
        return False
    before = QUALIFIER_BEFORE.sub("", sentence[: candidate.start])
    if CHANGE_AFTER.match(sentence[candidate.end :]):
        return True
    if not CHANGE_BEFORE.search(before):
        return False
    return candidate.low.unit == "%" or not OBJECT_VERB.search(before)
