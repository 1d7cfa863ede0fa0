"""The example queries: well-formed headers, run on an empty store, right rows on the fixture."""
from datetime import date

import pytest
from rdflib import XSD, Literal, URIRef

from graph.examples import Example, ParameterError, load_examples, parse_example
from graph.sparql import select_table

from .helpers import ID

EXAMPLES = {e.name: e for e in load_examples()}


def rows(store, name, **values):
    query, bindings = EXAMPLES[name].bind(values)
    return select_table(store, query, bindings=bindings).rows


def col(result, var):
    return [str(r[var]).replace(ID, "") if var in r else None for r in result]


def test_there_are_at_least_twelve_examples_with_headers():
    assert len(EXAMPLES) >= 12
    for e in EXAMPLES.values():
        assert isinstance(e, Example) and e.title and len(e.description) > 30
        for p in e.parameters:
            assert p.kind in ("iri", "literal", "date", "year", "int") and p.label and p.default


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_runs_on_an_empty_store(empty_store, name):
    query, bindings = EXAMPLES[name].bind({})
    table = select_table(empty_store, query, bindings=bindings)
    assert table.rows == [] or all(set(r) <= set(table.variables) for r in table.rows)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_pass_the_gate_and_have_no_duplicate_rows(fixture_store, name):
    result = rows(fixture_store, name)
    keys = [tuple(sorted(r.items())) for r in result]
    assert len(keys) == len(set(keys)), "duplicate rows: the union default graph repeats entities"


def test_actors_linked_to_facility(fixture_store):
    result = rows(fixture_store, "actors-linked-to-facility", facility=ID + "facility/nord-stream")
    assert [(a, r, v) for a, r, v in zip(col(result, "actor"), col(result, "role"), col(result, "via"))] == [
        ("actor/nord-stream-ag", "operator", "facility/nord-stream"),
        ("actor/russia", "perpetrator", "facility/line-a"),
        ("actor/ukraine", "perpetrator", "facility/line-a"),
        ("actor/ukraine", "speaker", "facility/nord-stream"),
    ]
    assert rows(fixture_store, "actors-linked-to-facility", facility=ID + "facility/druzhba") == []


def test_incidents_at_facility_in_date_order(fixture_store):
    result = rows(fixture_store, "incidents-at-facility", facility=ID + "facility/cpc-terminal")
    assert col(result, "incident") == ["incident/c3-i1", "incident/c3-i4"]  # dated first, undated last
    assert col(result, "target") == ["facility/spm-2", "facility/cpc-terminal"]
    assert col(rows(fixture_store, "incidents-at-facility"), "incident") == ["incident/a1-i1"]


def test_actors_accused_of_pipeline_attacks_in_a_year(fixture_store):
    result = rows(fixture_store, "actors-accused-pipeline-attacks", year="2022")
    assert col(result, "actor") == ["actor/russia", "actor/ukraine"]
    assert rows(fixture_store, "actors-accused-pipeline-attacks", year="2024") == []  # SPM-2 is a berth


def test_facilities_attacked_more_than_once(fixture_store):
    result = rows(fixture_store, "facilities-attacked-more-than-once")
    assert col(result, "facility") == ["facility/druzhba"]
    assert result[0]["attacks"].toPython() == 2


def test_claims_by_speaker(fixture_store):
    assert col(rows(fixture_store, "claims-by-speaker", speaker=ID + "actor/russia"), "claim") == ["claim/b2-c1"]
    result = rows(fixture_store, "claims-by-speaker", speaker=ID + "actor/ukraine")
    assert col(result, "claim") == ["claim/b2-c2", "claim/a1-c1"]  # newest first
    assert col(result, "stance") == ["denies", "accuses"]
    assert [str(r["aboutLabel"]) for r in result] == ["Nord Stream", "Russia"]  # from the merged graph


