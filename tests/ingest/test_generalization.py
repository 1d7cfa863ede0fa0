"""Rules that generalize beyond the development texts, one behaviour per test, on short
invented sentences (none taken from the corpora)."""
from __future__ import annotations

from datetime import date

import pytest

from graph.model import Document

PUB = date(2024, 7, 10)  # a Wednesday


def extract(extractor, text: str, published=PUB) -> dict:
    return extractor.extract(Document(text=text, published=published)).to_contract()


def names(out: dict, kind: str) -> list[str]:
    return [e["name"] for e in out["entities"] if e["kind"] == kind]


def entity(out: dict, eid: str) -> dict:
    return next(e for e in out["entities"] if e["id"] == eid)


@pytest.mark.parametrize("text", [
    "Investigators found no evidence of sabotage at the Varna substation.",
    "\"This was not an attack on the Varna substation,\" the minister said.",
    "Police ruled out sabotage at the Varna substation on Monday.",
])
def test_an_event_the_text_denies_starts_no_incident(extractor, text):
    assert extract(extractor, text)["incidents"] == []


def test_a_campaign_since_a_date_is_not_an_incident(extractor):
    out = extract(extractor, "The rebels have attacked the Varna oil terminal since 2023.")
    assert out["incidents"] == []


def test_a_fire_still_burning_the_next_day_is_an_effect_of_the_strike(extractor):
    out = extract(extractor, "Drones struck the Varna oil terminal on Monday. "
                             "The operator said the fire at the Varna oil terminal was still burning on Tuesday.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("drone_strike", "2024-07-08")]


def test_both_strikes_gives_the_perpetrator_to_each(extractor):
    out = extract(extractor, "Drones hit the Varna gas plant on Sunday. In late June, drones had struck the "
                             "Kavarna gas plant. Experts believe the Crimson Brigade was behind both strikes.")
    perps = [[entity(out, p)["name"] for p in i["perpetrators"]] for i in out["incidents"]]
    assert len(perps) == 2 and all(p == ["Crimson Brigade"] for p in perps), perps


def test_an_acronym_fixes_where_the_name_starts(extractor):
    out = extract(extractor, "The Lagoon Security and Civil Defence Corps (LSCDC) said the blast was caused by vandals.")
    org = next(e for e in out["entities"] if e["name"] == "Lagoon Security and Civil Defence Corps")
    assert "LSCDC" in org["aliases"]
    assert "LSCDC" not in names(out, "place")


def test_the_dateline_city_is_a_place_and_dates_an_undated_lead(extractor):
    out = extract(extractor, "PORTO VELHO, Brazil, July 9 (Reuters) - A fire broke out at the Madeira pumping "
                             "station, the operator said.")
    assert "Porto Velho" in names(out, "place") and "Brazil" in names(out, "place")
    assert "Porto Velho" not in names(out, "actor") and "Brazil" not in names(out, "actor")
    assert [(i["type"], i["start"], i["end"]) for i in out["incidents"]] == [("fire", "2024-07-09", "2024-07-09")]


def test_a_ministry_named_by_who_runs_it(extractor):
    out = extract(extractor, "Air strikes hit the Varna fuel terminal on Monday, the rebel-run health ministry "
                             "and the Crimson-run interior ministry said.")
    assert "Crimson-run interior ministry" in names(out, "actor")


@pytest.mark.parametrize("text,name", [
    ("Crude flows from the Rio Negro field to the coast.", "Rio Negro field"),
    ("Protection systems on the Alto-Bravo line tripped.", "Alto-Bravo line"),
    ("Vandals blew up a section of the Okomu Trunk Line on Monday.", "Okomu Trunk Line"),
    ("Hackers breached computer systems at the Eastern Load Despatch Centre on Monday.", "Eastern Load Despatch Centre"),
])
def test_facility_names_with_newer_heads(extractor, text, name):
    assert name in names(extract(extractor, text), "facility")


def test_an_unnamed_plural_stands_for_the_named_facilities(extractor):
    out = extract(extractor, "Container terminals in three cities were disconnected on Sunday after a cyber incident. "
                             "Operations at the Kestrel Terminal and the Osprey Terminal were suspended.")
    assert sorted(names(out, "facility")) == ["Kestrel Terminal", "Osprey Terminal"]


def test_an_unnamed_unit_is_part_of_the_facility_named_before(extractor):
    out = extract(extractor, "Drones struck the Varna oil refinery overnight. Debris ignited a fire at a "
                             "processing unit, the governor said.")
    unit = next(e for e in out["entities"] if e["name"] == "processing unit")
    assert entity(out, unit["part_of"])["name"] == "Varna oil refinery"
    assert len(out["incidents"]) == 1
