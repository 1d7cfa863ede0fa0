"""Warming: the pages readers open first are requested once as the site starts, so their
caches are full before the first reader comes."""
from __future__ import annotations

import socket
import subprocess
import sys
import time

from web import warm
from web.store import CACHE_KEY, close_app_store

from .conftest import fill, make_app


def test_warm_fills_the_timeline_and_analysis_caches(tmp_path):
    fill(tmp_path / "store")
    app = make_app(tmp_path / "store")
    try:
        lines = []
        done = warm.warm(app, ["/", "/analysis"], log=lines.append)
        assert [(u, s) for u, s, _ in done] == [("/", 200), ("/analysis", 200)]
        kept = app.extensions[CACHE_KEY]
        assert any(str(k).startswith("timeline:") for k in kept), sorted(map(str, kept))
        assert any(str(k).startswith("options:") for k in kept)
        assert lines and "2 pages warm in" in lines[0]
    finally:
        close_app_store(app)


def test_warm_pages_setting_keeps_local_paths_only(tmp_path):
    app = make_app(tmp_path / "store")
    app.config["WARM_PAGES"] = " /, https://example.org/x, //evil.example/, /network ,"
    assert warm.pages(app) == ["/", "/network"]
    app.config["WARM_PAGES"] = ""
    assert warm.pages(app) == [] and warm.warm_in_background(app) is None
    close_app_store(app)


def test_a_failing_page_is_logged_and_the_rest_warmed(tmp_path):
    app = make_app(tmp_path / "store")

    @app.get("/boom")
    def boom():
        raise RuntimeError("no")

    app.config["PROPAGATE_EXCEPTIONS"] = True
    lines = []
    done = warm.warm(app, ["/boom", "/"], log=lines.append)
    assert [s for _, s, _ in done] == [500, 200]
    assert any("warming /boom failed: RuntimeError" in line for line in lines)
    close_app_store(app)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_warms_its_pages_and_says_so(tmp_path):
    fill(tmp_path / "store")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "incidentgraph.cli", "serve", "--store", str(tmp_path / "store"),
                             "--port", str(port)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        deadline, seen = time.monotonic() + 60, []
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            seen.append(line)
            if "pages warm in" in line:
                break
        assert any("4 pages warm in" in line for line in seen), seen
    finally:
        proc.terminate()
        proc.wait(timeout=20)
