"""Topic tagging: a curated taxonomy (``briefings/data/taxonomy.json``) and a tagger.

The taxonomy is data: groups, and topics with a slug, name, group, optional parent and
weighted keywords. ``load_taxonomy`` validates it (unique slugs, known groups and
parents, no parent cycles) and raises ``ValueError`` naming the problem.

The tagger is pure Python. It scores every topic on an article's text and keeps the best
one to five:

- English keywords match case-insensitively on word boundaries, each word with simple
  inflections ("sanction" finds "sanctions", "sanctioned"); a space in a keyword also
  matches a hyphen, a hyphen matches a space or nothing ("anti-corruption" finds
  "anticorruption"). Keywords in Chinese characters match as substrings.
- A keyword found n times adds ``weight * (1 + ln n)``: repeats count, with diminishing
  returns.
- Headings count extra: title x3, subtitle and subheadings x2, section x1. The
  body's sum is divided by ``sqrt(words / 200)`` (at least 1) so that long texts do
  not win on length alone.
- Topics under ``MIN_SCORE`` or under ``RELATIVE_FLOOR`` of the best are dropped, but
  an article with any text always keeps its best topic (or the taxonomy's fallback
  topic when no keyword matched at all).
"""

from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .types import ParsedArticle, ParsedTopic

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "taxonomy.json"

MAX_TOPICS = 5
MIN_SCORE = 2.5  # below this a topic is noise, unless it is the only candidate
RELATIVE_FLOOR = 0.2  # keep topics scoring at least this share of the best
REFERENCE_WORDS = 200  # bodies longer than this are scaled down by sqrt(words / 200)
TITLE_WEIGHT = 3.0
HEADING_WEIGHT = 2.0  # subtitle and each subheading
SECTION_WEIGHT = 1.0

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
WORD_RE = re.compile(r"[^\W\u3400-\u9fff\uf900-\ufaff]+")
TOKEN_RE = re.compile(r"\w+|\W+")
TEXT_MAP = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        "\u00a0": " ",
    }
)
VOWELS = "aeiou"


@dataclass(frozen=True)
class Keyword:
    """A weighted term and the compiled pattern that finds it."""

    term: str
    weight: float
    pattern: re.Pattern[str] | None  # None: a CJK term, matched as a substring
    probe: str  # a lower-case substring every match contains (a cheap pre-check)
    case_sensitive: bool = False

    def count(self, text: str, lowered: str) -> int:
        """How often the keyword occurs in the text (given also in lower case)."""
        if self.probe not in lowered:
            return 0
        if self.pattern is None:
            return lowered.count(self.probe)
        haystack = text if self.case_sensitive else lowered
        return sum(1 for _ in self.pattern.finditer(haystack))


@dataclass(frozen=True)
class Group:
    slug: str
    name: str


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    group: str
    description: str
    parent: str | None
    keywords: tuple[Keyword, ...]


@dataclass(frozen=True)
class Taxonomy:
    """A validated set of groups and topics, in file order."""

    version: str
    groups: dict[str, Group]
    topics: dict[str, Topic]
    fallback: str | None = None

    def __iter__(self) -> Iterator[Topic]:
        return iter(self.topics.values())

    def __len__(self) -> int:
        return len(self.topics)

    def __getitem__(self, slug: str) -> Topic:
        return self.topics[slug]

    def children(self, slug: str) -> list[Topic]:
        """The topics whose parent is ``slug``."""
        return [topic for topic in self if topic.parent == slug]

    def ancestors(self, slug: str) -> list[Topic]:
        """The chain of parents above ``slug``, nearest first."""
        chain = []
        parent = self.topics[slug].parent
        while parent is not None:
            chain.append(self.topics[parent])
            parent = self.topics[parent].parent
        return chain


# --- keyword patterns -----------------------------------------------------------


def normalise(text: str) -> str:
    """NFKC with straight quotes and ASCII hyphens, the form keywords are matched in."""
    return unicodedata.normalize("NFKC", text).translate(TEXT_MAP)


def _word_forms(word: str) -> tuple[str, str]:
    """A word's inflections (plural, -ed, -ing, possessive) as a stem and endings."""
    if len(word) < 3 or not word.isalpha():
        return word, ""
    forms = {word + ending for ending in ("", "s", "es", "ed", "ing", "'s")}
    if word[-1] == "y" and word[-2] not in VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word[-1] == "e":
        forms |= {word + "d", word[:-1] + "ing"}
    if word[-1] not in VOWELS + "wxy" and word[-2] in VOWELS and word[-3] not in VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    stem = os.path.commonprefix(sorted(forms))
    endings = sorted((form[len(stem) :] for form in forms), key=len, reverse=True)
    return stem, "(?:" + "|".join(map(re.escape, endings)) + ")"


def _separator(gap: str) -> str:
    """A regex for the text between two words of a keyword."""
    if set(gap) <= {"-"}:
        return r"[\s-]?"
    if set(gap) <= {" ", ",", "-"}:
        return r"[\s,-]+"
    return re.escape(gap)


