"""The site in a real Chromium: filters, the network canvas, the SPARQL page, hostile names,
and that no request ever leaves 127.0.0.1."""
from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from web import paths

from . import keys
from .conftest import fill, make_app
from .live import png_pixels, serve

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"Chromium is not installed at {CHROMIUM}")]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def live(shared_app):
    with serve(shared_app) as base:
        yield base


def open_page(browser, base):
    """A page that records every request and dialog, and refuses to reach beyond the server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.requests, page.dialogs, page.errors = [], [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    host = urlsplit(base).netloc

    def guard(route):
        url = urlsplit(route.request.url)
        if url.scheme in ("http", "https") and url.netloc != host:
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    return page


def leaving(page, base) -> list[str]:
    return [u for u in page.requests if not (u.startswith(base + "/") or u.startswith(("data:", "about:", "blob:")))]


@pytest.fixture
def page(browser, live):
    page = open_page(browser, live)
    yield page
    assert not page.dialogs, f"a script ran: {page.dialogs}"
    assert not leaving(page, live), "a request left 127.0.0.1"
    assert not page.errors, page.errors
    page.context.close()


def card_titles(page) -> list[str]:
    return page.locator("article.card h2").all_inner_texts()


def test_filtering_by_facility_changes_cards_and_url(page, live):
    page.goto(live + "/")
    before = card_titles(page)
    assert len(before) == 4
    with page.expect_navigation():
        page.select_option("#f-facility", label="CPC Marine Terminal")
    assert page.url == live + "/?facility=cpc-marine-terminal"  # empty fields are left out of the URL
    assert sorted(card_titles(page)) == ["Drone strike on Berth No. 2", "Drone strike on CPC administrative building"]
    assert page.locator("#f-facility").input_value() == "cpc-marine-terminal"


def network_frame(page):
    """The network iframe once its document has navigated and drawn.

    The frame loads lazily and starts as about:blank, so wait for its own URL
    rather than for the page's frame count (that raced in CI).
    """
    iframe = page.locator("iframe.network-frame")
    iframe.scroll_into_view_if_needed()
    handle = iframe.element_handle()
    for _ in range(300):
        frame = handle.content_frame()
        if frame is not None and "/network" in frame.url:
            break
        page.wait_for_timeout(50)
    else:
        raise AssertionError("the network frame never navigated")
    frame.wait_for_selector("body[data-ready='1']", timeout=15000)
    return frame


def node_point(page, frame, iri: str) -> tuple[float, float]:
    """Where a node is drawn, in page coordinates."""
    dom = frame.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", iri)
    box = page.locator("iframe.network-frame").bounding_box()
    return box["x"] + dom["x"], box["y"] + dom["y"]


def test_network_canvas_draws_and_a_click_opens_the_entity(page, live):
    page.goto(live + "/network")
    frame = network_frame(page)
    shot = frame.locator("canvas").screenshot()
    colours = set(png_pixels(shot)[::7])
    assert len(colours) > 20, "the canvas looks blank"
    iri = "https://w3id.org/incidentgraph/id/facility/cpc-marine-terminal"
    x, y = node_point(page, frame, iri)
    with page.expect_navigation():
        page.mouse.click(x, y)
    assert page.url == live + paths.href(iri)
    assert page.locator("h1").inner_text() == "CPC Marine Terminal"


def test_frame_messages_from_elsewhere_are_ignored(page, live):
    page.goto(live + "/network")
    frame = network_frame(page)
    page.evaluate("() => window.postMessage({open: '/entity/actor/ukraine'}, '*')")  # not from our frame
    frame.evaluate("() => window.parent.postMessage({open: 'https://evil.example/'}, '*')")
    frame.evaluate("() => window.parent.postMessage({open: '//evil.example/x'}, '*')")
    page.wait_for_timeout(300)
    assert page.url == live + "/network"


def test_example_query_shows_rows_and_csv_has_the_same(page, live):
    page.goto(live + "/query")
    page.get_by_role("button", name="Run “Incidents between two dates”").click()
    page.wait_for_selector("table.results tbody tr")
    assert "example=incidents-between-dates" in page.url
    shown = page.locator("table.results tbody tr td:first-child a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert len(shown) == 2
    with page.expect_download() as info:
        page.click("a[data-download=csv]")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert [paths.href(r["incident"]) for r in rows] == shown
    labels = page.locator("table.results tbody tr td:nth-child(2)").all_inner_texts()
    assert [r["label"] for r in rows] == labels


def test_query_error_shows_the_position(page, live):
    page.goto(live + "/query?query=" + "SELECT%20*%20WHERE%20%7B%0A%20%20%3Fs%20%3Fp%20%7D")
    alert = page.locator("#q-error")
    assert "line 2" in alert.inner_text()


@pytest.mark.parametrize("url", [keys.HOSTILE_SABOTAGE, keys.HOSTILE_DOC, keys.HOSTILE_ACTOR, keys.HOSTILE_FACILITY,
                                 "/", "/search?q=script"])
def test_hostile_names_render_harmlessly(page, live, url):
    page.goto(live + url)
    page.wait_for_load_state("networkidle")
    assert "<script>alert(1)</script>" in page.locator("main").inner_text()
    assert page.locator("main img").count() == 0
    if page.locator("iframe.network-frame").count():
        frame = network_frame(page)
        depot = next(n for n in frame.evaluate("() => nodes.get()") if "Depot" in n["label"])
        x, y = node_point(page, frame, depot["id"])
        page.mouse.move(x, y)  # the tooltip uses innerHTML when a title holds "href"
        page.wait_for_timeout(700)


def test_adding_an_article_puts_its_incident_on_the_timeline(browser, tmp_path):
    pytest.importorskip("ingest.extract", reason="ingest.extract (the extractor) is not importable yet")
    fill(tmp_path / "store", [])
    app = make_app(tmp_path / "store")
    text = ("TITLE: Drones hit the CPC terminal\n\nDrones struck the CPC Marine Terminal near Novorossiysk "
            "on 29 November 2025, damaging a berth. Russia blamed Ukraine for the attack.\n")
    try:
        with serve(app) as base:
            page = open_page(browser, base)
            page.goto(base + "/add")
            page.fill("#a-text", text)
            page.fill("#a-published", "2025-12-01")
            page.click("button[value=preview]")
            page.wait_for_selector("#h-preview", timeout=60000)
            assert "Drone strike" in page.locator(".preview").inner_text()
            page.click("button[value=save]")
            page.wait_for_url(re.compile(r".*/document/[0-9a-f]{64}$"))
            assert "Saved" in page.locator("main").inner_text()
            page.goto(base + "/")
            titles = card_titles(page)
            assert any("CPC Marine Terminal" in t for t in titles), titles
            assert not page.dialogs and not leaving(page, base)
            page.context.close()
    finally:
        from web.store import close_app_store

        close_app_store(app)


def test_zoomable_axis_draws_points_and_ranges(page, live):
    page.goto(live + "/")
    page.wait_for_selector("#vis-timeline[data-ready='1'] .vis-item")
    assert page.locator("#vis-timeline .vis-time-axis .vis-text").count() > 3  # the axis has labels
    assert page.locator("#vis-timeline .vis-item.vis-point").count() == 2  # certain days
    assert page.locator("#vis-timeline .vis-item.vis-range").count() == 2  # uncertain intervals
    assert not page.locator(".svg-axis").is_visible()  # the no-script axis gives way
    box = page.locator("#vis-timeline").bounding_box()
    assert box["height"] > 60 and box["width"] > 600
    before = page.locator("#vis-timeline .vis-time-axis .vis-text.vis-major").all_inner_texts()
    page.get_by_role("button", name="Zoom in").click()
    page.wait_for_timeout(600)
    assert page.locator("#vis-timeline .vis-time-axis .vis-text.vis-major").all_inner_texts() != before
    page.get_by_role("button", name="Show all").click()
    page.locator("#vis-timeline .vis-item", has_text="Berth No. 2").first.click()
    page.wait_for_function("() => location.hash.startsWith('#card-')")
    card = page.locator("article.card:target")
    assert card.locator("h2").inner_text() == "Drone strike on Berth No. 2"


def test_grouping_by_facility_groups_the_axis_and_the_cards(page, live):
    page.goto(live + "/")
    with page.expect_navigation():
        page.select_option("#f-group", "facility")
    assert page.url == live + "/?group=facility"
    page.wait_for_selector("#vis-timeline[data-ready='1'] .vis-item")
    rows = page.locator("#vis-timeline .vis-labelset .vis-label").all_inner_texts()
    assert [r.strip() for r in rows] == ["<img src=x onerror=alert(1)>", "Balticconnector", "CPC Marine Terminal"]
    headings = page.locator("h2.group-title").all_inner_texts()
    assert headings == ["<img src=x onerror=alert(1)> (1)", "Balticconnector (1)", "CPC Marine Terminal (2)"]
    terminal = page.locator("section.group", has=page.locator("h2", has_text="CPC Marine Terminal"))
    assert sorted(terminal.locator("article.card h3").all_inner_texts()) == [
        "Drone strike on Berth No. 2", "Drone strike on CPC administrative building"]


def test_links_page_shows_a_path_with_its_sentences(page, live):
    page.goto(live + "/links")
    page.fill("#l-a", "Ukraine")
    page.fill("#l-b", "CPC Marine Terminal")
    with page.expect_navigation():
        page.get_by_role("button", name="Find links").click()
    assert "a=Ukraine" in page.url and "b=CPC+Marine+Terminal" in page.url
    first = page.locator("ol.paths > li").first
    assert first.locator(".path-summary").inner_text().startswith(
        "Ukraine — Drone strike on Berth No. 2 — Berth No. 2 — CPC Marine Terminal")
    quote = first.locator("blockquote.evidence a").first
    assert "Drones struck Berth No. 2" in quote.inner_text()
    with page.expect_navigation():
        quote.click()
    assert page.locator("mark.mention:target").count() == 1


def test_entity_picker_suggests_names(page, live):
    page.goto(live + "/links")
    page.locator("#l-a").press_sequentially("Balt", delay=30)
    page.wait_for_function("() => document.querySelectorAll('#l-a-list option').length > 0")
    assert "Balticconnector" in page.locator("#l-a-list option").evaluate_all("os => os.map(o => o.value)")


PHONE_PAGES = ["/", "/?group=actor", keys.BERTH_STRIKE, keys.TERMINAL, "/network", "/links?a=Ukraine&b=CPC+Marine+Terminal",
               "/query?example=incidents-between-dates", keys.CPC_DOC, "/add", "/export"]


@pytest.mark.parametrize("url", PHONE_PAGES)
def test_pages_fit_a_phone(browser, live, url):
    """At 390 px wide nothing makes the page scroll sideways (tables and frames scroll inside)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live + url)
    page.wait_for_load_state("networkidle")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    context.close()
    assert width <= 390, f"{url} is {width}px wide"


def test_keyboard_reaches_the_filters_and_the_timeline_buttons(page, live):
    page.goto(live + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("() => document.activeElement.id || document.activeElement.textContent.trim()"))
    assert "f-facility" in seen and "f-group" in seen and "Zoom in" in seen
