"""Store and SPARQL: load speed and example-query latency, embedded Oxigraph vs rdflib.

    .venv/bin/python -m benchmarks.bench_store [--quick] [--long] [--examples-only]

- load, per document: ``EmbeddedStore.replace_graph`` (one transaction per document);
- load, bulk: pyoxigraph ``bulk_load`` of the same documents as N-Quads;
- every example query (``graph.examples``, default parameters) through ``store.select``:
  p50/p95 at ~1M triples (quick: ~100k), and ~10M with --long. The defaults name real-world
  entities that the synthetic data lacks (no rows: they measure the plan only), so the
  examples with an entity parameter run a second time with a busy entity of the synthetic
  data (``busy_parameters``: the facility with parts hit most often, the most-documented
  entity, the most frequent speaker, the busiest operator);
- the same queries on an rdflib ``Dataset`` (union default graph) of the same data, each
  run in a child process with a time limit ("> N s" when hit).

``--examples-only`` measures the example queries on Oxigraph only (no load figures, no
rdflib): a quick check after changing a query or the shape of the merged graph.
"""
from __future__ import annotations

import argparse
import json
import os
import select
import subprocess
import tempfile
import time
from pathlib import Path

from .common import PYTHON, ROOT, Figure, ms, p50, p95, save, show, timings
from .stores import INGESTED_AT, embedded, full_nquads

TRIPLES_PER_DOC = 90  # about, for synthetic.extractions


def load_per_document(n: int) -> Figure:
    """Documents committed one by one through the store's public replace_graph."""
    from graph.rdf import document_triples
    from graph.store import open_store

    from .synthetic import extractions

    docs = [document_triples(x, INGESTED_AT) for x in extractions(n)]
    triples = sum(len(t) for _, t in docs)
    with tempfile.TemporaryDirectory() as tmp, open_store(tmp) as store:
        t0 = time.perf_counter()
        for g, t in docs:
            store.replace_graph(g, t)
        dt = time.perf_counter() - t0
    return Figure("store", f"load per document (replace_graph), {n:,} docs / {triples:,} triples",
                  round(triples / dt), "triples/s", note=f"{dt:.1f} s")


BUSY = {  # parameter name -> (what it is, query for the busiest such entity in the merged graph)
    "facility": ("facility with parts hit most often", """
SELECT ?x WHERE { GRAPH ?m { ?part ig:partOf ?x . ?i ig:target ?x } }
GROUP BY ?x ORDER BY DESC(COUNT(?i)) LIMIT 1"""),
    "entity": ("most-documented entity", """
SELECT ?x WHERE { GRAPH ?m { ?x ig:entityKind ?k ; ig:sourceDocument ?d } }
GROUP BY ?x ORDER BY DESC(COUNT(?d)) LIMIT 1"""),
    "speaker": ("most frequent speaker", "SELECT ?x WHERE { ?c ig:speaker ?x } GROUP BY ?x ORDER BY DESC(COUNT(?c)) LIMIT 1"),
    "operator": ("busiest operator", """
SELECT ?x WHERE { GRAPH ?m { ?f ig:operator ?x } } GROUP BY ?x ORDER BY DESC(COUNT(?f)) LIMIT 1"""),
}


def busy_parameters(store) -> dict[str, tuple[str, str]]:
    """For each entity parameter of the examples: (IRI, what it is) of a busy such entity."""
    from graph.namespace import MERGED_GRAPH
    from graph.queries import PREFIXES

    out = {}
    for name, (what, query) in BUSY.items():
        rows = store.select(PREFIXES + query, {"m": MERGED_GRAPH})
        if rows:
            out[name] = (str(rows[0]["x"]), what)
    return out


def example_latency(folder: Path, label: str, reps: int) -> list[Figure]:
    from graph.examples import load_examples
    from graph.store import open_store

    out = []
    with open_store(str(folder)) as store:
        busy = busy_parameters(store)
        for ex in load_examples():
            query, bindings = ex.bind({})
            rows = []
            ts = timings(lambda: rows.append(len(store.select(query, bindings))), reps)
            out.append(Figure("sparql", f"{ex.name} @ {label} (oxigraph) p50", ms(p50(ts)), "ms",
                              "< 50 ms" if label == "1M" else "", p50(ts) < 0.05 if label == "1M" else None,
                              note=f"p95 {ms(p95(ts))} ms, {rows[-1]} rows"))
            values = {p.name: busy[p.name][0] for p in ex.parameters if p.name in busy}
            if not values:
                continue
            query, bindings = ex.bind(values)
            rows = []
            ts = timings(lambda: rows.append(len(store.select(query, bindings))), reps)
            what = ", ".join(f"{busy[n][1]} {v.rsplit('/', 1)[-1]}" for n, v in values.items())
            out.append(Figure("sparql", f"{ex.name} @ {label} (oxigraph, busy entity) p50", ms(p50(ts)), "ms",
                              note=f"p95 {ms(p95(ts))} ms, {rows[-1]} rows; {what}"))
    return out


