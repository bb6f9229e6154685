"""The fixed mix of 30 searches the benchmark sends to /search/ (and to Datasette).

Rare and very common words, phrases, exclusions (``-word``) and Chinese terms, each with
0–3 facet filters and the default (relevance) or newest-first order. The words and slugs
are real ones of the corpus the benchmark loads; ``SEED_MIX`` is the same shape over
the five seed briefings, for a quick smoke run (``--sizes seeds``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

FEATURES = ("rare", "common", "phrase", "exclusion", "chinese")
FACETS = ("publication", "topic", "year", "author", "kind", "section", "outlet")


@dataclass(frozen=True)
class Query:
    feature: str  # one of FEATURES: what kind of text search this is
    q: str
    filters: tuple[tuple[str, str], ...] = ()  # (facet GET name, value)
    sort: str = ""  # "" = the default order (relevance), or "newest"
    expect_hits: bool = True  # an answer without results counts as an error

    def params(self) -> list[tuple[str, str]]:
        """The GET parameters of our search page."""
        sort = [("sort", self.sort)] if self.sort else []
        return [("q", self.q), *self.filters, *sort]

    def path(self) -> str:
        """The /search/ URL path with its query string."""
        return "/search/?" + urlencode(self.params())


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
SEED_MIX = [replace(query, expect_hits=not query.filters) for query in _SEED_QUERIES]

MIX = SEED_MIX  # replaced by the generated corpus's mix once it exists


def mix_for(size: str) -> list[Query]:
    """The query mix for a corpus size (``seeds`` or a number of articles)."""
    return SEED_MIX if size == "seeds" else MIX
