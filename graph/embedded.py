"""The embedded on-disk store: Oxigraph (RocksDB) through pyoxigraph.

The only module that imports pyoxigraph for storage. Loading and serialization use
Oxigraph's own parsers and writers, which are far faster than rdflib's on large data.
"""
from __future__ import annotations

import io
import itertools
import re
from datetime import date
from pathlib import Path
from typing import Iterator, Mapping, Optional

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from . import settings
from .errors import QueryError, StoreError
from .store import GRAPH_TYPES, RESULT_TYPES, Store, bind_values, python_value

_XSD = "http://www.w3.org/2001/XMLSchema#"
_PLAIN = {_XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
_INTEGER = _XSD + "integer"
_DATE = _XSD + "date"
_INT_RE = re.compile(r"-?[0-9]+")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_opened = itertools.count()

_RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "xml": ox.RdfFormat.RDF_XML,
}


def to_ox(term: Node):
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


_iris: dict[str, URIRef] = {}


def _iri(value: str) -> URIRef:
    """URIRef with a cache: rdflib validates every IRI it makes, and result rows repeat them."""
    ref = _iris.get(value)
    if ref is None:
        if len(_iris) > 200_000:
            _iris.clear()
        ref = _iris[value] = URIRef(value)
    return ref


def py_from_ox(term):
    """A pyoxigraph term as the Python value ``Store.select`` gives (see ``python_value``),
    without making an rdflib term first for the common cases: IRIs, strings, integers and
    dates (the lexical forms rdflib would convert the same way); everything else goes the
    general way."""
    kind = type(term)
    if kind is ox.NamedNode:
        return _iri(term.value)
    if kind is ox.Literal:
        datatype = term.datatype.value
        value = term.value
        if datatype in _PLAIN:
            return value
        if datatype == _INTEGER and _INT_RE.fullmatch(value):
            return int(value)
        if datatype == _DATE and _DATE_RE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
    return python_value(from_ox(term))


