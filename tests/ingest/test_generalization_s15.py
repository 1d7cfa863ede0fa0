"""Session 15's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import entity, extract, names

PUB = date(2026, 5, 20)


def test_a_named_part_hit_brings_the_named_whole_into_the_incident(extractor):
    out = extract(extractor, "A fire broke out on Tuesday at Unit 3 of the Kordon refinery, the operator said.",
                  published=PUB)
    (incident,) = out["incidents"]
    assert [entity(out, t)["name"] for t in incident["targets"]] == ["Unit 3", "Kordon refinery"]


def test_a_berth_of_a_terminal_of_a_port_brings_every_whole(extractor):
    out = extract(extractor, "A drone struck Berth 4 of the Selinka oil terminal at the Port of Dravik on Sunday.",
                  published=PUB)
    (incident,) = out["incidents"]
    assert [entity(out, t)["name"] for t in incident["targets"]] == [
        "Berth 4", "Selinka oil terminal", "Port of Dravik"]



@pytest.mark.parametrize("text, name", [
    ("A fire damaged the Kessa ore loading station on Monday.", "Kessa ore loading station"),
    ("A bulk carrier struck the Norte salt loading terminal on Monday.", "Norte salt loading terminal"),
    ("A fire broke out at the Lanka phosphate export terminal on Monday.", "Lanka phosphate export terminal"),
])
def test_a_bulk_commodity_is_part_of_a_facility_name(extractor, text, name):
    assert name in names(extract(extractor, text, published=PUB), "facility")


def test_a_ship_making_heavy_contact_with_a_quay_is_an_accident(extractor):
    out = extract(extractor, "The cargo vessel Sava Star made heavy contact with Quay 5 at the Port of Dravik on Monday.",
                  published=PUB)
    assert [i["type"] for i in out["incidents"]] == ["accident"]


def test_an_arabic_name_joined_by_and_the_is_one_actor_with_its_acronym(extractor):
    out = extract(extractor, "Gunmen attacked the Kessa substation on Monday. Jama'at Nusrat al-Islam wal-Muslimin "
                             "(JNIM), the al-Qaeda affiliate, claimed the attack.", published=PUB)
    group = next(e for e in out["entities"] if e["name"].startswith("Jama'at"))
    assert (group["name"], group["aliases"]) == ("Jama'at Nusrat al-Islam wal-Muslimin", ["JNIM"])
    assert [entity(out, p)["name"] for i in out["incidents"] for p in i["perpetrators"]] == [group["name"]]


@pytest.mark.parametrize("text, name", [
    ("Reader Dylan in Karratha says the water is off again.", "Dylan"),
    ("Newsreader Mere Tapsell said the bridge at Kessa was closed.", "Mere Tapsell"),
])
def test_a_broadcast_role_before_a_name_is_no_part_of_it(extractor, text, name):
    assert name in names(extract(extractor, text, published=PUB), "actor")


@pytest.mark.parametrize("text, name", [
    ("Ransomware hit Terminal Rambla Norte S.A. on Monday.", "Terminal Rambla Norte"),
])
def test_a_terminal_named_with_its_head_first_is_a_facility(extractor, text, name):
    assert name in names(extract(extractor, text, published=PUB), "facility")


@pytest.mark.parametrize("text", [
    "Terminal Manager Ana Ruiz said the fire was out by Monday.",
    "Fire Hits Terminal At Kessa Port",
])
def test_a_title_or_a_headline_is_no_terminal_named_with_its_head_first(extractor, text):
    assert not any(n.startswith("Terminal") for n in names(extract(extractor, text, published=PUB), "facility"))


@pytest.mark.parametrize("text, name, typ", [
    ("A cloudburst damaged the intake of the Kessa small hydro project overnight.", "Kessa small hydro project",
     "power_plant"),
    ("A fire broke out at the Dravik mobile phone tower on Tuesday.", "Dravik mobile phone tower", "telecom_site"),
])
def test_small_hydro_projects_and_phone_towers_are_facilities(extractor, text, name, typ):
    out = extract(extractor, text, published=PUB)
    assert (typ, name) in [(e["type"], e["name"]) for e in out["entities"] if e["kind"] == "facility"]


@pytest.mark.parametrize("text, name", [
    ("The Punjab government ordered an inquiry into the blast on Monday.", "Punjab government"),
    ("The Lagos State government said the pipeline would be repaired.", "Lagos State government"),
])
def test_a_regions_government_is_an_actor(extractor, text, name):
    assert name in names(extract(extractor, text, published=PUB), "actor")


def test_a_lagoon_is_no_actor(extractor):
    out = extract(extractor, "Oil from the ruptured pipeline reached the Kessa Lagoon on Monday.", published=PUB)
    assert "Kessa Lagoon" not in names(out, "actor")


def test_an_event_told_in_full_after_since_is_an_incident(extractor):
    out = extract(extractor, "Since the ransomware attack of 22 April on the Kessa data centre, billing has been "
                             "running on paper.", published=PUB)
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("cyberattack", "2026-04-22")]


def test_an_event_referred_to_after_since_is_no_new_incident(extractor):
    out = extract(extractor, "Ransomware hit the Kessa data centre on 22 April. Since the attack, billing has been "
                             "running on paper.", published=PUB)
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("cyberattack", "2026-04-22")]


def test_a_ship_named_by_its_tonnage_that_made_heavy_contact_is_the_perpetrator(extractor):
    out = extract(extractor, "The 37,000 dwt Coral Kessa, a Singapore-flagged tanker, made heavy contact with the "
                             "loading platform of the Dravik fuel jetty on Thursday.", published=PUB)
    ship = next(e for e in out["entities"] if e["name"] == "Coral Kessa")
    assert ship["type"] == "vessel"
    assert [(i["type"], i["perpetrators"]) for i in out["incidents"]] == [("accident", [ship["id"]])]


def test_a_ship_the_parser_reads_as_the_dates_object_is_still_the_subject(extractor):
    out = extract(extractor, "On 9 September the product tanker Garadagh Kessa, arriving in ballast, struck the head "
                             "of the Zira Oil Jetty while berthing in a strong northerly wind.", published=PUB)
    (incident,) = out["incidents"]
    assert incident["type"] == "accident"
    assert [entity(out, p)["name"] for p in incident["perpetrators"]] == ["Garadagh Kessa"]


def test_a_voltage_in_a_name_is_no_designation(extractor):
    out = extract(extractor, "A drone hit the Kessa-2 330 kV substation on Monday. Repairs at the Kessa-2 substation "
                             "began on Tuesday.", published=PUB)
    assert names(out, "facility") == ["Kessa-2 330 kV substation"]


@pytest.mark.parametrize("text, name", [
    ("Vodafone Egypt said the cable to the Kessa exchange was cut on Monday.", "Vodafone Egypt"),
    ("OCP Ecuador halted pumping on Sunday after the landslide.", "OCP Ecuador"),
])
def test_a_company_named_with_its_country_after_it_is_one_actor(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert name in names(out, "actor")
    assert name.split()[-1] not in names(out, "actor")


@pytest.mark.parametrize("text, place", [
    ("Drones hit a depot near Port Sudan on Monday.", "Port Sudan"),
    ("The grid operator of North Macedonia said the line tripped.", "North Macedonia"),
    ("Storms hit Western Kazakhstan on Monday.", "Western Kazakhstan"),
])
def test_a_place_named_with_its_country_is_no_company(extractor, text, place):
    assert place not in names(extract(extractor, text, published=PUB), "actor")


@pytest.mark.parametrize("text, name", [
    ("A blast hit the Kessa gas regulating station on Wednesday.", "Kessa gas regulating station"),
    ("A fire broke out at the Dravik pressure-reduction station on Wednesday.", "Dravik pressure-reduction station"),
])
def test_gas_regulating_and_pressure_reduction_stations_are_facilities(extractor, text, name):
    assert name in names(extract(extractor, text, published=PUB), "facility")
