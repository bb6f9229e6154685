"""What both backends share: CJK terms by substring, OR-groups, exclusions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.db import connection
from django.db.models import Q, QuerySet

from .cjk import FOLDED, fold, has_cjk
from .query import Query, Term


def substring_condition(columns: Sequence[str], text: str) -> Q:
    """Rows where any of the columns contains the text (CJK has no word index), or
    whose folded copy contains it folded (either script finds both), among those
    with CJK characters at all (a partial index: see cjk.py)."""
    condition = Q(**{f"{FOLDED}__contains": fold(text)})
    for column in columns:
        condition |= Q(**{f"{column}__contains": text})
    return condition & Q(has_cjk(connection.vendor, columns))


def any_term(
    alternatives: list[Term], columns: Sequence[str], fulltext: Callable[[Term], Q]
) -> Q:
    """Rows matching any of the terms: CJK by substring, others by the full-text index."""
    condition = Q(pk__in=[])
    for term in alternatives:
        if term.is_cjk:
            condition |= substring_condition(columns, term.text)
        else:
            condition |= fulltext(term)
    return condition


def narrow(
    queryset: QuerySet, query: Query, columns: Sequence[str], fulltext: Callable
) -> QuerySet:
    """Apply the clauses the full-text index cannot answer alone, and the exclusions."""
    for clause in query.substring_clauses():
        queryset = queryset.filter(any_term(clause, columns, fulltext))
    for term in query.excluded:
        queryset = queryset.exclude(any_term([term], columns, fulltext))
    return queryset
