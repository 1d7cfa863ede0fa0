"""Reports of one incident across documents become one incident; near misses stay apart."""
from datetime import date

from rdflib import Dataset, compare

from graph import iris, merged, queries
from graph.merge import Report, merge, types_compatible
from graph.model import Claim, Document, Entity, Extraction, Incident
from graph.rdf import document_triples
from graph.resolve import Curation, EntityRecord, resolve


def report(text_id: str, published: date, incidents: list[tuple], entities: list[Entity], claims=()) -> Extraction:
    """A tiny document: incidents are (type, start, end, [target ids], [perpetrator ids])."""
    doc = Document(text=f"PUBLISHED: {published}\n\n{text_id}", path=f"{text_id}.txt", title=text_id, published=published)
    return Extraction(doc, entities=entities, claims=list(claims), incidents=[
        Incident(f"i{n}", t, s, e, targets, perps, evidence=[(0, 10)]) for n, (t, s, e, targets, perps) in enumerate(incidents, 1)])


D = date
PIPELINE = Entity("e1", "facility", "pipeline", "Druzhba pipeline", ["Druzhba"])
STATION_A = Entity("e2", "facility", "pumping_station", "Unecha pumping station", part_of="e1")
STATION_B = Entity("e3", "facility", "pumping_station", "Nikolskoye pumping station", part_of="e1")
UKRAINE = Entity("e4", "actor", "state", "Ukraine")
RUSSIA = Entity("e5", "actor", "state", "Russia")
PLANT = Entity("e6", "facility", "power_plant", "Zaporizhzhia Nuclear Power Plant", ["ZNPP"])


def store_with(store, *extractions):
    for x in extractions:
        store.replace_graph(*document_triples(x))
    merged.rebuild(store)
    return queries.timeline(store)


def test_three_reports_of_one_attack_with_one_conflicting_date(store):
    a = report("a", D(2025, 8, 22), [("drone_strike", D(2025, 8, 21), D(2025, 8, 21), ["e2"], ["e4"])], [PIPELINE, STATION_A, UKRAINE])
    b = report("b", D(2025, 8, 22), [("drone_strike", D(2025, 8, 21), D(2025, 8, 21), ["e1"], ["e4"])], [PIPELINE, UKRAINE])
    c = report("c", D(2025, 8, 24), [("missile_strike", D(2025, 8, 22), D(2025, 8, 22), ["e2"], [])], [PIPELINE, STATION_A])
    rows = store_with(store, a, b, c)
    assert len(rows) == 1
    row = rows[0]
    assert row.report_count == 3 and len(row.sources) == 3
    assert row.type == "drone_strike"  # the majority
    assert (row.start, row.end) == (D(2025, 8, 21), D(2025, 8, 22))  # the span the sources allow
    props = {c["property"]: c for c in row.conflicts}
    assert set(props) == {"date", "type"}
    dates = {v["value"]: sorted(s["title"] for s in v["sources"]) for v in props["date"]["values"]}
    assert dates == {"2025-08-21": ["a", "b"], "2025-08-22": ["c"]}
    assert [label for _, label in row.perpetrators] == ["Ukraine"]


def test_two_attacks_on_one_facility_a_day_apart_stay_two(store):
    both = report("both", D(2025, 3, 5), [("shelling", D(2025, 3, 3), D(2025, 3, 3), ["e6"], ["e5"]),
                                          ("shelling", D(2025, 3, 4), D(2025, 3, 4), ["e6"], ["e5"])], [PLANT, RUSSIA])
    second = report("second", D(2025, 3, 4), [("shelling", D(2025, 3, 4), D(2025, 3, 4), ["e6"], ["e5"])], [PLANT, RUSSIA])
    rows = store_with(store, second, both)
    assert [(r.start, r.report_count) for r in rows] == [(D(2025, 3, 3), 1), (D(2025, 3, 4), 2)]
    assert all(not r.conflicts for r in rows)


def test_strikes_on_two_stations_of_one_pipeline_stay_apart(store):
    a = report("a", D(2025, 8, 22), [("drone_strike", D(2025, 8, 21), D(2025, 8, 21), ["e2"], [])], [PIPELINE, STATION_A])
    b = report("b", D(2025, 8, 22), [("drone_strike", D(2025, 8, 21), D(2025, 8, 21), ["e3"], [])], [PIPELINE, STATION_B])
    assert len(store_with(store, a, b)) == 2


def test_an_accident_first_reported_as_possible_sabotage(store):
    cable = Entity("e1", "facility", "cable", "Estlink 2")
    first = report("first", D(2024, 12, 26), [("sabotage", D(2024, 12, 25), D(2024, 12, 25), ["e1"], [])], [cable])
    later = report("later", D(2025, 2, 1), [("accident", D(2024, 12, 25), D(2024, 12, 25), ["e1"], [])], [cable])
    rows = store_with(store, first, later)
    assert len(rows) == 1 and rows[0].report_count == 2
    assert [c["property"] for c in rows[0].conflicts] == ["type"]


def test_incompatible_types_do_not_merge():
    assert not types_compatible("cyberattack", "shelling")
    assert types_compatible("sabotage", "accident")
    r1 = Report("r1", "cyberattack", "d1", D(2024, 1, 1), D(2024, 1, 1), targets={"f"})
    r2 = Report("r2", "shelling", "d2", D(2024, 1, 1), D(2024, 1, 1), targets={"f"})
    assert len(merge([r1, r2], {})) == 2


def test_an_undated_report_joins_only_an_unambiguous_incident():
    dated = [Report("r1", "fire", "d1", D(2024, 1, 1), D(2024, 1, 1), targets={"f"}),
             Report("r2", "fire", "d2", D(2024, 5, 1), D(2024, 5, 1), targets={"f"})]
    undated = Report("r3", "fire", "d3", targets={"f"})
    assert len(merge(dated + [undated], {})) == 3
    assert len(merge(dated[:1] + [undated], {})) == 1


