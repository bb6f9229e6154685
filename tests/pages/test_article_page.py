"""The article page's previous/next links (Article.neighbours) and what the page costs
in queries: a fixed number, however many claims, authors, neighbours and related
articles it shows; the linked articles are loaded without their bodies."""

from __future__ import annotations

import datetime as dt

import pytest

from briefings.models import Article
from tests import factories

pytestmark = pytest.mark.django_db

# The article with its briefing, authors, claims, topics, neighbours and related
# articles, with what a list of them shows and the first words that describe an
# untitled one (pages/permalink.py).
PAGE_QUERIES = 1


def titles(pair) -> tuple[str | None, ...]:
    return tuple(article.title if article else None for article in pair)


@pytest.fixture
def four() -> list[Article]:
    """Four public articles in one briefing, at positions 1 to 4."""
    owner = factories.briefing()
    return [factories.article(f"Article {n}", briefing_=owner) for n in range(1, 5)]


def hide(article: Article, **fields) -> None:
    Article.objects.filter(pk=article.pk).update(**fields)


def test_the_first_article_has_only_a_next_one(four):
    assert titles(four[0].neighbours()) == (None, "Article 2")


def test_the_last_article_has_only_a_previous_one(four):
    assert titles(four[3].neighbours()) == ("Article 3", None)


def test_a_middle_article_has_both(four):
    assert titles(four[1].neighbours()) == ("Article 1", "Article 3")


def test_hidden_siblings_are_skipped(four):
    hide(four[1], is_published=False)
    hide(four[2], is_in_source=False)
    assert titles(four[0].neighbours()) == (None, "Article 4")
    assert titles(four[3].neighbours()) == ("Article 1", None)


def test_a_lone_article_has_no_neighbours():
    assert titles(factories.article("Lone").neighbours()) == (None, None)


def test_neighbours_follow_positions_not_ids():
    owner = factories.briefing()
    third = factories.article("Third", briefing_=owner, position=3)
    first = factories.article("First", briefing_=owner, position=1)
    second = factories.article("Second", briefing_=owner, position=2)
    assert titles(first.neighbours()) == (None, "Second")
    assert titles(second.neighbours()) == ("First", "Third")
    assert titles(third.neighbours()) == ("Second", None)


def test_neighbours_are_loaded_without_their_bodies(four):
    previous, following = four[1].neighbours()
    assert {"body", "items", "imported_values"} <= previous.get_deferred_fields()
    assert {"body", "items", "imported_values"} <= following.get_deferred_fields()


def page_of(*, untitled: bool = False, related: int = 5, claims: int = 3) -> Article:
    """An article between two siblings, with authors, claims (with figures) and
    ``related`` articles in other briefings sharing its topics."""
    title = None if untitled else "Neighbour"
    owner = factories.briefing()
    factories.article(f"{title} before" if title else None, briefing_=owner)
    subject = factories.article(
        "Subject",
        "Growth reached 5 percent. Trade grew.",
        briefing_=owner,
        authors=("Ann Lee", "Bo Wu"),
        topics=("Trade", "Energy"),
    )
    factories.article(
        title, "Port cranes face new rules.", briefing_=owner, authors=("Cy Ma",)
    )
    for _ in range(claims):
        factories.claim(subject, figures=(("5 percent", 5.0, "%"),))
    for n in range(related):
        factories.article(
            None if untitled else f"Related {n}",
            "Chip exports fell again.",
            briefing_=factories.briefing(published_on=dt.date(2020 + n, 1, 1)),
            authors=("Dee Xu",),
            topics=("Trade",),
            outlet="Caixin",
        )
    return subject


@pytest.mark.parametrize(("related", "claims"), [(1, 1), (5, 4)])
def test_the_article_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, related, claims
):
    subject = page_of(related=related, claims=claims)
    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(subject.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["related"]) == related
    assert titles(response.context["neighbours"]) == ("Neighbour before", "Neighbour")
    assert "Related 0" in response.content.decode()


def test_untitled_neighbours_and_related_articles_cost_no_more_queries(
    client, django_assert_num_queries
):
    subject = page_of(untitled=True)
    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(subject.get_absolute_url())
    html = response.content.decode()
    # Described by their own first words, read without loading their bodies whole.
    assert "[Untitled article beginning “Port cranes face new rules”]" in html
    assert "[Untitled article beginning “Chip exports fell again”]" in html
    assert len(response.context["related"]) == 5


def test_related_articles_show_their_briefing_date_and_outlet(client):
    subject = page_of(related=1)
    response = client.get(subject.get_absolute_url())
    (shown,) = response.context["related"]
    assert "body" in shown.get_deferred_fields()
    html = response.content.decode()
    assert f"{shown.briefing.display_title} · 1 Jan 2020 · from Caixin" in html
