"""The read-only JSON API under /api/v1/.

Django REST framework viewsets over public records only: an article or claim an
editor hid answers 410, as its page does. Articles and claims take the search page's
parameters (``briefings.searchpage.filters``) and list exactly its hits, in its order; the
search endpoints add the page's facet counts and highlighted snippets. Pages of 20,
``page_size`` up to 100.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet
from django_filters import FilterSet
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.generics import GenericAPIView, get_object_or_404
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import ReadOnlyModelViewSet

from ..models import (
    PUBLIC_CLAIMS,
    Article,
    Briefing,
    Claim,
    Person,
    PersonKind,
    Publication,
    Term,
    TermRendering,
    Topic,
    kept_count,
)
from ..searchpage.facets import Facet, Params, build_facets
from ..searchpage.filters import (
    AnyOfFilter,
    ArticleFilter,
    ClaimFilter,
    in_years,
    resolve_sort,
    year_value,
)
from ..searchpage.page import notices_for
from ..searchpage.tabs import (
    ARTICLES,
    CLAIMS,
    Tab,
    article_snippet,
    claim_sentence,
    ranked_results,
)
from ..searchpage.terms import MAX_QUERY_CHARS as MAX_TERM_QUERY_CHARS
from ..searchpage.terms import find_terms
from . import serializers as s
from .filtering import (
    SORT,
    FilterSetBackend,
    SearchBackend,
    check_filters,
    checked_query,
    filter_parameters,
)
from .pagination import MAX_PAGE_SIZE, PAGE_SIZE, Pages

ERRORS = {
    400: OpenApiResponse(description="A parameter is invalid (e.g. q too long)."),
    404: OpenApiResponse(description="No such record, or no such page."),
}
GONE = {410: OpenApiResponse(description="An editor removed the record.")}


class Gone(APIException):
    status_code = 410
    default_detail = "This record was removed from the archive."
    default_code = "gone"


class BriefingFilter(FilterSet):
    publication = AnyOfFilter("publication__slug")
    year = AnyOfFilter(condition=in_years("published_on"), convert=year_value)

    class Meta:
        model = Briefing
        fields: list[str] = []


RECORD_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The record's id (a whole number)."
)


def documented(
    noun: str,
    plural: str,
    parameters: list[OpenApiParameter],
    listed: type,
    detailed: type | None = None,
    *,
    gone: bool = False,
):
    """Summaries, parameters and answers of a viewset's list and detail."""
    detail_errors = {404: ERRORS[404], **(GONE if gone else {})}
    return extend_schema_view(
        list=extend_schema(
            summary=f"List {plural}",
            parameters=parameters,
            responses={200: listed(many=True), **ERRORS},
        ),
        retrieve=extend_schema(
            summary=f"One {noun}",
            parameters=[RECORD_ID],
            responses={200: detailed or listed, **detail_errors},
        ),
    )


class RecordViewSet(ReadOnlyModelViewSet):
    lookup_value_regex = r"[0-9]+"
    pagination_class = Pages
    detail_serializer_class = None

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return self.serializer_class


@documented(
    "briefing",
    "briefings",
    filter_parameters(BriefingFilter),
    s.BriefingSerializer,
    s.BriefingDetailSerializer,
)
class BriefingViewSet(RecordViewSet):
    """Briefings, newest first, with their public articles in the detail."""

    serializer_class = s.BriefingSerializer
    detail_serializer_class = s.BriefingDetailSerializer
    filter_backends = [FilterSetBackend]
    filterset_class = BriefingFilter

    def get_queryset(self) -> QuerySet:
        return (
            Briefing.objects.select_related("publication")
            .prefetch_related("editors")
            .defer("source_text", "imported_values")
            .annotate(article_count=kept_count("briefing"))
            .order_by("-published_on", "-id")
        )


