"""Where the graph lives: an embedded on-disk Oxigraph store or a remote SPARQL 1.1 server.

Both speak the same small interface, so ingest, queries and the web app never know which
one they have. Every document is one named graph, replaced atomically by a single SPARQL
update (DROP + INSERT DATA in one request), so a crash never leaves half a document.
Queries see the union of all graphs as their default graph.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .errors import QueryError, StoreError

RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "trig": "application/trig",
    "nq": "application/n-quads",
    "xml": "application/rdf+xml",
}


def default_store_path() -> Path:
    """The documented default: $XDG_DATA_HOME/incidentgraph/store (~/.local/share/…)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "incidentgraph" / "store"


def insert_update(graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """One SPARQL update that atomically replaces a named graph with the given triples.

    Terms are written by rdflib's N-Triples serialization (``n3()``), which escapes every
    literal, so article text cannot break out of its quotes. Blank nodes are refused:
    remote stores cannot address them later.
    """
    body = triple_lines(triples)
    g = graph.n3()
    return f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}"


def triple_lines(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """Triples as N-Triples lines for an INSERT DATA block (escaped by ``n3()``; no blank nodes)."""
    lines = []
    for s, p, o in triples:
        for term in (s, p, o):
            if isinstance(term, BNode):
                raise StoreError("blank nodes are not stored; mint an IRI instead")
        lines.append(f"{s.n3()} {p.n3()} {o.n3()} .")
    return "\n".join(lines)


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def bind_values(query: str, bindings: Optional[Mapping[str, Node]]) -> str:
    """Bind variables with a VALUES block at the start of the outer WHERE group.

    The values are rdflib terms written by ``n3()`` (escaped), never raw text, so a bound
    value cannot change the query. Placed first in the group, the block is joined first,
    which lets the engine start from the bound value. (pyoxigraph's own substitutions
    refuse variables that are not projected, so both stores bind this way.)
    """
    if not bindings:
        return query
    names, values, blocks = [], [], []
    for name, value in bindings.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"invalid variable name {name!r}")
        if isinstance(value, (list, tuple)):  # several values: one row each
            blocks.append(f" VALUES ?{name} {{ {' '.join(_term(v) for v in value)} }} ")
            continue
        names.append("?" + name)
        values.append(_term(value))
    if names:
        blocks.insert(0, f" VALUES ({' '.join(names)}) {{ ({' '.join(values)}) }} ")
    block = "".join(blocks)
    m = _WHERE.search(query)
    at = m.end() if m else query.find("{") + 1  # ASK { … } may omit WHERE
    if at <= 0:
        raise QueryError("cannot bind parameters: the query has no WHERE clause")
    return query[:at] + block + query[at:]


def _term(value) -> str:
    if not isinstance(value, (URIRef, Literal)):
        raise QueryError(f"cannot bind {value!r}: only IRIs and literals")
    return value.n3()


def python_value(term: Optional[Node]) -> Any:
    """IRIs stay URIRef (a str), literals become Python values (str, int, date …)."""
    if term is None or isinstance(term, URIRef):
        return term
    if isinstance(term, Literal):
        value = term.toPython()
        return value if not isinstance(value, Literal) else str(value)
    return str(term)


class Store:
    """The interface both stores implement."""

    location: str = ""

    def replace_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        self.update(insert_update(graph, triples))

    def remove_graph(self, graph: URIRef) -> None:
        self.update(f"DROP SILENT GRAPH {graph.n3()}")

    def has_graph(self, graph: URIRef) -> bool:
        return self.ask("ASK WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph})

    def update(self, update: str) -> None:
        raise NotImplementedError

    def select_terms(self, query: str, bindings: Optional[Mapping[str, Node]] = None) -> list[dict[str, Node]]:
        raise NotImplementedError

    def ask(self, query: str, bindings: Optional[Mapping[str, Node]] = None) -> bool:
        raise NotImplementedError

    def raw_query(self, query: str, fmt: str) -> tuple[bytes, str]:
        """Run any read query and serialize its answer: a results format for SELECT/ASK,
        an RDF format for CONSTRUCT/DESCRIBE. Returns (body, media type)."""
        raise NotImplementedError

    def export(self, fmt: str) -> bytes:
        raise NotImplementedError

    def count_quads(self) -> int:
        rows = self.select_terms("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows else 0

    def select(self, query: str, bindings: Optional[Mapping[str, Node]] = None) -> list[dict[str, Any]]:
        """SELECT rows as dicts of Python values (IRIs as URIRef)."""
        return [{k: python_value(v) for k, v in row.items()} for row in self.select_terms(query, bindings)]

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_store(spec: Optional[str] = None) -> Store:
    """A store from a spec: an http(s) URL is a remote SPARQL endpoint, anything else a folder.

    Without a spec, $INCIDENTGRAPH_STORE, then the default data directory.
    """
    spec = spec or os.environ.get("INCIDENTGRAPH_STORE") or str(default_store_path())
    if spec.startswith(("http://", "https://")):
        from .remote import RemoteStore

        return RemoteStore(spec)
    from .embedded import EmbeddedStore

    return EmbeddedStore(Path(spec))
