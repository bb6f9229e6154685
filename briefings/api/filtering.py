"""The API's filters: the search page's FilterSets, applied as the page applies them.

``ArticleFilter`` and ``ClaimFilter`` are reused, not redefined: the same parameters,
repeatable facets ORed, invalid values ignored, ranking by ``q`` and the same sorts,
so ``/api/v1/articles/?…`` lists exactly what ``/search/?…`` shows. The OpenAPI
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
from ..searchpage.facets import Params
from ..searchpage.filters import (
    SORTS,
    AnyOfFilter,
    filtered,
    resolve_sort,
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
    "publication": "Publication slug.",
    "topic": "Topic slug.",
    "author": "Author (person or organisation) slug.",
    "speaker": "Speaker (person or organisation) slug.",
    "year": "Year of publication.",
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
    """The parsed ``q``; a 400 when it is longer than the search box allows."""
    raw = request.query_params.get("q", "")
    if len(raw) > MAX_QUERY_CHARS:
        raise ValidationError({"q": [f"At most {MAX_QUERY_CHARS} characters."]})
    return parse_query(raw)


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
    kind = int if convert is year_value else str
    enum = ["yes", "no"] if convert is yes_no_value else None
    return OpenApiParameter(
        name,
        kind,
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


class FilterSetBackend(BaseFilterBackend):
    """The view's FilterSet, invalid values ignored (as on the search page)."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view) -> QuerySet:
        return filtered(view.filterset_class, request.query_params, queryset)


class SearchBackend(BaseFilterBackend):
    """Articles or claims as the search page lists them: its filters, ``q``
    ranked, sorted by ``sort``."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view) -> QuerySet:
        query = checked_query(request)
        sort = resolve_sort(
            request.query_params.get("sort"), has_query=not query.is_empty
        )
        params = Params(request.path, request.query_params)
        return ranked_results(view.tab, params, queryset, query, sort)
