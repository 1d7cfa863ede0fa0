"""Every page and its JSON twin, the timeline's filters, and not-found addresses."""
from __future__ import annotations

import pytest

from . import keys


def titles(client, url="/timeline.json"):
    resp = client.get(url)
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return [i["label"] for i in resp.get_json()["incidents"]]


@pytest.mark.parametrize("url", keys.HTML_PAGES)
def test_every_page_renders(client, url):
    resp = client.get(url)
    assert resp.status_code == 200
    assert resp.mimetype == "text/html"
    assert "<main" in resp.get_data(as_text=True)


@pytest.mark.parametrize("url", keys.HTML_PAGES)
def test_every_page_has_a_json_twin(client, url):
    path, _, query = url.partition("?")
    twin = (path.rstrip("/") or "/") + ".json" + (f"?{query}" if query else "")
    by_suffix = client.get(twin)
    by_accept = client.get(url, headers={"Accept": "application/json"})
    assert by_suffix.status_code == by_accept.status_code == 200
    assert by_suffix.mimetype == by_accept.mimetype == "application/json"
    assert by_suffix.get_json() == by_accept.get_json()
    assert 'rel="alternate"' in client.get(url).headers["Link"]


def test_timeline_lists_incidents_by_date(client):
    assert titles(client) == ["Accident on Balticconnector",
                              f"Sabotage on <img src=x onerror=alert(1)>, Depot <a href=\"javascript:alert(2)\">x</a>",
                              "Drone strike on CPC administrative building", "Drone strike on Berth No. 2"]


def test_timeline_shows_certain_days_and_uncertain_intervals(client):
    html = client.get("/").get_data(as_text=True)
    assert '<time datetime="2025-11-29">29 Nov 2025</time>' in html
    assert '<time datetime="2025-11-24">24 Nov 2025</time> – <time datetime="2025-11-28">28 Nov 2025</time>' in html
    data = {i["label"]: i for i in client.get("/.json").get_json()["incidents"]}
    assert data["Drone strike on Berth No. 2"]["certain"] is True
    assert data["Drone strike on CPC administrative building"]["certain"] is False


def test_timeline_card_links_roles_claims_and_evidence(client):
    html = client.get("/").get_data(as_text=True)
    assert f'href="{keys.BERTH}"' in html and f'href="{keys.UKRAINE}"' in html
    assert "alleged" in html and "claimed responsibility" in html
    assert "Kazakh Foreign Ministry" in html  # accuser and claim speaker
    item = next(i for i in client.get("/.json").get_json()["incidents"] if i["label"] == "Drone strike on Berth No. 2")
    ev = item["evidence"][0]
    assert f'href="{keys.CPC_DOC}#m-{ev["start"]}-{ev["end"]}"' in html
    assert item["perpetrators"][0]["attribution"] == "alleged"
    assert item["claims"][0]["stance"] == "accuses"


@pytest.mark.parametrize("query, expected", [
    ("facility=cpc-marine-terminal", {"Drone strike on CPC administrative building", "Drone strike on Berth No. 2"}),
    ("facility=berth-no-2", {"Drone strike on Berth No. 2"}),
    ("actor=ukraine", {"Drone strike on Berth No. 2"}),
    ("type=accident", {"Accident on Balticconnector"}),
    ("since=2025-01-01", {"Drone strike on CPC administrative building", "Drone strike on Berth No. 2"}),
    ("until=2023-12-31", {"Accident on Balticconnector"}),
    ("since=2025-11-25&until=2025-11-26", {"Drone strike on CPC administrative building"}),
    ("as_of=2024-01-01", {"Accident on Balticconnector"}),
])
def test_timeline_filters(client, query, expected):
    assert set(titles(client, f"/timeline.json?{query}")) == expected


def test_timeline_document_filter(client):
    doc = keys.BALTIC_DOC.rsplit("/", 1)[1]
    assert titles(client, f"/timeline.json?document={doc}") == ["Accident on Balticconnector"]


def test_timeline_paging(full_app):
    full_app.config["TIMELINE_PAGE_SIZE"] = 3
    client = full_app.test_client()
    first = client.get("/.json").get_json()
    second = client.get("/.json?page=2").get_json()
    assert len(first["incidents"]) == 3 and first["has_next"] is True
    assert len(second["incidents"]) == 1 and second["has_next"] is False
    assert 'rel="next" href="/?page=2"' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("query", ["since=yesterday", "type=meteor", "facility=a/b", "page=0", "page=x",
                                   "since=2025-02-01&until=2025-01-01", "actor=%3Cscript%3E"])
def test_malformed_filters_are_400_with_a_reason(client, query):
    resp = client.get(f"/timeline.json?{query}")
    assert resp.status_code == 400
    error = resp.get_json()["error"]
    assert error["status"] == 400 and error["detail"]


def test_incident_page(client):
    html = client.get(keys.BERTH_STRIKE).get_data(as_text=True)
    assert "<h1>Drone strike on Berth No. 2</h1>" in html
    assert "Kazakh Foreign Ministry" in html and "Novorossiysk" in html
    data = client.get(keys.BERTH_STRIKE + ".json").get_json()["incident"]
    assert data["start"] == data["end"] == "2025-11-29"
    assert data["effects"] == ["damaged"] and data["confidence"] == 0.8


def test_incident_by_full_iri(client):
    key = keys.BERTH_STRIKE.rsplit("/", 1)[1]
    resp = client.get(f"/incident/https://w3id.org/incidentgraph/id/incident/{key}.json")
    assert resp.status_code == 200 and resp.get_json()["incident"]["label"] == "Drone strike on Berth No. 2"


