"""``about``: an estimated count, rounded to what its sample can tell."""

from __future__ import annotations

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
