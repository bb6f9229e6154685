"""Figures in one article that cannot both be true: a stated total and its parts.

``inconsistent_totals(article)`` finds a total ("a total of 2.48 billion yuan",
"RMB 5 billion in total") whose itemised parts follow it, in the same sentence or
the next one, after a cue ("include:", "including", "of which", "consisting of"), and
compares the total with the sum of the parts. It is conservative, since an editor
reads every warning:

- total and parts share a unit (a currency, or for counts the same noun: "1,200
  people ... including 500 in Beijing"); changes, ranges, percentages and figures
  qualified as bounds ("more than", "at least") are left alone;
- a list is exhaustive when the text says so ("consisting of", "as follows") or when
  it counts its own items ("the four departments include: ...; ...; ...; ..."); then
  any difference beyond rounding is flagged. Otherwise the list may be partial
  ("including"), and only parts that add up to more than the total are flagged.

Each finding is a warning starting with ``inconsistent figures: `` and showing the
numbers. Pure Python: no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..claims.figures import find_figures
from ..claims.lexicon import words
from ..claims.periods import find_periods
from ..claims.sentences import paragraph_spans, sentence_spans
from ..types import ParsedArticle, ParsedFigure

PREFIX = "inconsistent figures: "
TOTAL_BEFORE = re.compile(
    r"\b(?:a\s+total\s+of|total\s+of|totall?ing|totall?ed|totals|a\s+combined"
    r"|combined\s+total\s+of|in\s+total,?|altogether,?|in\s+all,?|the\s+sum\s+of)\s*"
    r"(?:about|around|nearly|almost|some|roughly|approximately)?\s*$",
    re.IGNORECASE,
)
TOTAL_AFTER = re.compile(
    r"^\s*(?:[\w()]+\s+)?(?:in\s+total|in\s+all|altogether|combined)\b", re.IGNORECASE
)
PARTS_CUE = re.compile(
    r"\b(?:includ(?:e|es|ed|ing)|of\s+which|among\s+(?:them|which|these|those)"
    r"|consist(?:s|ed|ing)?\s+of|compris(?:e|es|ed|ing)|made\s+up\s+of"
    r"|broken\s+down|divided\s+into|split\s+into|as\s+follows|namely)\b|:",
    re.IGNORECASE,
)
EXHAUSTIVE_CUE = re.compile(
    r"\b(?:consist(?:s|ed|ing)?\s+of|compris(?:e|es|ed|ing)|made\s+up\s+of"
    r"|broken\s+down|divided\s+into|split\s+into|as\s+follows|namely)\b",
    re.IGNORECASE,
)
# A count of items stated before a list: "the 7 operational units", "four departments".
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
STATED_COUNT = re.compile(
    r"\b(?P<count>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")\s+[A-Za-z]", re.IGNORECASE
)
NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
PREPOSITIONS = words("in at from for on by of to under with")
BOUND_QUALIFIERS = frozenset({"more than", "less than", "at least", "up to"})
LOOSE_QUALIFIERS = frozenset({"about", "nearly"})
LOOSE_TOLERANCE = 0.05  # "about 2 billion in total"
RELATIVE_TOLERANCE = 0.005
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body and its figures (offsets in the body)."""

    start: int
    text: str
    figures: list[ParsedFigure]


def inconsistent_totals(article: ParsedArticle) -> list[str]:
    """Warnings for stated totals that disagree with their itemised parts."""
    sentences = _sentences(article.body)
    warnings: list[str] = []
    for index, sentence in enumerate(sentences):
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        for total in sentence.figures:
            if not _is_total(article.body, total):
                continue
            warning = _check_total(article.body, total, sentence, following)
            if warning and warning not in warnings:
                warnings.append(warning)
    return warnings


def _sentences(body: str) -> list[Sentence]:
    found = []
    for paragraph in paragraph_spans(body):
        for span in sentence_spans(body, paragraph):
            text = span.text(body)
            found.append(Sentence(span.start, text, find_figures(text, span.start)))
    return found


def _is_total(body: str, figure: ParsedFigure) -> bool:
    """A plain amount or count introduced or followed by a "total" cue."""
    if figure.is_change or figure.value_high is not None or figure.unit == "%":
        return False
    if figure.qualifier in BOUND_QUALIFIERS:
        return False
    before = body[max(0, figure.start - 60) : figure.start]
    after = body[figure.end : figure.end + 40]
    return bool(TOTAL_BEFORE.search(before) or TOTAL_AFTER.match(after))


