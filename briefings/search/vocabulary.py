"""The archive's vocabulary, for "did you mean" when a search finds nothing."""

from __future__ import annotations

import difflib
import re

from django.db.models import QuerySet

from ..models import SearchWord
from .query import Query
from .stopwords import STOP_WORDS

WORD = re.compile(r"[^\W\d_]{3,40}")
BATCH = 2000


def words_in(*texts: str) -> set[str]:
    """The lower-cased words (3+ letters, no stop words) in some texts."""
    words = set()
    for text in texts:
        words.update(w.lower() for w in WORD.findall(text or ""))
    return words - STOP_WORDS


def record_words(words: set[str]) -> None:
    """Remember words; those already known are left alone."""
    rows = [SearchWord(word=w, length=len(w)) for w in sorted(words) if len(w) <= 60]
    SearchWord.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)


def rebuild_vocabulary(articles: QuerySet) -> int:
    """Recompute the vocabulary from every article; the number of words."""
    SearchWord.objects.all().delete()
    words: set[str] = set()
    for title, body in articles.values_list("title", "body").iterator(chunk_size=BATCH):
        words |= words_in(title, body)
        if len(words) > 50_000:
            record_words(words)
            words = set()
    record_words(words)
    return SearchWord.objects.count()


def nearest_word(word: str) -> str | None:
    """The closest known word to a word that is not known, or None."""
    word = word.lower()
    if SearchWord.objects.filter(word=word).exists():
        return None
    candidates = SearchWord.objects.filter(
        length__gte=len(word) - 2, length__lte=len(word) + 2, word__startswith=word[:1]
    ).values_list("word", flat=True)
    matches = difflib.get_close_matches(
        word, list(candidates[:20000]), n=1, cutoff=0.75
    )
    return matches[0] if matches else None


def suggest(query: Query) -> str | None:
    """The query text with unknown words replaced by their nearest known words."""
    text, changed = query.text, False
    for word in query.words():
        better = nearest_word(word)
        if better:
            text = re.sub(rf"\b{re.escape(word)}\b", better, text)
            changed = True
    return text if changed else None
