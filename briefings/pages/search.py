"""The search pages: articles, and the claims and terms tabs (their content:
searchpage/)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..cache import cached_page
from ..searchpage.page import search_context, terms_context
from ..searchpage.tabs import ARTICLES, CLAIMS

TEMPLATE = "briefings/search.html"


@cached_page
def search(request: HttpRequest) -> HttpResponse:
    """Search articles: query box, facets, year chart, ranked results, pages."""
    return render(request, TEMPLATE, search_context(request, ARTICLES))


@cached_page
def search_claims(request: HttpRequest) -> HttpResponse:
    """Search claims: the same page over sentences with figures, quotes, assertions."""
    return render(request, TEMPLATE, search_context(request, CLAIMS))


@cached_page
def search_terms(request: HttpRequest) -> HttpResponse:
    """Search terms: Chinese terms by either script, pinyin or English rendering."""
    return render(request, "briefings/search_terms.html", terms_context(request))
