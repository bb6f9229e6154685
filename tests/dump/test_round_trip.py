"""Export → import into an empty database → export gives the same bytes, on every
database; what the archive carries survives the trip."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from briefings.dump import HEADER, restore_archive
from briefings.models import (
    Article,
    ArticleTopic,
    Briefing,
    Claim,
    Person,
    ReviewItem,
    SearchWord,
    Topic,
)
from briefings.search import search
from tests import factories

from .conftest import archive_counts, as_bytes, empty_archive, export_text
from .edits import EDITOR, REVIEWED_AT


def reimport(text: str) -> str:
    """Empty the database, import the text, export again."""
    empty_archive()
    restore_archive(as_bytes(text))
    return export_text()


def test_round_trip_is_byte_identical(curated):
    counts = archive_counts()
    assert reimport(curated) == curated
    assert archive_counts() == counts


def test_archive_starts_with_its_header_and_has_one_line_per_briefing(curated):
    lines = curated.splitlines()
    assert json.loads(lines[0]) == HEADER
    types = [json.loads(line)["type"] for line in lines[1:-1]]
    assert json.loads(lines[-1])["type"] == "trailer"
    assert types == sorted(
        types, key=["publication", "person", "topic", "briefing"].index
    )
    assert types.count("briefing") == Briefing.objects.count()
    assert curated.endswith("\n") and "\r\n" not in curated.replace("\\r\\n", "")


def test_ids_timestamps_and_editors_work_survive(curated):
    before = {
        "article": Article.objects.order_by("id").values().first(),
        "claim": Claim.objects.order_by("id").values().first(),
        "item": ReviewItem.objects.order_by("id").values().first(),
    }
    reimport(curated)
    assert Article.objects.order_by("id").values().first() == before["article"]
    assert Claim.objects.order_by("id").values().first() == before["claim"]
    assert ReviewItem.objects.order_by("id").values().first() == before["item"]
    claim = Claim.objects.order_by("id").first()
    assert (claim.status, claim.reviewed_by.username) == ("verified", EDITOR)
    assert claim.reviewed_at == REVIEWED_AT
    hidden = Article.objects.order_by("id")[1]
    assert not hidden.is_published
    manual = ArticleTopic.objects.get(is_manual=True)
    assert manual.score == 0.1 + 0.2  # floats are written exactly
    merged = Topic.objects.order_by("id").first()
    assert merged.merged_into_id == Topic.objects.order_by("id").last().pk
    assert Person.objects.order_by("id").first().variants == ["王丹", "Dan Wang"]


def test_unknown_username_becomes_null(curated):
    get_user_model().objects.filter(username=EDITOR).delete()
    empty_archive()
    restore_archive(as_bytes(curated))
    assert Claim.objects.order_by("id").first().reviewed_by is None
    assert Claim.objects.order_by("id").first().status == "verified"


def test_import_leaves_the_search_index_and_vocabulary_working(curated):
    empty_archive()
    SearchWord.objects.all().delete()
    restore_archive(as_bytes(curated))
    assert search(Article.objects.all(), "pharmaceutical corruption").exists()
    assert SearchWord.objects.filter(word="pharmaceutical").exists()


def test_new_records_after_import_get_fresh_ids(curated):
    reimport(curated)
    highest = Briefing.objects.order_by("-id").first().pk
    assert factories.briefing().pk > highest
    assert Topic.objects.create(name="New", slug="new-topic").pk > max(
        Topic.objects.exclude(slug="new-topic").values_list("pk", flat=True)
    )


def test_dry_run_checks_everything_and_writes_nothing(curated):
    empty_archive()
    counts = restore_archive(as_bytes(curated), dry_run=True)
    assert counts.briefings == 5 and counts.claims > 0
    assert sum(archive_counts().values()) == 0


@pytest.mark.parametrize("batch_rows", [1, 50])
def test_small_batches_give_the_same_database(curated, batch_rows):
    empty_archive()
    restore_archive(as_bytes(curated), batch_rows=batch_rows)
    assert export_text() == curated


def test_export_reads_a_chunk_with_a_fixed_number_of_queries(curated):
    with CaptureQueriesContext(connection) as before:
        export_text(chunk_size=2)
    briefing = Briefing.objects.order_by("id").first()
    for number in range(5):
        article = factories.article(f"More {number}", briefing_=briefing, topics=("X",))
        factories.claim(article, figures=(("5 percent", 5.0, "%"),))
    with CaptureQueriesContext(connection) as after:
        export_text(chunk_size=2)
    assert len(after.captured_queries) == len(before.captured_queries)
