"""Stores validate against the SHACL shapes; a broken graph does not."""
from rdflib import Literal, URIRef

from graph import merged
from graph.namespace import IG
from graph.rdf import document_triples
from graph.validate import validate
from tests.conftest import berth_extraction


def test_a_stored_document_and_its_merged_view_conform(store):
    store.replace_graph(*document_triples(berth_extraction()))
    merged.rebuild(store)
    conforms, report = validate(store)
    assert conforms, report


def test_a_wrong_incident_type_and_inverted_interval_are_caught(store):
    g, triples = document_triples(berth_extraction())
    bad = []
    for s, p, o in triples:
        if p == IG.incidentType:
            o = Literal("alien_invasion")
        if p == IG.earliest:
            o = Literal("2030-01-01", datatype=o.datatype)
        bad.append((s, p, o))
    store.replace_graph(g, bad)
    conforms, report = validate(store)
    assert not conforms
    assert "alien_invasion" in report and "LessThanOrEquals" in report
