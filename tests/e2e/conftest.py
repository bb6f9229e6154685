"""End-to-end tests run against a live production-mode server: `make test-e2e`
starts one with .ci/serve-prod and sets BASE_URL."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session")
def base_url() -> str:
    return os.environ["BASE_URL"].rstrip("/")
