"""The timeline's place and source filters, grouping and axis data; the network's date window,
types and as-known-on day; the incident page's conflicts and who supports each fact."""
from __future__ import annotations

import json
import re

import pytest

from . import data, keys
from .conftest import fill, make_app

BERTH = "Drone strike on Berth No. 2"
BUILDING = "Drone strike on CPC administrative building"


def labels(client, url):
    resp = client.get(url, headers={"Accept": "application/json"})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return [i["label"] for i in resp.get_json()["incidents"]]


def test_place_filter(client):
    # the building's incident names no place, but its terminal lies in Novorossiysk
    assert labels(client, "/?place=novorossiysk") == [BUILDING, BERTH]
    assert labels(client, "/?place=finland") == ["Accident on Balticconnector"]
    assert client.get("/?place=no/such").status_code == 400


def test_source_filter_lists_documents(client):
    html = client.get("/").get_data(as_text=True)
    hexkey = keys.CPC_DOC.rsplit("/", 1)[1]
    assert f'<option value="{hexkey}">Drones hit the CPC terminal near Novorossiysk (3 Dec 2025)</option>' in html
    assert sorted(labels(client, f"/?document={hexkey}")) == [BERTH, BUILDING]


def test_grouping_by_facility_puts_parts_under_their_whole(client):
    groups = {g["label"]: len(g["incidents"]) for g in client.get("/.json?group=facility").get_json()["groups"]}
    assert groups["CPC Marine Terminal"] == 2 and groups["Balticconnector"] == 1
    html = client.get("/?group=facility").get_data(as_text=True)
    assert re.search(r'<h2 id="g-\d+" class="group-title"><a href="/entity/facility/cpc-marine-terminal"', html)


def test_grouping_by_actor_keeps_incidents_without_one(client):
    groups = client.get("/.json?group=actor").get_json()["groups"]
    assert groups[-1] == {"key": None, "label": "No perpetrator named",
                          "incidents": [i for i in groups[-1]["incidents"]]}
    assert {g["label"] for g in groups} >= {"Ukraine", "NewNew Polar Bear"}
    assert client.get("/?group=colour").status_code == 400


def island(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_axis_items_are_points_and_ranges(client):
    items = {i["label"]: i for i in island(client.get("/").get_data(as_text=True))["items"]}
    assert items[BERTH]["certain"] and "end" not in items[BERTH]
    assert items[BUILDING]["start"] == "2025-11-24" and items[BUILDING]["end"] == "2025-11-29"  # the 28th included
    grouped = island(client.get("/?group=facility").get_data(as_text=True))
    assert {i["group"] for i in grouped["items"]} == {g["id"] for g in grouped["groups"]}


def test_data_island_cannot_close_its_script(client):
    html = client.get("/").get_data(as_text=True)
    body = re.search(r'id="timeline-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in body and data.HOSTILE_IMG in json.dumps(json.loads(body), ensure_ascii=False)


def nodes(client, url):
    return {n["label"] for n in client.get(url, headers={"Accept": "application/json"}).get_json()["nodes"]}


def test_network_date_window_types_and_as_of(client):
    everything = nodes(client, "/network")
    recent = nodes(client, "/network?since=2025-01-01")
    assert BERTH in recent and "Accident on Balticconnector" not in recent and "Balticconnector" not in recent
    assert "CPC Marine Terminal" in recent  # the whole of a struck part stays
    sabotage = nodes(client, "/network?type=sabotage")
    assert BERTH not in sabotage and any("Sabotage" in n for n in sabotage)
    early = nodes(client, "/network?as_of=2024-01-01")
    assert early == {"Accident on Balticconnector", "Balticconnector", "NewNew Polar Bear", "Finland"}
    assert early < everything
    note = client.get("/network.json?since=2025-01-01").get_json()["note"]
    assert "2 incidents outside" in note
    assert client.get("/network?type=nope").status_code == 400
    assert client.get("/network?since=2025-02-01&until=2025-01-01").status_code == 400


def test_network_frame_follows_the_same_filters(client):
    html = client.get("/network/frame?as_of=2024-01-01").get_data(as_text=True)
    assert "Balticconnector" in html and "Berth No. 2" not in html


@pytest.fixture(scope="module")
def disputed(tmp_path_factory):
    """The CPC article and a second report of the berth strike that disagrees with it."""
    path = tmp_path_factory.mktemp("disputed") / "store"
    fill(path, [data.cpc(), data.tass()])
    app = make_app(path)
    yield app.test_client()
    from web.store import close_app_store

    close_app_store(app)


def berth_page(client) -> str:
    url = next(i["url"] for i in client.get("/.json").get_json()["incidents"] if i["label"] == BERTH)
    return url


def test_incident_page_says_what_sources_disagree_on(disputed):
    html = disputed.get(berth_page(disputed)).get_data(as_text=True)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert ("on the date: 28 Nov 2025 (Berth of CPC terminal attacked) vs 29 Nov 2025 "
            "(Drones hit the CPC terminal near Novorossiysk)") in text
    assert "on the perpetrator: Ukraine (Drones hit the CPC terminal near Novorossiysk) vs Ukrainian Navy" in text


def test_incident_page_shows_who_supports_each_fact(disputed):
    support = disputed.get(berth_page(disputed) + ".json").get_json()["incident"]["support"]
    by = {(s["role"], s["label"]): s for s in support}
    target = by[("target", "Berth No. 2")]
    assert [d["title"] for d in target["documents"]] == ["Berth of CPC terminal attacked",
                                                           "Drones hit the CPC terminal near Novorossiysk"]
    navy = by[("perpetrator", "Ukrainian Navy")]
    assert [d["title"] for d in navy["documents"]] == ["Berth of CPC terminal attacked"]
    assert navy["documents"][0]["sentences"][0]["quote"].endswith("on November 28")
    html = disputed.get(berth_page(disputed)).get_data(as_text=True)
    assert "Who says so" in html and "— 2 sources" in html
