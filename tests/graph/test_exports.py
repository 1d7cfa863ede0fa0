"""Every export re-parses: RDF to the same number of quads, GraphML and GEXF into networkx."""
import csv
import io
import json
from datetime import date

import networkx as nx

from graph import exports, merged
from graph.rdf import document_triples
from tests.conftest import berth_extraction


def filled(store):
    store.replace_graph(*document_triples(berth_extraction()))
    merged.rebuild(store)
    return store


def test_graphml_and_gexf_load_back_with_networkx(store):
    filled(store)
    for data, reader in ((exports.graphml(store), nx.read_graphml), (exports.gexf(store), nx.read_gexf)):
        g = reader(io.BytesIO(data))
        labels = {d.get("label") for _, d in g.nodes(data=True)}
        assert {"Berth No. 2", "Ukraine", "Drone strike on Berth No. 2"} <= labels
        roles = {d.get("role") for *_, d in g.edges(data=True)}
        assert {"target", "perpetrator", "part_of"} <= roles


def test_csv_has_one_row_per_incident_with_acled_like_columns(store):
    filled(store)
    rows = list(csv.DictReader(io.StringIO(exports.incidents_csv(store).decode())))
    assert len(rows) == 1
    r = rows[0]
    assert (r["event_date"], r["time_precision"], r["event_type"], r["actor1"], r["target"], r["source_count"]) == \
        ("2025-11-29", "1", "drone_strike", "Ukraine", "Berth No. 2", "1")
    assert r["assoc_actor_1"] == "Kazakhstan"  # who made the accusation


def test_timelinejs_escapes_text(store):
    from graph.model import Entity
    x = berth_extraction()
    x.entities[0].name = "<b>Berth</b> No. 2"
    store.replace_graph(*document_triples(x))
    merged.rebuild(store)
    data = json.loads(exports.timelinejs(store))
    event = data["events"][0]
    assert event["start_date"] == {"year": 2025, "month": 11, "day": 29}
    assert "<b>" not in event["text"]["headline"] and "&lt;b&gt;" in event["text"]["headline"]


def test_as_of_before_any_publication_exports_nothing(store):
    filled(store)
    rows = list(csv.DictReader(io.StringIO(exports.incidents_csv(store, as_of=date(2025, 1, 1)).decode())))
    assert rows == []
