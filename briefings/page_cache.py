"""Whole public pages, kept in the shared cache until the archive changes.

A permalink shared in a chat, or a search a class was told to run, is asked for many
times over. Such a page is rendered once and then served from the cache under the
archive's current generation (briefings/counts.py): any change to the archive starts
a new generation, so a page from before the change is never served after it.

The public pages depend only on their URL (scheme, host, path and query string): no
user, session, cookie or CSRF token is read, so one copy serves every reader. Only
successful answers to GET that set no cookie are kept; redirects, errors and "gone"
pages are rendered each time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from .counts import current_key, digest


def page_cache_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def page_key(request: HttpRequest) -> str:
    return current_key("html:" + digest(request.build_absolute_uri())[:40])


def shareable(response: HttpResponse) -> bool:
    """A complete, successful page that sets no cookie: the same for every reader."""
    return (
        response.status_code == 200 and not response.streaming and not response.cookies
    )


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve the view's page from the cache while the archive is unchanged."""

    @wraps(view)
    def serve(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        timeout = page_cache_seconds()
        if request.method != "GET" or timeout <= 0:
            return view(request, *args, **kwargs)
        key = page_key(request)
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if shareable(response):
                cache.set(key, response, timeout)
        return response

    return serve