def _keyword_pattern(term: str, case_sensitive: bool) -> re.Pattern[str]:
    """The pattern for an English keyword, bounded by non-word characters.

    The pattern opens with a literal stem and checks the word boundary behind it,
    which lets ``re`` scan for the stem quickly. Case-insensitive patterns are matched
    against lower-cased text (faster than ``re.IGNORECASE``).
    """
    if case_sensitive:
        stem, rest = term, ""
    else:
        first, *tokens = TOKEN_RE.findall(term.lower())
        stem, rest = _word_forms(first)
        for token in tokens:
            word = _word_forms(token) if token[0].isalnum() else ("", _separator(token))
            rest += re.escape(word[0]) + word[1]
    stem = re.escape(stem)
    return re.compile(rf"{stem}(?<!\w{stem}){rest}(?!\w)")


def _probe(term: str) -> str:
    """A lower-case substring of every match: the longest word, less a last letter."""
    word = max(WORD_RE.findall(term.lower()), key=len, default="")
    return word[:-1] if len(word) > 2 and word.isalpha() else word


def make_keyword(
    term: str, weight: float = 1.0, case_sensitive: bool = False
) -> Keyword:
    """A Keyword for a term: CJK terms match as substrings, others as patterns."""
    term = normalise(term).strip()
    if CJK_RE.search(term):
        return Keyword(term, float(weight), None, term.lower())
    pattern = _keyword_pattern(term, case_sensitive)
    return Keyword(term, float(weight), pattern, _probe(term), case_sensitive)


# --- loading and validation -------------------------------------------------------


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """The taxonomy at ``path`` or the shipped default (cached); ValueError if bad."""
    if path is None:
        return _default_taxonomy()
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ValueError(f"taxonomy {path}: cannot read: {error}") from error
    try:
        return parse_taxonomy(data)
    except ValueError as error:
        raise ValueError(f"taxonomy {path}: {error}") from error


@lru_cache(maxsize=1)
def _default_taxonomy() -> Taxonomy:
    return load_taxonomy(DEFAULT_PATH)


def parse_taxonomy(data: object) -> Taxonomy:
    """Build and validate a Taxonomy from decoded JSON; ValueError names the problem."""
    if not isinstance(data, dict):
        raise ValueError("the taxonomy must be a JSON object")
    groups = _parse_groups(data.get("groups"))
    topics: dict[str, Topic] = {}
    raw_topics = data.get("topics")
    if not isinstance(raw_topics, list) or not raw_topics:
        raise ValueError("'topics' must be a non-empty list")
    for index, raw in enumerate(raw_topics):
        topic = _parse_topic(raw, index, groups)
        if topic.slug in topics:
            raise ValueError(f"duplicate topic slug {topic.slug!r}")
        topics[topic.slug] = topic
    _check_parents(topics)
    fallback = data.get("fallback")
    if fallback is not None and fallback not in topics:
        raise ValueError(f"fallback {fallback!r} is not a topic")
    return Taxonomy(str(data.get("version", "")), groups, topics, fallback)


def _parse_groups(raw_groups: object) -> dict[str, Group]:
    if not isinstance(raw_groups, list) or not raw_groups:
        raise ValueError("'groups' must be a non-empty list")
    groups: dict[str, Group] = {}
    for index, raw in enumerate(raw_groups):
        where = f"group #{index + 1}"
        slug = _slug(raw, where)
        if slug in groups:
            raise ValueError(f"duplicate group slug {slug!r}")
        groups[slug] = Group(slug, _text(raw, "name", f"group {slug!r}"))
    return groups


def _parse_topic(raw: object, index: int, groups: dict[str, Group]) -> Topic:
    slug = _slug(raw, f"topic #{index + 1}")
    where = f"topic {slug!r}"
    group = _text(raw, "group", where)
    if group not in groups:
        raise ValueError(f"{where} has unknown group {group!r}")
    parent = raw.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise ValueError(f"{where}: 'parent' must be a slug or null")
    raw_keywords = raw.get("keywords", [])
    if not isinstance(raw_keywords, list):
        raise ValueError(f"{where}: 'keywords' must be a list")
    keywords = tuple(
        _parse_keyword(k, f"{where} keyword #{i + 1}")
        for i, k in enumerate(raw_keywords)
    )
    terms = [keyword.term for keyword in keywords]
    if len(set(terms)) != len(terms):
        raise ValueError(f"{where} repeats a keyword")
    description = raw.get("description") or ""
    return Topic(slug, _text(raw, "name", where), group, description, parent, keywords)


def _parse_keyword(raw: object, where: str) -> Keyword:
    if isinstance(raw, str):
        raw = {"term": raw}
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be a string or an object with 'term'")
    term = _text(raw, "term", where)
    weight = raw.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
        raise ValueError(f"{where} ({term!r}): 'weight' must be a positive number")
    case_sensitive = bool(raw.get("case_sensitive", False))
    if not case_sensitive and term != term.lower():
        raise ValueError(f"{where} ({term!r}) must be lower case (or case_sensitive)")
    return make_keyword(term, weight, case_sensitive)