def test_entities_resolve_across_documents_by_alias_and_the_curation_wins():
    records = [EntityRecord("a/cpc", "actor", "company", {"CPC"}, 1),
               EntityRecord("a/caspian", "actor", "company", {"Caspian Pipeline Consortium", "CPC"}, 2),
               EntityRecord("f/cpc", "facility", "pipeline", {"CPC"}, 1)]
    canonical = resolve(records)
    assert canonical["a/cpc"] == canonical["a/caspian"] == "a/caspian"
    assert canonical["f/cpc"] == "f/cpc"  # another kind is another entity
    kept_apart = resolve(records, Curation(different=[("a/cpc", "a/caspian")]))
    assert kept_apart["a/cpc"] == "a/cpc"
    forced = resolve(records, Curation(same=[("f/cpc", "a/caspian")]))
    assert forced["f/cpc"] == forced["a/caspian"]


def test_as_known_on_a_date_uses_only_documents_published_by_then(store):
    first = report("first", D(2024, 12, 26), [("sabotage", D(2024, 12, 25), D(2024, 12, 25), ["e1"], [])],
                   [Entity("e1", "facility", "cable", "Estlink 2")])
    later = report("later", D(2025, 2, 1), [("accident", D(2024, 12, 25), D(2024, 12, 25), ["e1"], [])],
                   [Entity("e1", "facility", "cable", "Estlink 2")])
    store_with(store, first, later)
    then = merged.compute(store, as_of=D(2025, 1, 1))
    assert [(m.type, len(m.reports)) for m in then.incidents] == [("sabotage", 1)]
    now = merged.compute(store)
    assert [len(m.reports) for m in now.incidents] == [2]


def test_claims_become_typed_roles(store):
    x = report("x", D(2025, 1, 2), [("sabotage", D(2025, 1, 1), D(2025, 1, 1), ["e1"], ["e2"])],
               [Entity("e1", "facility", "cable", "Estlink 2"), Entity("e2", "actor", "state", "Russia"),
                Entity("e3", "actor", "state", "Finland")],
               claims=[Claim("c1", "e3", "accused", (0, 5), ["e2"], incident="i1", stance="accuses")])
    rows = store_with(store, x)
    assert [l for _, l in rows[0].accused_by] == ["Finland"]


def test_rebuilding_twice_gives_an_isomorphic_graph(store):
    a = report("a", D(2025, 8, 22), [("drone_strike", D(2025, 8, 21), D(2025, 8, 21), ["e2"], ["e4"])], [PIPELINE, STATION_A, UKRAINE])
    store_with(store, a)
    def graph():
        ds = Dataset()
        ds.parse(data=store.export("nq").decode(), format="nquads")
        return ds
    before = graph()
    merged.rebuild(store)
    after = graph()
    assert len(before) == len(after)
    g1 = before.graph(merged.MERGED_GRAPH)
    g2 = after.graph(merged.MERGED_GRAPH)
    assert compare.isomorphic(g1, g2)


def test_the_timeline_as_known_on_a_date(store):
    cable = Entity("e1", "facility", "cable", "Estlink 2")
    first = report("first", D(2024, 12, 26), [("sabotage", D(2024, 12, 25), D(2024, 12, 25), ["e1"], [])], [cable])
    later = report("later", D(2025, 2, 1), [("accident", D(2024, 12, 25), D(2024, 12, 25), ["e1"], [])], [cable])
    store_with(store, first, later)
    then = queries.timeline(store, queries.TimelineFilter(as_of=D(2025, 1, 1)))
    assert [(r.type, [s["title"] for s in r.sources], r.conflicts) for r in then] == [("sabotage", ["first"], [])]
    assert then[0].evidence and then[0].targets[1:] == []
    assert queries.timeline(store, queries.TimelineFilter(as_of=D(2024, 1, 1))) == []


def test_each_merged_fact_names_its_supporting_documents_and_sentences(store):
    a = report("a", D(2025, 8, 22), [("drone_strike", D(2025, 8, 21), D(2025, 8, 21), ["e2"], ["e4"])], [PIPELINE, STATION_A, UKRAINE])
    b = report("b", D(2025, 8, 23), [("drone_strike", D(2025, 8, 21), D(2025, 8, 21), ["e2"], [])], [PIPELINE, STATION_A])
    rows = store_with(store, a, b)
    inc = rows[0].iri
    ukraine = iris.entity_iri("actor", "Ukraine")
    station = iris.entity_iri("facility", "Unecha pumping station")
    assert [s["title"] for s in queries.support(store, inc, "perpetrator", ukraine)] == ["a"]
    target_support = queries.support(store, inc, "target", station)
    assert [s["title"] for s in target_support] == ["a", "b"]
    assert all(s["quote"] for s in target_support)


def test_sources_that_disagree_on_the_death_toll(store):
    bridge = Entity("e1", "facility", "bridge", "Ostrava rail bridge")
    first = report("first", D(2024, 5, 2), [("explosion", D(2024, 5, 1), D(2024, 5, 1), ["e1"], [])], [bridge])
    later = report("later", D(2024, 5, 4), [("explosion", D(2024, 5, 1), D(2024, 5, 1), ["e1"], [])], [bridge])
    first.incidents[0].deaths, later.incidents[0].deaths = 3, 5
    rows = store_with(store, first, later)
    assert rows[0].deaths == 5
    tolls = {c["property"]: sorted(v["value"] for v in c["values"]) for c in rows[0].conflicts}
    assert tolls == {"deaths": ["3", "5"]}
