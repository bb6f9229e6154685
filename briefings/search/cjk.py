"""Finding Chinese, Japanese and Korean text fast enough at a million articles.

Neither full-text index segments CJK text, so a CJK term is matched as a substring
(LIKE), which reads every body. Only about one record in fifty contains CJK
characters at all, so each searchable table has a partial index of exactly those
records, and a CJK search adds the index's own condition, written identically, which
lets both planners read just those records.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import BooleanField

from .expressions import TableSQL

# The scripts of query.CJK_RUN, as literal characters: a partial index is used only
# when the query repeats its condition exactly, parameters not allowed.
CJK_CLASS = (
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u3100-\u312f]"
)

TABLES = {
    "briefings_article": ("title", "body"),
    "briefings_claim": ("text",),
}


def has_cjk_sql(vendor: str, columns: Sequence[str], table: str = "") -> str:
    """SQL true when any of the columns contains a CJK character."""
    prefix = f"{table}." if table else ""
    if vendor == "postgresql":
        tests = [f"{prefix}{column} ~ '{CJK_CLASS}'" for column in columns]
    else:
        tests = [f"{prefix}{column} GLOB '*{CJK_CLASS}*'" for column in columns]
    return "(" + " OR ".join(tests) + ")"


def has_cjk(vendor: str, columns: Sequence[str]) -> TableSQL:
    """The partial index's condition, for the queryset's own table."""
    sql = has_cjk_sql(vendor, columns, "{table}")
    return TableSQL(sql, output_field=BooleanField())


def ddl(vendor: str) -> list[str]:
    return [
        f"CREATE INDEX IF NOT EXISTS {table}_cjk_idx ON {table} (id) "
        f"WHERE {has_cjk_sql(vendor, columns)}"
        for table, columns in TABLES.items()
    ]


def drop_ddl() -> list[str]:
    return [f"DROP INDEX IF EXISTS {table}_cjk_idx" for table in TABLES]
