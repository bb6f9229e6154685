"""The search page (issue "Faceted full-text search"): articles, and a claims tab.

Every state is a GET parameter, so a search is a permalink. The flow is the house one:
parse the query → FilterSet → facets → rank, order and paginate → render. The page
takes a fixed number of queries whatever the archive's size (see tests/search).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from ..charts import build_chart
from ..facets import (
    ARTICLE_FACETS,
    CLAIM_FACETS,
    FacetSpec,
    Params,
    build_chips,
    count_results,
)
from ..filters import (
    ArticleFilter,
    ClaimFilter,
    SearchFilterSet,
    filtered,
    ordered,
    public_articles,
    public_claims,
    published_claims_of,
    resolve_sort,
)
from ..models import Article, ArticleAuthor, Claim, Figure, Person, Topic
from ..page_cache import cached_page
from ..results import Results, rank_window
from ..search import Query, highlight, marked_html, parse_query, planner_hints
from ..search import search as ranked
from ..search.expressions import START, STOP
from ..search.vocabulary import suggest

PER_PAGE = 20
SNIPPET_CHARS = 260
SHARED_PARAMS = ("q", "publication", "topic", "year", "from", "to", "sort")
SORT_LABELS = {"relevance": "Relevance", "newest": "Newest", "oldest": "Oldest"}
NO_DATES: dict[str, None] = {"from": None, "to": None}
EMPTY_QUERY_NOTICE = (
    "Your search has no words the archive indexes (very common words such as “the” "
    "and punctuation are left out), so everything is shown, newest first."
)


@dataclass(frozen=True)
class ArticleHit:
    article: Article
    url: str
    title_html: SafeString
    snippet_html: SafeString
    authors: list[Person]
    topics: list[Topic]


@dataclass(frozen=True)
class ClaimHit:
    claim: Claim
    text_html: SafeString
    article_url: str
    figures: list[Figure]


@dataclass(frozen=True)
class Tab:
    """One kind of record the page searches, and how to show it."""

    name: str
    label: str
    url_name: str
    noun: str
    filterset: type[SearchFilterSet]
    facets: list[FacetSpec]
    base: Callable[[], QuerySet]
    prepare: Callable[[QuerySet], QuerySet]
    hits: Callable[[list, Query], list]
    result_template: str


@cached_page
def search(request: HttpRequest) -> HttpResponse:
    """Search articles: query box, facets, year chart, ranked results, pages."""
    return search_page(request, ARTICLES)


@cached_page
def search_claims(request: HttpRequest) -> HttpResponse:
    """Search claims: the same page over sentences with figures, quotes, assertions."""
    return search_page(request, CLAIMS)


def search_page(request: HttpRequest, tab: Tab) -> HttpResponse:
    """Validate → FilterSet → facets → rank and paginate → render."""
    raw_q = request.GET.get("q", "")
    query = parse_query(raw_q)
    params = Params(request.path, request.GET)
    base = tab.base()
    sort = resolve_sort(request.GET.get("sort"), has_query=not query.is_empty)
    with planner_hints():
        counted = count_results(tab.filterset, tab.facets, params, base)
        results = Results(
            filtered(tab.filterset, params.data, base),
            counted.total,
            query,
            sort,
            tab.filterset,
            tab.prepare,
        )
        page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
        chart = build_chart(tab.filterset, params, base, counted.facets, tab.noun)
    facets = counted.facets
    context = {
        "total_estimated": counted.total_estimated,
        "tab": tab,
        "facets": [facet for facet in facets if facet.values],
        "chips": build_chips(facets, params),
        "clear_url": params.url({spec.name: None for spec in tab.facets} | NO_DATES),
        "chart": chart,
        "sort": sort,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
        "hits": tab.hits(list(page.object_list), query),
        **form_context(raw_q, query, params, ranking_note(counted.total, sort)),
        **suggestion_for(page, query, params),
    }
    return render(request, "briefings/search.html", context)


def ranked_results(
    tab: Tab, params: Params, base: QuerySet, query: Query, sort: str
) -> QuerySet:
    """The filtered records, matched and ranked by the query, in the chosen order."""
    queryset = filtered(tab.filterset, params.data, base, without=("q",))
    if not query.is_empty:
        queryset = ranked(queryset, query)
    return ordered(tab.prepare(queryset), tab.filterset, sort)


def form_context(
    raw_q: str, query: Query, params: Params, *extra_notices: str | None
) -> dict:
    """The query box, its notices, the tabs and the sort links."""
    notices = notices_for(raw_q, query) + [n for n in extra_notices if n]
    return {
        "q": raw_q,
        "query": query,
        "notices": notices,
        "tabs": tab_links(params),
        "sorts": sort_choices(query),
        "hidden_params": hidden_params(params),
    }


def ranking_note(total: int, sort: str) -> str | None:
    """Say so when relevance ranks only the newest matches (see results.py)."""
    window = rank_window()
    if sort != "relevance" or total <= window:
        return None
    return (
        f"More than {window:,} results: the newest {window:,} are ranked by "
        "relevance, the rest follow newest first."
    )


def notices_for(raw_q: str, query: Query) -> list[str]:
    """What the reader should know about how the query was read."""
    notices = list(query.notices)
    if raw_q.strip() and query.is_empty:
        notices.append(EMPTY_QUERY_NOTICE)
    return notices


def suggestion_for(page: Page, query: Query, params: Params) -> dict:
    """ "Did you mean": only when a real query found nothing."""
    if page.paginator.count or query.is_empty:
        return {"suggestion": None, "suggestion_url": None}
    suggestion = suggest(query)
    url = params.url({"q": suggestion}) if suggestion else None
    return {"suggestion": suggestion, "suggestion_url": url}


def sort_choices(query: Query) -> list[tuple[str, str]]:
    """(value, label) pairs; relevance only when there is a query to rank by."""
    return [
        (value, label)
        for value, label in SORT_LABELS.items()
        if value != "relevance" or not query.is_empty
    ]


def hidden_params(params: Params) -> list[tuple[str, str]]:
    """The active filters, kept when the reader changes the query."""
    return [
        (name, value)
        for name, values in params.data.lists()
        if name not in ("q", "page")
        for value in values
    ]


def tab_links(params: Params) -> list[tuple[Tab, str]]:
    """Each tab's URL, carrying the query and the filters both tabs understand."""
    shared = [
        (name, value)
        for name in SHARED_PARAMS
        for value in params.values(name)
        if value
    ]
    suffix = "?" + urlencode(shared) if shared else ""
    return [(tab, reverse(tab.url_name) + suffix) for tab in TABS]


