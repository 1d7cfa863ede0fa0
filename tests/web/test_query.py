"""The SPARQL page: free queries, example queries with parameters, downloads, and errors."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from . import keys

INCIDENTS = ("PREFIX ig: <https://w3id.org/incidentgraph/ns#>\n"
             "SELECT ?i WHERE { ?i a ig:Incident ; ig:incidentType \"drone_strike\" } ORDER BY ?i")


def test_query_in_the_url_runs_and_links_iris(client):
    data = client.get("/query.json", query_string={"query": INCIDENTS}).get_json()
    assert data["variables"] == ["i"] and len(data["rows"]) == 2
    assert {r["i"]["url"] for r in data["rows"]} == {keys.BERTH_STRIKE, keys.BUILDING_STRIKE}
    html = client.get("/query", query_string={"query": INCIDENTS}).get_data(as_text=True)
    assert f'<a href="{keys.BERTH_STRIKE}">id:incident/' in html


def test_downloads_point_at_the_endpoint_with_the_same_query(client):
    data = client.get("/query.json", query_string={"query": INCIDENTS}).get_json()
    for fmt in ("csv", "json"):
        url = urlsplit(data["downloads"][fmt])
        assert url.path == "/sparql" and parse_qs(url.query) == {"query": [INCIDENTS], "format": [fmt]}
    csv = client.get(data["downloads"]["csv"])
    assert csv.status_code == 200 and len(csv.get_data(as_text=True).strip().splitlines()) == 3


def test_example_with_parameters(client):
    data = client.get("/query.json", query_string={"example": "incidents-between-dates", "since": "2025-01-01",
                                                   "until": "2025-12-31"}).get_json()
    assert data["example"] == "incidents-between-dates"
    assert {r["label"]["text"] for r in data["rows"]} == {"Drone strike on Berth No. 2",
                                                          "Drone strike on CPC administrative building"}
    csv = client.get(data["downloads"]["csv"]).get_data(as_text=True)
    assert len(csv.strip().splitlines()) == 3  # the bound values travel inside the download's query
    html = client.get("/query", query_string={"example": "incidents-between-dates"}).get_data(as_text=True)
    assert 'value="2022-01-01"' in html and "example chosen" in html


def test_syntax_error_says_where(client):
    resp = client.get("/query", query_string={"query": "SELECT * WHERE {\n  ?s ?p }"})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 400 and 'role="alert"' in html and "line 2" in html
    error = client.get("/query.json", query_string={"query": "SELECT * WHERE {\n  ?s ?p }"}).get_json()["error"]
    assert error["status"] == 400 and "line 2" in error["detail"]


def test_refused_and_bad_parameters(client):
    update = client.get("/query.json", query_string={"query": "DROP ALL"})
    assert update.status_code == 400 and "not allowed" in update.get_json()["error"]["detail"]
    bad = client.get("/query.json", query_string={"example": "incidents-between-dates", "since": "soon"})
    assert bad.status_code == 400 and "not a valid date" in bad.get_json()["error"]["detail"]
    missing = client.get("/query.json", query_string={"example": "no-such-example"})
    assert missing.status_code == 400


def test_ask_and_construct_show_the_raw_answer(client):
    ask = client.get("/query.json", query_string={"query": "ASK { ?s ?p ?o }"}).get_json()
    assert '"boolean"' in ask["result"] and ask["rows"] == []
    construct = client.get("/query.json", query_string={
        "query": "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 1"}).get_json()
    assert construct["result"].strip()


def test_every_example_is_listed_with_labelled_fields(client):
    from graph.examples import load_examples

    html = client.get("/query").get_data(as_text=True)
    for ex in load_examples():
        assert f'value="{ex.name}"' in html
        for p in ex.parameters:
            assert f'<label for="ex-{ex.name}-{p.name}">' in html
