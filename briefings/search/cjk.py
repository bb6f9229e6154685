"""Finding Chinese, Japanese and Korean text fast enough at a million articles.

Neither full-text index segments CJK text, so a CJK term is matched as a substring
(LIKE), which reads every body. Only about one record in fifty contains CJK
characters at all, so each searchable table has a partial index of exactly those
records, and a CJK search adds the index's own condition, written identically, which
lets both planners read just those records.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import opencc
from django.db import connection
from django.db.models import BooleanField, Q

from .expressions import TableSQL
from .query import CJK_RUN

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


# Simplified and traditional characters, and variants such as 台/臺, are folded to one
# form for matching: each record keeps a folded copy of its CJK runs (``FOLDED``,
# filled wherever text is written: importers/load.py, the admin, the archive restore,
# the migration) and a CJK query term is folded the same way. OpenCC's ``t2s``
# (traditional to simplified, with its variant tables) is the converter researchers'
# tools use; simplified text passes through unchanged.
FOLDED = "cjk_folded"
FOLDED_SOURCES = {"article": ("title", "body"), "claim": ("text",)}


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def fold(run: str) -> str:
    """One CJK run in its folded form (NFKC, then traditional → simplified). A run
    whose folded form has another length is kept as written, so that positions in
    the folded text are positions in the original (highlights rely on it)."""
    folded = _converter().convert(unicodedata.normalize("NFKC", run))
    return folded if len(folded) == len(run) else run


def fold_text(text: str) -> str:
    """The text with every CJK run folded, character for character."""
    return CJK_RUN.sub(lambda match: fold(match.group(0)), text or "")


def folded_copy(*texts: str | None) -> str:
    """What a record keeps in ``FOLDED``: its CJK runs, folded, one space apart
    (empty without CJK). A query term is one run, so it matches within one run."""
    return " ".join(fold(run) for text in texts for run in CJK_RUN.findall(text or ""))


def refold(record) -> None:
    """Set the record's folded copy from its text (before it is saved)."""
    sources = FOLDED_SOURCES[record._meta.model_name]
    setattr(record, FOLDED, folded_copy(*(getattr(record, f) for f in sources)))


def refold_all(model, batch: int = 500) -> int:
    """Recompute the folded copy of every record with CJK text; how many changed."""
    sources = FOLDED_SOURCES[model._meta.model_name]
    condition = Q(has_cjk(connection.vendor, sources))
    changed: list = []
    total = 0
    rows = model._default_manager.filter(condition).only("pk", FOLDED, *sources)
    rows = rows.order_by("pk")  # the partial index's order: no join, no sort
    for record in rows.iterator(chunk_size=batch):
        before = getattr(record, FOLDED)
        refold(record)
        if getattr(record, FOLDED) != before:
            changed.append(record)
        if len(changed) == batch:  # written as it goes: texts are not all held
            total += model._default_manager.bulk_update(changed, [FOLDED])
            changed = []
    return total + model._default_manager.bulk_update(changed, [FOLDED])


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def simplified(text: str) -> str:
    """The text with its CJK runs in simplified script (the key terms are kept by)."""
    return fold_text(unicodedata.normalize("NFKC", text))


def traditional(text: str) -> str:
    """The text in traditional script, as Taiwanese and Hong Kong sources write it."""
    return _to_traditional().convert(text)
