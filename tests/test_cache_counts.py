"""Archive-wide counts on the home and topic pages are cached, and never read again
once the archive changes: a save or delete, an import (briefings/cache.py)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from briefings.cache import cached
from briefings.models import Briefing, Person, Publication, Topic
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_rendered_each_time(settings):
    """These tests watch the counts' own cache, under the whole-page cache
    (tests/test_page_cache.py), so each request renders its page."""
    settings.PAGE_CACHE_SECONDS = 0


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


def test_an_archive_import_refreshes_the_counts(
    client, tmp_path, django_capture_on_commit_callbacks
):
    factories.article("One", topics=("Trade",))
    factories.article("Two", topics=("Trade",))
    archive = tmp_path / "archive.jsonl"
    call_command("export_archive", "--output", str(archive), stderr=StringIO())
    for model in (Briefing, Person, Topic, Publication):
        model.objects.all().delete()
    assert totals(client)["articles"] == 0  # counted, and kept
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "import_archive", str(archive), stdout=StringIO(), stderr=StringIO()
        )
    assert totals(client)["articles"] == 2  # rows copied without save signals


def test_two_databases_sharing_a_cache_never_read_each_others_figures(monkeypatch):
    assert cached("figure", lambda: "this archive's") == "this archive's"
    assert cached("figure", lambda: "counted again") == "this archive's"
    monkeypatch.setitem(connection.settings_dict, "NAME", "another-archive")
    assert cached("figure", lambda: "another archive's") == "another archive's"
