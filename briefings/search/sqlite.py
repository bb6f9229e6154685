"""SQLite backend: external-content FTS5 tables kept in sync by triggers.

Porter stemming over unicode61 with diacritics removed (``Grunberg`` finds Grünberg).
FTS5 does not segment Chinese, so CJK terms are matched as substrings (LIKE), which
finds two-character words such as 内卷 that a trigram index would miss.

FTS5 tells SQLite's planner that every MATCH finds a few rows, so it starts from the
matches and looks each up by id. For a common word (hundreds of thousands of matches
at a million articles) that is seconds; starting from the other conditions (the date
order, a narrow filter, the sample) and testing each record against the matches is
far faster. So a search with more than ``lookup_limit()`` matches is written so that
the planner cannot start from them (``+id IN …``). The limit is the exact-count limit
of counting.py (plus its margin): a search counted exactly has no other way to count
than to look each match up, and a larger one is counted on the indexed sample and
ordered by walking the dates. The count comes from FTS5 itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, Q, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL

from ..cache import cached, digest
from .conditions import narrow
from .expressions import TITLE_BONUS, TableSQL, table_text
from .query import Query, Term

TOKENIZER = "porter unicode61 remove_diacritics 2"
LOOKUP_MARGIN = 1.25  # counting.py's margin over its exact-count limit


def lookup_limit() -> int:
    """Matches SQLite looks up one by one: the exact-count limit and its margin."""
    return int(getattr(settings, "SEARCH_EXACT_LIMIT", 10_000) * LOOKUP_MARGIN)


@dataclass(frozen=True)
class Index:
    table: str  # the content table
    columns: tuple[str, ...]  # indexed columns, in FTS order
    weights: tuple[float, ...]  # bm25 weight of each column
    headline_column: int  # the column snippets come from
    like_columns: tuple[str, ...]  # fields searched for CJK substrings

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"

    def matching(self, select: str) -> str:
        """``SELECT select`` of the index's matches of a %s expression."""
        return f"SELECT {select} FROM {self.fts} WHERE {self.fts} MATCH %s"

    def bm25(self) -> str:
        """The weighted bm25 call (lower is better) of this index's columns."""
        return f"bm25({self.fts}, {', '.join(str(w) for w in self.weights)})"


INDEXES = {
    "article": Index(
        "briefings_article",
        ("title", "subtitle", "section", "outlet", "body"),
        (10.0, 4.0, 2.0, 2.0, 1.0),
        4,
        ("title", "body"),
    ),
    "claim": Index("briefings_claim", ("text",), (1.0,), 0, ("text",)),
}


def title_match(index: Index, expression: str) -> str:
    """The expression, matched in the index's first column (the title) only."""
    return f"{{{index.columns[0]}}} : ({expression})"


def quote(text: str) -> str:
    """An FTS5 string: every token quoted, so user text is never FTS5 syntax."""
    return '"' + text.replace('"', '""') + '"'


def match_expression(terms: list[list[Term]], excluded: list[Term] = ()) -> str:
    """AND of clauses, each an OR of quoted words and phrases (CJK terms left out),
    less the ``excluded`` words and phrases (FTS5's NOT).

    The AND is spelled out: FTS5 accepts implicit AND between strings only, and
    rejects it beside a parenthesised group (``("a" OR "b") "c"``). Exclusions are
    part of the expression: FTS5 subtracts one word list from another, where a
    separate ``NOT id IN (…)`` builds the excluded word's list of ids for every
    statement and tests each record against it (a common word less another, of
    one kind, at 100k articles: 33 → 11 ms)."""
    clauses = []
    for clause in terms:
        alternatives = [quote(term.text) for term in clause if not term.is_cjk]
        if len(alternatives) == 1:
            clauses.append(alternatives[0])
        elif alternatives:
            clauses.append("(" + " OR ".join(alternatives) + ")")
    expression = " AND ".join(clauses)
    left_out = [quote(term.text) for term in excluded if not term.is_cjk]
    if expression and left_out:
        expression = f"({expression})" + "".join(f" NOT {text}" for text in left_out)
    return expression


def ddl(index: Index) -> list[str]:
    """The FTS5 table and its triggers for one index."""
    cols = ", ".join(index.columns)
    new = ", ".join(f"new.{c}" for c in index.columns)
    old = ", ".join(f"old.{c}" for c in index.columns)
    fts, table = index.fts, index.table
    remove = (
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    )
    add = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, "
        f"content='{table}', content_rowid='id', tokenize='{TOKENIZER}')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE ON {table} "
        f"BEGIN {remove} {add} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def drop_ddl(index: Index) -> list[str]:
    fts = index.fts
    triggers = [
        f"DROP TRIGGER IF EXISTS {fts}_{suffix}" for suffix in ("ai", "ad", "au")
    ]
    return [*triggers, f"DROP TABLE IF EXISTS {fts}"]


