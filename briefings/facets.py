"""Facet counts for the search page, as lists of ``FacetValue``s, and active chips.

Counts are disjunctive: each facet is counted over the results filtered by every
active filter but its own, so choosing publication A still shows B's count (and
ticking B ORs it in). One grouped query per facet, ``size + 1`` rows fetched to know
whether the list was truncated; selected values sort first so they are always shown.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, Model, Q, QuerySet, Value, When
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.utils.formats import date_format

from .filters import (
    NO,
    YES,
    SearchFilterSet,
    filtered,
    iso_date,
    published_claims_of,
    text_value,
)
from .models import (
    ArticleAuthor,
    ArticleKind,
    ArticleTopic,
    ClaimKind,
    Figure,
    Person,
    Publication,
    Topic,
)

FACET_SIZE = 15
YEAR_FACET_SIZE = 200


@dataclass(frozen=True)
class Params:
    """The page's GET parameters, and URLs that change some of them."""

    path: str
    data: QueryDict

    def values(self, name: str) -> list[str]:
        return self.data.getlist(name)

    def url(self, changes: dict[str, str | list[str] | None]) -> str:
        """This page's URL with parameters set (or removed: None); page reset."""
        data = self.data.copy()
        data.pop("page", None)
        for name, value in changes.items():
            if value is None:
                data.pop(name, None)
            else:
                data.setlist(name, value if isinstance(value, list) else [value])
        encoded = data.urlencode()
        return f"{self.path}?{encoded}" if encoded else self.path

    def toggle(self, name: str, value: str) -> str:
        """The URL with ``value`` added to parameter ``name``, or removed if there."""
        values = self.values(name)
        if value in values:
            return self.url({name: [v for v in values if v != value]})
        return self.url({name: [*values, value]})


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    toggle_url: str


@dataclass(frozen=True)
class Facet:
    name: str  # its GET parameter
    title: str
    values: list[FacetValue]
    truncated: bool = False

    @property
    def selected(self) -> list[FacetValue]:
        return [value for value in self.values if value.selected]


@dataclass(frozen=True)
class Chip:
    """An active filter, shown with a link that removes just it."""

    label: str
    remove_url: str


Rows = list[tuple[str, str, int]]  # (value, label, count)


def count_grouped(spec: FacetSpec, queryset: QuerySet, selected: list[str]) -> Rows:
    """One GROUP BY over the rows, most frequent first, selected values first of all."""
    rows = spec.rows(queryset) if spec.rows else queryset
    value, label = spec.value_field, spec.label_field or spec.value_field
    order = ["-n", label]
    if selected:
        first = When(**{f"{value}__in": selected}, then=Value(0))
        order.insert(0, Case(first, default=Value(1)))
    grouped = (
        rows.filter(**{f"{value}__isnull": False})
        .exclude(**{value: ""})
        .values(*dict.fromkeys([value, label]))
        .annotate(n=Count(spec.count_field, distinct=spec.distinct))
        .order_by(*order)
    )
    return [(str(r[value]), r[label], r["n"]) for r in grouped[: spec.size + 1]]


def count_years(spec: FacetSpec, queryset: QuerySet, selected: list[str]) -> Rows:
    """Counts by the year of ``value_field`` (a date), latest first."""
    grouped = (
        queryset.filter(**{f"{spec.value_field}__isnull": False})
        .annotate(year=ExtractYear(spec.value_field))
        .values("year")
        .annotate(n=Count("pk"))
        .order_by("-year")
    )
    return [(str(r["year"]), str(r["year"]), r["n"]) for r in grouped[: spec.size + 1]]


def count_has_claims(spec: FacetSpec, queryset: QuerySet, selected: list[str]) -> Rows:
    """Articles with and without a public claim, in one aggregate query."""
    exists = Q(Exists(published_claims_of()))
    totals = queryset.aggregate(
        yes=Count("pk", filter=exists), no=Count("pk", filter=~exists)
    )
    return [(key, spec.choices[key], totals[key]) for key in (YES, NO) if totals[key]]


@dataclass(frozen=True)
class FacetSpec:
    """How to count one facet. ``rows`` maps the filtered queryset to the rows that
    are grouped (e.g. ArticleTopic rows of the matching articles)."""

    name: str
    title: str
    value_field: str
    label_field: str = ""
    rows: Callable[[QuerySet], QuerySet] | None = None
    count_field: str = "pk"
    distinct: bool = False
    named: type[Model] | None = None  # slug → name lookup for selected values
    choices: dict[str, str] = field(default_factory=dict)
    counter: Callable[[FacetSpec, QuerySet, list[str]], Rows] = count_grouped
    size: int = FACET_SIZE

    def labels(self, values: list[str]) -> dict[str, str]:
        """Labels for selected values that were not counted (one query, if named)."""
        if self.named is not None and values:
            return dict(
                self.named.objects.filter(slug__in=values).values_list("slug", "name")
            )
        return {value: self.choices.get(value, value) for value in values}


