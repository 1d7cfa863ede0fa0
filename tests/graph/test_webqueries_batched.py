"""The batched and capped read paths of the web pages give the answers of the general ones:
claims of a page of incidents in a few lookups, an entity's incidents from its parts, the
entity page's capped lists, and the existence check of the network view."""
from __future__ import annotations

from datetime import date

import pytest
from rdflib import URIRef

from benchmarks.synthetic import extractions
from graph import merged, queries, webqueries
from graph.embedded import EmbeddedStore
from graph.queries import M, PREFIXES
from graph.rdf import document_triples

# The per-incident query claims_about_incidents ran before it was batched.
OLD_CLAIMS = PREFIXES + """
SELECT DISTINCT ?c ?cue ?stance ?quote ?speaker ?speakerLabel ?speakerText ?start ?end ?doc WHERE {
  GRAPH <https://w3id.org/incidentgraph/graph/merged> { ?i ig:report ?r }
  ?c ig:concerns ?r ; ig:cue ?cue ; ig:stance ?stance ; rdfs:label ?quote ; ig:sourceDocument ?doc .
  OPTIONAL { ?c ig:speaker ?s0 . ?s0 ig:canonical? ?speaker .
             GRAPH <https://w3id.org/incidentgraph/graph/merged> { ?speaker rdfs:label ?speakerLabel } }
  OPTIONAL { ?c ig:speakerText ?speakerText }
  OPTIONAL { ?c ig:mention ?m . ?m ig:start ?start ; ig:end ?end }
} ORDER BY ?start ?c"""

# The one query entity() used for an entity's incidents and roles.
OLD_ROLES = PREFIXES + f"""
SELECT DISTINCT ?i ?role WHERE {{ GRAPH {M} {{
  ?i a ig:Incident .
  {{ ?i ig:target ?t . ?t ig:partOf* ?e . BIND("target" AS ?role) }} UNION
  {{ ?i ig:perpetrator ?e . BIND("perpetrator" AS ?role) }} UNION
  {{ ?i ig:accusedBy ?e . BIND("accuser" AS ?role) }} UNION
  {{ ?i ig:claimedBy ?e . BIND("claimed responsibility" AS ?role) }} UNION
  {{ ?i ig:location ?e . BIND("location" AS ?role) }}
}} }}"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("batched") / "store")
    for x in extractions(80):
        g, triples = document_triples(x)
        s.replace_graph(g, triples)
    merged.rebuild(s)
    yield s
    s.close()


def _entities(store, kind=None):
    rows = store.select(PREFIXES + f"SELECT DISTINCT ?e ?k WHERE {{ GRAPH {M} {{ ?e ig:entityKind ?k }} }} ORDER BY ?e")
    return [r["e"] for r in rows if kind is None or r["k"] == kind]


def _old_claims(store, iri):
    seen, out = set(), []
    for r in store.select(OLD_CLAIMS, {"i": URIRef(iri)}):
        if r["c"] not in seen:
            seen.add(r["c"])
            out.append(r)
    return out


def test_claims_of_a_page_match_the_per_incident_query(store):
    page = [r.iri for r in queries.timeline(store, queries.TimelineFilter(limit=60))]
    batched = webqueries.claims_about_incidents(store, page)
    assert list(batched) == page  # every incident of the page, in its order, even without claims
    assert sum(len(v) for v in batched.values()) > 0, "the synthetic store has claims about incidents"
    for iri in page:
        old = _old_claims(store, iri)
        new = batched[iri]
        assert [str(c["iri"]) for c in new] == [str(r["c"]) for r in old]
        for c, r in zip(new, old):
            assert (c["cue"], c["stance"], c["quote"], str(c["document"]), c["start"]) == \
                   (r["cue"], r["stance"], r["quote"], str(r["doc"]), r.get("start"))
            assert c["speaker_label"] == (r.get("speakerLabel") or r.get("speakerText"))


def test_claims_of_no_incidents_and_of_unknown_ones(store):
    assert webqueries.claims_about_incidents(store, []) == {}
    unknown = "https://w3id.org/incidentgraph/id/incident/0000000000000000-i9"
    assert webqueries.claims_about_incidents(store, [unknown]) == {unknown: []}


def test_incident_roles_match_the_single_query(store):
    checked = 0
    for e in _entities(store):
        old = {(str(r["i"]), r["role"]) for r in store.select(OLD_ROLES, {"e": e})}
        new = {(str(i), role) for i, role in queries.incident_roles(store, e)}
        assert new == old
        checked += bool(old)
    assert checked > 5


def test_entity_lists_are_capped_with_their_counts(store):
    busiest = max(_entities(store), key=lambda e: len(queries.incident_roles(store, e)))
    whole = queries.entity(store, busiest)
    capped = queries.entity(store, busiest, limit=2)
    assert whole["counts"]["incidents"] == len(whole["incidents"]) > 2
    assert capped["counts"] == whole["counts"]
    assert [r.iri for r, _ in capped["incidents"]] == [r.iri for r, _ in whole["incidents"]][:2]
    assert capped["documents"] == whole["documents"][:2]
    assert capped["linked"] == whole["linked"][:2]
    assert [c["iri"] for c in capped["claims"]] == [c["iri"] for c in whole["claims"]][:2]
    assert capped["mentions"] == whole["mentions"][:2]
    # details are read for the incidents shown
    assert all(row.sources for row, _ in capped["incidents"])


def test_evidence_with_a_limit_is_the_start_of_the_whole_list(store):
    for e in _entities(store)[:15]:
        whole = queries.evidence(store, e)
        assert queries.evidence(store, e, limit=3) == whole[:3]
        assert queries.evidence(store, e, limit=0) == []


def test_incidents_by_iri_with_a_limit(store):
    iris = [r.iri for r in queries.timeline(store, queries.TimelineFilter(limit=30))][::-1]
    whole = queries.incidents_by_iri(store, iris)
    assert sorted(str(r.iri) for r in whole) == sorted(str(i) for i in iris)
    assert [r.iri for r in whole] == [r.iri for r in sorted(whole, key=lambda r: (r.start is None, r.start or date.min, r.iri))]
    first = queries.incidents_by_iri(store, iris, limit=5)
    assert [r.iri for r in first] == [r.iri for r in whole][:5]
    assert [r.to_json() for r in first] == [r.to_json() for r in whole][:5]


def test_entity_known_agrees_with_entity(store):
    for e in _entities(store)[:10]:
        assert webqueries.entity_known(store, e) is True
        assert queries.entity(store, e) is not None
    nobody = "https://w3id.org/incidentgraph/id/actor/nobody-at-all"
    assert webqueries.entity_known(store, nobody) is False
    assert queries.entity(store, nobody) is None
