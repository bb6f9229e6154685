"""Plain ORM helpers that create archive rows for tests (no factory library).

Every helper takes the fields a test cares about and fills the rest with dull,
valid defaults. Rows created here are searchable at once: the database keeps the
index (SQLite triggers, a PostgreSQL generated column).
"""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils.text import slugify

from briefings.importers.load import Source, import_briefing
from briefings.importers.types import ParsedArticle, ParsedBriefing
from briefings.models import (
    Article,
    ArticleAuthor,
    ArticleTopic,
    Briefing,
    Claim,
    Figure,
    Person,
    Publication,
    Topic,
)
from briefings.search.cjk import folded_copy

_numbers = itertools.count(1)


def publication(name: str = "Test Weekly") -> Publication:
    """The publication of that name (created once)."""
    found, _ = Publication.objects.get_or_create(
        name=name, defaults={"slug": slugify(name)}
    )
    return found


def briefing(
    publication_name: str | None = "Test Weekly",
    published_on: dt.date | None = dt.date(2024, 1, 15),
    **fields,
) -> Briefing:
    number = next(_numbers)
    fields.setdefault("issue_number", number)
    return Briefing.objects.create(
        publication=publication(publication_name) if publication_name else None,
        import_ref=f"test:{number}",
        format="generic",
        published_on=published_on,
        date_precision="day" if published_on else "unknown",
        source_name=f"test-{number}.txt",
        source_sha256="0" * 64,
        source_text="",
        **fields,
    )


def person(name: str) -> Person:
    """The person of that name (created once)."""
    found, _ = Person.objects.get_or_create(
        name_key=name.lower(), defaults={"name": name, "slug": slugify(name)}
    )
    return found


def topic(name: str) -> Topic:
    """The topic of that name (created once)."""
    found, _ = Topic.objects.get_or_create(slug=slugify(name), defaults={"name": name})
    return found


def article(
    title: str | None = "An article",
    body: str = "Some text about the economy.",
    *,
    briefing_: Briefing | None = None,
    authors: tuple[str, ...] = (),
    topics: tuple[str, ...] = (),
    **fields,
) -> Article:
    """An article (in a new briefing unless one is given) with authors and topics."""
    owner = briefing_ or briefing()
    fields.setdefault("kind", "news")
    fields.setdefault("position", owner.articles.count() + 1)
    fields.setdefault("cjk_folded", folded_copy(title, body))  # as the importer does
    created = Article.objects.create(briefing=owner, title=title, body=body, **fields)
    for position, name in enumerate(authors):
        ArticleAuthor.objects.create(
            article=created, person=person(name), position=position
        )
    for score, name in enumerate(reversed(topics), start=1):
        ArticleTopic.objects.create(article=created, topic=topic(name), score=score)
    return created


def claim(
    owner: Article,
    text: str = "Growth reached 5 percent.",
    *,
    speaker: str | None = None,
    figures: tuple[tuple[str, float, str], ...] = (),
    **fields,
) -> Claim:
    """A claim in an article; ``figures`` are (text, value, unit) triples."""
    fields.setdefault("kind", "statistic")
    fields.setdefault("position", owner.claims.count() + 1)
    fields.setdefault("cjk_folded", folded_copy(text))
    created = Claim.objects.create(
        article=owner,
        text=text,
        start=0,
        end=len(text),
        speaker=person(speaker) if speaker else None,
        **fields,
    )
    for position, (figure_text, value, unit) in enumerate(figures):
        Figure.objects.create(
            claim=created, position=position, text=figure_text, value=value, unit=unit
        )
    return created


def small_archive() -> dict[str, Article]:
    """Four public articles and one hidden one over two publications and three years,
    with authors, topics, outlets, sections, kinds and claims to facet on."""
    alpha_2022 = briefing("Alpha Weekly", dt.date(2022, 5, 10))
    alpha_2023 = briefing("Alpha Weekly", dt.date(2023, 3, 1))
    beta_2023 = briefing("Beta Review", dt.date(2023, 11, 20))
    beta_2024 = briefing("Beta Review", dt.date(2024, 2, 5))
    articles = {
        "tariffs": article(
            "Tariffs on electric vehicles",
            "The EU imposed duties on Chinese electric vehicles in Brussels.",
            briefing_=alpha_2022,
            authors=("Ann Lee",),
            topics=("Trade", "Electric vehicles"),
            outlet="Caixin",
            section="Economy",
        ),
        "chips": article(
            "Chip export controls",
            "Export controls on chips tighten while tariffs rise.",
            briefing_=alpha_2023,
            authors=("Bo Wu", "Ann Lee"),
            topics=("Trade", "Technology"),
            outlet="SCMP",
            section="Technology",
            kind="analysis",
        ),
        "youth": article(
            "Youth unemployment",
            "Youth unemployment reached 21 percent in June.",
            briefing_=beta_2023,
            authors=("Cy Ma",),
            topics=("Economy",),
            section="Economy",
            kind="analysis",
        ),
        "party": article(
            None,
            "The party plenum discussed tariffs and discipline.",
            briefing_=beta_2024,
            authors=("Bo Wu",),
            topics=("Politics",),
            kind="feature",
        ),
        "hidden": article(
            "Tariffs withdrawn",
            "Tariffs everywhere.",
            briefing_=beta_2024,
            topics=("Trade",),
            is_published=False,
        ),
    }
    claim(
        articles["youth"],
        "Youth unemployment reached 21 percent in June.",
        speaker="Cy Ma",
        figures=(("21 percent", 21.0, "%"),),
    )
    claim(
        articles["tariffs"],
        "Duties of up to 38 percent apply, the Commission said.",
        kind="quote",
        speaker="Ursula Hall",
        figures=(("38 percent", 38.0, "%"),),
    )
    claim(
        articles["tariffs"],
        "Imports were worth 11 billion euros.",
        figures=(("11 billion euros", 11e9, "EUR"),),
    )
    claim(articles["chips"], "Tariffs rose sharply.", kind="assertion")
    claim(articles["chips"], "Unpublished tariffs claim.", is_published=False)
    return articles


def imported_bodies(name: str, publication: str, year: int, *bodies: str) -> None:
    """A briefing whose articles have these bodies, through the importer
    (so that its term pairs become terms)."""
    articles = [
        ParsedArticle(title=f"{name} {n}", body=body, kind="analysis")
        for n, body in enumerate(bodies, start=1)
    ]
    parsed = ParsedBriefing(
        format="generic",
        publication=publication,
        date=dt.date(year, 3, 1),
        date_precision="day",
        articles=articles,
    )
    import_briefing(parsed, Source(f"{name}.txt", name.encode(), name))