class SqliteBackend:
    vendor = "sqlite"

    def index_for(self, queryset: QuerySet) -> Index:
        return INDEXES[queryset.model._meta.model_name]

    def filter(self, queryset: QuerySet, query: Query) -> QuerySet:
        """Narrow the queryset to matches (FTS5 for words, LIKE for CJK)."""
        index = self.index_for(queryset)
        plain = query.fulltext_clauses()
        if plain:
            expression = match_expression(plain, query.excluded)
            queryset = queryset.filter(self._matching(index, expression))
            # The words left out are in the expression; CJK ones are not.
            query = replace(query, excluded=[t for t in query.excluded if t.is_cjk])
        return narrow(
            queryset,
            query,
            index.like_columns,
            lambda term: Q(id__in=self._matches(index, quote(term.text))),
        )

    def _matches(self, index: Index, expression: str) -> RawSQL:
        return RawSQL(index.matching("rowid"), [expression])

    def _matching(self, index: Index, expression: str) -> Q:
        """Records matching: looked up by id when few, else only tested (see above)."""
        if self._count(index, expression) <= lookup_limit():
            return Q(id__in=self._matches(index, expression))
        tested = TableSQL(
            f"+{{table}}.id IN ({index.matching('rowid')})",
            [expression],
            output_field=BooleanField(),
        )
        return Q(tested)

    def _count(self, index: Index, expression: str) -> int:
        """FTS5's count of its matches, kept until the archive changes."""
        sql = index.matching("count(*)")
        return cached(
            f"matches:{index.fts}:{digest(expression)[:32]}",
            lambda: self._rows(sql, [expression])[0][0],
        )

    def annotate(self, queryset: QuerySet, query: Query) -> QuerySet:
        """Add ``rank`` (higher is better; title matches first) and ``headline_raw``."""
        index = self.index_for(queryset)
        expression = match_expression(query.fulltext_clauses())
        if not expression:
            return queryset.annotate(
                rank=Value(0.0), headline_raw=Value(None, output_field=TextField())
            )
        fts = index.fts
        correlated = f"FROM {fts} WHERE {fts} MATCH %s AND {fts}.rowid = {{table}}.id"
        rank = TableSQL(
            f"COALESCE((SELECT -{index.bm25()} {correlated}), 0)"
            f" + (CASE WHEN EXISTS(SELECT 1 {correlated}) THEN {TITLE_BONUS} ELSE 0 END)",
            [expression, title_match(index, expression)],
        )
        headline = table_text(
            f"(SELECT snippet({fts}, {index.headline_column}, char(2), char(3), '…', 40)"
            f" {correlated})",
            [expression],
        )
        return queryset.annotate(rank=rank, headline_raw=headline)

    def match_count(self, model, query: Query) -> int | None:
        """How many records the index matches for the query's full-text clauses
        less its exclusions (an upper bound of the results; None without such
        clauses). FTS5 counts its own lists, without reading a record."""
        index = INDEXES[model._meta.model_name]
        expression = match_expression(query.fulltext_clauses(), query.excluded)
        return self._count(index, expression) if expression else None

    def ranks(self, model, ids: list[int], query: Query) -> dict[int, float]:
        """Scores of these records (as ``annotate``), in one pass over the matches."""
        index = INDEXES[model._meta.model_name]
        expression = match_expression(query.fulltext_clauses())
        if not expression or not ids:
            return {}
        sql = (
            f"SELECT rowid, -{index.bm25()} + (CASE WHEN rowid IN "
            f"({index.matching('rowid')}) THEN {TITLE_BONUS} ELSE 0 END) "
            f"{self._among(index.fts)}"
        )
        params = [title_match(index, expression), expression, json.dumps(ids)]
        return dict(self._rows(sql, params))

    def headlines(self, model, ids: list[int], query: Query) -> dict[int, str]:
        """The matched passage of each record, words between START and STOP."""
        index = INDEXES[model._meta.model_name]
        expression = match_expression(query.fulltext_clauses())
        if not expression or not ids:
            return {}
        fts = index.fts
        sql = (
            f"SELECT rowid, snippet({fts}, {index.headline_column}, char(2), char(3), "
            f"'…', 40) {self._among(fts)}"
        )
        return dict(self._rows(sql, [expression, json.dumps(ids)]))

    @staticmethod
    def _among(fts: str) -> str:
        # ``+rowid`` keeps FTS5 from looking each id up separately (one MATCH per
        # id); scanning the matches once and keeping the listed ids is far faster.
        return (
            f"FROM {fts} WHERE {fts} MATCH %s "
            "AND +rowid IN (SELECT value FROM json_each(%s))"
        )

    @staticmethod
    def _rows(sql: str, params: list) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    @contextmanager
    def planner_hints(self) -> Iterator[None]:
        """SQLite's planner needs none (see the PostgreSQL backend)."""
        yield

    def update_statistics(self) -> None:
        """Let the query planner see the tables' sizes (after a bulk import), every
        index read whole: a sampled analysis (``analysis_limit``) guessed each index
        of the same table at a different size (43,648 rows for one, 97,200 for
        another, of 100,000), and the planner then read every article's wide row
        through the smaller-looking index instead of its covering one (a search
        narrowed by an outlet at 100k: 92 → 8 ms). The whole analysis takes 0.4 s at
        100k articles and 2.7 s at a million."""
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA analysis_limit = 0")
            cursor.execute("ANALYZE")

    def rebuild(self) -> int:
        """Rebuild every FTS5 table from its content table; the number of rows indexed."""
        total = 0
        with connection.cursor() as cursor:
            for index in INDEXES.values():
                cursor.execute(
                    f"INSERT INTO {index.fts}({index.fts}) VALUES ('rebuild')"
                )
                cursor.execute(f"SELECT count(*) FROM {index.table}")
                total += cursor.fetchone()[0]
        return total
