"""The editors' workbench in a real browser at desktop widths: every action button
on the change pages of a briefing, an article and a claim takes a click at its
centre (nothing covers it: not the sticky source pane), no page scrolls sideways,
numbered source lines never run into their text, and axe stays clean."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import axe_violations

WIDTHS = (1280, 1600)
BUTTONS = (
    "#content-main button, #content-main input[type=submit], "
    "#content-main a.button, #content-main .object-tools a"
)
# Every button: scrolled to the middle of the window, is it what a click at its
# centre lands on?
COVERED = """(selector) => {
  const covered = [];
  for (const button of document.querySelectorAll(selector)) {
    button.scrollIntoView({block: 'center', inline: 'center'});
    const box = button.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    if (hit !== button && !button.contains(hit)) {
      covered.push((button.textContent.trim() || button.value) + ' under ' +
        (hit ? hit.tagName + '.' + hit.className : 'nothing'));
    }
  }
  return covered;
}"""
# Each numbered line: the number ends before the line's text begins.
NUMBERS_CLEAR = """() => {
  const clashes = [];
  for (const line of document.querySelectorAll('pre.source-lines .source-line')) {
    const number = line.querySelector('.line-number');
    const text = number.nextSibling;
    if (!text || !text.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(text);
    const first = range.getClientRects()[0];
    if (first && number.getBoundingClientRect().right > first.left + 0.5) {
      clashes.push(number.textContent);
    }
  }
  return clashes;
}"""


@pytest.fixture
def editor_page(browser, base_url, editor_state):
    context = browser.new_context(
        base_url=base_url,
        storage_state=editor_state,
        viewport={"width": 1280, "height": 900},
    )
    yield context.new_page()
    context.close()


def change_pages(page: Page) -> list[str]:
    """Change pages with open review items (their "Save and resolve" buttons sit
    beside the sticky source pane), and a claim's."""
    page.goto("/admin/briefings/reviewitem/")
    found = re.findall(
        r"/admin/briefings/(?:article|briefing)/\d+/change/", page.content()
    )
    pages = sorted(set(found))
    page.goto("/admin/briefings/claim/")
    claim = page.locator("#result_list a[href*='/change/']").first.get_attribute("href")
    assert any("/article/" in p for p in pages) and any(
        "/briefing/" in p for p in pages
    )
    return [*pages, claim]


def test_every_action_button_takes_a_click_at_its_centre(editor_page):
    paths = change_pages(editor_page)
    for width in WIDTHS:
        editor_page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            editor_page.goto(path)
            resolve = editor_page.locator("button[name=_resolve_review]")
            if "/article/" in path:
                assert resolve.count(), path  # the button this is about
            covered = editor_page.evaluate(COVERED, BUTTONS)
            assert not covered, (width, path, covered)


def test_no_workbench_page_scrolls_sideways(editor_page):
    paths = change_pages(editor_page) + [
        "/admin/",
        "/admin/briefings/reviewitem/",
        "/admin/briefings/article/",
        "/admin/briefings/claim/",
    ]
    for width in WIDTHS:
        editor_page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            editor_page.goto(path)
            wide = editor_page.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth"
            )
            assert wide <= 0, (width, path, wide)


def test_source_line_numbers_never_run_into_the_text(editor_page):
    briefing = next(p for p in change_pages(editor_page) if "/briefing/" in p)
    for width in WIDTHS:
        editor_page.set_viewport_size({"width": width, "height": 900})
        editor_page.goto(briefing)
        assert editor_page.evaluate(NUMBERS_CLEAR) == []
        cut_off = editor_page.evaluate(
            "(() => { const pre = document.querySelector('pre.source-lines');"
            " return pre.scrollWidth - pre.clientWidth; })()"
        )
        assert cut_off <= 0  # long lines wrap


def test_touched_workbench_pages_stay_accessible(browser, base_url, editor_state):
    context = browser.new_context(base_url=base_url, storage_state=editor_state)
    paths = change_pages(context.new_page())
    context.close()
    article = next(p for p in paths if "/article/" in p)
    article_id = re.search(r"/(\d+)/change/", article).group(1)
    for path in [
        *paths,
        f"/admin/briefings/article/{article_id}/history/",
        "/admin/briefings/topic/",
    ]:
        violations = axe_violations(browser, base_url, path, editor_state)
        assert not violations, (path, [(v["id"], v["help"]) for v in violations])


PUBLIC_PAGES = [
    "/search/?q=data",
    "/search/?q=Neican",
    "/search/?all=topic",
    "/search/claims/?q=yuan",
    "/browse/",
]


def test_touched_public_pages_stay_accessible(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto("/search/?q=data")
    article = (
        page.locator("ol.results li a[href*='/articles/']")
        .first.get_attribute("href")
        .split("?")[0]
    )
    page.goto("/")
    topic = page.locator("a.chip[href*='/topics/']").first.get_attribute("href")
    publication = page.locator("a[href*='/publications/']").first.get_attribute("href")
    context.close()
    paths = [
        *PUBLIC_PAGES,
        f"{article}?claims=on",
        f"{article}?claims=off",
        article,
        topic,
        publication,
    ]
    for path in paths:
        violations = axe_violations(browser, base_url, path)
        assert not violations, (path, [(v["id"], v["help"]) for v in violations])


def test_the_date_range_works_without_script(browser, base_url):
    context = browser.new_context(base_url=base_url)  # the search page has no script
    page = context.new_page()
    page.goto("/search/?q=data")
    page.fill("#date-from", "2023-01-01")
    page.fill("#date-to", "2023-12-31")
    page.get_by_role("button", name="Apply dates").click()
    assert "from=2023-01-01" in page.url and "to=2023-12-31" in page.url
    assert page.locator("#results-heading").inner_text().startswith("2 ")
    context.close()
