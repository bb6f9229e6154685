"""An editor imports a newsletter from the admin in a real browser: upload, preview,
Import, then the briefing on the public site; a bad file shows its one-line error
and creates nothing."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.test_browser import browser, editor_state, screenshot  # noqa: F401

FIXTURES = Path(__file__).resolve().parents[1] / "importers" / "inputs" / "fixtures"
TITLE = "Grain reserves, port cranes and a data rule"


def open_import_page(browser, base_url, editor_state) -> Page:  # noqa: F811
    context = browser.new_context(base_url=base_url, storage_state=editor_state)
    page = context.new_page()
    page.goto("/admin/")
    page.get_by_role("link", name="Import briefings").first.click()
    expect(page.locator("h1")).to_have_text("Import briefings")
    return page


def briefing_count(page: Page) -> int:
    page.goto("/admin/briefings/briefing/")
    return int(
        re.search(r"(\d+) briefings?", page.locator(".paginator").inner_text())[1]
    )


def test_editor_uploads_previews_and_imports_a_newsletter(
    browser,  # noqa: F811
    base_url,
    editor_state,  # noqa: F811
):
    page = open_import_page(browser, base_url, editor_state)
    page.set_input_files("#id_files", str(FIXTURES / "newsletter.html"))
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#report-heading")).to_contain_text("Preview")
    expect(page.locator(".import-title")).to_have_text(TITLE)
    expect(page.locator(".import-articles")).to_contain_text("Food security")
    expect(page.locator(".import-articles")).to_contain_text(
        "a report by the Baltic Maritime Forum"
    )
    screenshot(page, "admin-import-preview")
    page.get_by_role("button", name="Import").click()
    expect(page.locator("#report-heading")).to_have_text("Imported")
    page.locator("a.import-view-on-site").click()
    expect(page.locator("h1")).to_contain_text(TITLE)
    expect(page.locator("body")).to_contain_text("Food security")
    page.context.close()


def test_a_bad_file_shows_its_error_and_creates_nothing(
    browser,  # noqa: F811
    base_url,
    editor_state,  # noqa: F811
):
    page = open_import_page(browser, base_url, editor_state)
    before = briefing_count(page)
    page.goto("/admin/briefings/briefing/import/")
    page.set_input_files(
        "#id_files",
        files=[
            {
                "name": "broken.pdf",
                "mimeType": "application/pdf",
                "buffer": b"%PDF-1.7\nthis is not really a PDF",
            }
        ],
    )
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".import-error")).to_have_text(
        re.compile(r"^broken\.pdf: unreadable PDF: .+$")
    )
    expect(page.locator("input[name=import]")).to_have_count(0)
    assert briefing_count(page) == before
    page.context.close()
