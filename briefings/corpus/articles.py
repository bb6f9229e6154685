"""One synthetic article as an archive record: fields, authors, topics, body, claims.

Records are plain dicts with their keys in the order the archive writes them
(``briefings/dump/format.py``: the model's field order), so that importing and
exporting the corpus again gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from .catalogue import (
    GUESTS,
    OUTLETS,
    PEOPLE,
    PUBLICATIONS,
    SPEAKERS,
    STAFF,
    PublicationSpec,
)
from .claims import ClaimDraft, quote_claim, statistic_claim
from .text import (
    CHINESE_TERM_SHARE,
    CONTENT_SLOTS,
    body_length,
    capitalised,
    clause,
    paragraph_breaks,
    pick,
    sentences,
    with_chinese_term,
    word_pool,
)
from .topics import TOPICS

AUTHOR_COUNTS = ((1, 65), (2, 25), (3, 10))
TOPIC_COUNTS = ((1, 30), (2, 40), (3, 20), (4, 10))
CLAIM_COUNTS = ((0, 25), (1, 30), (2, 25), (3, 12), (4, 8))
CLAIM_KINDS = (("statistic", 45), ("quote", 25), ("assertion", 30))
CLAIM_STATUSES = (("unreviewed", 95), ("verified", 4), ("disputed", 1))
GUEST_SHARE = 0.1  # bylines by a guest author rather than the publication's staff
SUBTITLE_SHARE = 0.3  # of features, analyses and interviews
UNTITLED_SHARE = 0.02  # of digest items and reading lists
# Body length relative to the median, by kind.
KIND_SCALE = {
    "feature": 1.5,
    "analysis": 1.2,
    "interview": 1.3,
    "column_section": 1.0,
    "news": 0.7,
    "summary": 0.6,
    "digest_item": 0.5,
    "metric": 0.5,
    "link_list": 0.4,
}
# Share of each kind that summarises a news outlet's story.
OUTLET_SHARE = {"news": 0.8, "digest_item": 0.9, "summary": 0.3, "link_list": 0.3}
TITLE_PATTERNS = (
    "{P}: {a} {b} {c}",
    "How {a} {b} shapes {p}",
    "{A} {b} and the {p} question",
    "Why {p} matters for {a} {b}",
    "{A} {b} {c} amid {p}",
    "{A} {b} {c}",
)


class Weighted(NamedTuple):
    """Values with cumulative weights, for ``Random.choices``."""

    values: tuple
    cum_weights: tuple[float, ...]

    @classmethod
    def of(cls, pairs) -> Weighted:
        values, weights = zip(*pairs, strict=True)
        return cls(tuple(values), tuple(accumulate(weights)))

    def draw(self, rng: random.Random):
        return rng.choices(self.values, cum_weights=self.cum_weights)[0]


class Plan(NamedTuple):
    """A publication with its draws precomputed."""

    id: int
    spec: PublicationSpec
    kinds: Weighted
    topics: Weighted  # topic indexes, the publication's focus groups weighted up
    staff: Weighted  # people indexes, the first of the staff writing most


def plan_for(index: int) -> Plan:
    spec = PUBLICATIONS[index]
    topics = Weighted.of(
        (number, topic.weight * (3 if topic.group in spec.focus else 1))
        for number, topic in enumerate(TOPICS)
    )
    staff = Weighted.of(
        (person, 1 / (rank + 1)) for rank, person in enumerate(STAFF[index])
    )
    return Plan(index + 1, spec, Weighted.of(spec.kinds), topics, staff)


PLANS = tuple(plan_for(index) for index in range(len(PUBLICATIONS)))
AUTHOR_COUNT = Weighted.of(AUTHOR_COUNTS)
TOPIC_COUNT = Weighted.of(TOPIC_COUNTS)
CLAIM_COUNT = Weighted.of(CLAIM_COUNTS)
CLAIM_KIND = Weighted.of(CLAIM_KINDS)
CLAIM_STATUS = Weighted.of(CLAIM_STATUSES)
OUTLET = Weighted.of(OUTLETS)
# People quoted: a few often, most rarely.
SPEAKER = Weighted.of((person, 1 / (rank + 5)) for rank, person in enumerate(SPEAKERS))


@dataclass
class Ids:
    """The next id of each nested record (briefing ids are their numbers)."""

    article: int = 1
    claim: int = 1
    figure: int = 1

    def take(self, kind: str) -> int:
        value = getattr(self, kind)
        setattr(self, kind, value + 1)
        return value


@dataclass(frozen=True)
class Context:
    """What every article of a briefing shares."""

    plan: Plan
    day: dt.date
    stamp: str  # created_at and updated_at of everything in the briefing
    ids: Ids


class Placed(NamedTuple):
    """A claim placed in the body: its draft and where its text starts."""

    draft: ClaimDraft
    start: int


def distinct(draw: Callable[[], int], count: int) -> list[int]:
    """``count`` different values from ``draw``, in the order drawn."""
    chosen: list[int] = []
    while len(chosen) < count:
        value = draw()
        if value not in chosen:
            chosen.append(value)
    return chosen


def pick_authors(plan: Plan, rng: random.Random) -> list[int]:
    """1–3 people indexes: mostly the publication's staff, sometimes a guest."""

    def one() -> int:
        if rng.random() < GUEST_SHARE:
            return GUESTS[rng.randrange(len(GUESTS))]
        return plan.staff.draw(rng)

    return distinct(one, AUTHOR_COUNT.draw(rng))


