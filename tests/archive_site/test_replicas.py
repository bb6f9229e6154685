"""Read replicas: reads from a replica that has the last change, writes to the primary.

The router's choices are checked on every database. The rest runs against a real
PostgreSQL streaming replica of the test cluster: `.ci/with-postgres` starts one
(pg_basebackup -R) and names it in TEST_DATABASE_REPLICA_URL; the tests point the
``replica_1`` alias at the test database on it and pause its replay
(``pg_wal_replay_pause()``) to make it lag behind the primary.
"""

from __future__ import annotations

import os
import socket
import time
from contextlib import contextmanager

import dj_database_url
import pytest
from django.conf import settings
from django.db import connections, transaction
from django.db.utils import load_backend
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive_site import replicas
from archive_site.replicas import Reading, ReplicaRouter, reading
from briefings import cache as archive_cache
from briefings.models import Article, Topic
from tests import factories
from tests.archive_site.test_settings import PRODUCTION_ENV, manage, one_line_error

REPLICA = "replica_1"
REPLICA_URL = os.environ.get("TEST_DATABASE_REPLICA_URL", "")


# What the settings make of DATABASE_REPLICA_URLS.


def test_replica_urls_become_aliases_a_router_and_a_middleware():
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": "postgres://archive@db.example.org/archive",
        "DATABASE_REPLICA_URLS": "postgres://archive@r1.example.org/archive, "
        "postgres://archive@r2.example.org:5433/archive",
    }
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; "
        "print(s.DATABASE_REPLICAS, s.DATABASE_ROUTERS, s.MIDDLEWARE[1]); "
        "print(s.DATABASES['replica_2']['HOST'], s.DATABASES['replica_2']['PORT'])",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "['replica_1', 'replica_2'] ['archive_site.replicas.ReplicaRouter'] "
        "archive_site.replicas.ReplicaMiddleware",
        "r2.example.org 5433",
    ]


def test_replicas_of_a_sqlite_archive_are_a_one_line_error():
    env = {**PRODUCTION_ENV, "DATABASE_REPLICA_URLS": "postgres://r1/archive"}
    line = one_line_error(manage("check", env=env))
    assert "DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL" in line


@pytest.mark.skipif(
    bool(os.environ.get("DATABASE_REPLICA_URLS")), reason="DATABASE_REPLICA_URLS is set"
)
def test_without_replicas_one_database_does_everything():
    assert settings.DATABASE_REPLICAS == []
    assert settings.DATABASE_ROUTERS == []
    assert "archive_site.replicas.ReplicaMiddleware" not in settings.MIDDLEWARE


# The router's choices.


@contextmanager
def request_reading(replica: str | None):
    state = Reading(chosen=True, replica=replica)
    token = reading.set(state)
    try:
        yield state
    finally:
        reading.reset(token)


def test_outside_a_request_everything_uses_the_primary():
    """Management commands (imports, rebuilds, dumps) never choose a replica."""
    router = ReplicaRouter()
    assert router.db_for_read(Article) == "default"
    assert router.db_for_write(Article) == "default"


def test_a_request_reads_its_replica_until_it_writes():
    router = ReplicaRouter()
    with request_reading(REPLICA) as state:
        assert router.db_for_read(Article) == REPLICA
        assert router.db_for_write(Article) == "default"
        assert state.wrote
        assert router.db_for_read(Article) == "default"


@pytest.mark.django_db
def test_reads_inside_a_transaction_use_the_primary():
    router = ReplicaRouter()
    with request_reading(REPLICA), transaction.atomic():
        assert router.db_for_read(Article) == "default"


def test_migrations_run_on_the_primary_only():
    router = ReplicaRouter()
    assert router.allow_migrate("default", "briefings")
    assert not router.allow_migrate(REPLICA, "briefings")


@pytest.mark.django_db
def test_a_held_generation_keys_the_cache_until_this_context_writes():
    """A request checked against a replica at generation G caches under G."""
    checked = archive_cache.generation()
    archive_cache.forget_counts()  # another worker's change
    with archive_cache.holding(checked):
        assert (
            archive_cache.current_key("page")
            == f"archive:{archive_cache.scope()}:{checked}:page"
        )
        archive_cache.forget_counts()  # this request writes: the live generation
        assert checked not in archive_cache.current_key("page")


# A real streaming replica.


