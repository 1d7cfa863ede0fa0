"""Alternating A/B rounds of the write paths that were optimised, in one process, so a busy
machine slows both sides alike: each figure is the best of the rounds, and the ratio is
general path / fast path.

    .venv/bin/python -m benchmarks.bench_ab [--quick]

- a new document graph: one SPARQL update (DROP + INSERT DATA, ``Store.replace_graph``)
  against pyoxigraph quads in one transaction (``EmbeddedStore.replace_graph``);
- the merged graph after an ingest of a few documents: rewritten whole
  (``replace_graph``) against written as the difference (``graph.merged.write``);
- SELECT rows as Python values: through rdflib terms (``Store.select``) against straight
  from pyoxigraph terms (``EmbeddedStore.select``).
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from .common import Figure, save, show
from .stores import INGESTED_AT, embedded


def _best(fns: dict, rounds: int) -> dict[str, float]:
    best = {k: float("inf") for k in fns}
    for _ in range(rounds):
        for k, fn in fns.items():  # alternate
            t = fn()
            best[k] = min(best[k], t)
    return best


def run(quick: bool = False, long: bool = False) -> list[Figure]:
    from graph import merged
    from graph.embedded import EmbeddedStore
    from graph.namespace import MERGED_GRAPH
    from graph.rdf import document_triples
    from graph.store import Store

    from .synthetic import extractions

    figs: list[Figure] = []
    rounds = 3
    n = 200 if quick else 1000
    docs = [document_triples(x, INGESTED_AT) for x in extractions(n)]
    triples = sum(len(t) for _, t in docs)
    tmp = Path(tempfile.mkdtemp(prefix="ig-bench-ab-"))
    try:
        def load(general: bool):
            def go():
                folder = tmp / ("g" if general else "f")
                shutil.rmtree(folder, ignore_errors=True)
                store = EmbeddedStore(folder)
                t0 = time.perf_counter()
                for g, t in docs:
                    (Store.replace_graph if general else EmbeddedStore.replace_graph)(store, g, t)
                dt = time.perf_counter() - t0
                store.close()
                return dt
            return go

        best = _best({"update": load(True), "extend": load(False)}, rounds)
        figs.append(Figure("ab", f"new document graphs, SPARQL update (before), {n} docs", round(triples / best["update"]),
                           "triples/s"))
        figs.append(Figure("ab", f"new document graphs, pyoxigraph extend (after), {n} docs", round(triples / best["extend"]),
                           "triples/s", note=f"{best['update'] / best['extend']:.2f}x the update path"))

        size = 1_150 if quick else 11_200
        src, facts = embedded(size)
        folder = tmp / "m"
        shutil.copytree(src, folder)
        store = EmbeddedStore(folder)
        extra = [document_triples(x, INGESTED_AT) for k, x in enumerate(extractions(size + 20)) if k >= size]
        for g, t in extra:
            store.replace_graph(g, t)
        view = merged.compute(store)
        new = list(dict.fromkeys(merged.triples(view, merged.document_count(store))))
        old = list(dict.fromkeys(
            (r["s"], r["p"], r["o"]) for r in store.select_terms(
                "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": MERGED_GRAPH})))

        def put_back():  # the merged graph as before the 20 documents
            store.replace_graph(MERGED_GRAPH, old)

        def whole():
            put_back()
            t0 = time.perf_counter()
            store.replace_graph(MERGED_GRAPH, new)
            return time.perf_counter() - t0

        def diff():
            put_back()
            t0 = time.perf_counter()
            merged.write(store, new)
            return time.perf_counter() - t0

        best = _best({"whole": whole, "diff": diff}, rounds)
        figs.append(Figure("ab", f"merged graph write after +20 docs @ {size:,} docs, whole (before)",
                           round(best["whole"] * 1000), "ms", note=f"{len(new):,} triples"))
        figs.append(Figure("ab", f"merged graph write after +20 docs @ {size:,} docs, difference (after)",
                           round(best["diff"] * 1000), "ms", note=f"{best['whole'] / best['diff']:.1f}x faster"))

        query = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
        rows = len(store.select(query, {"g": MERGED_GRAPH}))

        def timed(fn):
            def go():
                t0 = time.perf_counter()
                fn(store, query, {"g": MERGED_GRAPH})
                return time.perf_counter() - t0
            return go

        best = _best({"rdflib": timed(Store.select), "direct": timed(EmbeddedStore.select)}, rounds)
        figs.append(Figure("ab", f"select {rows:,} rows via rdflib terms (before)", round(best["rdflib"] * 1000), "ms"))
        figs.append(Figure("ab", f"select {rows:,} rows straight from pyoxigraph (after)", round(best["direct"] * 1000), "ms",
                           note=f"{best['rdflib'] / best['direct']:.1f}x faster"))
        store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return figs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    figs = run(a.quick)
    show(figs)
    save(figs, "ab")


if __name__ == "__main__":
    main()
