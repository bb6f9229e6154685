"""The export_archive and import_archive commands: files, standard streams,
summaries, progress and errors."""

from __future__ import annotations

import io
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from briefings.models import Briefing

from .conftest import archive_counts, empty_archive, export_text


def test_export_to_a_file_then_import_it(curated, tmp_path):
    path = tmp_path / "archive.jsonl"
    out = StringIO()
    call_command("export_archive", "--output", str(path), stdout=out)
    assert path.read_text(encoding="utf-8") == curated
    assert out.getvalue().startswith("Exported 5 briefings, ")
    empty_archive()
    out = StringIO()
    call_command("import_archive", str(path), stdout=out)
    assert "Imported 5 briefings, " in out.getvalue()
    assert " briefings/s)" in out.getvalue()
    assert export_text() == curated


def test_export_to_standard_output_keeps_the_summary_apart(curated, capsysbinary):
    err = StringIO()
    call_command("export_archive", stderr=err)
    assert capsysbinary.readouterr().out.decode("utf-8") == curated
    assert err.getvalue().startswith("Exported 5 briefings")


def test_import_reads_standard_input_and_shows_progress(curated, monkeypatch, capsys):
    empty_archive()
    stdin = io.TextIOWrapper(io.BytesIO(curated.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    call_command("import_archive", "-", "--progress", stdout=StringIO())
    assert "5 briefings" in capsys.readouterr().err
    assert Briefing.objects.count() == 5


def test_a_bad_line_is_a_command_error_saying_nothing_changed(curated, tmp_path):
    path = tmp_path / "bad.jsonl"
    lines = curated.splitlines(keepends=True)
    path.write_text("".join(lines[:-1]) + "{oops\n", encoding="utf-8")
    empty_archive()
    with pytest.raises(CommandError) as caught:
        call_command("import_archive", str(path), stdout=StringIO())
    message = str(caught.value)
    assert message.startswith(f"{path}: line {len(lines)}: not valid JSON")
    assert message.endswith("Nothing was imported; the database is unchanged.")
    assert sum(archive_counts().values()) == 0


def test_import_into_a_database_with_records_is_refused(curated, tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_text(curated, encoding="utf-8")
    with pytest.raises(CommandError, match="already holds records"):
        call_command("import_archive", str(path), stdout=StringIO())


def test_missing_file_is_a_command_error(db, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_archive", str(tmp_path / "nope.jsonl"))
