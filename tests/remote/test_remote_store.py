"""The remote store path against a real ``oxigraph serve``: writes, reads, exports, the SPARQL
layer (formats, dataset, bindings, timeouts, example queries) and /sparql over it."""
import json
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from graph.errors import QueryRefused, QueryTimeout
from graph.examples import load_examples
from graph.remote import RemoteStore
from graph.settings import Limits
from graph.sparql import run_query, select_table
from graph.store import open_store
from tests.sparql.helpers import GRAPH, ID, load_trig, make_app, serve

EX = "http://example.org/"
G1 = URIRef(EX + "graph/1")


def triples(n, start=0):
    return [(URIRef(f"{EX}s{i}"), URIRef(EX + "p"), Literal(f"value {i}")) for i in range(start, start + n)]


@pytest.fixture(scope="module")
def remote(oxigraph_server):
    store = open_store(oxigraph_server + "/query")
    assert isinstance(store, RemoteStore) and store.update_url == oxigraph_server + "/update"
    load_trig(store)
    return store


def test_replace_graph_twice_leaves_no_duplicates(remote):
    remote.replace_graph(G1, triples(3))
    first = remote.count_quads()
    remote.replace_graph(G1, triples(3))
    assert remote.count_quads() == first
    remote.replace_graph(G1, triples(2, start=10))  # replaced, not added to
    assert remote.count_quads() == first - 1
    rows = remote.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o", {"g": G1})
    assert [r["o"] for r in rows] == ["value 10", "value 11"]
    remote.remove_graph(G1)
    assert not remote.has_graph(G1) and remote.count_quads() == first - 3


def test_select_and_ask_see_what_was_written(remote):
    remote.replace_graph(G1, triples(1))
    assert remote.ask("ASK { ?s ?p ?o }", {"o": Literal("value 0")})
    assert remote.select("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("value 0")}) == [{"s": URIRef(EX + "s0")}]
    assert remote.has_graph(G1)
    remote.remove_graph(G1)
    assert not remote.ask("ASK { ?s ?p ?o }", {"o": Literal("value 0")})


def test_raw_query(remote):
    body, media = remote.raw_query("SELECT ?i WHERE { ?i a <https://w3id.org/incidentgraph/ns#Incident> }", "json")
    assert media == "application/sparql-results+json" and len(json.loads(body)["results"]["bindings"]) == 5
    body, media = remote.raw_query("CONSTRUCT WHERE { ?s a <https://w3id.org/incidentgraph/ns#Incident> }", "ttl")
    assert media == "text/turtle" and len(Graph().parse(data=body, format="turtle")) == 5


@pytest.mark.parametrize("fmt", ["nt", "ttl", "nq", "trig"])
def test_export(remote, fmt):
    data = remote.export(fmt)
    if fmt in ("nq", "trig"):
        ds = Dataset()
        ds.parse(data=data, format="nquads" if fmt == "nq" else "trig")
        assert URIRef(GRAPH + "merged") in {g.identifier for g in ds.graphs()}
        assert len(list(ds.quads((None, None, None, None)))) == remote.count_quads()
    else:
        assert len(Graph().parse(data=data, format="turtle" if fmt == "ttl" else "nt")) > 50


@pytest.mark.parametrize("fmt,media", [("json", "application/sparql-results+json"),
                                       ("xml", "application/sparql-results+xml"),
                                       ("csv", "text/csv"), ("tsv", "text/tab-separated-values")])
def test_run_query_results_formats(remote, fmt, media):
    query = "SELECT ?i WHERE { ?i a <https://w3id.org/incidentgraph/ns#Incident> } ORDER BY ?i"
    result = run_query(remote, query, fmt)
    assert result.media_type == media and ID.encode() + b"incident/a1-i1" in result.body


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "rdfxml"])
def test_run_query_graph_formats(remote, fmt):
    query = "CONSTRUCT WHERE { ?s a <https://w3id.org/incidentgraph/ns#Incident> }"
    result = run_query(remote, query, fmt)
    parsed = Graph().parse(data=result.body, format={"ttl": "turtle", "nt": "nt", "jsonld": "json-ld",
                                                     "rdfxml": "xml"}[fmt])
    assert len(parsed) == 5


def test_row_cap_dataset_and_gate(remote):
    query = "SELECT ?s WHERE { ?s ?p ?o }"
    assert run_query(remote, query, limits=Limits(max_rows=3)).truncated
    a1 = select_table(remote, f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}doc-a1> {{ ?s ?p ?o }}").rows[0]["n"]
    union = select_table(remote, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").rows[0]["n"]
    assert 0 < a1.toPython() < union.toPython()
    for outside in ("file:///etc/passwd", "http://127.0.0.1:9/x"):
        n = select_table(remote, f"SELECT (COUNT(*) AS ?n) FROM <{outside}> {{ ?s ?p ?o }}").rows[0]["n"]
        assert n.toPython() == 0
    with pytest.raises(QueryRefused):
        run_query(remote, "DROP ALL")
    with pytest.raises(QueryRefused):
        run_query(remote, "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert remote.count_quads() > 0


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("embedded") / "store"))
    load_trig(store)
    yield store
    store.close()


@pytest.mark.parametrize("example", load_examples(), ids=lambda e: e.name)
def test_examples_give_the_same_rows_as_the_embedded_store(remote, embedded, example):
    """Bindings go over the wire as a VALUES block: the answers must equal the embedded store's."""
    query, bindings = example.bind({})
    expected = select_table(embedded, query, bindings=bindings)
    got = select_table(remote, query, bindings=bindings)
    assert got.variables == expected.variables
    key = lambda rows: sorted(tuple(sorted((k, str(v)) for k, v in r.items())) for r in rows)  # noqa: E731
    assert key(got.rows) == key(expected.rows)


def test_remote_timeout(remote):
    remote.replace_graph(G1, triples(1000))
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(QueryTimeout):
        run_query(remote, slow, limits=Limits(query_timeout_s=0.5))
    remote.remove_graph(G1)
    assert select_table(remote, "ASK {}").rows[0]["boolean"].toPython() is True


def test_sparql_endpoint_over_the_remote_store(remote):
    with serve(make_app(remote, Limits(max_rows=2))) as url:
        query = "SELECT ?i WHERE { ?i a <https://w3id.org/incidentgraph/ns#Incident> } ORDER BY ?i"
        with urllib.request.urlopen(f"{url}/sparql?{urlencode({'query': query})}", timeout=10) as resp:
            assert resp.headers["X-Incidentgraph-Truncated"] == "true"
            assert len(json.loads(resp.read())["results"]["bindings"]) == 2
        req = urllib.request.Request(f"{url}/sparql", data=b"CONSTRUCT WHERE { ?s a ?t } LIMIT 1",
                                     headers={"Content-Type": "application/sparql-query", "Accept": "text/turtle"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            assert resp.headers["Content-Type"].startswith("text/turtle")
        before = remote.count_quads()
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(f"{url}/sparql?{urlencode({'query': 'DROP ALL'})}", timeout=10)
        assert info.value.code == 403 and remote.count_quads() == before
