"""``import_briefings`` on web pages, e-mails, mailboxes and PDFs: the records, their
provenance and links, the same guarantees as for text (idempotent, editors' edits
kept, a bad file writes nothing)."""

from __future__ import annotations

import shutil

import pytest

from briefings.models import Article, Briefing, Claim, SourceFile
from tests.conftest import run_import

from .convert import text_to_pdf
from .helpers import FIXTURES, fixture_bytes, truth

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def copy(name: str, folder) -> str:
    shutil.copy(FIXTURES / name, folder / name)
    return str(folder / name)


def test_html_page_imports_with_its_provenance_and_links(inbox):
    report, status = run_import(copy("newsletter.html", inbox))
    assert status == 0
    [entry] = report["files"]
    assert entry["status"] == "created"
    assert entry["source"]["media_type"] == "text/html"
    assert entry["source"]["url"] == truth()["url"]
    briefing = Briefing.objects.get()
    assert briefing.issue_number == 57
    assert briefing.source_name == "newsletter.html"
    assert briefing.source_url == truth()["url"]
    assert briefing.source_media_type == "text/html"
    assert briefing.source_text.startswith("Brief #57: Grain reserves")
    assert briefing.source_file.data == fixture_bytes("newsletter.html")
    assert briefing.source_sha256 == entry["source"]["sha256"]
    links = [
        [link["url"] for link in article.links]
        for article in briefing.articles.order_by("position")
    ]
    assert links == [article["links"] for article in truth()["articles"]]


def test_reimporting_the_same_page_is_unchanged_and_keeps_ids(inbox):
    path = copy("newsletter.html", inbox)
    run_import(path)
    ids = sorted(Article.objects.values_list("id", flat=True))
    report, status = run_import(path)
    assert status == 0
    assert report["files"][0]["status"] == "unchanged"
    assert sorted(Article.objects.values_list("id", flat=True)) == ids


def test_editors_edit_survives_reimport_of_the_email(inbox):
    path = copy("newsletter.eml", inbox)
    run_import(path)
    article = Article.objects.get(title="Ports")
    article.title = "Ports: cranes under review"
    article.save()
    (inbox / "newsletter.eml").write_bytes(
        fixture_bytes("newsletter.eml").replace(b"214 such cranes", b"215 such cranes")
    )
    report, _ = run_import(path)
    assert report["files"][0]["status"] == "updated"
    article.refresh_from_db()
    assert article.title == "Ports: cranes under review"
    assert "215 such cranes" in article.body


def test_email_keeps_sender_date_and_message_id(inbox):
    run_import(copy("newsletter.eml", inbox))
    briefing = Briefing.objects.get()
    assert briefing.source_sender == "China Neican <newsletter@example.org>"
    assert briefing.source_message_id == "<brief-57@newsletter.example.org>"
    assert briefing.source_sent_at.isoformat() == "2024-03-04T07:30:00+00:00"
    assert briefing.source_file.media_type == "message/rfc822"


def test_mailbox_imports_each_message_as_a_briefing(inbox):
    report, status = run_import(copy("briefs.mbox", inbox))
    assert status == 0
    assert [e["path"] for e in report["files"]] == [
        str(inbox / f"briefs.mbox#{n}") for n in (1, 2, 3)
    ]
    assert report["totals"]["created"] == 3
    assert sorted(Briefing.objects.values_list("issue_number", flat=True)) == [
        57,
        58,
        59,
    ]
    again, _ = run_import(str(inbox))  # a folder: mailboxes are found in it too
    assert [e["status"] for e in again["files"]] == ["unchanged"] * 3


def test_pdf_imports_like_its_text(inbox, tmp_path):
    text = fixture_bytes("newsletter.txt").decode()
    (inbox / "newsletter.pdf").write_bytes(text_to_pdf(text))
    report, status = run_import(str(inbox / "newsletter.pdf"))
    assert status == 0
    pdf_articles = report["files"][0]["briefing"]["articles"]
    Briefing.objects.all().delete()
    text_report, _ = run_import(copy("newsletter.txt", tmp_path))
    text_articles = text_report["files"][0]["briefing"]["articles"]
    assert [a["title"] for a in pdf_articles] == [a["title"] for a in text_articles]
    assert [a["claims"] for a in pdf_articles] == [a["claims"] for a in text_articles]
    assert not SourceFile.objects.exists()  # plain text keeps no second copy


def test_bad_pdf_fails_with_one_line_and_writes_nothing(inbox):
    copy("newsletter.html", inbox)
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.7\nnot a PDF at all")
    report, status = run_import(str(inbox))
    assert status == 1
    by_name = {entry["path"].rsplit("/", 1)[-1]: entry for entry in report["files"]}
    assert by_name["broken.pdf"]["status"] == "failed"
    assert by_name["broken.pdf"]["error"].startswith("unreadable PDF")
    assert (
        "error: " in report["stderr"]
        and "broken.pdf: unreadable PDF" in report["stderr"]
    )
    assert by_name["newsletter.html"]["status"] == "created"
    assert Briefing.objects.count() == 1
    assert (
        Claim.objects.filter(article__briefing__source_name="broken.pdf").count() == 0
    )


def test_dry_run_reports_a_reimport_conflict_and_writes_nothing(inbox):
    path = copy("newsletter.html", inbox)
    run_import(path)
    article = Article.objects.get(title="Ports")
    article.title = "Ports and cranes"
    article.save()
    (inbox / "newsletter.html").write_bytes(
        fixture_bytes("newsletter.html").replace(b"2. Ports", b"2. Harbours")
    )
    report, status = run_import(path, "--dry-run")
    assert status == 0
    [entry] = report["files"]
    assert entry["status"] == "updated"
    assert any(
        w.startswith("conflict: article 2 (Harbours) title: kept the editor's")
        for w in entry["warnings"]
    )
    assert "record" not in entry
    article.refresh_from_db()
    assert article.title == "Ports and cranes"
    assert Briefing.objects.get().source_sha256 != entry["source"]["sha256"]
