"""Downloads from the site: CSV, TimelineJS, GraphML, GEXF and RDF, as known on a day."""
from __future__ import annotations

import csv
import io
import json

import pytest

from graph.exports import CSV_COLUMNS


def csv_rows(client, url):
    resp = client.get(url)
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert resp.headers["Content-Disposition"].startswith("attachment;")
    return list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))


def test_incidents_csv_has_every_incident_and_honours_as_of(client):
    rows = csv_rows(client, "/export/incidents.csv")
    assert len(rows) == 4 and list(rows[0]) == CSV_COLUMNS
    assert [r["target"] for r in csv_rows(client, "/export/incidents.csv?as_of=2024-01-01")] == ["Balticconnector"]


def test_timelinejs_is_served_under_its_json_name(client):
    resp = client.get("/export/timeline.json?as_of=2024-12-31")
    assert resp.status_code == 200 and resp.mimetype == "application/json"
    assert 'filename="incidentgraph-timeline-as-of-2024-12-31.json"' in resp.headers["Content-Disposition"]
    data = json.loads(resp.get_data())
    assert len(data["events"]) == 2 and "2024-12-31" in data["title"]["text"]["headline"]


@pytest.mark.parametrize("name, marker", [("graph.graphml", b"<graphml"), ("graph.gexf", b"<gexf")])
def test_network_files_and_as_of(client, name, marker):
    everything = client.get(f"/export/{name}").get_data()
    early = client.get(f"/export/{name}?as_of=2024-01-01").get_data()
    assert marker in everything and marker in early
    assert b"Balticconnector" in early and b"Berth No. 2" not in early and b"Berth No. 2" in everything


def test_rdf_exports_and_as_of(client):
    ttl = client.get("/export/graph.ttl")
    assert ttl.status_code == 200 and ttl.mimetype == "text/turtle"
    early = client.get("/export/graph.ttl?as_of=2024-01-01").get_data()
    assert b"balticconnector" in early and b"berth-no-2" not in early
    assert b"graph/merged>" in client.get("/export/graph.trig").get_data()  # TriG keeps the named graphs
    refused = client.get("/export/graph.trig?as_of=2024-01-01", headers={"Accept": "application/json"})
    assert refused.status_code == 400 and "graph.ttl?as_of" in refused.get_json()["error"]["detail"]


@pytest.mark.parametrize("url, status", [("/export/nothing.csv", 404), ("/export/incidents.csv?as_of=2024-13-01", 400)])
def test_bad_export_requests_have_the_error_shape(client, url, status):
    resp = client.get(url, headers={"Accept": "application/json"})
    assert resp.status_code == status and set(resp.get_json()["error"]) == {"status", "title", "detail"}


def test_exports_page_lists_links_with_as_of(client):
    data = client.get("/export.json?as_of=2024-12-31").get_json()
    urls = {f["name"]: f["url"] for f in data["files"]}
    assert urls["incidents.csv"] == "/export/incidents.csv?as_of=2024-12-31"
    assert "graph.trig" not in urls  # cannot be cut to a day
    assert client.get(urls["graph.gexf"]).status_code == 200
    html = client.get("/").get_data(as_text=True)
    assert 'href="/export/incidents.csv"' in html and 'href="/export/timeline.json"' in html
