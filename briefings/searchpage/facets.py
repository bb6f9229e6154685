"""Facet counts for the search page, as lists of ``FacetValue``s, and active chips.

Counts are disjunctive: each facet is counted over the results filtered by every
active filter but its own, so choosing publication A still shows B's count (and
ticking B ORs it in). The counting itself is in ``counting.py``: one SQL statement
for every facet, exact up to ``SEARCH_EXACT_LIMIT`` matches and
estimated from a sample above. Selected values sort first so they are always shown.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from django.db.models import (
    Case,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Model,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Concat
from django.http import QueryDict
from django.utils.formats import date_format

from ..models import (
    ArticleAuthor,
    ArticleKind,
    ArticleTopic,
    ClaimKind,
    Figure,
    Person,
    PersonKind,
    Publication,
    Topic,
)
from ..search import match_count
from .counting import Counting, DayNumber
from .filters import (
    NO,
    UNKNOWN,
    YES,
    SearchFilterSet,
    filtered,
    filtered_but_one_of,
    iso_date,
    published_claims_of,
    text_bound_query,
    text_value,
)
from .rows import RowSearch, row_search

FACET_SIZE = 15
YEAR_FACET_SIZE = 200
ALL_SIZE = 1000  # values listed when a reader asks for all of a facet's (?all=topic)
ALL_PARAM = "all"


@dataclass(frozen=True)
class Params:
    """The page's GET parameters, and URLs that change some of them."""

    path: str
    data: QueryDict

    def values(self, name: str) -> list[str]:
        return self.data.getlist(name)

    def url(self, changes: dict[str, str | list[str] | None]) -> str:
        """This page's URL with parameters set (or removed: None); page reset. A
        changed parameter keeps its place, a new one goes last (as QueryDict's
        ``setlist`` would put them; a search page makes a hundred of these, and
        copying the QueryDict for each was a tenth of its Python time)."""
        changed = {
            name: value if value is None or isinstance(value, list) else [value]
            for name, value in changes.items()
        }
        kept = [(name, values) for name, values in self.data.lists() if name != "page"]
        pairs = []
        for name, values in kept:
            pairs += [(name, value) for value in changed.get(name, values) or ()]
        present = {name for name, _ in kept}
        for name, values in changed.items():
            if name not in present:
                pairs += [(name, value) for value in values or ()]
        encoded = urlencode(pairs)
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
    estimated: bool = False  # counted on a sample: "about N"
    more_url: str | None = None  # every value of this facet (when some are left out)
    fewer_url: str | None = None  # back to the most frequent (when all are listed)

    @property
    def selected(self) -> list[FacetValue]:
        return [value for value in self.values if value.selected]


@dataclass(frozen=True)
class Chip:
    """An active filter, shown with a link that removes just it."""

    label: str
    remove_url: str


Rows = list[tuple[str, str, int]]  # (value, label, count)


@dataclass(frozen=True)
class Links:
    """Keys found through a link table: ``model`` rows whose ``owner`` is the record's
    ``via`` column (its own id, or e.g. a claim's article) hold the key in ``value``."""

    model: type[Model]
    owner: str
    value: str
    via: str = "pk"


