"""Archive-wide counts (totals, articles per topic) for the home and topic pages.

Counting a million articles on every page view costs seconds, so these counts are
cached for ``ARCHIVE_COUNTS_CACHE_SECONDS`` (five minutes by default) in the shared
cache (files under var/cache, one for all web workers) and dropped on any save or
delete of a counted record, and after every import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

KEYS: set[str] = set()
PREFIX = "archive-counts:"


def cached(name: str, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept for a while under ``name``."""
    KEYS.add(PREFIX + name)
    timeout = getattr(settings, "ARCHIVE_COUNTS_CACHE_SECONDS", 300)
    return cache.get_or_set(PREFIX + name, compute, timeout)


def forget_counts(**_: Any) -> None:
    """Drop every cached count: the archive has changed."""
    cache.delete_many(list(KEYS))


def connect(models: list) -> None:
    for model in models:
        post_save.connect(forget_counts, sender=model, dispatch_uid=f"counts-{model}")
        post_delete.connect(
            forget_counts, sender=model, dispatch_uid=f"counts-{model}-d"
        )
