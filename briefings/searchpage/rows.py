"""An article search answered from PostgreSQL's narrow search table alone.

The narrow table (briefings/search/narrow.py) holds, per article, its text vector, its
CJK runs and everything the search page filters, counts and orders by. Every article
search with a query is read from it: the matches and their facet keys for the counts
(``RowSet``), the results in the page's order (``RowSearch.ordered``), which an index
of each order gives without sorting every match, and the month chart. Browsing
without a query, SQLite, and the claims use the article and claim tables
(counting.py, results.py); both ways find the same records (the contract tests run
on both databases, and tests/searchpage/test_row_search.py compares them).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from typing import Any

from django.contrib.postgres.search import SearchQuery
from django.db.models.sql import Query as SQLQuery
from django.http import QueryDict

from ..models import Article, read_connection
from ..search import Query, Term, narrow, parse_query
from ..search.cjk import fold
from ..search.expansion import expand
from ..search.postgres import clauses_query, planned_rows, term_query
from .filters import NO, UNKNOWN, YES, SearchFilterSet

# The results' orders, as the article filter's (filters.ArticleFilter.orderings),
# each the key of an index of the narrow table.
ORDERS = {
    "newest": "{day} DESC NULLS LAST, s.briefing_id DESC, s.position, s.article_id",
    "oldest": "{day} ASC NULLS LAST, s.briefing_id, s.position, s.article_id",
}
# Reading rows in an order index's order and testing each (its words read from its
# vector) pays when matches are dense: the first N are found early. When they are
# sparse, finding them through the text index and sorting them is faster, and the
# planner, which does not count the cost of reading vectors, misjudges it (a
# filtered common word: 400 ms walking the index, 80 ms sorting). The order index
# is walked when the matches' share of the table makes the walk read fewer rows
# than the sort would, times this factor for the cost of testing a row's words.
WALK_COST = 3
# A facet's column in the narrow row and its condition for the records without a
# value. One value is compared with ``=``, which the text index (btree_gin) answers
# together with the words; the link ids are arrays: overlap, which it answers too.
CONDITIONS = {
    "publication": ("s.publication_id", "s.publication_id IS NULL"),
    "year": ("s.year", "s.day IS NULL"),
    "topic": ("s.topic_ids", None),
    "author": ("s.author_ids", None),
    "outlet": ("s.outlet", "s.outlet = ''"),
    "section": ("s.section", "s.section = ''"),
    "kind": ("s.kind", None),
}
ARRAYS = {"topic", "author"}


@dataclass(frozen=True)
class RowSearch:
    """One article search as conditions on the narrow table's rows ``s``."""

    text: tuple[str, list]  # the words (tsquery) and exclusions, as SQL
    dates: tuple[datetime.date | None, datetime.date | None]
    chosen: dict[str, set] = field(default_factory=dict)  # facet → keys
    rechecks: bool = False  # phrases: each candidate's vector is read to match

    def where(
        self,
        pushed: frozenset[str] | set[str] = frozenset(),
        all_but_one: frozenset[str] = frozenset(),
    ) -> tuple[str, list]:
        """SQL true for the matches, with the ``pushed`` facets' filters applied and
        all but at most one of the ``all_but_one`` facets' (the keys first, the
        words last: testing the words reads the row's vector)."""
        parts, values = ["s.is_public"], []
        start, end = self.dates
        if start is not None:
            parts.append("s.day >= %s")
            values.append(start)
        if end is not None:
            parts.append("s.day <= %s")
            values.append(end)
        for name in sorted(pushed):
            condition, condition_values = facet_condition(name, self.chosen[name])
            parts.append(condition)
            values += condition_values
        if len(all_but_one) > 1:
            condition, condition_values = self.all_but_one(sorted(all_but_one))
            parts.append(condition)
            values += condition_values
        sql, params = self.text
        return " AND ".join([*parts, sql]), values + list(params)

    def all_but_one(self, names: list[str]) -> tuple[str, list]:
        """SQL true for the rows passing every named facet's filter but one at most."""
        conditions = {name: facet_condition(name, self.chosen[name]) for name in names}
        alternatives, values = [], []
        for left_out in names:
            kept = [conditions[name] for name in names if name != left_out]
            alternatives.append("(" + " AND ".join(sql for sql, _ in kept) + ")")
            values += [value for _, kept_values in kept for value in kept_values]
        return "(" + " OR ".join(alternatives) + ")", values

    def month_counts(self, year: int, every: int | None) -> dict[int, int]:
        """Results per month of ``year``, whatever the dates and years chosen (the
        chart's bars), counted on the sample and scaled up with ``every``."""
        chosen = {name: keys for name, keys in self.chosen.items() if name != "year"}
        search = replace(self, dates=(None, None), chosen=chosen | {"year": {year}})
        where, params = search.where(set(search.chosen))
        if every is not None:
            where += sample_condition(every)
        sql = (
            f"SELECT CAST(extract(month FROM s.day) AS integer), count(*) "
            f"FROM {narrow.TABLE} s WHERE {where} GROUP BY 1"
        )
        with read_connection(Article).cursor() as cursor:
            cursor.execute(sql, params)
            return {month: n * (every or 1) for month, n in cursor.fetchall()}

    def rows(
        self, every: int | None = None, pushed=frozenset(), all_but_one=frozenset()
    ) -> RowSet:
        return RowSet(self, every, frozenset(pushed), frozenset(all_but_one))

    def ordered(
        self, sort: str, start: int, stop: int | None, matches: int
    ) -> list[tuple]:
        """(article id, day, position) of the results ``start:stop`` in ``sort``
        order, every filter applied; ``matches``: about how many there are."""
        where, params = self.where(set(self.chosen))
        # ``+ 0`` keeps the order but hides the index, when sorting is cheaper.
        walk = stop is not None and (
            walks(stop, matches)
            or (self.rechecks and walks(stop, matches, self.candidates(where, params)))
        )
        order = ORDERS[sort].format(day="s.day" if walk else "(s.day + 0)")
        limit = "" if stop is None else f" LIMIT {int(stop) - int(start)}"
        sql = (
            f"SELECT s.article_id, s.day, s.position FROM {narrow.TABLE} s "
            f"WHERE {where} ORDER BY {order}{limit} OFFSET {int(start)}"
        )
        with read_connection(Article).cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def candidates(self, where: str, params: list) -> int:
        """About how many rows the text index gives for ``where``: for a phrase,
        every row holding its words (the planner counts a phrase so)."""
        sql = f"SELECT s.article_id FROM {narrow.TABLE} s WHERE {where}"
        return planned_rows(read_connection(Article), sql, params)


