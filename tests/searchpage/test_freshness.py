"""A search and its facet counts never show a state older than the last committed
change: the text index follows every write in the same transaction (SQLite's FTS5
triggers, PostgreSQL's generated column), and the search and page caches are keyed by
the archive's generation, replaced on every save and again on commit. Run on both
databases (``bash .ci/with-postgres ...``)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.urls import reverse

from briefings.models import Article
from tests import factories

SEARCH = reverse("briefings:search")


@pytest.fixture(autouse=True)
def _caches_on(settings):
    """As in production: whole pages and search counts cached."""
    settings.PAGE_CACHE_SECONDS = settings.SEARCH_CACHE_SECONDS = 600


def seen(client, **params) -> tuple[list[str], dict[str, dict[str, int]]]:
    """The titles found and each facet's counts, as a reader sees them."""
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    titles = [hit.article.title for hit in response.context["hits"]]
    facets = {
        facet.name: {value.label: value.count for value in facet.values}
        for facet in response.context["facets"]
    }
    return titles, facets


@pytest.mark.django_db(transaction=True)
def test_a_committed_edit_is_seen_by_the_next_search_and_its_facets(client):
    march = factories.briefing("Alpha Weekly", dt.date(2024, 3, 5))
    for n in range(3):
        factories.article(f"Story {n}", "Tariffs rose again.", briefing_=march)
    titles, facets = seen(client, q="tariffs")
    assert sorted(titles) == ["Story 0", "Story 1", "Story 2"]
    assert facets["kind"] == {"News report": 3}
    cached = client.get(SEARCH, {"q": "tariffs"})  # now served from the page cache
    assert cached.context is None and b"Story 2" in cached.content

    with transaction.atomic():
        edited = Article.objects.get(title="Story 1")
        edited.body, edited.kind = "Quotas were lifted.", "analysis"
        edited.save()

    titles, facets = seen(client, q="tariffs")
    assert sorted(titles) == ["Story 0", "Story 2"]
    assert facets["kind"] == {"News report": 2}
    titles, facets = seen(client, q="quotas")
    assert titles == ["Story 1"]
    assert facets["kind"] == {"Analysis": 1}
    assert facets["year"] == {"2024": 1}


@pytest.mark.django_db(transaction=True)
def test_a_new_article_and_a_moved_briefing_are_counted_at_once(client):
    briefing = factories.briefing("Alpha Weekly", dt.date(2024, 3, 5))
    factories.article("First", "Tariffs rose.", briefing_=briefing)
    assert seen(client, q="tariffs")[1]["year"] == {"2024": 1}

    with transaction.atomic():
        factories.article("Second", "Tariffs fell.", briefing_=briefing)
    titles, facets = seen(client, q="tariffs")
    assert sorted(titles) == ["First", "Second"]
    assert facets["year"] == {"2024": 2}

    with transaction.atomic():
        briefing.published_on = dt.date(2023, 12, 29)
        briefing.save()
    titles, facets = seen(client, q="tariffs", year="2023")
    assert sorted(titles) == ["First", "Second"]
    assert facets["year"] == {"2023": 2}
