"""The web-search query language, parsed once for both backends.

Words are ANDed; ``"exact phrase"``; ``-word`` or ``-"phrase"`` excludes; ``OR``
between two terms makes them alternatives. Chinese, Japanese and Korean runs are
matched as substrings. Curly and full-width quotes are normalised, an unbalanced quote
or parenthesis is repaired, and nothing here ever raises on user input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings

from .stopwords import STOP_WORDS

MAX_QUERY_CHARS = 500
MAX_TERMS = 12  # the default of settings.SEARCH_MAX_TERMS

QUOTES = str.maketrans(
    {c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u300c\u300d"}
)
CJK_RUN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u3100-\u312f]+"
)
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
RUN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    text: str
    is_phrase: bool = False
    is_cjk: bool = False


@dataclass
class Query:
    """Clauses are ANDed; the terms inside one clause are alternatives (OR)."""

    text: str = ""
    clauses: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.clauses and not self.excluded

    @property
    def term_count(self) -> int:
        """Words, phrases and exclusions, each OR alternative counted."""
        return len(self.positive_terms) + len(self.excluded)

    @property
    def positive_terms(self) -> list[Term]:
        return [term for clause in self.clauses for term in clause]

    def fulltext_clauses(self) -> list[list[Term]]:
        """Clauses without a CJK alternative: what a full-text index answers alone."""
        return [c for c in self.clauses if not any(term.is_cjk for term in c)]

    def substring_clauses(self) -> list[list[Term]]:
        """Clauses with a CJK alternative: matched by substring, term by term."""
        return [c for c in self.clauses if any(term.is_cjk for term in c)]

    def words(self) -> list[str]:
        """Every searched word (not phrase, not CJK), for suggestions and highlights."""
        return [t.text for t in self.positive_terms if not t.is_phrase and not t.is_cjk]


def normalise(text: str) -> str:
    """NFKC (full-width → ASCII), one kind of double quote, no control characters."""
    text = unicodedata.normalize("NFKC", text or "").translate(QUOTES)
    return "".join(char if char.isprintable() else " " for char in text).strip()


def split_terms(raw: str, *, phrase: bool) -> list[Term]:
    """A raw token or phrase as terms: CJK runs apart, words cleaned of punctuation.

    A word with punctuation inside (``China's``, ``co-operation``, ``21.3``) is the
    phrase of its letter-and-digit runs, which is how both indexes store it."""
    terms: list[Term] = []
    for index, part in enumerate(CJK_RUN.split(raw)):
        words = WORD.findall(part)
        if phrase and len(words) > 1:
            terms.append(Term(" ".join(word_runs(w) for w in words), is_phrase=True))
        else:
            terms += [
                Term(word_runs(w), is_phrase=word_runs(w) != w)
                for w in words
                if w.lower() not in STOP_WORDS or phrase
            ]
        runs = CJK_RUN.findall(raw)
        if index < len(runs):
            terms.append(Term(runs[index], is_cjk=True))
    return terms


def word_runs(word: str) -> str:
    """The word's runs of letters and digits, one space apart."""
    return " ".join(RUN.findall(word))


def parse_query(text: str) -> Query:
    """Parse what a reader typed into a Query (see module docstring)."""
    text = normalise(text)
    query = Query(text=text)
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        query.notices.append(
            f"Your search was shortened to its first {MAX_QUERY_CHARS} characters."
        )
    text = text.replace("(", " ").replace(")", " ")
    join_next = False
    for match in TOKEN.finditer(text):
        negated, phrase, word = match.group(1), match.group(2), match.group(3)
        if word == "OR":
            join_next = bool(query.clauses)
            continue
        is_phrase = phrase is not None
        if word and word.startswith("-") and len(word) > 1:
            negated, word = "-", word[1:]
        terms = split_terms(phrase if is_phrase else word, phrase=is_phrase)
        if not terms:
            continue
        if negated:
            query.excluded += terms
        elif join_next and len(terms) == 1:
            if terms[0] not in query.clauses[-1]:  # "a OR a" is "a"
                query.clauses[-1].append(terms[0])
        else:
            query.clauses += [[term] for term in terms]
        join_next = False
    _limit_clauses(query)
    return query


def max_terms() -> int:
    """How many terms a search may have (settings.SEARCH_MAX_TERMS)."""
    return getattr(settings, "SEARCH_MAX_TERMS", MAX_TERMS)


def too_many_terms(limit: int) -> str:
    return (
        f"Only the first {limit} terms of your search were used (each word, phrase, "
        "excluded word and OR alternative counts)."
    )


def _limit_clauses(query: Query) -> None:
    """Keep the first ``max_terms()`` terms, OR alternatives included: each one is
    another lookup in the index, so alternatives cost as much as words do."""
    limit = max_terms()
    if query.term_count <= limit:
        return
    kept: list[list[Term]] = []
    room = limit
    for clause in query.clauses:
        if room <= 0:
            break
        kept.append(clause[:room])
        room -= len(kept[-1])
    query.clauses = kept
    query.excluded = query.excluded[: max(0, room)]
    query.notices.append(too_many_terms(limit))
