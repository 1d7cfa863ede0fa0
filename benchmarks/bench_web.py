"""Web pages: server time through the Flask test client on a large synthetic store.

    .venv/bin/python -m benchmarks.bench_web [--quick] [--docs N] [--browser]

The same store as bench_graph (25,000 documents, ~50,000 incident reports; quick 2,000).
First request of each page is reported separately (cold: projection built, caches empty);
then p50/p95 of repeated requests (warm); then, in one more process, the first request of
each page after the warm-up that `incidentgraph serve` runs as it starts (web/warm.py).
--browser (on in the full run) also times, in headless Chromium (Playwright), a 1,000-node
network view and the largest view with live physics until each is ready to use.
"""
from __future__ import annotations

import argparse
import time

from .bench_graph import FULL_DOCS, QUICK_DOCS, pick_entities
from .common import Figure, ms, p50, p95, run_child, save, show

PAGE = """
import json, time
from web.app import create_app
app = create_app({{"STORE": {store!r}, "TESTING": True}})
client = app.test_client()
t0 = time.perf_counter()
resp = client.get({url!r})
cold = time.perf_counter() - t0
times = []
if resp.status_code == 200:
    spent = cold
    for _ in range({reps}):
        if spent > {budget}:
            break
        t0 = time.perf_counter()
        client.get({url!r})
        times.append(time.perf_counter() - t0)
        spent += times[-1]
print(json.dumps({{"status": resp.status_code, "cold": cold, "times": times, "kb": len(resp.data) // 1024}}))
"""
WARMED = """
import json, time
from web.app import create_app
from web import warm
app = create_app({{"STORE": {store!r}, "TESTING": True}})
t0 = time.perf_counter()
warm.warm(app, warm.pages(app), log=lambda line: None)
spent = time.perf_counter() - t0
client = app.test_client()
first = {{}}
for url in {urls!r}:
    t0 = time.perf_counter()
    client.get(url)
    first[url] = time.perf_counter() - t0
print(json.dumps({{"warm": spent, "first": first}}))
"""
from .stores import embedded


def _slug(iri: str) -> str:
    kind, slug = iri.rsplit("/", 2)[-2:]
    return f"{kind}/{slug}"


def run(quick: bool = False, long: bool = False, docs: int | None = None, browser: bool = False) -> list[Figure]:
    from graph.store import open_store

    n = docs or (QUICK_DOCS if quick else FULL_DOCS)
    folder, facts = embedded(n)
    with open_store(str(folder)) as store:
        ents = pick_entities(store)
    typical, busy = _slug(ents["typical facility"]), _slug(ents["busiest actor"])
    pages = [
        ("timeline, first page", "/", "< 100 ms", 0.1),
        ("entity page, typical facility", f"/entity/{typical}", "< 300 ms", None),
        ("entity network view, typical facility", f"/entity/{typical}/network", "", None),
        ("entity page, busiest actor", f"/entity/{busy}", "", None),
        ("entity network view, busiest actor", f"/entity/{busy}/network", "", None),
        ("network explorer", "/network", "", None),
        ("network explorer frame (pyvis)", "/network/frame", "", None),
        ("analysis page (central, co-targeting, communities)", "/analysis", "", None),
        ("SPARQL page (form)", "/query", "", None),
        ("SPARQL page, example query run", "/query?example=incidents-of-type", "", None),
    ]
    reps = 3 if quick else 10
    limit = 120 if quick else 180
    figs = []
    entity_total: dict[str, list[float]] = {}
    for label, url, target, goal in pages:
        # each page in a fresh process (the app's caches cold at first), with a time limit:
        # a page that takes minutes must not stop the whole run
        r, wall, err = run_child(PAGE.format(store=str(folder), url=url, reps=reps, budget=limit / 2), limit)
        if r is None:
            figs.append(Figure("web", f"{label} (warm p50)", f"> {limit} s" if err == "timeout" else "failed",
                               target=target if goal else "", met=False if goal else None,
                               note=(url if err == "timeout" else f"{url}: {err[-150:]}")))
            continue
        if r["status"] != 200:
            figs.append(Figure("web", label, f"HTTP {r['status']}", note=url))
            continue
        ts = r["times"] or [r["cold"]]
        if "typical facility" in label:
            entity_total.setdefault("typical", []).append(p50(ts))
        met = p50(ts) < goal if goal else None
        figs.append(Figure("web", f"{label} (warm p50)", ms(p50(ts)), "ms", target if goal else "", met,
                           note=f"p95 {ms(p95(ts))} ms over {len(r['times'])}, first request {ms(r['cold'])} ms, "
                                f"{r['kb']} KB; {url}"))
    # what a reader of `incidentgraph serve` meets: the pages in WARM_PAGES were requested at start
    r, wall, err = run_child(WARMED.format(store=str(folder), urls=[u for _, u, _, _ in pages]), limit * 3)
    if r is None:
        figs.append(Figure("web", "warm-up at serve start (WARM_PAGES)", "failed", note=err[-150:]))
    else:
        figs.append(Figure("web", "warm-up at serve start (WARM_PAGES)", ms(r["warm"]), "ms",
                           note="in a background thread; the WARM_PAGES default"))
        for label, url, _, _ in pages:
            figs.append(Figure("web", f"{label}, first request after warm-up", ms(r["first"][url]), "ms", note=url))
    if len(entity_total.get("typical", [])) == 2:
        total = sum(entity_total["typical"])
        figs.append(Figure("web", "entity page + its network view, typical facility", ms(total), "ms", "< 300 ms",
                           total < 0.3))
    if browser:
        figs += browser_settle(str(folder))
    return figs


