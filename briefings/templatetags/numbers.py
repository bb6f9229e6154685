"""Numbers as readers read them: estimated counts (``about``) and figures
(``figure_display``: no trailing zeros, digits grouped, the unit and its rate in
words)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma

register = template.Library()


def rounded(count: int, digits: int = 2) -> int:
    """The count to ``digits`` significant figures (231,040 → 230,000)."""
    if count < 10**digits:
        return count
    scale = 10 ** (len(str(count)) - digits)
    return round(count / scale) * scale


@register.filter
def rounded_count(count: int) -> str:
    return intcomma(rounded(count))


@register.filter
def about(count: int, estimated: bool) -> str:
    """``12,345`` when exact; ``about 12,000`` when estimated."""
    if not estimated:
        return intcomma(count)
    return f"about {rounded_count(count)}"


# Large values read with their scale word: 766,710,000,000 -> 766.71 billion.
SCALES = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)


def plain_number(value: float) -> str:
    """A number without trailing zeros, its digits grouped: 21.3000 -> "21.3",
    6000.0 -> "6,000", 2480000000.0 -> "2.48 billion"."""
    number = Decimal(repr(float(value)))
    for scale, word in SCALES:
        if abs(number) >= scale:
            return f"{_grouped(number / scale)} {word}"
    return _grouped(number)


def _grouped(number: Decimal) -> str:
    text = f"{number:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@register.filter
def figure_display(figure: Any) -> str:
    """A figure as a reader reads it: "more than 30,000", "21.3 %", "12–14 CNY per
    hour", "2.48 billion CNY"."""
    value = plain_number(figure.value)
    if figure.value_high is not None:
        value = f"{value}–{plain_number(figure.value_high)}"
    unit, _, per = (figure.unit or "").partition("/")
    parts = [figure.qualifier, value, unit, f"per {per}" if per else ""]
    return " ".join(part for part in parts if part)
