"""Session 26's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import extract

PUB = date(2026, 5, 20)  # a Wednesday


def _kinds(out, name):
    return {e["kind"] for e in out["entities"] if e["name"] == name}


def _incidents(out):
    names = {e["id"]: e["name"] for e in out["entities"]}
    return [(i["type"], [names[t] for t in i["targets"]]) for i in out["incidents"]]


@pytest.mark.parametrize("text, name", [
    # a country's people
    ("Armenian Railway said on Monday that a freight train had derailed near Gyumri, blocking the line to Tbilisi.",
     "Armenian Railway"),
    # a country
    ("Services were suspended after the landslide, Kenya Railway said on Tuesday.", "Kenya Railway"),
    # a compass zone of a national network
    ("A fire broke out in a signal cabin on Tuesday, the North Western Railway said, and trains were diverted.",
     "North Western Railway"),
])
def test_a_railway_named_for_a_country_or_a_zone_is_its_operator(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert _kinds(out, name) == {"actor"}
    assert next(e["type"] for e in out["entities"] if e["name"] == name) == "company"


@pytest.mark.parametrize("text, name", [
    # a line named for its land or its ends stays a line (guards)
    ("Floods on Sunday washed away a culvert on the Tanganyika Valley Railway.", "Tanganyika Valley Railway"),
    ("A derailment on Monday closed the Trans-Saharan Railway for two days.", "Trans-Saharan Railway"),
    ("A derailment on Monday closed the East-West Railway for two days.", "East-West Railway"),
    ("Thieves removed rail clips from the Nairobi–Uganda Railway on Monday, and a train derailed.", "Nairobi–Uganda Railway"),
])
def test_a_railway_named_for_its_land_is_a_line(extractor, text, name):
    assert _kinds(extract(extractor, text, published=PUB), name) == {"facility"}


@pytest.mark.parametrize("text", [
    "The Kariba bridge was hit by floods on Sunday.",
    "The Luapula substation was damaged by storms on Sunday, the utility said.",
])
def test_a_hazard_that_is_the_agent_of_the_damage_is_the_incident(extractor, text):
    assert [t for t, _ in _incidents(extract(extractor, text, published=PUB))] == ["natural_hazard"]


@pytest.mark.parametrize("text, name", [
    ("A contractor boring for fibre struck the gas main on Kowhai Road on Monday, the network said.", "Kowhai Road"),
    ("Crews closed Ashgrove Street West after the water main burst on Tuesday, the council said.", "Ashgrove Street West"),
])
def test_a_road_or_street_is_a_place(extractor, text, name):
    assert _kinds(extract(extractor, text, published=PUB), name) == {"place"}


def test_a_body_named_for_roads_is_still_an_actor(extractor):
    # guard: 'of' or 'and' inside the name makes it a body's, not a street's
    text = "The Office of Highways and Road said on Monday it would inspect the bridge after the flood."
    assert _kinds(extract(extractor, text, published=PUB), "Office of Highways and Road") == {"actor"}


def test_a_street_naming_a_main_stays_in_the_mains_name(extractor):
    text = ("Gas supply will be restored once the Linden Road gas main has been repaired, the utility said after the "
            "explosion on Monday.")
    out = extract(extractor, text, published=PUB)
    assert _kinds(out, "Linden Road gas main") == {"facility"}


@pytest.mark.parametrize("text, name", [
    ("The Army said on Monday that rebels had bombed the Kalawa bridge overnight.", "Army"),
    ("The Government condemned Tuesday's attack on the Mirani substation.", "Government"),
])
def test_a_bare_institution_noun_is_no_actor(extractor, text, name):
    assert not _kinds(extract(extractor, text, published=PUB), name)


def test_the_named_institution_is_still_an_actor(extractor):
    # guard: the body named in full
    text = "The Sri Lanka Army said on Monday that rebels had bombed the Kalawa bridge overnight."
    assert _kinds(extract(extractor, text, published=PUB), "Sri Lanka Army") == {"actor"}


@pytest.mark.parametrize("text, name", [
    ("Water entered the Ndula Falls hydro station operated by KenGen on Monday.", "KenGen"),
    ("A fire broke out on Monday at the Kisoro depot owned by Ruvubu.", "Ruvubu"),
])
def test_the_agent_of_operated_by_is_a_body(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert _kinds(out, name) == {"actor"}


@pytest.mark.parametrize("text, name", [
    ("Crews of the Kavala Volunteer Fire Department put out the blaze at the substation on Monday.",
     "Kavala Volunteer Fire Department"),
    ("Brekkvik Gas AS shut the pipeline on Tuesday after the leak was found.", "Brekkvik Gas AS"),
])
def test_capitalized_words_ending_in_a_bodys_noun_name_a_body(extractor, text, name):
    assert _kinds(extract(extractor, text, published=PUB), name) == {"actor"}



def test_a_named_computer_system_is_the_target_of_an_intrusion(extractor):
    text = "On Monday ransomware encrypted the KivuPay billing platform of the utility, which took it offline."
    assert _incidents(extract(extractor, text, published=PUB)) == [("cyberattack", ["KivuPay billing platform"])]


def test_an_unnamed_computer_system_is_its_plants(extractor):
    # guard: 'the SCADA system' of a plant is no facility of its own
    text = "On Monday hackers encrypted the SCADA system of the Ribnica heating plant, the city said."
    out = extract(extractor, text, published=PUB)
    assert not [e for e in out["entities"] if e["type"] == "it_system"]


def test_a_prefixed_name_with_a_legal_form_is_a_company(extractor):
    text = "A fire broke out on Monday at the Tarragona Sur refinery, operated by Refinería del Ebro S.A., the company said."
    out = extract(extractor, text, published=PUB)
    assert "facility" not in _kinds(out, "Refinería del Ebro")
    assert _incidents(out) == [("fire", ["Tarragona Sur refinery"])]


@pytest.mark.parametrize("text, name", [
    ("The leak was found on Monday by Bayou Teche Pipeline Co., the operator of the line.", "Bayou Teche Pipeline Co"),
    ("Harbourside Tank Terminal BV said on Monday that the fire at berth 4 was out.", "Harbourside Tank Terminal BV"),
])
def test_a_facility_name_with_a_legal_form_after_it_is_a_company(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert _kinds(out, name) == {"actor"}
    assert not _kinds(out, name.rsplit(" ", 1)[0])


@pytest.mark.parametrize("text, name", [
    ("Floods on Monday washed out the Tamba causeway, cutting the mine road.", "Tamba causeway"),
    ("Lightning on Monday tripped the Orofino tie line, the utility said.", "Orofino tie line"),
    ("A tanker dragged its anchor across the Punta Brava buoy on Monday, the port said.", "Punta Brava buoy"),
])
def test_more_kinds_of_facility_are_named_by_their_heads(extractor, text, name):
    assert _kinds(extract(extractor, text, published=PUB), name) == {"facility"}


def test_an_unnamed_buoy_is_no_facility(extractor):
    text = "A tanker dragged its anchor across a mooring buoy at the Punta Brava terminal on Monday."
    out = extract(extractor, text, published=PUB)
    assert not [e for e in out["entities"] if e["type"] == "buoy"]


def test_a_road_told_before_does_not_keep_a_storms_facility_out(extractor):
    text = ("On Monday evening a tornado crossed U.S. Highway 30 near Lisco and closed it. "
            "The tornado then destroyed the Lisco East substation.")
    out = extract(extractor, text, published=PUB)
    assert [t for _, ts in _incidents(out) for t in ts if "substation" in t] == ["Lisco East substation"]


def test_a_liquefaction_complex_is_a_facility(extractor):
    text = "On Monday an explosion at the Arzew liquefaction complex killed two workers, the company said."
    assert _incidents(extract(extractor, text, published=PUB)) == [("explosion", ["Arzew liquefaction complex"])]


def test_a_persons_name_the_model_cut_short_is_taken_whole(extractor):
    text = "Police detained Cristian Andrés Painemal Soto on Monday after the tower was toppled."
    out = extract(extractor, text, published=PUB)
    assert [e["name"] for e in out["entities"] if e["type"] == "person"] == ["Cristian Andrés Painemal Soto"]


def test_a_lettered_section_heading_is_no_person(extractor):
    text = "B. DAMAGE\n\nThe flood damaged the Kaunia rail bridge on Monday.\n\nC. BACKGROUND\n\nEarlier floods closed the line."
    out = extract(extractor, text, published=PUB)
    assert not [e for e in out["entities"] if e["kind"] == "actor"]