def topic_links(plan: Plan, rng: random.Random) -> list[tuple[int, float]]:
    """1–4 (topic index, score), best first, scored like the tagger's scores."""
    chosen = distinct(lambda: plan.topics.draw(rng), TOPIC_COUNT.draw(rng))
    score, links = rng.uniform(6.0, 20.0), []
    for topic in chosen:
        links.append((topic, round(score, 2)))
        score = max(2.5, score * rng.uniform(0.3, 0.9))
    return sorted(links, key=lambda link: (-link[1], link[0]))


def topic_phrases(topics: list[tuple[int, float]], rng: random.Random) -> list[str]:
    """The topics' phrases taken in turn, the best topic first, from a random start."""
    start = rng.randrange(8)
    lists = [TOPICS[topic].phrases for topic, _ in topics]
    return [
        phrases[(start + turn) % len(phrases)] for turn in range(8) for phrases in lists
    ]


def headline(pool: list[str], phrase: str, rng: random.Random) -> str:
    """A title from the article's words and its first topic phrase."""
    a, b, c = (word.rstrip(",") for word in rng.choices(pool[:CONTENT_SLOTS], k=3))
    text = rng.choice(TITLE_PATTERNS).format(
        a=a, b=b, c=c, A=capitalised(a), p=phrase, P=capitalised(phrase)
    )
    return capitalised(text)


def draft_claims(
    count: int, texts: list[str], pool: list[str], day: dt.date, rng: random.Random
) -> dict[int, ClaimDraft]:
    """Claims for ``count`` of the sentences, by sentence index. Statistics and
    quotes replace the sentence; an assertion is the sentence itself."""
    drafts = {}
    for index in sorted(rng.sample(range(len(texts)), min(count, len(texts)))):
        kind = CLAIM_KIND.draw(rng)
        if kind == "statistic":
            drafts[index] = statistic_claim(rng, day)
        elif kind == "quote":
            words = capitalised(clause(pool, rng, rng.randint(8, 20)))
            drafts[index] = quote_claim(words, SPEAKER.draw(rng), rng)
        else:
            drafts[index] = ClaimDraft(texts[index], "assertion")
        texts[index] = drafts[index].text
    return drafts


def compose_body(
    pool: list[str], words: int, claims: int, day: dt.date, rng: random.Random
) -> tuple[str, list[Placed]]:
    """The body: ``words`` words from the pool in sentences and paragraphs, with
    ``claims`` of its sentences made claims, placed at their offsets."""
    texts = sentences(pick(pool, rng, words), rng)
    drafts = draft_claims(claims, texts, pool, day, rng)
    if len(drafts) < len(texts) and rng.random() < CHINESE_TERM_SHARE:
        index = rng.choice([i for i in range(len(texts)) if i not in drafts])
        texts[index] = with_chinese_term(texts[index], rng)
    breaks = paragraph_breaks(len(texts), rng)
    bounds = zip([0, *breaks], [*breaks, len(texts)], strict=True)
    body = "\n\n".join(" ".join(texts[start:end]) for start, end in bounds)
    return body, [
        Placed(draft, sentence_offset(texts, breaks, index))
        for index, draft in drafts.items()
    ]


def sentence_offset(texts: list[str], breaks: list[int], index: int) -> int:
    """Where sentence ``index`` starts in the body: the sentences before it, a space
    after each, and one more character for each paragraph break ("\\n\\n")."""
    return sum(map(len, texts[:index])) + index + bisect_right(breaks, index)


def figure_records(placed: Placed, ids: Ids) -> list[dict]:
    return [
        {
            "id": ids.take("figure"),
            "position": position,
            "value": figure.value,
            "value_high": None,
            "unit": figure.unit,
            "qualifier": figure.qualifier,
            "text": figure.text,
            "start": placed.start + figure.offset,
            "end": placed.start + figure.offset + len(figure.text),
            "is_change": figure.is_change,
            "refers_to": figure.refers_to,
        }
        for position, figure in enumerate(placed.draft.figures)
    ]


