"""End-to-end tests run against a live production-mode server: `make test-e2e`
starts one with .ci/serve-prod and sets BASE_URL."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="session")
def base_url() -> str:
    return os.environ["BASE_URL"].rstrip("/")


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def editor_state(browser, base_url, tmp_path) -> str:
    """A logged-in editor's browser state (cookies), saved to a file."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", os.environ["E2E_EDITOR"])
    page.fill("#id_password", os.environ["E2E_PASSWORD"])
    page.click("input[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    path = tmp_path / "editor.json"
    context.storage_state(path=str(path))
    context.close()
    return str(path)


def axe_violations(browser, base_url: str, path: str, storage_state=None) -> list[dict]:
    # axe is injected as a script, which the site's CSP (rightly) forbids; the audit
    # context alone bypasses it.
    context = browser.new_context(
        base_url=base_url, bypass_csp=True, storage_state=storage_state
    )
    page = context.new_page()
    page.goto(path)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    return [v for v in result["violations"] if v["impact"] in SERIOUS]
