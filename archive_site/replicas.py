"""Reads from PostgreSQL read replicas, writes to the primary (DATABASE_REPLICA_URLS).

Without replicas nothing here is installed: one database does everything, as before.

With them, only web requests read from a replica, and only when that is safe:

- The middleware notes the cache generation a request starts in, and the request
  keeps to it (briefings/cache.py). At its first read the router chooses one source
  for the whole request: a replica that has replayed that generation's change (the
  write-ahead-log position stored with the generation), answers, and lags no more
  than ``DATABASE_REPLICA_MAX_LAG`` seconds; otherwise the primary. So a reader never
  sees a state older than the last committed change, and whatever such a request
  caches is stored under the generation that the replica was checked against: a page
  rendered from a lagging replica is never stored as the page of a newer generation.
  A page served from the cache asks no database at all.
- Writes always go to the primary. A request that writes (or is not GET/HEAD) reads
  from the primary from then on and pins its client to the primary for
  ``DATABASE_REPLICA_PIN_SECONDS`` (a signed cookie), so an editor sees what was just
  saved on the next pages. The editors' workbench (the admin) always reads the
  primary: a form filled from a replica could save an older state over a newer one.
- Inside a transaction (``atomic()``) every read goes to the primary, the only place
  where the transaction's own rows are.
- Outside a request (management commands: imports, rebuilds, dumps; the shell) there
  is no replica choice at all: everything runs on the primary.
- Migrations run on the primary only; replicas receive them by replication.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from briefings import cache as archive_cache

logger = logging.getLogger("archive.replicas")

PIN_COOKIE = "archive_primary"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


@dataclass
class Reading:
    """Where this request reads: a replica's alias, or None for the primary."""

    position: str | None = None  # the last change a replica must have replayed
    chosen: bool = False  # the source is chosen at the request's first read
    replica: str | None = None
    wrote: bool = False


reading: ContextVar[Reading | None] = ContextVar("reading", default=None)

# Replicas that did not answer, and until when they are left alone (monotonic seconds).
down_until: dict[str, float] = {}


class ReplicaRouter:
    """Routes reads to the replica the middleware chose for this request."""

    def db_for_read(self, model, **hints) -> str:
        state = reading.get()
        if (
            state is None
            or state.wrote
            or connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return DEFAULT_DB_ALIAS
        if not state.chosen:
            state.chosen = True
            state.replica = fresh_replica(state.position)
        return state.replica or DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        state = reading.get()
        if state is not None:
            state.wrote = True  # read your own writes from here on
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # every alias holds the same archive

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == DEFAULT_DB_ALIAS


def replica_aliases() -> list[str]:
    return list(getattr(settings, "DATABASE_REPLICAS", ()))


def fresh_replica(position: str | None) -> str | None:
    """A replica that answers, has replayed ``position`` (the last change) and lags
    no more than the limit; None when there is none, and the primary must serve."""
    if position is None:
        return None
    max_lag = getattr(settings, "DATABASE_REPLICA_MAX_LAG", 30)
    aliases = replica_aliases()
    random.shuffle(aliases)  # spread the readers over the replicas
    for alias in aliases:
        if down_until.get(alias, 0) > time.monotonic():
            continue
        try:
            with connections[alias].cursor() as cursor:
                # Lag: how long ago the last replayed transaction committed, while
                # received WAL waits to be replayed (an idle primary means no lag).
                cursor.execute(
                    "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn, "
                    "CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() "
                    "THEN 0 ELSE COALESCE(EXTRACT(EPOCH FROM now() - "
                    "pg_last_xact_replay_timestamp()), 0) END",
                    [position],
                )
                replayed, lag = cursor.fetchone()
        except DatabaseError as error:
            logger.warning("replica %s does not answer: %s", alias, error)
            connections[alias].close()
            down_until[alias] = time.monotonic() + getattr(
                settings, "DATABASE_REPLICA_RETRY_SECONDS", 5
            )
            continue
        if replayed and (max_lag <= 0 or lag <= max_lag):
            return alias
    return None


def is_pinned(request: HttpRequest) -> bool:
    """The client wrote a moment ago (its signed cookie is younger than the pin)."""
    return (
        request.get_signed_cookie(
            PIN_COOKIE, default=None, salt=PIN_COOKIE, max_age=pin_seconds()
        )
        is not None
    )


def pin_seconds() -> int:
    return getattr(settings, "DATABASE_REPLICA_PIN_SECONDS", 10)


def reads_primary(request: HttpRequest) -> bool:
    return (
        request.method not in SAFE_METHODS
        or request.path.startswith(reverse("admin:index"))
        or is_pinned(request)
    )


class ReplicaMiddleware:
    """Chooses where this request reads, and pins a client that wrote."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        state = Reading()
        token = reading.set(state)
        try:
            if reads_primary(request):
                state.chosen = True
                response = self.get_response(request)
            else:
                response = self.from_replica(request, state)
        finally:
            reading.reset(token)
        if state.wrote or request.method not in SAFE_METHODS:
            response.set_signed_cookie(
                PIN_COOKIE,
                "1",
                salt=PIN_COOKIE,
                max_age=pin_seconds(),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def from_replica(self, request: HttpRequest, state: Reading) -> HttpResponse:
        generation = archive_cache.generation()
        state.position = archive_cache.generation_position(generation)
        # What this request caches belongs to the generation a replica is checked
        # against, even if another worker starts a new one meanwhile (the primary,
        # if it serves instead, is at least as new).
        with archive_cache.holding(generation):
            return self.get_response(request)
