"""Run a user's read query safely, within limits, and write the answer in a standard format.

Every query first passes the gate (``graph.gate``): updates and SERVICE are refused, and
FROM / FROM NAMED only ever select graphs of the store. Then it runs under the limits of
``graph.settings``:

- **Timeout.** pyoxigraph cannot interrupt a running query, so an embedded query runs in a
  forked child process that inherits the open store read-only (it never writes, and it
  leaves by ``os._exit`` without closing anything). The parent waits on a pipe until the
  deadline, then kills the child with SIGKILL and reaps it: the work really stops, and the
  next query is served at once. A remote query gets the timeout as its socket timeout (the
  server's own work stops only if the server has a time limit of its own).
- **Row cap.** At most ``max_rows`` rows (or triples) are kept; ``truncated`` says so.

Results are written here from rdflib terms, so both stores give the same bytes.
"""
from __future__ import annotations

import csv
import io
import json
import os
import pickle
import select
import signal
import threading
import time
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Mapping, Optional, Sequence
from xml.sax.saxutils import escape, quoteattr

from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from . import gate
from .errors import GraphError, QueryError, QueryTimeout, QueryTooLarge, StoreError
from .settings import Limits
from .store import GRAPH_TYPES, RESULT_TYPES, Store, bind_values

RESULT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("ttl", "nt", "jsonld", "rdfxml")
MEDIA_TYPES = {**RESULT_TYPES, "ttl": GRAPH_TYPES["ttl"], "nt": GRAPH_TYPES["nt"],
               "jsonld": GRAPH_TYPES["jsonld"], "rdfxml": GRAPH_TYPES["xml"]}
_RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}
# The graph that stands for "no graph": a dataset naming only unknown graphs is empty.
NO_GRAPH = URIRef("urn:x-incidentgraph:no-graph")


@dataclass
class QueryResult:
    """A serialized answer: the bytes, their media type, and whether rows were cut off."""

    body: bytes
    media_type: str
    truncated: bool = False


@dataclass
class Table:
    """A SELECT answer as terms, for an HTML table."""

    variables: list[str]
    rows: list[dict[str, Node]]
    truncated: bool = False


