"""Take the README's screenshots of every page, from the test fixture's store, at desktop
width and at phone width (390 px, ``*-phone.png``).

    .venv/bin/python -m tests.web.screenshots [folder]   (default docs/screenshots)
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from web.store import close_app_store

from . import data, keys
from .conftest import fill, make_app
from .live import serve
from .test_browser import ARGS, CHROMIUM

PAGES = {
    "timeline.png": "/",
    "timeline-grouped.png": "/?group=facility",
    "incident.png": None,  # the disputed berth strike, found at run time
    "entity.png": keys.TERMINAL,
    "network.png": "/network",
    "links.png": "/links?a=Ukraine&b=CPC+Marine+Terminal",
    "sparql.png": "/query?example=incidents-between-dates",
    "document.png": keys.CPC_DOC + "#m-0-0",
    "add.png": "/add",
    "exports.png": "/export",
}
PHONE = ["timeline.png", "incident.png", "entity.png", "links.png", "sparql.png", "document.png"]


def _settle(page) -> None:
    """Wait for the network frame's physics and the timeline's axis, then go back to the top."""
    page.wait_for_load_state("networkidle")
    frame = page.locator("iframe.network-frame")
    if frame.count():
        frame.scroll_into_view_if_needed()
        page.frame_locator("iframe.network-frame").locator("body[data-ready='1']").wait_for()
    if page.locator("#vis-timeline").count():
        page.locator("#vis-timeline[data-ready='1']").wait_for()
    page.evaluate("() => window.scrollTo(0, 0)")


def main(folder: str = "docs/screenshots") -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fill(Path(tmp) / "store", data.all_extractions() + [data.tass()])
        app = make_app(Path(tmp) / "store")
        try:
            with serve(app) as base, sync_playwright() as p:
                client = app.test_client()
                pages = dict(PAGES, **{"incident.png": next(
                    i["url"] for i in client.get("/.json").get_json()["incidents"] if i["conflicts"])})
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                for width, names, suffix in ((1280, list(pages), ""), (390, PHONE, "-phone")):
                    page = browser.new_page(viewport={"width": width, "height": 900 if width > 400 else 844})
                    for name in names:
                        page.goto(base + pages[name])
                        _settle(page)
                        target = out / name.replace(".png", suffix + ".png")
                        page.screenshot(path=str(target), full_page=name != "sparql.png" or width < 400)
                        print(target)
                    page.close()
                browser.close()
        finally:
            close_app_store(app)


if __name__ == "__main__":
    main(*sys.argv[1:])
