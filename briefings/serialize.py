"""Records as plain values, written one way wherever they leave the archive.

The import report and the importer's snapshot (parsed records), the search exports
(stored records) and the page metadata all write dates, figures and listed items
through these functions, so a figure or an item reads the same in every output. The
API's serializers list the same figure fields (``FIGURE_FIELDS``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

# The parts of a date that a precision shows: a month without its day, a year alone.
DATE_PARTS = {"year": 1, "month": 2}

FIGURE_FIELDS = (
    "text",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "is_change",
    "refers_to",
)
ITEM_FIELDS = ("title", "url", "label", "authors", "description")


def iso(day: dt.date | None, precision: str | None = None) -> str | None:
    """ISO 8601 (``2024-02-29``), shortened to what ``precision`` says the text shows
    (``2024-02`` for a month, ``2024`` for a year); None without a date."""
    if not day:
        return None
    parts = DATE_PARTS.get(precision or "", 3)
    return day.isoformat()[: (4, 7, 10)[parts - 1]]


def figure_dict(figure: Any) -> dict:
    """A figure (parsed or stored): what it says, its value, unit and period."""
    return {name: getattr(figure, name) for name in FIGURE_FIELDS}


def item_dict(item: Any) -> dict:
    """A listed item or link (parsed): its title, address, label, authors, text."""
    return {name: getattr(item, name) for name in ITEM_FIELDS}
