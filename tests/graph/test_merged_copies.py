"""Merged incidents carry convenience copies of their dates and source count, kept equal to
what they copy by both the full rebuild and the incremental write, and checked by the shapes."""
from dataclasses import replace
from datetime import date

from rdflib import XSD, Literal

from graph import merged
from graph.namespace import IG, MERGED_GRAPH
from graph.queries import PREFIXES
from graph.rdf import document_triples
from graph.validate import validate
from tests.conftest import BERTH_TEXT, berth_extraction

COPIES = PREFIXES + """
SELECT ?i ?earliest ?latest ?e2 ?l2 ?sources (COUNT(DISTINCT ?d) AS ?docs) WHERE { GRAPH ?m {
  ?i a ig:Incident ; ig:sourceCount ?sources ; ig:sourceDocument ?d .
  OPTIONAL { ?i ig:when ?w . ?w ig:earliest ?earliest ; ig:latest ?latest }
  OPTIONAL { ?i ig:earliestDate ?e2 } OPTIONAL { ?i ig:latestDate ?l2 }
} } GROUP BY ?i ?earliest ?latest ?e2 ?l2 ?sources"""


def copies(store):
    return store.select(COPIES, {"m": MERGED_GRAPH})


def test_rebuild_writes_the_copies(store):
    store.replace_graph(*document_triples(berth_extraction()))
    merged.rebuild(store)
    (row,) = copies(store)
    assert row["e2"] == row["earliest"] == date(2025, 11, 29) and row["l2"] == row["latest"] == date(2025, 11, 29)
    assert row["sources"] == row["docs"] == 1


def test_the_incremental_write_keeps_the_copies_equal(store):
    store.replace_graph(*document_triples(berth_extraction()))
    merged.rebuild(store)  # the first build replaces the graph; the next ones write the difference
    # a second source of the same strike that narrows nothing but widens the sources
    text = BERTH_TEXT.replace("2025-12-03", "2025-12-04")
    second = berth_extraction(text)
    second = replace(second, document=replace(second.document, path="berth-2.txt", title="Berth attack, again",
                                              published=date(2025, 12, 4)))
    store.replace_graph(*document_triples(second))
    merged.rebuild(store)
    rows = copies(store)
    assert rows and all(r["e2"] == r["earliest"] and r["l2"] == r["latest"] and r["sources"] == r["docs"] for r in rows)
    assert max(r["sources"] for r in rows) == 2
    # and a document gone: the copies follow
    store.remove_graph(document_triples(second)[0])
    merged.rebuild(store)
    (row,) = copies(store)
    assert row["sources"] == row["docs"] == 1 and row["e2"] == row["earliest"]


def test_the_shapes_catch_a_copy_that_disagrees(store):
    store.replace_graph(*document_triples(berth_extraction()))
    merged.rebuild(store)
    assert validate(store)[0]
    (row,) = copies(store)
    wrong = Literal("2025-11-30", datatype=XSD.date)
    store.update(PREFIXES + f"""
DELETE {{ GRAPH <{MERGED_GRAPH}> {{ ?i ig:earliestDate ?d }} }}
INSERT {{ GRAPH <{MERGED_GRAPH}> {{ ?i ig:earliestDate {wrong.n3()} }} }}
WHERE {{ GRAPH <{MERGED_GRAPH}> {{ ?i ig:earliestDate ?d }} }}""")
    conforms, report = validate(store)
    assert not conforms and "earliestDate" in report


def test_the_year_of_the_first_day_is_copied_and_checked(store):
    store.replace_graph(*document_triples(berth_extraction()))
    merged.rebuild(store)
    rows = store.select(PREFIXES + "SELECT ?y WHERE { GRAPH ?m { ?i ig:earliestYear ?y } }", {"m": MERGED_GRAPH})
    assert rows == [{"y": 2025}]
    store.update(PREFIXES + f"""
DELETE {{ GRAPH <{MERGED_GRAPH}> {{ ?i ig:earliestYear ?y }} }}
INSERT {{ GRAPH <{MERGED_GRAPH}> {{ ?i ig:earliestYear 2024 }} }}
WHERE {{ GRAPH <{MERGED_GRAPH}> {{ ?i ig:earliestYear ?y }} }}""")
    conforms, report = validate(store)
    assert not conforms and "earliestYear" in report
