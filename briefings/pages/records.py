"""Permalink pages of single records: briefing, article, claim, and citations."""

from __future__ import annotations

from django.http import (
    Http404,
    HttpResponse,
    HttpResponseGone,
    HttpResponsePermanentRedirect,
)
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from ..cache import cached_page
from ..models import Article, Briefing, Claim
from ..search import parse_query
from . import citations
from .metadata import article_meta, briefing_meta, claim_meta
from .permalink import article_page, briefing_page, claim_page
from .rendering import body_blocks

# How an article's claims show in its body, chosen with ?claims=: a quiet dotted
# underline by default, highlighted on request, or plain text for reading.
CLAIM_MODES = {
    "subtle": "Marked quietly",
    "on": "Highlighted",
    "off": "Not marked",
}


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
    briefing, articles = briefing_page(pk)
    if slug != briefing.slug:
        return canonical_redirect(request, briefing.get_absolute_url())
    context = {
        "briefing": briefing,
        "articles": articles,
        "citations": _citation_blocks(
            _cite_briefing(briefing, request), "briefing_citation", briefing.pk
        ),
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
    # One query for the article and everything it links to (permalink.py).
    article = article_page(pk)
    if not article.is_public:
        return gone(request, "article")
    if slug != article.slug:
        return canonical_redirect(request, article.get_absolute_url())
    claims = article.page_claims  # the page shows no figures (claim pages do)
    authors = article.ordered_authors()
    topics = article.page_topics
    query = parse_query(request.GET.get("q", "")[:500])
    mode = request.GET.get("claims")
    mode = mode if mode in CLAIM_MODES else "subtle"
    marked = claims if mode != "off" else []
    context = {
        "article": article,
        "briefing": article.briefing,
        "authors": authors,
        "topics": topics,
        "claims": claims,
        "query": query,
        "blocks": body_blocks(article.body, article.subheadings, marked, query),
        "claim_mode": mode,
        "claim_modes": claim_mode_links(request, mode) if claims else [],
        "neighbours": article.page_neighbours,
        "related": article.page_related,
        "citations": _citation_blocks(
            _cite_article(article, request), "article_citation", article.pk
        ),
        "meta": article_meta(article, request.build_absolute_uri, authors, topics),
    }
    return render(request, "briefings/article_detail.html", context)


def claim_mode_links(request, current: str) -> list[dict]:
    """The reading-mode switch: each mode with the URL that keeps the rest of the
    address (a search's ``q``) and whether it is the current one."""
    links = []
    for mode, label in CLAIM_MODES.items():
        params = request.GET.copy()
        if mode == "subtle":
            params.pop("claims", None)
        else:
            params["claims"] = mode
        query = params.urlencode()
        url = f"{request.path}?{query}" if query else request.path
        links.append({"label": label, "url": url, "current": mode == current})
    return links


def _cite_article(article: Article, request) -> citations.Citation:
    url = request.build_absolute_uri(article.get_absolute_url())
    return citations.article_citation(article, url)


def _cite_briefing(briefing: Briefing, request) -> citations.Citation:
    url = request.build_absolute_uri(briefing.get_absolute_url())
    return citations.briefing_citation(briefing, url)


def _cite_claim(claim: Claim, request) -> citations.Citation:
    url = request.build_absolute_uri(claim.get_absolute_url())
    return citations.claim_citation(claim, url)


def _citation_blocks(citation: citations.Citation, view: str, pk: int) -> list[dict]:
    """Each citation format with its label, text and download URL, for the "Cite
    this" box."""
    texts = citations.render_all(citation)
    return [
        {
            "fmt": fmt,
            "label": label,
            "text": texts[fmt],
            "url": reverse(f"briefings:{view}", args=[pk, fmt]),
        }
        for fmt, (label, _, _) in citations.FORMATS.items()
    ]


def _citation_download(citation: citations.Citation, fmt: str, name: str):
    _, content_type, extension = citations.FORMATS[fmt]
    text = citations.render(citation, fmt)
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def article_citation(request, pk: int, fmt: str):
    """A citation of the article as a download: text, BibTeX, RIS or CSL-JSON."""
    if fmt not in citations.FORMATS:
        raise Http404("Unknown citation format")
    article = _public_article(pk)
    if not article.is_public:
        return gone(request, "article")
    citation = _cite_article(article, request)
    return _citation_download(citation, fmt, f"{article.slug}-{article.pk}")


def briefing_citation(request, pk: int, fmt: str):
    """A citation of the briefing as a download."""
    if fmt not in citations.FORMATS:
        raise Http404("Unknown citation format")
    briefing = get_object_or_404(Briefing.objects.select_related("publication"), pk=pk)
    citation = _cite_briefing(briefing, request)
    return _citation_download(citation, fmt, f"{briefing.slug}-{briefing.pk}")


def claim_citation(request, pk: int, fmt: str):
    """A citation of the claim (in its article) as a download."""
    if fmt not in citations.FORMATS:
        raise Http404("Unknown citation format")
    claim = _claim(pk)
    if not claim.is_public:
        return gone(request, "claim")
    return _citation_download(_cite_claim(claim, request), fmt, f"claim-{claim.pk}")


def _claim(pk: int) -> Claim:
    return claim_page(pk)


@cached_page
def claim_detail(request, pk: int, slug: str | None = None):
    claim = _claim(pk)
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
        "citations": _citation_blocks(
            _cite_claim(claim, request), "claim_citation", claim.pk
        ),
        "meta": claim_meta(claim, request.build_absolute_uri),
    }
    return render(request, "briefings/claim_detail.html", context)
