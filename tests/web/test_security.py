"""Security headers, offline pages, escaping of hostile names, and the network frames' lockdown."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from web.security import APP_CSP, FRAME_CSP

from . import data, keys

HOSTILE = [data.HOSTILE_SCRIPT, data.HOSTILE_IMG, data.HOSTILE_HREF]
FRAMES = ["/network/frame", f"{keys.HOSTILE_ACTOR}/network", f"{keys.TERMINAL}/network"]


@pytest.mark.parametrize("url", keys.HTML_PAGES + ["/nothing-here", "/static/app.css"])
def test_security_headers_on_every_page(client, url):
    h = client.get(url).headers
    csp = h["Content-Security-Policy"]
    assert csp == APP_CSP
    assert "default-src 'self'" in csp and "frame-ancestors 'self'" in csp
    assert "unsafe-inline" not in csp and "http" not in csp
    assert h["X-Content-Type-Options"] == "nosniff"
    assert h["Referrer-Policy"] == "no-referrer"
    assert h["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize("url", [u for u in keys.HTML_PAGES if not u.startswith("/query")] + FRAMES)
def test_no_external_url_in_any_page(client, url):
    body = client.get(url).get_data(as_text=True)
    assert not re.search(r"https?://", body, re.IGNORECASE)


def test_query_page_links_nowhere_else(client):
    """The SPARQL page shows IRIs as text (in the query box), but never as a link or a resource."""
    body = client.get("/query?example=incidents-at-facility").get_data(as_text=True)
    assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*(https?:)?//""", body, re.IGNORECASE)


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser would parse them."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("url", keys.HTML_PAGES)
def test_no_inline_script_handler_or_style_in_app_pages(client, url):
    tags = Tags(client.get(url).get_data(as_text=True)).tags
    scripts = [(a.get("src"), a.get("type")) for t, a in tags if t == "script"]
    assert ("/static/app.js", None) in scripts
    # code only from this site's static files; JSON data islands carry data and never run
    assert all((src or "").startswith("/static/") for src, kind in scripts if kind != "application/json")
    assert all(src is None for src, kind in scripts if kind == "application/json")
    assert not [t for t, a in tags if t == "style"]
    for tag, attrs in tags:
        assert not [k for k in attrs if k.startswith("on") or k == "style"], (tag, attrs)
        for k in ("href", "src", "action"):
            assert not (attrs.get(k) or "").strip().lower().startswith(("javascript:", "http:", "https:", "//"))


@pytest.mark.parametrize("url", keys.HTML_PAGES)
def test_hostile_names_are_escaped(client, url):
    body = client.get(url).get_data(as_text=True)
    for name in HOSTILE:
        assert name not in body
    tags = Tags(body).tags
    assert not [t for t, _ in tags if t in ("img", "b")]
    scripts = [a for t, a in tags if t == "script"]  # app.js, page scripts, the timeline's data island
    assert all((a.get("src") or "").startswith("/static/") or a == {"type": "application/json", "id": "timeline-data"}
               for a in scripts), scripts


def test_hostile_names_shown_as_text(client):
    body = client.get(keys.HOSTILE_SABOTAGE).get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body


@pytest.mark.parametrize("url", FRAMES)
def test_network_frame_is_locked_down(client, url):
    resp = client.get(url)
    assert resp.status_code == 200
    assert resp.headers["Content-Security-Policy"] == FRAME_CSP
    assert "default-src 'none'" in FRAME_CSP and "connect-src" not in FRAME_CSP
    body = resp.get_data(as_text=True)
    assert "bootstrap" not in body.lower()
    assert "postMessage({open: node.url}" in body


def test_frame_escapes_labels_and_titles(client):
    body = client.get(f"{keys.HOSTILE_ACTOR}/network").get_data(as_text=True)
    nodes = re.search(r"nodes = new vis\.DataSet\((.*?)\);", body, re.S).group(1)
    assert "<" not in nodes and ">" not in nodes  # tojson escapes; our escaping makes them entities first
    assert "\\u0026lt;script\\u0026gt;alert(1)\\u0026lt;/script\\u0026gt;" in nodes
    assert "<h1>" not in body


def test_pages_frame_the_network_in_a_sandbox(client):
    body = client.get("/network").get_data(as_text=True)
    frame = re.search(r"<iframe[^>]*>", body).group(0)
    assert 'sandbox="allow-scripts"' in frame and "allow-same-origin" not in frame


def test_json_is_not_html(client):
    resp = client.get(keys.HOSTILE_SABOTAGE + ".json")
    assert resp.mimetype == "application/json"
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
