"""Counts kept by the database (briefings/summaries.py): after every kind of change
the kept rows equal a count from scratch, and the pages show them at once."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from briefings import summaries
from briefings.cache import forget_counts
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


def home_totals(client) -> str:
    html = client.get("/").content.decode()
    start = html.index('<p class="totals">')
    return (
        html[start : html.index("</p>", start)]
        .replace("<strong>", "")
        .replace("</strong>", "")
    )


def topic_chip(client, url: str, name: str) -> str:
    html = client.get(url).content.decode()
    start = html.index(f'{name} <span class="count">')
    return html[start : html.index("</span>", start)].split(">")[-1]


def test_the_pages_show_each_change_at_once(client, django_capture_on_commit_callbacks):
    """Whole pages are cached too (briefings/cache.py): every kind of change shows
    on the next view, never an older count."""
    with django_capture_on_commit_callbacks(execute=True):
        first = factories.article("First", topics=("Trade",))
        factories.claim(first)
    assert "1 briefing, 1 article and 1 claim" in home_totals(client)
    assert topic_chip(client, "/topics/", "Trade") == "1"
    with django_capture_on_commit_callbacks(execute=True):
        factories.article("Second", topics=("Trade", "Energy"))
    assert "2 briefings, 2 articles and 1 claim" in home_totals(client)
    assert topic_chip(client, "/", "Trade") == "2"
    with django_capture_on_commit_callbacks(execute=True):
        first.is_published = False
        first.save()
    assert "2 briefings, 1 article and 0 claims" in home_totals(client)
    assert topic_chip(client, "/topics/", "Trade") == "1"
    with django_capture_on_commit_callbacks(execute=True):
        merge_topics(
            [Topic.objects.get(name="Energy")], Topic.objects.get(name="Trade")
        )
    assert topic_chip(client, "/topics/", "Trade") == "1"
    with django_capture_on_commit_callbacks(execute=True):
        first.briefing.delete()
    assert "1 briefing, 1 article and 0 claims" in home_totals(client)
    browse = client.get("/browse/").content.decode()
    assert "1 briefing</span>" in browse


def test_the_browse_page_counts_briefings_by_year_from_kept_counts(client, archive):
    html = client.get("/browse/").content.decode()
    for year, count in ((2022, 1), (2023, 2), (2024, 1)):
        assert (
            f'/browse/{year}/">{year}</a> <span class="count">{count} briefing' in html
        )
    year_page = client.get("/browse/2023/").content.decode()
    assert "/browse/2023/03/" in year_page and "/browse/2023/11/" in year_page
    assert "/browse/2023/12/" not in year_page  # no briefings: no link


def test_a_topic_timeline_comes_from_kept_counts(client, archive):
    trade = Topic.objects.get(name="Trade")
    html = client.get(trade.get_absolute_url()).content.decode()
    assert "Articles on Trade by year" in html
    Article.objects.public().exclude(briefing__published_on__year=2023).filter(
        topics=trade
    ).update(is_published=False)
    forget_counts()  # a bulk update sends no signal to empty the page cache
    html = client.get(trade.get_absolute_url()).content.decode()
    assert "Articles on Trade by month in 2023" in html
