"""Where the graph lives: an embedded on-disk Oxigraph store or a remote SPARQL 1.1 server.

Both speak the same small interface, so ingest, queries and the web app never know which
one they have. Every document is one named graph, replaced atomically by a single SPARQL
update (DROP + INSERT DATA in one request), so a crash never leaves half a document.
Queries see the union of all graphs as their default graph.
"""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Optional

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


# The parts of a query that bind_values must tell apart: comments, strings and IRIs (whose
# text may hold braces, '#' or keywords), variables, keywords or prefixed names, and braces.
_TOKENS = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>"{3}(?:[^"\\]|\\.|"(?!""))*"{3} | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}
              | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7-\U000EFFFF]+)
  | (?P<word>[A-Za-z_][\w.-]*(?::[\w.%-]*)?|:[\w.%-]*)
  | (?P<brace>[{}])
""", re.VERBOSE)


@functools.lru_cache(maxsize=512)
def _scopes(query: str) -> tuple[int, tuple[tuple[int, frozenset[str]], ...]]:
    """Where bind_values puts its blocks: the offset just inside the outer WHERE group (or
    the first group, for ``ASK { … }``; -1 when there is none), and for each sub-select the
    offset just inside its WHERE group with the variables the sub-select uses (in its
    projection, pattern and modifiers)."""
    outer = first_brace = -1
    depth = 0
    after_where = False
    open_subs: list[list] = []  # [depth of its SELECT, offset inside its group or -1, variables]
    done: list[tuple[int, frozenset[str]]] = []
    for m in _TOKENS.finditer(query):
        kind, text = m.lastgroup, m.group()
        if kind in ("comment", "string", "iri"):
            continue
        if kind == "var":
            for sub in open_subs:
                sub[2].add(text[1:])
            after_where = False
        elif kind == "word":
            word = text.upper()
            after_where = word == "WHERE" and depth == 0 and outer < 0
            if word == "SELECT" and depth > 0:
                open_subs.append([depth, -1, set()])
        elif text == "{":
            if depth == 0 and first_brace < 0:
                first_brace = m.end()
            if after_where:
                outer = m.end()
            after_where = False
            for sub in open_subs:
                if sub[1] < 0 and sub[0] == depth:
                    sub[1] = m.end()
            depth += 1
        else:
            depth -= 1
            after_where = False
            # a sub-select ends with the group that holds it
            while open_subs and open_subs[-1][0] > depth:
                sub = open_subs.pop()
                if sub[1] >= 0:
                    done.append((sub[1], frozenset(sub[2])))
    return (outer if outer >= 0 else first_brace), tuple(done)


def bind_values(query: str, bindings: Optional[Mapping[str, Node]]) -> str:
    """Bind variables with VALUES blocks, so that a parameter is the same constant wherever
    the query uses it.

    One block goes at the start of the outer WHERE group: joined first, it lets the engine
    start from the bound value. A sub-select does not see the variables of the query around
    it, so each sub-select that uses a bound variable (in its pattern, projection or
    modifiers) gets a block of its own, at the start of its WHERE group, with the variables
    it uses: a pattern or filter inside it then works on the value before its ORDER BY and
    LIMIT. The values are rdflib terms written by ``n3()`` (escaped), never raw text, so a
    bound value cannot change the query; the query's comments, strings and IRIs are skipped
    when looking for its groups. (pyoxigraph's own substitutions refuse variables that are
    not projected, so both stores bind this way.)
    """
    if not bindings:
        return query
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"invalid variable name {name!r}")
    outer, subs = _scopes(query)
    if outer <= 0:
        raise QueryError("cannot bind parameters: the query has no WHERE clause")
    inserts = [(outer, _values_block(bindings))]
    for at, used in subs:
        inner = {name: value for name, value in bindings.items() if name in used}
        if inner:
            inserts.append((at, _values_block(inner)))
    for at, block in sorted(inserts, key=lambda x: x[0], reverse=True):
        query = query[:at] + block + query[at:]
    return query


def _values_block(bindings: Mapping[str, Node]) -> str:
    names, values, blocks = [], [], []
    for name, value in bindings.items():
        if isinstance(value, (list, tuple)):  # several values: one row each
            blocks.append(f" VALUES ?{name} {{ {' '.join(_term(v) for v in value)} }} ")
            continue
        names.append("?" + name)
        values.append(_term(value))
    if names:
        blocks.insert(0, f" VALUES ({' '.join(names)}) {{ ({' '.join(values)}) }} ")
    return "".join(blocks)


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

    def iter_select(self, query: str, bindings: Optional[Mapping[str, Node]] = None) -> Iterator[dict[str, Any]]:
        """``select``'s rows one at a time. A store that can stream its answer (the embedded
        one) never holds all rows at once, which is what keeps reading a whole archive's
        reports (``graph.merged``) within memory."""
        return iter(self.select(query, bindings))

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
