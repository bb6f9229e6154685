"""Moving an archive between databases: SQLite → PostgreSQL and back, byte for byte.

Run under ``.ci/with-postgres`` (the test database is PostgreSQL); the SQLite side is
a separate ``manage.py`` process on a file database.
"""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.truth import SEEDS_DIR

from .conftest import export_text
from .edits import make_editor

PROJECT = Path(__file__).resolve().parents[2]
EDITS = "from tests.dump.edits import make_edits; make_edits()"
EDITOR = "from tests.dump.edits import make_editor; make_editor()"


def manage(database_url: str, *args: str) -> None:
    """Run manage.py on another database."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.postgres
def test_sqlite_archive_imports_into_postgres_unchanged(tmp_path):
    sqlite = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    archive = tmp_path / "from-sqlite.jsonl"
    manage(sqlite, "migrate", "-v0")
    manage(sqlite, "import_briefings", str(SEEDS_DIR))
    manage(sqlite, "shell", "-c", EDITS)
    manage(sqlite, "export_archive", "--output", str(archive))
    make_editor()
    call_command("import_archive", str(archive), stdout=StringIO())
    assert export_text() == archive.read_text(encoding="utf-8")


@pytest.mark.postgres
def test_postgres_archive_imports_into_sqlite_unchanged(curated, tmp_path):
    sqlite = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    archive, again = tmp_path / "from-postgres.jsonl", tmp_path / "again.jsonl"
    archive.write_text(export_text(), encoding="utf-8")
    manage(sqlite, "migrate", "-v0")
    manage(sqlite, "shell", "-c", EDITOR)
    manage(sqlite, "import_archive", str(archive))
    manage(sqlite, "export_archive", "--output", str(again))
    assert again.read_bytes() == archive.read_bytes()
