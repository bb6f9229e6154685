"""PostgreSQL backend: a weighted, generated tsvector column with a GIN index.

It finds what the SQLite backend finds (a differential test compares them over
generated queries), so it reads text the way FTS5's ``porter unicode61`` does:

- words are runs of letters and digits; every other character separates them
  (``SEPARATORS``, applied before PostgreSQL's parser, which would otherwise keep
  ``21.3``, ``co-operation`` or ``example.org`` whole);
- the original Porter stemmer (Snowball's ``porter``, not ``english``), after
  ``unaccent``, so ``Grunberg`` finds Grünberg;
- no stop words in the index: the query language drops them from plain words
  (query.py) and keeps them in phrases, which then match word for word.

The built-in parser does not segment Chinese, so CJK terms are matched as
substrings (LIKE).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection, router, transaction
from django.db.models import Case, F, FloatField, Q, QuerySet, TextField, Value, When

from ..models import read_connection
from .conditions import narrow
from .expressions import START, STOP, TITLE_BONUS, TableSQL
from .narrow import refill as refill_narrow_table
from .query import Query, Term

CONFIG = "archive_porter"
# What separates words (see the module docstring): ASCII and Latin-1 punctuation,
# symbols, spaces and controls, and the punctuation blocks of Unicode. As regular
# expression escapes, not a character class: ``[:alnum:]`` is ASCII only under the
# C locale. Letters and digits outside these (ª, ², ①…) are left inside words.
SEPARATORS = (
    r"[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\xa9\xab-\xb1\xb4\xb6-\xb8\xbb\xbf\xd7\xf7"
    r"\u2000-\u206f\u2190-\u245f\u2500-\u2bff\u3000-\u3003\u3008-\u3020\u3030"
    r"\ufe10-\ufe6f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+"
)
WORD_TYPES = "asciiword, word, numword, asciihword, hword, hword_part, hword_asciipart, hword_numpart"
RANK_WEIGHTS = [0.05, 0.2, 0.4, 1.0]  # D, C, B, A: title (A) outweighs body (C)


@dataclass(frozen=True)
class Index:
    table: str
    vector_sql: str  # the generated column's expression
    title_column: str
    headline_column: str
    like_columns: tuple[str, ...]
    # Filter columns kept in the GIN index beside the vector (btree_gin): a search
    # narrowed by one of them intersects the word's and the filter's lists in the
    # index, and reads only the rows passing both (not every match of a common word,
    # each with its vector read from TOAST to be tested).
    key_columns: tuple[str, ...] = ()


# FTS5's stemmer leaves words under three letters alone; PostgreSQL's stores ``us``
# as ``u``, so that ``u`` would find "US". A two-letter word ending in s is written
# with a double s (which the stemmer keeps), in the text and in queries alike.
SHORT_PLURAL_SQL = r"(^| )([^ ])([sS])(?= |$)", r"\1\2\3\3"
SHORT_PLURAL = re.compile(r"(?<!\S)(\S)([sS])(?!\S)")


def words_of(column: str) -> str:
    """SQL: the column's text with every separator a space (see SEPARATORS) and short
    plurals doubled (see SHORT_PLURAL)."""
    pattern, replacement = SHORT_PLURAL_SQL
    spaced = f"regexp_replace(coalesce({column}, ''), '{SEPARATORS}', ' ', 'g')"
    return f"regexp_replace({spaced}, '{pattern}', '{replacement}', 'g')"


def _weighted(column: str, weight: str) -> str:
    return (
        f"setweight(to_tsvector('{CONFIG}'::regconfig, {words_of(column)}), '{weight}')"
    )


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
        ("kind", "section", "outlet"),
    ),
    "claim": Index(
        "briefings_claim",
        _weighted("text", "A"),
        "text",
        "text",
        ("text",),
    ),
}

SETUP_SQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS btree_gin",  # contrib, shipped with PostgreSQL
    f"""DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = '{CONFIG}_stem') THEN
        CREATE TEXT SEARCH DICTIONARY {CONFIG}_stem (TEMPLATE = snowball, Language = porter);
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.simple);
        ALTER TEXT SEARCH CONFIGURATION {CONFIG}
          ALTER MAPPING FOR {WORD_TYPES} WITH unaccent, {CONFIG}_stem;
      END IF;
    END $$""",
]


def ddl(index: Index) -> list[str]:
    """The generated column and its GIN index (with the filter keys) for one table."""
    return [
        f"ALTER TABLE {index.table} ADD COLUMN IF NOT EXISTS search_vector tsvector "
        f"GENERATED ALWAYS AS ({index.vector_sql}) STORED",
        *index_ddl(index),
    ]


def index_ddl(index: Index) -> list[str]:
    columns = ", ".join(("search_vector", *index.key_columns))
    return [
        f"CREATE INDEX IF NOT EXISTS {index.table}_search_idx "
        f"ON {index.table} USING gin ({columns})"
    ]


def drop_ddl(index: Index) -> list[str]:
    return [
        f"DROP INDEX IF EXISTS {index.table}_search_idx",
        f"ALTER TABLE {index.table} DROP COLUMN IF EXISTS search_vector",
    ]


def term_query(term: Term) -> SearchQuery:
    kind = "phrase" if term.is_phrase else "plain"
    text = SHORT_PLURAL.sub(r"\1\2\2", term.text)
    return SearchQuery(text, config=CONFIG, search_type=kind)


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


def planned_rows(connection, sql: str, params) -> int:
    """How many rows the planner expects the statement to return (its statistics,
    nothing read). It counts a phrase as its words in any order."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


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
        title_vector = TableSQL(
            f"to_tsvector('{CONFIG}'::regconfig, "
            f"{words_of('{table}.' + index.title_column)})",
            output_field=SearchVectorField(),
        )
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
        return planned_rows(read_connection(model), sql, params)

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
        # On the database this request reads (a read replica's transaction leaves
        # the reads on the replica).
        with transaction.atomic(using=router.db_for_read(None)):
            with read_connection().cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
            yield

    def update_statistics(self) -> None:
        """Let the query planner see the tables' sizes (after a bulk import)."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def rebuild(self) -> int:
        """The generated columns are always current; re-index, refill the narrow
        search table and count the rows."""
        refill_narrow_table()
        total = 0
        with connection.cursor() as cursor:
            for index in INDEXES.values():
                cursor.execute(f"REINDEX INDEX {index.table}_search_idx")
                cursor.execute(f"SELECT count(*) FROM {index.table}")
                total += cursor.fetchone()[0]
        return total
