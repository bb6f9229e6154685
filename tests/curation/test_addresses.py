"""Editors cannot store a link to anything but an http, https or mailto address."""

from __future__ import annotations

import json

import pytest

from briefings.models import Article
from tests.curation.conftest import admin_url, form_errors, post_form

pytestmark = pytest.mark.django_db


def test_editor_cannot_store_a_javascript_link(editor_client, source_file):
    article = Article.objects.get()
    links = [
        {"title": "Fine", "url": "https://example.org"},
        {"title": "Bad", "url": "javascript:alert(1)"},
    ]
    response = post_form(
        editor_client,
        admin_url("article_change", article.pk),
        {"links": json.dumps(links)},
        form_id="article_form",
    )
    assert response.status_code == 200
    assert (
        "entry 2: only http, https and mailto addresses may be stored, not "
        "&#x27;javascript:alert(1)&#x27;" in form_errors(response)
    )
    article.refresh_from_db()
    assert "javascript" not in json.dumps(article.links)


def test_editor_cannot_store_a_data_item(editor_client, source_file):
    article = Article.objects.get()
    items = [{"title": "Bad", "url": "data:text/html,hi"}]
    response = post_form(
        editor_client,
        admin_url("article_change", article.pk),
        {"items": json.dumps(items)},
        form_id="article_form",
    )
    assert response.status_code == 200
    assert "entry 1: only http, https and mailto" in form_errors(response)
