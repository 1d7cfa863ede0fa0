"""A remote SPARQL 1.1 server as the store (Oxigraph server, Fuseki, GraphDB, Virtuoso …).

Speaks only the SPARQL 1.1 Protocol over HTTP: queries to the query endpoint, updates to
the update endpoint. Two things make this portable:
- every triple goes into an explicit named graph (``INSERT DATA { GRAPH <g> { … } }``), and
  the server must expose the union of its graphs as the default graph for queries
  (``oxigraph serve --union-default-graph``; Fuseki ``tdb:unionDefaultGraph``; GraphDB and
  Virtuoso do so by default);
- no blank nodes are ever written (they cannot be addressed again over the protocol).
Parameters are bound by a VALUES block built from rdflib's escaped terms.
"""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import Mapping, Optional

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .errors import QueryError, QueryTimeout, StoreError
from .store import GRAPH_TYPES, RESULT_TYPES, Store, bind_values

TIMEOUT_S = float(os.environ.get("INCIDENTGRAPH_REMOTE_TIMEOUT", "60"))


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


class RemoteStore(Store):
    def __init__(self, query_url: str, update_url: Optional[str] = None):
        self.query_url = query_url
        self.update_url = update_url or update_endpoint_for(query_url)
        self.location = query_url

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
