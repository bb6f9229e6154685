"""PostgreSQL: a narrow search table, one row per article, kept by triggers.

The row holds what a search matches, filters, counts and orders by (the text
vector, whether a reader may see the article, publication, kind, section, outlet,
day and year, whether it has public claims, its topic and author ids as arrays, and
its briefing and position), so an article search is answered from this table alone
(briefings/searchpage/rows.py): counting the facets of 60,000 matches reads one
narrow row each instead of probing the topic and author link tables twice per
match and joining the briefing, the newest matches come in order from an index
instead of sorting every match, and a sample of the matches has its own small
text index (measured in docs/BENCHMARKS.md).

Triggers on the five tables the row is made from (article, briefing, article-topic,
article-author, claim) refresh the rows of the articles a statement touched, once
per statement (transition tables), in the writer's transaction: a committed change
is in the table for the next search. ``refill()`` rebuilds every row from the
articles (``manage.py rebuild_search_index``). SQLite has no such table: its
covering indexes serve the same reads (migration 0012).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from .cjk import CJK_CLASS, has_cjk_sql
from .sampling import SAMPLE_EVERY

TABLE = "briefings_searchrow"
REFRESH = f"{TABLE}_refresh"

# A facet's key column in the narrow table (article facets, briefings/searchpage/).
COLUMNS = {
    "publication": "publication_id",
    "year": "year",
    "topic": "topic_ids",
    "author": "author_ids",
    "outlet": "outlet",
    "section": "section",
    "kind": "kind",
    "has_claims": "CASE WHEN {row}.has_claims THEN 'yes' ELSE 'no' END",
}


def column(name: str, row: str) -> str:
    """SQL of facet ``name``'s key in the narrow row aliased ``row``."""
    key = COLUMNS[name]
    return key.format(row=row) if "{" in key else f"{row}.{key}"


# An article's CJK runs, folded (its ``cjk_folded``) and as written, one space apart;
# empty without CJK. A CJK query term is one run: it is in the title or body as
# written, or folded, exactly when it is in these runs (search/conditions.py).
CJK_RUNS_SQL = (
    f"CASE WHEN {has_cjk_sql('postgresql', ('title', 'body'), 'a')} "
    f"THEN a.cjk_folded || ' ' || regexp_replace(coalesce(a.title, '') || ' ' || "
    f"a.body, '[^{CJK_CLASS[1:]}+', ' ', 'g') ELSE '' END"
)

# Every article's row, computed from the source tables (``{where}``: which articles).
ROWS_SQL = """
SELECT a.id, a.search_vector, a.is_published AND a.is_in_source, a.briefing_id,
       a.position, b.publication_id, a.kind, a.section, a.outlet,
       b.published_on, CAST(extract(year FROM b.published_on) AS integer),
       EXISTS (SELECT 1 FROM briefings_claim c WHERE c.article_id = a.id
               AND c.is_published AND c.is_in_source),
       ARRAY(SELECT DISTINCT t.topic_id FROM briefings_articletopic t
             WHERE t.article_id = a.id ORDER BY 1),
       ARRAY(SELECT DISTINCT p.person_id FROM briefings_articleauthor p
             WHERE p.article_id = a.id ORDER BY 1),
       {cjk_runs}
FROM briefings_article a JOIN briefings_briefing b ON b.id = a.briefing_id
{where}
"""


def rows_sql(where: str) -> str:
    return ROWS_SQL.format(where=where, cjk_runs=CJK_RUNS_SQL)


FIELDS = (
    "article_id, search_vector, is_public, briefing_id, position, publication_id, "
    "kind, section, outlet, day, year, has_claims, topic_ids, author_ids, cjk_runs"
)

