"""The admin's "Import briefings" page: upload, preview (the dry-run report), Import;
limits, permission, CSRF, and nothing written for a bad file."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from briefings.models import Article, Briefing, PendingUpload, SourceFile
from tests.conftest import run_import
from tests.importers.inputs.helpers import FIXTURES, fixture_bytes, truth

pytestmark = pytest.mark.django_db
URL = reverse("admin:briefings_briefing_import")


def upload(client, *files: tuple[str, bytes]):
    data = {"files": [SimpleUploadedFile(name, content) for name, content in files]}
    return client.post(URL, data)


def page_report(response) -> dict:
    """The JSON report the page shows."""
    match = re.search(r"<pre>(.*?)</pre>", response.content.decode(), re.S)
    return json.loads(unescape(match.group(1)))


def press_import(client, preview):
    tokens = preview.context["tokens"]
    assert tokens, "the preview offers no Import"
    return client.post(URL, {"token": tokens, "import": "Import"})


def test_editor_finds_the_page_from_the_admin_index(editor_client):
    index = editor_client.get(reverse("admin:index"))
    assert URL in index.content.decode()
    page = editor_client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'type="file"' in html and "multiple" in html and ".mbox" in html


def test_preview_shows_the_dry_run_report_and_writes_nothing(editor_client, tmp_path):
    preview = upload(
        editor_client, ("newsletter.html", fixture_bytes("newsletter.html"))
    )
    html = preview.content.decode()
    assert "Preview: nothing is written until you press Import" in html
    assert "Grain reserves, port cranes and a data rule" in html
    assert "https://example.org/bmf/cranes-report" in html
    assert Briefing.objects.count() == 0
    (tmp_path / "newsletter.html").write_bytes(fixture_bytes("newsletter.html"))
    command, _ = run_import(str(tmp_path / "newsletter.html"), "--dry-run")
    [expected] = command["files"]
    [shown] = page_report(preview)["files"]
    assert shown == {**expected, "path": "newsletter.html"}


def test_import_writes_the_briefing_with_its_upload_and_links_to_it(
    editor_client, client
):
    preview = upload(
        editor_client, ("newsletter.html", fixture_bytes("newsletter.html"))
    )
    done = press_import(editor_client, preview)
    assert done.status_code == 200
    [entry] = page_report(done)["files"]
    assert entry["status"] == "created"
    briefing = Briefing.objects.get()
    assert entry["record"] == {"id": briefing.pk, "url": briefing.get_absolute_url()}
    assert SourceFile.objects.get(briefing=briefing).data == fixture_bytes(
        "newsletter.html"
    )
    assert briefing.source_url == truth()["url"]
    assert not PendingUpload.objects.exists()
    assert briefing.get_absolute_url() in done.content.decode()
    public = client.get(briefing.get_absolute_url())
    assert "Grain reserves, port cranes and a data rule" in public.content.decode()


def test_same_upload_again_is_unchanged(editor_client):
    press_import(
        editor_client, upload(editor_client, ("b.eml", fixture_bytes("newsletter.eml")))
    )
    ids = sorted(Article.objects.values_list("pk", flat=True))
    preview = upload(editor_client, ("b.eml", fixture_bytes("newsletter.eml")))
    assert [e["status"] for e in page_report(preview)["files"]] == ["unchanged"]
    press_import(editor_client, preview)
    assert sorted(Article.objects.values_list("pk", flat=True)) == ids


def test_preview_shows_a_reimport_conflict_and_import_keeps_the_edit(editor_client):
    press_import(
        editor_client,
        upload(editor_client, ("n.html", fixture_bytes("newsletter.html"))),
    )
    article = Article.objects.get(title="Ports")
    article.title = "Ports and cranes"
    article.save()
    changed = fixture_bytes("newsletter.html").replace(b"2. Ports", b"2. Harbours")
    preview = upload(editor_client, ("n.html", changed))
    [entry] = page_report(preview)["files"]
    assert entry["status"] == "updated"
    conflict = (
        "conflict: article 2 (Harbours) title: kept the editor's 'Ports and cranes'"
    )
    assert any(w.startswith(conflict) for w in entry["warnings"])
    assert conflict in unescape(preview.content.decode())
    article.refresh_from_db()
    assert article.title == "Ports and cranes"  # the preview wrote nothing
    press_import(editor_client, preview)
    article.refresh_from_db()
    assert article.title == "Ports and cranes"


def test_mailbox_upload_imports_each_message(editor_client):
    preview = upload(editor_client, ("briefs.mbox", fixture_bytes("briefs.mbox")))
    assert [e["path"] for e in page_report(preview)["files"]] == [
        "briefs.mbox#1",
        "briefs.mbox#2",
        "briefs.mbox#3",
    ]
    press_import(editor_client, preview)
    assert Briefing.objects.count() == 3


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("broken.pdf", b"%PDF-1.7\nnot a PDF", "broken.pdf: unreadable PDF"),
        ("issue.docx", b"PK\x03\x04 word", "issue.docx: unsupported file type: .docx"),
        ("empty.html", b"   ", "empty.html: empty file: nothing to import"),
        ("big.txt", b"x" * 2048, "big.txt: too large: 2,048 bytes, the limit is 1,024"),
    ],
)
def test_bad_file_shows_its_one_line_error_and_nothing_is_kept(
    editor_client, settings, name, content, error
):
    settings.IMPORT_MAX_BYTES = 1024
    preview = upload(editor_client, (name, content))
    html = unescape(preview.content.decode())
    assert re.search(
        rf'class="errornote import-error">{re.escape(error)}[^<\n]*</p>', html
    )
    assert 'name="import"' not in html
    assert not PendingUpload.objects.exists()
    assert Briefing.objects.count() == 0


def test_good_and_bad_files_together_import_only_the_good(editor_client):
    preview = upload(
        editor_client,
        ("broken.pdf", b"%PDF-1.7\nnot a PDF"),
        ("newsletter.txt", (FIXTURES / "newsletter.txt").read_bytes()),
    )
    done = press_import(editor_client, preview)
    assert [e["status"] for e in page_report(done)["files"]] == ["created"]
    assert Briefing.objects.get().source_name == "newsletter.txt"


def test_staff_without_the_permission_is_refused(db):
    get_user_model().objects.create_user("sam", password="pw-sam-1234", is_staff=True)
    client = Client()
    client.login(username="sam", password="pw-sam-1234")
    assert client.get(URL).status_code == 403
    assert Client().get(URL).status_code == 302  # to the login page


def test_post_without_csrf_token_is_refused(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = upload(client, ("n.txt", fixture_bytes("newsletter.txt")))
    assert response.status_code == 403
    assert not PendingUpload.objects.exists()


def test_another_users_upload_cannot_be_imported(editor_client, editor):
    preview = upload(editor_client, ("n.txt", fixture_bytes("newsletter.txt")))
    PendingUpload.objects.update(uploaded_by=get_user_model().objects.create_user("x"))
    done = press_import(editor_client, preview)
    assert page_report(done)["files"] == []
    assert Briefing.objects.count() == 0


def test_briefing_pages_show_where_the_upload_came_from(editor_client):
    press_import(
        editor_client, upload(editor_client, ("b.eml", fixture_bytes("newsletter.eml")))
    )
    briefing = Briefing.objects.get()
    change = editor_client.get(
        reverse("admin:briefings_briefing_change", args=[briefing.pk])
    )
    original_url = reverse("admin:briefings_briefing_original", args=[briefing.pk])
    html = unescape(change.content.decode())
    assert (
        original_url in html
        and "&lt;brief-57@newsletter.example.org&gt;" in change.content.decode()
    )
    download = editor_client.get(original_url)
    assert download["Content-Type"] == "message/rfc822"
    assert download["Content-Disposition"] == 'attachment; filename="b.eml"'
    assert download.content == fixture_bytes("newsletter.eml")
    public = unescape(Client().get(briefing.get_absolute_url()).content.decode())
    assert "https://example.org/neican/brief-57" in public
    assert (
        "<code><brief-57@newsletter.example.org></code>"
        " from China Neican <newsletter@example.org>, sent 4 March 2024 07:30 UTC"
    ) in public
