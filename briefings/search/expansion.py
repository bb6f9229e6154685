"""Search expands through terms: a search for one rendering of a Chinese term (or for
the term itself) also finds the articles that show only the Chinese or another
rendering, as the archive's terms record them (importers/terms.py).

A query is expanded only when all of it is one term: its words (or its one CJK run)
are, ignoring case, exactly a rendering's English (or a term's Chinese, in either
script). The query then becomes one clause of alternatives: what was typed, as a
phrase, the Chinese, and the other renderings, as phrases. The page says what was
added and offers the search without it (``expand=0``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from ..cache import cached_search, digest
from ..models import Term, TermRendering
from .cjk import simplified
from .query import Query, split_terms
from .query import Term as QueryTerm

MAX_ALTERNATIVES = 6
MAX_TERM_CHARS = 20  # longer "terms" are quoted sentences, not terms
MAX_RENDERING_WORDS = 8
PUBLIC = Q(is_in_source=True, article__is_published=True, article__is_in_source=True)


@dataclass
class Expansion:
    query: Query
    also: list[str] = field(default_factory=list)  # what was added, for the page
    term_ids: list[int] = field(default_factory=list)  # the terms it came from


def expand(query: Query, *, enabled: bool = True) -> Expansion:
    """The query with the alternatives its term brings (unchanged if none)."""
    typed = _as_one_term(query) if enabled else None
    if typed is None:
        return Expansion(query)
    key = f"expansion:{digest(typed)[:32]}"
    added, term_ids = cached_search(key, lambda: _others(typed))
    if not added:
        return Expansion(query)
    clause = split_terms(typed, phrase=True)
    for text in added:
        clause += split_terms(text, phrase=True)
    expanded = Query(text=query.text, clauses=[clause], notices=list(query.notices))
    return Expansion(expanded, added, term_ids)


def _as_one_term(query: Query) -> str | None:
    """What was typed, if it could be a whole term: no exclusions or OR."""
    if query.is_empty or query.excluded or any(len(c) > 1 for c in query.clauses):
        return None
    terms = query.positive_terms
    if any(t.is_cjk for t in terms):
        return terms[0].text if len(terms) == 1 else None
    return " ".join(t.text for t in terms)


def _others(typed: str) -> tuple[list[str], list[int]]:
    """The Chinese and the renderings of the terms the text names, but the text;
    and those terms' ids."""
    key = simplified(typed)
    renderings = TermRendering.objects.filter(PUBLIC).filter(
        term__is_published=True, term__merged_into=None
    )
    terms = Term.objects.filter(
        Q(simplified=key)
        | Q(pk__in=renderings.filter(english__iexact=typed).values("term"))
    ).filter(is_published=True, merged_into=None)
    found: dict[str, str] = {}
    ids = []
    for term in terms:
        if len(term.simplified) > MAX_TERM_CHARS:
            continue
        ids.append(term.pk)
        found.setdefault(term.simplified.casefold(), term.simplified)
        for english in renderings.filter(term=term).values_list("english", flat=True):
            if len(english.split()) <= MAX_RENDERING_WORDS:
                found.setdefault(english.casefold(), english)
    for same in (typed.casefold(), key.casefold()):
        found.pop(same, None)
    ordered = sorted(found.values(), key=lambda text: (not _is_chinese(text), text))
    return ordered[:MAX_ALTERNATIVES], sorted(ids)


def _is_chinese(text: str) -> bool:
    return any(
        isinstance(t, QueryTerm) and t.is_cjk for t in split_terms(text, phrase=True)
    )
