"""Writing a synthetic corpus in the archive format (docs/archive-format.md).

Lines come in the archive's order: the header, publications, people, topics, then
one line per briefing in id order, dated from 2015-01-01 to 2026-06-30 with volume
growing over the years, and the trailer that seals them. Each briefing is drawn from
its own ``random.Random``, seeded with the corpus seed and the briefing's number, so
the output depends only on the number of articles and the seed; timestamps derive
from the briefing's date, never from the clock. Nothing is kept once a line is
written: memory stays flat whatever the size.

The corpus has no source texts (``source_text`` is empty), no review items and no
editors; ``imported_values`` are empty, as for records made by hand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from ..dump.format import HEADER, Seal
from ..importers.people import cited_names, name_key
from .articles import PLANS, Context, Ids, Plan, article_record
from .catalogue import PEOPLE, PUBLICATIONS
from .topics import TOPICS

START_ON = dt.date(2015, 1, 1)
END_ON = dt.date(2026, 6, 30)
GROWTH = 3.0  # the last day sees 1 + GROWTH times the articles of the first
FORMAT = "synthetic"
NO_SOURCE_SHA256 = hashlib.sha256(b"").hexdigest()
PROGRESS_EVERY = 10_000  # articles
MIN_ARTICLES = 5  # a remainder smaller than this joins the last briefing


@dataclass
class Summary:
    """What a run wrote."""

    articles: int = 0
    briefings: int = 0
    claims: int = 0
    bytes: int = 0
    started: float = field(default_factory=time.monotonic, repr=False)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def line(self) -> str:
        return (
            f"Generated {self.articles:,} articles in {self.briefings:,} briefings "
            f"with {self.claims:,} claims: {self.bytes:,} bytes in "
            f"{self.seconds:.1f} s."
        )


def catalogue_lines() -> Iterator[dict]:
    """The publication, person and topic lines, in id order."""
    for number, spec in enumerate(PUBLICATIONS, start=1):
        yield {
            "type": "publication",
            "id": number,
            "name": spec.name,
            "slug": spec.slug,
            "description": spec.description,
        }
    for number, person in enumerate(PEOPLE, start=1):
        yield {
            "type": "person",
            "id": number,
            "name": person.name,
            "name_key": name_key(person.name),
            "slug": person.slug,
            "variants": [],
            "role": person.role,
            **cited_names(person.name),
        }
    topic_ids = {topic.slug: number for number, topic in enumerate(TOPICS, start=1)}
    for number, topic in enumerate(TOPICS, start=1):
        yield {
            "type": "topic",
            "id": number,
            "name": topic.name,
            "slug": topic.slug,
            "group": topic.group,
            "description": topic.description,
            "keywords": list(topic.phrases),
            "parent": topic_ids.get(topic.parent),
            "merged_into": None,
        }


def day_at(share: float) -> dt.date:
    """The day by which ``share`` of all articles are out, volume growing linearly
    over time (the inverse of its cumulative distribution)."""
    scaled = share * (1 + GROWTH / 2)
    moment = (math.sqrt(1 + 2 * GROWTH * scaled) - 1) / GROWTH
    days = (END_ON - START_ON).days
    return START_ON + dt.timedelta(days=min(days, round(moment * days)))


def import_stamp(day: dt.date, rng: random.Random) -> str:
    """When the briefing was "imported": early on the morning after its date."""
    start = dt.datetime(day.year, day.month, day.day, 5, tzinfo=dt.UTC)
    moment = start + dt.timedelta(
        days=1, seconds=rng.randrange(4 * 3600), microseconds=rng.randrange(10**6)
    )
    return moment.isoformat(timespec="microseconds")


def choose_publication(day: dt.date, rng: random.Random) -> Plan:
    """A publication that was publishing on ``day``, the larger ones more often."""
    weights = [plan.spec.weight if plan.spec.first_on <= day else 0.0 for plan in PLANS]
    return rng.choices(PLANS, weights=weights)[0]


def article_count(plan: Plan, remaining: int, rng: random.Random) -> int:
    """Articles in the next briefing; the last one takes a small remainder too."""
    count = min(rng.randint(*plan.spec.articles), remaining)
    return remaining if remaining - count < MIN_ARTICLES else count


class Corpus:
    """The briefing lines of one corpus, generated one at a time."""

    def __init__(self, articles: int, seed: int) -> None:
        self.articles, self.seed = articles, seed
        self.ids = Ids()
        self.issues = [0] * len(PLANS)  # the last issue number of each publication

    def briefings(self) -> Iterator[dict]:
        written, number = 0, 0
        while written < self.articles:
            number += 1
            rng = random.Random(f"{self.seed}:{number}")
            day = day_at(written / self.articles)
            plan = choose_publication(day, rng)
            count = article_count(plan, self.articles - written, rng)
            yield self.briefing(number, plan, day, count, rng)
            written += count

    def briefing(
        self, number: int, plan: Plan, day: dt.date, count: int, rng: random.Random
    ) -> dict:
        self.issues[plan.id - 1] += 1
        issue = self.issues[plan.id - 1]
        stamp = import_stamp(day, rng)
        context = Context(plan, day, stamp, self.ids)
        articles = [article_record(p, context, rng) for p in range(1, count + 1)]
        return {
            "type": "briefing",
            "id": number,
            "publication": plan.id,
            "import_ref": f"{plan.spec.slug}:issue:{issue}",
            "format": FORMAT,
            "issue_number": issue,
            "title": articles[0]["title"] if plan.spec.titled else None,
            "published_on": day.isoformat(),
            "date_precision": "day",
            "source_name": f"{FORMAT}/{self.seed}/{plan.spec.slug}-{issue}.txt",
            "source_sha256": NO_SOURCE_SHA256,
            "source_text": "",
            "source_media_type": "text/plain",
            "source_url": "",
            "source_message_id": "",
            "source_sender": "",
            "source_sent_at": None,
            "parsed_digest": "",
            "warnings": [],
            "imported_values": {},
            "imported_at": stamp,
            "updated_at": stamp,
            "editors": [],
            "articles": articles,
            "review_items": [],
        }


def write_corpus(
    out: BinaryIO,
    articles: int,
    seed: int,
    progress: Callable[[Summary], None] | None = None,
) -> Summary:
    """Write a corpus of ``articles`` articles to ``out`` (bytes); what was written."""
    summary, seal = Summary(), Seal()
    for record in (HEADER, *catalogue_lines()):
        summary.bytes += out.write(seal.line(record).encode())
    next_report = PROGRESS_EVERY
    for briefing in Corpus(articles, seed).briefings():
        summary.bytes += out.write(seal.line(briefing).encode())
        summary.briefings += 1
        summary.articles += len(briefing["articles"])
        summary.claims += sum(len(a["claims"]) for a in briefing["articles"])
        if progress and summary.articles >= next_report:
            progress(summary)
            next_report += PROGRESS_EVERY
    summary.bytes += out.write(seal.trailer().encode())
    return summary
