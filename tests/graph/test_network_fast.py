"""The fast paths of the network analysis give the answers of the plain ones: betweenness
as sparse matrix products equals networkx's, the projection read from TSV equals the one read
through ``select``, and answers kept per projection follow the store's writes."""
from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Literal, URIRef

from benchmarks.synthetic import extractions
from graph import analysis, merged, network
from graph.embedded import EmbeddedStore
from graph.rdf import document_triples
from graph.store import Store


def _fill(store, n, start=0):
    for k, x in enumerate(extractions(n)):
        if k >= start:
            store.replace_graph(*document_triples(x))
    merged.rebuild(store)


@pytest.fixture
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


def _graphs():
    yield nx.path_graph(3)
    yield nx.star_graph(6)
    yield nx.cycle_graph(9)
    for seed in range(4):
        g = nx.gnm_random_graph(120, 260, seed=seed)
        g.add_edge(5, 5)  # a self-loop is no shortcut
        g.add_nodes_from(["alone", "also alone"])  # unreachable nodes, and names of another type
        g.add_edge("x", "y")  # a second component
        yield g


@pytest.mark.parametrize("k", [None, 1, 2, 40])
def test_betweenness_equals_networkx(k):
    for g in _graphs():
        kk = min(k, len(g)) if k else None
        expected = nx.betweenness_centrality(g, k=kk, seed=7 if kk else None)
        got = network.betweenness(g, k=kk, seed=7)
        assert got.keys() == expected.keys()
        for v in g:
            if expected[v] != expected[v]:  # NaN: one sampled source, no data for it
                assert got[v] != got[v]
            else:
                assert got[v] == pytest.approx(expected[v], abs=1e-12)


def test_betweenness_in_small_batches_is_the_same(monkeypatch):
    g = nx.gnm_random_graph(80, 200, seed=3)
    whole = network.betweenness(g, k=30, seed=7)
    monkeypatch.setattr(network, "BATCH_CELLS", 80 * 4)  # 4 sources per batch
    assert network.betweenness(g, k=30, seed=7) == pytest.approx(whole, abs=1e-12)


def test_central_does_not_depend_on_the_order_of_nodes(monkeypatch):
    monkeypatch.setattr(network, "EXACT_UP_TO", 10)  # sampled
    monkeypatch.setattr(network, "BETWEENNESS_SAMPLE", 15)
    base = nx.gnm_random_graph(60, 150, seed=5)
    answers = []
    for order in (sorted(base), sorted(base, reverse=True)):
        g = nx.MultiDiGraph()
        g.add_nodes_from((f"n{v:03}", {"label": f"n{v}", "kind": "facility"}) for v in order)
        g.add_edges_from((f"n{u:03}", f"n{v:03}", "target", {"role": "target"}) for u, v in base.edges())
        answers.append({r["iri"]: r for r in network.central(g, top=100)})
    assert answers[0].keys() == answers[1].keys()
    for iri, r in answers[0].items():
        assert answers[1][iri]["betweenness"] == pytest.approx(r["betweenness"], abs=1e-12)
        assert answers[1][iri]["pagerank"] == pytest.approx(r["pagerank"], abs=1e-9)


def test_betweenness_of_tiny_graphs():
    assert network.betweenness(nx.Graph()) == {}
    assert network.betweenness(nx.Graph([(1, 2)])) == {1: 0.0, 2: 0.0}


def test_central_on_a_store_matches_networkx(store):
    _fill(store, 40)
    g = network.build(store)
    simple = nx.Graph(g.to_undirected(as_view=True))
    pr = nx.pagerank(simple)
    bc = nx.betweenness_centrality(simple)  # small: exact
    rows = network.central(g, top=1000)
    kinds = {n for n in g if g.nodes[n]["kind"] in ("actor", "facility")}
    assert {r["iri"] for r in rows} == kinds
    assert rows == sorted(rows, key=lambda r: (-r["pagerank"], -r["degree"], r["label"] or ""))
    for r in rows:
        assert r["pagerank"] == pr[r["iri"]]
        assert r["betweenness"] == pytest.approx(bc[r["iri"]], abs=1e-12)
        assert r["degree"] == simple.degree(r["iri"])
    assert network.central(g, top=3) == rows[:3]


