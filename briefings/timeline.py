"""Small inline SVG bar charts of counts over time (topic timelines, browse pages),
drawn on the server: no JavaScript, a <title> on every bar, bars may be links."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, LABEL_ROOM = 600, 120, 18
GAP = 2
MAX_LABELS = 12  # bar labels shown at most, so they never overlap


@dataclass
class Bar:
    label: str
    count: int
    url: str | None
    x: float
    y: float
    width: float
    height: float

    @property
    def label_x(self) -> float:
        return round(self.x + self.width / 2, 2)


def layout(bars: list[tuple[str, int, str | None]]) -> list[Bar]:
    """Position (label, count, url) bars in the chart's coordinate space."""
    if not bars:
        return []
    tallest = max(count for _, count, _ in bars) or 1
    slot = WIDTH / len(bars)
    plot = HEIGHT - LABEL_ROOM
    laid = []
    for index, (label, count, url) in enumerate(bars):
        height = max(1.0, plot * count / tallest) if count else 0.0
        laid.append(
            Bar(
                label=label,
                count=count,
                url=url,
                x=round(index * slot + GAP / 2, 2),
                y=round(plot - height, 2),
                width=round(max(1.0, slot - GAP), 2),
                height=round(height, 2),
            )
        )
    return laid


def bar_chart(bars: list[tuple[str, int, str | None]], *, label: str) -> SafeString:
    """An SVG bar chart of (label, count, url) bars; empty when there are none."""
    laid = layout(bars)
    if not laid:
        return mark_safe("")
    context = {
        "bars": laid,
        "label": label,
        "width": WIDTH,
        "height": HEIGHT,
        "baseline": HEIGHT - LABEL_ROOM,
        "label_every": max(1, -(-len(laid) // MAX_LABELS)),
        "has_links": any(bar.url for bar in laid),
    }
    return mark_safe(render_to_string("briefings/_bar_chart.html", context))
