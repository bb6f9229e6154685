"""'Related articles' on an article page: most shared topics first, then the latest;
never the article itself, its own briefing or a hidden article; read from a bounded
window of each topic's latest articles, in the page's one query (pages/permalink.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefings import models
from briefings.pages import permalink
from briefings.pages.permalink import related_articles
from tests import factories

pytestmark = pytest.mark.django_db


def titles(articles) -> list[str]:
    return [article.title for article in articles]


@pytest.fixture
def subject() -> models.Article:
    return factories.article("Subject", topics=("Trade", "Taiwan", "Energy"))


def dated(title: str, day: dt.date, topics: tuple[str, ...], **fields):
    return factories.article(
        title, briefing_=factories.briefing(published_on=day), topics=topics, **fields
    )


def test_articles_sharing_more_topics_come_first_then_the_latest(subject):
    dated("One shared, new", dt.date(2025, 1, 1), ("Trade",))
    dated("Two shared, old", dt.date(2019, 1, 1), ("Trade", "Taiwan"))
    dated("Three shared", dt.date(2020, 1, 1), ("Trade", "Taiwan", "Energy"))
    dated("One shared, old", dt.date(2018, 1, 1), ("Energy",))
    dated("Nothing shared", dt.date(2025, 1, 1), ("Health",))
    assert titles(related_articles(subject, 5)) == [
        "Three shared",
        "Two shared, old",
        "One shared, new",
        "One shared, old",
    ]


def test_the_same_briefing_and_hidden_articles_are_left_out(subject):
    factories.article("Same briefing", briefing_=subject.briefing, topics=("Trade",))
    dated("Hidden", dt.date(2024, 1, 1), ("Trade",), is_published=False)
    dated("Shown", dt.date(2024, 1, 1), ("Trade",))
    assert titles(related_articles(subject, 5)) == ["Shown"]


def test_only_each_topics_latest_articles_are_candidates(subject, monkeypatch):
    monkeypatch.setattr(permalink, "RELATED_WINDOW", 2)
    dated("Oldest added", dt.date(2025, 6, 1), ("Trade",))
    dated("Second", dt.date(2020, 1, 1), ("Trade",))
    dated("Last added", dt.date(2021, 1, 1), ("Trade",))
    # The window of "Trade" holds the two articles added last (the subject is older).
    assert titles(related_articles(subject, 5)) == ["Last added", "Second"]


def test_an_article_without_topics_has_no_related_articles():
    lone = factories.article("Lone")
    dated("Other", dt.date(2024, 1, 1), ("Trade",))
    assert related_articles(lone, 5) == []


def test_ties_on_shared_topics_go_to_the_latest_then_the_first_position(subject):
    same_day = factories.briefing(published_on=dt.date(2024, 3, 1))
    factories.article(
        "Same day, third", briefing_=same_day, topics=("Trade",), position=3
    )
    factories.article(
        "Same day, first", briefing_=same_day, topics=("Trade",), position=1
    )
    dated("Undated", None, ("Trade",))
    dated("Older", dt.date(2023, 1, 1), ("Energy",))
    dated("Newer", dt.date(2025, 1, 1), ("Trade",))
    dated("Two shared, undated", None, ("Trade", "Taiwan"))
    dated("Two shared, old", dt.date(2010, 1, 1), ("Taiwan", "Energy"))
    assert titles(related_articles(subject, 7)) == [
        "Two shared, old",
        "Two shared, undated",
        "Newer",
        "Same day, first",
        "Same day, third",
        "Older",
        "Undated",
    ]


def test_full_ties_go_to_the_briefing_added_last_and_count_cuts_the_list(subject):
    dated("Earlier briefing", dt.date(2024, 3, 1), ("Trade",))
    dated("Later briefing", dt.date(2024, 3, 1), ("Trade",))
    dated("Oldest", dt.date(2001, 1, 1), ("Trade",))
    assert titles(related_articles(subject, 2)) == [
        "Later briefing",
        "Earlier briefing",
    ]


def test_related_articles_are_loaded_without_their_bodies(subject):
    dated("Shown", dt.date(2024, 1, 1), ("Trade",), outlet="Caixin")
    (shown,) = related_articles(subject, 5)
    assert {"body", "items", "imported_values"} <= shown.get_deferred_fields()
    assert shown.briefing.publication.name == "Test Weekly"
