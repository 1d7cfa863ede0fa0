"""Every page that shows stored names, in a real Chromium, with names built to run script:
no dialog opens, no element carries an ``on*`` attribute or a ``javascript:`` link, network
tooltips (innerHTML once a title holds "href") build no elements, and a right-to-left override
reverses only its own name."""
from __future__ import annotations

import os

import pytest

from web.store import close_app_store

from ..web.conftest import make_app
from ..web.live import serve
from . import names

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"Chromium is not installed at {CHROMIUM}")]

# Runs in every frame: attributes a hostile name could have become, and unclosed bidi overrides.
AUDIT = r"""(appPage) => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const v = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (a.name.startsWith('on')) bad.push(`${el.tagName} ${a.name}=${a.value.slice(0, 60)}`);
      if (/^(href|src|action|formaction|xlink:href|data)$/.test(a.name) && v.startsWith('javascript:'))
        bad.push(`${el.tagName} ${a.name}=${a.value.slice(0, 60)}`);
    }
  }
  if (document.querySelector('img[src="x"]')) bad.push('hostile element');
  // app pages keep all script in files (JSON islands aside); pyvis frames are inline by design
  if (appPage && document.querySelector('script:not([src]):not([type="application/json"])'))
    bad.push('inline script in an app page');
  const walker = document.createTreeWalker(document.body || document, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.nodeValue;
    const open = (t.match(/[\u202a\u202b\u202d\u202e]/g) || []).length, shut = (t.match(/\u202c/g) || []).length;
    if (open > shut) bad.push('unclosed bidi override in: ' + t.slice(0, 40));
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "store"
    names.fill(path)
    app = make_app(path)
    with serve(app) as base:
        yield base
    close_app_store(app)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs, page.errors, page.ignored = [], [], []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    # a sandboxed frame without allow-modals ignores alert() and says so on the console
    page.on("console", lambda m: "alert" in m.text and page.ignored.append(m.text))
    yield page
    context.close()


def audit(page, app_page: bool = True) -> list[str]:
    return [f"{frame.url}: {b}" for frame in page.frames
            for b in frame.evaluate(AUDIT, app_page and frame == page.main_frame)]


def no_script_ran(page):
    assert not page.dialogs, f"a script ran: {page.dialogs}"
    assert not page.ignored, f"a script ran in a frame: {page.ignored}"


@pytest.mark.parametrize("url", names.pages())
def test_page_renders_hostile_names_harmlessly(page, live, url):
    resp = page.goto(live + url)
    assert resp.status == 200
    page.wait_for_load_state("networkidle")
    if page.locator("iframe").count():
        page.locator("iframe").first.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
    no_script_ran(page)
    assert audit(page) == []
    assert not page.errors, page.errors


@pytest.mark.parametrize("url", names.frames())
def test_network_frame_and_its_tooltips_stay_text(page, live, url):
    """Each frame opened on its own (not sandboxed, so a script would be free to run), every node
    hovered so its tooltip is drawn."""
    page.goto(live + url)
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    ids = page.evaluate("() => nodes.getIds()")
    shown = []
    for node in ids if url == "/network/frame" else ids[:4]:
        x, y = page.evaluate("id => { const p = network.canvasToDOM(network.getPositions([id])[id]);"
                             " return [p.x, p.y]; }", node)
        if not (0 <= x < 1280 and 0 <= y < 900):
            continue
        page.mouse.move(x, y)
        page.wait_for_timeout(250)
        tip = page.evaluate("() => { const t = [...document.querySelectorAll('div.vis-tooltip, div.popup')]"
                            ".find(e => e.style.display !== 'none' && e.style.visibility !== 'hidden');"
                            " return t ? [t.children.length, t.textContent] : null; }")
        if tip:
            assert tip[0] == 0, f"the tooltip built elements: {tip[1][:80]}"
            shown.append(tip[1])
    if url == "/network/frame":
        assert any("href" in t for t in shown), "no tooltip holding 'href' was drawn"
    no_script_ran(page)
    assert audit(page, app_page=False) == []