INDEX_SQL = [
    # One index for the text and every filter key (btree_gin for the scalars, the
    # array operators for the link ids): filters and words intersect in the index.
    f"""CREATE INDEX IF NOT EXISTS {TABLE}_search_idx ON {TABLE} USING gin
      (search_vector, publication_id, kind, section, outlet, year, topic_ids,
       author_ids)""",
    # The orders of the results, so the newest (or oldest) matches are read in
    # order until enough are found, not all sorted.
    f"""CREATE INDEX IF NOT EXISTS {TABLE}_newest_idx ON {TABLE}
      (day DESC NULLS LAST, briefing_id DESC, position, article_id)""",
    f"""CREATE INDEX IF NOT EXISTS {TABLE}_oldest_idx ON {TABLE}
      (day ASC NULLS LAST, briefing_id, position, article_id)""",
    # The few rows with CJK text, which a CJK substring search reads.
    f"""CREATE INDEX IF NOT EXISTS {TABLE}_cjk_idx ON {TABLE} (article_id)
      WHERE cjk_runs <> ''""",
    # The text of the sample alone (search/sampling.py): estimating a common word's
    # counts reads a 64th of its index instead of intersecting all of it.
    f"""CREATE INDEX IF NOT EXISTS {TABLE}_sample_idx ON {TABLE} USING gin
      (search_vector) WHERE (article_id % {SAMPLE_EVERY}) = 0""",
]
INDEXES = ("search", "newest", "oldest", "cjk", "sample")

CREATE_SQL = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
      -- No foreign key: the triggers remove a deleted article's row, and a key
      -- would stop TRUNCATE of the articles (the test runner's flush).
      article_id bigint PRIMARY KEY,
      search_vector tsvector NOT NULL,
      is_public boolean NOT NULL,
      briefing_id bigint NOT NULL,
      position integer NOT NULL,
      publication_id bigint,
      kind varchar(20) NOT NULL,
      section varchar(200) NOT NULL,
      outlet varchar(200) NOT NULL,
      day date,
      year integer,
      has_claims boolean NOT NULL,
      topic_ids bigint[] NOT NULL,
      author_ids bigint[] NOT NULL,
      cjk_runs text NOT NULL
    )""",
    *INDEX_SQL,
    # The rows of these articles made again from the source tables (or removed).
    f"""CREATE OR REPLACE FUNCTION {REFRESH}(ids bigint[]) RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM {TABLE} s WHERE s.article_id = ANY (ids)
        AND NOT EXISTS (SELECT 1 FROM briefings_article a WHERE a.id = s.article_id);
      INSERT INTO {TABLE} ({FIELDS})
      {rows_sql("WHERE a.id = ANY (ids)")}
      ON CONFLICT (article_id) DO UPDATE SET
        search_vector = EXCLUDED.search_vector, is_public = EXCLUDED.is_public,
        briefing_id = EXCLUDED.briefing_id, position = EXCLUDED.position,
        publication_id = EXCLUDED.publication_id, kind = EXCLUDED.kind,
        section = EXCLUDED.section, outlet = EXCLUDED.outlet, day = EXCLUDED.day,
        year = EXCLUDED.year, has_claims = EXCLUDED.has_claims,
        topic_ids = EXCLUDED.topic_ids, author_ids = EXCLUDED.author_ids,
        cjk_runs = EXCLUDED.cjk_runs;
    END $$""",
]

# (table, the article id of its rows) of every table a row is made from.
SOURCES = {
    "briefings_article": "id",
    "briefings_articletopic": "article_id",
    "briefings_articleauthor": "article_id",
    "briefings_claim": "article_id",
}


def trigger_sql() -> list[str]:
    """Statement triggers refreshing the rows of the articles a statement touched."""
    statements = []
    ways = {
        "insert": ("INSERT", "NEW TABLE AS changed", "changed"),
        "update": ("UPDATE", "OLD TABLE AS before NEW TABLE AS changed", None),
        "delete": ("DELETE", "OLD TABLE AS before", "before"),
    }
    sources = {**SOURCES, "briefings_briefing": None}
    for table, key in sources.items():
        for way, (event, referencing, rows) in ways.items():
            name = trigger_name(table, way)
            if key is None:  # a briefing: its articles
                if way != "update":
                    continue  # a new briefing has none; deleting one deletes them
                ids = (
                    "SELECT array_agg(a.id) FROM briefings_article a WHERE "
                    "a.briefing_id IN (SELECT c.id FROM changed c JOIN before o "
                    "ON o.id = c.id WHERE c.publication_id IS DISTINCT FROM "
                    "o.publication_id OR c.published_on IS DISTINCT FROM "
                    "o.published_on)"
                )
            elif rows is None:
                ids = (
                    f"SELECT array_agg(DISTINCT x) FROM (SELECT {key} AS x FROM before "
                    f"UNION SELECT {key} FROM changed) AS touched"
                )
            else:
                ids = f"SELECT array_agg(DISTINCT {key}) FROM {rows}"
            statements += [
                f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM {REFRESH}(({ids}));
                  RETURN NULL;
                END $$""",
                f"DROP TRIGGER IF EXISTS {name} ON {table}",
                f"""CREATE TRIGGER {name} AFTER {event} ON {table}
                REFERENCING {referencing} FOR EACH STATEMENT
                EXECUTE FUNCTION {name}()""",
            ]
    return [
        *statements,
        f"""CREATE OR REPLACE FUNCTION {TABLE}_empty() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM {TABLE};
          RETURN NULL;
        END $$""",
        "DROP TRIGGER IF EXISTS briefings_article_truncate_searchrow "
        "ON briefings_article",
        f"""CREATE TRIGGER briefings_article_truncate_searchrow
        AFTER TRUNCATE ON briefings_article
        FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_empty()""",
    ]


