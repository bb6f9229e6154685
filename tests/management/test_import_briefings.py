"""The import_briefings command end to end: statuses, ids, bad input, dry run, JSON."""

from __future__ import annotations

import codecs
import os
from io import StringIO

import pytest
from django.core.management import call_command

from briefings.importers import load
from briefings.models import (
    Article,
    Briefing,
    Claim,
    Figure,
    Person,
    Publication,
    Topic,
)
from tests.conftest import run_import
from tests.truth import SEED_STEMS, SEEDS_DIR

pytestmark = pytest.mark.django_db

MODELS = (Publication, Briefing, Article, Claim, Figure, Person, Topic)


def database_counts() -> dict:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_seeds_import_creates_every_briefing(imported_seeds):
    assert [entry["status"] for entry in imported_seeds["files"]] == ["created"] * 5
    assert Briefing.objects.count() == len(SEED_STEMS)
    totals = imported_seeds["totals"]
    assert totals["created"] == 5 and totals["failed"] == 0
    assert Article.objects.count() == totals["articles"]
    assert Claim.objects.count() == totals["claims"] > 0
    assert Topic.objects.exists()


def test_every_record_keeps_its_provenance(imported_seeds):
    for briefing in Briefing.objects.all():
        source = (SEEDS_DIR / briefing.source_name).read_bytes()
        assert briefing.source_text == source.decode("utf-8")
        assert len(briefing.source_sha256) == 64
        line_count = len(briefing.source_text.splitlines())
        for article in briefing.articles.all():
            assert 1 <= article.line_start <= article.line_end <= line_count
    for claim in Claim.objects.select_related("article"):
        assert claim.article.body[claim.start : claim.end] == claim.text


def test_reimport_is_idempotent(imported_seeds):
    ids = sorted(Article.objects.values_list("id", "updated_at"))
    claim_ids = sorted(Claim.objects.values_list("id", flat=True))
    report, status = run_import(str(SEEDS_DIR))
    assert status == 0
    assert [entry["status"] for entry in report["files"]] == ["unchanged"] * 5
    assert sorted(Article.objects.values_list("id", "updated_at")) == ids
    assert sorted(Claim.objects.values_list("id", flat=True)) == claim_ids


def test_changed_file_updates_in_place_keeping_ids(seeds_copy):
    path = seeds_copy / f"{SEED_STEMS[3]}.txt"
    run_import(str(path))
    briefing = Briefing.objects.get()
    article_ids = list(briefing.articles.values_list("id", flat=True))
    claim_ids = set(Claim.objects.values_list("id", flat=True))
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("In June of this year", "In July of this year"), "utf-8"
    )

    report, status = run_import(str(path))

    assert status == 0 and report["files"][0]["status"] == "updated"
    briefing.refresh_from_db()
    assert Briefing.objects.get().pk == briefing.pk
    assert list(briefing.articles.values_list("id", flat=True)) == article_ids
    assert "In July of this year" in briefing.articles.get().body
    assert claim_ids <= set(Claim.objects.values_list("id", flat=True))


def test_editor_title_survives_reimport_of_changed_source(seeds_copy):
    path = seeds_copy / f"{SEED_STEMS[3]}.txt"
    run_import(str(path))
    article = Article.objects.get()
    article.title = "Ministries sell government data (edited)"
    article.save()
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("In June of this year", "In July of this year"), "utf-8"
    )

    report, _ = run_import(str(path))

    article.refresh_from_db()
    assert article.title == "Ministries sell government data (edited)"
    assert "In July of this year" in article.body
    assert report["files"][0]["status"] == "updated"


def test_conflicting_edits_keep_the_editor_value_and_are_reported(seeds_copy):
    path = seeds_copy / f"{SEED_STEMS[3]}.txt"
    run_import(str(path))
    article = Article.objects.get()
    article.title = "Edited title"
    article.save()
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("hidden dealings draw attention", "dealings exposed"), "utf-8"
    )

    report, _ = run_import(str(path))

    article.refresh_from_db()
    assert article.title == "Edited title"
    conflicts = [w for w in report["files"][0]["warnings"] if w.startswith("conflict")]
    assert len(conflicts) == 1
    assert "Edited title" in conflicts[0] and "dealings exposed" in conflicts[0]
    assert conflicts[0] in Briefing.objects.get().warnings


def test_dry_run_writes_nothing(db):
    report, status = run_import(str(SEEDS_DIR), "--dry-run")
    assert status == 0
    assert [entry["status"] for entry in report["files"]] == ["created"] * 5
    assert all(count == 0 for count in database_counts().values())


