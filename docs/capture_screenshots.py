"""Capture the README's screenshots of the public pages from a live server.

bash .ci/serve-prod -- .venv/bin/python docs/capture_screenshots.py
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
        browser.close()


if __name__ == "__main__":
    main()
