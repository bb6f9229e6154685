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
]


def test_admin_pages_have_no_serious_accessibility_violations(
    browser, base_url, editor_state
):
    for path in ADMIN_PAGES:
        violations = axe_violations(browser, base_url, path, editor_state)
        assert not violations, (path, [(v["id"], v["help"]) for v in violations])
