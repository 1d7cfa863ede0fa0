"""Session 17's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import entity, extract, incidents as _incidents

PUB = date(2026, 5, 20)


@pytest.mark.parametrize("text, kind, perps", [
    ("Two rockets landed inside the Tavelo pumping station on Monday, damaging a storage building.",
     "missile_strike", []),
    ("Turkish artillery shells fell on the Tavelo pumping station on Monday.", "shelling", ["Turkey"]),
    ("Debris from a downed drone fell on the grounds of the Tavelo refinery on Monday, starting a small fire.",
     "drone_strike", []),
])
def test_a_weapon_that_lands_on_a_facility_attacks_it(extractor, text, kind, perps):
    out = extract(extractor, text, published=PUB)
    ((typ, start, _, targets, who),) = _incidents(out)
    assert (typ, start) == (kind, "2026-05-18")
    assert len(targets) == 1 and targets[0].startswith("Tavelo")
    assert who == perps


def test_what_else_falls_on_a_facility_attacks_nothing(extractor):
    out = extract(extractor, "Snow fell on the Tavelo pumping station on Monday. Prices fell on Tuesday.",
                  published=PUB)
    assert out["incidents"] == []


def test_an_undated_telling_joins_the_news_not_the_history_of_its_facility(extractor):
    text = ("A drone struck an oil metering station near Kardo early on Tuesday, starting a fire. "
            "The drone hit a metering skid at the Orvesh metering station, officials said. "
            "Orvesh has been targeted before. In June 2025 two rockets landed inside the station's perimeter.")
    got = _incidents(extract(extractor, text, published=PUB))
    assert [(typ, start) for typ, start, *_ in got] == [("drone_strike", "2026-05-19"), ("missile_strike", "2025-06-01")]
    assert "Orvesh metering station" in got[0][3] and got[1][3] == ["Orvesh metering station"]


@pytest.mark.parametrize("second", [
    "In June 2024 a blaze damaged the line.",
    "In June 2024 a blaze above Merto damaged the pylons of the same line.",
])
def test_the_line_told_again_in_its_history_is_that_line(extractor, second):
    text = "On Monday a fire damaged two towers of the Varsk-Tellin 150 kV line. " + second
    got = _incidents(extract(extractor, text, published=PUB))
    assert [(typ, start) for typ, start, *_ in got] == [("fire", "2024-06-01"), ("fire", "2026-05-18")]
    assert "Varsk-Tellin 150 kV line" in got[0][3]


def test_a_line_closed_after_an_incident_is_no_new_target(extractor):
    text = "On Monday a fire damaged the Varsk-Tellin 150 kV line. The operator closed the line on Tuesday."
    got = _incidents(extract(extractor, text, published=PUB))
    assert [(typ, start) for typ, start, *_ in got] == [("fire", "2026-05-18")]


def test_the_site_stormed_after_a_named_plant_is_that_plant(extractor):
    text = "The Varsk hydropower station opened in 2015. In June 2024 about thirty armed men stormed the site at night."
    got = _incidents(extract(extractor, text, published=PUB))
    assert [(typ, start, targets) for typ, start, _, targets, _ in got] == [
        ("armed_assault", "2024-06-01", ["Varsk hydropower station"])]


def test_the_site_reached_after_an_incident_is_no_new_target(extractor):
    text = "A fire hit the Varsk hydropower station on Monday. Firefighters reached the site at dawn on Tuesday."
    got = _incidents(extract(extractor, text, published=PUB))
    assert [(typ, start, targets) for typ, start, _, targets, _ in got] == [
        ("fire", "2026-05-18", ["Varsk hydropower station"])]


@pytest.mark.parametrize("text", [
    "On Monday thunderstorms flattened six towers on the Varsk-Tellin 500 kV line.",
    "On Monday floodwaters scoured the river crossing of the Varsk-Tellin gas pipeline, exposing the pipe.",
])
def test_thunderstorms_and_floodwaters_are_natural_hazards(extractor, text):
    got = _incidents(extract(extractor, text, published=PUB))
    assert [(typ, start) for typ, start, *_ in got] == [("natural_hazard", "2026-05-18")]


@pytest.mark.parametrize("text, name, kind", [
    ("Gunmen attacked the Kabala tower site on Monday.", "Kabala tower site", "telecom_site"),
    ("An excavator cut the Lokoda-Ajeru fibre backbone on Monday.", "Lokoda-Ajeru fibre backbone", "cable"),
    ("A fire broke out at the Oregu switching centre on Monday.", "Oregu switching centre", "telecom_site"),
    ("Thieves stole the batteries of the Dapago relay site on Monday.", "Dapago relay site", "telecom_site"),
    ("A ferry struck the Berth 3 linkspan at Ristavi on Monday.", "Berth 3 linkspan", "berth"),
    ("A freight train derailed at the Korvala junction on Monday.", "Korvala junction", "railway"),
])
def test_telecom_sites_backbones_linkspans_and_junctions_are_facilities(extractor, text, name, kind):
    out = extract(extractor, text, published=PUB)
    (incident,) = out["incidents"]
    (target,) = incident["targets"]
    assert (entity(out, target)["name"], entity(out, target)["type"]) == (name, kind)
