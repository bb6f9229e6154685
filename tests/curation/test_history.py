"""History and revert: every change to briefings, articles, claims and topics is
recorded with who and when, shown in the admin, and can be reverted there."""

from __future__ import annotations

import pytest

from briefings.models import Article, Claim, Topic
from tests.curation.conftest import admin_url, form_errors, post_form, reimport

pytestmark = pytest.mark.django_db


def test_an_import_is_recorded_without_a_user(source_file):
    record = Article.objects.get().history.earliest()
    assert record.history_type == "+" and record.history_user is None
    assert record.history_change_reason == f"import of {source_file.name}"


def test_an_admin_edit_is_recorded_with_who_and_when(
    editor_client, editor, source_file
):
    article = Article.objects.get()
    url = admin_url("article_change", article.pk)
    response = post_form(
        editor_client, url, {"title": "New title"}, form_id="article_form"
    )
    assert response.status_code == 302, form_errors(response)

    latest = article.history.latest()
    assert latest.history_user == editor and latest.title == "New title"
    assert latest.history_date is not None
    page = editor_client.get(admin_url("article_history", article.pk))
    assert "New title" in page.content.decode() and "edna" in page.content.decode()


def test_a_revert_restores_the_previous_value(editor_client, editor, source_file):
    article = Article.objects.get()
    original = article.title
    imported_values = article.imported_values
    url = admin_url("article_change", article.pk)
    post_form(editor_client, url, {"title": "A wrong title"}, form_id="article_form")
    before_edit = article.history.order_by("history_id")[0]
    version = admin_url("article_simple_history", article.pk, before_edit.history_id)

    response = post_form(editor_client, version, {}, form_id="historicalarticle_form")

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.title == original
    assert article.imported_values == imported_values  # importer bookkeeping kept
    assert article.history.latest().history_user == editor


def test_a_reverted_title_follows_the_source_again(editor_client, source_file):
    article = Article.objects.get()
    url = admin_url("article_change", article.pk)
    post_form(editor_client, url, {"title": "A wrong title"}, form_id="article_form")
    first = article.history.order_by("history_id")[0]
    version = admin_url("article_simple_history", article.pk, first.history_id)
    post_form(editor_client, version, {}, form_id="historicalarticle_form")
    text = source_file.read_text("utf-8").replace("draw attention", "exposed")
    source_file.write_text(text, "utf-8")

    reimport(source_file)

    article.refresh_from_db()
    assert article.title.endswith("hidden dealings exposed.")


def test_claim_and_topic_changes_are_recorded(editor_client, editor, source_file):
    claim = Claim.objects.first()
    editor_client.post(
        admin_url("claim_changelist"),
        {"action": "mark_verified", "_selected_action": [claim.pk]},
    )
    assert claim.history.latest().history_user == editor
    assert claim.history.latest().status == "verified"
    topic = Topic.objects.first()
    url = admin_url("topic_change", topic.pk)
    response = post_form(
        editor_client, url, {"description": "Edited."}, form_id="topic_form"
    )
    assert response.status_code == 302, form_errors(response)
    assert topic.history.latest().history_user == editor
    assert topic.history.latest().description == "Edited."


def test_the_history_page_keeps_to_the_content_security_policy(
    editor_client, source_file
):
    article = Article.objects.get()
    url = admin_url("article_change", article.pk)
    post_form(editor_client, url, {"title": "New title"}, form_id="article_form")
    response = editor_client.get(admin_url("article_history", article.pk))
    html = response.content.decode()
    assert "style=" not in html and "<style" not in html
    assert "New title" in html and "<strong>Title:</strong>" in html
    policy = response["Content-Security-Policy"]
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy
