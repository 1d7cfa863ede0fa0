"""A remote SPARQL 1.1 server as the store (Oxigraph server, Fuseki, GraphDB, Virtuoso …).

Speaks only the SPARQL 1.1 Protocol over HTTP: queries to the query endpoint, updates to
the update endpoint. Two things make this portable:
- every triple goes into an explicit named graph (``INSERT DATA { GRAPH <g> { … } }``), and
  the server must expose the union of its graphs as the default graph for queries
  (``oxigraph serve --union-default-graph``; Fuseki ``tdb:unionDefaultGraph``; GraphDB and
  Virtuoso do so by default);
- no blank nodes are ever written (they cannot be addressed again over the protocol).
Parameters are bound by a VALUES block built from rdflib's escaped terms.

A large graph (the merged graph) is not sent as one ``INSERT DATA``: servers bound the size
of one update (Virtuoso refuses one whose generated SQL passes 10,000 lines, which the
merged graph of a few dozen documents does). ``replace_graph`` writes it in chunks into a
staging graph of its own and then moves that over the target in one request; see there for
what readers can and cannot see meanwhile.
"""
from __future__ import annotations

import json
import os
import uuid
import urllib.error
import urllib.parse
import urllib.request
from typing import Iterable, Mapping, Optional

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .errors import QueryError, QueryTimeout, StoreError
from .store import GRAPH_TYPES, RESULT_TYPES, Store, bind_values, insert_update, triple_lines

TIMEOUT_S = float(os.environ.get("INCIDENTGRAPH_REMOTE_TIMEOUT", "60"))
# Triples per INSERT DATA request when a graph is written in chunks. Virtuoso 7.2 refuses an
# update whose generated SQL passes 10,000 lines, which is somewhere above 1,000 triples of
# the merged graph; 500 keeps well clear of it and costs little on other servers.
CHUNK_TRIPLES = int(os.environ.get("INCIDENTGRAPH_REMOTE_CHUNK", "500"))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect: the store talks to the endpoint it was given and nothing else."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))


def update_endpoint_for(query_url: str) -> str:
    """The update endpoint beside a query endpoint: …/query → …/update, otherwise the same URL."""
    explicit = os.environ.get("INCIDENTGRAPH_UPDATE_ENDPOINT")
    if explicit:
        return explicit
    if query_url.rstrip("/").endswith("/query"):
        return query_url.rstrip("/")[: -len("query")] + "update"
    return query_url


def with_values(query: str, bindings: Optional[Mapping[str, Node]]) -> str:
    """Bind variables the same way as the embedded store (see ``graph.store.bind_values``)."""
    return bind_values(query, bindings)


def from_json(binding: dict) -> Node:
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    if binding.get("datatype"):
        return Literal(value, datatype=URIRef(binding["datatype"]))
    return Literal(value)


def staging_graph(graph: URIRef) -> URIRef:
    """A graph of its own for one chunked write of ``graph``: two writers never share one."""
    return URIRef(f"{graph}/staging/{uuid.uuid4().hex}")


