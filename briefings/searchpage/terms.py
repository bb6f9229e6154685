"""The search page's Terms tab: the archive's Chinese terms that match the query, by
either script (folded as the search folds them), by pinyin (toned or toneless) or by
an English rendering, each with both scripts, its pinyin and its renderings counted.

Terms are few next to articles (one per pair a text gives), so a query reads them
with a handful of statements and matches pinyin and words in Python; the readings of
every public term are kept while the archive does not change (cache.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from ..cache import cached_search
from ..models import Term, TermRendering
from ..search.cjk import simplified
from ..search.pinyin import pinyin_tokens, spelled_span, toneless
from ..search.query import CJK_RUN

MAX_QUERY_CHARS = 200  # a term, its pinyin or a rendering is never longer
MAX_WORDS = 12
WORD = re.compile(r"[^\W_]+")
# How a term was found, as the hit says it (strongest first).
BY_CHINESE, BY_PINYIN, BY_RENDERING = "Chinese", "pinyin", "English rendering"


@dataclass(frozen=True)
class TermsTab:
    """The Terms tab: no facets or ranking, only the terms and their renderings."""

    name: str = "terms"
    label: str = "Terms"
    url_name: str = "briefings:search_terms"
    noun: str = "term"
    result_template: str = "briefings/_term_result.html"


TERMS = TermsTab()


@dataclass(frozen=True)
class TermsQuery:
    """What a query can match a term by: its CJK runs (folded), its pinyin
    syllables when all of it reads as pinyin, and its other words (lower case)."""

    chinese: list[str]
    pinyin: list[str] | None
    words: list[str]

    @property
    def is_empty(self) -> bool:
        return not (self.chinese or self.pinyin or self.words)


@dataclass
class TermHit:
    term: Term
    url: str
    matched_by: list[str]
    exact: bool = False
    renderings: list[tuple[str, int]] = field(default_factory=list)

    @property
    def rendering_count(self) -> int:
        return sum(count for _, count in self.renderings)


def read_terms_query(raw: str) -> TermsQuery:
    """The query's parts; operators and punctuation are ignored, a very long
    query is read up to its first ``MAX_QUERY_CHARS`` characters. A query with
    Chinese in it is matched by its Chinese alone (its other words would only
    narrow or widen it by chance)."""
    text = " ".join(raw.split())[:MAX_QUERY_CHARS]
    chinese = [simplified(run) for run in CJK_RUN.findall(text)]
    latin = CJK_RUN.sub(" ", text)
    words = [w.casefold() for w in WORD.findall(latin) if w != "OR"][:MAX_WORDS]
    pinyin = None if chinese else pinyin_tokens(" ".join(words))
    return TermsQuery(chinese, pinyin, words if not chinese else [])


def find_terms(raw: str) -> list[TermHit]:
    """The public terms the query matches: exact matches first, then the most
    rendered; each with its renderings, most used first."""
    query = read_terms_query(raw)
    if query.is_empty:
        return []
    matched: dict[int, list[str]] = {}
    for pk in chinese_matches(query.chinese):
        matched.setdefault(pk, []).append(BY_CHINESE)
    for pk in pinyin_matches(query.pinyin):
        matched.setdefault(pk, []).append(BY_PINYIN)
    for pk in rendering_matches(query.words):
        matched.setdefault(pk, []).append(BY_RENDERING)
    hits = {
        term.pk: TermHit(term, term.get_absolute_url(), matched[term.pk])
        for term in public_terms().filter(pk__in=matched)
    }
    rows = TermRendering.objects.public().filter(term__in=list(hits))
    add_renderings(hits, rows.order_by("pk").values_list("term_id", "english"))
    for hit in hits.values():
        hit.exact = is_exact(hit, query)
    return sorted(
        hits.values(),
        key=lambda h: (
            not h.exact,
            -h.rendering_count,
            len(h.term.simplified),
            h.term.simplified,
        ),
    )


def add_renderings(hits: dict[int, TermHit], rows) -> None:
    """Each hit's renderings with their counts, most used first; renderings that
    differ only in case count as one, written as first seen (as on a term page)."""
    counted: dict[int, Counter] = {pk: Counter() for pk in hits}
    written: dict[tuple[int, str], str] = {}
    for pk, english in rows:
        key = english.casefold()
        counted[pk][key] += 1
        written.setdefault((pk, key), english)
    for pk, hit in hits.items():
        pairs = [(written[pk, key], n) for key, n in counted[pk].items()]
        hit.renderings = sorted(pairs, key=lambda p: (-p[1], p[0].casefold()))


def public_terms() -> QuerySet:
    """Terms a reader may see: shown, not merged, with a rendering in the source of
    a public article (as the index of terms lists them)."""
    rendered = TermRendering.objects.public().values("term")
    return Term.objects.filter(is_published=True, merged_into=None, pk__in=rendered)


def chinese_matches(runs: list[str]) -> list[int]:
    """Terms whose Chinese holds every run (the terms are kept simplified)."""
    if not runs:
        return []
    condition = Q()
    for run in runs:
        condition &= Q(simplified__contains=run)
    return list(public_terms().filter(condition).values_list("pk", flat=True))


def pinyin_matches(tokens: list[str] | None) -> list[int]:
    """Terms whose reading spells the syllables, on syllable boundaries."""
    if not tokens:
        return []
    readings = cached_search("term-readings", term_readings)
    return [pk for pk, parts in readings if spelled_span(parts, tokens)]


def term_readings() -> list[tuple[int, list[str]]]:
    """Every public term's toneless syllables, one per character."""
    rows = public_terms().values_list("pk", "pinyin")
    return [(pk, [toneless(s) for s in pinyin.split()]) for pk, pinyin in rows]


def rendering_matches(words: list[str]) -> list[int]:
    """Terms with a public rendering holding every word, each at a word's start."""
    if not words:
        return []
    condition = Q()
    for word in words:
        condition &= Q(english__icontains=word)
    rows = TermRendering.objects.public().filter(condition)
    rows = rows.filter(term__in=public_terms()).values_list("term_id", "english")
    starts = [re.compile(rf"(?<!\w){re.escape(word)}") for word in words]
    return sorted(
        {
            pk
            for pk, english in rows
            if all(s.search(english.casefold()) for s in starts)
        }
    )


def is_exact(hit: TermHit, query: TermsQuery) -> bool:
    """Whether the query is the whole term: its Chinese, its reading or a
    rendering, word for word."""
    term = hit.term
    if query.chinese:
        return query.chinese == [term.simplified]
    if query.pinyin and "".join(query.pinyin) == toneless(term.pinyin).replace(" ", ""):
        return True
    words = " ".join(query.words)
    return any(" ".join(WORD.findall(e.casefold())) == words for e, _ in hit.renderings)
