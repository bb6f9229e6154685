"""Differential query testing: generated queries, the same hits on every backend.

Hypothesis writes queries from the documented query language (tests/search/grammar.py)
and runs each through the public ``search()`` over the seeds: it must never fail. On
PostgreSQL each query is also put to the seeds in SQLite (a second process,
tests/search/sqlite_oracle.py) and both must find the same articles and claims.
Derandomized, so every run tries the same queries.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings

from tests.search.grammar import hits, query
from tests.truth import ROOT

EXAMPLES = 1000


class SqliteOracle:
    """The seeds in SQLite, in a process of their own (see sqlite_oracle.py)."""

    def __init__(self) -> None:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.search.sqlite_oracle"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout.readline().strip() == "ready"

    def hits(self, text: str) -> dict:
        self.process.stdin.write(json.dumps(text) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        assert answer, "the SQLite process stopped (its error is above)"
        return json.loads(answer)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def sqlite_oracle():
    """The SQLite side of the comparison, when this run is on PostgreSQL."""
    if connection.vendor == "sqlite":
        yield None
        return
    oracle = SqliteOracle()
    yield oracle
    oracle.close()


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(text=query)
def test_generated_queries_find_the_same_on_every_backend(
    imported_seeds_once, sqlite_oracle, text
):
    found = hits(text)
    if sqlite_oracle is not None:
        assert found == sqlite_oracle.hits(text)