def with_people_and_topics(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("briefing__publication").with_authors().with_topics()


class SearchableViewSet(RecordViewSet):
    """Articles or claims: the search page's filters on the list, 410 when hidden."""

    filter_backends = [SearchBackend]
    tab: Tab

    def get_queryset(self) -> QuerySet:
        return self.tab.base()

    def get_object(self):
        record = get_object_or_404(self.detail_queryset(), pk=self.kwargs["pk"])
        if not record.is_public:
            raise Gone
        return record

    def detail_queryset(self) -> QuerySet:
        raise NotImplementedError


@documented(
    "article",
    "articles",
    [*filter_parameters(ArticleFilter), SORT],
    s.ArticleSerializer,
    s.ArticleDetailSerializer,
    gone=True,
)
class ArticleViewSet(SearchableViewSet):
    """Public articles; the list takes the search page's parameters."""

    tab = ARTICLES
    filterset_class = ArticleFilter
    serializer_class = s.ArticleSerializer
    detail_serializer_class = s.ArticleDetailSerializer

    def detail_queryset(self) -> QuerySet:
        return with_people_and_topics(Article.objects.all()).annotate(
            claim_count=Count("claims", filter=PUBLIC_CLAIMS)
        )


@documented(
    "claim",
    "claims",
    [*filter_parameters(ClaimFilter), SORT],
    s.ClaimSerializer,
    gone=True,
)
class ClaimViewSet(SearchableViewSet):
    """Public claims; the list takes the claim search's parameters."""

    tab = CLAIMS
    filterset_class = ClaimFilter
    serializer_class = s.ClaimSerializer

    def detail_queryset(self) -> QuerySet:
        return Claim.objects.select_related(
            "speaker", "article__briefing__publication"
        ).prefetch_related("figures")


@documented("topic", "topics", [], s.TopicSerializer)
class TopicViewSet(RecordViewSet):
    """Topics; the list leaves out topics merged into others (their detail says
    where they went: ``merged_into``)."""

    serializer_class = s.TopicSerializer

    def get_queryset(self) -> QuerySet:
        topics = Topic.objects.annotate(article_count=kept_count("topic")).order_by(
            "group", "name", "id"
        )
        return topics.filter(merged_into=None) if self.action == "list" else topics


KIND = OpenApiParameter(
    "kind",
    str,
    enum=PersonKind.values,
    description="Only people, or only organisations.",
)


@documented("person", "people", [KIND], s.PersonSerializer)
class PersonViewSet(RecordViewSet):
    """Authors, editors and speakers: people and organisations (``kind``)."""

    serializer_class = s.PersonSerializer

    def get_queryset(self) -> QuerySet:
        people = Person.objects.order_by("name", "id")
        kind = self.request.query_params.get("kind")
        if self.action != "list" or kind is None:
            return people
        if kind not in PersonKind.values:
            choices = " or ".join(PersonKind.values)
            raise ValidationError({"kind": [f"Choose {choices}."]})
        return people.filter(kind=kind)


@documented("publication", "publications", [], s.PublicationSerializer)
class PublicationViewSet(RecordViewSet):
    serializer_class = s.PublicationSerializer
    queryset = Publication.objects.annotate(
        briefing_count=kept_count("publication")
    ).order_by("name", "id")


@documented("term", "terms", [], s.TermSerializer)
class TermViewSet(RecordViewSet):
    """Chinese terms with their English renderings in public articles; the list
    leaves out hidden terms and those merged into others."""

    serializer_class = s.TermSerializer

    def get_queryset(self) -> QuerySet:
        renderings = TermRendering.objects.public().select_related(
            "article__briefing__publication"
        )
        renderings = renderings.order_by("article__briefing__published_on", "id")
        terms = Term.objects.filter(is_published=True).prefetch_related(
            Prefetch("renderings", renderings, to_attr="public_renderings")
        )
        if self.action == "list":
            terms = terms.filter(merged_into=None, pk__in=Term.objects.public())
        return terms.order_by("simplified", "id")


# Search: a page of hits with the facet counts, as the search page shows them.

PAGING = [
    OpenApiParameter("page", int, description="The page number (from 1)."),
    OpenApiParameter(
        "page_size",
        int,
        description=f"Hits per page (default {PAGE_SIZE}, at most {MAX_PAGE_SIZE}).",
    ),
]


def facet_data(facet: Facet, request: Request) -> dict:
    return {
        "name": facet.name,
        "title": facet.title,
        "truncated": facet.truncated,
        "values": [
            {
                "value": value.value,
                "label": value.label,
                "count": value.count,
                "selected": value.selected,
                "toggle_url": request.build_absolute_uri(value.toggle_url),
            }
            for value in facet.values
        ],
    }


class SearchView(GenericAPIView):
    """Articles matching ``q`` and the filters, ranked, with facet counts."""

    tab = ARTICLES
    hit_serializer = s.ArticleHitSerializer
    pagination_class = Pages

    @extend_schema(
        summary="Search articles",
        parameters=[*filter_parameters(ArticleFilter), SORT, *PAGING],
        responses={200: s.ArticleSearchSerializer, **ERRORS},
    )
    def get(self, request: Request) -> Response:
        return Response(self.answer(request))

    def answer(self, request: Request) -> dict:
        check_filters(self.tab.filterset, request.query_params)
        query = checked_query(request)
        raw = request.query_params.get("q", "")
        sort = resolve_sort(
            request.query_params.get("sort"), has_query=not query.is_empty
        )
        params = Params(request.path, request.query_params)
        base = self.tab.base()
        facets = build_facets(self.tab.filterset, self.tab.facets, params, base)
        hits = self.paginate_queryset(
            ranked_results(self.tab, params, base, query, sort)
        )
        for hit in hits:
            self.mark(hit, query)
        context = self.get_serializer_context()
        return {
            "count": self.paginator.page.paginator.count,
            "next": self.paginator.get_next_link(),
            "previous": self.paginator.get_previous_link(),
            "q": raw,
            "sort": sort,
            "notices": notices_for(raw, query),
            "facets": [facet_data(f, request) for f in facets if f.values],
            "results": self.hit_serializer(hits, many=True, context=context).data,
        }

    def mark(self, article: Article, query) -> None:
        article.snippet_html = str(article_snippet(article, query))


class ClaimSearchView(SearchView):
    """Claims matching ``q`` and the filters, ranked, with facet counts."""

    tab = CLAIMS
    hit_serializer = s.ClaimHitSerializer

    @extend_schema(
        summary="Search claims",
        parameters=[*filter_parameters(ClaimFilter), SORT, *PAGING],
        responses={200: s.ClaimSearchSerializer, **ERRORS},
    )
    def get(self, request: Request) -> Response:
        return Response(self.answer(request))

    def mark(self, claim: Claim, query) -> None:
        claim.text_html = str(claim_sentence(claim, query))


class TermSearchView(GenericAPIView):
    """Chinese terms matching ``q`` by either script, pinyin or an English
    rendering, as the search page's Terms tab lists them."""

    pagination_class = Pages
    serializer_class = s.TermHitSerializer

    @extend_schema(
        summary="Search terms",
        parameters=[
            OpenApiParameter(
                "q", str, description="A term in either script, pinyin or English."
            ),
            *PAGING,
        ],
        responses={200: s.TermSearchSerializer, **ERRORS},
    )
    def get(self, request: Request) -> Response:
        raw = request.query_params.get("q", "")
        if len(raw) > MAX_TERM_QUERY_CHARS:
            raise ValidationError(
                {"q": [f"At most {MAX_TERM_QUERY_CHARS} characters."]}
            )
        hits = self.paginate_queryset(find_terms(raw))
        return Response(
            {
                "count": self.paginator.page.paginator.count,
                "next": self.paginator.get_next_link(),
                "previous": self.paginator.get_previous_link(),
                "q": raw,
                "results": self.get_serializer(hits, many=True).data,
            }
        )
