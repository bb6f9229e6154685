"""Units of measure and rates written after an amount.

"210 kilometers a day" is 210 km/day, "RMB 12–14/hour" 12–14 CNY/hour, "RMB
6,000–8,000 per month" CNY/month, "1,000 points" 1,000 points. ``measure_after``
reads a unit of measure after a bare number, ``rate_after`` a "per hour", "/month"
or "a day" after a figure; both say how many characters they read, so the figure's
text covers them.
"""

from __future__ import annotations

import re

MEASURES = {
    "kilometer": "km",
    "kilometre": "km",
    "km": "km",
    "mile": "mi",
    "tonne": "t",
    "ton": "t",
    "point": "points",
    "year": "years",
    "hectare": "ha",
    "square meter": "m²",
    "square metre": "m²",
}
MEASURE_AFTER = re.compile(
    r"\s?(?P<measure>kilomet(?:er|re)s?|km|miles?|(?:metric\s+)?ton(?:ne)?s?|points?"
    r"|years?|hectares?|square\s+met(?:er|re)s?)\b(?![\s-]*olds?\b)",
    re.IGNORECASE,
)
RATE_PERIODS = {"hour": "hour", "hr": "hour", "annum": "year"}
# "/hour", "per month", "a day"; not "a year earlier" or "a year ago".
RATE_AFTER = re.compile(
    r"(?:\s?/\s?|\s+(?:per|a|an|each)\s+)(?P<per>hour|hr|day|week|month|year|annum)\b"
    r"(?!\s+(?:earlier|ago|before|later|on|to)\b)",
    re.IGNORECASE,
)


def measure_after(sentence: str, end: int) -> tuple[str | None, int]:
    """The unit of measure written right after a bare number ending at ``end``, and
    where it ends."""
    match = MEASURE_AFTER.match(sentence, end)
    if not match:
        return None, end
    word = " ".join(match.group("measure").lower().split()).removeprefix("metric ")
    return MEASURES[word.rstrip("s") if word != "km" else word], match.end()


def rate_after(sentence: str, end: int, unit: str | None) -> tuple[str | None, int]:
    """The unit as a rate ("CNY/hour") when a period follows the figure, and where
    the rate ends; percentages and plain counts are no rates."""
    if unit in (None, "%"):
        return unit, end
    match = RATE_AFTER.match(sentence, end)
    if not match:
        return unit, end
    per = match.group("per").lower()
    return f"{unit}/{RATE_PERIODS.get(per, per)}", match.end()
