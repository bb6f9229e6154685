"""The trailer: an archive proves itself complete and unchanged, or is refused
(unless --allow-partial); older archives without one are read with a warning."""

from __future__ import annotations

import hashlib
import io
import json
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from briefings.dump import ArchiveError, restore_archive
from briefings.models import Article, Briefing, Claim, Figure, Person, Topic

from .conftest import archive_counts, as_bytes, empty_archive, resealed

UNCHANGED = "Nothing was imported; the database is unchanged."


def import_text(text: str, *options: str, monkeypatch) -> tuple[str, str]:
    """``… | import_archive - [options]``: standard output and standard error."""
    stdin = io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    out, err = StringIO(), StringIO()
    call_command("import_archive", "-", *options, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_trailer_counts_every_record_and_checks_every_byte_before_it(curated):
    lines = curated.splitlines(keepends=True)
    trailer = json.loads(lines[-1])
    assert list(trailer) == ["type", "counts", "sha256"]
    assert trailer["counts"] == {
        "publications": 4,
        "people": Person.objects.count(),
        "topics": Topic.objects.count(),
        "briefings": 5,
        "articles": Article.objects.count(),
        "claims": Claim.objects.count(),
        "figures": Figure.objects.count(),
        "review_items": trailer["counts"]["review_items"],
    }
    assert trailer["counts"]["review_items"] > 0
    body = "".join(lines[:-1]).encode()
    assert trailer["sha256"] == hashlib.sha256(body).hexdigest()


def test_a_backup_cut_short_is_refused_and_changes_nothing(curated, monkeypatch):
    head = "".join(curated.splitlines(keepends=True)[:-3])  # head -n …
    empty_archive()
    with pytest.raises(CommandError) as caught:
        import_text(head, monkeypatch=monkeypatch)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("-: the archive ends at line ")
    assert "without its trailer: it is incomplete" in message
    assert message.endswith(f"--allow-partial imports it anyway. {UNCHANGED}")
    assert sum(archive_counts().values()) == 0


def test_a_missing_trailer_is_refused_even_when_every_record_is_there(curated):
    lines = curated.splitlines(keepends=True)
    empty_archive()
    with pytest.raises(ArchiveError) as caught:
        restore_archive(as_bytes("".join(lines[:-1])))
    assert caught.value.line is None
    assert f"ends at line {len(lines) - 1} without its trailer" in str(caught.value)
    assert sum(archive_counts().values()) == 0


def test_a_line_changed_after_export_is_refused(curated):
    lines = curated.splitlines(keepends=True)
    lines[-2] = lines[-2].replace('"is_published":true', '"is_published":false', 1)
    empty_archive()
    with pytest.raises(ArchiveError) as caught:
        restore_archive(as_bytes("".join(lines)))
    assert caught.value.line == len(lines)
    assert "the trailer's checksum does not match the lines before it" in str(
        caught.value
    )
    assert sum(archive_counts().values()) == 0


def test_counts_that_disagree_with_the_lines_are_refused(curated):
    lines = curated.splitlines(keepends=True)
    trailer = json.loads(lines[-1])
    trailer["counts"]["briefings"] = 6
    lines[-1] = json.dumps(trailer, separators=(",", ":")) + "\n"
    empty_archive()
    with pytest.raises(ArchiveError, match="the trailer counts 6 briefings, the lines"):
        restore_archive(as_bytes("".join(lines)))
    assert sum(archive_counts().values()) == 0


def test_a_briefing_line_dropped_and_resealed_by_hand_still_fails_on_counts(curated):
    lines = curated.splitlines(keepends=True)
    del lines[-2]
    empty_archive()
    with pytest.raises(ArchiveError, match="counts 5 briefings, .* hold 4;"):
        restore_archive(as_bytes(resealed(lines)))


def test_allow_partial_imports_what_is_there_with_a_warning(curated, monkeypatch):
    head = "".join(curated.splitlines(keepends=True)[:-2])  # one briefing short
    empty_archive()
    out, err = import_text(head, "--allow-partial", monkeypatch=monkeypatch)
    assert Briefing.objects.count() == 4
    assert "Imported 4 briefings" in out
    assert err.startswith("-: warning: the archive ends at line ")
    assert err.rstrip().endswith("imported anyway (--allow-partial).")


def test_allow_partial_imports_a_changed_archive_with_a_warning(curated):
    lines = curated.splitlines(keepends=True)
    lines[-2] = lines[-2].replace('"is_published":true', '"is_published":false', 1)
    empty_archive()
    warnings: list[str] = []
    restore_archive(as_bytes("".join(lines)), allow_partial=True, warn=warnings.append)
    assert Briefing.objects.count() == 5
    assert len(warnings) == 1
    assert warnings[0].startswith(f"line {len(lines)}: the trailer's checksum")


def test_an_older_archive_without_a_trailer_is_read_with_a_warning(
    curated, monkeypatch
):
    lines = curated.splitlines(keepends=True)
    header = json.loads(lines[0]) | {"version": 1}
    old = json.dumps(header, separators=(",", ":")) + "\n" + "".join(lines[1:-1])
    empty_archive()
    out, err = import_text(old, monkeypatch=monkeypatch)
    assert Briefing.objects.count() == 5
    assert "Imported 5 briefings" in out
    assert err == (
        "-: warning: archive version 1 has no trailer: whether the file is "
        "complete cannot be checked\n"
    )


def test_a_version_2_header_alone_is_refused(db):
    header = b'{"type":"archive","format":"china-briefings-archive","version":2}\n'
    with pytest.raises(ArchiveError, match="ends at line 1 without its trailer"):
        restore_archive([header])