# The page's own mark that a view is ready to use (web/pyvis_frame.py CLICK_SCRIPT): set when
# vis-network's physics has stabilized and been switched off, or at once for a view laid out
# on the server (more than PHYSICS_MAX_NODES nodes).
READY = "() => document.body && document.body.getAttribute('data-ready') === '1'"


def browser_settle(store: str) -> list[Figure]:
    """Time from loading a network view until it has settled, in headless Chromium: one of
    1,000 nodes (the issue's size; laid out on the server) and one at the largest size that
    gets live physics in the browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return [Figure("web", "pyvis view settled in Chromium", "skipped", note="playwright not installed")]
    from web.app import create_app
    from web.settings import SETTINGS

    live = int(next(s.default for s in SETTINGS if s.name == "PHYSICS_MAX_NODES"))
    views = [("1,000-node", 1000), (f"{live}-node, live physics", live)]
    out = []
    app = create_app({"STORE": store, "TESTING": True})  # one app: it holds the store's lock
    client = app.test_client()
    for label, cap in views:
        app.config["NETWORK_NODE_CAP"] = cap
        resp = client.get("/network/frame?min_degree=0")
        if resp.status_code != 200:
            out.append(Figure("web", f"{label} network view settled in Chromium", f"HTTP {resp.status_code}"))
            continue
        html = resp.get_data(as_text=True)
        times, nodes = [], 0
        try:
            with sync_playwright() as p:
                b = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"])
                for _ in range(3):
                    page = b.new_page()
                    t0 = time.perf_counter()
                    page.set_content(html, wait_until="load")
                    page.wait_for_function(READY, polling=20, timeout=120_000)
                    times.append(time.perf_counter() - t0)
                    nodes = page.evaluate("() => network.body.data.nodes.length")
                    page.close()
                b.close()
        except Exception as exc:  # noqa: BLE001 - optional figure
            out.append(Figure("web", f"{label} network view settled in Chromium", "failed", note=str(exc)[:150]))
            continue
        out.append(Figure("web", f"{label} network view settled in Chromium (p50)", ms(p50(times)), "ms",
                          note=f"{nodes} nodes, {'live physics until stable' if cap <= live else 'laid out on the server'}; "
                               f"from loading the frame's HTML, 3 loads"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--docs", type=int)
    ap.add_argument("--browser", action="store_true")
    a = ap.parse_args()
    figs = run(a.quick, docs=a.docs, browser=a.browser)
    show(figs)
    save(figs, "web")


if __name__ == "__main__":
    main()
