"""Admin list pages take a fixed number of queries: the same for 3 rows as for 30
(related rows are selected up front; no column queries per row)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from briefings.models import ReviewItem, Topic
from tests import factories
from tests.curation.conftest import admin_url

pytestmark = pytest.mark.django_db

LISTS = [
    "briefing",
    "article",
    "claim",
    "topic",
    "person",
    "publication",
    "reviewitem",
]
MAX_QUERIES = 14


def add_rows(start: int, count: int) -> None:
    """Records whose list columns touch related rows: untitled articles, speakers,
    reviewers, parent topics, review items on briefings, articles and claims."""
    for n in range(start, start + count):
        briefing = factories.briefing(f"Weekly {n % 4}")
        title = None if n % 2 else f"Article {n}"
        article = factories.article(
            title, briefing_=briefing, authors=(f"Author {n}",), topics=(f"Topic {n}",)
        )
        claim = factories.claim(
            article, f"Claim {n} reached 5 percent.", speaker=f"Sp {n}"
        )
        Topic.objects.filter(slug=f"topic-{n}").update(parent=factories.topic("Parent"))
        for record in ({}, {"article": article}, {"article": article, "claim": claim}):
            ReviewItem.objects.create(
                briefing=briefing,
                kind="other",
                message=f"Item {n}",
                key=f"{n}",
                **record,
            )


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("model", LISTS)
def test_a_list_page_takes_the_same_queries_for_3_and_30_rows(
    editor_client, model, django_assert_max_num_queries
):
    url = admin_url(f"{model}_changelist")
    add_rows(0, 3)
    few = queries_for(editor_client, url)
    add_rows(3, 27)
    with django_assert_max_num_queries(MAX_QUERIES):
        many = queries_for(editor_client, url)
    assert many == few


def test_the_admin_index_takes_the_same_queries_for_3_and_30_rows(editor_client):
    add_rows(0, 3)
    few = queries_for(editor_client, "/admin/")
    add_rows(3, 27)
    assert queries_for(editor_client, "/admin/") == few