def from_ox(term) -> Optional[Node]:
    """A pyoxigraph term as an rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return _iri(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    return Literal(str(term))


class EmbeddedStore(Store):
    """A folder on disk holding an Oxigraph database."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.location = str(self.path)
        self.generation = 0  # counts writes, so readers of snapshots know when to take a new one
        self._opened = next(_opened)  # tells two handles apart, even on the same folder
        self._flush_every = max(1, settings.get("flush_every"))
        self._unflushed = 0
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}. "
                             "Is another incidentgraph process using it?") from exc

    def change_token(self) -> tuple:
        """Changes whenever this store may have changed: an embedded store is written only
        through this handle (the folder is locked to one process), so the count of writes
        through it is enough. Caches (``graph.network.Projection``) compare it for free
        instead of querying the store."""
        return (self.location, self._opened, self.generation)

    # a write's weight in documents: a document graph holds about a hundred triples
    TRIPLES_PER_WRITE = 100

    def _written(self, triples: int = 0) -> None:
        """Count a write, weighed by its size in documents (``triples`` / 100, at least 1);
        every ``flush_every`` documents' worth, flush RocksDB's memtables to disk. Oxigraph
        keeps every write of a session in memory until a flush, so a long ingest of
        one-document transactions would otherwise grow by about 0.1 MB per document, and a
        merged graph written in chunks of 50,000 triples by about a gigabyte per 2 million."""
        self.generation += 1
        self._unflushed += max(1, triples // self.TRIPLES_PER_WRITE)
        if self._unflushed >= self._flush_every:
            self._unflushed = 0
            self._store.flush()

    def replace_graph(self, graph: URIRef, triples) -> None:
        """Replace a named graph atomically. A graph that does not exist yet (every new
        document) is written with one transactional ``extend`` of pyoxigraph quads, which
        skips writing and parsing a SPARQL update; an existing graph is replaced by the
        DROP + INSERT DATA update, one transaction as well."""
        if self._store.contains_named_graph(ox.NamedNode(str(graph))):
            return super().replace_graph(graph, list(triples))
        self.add_to_graph(graph, triples)

    def graph_lines(self, graph: URIRef) -> Iterator[str]:
        """The triples of one named graph as N-Triples lines (``<s> <p> "o" .``), written by
        Oxigraph, one at a time: the cheap way to compare a graph with what it should hold."""
        g = ox.NamedNode(str(graph))
        for q in self._store.quads_for_pattern(None, None, None, g):
            yield f"{q.subject} {q.predicate} {q.object} ."

    def add_to_graph(self, graph: URIRef, triples) -> None:
        """Add triples to a named graph in one transaction: pyoxigraph quads, no SPARQL to
        write and parse (the fast way to fill a large graph chunk by chunk)."""
        g = ox.NamedNode(str(graph))
        quads = []
        for s, p, o in triples:
            if isinstance(s, BNode) or isinstance(p, BNode) or isinstance(o, BNode):
                raise StoreError("blank nodes are not stored; mint an IRI instead")
            quads.append(ox.Quad(to_ox(s), to_ox(p), to_ox(o), g))
        try:
            self._store.extend(quads)
        finally:
            self._written(len(quads))

    def update(self, update: str) -> None:
        try:
            self._store.update(update)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL update: {exc}") from exc
        finally:
            self._written(update.count("\n"))  # about a line per triple of data

    def _query(self, query: str, bindings: Optional[Mapping[str, Node]] = None):
        try:
            return self._store.query(bind_values(query, bindings), use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {exc}") from exc

    def select_terms(self, query, bindings=None):
        result = self._query(query, bindings)
        names = [v.value for v in result.variables]
        return [{n: from_ox(sol[n]) for n in names if sol[n] is not None} for sol in result]

    def select(self, query, bindings=None):
        """SELECT rows as Python values, converted straight from pyoxigraph's terms (the
        same values as ``Store.select``, without an rdflib term in between)."""
        if "select_terms" in self.__dict__:  # select_terms replaced on this handle (tests): go through it
            return super().select(query, bindings)
        return list(self.iter_select(query, bindings))

    def iter_select(self, query, bindings=None):
        """``select``'s rows one at a time, straight from pyoxigraph's result iterator."""
        if "select_terms" in self.__dict__:
            yield from super().iter_select(query, bindings)
            return
        result = self._query(query, bindings)
        names = [v.value for v in result.variables]
        for sol in result:
            row = {}
            for n in names:
                term = sol[n]
                if term is not None:
                    row[n] = py_from_ox(term)
            yield row

    def ask(self, query, bindings=None) -> bool:
        return bool(self._query(query, bindings))

    def raw_query(self, query: str, fmt: str) -> tuple[bytes, str]:
        result = self._query(query)
        if isinstance(result, ox.QueryTriples):
            fmt = fmt if fmt in _RDF_FORMATS and fmt not in ("trig", "nq") else "ttl"
            return result.serialize(format=_RDF_FORMATS[fmt]), GRAPH_TYPES[fmt]
        fmt = fmt if fmt in _RESULT_FORMATS else "json"
        return result.serialize(format=_RESULT_FORMATS[fmt]), RESULT_TYPES[fmt]

    def export(self, fmt: str) -> bytes:
        if fmt not in _RDF_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(_RDF_FORMATS)}")
        if fmt in ("trig", "nq"):
            out = io.BytesIO()
            self._store.dump(out, format=_RDF_FORMATS[fmt])
            return out.getvalue()
        # triple formats: the union of all document graphs
        triples = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        return triples.serialize(format=_RDF_FORMATS[fmt])

    def load(self, data: bytes, fmt: str, graph: URIRef) -> None:
        """Load RDF data into one named graph with Oxigraph's parser."""
        if fmt not in _RDF_FORMATS or fmt in ("trig", "nq", "xml"):
            raise StoreError(f"loading {fmt!r} is not supported; use ttl, nt or jsonld")
        try:
            self._store.load(data, format=_RDF_FORMATS[fmt], to_graph=ox.NamedNode(str(graph)))
        finally:
            self._written()

    def close(self) -> None:
        store = getattr(self, "_store", None)
        if store is not None:
            store.flush()
            del self._store