def test_central_of_one_kind_fills_its_top(store):
    _fill(store, 40)
    g = network.build(store)
    everyone = network.central(g, top=1000)
    for kind in ("actor", "facility"):
        mine = [r for r in everyone if r["kind"] == kind]
        assert mine, kind
        assert network.central(g, top=5, kind=kind) == mine[:5]
    assert network.central(g, top=5, kind="place") == []


def test_answers_are_kept_per_projection_and_follow_writes(store):
    _fill(store, 20)
    proj = network.Projection()
    g = proj.get(store)
    first = network.central(g, top=1000)
    first[0]["label"] = "changed by a caller"  # callers get copies
    assert network.central(g, top=1000)[0]["label"] != "changed by a caller"
    groups = analysis.communities(g)
    groups[0].append("changed by a caller")
    assert "changed by a caller" not in analysis.communities(g)[0]
    assert proj.get(store) is g  # nothing written: the same projection, the same answers
    _fill(store, 40, start=20)
    g2 = proj.get(store)
    assert g2 is not g
    assert {r["iri"] for r in network.central(g2, top=1000)} == {
        n for n in g2 if g2.nodes[n]["kind"] in ("actor", "facility")}
    assert len(g2) > len(g)


def test_co_targeting_with_a_minimum_is_the_start_of_the_list(store):
    _fill(store, 60)
    g = network.build(store)
    rows = analysis.co_targeting(g)
    assert rows and all(len(r["facilities"]) >= 1 for r in rows)
    for m in (2, 3):
        assert analysis.co_targeting(g, min_shared=m) == [r for r in rows if len(r["facilities"]) >= m]


class PlainStore(Store):
    """The embedded store answering only ``select``: the general path of the projection."""

    def __init__(self, inner):
        self.inner = inner

    def select(self, query, bindings=None):
        return self.inner.select(query, bindings)


def test_projection_from_tsv_equals_the_one_from_select(store):
    _fill(store, 50)
    fast, plain = network.build(store), network.build(PlainStore(store))
    # (the store's row order may differ from one query to the next: compare as sets)
    assert dict(fast.nodes(data=True)) == dict(plain.nodes(data=True))

    def edges(g):
        return sorted(((s, o, k, d) for s, o, k, d in g.edges(keys=True, data=True)), key=lambda e: e[:3])

    assert edges(fast) == edges(plain)
    assert fast.number_of_edges() > 0 and any(d["documents"] for _, _, d in fast.edges(data=True))


def test_plain_rows_falls_back_for_values_that_are_not_plain(store):
    g = URIRef("https://example.org/g")
    p = URIRef("https://example.org/p")
    odd = ['tab\there', 'quote " inside', 'back\\slash', 'line\nbreak', '']
    triples = [(URIRef(f"https://example.org/s{k}"), p, Literal(v)) for k, v in enumerate(odd)]
    store.replace_graph(g, triples)
    query = "SELECT ?s ?o WHERE { ?s <https://example.org/p> ?o } ORDER BY ?s"
    assert network.plain_rows(store, query, ("s", "o")) == [
        (f"https://example.org/s{k}", v) for k, v in enumerate(odd)]
    typed = "SELECT ?s ?n WHERE { ?s <https://example.org/p> ?o BIND(STRLEN(?o) AS ?n) } ORDER BY ?s"
    assert network.plain_rows(store, typed, ("s", "n")) == [
        (f"https://example.org/s{k}", str(len(v))) for k, v in enumerate(odd)]
    store.replace_graph(g, triples[:2] + [(URIRef("https://example.org/s9"), p, Literal("plain"))])
    plain = "SELECT ?s ?o WHERE { ?s <https://example.org/p> ?o FILTER(?o = \"plain\") }"
    assert network.plain_rows(store, plain, ("s", "o")) == [("https://example.org/s9", "plain")]