def valid_selection(
    filterset_class: type[SearchFilterSet], name: str, raw: list[str]
) -> list[str]:
    """The selected values the filter accepts: ignored (invalid) ones are not shown."""
    convert = filterset_class.base_filters[name].extra.get("convert", text_value)
    valid = []
    for value in raw:
        try:
            convert(value)
        except ValueError:
            continue
        valid.append(value)
    return valid


def make_facet(
    spec: FacetSpec, rows: Rows, selected: list[str], params: Params
) -> Facet:
    """FacetValues from counted rows, plus selected values the counts left out."""
    truncated = len(rows) > spec.size
    counted = {value for value, _, _ in rows}
    missing = [value for value in selected if value not in counted]
    extra = spec.labels(missing) if missing else {}
    rows = rows[: spec.size] + [(v, extra.get(v, v), 0) for v in missing]
    values = [
        FacetValue(
            value=value,
            label=spec.choices.get(value, label) or value,
            count=count,
            selected=value in selected,
            toggle_url=params.toggle(spec.name, value),
        )
        for value, label, count in rows
    ]
    return Facet(spec.name, spec.title, values, truncated)


def build_facets(
    filterset_class: type[SearchFilterSet],
    specs: list[FacetSpec],
    params: Params,
    base: QuerySet,
) -> list[Facet]:
    """Every facet, each counted without its own parameter (disjunctive counts)."""
    facets = []
    for spec in specs:
        queryset = filtered(filterset_class, params.data, base, without=(spec.name,))
        raw = params.values(spec.name)
        selected = valid_selection(filterset_class, spec.name, raw)
        rows = spec.counter(spec, queryset, selected)
        facets.append(make_facet(spec, rows, selected, params))
    return facets


def long_date(day: datetime.date) -> str:
    return date_format(day, "j F Y")


def build_chips(facets: list[Facet], params: Params) -> list[Chip]:
    """The active filters, each with the URL that removes just that value."""
    chips = [
        Chip(f"{facet.title}: {value.label}", value.toggle_url)
        for facet in facets
        for value in facet.selected
    ]
    for name, prefix in (("from", "From"), ("to", "Until")):
        day = iso_date(params.data.get(name))
        if day:
            chips.append(Chip(f"{prefix} {long_date(day)}", params.url({name: None})))
    return chips


def article_topics(articles: QuerySet) -> QuerySet:
    return ArticleTopic.objects.filter(article_id__in=articles.values("pk"))


def article_authors(articles: QuerySet) -> QuerySet:
    return ArticleAuthor.objects.filter(article_id__in=articles.values("pk"))


def claim_topics(claims: QuerySet) -> QuerySet:
    # One row per (topic of the article, matching claim): counts claims, not articles.
    return ArticleTopic.objects.filter(article__claims__in=claims.values("pk"))


def claim_figures(claims: QuerySet) -> QuerySet:
    return Figure.objects.filter(claim_id__in=claims.values("pk"))


ARTICLE_FACETS = [
    FacetSpec(
        "publication",
        "Publication",
        "briefing__publication__slug",
        "briefing__publication__name",
        named=Publication,
    ),
    FacetSpec(
        "year",
        "Year",
        "briefing__published_on",
        counter=count_years,
        size=YEAR_FACET_SIZE,
    ),
    FacetSpec(
        "topic", "Topic", "topic__slug", "topic__name", article_topics, named=Topic
    ),
    FacetSpec(
        "author",
        "Author",
        "person__slug",
        "person__name",
        article_authors,
        named=Person,
    ),
    FacetSpec("outlet", "Original outlet", "outlet"),
    FacetSpec("section", "Section", "section"),
    FacetSpec("kind", "Kind of article", "kind", choices=dict(ArticleKind.choices)),
    FacetSpec(
        "has_claims",
        "Claims",
        "",
        choices={YES: "With claims", NO: "Without claims"},
        counter=count_has_claims,
    ),
]

CLAIM_FACETS = [
    FacetSpec("speaker", "Speaker", "speaker__slug", "speaker__name", named=Person),
    FacetSpec("kind", "Kind of claim", "kind", choices=dict(ClaimKind.choices)),
    FacetSpec(
        "unit", "Unit", "unit", rows=claim_figures, count_field="claim", distinct=True
    ),
    FacetSpec(
        "topic",
        "Topic",
        "topic__slug",
        "topic__name",
        claim_topics,
        count_field="article__claims",
        named=Topic,
    ),
    FacetSpec(
        "publication",
        "Publication",
        "article__briefing__publication__slug",
        "article__briefing__publication__name",
        named=Publication,
    ),
    FacetSpec(
        "year",
        "Year",
        "article__briefing__published_on",
        counter=count_years,
        size=YEAR_FACET_SIZE,
    ),
]