def test_incidents_reported_by_several_sources(fixture_store):
    result = rows(fixture_store, "incidents-several-sources")
    assert col(result, "incident") == ["incident/a1-i1"]
    assert sorted(str(result[0]["titles"]).split(" | ")) == ["Blasts hit Nord Stream",
                                                             "Investigators name a Ukrainian crew"]
    assert len(rows(fixture_store, "incidents-several-sources", minSources="1")) == 5


def test_sources_disagree_on_the_date(fixture_store):
    result = rows(fixture_store, "sources-disagree-on-date")
    assert col(result, "incident") == ["incident/a1-i1"] * 2
    assert col(result, "date") == ["2022-09-25 – 2022-09-27", "2022-09-26"]
    assert col(result, "document") == ["doc-b2", "doc-a1"]


def test_facilities_of_an_operator(fixture_store):
    result = rows(fixture_store, "operator-facilities", operator=ID + "actor/cpc")
    assert col(result, "facility") == ["facility/cpc-terminal"] * 2
    assert col(result, "incident") == ["incident/c3-i1", "incident/c3-i4"]
    result = rows(fixture_store, "operator-facilities", operator=ID + "actor/nord-stream-ag")
    assert col(result, "incident") == ["incident/a1-i1"]


def test_incidents_by_type_per_month(fixture_store):
    result = rows(fixture_store, "incidents-by-type-per-month")
    assert [(str(r["month"]), str(r["type"]), r["incidents"].toPython()) for r in result] == [
        ("2022-09", "sabotage", 1), ("2024-02", "drone_strike", 2), ("2024-03", "shelling", 1)]


def test_part_of_hierarchy(fixture_store):
    below = rows(fixture_store, "part-of-hierarchy", facility=ID + "facility/nord-stream")
    assert [(d, p, w) for d, p, w in zip(col(below, "direction"), col(below, "part"), col(below, "whole"))] == [
        ("below", "facility/line-a", "facility/nord-stream")]
    above = rows(fixture_store, "part-of-hierarchy", facility=ID + "facility/spm-2")
    assert col(above, "direction") == ["above"] and col(above, "whole") == ["facility/cpc-terminal"]


def test_documents_mentioning_an_entity(fixture_store):
    result = rows(fixture_store, "documents-mentioning-entity", entity=ID + "facility/nord-stream")
    assert col(result, "document") == ["doc-b2", "doc-a1"]  # newest first
    assert [r["mentions"].toPython() for r in result] == [1, 1]
    assert col(rows(fixture_store, "documents-mentioning-entity", entity=ID + "actor/cpc"), "document") == ["doc-c3"]


def test_attacks_with_no_named_perpetrator(fixture_store):
    result = rows(fixture_store, "attacks-without-perpetrator")
    assert col(result, "incident") == ["incident/c3-i3", "incident/c3-i2"]  # newest first; the fire is no attack
    assert [r["sources"].toPython() for r in result] == [1, 1] and str(result[0]["label"]).startswith("Shelling")


def test_incidents_between_dates(fixture_store):
    result = rows(fixture_store, "incidents-between-dates", since="2024-01-01", until="2024-02-28")
    assert col(result, "incident") == ["incident/c3-i2", "incident/c3-i1"]  # newest first
    assert col(result, "type") == ["drone_strike", "drone_strike"] and all("label" in r for r in result)
    assert col(rows(fixture_store, "incidents-between-dates", since="2022-09-27", until="2022-09-27"),
               "incident") == ["incident/a1-i1"]  # the interval 25–27 September overlaps the day


def test_incidents_of_type(fixture_store):
    assert col(rows(fixture_store, "incidents-of-type", type="drone_strike"), "incident") == [
        "incident/c3-i2", "incident/c3-i1"]


