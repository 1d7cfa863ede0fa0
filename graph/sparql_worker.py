"""A query worker process: evaluates read queries on a snapshot of the embedded store.

Started by ``graph.sparql`` as a fresh interpreter running this file (not ``-m``, so it
imports nothing but the standard library and pyoxigraph and starts in a tenth of a second).
It opens a snapshot (a RocksDB checkpoint, see ``graph.sparql``) read-only, so it shares
nothing with the process that writes the store, and can be killed at any moment: that is
how a query past its time limit is stopped.

Protocol on stdin/stdout: frames of an 8-byte big-endian length and a pickle. A job is a
dict (snapshot, query, dataset, base_iri, max_rows); the reply is ``("ok", answer)`` with
terms as plain tuples, or ``("error", kind, message)``.
"""
import os
import pickle
import struct
import sys
from itertools import islice

NO_GRAPH = "urn:x-incidentgraph:no-graph"


def read_frame(stream):
    head = stream.read(8)
    if len(head) < 8:
        return None
    (size,) = struct.unpack(">Q", head)
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            return None
        data += chunk
    return pickle.loads(data)


def write_frame(stream, value) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">Q", len(data)) + data)
    stream.flush()


def term(ox, t):
    """A pyoxigraph term as a plain tuple: (uri, v) / (bnode, v) / (literal, v, datatype, lang)."""
    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return ("uri", t.value)
    if isinstance(t, ox.BlankNode):
        return ("bnode", t.value)
    if isinstance(t, ox.Literal):
        return ("literal", t.value, t.datatype.value if t.datatype else None, t.language)
    return ("literal", str(t), None, None)


def evaluate(ox, store, job):
    kwargs = {"base_iri": job.get("base_iri")}
    dataset = job.get("dataset")
    if dataset is None:
        kwargs["use_default_graph_as_union"] = True
    else:
        # only graphs of the store: pyoxigraph never loads a FROM graph from anywhere else
        default, named = dataset
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default or [NO_GRAPH]]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named or [NO_GRAPH]]
    max_rows = job["max_rows"]
    result = store.query(job["query"], **kwargs)
    if isinstance(result, ox.QueryBoolean):
        return ("ASK", bool(result))
    if isinstance(result, ox.QueryTriples):
        triples = [(term(ox, t.subject), term(ox, t.predicate), term(ox, t.object))
                   for t in islice(result, max_rows + 1)]
        return ("GRAPH", triples[:max_rows], len(triples) > max_rows)
    names = [v.value for v in result.variables]
    rows = []
    for solution in islice(result, max_rows + 1):
        rows.append({n: term(ox, solution[n]) for n in names if solution[n] is not None})
    return ("SELECT", names, rows[:max_rows], len(rows) > max_rows)


def main() -> None:
    import pyoxigraph as ox

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but frames may reach the parent's pipe
    store, opened = None, None
    while True:
        job = read_frame(stdin)
        if job is None:
            return
        try:
            if job["snapshot"] != opened:
                store = None
                store = ox.Store.read_only(job["snapshot"])
                opened = job["snapshot"]
            reply = ("ok", evaluate(ox, store, job))
        except SyntaxError as exc:
            reply = ("error", "syntax", str(exc))
        except OSError as exc:
            reply = ("error", "store", str(exc))
        except Exception as exc:  # noqa: BLE001 - evaluation errors (types, projection …)
            reply = ("error", "query", f"{type(exc).__name__}: {exc}")
        write_frame(stdout, reply)


if __name__ == "__main__":
    try:
        main()
    except (BrokenPipeError, KeyboardInterrupt):
        pass
    finally:
        os._exit(0)