def with_query(url: str, query: Query) -> str:
    """A record's URL carrying the search, so that its page can highlight it."""
    return f"{url}?{urlencode({'q': query.text})}" if not query.is_empty else url


# Articles


def prepare_articles(queryset: QuerySet) -> QuerySet:
    """Everything a result shows, in a fixed number of queries (no N+1)."""
    claim_counts = (
        published_claims_of()
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        queryset.select_related("briefing__publication")
        .defer("briefing__source_text", "briefing__imported_values")
        .with_authors()
        .with_topics()
        .annotate(claim_count=Coalesce(Subquery(claim_counts), 0))
    )


def article_snippet(article: Article, query: Query) -> SafeString:
    """The matched passage with <mark>s (escaped first), or the article's opening."""
    raw = getattr(article, "headline_raw", None)
    if raw and raw.strip():
        return marked_html(raw)
    text = article.summary or article.body or article.subtitle
    if query.is_empty:
        return escape(Truncator(" ".join(text.split())).chars(SNIPPET_CHARS))
    return highlight(text, query, snippet=True)


def article_hits(articles: list[Article], query: Query) -> list[ArticleHit]:
    hits = []
    for article in articles:
        hits.append(
            ArticleHit(
                article=article,
                url=with_query(article.get_absolute_url(), query),
                title_html=highlight(article.display_title, query),
                snippet_html=article_snippet(article, query),
                authors=article.ordered_authors(),
                topics=[link.topic for link in article.articletopic_set.all()][:5],
            )
        )
    return hits


# Claims


def prepare_claims(queryset: QuerySet) -> QuerySet:
    return (
        queryset.select_related("speaker", "article__briefing__publication")
        .defer("article__body", "article__briefing__source_text")
        .prefetch_related(
            Prefetch("figures", Figure.objects.order_by("position")),
            Prefetch(
                "article__articleauthor_set",
                ArticleAuthor.objects.select_related("person").order_by("position"),
            ),
        )
    )


def claim_sentence(claim: Claim, query: Query) -> SafeString:
    """The whole sentence, marked: the index's headline unless it was shortened."""
    raw = getattr(claim, "headline_raw", None)
    if raw and raw.replace(START, "").replace(STOP, "") == claim.text:
        return marked_html(raw)
    return highlight(claim.text, query)


def claim_hits(claims: list[Claim], query: Query) -> list[ClaimHit]:
    hits = []
    for claim in claims:
        text_html = claim_sentence(claim, query)
        article_url = with_query(claim.article.get_absolute_url(), query)
        hits.append(
            ClaimHit(
                claim=claim,
                text_html=text_html,
                article_url=f"{article_url}#claim-{claim.pk}",
                figures=list(claim.figures.all()),
            )
        )
    return hits


ARTICLES = Tab(
    name="articles",
    label="Articles",
    url_name="briefings:search",
    noun="article",
    filterset=ArticleFilter,
    facets=ARTICLE_FACETS,
    base=public_articles,
    prepare=prepare_articles,
    hits=article_hits,
    result_template="briefings/_search_result.html",
)
CLAIMS = Tab(
    name="claims",
    label="Claims",
    url_name="briefings:search_claims",
    noun="claim",
    filterset=ClaimFilter,
    facets=CLAIM_FACETS,
    base=public_claims,
    prepare=prepare_claims,
    hits=claim_hits,
    result_template="briefings/_claim_result.html",
)
TABS = (ARTICLES, CLAIMS)
