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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Expression, Func, IntegerField, QuerySet, TextField

from .search.sampling import sampled

Pairs = list[tuple[int, Any]]  # (record id, facet key)
ESTIMATE_MARGIN = 1.25  # sample noise must not turn an exact count into an estimate


def exact_limit() -> int:
    return getattr(settings, "SEARCH_EXACT_LIMIT", 100_000)


def sample_every() -> int:
    return getattr(settings, "SEARCH_SAMPLE_EVERY", 64)


@dataclass
class Rows:
    """Matching records: their ids, (id, key) pairs per facet, and (when asked for)
    each record's sort columns."""

    ids: list[int]
    pairs: dict[str, Pairs] = field(default_factory=dict)
    order: dict[int, tuple] = field(default_factory=dict)


@dataclass
class Tally:
    """Counts per facet (key → count), how many records pass every filter, and
    which of those figures are estimates."""

    counts: dict[str, Counter]
    total: int
    estimated: set[str] = field(default_factory=set)
    total_estimated: bool = False
    # Exact counts only: the sort columns of every record passing every filter.
    passing: dict[int, tuple] | None = None


def fetch(specs: Iterable, queryset: QuerySet, order_by: tuple = ()) -> Rows:
    """The records of the queryset with each facet's keys, in one query: a link
    table's keys come as a list per record (a correlated subquery); with
    ``order_by``, also those columns of each record."""
    specs = list(specs)
    annotations = {
        key_column(spec): KeysOf(spec.links) if spec.links else spec.expression
        for spec in specs
        if spec.links or spec.expression is not None
    }
    if order_by:  # (date, tie, position): the date as a day number, like the keys
        annotations["_sort_day"] = DayNumber(order_by[0])
        order_by = ("_sort_day", *order_by[1:])
    names = ["pk"] + [key_column(spec) for spec in specs] + list(order_by)
    records = list(queryset.annotate(**annotations).order_by().values_list(*names))
    rows = Rows([record[0] for record in records])
    if order_by:
        rows.order = {r[0]: r[len(specs) + 1 :] for r in records}
    for index, spec in enumerate(specs, start=1):
        if spec.links:
            decode = decoder(spec.links)
            pairs = (
                (r[0], key) for r in records if r[index] for key in decode(r[index])
            )
        else:
            pairs = ((r[0], r[index]) for r in records)
        rows.pairs[spec.name] = spec.keyed(pairs)
    return rows


def key_column(spec) -> str:
    if spec.links or spec.expression is not None:
        return f"_keys_{spec.name}"
    return spec.column


SEPARATOR = "\x1f"  # ASCII unit separator: never in a key


def decoder(links) -> Callable[[Any], Iterable]:
    """How to read a record's link keys: PostgreSQL gives a list; SQLite gives the
    keys joined by SEPARATOR, ids to be turned back into numbers."""
    if connection.vendor == "postgresql":
        return lambda keys: keys
    field = links.model._meta.get_field(links.value)
    if field.is_relation or isinstance(field, IntegerField):
        return lambda keys: map(int, keys.split(SEPARATOR))
    return lambda keys: keys.split(SEPARATOR)


class DayNumber(Func):
    """A date as the number YYYYMMDD: read far faster than a date, still ordered."""

    output_field = IntegerField()
    template = "CAST(replace(%(expressions)s, '-', '') AS INTEGER)"  # ISO text

    def as_postgresql(self, compiler, connection, **extra):
        template = "CAST(to_char(%(expressions)s, 'YYYYMMDD') AS integer)"
        return self.as_sql(compiler, connection, template=template, **extra)


class KeysOf(Expression):
    """The keys a record has in a link table, as one value: an array on PostgreSQL,
    a JSON array on SQLite."""

    def __init__(self, links) -> None:
        super().__init__(output_field=TextField())
        self.links = links

    def as_sql(self, compiler, connection):
        meta = self.links.model._meta
        owner = meta.get_field(self.links.owner).column
        value = meta.get_field(self.links.value).column
        outer = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        via = "id" if self.links.via == "pk" else self.links.via
        source = f"FROM {meta.db_table} WHERE {owner} = {outer}.{via}"
        if connection.vendor == "postgresql":
            return f"ARRAY(SELECT {value} {source})", []
        return f"(SELECT group_concat({value}, char(31)) {source})", []

    def get_group_by_cols(self):
        return []


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
    result = Tally(counts, total)
    if rows.order:
        kept = rows.order if all_pass is None else all_pass
        result.passing = {pk: rows.order[pk] for pk in kept}
    return result


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
    order_by: tuple = ()  # sort columns to keep when every match is read

    def count(self) -> Tally:
        every = sample_every()
        sample_size = sampled(self.matching, every).count()
        if sample_size * every <= exact_limit() * ESTIMATE_MARGIN:
            rows = fetch(self.specs, self.matching, self.order_by)
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
