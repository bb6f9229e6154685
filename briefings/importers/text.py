"""Shared text clean-up for parsers: lines, whitespace, dates, headings, markup."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# A word boundary, or the seam where run-on text glued two words ("TodayOctober").
_START = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"
# "October 1st, 2023", "August 28, 2023", "FEBRUARY 29, 2024", "Oct. 1 2023"
MONTH_DAY_YEAR = re.compile(
    rf"{_START}(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
# "29 February 2024", "1st October, 2023"
DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_RE})\.?,?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
MONTH_YEAR = re.compile(
    rf"{_START}(?P<month>{_MONTH_RE})\.?,?\s+(?P<year>\d{{4}})\b", re.I
)
# "24/02/23", "23/02/2024", "2024/02/23", "23.02.2024"
NUMERIC_DATE = re.compile(r"\b(\d{1,4})[/.](\d{1,2})[/.](\d{2,4})\b")

QUOTE_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the source
    text: str  # the line without its newline, trailing white space removed


def numbered_lines(text: str) -> list[Line]:
    """Split text into numbered lines (1-based), keeping empty lines."""
    return [Line(i, raw.rstrip()) for i, raw in enumerate(text.splitlines(), start=1)]


def collapse_whitespace(text: str) -> str:
    """One space for every run of white space (incl. NBSP), stripped."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def comparable(text: str | None) -> str:
    """The form two texts are compared in: NFKC, straight quotes, folded space and case."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(QUOTE_MAP)
    return collapse_whitespace(text).casefold()


def strip_markup(text: str) -> str:
    """Remove markdown emphasis and turn ``[label](url)`` into ``label``."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<!\w)__(.+?)__(?!\w)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return text.replace("\\(", "(").replace("\\)", ")")


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    """1-12 for a month name or abbreviation, or for a month number as digits."""
    return int(name) if name.isdigit() else MONTHS[name.lower()[:3]]


def find_date(text: str) -> tuple[dt.date, str, re.Match] | None:
    """The first written-out or ISO date in text, with its precision and match."""
    found = []
    for pattern in (MONTH_DAY_YEAR, DAY_MONTH_YEAR, ISO_DATE):
        for match in pattern.finditer(text):
            month_number = _month_number(match.group("month"))
            date = _make_date(
                int(match.group("year")), month_number, int(match.group("day"))
            )
            if date:
                found.append((match.start(), date, "day", match))
                break
    if found:
        _, date, precision, match = min(found, key=lambda item: item[0])
        return date, precision, match
    match = MONTH_YEAR.search(text)
    if match:
        month_number = _month_number(match.group("month"))
        return dt.date(int(match.group("year")), month_number, 1), "month", match
    return None


def parse_date(text: str) -> tuple[dt.date, str] | None:
    """A date written in text as a whole ("October 1st, 2023", "June 2019"), or None."""
    found = find_date(text)
    if not found:
        return None
    date, precision, match = found
    leftover = (text[: match.start()] + text[match.end() :]).strip(" ,.;:()–—-\t")
    return (date, precision) if not leftover else None


def parse_numeric_date(text: str, reference: dt.date | None = None) -> dt.date | None:
    """A numeric date such as 24/02/23 or 23/02/2024.

    Short numeric dates are ambiguous (YY/MM/DD or DD/MM/YY). Every valid reading is
    considered; with a reference date (the briefing's) the reading closest to it and
    not far after it wins, since digests cite items published shortly before.
    """
    match = NUMERIC_DATE.search(text)
    if not match:
        return None
    a, b, c = (int(group) for group in match.groups())
    widths = [len(group) for group in match.groups()]
    candidates = []
    if widths[0] == 4:
        candidates.append(_make_date(a, b, c))
    elif widths[2] == 4:
        candidates += [_make_date(c, b, a), _make_date(c, a, b)]
    else:
        candidates += [_make_date(2000 + a, b, c), _make_date(2000 + c, b, a)]
        candidates.append(_make_date(2000 + c, a, b))
    candidates = [date for date in candidates if date]
    if not candidates:
        return None
    if reference is None:
        return candidates[0]

    def distance(date: dt.date) -> int:
        days = (reference - date).days
        return days if days >= -7 else 10_000 - days

    return min(candidates, key=distance)


def ends_sentence(text: str) -> bool:
    """Whether text ends like a finished sentence (or a closing quote or bracket)."""
    return bool(re.search(r"[.!?…:;。！？」』”\"')\]]\s*$", text.strip()))


def looks_like_heading(text: str, max_words: int = 14) -> bool:
    """A short line without final punctuation, starting with a capital or a digit."""
    text = text.strip()
    if not text or len(text.split()) > max_words or len(text) > 120:
        return False
    if re.search(r"[.,;:!]$", text) or text.startswith(("-", "•", "*", "[", "<", "(")):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "“\"‘'"


def join_broken_paragraphs(paragraphs: list[str]) -> list[str]:
    """Rejoin paragraphs split by a page break: one ends mid-sentence, the next
    starts in lower case ("...US Navy" + "vessels in and near ...")."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if (
            joined
            and not ends_sentence(joined[-1])
            and paragraph[:1].islower()
            and len(joined[-1].split()) > 8
        ):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def paragraph_blocks(lines: list[Line]) -> list[list[Line]]:
    """Group lines into blocks separated by blank lines."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks
