"""What makes the pages fast keeps them right: the per-store-state cache is dropped on a
write, filter options are built once with the chosen one marked, the view caps rank by the
degrees a subgraph would give, and the entity page says when its lists are cut."""
from __future__ import annotations

import re

import networkx as nx

from graph.namespace import ID
from web import choices, netview
from web.pages import entity as entity_page
from web.store import cached, get_store


def test_cached_values_last_until_the_store_is_written(full_app):
    calls = []
    with full_app.app_context():
        assert cached("k", lambda s: calls.append(1) or len(calls)) == 1
        assert cached("k", lambda s: calls.append(1) or len(calls)) == 1
        store = get_store()
        store.update("INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> <https://example.org/p> 1 } }")
        assert cached("k", lambda s: calls.append(1) or len(calls)) == 2


def test_timeline_shows_a_new_incident_after_a_write(full_app):
    client = full_app.test_client()
    before = client.get("/timeline.json").get_json()
    with full_app.app_context():
        from graph import merged
        store = get_store()
        store.remove_graph(next(iter(sorted(r["g"] for r in store.select(
            "SELECT DISTINCT ?g WHERE { ?d <https://w3id.org/incidentgraph/ns#graph> ?g }")))))
        merged.rebuild(store)
    after = client.get("/timeline.json").get_json()
    assert len(after["incidents"]) < len(before["incidents"])


def test_filter_options_mark_the_chosen_one(client):
    html = client.get("/?facility=cpc-marine-terminal").get_data(as_text=True)
    assert '<option value="cpc-marine-terminal" selected>' in html
    assert len(re.findall(r"<option [^>]*selected", html)) == 1
    full_iri = str(ID["facility/cpc-marine-terminal"])
    html = client.get("/", query_string={"facility": full_iri}).get_data(as_text=True)
    assert '<option value="cpc-marine-terminal" selected>' in html
    html = client.get("/?type=drone_strike").get_data(as_text=True)
    assert '<option value="drone_strike" selected>Drone strike</option>' in html


def test_filter_options_escape_labels(shared_app):
    with shared_app.test_request_context("/"):
        html = choices._options([("a", "<b>&\u202e")])
    assert html == '<option value="a">&lt;b&gt;&amp;\u202e\u202c</option>'


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    kinds = ["actor", "facility", "incident", "place"]
    for i in range(40):
        g.add_node(f"n{i}", label=f"node {i % 7}", kind=kinds[i % 4])
    for i in range(1, 40):
        g.add_edge(f"n{i}", f"n{(i * 7) % i}", key="target", role="target")
        if i % 3 == 0:
            g.add_edge(f"n{i}", f"n{i // 3}", key="location", role="location")
    g.add_edge("n5", "n5", key="part_of", role="part_of")
    return g


def test_degrees_equal_those_of_the_subgraph():
    g = _graph()
    part = [n for n, d in g.nodes(data=True) if d["kind"] != "place"]
    assert netview._degrees(g, part) == dict(g.subgraph(part).degree())
    assert netview._degrees(g, list(g.nodes)) == dict(g.degree())


def test_explorer_keeps_the_best_connected_of_the_chosen_part():
    g = _graph()
    view = netview.explorer(g, ["actor", "incident"], 2, 5)
    part = g.subgraph([n for n, d in g.nodes(data=True) if d["kind"] in ("actor", "incident")])
    part = part.subgraph([n for n in part if part.degree(n) >= 2])
    expected = sorted(part, key=lambda n: (-part.degree(n), g.nodes[n]["label"], n))[:5]
    assert set(view.graph.nodes) == set(expected)
    assert view.total == part.number_of_nodes() and view.left_out == part.number_of_nodes() - 5
    assert view.filtered_out == g.number_of_nodes() - part.number_of_nodes()
    whole = netview.explorer(g, [], 0, 1000)
    assert whole.graph.number_of_nodes() == 40 and not whole.notes


def test_neighbourhood_keeps_its_focus_when_capped():
    g = _graph()
    view = netview.neighbourhood(g, "n39", 3, 4)
    assert "n39" in view.graph and view.graph.number_of_nodes() == 4 and view.left_out > 0
    assert netview.neighbourhood(g, "missing", 2, 4).graph.number_of_nodes() == 0


def test_entity_page_says_when_its_incidents_are_cut(client, monkeypatch):
    whole = client.get("/entity/facility/cpc-marine-terminal.json").get_json()
    assert len(whole["incidents"]) >= 2
    monkeypatch.setattr(entity_page, "LIST_CAP", 1)
    html = client.get("/entity/facility/cpc-marine-terminal").get_data(as_text=True)
    assert f"The first 1 of {len(whole['incidents'])} incidents by date" in html
    cut = client.get("/entity/facility/cpc-marine-terminal.json").get_json()
    assert cut["incidents"] == whole["incidents"][:1] and cut["counts"]["incidents"] == len(whole["incidents"])
    assert client.get("/entity/actor/ukraine/network").status_code == 200
    assert client.get("/entity/actor/nobody/network").status_code == 404
