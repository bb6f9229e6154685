"""Editors' edits survive re-import, however they were made (admin or ORM): a field an
editor changed is kept, the source's other changes are applied, and a field both
changed keeps the editor's value and becomes a review item with both values."""

from __future__ import annotations

import pytest

from briefings.models import Article, ArticleTopic, ReviewItem, ReviewKind, Topic
from tests.curation.conftest import (
    admin_url,
    change_source,
    form_errors,
    post_form,
    reimport,
)

pytestmark = pytest.mark.django_db

EDITED = "Ministries sell government data (edited)"
SOURCE_TITLE_END = "hidden dealings draw attention"


def edit_title_in_admin(client, article: Article, title: str) -> None:
    """Change only the title on the change form, sent as a browser sends it (CRLF)."""
    url = admin_url("article_change", article.pk)
    response = post_form(
        client, url, {"title": title}, form_id="article_form", crlf=True
    )
    assert response.status_code == 302, form_errors(response)


def test_admin_edit_survives_reimport_of_unchanged_source(editor_client, source_file):
    article = Article.objects.get()
    edit_title_in_admin(editor_client, article, EDITED)

    entry = reimport(source_file)

    article.refresh_from_db()
    assert entry["status"] == "unchanged"
    assert article.title == EDITED


def test_admin_edit_survives_changed_source_whose_other_changes_apply(
    editor_client, source_file
):
    article = Article.objects.get()
    body_before = article.body
    edit_title_in_admin(editor_client, article, EDITED)
    article.refresh_from_db()
    assert article.body == body_before  # the browser's CRLF newlines changed nothing
    change_source(source_file, "In June of this year", "In July of this year")

    entry = reimport(source_file)

    article.refresh_from_db()
    assert entry["status"] == "updated"
    assert article.title == EDITED
    assert "In July of this year" in article.body
    assert not ReviewItem.objects.filter(kind=ReviewKind.CONFLICT).exists()


def test_orm_edit_survives_changed_source(source_file):
    article = Article.objects.get()
    Article.objects.filter(pk=article.pk).update(title=EDITED)  # e.g. a shell or API
    change_source(source_file, "In June of this year", "In July of this year")

    reimport(source_file)

    article.refresh_from_db()
    assert article.title == EDITED
    assert "In July of this year" in article.body


def test_a_field_only_the_source_changed_is_updated(editor_client, source_file):
    article = Article.objects.get()
    edit_title_in_admin(editor_client, article, EDITED)
    change_source(source_file, "In June of this year", "In May of this year")

    reimport(source_file)

    article.refresh_from_db()
    assert "In May of this year" in article.body
    assert "In June of this year" not in article.body


def test_conflict_keeps_the_editor_value_and_becomes_a_review_item(
    editor_client, source_file
):
    article = Article.objects.get()
    edit_title_in_admin(editor_client, article, EDITED)
    change_source(source_file, SOURCE_TITLE_END, "dealings exposed")

    entry = reimport(source_file)

    article.refresh_from_db()
    assert article.title == EDITED
    assert any(w.startswith("conflict:") for w in entry["warnings"])
    item = ReviewItem.objects.get(kind=ReviewKind.CONFLICT)
    assert item.status == "open"
    assert item.article == article and item.briefing == article.briefing
    assert item.details["field"] == "title"
    assert item.details["editor_value"] == EDITED
    assert item.details["source_value"].endswith("dealings exposed.")
    page = editor_client.get(admin_url("reviewitem_change", item.pk))
    html = page.content.decode()
    assert EDITED in html and "dealings exposed" in html


def test_a_newer_source_value_updates_the_open_conflict(source_file):
    article = Article.objects.get()
    Article.objects.filter(pk=article.pk).update(title=EDITED)
    change_source(source_file, SOURCE_TITLE_END, "dealings exposed")
    reimport(source_file)
    change_source(source_file, "dealings exposed", "dealings revealed")

    reimport(source_file)

    item = ReviewItem.objects.get(kind=ReviewKind.CONFLICT)
    assert item.details["source_value"].endswith("dealings revealed.")


def test_manual_topics_survive_a_reimport_that_retags(editor_client, source_file):
    article = Article.objects.get()
    manual = Topic.objects.create(name="Data governance", slug="data-governance")
    url = admin_url("article_change", article.pk)
    page = editor_client.get(url)
    total = int(page.context["inline_admin_formsets"][1].formset.total_form_count())
    prefix = "articletopic_set"
    changes = {
        f"{prefix}-TOTAL_FORMS": str(total + 1),
        f"{prefix}-{total}-topic": str(manual.pk),
        f"{prefix}-{total}-score": "0.5",
        f"{prefix}-{total}-article": str(article.pk),
    }
    response = post_form(editor_client, url, changes, form_id="article_form")
    assert response.status_code == 302, form_errors(response)
    assert ArticleTopic.objects.get(article=article, topic=manual).is_manual
    change_source(source_file, "In June of this year", "In July of this year")

    reimport(source_file)

    link = ArticleTopic.objects.get(article=article, topic=manual)
    assert link.is_manual and link.score == 0.5
    assert ArticleTopic.objects.filter(article=article, is_manual=False).exists()
