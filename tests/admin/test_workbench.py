"""The editors' workbench: its name, list fields edited as rows, history in field
labels with a reason for every save, reverts that reopen review items, and merging
among the selected topics."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from briefings.curation import editing
from briefings.models import (
    Article,
    ArticleTopic,
    Claim,
    ClaimStatus,
    ReviewItem,
    ReviewKind,
    ReviewStatus,
    Topic,
)
from tests import factories
from tests.curation.conftest import admin_url, form_data, form_errors, post_form

pytestmark = pytest.mark.django_db


def tree_of(response):
    assert response.status_code == 200
    return lxml_html.fromstring(response.content.decode())


def test_the_admin_is_branded_as_the_archives_workbench(editor_client):
    tree = tree_of(editor_client.get("/admin/"))
    assert "Django administration" not in tree.text_content()
    assert tree.findtext(".//title").startswith("The workbench")
    assert "Editors' workbench" in tree.findtext(".//title")
    header = " ".join(tree.xpath("//div[@id='branding']")[0].text_content().split())
    assert header == "China Briefings Archive · Editors' workbench"


# List fields as rows


@pytest.fixture
def listed_article():
    article = factories.article("Listed", body="Intro.\n\nPart one\n\nText.")
    article.subheadings = ["Part one"]
    article.alternate_titles = ["Another name"]
    article.items = [
        {
            "title": "A report | with a pipe",
            "url": "https://example.org/report",
            "label": "Think tank",
            "authors": ["Ann Li", "Bo Wu"],
            "description": "What it found.",
        }
    ]
    article.links = [
        {
            "title": "A source",
            "url": None,
            "label": None,
            "authors": [],
            "description": None,
        }
    ]
    article.save()
    return article


def test_list_fields_are_rows_not_json(editor_client, listed_article):
    page = editor_client.get(admin_url("article_change", listed_article.pk))
    data = form_data(page, "article_form")
    assert data["subheadings"] == "Part one"
    assert data["alternate_titles"] == "Another name"
    assert data["items"] == (
        "Title: A report | with a pipe\nAddress: https://example.org/report\n"
        "Label: Think tank\nAuthors: Ann Li; Bo Wu\nDescription: What it found."
    )
    assert data["links"] == "Title: A source"
    assert "[" not in data["subheadings"] + data["items"]


def test_unchanged_rows_keep_the_stored_lists_exactly(editor_client, listed_article):
    url = admin_url("article_change", listed_article.pk)
    stored = Article.objects.get(pk=listed_article.pk)
    response = post_form(editor_client, url, {}, form_id="article_form", crlf=True)
    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get(pk=listed_article.pk)
    for name in ("subheadings", "alternate_titles", "items", "links"):
        assert getattr(article, name) == getattr(stored, name), name


def test_rows_are_read_back_into_lists(editor_client, listed_article):
    url = admin_url("article_change", listed_article.pk)
    changes = {
        "alternate_titles": "First\n\n  Second  \n",
        "links": "Title: One\nAddress: https://example.org/1\n\n"
        "title: Two\nauthors: A; B",
    }
    response = post_form(editor_client, url, changes, form_id="article_form")
    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get(pk=listed_article.pk)
    assert article.alternate_titles == ["First", "Second"]
    assert article.links == [
        {
            "title": "One",
            "url": "https://example.org/1",
            "label": None,
            "authors": [],
            "description": None,
        },
        {
            "title": "Two",
            "url": None,
            "label": None,
            "authors": ["A", "B"],
            "description": None,
        },
    ]


@pytest.mark.parametrize(
    "field, text, message",
    [
        (
            "links",
            "Address: https://example.org/",
            "Item 1: a Title: line is required.",
        ),
        ("items", "Title: X\nAddress: javascript:alert(1)", "is not a web address"),
        ("items", "Title: X\nWhatever it is", "does not start with Title:"),
        ("subheadings", "Part two", "Not a paragraph of the body"),
    ],
)
def test_bad_rows_get_a_clear_message_and_change_nothing(
    editor_client, listed_article, field, text, message
):
    url = admin_url("article_change", listed_article.pk)
    before = Article.objects.get(pk=listed_article.pk)
    response = post_form(editor_client, url, {field: text}, form_id="article_form")
    assert response.status_code == 200
    assert message in form_errors(response)
    after = Article.objects.get(pk=listed_article.pk)
    assert getattr(after, field) == getattr(before, field)


# History


def test_history_speaks_in_labels_and_gives_every_reason(editor_client, source_file):
    article = Article.objects.get()
    url = admin_url("article_change", article.pk)
    response = post_form(  # as a browser sends it: newlines as CRLF
        editor_client,
        url,
        {"title": "", "subtitle": "A dek"},
        form_id="article_form",
        crlf=True,
    )
    assert response.status_code == 302, form_errors(response)
    editing.set_published(Article.objects.all(), False, None)

    tree = tree_of(editor_client.get(admin_url("article_history", article.pk)))
    table = "//table[@id='change-history']"
    headers = [th.text_content().strip() for th in tree.xpath(f"{table}/thead//th")]
    assert "Is published" in headers and "IS_PUBLISHED" not in headers
    assert "is_published" not in headers
    reasons = [
        row.xpath("./td")[headers.index("Reason")].text_content().strip()
        for row in tree.xpath("//table[@id='change-history']/tbody/tr")
    ]
    assert reasons == [
        "Bulk action: hidden from the public",
        "Edited in the admin: title, subtitle",
        f"import of {source_file.name}",
    ]
    text = " ".join(tree.text_content().split())
    assert "None" not in text
    changes = tree.xpath("//table[@id='change-history']/tbody/tr[2]//li")
    subtitle, title = sorted(" ".join(li.text_content().split()) for li in changes)
    assert subtitle == "Subtitle: (empty) → A dek"
    assert title.startswith("Title: Multiple Chinese") and title.endswith("→ (empty)")


def test_bulk_claim_review_gives_its_reason(editor, source_file):
    claims = Claim.objects.all()
    editing.set_claim_status(claims, ClaimStatus.VERIFIED, editor)
    latest = Claim.objects.first().history.latest()
    assert latest.history_change_reason == "Bulk action: marked verified"


def test_a_revert_gives_its_reason_and_reopens_the_review_items_it_brings_back(
    editor_client, source_file
):
    article = Article.objects.get()
    article.title = None
    article._change_reason = "an untitled version"
    article.save()
    untitled = article.history.latest()
    url = admin_url("article_change", article.pk)
    post_form(editor_client, url, {"title": "Now titled"}, form_id="article_form")
    ReviewItem.objects.create(
        briefing=article.briefing,
        article=article,
        kind=ReviewKind.NO_TITLE,
        message="no title: the article shows none",
        key="no-title-test",
        status=ReviewStatus.RESOLVED,
    )

    version = admin_url("article_simple_history", article.pk, untitled.history_id)
    response = post_form(editor_client, version, {}, form_id="historicalarticle_form")

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert not article.title
    item = ReviewItem.objects.get(key="no-title-test")
    assert item.status == ReviewStatus.OPEN
    reason = article.history.latest().history_change_reason
    assert reason.startswith("Reverted to the version of ")


def test_a_revert_to_no_title_opens_an_item_when_there_was_none(
    editor_client, source_file
):
    article = Article.objects.get()
    article.title = ""
    article.save()
    empty = article.history.latest()
    url = admin_url("article_change", article.pk)
    post_form(editor_client, url, {"title": "Titled"}, form_id="article_form")
    ReviewItem.objects.filter(kind=ReviewKind.NO_TITLE).delete()

    version = admin_url("article_simple_history", article.pk, empty.history_id)
    post_form(editor_client, version, {}, form_id="historicalarticle_form")

    item = ReviewItem.objects.get(article=article, kind=ReviewKind.NO_TITLE)
    assert item.status == ReviewStatus.OPEN


# Merging


def test_merge_chooses_among_the_selected_topics(editor_client):
    trade, commerce = factories.topic("Trade"), factories.topic("Commerce")
    factories.topic("Unrelated")
    ArticleTopic.objects.create(
        article=factories.article("A", topics=()), topic=commerce, score=0.5
    )
    selection = {
        "action": "merge_selected",
        "_selected_action": [trade.pk, commerce.pk],
    }
    tree = tree_of(editor_client.post(admin_url("topic_changelist"), selection))
    choices = tree.xpath("//input[@name='target']")
    assert [c.get("type") for c in choices] == ["radio", "radio"]
    labels = [
        tree.xpath(f"//label[@for='{c.get('id')}']")[0].text_content() for c in choices
    ]
    assert labels == ["Commerce", "Trade"]

    other = Topic.objects.get(name="Unrelated")
    refused = editor_client.post(
        admin_url("topic_changelist"), {**selection, "apply": "1", "target": other.pk}
    )
    assert refused.status_code == 200
    assert not Topic.objects.exclude(merged_into=None).exists()

    done = editor_client.post(
        admin_url("topic_changelist"), {**selection, "apply": "1", "target": trade.pk}
    )
    assert done.status_code == 302
    commerce.refresh_from_db()
    assert commerce.merged_into == trade
    assert commerce.history.latest().history_change_reason == "Merged into Trade"
