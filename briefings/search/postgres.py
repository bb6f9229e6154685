"""PostgreSQL backend: a weighted, generated tsvector column with a GIN index.

The text search configuration ``archive_english`` is English with ``unaccent`` in front
of the stemmer, so ``Grunberg`` finds Grünberg. The built-in parser does not segment
Chinese, so CJK terms are matched as substrings (LIKE).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection, transaction
from django.db.models import Case, F, FloatField, Q, QuerySet, TextField, Value, When

from .conditions import narrow
from .expressions import START, STOP, TITLE_BONUS, TableSQL
from .query import Query, Term

CONFIG = "archive_english"
RANK_WEIGHTS = [0.05, 0.2, 0.4, 1.0]  # D, C, B, A: title (A) outweighs body (C)


@dataclass(frozen=True)
class Index:
    table: str
    vector_sql: str  # the generated column's expression
    title_column: str
    headline_column: str
    like_columns: tuple[str, ...]


def _weighted(column: str, weight: str) -> str:
    return f"setweight(to_tsvector('{CONFIG}'::regconfig, coalesce({column}, '')), '{weight}')"


INDEXES = {
    "article": Index(
        "briefings_article",
        " || ".join(
            [
                _weighted("title", "A"),
                _weighted("subtitle", "A"),
                _weighted("section", "B"),
                _weighted("outlet", "B"),
                _weighted("body", "C"),
            ]
        ),
        "title",
        "body",
        ("title", "body"),
    ),
    "claim": Index(
        "briefings_claim", _weighted("text", "A"), "text", "text", ("text",)
    ),
}

SETUP_SQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"""DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.english);
        ALTER TEXT SEARCH CONFIGURATION {CONFIG}
          ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
      END IF;
    END $$""",
]


def ddl(index: Index) -> list[str]:
    """The generated column and its GIN index for one table."""
    return [
        f"ALTER TABLE {index.table} ADD COLUMN IF NOT EXISTS search_vector tsvector "
        f"GENERATED ALWAYS AS ({index.vector_sql}) STORED",
        f"CREATE INDEX IF NOT EXISTS {index.table}_search_idx "
        f"ON {index.table} USING gin (search_vector)",
    ]


def drop_ddl(index: Index) -> list[str]:
    return [
        f"DROP INDEX IF EXISTS {index.table}_search_idx",
        f"ALTER TABLE {index.table} DROP COLUMN IF EXISTS search_vector",
    ]


def term_query(term: Term) -> SearchQuery:
    kind = "phrase" if term.is_phrase else "plain"
    return SearchQuery(term.text, config=CONFIG, search_type=kind)


def clauses_query(clauses: list[list[Term]]) -> SearchQuery | None:
    """AND of clauses, each an OR of its terms; None when there is nothing to match."""
    combined = None
    for clause in clauses:
        alternatives = None
        for term in clause:
            alternatives = (
                term_query(term)
                if alternatives is None
                else alternatives | term_query(term)
            )
        combined = alternatives if combined is None else combined & alternatives
    return combined


class PostgresBackend:
    vendor = "postgresql"

    def index_for(self, queryset: QuerySet) -> Index:
        return INDEXES[queryset.model._meta.model_name]

    def vector(self) -> TableSQL:
        return TableSQL("{table}.search_vector", output_field=SearchVectorField())

    def filter(self, queryset: QuerySet, query: Query) -> QuerySet:
        """Narrow the queryset to matches (tsquery for words, LIKE for CJK)."""
        index = self.index_for(queryset)
        queryset = queryset.alias(_search_vector=self.vector())
        fulltext = clauses_query(query.fulltext_clauses())
        if fulltext is not None:
            queryset = queryset.filter(_search_vector=fulltext)
        return narrow(
            queryset,
            query,
            index.like_columns,
            lambda term: Q(_search_vector=term_query(term)),
        )

    def annotate(self, queryset: QuerySet, query: Query) -> QuerySet:
        """Add ``rank`` (title matches first) and ``headline_raw``."""
        index = self.index_for(queryset)
        fulltext = clauses_query(query.fulltext_clauses())
        if fulltext is None:
            return queryset.annotate(
                rank=Value(0.0), headline_raw=Value(None, output_field=TextField())
            )
        title_vector = SearchVector(index.title_column, config=CONFIG)
        title_bonus = Case(
            When(_title_vector=fulltext, then=Value(TITLE_BONUS)),
            default=Value(0.0),
            output_field=FloatField(),
        )
        headline = SearchHeadline(
            index.headline_column,
            fulltext,
            config=CONFIG,
            start_sel=START,
            stop_sel=STOP,
            max_words=40,
            min_words=20,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
        return queryset.alias(
            _search_vector=self.vector(), _title_vector=title_vector
        ).annotate(
            rank=SearchRank(F("_search_vector"), fulltext, weights=RANK_WEIGHTS)
            + title_bonus,
            headline_raw=headline,
        )

    def match_count(self, model, query: Query) -> int | None:
        """About how many records the index matches for the query's full-text
        clauses (None without such clauses): the planner's estimate, from the
        statistics it keeps on the vector's words. Counting them would read every
        match's row (a GIN match is always rechecked on the table): a second for a
        common word at a million articles."""
        fulltext = clauses_query(query.fulltext_clauses())
        if fulltext is None:
            return None
        records = model.objects.alias(_search_vector=self.vector())
        matches = records.filter(_search_vector=fulltext).values("pk")
        sql, params = matches.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        return int(plan[0]["Plan"]["Plan Rows"])

    def ranks(self, model, ids: list[int], query: Query) -> dict[int, float]:
        """Scores of these records (as ``annotate``)."""
        records = self.annotate(model.objects.filter(pk__in=ids), query)
        return dict(records.values_list("pk", "rank"))

    def headlines(self, model, ids: list[int], query: Query) -> dict[int, str]:
        """The matched passage of each record, words between START and STOP."""
        records = self.annotate(model.objects.filter(pk__in=ids), query)
        return dict(records.values_list("pk", "headline_raw"))

    @contextmanager
    def planner_hints(self) -> Iterator[None]:
        """Prefer the GIN index to a sequential scan while searching: the planner
        does not count the cost of decompressing every row's tsvector to test it,
        which makes a scan of a common word's matches ten times slower than the
        bitmap of the index (measured in docs/BENCHMARKS.md)."""
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
            yield

    def update_statistics(self) -> None:
        """Let the query planner see the tables' sizes (after a bulk import)."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def rebuild(self) -> int:
        """The generated columns are always current; re-index and count the rows."""
        total = 0
        with connection.cursor() as cursor:
            for index in INDEXES.values():
                cursor.execute(f"REINDEX INDEX {index.table}_search_idx")
                cursor.execute(f"SELECT count(*) FROM {index.table}")
                total += cursor.fetchone()[0]
        return total
