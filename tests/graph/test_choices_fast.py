"""The timeline's filter choices, read the fast way, equal the plain queries they replace:
the newest documents (dates first, then the query for those only) and the facilities,
perpetrators and places (distinct ones first, then part-of / located-in)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from rdflib import XSD, Literal, URIRef

from benchmarks.synthetic import extractions
from graph import merged, queries, webqueries
from graph.embedded import EmbeddedStore
from graph.queries import M, PREFIXES
from graph.rdf import document_triples


@pytest.fixture
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


def _fill(store, n=60, dates=None):
    for k, x in enumerate(extractions(n)):
        if dates is not None:
            x = replace(x, document=replace(x.document, published=dates(k)))
        store.replace_graph(*document_triples(x))
    merged.rebuild(store)


def _plain_documents(store, limit):
    rows = store.select(queries.DOCUMENTS_QUERY + (f" LIMIT {limit}" if limit is not None else ""))
    return [{"iri": r["d"], "title": r["title"], "published": queries._date(r.get("published")), "path": r.get("path"),
             "source": r.get("source")} for r in rows]


@pytest.mark.parametrize("limit", [1, 7, 20, 59, 60, 61, 500, None])
def test_newest_documents_equal_the_plain_query(store, limit):
    # few distinct days, so the cut falls among documents of the same day; some undated
    _fill(store, 60, dates=lambda k: None if k % 7 == 3 else date(2025, 1, 1 + k % 5))
    assert queries.documents(store, limit) == _plain_documents(store, limit)


def test_newest_documents_when_dates_cannot_tell(store):
    _fill(store, 30)
    expected = _plain_documents(store, 10)
    assert queries.documents(store, 10) == expected
    # something dated that is no document, and a date that is not an xsd:date
    other = URIRef("https://example.org/not-a-document")
    store.replace_graph(URIRef("https://example.org/g"), [
        (other, URIRef("https://schema.org/datePublished"), Literal(date(2099, 1, 1), datatype=XSD.date)),
        (URIRef("https://example.org/odd"), URIRef("https://schema.org/datePublished"), Literal("soon")),
    ])
    assert queries.documents(store, 10) == _plain_documents(store, 10) == expected
    assert queries.documents(store, 0) == []


def test_newest_documents_with_two_dates_for_one(store):
    _fill(store, 30)
    doc = queries.documents(store, 1)[0]["iri"]
    graph = store.select(PREFIXES + "SELECT ?g WHERE { ?d ig:graph ?g }", {"d": doc})[0]["g"]
    store.update(PREFIXES + f"INSERT DATA {{ GRAPH <{graph}> {{ <{doc}> schema:datePublished \"1990-01-01\"^^xsd:date }} }}")
    for limit in (1, 5, 31):
        assert queries.documents(store, limit) == _plain_documents(store, limit)


PLAIN_CHOICES = {
    "targeted_facilities": f"""
SELECT DISTINCT ?e ?label WHERE {{ GRAPH {M} {{
  ?i a ig:Incident ; ig:target ?t . ?t ig:partOf* ?e . ?e ig:entityKind "facility" .
  OPTIONAL {{ ?e rdfs:label ?label }}
}} }} ORDER BY LCASE(STR(?label)) ?e""",
    "perpetrators": f"""
SELECT DISTINCT ?e ?label WHERE {{ GRAPH {M} {{
  ?i a ig:Incident ; ig:perpetrator ?e . OPTIONAL {{ ?e rdfs:label ?label }}
}} }} ORDER BY LCASE(STR(?label)) ?e""",
    "incident_places": f"""
SELECT DISTINCT ?e ?label WHERE {{ GRAPH {M} {{
  ?i a ig:Incident ; ig:location ?l . ?l ig:locatedIn* ?e . ?e ig:entityKind "place" .
  OPTIONAL {{ ?e rdfs:label ?label }}
}} }} ORDER BY LCASE(STR(?label)) ?e""",
}


@pytest.mark.parametrize("name", sorted(PLAIN_CHOICES))
def test_filter_choices_equal_the_plain_queries(store, name):
    _fill(store, 80)
    # a whole above a targeted facility, and a place above a place: the closures matter
    facility = webqueries.targeted_facilities(store)[0][0]
    place = webqueries.incident_places(store)[0][0]
    store.update(PREFIXES + f"""INSERT DATA {{ GRAPH {M} {{
  <{facility}> ig:partOf <https://example.org/whole> .
  <https://example.org/whole> ig:entityKind "facility" ; <http://www.w3.org/2000/01/rdf-schema#label> "A whole" .
  <{place}> ig:locatedIn <https://example.org/region> .
  <https://example.org/region> ig:entityKind "place" .
}} }}""")
    got = getattr(webqueries, name)(store)
    assert got == webqueries._pairs(store.select(PREFIXES + PLAIN_CHOICES[name]))
    assert got
    if name == "targeted_facilities":
        assert (URIRef("https://example.org/whole"), "A whole") in got
    if name == "incident_places":
        assert URIRef("https://example.org/region") in [e for e, _ in got]
