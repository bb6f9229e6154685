"""Cached figures of the archive: home and topic-page counts, and search results.

Counting a million articles on every page view costs seconds, so such figures are kept
in the shared cache (files under var/cache, one for all web workers) for a while. Each
is stored under the archive's current *generation*, a token that every change to the
archive replaces: any save or delete of a searched record, an import, a topic merge or
re-tagging, an editor's bulk change. A figure of an older generation is never read
again, whichever process made the change; the cache expires it in time.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save


def scope() -> str:
    """This database's part of the cache key: two archives (a SQLite file and a
    PostgreSQL database, say) may share one cache directory."""
    where = connection.settings_dict
    return digest(connection.vendor, where["NAME"], where["HOST"], where["PORT"])[:12]


def digest(*parts: Any) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def generation_key() -> str:
    return f"archive:{scope()}:generation"


def generation() -> str:
    """The archive's current generation (a new one when the cache has none)."""
    return cache.get_or_set(generation_key(), uuid.uuid4().hex, None)


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
    cache.set(generation_key(), uuid.uuid4().hex, None)


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