def _slug(raw: object, where: str) -> str:
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be an object")
    slug = raw.get("slug")
    if not isinstance(slug, str) or not SLUG_RE.match(slug):
        raise ValueError(f"{where} has a missing or malformed slug: {slug!r}")
    return slug


def _text(raw: dict, key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: {key!r} must be a non-empty string")
    return value.strip()


def _check_parents(topics: dict[str, Topic]) -> None:
    """Every parent exists and following parents never loops."""
    for topic in topics.values():
        if topic.parent is not None and topic.parent not in topics:
            raise ValueError(
                f"topic {topic.slug!r} has unknown parent {topic.parent!r}"
            )
    for topic in topics.values():
        chain = [topic.slug]
        parent = topic.parent
        while parent is not None:
            if parent in chain:
                loop = " -> ".join([*chain[chain.index(parent) :], parent])
                raise ValueError(f"parent cycle: {loop}")
            chain.append(parent)
            parent = topics[parent].parent


# --- scoring -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Field:
    """One piece of an article's text and how much its keyword hits count."""

    text: str
    lowered: str
    weight: float

    @classmethod
    def of(cls, text: str, weight: float) -> _Field:
        text = normalise(text)
        return cls(text, text.lower(), weight)


def word_count(text: str) -> int:
    """Words in a text; each two CJK characters count as one word."""
    return len(WORD_RE.findall(text)) + len(CJK_RE.findall(text)) // 2


def _body_weight(body: str) -> float:
    """The body's weight: 1, scaled down by sqrt(words / REFERENCE_WORDS) past that."""
    return 1.0 / math.sqrt(max(word_count(body), REFERENCE_WORDS) / REFERENCE_WORDS)


def _keyword_score(topic: Topic, field: _Field) -> float:
    """The topic's keyword hits in one field, each repeat worth less."""
    score = 0.0
    for keyword in topic.keywords:
        hits = keyword.count(field.text, field.lowered)
        if hits:
            score += keyword.weight * (1.0 + math.log(hits))
    return score


def score_topics(fields: Sequence[_Field], taxonomy: Taxonomy) -> dict[str, float]:
    """Every topic's score over the weighted fields (zero scores left out)."""
    scores = {}
    for topic in taxonomy:
        score = sum(field.weight * _keyword_score(topic, field) for field in fields)
        if score > 0:
            scores[topic.slug] = round(score, 3)
    return scores


def select_topics(scores: dict[str, float]) -> list[ParsedTopic]:
    """The best one to MAX_TOPICS topics, best first; weak ones dropped."""
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if not ranked:
        return []
    floor = max(MIN_SCORE, RELATIVE_FLOOR * ranked[0][1])
    kept = [item for item in ranked[:MAX_TOPICS] if item[1] >= floor] or ranked[:1]
    return [ParsedTopic(slug, score) for slug, score in kept]


# --- public tagging API --------------------------------------------------------------


def tag_text(
    title: str | None,
    body: str,
    headings: Iterable[str] = (),
    *,
    section: str | None = None,
    taxonomy: Taxonomy | None = None,
) -> list[ParsedTopic]:
    """Tag a title, body and headings (e.g. from database rows) with 1–5 topics."""
    headings = [heading for heading in headings if heading and heading.strip()]
    if not (title or "").strip() and not (body or "").strip() and not headings:
        return []
    taxonomy = load_taxonomy() if taxonomy is None else taxonomy
    fields = [
        _Field.of(title or "", TITLE_WEIGHT),
        *(_Field.of(heading, HEADING_WEIGHT) for heading in headings),
        _Field.of(section or "", SECTION_WEIGHT),
        _Field.of(body or "", _body_weight(body or "")),
    ]
    topics = select_topics(score_topics(fields, taxonomy))
    if not topics and taxonomy.fallback:
        topics = [ParsedTopic(taxonomy.fallback, 0.0)]
    return topics


def tag_article(
    article: ParsedArticle, taxonomy: Taxonomy | None = None
) -> list[ParsedTopic]:
    """Tag a parsed article with 1–5 topics, best first; none only if it has no text."""
    headings = [article.subtitle or "", *article.subheadings]
    return tag_text(
        article.title,
        _article_body(article),
        headings,
        section=article.section,
        taxonomy=taxonomy,
    )


def _article_body(article: ParsedArticle) -> str:
    """The body plus summary, caption and list items the body does not already hold."""
    extras = [article.summary or "", article.image_caption or ""]
    for item in article.items:
        extras.extend([item.title, item.description or ""])
    body = article.body or ""
    missing = [text for text in extras if text.strip() and text not in body]
    return "\n\n".join([body, *missing]).strip()