def write_bytes(folder, name: str, data: bytes):
    path = folder / name
    path.write_bytes(data)
    return path


BAD_INPUTS = [
    ("binary.txt", os.urandom(64) + b"\x00\x01\x02" + os.urandom(64), "binary file"),
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"   \n\n\t\n", "empty file"),
    ("broken-utf16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8\x41", "undecodable"),
    ("symbols.txt", b"12345 67890\n----\n!!! ??? ...\n", "unparseable"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_INPUTS)
def test_bad_file_fails_clearly_and_others_still_import(tmp_path, name, data, reason):
    bad = write_bytes(tmp_path, name, data)
    good = SEEDS_DIR / f"{SEED_STEMS[3]}.txt"

    report, status = run_import(str(bad), str(good))

    assert status == 1
    failed, imported = report["files"]
    assert failed["status"] == "failed" and reason in failed["error"]
    assert f"error: {bad}: {reason}" in report["stderr"]
    assert imported["status"] == "created"
    assert Briefing.objects.count() == 1


def test_file_over_the_size_limit_fails(tmp_path):
    big = write_bytes(tmp_path, "big.txt", b"A headline\n\n" + b"Words here. " * 200)
    report, status = run_import(str(big), "--max-bytes", "1000")
    assert status == 1
    assert "too large" in report["files"][0]["error"]
    assert "limit is 1,000 bytes" in report["files"][0]["error"]
    assert Briefing.objects.count() == 0


def test_failure_while_writing_leaves_the_database_as_it_was(monkeypatch, seeds_copy):
    path = seeds_copy / f"{SEED_STEMS[3]}.txt"
    run_import(str(path))
    before = database_counts()
    stored = Briefing.objects.values("source_sha256", "updated_at").get()
    path.write_text(path.read_text("utf-8").replace("June", "July"), "utf-8")

    def fail_midway(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(load._Writer, "write_claims", fail_midway)
    report, status = run_import(str(path))

    assert status == 1 and "disk on fire" in report["files"][0]["error"]
    assert database_counts() == before
    assert Briefing.objects.values("source_sha256", "updated_at").get() == stored
    assert "June" in Article.objects.get().body


def test_decoding_falls_back_from_utf8_to_cp1252_and_honours_boms(tmp_path):
    text = "A headline about the yuan\n\nThe caf\u00e9 sold 2.4 million cups, officials said."
    files = [
        write_bytes(tmp_path, "bom8.txt", codecs.BOM_UTF8 + text.encode("utf-8")),
        write_bytes(tmp_path, "bom16.txt", text.encode("utf-16")),
        write_bytes(
            tmp_path, "cp1252.txt", text.replace("yuan", "euro").encode("cp1252")
        ),
    ]
    report, status = run_import(*map(str, files))
    assert status == 0
    bodies = [a.body for a in Article.objects.order_by("briefing__source_name")]
    assert all("café" in body for body in bodies)


def test_json_report_follows_the_contract(db):
    report, _ = run_import(str(SEEDS_DIR), "--dry-run")
    assert set(report) >= {"files", "totals"}
    for entry in report["files"]:
        assert set(entry) >= {
            "path",
            "status",
            "error",
            "format",
            "warnings",
            "briefing",
        }
        briefing = entry["briefing"]
        assert set(briefing) >= {
            "publication",
            "issue",
            "title",
            "date",
            "date_precision",
        }
        assert briefing["date_precision"] in {"day", "month", "year", "unknown"}
        for article in briefing["articles"]:
            expected = {
                "title",
                "authors",
                "outlet",
                "date",
                "section",
                "kind",
                "subtitle",
            }
            assert set(article) >= expected | {
                "topics",
                "body_chars",
                "warnings",
                "claims",
            }
            assert isinstance(article["body_chars"], int)
            for claim in article["claims"]:
                assert set(claim) >= {"text", "kind", "speaker", "figures"}
                for figure in claim["figures"]:
                    assert set(figure) >= {"value", "unit", "qualifier"}
                    assert isinstance(figure["value"], int | float)


def test_human_summary_lists_statuses_and_totals(db):
    out = StringIO()
    call_command("import_briefings", str(SEEDS_DIR), stdout=out)
    summary = out.getvalue()
    assert "Import summary" in summary
    lines = summary.splitlines()
    assert sum(line.startswith("created ") for line in lines) == 5
    assert "failed" in summary and "claims" in summary


def test_missing_path_is_a_clear_error(db):
    with pytest.raises(Exception, match="no such file or folder"):
        call_command("import_briefings", "does/not/exist.txt", stdout=StringIO())
