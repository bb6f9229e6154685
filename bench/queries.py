"""The searches the benchmark sends to /search/ (and to Datasette).

``MIX``: a fixed mix of 30 searches: rare and very common words, phrases, exclusions
(``-word``) and Chinese terms, each with 0–3 facet filters and the default (relevance)
or newest-first order. The words and slugs are real ones of the corpus the benchmark
loads; ``SEED_MIX`` is the same shape over the five seed briefings, for a quick smoke
run (``--sizes seeds``).

``long_tail()``: 200 distinct searches drawn with a fixed seed from the corpus
generator's own word lists, each asked once: what a cache never holds, because a
researcher's searches are mostly new.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from briefings.corpus.vocabulary import (
    CHINESE_TERMS,
    OUTLETS,
    PEOPLE,
    PUBLICATIONS,
    TOPICS,
    WORDS,
)

FEATURES = ("rare", "common", "phrase", "exclusion", "chinese")
FACETS = ("publication", "topic", "year", "author", "kind", "section", "outlet")


@dataclass(frozen=True)
class Query:
    feature: str  # one of FEATURES: what kind of text search this is
    q: str
    filters: tuple[tuple[str, str], ...] = ()  # (facet GET name, value)
    sort: str = ""  # "" = the default order (relevance), or "newest"
    # From this corpus size up, an answer without results counts as an error (None:
    # never): a rare word may be missing from a small corpus, never from 100,000.
    hits_from: int | None = 0

    def params(self) -> list[tuple[str, str]]:
        """The GET parameters of our search page."""
        sort = [("sort", self.sort)] if self.sort else []
        return [("q", self.q), *self.filters, *sort]

    def path(self) -> str:
        """The /search/ URL path with its query string."""
        return "/search/?" + urlencode(self.params())

    def expects_hits(self, articles: int) -> bool:
        return self.hits_from is not None and articles >= self.hits_from


def mix_paths(mix: list[Query]) -> list[str]:
    return [query.path() for query in mix]


_SEED_QUERIES = [
    Query("rare", "Temasek"),
    Query("rare", "Meituan", (("kind", "summary"),)),
    Query("rare", "cranes", (("publication", "merics-china-essentials"),), "newest"),
    Query("rare", "espionage", (("topic", "espionage-and-foreign-interference"),)),
    Query("rare", "unemployment", (("year", "2024"), ("kind", "analysis"))),
    Query("rare", "Huawei", (("author", "adam-ni"),)),
    Query("common", "china"),
    Query("common", "china", (), "newest"),
    Query("common", "data", (("publication", "merics-china-essentials"),)),
    Query("common", "party", (("year", "2023"),)),
    Query("common", "government", (("kind", "analysis"), ("section", "TOPICS"))),
    Query(
        "common",
        "economic",
        (("topic", "economic-statecraft"), ("year", "2024"), ("kind", "analysis")),
    ),
    Query("common", "security", (("outlet", "Reuters"),)),
    Query("phrase", '"social credit"'),
    Query("phrase", '"private sector"', (), "newest"),
    Query("phrase", '"national security"', (("topic", "national-security-law"),)),
    Query("phrase", '"foreign investment"', (("year", "2024"),)),
    Query(
        "phrase",
        '"data security"',
        (("publication", "merics-china-essentials"), ("kind", "digest_item")),
    ),
    Query("phrase", '"local government"', (("section", "MERICS CHINA DIGEST"),)),
    Query("exclusion", "Huawei -cranes"),
    Query("exclusion", "china -party", (), "newest"),
    Query("exclusion", "data -security", (("kind", "summary"),)),
    Query("exclusion", "economy -growth", (("year", "2024"),)),
    Query(
        "exclusion",
        "credit -social",
        (("topic", "economic-statecraft"), ("year", "2024"), ("kind", "analysis")),
    ),
    Query("exclusion", "sanctions -chips", (("topic", "economic-statecraft"),)),
    Query("chinese", "统战"),
    Query("chinese", "中国", (), "newest"),
    Query("chinese", "统战", (("topic", "espionage-and-foreign-interference"),)),
    Query("chinese", "共同富裕", (("year", "2023"),)),
    Query(
        "chinese",
        "中国",
        (
            ("publication", "dialogue-china-briefing"),
            ("year", "2024"),
            ("kind", "analysis"),
        ),
    ),
]

# Five briefings are few: only the searches without filters are sure to find something.
SEED_MIX = [
    replace(query, hits_from=None if query.filters else 0) for query in _SEED_QUERIES
]

# Words and slugs of briefings/corpus/vocabulary.py. Document frequencies in the
# corpus of seed 1: "China" ~60% of articles, "Zhengzhou" (the last of WORDS) a few
# per 100,000, "controversy" ~0.1%, each Chinese term ~0.1% (2% of articles gloss one).
LARGE = 100_000  # hits expected from this size up only
MIX = [
    Query("rare", "Zhengzhou", hits_from=LARGE),
    Query("rare", "controversy", (("kind", "analysis"),), hits_from=LARGE),
    Query(
        "rare",
        "encouraged",
        (("publication", "zhongnanhai-watch"),),
        "newest",
        hits_from=LARGE,
    ),
    Query("rare", "hacker", (("topic", "cybersecurity"),)),
    Query(
        "rare", "militia", (("topic", "military"), ("year", "2023")), hits_from=LARGE
    ),
    Query(
        "rare",
        "corruption",
        (("author", "wang-wei"), ("kind", "analysis"), ("year", "2025")),
        hits_from=LARGE,
    ),
    Query("common", "China"),
    Query("common", "government", (), "newest"),
    Query("common", "policy", (("publication", "middle-kingdom-digest"),)),
    Query("common", "economic", (("year", "2024"), ("kind", "news"))),
    Query("common", "security", (("outlet", "Xinhua"),), "newest"),
    Query(
        "common",
        "market",
        (("topic", "macroeconomy"), ("section", "Economy"), ("author", "xu-yan")),
    ),
    Query("phrase", '"economic growth"'),
    Query("phrase", '"local government"', (), "newest"),
    Query("phrase", '"national security"', (("topic", "national-security-law"),)),
    Query("phrase", '"common prosperity"', (("year", "2023"),), hits_from=LARGE),
    Query(
        "phrase",
        '"Belt and Road"',
        (("publication", "silk-thread-review"), ("kind", "feature")),
        hits_from=LARGE,
    ),
    Query("phrase", '"state security"', (("section", "Politics"),), "newest"),
    Query("exclusion", "China -policy"),
    Query("exclusion", "security -China", (), "newest"),
    Query("exclusion", "growth -economic", (("kind", "metric"),)),
    Query(
        "exclusion",
        "corruption -party",
        (("topic", "anti-corruption"), ("year", "2024")),
        hits_from=LARGE,
    ),
    Query(
        "exclusion",
        "Taiwan -military",
        (
            ("publication", "the-strait-dispatch"),
            ("section", "Taiwan"),  # not "Military": the section is indexed text
            ("year", "2022"),
        ),
        hits_from=LARGE,
    ),
    Query("exclusion", "trade -tariffs", (("outlet", "Reuters"),)),
    Query("chinese", "内卷", hits_from=LARGE),
    Query("chinese", "共同富裕", (), "newest"),
    Query("chinese", "一带一路", (("topic", "belt-and-road"),), hits_from=LARGE),
    Query(
        "chinese",
        "社会信用",
        (("year", "2024"), ("kind", "analysis")),
        hits_from=LARGE,
    ),
    Query("chinese", "信用", (("publication", "red-circuit"),), hits_from=LARGE),
    Query(
        "chinese",
        "中国梦",
        (("publication", "zhongnanhai-watch"), ("year", "2025"), ("kind", "analysis")),
        hits_from=None,
    ),
]


def mix_for(size: str) -> list[Query]:
    """The query mix for a corpus size (``seeds`` or a number of articles)."""
    return SEED_MIX if size == "seeds" else MIX


LONG_TAIL_SIZE = 200
LONG_TAIL_SEED = 22
YEARS = range(2015, 2027)  # the generated corpus's briefings: 2015 to mid-2026
COMMON_WORDS = 300  # WORDS is ranked: the first ones are in most articles


def long_tail(count: int = LONG_TAIL_SIZE, seed: int = LONG_TAIL_SEED) -> list[Query]:
    """``count`` distinct searches from the corpus vocabulary, the same every run:
    rare and common words, two-word phrases, names and Chinese terms in turn, each with
    0–3 facet filters (a fifth of them newest first). None is required to find
    anything: a long tail has misses, and they must be fast too."""
    rng = random.Random(seed)
    draws = {
        "rare": lambda: rng.choice(WORDS[len(WORDS) // 2 :]),
        "common": lambda: rng.choice(WORDS[:COMMON_WORDS]),
        "phrase": lambda: f'"{rng.choice(TWO_WORD_PHRASES)}"',
        "name": lambda: rng.choice(PEOPLE).name,
        "chinese": lambda: rng.choice(CHINESE_TERMS).chinese,
    }
    features = list(draws)
    found: dict[str, Query] = {}
    while len(found) < count:
        feature = features[len(found) % len(features)]
        query = Query(
            feature,
            draws[feature](),
            facet_filters(rng, rng.randint(0, 3)),
            "newest" if rng.random() < 0.2 else "",
            hits_from=None,
        )
        found.setdefault(query.path(), query)
    return list(found.values())


TWO_WORD_PHRASES = sorted(
    {
        phrase
        for topic in TOPICS
        for phrase in topic.phrases
        if len(phrase.split()) == 2 and phrase.replace(" ", "").isalnum()
    }
)


def facet_filters(rng: random.Random, count: int) -> tuple[tuple[str, str], ...]:
    """``count`` facet filters of distinct facets, with values the corpus uses."""
    publication = rng.choice(PUBLICATIONS)
    values = {
        "publication": lambda: publication.slug,
        "topic": lambda: rng.choice(TOPICS).slug,
        "year": lambda: str(rng.choice(YEARS)),
        "author": lambda: rng.choice(PEOPLE).slug,
        "kind": lambda: rng.choice(publication.kinds)[0],
        "section": lambda: rng.choice(publication.sections or ("Politics",)),
        "outlet": lambda: rng.choice(OUTLETS)[0],
    }
    return tuple((name, values[name]()) for name in rng.sample(FACETS, count))
