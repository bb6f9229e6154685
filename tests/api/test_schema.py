"""The OpenAPI schema is valid, and a property-based run over it (schemathesis,
a bounded number of examples per operation) finds no server error and no answer
that breaks the schema.

Schemathesis's negative-data check is left out on purpose: like the search page,
the API ignores an invalid filter value (``year=abc``) instead of refusing the
request, so that the same parameters give the same records on both (docs/api.md).
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from openapi_spec_validator import validate
from schemathesis.specs.openapi.checks import negative_data_rejection

from briefings.api.docs import api_schema

SCHEMA_URL = "/api/v1/schema/?format=json"
schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, WSGIHandler())


def test_schema_is_valid_openapi(client, db):
    response = client.get(SCHEMA_URL)
    assert response.status_code == 200
    validate(response.json())
    assert api_schema()["paths"].keys() == response.json()["paths"].keys()


CHECKS = {"excluded_checks": [negative_data_rejection]}


@pytest.fixture
def in_process(curated):
    """Requests served in this process keep the test's database connection (and
    its transaction), as Django's test client does."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


QUIET = list(HealthCheck)  # function-scoped fixtures and slow examples are expected


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=10,
    phases=[Phase.generate],
    deadline=None,
    suppress_health_check=QUIET,
    derandomize=True,
)
def test_api_answers_random_requests(case, in_process):
    case.call_and_validate(**CHECKS)


@pytest.mark.postgres
@schema.exclude(path_regex="/search/").parametrize()
@settings(phases=[Phase.explicit], deadline=None, suppress_health_check=QUIET)
def test_api_answers_boundary_requests(case, in_process):
    """Schemathesis's coverage phase: boundary and malformed values of every
    parameter. On PostgreSQL only, which is strict about integer ranges and NUL
    characters, and without the search endpoints (the article and claim lists take
    the same parameters), because it sends hundreds of requests."""
    case.call_and_validate(**CHECKS)
