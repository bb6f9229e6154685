"""Fixtures for the API and export tests: the curated seeds archive, loaded fast."""

from __future__ import annotations

from tests.dump.conftest import curated, curated_text  # noqa: F401 (fixtures)
