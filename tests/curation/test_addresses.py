"""Editors cannot store a link to anything but an http, https or mailto address."""

from __future__ import annotations

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
        "Item 2: “javascript:alert(1)” is not a web address.",
    ),
    "items": (
        [{"title": "Bad", "url": "data:text/html,hi"}],
        "Item 1: “data:text/html,hi” is not a web address.",
    ),
}


def as_rows(entries: list[dict]) -> str:
    """Entries as the workbench edits them: "Title:" and "Address:" lines, a blank
    line between entries."""
    return "\n\n".join(
        f"Title: {entry['title']}\nAddress: {entry['url']}" for entry in entries
    )


@pytest.mark.parametrize("field", CASES)
def test_editor_cannot_store_a_hostile_address(editor_client, source_file, field):
    entries, message = CASES[field]
    article = Article.objects.get()
    before = getattr(article, field)
    response = post_form(
        editor_client,
        admin_url("article_change", article.pk),
        {field: as_rows(entries)},
        form_id="article_form",
    )
    assert response.status_code == 200
    assert message in form_errors(response)
    article.refresh_from_db()
    assert getattr(article, field) == before
