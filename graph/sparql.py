"""Run a user's read query safely, within limits, and write the answer in a standard format.

Every query first passes the gate (``graph.gate``): updates and SERVICE are refused, and
FROM / FROM NAMED only ever select graphs of the store. Then it runs under the limits of
``graph.settings``:

- **Timeout.** pyoxigraph cannot interrupt a running query, so an embedded query runs in a
  worker process (``graph/sparql_worker.py``, a fresh interpreter) on a snapshot of the
  store: a RocksDB checkpoint made with ``Store.backup`` (hard links, about 0.1 s), taken
  again only after the store was written (``EmbeddedStore.generation``). The parent waits on
  the worker's pipe until the deadline, then kills it with SIGKILL and reaps it: the work
  really stops, and the next query gets a new worker (about 0.1 s to start).
  Why not simpler: ``Store.read_only`` on the live folder is undefined behaviour while this
  process writes it (pyoxigraph's documentation), and forking this process deadlocked in
  tests when a RocksDB background thread held a lock at the moment of the fork.
  A remote query gets the timeout as its socket timeout (the server's own work stops only if
  the server has a time limit of its own, e.g. ``oxigraph serve --timeout-s``).
- **Row cap.** At most ``max_rows`` rows (or triples) are kept; ``truncated`` says so.

Results are written here from rdflib terms, so both stores give the same bytes.
"""
from __future__ import annotations

import atexit
import csv
import io
import json
import os
import pickle
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence
from xml.sax.saxutils import escape, quoteattr

from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from . import gate
from .errors import QueryError, QueryTimeout, QueryTooLarge, StoreError
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

    if isinstance(store, EmbeddedStore) and getattr(store, "_store", None) is not None:
        return _embedded_answer(store, job, limits.query_timeout_s)
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


class _Snapshot:
    """A RocksDB checkpoint of the store (hard links, so cheap), read by the query workers."""

    def __init__(self, store, generation):
        self.generation = generation
        parent = Path(store.path).resolve().parent
        self.path = tempfile.mkdtemp(dir=parent, prefix=f".{Path(store.path).name}.sparql-snapshot-")
        os.rmdir(self.path)  # backup() creates the folder itself
        try:
            store._store.backup(self.path)
        except OSError as exc:
            shutil.rmtree(self.path, ignore_errors=True)
            raise StoreError(f"cannot snapshot the store for querying: {exc}") from exc
        self.users = 0
        self.current = True

    def release(self) -> None:
        if not self.current and self.users == 0:
            shutil.rmtree(self.path, ignore_errors=True)


