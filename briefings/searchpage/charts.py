"""Small inline SVG bar charts drawn on the server (no JavaScript, a <title> on every
bar, bars may be links): topic timelines and browse pages, and the search page's chart.

On the search page, bars by year (from the year facet's disjunctive counts), or by month when one year is
chosen or the from/to range lies within one year. Each bar links to that year (toggle)
or narrows from/to to that month. Geometry is computed here; the template draws it.
"""

from __future__ import annotations

import calendar
import datetime
import math
from dataclasses import asdict, dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractMonth
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from ..cache import cached_search, fingerprint
from .counting import sample_every
from .facets import Counted, Facet, Params, valid_selection
from .filters import UNKNOWN, SearchFilterSet, filtered, iso_date
from .rows import RowSearch

WIDTH, HEIGHT, LABEL_ROOM = 600, 120, 18
VALUE_ROOM = 14  # above the tallest bar, for its number
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

    @property
    def value_y(self) -> float:
        """Where the bar's number sits: just above the bar."""
        return round(self.y - 3, 2)

    @property
    def count_label(self) -> str:
        return f"{self.count:,}"


def layout(bars: list[tuple[str, int, str | None]]) -> list[Bar]:
    """Position (label, count, url) bars in the chart's coordinate space."""
    if not bars:
        return []
    tallest = max(count for _, count, _ in bars) or 1
    slot = WIDTH / len(bars)
    plot = HEIGHT - LABEL_ROOM - VALUE_ROOM
    laid = []
    for index, (label, count, url) in enumerate(bars):
        height = max(1.0, plot * count / tallest) if count else 0.0
        laid.append(
            Bar(
                label=label,
                count=count,
                url=url,
                x=round(index * slot + GAP / 2, 2),
                y=round(VALUE_ROOM + plot - height, 2),
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


# The search page's chart

MIN_SLOTS = 8


@dataclass
class ChartBar(Bar):
    """A bar of the shared timeline layout, with what the search chart adds."""

    title: str = ""
    selected: bool = False
    show_label: bool = True


@dataclass(frozen=True)
class Chart:
    title: str
    bars: list[ChartBar]
    width: int = WIDTH
    height: int = HEIGHT
    baseline: int = HEIGHT - LABEL_ROOM
    reset_url: str | None = None  # back to every year, in the month view


Item = tuple[str, str, int, str | None, bool]  # label, title, count, url, selected


def lay_out(items: list[Item]) -> list[ChartBar]:
    """The site's timeline geometry; empty bars are not links; labels thinned out.
    A chart of a few bars keeps MIN_SLOTS slots, centred, so no bar is a slab."""
    pad = max(0, MIN_SLOTS - len(items))
    slots = [("", 0, None)] * (pad // 2)
    slots += [
        (label, count, url if count else None) for label, _, count, url, _ in items
    ]
    laid = layout(slots + [("", 0, None)] * (pad - pad // 2))
    laid = laid[pad // 2 : pad // 2 + len(items)]
    every = max(1, math.ceil(len(laid) / MAX_LABELS))
    return [
        ChartBar(**asdict(bar), title=title, selected=chosen, show_label=n % every == 0)
        for n, (bar, (_, title, _, _, chosen)) in enumerate(
            zip(laid, items, strict=True)
        )
    ]


def counted(count: int, noun: str, *, estimated: bool = False) -> str:
    about = "about " if estimated else ""
    return f"{about}{count:,} {noun}{'' if count == 1 else 's'}"


def chart_year(params: Params, filterset_class: type[SearchFilterSet]) -> int | None:
    """The year to show by month: from/to within one year, or a single year chosen."""
    start, end = iso_date(params.data.get("from")), iso_date(params.data.get("to"))
    if start and end and start.year == end.year:
        return start.year
    chosen = valid_selection(filterset_class, "year", params.values("year"))
    years = {year for year in chosen if year != UNKNOWN}
    if len(years) == 1 and not (start or end):
        return int(years.pop())
    return None


def year_chart(year_facet: Facet, noun: str) -> Chart | None:
    """Bars by year from the year facet's counts, gaps filled with empty years."""
    counts = {
        int(value.value): value
        for value in year_facet.values
        if value.value != UNKNOWN  # undated results have no bar
    }
    if not counts:
        return None
    first, last = min(counts), max(counts)
    years = range(first, last + 1) if last - first < 80 else sorted(counts)
    items: list[Item] = []
    for year in years:
        value = counts.get(year)
        count = value.count if value else 0
        url = value.toggle_url if value else None
        selected = bool(value and value.selected)
        label = counted(count, noun, estimated=year_facet.estimated)
        items.append((str(year), f"{year}: {label}", count, url, selected))
    return Chart(f"{noun.capitalize()}s by year", lay_out(items))


def month_chart(
    filterset_class: type[SearchFilterSet],
    params: Params,
    base: QuerySet,
    year: int,
    noun: str,
    rows: RowSearch | None = None,
    estimated: bool = False,
) -> Chart:
    """Bars by month of one year; each bar narrows from/to to that month. From the
    narrow table when the search can be (rows.py), on its sample when the results
    are too many to count exactly (``estimated``: "about")."""
    date_field = filterset_class.date_field
    queryset = filtered(filterset_class, params.data, base, ("year", "from", "to"))
    months = (
        queryset.filter(**{f"{date_field}__year": year})
        .annotate(month=ExtractMonth(date_field))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
        .values_list("month", "n")
    )
    every = sample_every() if estimated else None
    key = f"months:{fingerprint(months, every)}"
    if rows is not None:
        counts = cached_search(key, lambda: rows.month_counts(year, every))
    else:
        estimated = False
        counts = cached_search(key, lambda: dict(months))
    start, end = iso_date(params.data.get("from")), iso_date(params.data.get("to"))
    items: list[Item] = []
    for month in range(1, 13):
        first = datetime.date(year, month, 1)
        last = first.replace(day=calendar.monthrange(year, month)[1])
        chosen = bool(start and end and start <= last and end >= first)
        if start == first and end == last:
            url = params.url({"from": None, "to": None, "year": str(year)})
        else:
            url = params.url({"year": None, "from": str(first), "to": str(last)})
        count = counts.get(month, 0)
        title = f"{first:%B} {year}: {counted(count, noun, estimated=estimated)}"
        items.append((f"{first:%b}", title, count, url, chosen))
    reset = params.url({"year": None, "from": None, "to": None})
    title = f"{noun.capitalize()}s by month in {year}"
    return Chart(title, lay_out(items), reset_url=reset)


def build_chart(
    filterset_class: type[SearchFilterSet],
    params: Params,
    base: QuerySet,
    facets: list[Facet],
    noun: str,
    tally: Counted | None = None,
) -> Chart | None:
    """The chart for this page: by month within one year, else by year."""
    year = chart_year(params, filterset_class)
    if year is not None:
        rows, estimated = (
            (tally.rows, tally.total_estimated) if tally else (None, False)
        )
        return month_chart(filterset_class, params, base, year, noun, rows, estimated)
    year_facet = next((facet for facet in facets if facet.name == "year"), None)
    return year_chart(year_facet, noun) if year_facet else None