def replica_config(url: str) -> dict:
    """The replica's copy of the test database (physical replication copies all)."""
    config = dj_database_url.parse(url, conn_max_age=0)
    config["NAME"] = connections["default"].settings_dict["NAME"]
    config["OPTIONS"] = {"connect_timeout": 2}
    config["TEST"] = {"MIRROR": "default"}
    default = connections.settings["default"]
    return connections.configure_settings({"default": default, REPLICA: config})[
        REPLICA
    ]


@contextmanager
def replicas_on(config: dict):
    """The site as DATABASE_REPLICA_URLS would configure it, with ``config``."""
    # Made here rather than named in the settings: Django's test case then lets
    # the test use it (it refuses aliases of the settings that a test did not ask for).
    connections[REPLICA] = load_backend(config["ENGINE"]).DatabaseWrapper(
        config, REPLICA
    )
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(1, "archive_site.replicas.ReplicaMiddleware")
    replicas.down_until.clear()
    try:
        with override_settings(
            DATABASE_REPLICAS=[REPLICA],
            DATABASE_ROUTERS=["archive_site.replicas.ReplicaRouter"],
            MIDDLEWARE=middleware,
        ):
            yield
    finally:
        connections[REPLICA].close()
        del connections[REPLICA]
        replicas.down_until.clear()


def primary_position() -> str:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_insert_lsn()")
        return cursor.fetchone()[0]


def on_replica(sql: str, params=()) -> tuple:
    with connections[REPLICA].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def wait_for_replay(deadline_seconds: float = 60) -> None:
    """Wait until the replica has replayed everything the primary wrote so far."""
    position = primary_position()
    deadline = time.monotonic() + deadline_seconds
    while True:
        try:
            if on_replica("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position])[
                0
            ]:
                return
        except Exception:  # the test database may not be replayed yet
            connections[REPLICA].close()
        if time.monotonic() > deadline:
            pytest.fail(f"the replica did not replay {position} in {deadline_seconds}s")
        time.sleep(0.05)


@pytest.fixture
def replica(transactional_db):
    """The real replica as ``replica_1``; rows must be committed for it to see them."""
    if connections["default"].vendor != "postgresql":
        pytest.skip("read replicas need PostgreSQL")
    if not REPLICA_URL:
        pytest.skip(
            "no streaming replica: TEST_DATABASE_REPLICA_URL is unset "
            "(bash .ci/with-postgres starts one)"
        )
    with replicas_on(replica_config(REPLICA_URL)):
        wait_for_replay()
        assert on_replica("SELECT pg_is_in_recovery()") == (True,)
        yield
        on_replica("SELECT pg_wal_replay_resume()")


@contextmanager
def replay_paused():
    """The replica stops replaying: it lags behind whatever is written meanwhile."""
    on_replica("SELECT pg_wal_replay_pause()")
    try:
        while on_replica("SELECT pg_get_wal_replay_pause_state()") != ("paused",):
            time.sleep(0.02)
        yield
    finally:
        on_replica("SELECT pg_wal_replay_resume()")


@contextmanager
def queries_on_both():
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as replica,
    ):
        yield primary, replica


def touched(queries, table: str) -> bool:
    return any(table in query["sql"] for query in queries)


def test_public_pages_read_from_the_replica(client, replica):
    article = factories.article("Harbour tariffs rise", topics=("Trade",))
    archive_cache.generation()  # the generation names the primary's position
    wait_for_replay()
    with queries_on_both() as (primary, replica_queries):
        page = client.get(article.get_absolute_url())
        found = client.get(reverse("briefings:search"), {"q": "tariffs"})
    assert page.status_code == 200 and found.status_code == 200
    assert "Harbour tariffs rise" in page.text
    assert article.get_absolute_url() in found.text
    assert touched(replica_queries, "briefings_article")
    assert not touched(primary, "briefings_article")
    assert "archive_primary" not in page.cookies
    with queries_on_both() as (primary, replica_queries):
        again = client.get(article.get_absolute_url())
    assert again.text == page.text  # from the page cache, asking no database
    assert not primary.captured_queries and not replica_queries.captured_queries