@dataclass(frozen=True)
class FacetSpec:
    """One facet: where its keys come from (a ``column`` of the record, optionally
    computed by ``expression``, or ``links``), how a key becomes the URL value
    (``named``: ids of a model, shown by slug and name; otherwise the key itself) and
    in which order values are listed."""

    name: str
    title: str
    column: str = ""
    links: Links | None = None
    expression: Any = None
    named: type[Model] | None = None
    label: Any = None  # how a named value is shown, if not by its ``name``
    choices: dict[str, str] = field(default_factory=dict)
    order: str = "count"  # "count" (most first), "latest" (years), "choices"
    size: int = FACET_SIZE
    unknown: str = ""  # the label of the records without a value ("Undated"), if any

    def labels(self, values: list[str]) -> dict[str, str]:
        """Labels for selected values that were not counted (one query, if named)."""
        if self.named is not None and values:
            found = self.labelled().filter(slug__in=values)
            return dict(found.values_list("slug", "shown"))
        return {value: self.choices.get(value, value) for value in values}

    def labelled(self) -> QuerySet:
        """The named model's rows with the label a value shows as ``shown``."""
        return self.named.objects.annotate(shown=self.label or F("name"))

    def chosen_keys(self, values: list[str], convert: Callable) -> set:
        """The keys the selected URL values stand for (slugs → ids: one query)."""
        keys = {UNKNOWN} if self.unknown and UNKNOWN in values else set()
        values = [value for value in values if value != UNKNOWN]
        if self.named is not None:
            if not values:
                return keys
            found = self.named.objects.filter(slug__in=values)
            return keys | set(found.values_list("pk", flat=True))
        return keys | {convert(value) for value in values}

    def rows(self, counts: Counter, selected: list[str]) -> Rows:
        """(URL value, label, count) of the values to show: selected ones first, then
        in the facet's order, ``size + 1`` of them (to know whether more exist)."""
        if self.named is not None:
            return self.named_rows(counts, selected)
        rows = [
            (str(key), self.choices.get(str(key), str(key)), n)
            for key, n in counts.items()
        ]
        return self.in_order(rows, selected)

    def named_rows(self, counts: Counter, selected: list[str]) -> Rows:
        """Rows for ids of a model: slugs and names of the leading ids (one query)."""
        leading = counts.most_common()
        if len(leading) > self.size:
            floor = leading[self.size][1]  # keep ties at the cut, to sort by name
            leading = [(key, n) for key, n in leading if n >= floor][:MAX_TIED]
        names = (
            self.labelled()
            .filter(Q(pk__in=[key for key, _ in leading]) | Q(slug__in=selected))
            .values_list("pk", "slug", "shown")
        )
        by_id = {pk: (slug, name) for pk, slug, name in names}
        rows = [(*by_id[key], counts[key]) for key, _ in leading if key in by_id]
        return self.in_order(rows, selected)

    def in_order(self, rows: Rows, selected: list[str]) -> Rows:
        if self.order == "latest":
            rows.sort(key=lambda row: -int(row[0]))
        elif self.order == "choices":
            rank = {value: n for n, value in enumerate(self.choices)}
            rows.sort(key=lambda row: rank.get(row[0], len(rank)))
        else:
            rows.sort(key=lambda row: (-row[2], row[1]))
        rows.sort(key=lambda row: row[0] not in selected)  # stable: selected first
        return rows[: self.size + 1]


MAX_TIED = 500  # values tied at the cut that are sorted by name


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
    return count_results(filterset_class, specs, params, base).facets


@dataclass(frozen=True)
class Counted:
    """The facets and the number of results, either possibly an estimate."""

    facets: list[Facet]
    total: int
    total_estimated: bool
    rows: RowSearch | None = None  # the search on the narrow table, if it can be


def count_results(
    filterset_class: type[SearchFilterSet],
    specs: list[FacetSpec],
    params: Params,
    base: QuerySet,
) -> Counted:
    """Facet counts and the number of results (see briefings/searchpage/counting.py)."""
    names = tuple(spec.name for spec in specs)
    selected = {
        spec.name: valid_selection(filterset_class, spec.name, params.values(spec.name))
        for spec in specs
    }
    chosen = {
        spec.name: spec.chosen_keys(
            selected[spec.name], converter(filterset_class, spec)
        )
        for spec in specs
        if selected[spec.name]
    }
    counting = Counting(
        specs,
        chosen,
        matching=filtered(filterset_class, params.data, base, without=names),
        narrowed=lambda names: filtered_but_one_of(
            filterset_class, params.data, base, names
        ),
        text_matches=lambda: text_bound(base.model, params),
        rows=row_search(filterset_class, params.data, chosen),
    )
    result = counting.count()
    expanded = params.data.get(ALL_PARAM)
    facets = []
    for spec in specs:
        if spec.name == expanded:
            spec = replace(spec, size=max(spec.size, ALL_SIZE))
        counts = Counter(result.counts[spec.name])
        unknown = counts.pop(UNKNOWN, 0)
        chosen_values = [v for v in selected[spec.name] if v != UNKNOWN]
        rows = spec.rows(counts, chosen_values)
        facet = make_facet(spec, rows, chosen_values, params)
        facet = with_unknown(facet, spec, unknown, selected[spec.name], params)
        facets.append(
            with_more(facet, spec, expanded, params, spec.name in result.estimated)
        )
    return Counted(facets, result.total, result.total_estimated, counting.rows)


