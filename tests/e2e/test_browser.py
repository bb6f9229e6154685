"""Real-browser tests: Debian's Chromium driven by Playwright against the live
production-mode server (gunicorn + PostgreSQL, DEBUG off, CSP on).

Screenshots at 360 px and 1280 px are written to test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import axe_violations

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
WIDTHS = {"phone": 360, "desktop": 1280}


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(
        base_url=base_url, viewport={"width": 1280, "height": 900}
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert not [e for e in errors if "Content Security Policy" in e], errors


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_search_facet_article_claim_and_citation(page: Page):
    page.goto("/search/?q=youth+unemployment")
    expect(page.locator("ol.results li").first).to_be_visible()
    screenshot(page, "search")

    facet = page.locator("#filters a[href*='publication=']").first
    facet.click()
    expect(page).to_have_url(re.compile(r"publication="))
    expect(page.locator(".chip-remove").first).to_be_visible()

    page.locator("ol.results li a[href*='/articles/']").first.click()
    expect(page).to_have_url(re.compile(r"/articles/\d+/.+\?q=youth\+unemployment"))
    expect(page.locator("mark#first-match")).to_be_visible()
    screenshot(page, "article")

    page.locator(".body a.claim").first.click()
    expect(page).to_have_url(re.compile(r"/claims/\d+/"))
    expect(page.locator("blockquote.claim-text")).to_be_visible()
    screenshot(page, "claim")

    page.go_back()
    cite = page.locator("#cite-text")
    page.locator(".cite .copy-button").first.click()
    expect(page.locator(".cite .copy-button").first).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == cite.inner_text()
    assert "Dialogue China Briefing" in copied or "accessed" in copied


def test_the_terms_tab_finds_a_term_by_pinyin_and_links_to_its_page(page: Page):
    page.goto("/search/?q=neijuan")
    page.locator(".search-tabs a", has_text="Terms").click()
    expect(page).to_have_url(re.compile(r"/search/terms/\?q=neijuan"))
    first = page.locator("ol.results li.term-result").first
    expect(first).to_contain_text("内卷")
    first.locator("h3 a").click()
    expect(page).to_have_url(re.compile(r"/terms/\d+/nei-juan/"))
    expect(page.locator("h1")).to_contain_text("内卷")


def test_home_page_works_on_a_phone(page: Page):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto("/")
    expect(page.get_by_role("heading", name="China Briefings Archive")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow, "the home page scrolls sideways on a 360 px phone"
    screenshot(page, "home")


def public_paths(base_url: str, browser) -> dict[str, str]:
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/search/?q=youth+unemployment")
    article = page.locator("ol.results li a[href*='/articles/']").first.get_attribute(
        "href"
    )
    page.goto(article)
    claim = page.locator(".body a.claim").first.get_attribute("href")
    context.close()
    return {
        "home": "/",
        "search": "/search/?q=youth+unemployment",
        "article": article,
        "claim": claim,
    }


def test_public_pages_have_no_serious_accessibility_violations(browser, base_url):
    for name, path in public_paths(base_url, browser).items():
        violations = axe_violations(browser, base_url, path)
        assert not violations, (name, [(v["id"], v["help"]) for v in violations])


def test_editor_renames_an_article_and_the_old_url_redirects(
    browser, base_url, editor_state
):
    context = browser.new_context(base_url=base_url, storage_state=editor_state)
    page = context.new_page()
    page.goto("/search/?q=Meituan")
    old_url = page.locator("ol.results li a[href*='/articles/']").first.get_attribute(
        "href"
    )
    old_path = old_url.split("?")[0]
    article_id = re.search(r"/articles/(\d+)/", old_path).group(1)

    page.goto(f"/admin/briefings/article/{article_id}/change/")
    screenshot(page, "admin-article-change")
    page.fill("#id_title", "Takeout delivery and a professor's career change")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    response = page.request.get(old_path, max_redirects=0)
    assert response.status == 301
    assert response.headers["location"].endswith(
        f"/articles/{article_id}/takeout-delivery-and-a-professors-career-change/"
    )
    page.goto(old_path)
    expect(page.locator("h1")).to_have_text(
        "Takeout delivery and a professor's career change"
    )
    context.close()


ADMIN_PAGES = [
    "/admin/",
    "/admin/briefings/reviewitem/",
    "/admin/briefings/briefing/1/change/",
    "/admin/briefings/article/1/change/",
    "/admin/briefings/claim/1/change/",
    "/admin/briefings/topic/1/change/",
    "/admin/briefings/briefing/import/",
]


def test_admin_pages_have_no_serious_accessibility_violations(
    browser, base_url, editor_state
):
    for path in ADMIN_PAGES:
        violations = axe_violations(browser, base_url, path, editor_state)
        assert not violations, (path, [(v["id"], v["help"]) for v in violations])


# An editor imports a newsletter from the admin: upload, preview, Import, then the
# briefing on the public site; a bad file shows its one-line error, creates nothing.
UPLOADS = Path(__file__).resolve().parents[1] / "importers" / "inputs" / "fixtures"
TITLE = "Grain reserves, port cranes and a data rule"


def open_import_page(browser, base_url, editor_state) -> Page:
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
    browser, base_url, editor_state
):
    page = open_import_page(browser, base_url, editor_state)
    page.set_input_files("#id_files", str(UPLOADS / "newsletter.html"))
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
    browser, base_url, editor_state
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
