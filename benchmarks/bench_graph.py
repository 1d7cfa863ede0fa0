"""Graph analysis on a large synthetic store: the NetworkX projection and its algorithms.

    .venv/bin/python -m benchmarks.bench_graph [--quick] [--docs N]

Full size: 25,000 synthetic documents, about 50,000 incident reports (merged into fewer
incidents, since popular events are reported many times); quick: 2,000 documents.
"""
from __future__ import annotations

import argparse
import time

from .common import Figure, ms, p50, p95, save, show, timings
from .stores import embedded

FULL_DOCS = 25_000
QUICK_DOCS = 2_000


def pick_entities(store) -> dict[str, str]:
    """A typical facility (median number of incidents), the busiest facility and the busiest actor."""
    from graph.queries import M, PREFIXES

    rows = store.select(PREFIXES + f"""
SELECT ?e ?kind (COUNT(DISTINCT ?i) AS ?n) WHERE {{ GRAPH {M} {{
  ?i a ig:Incident . {{ ?i ig:target ?e }} UNION {{ ?i ig:perpetrator ?e }} ?e ig:entityKind ?kind }} }}
GROUP BY ?e ?kind ORDER BY DESC(?n) ?e""")
    facilities = [r for r in rows if r["kind"] == "facility"]
    actors = [r for r in rows if r["kind"] == "actor"]
    return {"typical facility": str(facilities[len(facilities) // 2]["e"]),
            "busiest facility": str(facilities[0]["e"]),
            "busiest actor": str(actors[0]["e"]),
            "second facility": str(facilities[len(facilities) // 3]["e"])}


def run(quick: bool = False, long: bool = False, docs: int | None = None) -> list[Figure]:
    from graph import network
    from graph.store import open_store

    n = docs or (QUICK_DOCS if quick else FULL_DOCS)
    folder, facts = embedded(n)
    size = f"{facts['reports']:,} reports / {facts['merged_incidents']:,} incidents"
    figs = [Figure("graph", f"store for graph & web: {n:,} docs", facts["quads"], "quads",
                   note=f"{size}; bulk load {facts['bulk_load_s']:.0f} s, merged.rebuild {facts['rebuild_s']:.0f} s")]
    reps = 3 if quick else 5
    with open_store(str(folder)) as store:
        ents = pick_entities(store)
        ts = timings(lambda: network.build(store), reps, warmup=0)
        g = network.build(store)
        figs.append(Figure("graph", f"projection build (full) @ {size}", ms(p50(ts)), "ms",
                           note=f"{g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges"))
        proj = network.Projection()
        proj.get(store)
        ts = timings(lambda: proj.get(store), 20 if not quick else 5)
        figs.append(Figure("graph", "Projection.get, nothing changed (cached)", ms(p50(ts)), "ms",
                           note=f"p95 {ms(p95(ts))} ms"))
        for label in ("typical facility", "busiest actor"):
            node = ents[label]
            ts = timings(lambda: network.ego(g, node, 2).number_of_nodes(), reps)
            figs.append(Figure("graph", f"ego radius 2, {label}", ms(p50(ts)), "ms",
                               note=f"{network.ego(g, node, 2).number_of_nodes():,} nodes"))
        a, b = ents["typical facility"], ents["second facility"]
        ts = timings(lambda: network.links(g, a, b), reps)
        figs.append(Figure("graph", "links between two facilities (<= 4 edges, 20 paths)", ms(p50(ts)), "ms",
                           note=f"{len(network.links(g, a, b))} paths"))
        t0 = time.perf_counter()
        network.central(g)
        figs.append(Figure("graph", "central (PageRank + sampled betweenness)", ms(time.perf_counter() - t0), "ms",
                           note=f"betweenness from {min(network.BETWEENNESS_SAMPLE, g.number_of_nodes())} sampled sources"
                           if g.number_of_nodes() > network.EXACT_UP_TO else "exact betweenness"))
        t0 = time.perf_counter()
        network.central(g)
        figs.append(Figure("graph", "central again, same projection (cached)", ms(time.perf_counter() - t0), "ms"))
        from graph import analysis

        t0 = time.perf_counter()
        groups = analysis.communities(g)
        figs.append(Figure("graph", "communities (Louvain), first time on a projection", ms(time.perf_counter() - t0), "ms",
                           note=f"{len(groups)} clusters"))
    return figs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--docs", type=int)
    a = ap.parse_args()
    figs = run(a.quick, docs=a.docs)
    show(figs)
    save(figs, "graph")


if __name__ == "__main__":
    main()
