"""Fixtures for archive tests: a curated archive, exporting it, emptying the database."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from django.db import transaction

from briefings.dump import restore_archive, write_archive
from briefings.models import (
    Article,
    ArticleTopic,
    Briefing,
    Claim,
    Figure,
    Person,
    Publication,
    ReviewItem,
    Topic,
)
from tests.conftest import run_import
from tests.truth import SEEDS_DIR

from .edits import make_editor, make_edits

ARCHIVE_MODELS = (
    Publication,
    Person,
    Topic,
    Briefing,
    Article,
    ArticleTopic,
    Claim,
    Figure,
    ReviewItem,
)


def export_text(**options) -> str:
    """The whole archive as text."""
    out = io.StringIO()
    write_archive(out, **options)
    return out.getvalue()


def archive_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in ARCHIVE_MODELS}


def empty_archive() -> None:
    """Delete every archive record (users stay), as in a new database."""
    Briefing.objects.all().delete()
    for model in (Publication, Person, Topic):
        model.objects.all().delete()


def resealed(lines: list[str]) -> str:
    """The archive's lines with the trailer's checksum made to match them again,
    as after an export of data edited that way."""
    trailer = json.loads(lines[-1])
    text = "".join(lines[:-1])
    trailer["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    return text + json.dumps(trailer, separators=(",", ":")) + "\n"


def as_bytes(text: str) -> list[bytes]:
    """An archive text as the lines import reads."""
    return [line.encode() for line in text.splitlines(keepends=True)]


@pytest.fixture(scope="session")
def curated_text(django_db_setup, django_db_blocker) -> str:
    """The seeds imported with editors' work on top, exported; made once, in a
    transaction that is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        report, status = run_import(str(SEEDS_DIR))
        assert status == 0, report["stderr"]
        make_edits()
        text = export_text()
        transaction.set_rollback(True)
    return text


@pytest.fixture
def curated(db, curated_text) -> str:
    """The curated archive loaded into the test database; its text."""
    make_editor()
    restore_archive(as_bytes(curated_text))
    return curated_text
