"""What import_briefings reads: unreadable files and folders are failures (exit 1),
special files are refused, links inside folders are skipped unless
--follow-symlinks; every other file in the folder still imports."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefings.models import Briefing
from tests.conftest import run_import
from tests.truth import SEED_STEMS, SEEDS_DIR

pytestmark = pytest.mark.django_db

DENIED = "Permission denied"


@pytest.fixture
def folder(tmp_path) -> Path:
    """A folder with two seed briefings in it."""
    folder = tmp_path / "briefings"
    folder.mkdir()
    for stem in SEED_STEMS[:2]:
        shutil.copy(SEEDS_DIR / f"{stem}.txt", folder)
    return folder


@pytest.fixture
def lock(monkeypatch):
    """Make a path unreadable. ``chmod 000`` does not stop root (who runs the tests
    in containers), so listing or opening a locked path also raises the
    PermissionError any other user would get."""
    locked: list[Path] = []
    real_scandir, real_open = os.scandir, os.open

    def is_locked(path) -> bool:
        return isinstance(path, str | os.PathLike) and Path(path) in locked

    def scandir(path="."):
        if is_locked(path):
            raise PermissionError(13, DENIED, str(path))
        return real_scandir(path)

    def open_(path, flags, *args, **kwargs):
        if is_locked(path):
            raise PermissionError(13, DENIED, str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", open_)

    def make_unreadable(path: Path) -> None:
        path.chmod(0)
        locked.append(path)

    yield make_unreadable
    for path in locked:
        path.chmod(0o700)


def statuses(report: dict) -> dict[str, str]:
    return {Path(e["path"]).name: e["status"] for e in report["files"]}


def test_an_unreadable_folder_is_a_failure_not_an_empty_folder(folder, lock):
    lock(folder)
    report, status = run_import(str(folder))
    assert status == 1
    assert report["totals"]["failed"] == 1
    assert report["files"][0]["error"] == f"cannot read folder: {DENIED}"
    assert f"error: {folder}: cannot read folder: {DENIED}" in report["stderr"]


def test_an_unreadable_subfolder_fails_and_the_rest_imports(folder, lock):
    inner = folder / "2024"
    inner.mkdir()
    shutil.copy(SEEDS_DIR / f"{SEED_STEMS[2]}.txt", inner)
    lock(inner)
    report, status = run_import(str(folder))
    assert status == 1
    assert f"error: {inner}: cannot read folder: {DENIED}" in report["stderr"]
    assert report["totals"]["created"] == 2 and report["totals"]["failed"] == 1
    assert Briefing.objects.count() == 2


def test_an_unreadable_file_fails_and_the_rest_imports(folder, lock):
    path = folder / f"{SEED_STEMS[0]}.txt"
    lock(path)
    report, status = run_import(str(folder))
    assert status == 1
    assert statuses(report)[path.name] == "failed"
    assert f"error: {path}: cannot read: {DENIED}" in report["stderr"]
    assert Briefing.objects.count() == 1


def test_a_named_pipe_in_a_folder_is_refused(folder):
    os.mkfifo(folder / "pipe.txt")
    report, status = run_import(str(folder))
    assert status == 1
    assert statuses(report)["pipe.txt"] == "failed"
    assert "pipe.txt: not a regular file: a named pipe (FIFO)" in report["stderr"]
    assert Briefing.objects.count() == 2


def test_a_device_named_on_the_command_line_is_refused(db):
    report, status = run_import("/dev/zero")
    assert status == 1
    assert report["files"][0]["error"].startswith("not a regular file: a character")


def test_links_inside_a_folder_are_skipped_and_said_so(folder, tmp_path):
    secret = tmp_path / "secret.txt"
    shutil.copy(SEEDS_DIR / f"{SEED_STEMS[3]}.txt", secret)
    (folder / "notes.txt").symlink_to(secret)
    (folder / "more").symlink_to(tmp_path)
    report, status = run_import(str(folder))
    assert status == 0
    assert statuses(report)["notes.txt"] == statuses(report)["more"] == "skipped"
    assert (
        f"skipped: {folder / 'notes.txt'}: a symbolic link (to {secret}): links "
        "inside folders are not followed without --follow-symlinks"
    ) in report["stderr"]
    assert report["totals"]["skipped"] == 2 and report["totals"]["created"] == 2
    assert Briefing.objects.count() == 2
    assert not Briefing.objects.filter(source_name="notes.txt").exists()


def test_follow_symlinks_imports_what_links_point_to(folder, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(SEEDS_DIR / f"{SEED_STEMS[3]}.txt", elsewhere / "linked.txt")
    (folder / "notes.txt").symlink_to(elsewhere / "linked.txt")
    (folder / "loop").symlink_to(folder)  # must not be walked for ever
    report, status = run_import(str(folder), "--follow-symlinks")
    assert status == 0, report["stderr"]
    assert statuses(report)["notes.txt"] == "created"
    assert statuses(report)["loop"] == "skipped"
    assert Briefing.objects.filter(source_name="notes.txt").exists()


def test_a_link_named_on_the_command_line_is_followed(folder, tmp_path):
    link = tmp_path / "latest.txt"
    link.symlink_to(folder / f"{SEED_STEMS[0]}.txt")
    report, status = run_import(str(link))
    assert status == 0, report["stderr"]
    assert Briefing.objects.count() == 1
