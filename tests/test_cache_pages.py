"""Public pages are rendered once and served from the cache until the archive changes
(briefings/cache.py): the same URL again runs no query, and any change to the
archive is on the very next page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from briefings.cache import cached_page, forget_counts, generation
from briefings.curation.editing import set_published
from briefings.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


def get(client, url: str, **extra) -> tuple:
    """The response and how many SQL statements it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


@pytest.fixture
def article() -> Article:
    return factories.article(
        "Tariffs on steel", "Tariffs rose again.", topics=("Trade",)
    )


def test_the_same_page_again_runs_no_query_and_reads_the_same(client, article):
    first, first_queries = get(client, article.get_absolute_url())
    again, queries = get(client, article.get_absolute_url())
    assert first.status_code == again.status_code == 200
    assert first_queries > 0 and queries == 0
    assert again.content == first.content
    assert again["Content-Type"] == "text/html; charset=utf-8"


def test_a_saved_change_is_on_the_next_page(client, article):
    get(client, article.get_absolute_url())
    article.subtitle = "Duties doubled overnight"
    article.save()
    response, queries = get(client, article.get_absolute_url())
    assert queries > 0
    assert "Duties doubled overnight" in response.content.decode()


def test_a_bulk_hide_empties_the_cache_of_search_and_permalink(client, article):
    url = article.get_absolute_url()
    assert url in get(client, "/search/?q=tariffs")[0].content.decode()
    get(client, url)
    set_published([article], False, user=None)
    assert get(client, url)[0].status_code == 410
    assert url not in get(client, "/search/?q=tariffs")[0].content.decode()


def test_a_changed_link_is_on_the_next_page(client, article):
    """``add()`` and ``set()`` of many-to-many links send no save signal."""
    briefing = article.briefing
    get(client, briefing.get_absolute_url())
    briefing.editors.add(factories.person("Lin Mei"))
    assert "Edited by" in get(client, briefing.get_absolute_url())[0].content.decode()
    get(client, article.get_absolute_url())
    article.topics.set([factories.topic("Steel")])
    html = get(client, article.get_absolute_url())[0].content.decode()
    assert "Steel" in html and ">Trade<" not in html


def test_a_transaction_forgets_again_once_when_it_commits(
    django_capture_on_commit_callbacks,
):
    """Another worker may cache the old state under the generation a save started,
    before the save is committed: the commit starts another, once."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article = factories.article("Zero", topics=("Trade",))
        for title in ("One", "Two", "Three"):
            article.title = title
            article.save()
        during = generation()
    assert [callback for callback in callbacks if callback is forget_counts] == [
        forget_counts
    ]
    assert generation() != during


def test_each_query_string_is_a_page_of_its_own(client, article):
    plain = get(client, article.get_absolute_url())[0].content.decode()
    marked = get(client, article.get_absolute_url() + "?q=rose")[0].content.decode()
    assert "<mark>rose</mark>" in marked
    assert "<mark>" not in plain
    tariffs = get(client, "/search/?q=tariffs")[0].content.decode()
    steel = get(client, "/search/?q=steel&sort=newest")[0].content.decode()
    assert "1 article found" in tariffs and "1 article found" in steel
    newest_first = '<strong aria-current="true">Newest</strong>'
    assert newest_first in steel and newest_first not in tariffs


def test_each_host_is_a_page_of_its_own(client, article):
    """Canonical links and citations name the host the reader asked."""
    url = article.get_absolute_url()
    local = get(client, url, HTTP_HOST="localhost")[0].content.decode()
    other = get(client, url, HTTP_HOST="127.0.0.1")[0].content.decode()
    assert f"http://localhost{url}" in local
    assert f"http://127.0.0.1{url}" in other and "http://localhost" not in other


def test_redirects_and_missing_pages_are_not_kept(client, article):
    old_slug = f"/articles/{article.pk}/an-old-title/"
    for _ in range(2):
        response, queries = get(client, old_slug)
        assert response.status_code == 301 and queries > 0
        response, queries = get(client, "/articles/999999/")
        assert response.status_code == 404 and queries > 0


def test_with_the_cache_off_every_page_is_rendered(client, settings, article):
    settings.PAGE_CACHE_SECONDS = 0
    get(client, article.get_absolute_url())
    assert get(client, article.get_absolute_url())[1] > 0


def test_a_page_that_sets_a_cookie_is_not_kept(rf):
    calls = []

    @cached_page
    def view(request):
        calls.append(request)
        response = HttpResponse("yours")
        response.set_cookie("visitor", str(len(calls)))
        return response

    first, second = view(rf.get("/x/")), view(rf.get("/x/"))
    assert len(calls) == 2
    assert first.cookies["visitor"].value == "1"
    assert second.cookies["visitor"].value == "2"
