"""Article text for the synthetic corpus: words drawn with Zipf-like weights, formed
into sentences and paragraphs.

An article first draws its own word pool: ``CONTENT_SLOTS`` words from ``WORDS``
(with replacement, so common words fill several slots), phrases of its topics, and
the function words. Its body is then drawn from that pool, one random byte per word.
Document frequency is thus set by the pool draw, not by the body's length: a word
ranked first lands in about half of all articles, a word ranked last in a handful
per 100,000, while each body still repeats its own words as real texts do. The hot
loop runs in C: random bytes index lookup tables through ``itemgetter``, for the
pool's words (``HEAD_TABLE``, ``TAIL_TABLE``) and for the body's words (the pool).
"""

from __future__ import annotations

import random
import sys
from array import array
from operator import itemgetter
from typing import Any

from .vocabulary import CHINESE_TERMS, FUNCTION_WORDS, WORDS, ChineseTerm

POOL_SIZE = 256  # one random byte picks a word from the pool
CONTENT_SLOTS = 104
TOPIC_SLOTS = 16
FUNCTION_SLOTS = POOL_SIZE - CONTENT_SLOTS - TOPIC_SLOTS
COMMA_EVERY = 13  # every 13th content slot carries a comma: "policy, the ..."
# Zipf–Mandelbrot weights 1 / (rank + SHIFT) ** EXPONENT: a flat head (the first
# words share the top document frequencies) and a steep tail (the last words are
# rare). Changing them changes every corpus: see docs/corpus.md.
SHIFT = 200
EXPONENT = 3.0
CHINESE_TERM_SHARE = 0.02
MIN_WORDS, MAX_WORDS = 150, 1200
TABLE_SIZE = 1 << 16  # two random bytes pick a word from the head table
TAIL_BITS = 20  # the rarest words need a finer table to keep their weights
HEAD_MIN_SLOTS = 32  # words with fewer slots than this go to the tail table
TAIL = None  # the head table's stand-in for "draw from the tail table"
SWAP_BYTES = sys.byteorder == "big"  # read random bytes as little-endian everywhere


def zipf_weights(count: int, shift: float, exponent: float) -> list[float]:
    """Zipf–Mandelbrot weights for ranks 1..count."""
    return [1 / (rank + shift) ** exponent for rank in range(1, count + 1)]


def spread(values: tuple[tuple[Any, float], ...], slots: int) -> tuple:
    """``slots`` entries, each value as often as its weight's share (largest
    remainder first), so a uniform pick from them follows the weights."""
    total = sum(weight for _, weight in values)
    exact = [(value, weight * slots / total) for value, weight in values]
    counts = {value: int(share) for value, share in exact}
    by_remainder = sorted(exact, key=lambda item: int(item[1]) - item[1])
    for value, _ in by_remainder[: slots - sum(counts.values())]:
        counts[value] += 1
    return tuple(value for value, _ in values for _ in range(counts[value]))


def sampling_tables(
    words: tuple[str, ...], weights: list[float]
) -> tuple[tuple, tuple]:
    """Two tables that a uniform pick follows the weights with: the head table
    (``TABLE_SIZE`` entries) holds the frequent words and ``TAIL`` for the rest,
    which the tail table holds. One table would lose the rarest words to rounding."""
    total = sum(weights)
    head = [
        w
        for w, weight in zip(words, weights, strict=True)
        if weight / total * TABLE_SIZE >= HEAD_MIN_SLOTS
    ]
    tail_weights = weights[len(head) :]
    head_table = spread(
        (*zip(head, weights[: len(head)], strict=True), (TAIL, sum(tail_weights))),
        TABLE_SIZE,
    )
    tail_table = spread(
        tuple(zip(words[len(head) :], tail_weights, strict=True)), 1 << TAIL_BITS
    )
    return head_table, tail_table


WORD_WEIGHTS = zipf_weights(len(WORDS), SHIFT, EXPONENT)
HEAD_TABLE, TAIL_TABLE = sampling_tables(WORDS, WORD_WEIGHTS)
FUNCTION_POOL = spread(FUNCTION_WORDS, FUNCTION_SLOTS)
# Sentence and paragraph lengths, picked by one random byte each.
SENTENCE_LENGTHS = spread(tuple((n, 30 - abs(n - 17) * 2) for n in range(5, 30)), 256)
PARAGRAPH_LENGTHS = spread(((2, 2), (3, 4), (4, 4), (5, 2), (6, 1)), 256)


def draw_words(rng: random.Random, count: int) -> list[str]:
    """``count`` words of ``WORDS``, each with its Zipf–Mandelbrot probability."""
    picks = array("H", rng.randbytes(2 * count))
    if SWAP_BYTES:
        picks.byteswap()
    words = list(itemgetter(*picks)(HEAD_TABLE))
    index = -1
    for _ in range(words.count(TAIL)):
        index = words.index(TAIL, index + 1)
        words[index] = TAIL_TABLE[rng.getrandbits(TAIL_BITS)]
    return words


def word_pool(rng: random.Random, phrases: list[str]) -> list[str]:
    """The article's ``POOL_SIZE`` words: its content words, its topics' phrases and
    the function words."""
    content = draw_words(rng, CONTENT_SLOTS)
    for index in range(0, CONTENT_SLOTS, COMMA_EVERY):
        content[index] += ","
    topical = (phrases * TOPIC_SLOTS)[:TOPIC_SLOTS]
    return content + topical + list(FUNCTION_POOL)


def pick(pool: list[str] | tuple, rng: random.Random, count: int) -> tuple:
    """``count`` entries of a 256-entry pool, picked uniformly."""
    if count == 1:
        return (pool[rng.getrandbits(8)],)
    return itemgetter(*rng.randbytes(count))(pool)


def body_length(rng: random.Random, scale: float) -> int:
    """Words in a body: about 500 times ``scale``, between 150 and 1,200."""
    words = rng.lognormvariate(6.2, 0.4) * scale
    return int(min(MAX_WORDS, max(MIN_WORDS, words)))


def sentences(words: list[str] | tuple, rng: random.Random) -> list[str]:
    """The words as sentences: capitalised, no trailing comma, a full stop."""
    lengths = pick(SENTENCE_LENGTHS, rng, len(words) // 5 + 1)
    result, start = [], 0
    for length in lengths:
        if start >= len(words):
            break
        text = " ".join(words[start : start + length]).rstrip(",")
        result.append(text[0].upper() + text[1:] + ".")
        start += length
    if start < len(words):  # the lengths drawn ran out: one more sentence
        text = " ".join(words[start:]).rstrip(",")
        result.append(text[0].upper() + text[1:] + ".")
    return result


def paragraph_breaks(count: int, rng: random.Random) -> list[int]:
    """Indexes of the sentences that start a new paragraph (not the first)."""
    lengths = pick(PARAGRAPH_LENGTHS, rng, count // 2 + 1)
    breaks, index = [], 0
    for length in lengths:
        index += length
        if index >= count:
            break
        breaks.append(index)
    return breaks


def with_chinese_term(sentence: str, rng: random.Random) -> str:
    """The sentence with one word replaced by a glossed Chinese term."""
    words = sentence[:-1].split(" ")  # without its full stop
    term: ChineseTerm = rng.choice(CHINESE_TERMS)
    index = rng.randrange(len(words))
    words[index] = capitalised(term.written) if index == 0 else term.written
    return " ".join(words) + "."


def clause(pool: list[str], rng: random.Random, length: int) -> str:
    """A few words from the pool, without a final comma (for quotes and titles)."""
    return " ".join(pick(pool, rng, length)).rstrip(",")


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
