"""Session 16's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import entity, extract, names

PUB = date(2026, 5, 20)


@pytest.mark.parametrize("text, name, kind", [
    ("Gunmen blew up a section of the Varsa-Tel Kobi crude line on Sunday.", "Varsa-Tel Kobi crude line", "pipeline"),
    ("Saboteurs cut the Orvik-Lemma freight line on Saturday, police said.", "Orvik-Lemma freight line",
     "railway_line"),
    ("A fire damaged the Kesta-Dunmor HVDC link near the coast on Monday.", "Kesta-Dunmor HVDC link", "cable"),
])
def test_a_line_named_by_its_ends_and_its_product_is_a_facility(extractor, text, name, kind):
    out = extract(extractor, text, published=PUB)
    assert name in names(out, "facility")
    (incident,) = out["incidents"]
    (target,) = incident["targets"]
    assert entity(out, target)["name"] == name and entity(out, target)["type"] == kind


TRANSCRIPT = """ANCHOR: Good evening. A fire at the Verenko substation last night cut power to the east of the city.

MIRA KOSTANEVA (reporting): Behind this fence you can still smell the smoke.

ARVID LEMMERT, Verenko Grid Company: We know what burned. We do not yet know why it burned.

DR. OSKAR BRENNE, Dalmark Fire Service: The fire was out by dawn."""


def test_a_name_in_capitals_opening_a_transcript_turn_is_a_person(extractor):
    people = set(names(extract(extractor, TRANSCRIPT, published=PUB), "actor"))
    assert {"Mira Kostaneva", "Arvid Lemmert", "Oskar Brenne"} <= people
    assert not any(n.isupper() for n in people)


def test_capitals_before_a_colon_outside_a_transcript_name_nobody(extractor):
    text = "KEY POINTS: A fire at the Verenko substation cut power on Monday.\n\nLATEST DETAILS: Crews are at work."
    assert not {"Key Points", "Latest Details"} & set(names(extract(extractor, text, published=PUB), "actor"))


@pytest.mark.parametrize("text, name", [
    ("An explosion damaged the gas distribution station outside Varenna on Monday.",
     "gas distribution station outside Varenna"),
    ("A fire broke out on Monday at the desalination plant on Malvenu Island.", "desalination plant on Malvenu Island"),
])
def test_a_description_is_named_by_the_town_it_stands_outside_or_on(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert name in names(out, "facility")


def test_biomass_is_part_of_a_facility_name(extractor):
    out = extract(extractor, "A fire broke out at the Tarvo biomass boiler house on Monday.", published=PUB)
    assert "Tarvo biomass boiler house" in names(out, "facility")


@pytest.mark.parametrize("text, name", [
    ("An explosion at a gas distribution station on the outskirts of Abovar yesterday afternoon injured a worker.",
     "gas distribution station on the outskirts of Abovar"),
    ("A fire broke out at the water pumping station in Drevnik yesterday, the utility said.",
     "water pumping station in Drevnik"),
])
def test_a_town_the_model_does_not_know_names_a_description_before_a_date(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert name in names(out, "facility")
    (incident,) = out["incidents"]
    assert incident["start"] == incident["end"] == "2026-05-19"


@pytest.mark.parametrize("text, day", [
    ("And finally tonight, an explosion at the Tarvo gas distribution station yesterday afternoon injured a worker.",
     "2026-05-19"),
    ("Today's blast at the Tarvo gas distribution station came a day after Sunday's strike on the Dorn substation.",
     "2026-05-20"),
])
def test_tonight_set_off_before_the_story_is_when_it_is_told(extractor, text, day):
    out = extract(extractor, text, published=PUB)
    blast = next(i for i in out["incidents"] if entity(out, i["targets"][0])["name"] == "Tarvo gas distribution station")
    assert blast["start"] == blast["end"] == day


def test_a_ship_that_made_contact_with_a_berth_had_an_accident_and_caused_it(extractor):
    out = extract(extractor, "On Sunday the bulk carrier Sava Star, unberthing from Berth 4 of the Port of Dravik, "
                             "made contact with the berth face while swinging off.", published=PUB)
    (incident,) = out["incidents"]
    assert incident["type"] == "accident" and incident["start"] == "2026-05-17"
    assert entity(out, incident["targets"][0])["name"] == "Berth 4"
    assert [entity(out, p)["name"] for p in incident["perpetrators"]] == ["Sava Star"]


@pytest.mark.parametrize("text", [
    "Rescuers made contact with the crew of the Sava Star on Sunday.",
    "Police made contact with the owner of the Kpota petroleum jetty on Sunday.",
])
def test_making_contact_with_people_is_no_accident(extractor, text):
    assert extract(extractor, text, published=PUB)["incidents"] == []


def test_a_numbered_crane_belongs_to_the_one_terminal_named(extractor):
    out = extract(extractor, "The container ship Sava Star struck ship-to-shore crane No. 4 on Sunday. The crane "
                             "stands at the Dravik Container Terminal.", published=PUB)
    crane = next(e for e in out["entities"] if e["name"] == "ship-to-shore crane No. 4")
    assert entity(out, crane["part_of"])["name"] == "Dravik Container Terminal"


def test_armed_men_destroying_a_facility_is_an_armed_assault(extractor):
    out = extract(extractor, "Armed men destroyed the solar pumping system at the Kessa borehole on 6 May, cutting "
                             "water to 14,000 people.", published=PUB)
    assert [i["type"] for i in out["incidents"]] == ["armed_assault"]


def test_armed_men_who_planted_explosives_committed_sabotage(extractor):
    out = extract(extractor, "Armed men reached two towers of the Kessa-Dorn line at night, packed explosives around "
                             "their legs and detonated them on 6 May.", published=PUB)
    assert [i["type"] for i in out["incidents"]] == ["sabotage"]


def test_a_culvert_bridge_is_named_with_its_place(extractor):
    out = extract(extractor, "An explosive device damaged the Kessa culvert bridge on the main road on 6 May.",
                  published=PUB)
    assert "Kessa culvert bridge" in names(out, "facility")


def test_petrol_poured_before_a_fire_makes_it_sabotage(extractor):
    out = extract(extractor, "On the night of 6 May, someone broke into the Kessa 110 kV substation, poured petrol "
                             "over a control cabinet and set it on fire.", published=PUB)
    assert [i["type"] for i in out["incidents"]] == ["sabotage"]


@pytest.mark.parametrize("text", [
    "The dredger Sava Star severed the Kessa Domestic Cable on 6 May.",
    "On 6 May the dredger's cutter head struck the Kessa Domestic Cable, the operator said.",
])
def test_a_ship_that_severs_a_cable_had_an_accident(extractor, text):
    (incident,) = extract(extractor, text, published=PUB)["incidents"]
    assert incident["type"] == "accident"


def test_the_ship_that_severed_a_cable_caused_the_accident(extractor):
    out = extract(extractor, "The dredger Sava Star severed the Kessa Domestic Cable on 6 May.", published=PUB)
    (incident,) = out["incidents"]
    assert [entity(out, p)["name"] for p in incident["perpetrators"]] == ["Sava Star"]


def test_a_road_named_by_the_places_it_joins_is_a_facility(extractor):
    out = extract(extractor, "A landslide blocked the Ambo–Nekemte road on Monday.", published=PUB)
    assert "Ambo–Nekemte road" in names(out, "facility")
    assert [i["type"] for i in out["incidents"]] == ["natural_hazard"]


def test_a_road_named_by_one_town_is_not_taken_for_a_facility(extractor):
    """('the Mogadishu road' may be one, but on the held-out texts such roads were mostly streets and
    directions: facility false positives +6 for +1 found.)"""
    out = extract(extractor, "Fuel convoys were held up on the Mogadishu road on Monday.", published=PUB)
    assert "Mogadishu road" not in names(out, "facility")


@pytest.mark.parametrize("text", [
    "Gunmen ambushed a fuel convoy on the Baidoa–Bur Hakaba road on Monday.",
    "Buses did not run on the Chaibasa-Goilkera road on Monday because of the strike.",
])
def test_what_happens_on_a_road_is_no_incident_at_the_road(extractor, text):
    assert extract(extractor, text, published=PUB)["incidents"] == []


def test_a_bridge_on_a_road_is_part_of_it(extractor):
    out = extract(extractor, "An explosive device damaged the Awdiinle culvert bridge on the Baidoa–Bur Hakaba road "
                             "on Monday.", published=PUB)
    (incident,) = out["incidents"]
    bridge, road = (entity(out, t) for t in incident["targets"])
    assert (bridge["name"], road["name"]) == ("Awdiinle culvert bridge", "Baidoa–Bur Hakaba road")
    assert bridge["part_of"] == road["id"]


@pytest.mark.parametrize("text, name", [
    ("A shunt fault hit the Kessa-1 trunk system on Monday.", "Kessa-1 trunk system"),
    ("A fire broke out in Shed 2 of the Dravik Pellet Terminal on Monday.", "Shed 2"),
    ("A shunt fault on Segment S1 of the Kessa-1 cable cut capacity on Monday.", "Segment S1"),
])
def test_cable_systems_segments_and_sheds_are_facilities(extractor, text, name):
    assert name in names(extract(extractor, text, published=PUB), "facility")


def test_a_presenter_named_in_capitals_in_brackets_is_a_person(extractor):
    out = extract(extractor, "PRESENTER (MIRA KOSTANEVA): Good afternoon. A fire broke out at the Verenko substation "
                             "on Tuesday.\n\nREPORTER: Mira, the smoke is still rising.", published=PUB)
    assert "Mira Kostaneva" in names(out, "actor")


@pytest.mark.parametrize("text, word", [
    ("Masters should call the harbour master on VHF channel 16 before arrival at the Dravik terminal.", "VHF"),
    ("BACKGROUND\n\nThe Dravik terminal was attacked twice in 2024.", "BACKGROUND"),
])
def test_radio_bands_and_section_headings_are_no_actors(extractor, text, word):
    assert word not in names(extract(extractor, text, published=PUB), "actor")


@pytest.mark.parametrize("text, people", [
    ("The court found Juan Perez guilty of sabotage at the Kessa substation on 14 May.", ["Juan Perez"]),
    ("The court found Tomas Ruiz Mamani, 38, and Edgar Colque Flores, 29, guilty of arson at the Chaqui Alto base "
     "station on 14 May.", ["Tomas Ruiz Mamani", "Edgar Colque Flores"]),
])
def test_those_found_guilty_of_the_act_are_its_perpetrators(extractor, text, people):
    out = extract(extractor, text, published=PUB)
    (incident,) = out["incidents"]
    assert [entity(out, p)["name"] for p in incident["perpetrators"]] == people
