"""Narrow covering indexes for SQLite: a search's many matches are read without
their rows.

SQLite keeps a row's text inline, so an article row is kilobytes long, and it looks
up a search's matches by id one by one: at a million articles a common word matches
hundreds of thousands, and reading their rows reads gigabytes. Each index here starts
with the column a search looks records up by and holds every column the search then
filters, orders and counts by, so SQLite answers from the index alone ("USING
COVERING INDEX"). PostgreSQL reads a search's matches through its text index's bitmap,
which visits the table rows anyway: it gets none of these.
"""

from __future__ import annotations

INDEXES = {
    "briefings_article_covering_idx": (
        "briefings_article",
        ("id", "is_published", "is_in_source", "briefing_id", "position")
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


def ddl(vendor: str) -> list[str]:
    if vendor != "sqlite":
        return []
    return [
        f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({', '.join(columns)})"
        for name, (table, columns) in INDEXES.items()
    ]


def drop_ddl(vendor: str) -> list[str]:
    if vendor != "sqlite":
        return []
    return [f"DROP INDEX IF EXISTS {name}" for name in INDEXES]
