"""The API's filters: the search page's FilterSets, applied as the page applies them.

``ArticleFilter`` and ``ClaimFilter`` are reused, not redefined: the same parameters,
repeatable facets ORed, ranking by ``q`` and the same sorts,
so ``/api/v1/articles/?…`` lists exactly what ``/search/?…`` shows; only an invalid
value differs: the page drops it, the API answers 400 naming it. The OpenAPI
parameters are read from the FilterSets too.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django_filters import DateFilter, FilterSet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend
from rest_framework.request import Request

from ..search import Query, parse_query
from ..search.query import max_terms, too_many_terms
from ..searchpage.facets import Params
from ..searchpage.filters import (
    SORTS,
    AnyOfFilter,
    filtered,
    iso_date,
    resolve_sort,
    text_value,
    year_value,
    yes_no_value,
)
from ..searchpage.tabs import ranked_results

MAX_QUERY_CHARS = 1000  # as the search box's maxlength

HELP = {
    "q": 'Search words, all of which must appear; "exact phrase", -leave_out, '
    "a OR b. Results are then ranked by relevance.",
    "from": "Published on or after this date.",
    "to": "Published on or before this date.",
    "publication": "Publication slug; none: without a publication.",
    "topic": "Topic slug.",
    "author": "Author (person or organisation) slug.",
    "speaker": "Speaker (person or organisation) slug.",
    "year": "Year of publication; none: undated.",
    "has_claims": "yes: articles with claims; no: without.",
    "unit": "Unit of a figure in the claim, e.g. % or CNY.",
    "kind": "Kind of record.",
    "outlet": "Outlet an item was first published in.",
    "section": "Section of the briefing.",
}
SORT = OpenApiParameter(
    "sort",
    str,
    enum=list(SORTS),
    description="relevance (only with q; the default then), newest (the default "
    "otherwise) or oldest.",
)


def checked_query(request: Request) -> Query:
    """The parsed ``q``; a 400 when it is longer than the search box allows or has
    more terms than a search may (the page uses the first ones and says so; a
    program is told rather than given fewer results than it asked for)."""
    raw = request.query_params.get("q", "")
    if len(raw) > MAX_QUERY_CHARS:
        raise ValidationError({"q": [f"At most {MAX_QUERY_CHARS} characters."]})
    query = parse_query(raw)
    if too_many_terms(max_terms()) in query.notices:
        raise ValidationError(
            {
                "q": [
                    f"At most {max_terms()} terms (each word, phrase, excluded word "
                    "and OR alternative counts)."
                ]
            }
        )
    return query


def choices_of(model, field_name: str | None) -> list[str] | None:
    """The choices of a plain model field the filter reads, if it has any."""
    if not field_name or "__" in field_name:
        return None
    choices = model._meta.get_field(field_name).choices
    return [value for value, _ in choices] if choices else None


def parameter_for(name: str, spec, model) -> OpenApiParameter:
    """One filter as an OpenAPI query parameter (facets repeat: ``?a=x&a=y``)."""
    description = HELP.get(name, spec.label or name)
    if isinstance(spec, DateFilter):
        return OpenApiParameter(name, OpenApiTypes.DATE, description=description)
    if not isinstance(spec, AnyOfFilter):
        return OpenApiParameter(name, str, description=description)
    convert = spec.extra.get("convert")
    convert = getattr(convert, "wrapped", convert)  # the type beside "none"
    if convert is year_value:  # refused outside 1–9998 (400), so the schema says so
        years = {"type": "integer", "minimum": 1, "maximum": 9998}
        return OpenApiParameter(
            name,
            {"type": "array", "items": years},
            explode=True,
            style="form",
            description=f"{description} Repeat to match any of several.",
        )
    enum = ["yes", "no"] if convert is yes_no_value else None
    return OpenApiParameter(
        name,
        str,
        many=True,
        explode=True,
        style="form",
        enum=enum or (None if spec.condition else choices_of(model, spec.field_name)),
        description=f"{description} Repeat to match any of several.",
    )


def filter_parameters(filterset_class: type[FilterSet]) -> list[OpenApiParameter]:
    """The FilterSet's parameters, in its order."""
    return [
        parameter_for(name, spec, filterset_class._meta.model)
        for name, spec in filterset_class.base_filters.items()
    ]


EXPECTED = {year_value: "a year such as 2024", yes_no_value: "yes or no"}


def check_filters(filterset_class: type[FilterSet], params) -> None:
    """A 400 naming each invalid filter value (``?year=abc``): a program asking for
    a filter it spelled wrong must not silently get everything. (The search page,
    read by people, drops such values instead.)"""
    errors: dict[str, list[str]] = {}
    for name, spec in filterset_class.base_filters.items():
        for raw in params.getlist(name):
            if raw == "" or valid_value(spec, raw):
                continue
            errors.setdefault(name, []).append(
                f"{raw[:50]!r} is not a valid value: expected {expected(spec)}."
            )
    if errors:
        raise ValidationError(errors)


def valid_value(spec, raw: str) -> bool:
    """Whether a typed value (a date, a year, yes or no) reads as its type. A text
    value (a slug, an outlet) is any text: one no record has simply matches none."""
    if isinstance(spec, DateFilter):
        return iso_date(raw) is not None
    convert = spec.extra.get("convert") if isinstance(spec, AnyOfFilter) else None
    if getattr(convert, "wrapped", convert) in (None, text_value):
        return True
    try:
        convert(raw)
    except ValueError:
        return False
    return True


def expected(spec) -> str:
    if isinstance(spec, DateFilter):
        return "a date as YYYY-MM-DD"
    convert = spec.extra.get("convert")
    wrapped = getattr(convert, "wrapped", convert)
    what = EXPECTED.get(wrapped, "a short text")
    return f"{what}, or none" if wrapped is not convert else what


class FilterSetBackend(BaseFilterBackend):
    """The view's FilterSet; an invalid value is a 400 (see ``check_filters``)."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view) -> QuerySet:
        check_filters(view.filterset_class, request.query_params)
        return filtered(view.filterset_class, request.query_params, queryset)


class SearchBackend(BaseFilterBackend):
    """Articles or claims as the search page lists them: its filters, ``q``
    ranked, sorted by ``sort``."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view) -> QuerySet:
        check_filters(view.tab.filterset, request.query_params)
        query = checked_query(request)
        sort = resolve_sort(
            request.query_params.get("sort"), has_query=not query.is_empty
        )
        params = Params(request.path, request.query_params)
        return ranked_results(view.tab, params, queryset, query, sort)
