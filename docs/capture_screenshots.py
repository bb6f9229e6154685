"""Capture the README's screenshots of the public pages from a live server.

bash .ci/serve-prod -- .venv/bin/python docs/capture_screenshots.py

With an editor's account in the environment (``E2E_EDITOR``/``E2E_PASSWORD``, which
serve-prod makes when it runs a command), the workbench's pages are captured too.
"""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]
OUT = Path(__file__).resolve().parent / "screenshots"
SIZES = {"desktop": (1280, 900), "phone": (360, 780)}


def article_and_claim(page, base: str) -> tuple[str, str]:
    page.goto(f"{base}/search/?q=youth+unemployment")
    article = page.locator("ol.results li a[href*='/articles/']").first.get_attribute(
        "href"
    )
    page.goto(base + article)
    claim = page.locator(".body a.claim").first.get_attribute("href")
    return article, claim


def main() -> None:
    base = os.environ["BASE_URL"]
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=FLAGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        article, claim = article_and_claim(page, base)
        pages = {
            "home": "/",
            "search": "/search/?q=china&publication=merics-china-essentials&year=2024",
            "article": article,
            "claim": claim,
        }
        for name, path in pages.items():
            for size, (width, height) in SIZES.items():
                page.set_viewport_size({"width": width, "height": height})
                page.goto(base + path)
                page.screenshot(path=str(OUT / f"{name}-{size}.png"))
        if os.environ.get("E2E_EDITOR"):
            capture_workbench(
                browser.new_page(viewport={"width": 1280, "height": 900}), base
            )
        browser.close()


def capture_workbench(page, base: str) -> None:
    """The admin index, the review queue, an article beside its source, its history,
    and the merge page choosing among the selected topics."""
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", os.environ["E2E_EDITOR"])
    page.fill("#id_password", os.environ["E2E_PASSWORD"])
    page.click("input[type=submit]")
    page.screenshot(path=str(OUT / "admin-index.png"))
    page.goto(f"{base}/admin/briefings/reviewitem/")
    page.screenshot(path=str(OUT / "admin-review-queue.png"))
    article = page.locator("#result_list a[href*='/briefings/article/']").first
    path = article.get_attribute("href")
    page.goto(base + path)
    page.locator("fieldset.source-pane").scroll_into_view_if_needed()
    page.screenshot(path=str(OUT / "admin-article-source.png"))
    page.fill("#id_subtitle", "How official data became a source of income")
    page.click("input[name=_continue]")  # an edit, for the history to show
    page.goto(base + path.replace("/change/", "/history/"))
    page.screenshot(path=str(OUT / "admin-article-history.png"))
    page.goto(f"{base}/admin/briefings/topic/")
    boxes = page.locator("#result_list input.action-select")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")
    page.screenshot(path=str(OUT / "admin-topic-merge.png"))


if __name__ == "__main__":
    main()
