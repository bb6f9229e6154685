"""Facet counts and the number of results for the search page: exact, or estimated.

Every facet is counted in one SQL statement: the matching records (the query and the
dates) are read once into a materialised set with each facet's key, and one grouped
count per facet runs over it, disjunctively: each facet over the records passing every
active filter but its own (a record's link-table keys, such as its topics, are read
into the set as a list and expanded per facet). The database does the counting; only
the counts travel.

A query matching more than ``SEARCH_EXACT_LIMIT`` records is counted on a systematic
sample instead (the records whose id is a multiple of ``SEARCH_SAMPLE_EVERY``, found
through an index), scaled up and shown as an estimate ("about 230,000"). A facet or
total whose own records number fewer than the limit is then counted exactly after all.

A search's counts are kept in the cache until the archive changes (``cache.cached``,
for ``SEARCH_CACHE_SECONDS`` at most): the next page of the same search, or the same
search by another reader, counts nothing again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Expression, F, Func, IntegerField, QuerySet, TextField

from ..cache import cached_search, fingerprint
from ..models import Article, read_connection
from ..search import narrow
from ..search.sampling import SAMPLE_EVERY, sampled
from .filters import UNKNOWN
from .rows import RowSearch, RowSet

ESTIMATE_MARGIN = 1.25  # sample noise must not turn an exact count into an estimate
TOTAL = ""  # the statement's row for the number of records passing every filter


def exact_limit() -> int:
    return getattr(settings, "SEARCH_EXACT_LIMIT", 10_000)


def phrase_exact_limit() -> int:
    """The exact limit of a phrase search on the narrow table: its text index
    knows which rows hold the words, not where, so each candidate's vector is read
    to check their order (several candidates per match, most of the time of a
    phrase search at a million articles; measured in docs/BENCHMARKS.md)."""
    return getattr(settings, "SEARCH_PHRASE_EXACT_LIMIT", 1_000)


def sample_every() -> int:
    return getattr(settings, "SEARCH_SAMPLE_EVERY", SAMPLE_EVERY)


class DayNumber(Func):
    """A date as the number YYYYMMDD (and ``/ 10000`` its year): cheap to read and
    group, still ordered."""

    output_field = IntegerField()
    template = "CAST(replace(%(expressions)s, '-', '') AS INTEGER)"  # ISO text

    def as_postgresql(self, compiler, connection, **extra):
        template = "CAST(to_char(%(expressions)s, 'YYYYMMDD') AS integer)"
        return self.as_sql(compiler, connection, template=template, **extra)


@dataclass
class Tally:
    """Counts per facet (key → count), how many records pass every filter, and
    which of those figures are estimates."""

    counts: dict[str, Counter]
    total: int
    estimated: set[str] = field(default_factory=set)
    total_estimated: bool = False
    bases: dict[str, int] = field(default_factory=dict)  # records each facet counts


def alias(spec) -> str:
    return f"k_{spec.name}"


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


class KeysOf(Expression):
    """The distinct keys a record has in a link table (an article's topics…), as one
    value: an array on PostgreSQL, a JSON array on SQLite. One index lookup per
    record, instead of joining the whole link table to the matches."""

    def __init__(self, links) -> None:
        super().__init__(output_field=TextField())
        self.links = links

    def as_sql(self, compiler, connection):
        meta = self.links.model._meta
        owner = quote(meta.get_field(self.links.owner).column)
        value = quote(meta.get_field(self.links.value).column)
        outer = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        via = "id" if self.links.via == "pk" else self.links.via
        source = f"FROM {quote(meta.db_table)} WHERE {owner} = {outer}.{quote(via)}"
        if connection.vendor == "postgresql":
            return f"ARRAY(SELECT DISTINCT {value} {source})", []
        return f"(SELECT json_group_array(DISTINCT {value}) {source})", []

    def get_group_by_cols(self):
        return []


def elements(spec) -> str:
    """A FROM item listing a link facet's keys of record m as ``e.value``."""
    keys = f"m.{quote(alias(spec))}"
    if connection.vendor == "postgresql":
        return f"unnest({keys}) AS e(value)"
    return f"json_each({keys}) AS e"


def each_key(spec, where: str) -> str:
    """A FROM item listing a link facet's keys of the records m passing ``where``
    (SQL), one row each, as ``e.value``. On PostgreSQL ``unnest`` in the select list:
    half the time of a lateral ``unnest`` per record (4 against 8 ms over 9,500
    records, each facet of a common word's sample)."""
    keys = f"m.{quote(alias(spec))}"
    if connection.vendor == "postgresql":
        return f"(SELECT unnest({keys}) AS value FROM m{where}) AS e"
    return f"m, {elements(spec)}{where}"


def reads_narrow_table(queryset: QuerySet, specs: list) -> bool:
    """Whether the keys come from PostgreSQL's narrow search table (articles)."""
    return (
        connection.vendor == "postgresql"
        and queryset.model is Article
        and all(spec.name in narrow.COLUMNS for spec in specs)
    )


def narrow_set(queryset: QuerySet, specs: list) -> tuple[str, list]:
    """The matching articles' keys read from their narrow rows (one row each, the
    topic and author ids already in it), the matches found by the queryset."""
    keys = ", ".join(
        f"{narrow.column(spec.name, 's')} AS {quote(alias(spec))}" for spec in specs
    )
    ids, params = queryset.order_by().values("pk").query.sql_with_params()
    sql = (
        f"SELECT s.article_id, {keys} FROM {narrow.TABLE} s "
        f"WHERE s.article_id IN ({ids})"
    )
    return sql, list(params)


class Statement:
    """One SQL statement counting the facets over a queryset's records."""

    def __init__(self, specs: list, queryset: QuerySet, chosen: dict[str, set]):
        self.specs, self.chosen = specs, chosen
        self.sql, self.params = self.matching_set(queryset)

    def matching_set(self, queryset: QuerySet | RowSet) -> tuple[str, list]:
        """The records with each facet's key(s), as SQL."""
        if isinstance(queryset, RowSet):
            return queryset.keys_sql(self.specs, lambda spec: quote(alias(spec)))
        if reads_narrow_table(queryset, self.specs):
            return narrow_set(queryset, self.specs)
        keys = {
            alias(spec): KeysOf(spec.links)
            if spec.links
            else spec.expression or F(spec.column)
            for spec in self.specs
        }
        records = queryset.annotate(**keys).order_by().values_list("pk", *keys)
        sql, params = records.query.sql_with_params()
        return sql, list(params)

    def condition(self, spec) -> tuple[str, list]:
        """SQL true for the records that pass the spec's active filter."""
        keys = [key for key in self.chosen[spec.name] if key != UNKNOWN]
        unknown = UNKNOWN in self.chosen[spec.name]
        if not keys and not unknown:
            return "1 = 0", []
        marks = ", ".join(["%s"] * len(keys))
        if spec.links:
            return (
                f"EXISTS (SELECT 1 FROM {elements(spec)} WHERE e.value IN ({marks}))",
                keys,
            )
        column = f"m.{quote(alias(spec))}"
        parts = [f"{column} IN ({marks})"] if keys else []
        if unknown:  # no value: NULL, or an empty text
            parts.append(f"COALESCE(CAST({column} AS TEXT), '') = ''")
        return "(" + " OR ".join(parts) + ")", keys

    def where(self, leave_out: str | None) -> tuple[str, list]:
        parts, params = [], []
        for spec in self.specs:
            if spec.name in self.chosen and spec.name != leave_out:
                sql, values = self.condition(spec)
                parts.append(sql)
                params += values
        return (" WHERE " + " AND ".join(parts) if parts else ""), params

    def branch(self, spec) -> tuple[str, list]:
        """The grouped count of one facet over the records passing the others."""
        where, params = self.where(spec.name)
        label = f"'{spec.name}'"
        if spec.links:
            source, key = each_key(spec, where), "e.value"
        else:
            source, key = f"m{where}", f"m.{quote(alias(spec))}"
        return (
            f"SELECT {label}, CAST({key} AS TEXT), COUNT(*) FROM {source} "
            f"GROUP BY {key}",
            params,
        )

    def size(self, name: str, leave_out: str | None) -> tuple[str, list]:
        where, params = self.where(leave_out)
        return f"SELECT '{name}', NULL, COUNT(*) FROM m{where}", params

    def run(self, count: list) -> tuple[dict[str, Counter], dict[str, int]]:
        """Counts of the facets in ``count``; sizes: the total and each active
        facet's base (the records passing every filter but its own)."""
        parts = [self.branch(spec) for spec in count]
        parts.append(self.size(TOTAL, None))
        parts += [self.size(f"base:{name}", name) for name in self.chosen]
        sql = f"WITH m AS MATERIALIZED ({self.sql}) " + " UNION ALL ".join(
            part for part, _ in parts
        )
        params = self.params + [value for _, values in parts for value in values]
        with read_connection().cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        counts: dict[str, Counter] = {spec.name: Counter() for spec in count}
        sizes: dict[str, int] = {}
        named = {spec.name for spec in count if spec.named is not None}
        bucketed = {spec.name for spec in count if spec.unknown}
        for name, key, n in rows:
            if name not in counts:
                sizes[name] = n
            elif key is not None and key != "":
                counts[name][int(key) if name in named else key] = n
            elif name in bucketed:  # records without a value: "Undated", …
                counts[name][UNKNOWN] += n
        return counts, sizes


def count_all(
    specs: list, queryset: QuerySet | RowSet, chosen: dict[str, set]
) -> Tally:
    """Every facet counted disjunctively over the queryset, plus the total."""
    counts, sizes = Statement(specs, queryset, chosen).run(specs)
    bases = {name: sizes[f"base:{name}"] for name in chosen}
    return Tally(counts, sizes[TOTAL], bases=bases)


def scaled(result: Tally, factor: int) -> Tally:
    """A sample's tally as an estimate of the whole."""
    counts = {
        name: Counter({key: n * factor for key, n in counter.items()})
        for name, counter in result.counts.items()
    }
    bases = {name: n * factor for name, n in result.bases.items()}
    return Tally(counts, result.total * factor, set(counts), True, bases)


@dataclass(frozen=True)
class Counting:
    """What to count: facet specs, the active filters' keys, and the querysets."""

    specs: list
    chosen: dict[str, set]
    matching: QuerySet  # the query and dates, without facet filters
    # facet names → the results, each allowed to fail one of those facets' filters
    narrowed: Callable[[tuple[str, ...]], QuerySet]
    text_matches: Callable[[], int | None] = lambda: None  # the text index's count
    rows: RowSearch | None = None  # the same search on the narrow table (rows.py)

    def count(self) -> Tally:
        """The tally of this search: from the cache, or counted now."""
        chosen = sorted(
            (name, sorted(map(str, keys))) for name, keys in self.chosen.items()
        )
        names = [spec.name for spec in self.specs]
        key = fingerprint(self.matching, names, chosen, self.limit(), sample_every())
        return cached_search(f"tally:{key}", self.count_now)

    def count_now(self) -> Tally:
        every = sample_every()
        if self.at_most() <= self.limit() * ESTIMATE_MARGIN:
            return count_all(self.specs, self.source(), self.chosen)
        sample = count_all(self.specs, self.source(every=every), self.chosen)
        estimate = scaled(sample, every)
        self.make_exact_where_small(estimate)
        return estimate

    def limit(self) -> int:
        """How many matches are counted exactly at most (more are estimated)."""
        if self.rows is not None and self.rows.rechecks:
            return min(exact_limit(), phrase_exact_limit())
        return exact_limit()

    def at_most(self) -> int:
        """About how many records match at most: the text index's count of its
        matches (or the planner's estimate of it), else the sample's. A wrong guess
        costs time, never exactness: a small search guessed large is counted exactly
        again below, a large one guessed small is counted exactly. The planner
        underestimates phrases and exclusions (tens of thousands of matches guessed
        as a few hundred), so where the sample has its own index (the narrow table)
        a small guess is checked on the sample, which costs a 64th of counting."""
        bound = self.text_matches()
        small = bound is not None and bound <= self.limit() * ESTIMATE_MARGIN
        if bound is None or (small and self.rows is not None):
            every = sample_every()
            bound = self.source(every=every).count() * every
        return bound

    def source(
        self, every: int | None = None, left_out: tuple[str, ...] | None = None
    ) -> QuerySet | RowSet:
        """The records to count: the matches (a sample of them, with ``every``),
        or, with ``left_out``, the results of every facet filter, of which a record
        may fail one of those left out."""
        if self.rows is not None:
            pushed = () if left_out is None else set(self.chosen) - set(left_out)
            return self.rows.rows(every, pushed, left_out or ())
        if left_out is not None:
            return self.narrowed(left_out)
        return self.matching if every is None else sampled(self.matching, every)

    def make_exact_where_small(self, estimate: Tally) -> None:
        """Recount exactly the total and each facet whose own records are few, in
        one statement: the records passing every filter but one of those facets'
        hold the results and each of those facets' records. (A facet's records
        include the results, so when those are many, no facet's are few.)"""
        limit = self.limit()
        if estimate.total > limit:
            return
        few = tuple(name for name in self.chosen if estimate.bases[name] <= limit)
        counted = [s for s in self.specs if s.name not in self.chosen or s.name in few]
        kept = {name: self.chosen[name] for name in few}
        exact = count_all(counted, self.source(left_out=few), kept)
        self.replace(estimate, exact)
        estimate.total, estimate.total_estimated = exact.total, False

    @staticmethod
    def replace(estimate: Tally, exact: Tally) -> None:
        for name, counter in exact.counts.items():
            estimate.counts[name] = counter
            estimate.estimated.discard(name)