def test_entity_page(client):
    html = client.get(keys.TERMINAL).get_data(as_text=True)
    assert "<h1>CPC Marine Terminal</h1>" in html
    assert f'href="{keys.BERTH}"' in html  # a part
    assert "Caspian Pipeline Consortium" in html  # operator
    assert "Drone strike on Berth No. 2" in html  # an incident at a part
    assert f'src="{keys.TERMINAL}/network"' in html and 'sandbox="allow-scripts"' in html
    data = client.get(keys.TERMINAL + ".json").get_json()
    assert [i["incident"]["label"] for i in data["incidents"]] == ["Drone strike on CPC administrative building",
                                                                   "Drone strike on Berth No. 2"]
    assert {p[1] for p in data["parts"]} >= {"Berth No. 2", "CPC administrative building"}
    assert any(n["label"] == "Berth No. 2" for n in data["network"]["nodes"])


def test_entity_page_shows_only_its_own_names_and_parents(client):
    data = client.get(keys.TERMINAL + ".json").get_json()
    assert data["aliases"] == []
    assert data["parents"] == []
    assert {p[1] for p in data["parts"]} == {"Berth No. 2", "CPC administrative building"}


def test_entity_claims(client):
    data = client.get(keys.UKRAINE + ".json").get_json()
    assert [c["stance"] for c in data["claims"]] == ["accuses"]


def test_document_page_highlights_mentions(client):
    html = client.get(keys.CPC_DOC).get_data(as_text=True)
    data = client.get(keys.CPC_DOC + ".json").get_json()
    text = data["document"]["text"]
    for m in data["document"]["mentions"]:
        assert f'id="m-{m["start"]}-{m["end"]}"' in html
    start = text.index("Berth No. 2")
    assert f'<mark id="m-{start}-{start + 11}" class="mention k-facility"' in html
    assert {i["label"] for i in data["incidents"]} == {"Drone strike on Berth No. 2",
                                                       "Drone strike on CPC administrative building"}
    assert {e["label"] for e in data["entities"]} >= {"Ukraine", "CPC Marine Terminal", "Novorossiysk"}
    assert data["claims"][0]["speaker_label"] == "Kazakh Foreign Ministry"


def test_network_page_and_filters(client):
    everything = client.get("/network.json").get_json()
    actors = client.get("/network.json?kind=actor").get_json()
    linked = client.get("/network.json?min_degree=3").get_json()
    assert everything["shown"] == everything["total"] > 10
    assert {n["kind"] for n in actors["nodes"]} == {"actor"}
    degree = {n["iri"]: n["degree"] for n in everything["nodes"]}
    assert linked["nodes"] and all(degree[n["iri"]] >= 3 for n in linked["nodes"])
    assert linked["filtered_out"] == everything["shown"] - linked["shown"] > 0
    html = client.get("/network?kind=facility").get_data(as_text=True)
    assert 'src="/network/frame?kind=facility"' in html


def test_network_cap_says_what_was_left_out(full_app):
    full_app.config["NETWORK_NODE_CAP"] = 5
    client = full_app.test_client()
    data = client.get("/network.json").get_json()
    assert data["shown"] == 5 and data["left_out"] == data["total"] - 5
    assert f"{data['left_out']} left out" in client.get("/network").get_data(as_text=True)


@pytest.mark.parametrize("query", ["kind=planet", "min_degree=-1", "min_degree=lots"])
def test_network_bad_parameters(client, query):
    assert client.get(f"/network.json?{query}").status_code == 400


def test_search(client):
    data = client.get("/search.json?q=berth").get_json()
    assert [r["label"] for r in data["results"]] == ["Berth No. 2"]
    assert data["results"][0]["url"] == keys.BERTH
    assert client.get("/search.json?q=spm-2").get_json()["results"][0]["label"] == "Berth No. 2"  # alias
    assert client.get("/search.json?q=berth&kind=actor").get_json()["results"] == []
    assert client.get("/search.json").get_json()["results"] == []


def test_bare_app_serves_empty_pages(bare_client):
    for url in ["/", "/network", "/query", "/add", "/search?q=x"]:
        assert bare_client.get(url).status_code == 200
    assert bare_client.get("/.json").get_json()["incidents"] == []
    assert "No incidents match" in bare_client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("url", [
    "/incident/0000000000000000-i9", "/incident/bad_key!", "/entity/actor/nobody", "/entity/planet/mars",
    "/entity/actor/a%20b", "/document/abc", "/document/" + "0" * 64, "/nothing-here", "/entity/actor/nobody/network",
])
def test_not_found_has_one_shape(client, url):
    as_json = client.get(url, headers={"Accept": "application/json"})
    assert as_json.status_code == 404
    assert set(as_json.get_json()) == {"error"}
    error = as_json.get_json()["error"]
    assert error["status"] == 404 and error["title"] == "Not Found" and error["detail"]
    as_html = client.get(url)
    assert as_html.status_code == 404 and "404 · Not Found" in as_html.get_data(as_text=True)


def test_method_not_allowed_uses_the_error_shape(client):
    resp = client.delete("/timeline.json")
    assert resp.status_code == 405 and resp.get_json()["error"]["status"] == 405


def test_store_failure_is_503_in_the_error_shape(full_app, monkeypatch):
    from graph.errors import StoreError
    from web.store import app_store

    def down(*args, **kwargs):
        raise StoreError("cannot reach the SPARQL server.")

    monkeypatch.setattr(app_store(full_app), "select_terms", down)
    resp = full_app.test_client().get("/.json")
    assert resp.status_code == 503
    assert resp.get_json()["error"] == {"status": 503, "title": "Store unavailable",
                                        "detail": "cannot reach the SPARQL server. Try again once the store is back."}
