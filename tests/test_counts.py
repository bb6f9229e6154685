"""Archive-wide counts on the home and topic pages are cached, and dropped as soon
as this process saves or deletes a counted record (briefings/counts.py)."""

from __future__ import annotations

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def totals(client) -> dict:
    return client.get("/").context["totals"]


def test_a_second_view_of_the_home_page_counts_nothing_again(
    client, django_assert_max_num_queries
):
    factories.article("First", topics=("Trade",))
    with django_assert_max_num_queries(20) as first:
        client.get("/")
    with django_assert_max_num_queries(20) as second:
        client.get("/")
    assert len(second) < len(first)


def test_saving_an_article_refreshes_the_counts(client):
    factories.article("First", topics=("Trade",))
    assert totals(client)["articles"] == 1
    factories.article("Second", topics=("Trade",))
    assert totals(client)["articles"] == 2
    leading = client.get("/").context["topics"]
    assert [(t.name, t.article_count) for t in leading] == [("Trade", 2)]


def test_hiding_an_article_refreshes_the_topic_list(client):
    hidden = factories.article("Soon hidden", topics=("Trade",))
    topics = {t.name: t.article_count for t in client.get("/topics/").context["topics"]}
    assert topics["Trade"] == 1
    hidden.is_published = False
    hidden.save()
    topics = {t.name: t.article_count for t in client.get("/topics/").context["topics"]}
    assert topics["Trade"] == 0
