"""The W3C SPARQL 1.1 Protocol tests, run as data from their manifest against a live /sparql.

``tests/data/w3c/sparql11-protocol/manifest.ttl`` is read with rdflib; each entry's HTTP
requests are replayed in order over a real socket (http.client, so no header is added that
the manifest does not give), with ``/sparql/`` mapped to this endpoint's path. The dataset
tests name remote graphs (``http://kasei.us/…/dataN.rdf``): their ``ut:graphData`` maps
each name to a local ``dataN.nt`` file, loaded into the store as a named graph of that
name beforehand. Nothing is fetched.

The endpoint is read-only, so entries that expect an update to succeed are run with the
deviation listed in ``READ_ONLY``: each update request must get a 4xx, the requests that
would check the update's effect are not applicable, and the store must be unchanged.
"""
from __future__ import annotations

import http.client
import json
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import pytest
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection

from graph.store import open_store

from .helpers import make_app, serve

W3C = Path(__file__).parent.parent / "data" / "w3c" / "sparql11-protocol"
MANIFEST = W3C / "manifest.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")

# Entries whose expectations assume a writable endpoint, with the reason; run as "refused".
READ_ONLY = {
    "update_dataset_default_graph": "a successful update with using-graph-uri; refused (403) on a read-only endpoint",
    "update_dataset_default_graphs": "a successful update with two using-graph-uri; refused (403)",
    "update_dataset_named_graphs": "a successful update with using-named-graph-uri; refused (403)",
    "update_dataset_full": "a successful update with a full USING dataset; refused (403)",
    "update_post_form": "a successful update by form POST; refused (403)",
    "update_post_direct": "a successful update by direct POST; refused (403)",
    "update_base_uri": "a successful update resolving relative IRIs; refused (403)",
}
# Entries that do not apply at all (none: every entry runs, read-only ones as refusals).
NOT_APPLICABLE: dict[str, str] = {}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: Optional[bytes]
    statuses: set[str]
    fmt: Optional[str]
    boolean: Optional[bool]

    @property
    def is_update(self) -> bool:
        ctype = self.headers.get("content-type", "")
        text = (self.body or b"").decode("utf-8", "replace") + " " + self.path
        return ctype.startswith("application/sparql-update") or "update=" in text


@dataclass
class Entry:
    name: str
    title: str
    requests: list[Request]
    graphs: dict[str, Path] = field(default_factory=dict)  # graph IRI -> local file


def load_manifest() -> list[Entry]:
    g = Graph().parse(MANIFEST, format="turtle", publicID=MANIFEST.as_uri())
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    entries = []
    for test in Collection(g, g.value(manifest, MF.entries)):
        requests = []
        action = g.value(test, MF.action)
        for req in Collection(g, g.value(action, HT.requests)):
            headers = {}
            header_list = g.value(req, HT.headers)
            if header_list is not None:
                for h in Collection(g, header_list):
                    headers[str(g.value(h, HT.fieldName)).lower()] = str(g.value(h, HT.fieldValue))
            body_node = g.value(req, HT.body)
            body = None
            if body_node is not None:
                encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
                body = str(g.value(body_node, CNT.chars)).encode(encoding)
            resp = g.value(req, HT.resp)
            statuses = {str(s).rsplit("#", 1)[-1] for s in g.objects(resp, MF.expectedStatus)}
            fmt = g.value(resp, MF.expectedFormat)
            boolean = g.value(resp, MF.expectedBoolean)
            requests.append(Request(str(g.value(req, HT.methodName)), str(g.value(req, HT.absolutePath)),
                                    headers, body, statuses, str(fmt) if fmt else None,
                                    boolean.toPython() if boolean is not None else None))
        graphs = {}
        for data in g.objects(test, UT.graphData):
            local = Path(urllib.parse.urlparse(str(g.value(data, UT.graph))).path)
            graphs[str(g.value(data, RDFS.label))] = local
        entries.append(Entry(str(test).rsplit("#", 1)[-1], str(g.value(test, MF.name)), requests, graphs))
    return entries


ENTRIES = load_manifest()


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """A store holding every dataN.nt the manifest names, as named graphs; /sparql over it."""
    store = open_store(str(tmp_path_factory.mktemp("w3c") / "store"))
    graphs = {}
    for entry in ENTRIES:
        graphs.update(entry.graphs)
    for iri, path in graphs.items():
        assert path.parent == W3C, "graph data must be the local copies"
        triples = list(Graph().parse(path, format="nt"))
        store.replace_graph(URIRef(iri), triples)
    with serve(make_app(store)) as url:
        yield urllib.parse.urlparse(url).netloc, store
    store.close()


def send(netloc: str, req: Request) -> tuple[int, str, bytes]:
    path = req.path.replace("/sparql/", "/sparql", 1)
    conn = http.client.HTTPConnection(netloc, timeout=30)
    try:
        conn.putrequest(req.method, path, skip_accept_encoding=True)
        for name, value in req.headers.items():
            conn.putheader(name, value)
        if req.body is not None:
            conn.putheader("Content-Length", str(len(req.body)))
        conn.endheaders(req.body)
        resp = conn.getresponse()
        return resp.status, resp.getheader("Content-Type", ""), resp.read()
    finally:
        conn.close()


def status_class(status: int) -> str:
    return f"StatusCode{status // 100}xx"


def check_format(fmt: str, ctype: str, body: bytes, boolean: Optional[bool]) -> None:
    media = ctype.split(";")[0].strip()
    if fmt == "boolean":
        assert media in ("application/sparql-results+json", "application/sparql-results+xml"), media
        if media.endswith("json"):
            value = json.loads(body)["boolean"]
        else:
            ns = "{http://www.w3.org/2005/sparql-results#}"
            value = ET.fromstring(body).find(f"{ns}boolean").text == "true"
        if boolean is not None:
            assert value is boolean
    elif fmt == "tabular":
        assert media in ("application/sparql-results+json", "application/sparql-results+xml",
                         "text/csv", "text/tab-separated-values"), media
        if media.endswith("json"):
            assert "bindings" in json.loads(body)["results"]
    elif fmt == "RDF":
        formats = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
                   "application/ld+json": "json-ld"}
        assert media in formats, media
        Graph().parse(data=body, format=formats[media])
    else:  # pragma: no cover - the manifest has no other format
        raise AssertionError(f"unknown expected format {fmt}")


def test_manifest_is_complete():
    assert len(ENTRIES) == 34
    names = {e.name for e in ENTRIES}
    assert set(READ_ONLY) <= names and set(NOT_APPLICABLE) <= names


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_protocol(endpoint, entry):
    if entry.name in NOT_APPLICABLE:
        pytest.skip(NOT_APPLICABLE[entry.name])
    netloc, store = endpoint
    before = store.count_quads()
    for req in entry.requests:
        if entry.name in READ_ONLY and not req.is_update:
            continue  # it would check the refused update's effect
        status, ctype, body = send(netloc, req)
        expected = {"StatusCode4xx"} if entry.name in READ_ONLY else req.statuses
        assert status_class(status) in expected, f"{entry.title}: {status} {body[:300]!r}"
        if status < 300 and req.fmt:
            check_format(req.fmt, ctype, body, req.boolean)
        if status >= 400:
            assert json.loads(body)["error"]["detail"]
    assert store.count_quads() == before, "the store changed"
