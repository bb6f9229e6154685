"""The archive's vocabulary, for "did you mean" when a search finds nothing."""

from __future__ import annotations

import difflib
import re

from django.db import connection
from django.db.models import QuerySet

from ..models import SearchWord
from .query import Query
from .stopwords import STOP_WORDS

WORD = re.compile(r"[^\W\d_]{3,40}")
BATCH = 2000
COLLECTED = 100_000  # words held in memory before they are recorded


def words_in(*texts: str | None) -> set[str]:
    """The lower-cased words (3+ letters, no stop words) in some texts."""
    found: set[str] = set()
    for text in texts:
        if text:
            found.update(WORD.findall(text))
    words = {word.lower() for word in found}  # each distinct spelling once
    return words - STOP_WORDS


def record_words(words: set[str], db=None) -> None:
    """Remember words; those already known are left alone. ``db`` is a connection
    (default: this thread's), for the archive import's writer thread."""
    db = db or connection
    rows = [(w, len(w)) for w in sorted(words) if len(w) <= 60]
    quote = db.ops.quote_name
    sql = (
        f"INSERT INTO {quote(SearchWord._meta.db_table)} (word, length) "
        "VALUES (%s, %s) ON CONFLICT DO NOTHING"
    )
    # One statement run many times: at a million articles the ORM's per-object
    # work was most of the vocabulary's time.
    with db.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


class Collector:
    """Words gathered from articles as they go by, recorded in batches so memory
    stays bounded whatever the archive's size."""

    def __init__(self, limit: int = COLLECTED) -> None:
        self.words: set[str] = set()
        self.limit = limit

    def add(self, title: str | None, body: str | None) -> bool:
        """Gather an article's words; whether enough are held to record them."""
        self.words |= words_in(title, body)
        return len(self.words) >= self.limit

    def take(self) -> set[str]:
        """The words gathered so far, forgotten here."""
        words, self.words = self.words, set()
        return words


def rebuild_vocabulary(articles: QuerySet) -> int:
    """Recompute the vocabulary from every article; the number of words."""
    SearchWord.objects.all().delete()
    collector = Collector()
    for title, body in articles.values_list("title", "body").iterator(chunk_size=BATCH):
        if collector.add(title, body):
            record_words(collector.take())
    record_words(collector.take())
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
