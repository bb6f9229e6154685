"""The two kinds of record a search page lists (articles and claims): how each is
filtered, matched, ranked, loaded and shown as a hit. The HTML page, the API and the
exports all search through these tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from ..models import (
    Article,
    ArticleAuthor,
    Claim,
    Figure,
    Person,
    Topic,
    describe_untitled_articles,
)
from ..search import Query, highlight, marked_html
from ..search import search as ranked
from ..search.expressions import START, STOP
from .facets import (
    ARTICLE_FACETS,
    CLAIM_FACETS,
    FacetSpec,
    Params,
)
from .filters import (
    ArticleFilter,
    ClaimFilter,
    SearchFilterSet,
    filtered,
    ordered,
    public_articles,
    public_claims,
    published_claims_of,
)

SNIPPET_CHARS = 260


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


def ranked_results(
    tab: Tab, params: Params, base: QuerySet, query: Query, sort: str
) -> QuerySet:
    """The filtered records, matched and ranked by the query, in the chosen order."""
    queryset = filtered(tab.filterset, params.data, base, without=("q",))
    if not query.is_empty:
        queryset = ranked(queryset, query)
    return ordered(tab.prepare(queryset), tab.filterset, sort)


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
        .with_untitled_openings()
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
    describe_untitled_articles(claims)  # their bodies are left out
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
