"""Counts kept by the database (briefings/summaries.py): after every kind of change
the kept rows equal a count from scratch, and the pages show them at once."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from briefings import summaries
from briefings.curation.merge import merge_topics
from briefings.models import (
    Article,
    ArticleTopic,
    Briefing,
    Claim,
    CountSummary,
    Person,
    Publication,
    Term,
    Topic,
)
from tests import factories
from tests.conftest import run_import
from tests.truth import SEEDS_DIR

pytestmark = pytest.mark.django_db


def kept(subject: str, item: int = 0) -> int:
    row = CountSummary.objects.filter(subject=subject, item=item).first()
    return row.total if row else 0


def assert_in_step() -> None:
    assert summaries.kept() == summaries.recount()


@pytest.fixture
def archive() -> dict:
    made = factories.small_archive()
    factories.claim(made["tariffs"], "Duties reached 35 percent.")
    return made


def test_new_records_are_counted_as_they_are_written(archive):
    assert kept("articles") == Article.objects.public().count() == 4
    assert kept("claims") == Claim.objects.public().count()
    assert kept("briefings") == Briefing.objects.count()
    trade = Topic.objects.get(name="Trade")
    assert (
        kept("topic", trade.pk) == Article.objects.public().filter(topics=trade).count()
    )
    assert kept("briefing-month", 202205) == 1
    assert_in_step()


def test_hiding_and_showing_an_article_moves_every_count_it_is_in(archive):
    tariffs = archive["tariffs"]
    trade = Topic.objects.get(name="Trade")
    before = kept("topic", trade.pk), kept("claims"), kept("article-month", 202205)
    tariffs.is_published = False
    tariffs.save()
    assert kept("topic", trade.pk) == before[0] - 1
    assert kept("claims") == before[1] - tariffs.claims.count()
    assert kept("article-month", 202205) == before[2] - 1
    assert_in_step()
    Article.objects.filter(pk=tariffs.pk).update(is_published=True)  # no signal
    assert (kept("topic", trade.pk), kept("claims")) == before[:2]
    assert_in_step()


def test_redating_a_briefing_moves_its_articles_to_the_new_month(archive):
    briefing = archive["tariffs"].briefing
    trade = Topic.objects.get(name="Trade")
    briefing.published_on = dt.date(2021, 7, 1)
    briefing.save()
    assert kept("briefing-month", 202205) == 0
    assert kept("briefing-month", 202107) == 1
    assert kept("article-month", 202107) == 1
    assert kept("topic-month", trade.pk * summaries.MONTH_ITEMS + 202107) == 1
    briefing.published_on = None
    briefing.save()
    assert kept("article-month", 202107) == 0
    assert_in_step()


def test_links_claims_and_deletes_keep_the_counts_in_step(archive):
    tariffs = archive["tariffs"]
    ArticleTopic.objects.filter(article=tariffs).delete()
    factories.claim(tariffs, "Imports fell 3 percent.", is_published=False)
    assert_in_step()
    Claim.objects.filter(article=tariffs).update(is_published=True)
    assert_in_step()
    tariffs.briefing.delete()
    Person.objects.filter(name="Ann Lee").delete()
    assert_in_step()
    Briefing.objects.all().delete()
    assert summaries.kept() == {}


def test_a_topic_merge_moves_the_counts_to_the_target(archive):
    trade = Topic.objects.get(name="Trade")
    other = factories.topic("Commerce")
    factories.article("Exports", topics=("Commerce", "Trade"))
    factories.article("Imports", topics=("Commerce",))
    merge_topics([other], trade)
    assert kept("topic", other.pk) == 0
    assert (
        kept("topic", trade.pk) == Article.objects.public().filter(topics=trade).count()
    )
    assert_in_step()


def test_an_import_a_reimport_and_a_restore_leave_the_counts_in_step(tmp_path):
    report, status = run_import(str(SEEDS_DIR))
    assert status == 0, report["stderr"]
    assert kept("articles") == Article.objects.public().count() > 0
    assert_in_step()
    run_import(str(SEEDS_DIR))
    assert_in_step()
    archive = tmp_path / "archive.jsonl"
    call_command("export_archive", "--output", str(archive), stderr=StringIO())
    articles = kept("articles")
    for model in (Briefing, Person, Topic, Publication, Term):
        model.objects.all().delete()
    assert summaries.kept() == {}
    call_command("import_archive", str(archive), stdout=StringIO(), stderr=StringIO())
    assert kept("articles") == articles
    assert_in_step()


def test_rebuild_counts_recounts_what_was_lost(archive):
    CountSummary.objects.all().delete()
    with connection.cursor() as cursor:
        for sql in summaries.drop_statements(connection.vendor):
            cursor.execute(sql)
    out = StringIO()
    call_command("rebuild_counts", stdout=out)
    assert "Counted" in out.getvalue()
    assert_in_step()
    factories.article("After the rebuild", topics=("Trade",))  # triggers are back
    assert_in_step()