@dataclass(frozen=True)
class RowSet:
    """The matches of a row search (a sample of them, with ``every``; filtered by
    the ``pushed`` facets, and by all but one of the ``all_but_one`` facets) as a
    source of the facet counts."""

    search: RowSearch
    every: int | None
    pushed: frozenset[str]
    all_but_one: frozenset[str] = frozenset()

    def keys_sql(self, specs: list, alias) -> tuple[str, list]:
        """Each match's id and facet keys, named ``alias(spec)``."""
        where, params = self.search.where(self.pushed, self.all_but_one)
        if self.every is not None:
            where += sample_condition(self.every)
        keys = "".join(
            f", {narrow.column(spec.name, 's')} AS {alias(spec)}" for spec in specs
        )
        return f"SELECT s.article_id{keys} FROM {narrow.TABLE} s WHERE {where}", params

    def count(self) -> int:
        sql, params = self.keys_sql([], str)
        with read_connection(Article).cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM ({sql}) AS matches", params)
            return cursor.fetchone()[0]


def walks(wanted: int, matches: int, candidates: int | None = None) -> bool:
    """Whether to read the first ``wanted`` of ``matches`` rows in an order
    index's order rather than find and sort them all (see ``WALK_COST``).
    ``candidates``: when the text index gives rows whose words must be read to
    know whether they match (a phrase's), how many; each then costs what a walked
    row does (a phrase under a section: 38,000 candidates sorted for 2,300 matches
    in 230 ms, the 20 newest walked to in 20 ms)."""
    walked = wanted * table_rows() / max(matches, 1)
    found = matches if candidates is None else candidates * WALK_COST
    return walked * WALK_COST < found


def table_rows() -> int:
    """About how many rows the narrow table has (the planner's statistics)."""
    with read_connection(Article).cursor() as cursor:
        cursor.execute(
            "SELECT GREATEST(reltuples, 1) FROM pg_class WHERE oid = %s::regclass",
            [narrow.TABLE],
        )
        return int(cursor.fetchone()[0])


def sample_condition(every: int) -> str:
    """The sample's rows: literal, since the sample's index is on this expression."""
    return f" AND (s.article_id %% {int(every)}) = 0"


def year_ranges(years: list[int]) -> tuple[str, list]:
    """Rows dated in any of the years, as the year (for the text index) and as a
    range of days (for the order indexes, which then start at the year's last day
    instead of reading every later row first)."""
    ranges = ["(s.year = %s AND s.day >= %s AND s.day < %s)"] * len(years)
    bounds = [
        bound
        for year in years
        for bound in (year, datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1))
    ]
    return " OR ".join(ranges), bounds


