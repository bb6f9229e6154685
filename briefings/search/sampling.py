"""A systematic sample of a searchable table: the records whose id is a multiple of N.

Both databases keep an index on ``id % SAMPLE_EVERY`` (created with the search index),
so a sample of a million articles is read without scanning them. The expression is
written literally, because an index on an expression is used only for the same
expression, not a parameter.
"""

from __future__ import annotations

from django.db.models import BooleanField, QuerySet

from .expressions import TableSQL

SAMPLE_EVERY = 64
SAMPLED_TABLES = ("briefings_article", "briefings_claim")


def sampled(queryset: QuerySet, every: int) -> QuerySet:
    """The records of the queryset whose id is a multiple of ``every``."""
    every = int(every)
    condition = TableSQL(f"({{table}}.id %% {every}) = 0", output_field=BooleanField())
    return queryset.filter(condition)


def ddl() -> list[str]:
    return [
        f"CREATE INDEX IF NOT EXISTS {table}_sample_idx "
        f"ON {table} ((id % {SAMPLE_EVERY}))"
        for table in SAMPLED_TABLES
    ]


def drop_ddl() -> list[str]:
    return [f"DROP INDEX IF EXISTS {table}_sample_idx" for table in SAMPLED_TABLES]