class RemoteStore(Store):
    def __init__(self, query_url: str, update_url: Optional[str] = None, chunk_triples: Optional[int] = None):
        self.query_url = query_url
        self.update_url = update_url or update_endpoint_for(query_url)
        self.location = query_url
        self.chunk_triples = max(1, chunk_triples or CHUNK_TRIPLES)

    def replace_graph(self, graph: URIRef, triples: Iterable[tuple]) -> None:
        """Make ``graph`` hold exactly ``triples``.

        Up to ``chunk_triples`` triples (every document graph): one request, DROP + INSERT
        DATA, as the embedded store does.

        More (the merged graph): the triples go in chunks of ``chunk_triples`` into a new
        staging graph (``<graph>/staging/<random>``), one INSERT DATA request each, and one
        last request ``MOVE SILENT GRAPH <staging> TO GRAPH <graph>`` replaces the target by
        the staging graph (MOVE drops the target, copies the staging graph in and drops the
        staging graph). What that guarantees:

        - ``GRAPH <graph>`` changes in that one request: a query that reads the graph by
          name sees the old content or the new, never half of it, on a server that runs
          each update request in one transaction (Oxigraph and Fuseki do; Virtuoso runs a
          request as one transaction unless it is set to row autocommit);
        - two writers never mix: each fills its own staging graph, the last MOVE wins whole;
        - until the MOVE, the staging graph is an ordinary named graph, so queries over the
          union default graph see its triples as well (a second copy of part of the merged
          graph). Read the merged graph with ``GRAPH <…/graph/merged>`` (as
          ``graph.queries`` and the example queries do), not through the union;
        - if a chunk fails, the staging graph is dropped (best effort) and the target is
          unchanged; if the process dies half-way, a staging graph is left behind (visible in
          the union, never in ``GRAPH <graph>``) until removed with ``remove_graph``.
        """
        triples = list(triples)
        if len(triples) <= self.chunk_triples:
            return self.update(insert_update(graph, triples))
        stage = staging_graph(graph)
        try:
            for start in range(0, len(triples), self.chunk_triples):
                body = triple_lines(triples[start:start + self.chunk_triples])
                self.update(f"INSERT DATA {{ GRAPH {stage.n3()} {{\n{body}\n}} }}")
            self.update(f"MOVE SILENT GRAPH {stage.n3()} TO GRAPH {graph.n3()}")
        except BaseException:
            try:
                self.remove_graph(stage)
            except Exception:  # noqa: BLE001 - the first failure is the one to report
                pass
            raise

    def _post(self, url: str, form, accept: str, timeout: Optional[float] = None) -> tuple[bytes, str]:
        """POST a form (a dict, or a list of pairs for repeated keys such as default-graph-uri)."""
        data = urllib.parse.urlencode(form).encode("utf-8")
        req = urllib.request.Request(url, data=data, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        try:
            with _opener.open(req, timeout=timeout or TIMEOUT_S) as resp:
                return resp.read(), resp.headers.get("Content-Type", "")
        except TimeoutError as exc:
            raise QueryTimeout(f"the SPARQL server at {url} did not answer within "
                               f"{timeout or TIMEOUT_S:g} s") from exc
        except urllib.error.URLError as exc:
            if isinstance(getattr(exc, "reason", None), TimeoutError):
                raise QueryTimeout(f"the SPARQL server at {url} did not answer within "
                                   f"{timeout or TIMEOUT_S:g} s") from exc
            raise self._failure(url, exc) from exc
        except OSError as exc:
            raise self._failure(url, exc) from exc

    @staticmethod
    def _failure(url: str, exc: OSError) -> Exception:
        if isinstance(exc, urllib.error.HTTPError):
            detail = exc.read().decode("utf-8", "replace")[:500]
            if 400 <= exc.code < 500:
                return QueryError(f"the SPARQL server refused the request ({exc.code}): {detail}")
            return StoreError(f"the SPARQL server at {url} failed ({exc.code}): {detail}")
        return StoreError(f"cannot reach the SPARQL server at {url}: {exc}")

    def update(self, update: str) -> None:
        self._post(self.update_url, {"update": update}, "*/*")

    def _json(self, query: str, bindings=None) -> dict:
        body, _ = self._post(self.query_url, {"query": with_values(query, bindings)}, RESULT_TYPES["json"])
        try:
            return json.loads(body)
        except ValueError as exc:
            raise StoreError(f"the SPARQL server sent no JSON results: {body[:200]!r}") from exc

    def select_terms(self, query, bindings=None):
        data = self._json(query, bindings)
        return [{k: from_json(v) for k, v in row.items()} for row in data.get("results", {}).get("bindings", [])]

    def ask(self, query, bindings=None) -> bool:
        return bool(self._json(query, bindings).get("boolean"))

    def raw_query(self, query: str, fmt: str) -> tuple[bytes, str]:
        accept = ", ".join([RESULT_TYPES.get(fmt, RESULT_TYPES["json"]), GRAPH_TYPES.get(fmt, GRAPH_TYPES["ttl"])])
        body, ctype = self._post(self.query_url, {"query": query}, accept)
        return body, ctype.split(";")[0] or RESULT_TYPES["json"]

    def export(self, fmt: str) -> bytes:
        if fmt in ("trig", "nq"):
            # quads over the protocol: ask for every graph's triples and write N-Quads/TriG ourselves
            from rdflib import Dataset

            ds = Dataset()
            rows = self.select_terms("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
            for r in rows:
                ds.graph(r["g"]).add((r["s"], r["p"], r["o"]))
            return ds.serialize(format="nquads" if fmt == "nq" else "trig").encode("utf-8")
        query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
        body, _ = self._post(self.query_url, {"query": query}, GRAPH_TYPES.get(fmt, GRAPH_TYPES["ttl"]))
        return body
