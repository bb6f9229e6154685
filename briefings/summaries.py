"""Counts kept, not recounted: the figures the browsing pages show, held in
``CountSummary`` rows that database triggers keep in step with the records.

Counting the links of a million articles after every change takes seconds; adding
one to a row as a link is written takes nothing. The triggers live in the database,
so every writer keeps the counts: the importer, the admin, a topic merge, an
archive restore (``COPY`` on PostgreSQL), a raw bulk ``UPDATE``. ``rebuild()``
(``manage.py rebuild_counts``) recounts them from the records, and ``recount()``
is what a check compares the kept rows with.

What is counted (``subject``, ``item``):

- ``briefings``, ``articles``, ``claims`` (item 0): the archive's totals; articles
  and claims a reader may see only (published, in their source, in a public article);
- ``publication`` (its id): its briefings;
- ``briefing``, ``topic``, ``person`` (the id): their public articles (a person's:
  those they wrote);
- ``briefing-month``, ``article-month`` (``YYYYMM``): briefings, and public articles,
  by the month their briefing is dated (undated ones are not counted);
- ``topic-month`` (``topic id × 1,000,000 + YYYYMM``): a topic's public articles by
  month, for its timeline.

Each table's trigger adds what its rows contribute and takes away what they
contributed before, one ``INSERT … ON CONFLICT DO UPDATE`` per statement with the
deltas summed per row (an edit that changes nothing counted writes nothing).
PostgreSQL runs it once per statement over the statement's rows (transition
tables), SQLite once per row. A migration that rebuilds one of these tables on
SQLite drops its triggers: such a migration runs ``create_triggers`` again.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

TABLE = "briefings_countsummary"
MONTH_ITEMS = 1_000_000  # topic-month: topic id × this + YYYYMM

ARTICLE = "briefings_article"
BRIEFING = "briefings_briefing"
CLAIM = "briefings_claim"
TOPIC_LINK = "briefings_articletopic"
AUTHOR_LINK = "briefings_articleauthor"

PUBLIC_A = "a.is_published AND a.is_in_source"
PUBLIC_R = "r.is_published AND r.is_in_source"


@dataclass(frozen=True)
class Counted:
    """One table's rows and what each contributes: SELECTs of (subject, item) with
    ``{rows}`` (aliased ``r``) for the rows, ``{ym_r}`` and ``{ym_b}`` for the
    ``YYYYMM`` of ``r.published_on`` and of ``b.published_on`` (the briefing).
    ``canonical``: the selects that count their subjects from scratch (each subject
    is counted from one table only)."""

    table: str
    columns: tuple[str, ...]
    selects: tuple[str, ...]
    canonical: tuple[bool, ...]


def _counted(table: str, columns: tuple[str, ...], *selects: tuple[str, bool]):
    return Counted(
        table, columns, tuple(s for s, _ in selects), tuple(c for _, c in selects)
    )


COUNTED = [
    _counted(
        BRIEFING,
        ("id", "publication_id", "published_on"),
        ("SELECT 'briefings', 0 FROM {rows} r", True),
        (
            "SELECT 'publication', r.publication_id FROM {rows} r "
            "WHERE r.publication_id IS NOT NULL",
            True,
        ),
        (
            "SELECT 'briefing-month', {ym_r} FROM {rows} r "
            "WHERE r.published_on IS NOT NULL",
            True,
        ),
        (
            f"SELECT 'article-month', {{ym_r}} FROM {{rows}} r "
            f"JOIN {ARTICLE} a ON a.briefing_id = r.id "
            f"WHERE r.published_on IS NOT NULL AND {PUBLIC_A}",
            False,
        ),
        (
            f"SELECT 'topic-month', CAST(t.topic_id AS BIGINT) * {MONTH_ITEMS} + {{ym_r}} FROM {{rows}} r "
            f"JOIN {ARTICLE} a ON a.briefing_id = r.id "
            f"JOIN {TOPIC_LINK} t ON t.article_id = a.id "
            f"WHERE r.published_on IS NOT NULL AND {PUBLIC_A}",
            False,
        ),
    ),
    _counted(
        ARTICLE,
        ("id", "briefing_id", "is_published", "is_in_source"),
        (f"SELECT 'articles', 0 FROM {{rows}} r WHERE {PUBLIC_R}", True),
        (f"SELECT 'briefing', r.briefing_id FROM {{rows}} r WHERE {PUBLIC_R}", True),
        (
            f"SELECT 'article-month', {{ym_b}} FROM {{rows}} r "
            f"JOIN {BRIEFING} b ON b.id = r.briefing_id "
            f"WHERE {PUBLIC_R} AND b.published_on IS NOT NULL",
            True,
        ),
        (
            f"SELECT 'claims', 0 FROM {{rows}} r "
            f"JOIN {CLAIM} c ON c.article_id = r.id "
            f"WHERE {PUBLIC_R} AND c.is_published AND c.is_in_source",
            True,
        ),
        (
            f"SELECT 'topic', t.topic_id FROM {{rows}} r "
            f"JOIN {TOPIC_LINK} t ON t.article_id = r.id WHERE {PUBLIC_R}",
            True,
        ),
        (
            f"SELECT 'person', p.person_id FROM {{rows}} r "
            f"JOIN {AUTHOR_LINK} p ON p.article_id = r.id WHERE {PUBLIC_R}",
            True,
        ),
        (
            f"SELECT 'topic-month', CAST(t.topic_id AS BIGINT) * {MONTH_ITEMS} + {{ym_b}} FROM {{rows}} r "
            f"JOIN {TOPIC_LINK} t ON t.article_id = r.id "
            f"JOIN {BRIEFING} b ON b.id = r.briefing_id "
            f"WHERE {PUBLIC_R} AND b.published_on IS NOT NULL",
            True,
        ),
    ),
    _counted(
        CLAIM,
        ("article_id", "is_published", "is_in_source"),
        (
            f"SELECT 'claims', 0 FROM {{rows}} r "
            f"JOIN {ARTICLE} a ON a.id = r.article_id "
            f"WHERE {PUBLIC_R} AND {PUBLIC_A}",
            False,
        ),
    ),
    _counted(
        TOPIC_LINK,
        ("article_id", "topic_id"),
        (
            f"SELECT 'topic', r.topic_id FROM {{rows}} r "
            f"JOIN {ARTICLE} a ON a.id = r.article_id WHERE {PUBLIC_A}",
            False,
        ),
        (
            f"SELECT 'topic-month', CAST(r.topic_id AS BIGINT) * {MONTH_ITEMS} + {{ym_b}} FROM {{rows}} r "
            f"JOIN {ARTICLE} a ON a.id = r.article_id "
            f"JOIN {BRIEFING} b ON b.id = a.briefing_id "
            f"WHERE {PUBLIC_A} AND b.published_on IS NOT NULL",
            False,
        ),
    ),
    _counted(
        AUTHOR_LINK,
        ("article_id", "person_id"),
        (
            f"SELECT 'person', r.person_id FROM {{rows}} r "
            f"JOIN {ARTICLE} a ON a.id = r.article_id WHERE {PUBLIC_A}",
            False,
        ),
    ),
]


def year_month(vendor: str, date: str) -> str:
    """A date's month as the integer YYYYMM."""
    if vendor == "postgresql":
        return f"(EXTRACT(YEAR FROM {date})::bigint * 100 + EXTRACT(MONTH FROM {date}))"
    return f"CAST(strftime('%Y%m', {date}) AS INTEGER)"