def with_unknown(
    facet: Facet, spec: FacetSpec, count: int, selected: list[str], params: Params
) -> Facet:
    """The facet with its bucket of records without a value ("Undated", "No
    publication") last, so the values' counts add up to the number of results."""
    chosen = UNKNOWN in selected
    if not spec.unknown or not (count or chosen):
        return facet
    bucket = FacetValue(
        UNKNOWN, spec.unknown, count, chosen, params.toggle(spec.name, UNKNOWN)
    )
    return replace(facet, values=[*facet.values, bucket])


def with_more(
    facet: Facet, spec: FacetSpec, expanded: str | None, params: Params, estimated: bool
) -> Facet:
    """Links to every value of a cut-off facet, and back to the most frequent."""
    more = params.url({ALL_PARAM: spec.name}) if facet.truncated else None
    fewer = params.url({ALL_PARAM: None}) if expanded == spec.name else None
    return replace(facet, estimated=estimated, more_url=more, fewer_url=fewer)


def converter(filterset_class: type[SearchFilterSet], spec: FacetSpec) -> Callable:
    return filterset_class.base_filters[spec.name].extra.get("convert", text_value)


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


def year_of(date_field: str) -> ExpressionWrapper:
    return ExpressionWrapper(DayNumber(date_field) / 10000, IntegerField())


def yes_or_no(condition: Exists) -> Case:
    return Case(When(condition, then=Value(YES)), default=Value(NO))


UNDATED, NO_PUBLICATION = "Undated", "No publication"

# Authors and speakers are people or organisations: a facet says which.
PERSON_LABEL = Case(
    When(
        kind=PersonKind.ORGANISATION,
        then=Concat(F("name"), Value(" (organisation)")),
    ),
    default=F("name"),
    output_field=CharField(),
)

ARTICLE_FACETS = [
    FacetSpec(
        "publication",
        "Publication",
        "briefing__publication_id",
        named=Publication,
        unknown=NO_PUBLICATION,
    ),
    FacetSpec(
        "year",
        "Year",
        "briefing__published_on",
        expression=year_of("briefing__published_on"),
        order="latest",
        size=YEAR_FACET_SIZE,
        unknown=UNDATED,
    ),
    FacetSpec(
        "topic",
        "Topic",
        links=Links(ArticleTopic, "article_id", "topic_id"),
        named=Topic,
    ),
    FacetSpec(
        "author",
        "Author",
        links=Links(ArticleAuthor, "article_id", "person_id"),
        named=Person,
        label=PERSON_LABEL,
    ),
    FacetSpec("outlet", "Original outlet", "outlet", unknown="No original outlet"),
    FacetSpec("section", "Section", "section", unknown="No section"),
    FacetSpec("kind", "Kind of article", "kind", choices=dict(ArticleKind.choices)),
    FacetSpec(
        "has_claims",
        "Claims",
        "has_public_claims",
        expression=yes_or_no(Exists(published_claims_of())),
        choices={YES: "With claims", NO: "Without claims"},
        order="choices",
    ),
]

CLAIM_FACETS = [
    FacetSpec(
        "speaker",
        "Speaker",
        "speaker_id",
        named=Person,
        label=PERSON_LABEL,
        unknown="Not attributed",
    ),
    FacetSpec("kind", "Kind of claim", "kind", choices=dict(ClaimKind.choices)),
    FacetSpec("unit", "Unit", links=Links(Figure, "claim_id", "unit")),
    FacetSpec(
        "topic",
        "Topic",
        links=Links(ArticleTopic, "article_id", "topic_id", via="article_id"),
        named=Topic,
    ),
    FacetSpec(
        "publication",
        "Publication",
        "article__briefing__publication_id",
        named=Publication,
        unknown=NO_PUBLICATION,
    ),
    FacetSpec(
        "year",
        "Year",
        "article__briefing__published_on",
        expression=year_of("article__briefing__published_on"),
        order="latest",
        size=YEAR_FACET_SIZE,
        unknown=UNDATED,
    ),
]


def text_bound(model, params: Params) -> int | None:
    """How many records the full-text index matches (an upper bound of the count)."""
    query = text_bound_query(params.data.get("q"), params.data)
    return None if query is None else match_count(model, query)