def known_condition(name: str, known: list) -> tuple[str, list]:
    """SQL true for the rows with any of these keys of the facet."""
    column = CONDITIONS[name][0]
    if name == "year":
        return year_ranges(known)
    if name in ARRAYS:
        return f"{column} && CAST(%s AS bigint[])", [known]
    if len(known) == 1:
        return f"{column} = %s", known
    return f"{column} = ANY(%s)", [known]


def facet_condition(name: str, keys: set) -> tuple[str, list]:
    """SQL true for the narrow rows having any of the facet's keys."""
    if name == "has_claims":
        if {YES, NO} <= keys:
            return "TRUE", []
        return ("s.has_claims" if YES in keys else "NOT s.has_claims"), []
    unknown = CONDITIONS[name][1]
    known = sorted(key for key in keys if key != UNKNOWN)
    parts, values = [], []
    if known:
        condition, values = known_condition(name, known)
        parts.append(condition)
    if UNKNOWN in keys and unknown:
        parts.append(unknown)
    if not parts:
        return "FALSE", []
    return "(" + " OR ".join(parts) + ")", values


def row_search(
    filterset_class: type[SearchFilterSet],
    data: QueryDict,
    chosen: dict[str, set],
) -> RowSearch | None:
    """The search as a row search, or None when the narrow table cannot answer it:
    not PostgreSQL, not articles, or no words (every article: the article table's
    own indexes list them newest first)."""
    if filterset_class._meta.model is not Article:
        return None
    if read_connection(Article).vendor != "postgresql":
        return None
    if not set(chosen) <= set(narrow.COLUMNS):
        return None
    query = parse_query(data.get("q"))
    if query.is_empty:
        return None
    # As the filter reads it (filters.SearchFilterSet.filter_q): the query, or
    # what it matches and what its term's other renderings match.
    expansion = expand(query, enabled=data.get("expand") != "0")
    sql, params = text_sql(query)
    phrases = [*query.positive_terms, *query.excluded]
    if expansion.also:
        also_sql, also_params = text_sql(expansion.query)
        sql, params = f"(({sql}) OR ({also_sql}))", params + also_params
        phrases += expansion.query.positive_terms
    rechecks = any(term.is_phrase and not term.is_cjk for term in phrases)
    return RowSearch((sql, params), dates(filterset_class, data), chosen, rechecks)


def text_sql(query: Query) -> tuple[str, list]:
    """SQL true for the rows matching the query (as search.matching). Words left
    out with ``-`` are part of the words' tsquery when there are words: the index
    then drops their rows itself, where a separate ``NOT`` reads every candidate's
    vector (four times slower for a common word)."""
    parts, values = [], []
    fulltext = clauses_query(query.fulltext_clauses())
    excluded = query.excluded
    if fulltext is not None:
        for term in [term for term in excluded if not term.is_cjk]:
            fulltext &= ~term_query(term)
        excluded = [term for term in excluded if term.is_cjk]
        sql, params = compiled(fulltext)
        parts.append(f"s.search_vector @@ {sql}")
        values += params
    for clause in query.substring_clauses():
        alternatives = [term_sql(term) for term in clause]
        parts.append("(" + " OR ".join(sql for sql, _ in alternatives) + ")")
        values += [value for _, params in alternatives for value in params]
    for term in excluded:
        sql, params = term_sql(term)
        parts.append(f"NOT {sql}")
        values += params
    return " AND ".join(parts), values


def term_sql(term: Term) -> tuple[str, list]:
    """One term: a CJK run as a substring of the row's CJK runs, as written or
    folded (search/conditions.py); other terms by the text index."""
    if term.is_cjk:
        patterns = [f"%{text}%" for text in {term.text, fold(term.text)}]
        likes = " OR ".join(["s.cjk_runs LIKE %s"] * len(patterns))
        return f"(s.cjk_runs <> '' AND ({likes}))", patterns
    sql, params = compiled(term_query(term))
    return f"(s.search_vector @@ {sql})", params


def compiled(expression: SearchQuery) -> tuple[str, list[Any]]:
    """An expression's SQL and parameters, as the ORM would write them."""
    connection = read_connection(Article)
    sql_query = SQLQuery(Article)
    compiler = sql_query.get_compiler(connection=connection)
    sql, params = compiler.compile(expression.resolve_expression(sql_query))
    return sql, list(params)


def dates(
    filterset_class: type[SearchFilterSet], data: QueryDict
) -> tuple[datetime.date | None, datetime.date | None]:
    """The ``from`` and ``to`` dates the filter applies (invalid ones are dropped)."""
    form = filterset_class(data, queryset=Article.objects.none()).form
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    return cleaned.get("from"), cleaned.get("to")
