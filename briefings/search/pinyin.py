"""Pinyin finds characters: ``gongtong fuyu`` or ``gòngtóng fùyù`` is offered 共同富裕.

A query is read as pinyin only when every token is a run of valid pinyin syllables
(tone marks and ü allowed) AND a Chinese term in the archive reads that way, and even
then it is only offered ("Search for 共同富裕 (gòngtóng fùyù)?"), never mixed into the
results: "change" or "long" stay English words. The archive's Chinese terms are its
CJK runs, kept in the search vocabulary (vocabulary.py) with their toneless reading,
syllables run together (``SearchWord.pinyin``); a match must start and end on
syllable boundaries, and so must each token of the query.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict

from ..cache import cached_search, digest
from ..models import SearchWord
from .cjk import fold

HAN_ONLY = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
TOKEN = re.compile(r"[a-z]+")
MAX_TOKENS = 6
CANDIDATES = 200  # vocabulary rows read for one query
OFFERS = 3
TONE_MARKED_U = str.maketrans({c: "v" for c in "üǖǘǚǜ"})


@dataclass(frozen=True)
class Offer:
    """A Chinese term of the archive that reads as the query did."""

    term: str
    pinyin: str  # toned, grouped like the query's words


def toneless(text: str) -> str:
    """Lower case, ü as v, tone marks removed (``Gòngtóng`` → ``gongtong``)."""
    text = unicodedata.normalize("NFC", text.lower()).translate(TONE_MARKED_U)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (from pypinyin's dictionary), without the
    vowel-less interjections (m, n, ng, hm) that would make English words pinyin."""
    # Some 1,500 distinct toned readings among 40,000 characters: normalise each once
    # (a worker's first search waited 0.7 s when every character's were normalised).
    toned = {
        reading for readings in pinyin_dict.values() for reading in readings.split(",")
    }
    found = {toneless(reading) for reading in toned}
    return frozenset(s for s in found if s.isalpha() and re.search("[aeiouv]", s))


def is_syllables(token: str) -> bool:
    """Whether the token splits wholly into pinyin syllables."""
    valid, longest = syllables(), 6
    reachable = [True] + [False] * len(token)
    for end in range(1, len(token) + 1):
        reachable[end] = any(
            reachable[start] and token[start:end] in valid
            for start in range(max(0, end - longest), end)
        )
    return reachable[-1]


def reading(word: str) -> str:
    """The toneless reading of a word of Han characters, syllables run together
    (empty for anything else): what the vocabulary keeps."""
    if not HAN_ONLY.fullmatch(word):
        return ""
    return "".join(toneless(s) for s in lazy_pinyin(word))


def pinyin_tokens(text: str) -> list[str] | None:
    """The query's tokens, toneless, if every one is pinyin; else None."""
    tokens = toneless(text).split()
    if not tokens or len(tokens) > MAX_TOKENS:
        return None
    if not all(TOKEN.fullmatch(t) and is_syllables(t) for t in tokens):
        return None
    return tokens


def offers(text: str) -> list[Offer]:
    """The archive's Chinese terms that read as the query, if it is pinyin."""
    tokens = pinyin_tokens(text)
    if tokens is None:
        return []
    # The vocabulary is read by substring: kept while the archive does not change.
    return cached_search(f"pinyin:{digest(tokens)[:32]}", lambda: _offers(tokens))


def _offers(tokens: list[str]) -> list[Offer]:
    target = "".join(tokens)
    words = SearchWord.objects.filter(pinyin__contains=target).order_by("length")
    found: dict[str, Offer] = {}
    for word in words.values_list("word", flat=True)[:CANDIDATES]:
        term = _matching_part(word, tokens)
        if term and len(term) >= 2 and fold(term) not in found:
            found[fold(term)] = Offer(fold(term), _toned(fold(term), tokens))
    return sorted(found.values(), key=lambda o: (len(o.term), o.term))[:OFFERS]


def _boundaries(parts: list[str]) -> list[int]:
    ends, total = [0], 0
    for part in parts:
        total += len(part)
        ends.append(total)
    return ends


def _matching_part(word: str, tokens: list[str]) -> str | None:
    """The characters of the word whose syllables spell the tokens."""
    parts = [toneless(s) for s in lazy_pinyin(word)]
    if len(parts) != len(word):
        return None
    span = spelled_span(parts, tokens)
    return word[span[0] : span[1]] if span else None


def spelled_span(parts: list[str], tokens: list[str]) -> tuple[int, int] | None:
    """(first, last) of the syllables that spell the tokens, on syllable
    boundaries, each token ending where a syllable does; None if none do."""
    target = "".join(tokens)
    ends = _boundaries(parts)
    spelled = "".join(parts)
    for first, start in enumerate(ends[:-1]):
        if spelled[start : start + len(target)] != target:
            continue
        token_ends = {start + end for end in _boundaries(tokens)}
        if token_ends <= set(ends):
            return first, ends.index(start + len(target))
    return None


def _toned(term: str, tokens: list[str]) -> str:
    """The term's toned pinyin, grouped like the query's tokens."""
    toned = lazy_pinyin(term, style=Style.TONE)
    groups, current, length = [], "", 0
    limits = _boundaries(tokens)[1:]
    for syllable in toned:
        current += syllable
        length += len(toneless(syllable))
        if limits and length >= limits[0]:
            groups.append(current)
            current, limits = "", limits[1:]
    return " ".join(groups + ([current] if current else []))


def toned_reading(text: str) -> str:
    """The toned pinyin of a Chinese text, a syllable per character (``gòng tóng``),
    other characters as they are."""
    return " ".join(
        part.strip() for part in lazy_pinyin(text, style=Style.TONE) if part.strip()
    )
