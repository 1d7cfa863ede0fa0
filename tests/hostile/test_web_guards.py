"""Headers on every kind of answer, the routes that accept bodies, oversized bodies, uploads,
cross-site POSTs, and ``serve`` beyond loopback (through the CLI)."""
from __future__ import annotations

import io
import re

import pytest

from graph.errors import StoreError
from graph.iris import hex_of
from web.store import close_app_store

from ..web.conftest import make_app
from . import names
from .cli import run

EXTERNAL = re.compile(r"https?:|//[a-z0-9]", re.IGNORECASE)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    path = tmp_path_factory.mktemp("guards") / "store"
    names.fill(path)
    app = make_app(path)
    yield app
    close_app_store(app)


@pytest.fixture
def client(app):
    return app.test_client()


def answers() -> list[tuple[str, str]]:
    """(method, url) of pages, frames, JSON twins, error pages and the endpoint."""
    key = hex_of(names.extraction().document.id)
    pages = names.pages()[:8] + [names.pages()[-1]]
    return ([("GET", u) for u in pages] + [("GET", u) for u in names.frames()[:2]]
            + [("GET", f"/document/{key}.json"), ("GET", f"/incident/{key[:16]}-i1.json"), ("GET", "/timeline.json"),
               ("GET", "/nothing-here"), ("GET", "/nothing-here.json"), ("GET", "/timeline?since=notadate"),
               ("GET", "/entity/actor/" + "x" * 300), ("GET", "/document/zz"), ("POST", "/timeline"),
               ("GET", "/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%201"),
               ("GET", "/sparql?query=nonsense"), ("GET", "/add"), ("POST", "/add"), ("GET", "/static/app.css")])


@pytest.mark.parametrize("method,url", answers())
def test_every_answer_has_the_security_headers(client, method, url):
    resp = client.open(url, method=method)
    assert resp.status_code < 500, resp.get_data(as_text=True)[:300]
    h = resp.headers
    csp = h.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp or "default-src 'none'" in csp, (url, csp)
    assert "frame-ancestors 'self'" in csp and not EXTERNAL.search(csp), csp
    assert h.get("X-Content-Type-Options") == "nosniff"
    assert h.get("Referrer-Policy") == "no-referrer"
    assert h.get("X-Frame-Options") == "SAMEORIGIN"


def test_a_server_error_has_the_headers_too(tmp_path):
    from web.app import create_app

    app = create_app({"STORE": str(tmp_path / "store"), "SECRET_KEY": "test"})  # not TESTING: answer as served

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret detail")

    try:
        for url in ("/boom", "/boom.json"):
            resp = app.test_client().get(url)
            assert resp.status_code == 500 and "secret detail" not in resp.get_data(as_text=True)
            assert "default-src 'self'" in resp.headers["Content-Security-Policy"]
            assert resp.headers["X-Content-Type-Options"] == "nosniff"
            assert resp.headers["X-Frame-Options"] == "SAMEORIGIN"
    finally:
        close_app_store(app)


def test_only_add_and_sparql_accept_bodies(app):
    """No route parses uploaded RDF (so no RDF/XML entity expansion): bodies go to /add (article
    text) and /sparql (a query) only."""
    writers = sorted({r.rule for r in app.url_map.iter_rules() if r.methods & {"POST", "PUT", "PATCH", "DELETE"}})
    assert writers == ["/add", "/sparql"]


def test_the_store_refuses_to_load_rdf_xml(tmp_path):
    from graph.namespace import GRAPH
    from graph.store import open_store

    bomb = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>')
    store = open_store(str(tmp_path / "s"))
    try:
        with pytest.raises(StoreError):
            store.load(bomb, "xml", GRAPH["x"])
    finally:
        store.close()


def test_sparql_refuses_rdf_xml_bodies(client):
    resp = client.post("/sparql", data=b"<rdf:RDF/>", content_type="application/rdf+xml")
    assert resp.status_code == 415


def token(client) -> str:
    body = client.get("/add").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', body).group(1)


def stored_documents(app) -> int:
    from web.store import get_store

    with app.app_context():
        return len(get_store().select("PREFIX ig: <https://w3id.org/incidentgraph/ns#> "
                                      "SELECT ?d WHERE { ?d a ig:Document }"))


@pytest.mark.parametrize("headers,with_token", [
    ({}, False), ({"Origin": "http://evil.example"}, True), ({"Origin": "http://evil.example"}, False),
    ({"Sec-Fetch-Site": "cross-site"}, True), ({"Origin": "http://localhost.evil.example"}, True),
])
def test_cross_site_posts_store_nothing(app, headers, with_token):
    client = app.test_client()
    form = {"text": "Drones struck the depot in Kursk on 3 May 2024.", "action": "save"}
    if with_token:
        form["csrf_token"] = token(client)
    before = stored_documents(app)
    resp = client.post("/add", data=form, headers=headers)
    assert resp.status_code in (400, 403)
    assert stored_documents(app) == before


@pytest.mark.parametrize("name", ["a.rdf", "a.xml", "a.owl", "a.ttl", "a.jsonld", "a.svg", "a.php", "a",
                                  "a.txt.rdf", "../../a.rdf"])
def test_uploads_of_other_formats_are_refused(app, name):
    client = app.test_client()
    data = {"csrf_token": token(client), "action": "preview",
            "file": (io.BytesIO(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'), name)}
    resp = client.post("/add", data=data, content_type="multipart/form-data")
    assert resp.status_code == 400 and "only .txt, .md and .html" in resp.get_data(as_text=True)


def test_oversized_add_body_gets_413(app):
    client = app.test_client()
    resp = client.post("/add", data={"csrf_token": token(client), "text": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)})
    assert resp.status_code == 413
    assert "default-src 'self'" in resp.headers["Content-Security-Policy"]


def test_an_over_long_pasted_text_is_explained_not_a_500(app, monkeypatch):
    monkeypatch.setenv("INCIDENTGRAPH_MAX_TEXT_CHARS", "1000")
    client = app.test_client()
    resp = client.post("/add", data={"csrf_token": token(client), "text": "Drones struck. " * 100,
                                     "action": "preview"})
    assert resp.status_code == 400 and "too long" in resp.get_data(as_text=True)


@pytest.mark.parametrize("args,env,message", [
    (["--host", "0.0.0.0", "--debug"], {"INCIDENTGRAPH_SECRET_KEY": "k" * 40}, "--debug is refused"),
    (["--host", "0.0.0.0"], {"INCIDENTGRAPH_SECRET_KEY": ""}, "INCIDENTGRAPH_SECRET_KEY"),
    (["--host", "::"], {"INCIDENTGRAPH_SECRET_KEY": "dev"}, "INCIDENTGRAPH_SECRET_KEY"),
    (["--host", "192.168.1.5"], {"INCIDENTGRAPH_SECRET_KEY": "change-me"}, "INCIDENTGRAPH_SECRET_KEY"),
    (["--host", "0.0.0.0"], {"INCIDENTGRAPH_SECRET_KEY": "short"}, "INCIDENTGRAPH_SECRET_KEY"),
    (["--host", "0.0.0.0"], {"INCIDENTGRAPH_SECRET_KEY": "a" * 64}, "INCIDENTGRAPH_SECRET_KEY"),
])
def test_serve_beyond_loopback_refuses_debug_and_weak_keys(tmp_path, args, env, message):
    proc = run("serve", "--store", str(tmp_path / "store"), "--port", "0", *args, env=env, timeout=20)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr
