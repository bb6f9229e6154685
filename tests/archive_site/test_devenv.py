"""`make run` writes var/dev.env and manage.py reads it, so the commands the README
prints work on a machine where `make run` has run; production never reads it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from archive_site.devenv import read_dev_env

ROOT = Path(__file__).resolve().parents[2]


def test_the_file_fills_what_the_environment_does_not_set(tmp_path):
    path = tmp_path / "dev.env"
    path.write_text("# comment\nDJANGO_DEBUG=1\nDATABASE_URL = sqlite:///x\n\nJUNK\n")
    environ = {"DATABASE_URL": "postgres://set"}
    assert read_dev_env(path, environ) == ["DJANGO_DEBUG"]
    assert environ == {"DATABASE_URL": "postgres://set", "DJANGO_DEBUG": "1"}


def test_production_never_reads_it(tmp_path):
    path = tmp_path / "dev.env"
    path.write_text("DJANGO_DEBUG=1\n")
    environ = {"DJANGO_SECRET_KEY": "a production secret"}
    assert read_dev_env(path, environ) == []
    assert "DJANGO_DEBUG" not in environ
    assert read_dev_env(tmp_path / "missing.env", {}) == []


def test_make_run_writes_the_file_manage_py_reads():
    makefile = (ROOT / "Makefile").read_text()
    run = makefile[makefile.index("\nrun:") : makefile.index("\ntest:")]
    assert "var/dev.env" in run and "DJANGO_DEBUG=1" in run
    assert "read_dev_env()" in (ROOT / "manage.py").read_text()


def test_a_readme_command_works_as_printed_after_make_run(tmp_path):
    """`python manage.py check` without DJANGO_DEBUG: the dev file makes it work."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_URL"))
    }
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    dev_env = ROOT / "var" / "dev.env"
    created = not dev_env.exists()
    if created:
        dev_env.parent.mkdir(exist_ok=True)
        dev_env.write_text("DJANGO_DEBUG=1\n")
    try:
        result = subprocess.run(
            [sys.executable, "manage.py", "check"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        if created:
            dev_env.unlink()
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