def drop_sql() -> list[str]:
    return [
        *drop_trigger_sql(),
        *(f"DROP FUNCTION IF EXISTS {name}()" for _, name in source_triggers()),
        f"DROP FUNCTION IF EXISTS {TABLE}_empty()",
        f"DROP FUNCTION IF EXISTS {REFRESH}(bigint[])",
        f"DROP TABLE IF EXISTS {TABLE}",
    ]


def source_triggers() -> list[tuple[str, str]]:
    """(table, name) of the triggers that keep the rows as their sources change."""
    return [
        (table, trigger_name(table, way))
        for table in (*SOURCES, "briefings_briefing")
        for way in ("insert", "update", "delete")
    ]


def trigger_name(table: str, way: str) -> str:
    return f"{table}_{way}_searchrow"


def drop_trigger_sql() -> list[str]:
    return [
        *(
            f"DROP TRIGGER IF EXISTS {name} ON {table}"
            for table, name in source_triggers()
        ),
        "DROP TRIGGER IF EXISTS briefings_article_truncate_searchrow "
        "ON briefings_article",
    ]


def refill_sql(*, bulk: bool = False) -> list[str]:
    """Every row made again from the articles. ``bulk``: the indexes are dropped
    and built again over the rows (several times faster than adding each row to
    them, but readers wait for the transaction: loads and migrations only)."""
    drop = [f"DROP INDEX IF EXISTS {TABLE}_{name}_idx" for name in INDEXES]
    return [
        *(drop if bulk else []),
        f"DELETE FROM {TABLE}",
        f"INSERT INTO {TABLE} ({FIELDS}) {rows_sql('')}",
        *(INDEX_SQL if bulk else []),
        f"ANALYZE {TABLE}",
    ]


def refill(*, bulk: bool = False) -> int:
    """Make every row again from the articles; the number of rows."""
    execute(refill_sql(bulk=bulk))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {TABLE}")
        return cursor.fetchone()[0]


@contextmanager
def paused() -> Iterator[None]:
    """A bulk load into an empty archive (``import_archive``): the triggers would
    make each article's row four times over (its insert, then its topics', authors'
    and claims'), and even doing nothing they would have every copied row kept for
    them (their transition tables). So they are dropped for the transaction, and
    every row is made once at the end, before the load commits, and the triggers
    made again. PostgreSQL only; inside a transaction."""
    if connection.vendor != "postgresql":
        yield
        return
    execute(drop_trigger_sql())
    yield
    refill(bulk=True)
    execute(trigger_sql())


def execute(sqls: list[str]) -> None:
    with connection.cursor() as cursor:
        for sql in sqls:
            cursor.execute(sql)
