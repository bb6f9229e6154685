"""The archive-wide cache: figures (home and topic-page counts, search results) and
whole public pages, each kept until the archive changes.

Counting a million articles on every page view costs seconds, so such figures are kept
in the shared cache (files under var/cache, one for all web workers) for a while. Each
is stored under the archive's current *generation*, a token that every change to the
archive replaces: any save or delete of a searched record, an import, a topic merge or
re-tagging, an editor's bulk change. A figure of an older generation is never read
again, whichever process made the change; the cache expires it in time.

With read replicas (archive_site/replicas.py) each generation also names the primary's
write-ahead-log position when it began: a request reads from a replica only if the
replica has replayed that far, and then keeps to that generation, so what it caches
is never older than the generation it is stored under.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse


def scope() -> str:
    """This database's part of the cache key: two archives (a SQLite file and a
    PostgreSQL database, say) may share one cache directory."""
    where = connection.settings_dict
    return digest(connection.vendor, where["NAME"], where["HOST"], where["PORT"])[:12]


def digest(*parts: Any) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def generation_key() -> str:
    return f"archive:{scope()}:generation"


# The generation a request reading from a replica was checked against (see holding()).
held_generation: ContextVar[str | None] = ContextVar("held_generation", default=None)

# Serialises announcing generations with replicas: the generation stored last then
# names a position read after every change announced before it.
ANNOUNCE_LOCK = 0x61726368


def generation() -> str:
    """The archive's current generation (a new one when the cache has none)."""
    held = held_generation.get()
    if held is not None:
        return held
    if not replicated():
        return cache.get_or_set(generation_key(), uuid.uuid4().hex, None)
    current = cache.get(generation_key())
    if current is None or generation_position(current) is None:
        # None kept, or one from before the replicas: a new one names the position.
        forget_counts()
        current = cache.get(generation_key())
    return current


def replicated() -> bool:
    return bool(getattr(settings, "DATABASE_REPLICAS", ())) and (
        connection.vendor == "postgresql"
    )


def generation_position(token: str) -> str | None:
    """The primary's log position when ``token`` began (None without replicas)."""
    return token.partition("@")[2] or None


@contextmanager
def holding(token: str) -> Iterator[None]:
    """Read and cache under ``token`` until the block ends or this context writes."""
    reset = held_generation.set(token)
    try:
        yield
    finally:
        held_generation.reset(reset)


def fingerprint(queryset: QuerySet, *extra: Any) -> str:
    """A key naming what the queryset selects (its SQL and parameters) and ``extra``
    values: the same search gives the same key."""
    sql, params = queryset.query.sql_with_params()
    return digest(queryset.model._meta.label, sql, params, extra)[:40]


def cached(name: str, compute: Callable[[], Any], timeout: int | None = None) -> Any:
    """``compute()``, kept under ``name`` while the archive does not change (and
    ``timeout`` seconds at most: ``ARCHIVE_COUNTS_CACHE_SECONDS`` by default)."""
    if timeout is None:
        timeout = getattr(settings, "ARCHIVE_COUNTS_CACHE_SECONDS", 300)
    if timeout <= 0:
        return compute()
    return cache.get_or_set(current_key(name), compute, timeout)


def cached_search(name: str, compute: Callable[[], Any]) -> Any:
    """A search's ``compute()``, kept while the archive does not change (and
    ``SEARCH_CACHE_SECONDS`` at most; 0: not at all)."""
    return cached(name, compute, getattr(settings, "SEARCH_CACHE_SECONDS", 600))


def current_key(name: str) -> str:
    """The cache key of ``name`` in the archive's current generation."""
    return f"archive:{scope()}:{generation()}:{name}"


def forget_counts() -> None:
    """The archive has changed: no figure cached so far is read again."""
    held_generation.set(None)
    if not replicated():
        cache.set(generation_key(), uuid.uuid4().hex, None)
        return
    # The insert position (not the flushed one) covers a commit just made even with
    # synchronous_commit off; replicas must replay up to it before they serve.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_lock(%s), pg_current_wal_insert_lsn()",
            [ANNOUNCE_LOCK],
        )
        position = cursor.fetchone()[1]
        try:
            cache.set(generation_key(), f"{uuid.uuid4().hex}@{position}", None)
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ANNOUNCE_LOCK])


def forget_on_commit(**_: Any) -> None:
    """A change is being written: forget now, for readers inside this transaction,
    and again once it commits, since another worker may have cached the old state
    under the new generation meanwhile (once per transaction, however many rows)."""
    forget_counts()
    if connection.in_atomic_block and not commit_will_forget():
        transaction.on_commit(forget_counts)


def commit_will_forget() -> bool:
    # Django's list of this transaction's on-commit callbacks (emptied on rollback):
    # an import saving ten thousand rows registers one callback, not ten thousand.
    return any(entry[1] is forget_counts for entry in connection.run_on_commit)


def connect(models: list) -> None:
    """Forget on every save and delete of these models, and on every change of
    their many-to-many links (``add()``, ``set()`` and ``remove()`` send no save)."""
    for model in models:
        uid = f"counts-{model._meta.label}"
        post_save.connect(forget_on_commit, sender=model, dispatch_uid=uid)
        post_delete.connect(forget_on_commit, sender=model, dispatch_uid=f"{uid}-d")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                forget_on_commit, sender=through, dispatch_uid=f"{uid}-{field.name}"
            )


# Whole public pages, kept in the shared cache until the archive changes.
#
# A permalink shared in a chat, or a search a class was told to run, is asked for many
# times over. Such a page is rendered once and then served from the cache under the
# archive's current generation (above): any change to the archive starts a new
# generation, so a page from before the change is never served after it.
#
# The public pages depend only on their URL (scheme, host, path and query string): no
# user, session, cookie or CSRF token is read, so one copy serves every reader. Only
# successful answers to GET that set no cookie are kept; redirects, errors and "gone"
# pages are rendered each time.


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
