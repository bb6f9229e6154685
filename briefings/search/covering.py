"""Narrow indexes that let a search read its many matches without their rows.

SQLite keeps a row's text inline, so an article row is kilobytes long, and it looks
up a search's matches by id one by one: at a million articles a common word matches
hundreds of thousands, and reading their rows reads gigabytes. Each SQLite index here
starts with the column a search looks records up by and holds every column the search
then filters, orders and counts by, so SQLite answers from the index alone ("USING
COVERING INDEX").

PostgreSQL reads a search's matches through its text index's bitmap, which visits the
article rows anyway, so it needs none of the article ones. It does need the claims'
one: whether each match has public claims (the "Claims" facet) was answered by
reading the whole claim table, 560 MB at a million articles, for every search counted
exactly; a partial index of the public claims' article ids answers it from 30 MB.
"""

from __future__ import annotations

WALK_INDEX = "briefings_article_walk_idx"
SQLITE_INDEXES = {
    "briefings_article_covering_idx": (
        "briefings_article",
        ("id", "is_published", "is_in_source", "briefing_id", "position")
        + ("kind", "section", "outlet"),
    ),
    # The same columns from the briefing on, for reading the results newest first:
    # walking the briefings in date order and each one's articles in this index
    # tests every article's filters without its row (a common word of one kind at
    # 100k articles, its newest 1,000 of 901 matches: 68 → 24 ms).
    WALK_INDEX: (
        "briefings_article",
        ("briefing_id", "position", "id", "is_published", "is_in_source")
        + ("kind", "section", "outlet"),
    ),
    "briefings_briefing_covering_idx": (
        "briefings_briefing",
        ("id", "published_on", "publication_id"),
    ),
    # Whether an article has public claims (the "Claims" facet), per article.
    "briefings_claim_public_idx": (
        "briefings_claim",
        ("article_id", "is_published", "is_in_source"),
    ),
}
POSTGRES_INDEXES = {
    "briefings_claim_public_idx": (
        "briefings_claim",
        ("article_id",),
        "is_published AND is_in_source",
    ),
}


def ddl(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({', '.join(columns)})"
            for name, (table, columns) in SQLITE_INDEXES.items()
        ]
    if vendor == "postgresql":
        return [
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({', '.join(columns)}) "
            f"WHERE {condition}"
            for name, (table, columns, condition) in POSTGRES_INDEXES.items()
        ]
    return []


def drop_ddl(vendor: str) -> list[str]:
    names = {"sqlite": SQLITE_INDEXES, "postgresql": POSTGRES_INDEXES}.get(vendor, {})
    return [f"DROP INDEX IF EXISTS {name}" for name in names]