def test_bind_makes_terms_of_each_kind():
    query, bindings = EXAMPLES["incidents-between-dates"].bind({"since": "2024-01-01"})
    assert bindings["since"] == Literal(date(2024, 1, 1), datatype=XSD.date)
    assert bindings["until"] == Literal(date(2024, 12, 31), datatype=XSD.date)  # the default
    assert EXAMPLES["actors-accused-pipeline-attacks"].bind({"year": "2023"})[1]["year"] == Literal(2023)
    assert EXAMPLES["incidents-of-type"].bind({"type": 'x" } DROP ALL'})[1]["type"] == Literal('x" } DROP ALL')
    assert EXAMPLES["actors-linked-to-facility"].bind({})[1]["facility"] == URIRef(ID + "facility/nord-stream")
    assert query == EXAMPLES["incidents-between-dates"].query  # the text never changes


@pytest.mark.parametrize("name,values", [
    ("actors-linked-to-facility", {"facility": "http://x/> } ; DROP ALL ; <"}),
    ("actors-linked-to-facility", {"facility": "not an iri"}),
    ("incidents-between-dates", {"since": "yesterday"}),
    ("actors-accused-pipeline-attacks", {"year": "20x2"}),
    ("actors-accused-pipeline-attacks", {"year": "0"}),
    ("incidents-several-sources", {"minSources": "two"}),
])
def test_bad_values_are_refused(name, values):
    with pytest.raises(ParameterError):
        EXAMPLES[name].bind(values)


def test_header_errors():
    with pytest.raises(ValueError, match="title"):
        parse_example("x", "SELECT * {}")
    with pytest.raises(ValueError, match="kind"):
        parse_example("x", "# title: T\n# param: a | A | 1 | float\nSELECT * { ?a ?b ?c }")
    with pytest.raises(ValueError, match="not used"):
        parse_example("x", "# title: T\n# param: zz | Z | 1 | int\nSELECT * { ?a ?b ?c }")


def test_long_lists_are_cut_at_100(tmp_path):
    """The examples that list incidents or documents show the first 100 in their order; the
    most-reported list keeps those tied with the 100th."""
    from rdflib import XSD as X

    from graph.merged import graph_facts, summary_triples
    from graph.namespace import IG, MERGED_GRAPH
    from graph.store import open_store

    incident = lambda n: URIRef(f"{ID}incident/x{n:03d}")  # noqa: E731
    merged = []
    for n in range(130):
        i, w = incident(n), URIRef(f"{ID}interval/x{n:03d}-merged")
        merged += [(i, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), IG.Incident),
                   (i, IG.incidentType, Literal("sabotage")), (i, IG.sourceCount, Literal(2 + n // 20)),
                   (i, IG.sourceDocument, URIRef(f"{ID}doc-x")), (i, IG.when, w),
                   (w, IG.earliest, Literal(date(2023, 1, 1 + n % 28), datatype=X.date)),
                   (w, IG.latest, Literal(date(2023, 1, 1 + n % 28), datatype=X.date)),
                   # the copies on the incident itself, as graph.merged writes them
                   (i, IG.earliestDate, Literal(date(2023, 1, 1 + n % 28), datatype=X.date)),
                   (i, IG.earliestYear, Literal(2023)),
                   (i, IG.latestDate, Literal(date(2023, 1, 1 + n % 28), datatype=X.date))]
    merged += list(summary_triples(graph_facts(merged), {}))  # the sort keys and counts, as graph.merged writes them
    with open_store(str(tmp_path / "store")) as store:
        store.replace_graph(MERGED_GRAPH, merged)
        assert len(rows(store, "incidents-of-type", type="sabotage")) == 100
        latest = rows(store, "incidents-between-dates")
        assert len(latest) == 100 and str(latest[0]["earliest"]) == "2023-01-28"
        assert len(rows(store, "attacks-without-perpetrator")) == 100
        most = rows(store, "incidents-several-sources")
        # 130 incidents with 2..8 sources, 20 per count (10 with 8): the 100th has 3 sources,
        # and all 20 with 3 are kept
        assert len(most) == 110 and min(r["sources"].toPython() for r in most) == 3
        assert [r["sources"].toPython() for r in most] == sorted((r["sources"].toPython() for r in most), reverse=True)
        assert len(rows(store, "incidents-several-sources", minSources="7")) == 30