def test_writes_go_to_the_primary(client, replica):
    topic = factories.topic("Trade")
    wait_for_replay()
    with request_reading(REPLICA), queries_on_both() as (primary, replica_queries):
        Topic.objects.filter(pk=topic.pk).update(name="Commerce")
        assert Topic.objects.get(pk=topic.pk).name == "Commerce"
    assert touched(primary, 'UPDATE "briefings_topic"')
    assert not touched(replica_queries, "briefings_topic")


def test_an_editor_reads_their_change_while_the_replica_lags(
    client, replica, django_user_model
):
    topic = factories.topic("Trade")
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    wait_for_replay()
    client.force_login(editor)
    change_url = reverse("admin:briefings_topic_change", args=[topic.pk])
    form = client.get(change_url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    with replay_paused():
        saved = client.post(change_url, {**data, "name": "Commerce and tariffs"})
        assert saved.status_code == 302, saved.context and saved.context["errors"]
        assert "archive_primary" in saved.cookies
        assert on_replica(
            "SELECT name FROM briefings_topic WHERE id = %s", [topic.pk]
        ) == ("Trade",)  # the replica really lags
        page = client.get(topic.get_absolute_url())
        assert "Commerce and tariffs" in page.text


def test_no_reader_sees_or_caches_a_state_older_than_the_last_change(client, replica):
    """A change committed while the replica lags: the permalink, the search and its
    facet counts come from the primary, and the page cache keeps the new state."""
    article = factories.article("Harbour tariffs rise", topics=("Trade",))
    wait_for_replay()
    url = article.get_absolute_url()
    assert "Harbour tariffs rise" in client.get(url).text  # cached from the replica
    with replay_paused():
        Article.objects.filter(pk=article.pk).update(title="Harbour tariffs fall")
        archive_cache.forget_counts()  # as every writer does once it commits
        ships = factories.article("Tariffs on ships", topics=("Trade",))  # forgets
        with queries_on_both() as (_, replica_queries):
            page = client.get(url, follow=True)  # the new title's slug
            found = client.get(reverse("briefings:search"), {"q": "tariffs"})
            again = client.get(url, follow=True)
        assert not touched(replica_queries, "briefings_article")
    assert "Harbour tariffs fall" in page.text and "Harbour tariffs fall" in again.text
    assert "Harbour tariffs rise" not in page.text + again.text
    assert ships.get_absolute_url() in found.text
    topics = {
        value.label: value.count
        for facet in found.context["facets"]
        if facet.name == "topic"
        for value in facet.values
    }
    assert topics["Trade"] == 2


def test_a_replica_that_does_not_answer_leaves_the_primary_to_serve(
    client, transactional_db
):
    if connections["default"].vendor != "postgresql":
        pytest.skip("read replicas need PostgreSQL")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]  # nothing listens there once closed
    config = replica_config(f"postgres://postgres@127.0.0.1:{closed_port}/archive")
    article = factories.article("Harbour tariffs rise")
    with replicas_on(config):
        page = client.get(article.get_absolute_url())
        assert REPLICA in replicas.down_until
    assert page.status_code == 200
    assert "Harbour tariffs rise" in page.text


@override_settings(PAGE_CACHE_SECONDS=0)  # each page rendered where it is read
def test_a_client_that_wrote_reads_the_primary_for_a_while(client, replica):
    """Any write pins its client, even one that starts no new generation (a login
    attempt): here an unannounced change shows which database each reader reads."""
    topic = factories.topic("Trade")
    wait_for_replay()
    with replay_paused():
        Topic.objects.filter(pk=topic.pk).update(description="Ports and duties.")
        posted = client.post(reverse("admin:login"), {"username": "nobody"})
        assert "archive_primary" in posted.cookies
        elsewhere = Client().get(topic.get_absolute_url())
        pinned = client.get(topic.get_absolute_url())
    assert "Ports and duties." in pinned.text
    assert "Ports and duties." not in elsewhere.text  # that reader's replica lags


@override_settings(PAGE_CACHE_SECONDS=0, DATABASE_REPLICA_MAX_LAG=1)
def test_a_replica_lagging_beyond_the_limit_is_passed_over(client, replica):
    topic = factories.topic("Trade")
    wait_for_replay()
    with replay_paused():
        # Unannounced, so only the lag can tell that the replica is behind.
        Topic.objects.filter(pk=topic.pk).update(description="Ports and duties.")
        time.sleep(1.5)  # the replica now lags more than a second behind
        page = client.get(topic.get_absolute_url())
    assert "Ports and duties." in page.text
