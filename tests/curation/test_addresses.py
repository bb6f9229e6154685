"""Editors cannot store a link to anything but an http, https or mailto address."""

from __future__ import annotations

import json

import pytest

from briefings.models import Article
from tests.curation.conftest import admin_url, form_errors, post_form

pytestmark = pytest.mark.django_db


CASES = {
    "links": (
        [
            {"title": "Fine", "url": "https://example.org"},
            {"title": "Bad", "url": "javascript:alert(1)"},
        ],
        "entry 2: only http, https and mailto addresses may be stored, not "
        "&#x27;javascript:alert(1)&#x27;",
    ),
    "items": (
        [{"title": "Bad", "url": "data:text/html,hi"}],
        "entry 1: only http, https and mailto addresses may be stored, not "
        "&#x27;data:text/html,hi&#x27;",
    ),
}


@pytest.mark.parametrize("field", CASES)
def test_editor_cannot_store_a_hostile_address(editor_client, source_file, field):
    entries, message = CASES[field]
    article = Article.objects.get()
    before = getattr(article, field)
    response = post_form(
        editor_client,
        admin_url("article_change", article.pk),
        {field: json.dumps(entries)},
        form_id="article_form",
    )
    assert response.status_code == 200
    assert message in form_errors(response)
    article.refresh_from_db()
    assert getattr(article, field) == before
