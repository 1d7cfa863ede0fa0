"""/sparql over HTTP: the protocol's request forms, content negotiation and every error case.

Most checks go through a real client (SPARQLWrapper) to the app served on a loopback port;
the Flask test client covers requests SPARQLWrapper cannot make (wrong media types …).
"""
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, GET, JSON, JSONLD, N3, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graph.settings import Limits

from .helpers import ID, make_app

PREFIX = "PREFIX ig: <https://w3id.org/incidentgraph/ns#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
INCIDENTS = PREFIX + "SELECT ?i ?label WHERE { ?i a ig:Incident ; rdfs:label ?label } ORDER BY ?i"
CONSTRUCT = PREFIX + "CONSTRUCT { ?i rdfs:label ?l } WHERE { ?i a ig:Incident ; rdfs:label ?l }"


def wrapper(url, query, fmt=JSON, method=GET, request_method=URLENCODED):
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    sparql.setRequestMethod(request_method)
    return sparql


@pytest.mark.parametrize("method,request_method", [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_select_json_by_every_request_form(server_url, method, request_method):
    result = wrapper(server_url, INCIDENTS, JSON, method, request_method).queryAndConvert()
    assert result["head"]["vars"] == ["i", "label"]
    assert result["results"]["bindings"][0]["i"]["value"] == ID + "incident/a1-i1"
    assert len(result["results"]["bindings"]) == 5


def test_select_xml(server_url):
    doc = wrapper(server_url, INCIDENTS, XML).queryAndConvert()
    assert len(doc.getElementsByTagName("result")) == 5


@pytest.mark.parametrize("fmt,sep", [(CSV, ","), (TSV, "\t")])
def test_select_csv_tsv(server_url, fmt, sep):
    body = wrapper(server_url, INCIDENTS, fmt).queryAndConvert().decode()
    assert body.splitlines()[0].replace("?", "") == f"i{sep}label"
    assert len(body.strip().splitlines()) == 6


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_ask(server_url, fmt):
    result = wrapper(server_url, PREFIX + "ASK { ?i a ig:Incident }", fmt).queryAndConvert()
    if fmt == JSON:
        assert result["boolean"] is True
    else:
        assert result.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize("fmt", [TURTLE, N3, XML, JSONLD])
def test_construct_formats(server_url, fmt):
    graph = wrapper(server_url, CONSTRUCT, fmt).queryAndConvert()
    if not isinstance(graph, Graph):  # SPARQLWrapper leaves Turtle and N3 as bytes
        graph = Graph().parse(data=graph, format="turtle")
    assert len(graph) == 5


def test_describe(server_url):
    raw = wrapper(server_url, f"DESCRIBE <{ID}incident/c3-i4>", TURTLE).query()
    assert raw.response.headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=raw.response.read(), format="turtle")
    assert (URIRef(ID + "incident/c3-i4"), None, None) in graph


def _get(url, params=None, headers=None, data=None, method=None):
    if params:
        url += "?" + urllib.parse.urlencode(params, doseq=True)
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


@pytest.mark.parametrize("accept,media", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("*/*", "application/sparql-results+json"), ("text/html", "application/sparql-results+json"),
])
def test_content_negotiation_for_results(server_url, accept, media):
    status, headers, _ = _get(server_url, {"query": INCIDENTS}, {"Accept": accept})
    assert status == 200 and headers["Content-Type"].split(";")[0] == media
    assert "Accept" in headers["Vary"]


@pytest.mark.parametrize("accept,media", [
    ("text/turtle", "text/turtle"), ("application/n-triples", "application/n-triples"),
    ("application/ld+json", "application/ld+json"), ("application/rdf+xml", "application/rdf+xml"),
    ("application/sparql-results+json", "text/turtle"), ("*/*", "text/turtle"),
])
def test_content_negotiation_for_graphs(server_url, accept, media):
    status, headers, _ = _get(server_url, {"query": CONSTRUCT}, {"Accept": accept})
    assert status == 200 and headers["Content-Type"].split(";")[0] == media


