"""Fill the caches of the pages readers open first, in the background, as the site starts.

At 50,000 incident reports the first request of a page reads the whole store once (the
timeline's order and filter choices, the NetworkX projection, the analysis page's
centrality and clusters): 5 to 15 s each, then tens of milliseconds, until the store is
written. ``incidentgraph serve`` requests those pages itself, in a daemon thread, so the
first reader does not pay; a reader who comes sooner is served as before.
"""
from __future__ import annotations

import sys
import threading
import time
from typing import Callable, Iterable

from flask import Flask


def pages(app: Flask) -> list[str]:
    """The WARM_PAGES setting as a list of local paths (anything else is ignored)."""
    raw = str(app.config.get("WARM_PAGES") or "")
    return [p.strip() for p in raw.split(",") if p.strip().startswith("/") and not p.strip().startswith("//")]


def warm(app: Flask, urls: Iterable[str], log: Callable[[str], None] | None = None) -> list[tuple[str, int, float]]:
    """Request each page once through the app; (url, status, seconds) for each."""
    log = log or (lambda line: print(line, file=sys.stderr))
    client = app.test_client()
    done = []
    start = time.perf_counter()
    for url in urls:
        t0 = time.perf_counter()
        try:
            status = client.get(url).status_code
        except Exception as exc:  # a page that fails now fails for readers too, with its own message
            log(f"incidentgraph: warming {url} failed: {type(exc).__name__}: {exc}")
            status = 500
        done.append((url, status, time.perf_counter() - t0))
    if done:
        log(f"incidentgraph: {len(done)} pages warm in {time.perf_counter() - start:.1f} s "
            f"({', '.join(f'{u} {s:.1f} s' for u, _, s in done)})")
    return done


def warm_in_background(app: Flask, log: Callable[[str], None] | None = None) -> threading.Thread | None:
    """Start ``warm`` for the WARM_PAGES setting in a daemon thread; None when there are none."""
    urls = pages(app)
    if not urls:
        return None
    thread = threading.Thread(target=warm, args=(app, urls, log), name="incidentgraph-warm", daemon=True)
    thread.start()
    return thread
