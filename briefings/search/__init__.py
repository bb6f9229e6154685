"""Full-text search: one small interface, one backend module per database.

    search(queryset, text)   -> queryset filtered and annotated with ``rank`` and
                                ``headline`` (escaped HTML with <mark>, or None)
    matching(queryset, query) -> queryset filtered only (for facet counts)

Article and Claim querysets are searchable. The index itself lives in the database
(PostgreSQL: a generated tsvector column; SQLite: FTS5 tables kept by triggers), is
created by a migration and is named only in the backend modules.
"""

from __future__ import annotations

import re

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .cjk import fold, fold_text
from .expressions import START, STOP
from .postgres import PostgresBackend
from .query import Query, Term, parse_query
from .sqlite import SqliteBackend

__all__ = [
    "Query",
    "Term",
    "get_backend",
    "highlight",
    "match_count",
    "matching",
    "parse_query",
    "planner_hints",
    "search",
    "update_statistics",
]

BACKENDS = {"postgresql": PostgresBackend, "sqlite": SqliteBackend}
SNIPPET_CHARS = 260


def get_backend():
    """The backend for the default database's vendor."""
    try:
        return BACKENDS[connection.vendor]()
    except KeyError:
        raise ImproperlyConfigured(
            f"No search backend for {connection.vendor}"
        ) from None


def matching(queryset: QuerySet, query: Query) -> QuerySet:
    """The queryset narrowed to records that match the query (no ranking)."""
    if query.is_empty:
        return queryset
    return get_backend().filter(queryset, query)


def search(queryset: QuerySet, text: str | Query) -> QuerySet:
    """Filter by the query and annotate ``rank`` and ``headline_raw``."""
    query = text if isinstance(text, Query) else parse_query(text)
    if query.is_empty:
        return queryset
    backend = get_backend()
    return backend.annotate(backend.filter(queryset, query), query)


def match_count(model, query: Query) -> int | None:
    """How many records the text index matches for the query's words and phrases,
    without reading them (None: no such words): an upper bound of its results, counted
    by FTS5 on SQLite, estimated by the planner on PostgreSQL."""
    if query.is_empty:
        return None
    return get_backend().match_count(model, query)


def planner_hints():
    """A context in which the search's statements run best (see the backends)."""
    return get_backend().planner_hints()


def update_statistics() -> None:
    """Refresh the query planner's statistics: after a bulk import, without them a
    planner can choose a plan thousands of times slower (a search's id list probed
    once per briefing)."""
    get_backend().update_statistics()


def marked_html(raw: str) -> SafeString:
    """Escape text carrying START/STOP markers, then turn the markers into <mark>."""
    html = escape(raw).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)


def term_pattern(query: Query) -> re.Pattern | None:
    """A regex finding the query's words and phrases in plain text (words by their
    stem); CJK terms are found in the folded text instead (``term_spans``)."""
    parts = []
    for term in query.positive_terms:
        if term.is_cjk:
            continue
        if term.is_phrase:
            parts.append(re.escape(term.text).replace(r"\ ", r"\W+"))
        else:
            parts.append(rf"\b{re.escape(_rough_stem(term.text))}\w*")
    if not parts:
        return None
    return re.compile("|".join(sorted(parts, key=len, reverse=True)), re.IGNORECASE)


def term_spans(text: str, query: Query) -> list[tuple[int, int]]:
    """Where the query's terms stand in the text, in order, without overlaps. A CJK
    term is looked for in the folded text, which keeps every position (cjk.fold), so
    習近平 is marked where a search for 习近平 found it, as written."""
    pattern = term_pattern(query)
    spans = [m.span() for m in pattern.finditer(text)] if pattern else []
    cjk_terms = {fold(term.text) for term in query.positive_terms if term.is_cjk}
    folded = fold_text(text) if cjk_terms else ""
    for term in cjk_terms:
        start = folded.find(term)
        while start != -1:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + len(term))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged


def _rough_stem(word: str) -> str:
    """Strip common English endings so highlights find inflected forms."""
    word = word.lower()
    for ending in (
        "ations",
        "ation",
        "ings",
        "ing",
        "ions",
        "ion",
        "ies",
        "es",
        "ed",
        "s",
    ):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def highlight(text: str, query: Query, *, snippet: bool = False) -> SafeString:
    """Text with the query's terms marked; with ``snippet`` only the part around the
    first match."""
    if not query.positive_terms:
        return escape(text[:SNIPPET_CHARS] if snippet else text)
    spans = term_spans(text, query)
    if snippet:
        start = max(0, (spans[0][0] if spans else 0) - SNIPPET_CHARS // 3)
        end = start + SNIPPET_CHARS
        spans = [
            (max(a, start), min(b, end)) for a, b in spans if a < end and b > start
        ]
        prefix, suffix = ("…" if start else ""), "…"
    else:
        start, end, prefix, suffix = 0, len(text), "", ""
    marked, position = [prefix], start
    for a, b in spans:
        marked += [text[position:a], START, text[a:b], STOP]
        position = b
    marked += [text[position:end], suffix]
    return marked_html("".join(marked))
