"""Figures as readers read them: no trailing zeros, digits grouped, rates in words."""

from __future__ import annotations

import pytest

from briefings.importers.types import ParsedFigure
from briefings.templatetags.numbers import figure_display, plain_number


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (21.3, "21.3"),
        (21.3000, "21.3"),
        (6000.0, "6,000"),
        (640000, "640,000"),
        (2480000000.0, "2.48 billion"),
        (766710000000.0, "766.71 billion"),
        (20245500.0, "20.2455 million"),
        (4e12, "4 trillion"),
        (4.8, "4.8"),
    ],
)
def test_numbers_drop_trailing_zeros_and_group_digits(value, shown):
    assert plain_number(value) == shown


@pytest.mark.parametrize(
    ("figure", "shown"),
    [
        (ParsedFigure(21.3, "%"), "21.3 %"),
        (ParsedFigure(12, "CNY/hour", value_high=14), "12–14 CNY per hour"),
        (
            ParsedFigure(6000, "CNY/month", "about", value_high=8000),
            "about 6,000–8,000 CNY per month",
        ),
        (ParsedFigure(210, "km/day"), "210 km per day"),
        (ParsedFigure(30000, None, "more than"), "more than 30,000"),
        (ParsedFigure(1.2e9, "CNY"), "1.2 billion CNY"),
    ],
)
def test_a_figure_reads_with_its_qualifier_unit_and_rate(figure, shown):
    assert figure_display(figure) == shown
