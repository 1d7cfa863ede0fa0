"""The remote engine: ``oxigraph serve --union-default-graph`` through graph.remote.RemoteStore.

    .venv/bin/python -m benchmarks.bench_remote [--quick]

- ingest of extractions: documents committed one by one over the SPARQL protocol
  (``RemoteStore.replace_graph``, one update request each), then ``merged.rebuild``;
- example queries (default parameters) at ~1M triples (quick ~100k): the same N-Quads as
  bench_store, loaded into the server through its graph store endpoint;
- Debian's Virtuoso (``virtuoso-t``, when installed) at a small size: per-document loading,
  the merged graph (written in chunks into a staging graph, then moved over it:
  ``RemoteStore.replace_graph``; one INSERT DATA of it is refused from a few dozen documents
  on) and the example queries.
"""
from __future__ import annotations

import argparse
import time
import urllib.request

from .common import Figure, OxigraphServer, VirtuosoServer, ms, p50, p95, save, show, timings
from .stores import INGESTED_AT, full_nquads


def _per_document(name, server, docs, triples, quick) -> list[Figure]:
    """Documents one by one over the protocol, the merged view, then the example queries."""
    from graph import merged
    from graph.examples import load_examples
    from graph.remote import RemoteStore

    figs = []
    n = len(docs)
    store = RemoteStore(server.query_url)
    t0 = time.perf_counter()
    for g, t in docs:
        store.replace_graph(g, t)
    dt = time.perf_counter() - t0
    figs.append(Figure("remote", f"{name}: load per document over HTTP, {n:,} docs / {triples:,} triples",
                       round(triples / dt), "triples/s", note=f"{n / dt:.0f} docs/s, {dt:.1f} s"))
    t0 = time.perf_counter()
    view = merged.rebuild(store)
    figs.append(Figure("remote", f"{name}: merged.rebuild over HTTP, {n:,} docs", round(time.perf_counter() - t0, 1),
                       "s", note=f"{len(view.incidents):,} merged incidents; merged graph in INSERT DATA chunks "
                                 f"of {store.chunk_triples} triples, then one MOVE"))
    for ex in load_examples():
        query, bindings = ex.bind({})
        rows = []
        try:
            ts = timings(lambda: rows.append(len(store.select(query, bindings))), 3 if quick else 10)
        except Exception as exc:  # noqa: BLE001 - an engine may refuse a query
            figs.append(Figure("remote", f"{ex.name} @ {n:,} docs ({name}) p50", "error", note=str(exc)[:150]))
            continue
        figs.append(Figure("remote", f"{ex.name} @ {n:,} docs ({name}) p50", ms(p50(ts)), "ms",
                           note=f"p95 {ms(p95(ts))} ms, {rows[-1]} rows"))
    return figs


def run(quick: bool = False, long: bool = False) -> list[Figure]:
    from graph import merged
    from graph.examples import load_examples
    from graph.rdf import document_triples
    from graph.remote import RemoteStore

    from .synthetic import extractions

    figs: list[Figure] = []
    n = 300 if quick else 1500
    docs = [document_triples(x, INGESTED_AT) for x in extractions(n)]
    triples = sum(len(t) for _, t in docs)
    small = 50 if quick else 200  # Virtuoso commits a few documents a second: compared at a small size
    engines = [("oxigraph serve", OxigraphServer, n), ("oxigraph serve", OxigraphServer, small)]
    if VirtuosoServer.available():
        engines.append(("virtuoso", VirtuosoServer, small))
    else:
        figs.append(Figure("remote", "virtuoso", "not installed", note="apt-get install -y virtuoso-opensource"))
    for name, server_class, count in engines:
        part = docs[:count]
        try:
            with server_class() as server:
                figs += _per_document(name, server, part, sum(len(t) for _, t in part), quick)
        except Exception as exc:  # noqa: BLE001 - an optional engine that fails is reported, not fatal
            figs.append(Figure("remote", f"{name}", "failed", note=str(exc)[:200]))
    label, size = ("100k", 1_150) if quick else ("1M", 11_200)
    path = full_nquads(size)
    with OxigraphServer() as server:
        t0 = time.perf_counter()
        with path.open("rb") as body:
            req = urllib.request.Request(f"http://127.0.0.1:{server.port}/store", data=body, method="POST",
                                         headers={"Content-Type": "application/n-quads",
                                                  "Content-Length": str(path.stat().st_size)})
            urllib.request.build_opener(urllib.request.ProxyHandler({})).open(req, timeout=3600).read()
        dt = time.perf_counter() - t0
        store = RemoteStore(server.query_url)
        quads = store.count_quads()
        figs.append(Figure("remote", f"POST N-Quads to /store @ {label}", round(quads / dt), "triples/s",
                           note=f"{quads:,} quads, {dt:.1f} s"))
        reps = 5 if quick else 20
        for ex in load_examples():
            query, bindings = ex.bind({})
            rows = []
            ts = timings(lambda: rows.append(len(store.select(query, bindings))), reps)
            figs.append(Figure("remote", f"{ex.name} @ {label} (oxigraph serve) p50", ms(p50(ts)), "ms",
                               note=f"p95 {ms(p95(ts))} ms, {rows[-1]} rows"))
    return figs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    figs = run(a.quick)
    show(figs)
    save(figs, "remote")


if __name__ == "__main__":
    main()
