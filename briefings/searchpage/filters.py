"""django-filter FilterSets for the search page: the query ``q`` and the facet filters.

Every parameter is a short, stable GET name so that a search is a permalink. A facet
may repeat (``?topic=a&topic=b``): values are ORed within a facet, facets are ANDed.
Many-to-many facets filter through ``id__in`` subqueries, so rows never duplicate.
Invalid values (``year=abc``, ``from=2024-13-45``) are dropped, never an error.
A facet whose records may have no value (no publication, no date) also takes
``none`` (``UNKNOWN``): the records without one, so its counts add up to the total.
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import Callable
from functools import reduce
from typing import Any

from django import forms
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.expressions import OrderBy
from django.http import QueryDict
from django_filters import DateFilter, Filter, FilterSet

from ..models import (
    Article,
    ArticleAuthor,
    ArticleTopic,
    Claim,
    Figure,
    Person,
    Publication,
    Topic,
)
from ..search import Query, matching, parse_query
from ..search.expansion import expand

MAX_VALUES = 20  # values kept per facet parameter
MAX_VALUE_CHARS = 200
SORTS = ("relevance", "newest", "oldest")
YES, NO = "yes", "no"
UNKNOWN = "none"  # the facet value of records without one (undated, no publication)


def public_articles() -> QuerySet[Article]:
    """Articles readers may see (the search tabs take a callable base)."""
    return Article.objects.public()


def public_claims() -> QuerySet[Claim]:
    """Claims readers may see: published, still in the source, in a public article."""
    return Claim.objects.public()


def published_claims_of(article_ref: str = "pk") -> QuerySet[Claim]:
    """Public claims of the article referred to by ``OuterRef(article_ref)``."""
    return Claim.objects.filter(
        article=OuterRef(article_ref), is_published=True, is_in_source=True
    )


# Converters: a raw GET value in, a clean value out, ValueError when invalid.


def text_value(raw: str) -> str:
    value = raw.strip()
    if not value or len(value) > MAX_VALUE_CHARS or min(map(ord, value)) < 32:
        raise ValueError(raw)  # PostgreSQL refuses NUL; no stored value has controls
    return value


def year_value(raw: str) -> int:
    year = int(raw.strip())
    if not 1 <= year <= 9998:
        raise ValueError(raw)
    return year


def yes_no_value(raw: str) -> str:
    value = raw.strip().lower()
    if value not in (YES, NO):
        raise ValueError(raw)
    return value


def iso_date(raw: str | None) -> datetime.date | None:
    """An ISO date (YYYY-MM-DD), or None when the text is not one."""
    try:
        return datetime.date.fromisoformat((raw or "").strip())
    except ValueError:
        return None


class ValuesField(forms.Field):
    """A repeatable GET parameter as a list of clean values; invalid ones dropped."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, convert: Callable[[str], Any] = text_value, **kwargs):
        super().__init__(**kwargs)
        self.convert = convert

    def to_python(self, value: Any) -> list:
        raw_values = value if isinstance(value, list | tuple) else [value]
        values = []
        for raw in raw_values[: MAX_VALUES * 2]:
            try:
                clean = self.convert(str(raw or ""))
            except ValueError:
                continue
            if clean not in values:
                values.append(clean)
        return values[:MAX_VALUES]


class AnyOfFilter(Filter):
    """Rows matching any of the values: ``<field>__in`` or a ``condition(values)``."""

    field_class = ValuesField

    def __init__(
        self,
        field_name: str | None = None,
        *,
        condition: Callable[[list], Q] | None = None,
        unknown: Q | None = None,
        **kwargs,
    ):
        kwargs.setdefault("label", field_name or "")
        if unknown is not None:
            kwargs["convert"] = or_unknown(kwargs.get("convert", text_value))
        super().__init__(field_name=field_name, **kwargs)
        self.condition = condition
        self.unknown = unknown  # the records with no value: ``none`` selects them

    def filter(self, qs: QuerySet, value: list) -> QuerySet:
        return qs.filter(self.condition_of(value)) if value else qs

    def condition_of(self, value: list) -> Q:
        """The rows with any of the values (``Q()``: every row, no value chosen)."""
        known = [v for v in value if v != UNKNOWN]
        q = self.unknown if self.unknown is not None and UNKNOWN in value else Q()
        if known:
            if self.condition is not None:
                matches = self.condition(known)
            else:
                matches = Q(**{f"{self.field_name}__in": known})
            q = q | matches if q else matches
        return q


