"""The embedded store: atomic replacement, no duplicates, queries over the union of graphs."""
from datetime import date

import pytest
from rdflib import Dataset, Literal, URIRef

from graph import iris, merged, queries
from graph.errors import StoreError
from graph.rdf import document_triples
from graph.store import insert_update, open_store
from tests.conftest import berth_extraction


def test_storing_a_document_twice_duplicates_nothing(store):
    g, triples = document_triples(berth_extraction())
    store.replace_graph(g, triples)
    first = store.count_quads()
    store.replace_graph(g, triples)
    assert store.count_quads() == first == len(triples)
    assert store.has_graph(g)


def test_the_store_persists_on_disk(tmp_path):
    path = str(tmp_path / "s")
    s = open_store(path)
    g, triples = document_triples(berth_extraction())
    s.replace_graph(g, triples)
    s.close()
    again = open_store(path)
    assert again.has_graph(g) and again.count_quads() == len(triples)
    again.close()


def test_actors_linked_to_the_terminal_include_those_of_its_parts(store):
    g, triples = document_triples(berth_extraction())
    store.replace_graph(g, triples)
    merged.rebuild(store)
    terminal = iris.entity_iri("facility", "CPC terminal")
    linked = queries.actors_linked_to_facility(store, terminal)
    assert [(r["label"], r["date"]) for r in linked] == [("Ukraine", date(2025, 11, 29))]


def test_timeline_filters_by_type_and_facility(store):
    g, triples = document_triples(berth_extraction())
    store.replace_graph(g, triples)
    merged.rebuild(store)
    rows = queries.timeline(store)
    assert len(rows) == 1 and rows[0].type == "drone_strike" and rows[0].certain
    assert rows[0].targets == [(iris.entity_iri("facility", "Berth No. 2"), "Berth No. 2")]
    assert rows[0].evidence[0]["quote"].startswith("Drones struck berth No. 2")
    assert queries.timeline(store, queries.TimelineFilter(type="fire")) == []
    berth = str(iris.entity_iri("facility", "Berth No. 2"))
    assert len(queries.timeline(store, queries.TimelineFilter(facility=berth))) == 1
    assert len(queries.timeline(store, queries.TimelineFilter(since=date(2025, 12, 1)))) == 0


def test_hostile_text_stays_a_literal(store):
    text = 'PUBLISHED: 2025-01-01\n\n"} } ; DROP ALL ; INSERT DATA { <a> <b> "c\nberth No. 2 <script>'
    x = berth_extraction(BERTH := text.replace("berth No. 2", "berth No. 2") + " CPC terminal Ukraine Kazakhstan"
                         " Drones struck berth No. 2 of the CPC terminal Kazakhstan blamed Ukraine")
    g, triples = document_triples(x)
    store.replace_graph(g, triples)
    doc = queries.document(store, str(iris.document_iri(x.document.id)))
    assert doc["text"] == BERTH


def test_blank_nodes_are_refused():
    from rdflib import BNode
    with pytest.raises(StoreError):
        insert_update(URIRef("urn:g"), [(BNode(), URIRef("urn:p"), Literal(1))])


def test_export_round_trips_to_the_same_number_of_quads(store):
    g, triples = document_triples(berth_extraction())
    store.replace_graph(g, triples)
    ds = Dataset()
    ds.parse(data=store.export("trig").decode(), format="trig")
    assert len(ds) == len(triples)
    from rdflib import Graph
    for fmt, rdflib_fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        gr = Graph()
        gr.parse(data=store.export(fmt).decode(), format=rdflib_fmt)
        assert len(gr) == len(triples), fmt


class _CountingFlushes:
    """The real pyoxigraph store, with its flushes counted."""

    def __init__(self, real):
        self.real, self.flushes = real, 0

    def flush(self):
        self.flushes += 1
        self.real.flush()

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_the_embedded_store_flushes_its_write_buffers_every_few_writes(tmp_path, monkeypatch):
    """Oxigraph holds a session's writes in memory until a flush: a long ingest would grow
    by about 0.1 MB per document without these flushes."""
    monkeypatch.setenv("INCIDENTGRAPH_FLUSH_EVERY", "3")
    s = open_store(str(tmp_path / "s"))
    s._store = counting = _CountingFlushes(s._store)
    extraction = berth_extraction()
    graphs = []
    for i in range(7):
        g = URIRef(f"http://example.org/doc/{i}")
        graphs.append(g)
        s.replace_graph(g, document_triples(extraction)[1])
    assert counting.flushes == 2
    s.update("DROP SILENT GRAPH <http://example.org/doc/0>")
    s.replace_graph(graphs[1], document_triples(extraction)[1])  # an existing graph: DROP + INSERT
    assert counting.flushes == 3
    big = [(URIRef(f"http://example.org/s/{i}"), URIRef("http://example.org/p"), URIRef("http://example.org/o"))
           for i in range(300)]
    s.add_to_graph(URIRef("http://example.org/big"), big)  # three documents' worth in one write
    assert counting.flushes == 4
    s._store = counting.real
    del counting  # the only other handle on the database: its lock goes with it
    s.close()
    again = open_store(str(tmp_path / "s"))
    assert not again.has_graph(graphs[0]) and all(again.has_graph(g) for g in graphs[1:])
    again.close()
