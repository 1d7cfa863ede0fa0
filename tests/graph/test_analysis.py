"""Relationship questions on the projection: windows, co-targeting, communities, paths."""
from datetime import date

from graph import analysis, iris, merged, network
from graph.model import Document, Entity, Extraction, Incident
from graph.rdf import document_triples

D = date


def doc(name, incidents, entities):
    d = Document(text=f"PUBLISHED: 2025-01-01\n\n{name} text", path=f"{name}.txt", title=name, published=D(2025, 1, 1))
    return Extraction(d, entities=entities, incidents=[
        Incident(f"i{n}", t, day, day, targets, perps, evidence=[(0, 5)]) for n, (t, day, targets, perps) in enumerate(incidents, 1)])


PIPE = Entity("e1", "facility", "pipeline", "Ryvo pipeline")
PLANT = Entity("e2", "facility", "power_plant", "Talsk power plant")
A = Entity("e3", "actor", "armed_group", "Red Hand")
B = Entity("e4", "actor", "state", "Borduria")
C = Entity("e5", "actor", "state", "Syldavia")


def projected(store):
    for x in (doc("one", [("sabotage", D(2024, 1, 5), ["e1"], ["e3"])], [PIPE, A]),
              doc("two", [("drone_strike", D(2024, 6, 1), ["e1"], ["e4"])], [PIPE, B]),
              doc("three", [("missile_strike", D(2024, 9, 9), ["e2"], ["e5"])], [PLANT, C])):
        store.replace_graph(*document_triples(x))
    merged.rebuild(store)
    return network.build(store)


def iri(kind, name):
    return str(iris.entity_iri(kind, name))


def test_neighbours_in_a_time_window(store):
    g = projected(store)
    pipe = iri("facility", "Ryvo pipeline")
    everyone = {g.nodes[n]["label"] for n in analysis.neighbours(g, pipe, radius=2)}
    assert {"Red Hand", "Borduria"} <= everyone
    early = {g.nodes[n]["label"] for n in analysis.neighbours(g, pipe, radius=2, until=D(2024, 3, 1))}
    assert "Red Hand" in early and "Borduria" not in early


def test_co_targeting_pairs_actors_behind_attacks_on_one_facility(store):
    g = projected(store)
    rows = analysis.co_targeting(g)
    assert [(sorted(r["labels"]), r["facility_labels"]) for r in rows] == [(["Borduria", "Red Hand"], ["Ryvo pipeline"])]


def test_communities_split_unconnected_clusters(store):
    g = projected(store)
    groups = [{g.nodes[n]["label"] for n in c} for c in analysis.communities(g)]
    assert {"Talsk power plant", "Syldavia"} in groups
    assert not any("Syldavia" in c and "Red Hand" in c for c in groups)


def test_links_between_two_actors_go_through_incidents(store):
    g = projected(store)
    paths = network.links(g, iri("actor", "Red Hand"), iri("actor", "Borduria"))
    assert paths and len(paths[0]) == 5  # actor, incident, pipeline, incident, actor
    assert g.nodes[paths[0][2]]["label"] == "Ryvo pipeline"
    assert network.links(g, iri("actor", "Red Hand"), iri("actor", "Syldavia")) == []


def test_central_ranks_the_shared_facility_first(store):
    g = projected(store)
    ranked = network.central(g)
    assert ranked[0]["label"] == "Ryvo pipeline"


def test_co_targeting_and_communities_on_the_command_line(store, tmp_path):
    import json
    import subprocess
    import sys

    projected(store)
    store.close()
    path = store.location
    run = lambda *a: subprocess.run([sys.executable, "-m", "incidentgraph", *a, "--store", path, "--format", "json"],  # noqa: E731
                                    capture_output=True, text=True, timeout=120)
    out = run("co-targeting")
    assert out.returncode == 0, out.stderr
    assert [sorted(r["labels"]) for r in json.loads(out.stdout)] == [["Borduria", "Red Hand"]]
    out = run("communities")
    assert out.returncode == 0, out.stderr
    groups = [{m["label"] for m in g} for g in json.loads(out.stdout)]
    assert {"Talsk power plant", "Syldavia"} in groups
    out = run("neighbours", "Ryvo pipeline", "--until", "2024-03-01")
    labels = {n["label"] for n in json.loads(out.stdout)["nodes"]}
    assert "Red Hand" in labels and "Borduria" not in labels