def _select(vendor: str, select: str, rows: str, sign: str) -> str:
    """One contribution as rows of (subject, item, n)."""
    head, rest = select.split(" FROM ", 1)
    subject, item = head.removeprefix("SELECT ").split(", ", 1)
    dates = {"ym_r": "r.published_on", "ym_b": "b.published_on"}
    months = {name: year_month(vendor, date) for name, date in dates.items()}
    return (
        f"SELECT {subject} AS subject, CAST({item.format(**months)} AS BIGINT) "
        f"AS item, {sign} AS n FROM {rest.format(rows=rows)}"
    )


def _upsert(parts: list[str]) -> str:
    """Add the summed deltas to the kept rows (in one order: two writers lock the
    rows they share in the same order, so they wait rather than deadlock)."""
    union = " UNION ALL ".join(parts)
    return (
        f"INSERT INTO {TABLE} (subject, item, total) "
        f"SELECT subject, item, SUM(n) FROM ({union}) AS d WHERE true "
        "GROUP BY subject, item HAVING SUM(n) <> 0 ORDER BY subject, item "
        f"ON CONFLICT (subject, item) DO UPDATE SET total = {TABLE}.total + "
        "excluded.total"
    )


EVENTS = ("insert", "update", "delete")


def _trigger_name(counted: Counted, event: str) -> str:
    return f"{counted.table}_counts_{event}"


