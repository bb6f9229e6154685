"""The search page's results in order, a page at a time, for Django's Paginator.

Ranking costs one score per record, so by relevance only a window of candidates is
ranked: the ``SEARCH_RANK_WINDOW`` newest matches (all of them, for most queries).
Beyond the window, results continue newest first. Snippets are made for the page's
records only. The number of results is given, not counted again.

The ranked window, each page's ids and its snippets are kept in the cache until the
archive changes (``cache.cached_search``): paging through a search ranks it once.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from ..cache import cached_search, digest, fingerprint
from ..search import Query, get_backend
from .filters import SearchFilterSet, ordered
from .rows import RowSearch


def rank_window() -> int:
    return getattr(settings, "SEARCH_RANK_WINDOW", 1000)


@dataclass
class Results:
    """Paginator-friendly: ``count()`` and slicing give the page's records."""

    matches: QuerySet  # every filter applied
    total: int
    query: Query
    sort: str
    filterset_class: type[SearchFilterSet]
    prepare: Callable[[QuerySet], QuerySet]
    rows: RowSearch | None = None  # the same search on the narrow table (rows.py)

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, window: slice) -> list:
        ids = self.page_ids(window.start or 0, window.stop)
        if not ids:
            return []
        model = self.matches.model
        records = self.prepare(model.objects.public().filter(pk__in=ids))
        by_id = {record.pk: record for record in records}
        if self.ranked:
            headlines = self.headlines(ids)
            for pk, record in by_id.items():
                record.headline_raw = headlines.get(pk)
        return [by_id[pk] for pk in ids if pk in by_id]

    def headlines(self, ids: list[int]) -> dict[int, str]:
        """The page's snippets (the text index re-reads each body: kept, too)."""
        model = self.matches.model
        key = digest(model._meta.label, ids, self.query.text)[:40]
        return cached_search(
            f"headlines:{key}", lambda: get_backend().headlines(model, ids, self.query)
        )

    @property
    def ranked(self) -> bool:
        return bool(self.query.fulltext_clauses())

    def page_ids(self, start: int, stop: int) -> list[int]:
        if self.sort != "relevance":
            return self.in_order(self.sort, start, stop)
        if not self.ranked:  # nothing to score (only Chinese terms): newest first
            return self.in_order("newest", start, stop)
        window = self.by_relevance()
        ids = window[start:stop]
        if stop > len(window) and len(window) == rank_window():
            ids += self.in_order("newest", max(start, len(window)), stop)
        return ids

    def in_order(self, sort: str, start: int, stop: int) -> list[int]:
        records = ordered(self.matches, self.filterset_class, sort)
        key = fingerprint(records, start, stop)
        return cached_search(
            f"page:{key}", lambda: self.ids_now(records, sort, start, stop)
        )

    def ids_now(self, records: QuerySet, sort: str, start: int, stop: int) -> list:
        """The ids of ``records[start:stop]``, from the narrow table if it can."""
        if self.rows is not None:
            ordered_rows = self.rows.ordered(sort, start, stop, self.total)
            return [pk for pk, _, _ in ordered_rows]
        return list(records.values_list("pk", flat=True)[start:stop])

    def newest_candidates(self) -> list[tuple[int, Any, int]]:
        """(pk, date, position) of the newest matches, as many as are ranked."""
        if self.rows is not None:
            return self.rows.ordered("newest", 0, rank_window(), self.total)
        date = self.filterset_class.date_field
        newest = ordered(self.matches, self.filterset_class, "newest")
        return list(newest.values_list("pk", date, "position")[: rank_window()])

    def by_relevance(self) -> list[int]:
        """The newest matches, best first (ranked once per search, then cached)."""
        key = fingerprint(self.matches, self.query.text, rank_window())
        return cached_search(f"ranked:{key}", self.rank_now)

    def rank_now(self) -> list[int]:
        """The newest matches, best first: rank, then date (newest), then position."""
        candidates = self.newest_candidates()
        ranks = get_backend().ranks(
            self.matches.model, [pk for pk, _, _ in candidates], self.query
        )
        candidates.sort(
            key=lambda c: (-ranks.get(c[0], 0.0), *newest_first(c[1]), c[2], c[0])
        )
        return [pk for pk, _, _ in candidates]


def newest_first(day: datetime.date | None) -> tuple[int, int]:
    """A sort key putting later dates first and missing dates last."""
    return (1, 0) if day is None else (0, -day.toordinal())