def test_format_parameter_wins_over_accept(server_url):
    status, headers, body = _get(server_url, {"query": INCIDENTS, "format": "csv"}, {"Accept": "application/json"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    status, headers, _ = _get(server_url, {"query": CONSTRUCT, "format": "nt"})
    assert headers["Content-Type"].startswith("application/n-triples")
    status, _, body = _get(server_url, {"query": INCIDENTS, "format": "yaml"})
    assert status == 400 and b"format" in body


def test_truncation_header(fixture_store):
    from .helpers import serve

    with serve(make_app(fixture_store, Limits(max_rows=2))) as url:
        status, headers, body = _get(url + "/sparql", {"query": INCIDENTS})
        assert status == 200 and headers["X-Incidentgraph-Truncated"] == "true"
        assert len(json.loads(body)["results"]["bindings"]) == 2
        status, headers, _ = _get(url + "/sparql", {"query": "ASK {}"})
        assert "X-Incidentgraph-Truncated" not in headers


# ------------------------------------------------------------------------ errors


def _error(body):
    error = json.loads(body)["error"]
    assert set(error) >= {"status", "title", "detail"} and error["detail"]
    return error


def test_malformed_query_via_sparqlwrapper(server_url):
    with pytest.raises(QueryBadFormed):
        wrapper(server_url, "SELECT * WHERE { ?s ?p").query()


def test_malformed_query_has_position(server_url):
    status, _, body = _get(server_url, {"query": "SELECT * WHERE {\n ?s ?p"})
    error = _error(body)
    assert status == 400 and error["position"].startswith("line 2")


@pytest.mark.parametrize("params", [{}, {"default-graph-uri": "http://x/"}, {"query": ""}])
def test_missing_query(server_url, params):
    status, _, body = _get(server_url, params)
    assert status == 400 and "query" in _error(body)["detail"]


def test_two_queries(server_url):
    status, _, body = _get(server_url, {"query": ["ASK {}", "SELECT * {}"]})
    assert status == 400 and "one query" in _error(body)["detail"]
    status, _, body = _get(server_url + "?query=ASK%20%7B%7D", data=b"ASK {}", method="POST",
                           headers={"Content-Type": "application/sparql-query"})
    assert status == 400


def test_update_refused_and_store_unchanged(server_url, fixture_store):
    before = fixture_store.count_quads()
    for query in ("DROP ALL", "INSERT DATA { <http://a> <http://b> <http://c> }", "CLEAR DEFAULT"):
        with pytest.raises(urllib.error.HTTPError) as info:  # SPARQLWrapper passes a 403 through
            wrapper(server_url, query, method=POST).query()
        assert info.value.code == 403
        status, _, body = _get(server_url, {"query": query})
        assert status == 403 and "read" in _error(body)["detail"]
    status, _, _ = _get(server_url, {"update": "DROP ALL"})
    assert status == 403
    status, _, _ = _get(server_url, data=b"update=DROP%20ALL", method="POST",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    status, _, _ = _get(server_url, data=b"DROP ALL", method="POST", headers={"Content-Type": "application/sparql-update"})
    assert status == 403
    assert fixture_store.count_quads() == before


def test_service_refused(server_url):
    status, _, body = _get(server_url, {"query": "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
    assert status == 403 and "SERVICE" in _error(body)["detail"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/json", None,
                                          "application/sparql-query; charset=UTF-16"])
def test_unsupported_media_type(client, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    resp = client.post("/sparql", data=b"ASK {}", headers=headers)
    assert resp.status_code == 415
    assert _error(resp.data)["title"] == "Unsupported media type"


def test_method_not_allowed(client):
    assert client.put("/sparql?query=ASK%20%7B%7D").status_code == 405
    assert client.delete("/sparql").status_code == 405


def test_oversized_body(client):
    big = b"ASK {} #" + b"x" * 30_000  # the app's limit is 20 000 bytes
    for ctype, data in (("application/sparql-query", big), ("application/x-www-form-urlencoded", b"query=" + big)):
        resp = client.post("/sparql", data=data, headers={"Content-Type": ctype})
        assert resp.status_code == 413, ctype
    resp = client.get("/sparql", query_string={"query": big.decode()})
    assert resp.status_code == 413


def test_invalid_utf8(client):
    resp = client.post("/sparql", data=b"ASK { \xff }", headers={"Content-Type": "application/sparql-query"})
    assert resp.status_code == 400


def test_engine_error_is_a_400(client):
    resp = client.get("/sparql", query_string={"query": "SELECT * { ?s undeclared:p ?o }"})
    assert resp.status_code == 400 and "syntax" in _error(resp.data)["detail"]


def test_server_error_shape(fixture_store):
    """A store failure is a 502 in the same JSON shape (here: a store whose queries fail)."""
    from graph.errors import StoreError
    from graph.store import Store

    class Broken(Store):
        def ask(self, query, bindings=None):
            raise StoreError("the disk is on fire")

    resp = make_app(Broken()).test_client().get("/sparql", query_string={"query": "ASK {}"})
    assert resp.status_code == 502 and "fire" in _error(resp.data)["detail"]


def test_endpoint_in_the_real_app(fixture_store):
    """The web app registers the blueprint; a request-scoped g.store is used when present."""
    from flask import g

    from web.app import create_app

    app = create_app({"TESTING": True, "STORE": "unused"})
    app.extensions["incidentgraph.store"] = fixture_store
    resp = app.test_client().get("/sparql", query_string={"query": INCIDENTS},
                                 headers={"Accept": "application/sparql-results+json"})
    assert resp.status_code == 200 and len(resp.json["results"]["bindings"]) == 5
    with app.test_request_context("/sparql"):
        g.store = fixture_store
        from web.sparql_endpoint import _store

        assert _store() is fixture_store
