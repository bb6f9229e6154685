"""The review queue: import warnings and conflicts become review items (once), the
list shows open items by default, and resolving takes one click."""

from __future__ import annotations

import pytest

from briefings.curation.review import kind_of
from briefings.models import Briefing, ReviewItem, ReviewKind, ReviewStatus
from tests.curation.conftest import (
    admin_url,
    form_data,
    form_errors,
    post_form,
    reimport,
)

pytestmark = pytest.mark.django_db

UNDATED = (
    "Port cranes worry Washington\n\nBy Ann Lee\n\n"
    "Huawei and port cranes worry Washington. The cranes cost 2 million dollars "
    "each, officials said.\n"
)
DATED = UNDATED.replace("By Ann Lee\n", "By Ann Lee\n15 March 2024\n")


@pytest.mark.parametrize(
    ("warning", "kind"),
    [
        ("no date: the text shows no publication date", ReviewKind.NO_DATE),
        ("no title: the text shows no title", ReviewKind.NO_TITLE),
        ("suspected teaser: the line before the byline", ReviewKind.SUSPECTED_TEASER),
        ("low confidence: digest item without a headline", ReviewKind.LOW_CONFIDENCE),
        ("inconsistent figures: 5% and 7%", ReviewKind.INCONSISTENT_FIGURES),
        ("conflict: article 1 title: kept the editor's", ReviewKind.CONFLICT),
        ("preamble not imported: lines 1-3", ReviewKind.OTHER),
    ],
)
def test_a_warning_prefix_names_its_kind(warning, kind):
    assert kind_of(warning) == kind


@pytest.fixture
def undated(tmp_path):
    path = tmp_path / "cranes.txt"
    path.write_text(UNDATED, encoding="utf-8")
    reimport(path)
    return path


def test_import_warnings_become_open_review_items(imported_seeds):
    items = ReviewItem.objects.all()
    assert items.count() == imported_seeds["totals"]["warnings"]
    assert set(items.values_list("status", flat=True)) == {ReviewStatus.OPEN}
    no_date = items.filter(kind=ReviewKind.NO_DATE)
    assert no_date.exists() and all(item.article is None for item in no_date)
    for item in items.exclude(article=None):
        assert item.message in item.article.warnings
        assert item.briefing == item.article.briefing


def test_reimporting_does_not_duplicate_open_items(undated):
    undated.write_text(UNDATED + "\nA second paragraph.\n", encoding="utf-8")
    assert reimport(undated)["status"] == "updated"
    assert ReviewItem.objects.filter(kind=ReviewKind.NO_DATE).count() == 1


def test_an_item_whose_cause_disappears_is_resolved_automatically(undated):
    undated.write_text(DATED, encoding="utf-8")
    reimport(undated)
    item = ReviewItem.objects.get(kind=ReviewKind.NO_DATE)
    assert item.status == ReviewStatus.RESOLVED
    assert "no longer reports it" in item.resolution_note


def test_the_queue_lists_open_items_by_default(editor_client, undated):
    item = ReviewItem.objects.get(kind=ReviewKind.NO_DATE)
    closed = ReviewItem.objects.create(
        briefing=item.briefing,
        kind="other",
        message="done already",
        key="x",
        status=ReviewStatus.RESOLVED,
    )
    html = editor_client.get(admin_url("reviewitem_changelist")).content.decode()
    assert item.message in html and closed.message not in html
    assert "Resolve</button>" in html
    everything = editor_client.get(admin_url("reviewitem_changelist") + "?status=all")
    assert closed.message in everything.content.decode()


def test_one_click_resolves_an_item_from_the_queue(editor_client, editor, undated):
    item = ReviewItem.objects.get(kind=ReviewKind.NO_DATE)
    queue = admin_url("reviewitem_changelist")
    page = editor_client.get(queue)
    data = {**form_data(page, "changelist-form"), "review_status": "resolved"}

    response = editor_client.post(
        admin_url("reviewitem_close", item.pk),
        data,
        HTTP_REFERER=f"http://testserver{queue}",
    )

    assert response.status_code == 302 and response["Location"].endswith(queue)
    item.refresh_from_db()
    assert item.status == ReviewStatus.RESOLVED
    assert item.resolved_by == editor and item.resolved_at is not None
    assert item.message not in editor_client.get(queue).content.decode()


def test_dismiss_from_the_item_page_keeps_the_note(editor_client, undated):
    item = ReviewItem.objects.get(kind=ReviewKind.NO_DATE)
    page = editor_client.get(admin_url("reviewitem_change", item.pk))
    assert "Dismiss</button>" in page.content.decode()
    data = {**form_data(page, "reviewitem_form"), "resolution_note": "Undated issue."}
    data["review_status"] = "dismissed"
    editor_client.post(admin_url("reviewitem_close", item.pk), data)
    item.refresh_from_db()
    assert (item.status, item.resolution_note) == ("dismissed", "Undated issue.")


def test_save_and_resolve_fixes_the_record_and_resolves_in_one_click(
    editor_client, editor, undated
):
    item = ReviewItem.objects.get(kind=ReviewKind.NO_DATE)
    briefing = item.briefing
    url = admin_url("briefing_change", briefing.pk)
    page = editor_client.get(url)
    assert "Save and resolve" in page.content.decode()
    changes = {
        "published_on": "2024-03-15",
        "date_precision": "day",
        "_resolve_review": str(item.pk),
    }
    response = post_form(editor_client, url, changes, form_id="briefing_form")
    assert response.status_code == 302, form_errors(response)
    briefing.refresh_from_db()
    item.refresh_from_db()
    assert str(briefing.published_on) == "2024-03-15"
    assert item.status == ReviewStatus.RESOLVED and item.resolved_by == editor


def test_a_resolved_item_stays_resolved_on_reimport(editor_client, undated):
    item = ReviewItem.objects.get(kind=ReviewKind.NO_DATE)
    ReviewItem.objects.filter(pk=item.pk).update(status=ReviewStatus.RESOLVED)
    undated.write_text(UNDATED + "\nA second paragraph.\n", encoding="utf-8")
    reimport(undated)
    assert not ReviewItem.objects.open().filter(kind=ReviewKind.NO_DATE).exists()
    assert Briefing.objects.get().published_on is None


def test_bulk_actions_resolve_and_reopen(editor_client, imported_seeds):
    ids = [str(pk) for pk in ReviewItem.objects.values_list("pk", flat=True)]
    queue = admin_url("reviewitem_changelist")
    editor_client.post(queue, {"action": "resolve_selected", "_selected_action": ids})
    assert not ReviewItem.objects.open().exists()
    editor_client.post(
        queue + "?status=all", {"action": "reopen_selected", "_selected_action": ids}
    )
    assert ReviewItem.objects.open().count() == len(ids)
