"""Publish / hide and the claim workflow as readers see them: a hidden article or
claim answers 410 and leaves search but stays in the admin; a claim's review status,
note and evidence show on public pages."""

from __future__ import annotations

import pytest

from briefings.models import Article, Claim, ClaimStatus
from tests.curation.conftest import admin_url, form_errors, post_form

pytestmark = pytest.mark.django_db

SEARCH = "/search/?q=dealings"


def action(client, model: str, name: str, *records) -> None:
    response = client.post(
        admin_url(f"{model}_changelist"),
        {"action": name, "_selected_action": [record.pk for record in records]},
    )
    assert response.status_code == 302


def test_a_hidden_article_answers_410_and_leaves_search(
    client, editor_client, source_file
):
    article = Article.objects.get()
    url = article.get_absolute_url()
    assert client.get(url).status_code == 200
    assert url in client.get(SEARCH).content.decode()

    action(editor_client, "article", "hide", article)

    assert client.get(url).status_code == 410
    assert url not in client.get(SEARCH).content.decode()
    assert editor_client.get(admin_url("article_change", article.pk)).status_code == 200
    changelist = editor_client.get(admin_url("article_changelist"))
    assert article.title in changelist.content.decode()


def test_publishing_brings_the_article_back(client, editor_client, source_file):
    article = Article.objects.get()
    action(editor_client, "article", "hide", article)
    action(editor_client, "article", "publish", article)
    assert client.get(article.get_absolute_url()).status_code == 200


def test_a_hidden_claim_answers_410(client, editor_client, source_file):
    claim = Claim.objects.first()
    action(editor_client, "claim", "hide", claim)
    assert client.get(claim.get_absolute_url()).status_code == 410
    article_page = client.get(claim.article.get_absolute_url()).content.decode()
    assert claim.get_absolute_url() not in article_page


def test_bulk_verification_stamps_the_reviewer(editor_client, editor, source_file):
    claims = list(Claim.objects.all()[:2])
    action(editor_client, "claim", "mark_disputed", *claims)
    for claim in claims:
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.DISPUTED
        assert claim.reviewed_by == editor and claim.reviewed_at is not None


def test_the_claim_form_records_the_review_and_shows_it_publicly(
    client, editor_client, editor, source_file
):
    claim = Claim.objects.first()
    evidence = "https://www.audit.gov.cn/report-2024"
    changes = {
        "status": ClaimStatus.VERIFIED,
        "review_note": "Matches the audit report.",
        "evidence_links": f"{evidence}\r\n",
    }
    url = admin_url("claim_change", claim.pk)
    response = post_form(editor_client, url, changes, form_id="claim_form")
    assert response.status_code == 302, form_errors(response)

    claim.refresh_from_db()
    assert claim.reviewed_by == editor and claim.evidence_links == [evidence]
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "Verified" in page and evidence in page and "Matches the audit" in page
    assert "Verified" in client.get(claim.article.get_absolute_url()).content.decode()


def test_evidence_links_must_be_web_addresses(editor_client, source_file):
    claim = Claim.objects.first()
    url = admin_url("claim_change", claim.pk)
    changes = {"evidence_links": "javascript:alert(1)"}
    response = post_form(editor_client, url, changes, form_id="claim_form")
    assert response.status_code == 200
    assert "Not a web address" in response.content.decode()