def review_moment(context: Context, status: str, rng: random.Random) -> str | None:
    """When an editor reviewed the claim: some days after the import."""
    if status == "unreviewed":
        return None
    imported = dt.datetime.fromisoformat(context.stamp)
    return (imported + dt.timedelta(days=rng.randint(1, 60))).isoformat(
        timespec="microseconds"
    )


def claim_record(
    placed: Placed, position: int, context: Context, rng: random.Random
) -> dict:
    draft = placed.draft
    speaker = draft.speaker
    status = CLAIM_STATUS.draw(rng)
    return {
        "id": context.ids.take("claim"),
        "position": position,
        "text": draft.text,
        "start": placed.start,
        "end": placed.start + len(draft.text),
        "kind": draft.kind,
        "speaker": None if speaker is None else speaker + 1,
        "speaker_role": draft.speaker_role,
        "status": status,
        "reviewed_by": None,
        "reviewed_at": review_moment(context, status, rng),
        "review_note": "",
        "evidence_links": [],
        "is_published": True,
        "is_in_source": True,
        "imported_values": {},
        "created_at": context.stamp,
        "updated_at": context.stamp,
        "figures": figure_records(placed, context.ids),
    }


def outlet_and_date(kind: str, day: dt.date, rng: random.Random) -> tuple[str, dict]:
    """The outlet a news item summarises, and its story's date (else none)."""
    if rng.random() >= OUTLET_SHARE.get(kind, 0.0):
        return "", {"original_on": None, "original_date_precision": "unknown"}
    original = day - dt.timedelta(days=rng.randint(0, 2))
    return OUTLET.draw(rng), {
        "original_on": original.isoformat(),
        "original_date_precision": "day",
    }


def headings(kind: str, pool: list[str], phrases: list[str], rng: random.Random):
    """Title and subtitle: a few digest items and lists have no title."""
    if kind in ("digest_item", "link_list") and rng.random() < UNTITLED_SHARE:
        title = None
    else:
        title = headline(pool, phrases[0], rng)
    subtitle = ""
    if kind in ("feature", "analysis", "interview") and rng.random() < SUBTITLE_SHARE:
        subtitle = capitalised(clause(pool, rng, rng.randint(8, 16))) + "."
    return title, subtitle


class Drawn(NamedTuple):
    """An article's drawn values, before they become a record."""

    kind: str
    title: str | None
    subtitle: str
    outlet: str
    original: dict  # original_on and original_date_precision
    interviewee: str
    body: str
    section: str
    topics: list[tuple[int, float]]
    claims: list[Placed]


def draw_article(context: Context, rng: random.Random) -> Drawn:
    """Everything random about one article, drawn in a fixed order."""
    plan = context.plan
    kind = plan.kinds.draw(rng)
    topics = topic_links(plan, rng)
    phrases = topic_phrases(topics, rng)
    pool = word_pool(rng, phrases)
    title, subtitle = headings(kind, pool, phrases, rng)
    outlet, original = outlet_and_date(kind, context.day, rng)
    interviewee = PEOPLE[SPEAKER.draw(rng)].name if kind == "interview" else ""
    words = body_length(rng, KIND_SCALE[kind])
    body, placed = compose_body(pool, words, CLAIM_COUNT.draw(rng), context.day, rng)
    sections = plan.spec.sections
    section = rng.choice(sections) if sections else ""
    return Drawn(
        kind,
        title,
        subtitle,
        outlet,
        original,
        interviewee,
        body,
        section,
        topics,
        placed,
    )


def article_fields(drawn: Drawn, position: int, context: Context) -> dict:
    """The article's own fields, in the archive's order."""
    return {
        "id": context.ids.take("article"),
        "position": position,
        "title": drawn.title,
        "alternate_titles": [],
        "subtitle": drawn.subtitle,
        "section": drawn.section,
        "kind": drawn.kind,
        "outlet": drawn.outlet,
        **drawn.original,
        "body": drawn.body,
        "subheadings": [],
        "summary": "",
        "image_caption": "",
        "interviewee": drawn.interviewee,
        "author_bio": "",
        "suspected_teaser": "",
        "items": [],
        "links": [],
        "line_start": 0,
        "line_end": 0,
        "warnings": [],
        "is_published": True,
        "is_in_source": True,
        "imported_values": {},
        "created_at": context.stamp,
        "updated_at": context.stamp,
    }


def article_record(position: int, context: Context, rng: random.Random) -> dict:
    """One article with its authors, topics and claims."""
    drawn = draw_article(context, rng)
    record = article_fields(drawn, position, context)
    record["authors"] = [
        {"person": person + 1, "position": number}
        for number, person in enumerate(pick_authors(context.plan, rng))
    ]
    record["topics"] = [
        {"topic": topic + 1, "score": score, "is_manual": False}
        for topic, score in drawn.topics
    ]
    record["claims"] = [
        claim_record(item, number, context, rng)
        for number, item in enumerate(drawn.claims, start=1)
    ]
    return record
