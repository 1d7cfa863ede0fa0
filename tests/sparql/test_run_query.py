"""run_query and select_table: formats, row cap, dataset restriction, bindings, errors."""
import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Literal, URIRef

from graph.errors import QueryRefused, QuerySyntaxError, QueryTooLarge
from graph.settings import Limits
from graph.sparql import run_query, select_table

from .helpers import GRAPH, ID

PREFIX = "PREFIX ig: <https://w3id.org/incidentgraph/ns#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
INCIDENTS = PREFIX + "SELECT ?i ?label WHERE { ?i a ig:Incident ; rdfs:label ?label } ORDER BY ?i"


def test_select_json(fixture_store):
    result = run_query(fixture_store, INCIDENTS, "json")
    assert result.media_type == "application/sparql-results+json" and not result.truncated
    data = json.loads(result.body)
    assert data["head"]["vars"] == ["i", "label"]
    rows = data["results"]["bindings"]
    assert len(rows) == 5
    assert rows[0]["i"] == {"type": "uri", "value": ID + "incident/a1-i1"}
    assert rows[0]["label"] == {"type": "literal", "value": "Sabotage on Line A"}


def test_select_xml(fixture_store):
    result = run_query(fixture_store, INCIDENTS, "xml")
    assert result.media_type == "application/sparql-results+xml"
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(result.body)
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["i", "label"]
    assert len(root.findall("r:results/r:result", ns)) == 5


def test_select_csv_and_tsv(fixture_store):
    body = run_query(fixture_store, INCIDENTS, "csv").body.decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["i", "label"] and rows[1] == [ID + "incident/a1-i1", "Sabotage on Line A"]
    assert "\r\n" in body
    tsv = run_query(fixture_store, INCIDENTS, "tsv")
    assert tsv.media_type == "text/tab-separated-values"
    lines = tsv.body.decode().splitlines()
    assert lines[0] == "?i\t?label"
    assert lines[1] == f'<{ID}incident/a1-i1>\t"Sabotage on Line A"'


def test_tsv_escapes_tabs_and_newlines(empty_store):
    body = run_query(empty_store, 'SELECT ?x { BIND("a\\tb\\nc" AS ?x) }', "tsv").body.decode()
    assert body.splitlines()[1] == '"a\\tb\\nc"'


@pytest.mark.parametrize("fmt,expected", [("json", b'"boolean": true'), ("xml", b"<boolean>true</boolean>"),
                                          ("csv", b"true"), ("tsv", b"true")])
def test_ask(fixture_store, fmt, expected):
    assert expected in run_query(fixture_store, PREFIX + "ASK { ?i a ig:Incident }", fmt).body


@pytest.mark.parametrize("fmt,media,rdflib_fmt", [
    ("ttl", "text/turtle", "turtle"), ("nt", "application/n-triples", "nt"),
    ("jsonld", "application/ld+json", "json-ld"), ("xml", "application/rdf+xml", "xml"),
    ("json", "text/turtle", "turtle"), ("csv", "text/turtle", "turtle")])
def test_construct_formats(fixture_store, fmt, media, rdflib_fmt):
    query = PREFIX + "CONSTRUCT { ?i rdfs:label ?l } WHERE { ?i a ig:Incident ; rdfs:label ?l }"
    result = run_query(fixture_store, query, fmt)
    assert result.media_type == media
    graph = Graph().parse(data=result.body, format=rdflib_fmt)
    assert len(graph) == 5


def test_describe(fixture_store):
    result = run_query(fixture_store, f"DESCRIBE <{ID}incident/c3-i4>", "nt")
    graph = Graph().parse(data=result.body, format="nt")
    assert (URIRef(ID + "incident/c3-i4"), None, Literal("fire")) in graph


def test_row_cap_truncates_and_says_so(fixture_store):
    result = run_query(fixture_store, INCIDENTS, "json", Limits(max_rows=2))
    assert result.truncated and len(json.loads(result.body)["results"]["bindings"]) == 2
    exact = run_query(fixture_store, INCIDENTS, "json", Limits(max_rows=5))
    assert not exact.truncated
    graph = run_query(fixture_store, "CONSTRUCT WHERE { ?s ?p ?o }", "nt", Limits(max_rows=3))
    assert graph.truncated and len(graph.body.decode().strip().splitlines()) == 3


def test_select_table(fixture_store):
    table = select_table(fixture_store, INCIDENTS)
    assert table.variables == ["i", "label"] and len(table.rows) == 5 and not table.truncated
    assert table.rows[0]["i"] == URIRef(ID + "incident/a1-i1")
    assert select_table(fixture_store, INCIDENTS, Limits(max_rows=1)).truncated
    assert select_table(fixture_store, "ASK {}").rows == [{"boolean": Literal(True)}]


def test_bindings_are_bound_not_pasted(fixture_store):
    query = PREFIX + "SELECT ?label WHERE { ?i rdfs:label ?label }"
    rows = select_table(fixture_store, query, bindings={"i": URIRef(ID + "incident/c3-i4")}).rows
    assert rows == [{"label": Literal("Fire on CPC terminal")}]
    hostile = Literal('x" } } ; DROP ALL #')
    assert select_table(fixture_store, query, bindings={"label": hostile}).rows == []


def test_from_selects_only_stored_graphs(fixture_store):
    count = "SELECT (COUNT(*) AS ?n) {} "
    q = f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}doc-c3> WHERE {{ ?s ?p ?o }}"
    in_c3 = select_table(fixture_store, q).rows[0]["n"].toPython()
    union = select_table(fixture_store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"].toPython()
    assert 0 < in_c3 < union
    for outside in ("file:///etc/passwd", "http://127.0.0.1:9/data.ttl", "urn:no-such-graph"):
        q = f"SELECT (COUNT(*) AS ?n) FROM <{outside}> WHERE {{ ?s ?p ?o }}"
        assert select_table(fixture_store, q).rows[0]["n"].toPython() == 0, outside
    assert count  # keeps the simplest form readable above


def test_from_named(fixture_store):
    q = f"SELECT DISTINCT ?g FROM NAMED <{GRAPH}doc-a1> FROM NAMED <file:///etc/passwd> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert select_table(fixture_store, q).rows == [{"g": URIRef(GRAPH + "doc-a1")}]
    # FROM NAMED alone leaves the default graph empty
    q = f"ASK FROM NAMED <{GRAPH}doc-a1> {{ ?s ?p ?o }}"
    assert select_table(fixture_store, q).rows == [{"boolean": Literal(False)}]


def test_protocol_dataset_overrides_from(fixture_store):
    q = f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}doc-c3> WHERE {{ ?s ?p ?o }}"
    body = run_query(fixture_store, q, "json", default_graphs=[GRAPH + "doc-a1"]).body
    a1 = select_table(fixture_store, f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}doc-a1> {{ ?s ?p ?o }}").rows[0]["n"]
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(a1)


def test_errors(fixture_store):
    with pytest.raises(QueryRefused):
        run_query(fixture_store, "DROP ALL")
    with pytest.raises(QuerySyntaxError):
        run_query(fixture_store, "SELECT * {")
    with pytest.raises(QueryTooLarge):
        run_query(fixture_store, "ASK {} #" + "x" * 100, limits=Limits(max_body_bytes=50))
    assert select_table(fixture_store, INCIDENTS).rows  # the store is intact


def test_engine_errors_are_query_errors(fixture_store):
    from graph.errors import QueryError

    with pytest.raises(QueryError, match="syntax"):
        run_query(fixture_store, "SELECT * { ?s undeclared:p ?o }")