def rdflib_latency(path: Path, label: str, reps: int, limit_s: float, load_limit_s: float) -> list[Figure]:
    """Each query in a child process; a query past limit_s is killed and reported as '> limit'."""
    from graph.examples import load_examples

    names = [e.name for e in load_examples()]
    out: list[Figure] = []
    load_s = None
    while names:
        proc = subprocess.Popen([PYTHON, "-m", "benchmarks.rdflib_child", str(path), str(reps), *names],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                env={**os.environ, "IG_RDFLIB_LIMIT_S": str(limit_s)})
        current, deadline = None, time.time() + load_limit_s
        try:
            while True:
                ready, _, _ = select.select([proc.stdout], [], [], max(0.0, deadline - time.time()))
                if not ready:  # past the limit
                    if current is None:
                        out.append(Figure("sparql", f"rdflib load @ {label}", f"> {load_limit_s:g}", "s"))
                        return out
                    out.append(Figure("sparql", f"{current} @ {label} (rdflib) p50", f"> {limit_s * 1000:,.0f}", "ms",
                                      note="killed at the time limit"))
                    names.remove(current)
                    break
                line = proc.stdout.readline()
                if not line:
                    names = []  # the child ended (all done, or crashed)
                    break
                msg = json.loads(line)
                if "loaded" in msg:
                    load_s = load_s or msg["loaded"]
                elif "timeout" in msg:  # the child killed its own forked query at the limit
                    out.append(Figure("sparql", f"{msg['timeout']} @ {label} (rdflib) p50", f"> {limit_s * 1000:,.0f}",
                                      "ms", note="killed at the time limit"))
                    names.remove(msg["timeout"])
                    current, deadline = None, time.time() + load_limit_s
                elif "start" in msg:
                    current, deadline = msg["start"], time.time() + limit_s * reps + 30
                elif "done" in msg:
                    t = msg["times"]
                    out.append(Figure("sparql", f"{msg['done']} @ {label} (rdflib) p50", ms(p50(t)), "ms",
                                      note=f"p95 {ms(p95(t))} ms, {msg['rows']} rows"))
                    names.remove(msg["done"])
                    current, deadline = None, time.time() + load_limit_s
        finally:
            proc.kill()
            proc.wait()
    if load_s is not None:
        out.insert(0, Figure("sparql", f"rdflib Dataset.parse N-Quads @ {label}", round(load_s, 1), "s"))
    return out


def ratios(figs: list[Figure], label: str) -> list[Figure]:
    ox = {f.name.split(" @ ")[0]: f.value for f in figs if f"@ {label} (oxigraph)" in f.name}
    rl = {f.name.split(" @ ")[0]: f.value for f in figs if f"@ {label} (rdflib)" in f.name}
    out = []
    for name, v in ox.items():
        r = rl.get(name)
        if r is None:
            continue
        if isinstance(r, str):
            limit = float(r[2:].replace(",", ""))
            out.append(Figure("sparql", f"{name} @ {label}: rdflib / oxigraph", f"> {limit / max(v, 0.1):,.0f}", "x"))
        else:
            out.append(Figure("sparql", f"{name} @ {label}: rdflib / oxigraph", round(r / max(v, 0.1), 1), "x"))
    return out


def run(quick: bool = False, long: bool = False, examples_only: bool = False) -> list[Figure]:
    figs: list[Figure] = []
    per_doc = 500 if quick else 3000
    if not examples_only:
        figs.append(load_per_document(per_doc))
    sizes = [("100k", 1_150)] if quick else [("1M", 11_200)]
    if long:
        sizes.append(("10M", 112_000))
    for label, n in sizes:
        folder, facts = embedded(n)
        figs.append(Figure("store", f"bulk_load N-Quads @ {label} ({facts['triples']:,} triples, {n:,} docs)",
                           round(facts["triples"] / facts["bulk_load_s"]), "triples/s",
                           note=f"{facts['bulk_load_s']:.1f} s"))
        figs.append(Figure("store", f"merged.rebuild @ {label} ({n:,} docs)", round(facts["rebuild_s"], 1), "s",
                           note=f"{facts['merged_incidents']:,} merged incidents from {facts['reports']:,} reports"))
        figs += example_latency(folder, label, 5 if quick else 10)
    if examples_only:
        return figs
    # rdflib on the same data as the first size
    label, n = sizes[0]
    path = full_nquads(n)
    rl = rdflib_latency(path, label, 3 if quick else 2, limit_s=10 if quick else 20, load_limit_s=600 if quick else 1800)
    figs += rl
    figs += ratios(figs, label)
    return figs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--long", action="store_true")
    ap.add_argument("--examples-only", action="store_true", help="only the example queries on Oxigraph")
    a = ap.parse_args()
    figs = run(a.quick, a.long, a.examples_only)
    show(figs)
    save(figs, "store-examples" if a.examples_only else "store")


if __name__ == "__main__":
    main()
