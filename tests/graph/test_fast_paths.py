"""The performance paths of the embedded store and the read side give the same answers as
the general ones: new graphs written with ``extend``, the merged graph written as a
difference, ``select`` converting straight from pyoxigraph, the cached timeline order and
projection state, and the decomposed ``linked_entities``."""
from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef

from benchmarks.synthetic import extractions
from graph import merged, network, queries
from graph.embedded import EmbeddedStore
from graph.errors import StoreError
from graph.namespace import MERGED_GRAPH
from graph.rdf import document_triples
from graph.store import Store


def _fill(store, n=60, start=0):
    for k, x in enumerate(extractions(n)):
        if k >= start:
            g, triples = document_triples(x)
            store.replace_graph(g, triples)


def _graph(store, g):
    return sorted((str(r["s"]), str(r["p"]), r["o"].n3()) for r in store.select_terms(
        "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": g}))


@pytest.fixture
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


def test_new_and_existing_graphs_are_replaced_whole(store):
    g = URIRef("https://example.org/g")
    a, p = URIRef("https://example.org/a"), URIRef("https://example.org/p")
    store.replace_graph(g, [(a, p, Literal("one")), (a, p, Literal(2))])  # new graph: extend
    assert len(_graph(store, g)) == 2
    store.replace_graph(g, [(a, p, Literal("three"))])  # existing graph: DROP + INSERT
    assert [(s, p_, o.split("^^")[0]) for s, p_, o in _graph(store, g)] == [(str(a), str(p), '"three"')]
    with pytest.raises(StoreError):
        store.replace_graph(URIRef("https://example.org/h"), [(a, p, BNode())])
    assert not store.has_graph(URIRef("https://example.org/h"))


def test_select_gives_the_values_of_the_general_path(store):
    _fill(store, 30)
    merged.rebuild(store)
    query = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    fast, general = store.select(query), Store.select(store, query)
    assert fast == general
    assert [{k: type(v) for k, v in r.items()} for r in fast] == [{k: type(v) for k, v in r.items()} for r in general]


def test_merged_graph_written_as_a_difference_equals_a_full_rewrite(store):
    _fill(store, 40)
    merged.rebuild(store)
    _fill(store, 60, start=40)
    store.update(f'INSERT DATA {{ GRAPH <{MERGED_GRAPH}> {{ <urn:x> <urn:y> "stray \\"line\\"\\n" }} }}')
    merged.rebuild(store)  # the difference: new documents' incidents in, the stray triple out
    _assert_a_fresh_build_gives_the_same(store)


def _assert_a_fresh_build_gives_the_same(store):
    written = _graph(store, MERGED_GRAPH)
    store.remove_graph(MERGED_GRAPH)
    merged.rebuild(store)
    assert written == _graph(store, MERGED_GRAPH)
    assert not merged.is_stale(store)


def test_a_large_merged_graph_is_written_in_chunks_and_equals_one_update(store, monkeypatch):
    _fill(store, 40)
    merged.rebuild(store)
    whole = _graph(store, MERGED_GRAPH)
    updates = []
    real = store.update
    monkeypatch.setattr(store, "update", lambda u: (updates.append(u), real(u))[1])
    monkeypatch.setattr(merged, "CHUNK", 50)
    store.remove_graph(MERGED_GRAPH)
    updates.clear()
    merged.rebuild(store)  # a first build of hundreds of triples: many chunks
    assert _graph(store, MERGED_GRAPH) == whole and len(whole) > 500
    assert "DELETE WHERE" in updates[0] and "sourceCount" in updates[0]  # the marker went first
    _fill(store, 60, start=40)
    merged.rebuild(store)  # a difference larger than a chunk
    monkeypatch.setattr(merged, "CHUNK", 10**9)
    _assert_a_fresh_build_gives_the_same(store)


def test_a_chunked_write_stopped_half_way_leaves_a_graph_that_says_it_is_stale(store, monkeypatch):
    _fill(store, 40)
    merged.rebuild(store)
    _fill(store, 60, start=40)
    monkeypatch.setattr(merged, "CHUNK", 50)
    real, calls = store.add_to_graph, []

    def dies_on_the_third_chunk(graph, triples):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real(graph, triples)

    monkeypatch.setattr(store, "add_to_graph", dies_on_the_third_chunk)
    with pytest.raises(KeyboardInterrupt):
        merged.rebuild(store)
    assert merged.is_stale(store)  # so the next ingest rebuilds it
    monkeypatch.undo()
    merged.rebuild(store)
    assert not merged.is_stale(store)


def test_cached_timeline_and_projection_follow_writes(store):
    _fill(store, 30)
    merged.rebuild(store)
    first = queries.timeline(store, queries.TimelineFilter(limit=500))
    projection = network.Projection()
    g1 = projection.get(store)
    assert projection.get(store) is g1  # nothing changed: the same graph, no rebuild
    _fill(store, 60, start=30)
    merged.rebuild(store)
    after = queries.timeline(store, queries.TimelineFilter(limit=500))
    assert len(after) > len(first)
    assert projection.get(store) is not g1
    # the cached order gives what the SPARQL order gives, filters included
    f = queries.TimelineFilter(limit=7, offset=3, type=after[0].type, since=after[0].start)
    cached = [r.to_json() for r in queries.timeline(store, f)]
    f.facility = None
    token = store.change_token
    try:
        store.change_token = None  # hide the token: the general SPARQL path
        assert cached == [r.to_json() for r in queries.timeline(store, f)]
    finally:
        store.change_token = token


def test_linked_entities_of_every_entity_have_their_incidents(store):
    _fill(store, 40)
    merged.rebuild(store)
    rows = store.select(queries.PREFIXES + f"SELECT ?e WHERE {{ GRAPH <{MERGED_GRAPH}> {{ ?e ig:entityKind \"facility\" }} }}")
    for r in rows[:10]:
        linked = queries.linked_entities(store, r["e"])
        assert all(x["iri"] != r["e"] and x["label"] and x["incident"] for x in linked)
        labels = [(x["label"], x["date"] is not None, x["date"]) for x in linked]
        assert labels == sorted(labels, key=lambda t: (t[0], t[1], t[2] or __import__("datetime").date.min))