def _rows(vendor: str, counted: Counted, which: str) -> str:
    """The rows a trigger sees: a transition table on PostgreSQL, the one row on
    SQLite."""
    if vendor == "postgresql":
        return f"{which.lower()}_rows"
    values = ", ".join(f"{which}.{column} AS {column}" for column in counted.columns)
    return f"(SELECT {values})"


def _trigger_statement(vendor: str, counted: Counted, event: str) -> str:
    parts = []
    for which, sign in (("OLD", "-1"), ("NEW", "1")):
        if (event, which) in (("insert", "OLD"), ("delete", "NEW")):
            continue
        rows = _rows(vendor, counted, which)
        parts += [_select(vendor, s, rows, sign) for s in counted.selects]
    return _upsert(parts)


def create_statements(vendor: str) -> list[str]:
    """The DDL of every trigger that keeps the counts, on this vendor."""
    sqls = []
    for counted in COUNTED:
        for event in EVENTS:
            name = _trigger_name(counted, event)
            body = _trigger_statement(vendor, counted, event)
            if vendor == "postgresql":
                refs = {
                    "insert": "NEW TABLE AS new_rows",
                    "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                    "delete": "OLD TABLE AS old_rows",
                }[event]
                sqls.append(
                    f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger "
                    f"LANGUAGE plpgsql AS $$ BEGIN {body}; RETURN NULL; END $$"
                )
                sqls.append(
                    f"CREATE TRIGGER {name} AFTER {event.upper()} ON {counted.table} "
                    f"REFERENCING {refs} FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
                )
            else:
                sqls.append(
                    f"CREATE TRIGGER {name} AFTER {event.upper()} ON {counted.table} "
                    f"FOR EACH ROW BEGIN {body}; END"
                )
    return sqls


def drop_statements(vendor: str) -> list[str]:
    sqls = []
    for counted in COUNTED:
        for event in EVENTS:
            name = _trigger_name(counted, event)
            if vendor == "postgresql":
                sqls.append(f"DROP TRIGGER IF EXISTS {name} ON {counted.table}")
                sqls.append(f"DROP FUNCTION IF EXISTS {name}()")
            else:
                sqls.append(f"DROP TRIGGER IF EXISTS {name}")
    return sqls


def recount_sql(vendor: str) -> str:
    """Every kept count, counted from the records: rows of (subject, item, total)."""
    parts = [
        _select(vendor, select, counted.table, "1")
        for counted in COUNTED
        for select, canonical in zip(counted.selects, counted.canonical, strict=True)
        if canonical
    ]
    union = " UNION ALL ".join(parts)
    return (
        f"SELECT subject, item, SUM(n) FROM ({union}) AS d "
        "GROUP BY subject, item HAVING SUM(n) <> 0"
    )


def recount() -> dict[tuple[str, int], int]:
    """The counts as the records are now, by (subject, item)."""
    with connection.cursor() as cursor:
        cursor.execute(recount_sql(connection.vendor))
        return {(s, int(i)): int(n) for s, i, n in cursor.fetchall()}


def kept() -> dict[tuple[str, int], int]:
    """The counts the triggers kept, by (subject, item); zeros left out."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT subject, item, total FROM {TABLE} WHERE total <> 0")
        return {(s, int(i)): int(n) for s, i, n in cursor.fetchall()}


def rebuild() -> int:
    """Count everything again from the records, and re-create the triggers (a
    migration that rebuilt a table may have lost them). The number of rows kept."""
    vendor = connection.vendor
    with connection.cursor() as cursor:
        for sql in [*drop_statements(vendor), *create_statements(vendor)]:
            cursor.execute(sql)
        cursor.execute(f"DELETE FROM {TABLE}")
        cursor.execute(
            f"INSERT INTO {TABLE} (subject, item, total) {recount_sql(vendor)}"
        )
        return cursor.rowcount


def create_triggers(apps, schema_editor) -> None:
    """For migrations: create the triggers and count what is already there."""
    vendor = schema_editor.connection.vendor
    for sql in create_statements(vendor):
        schema_editor.execute(sql, params=None)
    schema_editor.execute(
        f"INSERT INTO {TABLE} (subject, item, total) {recount_sql(vendor)}",
        params=None,
    )


def drop_triggers(apps, schema_editor) -> None:
    for sql in drop_statements(schema_editor.connection.vendor):
        schema_editor.execute(sql, params=None)