def _check_total(
    body: str, total: ParsedFigure, sentence: Sentence, following: Sentence | None
) -> str | None:
    """A warning if the parts listed after the total disagree with it."""
    for region in _part_regions(body, total, sentence, following):
        parts = _parts(body, total, region)
        if len(parts) < 2:
            continue
        if any(part.qualifier in BOUND_QUALIFIERS for part in parts):
            return None
        return _compare(total, parts, _is_exhaustive(region, parts))
    return None


@dataclass(frozen=True)
class Region:
    """Where the parts of a total are listed: after the cue, up to the sentence end."""

    lead: str  # the text before the cue (where the items may be counted)
    cue: str
    start: int  # body offset of the list after the cue
    sentence: Sentence


def _part_regions(
    body: str, total: ParsedFigure, sentence: Sentence, following: Sentence | None
) -> list[Region]:
    """The list after a cue later in the total's sentence, else in the next one."""
    regions = []
    rest_start = total.end - sentence.start
    cue = PARTS_CUE.search(sentence.text, rest_start)
    if cue:
        lead = sentence.text[rest_start : cue.start()]
        regions.append(Region(lead, cue.group(), sentence.start + cue.end(), sentence))
    if following is not None:
        cue = PARTS_CUE.search(following.text)
        if cue:
            lead = following.text[: cue.start()]
            start = following.start + cue.end()
            regions.append(Region(lead, cue.group(), start, following))
    return regions


def _parts(body: str, total: ParsedFigure, region: Region) -> list[ParsedFigure]:
    """The figures of the list that measure what the total measures."""
    noun = _noun_after(body, total)
    if total.unit is None and noun is None:
        return []  # a count of what? ("a total of 1,200 in fees")
    parts = []
    for figure in region.sentence.figures:
        if figure.start < region.start or figure.is_change:
            continue
        if figure.value_high is not None or figure.unit != total.unit:
            continue
        if total.unit is None and _noun_after(body, figure) not in (noun, None):
            continue
        parts.append(figure)
    return parts


def _noun_after(body: str, figure: ParsedFigure) -> str | None:
    """The word after a count ("1,200 people" -> "people"); None for a preposition."""
    match = NEXT_WORD.match(body, figure.end)
    word = match.group(1).lower() if match else ""
    if not word or word in PREPOSITIONS:
        return None
    return word[:-1] if word.endswith("s") else word


def _is_exhaustive(region: Region, parts: list[ParsedFigure]) -> bool:
    """Whether the list says it is complete, or counts its own items."""
    if EXHAUSTIVE_CUE.search(region.cue):
        return True
    periods = find_periods(region.lead)
    stated = {
        _count_value(m.group("count"))
        for m in STATED_COUNT.finditer(region.lead)
        if not any(p.start <= m.start() < p.end for p in periods)
    }
    return len(parts) in stated


def _count_value(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _compare(
    total: ParsedFigure, parts: list[ParsedFigure], exhaustive: bool
) -> str | None:
    """The warning when the parts' sum and the total disagree beyond rounding."""
    summed = sum(part.value for part in parts)
    tolerance = _rounding(total) + sum(_rounding(part) for part in parts)
    tolerance += RELATIVE_TOLERANCE * total.value
    if total.qualifier in LOOSE_QUALIFIERS:
        tolerance += LOOSE_TOLERANCE * total.value
    difference = summed - total.value
    if abs(difference) <= tolerance or (not exhaustive and difference < 0):
        return None
    unit = f" {total.unit}" if total.unit else ""
    written = " + ".join(describe(part.value) for part in parts)
    return (
        f"{PREFIX}the total {describe(total.value)}{unit} differs from the sum of its "
        f"parts {describe(summed)}{unit} ({written})"
    )


def _rounding(figure: ParsedFigure) -> float:
    """Half a unit of the last digit written: "2.48 billion" -> 0.005 billion."""
    number = re.search(r"\d[\d,]*(?:\.(\d+))?", figure.text)
    if not number:
        return 0.0
    decimals = len(number.group(1) or "")
    digits = float(number.group().replace(",", "")) or 1.0
    scale = abs(figure.value) / digits
    return 0.5 * scale * 10**-decimals


def describe(value: float) -> str:
    """A value as an editor reads it: 248372500 -> "248.3725 million"."""
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{_plain(value / size)} {word}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def _plain(number: float) -> str:
    return f"{number:.4f}".rstrip("0").rstrip(".")