def or_unknown(convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """A converter that also accepts ``none``, the facet's bucket of no value."""

    def converted(raw: str) -> Any:
        return UNKNOWN if raw.strip().lower() == UNKNOWN else convert(raw)

    converted.wrapped = convert  # type: ignore[attr-defined]
    return converted


def in_years(date_field: str) -> Callable[[list[int]], Q]:
    """A condition: the date falls in any of the years (index-friendly ranges)."""

    def condition(years: list[int]) -> Q:
        q = Q(pk__in=[])
        for year in years:
            q |= Q(
                **{
                    f"{date_field}__gte": datetime.date(year, 1, 1),
                    f"{date_field}__lt": datetime.date(year + 1, 1, 1),
                }
            )
        return q

    return condition


def ids_of(model: type, slugs: list[str]) -> list[int]:
    """The ids of the records with these slugs, read first: as constants the planner
    finds them in its statistics, where a join on the slug would hide which record is
    meant and plan a prolific author's hundred thousand articles as an average few.
    Never empty (``IN ()`` is no SQL): no record's id is 0."""
    ids = list(model.objects.filter(slug__in=slugs).values_list("pk", flat=True))
    return ids or [0]


def named(field: str, model: type) -> Callable[[list], Q]:
    """A condition: the foreign key ``field`` is one of the records with these slugs."""

    def condition(slugs: list) -> Q:
        return Q(**{f"{field}__in": ids_of(model, slugs)})

    return condition


def via(
    model: type, column: str, lookup: str, own: str = "id", slugs_of: type | None = None
) -> Callable:
    """A condition through another table: ``own IN (SELECT column ... WHERE lookup)``;
    with ``slugs_of``, the values are slugs of that model and ``lookup`` its id."""

    def condition(values: list) -> Q:
        if slugs_of is not None:
            values = ids_of(slugs_of, values)
        rows = model.objects.filter(**{f"{lookup}__in": values}).values(column)
        return Q(**{f"{own}__in": rows})

    return condition


def claims_condition(values: list[str]) -> Q:
    """``yes``: articles with a public claim; ``no``: without; both: everything."""
    exists = Exists(published_claims_of())
    if set(values) >= {YES, NO}:
        return Q()
    return Q(exists) if YES in values else ~Q(exists)


class SearchFilterSet(FilterSet):
    """Shared by both tabs: ``q``, and ``from``/``to`` on ``date_field``."""

    date_field = ""
    orderings: dict[str, list] = {}
    # A plain Field: CharField would reject a NUL byte and silently drop the query
    # from the facet counts; parse_query cleans any text.
    q = Filter(method="filter_q", label="Search")

    @classmethod
    def get_filters(cls) -> dict[str, Filter]:
        """The declared filters plus ``from``/``to`` (Python keywords, so added here)."""
        filters = super().get_filters()
        if cls.date_field:
            for name, lookup in (("from", "gte"), ("to", "lte")):
                filters[name] = DateFilter(
                    field_name=cls.date_field,
                    lookup_expr=lookup,
                    label=name,
                    input_formats=["%Y-%m-%d"],
                )
        return filters

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """What the query matches, and, expanded through the archive's terms
        unless the reader switched that off (``expand=0``), what its term's Chinese
        and other renderings match (search/expansion.py)."""
        query = parse_query(value)
        expansion = expand(query, enabled=self.data.get("expand") != "0")
        if not expansion.also:
            return matching(queryset, query)
        return matching(queryset, query) | matching(queryset, expansion.query)


def text_bound_query(text: str | None, data) -> Query | None:
    """The query whose full-text matches bound the results' count: none when it is
    expanded (the results are then a union)."""
    query = parse_query(text)
    if expand(query, enabled=data.get("expand") != "0").also:
        return None
    return query


def date_order(field: str, *, descending: bool) -> OrderBy:
    if descending:
        return F(field).desc(nulls_last=True)
    return F(field).asc(nulls_last=True)


class ArticleFilter(SearchFilterSet):
    date_field = "briefing__published_on"
    orderings = {
        "relevance": ["-rank", date_order(date_field, descending=True), "position"],
        "newest": [date_order(date_field, descending=True), "-briefing_id", "position"],
        "oldest": [date_order(date_field, descending=False), "briefing_id", "position"],
    }

    publication = AnyOfFilter(
        condition=named("briefing__publication_id", Publication),
        unknown=Q(briefing__publication_id=None),
    )
    topic = AnyOfFilter(
        condition=via(ArticleTopic, "article_id", "topic_id", slugs_of=Topic)
    )
    author = AnyOfFilter(
        condition=via(ArticleAuthor, "article_id", "person_id", slugs_of=Person)
    )
    outlet = AnyOfFilter("outlet", unknown=Q(outlet=""))
    section = AnyOfFilter("section", unknown=Q(section=""))
    kind = AnyOfFilter("kind")
    year = AnyOfFilter(
        condition=in_years(date_field),
        convert=year_value,
        unknown=Q(**{f"{date_field}__isnull": True}),
    )
    has_claims = AnyOfFilter(condition=claims_condition, convert=yes_no_value)

    class Meta:
        model = Article
        fields: list[str] = []


class ClaimFilter(SearchFilterSet):
    date_field = "article__briefing__published_on"
    orderings = {
        "relevance": ["-rank", date_order(date_field, descending=True), "position"],
        "newest": [date_order(date_field, descending=True), "-article_id", "position"],
        "oldest": [date_order(date_field, descending=False), "article_id", "position"],
    }

    speaker = AnyOfFilter(
        condition=named("speaker_id", Person), unknown=Q(speaker_id=None)
    )
    kind = AnyOfFilter("kind")
    unit = AnyOfFilter(condition=via(Figure, "claim_id", "unit"))
    topic = AnyOfFilter(
        condition=via(
            ArticleTopic, "article_id", "topic_id", own="article_id", slugs_of=Topic
        )
    )
    publication = AnyOfFilter(
        condition=named("article__briefing__publication_id", Publication),
        unknown=Q(article__briefing__publication_id=None),
    )
    year = AnyOfFilter(
        condition=in_years(date_field),
        convert=year_value,
        unknown=Q(**{f"{date_field}__isnull": True}),
    )

    class Meta:
        model = Claim
        fields: list[str] = []


def filtered(
    filterset_class: type[SearchFilterSet],
    params: QueryDict,
    queryset: QuerySet,
    without: tuple[str, ...] = (),
) -> QuerySet:
    """The queryset narrowed by every parameter except those named in ``without``."""
    data = params.copy()
    for name in without:
        data.pop(name, None)
    return filterset_class(data, queryset=queryset).qs


def filtered_but_one_of(
    filterset_class: type[SearchFilterSet],
    params: QueryDict,
    queryset: QuerySet,
    names: tuple[str, ...],
) -> QuerySet:
    """The queryset narrowed by every parameter, of which a record may fail one of
    those named in ``names``: the records of each of those facets' counts (each
    counted over the records passing every filter but its own), read at once."""
    records = filtered(filterset_class, params, queryset, without=names)
    if len(names) < 2:
        return records
    conditions = facet_conditions(filterset_class, params, names)
    all_but = [
        reduce(operator.and_, [conditions[other] for other in names if other != name])
        for name in names
    ]
    if not all(all_but):  # Q(): a facet whose every value is chosen passes all
        return records
    return records.filter(reduce(operator.or_, all_but))


def facet_conditions(
    filterset_class: type[SearchFilterSet], params: QueryDict, names: tuple[str, ...]
) -> dict[str, Q]:
    """Each named facet's filter as a condition, from its cleaned parameters."""
    records = filterset_class._meta.model.objects.none()
    filterset = filterset_class(params, queryset=records)
    filterset.form.is_valid()
    cleaned = getattr(filterset.form, "cleaned_data", {})
    return {
        name: filterset.filters[name].condition_of(cleaned.get(name) or [])
        for name in names
    }


def resolve_sort(raw: str | None, *, has_query: bool) -> str:
    """The sort to use: relevance only with a query; newest by default without one."""
    if raw in SORTS and (raw != "relevance" or has_query):
        return raw
    return "relevance" if has_query else "newest"


def ordered(
    queryset: QuerySet, filterset_class: type[SearchFilterSet], sort: str
) -> QuerySet:
    """The queryset in the named order; ``pk`` last so pages never overlap."""
    return queryset.order_by(*filterset_class.orderings[sort], "pk")
