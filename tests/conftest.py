"""Shared fixtures; vendor-only tests are skipped on the other database."""

from __future__ import annotations

import json
import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction

from briefings.models import Briefing
from tests.truth import SEEDS_DIR

# End-to-end tests need a live server; `make test-e2e` starts one and sets BASE_URL.
collect_ignore = [] if os.environ.get("BASE_URL") else ["e2e"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        for vendor in ("postgres", "sqlite"):
            if item.get_closest_marker(vendor):
                item.add_marker(pytest.mark.django_db)
                item.user_properties.append(("vendor", vendor))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached counts (briefings/cache.py) never leak from one test to the next."""
    cache.clear()


@pytest.fixture(autouse=True)
def _skip_other_vendor(request):
    for vendor, name in (("postgres", "postgresql"), ("sqlite", "sqlite")):
        if request.node.get_closest_marker(vendor) and connection.vendor != name:
            pytest.skip(f"{vendor} only")


def run_import(*args: str) -> tuple[dict, int]:
    """Run import_briefings --json; return the report and the exit status."""
    out, err = StringIO(), StringIO()
    try:
        call_command("import_briefings", *args, "--json", stdout=out, stderr=err)
        status = 0
    except Exception as error:  # CommandError carries the exit status
        status = getattr(error, "returncode", 1)
    report = json.loads(out.getvalue())
    report["stderr"] = err.getvalue()
    return report, status


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A private copy of the seeds folder that a test may change."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


@pytest.fixture(scope="module")
def seeded_archive(django_db_setup, django_db_blocker):
    """The seeds imported once for a whole test module whose tests read them.

    The import runs in a transaction that is rolled back after the module's last
    test; each test runs in a savepoint inside it, so a test that changes a record
    leaves the next one the seeds as imported. Use it only in modules whose other
    tests do not mind the seeds being there.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        report, status = run_import(str(SEEDS_DIR))
        assert status == 0, report["stderr"]
        yield report
        transaction.set_rollback(True)


@pytest.fixture
def read_seeds(seeded_archive, db):
    """The seeds of ``seeded_archive``, for a test that reads them."""
    return seeded_archive


@pytest.fixture
def imported_seeds(db):
    report, status = run_import(str(SEEDS_DIR))
    assert status == 0, report["stderr"]
    return report


@pytest.fixture
def imported_seeds_once(db):
    """The seeds, imported once per test (hypothesis examples share them)."""
    if not Briefing.objects.exists():
        run_import(str(SEEDS_DIR))
