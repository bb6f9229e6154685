"""Permalink pages of single records: briefing, article, claim, and citations."""

from __future__ import annotations

from django.db.models import Count
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseGone,
    HttpResponsePermanentRedirect,
)
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.encoding import iri_to_uri

from ..cache import cached_page
from ..models import PUBLIC_CLAIMS, Article, Briefing, Claim
from ..search import parse_query
from . import citations
from .metadata import article_meta, briefing_meta, claim_meta
from .rendering import body_blocks

RELATED_COUNT = 5


def canonical_redirect(request, url: str) -> HttpResponsePermanentRedirect:
    """A 301 to the record's canonical URL that keeps the query string: the words
    an article page highlights (``?q=``), the page of a list (``?page=2``)."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{iri_to_uri(query)}" if query else url)


def gone(request, what: str) -> HttpResponseGone:
    html = render_to_string("briefings/gone.html", {"what": what}, request=request)
    return HttpResponseGone(html)


@cached_page
def briefing_detail(request, pk: int, slug: str | None = None):
    briefing = get_object_or_404(
        Briefing.objects.select_related("publication").prefetch_related("editors"),
        pk=pk,
    )
    if slug != briefing.slug:
        return canonical_redirect(request, briefing.get_absolute_url())
    articles = (
        Article.objects.public()
        .filter(briefing=briefing)
        .with_authors()
        .annotate(claim_count=Count("claims", filter=PUBLIC_CLAIMS))
        .order_by("position", "pk")  # a GROUP BY query ignores Meta.ordering
    )
    context = {
        "briefing": briefing,
        "articles": articles,
        "meta": briefing_meta(briefing, request.build_absolute_uri),
    }
    return render(request, "briefings/briefing_detail.html", context)


def _public_article(pk: int) -> Article:
    article = get_object_or_404(
        Article.objects.select_related("briefing__publication")
        .defer("briefing__source_text", "briefing__imported_values")
        .with_authors(),
        pk=pk,
    )
    return article


@cached_page
def article_detail(request, pk: int, slug: str | None = None):
    article = _public_article(pk)
    if not article.is_public:
        return gone(request, "article")
    if slug != article.slug:
        return canonical_redirect(request, article.get_absolute_url())
    # Ordered within the article: Meta.ordering would sort by its briefing's date too.
    # The page shows no figures (claim pages do).
    claims = list(
        article.claims.public().select_related("speaker").order_by("position", "pk")
    )
    authors = article.ordered_authors()
    topics = list(article.topics.order_by("-articletopic__score"))
    query = parse_query(request.GET.get("q", "")[:500])
    context = {
        "article": article,
        "briefing": article.briefing,
        "authors": authors,
        "topics": topics,
        "claims": claims,
        "query": query,
        "blocks": body_blocks(article.body, article.subheadings, claims, query),
        "neighbours": article.neighbours(),
        "related": article.related(RELATED_COUNT, [topic.pk for topic in topics]),
        "citations": _citation_blocks(article, request),
        "meta": article_meta(article, request.build_absolute_uri, authors, topics),
    }
    return render(request, "briefings/article_detail.html", context)


def _citation_texts(article: Article, request) -> dict[str, str]:
    citation = citations.article_citation(
        article, request.build_absolute_uri(article.get_absolute_url())
    )
    return {fmt: citations.render(citation, fmt) for fmt in citations.FORMATS}


def _citation_blocks(article: Article, request) -> list[dict]:
    """Each citation format with its label and text, for the "Cite this" box."""
    texts = _citation_texts(article, request)
    return [
        {"fmt": fmt, "label": label, "text": texts[fmt]}
        for fmt, (label, _, _) in citations.FORMATS.items()
    ]


def article_citation(request, pk: int, fmt: str):
    """A citation of the article as a download: text, BibTeX, RIS or CSL-JSON."""
    if fmt not in citations.FORMATS:
        raise Http404("Unknown citation format")
    article = _public_article(pk)
    if not article.is_public:
        return gone(request, "article")
    _, content_type, extension = citations.FORMATS[fmt]
    text = _citation_texts(article, request)[fmt]
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    filename = f"{article.slug}-{article.pk}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@cached_page
def claim_detail(request, pk: int, slug: str | None = None):
    claim = get_object_or_404(
        Claim.objects.select_related(
            "article__briefing__publication", "speaker"
        ).prefetch_related("figures"),
        pk=pk,
    )
    if not claim.is_public:
        return gone(request, "claim")
    if slug != claim.slug:
        return canonical_redirect(request, claim.get_absolute_url())
    article = claim.article
    context = {
        "claim": claim,
        "article": article,
        "context_before": article.body[max(0, claim.start - 300) : claim.start],
        "context_after": article.body[claim.end : claim.end + 300],
        "meta": claim_meta(claim, request.build_absolute_uri),
    }
    return render(request, "briefings/claim_detail.html", context)