@dataclass
class Answer:
    """A query's answer as rdflib terms, before serialization."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Node]] = field(default_factory=list)
    boolean: Optional[bool] = None
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)
    truncated: bool = False


@dataclass
class Dataset:
    """The graphs a query may read: its default graph(s) and its named graphs."""

    default: list[URIRef]
    named: list[URIRef]


def run_query(store: Store, query: str, fmt: str = "json", limits: Optional[Limits] = None,
              bindings: Optional[Mapping[str, Node]] = None, *, graph_fmt: Optional[str] = None,
              default_graphs: Optional[Sequence[str]] = None, named_graphs: Optional[Sequence[str]] = None,
              base_iri: Optional[str] = None) -> QueryResult:
    """Run a read query and serialize its answer.

    SELECT/ASK are written as ``fmt`` (json, xml, csv, tsv); CONSTRUCT/DESCRIBE as
    ``graph_fmt`` if given, else ``fmt`` if it is a graph format (ttl, nt, jsonld, rdfxml),
    ``xml`` as RDF/XML, and any other results format as Turtle. ``default_graphs`` and
    ``named_graphs`` are the protocol's dataset and override the query's FROM clauses.
    """
    answer = answer_query(store, query, limits, bindings, default_graphs=default_graphs,
                          named_graphs=named_graphs, base_iri=base_iri)
    if answer.form in ("CONSTRUCT", "DESCRIBE"):
        chosen = graph_fmt if graph_fmt in GRAPH_FORMATS else (
            fmt if fmt in GRAPH_FORMATS else "rdfxml" if fmt == "xml" else "ttl")
        return QueryResult(write_graph(answer.triples, chosen), MEDIA_TYPES[chosen], answer.truncated)
    chosen = fmt if fmt in RESULT_FORMATS else "json"
    return QueryResult(write_results(answer, chosen), MEDIA_TYPES[chosen], answer.truncated)


def select_table(store: Store, query: str, limits: Optional[Limits] = None,
                 bindings: Optional[Mapping[str, Node]] = None) -> Table:
    """Run a SELECT query and keep its rows as terms (an ASK gives one row ``?boolean``)."""
    answer = answer_query(store, query, limits, bindings)
    if answer.form == "ASK":
        return Table(["boolean"], [{"boolean": Literal(bool(answer.boolean))}], False)
    if answer.form != "SELECT":
        raise QueryError(f"a {answer.form} query makes a graph, not a table; "
                         "download it as Turtle from /sparql instead")
    return Table(answer.variables, answer.rows, answer.truncated)


def answer_query(store: Store, query: str, limits: Optional[Limits] = None,
                 bindings: Optional[Mapping[str, Node]] = None, *,
                 default_graphs: Optional[Sequence[str]] = None, named_graphs: Optional[Sequence[str]] = None,
                 base_iri: Optional[str] = None) -> Answer:
    """Vet a query with the gate and run it under the limits; the answer as terms."""
    limits = limits or Limits.from_settings()
    if len(query.encode("utf-8")) > limits.max_body_bytes:
        raise QueryTooLarge(f"the query is longer than {limits.max_body_bytes} bytes (max_body_bytes)")
    checked = gate.check(query, base_iri)
    dataset = None
    if default_graphs is not None or named_graphs is not None:
        dataset = Dataset([URIRef(g) for g in default_graphs or []], [URIRef(g) for g in named_graphs or []])
    elif checked.has_dataset:
        dataset = Dataset(list(checked.from_graphs), list(checked.from_named))
    job = _Job(query, checked.form, dict(bindings or {}), dataset, base_iri, limits.max_rows)

    from .embedded import EmbeddedStore
    from .remote import RemoteStore

    if isinstance(store, EmbeddedStore):
        return _in_child(lambda: _embedded_answer(store, job), limits.query_timeout_s)
    if isinstance(store, RemoteStore):
        return _remote_answer(store, job, limits.query_timeout_s)
    return _in_thread(lambda: _generic_answer(store, job), limits.query_timeout_s)


@dataclass
class _Job:
    query: str
    form: str
    bindings: dict[str, Node]
    dataset: Optional[Dataset]
    base_iri: Optional[str]
    max_rows: int


# ---------------------------------------------------------------------------- running


def _in_child(work: Callable[[], Answer], timeout_s: float) -> Answer:
    """Run ``work`` in a forked child and return its answer; kill the child at the deadline."""
    if not hasattr(os, "fork"):  # pragma: no cover - Windows: the answer is abandoned, not stopped
        return _in_thread(work, timeout_s)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer, write, and leave without running any cleanup
        status = 0
        try:
            os.close(read_end)
            try:
                payload = pickle.dumps(("ok", work()))
            except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
                payload = pickle.dumps(("error", _portable_error(exc)))
            view = memoryview(payload)
            while view:
                view = view[os.write(write_end, view):]
        except BaseException:  # noqa: BLE001
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                os.kill(pid, signal.SIGKILL)
                raise QueryTimeout(f"the query ran longer than {timeout_s:g} s (query_timeout_s) and was "
                                   "stopped; narrow it down, e.g. with more specific patterns or a LIMIT")
            ready, _, _ = select.select([read_end], [], [], remaining)
            if ready:
                chunk = os.read(read_end, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.close(read_end)
        os.waitpid(pid, 0)
    if not chunks:
        raise StoreError("the query process ended without an answer")
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "error":
        raise value
    return value


def _in_thread(work: Callable[[], Answer], timeout_s: float) -> Answer:
    """Run ``work`` in a thread; at the deadline, answer with a timeout (the thread runs on)."""
    box: dict = {}

    def target():
        try:
            box["answer"] = work()
        except BaseException as exc:  # noqa: BLE001
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True, name="incidentgraph-query")
    thread.start()
    thread.join(timeout_s)
    if thread.is_alive():
        raise QueryTimeout(f"the query ran longer than {timeout_s:g} s (query_timeout_s)")
    if "error" in box:
        raise box["error"]
    return box["answer"]


def _portable_error(exc: BaseException) -> Exception:
    """An exception that pickles and says what went wrong, for the parent to raise."""
    if isinstance(exc, GraphError):
        try:
            pickle.loads(pickle.dumps(exc))
            return exc
        except Exception:
            return type(exc)(str(exc)) if type(exc) is not QueryError else QueryError(str(exc))
    if isinstance(exc, SyntaxError):
        return QueryError(f"SPARQL syntax error: {exc}")
    if isinstance(exc, (ValueError, TypeError, RuntimeError)):
        return QueryError(f"query failed: {exc}")
    return StoreError(f"query failed: {type(exc).__name__}: {exc}")


def _embedded_answer(store, job: _Job) -> Answer:
    """Evaluate with pyoxigraph (called in the child process)."""
    import pyoxigraph as ox

    from .embedded import from_ox

    # bound like every other query of the store: a VALUES block of escaped terms
    # (pyoxigraph's substitutions refuse variables that are not projected)
    kwargs: dict = {"base_iri": job.base_iri}
    if job.dataset is None:
        kwargs["use_default_graph_as_union"] = True
    else:
        # only graphs of the store: pyoxigraph never loads a FROM graph from anywhere else
        kwargs["default_graph"] = [ox.NamedNode(str(g)) for g in job.dataset.default] or [ox.NamedNode(str(NO_GRAPH))]
        kwargs["named_graphs"] = [ox.NamedNode(str(g)) for g in job.dataset.named] or [ox.NamedNode(str(NO_GRAPH))]
    result = store._store.query(bind_values(job.query, job.bindings), **kwargs)
    if isinstance(result, ox.QueryBoolean):
        return Answer("ASK", boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        triples = [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
                   for t in islice(result, job.max_rows + 1)]
        return Answer(job.form, triples=triples[: job.max_rows], truncated=len(triples) > job.max_rows)
    names = [v.value for v in result.variables]
    rows = []
    for solution in islice(result, job.max_rows + 1):
        rows.append({n: from_ox(solution[n]) for n in names if solution[n] is not None})
    return Answer("SELECT", variables=names, rows=rows[: job.max_rows], truncated=len(rows) > job.max_rows)


def _remote_answer(store, job: _Job, timeout_s: float) -> Answer:
    """Ask a remote SPARQL server over the protocol, restricted to graphs it holds."""
    from .remote import from_json

    query = bind_values(job.query, job.bindings)
    if job.base_iri:
        query = f"BASE <{job.base_iri}>\n{query}"
    form: list[tuple[str, str]] = [("query", query)]
    if job.dataset is not None:
        default = [g for g in job.dataset.default if store.has_graph(g)] or [NO_GRAPH]
        named = [g for g in job.dataset.named if store.has_graph(g)] or [NO_GRAPH]
        form += [("default-graph-uri", str(g)) for g in default] + [("named-graph-uri", str(g)) for g in named]
    if job.form in ("CONSTRUCT", "DESCRIBE"):
        body, _ = store._post(store.query_url, form, GRAPH_TYPES["nt"], timeout=timeout_s)
        graph = Graph()
        try:
            graph.parse(data=body.decode("utf-8"), format="nt")
        except Exception as exc:
            raise StoreError(f"the SPARQL server sent no N-Triples: {body[:200]!r}") from exc
        triples = list(islice(iter(graph), job.max_rows + 1))
        return Answer(job.form, triples=triples[: job.max_rows], truncated=len(triples) > job.max_rows)
    body, _ = store._post(store.query_url, form, RESULT_TYPES["json"], timeout=timeout_s)
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise StoreError(f"the SPARQL server sent no JSON results: {body[:200]!r}") from exc
    if "boolean" in data:
        return Answer("ASK", boolean=bool(data["boolean"]))
    names = data.get("head", {}).get("vars", [])
    bindings = data.get("results", {}).get("bindings", [])
    rows = [{k: from_json(v) for k, v in row.items()} for row in bindings[: job.max_rows]]
    return Answer("SELECT", variables=names, rows=rows, truncated=len(bindings) > job.max_rows)


def _generic_answer(store: Store, job: _Job) -> Answer:
    """Any other Store: through its small interface (no dataset, no row streaming)."""
    if job.dataset is not None:
        raise QueryError("this store does not support FROM / FROM NAMED or a protocol dataset")
    if job.form == "ASK":
        return Answer("ASK", boolean=store.ask(job.query, job.bindings))
    if job.form == "SELECT":
        rows = store.select_terms(job.query, job.bindings)
        names: list[str] = []
        for row in rows:
            names.extend(k for k in row if k not in names)
        return Answer("SELECT", names, rows[: job.max_rows], truncated=len(rows) > job.max_rows)
    body, _ = store.raw_query(job.query, "nt")
    graph = Graph().parse(data=body.decode("utf-8"), format="nt")
    triples = list(islice(iter(graph), job.max_rows + 1))
    return Answer(job.form, triples=triples[: job.max_rows], truncated=len(triples) > job.max_rows)


# ---------------------------------------------------------------------------- writing


def write_results(answer: Answer, fmt: str) -> bytes:
    """A SELECT or ASK answer in a SPARQL results format (json, xml, csv, tsv)."""
    return {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt](answer)


def write_graph(triples: Sequence[tuple[Node, Node, Node]], fmt: str) -> bytes:
    """Triples as Turtle, N-Triples, JSON-LD or RDF/XML."""
    graph = Graph()
    graph.bind("ig", "https://w3id.org/incidentgraph/ns#")
    graph.bind("schema", "https://schema.org/")
    for triple in triples:
        graph.add(triple)
    data = graph.serialize(format=_RDFLIB_FORMATS[fmt], encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _json_term(term: Node) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def _json(answer: Answer) -> bytes:
    if answer.form == "ASK":
        doc: dict = {"head": {}, "boolean": bool(answer.boolean)}
    else:
        doc = {"head": {"vars": answer.variables},
               "results": {"bindings": [{k: _json_term(v) for k, v in row.items()} for row in answer.rows]}}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _xml_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    attrs = ""
    if term.language:
        attrs = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype and term.datatype != XSD.string:
        attrs = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attrs}>{escape(str(term))}</literal>"


def _xml(answer: Answer) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    if answer.form == "ASK":
        out.append(f"</head>\n<boolean>{'true' if answer.boolean else 'false'}</boolean>\n</sparql>\n")
        return "".join(out).encode("utf-8")
    out.extend(f"<variable name={quoteattr(v)}/>" for v in answer.variables)
    out.append("</head>\n<results>\n")
    for row in answer.rows:
        out.append("<result>")
        out.extend(f"<binding name={quoteattr(k)}>{_xml_term(v)}</binding>" for k, v in row.items())
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out).encode("utf-8")


def _csv(answer: Answer) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if answer.form == "ASK":  # not defined by the CSV results spec; written as Jena does
        writer.writerows([["_askResult"], ["true" if answer.boolean else "false"]])
    else:
        writer.writerow(answer.variables)
        for row in answer.rows:
            writer.writerow([_csv_value(row.get(v)) for v in answer.variables])
    return buffer.getvalue().encode("utf-8")


def _csv_value(term: Optional[Node]) -> str:
    if term is None:
        return ""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _tsv(answer: Answer) -> bytes:
    if answer.form == "ASK":
        return f"?_askResult\n{'true' if answer.boolean else 'false'}\n".encode("utf-8")
    lines = ["\t".join("?" + v for v in answer.variables)]
    for row in answer.rows:
        lines.append("\t".join(_tsv_value(row.get(v)) for v in answer.variables))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _tsv_value(term: Optional[Node]) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        term = Literal(str(term))
    return term.n3().replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
