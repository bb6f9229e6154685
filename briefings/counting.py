"""Facet counts and the number of results for the search page: exact, or estimated.

The rows matching the query and dates are read once, with every facet's key (one query
for the row's own columns, one per link table such as topics or authors), and every
facet is counted from them in Python, disjunctively: each facet over the rows passing
every active filter but its own. That is one pass instead of a grouped query per facet.

A query matching more than ``SEARCH_EXACT_LIMIT`` records is counted on a systematic
sample instead (the records whose id is a multiple of ``SEARCH_SAMPLE_EVERY``, found
through an index), scaled up and shown as an estimate ("about 230,000"). A facet or
total whose own rows number fewer than the limit is then counted exactly after all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from .search.sampling import sampled

Pairs = list[tuple[int, Any]]  # (record id, facet key)
ESTIMATE_MARGIN = 1.25  # sample noise must not turn an exact count into an estimate


def exact_limit() -> int:
    return getattr(settings, "SEARCH_EXACT_LIMIT", 100_000)


def sample_every() -> int:
    return getattr(settings, "SEARCH_SAMPLE_EVERY", 64)


@dataclass
class Rows:
    """Matching records: their ids, and (id, key) pairs per facet."""

    ids: list[int]
    pairs: dict[str, Pairs] = field(default_factory=dict)


@dataclass
class Tally:
    """Counts per facet (key → count), how many records pass every filter, and
    which of those figures are estimates."""

    counts: dict[str, Counter]
    total: int
    estimated: set[str] = field(default_factory=set)
    total_estimated: bool = False


def fetch(specs: Iterable, queryset: QuerySet) -> Rows:
    """The records of the queryset with each facet's keys (1 + link-table queries)."""
    specs = list(specs)
    columns = [spec for spec in specs if spec.column]
    annotations = {s.column: s.expression for s in columns if s.expression is not None}
    vias = sorted({s.links.via for s in specs if s.links and s.links.via != "pk"})
    names = ["pk", *[spec.column for spec in columns], *vias]
    records = list(
        queryset.annotate(**annotations).order_by().values_list(*names)
        if annotations
        else queryset.order_by().values_list(*names)
    )
    rows = Rows([record[0] for record in records])
    for index, spec in enumerate(columns, start=1):
        rows.pairs[spec.name] = spec.keyed((r[0], r[index]) for r in records)
    for spec in specs:
        if spec.links:
            via = names.index(spec.links.via) if spec.links.via != "pk" else 0
            owners = [(record[0], record[via]) for record in records]
            rows.pairs[spec.name] = linked(spec, queryset, owners)
    return rows


def linked(spec, queryset: QuerySet, owners: list[tuple[int, int]]) -> Pairs:
    """(record id, key) pairs through a link table (an article's topics…)."""
    links = spec.links
    owner_ids = queryset.order_by().values(links.via)
    found = links.model.objects.filter(**{f"{links.owner}__in": owner_ids})
    pairs = set(found.values_list(links.owner, links.value))
    if links.via == "pk":
        return spec.keyed(pairs)
    keys_of: dict[int, list] = {}
    for owner, key in pairs:
        keys_of.setdefault(owner, []).append(key)
    return spec.keyed(
        (record, key) for record, owner in owners for key in keys_of.get(owner, ())
    )


def tally(rows: Rows, names: Iterable[str], chosen: dict[str, set]) -> Tally:
    """Disjunctive counts of the named facets; ``chosen`` are the active filters'
    keys, applied here (a record passes a filter when one of its keys is chosen)."""
    passing = {
        name: {record for record, key in rows.pairs[name] if key in keys}
        for name, keys in chosen.items()
    }
    everyone = set(rows.ids) if passing else None
    all_pass = intersect(everyone, passing.values())
    counts = {}
    for name in names:
        others = [ids for other, ids in passing.items() if other != name]
        allowed = all_pass if name not in passing else intersect(everyone, others)
        counts[name] = count_keys(rows.pairs[name], allowed)
    total = len(all_pass) if all_pass is not None else len(rows.ids)
    return Tally(counts, total)


def intersect(everyone: set | None, sets: Iterable[set]) -> set | None:
    """The records in every set (None: no filter, every record)."""
    result = everyone
    for ids in sets:
        result = result & ids
    return result


def count_keys(pairs: Pairs, allowed: set | None) -> Counter:
    if allowed is None:
        return Counter(key for _, key in pairs)
    return Counter(key for record, key in pairs if record in allowed)


def scaled(result: Tally, factor: int) -> Tally:
    """A sample's tally as an estimate of the whole."""
    counts = {
        name: Counter({key: n * factor for key, n in counter.items()})
        for name, counter in result.counts.items()
    }
    return Tally(counts, result.total * factor, set(counts), total_estimated=True)


@dataclass(frozen=True)
class Counting:
    """What to count: facet specs, the active filters' keys, and the querysets."""

    specs: list
    chosen: dict[str, set]
    matching: QuerySet  # the query and dates, without facet filters
    narrowed: Any  # callable: facet names left out → queryset

    def count(self) -> Tally:
        every = sample_every()
        sample_size = sampled(self.matching, every).count()
        if sample_size * every <= exact_limit() * ESTIMATE_MARGIN:
            rows = fetch(self.specs, self.matching)
            return tally(rows, self.names, self.chosen)
        sample = fetch(self.specs, sampled(self.matching, every))
        estimate = scaled(tally(sample, self.names, self.chosen), every)
        self.make_exact_where_small(estimate, sample, every)
        return estimate

    @property
    def names(self) -> list[str]:
        return [spec.name for spec in self.specs]

    def make_exact_where_small(self, estimate: Tally, sample: Rows, every: int):
        """Recount exactly each facet (and the total) whose own rows are few."""
        limit = exact_limit()
        if estimate.total <= limit:
            inactive = [s for s in self.specs if s.name not in self.chosen]
            rows = fetch(inactive, self.narrowed(()))
            exact = tally(rows, [s.name for s in inactive], {})
            self.replace(estimate, exact)
            estimate.total, estimate.total_estimated = exact.total, False
        for spec in self.specs:
            if spec.name not in self.chosen:
                continue
            others = {k: v for k, v in self.chosen.items() if k != spec.name}
            base = tally(sample, [], others).total * every
            if base <= limit:
                rows = fetch([spec], self.narrowed((spec.name,)))
                self.replace(estimate, tally(rows, [spec.name], {}))

    @staticmethod
    def replace(estimate: Tally, exact: Tally) -> None:
        for name, counter in exact.counts.items():
            estimate.counts[name] = counter
            estimate.estimated.discard(name)