class _Worker:
    """One query worker process (``graph/sparql_worker.py``)."""

    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-I", str(_WORKER_SCRIPT)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, bufsize=0, close_fds=True)

    def ask(self, job: dict, timeout_s: float):
        data = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        self.proc.stdin.write(struct.pack(">Q", len(data)) + data)
        self.proc.stdin.flush()
        deadline = time.monotonic() + timeout_s
        head = self._read(8, deadline)
        (size,) = struct.unpack(">Q", head)
        return pickle.loads(self._read(size, deadline))

    def _read(self, size: int, deadline: float) -> bytes:
        fd, chunks, got = self.proc.stdout.fileno(), [], 0
        while got < size:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _Deadline()
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, min(size - got, 1 << 20))
                if not chunk:
                    raise StoreError("the query worker ended without an answer")
                chunks.append(chunk)
                got += len(chunk)
        return b"".join(chunks)

    def kill(self) -> None:
        """Stop the worker at once (SIGKILL) and reap it: its query stops with it."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass


class _Deadline(Exception):
    pass


class _Pool:
    """The workers and the current snapshot of one embedded store."""

    MAX_IDLE = 4

    def __init__(self):
        self.lock = threading.Lock()
        self.idle: list[_Worker] = []
        self.snapshot: Optional[_Snapshot] = None

    def run(self, store, job: dict, timeout_s: float):
        snapshot = self._acquire_snapshot(store)
        worker = self._acquire_worker()
        try:
            reply = worker.ask({**job, "snapshot": snapshot.path}, timeout_s)
        except _Deadline:
            worker.kill()
            raise QueryTimeout(f"the query ran longer than {timeout_s:g} s (query_timeout_s) and was "
                               "stopped; narrow it down, e.g. with more specific patterns or a LIMIT") from None
        except OSError as exc:  # the worker died (out of memory, killed from outside …)
            worker.kill()
            raise StoreError(f"the query worker failed: {exc}") from exc
        except BaseException:
            worker.kill()
            raise
        else:
            self._release_worker(worker)
        finally:
            with self.lock:
                snapshot.users -= 1
                snapshot.release()
        return reply

    def _acquire_snapshot(self, store) -> _Snapshot:
        with self.lock:
            generation = getattr(store, "generation", None)
            if self.snapshot is None or generation is None or generation != self.snapshot.generation:
                old, self.snapshot = self.snapshot, _Snapshot(store, generation)
                if old is not None:
                    old.current = False
                    old.release()
            self.snapshot.users += 1
            return self.snapshot

    def _acquire_worker(self) -> _Worker:
        with self.lock:
            while self.idle:
                worker = self.idle.pop()
                if worker.proc.poll() is None:
                    return worker
                worker.kill()
        return _Worker()

    def _release_worker(self, worker: _Worker) -> None:
        with self.lock:
            if len(self.idle) < self.MAX_IDLE:
                self.idle.append(worker)
                return
        worker.kill()

    def shutdown(self) -> None:
        with self.lock:
            workers, self.idle = self.idle, []
            snapshot, self.snapshot = self.snapshot, None
        for worker in workers:
            worker.kill()
        if snapshot is not None:
            snapshot.current = False
            snapshot.release()


_WORKER_SCRIPT = Path(__file__).with_name("sparql_worker.py")
_pools: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_pools_lock = threading.Lock()


def _pool_for(store) -> _Pool:
    with _pools_lock:
        pool = _pools.get(store)
        if pool is None:
            _remove_stale_snapshots(store)
            pool = _pools[store] = _Pool()
            weakref.finalize(store, pool.shutdown)
            _all_pools.add(pool)
        return pool


_all_pools: "weakref.WeakSet[_Pool]" = weakref.WeakSet()


def _remove_stale_snapshots(store) -> None:
    """Snapshots left by a process that died: only one process can hold the store, so none is in use."""
    path = Path(store.path).resolve()
    for stale in path.parent.glob(f".{path.name}.sparql-snapshot-*"):
        shutil.rmtree(stale, ignore_errors=True)


@atexit.register
def _shutdown_all() -> None:
    for pool in list(_all_pools):
        pool.shutdown()


def shutdown_workers(store) -> None:
    """Stop a store's query workers and remove its snapshot (also done at exit)."""
    pool = _pools.pop(store, None)
    if pool is not None:
        pool.shutdown()


def _embedded_answer(store, job: _Job, timeout_s: float) -> Answer:
    """Evaluate in a worker process on a snapshot of the store, killed at the deadline."""
    dataset = None
    if job.dataset is not None:
        dataset = ([str(g) for g in job.dataset.default], [str(g) for g in job.dataset.named])
    reply = _pool_for(store).run(store, {
        "query": bind_values(job.query, job.bindings), "dataset": dataset,
        "base_iri": job.base_iri, "max_rows": job.max_rows}, timeout_s)
    if reply[0] == "error":
        kind, message = reply[1], reply[2]
        if kind == "syntax":
            raise QueryError(f"SPARQL syntax error: {message}")
        if kind == "store":
            raise StoreError(f"the store could not be read: {message}")
        raise QueryError(f"query failed: {message}")
    answer = reply[1]
    if answer[0] == "ASK":
        return Answer("ASK", boolean=answer[1])
    if answer[0] == "GRAPH":
        triples = [tuple(_from_plain(t) for t in triple) for triple in answer[1]]
        return Answer(job.form, triples=triples, truncated=answer[2])
    rows = [{k: _from_plain(v) for k, v in row.items()} for row in answer[2]]
    return Answer("SELECT", variables=answer[1], rows=rows, truncated=answer[3])


def _from_plain(value) -> Node:
    kind = value[0]
    if kind == "uri":
        return URIRef(value[1])
    if kind == "bnode":
        return BNode(value[1])
    _, text, datatype, language = value
    if language:
        return Literal(text, lang=language)
    if datatype and datatype != str(XSD.string):
        return Literal(text, datatype=URIRef(datatype))
    return Literal(text)


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
    rows = [{k: _plain(from_json(v)) for k, v in row.items()} for row in bindings[: job.max_rows]]
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


def _plain(term: Optional[Node]) -> Optional[Node]:
    """RDF 1.1 literals without a language are xsd:string; rdflib compares them as plain."""
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    return term


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
    if not isinstance(term, Literal):
        return term.n3()
    text = (str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype and term.datatype != XSD.string:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'
