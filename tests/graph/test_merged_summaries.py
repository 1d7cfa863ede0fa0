"""The summaries of the merged graph (``graph.merged.summary_triples``: sort keys, the titles
of an incident's sources, attacks per facility, incidents per month and type and per number
of sources) are written by the rebuild, kept by the incremental write, and checked by the
shapes."""
from dataclasses import replace
from datetime import date

from rdflib import Literal, URIRef

from benchmarks.synthetic import extractions
from graph import iris, merged
from graph.namespace import MERGED_GRAPH
from graph.queries import PREFIXES
from graph.rdf import document_triples
from graph.validate import validate
from tests.conftest import BERTH_TEXT, berth_extraction

M = {"m": MERGED_GRAPH}


def summaries(store) -> dict:
    one = lambda q: store.select(PREFIXES + q, M)  # noqa: E731
    return {
        "incidents": one("SELECT ?i ?key ?titles WHERE { GRAPH ?m { ?i a ig:Incident ; ig:dateSortKey ?key "
                         "OPTIONAL { ?i ig:sourceTitles ?titles } } } ORDER BY DESC(?key)"),
        "attacks": one("SELECT ?f ?n ?first ?last ?key WHERE { GRAPH ?m { ?f ig:attackCount ?n ; ig:attackSortKey ?key "
                       "OPTIONAL { ?f ig:firstAttack ?first } OPTIONAL { ?f ig:lastAttack ?last } } } ORDER BY ?f"),
        "months": one("SELECT (STR(?month) AS ?ym) ?type ?n WHERE { GRAPH ?m { ?c a ig:MonthlyCount ; ig:month ?month ; "
                      "ig:countedType ?type ; ig:incidentCount ?n } } ORDER BY ?ym ?type"),
        "sources": one("SELECT ?min ?n WHERE { GRAPH ?m { ?t a ig:SourceCountTally ; ig:minimumSources ?min ; "
                       "ig:incidentCount ?n } } ORDER BY ?min"),
    }


def test_rebuild_writes_the_summaries(store):
    store.replace_graph(*document_triples(berth_extraction()))
    merged.rebuild(store)
    s = summaries(store)
    assert [(r["key"], r["titles"]) for r in s["incidents"]] == [(20251129_000000, "Berth attack")]
    berth = iris.entity_iri("facility", "Berth No. 2")
    assert [(r["f"], r["n"], r["first"], r["last"], r["key"]) for r in s["attacks"]] == [
        (berth, 1, date(2025, 11, 29), date(2025, 11, 29), 1_000_000)]
    assert [(r["ym"], r["type"], r["n"]) for r in s["months"]] == [("2025-11", "drone_strike", 1)]
    assert [(r["min"], r["n"]) for r in s["sources"]] == [(1, 1)]


def test_the_incremental_write_keeps_the_summaries(store):
    store.replace_graph(*document_triples(berth_extraction()))
    merged.rebuild(store)  # the first build replaces the graph; the next ones write the difference
    second = berth_extraction(BERTH_TEXT.replace("2025-12-03", "2025-12-04"))
    second = replace(second, document=replace(second.document, path="berth-2.txt", title="Berth attack, again",
                                              published=date(2025, 12, 4)))
    store.replace_graph(*document_triples(second))
    merged.rebuild(store)
    s = summaries(store)
    assert [r["titles"] for r in s["incidents"]] == ["Berth attack | Berth attack, again"]
    assert [(r["min"], r["n"]) for r in s["sources"]] == [(2, 1)]
    store.remove_graph(document_triples(second)[0])
    merged.rebuild(store)
    assert [r["titles"] for r in summaries(store)["incidents"]] == ["Berth attack"]


def test_the_summaries_of_a_view_are_those_of_its_graph(store):
    """rebuild computes the summaries from the view; graph_facts, for graphs made by hand,
    reads the same facts back from the triples."""
    for x in extractions(20):
        store.replace_graph(*document_triples(x))
    view = merged.compute(store)
    base = list(merged._base_triples(view, 20))
    from_view = {(s, p, o.n3()) for s, p, o in merged.summary_triples(merged.view_facts(view), view.titles)}
    from_graph = {(s, p, o.n3()) for s, p, o in merged.summary_triples(merged.graph_facts(base), view.titles)}
    assert from_view == from_graph and len(from_view) > 100


