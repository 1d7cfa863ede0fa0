"""Take the README's screenshots of the main pages, from the test fixture's store.

    .venv/bin/python -m tests.web.screenshots [folder]   (default docs/screenshots)
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from web.store import close_app_store

from . import keys
from .conftest import fill, make_app
from .live import serve
from .test_browser import ARGS, CHROMIUM

PAGES = {
    "timeline.png": "/",
    "entity.png": keys.TERMINAL,
    "network.png": "/network",
    "sparql.png": "/query?example=incidents-between-dates",
    "document.png": keys.CPC_DOC + "#m-0-0",
}


def main(folder: str = "docs/screenshots") -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fill(Path(tmp) / "store")
        app = make_app(Path(tmp) / "store")
        try:
            with serve(app) as base, sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                for name, url in PAGES.items():
                    page.goto(base + url)
                    frame = page.locator("iframe.network-frame")
                    if frame.count():
                        frame.scroll_into_view_if_needed()
                        page.frame_locator("iframe.network-frame").locator("body[data-ready='1']").wait_for()
                        page.evaluate("() => window.scrollTo(0, 0)")
                    page.screenshot(path=str(out / name), full_page=name != "sparql.png")
                    print(out / name)
                browser.close()
        finally:
            close_app_store(app)


if __name__ == "__main__":
    main(*sys.argv[1:])