def test_a_merged_graph_without_summaries_is_stale(store):
    """A merged graph built before the summaries existed is rebuilt by the next ingest."""
    store.replace_graph(*document_triples(berth_extraction()))
    merged.rebuild(store)
    assert not merged.is_stale(store)
    store.update(PREFIXES + f"DELETE WHERE {{ GRAPH {MERGED_GRAPH.n3()} {{ ?i ig:dateSortKey ?key }} }}")
    assert merged.is_stale(store)
    merged.rebuild(store)
    assert not merged.is_stale(store)


def test_keys_sort_like_date_then_iri():
    a, b, c, d = (URIRef(f"https://w3id.org/incidentgraph/id/incident/{x}") for x in "abcd")
    keys = merged.date_sort_keys({a: date(2024, 3, 5), b: date(2024, 3, 5), c: None, d: None})
    assert keys == {a: 20240305_000001, b: 20240305_000000, c: -1, d: -2}
    # ORDER BY DESC(?key) is ORDER BY DESC(?earliest) ?incident, the undated last
    assert sorted(keys, key=lambda i: -keys[i]) == [a, b, c, d]


def test_the_shapes_catch_summaries_that_disagree(store):
    for x in extractions(20):
        store.replace_graph(*document_triples(x))
    merged.rebuild(store)
    conforms, report = validate(store)
    assert conforms, report
    g = MERGED_GRAPH.n3()

    def swap(prop, first, second):
        store.update(PREFIXES + f"""
DELETE {{ GRAPH {g} {{ ?a {prop} ?ka . ?b {prop} ?kb }} }}
INSERT {{ GRAPH {g} {{ ?a {prop} ?kb . ?b {prop} ?ka }} }}
WHERE {{ GRAPH {g} {{ ?a {prop} ?ka . ?b {prop} ?kb }} VALUES (?a ?b) {{ ({first.n3()} {second.n3()}) }} }}""")

    # two incidents of one day whose keys no longer follow their IRIs
    day = store.select(PREFIXES + "SELECT ?d WHERE { GRAPH ?m { ?i ig:earliestDate ?d } } GROUP BY ?d "
                       "HAVING (COUNT(?i) > 1) ORDER BY ?d LIMIT 1", M)[0]["d"]
    a, b = [r["i"] for r in store.select(PREFIXES + "SELECT ?i WHERE { GRAPH ?m { ?i ig:earliestDate ?d } } ORDER BY ?i",
                                         {**M, "d": Literal(day)})][:2]
    swap("ig:dateSortKey", a, b)
    # two facilities attacked as often, likewise
    f1, f2 = [r["f"] for r in store.select(PREFIXES + "SELECT ?f WHERE { GRAPH ?m { ?f ig:attackCount 1 } } "
                                           "ORDER BY ?f LIMIT 2", M)]
    swap("ig:attackSortKey", f1, f2)
    # a wrong list of titles, a wrong count per month and per number of sources
    store.update(PREFIXES + f"""
DELETE {{ GRAPH {g} {{ {a.n3()} ig:sourceTitles ?t }} }} INSERT {{ GRAPH {g} {{ {a.n3()} ig:sourceTitles "Nothing" }} }}
WHERE {{ GRAPH {g} {{ {a.n3()} ig:sourceTitles ?t }} }} ;
DELETE {{ GRAPH {g} {{ ?c ig:incidentCount ?n }} }} INSERT {{ GRAPH {g} {{ ?c ig:incidentCount ?more }} }}
WHERE {{ GRAPH {g} {{ ?c ig:incidentCount ?n }} BIND(?n + 1 AS ?more) }}""")
    conforms, report = validate(store)
    assert not conforms
    for message in ("ig:dateSortKey must be", "ig:attackSortKey must summarise", "ig:sourceTitles must hold",
                    "must have one ig:MonthlyCount", "must have one ig:SourceCountTally"):
        assert message in report, message
