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


def incidents(out: dict) -> list[tuple]:
    """Each incident as (type, start, end, target names, perpetrator names), sorted: what a reader checks."""
    return sorted((i["type"], i["start"], i["end"], sorted(entity(out, t)["name"] for t in i["targets"]),
                   sorted(entity(out, p)["name"] for p in i["perpetrators"])) for i in out["incidents"])


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


def perps(out: dict) -> list[list[str]]:
    by_id = {e["id"]: e["name"] for e in out["entities"]}
    return [sorted(by_id[p] for p in i["perpetrators"]) for i in out["incidents"]]


@pytest.mark.parametrize("text,name", [
    ('Arsonists set fire to the Varna substation on Tuesday. A group calling itself "Rote Linie Sieben" '
     'claimed responsibility on Wednesday.', "Rote Linie Sieben"),  # the name a group gives itself
    ("The cyberattack on the Varna water treatment plant on Monday was carried out by Gr1dBreakers, a group "
     "linked to no state, the agency said.", "Gr1dBreakers"),  # a name spelled with digits
    ("A drone struck the Varna oil terminal on Monday. Ruritania's Zelot movement claimed the attack.",
     "Zelot movement"),  # a movement is its own actor, not its country
])
def test_a_group_that_ner_misses_is_the_actor_that_did_it(extractor, text, name):
    out = extract(extractor, text)
    assert name in names(out, "actor")
    assert perps(out) == [[name]]


def test_a_partner_in_a_claimed_attack_is_a_perpetrator(extractor):
    out = extract(extractor, "A drone struck the Varna oil terminal on Monday. The Zelot movement claimed the "
                             "attack and said it was carried out jointly with the Northern Resistance Front.")
    assert perps(out) == [["Northern Resistance Front", "Zelot movement"]]


def test_a_front_for_an_organ_of_a_state_names_the_organ(extractor):
    out = extract(extractor, "The cyberattack on the Varna water treatment plant on Monday was the work of "
                             "Gr1dBreakers, a front for Ruritania's Revolutionary Guard Corps, the agency said.")
    assert perps(out) == [["Gr1dBreakers", "Revolutionary Guard Corps"]]


def test_an_undated_retelling_belongs_to_the_news_not_to_an_old_incident(extractor):
    out = extract(extractor, "On Monday, a fire caused by an illegal tap damaged the Varna pipeline. In 2019 an "
                             "explosion on the Varna pipeline killed 20 people. Analysts believe the attack on the "
                             "pipeline was the work of the Black Wolves gang.")
    dated = {i["start"]: i for i in out["incidents"]}
    by_id = {e["id"]: e["name"] for e in out["entities"]}
    assert [by_id[p] for p in dated["2024-07-08"]["perpetrators"]] == ["Black Wolves"]
    assert dated["2019-01-01"]["perpetrators"] == []


@pytest.mark.parametrize("text,part", [
    # (an unnamed transformer is told as its substation: test_generalization_s14.py)
    ("On Monday a fire destroyed a control building at the Varna substation.",
     "control building at the Varna substation"),
    ("On Monday shells hit the Varna Dam's switchyard.", "Varna Dam's switchyard"),
])
def test_an_unnamed_part_hit_is_a_facility_inside_the_named_one(extractor, text, part):
    out = extract(extractor, text)
    ents = {e["name"]: e for e in out["entities"] if e["kind"] == "facility"}
    assert part in ents, ents
    whole = entity(out, ents[part]["part_of"])["name"]
    assert whole.startswith("Varna")


def test_loose_plural_parts_are_not_facilities(extractor):
    out = extract(extractor, "On Monday gunfire at the Varna substation damaged transformers.")
    assert names(out, "facility") == ["Varna substation"]


def test_a_capitalized_army_is_its_own_actor_beside_its_state(extractor):
    out = extract(extractor, "Shells hit the Varna substation on Monday. Ruritania blamed Turkey and the Turkish "
                             "Armed Forces for the attack.")
    assert {"Turkey", "Turkish Armed Forces"} <= set(names(out, "actor"))
    assert perps(out) == [["Turkey", "Turkish Armed Forces"]]


def test_a_dateline_parsed_as_subject_does_not_hide_the_attacker(extractor):
    out = extract(extractor, "VARNA, Ruritania - Turkish warplanes bombed the Varna power station on Monday, "
                             "officials said.")
    assert perps(out) == [["Turkey"]]


def test_two_clauses_two_facilities_two_days(extractor):
    out = extract(extractor, "Warplanes bombed the Varna refinery late on Monday, and a drone hit an oil "
                             "pumping station near Burgas on Tuesday, officials said. On Tuesday afternoon a drone "
                             "struck the Kamen pumping station, setting a tank on fire.")
    by_id = {e["id"]: e["name"] for e in out["entities"]}
    got = sorted((i["type"], i["start"], sorted(by_id[t] for t in i["targets"])) for i in out["incidents"])
    assert got == [("airstrike", "2024-07-08", ["Varna refinery"]),
                   ("drone_strike", "2024-07-09", ["Kamen pumping station"])]


def test_a_dismissed_claim_of_sabotage_does_not_type_the_fire(extractor):
    out = extract(extractor, "On Tuesday a fire broke out at the Anokyi gas processing plant. The minister "
                             "dismissed claims on social media that the plant had been sabotaged.")
    assert [i["type"] for i in out["incidents"]] == ["fire"]


@pytest.mark.parametrize("text,name", [
    ("The Frente de Defensa Comunitaria del Quijos denied cutting the cable.", "Frente de Defensa Comunitaria del Quijos"),
    ("Gunmen attacked the station, according to Águas do Norte de Moçambique, the utility.",
     "Águas do Norte de Moçambique"),
])
def test_romance_particles_stay_inside_an_organisation_name(extractor, text, name):
    assert name in names(extract(extractor, text), "actor")


def test_a_rating_inside_a_line_name_and_before_a_plant_name(extractor):
    out = extract(extractor, "On Monday a truck crashed into a tower on the Tema–Achimota 161-kV line, and the "
                             "operator shut its 120-MW Malinao geothermal power plant.")
    assert {"Tema–Achimota 161-kV line", "Malinao geothermal power plant"} <= set(names(out, "facility"))


@pytest.mark.parametrize("text,name", [
    ("The ransomware group Nyx9 listed the operator on its leak site on Monday.", "Nyx9"),
    ("The hacker group CyberTeam 1945 said on Monday it had breached the plant.", "CyberTeam 1945"),
])
def test_a_group_named_after_its_kind(extractor, text, name):
    assert name in names(extract(extractor, text), "actor")


@pytest.mark.parametrize("text,name,typ", [
    ("The energy ministry said the Varna pipeline was shut.", "energy ministry", "ministry"),
    ("A spokesman for the Kavarna operations command said rockets hit the Varna plant.",
     "Kavarna operations command", "armed_forces"),
    ("The Bulgarian foreign ministry summoned the ambassador.", "Bulgarian foreign ministry", "ministry"),
    ("The Russian embassy in Sofia denied any involvement.", "Russian embassy in Sofia", "embassy"),
    ("Prosecutors accused Russia and its military intelligence service of organising the blast.",
     "military intelligence service", "intelligence_agency"),
])
def test_an_organ_written_in_lower_case_is_an_actor(extractor, text, name, typ):
    out = extract(extractor, text)
    found = {e["name"]: e["type"] for e in out["entities"] if e["kind"] == "actor"}
    assert found.get(name) == typ, found


@pytest.mark.parametrize("text", ["The ministry said nothing.", "The company's board met on Monday.",
                                  "Russian intelligence services were blamed."])
def test_a_bare_or_plural_organ_word_is_no_organ(extractor, text):
    out = extract(extractor, text)
    assert not any(e["type"] in ("ministry", "government_agency", "intelligence_agency")
                   for e in out["entities"] if e["kind"] == "actor"), out["entities"]


def test_the_day_of_a_claim_does_not_date_the_attack(extractor):
    out = extract(extractor, "Insurgents stormed the Varna pumping station on Monday, killing two guards. "
                             "Dozens of armed men attacked the Varna pumping station at dawn, the utility said. "
                             "The Crimson Brigade claimed the attack on Tuesday through its news agency.")
    assert [(i["type"], i["start"], i["end"]) for i in out["incidents"]] == [
        ("armed_assault", "2024-07-08", "2024-07-08")]


def test_a_numbered_attack_this_year_is_the_incident_at_hand(extractor):
    out = extract(extractor, "Saboteurs blew up the Varna oil pipeline on Sunday. "
                             "It was the 14th attack on the Varna line this year, according to the energy ministry.")
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2024-07-07", "2024-07-07")]


def test_a_part_at_a_rated_facility_and_a_refinery_unit(extractor):
    out = extract(extractor, "A drone struck a transformer at the 220-kilovolt Varna substation on Monday. "
                             "On Tuesday a drone hit the catalytic cracking unit of the Kavarna refinery.")
    def part(word):  # a part is named with its whole: "catalytic cracking unit of the Kavarna refinery"
        return next(e for e in out["entities"] if e["name"].startswith(word + " "))
    # (an unnamed transformer is told as the whole it is part of: its incident's target)
    monday = next(i for i in out["incidents"] if i["start"] == "2024-07-08")
    assert [entity(out, t)["name"] for t in monday["targets"]] == ["Varna substation"]
    assert entity(out, part("catalytic cracking unit")["part_of"])["name"] == "Kavarna refinery"


def test_a_non_ascii_dateline_is_the_day_of_filing_not_of_the_event(extractor):
    out = extract(extractor, "BOGOTÁ, Jul 10 - Pumping on the Varna oil pipeline was suspended after an explosive "
                             "charge tore open the line in the northern department of Kavarna on Sunday, spilling "
                             "crude into a stream, the energy ministry said.")
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2024-07-07", "2024-07-07")]


def test_a_quoted_ship_name(extractor):
    out = extract(extractor, 'Patrols found the cargo ship "Sea Lark 7" near the Varna cable with its anchor down.')
    assert "Sea Lark 7" in names(out, "actor")


def test_a_rate_sentence_tells_no_incident(extractor):
    out = extract(extractor, "A transformer at the Varna substation caught fire on Saturday. "
                             "The utility says theft and vandalism of its network cost it R2 billion a year.")
    assert [i["type"] for i in out["incidents"]] == ["fire"]


def test_a_drop_after_an_attack_is_dated_by_the_strike_told_later(extractor):
    out = extract(extractor, "Gas supply fell by half on Wednesday after a drone attack on the Varna gas field "
                             "forced its operator to halt production. The drone struck a condensate tank at the "
                             "Varna gas field on Tuesday, setting it on fire.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("drone_strike", "2024-07-09")]


@pytest.mark.parametrize("text", [
    "The operator said a fire alarm at the Varna plant had been set off by a faulty sensor.",  # names something else
    "Exports through the Varna oil pipeline have been halted since 2023.",  # a halt since a year is history
])
def test_texts_that_tell_no_new_incident(extractor, text):
    assert extract(extractor, text)["incidents"] == []


def test_a_strike_told_back_takes_no_far_facility(extractor):
    out = extract(extractor, "Drones struck the Varna gas plant on Tuesday. Tuesday's strike came a day after the "
                             "federal and regional governments announced a tentative agreement to resume oil exports "
                             "through the Kavarna oil pipeline, which have been halted since 2023.")
    targets = {entity(out, t)["name"] for i in out["incidents"] for t in i["targets"]}
    assert targets == {"Varna gas plant"}, out["incidents"]


@pytest.mark.parametrize("text,absent,present", [
    ("ANTOFAGASTA, Chile - A magnitude 7.1 earthquake struck off northern Chile on Monday, damaging a berth "
     "at the Varna port.", "Chile - A", None),
    ("MAPUTO, Mozambique - Insurgents stormed a water pumping station in northern Mozambique on Thursday.",
     "Mozambique - Insurgents", None),
    ("The national disaster agency said the Varna bridge had collapsed.", None, "national disaster agency"),
    ("The group spoke through its news agency after the Varna bridge collapsed.", "news agency", None),
])
def test_organisation_names_lose_datelines_and_descriptions(extractor, text, absent, present):
    found = names(extract(extractor, text), "actor")
    assert absent is None or absent not in found, found
    assert present is None or present in found, found


def test_a_name_after_a_company_word_is_an_organisation(extractor):
    out = extract(extractor, "The field is operated by Danish company Nordlys Offshore, which said it was safe.")
    assert {e["name"]: e["type"] for e in out["entities"]}.get("Nordlys Offshore") not in (None, "person")


def test_a_capitalised_head_with_its_number_is_a_name(extractor):
    out = extract(extractor, "Loading at Berth 1 of the Varna oil terminal was halted. Berths 2 and 3 were open.")
    assert "Berth 1" in names(out, "facility") and "Berths 2" not in names(out, "facility")


def test_a_claim_of_an_incident_word_names_the_perpetrator(extractor):
    out = extract(extractor, "In March, the Crimson Brigade claimed a bombing of the Kavarna oil pipeline.")
    assert [[entity(out, p)["name"] for p in i["perpetrators"]] for i in out["incidents"]] == [["Crimson Brigade"]]


def test_the_group_is_the_armed_group_not_the_command_that_blamed_it(extractor):
    out = extract(extractor, "The regional operations command said a bomb hit the Varna oil pipeline on Sunday. "
                             "The command blamed the Sarare Front, a rebel faction. The operations command said "
                             "its experts found a detonation cable. In March, the group claimed a bombing of the "
                             "Kavarna oil pipeline.")
    march = next(i for i in out["incidents"] if i["start"] == "2024-03-01")
    assert [entity(out, p)["name"] for p in march["perpetrators"]] == ["Sarare Front"]


@pytest.mark.parametrize("text,junk", [
    ("Russia fired Iskander-M missiles and Katyusha rockets at the Varna plant on Monday.", {"Iskander-M", "Katyusha"}),
    ("The fire at the Varna plant started at 0300 GMT, the company said on X.", {"GMT", "X"}),
])
def test_weapons_time_zones_and_platforms_are_no_actors(extractor, text, junk):
    assert not junk & set(names(extract(extractor, text), "actor"))


def test_an_office_keeps_its_remit(extractor):
    out = extract(extractor, "The United Nations Office for the Coordination of Humanitarian Affairs said the "
                             "Varna dam was damaged.")
    assert "United Nations Office for the Coordination of Humanitarian Affairs" in names(out, "actor")


def test_an_outage_since_a_day_began_that_day(extractor):
    out = extract(extractor, "Output from the Varna gas field will remain halted until next week, the operator "
                             "said on Tuesday. The field has been shut since Saturday, when a compressor failed.")
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2024-07-06", "2024-07-06")]


def test_two_names_share_a_plural_head(extractor):
    out = extract(extractor, "Drones hit the Kherson and Mykolaiv power plants on Monday.")
    assert {"Kherson power plant", "Mykolaiv power plant"} <= set(names(out, "facility"))


@pytest.mark.parametrize("text", [
    "Our team detected unauthorised activity on servers that control the Varna water treatment plant on Saturday.",
    "An intruder logged into the control system of the Varna water treatment plant on Saturday.",
])
def test_intrusions_in_plain_words_are_cyberattacks(extractor, text):
    assert [i["type"] for i in extract(extractor, text)["incidents"]] == ["cyberattack"]


def test_claiming_its_own_deed_claims_the_incident(extractor):
    out = extract(extractor, 'Hackers broke into the Varna water plant on Saturday. A group calling itself "NoxGrid" '
                             "has claimed on a messaging channel that it carried out the attack.")
    assert [[entity(out, p)["name"] for p in i["perpetrators"]] for i in out["incidents"]] == [["NoxGrid"]]


def test_an_organ_named_as_a_remit_is_no_actor(extractor):
    out = extract(extractor, "The unit belongs to the SVB, the organization in charge of Russian foreign intelligence.")
    assert "Russian foreign intelligence" not in names(out, "actor")


def test_gates_and_transformer_stations_are_facilities(extractor):
    out = extract(extractor, "Shells hit spillway gate No. 3 of the Varna dam on Monday. On Tuesday a drone struck "
                             "the Kavarna transformer station.")
    assert {"spillway gate No. 3", "Kavarna transformer station"} <= {
        e["name"].split(" of the ")[0] for e in out["entities"] if e["kind"] == "facility"}


def test_a_bare_plural_kind_is_no_facility_told_before(extractor):
    out = extract(extractor, "Drones struck the Varna Dam on Monday, setting the dam's transformer station ablaze. "
                             "The country has been at war since April 2023. Power stations and fuel depots have been "
                             "repeatedly targeted.")
    assert len(out["incidents"]) == 1


def test_the_same_night_takes_the_day_told_before(extractor):
    out = extract(extractor, "Saboteurs blew up the Varna oil pipeline on Sunday. The same night, saboteurs blew up "
                             "a tower on the Kavarna power line.")
    assert sorted(i["start"] for i in out["incidents"]) == ["2024-07-07", "2024-07-07"]


def test_the_year_a_bridge_was_built_dates_nothing(extractor):
    out = extract(extractor, "A freight train derailed on the Varna rail bridge on Tuesday. The steel bridge, built "
                             "in 1962, suffered damage to its deck.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("accident", "2024-07-09")]


def test_a_possibility_and_a_series_are_no_events(extractor):
    out = extract(extractor, "A freight train derailed on the Varna rail bridge on Tuesday. After a series of arson "
                             "attacks on the rail network, the minister said that \"no scenario, including sabotage, "
                             "can be ruled out.\"")
    assert [i["type"] for i in out["incidents"]] == ["accident"]


def test_attackers_identified_as_fighters_of_a_group(extractor):
    out = extract(extractor, "Armed men blew up two towers on the Varna power line last week. On Friday the army "
                             "said its troops had tracked the attackers to a forest camp and identified them as "
                             "fighters of the Kuyambana group, a jihadist faction.")
    perps = [entity(out, p) for i in out["incidents"] for p in i["perpetrators"]]
    assert len(perps) == 1 and "Kuyambana group" in [perps[0]["name"]] + perps[0]["aliases"], perps


@pytest.mark.parametrize("text,day", [
    ("In the early morning of the 9th, saboteurs blew up the Varna oil pipeline.", "2024-07-09"),
    ("On the 28th, saboteurs blew up the Varna oil pipeline.", "2024-06-28"),
])
def test_a_day_of_the_month_alone_is_the_latest_such_day(extractor, text, day):
    assert [i["start"] for i in extract(extractor, text)["incidents"]] == [day]


def test_an_owner_that_is_no_facility_names_none(extractor):
    out = extract(extractor, "Cartels tap Mexico's pipelines daily. The Varna Dam's switchyard was shelled on Monday.")
    assert "Mexico's pipelines" not in names(out, "facility")
    assert any(n.startswith("Varna Dam") for n in names(out, "facility"))


def test_last_weekday_is_the_day_the_text_names_a_week_earlier(extractor):
    out = extract(extractor, "Prosecutors said on Wednesday that last Tuesday's explosion at the Varna fuel terminal "
                             "was sabotage. The July 2 blast destroyed two tanks at the Varna fuel terminal.",
                  published=date(2024, 7, 11))
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2024-07-02", "2024-07-02")]


def test_the_field_refers_to_the_named_oil_field(extractor):
    out = extract(extractor, "The Varna oil field stopped pumping on Thursday. Gunmen stormed the field three days "
                             "ago and ordered workers to halt production, said Sheriff Ronnie Fields.")
    assert ("armed_assault", ["Varna oil field"]) in [
        (i["type"], [entity(out, t)["name"] for t in i["targets"]]) for i in out["incidents"]]
    assert "Ronnie Fields" not in names(out, "facility")



def test_a_report_denied_in_the_next_sentence_types_nothing(extractor):
    out = extract(extractor, "A fire broke out at the Varna substation on Monday. Several media outlets have reported "
                             "that the Varna substation was hacked. We have found no indication of a cyberattack, "
                             "the operator said.")
    assert [i["type"] for i in out["incidents"]] == ["fire"]


def test_the_month_may_is_no_modal(extractor):
    out = extract(extractor, "On 6 May, drones struck the Varna power station. It may take weeks to repair.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("drone_strike", "2024-05-06")]


def test_a_modal_before_the_event_still_makes_it_hypothetical(extractor):
    out = extract(extractor, "Officials warned that drones may strike the Varna power station.")
    assert out["incidents"] == []


@pytest.mark.parametrize("text,day", [
    ("An explosion hit the Varna pipeline on Friday. Three days after the explosion, a drone struck the "
     "Kavarna gas plant.", "2024-07-08"),
    ("An explosion hit the Varna pipeline on Friday. Two days later, a drone struck the Kavarna gas plant.",
     "2024-07-07"),
    ("An explosion hit the Varna pipeline on Friday. The next day, a drone struck the Kavarna gas plant.",
     "2024-07-06"),
])
def test_a_day_counted_from_the_event_told_before(extractor, text, day):
    out = extract(extractor, text)
    kavarna = next(e["id"] for e in out["entities"] if e["name"].startswith("Kavarna"))
    assert [i["start"] for i in out["incidents"] if kavarna in i["targets"]] == [day]


def test_a_day_counted_from_an_undated_event_is_no_date(extractor):
    # (each told with who did it: an untimed event told once by nobody is left out as background)
    out = extract(extractor, "The Kavarna Liberation Front bombed the Varna pipeline. Two days later, the Kavarna "
                             "Liberation Front struck the Kavarna gas plant with a drone.")
    assert [i["start"] for i in out["incidents"]] == [None, None]


def test_a_count_that_belongs_to_another_event_dates_nothing(extractor):
    out = extract(extractor, "Rebels said on Monday they had targeted the Varna refinery in response to strikes "
                             "on their camps a day earlier.")
    assert [i["start"] for i in out["incidents"]] != ["2024-07-07"]


def test_a_bearing_after_the_head_ends_the_name(extractor):
    out = extract(extractor, "A drone struck the Bazyan gas processing plant west of Sulaymaniyah on Monday.")
    assert "Bazyan gas processing plant" in names(out, "facility")


@pytest.mark.parametrize("text,n", [
    ("One of the spillway gates at the Varna dam failed on Monday.", 1),
    ("A transformer failure at the Varna substation cut power on Monday.", 1),
    ("Talks on the Varna pipeline failed on Monday.", 0),
    ("Crews failed to reach the Varna substation on Monday.", 0),
])
def test_a_failure_is_an_accident_only_when_a_facility_fails(extractor, text, n):
    out = extract(extractor, text)
    assert len([i for i in out["incidents"] if i["type"] == "accident"]) == n


def test_a_plural_kind_with_an_owner_is_no_facility(extractor):
    out = extract(extractor, "Regulators ordered checks at the country's hydroelectric dams after the Varna dam "
                             "failed on Monday.")
    assert names(out, "facility") == ["Varna dam"]


def test_an_unnamed_part_target_brings_its_named_whole(extractor):
    out = extract(extractor, "On Sunday a drone hit a transformer at the Varna substation.")
    whole = next(e["id"] for e in out["entities"] if e["name"] == "Varna substation")
    assert len(out["incidents"]) == 1 and whole in out["incidents"][0]["targets"]


def test_a_damaged_part_in_a_plan_dates_no_incident(extractor):
    out = extract(extractor, "A gate at the Varna dam failed on Monday. The operator expects to replace the damaged "
                             "gate by April.")
    assert [i["start"] for i in out["incidents"]] == ["2024-07-08"]


@pytest.mark.parametrize("text", [
    "The Armed Forces of Ukraine said drones hit the Varna refinery on Monday.",
    "The General Staff of the Armed Forces of Ukraine said drones hit the Varna refinery on Monday.",
    "Ukraine's General Staff said drones hit the Varna refinery on Monday.",
])
def test_a_states_military_by_its_proper_name_is_the_state(extractor, text):
    out = extract(extractor, text)
    assert [(e["type"], e["name"]) for e in out["entities"] if e["kind"] == "actor"] == [("state", "Ukraine")]


def test_the_short_name_of_a_states_forces_is_the_state(extractor):
    out = extract(extractor, "The Defence Forces of Ukraine struck the Varna refinery on Monday. On Sunday the "
                             "Defence Forces hit the Kavarna pumping station.")
    ukraine = next(e["id"] for e in out["entities"] if e["name"] == "Ukraine")
    assert names(out, "actor") == ["Ukraine"]
    assert out["incidents"][0]["perpetrators"] == [ukraine]


def test_a_numbered_unit_keeps_its_number(extractor):
    out = extract(extractor, "The minister said the attack on the Varna pipeline was the work of the 10th Front.")
    assert "10th Front" in names(out, "actor")
    assert all(i["start"] is None for i in out["incidents"])  # 'of the 10th' names the unit, not a day


def test_the_dateline_is_no_claimant(extractor):
    out = extract(extractor, "BOGOTA, Sept 23 (Andes Newswire) - The Northern Brigade on Tuesday claimed responsibility "
                             "for Sunday's bombing of the Varna oil pipeline.", published=date(2025, 9, 23))
    assert [entity(out, p)["name"] for p in out["incidents"][0]["perpetrators"]] == ["Northern Brigade"]


def test_a_day_a_statement_was_sent_is_not_the_attacks(extractor):
    out = extract(extractor, "Drones hit the Varna oil pipeline on Sunday. \"We had nothing to do with the attack on the "
                             "pipeline,\" the group said in a statement sent to radio stations on Monday.")
    assert [i["start"] for i in out["incidents"]] == ["2024-07-07"]


def test_a_coded_unit_name_before_its_kind(extractor):
    out = extract(extractor, "Fires broke out at the AVT-4 primary crude distillation unit of the Varna refinery.")
    assert "AVT-4 primary crude distillation unit" in names(out, "facility")


def test_a_press_release_label_is_no_dateline_city(extractor):
    out = extract(extractor, "PRESS RELEASE - FOR IMMEDIATE DISTRIBUTION\n\nVarna Port Operations Co., Ltd. (\"the Company\") "
                             "said hackers hit the Varna container terminal on Saturday.")
    assert names(out, "place") == []
    assert "Company" not in names(out, "actor")
    assert "Varna Port" not in names(out, "facility")


def test_the_terminal_is_the_terminal_named_before_not_its_port(extractor):
    out = extract(extractor, "Hackers hit the Varna Bay Terminal, its container terminal at Kavarna New Port. On Saturday "
                             "the company suspended operations at the terminal.")
    terminal = next(e for e in out["entities"] if e["name"] == "Varna Bay Terminal")
    wholes = [terminal["part_of"]] if terminal["part_of"] else []  # the port the terminal is in was hit too
    assert all(i["targets"] == [terminal["id"], *wholes] for i in out["incidents"]), out["incidents"]


def test_an_update_on_the_incident_is_dated_by_the_update(extractor):
    out = extract(extractor, "On Saturday, ransomware hit the Varna Bay Terminal. Today the operator provided an update on "
                             "the cyber incident at the Varna Bay Terminal.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("cyberattack", "2024-07-06")]


def test_the_same_intrusion_is_the_one_told_before(extractor):
    out = extract(extractor, "On Saturday, ransomware hit the Varna Bay Terminal. Earlier this week the operator also took "
                             "the systems at its Kavarna Bulk Terminal offline while investigators checked them for signs "
                             "of the same intrusion.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("cyberattack", "2024-07-06"),
                                                                    ("disruption", "2024-07-08")]


def test_without_a_publication_date_a_weekday_is_not_a_years_history(extractor):
    out = extract(extractor, "A turbine at the Varna LNG plant broke apart on Thursday, starting a fire. It is the second "
                             "long outage at the plant. In 2020 a fire kept the Varna LNG plant out of production.",
                  published=None)
    assert sorted((i["type"], i["start"] or "") for i in out["incidents"]) == [("fire", ""), ("fire", "2020-01-01")]


def test_a_named_berth_belongs_to_the_one_terminal_named(extractor):
    out = extract(extractor, "Drones hit the Varna Products Terminal at 3am. The operator said Berth 3 was struck and "
                             "loadings would resume at Berths 1 and 2 on Thursday.")
    berth = next(e for e in out["entities"] if e["name"] == "Berth 3")
    assert entity(out, berth["part_of"])["name"] == "Varna Products Terminal"
    assert "Berths" not in names(out, "actor")
    assert len(out["incidents"]) == 1


def test_a_sea_before_a_kind_says_where_not_what(extractor):
    out = extract(extractor, "Drone attack on Red Sea fuel terminal. Drones hit the Varna Products Terminal on Monday.")
    assert names(out, "facility") == ["Varna Products Terminal"]


def test_a_group_that_claims_the_attack_is_an_armed_group(extractor):
    out = extract(extractor, "Drones hit the Varna Products Terminal on Monday. The Kuvari have claimed the attack. "
                             "The group's spokesman said its forces had targeted the terminal.")
    kuvari = next(e for e in out["entities"] if e["name"] == "Kuvari")
    assert kuvari["type"] == "armed_group"
    assert out["incidents"][0]["perpetrators"] == [kuvari["id"]]


def test_a_since_clause_dates_no_incident(extractor):
    out = extract(extractor, "Drones hit the Varna Products Terminal overnight. It is the first attack on the terminal "
                             "since a truce took hold in 2022.")
    assert [i["start"] for i in out["incidents"]] == ["2024-07-09"]


def test_a_power_interconnector_is_a_cable(extractor):
    out = extract(extractor, "The Varna power interconnector tripped out of service overnight. The operator said the "
                             "cable had been damaged.")
    assert [(e["type"], e["name"]) for e in out["entities"] if e["kind"] == "facility"] == \
        [("cable", "Varna power interconnector")]


def test_a_numbered_tank_and_a_rated_line_are_named(extractor):
    out = extract(extractor, "Lightning hit Tank No. 7 at the Varna fuel depot on Monday. A storm toppled towers on the "
                             "Varna-Kavarna 132 kV line and flooded the Kavarna grid substation.")
    assert {"Tank No. 7", "Varna-Kavarna 132 kV line", "Kavarna grid substation"} <= set(names(out, "facility"))


def test_tanks_alone_are_no_facility(extractor):
    out = extract(extractor, "Tanks rolled into the town on Monday.")
    assert names(out, "facility") == []


def test_the_day_a_storm_struck_goes_to_its_damage_told_two_sentences_on(extractor):
    out = extract(extractor, "Lightning hit Tank No. 7 at the Varna fuel depot on Saturday. Cyclone Orla made landfall on "
                             "Monday. Forecasters had warned for days. The cyclone toppled towers on the Varna-Kavarna "
                             "132 kV line.")
    assert sorted(i["start"] for i in out["incidents"]) == ["2024-07-06", "2024-07-08"]


def test_cables_stolen_from_a_substation_is_sabotage_late_last_month(extractor):
    out = extract(extractor, "Late last month, copper cables were stolen from the Varna substation, cutting supply.")
    assert [(i["type"], i["start"], i["end"]) for i in out["incidents"]] == [("sabotage", "2024-06-21", "2024-06-30")]


def test_a_stolen_car_is_no_incident(extractor):
    out = extract(extractor, "Police said the attackers had stolen a car near the Varna substation on Monday.")
    assert out["incidents"] == []


def test_an_open_question_of_cause_types_nothing(extractor):
    out = extract(extractor, "An explosion ripped through the Varna substation on Sunday. Technicians are examining whether a fault "
                             "set off the blast or whether it was the result of vandalism.")
    assert [i["type"] for i in out["incidents"]] == ["explosion"]


def test_the_day_on_the_verb_of_the_event_beats_the_day_of_its_effect(extractor):
    out = extract(extractor, "Thousands remained without electricity on Wednesday after an explosion ripped through the "
                             "Varna substation on Sunday night.")
    assert [i["start"] for i in out["incidents"]] == ["2024-07-07"]


def test_a_plant_named_by_its_town_is_the_plant_in_that_town(extractor):
    out = extract(extractor, "Ransomware forces Varna water plant onto manual control\n\nOperators at the Kavarna water "
                             "treatment plant in Varna have run pumps by hand since a ransomware attack on Thursday.")
    assert names(out, "facility") == ["Kavarna water treatment plant"]
    assert len(out["incidents"]) == 1


def test_an_accusation_for_the_attacks_of_a_month_goes_to_those_attacks(extractor):
    out = extract(extractor, "On 4 May, drones struck the Varna fuel depot. On 6 May, drones hit the Kavarna power station. "
                             "On Sunday, a drone hit the Balchik substation. The council accused the Northern Brigade of "
                             "being behind the May attacks.")
    perps = {entity(out, i["targets"][0])["name"]: [entity(out, p)["name"] for p in i["perpetrators"]]
             for i in out["incidents"]}
    assert perps == {"Varna fuel depot": ["Northern Brigade"], "Kavarna power station": ["Northern Brigade"],
                     "Balchik substation": []}


def test_a_ministrys_name_goes_on_over_and(extractor):
    out = extract(extractor, "The Ministry of Energy and Mines said the Varna dam was stable. Units of the Fire Service "
                             "and Civil Defence fought the blaze.")
    assert {"Ministry of Energy and Mines", "Fire Service and Civil Defence"} <= set(names(out, "actor"))


def test_a_label_and_a_unit_are_no_names(extractor):
    out = extract(extractor, "Explainer: Who is attacking the Varna port?\n\nTwo 160 MVA units at the Varna substation "
                             "were destroyed on Monday.")
    assert names(out, "actor") == [] and names(out, "person") == []


def test_a_lettered_hall_and_a_failed_turbine(extractor):
    out = extract(extractor, "A turbine in Turbine Hall B at the Varna LNG plant failed on Monday.")
    hall = next(e for e in out["entities"] if e["name"] == "Turbine Hall B")
    assert entity(out, hall["part_of"])["name"] == "Varna LNG plant"
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("accident", "2024-07-08")]


@pytest.mark.parametrize("text,typ,day", [
    ("A fire broke out at the Varna substation on Monday in what police called suspected arson.", "fire", "2024-07-08"),
    ("An explosion hit the Varna compressor station on Monday. The security service said it could not rule out an "
     "attack.", "explosion", "2024-07-08"),
    ("A barge hit a pier of the Varna bridge the previous night, officials said on Tuesday.", "accident", "2024-07-08"),
    ("A fire hit the Kavarna substation a week ago.", "fire", "2024-07-03"),
    ("A typhoon toppled towers on the Varna-Kavarna line late last year.", "natural_hazard", "2023-09-01"),
    ("The Varna data cable was cut on Monday.", "damage", "2024-07-08"),
    ("Unknown persons cut fibre-optic cables at the Varna signal box on Monday.", "sabotage", "2024-07-08"),
])
def test_what_the_text_establishes_types_and_dates_the_incident(extractor, text, typ, day):
    out = extract(extractor, text)
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [(typ, day)]


def test_cut_flows_into_a_pipeline_damages_nothing(extractor):
    out = extract(extractor, "A fire broke out at the Varna compressor station on Monday, forcing the operator to cut flows "
                             "into the Kavarna pipeline.")
    assert [i["type"] for i in out["incidents"]] == ["fire"]


def test_officials_attributed_the_attack_to_a_group(extractor):
    out = extract(extractor, "A bomb damaged the Varna gas pipeline on Sunday. Military officials attributed the attack to "
                             "the Northern Brigade.")
    assert [[entity(out, p)["name"] for p in i["perpetrators"]] for i in out["incidents"]] == [["Northern Brigade"]]


def test_floodwater_is_nobody(extractor):
    out = extract(extractor, "Floodwater damaged the spillway of the Varna dam on Tuesday.")
    assert names(out, "actor") == [] and all(i["perpetrators"] == [] for i in out["incidents"])


@pytest.mark.parametrize("text", [
    "A ransomware gang called Crimson Hydra hit the Varna Grid dispatch centre on Monday.",
    "A group calling itself Crimson Hydra attacked the Varna substation on Monday.",
])
def test_a_group_called_x_is_x(extractor, text):
    out = extract(extractor, text)
    assert [[entity(out, p)["name"] for p in i["perpetrators"]] for i in out["incidents"]] == [["Crimson Hydra"]]


@pytest.mark.parametrize("text", [
    "The Varna gas line was blown up on Sunday. Officials blamed the Northern Brigade.",
    "Gunmen attacked the Varna pumping station on Sunday. Police said the attackers belonged to the Northern Brigade.",
])
def test_the_attacker_named_in_the_next_sentence(extractor, text):
    out = extract(extractor, text)
    assert [[entity(out, p)["name"] for p in i["perpetrators"]] for i in out["incidents"]] == [["Northern Brigade"]]


def test_it_is_the_attacker_of_the_incident_just_told(extractor):
    out = extract(extractor, "The Northern Brigade blew up the Varna pylon on Sunday. The next day it bombed the Kavarna "
                             "pipeline.")
    assert [[entity(out, p)["name"] for p in i["perpetrators"]] for i in out["incidents"]] == \
        [["Northern Brigade"], ["Northern Brigade"]]


def test_insurgents_who_set_a_fire_are_its_perpetrators(extractor):
    out = extract(extractor, "Insurgents from the Northern Brigade set fire to the Varna depot on Sunday, police said.")
    assert [(i["type"], [entity(out, p)["name"] for p in i["perpetrators"]]) for i in out["incidents"]] == \
        [("sabotage", ["Northern Brigade"])]


def test_a_speaker_that_says_it_was_behind_the_attack(extractor):
    out = extract(extractor, "Drones struck the Varna refinery on Sunday. The Northern Brigade said it was behind the "
                             "attack.")
    assert [[entity(out, p)["name"] for p in i["perpetrators"]] for i in out["incidents"]] == [["Northern Brigade"]]


# ---- session 6 ----------------------------------------------------------------------------

def perps_of(out: dict) -> list[list[str]]:
    return [[entity(out, p)["name"] for p in i["perpetrators"]] for i in out["incidents"]]


def test_no_group_names_nobody(extractor):
    out = extract(extractor, "Two drones hit the Varna oil terminal on Tuesday.\n- No group has claimed responsibility")
    assert "No" not in names(out, "actor")
    assert perps_of(out) == [[]]


def test_a_name_and_the_title_after_its_comma(extractor):
    out = extract(extractor, "Media contact: Dana Whitcombe, Communications, Varna Gas Ltd.")
    assert "Dana Whitcombe" in names(out, "actor")
    assert not any("," in n and "Communications" in n for n in names(out, "actor"))


def test_a_company_suffix_after_a_comma_stays_in_the_name(extractor):
    out = extract(extractor, "A statement from Kovalen Energy, Inc. said the pipe burst on Monday.")
    assert any(n.startswith("Kovalen Energy, Inc") for n in names(out, "actor")), names(out, "actor")


def test_the_agency_of_a_dateline_is_no_actor(extractor):
    out = extract(extractor, "PORT MERRIN, Varnia, Sept 9 (KNW) - Militants blew up the Okrika pipeline on Sunday.")
    assert "KNW" not in names(out, "actor")
    assert perps_of(out) == [[]]


def test_operated_on_behalf_of_is_no_accusation(extractor):
    out = extract(extractor, "An explosion damaged the Varna pumping station on Tuesday. The pipeline is operated "
                             "on behalf of its shippers by Kovalen Energy.")
    assert perps_of(out) == [[]]


def test_saboteurs_acting_on_behalf_of_a_state_are_its_deed(extractor):
    out = extract(extractor, "Prosecutors said the men who blew up the Varna pumping station on Tuesday were acting "
                             "on behalf of Russia.")
    assert perps_of(out) == [["Russia"]]


def test_a_rare_head_word_the_tagger_reads_as_a_verb(extractor):
    out = extract(extractor, "The anchor of a tanker snagged the Malta–Sicily interconnector about 7 kilometres "
                             "off the island's northern coast, the operator said.")
    assert "Malta–Sicily interconnector" in names(out, "facility")


def test_a_plural_head_read_as_a_verb_is_no_facility(extractor):
    out = extract(extractor, "Nyland processes gas from the Ormen and Aasta Hansteen fields and sends it south.")
    assert "Aasta Hansteen fields" not in names(out, "facility")


def test_an_interconnector_in_a_story_of_megawatts_is_a_cable(extractor):
    out = extract(extractor, "A ship's anchor damaged the Varna–Kavarna interconnector on Saturday. The 200-megawatt "
                             "electricity link will be out for weeks. In March 2019 an anchor damaged the cable too.")
    link = next(e for e in out["entities"] if e["name"] == "Varna–Kavarna interconnector")
    assert link["type"] == "cable"
    assert sorted(i["start"][:4] for i in out["incidents"]) == ["2019", "2024"]
    assert all(i["targets"] == [link["id"]] for i in out["incidents"])


def test_a_gas_interconnector_stays_a_pipeline(extractor):
    out = extract(extractor, "An explosion damaged the Varna–Kavarna interconnector on Saturday, cutting gas flows "
                             "of 5 million cubic metres a day.")
    assert next(e for e in out["entities"] if e["name"] == "Varna–Kavarna interconnector")["type"] == "pipeline"


def test_an_anchor_strike_is_an_accident(extractor):
    out = extract(extractor, "A survey on Sunday found damage consistent with an anchor strike on the Varna cable.")
    assert [i["type"] for i in out["incidents"]] == ["accident"]


@pytest.mark.parametrize("text", [
    "A blast tore through the Kaloti Bridge on Saturday. The Free Hills Front said in a statement that its fighters "
    "had planted the explosives under the bridge.",
    "A blast tore through the Kaloti Bridge on Saturday. The Free Hills Front said its fighters carried out the attack.",
])
def test_a_group_that_says_its_fighters_did_it(extractor, text):
    out = extract(extractor, text)
    assert perps_of(out) == [["Free Hills Front"]]
    assert [i["type"] for i in out["incidents"]] == ["sabotage"]


@pytest.mark.parametrize("text", [
    "The Free Hills Front said its fighters repelled an attack on the Kaloti Bridge on Saturday.",
    "\"Every time they bomb the Kaloti Bridge, they hurt us,\" said Dana Whitcombe, a trader.",
    "A militant group in Varnia's Kaloti Valley said on Tuesday it had blown up the Kaloti Bridge.",
])
def test_said_without_its_own_deed_claims_nothing(extractor, text):
    out = extract(extractor, text)
    assert all(p == [] for p in perps_of(out)), perps_of(out)


@pytest.mark.parametrize("text", [
    "Russia's defence ministry said its forces had carried out a group strike on the Reni grain terminal on Tuesday.",
    "Russia's Ministry of Defence said its forces had carried out a group strike on the Reni grain terminal on Tuesday.",
])
def test_a_ministry_that_claims_a_strike_gives_its_state(extractor, text):
    assert perps_of(extract(extractor, text)) == [["Russia"]]


def test_an_update_on_a_fire_keeps_the_day_the_fire_occurred(extractor):
    out = extract(extractor, "Kovalen Gas today provided an update on the fire that occurred on Saturday evening "
                             "at its Varna compressor station.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("fire", "2024-07-06")]


def test_a_cause_told_on_its_own_makes_the_one_fire_an_accident(extractor):
    out = extract(extractor, "A fire broke out at the Varna compressor station on Saturday. No one was hurt. "
                             "Crews put it out within three hours. Flows are running at 80 per cent of normal. "
                             "\"Everything we have seen so far points to an equipment failure,\" the chief executive said.")
    assert [i["type"] for i in out["incidents"]] == ["accident"]


@pytest.mark.parametrize("text", [
    "An explosion damaged the Varna pumping station on Tuesday. All versions, including a technical malfunction, "
    "are being examined.",
    "An explosion damaged the Varna pumping station on Tuesday. Investigators are checking whether it was caused "
    "by a faulty valve.",
])
def test_a_cause_examined_is_no_cause_found(extractor, text):
    assert [i["type"] for i in extract(extractor, text)["incidents"]] == ["explosion"]


def test_a_name_in_parentheses_is_another_name_of_the_facility(extractor):
    out = extract(extractor, "A mudflow damaged the Varna Hydroelectric Power Station (Varna HPP) on Saturday. "
                             "The shutdown of the Varna HPP does not affect supply.")
    assert names(out, "facility") == ["Varna Hydroelectric Power Station"]
    assert "Varna HPP" in out["entities"][0]["aliases"]


def test_a_place_in_parentheses_stays_apart(extractor):
    out = extract(extractor, "Drones hit the Varna oil terminal (Kaloti port) on Saturday.")
    assert "Kaloti port" in names(out, "facility") and "Varna oil terminal" in names(out, "facility")


@pytest.mark.parametrize("text,name", [
    ("PT Kaloti Daya Energi said the fire at the Varna power plant started on Monday.", "PT Kaloti Daya Energi"),
    ("PJSC Varnaneft said drones hit the Kaloti pumping station on Monday.", "PJSC Varnaneft"),
])
def test_a_legal_form_before_the_name_is_part_of_it(extractor, text, name):
    assert name in names(extract(extractor, text), "actor")


def test_water_treatment_works_is_a_facility(extractor):
    out = extract(extractor, "Hackers gained remote access to the control system of the Kaloti water treatment works "
                             "on Sunday. The works switched to manual control.")
    assert names(out, "facility") == ["Kaloti water treatment works"]
    assert [i["type"] for i in out["incidents"]] == ["cyberattack"]


def test_hackers_tampering_with_a_dam_is_a_cyberattack(extractor):
    out = extract(extractor, "In mid-April, hackers tampering with its controls opened a discharge valve at the "
                             "Kaloti dam.")
    assert [i["type"] for i in out["incidents"]] == ["cyberattack"]


def test_bombings_that_have_been_rare_since_a_year_are_no_incident(extractor):
    out = extract(extractor, "Militants blew up the Okrika trunkline on Sunday. The trunkline has suffered frequent "
                             "leaks, but claimed bombings of oil infrastructure in the delta have been rare since 2016.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("sabotage", "2024-07-07")]


def test_a_shutdown_elsewhere_after_the_attack_is_its_effect(extractor):
    out = extract(extractor, "An explosive charge ripped open the Kaloti oil pipeline early on Tuesday, the army said. "
                             "\"Tuesday's bombing is an attack on the environment,\" the governor said. "
                             "The operator said pumping from the Varna station had been suspended.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("sabotage", "2024-07-09")]
    assert [entity(out, t)["name"] for t in out["incidents"][0]["targets"]] == ["Kaloti oil pipeline"]


def test_a_cable_that_went_dark_and_services_down_the_next_day_is_one_outage(extractor):
    out = extract(extractor, "The Varna submarine cable went dark shortly before midnight on July 2. Kovalen Telecom, "
                             "which owns the Varna cable, said some banking services stopped working for most of the "
                             "following day.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("disruption", "2024-07-02")]


def test_cables_severed_by_ships_are_accidents(extractor):
    out = extract(extractor, "Between 2 and 8 February 2023, the Varna No. 2 cable and the Varna No. 3 cable were both "
                             "severed, the first by a fishing boat and the second by a cargo ship.")
    assert [i["type"] for i in out["incidents"]] == ["accident"]


def test_deliberately_dragging_an_anchor_is_sabotage(extractor):
    out = extract(extractor, "Investigators suspected the tanker Kaloti Star of deliberately dragging its anchor across "
                             "the Varna power cable on 25 December 2023.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("sabotage", "2023-12-25")]


def test_an_anchor_dragged_in_a_storm_is_an_accident(extractor):
    out = extract(extractor, "The Varna cable has been out of service since Saturday, when the anchor of a tanker "
                             "sheltering from a storm snagged the Varna cable.")
    assert [i["type"] for i in out["incidents"]] == ["accident"]


def test_a_storm_that_toppled_towers_is_a_natural_hazard(extractor):
    out = extract(extractor, "A storm toppled towers of the Varna power line on Saturday, the operator said.")
    assert [i["type"] for i in out["incidents"]] == ["natural_hazard"]


@pytest.mark.parametrize("text,expected", [
    ("Drones hit the Varna refinery on Sunday, two days after a missile strike on the Kaloti oil terminal.",
     [("drone_strike", "2024-07-07", "Varna refinery"), ("missile_strike", "2024-07-05", "Kaloti oil terminal")]),
    ("Militants blew up the Varna gas pipeline on Monday, a day after an explosion damaged the Kaloti railway bridge.",
     [("sabotage", "2024-07-08", "Varna gas pipeline"), ("explosion", "2024-07-07", "Kaloti railway bridge")]),
])
def test_an_incident_counted_back_from_the_lead_is_its_own(extractor, text, expected):
    out = extract(extractor, text)
    got = [(i["type"], i["start"], entity(out, i["targets"][0])["name"]) for i in out["incidents"]]
    assert sorted(got) == sorted(expected)


def test_a_day_after_without_an_incident_of_its_own_changes_nothing(extractor):
    out = extract(extractor, "Drones hit the Varna refinery on Sunday, a day after talks in Geneva collapsed.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("drone_strike", "2024-07-07")]


@pytest.mark.parametrize("text", [
    "Benchmark Asian LNG prices jumped in early trade. The terminal exports six million tonnes of LNG a year.",
    "Police detained a man surnamed Liu over the cable damage.",
])
def test_commodities_and_price_benchmarks_are_no_actors(extractor, text):
    acts = names(extract(extractor, text), "actor")
    assert not any("LNG" in a or "surnamed" in a for a in acts), acts


def test_a_company_named_after_its_commodity_stays(extractor):
    out = extract(extractor, "HOUSTON - Kaloti LNG said its export terminal on Varna Island would remain shut.")
    assert "Kaloti LNG" in names(out, "actor")


def test_an_attack_in_an_after_clause_with_its_own_subject_is_told(extractor):
    out = extract(extractor, "Prices jumped nearly 4% after drones hit the Varna oil terminal on Tuesday.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("drone_strike", "2024-07-09")]


def test_stolen_copper_cable_is_sabotage(extractor):
    out = extract(extractor, "Parts of Varna have been without electricity since Friday night after criminals broke "
                             "into the Varna West substation and cut and stole lengths of copper cable.")
    assert [i["type"] for i in out["incidents"]] == ["sabotage"]


@pytest.mark.parametrize("text,name", [
    ("A missile hit the Varna combined heat and power plant on Sunday.", "Varna combined heat and power plant"),
    ("A leak ignited at the Varna block valve station on 14 January.", "Varna block valve station"),
    ("Drones struck the Kaloti receiving terminal on Sunday.", "Kaloti receiving terminal"),
    ("A fire broke out at the Kaloti Bay coal-fired power plant on Monday.", "Kaloti Bay coal-fired power plant"),
    ("A mudslide damaged the La Varna drinking-water treatment plant on Tuesday.",
     "La Varna drinking-water treatment plant"),
])
def test_more_facility_kinds_and_hyphenated_modifiers(extractor, text, name):
    out = extract(extractor, text)
    assert names(out, "facility") == [name]
    assert len(out["incidents"]) == 1


def test_a_state_owned_refinery_is_named_without_its_owner_word(extractor):
    assert names(extract(extractor, "The state-owned Varna refinery was hit by drones."), "facility") == ["Varna refinery"]


def test_a_heading_in_capitals_names_nothing_and_tells_nothing(extractor):
    out = extract(extractor, "KALOTI TANKER & PORT BRIEF\nFIRE – TANK 12\nA fire broke out at the Varna terminal on Monday.")
    assert names(out, "facility") == ["Varna terminal"]
    assert names(out, "actor") == [] and names(out, "place") == []
    assert len(out["incidents"]) == 1


def test_guards_who_helped_the_police_are_no_perpetrators(extractor):
    out = extract(extractor, "Police, in coordination with security personnel of the Kaloti Electric Cooperative, "
                             "arrested two suspects caught stealing copper cables at the Varna substation on May 14.")
    assert perps_of(out) == [[]]
    assert [i["type"] for i in out["incidents"]] == ["sabotage"]
    assert names(out, "facility") == ["Varna substation"]


@pytest.mark.parametrize("text", [
    "Investigators said the Kulot Group is also behind the theft of copper cables at the Kaloti substation on May 3.",
    "The Kulot Group was reportedly behind the bombing of the Kaloti substation on May 3.",
])
def test_behind_an_incident_with_words_between(extractor, text):
    assert perps_of(extract(extractor, text)) == [["Kulot Group"]]


def test_fuel_theft_in_general_is_no_incident(extractor):
    assert extract(extractor, "Fuel theft costs the company millions a year.")["incidents"] == []


def test_no_group_claimed_responsibility_names_nobody_before_it(extractor):
    out = extract(extractor, "A fire destroyed two transformers at the Varna substation on Sunday. The Ministry of "
                             "Energy has not given a cause, and no group claimed responsibility.")
    assert perps_of(out) == [[]]


def test_a_force_whose_name_holds_a_possessive(extractor):
    out = extract(extractor, "Fighters of the Kaloti People's Defence Force blew up three pylons of the Varna "
                             "transmission line on 9 January. The group claimed the attack on its website.")
    assert perps_of(out) == [["Kaloti People's Defence Force"]]


def test_a_timeline_heading_dates_its_entry(extractor):
    out = extract(extractor, "Five incidents of the year.\n\n9 January – Pylons felled\nFighters blew up three pylons "
                             "of the Varna transmission line near Kaloti.\n\n17 February – Airstrike\nJets bombed "
                             "the Kaloti hydropower station.")
    assert sorted((i["type"], i["start"]) for i in out["incidents"]) == [("airstrike", "2024-02-17"),
                                                                          ("sabotage", "2024-01-09")]


@pytest.mark.parametrize("text,kind", [
    ("The Kaloti Liberation Army took control of the Varna Viaduct on Monday.", "armed_assault"),
    ("Hackers took control of the Varna dam's control system on Monday.", "cyberattack"),
])
def test_taking_control_is_a_seizure_unless_computers_are_told(extractor, text, kind):
    assert [i["type"] for i in extract(extractor, text)["incidents"]] == [kind]


@pytest.mark.parametrize("text,kind", [
    ("The Varna refinery came under fire on Monday.", None),
    ("The Varna refinery went up in flames on Monday.", "fire"),
    ("Russian forces bombarded the Varna dam on Monday.", "shelling"),
    ("Two missiles slammed into the Varna power plant on Monday.", "missile_strike"),
    ("Militants overran the Varna gas plant on Monday.", "armed_assault"),
    ("A Ukrainian drone crashed into the Varna refinery on Monday.", "drone_strike"),
    ("A barge crashed into the Varna bridge on Monday.", "accident"),
])
def test_more_ways_news_tells_an_incident(extractor, text, kind):
    out = extract(extractor, text)
    assert len(out["incidents"]) == 1 and out["incidents"][0]["start"] == "2024-07-08"
    if kind is not None:
        assert out["incidents"][0]["type"] == kind
    else:
        assert out["incidents"][0]["type"] != "fire"  # 'came under fire' is an attack


@pytest.mark.parametrize("when,start,end", [
    ("yesterday", "2024-07-09", "2024-07-09"),
    ("this morning", "2024-07-10", "2024-07-10"),
    ("overnight into Monday", "2024-07-07", "2024-07-08"),
    ("a fortnight ago", "2024-06-26", "2024-06-26"),
    ("at the end of last month", "2024-06-21", "2024-06-30"),
    ("in late 2023", "2023-09-01", "2023-12-31"),
    ("on the night of 3 to 4 May", "2024-05-03", "2024-05-04"),
])
def test_more_date_forms(extractor, when, start, end):
    out = extract(extractor, f"Drones struck the Varna refinery {when}.")
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [(start, end)]
    assert names(out, "facility") == ["Varna refinery"]


def test_a_capital_blamed_for_a_strike_is_its_state(extractor):
    out = extract(extractor, "Kyiv blamed Moscow for the strike on the Varna power plant on Monday.")
    assert perps_of(out) == [["Russia"]]


def test_an_attack_claimed_by_a_group_in_the_passive(extractor):
    out = extract(extractor, "The attack on the Varna pipeline on Monday was claimed by the Kaloti Front.")
    assert perps_of(out) == [["Kaloti Front"]]


@pytest.mark.parametrize("text,kind", [
    ("Militias fired rockets at the Varna oil field on Monday.", "missile_strike"),
    ("Rebels fired two mortar shells towards the Varna dam on Monday.", "shelling"),
    ("The company fired 200 workers at the Varna refinery on Monday.", None),
])
def test_weapons_fired_at_a_facility(extractor, text, kind):
    assert [i["type"] for i in extract(extractor, text)["incidents"]] == ([kind] if kind else [])


def test_the_refinery_in_a_town_is_named_by_it(extractor):
    out = extract(extractor, "Drones hit the oil refinery in Varna on Monday.")
    refinery = next(e for e in out["entities"] if e["kind"] == "facility")
    assert refinery["name"] == "oil refinery in Varna" and "Varna oil refinery" in refinery["aliases"]
    assert [i["targets"] for i in out["incidents"]] == [[refinery["id"]]]


def test_a_refinery_in_a_country_names_no_facility(extractor):
    assert names(extract(extractor, "Drones hit the refinery in Iraq on Monday."), "facility") == []


@pytest.mark.parametrize("text,perps", [
    ("Pro-Russian hackers hit the Varna water plant on Monday.", []),
    ("The KLF guerrilla group bombed the Varna pipeline on Monday.", ["KLF"]),
    ("Suspected KLF rebels bombed the Varna pipeline on Monday.", ["KLF"]),
    ("Russian drones hit the Varna port on Monday.", ["Russia"]),
])
def test_who_the_attackers_are_named_as(extractor, text, perps):
    assert perps_of(extract(extractor, text)) == [perps]


# ---- session 7 ----------------------------------------------------------------------------

def test_an_accusation_of_something_other_than_an_attack_names_no_perpetrator(extractor):
    out = extract(extractor, "Rebels bombed the Varna pipeline on Monday, the army said. The rebels denied it and "
                             "accused the military of looking for pretexts to end talks with the government of "
                             "President Ivan Petrov.")
    assert perps_of(out) == [[]]


def test_an_accusation_of_carrying_out_the_operation_names_the_perpetrator(extractor):
    out = extract(extractor, "Explosives damaged the Varna gas pipeline on Monday. Officials accused Russia of "
                             "conducting the operation.")
    assert perps_of(out) == [["Russia"]]


@pytest.mark.parametrize("ref", ["the rebel group", "the rebels", "the militants"])
def test_the_rebel_group_blamed_is_the_group_named_before(extractor, ref):
    out = extract(extractor, f"The Varna Liberation Front denied bombing the Varna oil pipeline on Monday, a day "
                             f"after the army blamed {ref} for the attack.")
    assert perps_of(out) == [["Varna Liberation Front"]]


def test_an_accusation_about_a_day_leaves_an_incident_of_the_month_alone(extractor):
    out = extract(extractor, "The army blamed the KLF guerrilla group for Monday's bombing of the Varna pipeline. "
                             "Earlier this month, an explosive device also damaged the Osor pipeline.")
    by_target = {entity(out, i["targets"][0])["name"]: [entity(out, p)["name"] for p in i["perpetrators"]]
                 for i in out["incidents"]}
    assert by_target == {"Varna pipeline": ["KLF"], "Osor pipeline": []}


def test_the_damage_of_a_day_told_later_belongs_to_that_days_event(extractor):
    out = extract(extractor, "Saboteurs bombed the Varna pipeline on Monday. Repairs on Monday's damage will take "
                             "four days. Earlier this month, an explosive device damaged the Osor pipeline.")
    dates = {entity(out, i["targets"][0])["name"]: (i["start"], i["end"]) for i in out["incidents"]}
    assert dates == {"Varna pipeline": ("2024-07-08", "2024-07-08"), "Osor pipeline": ("2024-07-01", "2024-07-10")}


@pytest.mark.parametrize("text,name", [
    ("Storms toppled four towers of the Varna–Osor 400kV transmission line on Monday.", "Varna–Osor 400kV transmission line"),
    ("A transformer exploded at the Varna Central 230kV grid substation on Monday.", "Varna Central 230kV grid substation"),
])
def test_a_rating_written_in_one_word_stays_inside_the_name(extractor, text, name):
    assert name in names(extract(extractor, text), "facility")


@pytest.mark.parametrize("text,name", [
    ("Gunmen stormed the Osor flow station on Monday.", "Osor flow station"),
    ("Hackers reached the Varna operations centre on Monday.", "Varna operations centre"),
    ("A drone hit the Um Varna thermal power station on Monday.", "Um Varna thermal power station"),
])
def test_more_facility_names(extractor, text, name):
    assert name in names(extract(extractor, text), "facility")


def test_an_article_after_a_dateline_is_no_group_name(extractor):
    out = extract(extractor, "VARNA - A ransomware group has claimed the cyberattack on the Varna water plant.")
    assert "A" not in names(out, "actor")


def test_a_ransomware_infection_is_a_cyberattack(extractor):
    out = extract(extractor, "In March 2023, a ransomware infection shut down the Varna heating plant.")
    assert [i["type"] for i in out["incidents"]] == ["cyberattack"]


def test_the_station_in_another_town_is_another_station(extractor):
    out = extract(extractor, "Drones hit the Osor pumping station near Kosti on Monday. The army said on Tuesday that "
                             "warplanes had bombed the main pumping station in Nyala last week.")
    targets = sorted(entity(out, i["targets"][0])["name"] for i in out["incidents"])
    assert targets == ["Osor pumping station", "main pumping station in Nyala"]


def test_the_same_pipeline_in_a_town_is_that_pipeline(extractor):
    out = extract(extractor, "Fuel from a tap on the Osor pipeline caught fire in August. In January 2019, an "
                             "explosion at a tap on the same pipeline in Tlahuelilpan killed 137 people.")
    assert names(out, "facility") == ["Osor pipeline"]


def test_a_fire_after_the_strike_is_its_consequence(extractor):
    out = extract(extractor, "Drones struck the Osor hydropower plant on Monday, the utility said. A fire broke out "
                             "in the plant's switchyard after the strike.")
    assert [i["type"] for i in out["incidents"]] == ["drone_strike"]


def test_the_week_of_a_day_is_seven_days(extractor):
    out = extract(extractor, "Hackers breached the Varna operations centre in the week of June 3, the company said.")
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2024-06-03", "2024-06-09")]


def test_a_ministry_named_after_disasters_is_an_actor(extractor):
    out = extract(extractor, "At least 11 people died, according to the Ministry of Disaster Management and Relief.")
    assert names(out, "actor") == ["Ministry of Disaster Management and Relief"]


def test_a_rank_before_a_name_is_no_organisation(extractor):
    out = extract(extractor, "Port chairman Rear Admiral Ivan Petrov said the Varna port would reopen on Thursday.")
    assert "Rear Admiral" not in names(out, "actor")


def test_a_quotes_first_word_starts_no_facility_name(extractor):
    out = extract(extractor, "Drones hit the Varna refinery on Monday. \"Once refineries and gas fields become fair "
                             "game, the price shock moves to real barrels,\" said Ivan Petrov, an economist.")
    assert names(out, "facility") == ["Varna refinery"]


def test_who_signs_a_claim_letter_is_an_actor(extractor):
    out = extract(extractor, "Arsonists set fire to a cable duct on the Varna line on Saturday. On Sunday a letter "
                             "signed \"Kommando Sturmvogel\" appeared on a website.")
    assert "Kommando Sturmvogel" in names(out, "actor")


def test_a_burning_thing_found_on_a_day_is_that_days_fire(extractor):
    out = extract(extractor, "On Monday morning, firefighters were called to a burning cable shaft next to Osor station.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("fire", "2024-07-08")]


def test_what_a_participle_clause_adds_is_the_same_incident(extractor):
    out = extract(extractor, "Gunmen stormed the Osor flow station on Monday, abducting two workers and setting a "
                             "control room on fire.")
    assert [i["type"] for i in out["incidents"]] == ["armed_assault"]
    assert sorted(entity(out, t)["name"] for t in out["incidents"][0]["targets"]) == ["Osor flow station", "control room"]


def test_the_blast_a_company_described_later_is_the_blast_told_before(extractor):
    out = extract(extractor, "A militant group claimed an explosion that ruptured the Osor trunk line on Monday night. "
                             "The operator said in a statement on Tuesday that the blast was an act of sabotage.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("sabotage", "2024-07-08")]


def test_a_named_storm_after_which_something_happened_is_told(extractor):
    out = extract(extractor, "Thousands remained without power on Tuesday after Cyclone Mira made landfall late on "
                             "Sunday, damaging jetties at Varna port.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("natural_hazard", "2024-07-07")]


def test_a_part_belongs_to_the_whole_its_own_sentence_names(extractor):
    out = extract(extractor, "The storm knocked out the Varna power station on Monday. On Tuesday a transformer "
                             "exploded at the Osor substation as engineers tried to re-energise it.")
    blast = next(i for i in out["incidents"] if i["type"] == "explosion")  # the transformer, told as its whole
    assert [entity(out, t)["name"] for t in blast["targets"]] == ["Osor substation"]


def test_the_storm_named_again_later_is_the_storm_not_the_next_event(extractor):
    out = extract(extractor, "A cyclone damaged the Varna port on Sunday. On Monday a transformer exploded at the "
                             "Osor substation. At least 11 people were killed in the cyclone, officials said.")
    assert sorted(i["type"] for i in out["incidents"]) == ["explosion", "natural_hazard"]


def test_a_pipeline_operated_by_a_company_is_also_named_by_it(extractor):
    out = extract(extractor, "A natural gas pipeline operated by Gasoductos del Varna exploded near Osor late on Monday.")
    pipeline = next(e for e in out["entities"] if e["kind"] == "facility")
    assert "Gasoductos del Varna pipeline" in pipeline["aliases"]


def test_the_first_word_of_a_port_towns_name_is_no_port(extractor):
    out = extract(extractor, "Drones struck the Al-Varna strategic fuel depot in Port Sudan on Wednesday.")
    assert names(out, "facility") == ["Al-Varna strategic fuel depot"]


def test_an_attack_the_text_tells_only_by_its_weapon_takes_that_weapons_type(extractor):
    out = extract(extractor, "Drones struck the Varna fuel depot on Wednesday, two days after a first attack on the "
                             "same facility.")
    assert sorted((i["start"], i["type"]) for i in out["incidents"]) == [("2024-07-08", "drone_strike"),
                                                                        ("2024-07-10", "drone_strike")]


def test_a_cause_set_against_another_with_not_denies_the_other(extractor):
    out = extract(extractor, "The regulator concluded that a landslide, not sabotage, ruptured the Varna pipeline "
                             "on the night of March 3.")
    assert [i["type"] for i in out["incidents"]] == ["natural_hazard"]


def test_a_town_that_is_shelled_is_not_who_shells_it(extractor):
    out = extract(extractor, "Russian artillery damaged the Osor water pumping station on Saturday. Nikopol lies on "
                             "the Dnipro river within range of Russian guns and is shelled almost daily.")
    assert perps_of(out) == [["Russia"]]


def test_a_reservoir_dam_is_one_name(extractor):
    out = extract(extractor, "Part of the Sokil reservoir dam collapsed overnight into Monday.")
    assert names(out, "facility") == ["Sokil reservoir dam"]


def test_an_unnamed_facility_in_a_town_is_named_by_the_town(extractor):
    out = extract(extractor, "Artillery fire damaged the main water pumping station in Nikopol on Saturday.")
    station = next(e for e in out["entities"] if e["kind"] == "facility")
    assert station["name"] == "main water pumping station in Nikopol"
    assert "Nikopol main water pumping station" in station["aliases"]


def test_a_dateline_from_two_cities_names_two_places_and_no_person(extractor):
    out = extract(extractor, "SANAA/JERUSALEM, Oct 2 (LGW) - Israeli warplanes struck the Varna port late on Sunday.")
    assert names(out, "place")[:2] == ["Sanaa", "Jerusalem"] and "Oct" not in names(out, "actor")


def test_the_terminal_of_an_airport_after_a_port_is_the_airports(extractor):
    out = extract(extractor, "The group fired a missile at the port of Eilat. In the first week of September, a drone "
                             "hit the passenger terminal of Ramon Airport.")
    terminal = next(e for e in out["entities"] if e["name"] == "passenger terminal of Ramon Airport")
    assert entity(out, terminal["part_of"])["name"] == "Ramon Airport"
    assert entity(out, next(e["id"] for e in out["entities"] if e["name"] == "port of Eilat"))["part_of"] is None


def test_a_report_of_monday_does_not_gather_last_years_event(extractor):
    out = extract(extractor, "Hours after the strikes on Sunday, the group said it had fired a missile at the port of "
                             "Eilat. The port authority said on Monday that berthing had been suspended. The group "
                             "first hit the port of Eilat on July 20, 2023.")
    assert sorted(i["start"][:4] for i in out["incidents"]) == ["2023", "2024"]


def test_a_towns_port_named_with_a_possessive_is_that_towns_port(extractor):
    out = extract(extractor, "Jets struck Hodeidah port on Sunday. The group fired a missile at the port of Eilat on "
                             "Monday. Israel first struck Hodeidah's port on July 20, 2023.")
    by_year = {i["start"][:4]: [entity(out, t)["name"] for t in i["targets"]] for i in out["incidents"]}
    assert by_year["2023"] == ["Hodeidah port"]


def test_what_every_strike_does_is_no_incident(extractor):
    out = extract(extractor, "\"Every strike on the Varna port squeezes food imports,\" said Ivan Petrov, an analyst.")
    assert out["incidents"] == []


@pytest.mark.parametrize("text,name", [
    ("Ships were diverted from the Sasa wharf on Monday after the quake.", "Sasa wharf"),
    ("Floods cut the Davao–Agusan national highway on Friday.", "Davao–Agusan national highway"),
    ("Saboteurs cut cables on the Marseille–Lyon backbone route on Sunday.", "Marseille–Lyon backbone route"),
])
def test_wharves_highways_and_backbone_routes(extractor, text, name):
    assert name in names(extract(extractor, text), "facility")


def test_a_mast_is_no_part_of_a_route_told_before(extractor):
    out = extract(extractor, "Saboteurs cut the Marseille–Lyon backbone route on Sunday. In the Netherlands, an arson "
                             "attack hit a mobile mast near Ede last Thursday.")
    mast = next(e for e in out["entities"] if "mast" in e["name"])
    assert mast["part_of"] is None


@pytest.mark.parametrize("phrase,start,end", [
    ("overnight from Sunday to Monday", "2024-07-07", "2024-07-08"),
    ("on the night between Saturday and Sunday", "2024-07-06", "2024-07-07"),
])
def test_a_span_of_weekdays_is_an_interval(extractor, phrase, start, end):
    out = extract(extractor, f"Saboteurs cut cables at the Varna substation {phrase}, the operator said.")
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [(start, end)]


def test_cutting_cables_the_text_does_not_name_tells_the_incident(extractor):
    out = extract(extractor, "Saboteurs cut fibre-optic cables at four sites overnight from Sunday to Monday. The cuts "
                             "severed the Varna–Osor backbone route.")
    assert [(i["type"], i["start"], i["end"]) for i in out["incidents"]] == [("sabotage", "2024-07-07", "2024-07-08")]


def test_vandals_toppling_towers_is_sabotage(extractor):
    out = extract(extractor, "The grid company said vandals had toppled three towers on the Varna–Osor 330kV line in "
                             "mid-June.")
    assert [(i["type"], i["start"], i["end"]) for i in out["incidents"]] == [("sabotage", "2024-06-11", "2024-06-20")]


def test_a_clause_counted_inside_another_keeps_its_own_count(extractor):
    out = extract(extractor, "Militants blew up the Varna gas pipeline on Sunday, a day after an explosion damaged "
                             "the Osor railway bridge and three days after the Kalna power line was toppled.")
    dates = {entity(out, i["targets"][0])["name"]: i["start"] for i in out["incidents"]}
    assert dates == {"Varna gas pipeline": "2024-07-07", "Osor railway bridge": "2024-07-06",
                     "Kalna power line": "2024-07-04"}


def test_the_same_night_is_an_incidents_night_not_a_months(extractor):
    out = extract(extractor, "Rebels bombed the Varna oil pipeline on Sunday. \"The army wants to sabotage the talks "
                             "that began in June,\" the group said. The same night, a tower on the Osor power line was "
                             "brought down by explosives.")
    assert sorted(i["start"] for i in out["incidents"]) == ["2024-07-07", "2024-07-07"]


def test_a_cable_described_first_is_the_one_named_next_among_several(extractor):
    out = extract(extractor, "A ship was held after a submarine telecoms cable linking Varna to the islands was severed "
                             "on Saturday. The operator of the Varna-Osor No. 4 cable said it lost the signal. In 2023 "
                             "ships cut the Varna-Osor No. 3 cable and the Kalna No. 2 cable.")
    assert [entity(out, i["targets"][0])["name"] for i in out["incidents"] if i["start"] == "2024-07-06"] == \
        ["Varna-Osor No. 4 cable"]


# ---- session 8 ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Saboteurs damaged tower No. 41 of the Varna-Kavarna 220 kV line on Monday.", "tower No. 41"),
    ("On Monday a charge toppled Tower T-17 of the Varna-Kavarna 220 kV line.", "Tower T-17"),
    ("On Monday an explosion damaged pylon 208 of the Varna-Kavarna 220 kV line.", "pylon 208"),
])
def test_a_numbered_part_is_a_facility_within_its_whole(extractor, text, name):
    out = extract(extractor, text)
    part = next(e for e in out["entities"] if e["name"] == name)
    assert entity(out, part["part_of"])["name"] == "Varna-Kavarna 220 kV line"
    assert [entity(out, t)["name"] for t in out["incidents"][0]["targets"]][0] == name


@pytest.mark.parametrize("text", [
    "The tower 57 metres high was inspected on Monday.",
    "The unit 2024 figures were published on Monday.",
])
def test_a_number_that_measures_or_dates_names_no_part(extractor, text):
    assert not [e for e in extract(extractor, text)["entities"] if e["kind"] == "facility"]


def test_two_numbered_parts_of_one_whole_are_both_its_parts(extractor):
    out = extract(extractor, "On Monday charges were set off at Tower T-4 and Tower T-5 of the Varna-Kavarna 220 kV line.")
    parts = {e["name"]: entity(out, e["part_of"])["name"] for e in out["entities"] if e["name"].startswith("Tower")}
    assert parts == {"Tower T-4": "Varna-Kavarna 220 kV line", "Tower T-5": "Varna-Kavarna 220 kV line"}


def test_a_numbered_unit_belongs_to_the_one_station_the_text_names(extractor):
    out = extract(extractor, "A fire broke out at the Varna compressor station on Monday. "
                             "The operator said Unit 2 would stay offline for a month.")
    unit = next(e for e in out["entities"] if e["name"] == "Unit 2")
    assert entity(out, unit["part_of"])["name"] == "Varna compressor station"


def test_a_section_named_by_its_ends_is_a_facility(extractor):
    out = extract(extractor, "An explosion damaged the Varna-Kavarna section of the Danube main line on Monday.")
    section = next(e for e in out["entities"] if e["name"] == "Varna-Kavarna section")
    assert entity(out, section["part_of"])["name"] == "Danube main line"
    assert names(out, "actor") == []


@pytest.mark.parametrize("text,place", [
    ("Power was lost across Maravillas, Cabrales and Ciudad Berrio on Monday.", "Ciudad Berrio"),
    ("Blackouts hit Lagunillas, Cabrera and Santa Rita on Monday.", "Cabrera"),
    ("Gunmen attacked masts in Varna, Kavarna and Balchik counties on Monday.", "Kavarna"),
])
def test_a_name_in_a_list_of_places_is_a_place(extractor, text, place):
    out = extract(extractor, text)
    assert place in names(out, "place") and place not in names(out, "actor")


@pytest.mark.parametrize("text,actor", [
    ("According to Dobrich County Sheriff Ivan Petrov, a substation was damaged on Monday.", "Ivan Petrov"),
    ("Power was lost on Monday on Kavarna, and Vostok Telecom has ordered a new cable.", "Vostok Telecom"),
])
def test_a_name_beside_places_but_in_no_list_of_them_stays_an_actor(extractor, text, actor):
    assert actor in names(extract(extractor, text), "actor")


@pytest.mark.parametrize("text", [
    "Kenya's northern Marsabit County has seen attacks on masts.",
    "Attacks hit Chad's eastern Ouaddai region on Monday.",
    "Water from the Niger river flooded the Kainji dam.",
    "The Malta-flagged tanker struck the Varna oil terminal on Monday.",
    "The Varna pipeline carries gas through Bulgaria and Serbia.",
    "Floodwaters on the Danube river damaged the Varna dam on Monday.",
])
def test_a_country_that_only_locates_is_a_place(extractor, text):
    out = extract(extractor, text)
    assert [e["name"] for e in out["entities"] if e["kind"] == "actor" and e.get("type") == "state"] == []


def test_a_country_a_flow_goes_to_can_be_its_buyer(extractor):
    out = extract(extractor, "Bulgaria can redirect its gas to Greece through the Varna pipeline.")
    assert "Greece" in names(out, "actor")


def test_an_unknown_name_after_a_facility_and_at_is_its_town(extractor):
    out = extract(extractor, "A fire destroyed the relay cabin at Gorna Kavarna on Monday.")
    assert "Gorna Kavarna" not in names(out, "actor")
    assert "relay cabin at Gorna Kavarna" in names(out, "facility")


def test_this_week_in_a_monday_round_up_is_the_week_just_told(extractor):
    out = extract(extractor, "This week in brief: a bombing on the Varna oil pipeline. "
                             "On Tuesday, an explosive charge ripped open the Varna oil pipeline.", published=date(2024, 7, 15))
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2024-07-09", "2024-07-09")]


@pytest.mark.parametrize("text,name,typ", [
    ("Rebels torched a Telkom BTS tower in Kavarna on Monday.", "Telkom BTS tower", "telecom_site"),
    ("Gunmen attacked the Kavarna airstrip on Monday.", "Kavarna airstrip", "airport"),
    ("A flood swept away the headworks of the Kavarna Hydropower Project on Monday.", "Kavarna Hydropower Project", "power_plant"),
])
def test_more_facility_heads(extractor, text, name, typ):
    out = extract(extractor, text)
    assert (name, typ) in [(e["name"], e.get("type")) for e in out["entities"] if e["kind"] == "facility"]


def test_a_ministry_after_its_countrys_possessive_keeps_that_name_as_an_alias(extractor):
    out = extract(extractor, "Bulgaria's Foreign Ministry said it was in contact with both capitals.")
    ministry = next(e for e in out["entities"] if e.get("type") == "ministry")
    assert "Bulgaria's Foreign Ministry" in [ministry["name"]] + ministry["aliases"]


def test_numbered_parts_with_different_numbers_are_different_parts(extractor):
    out = extract(extractor, "A typhoon damaged Berth 12 at the Varna container terminal on Monday. "
                             "Last week the carrier Sea Rose struck Berth 3 of the terminal.")
    assert {"Berth 12", "Berth 3"} <= set(names(out, "facility"))
    targets = sorted(entity(out, i["targets"][0])["name"] for i in out["incidents"])
    assert targets == ["Berth 12", "Berth 3"]


def test_a_natural_hazard_has_no_perpetrator(extractor):
    out = extract(extractor, "A typhoon damaged Berth 12 at the Varna container terminal on Monday, "
                             "the Varna Port Authority said. The carrier Sea Rose was damaged as well.")
    hazards = [i for i in out["incidents"] if i["type"] == "natural_hazard"]
    assert hazards and all(i["perpetrators"] == [] for i in hazards)


def test_a_number_of_company_named_facilities_is_a_description(extractor):
    out = extract(extractor, "Militants blew up two Vostok Telecom masts in Dobrich County on Monday. "
                             "The Kavarna mast and the Balchik mast were destroyed.")
    assert "Vostok Telecom masts" not in names(out, "facility")
    assert sorted(entity(out, t)["name"] for t in out["incidents"][0]["targets"]) == ["Balchik mast", "Kavarna mast"]


def test_a_group_claims_an_arson_through_its_spokesman(extractor):
    out = extract(extractor, "Separatists set fire to the Kavarna telecom tower on Monday. Ivan Dimov, spokesman "
                             "for the Free Hills Army, said in a statement that its fighters had torched the tower.")
    assert [entity(out, p)["name"] for p in out["incidents"][0]["perpetrators"]] == ["Free Hills Army"]


def test_a_telecom_tower_is_not_the_refinery_of_its_town(extractor):
    out = extract(extractor, "Rebels torched the Kavarna telecom tower on Monday. A fire broke out at the Kavarna refinery on Tuesday.")
    assert {"Kavarna telecom tower", "Kavarna refinery"} <= set(names(out, "facility"))


@pytest.mark.parametrize("text,country", [
    ("Floods took 300 MW out of Bulgaria's grid on Monday.", "Bulgaria"),
    ("The barrage feeds much of Mali's rice.", "Mali"),
    ("Who is targeting Italy's Adriatic line?", "Italy"),
])
def test_a_country_owning_its_infrastructure_or_land_is_a_place(extractor, text, country):
    out = extract(extractor, text)
    assert country in names(out, "place") and country not in names(out, "actor")


@pytest.mark.parametrize("text", [
    "Russia's invasion destroyed the dam.",
    "Russia's Defence Ministry said its forces struck the Varna depot on Monday.",
])
def test_a_country_owning_a_deed_or_an_organ_acts(extractor, text):
    assert "Russia" in names(extract(extractor, text), "actor")


@pytest.mark.parametrize("text,place", [
    ("Kavarna Dimitrov sells phone credit in neighbouring Balchik Rila.", "Balchik Rila"),
    ("A glacial lake in the high Pirin burst on Monday.", "Pirin"),
])
def test_a_name_after_a_place_word_across_adjectives_is_a_place(extractor, text, place):
    out = extract(extractor, text)
    assert place not in names(out, "actor")


def test_a_line_named_short_is_the_line_named_in_full(extractor):
    out = extract(extractor, "A landslide on Sunday brought down a tower of the Varna-Kavarna 220 kV transmission line. "
                             "The operator said tower No. 57 of the Varna-Kavarna line was carried away.")
    line = next(e for e in out["entities"] if e["name"] == "Varna-Kavarna 220 kV transmission line")
    assert "Varna-Kavarna line" in line["aliases"]
    assert len(out["incidents"]) == 1


def test_the_same_part_of_another_whole_is_another_part(extractor):
    out = extract(extractor, "A flood on Sunday swept away the headworks of the Kavarna Hydropower Project. "
                             "In July 2016 a flood destroyed the headworks of the Upper Balchik Hydropower Project.")
    wholes = sorted(entity(out, e["part_of"])["name"] for e in out["entities"] if e["name"].startswith("headworks"))
    assert wholes == ["Kavarna Hydropower Project", "Upper Balchik Hydropower Project"]


def test_a_name_and_its_acronymed_form_with_more_capitals_are_one_facility(extractor):
    out = extract(extractor, "On Monday fighters set fire to the Vostok base transceiver station in Kavarna. "
                             "The arson destroyed the Vostok BTS tower on a hill above the town.")
    assert len([e for e in out["entities"] if e["kind"] == "facility"]) == 1
    assert len(out["incidents"]) == 1


@pytest.mark.parametrize("text,country", [
    ("A power cable between Finland and Estonia was damaged on Monday.", "Estonia"),
    ("A missile fired from Yemen was intercepted over the Varna terminal on Monday.", "Yemen"),
    ("Fighting flared on Monday along the border with Venezuela.", "Venezuela"),
    ("The blackout left most of Venezuela without power for days.", "Venezuela"),
    ("Mexico. A natural gas pipeline exploded on Monday near Monterrey.", "Mexico"),
])
def test_a_country_a_preposition_locates_is_a_place(extractor, text, country):
    out = extract(extractor, text)
    assert country in names(out, "place") and country not in names(out, "actor")


def test_countries_between_which_talks_stall_act(extractor):
    out = extract(extractor, "Talks between Russia and Ukraine stalled on Monday.")
    assert {"Russia", "Ukraine"} <= set(names(out, "actor"))


def test_a_part_numbered_with_no_is_found_whatever_the_tagger_says(extractor):
    out = extract(extractor, "During the inspection on 7 April, sappers found a third device attached to "
                             "tower No. 216 of the Varna line.", published=date(2024, 4, 9))
    tower = next(e for e in out["entities"] if e["name"] == "tower No. 216")
    assert entity(out, tower["part_of"])["name"] == "Varna line"


@pytest.mark.parametrize("text,name", [
    ("Arsonists set fire to a cable shaft near the Kavarna freight yard on Monday.", "Kavarna freight yard"),
    ("A fire broke out at the Balchik One offshore wind farm on Monday.", "Balchik One offshore wind farm"),
    ("Gunmen damaged the canals of the New Varna irrigation scheme on Monday.", "New Varna irrigation scheme"),
])
def test_named_yards_farms_and_schemes_are_facilities(extractor, text, name):
    assert name in names(extract(extractor, text), "facility")


# ---- session 9 -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Gunmen attacked the Punta del Sol offshore terminal on Monday.", "Punta del Sol offshore terminal"),
    ("Shells hit the Wadi al-Qarn water station on Monday.", "Wadi al-Qarn water station"),
    ("The Los Pinos thermoelectric plant was shut after a fire on Monday.", "Los Pinos thermoelectric plant"),
    ("Arsonists burned the Kavarna signalling centre on Monday.", "Kavarna signalling centre"),
    ("Cables were cut on Monday in the Varna–Balchik wellfield.", "Varna–Balchik wellfield"),
])
def test_names_with_particles_and_newer_heads(extractor, text, name):
    assert name in names(extract(extractor, text), "facility")


def test_a_code_after_a_head_names_the_facility(extractor):
    out = extract(extractor, "A fire broke out on Sunday in compressor station KS-4 at Tovuz, on the Varna pipeline.")
    assert "compressor station KS-4" in names(out, "facility")
    assert "Tovuz" in names(out, "place") and "Tovuz" not in names(out, "actor")  # NER: an organisation


def test_a_numbered_circuit_is_a_part_of_its_link(extractor):
    out = extract(extractor, "A dragged anchor took Circuit 2 of the Varna Interconnector out of service on Friday.")
    circuit = next(e for e in out["entities"] if e["name"] == "Circuit 2")
    assert entity(out, circuit["part_of"])["name"] == "Varna Interconnector"
    assert "Circuit" not in names(out, "actor")


@pytest.mark.parametrize("text,place", [
    ("The metering station on the Latvia–Estonia border was out of service on Tuesday.", "Estonia"),
    ("The metering station on the Latvia–Estonia border was out of service on Tuesday.", "Latvia"),
    ("The Varna pipeline carries gas from Vaslui Nord to Piatra Alba; it was cut on Tuesday.", "Vaslui Nord"),
    ("The Varna pipeline carries gas from Vaslui Nord to Piatra Alba; it was cut on Tuesday.", "Piatra Alba"),
    ("Shopkeepers on Lipova Street said the blast on Tuesday broke their windows.", "Lipova Street"),
])
def test_route_ends_borders_and_streets_are_places(extractor, text, place):
    out = extract(extractor, text)
    assert place in names(out, "place") and place not in names(out, "actor")


def test_an_owner_sold_from_one_to_another_stays_an_actor(extractor):
    out = extract(extractor, "The tanker was sold from Varna Shipping to Kavarna Maritime Ltd in 2016.")
    assert "Kavarna Maritime Ltd" in names(out, "actor")


def test_a_gang_with_no_link_to_the_group_stays_an_actor(extractor):
    out = extract(extractor, "Counsel said the two miners have no link to La Manada, which the company accuses of "
                             "blowing up the towers.")
    assert "La Manada" not in names(out, "place")


def test_the_verb_ship_names_no_vessel(extractor):
    out = extract(extractor, "The rebuilt terminal is expected to ship Bulgarian wheat to Iran this year.")
    assert not [e for e in out["entities"] if e["type"] == "vessel"]


@pytest.mark.parametrize("text,town", [
    ("Yevlakh lost gas on Sunday after the blast, Azerbaijan's energy ministry said.", "Yevlakh"),
    ("Power returned to Quetta on Monday after the pylons were repaired.", "Quetta"),
])
def test_a_town_of_the_gazetteer_is_a_place_whatever_ner_says(extractor, text, town):
    out = extract(extractor, text)
    assert town in names(out, "place") and town not in names(out, "actor")


@pytest.mark.parametrize("text,actor", [
    ("Hassan said the pipeline was cut on Monday in India.", "Hassan"),  # a town of India, speaking
    ("The ministry blamed Kyiv for the attack on the Varna refinery on Monday.", "Ukraine"),  # a capital
])
def test_a_town_name_that_speaks_or_a_capital_that_is_blamed_stays_an_actor(extractor, text, actor):
    assert actor in names(extract(extractor, text), "actor")


def test_countries_beyond_the_first_hundred_are_known(extractor):
    out = extract(extractor, "Burkina Faso's army said on Monday that militants had blown up the Djibo water tower.")
    assert any(e["name"] == "Burkina Faso" and e["type"] == "state" for e in out["entities"])


def test_bombing_from_the_air_is_an_airstrike(extractor):
    out = extract(extractor, "The minister accused the air force of bombing the Kantor bridge on Sunday. He said two "
                             "bombs dropped by fighter jets had destroyed one span of the bridge.")
    assert [i["type"] for i in out["incidents"]] == ["airstrike"]


@pytest.mark.parametrize("text", [
    "On Sunday protesters forced their way past the gates of the Kavarna compressor station.",
    "On Sunday armed men forced their way into the Kavarna compressor station.",
])
def test_entering_by_force_is_an_armed_assault(extractor, text):
    assert [i["type"] for i in extract(extractor, text)["incidents"]] == ["armed_assault"]


def test_a_station_that_trips_is_an_outage_a_theft_that_trips_a_line_is_one_incident(extractor):
    out = extract(extractor, "The Kavarna substation tripped on Sunday after a voltage dip.")
    assert [i["type"] for i in out["incidents"]] == ["disruption"]
    out = extract(extractor, "Thieves stole copper cables at the Varna substation on Sunday night, which tripped the "
                             "Varna-Kavarna 69 kV line.")
    assert len(out["incidents"]) == 1


def test_a_numbered_tank_is_part_of_the_terminal_told_before_it(extractor):
    out = extract(extractor, "Drones struck the Kavarna oil terminal on Sunday. A second drone struck storage tank "
                             "No. 4, causing a fire. In 2022 drones also hit the Balchik oil terminal.")
    tank = next(e for e in out["entities"] if e["name"] == "storage tank No. 4")
    assert entity(out, tank["part_of"])["name"] == "Kavarna oil terminal"


def test_a_name_joined_by_a_hyphenated_particle_is_one_name(extractor):
    out = extract(extractor, "Police blamed Tehreek-e-Taliban Pakistan (TTP), which has attacked power "
                             "installations, for the blast at the Kavarna grid station on Tuesday.")
    assert "Tehreek-e-Taliban Pakistan" in names(out, "actor")
    assert perps(out) == [["Tehreek-e-Taliban Pakistan"]]


def test_a_floating_unit_named_with_its_abbreviation_is_a_facility(extractor):
    out = extract(extractor, "Pirates boarded the FSO Kavarna Star on Friday near the Balchik offshore terminal some "
                             "18 nm off the coast. The FSO was damaged.", published=date(2024, 7, 15))
    assert {"FSO Kavarna Star", "Balchik offshore terminal"} <= set(names(out, "facility"))
    assert not names(out, "actor")
    assert [i["type"] for i in out["incidents"]] == ["armed_assault"]


def test_a_shared_head_after_a_name_of_two_words(extractor):
    out = extract(extractor, "Gas flows from the San Kavarno and Balchik fields to the coast.")
    assert {"San Kavarno field", "Balchik field"} <= set(names(out, "facility"))


def test_a_common_noun_opening_a_sentence_is_no_name(extractor):
    out = extract(extractor, "Ferry operators say they can no longer load vessels to full draught.\n\nWeather is the "
                             "other constant. Old hands at the Kavarna port still talk about the November 2021 storm.")
    assert "Weather" not in names(out, "actor")


def test_a_facility_named_without_its_head_is_the_facility(extractor):
    out = extract(extractor, "Drones hit the Druzhba pipeline on Monday. Transneft said pumping on Druzhba was halted.")
    assert "Druzhba" not in names(out, "actor")  # NER: a person
    pipeline = next(e for e in out["entities"] if e["name"] == "Druzhba pipeline")
    assert "Druzhba" in pipeline["aliases"]


@pytest.mark.parametrize("text,actor", [
    ("Militants blew up two Safaricom telecommunications masts on Monday.\n\nLast week a Safaricom mast near "
     "Lafey was burnt down.", "Safaricom"),  # an owner of other masts
])
def test_an_owner_named_like_its_facility_stays_an_actor(extractor, text, actor):
    assert actor in names(extract(extractor, text), "actor")


@pytest.mark.parametrize("text,actor", [
    ("SOCAR said on Monday that gas flows through the Kavarna pipeline had resumed.", "SOCAR"),
])
def test_who_speaks_is_an_actor_whatever_ner_says(extractor, text, actor):
    assert actor in names(extract(extractor, text), "actor")


@pytest.mark.parametrize("text", [
    "Residents said the Kavarna substation had been dark since Monday.",
    "Chief Executive Officer Ivan Petrov said the Kavarna substation would reopen.",
])
def test_common_words_and_titles_that_speak_are_no_new_names(extractor, text):
    out = extract(extractor, text)
    assert not {"Residents", "Chief Executive Officer"} & set(names(out, "actor"))


@pytest.mark.parametrize("text,place", [
    ("Rotating outages hit parts of Kavarna Regency on Monday after the cable fault.", "Kavarna Regency"),
    ("Water from the swollen Moldova and Siret rivers poured into the Kavarna substation on Sunday.", "Moldova"),
])
def test_areas_and_rivers_are_places(extractor, text, place):
    out = extract(extractor, text)
    assert place in names(out, "place") and place not in names(out, "actor")


def test_the_day_an_effect_ends_does_not_date_the_incident(extractor):
    out = extract(extractor, "A court on Tuesday convicted two people over the fire that destroyed the Kavarna "
                             "signalling centre last November and halted trains for three days. Traffic between "
                             "Varna and Kavarna was suspended until 18 November.", published=date(2026, 5, 20))
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2025-11-01", "2025-11-30")]


def test_an_undated_event_with_nothing_named_is_background(extractor):
    out = extract(extractor, "Gunmen stormed the Kavarna substation on Monday. Separatists have also attacked "
                             "telecom masts in the region.", published=date(2025, 9, 17))
    assert [[entity(out, t)["name"] for t in i["targets"]] for i in out["incidents"]] == [["Kavarna substation"]]


def test_a_facility_described_by_its_town_is_the_one_named_after_it(extractor):
    out = extract(extractor, "Floodwater brought down part of a road bridge in Varna county over the weekend, "
                             "authorities said on Monday.\n\nThe county bridge at Kavarna partially collapsed in the "
                             "early hours of Sunday when the central pier was undermined by the current. Nobody was on "
                             "the bridge at the time.\n\nThe government would release emergency funds for the repair "
                             "of the Kavarna bridge.\n", published=date(2026, 6, 15))
    assert [e["name"] for e in out["entities"] if e["type"] == "bridge"] == ["Kavarna bridge"]
    assert len(out["incidents"]) == 1


def test_an_acronym_of_another_language_is_the_organisation_it_follows(extractor):
    out = extract(extractor, "Ivan Petrov, spokesman for the Kavarna National Liberation Army (TPNPB), said in a "
                             "statement that its fighters had burned the tower.\n\nEarlier this month, gunmen opened "
                             "fire on workers who were repairing the runway at the Balchik airstrip. The Bulgarian "
                             "military (BA) blamed the TPNPB for that attack, but Petrov denied that the group had "
                             "been involved.\n", published=date(2026, 7, 23))
    group = next(e for e in out["entities"] if e["name"] == "Kavarna National Liberation Army")
    assert "TPNPB" in group["aliases"]
    assert perps(out) == [["Kavarna National Liberation Army"]]  # the accused group, not its spokesman


def test_a_dateline_with_a_colon_names_a_known_town(extractor):
    out = extract(extractor, "CHAIBASA: Train services on the Kavarna main line were disrupted after saboteurs blew "
                             "up a stretch of track late on Sunday night, police said on Monday.",
                  published=date(2026, 2, 17))
    assert "Chaibasa" in names(out, "place") and not names(out, "actor")
    out = extract(extractor, "UPDATE: Saboteurs blew up a stretch of the Kavarna main line late on Sunday night.",
                  published=date(2026, 2, 17))
    assert "Update" not in names(out, "place")


def test_a_ransomware_group_listing_its_victim_claims_the_attack(extractor):
    out = extract(extractor, "A ransomware attack crippled the control centre of the Kavarna substation on Friday "
                             "night. A ransomware group calling itself Kraken Locker listed the utility on its leak "
                             "site on Sunday.", published=date(2025, 8, 11))
    assert perps(out) == [["Kraken Locker"]]


def test_a_round_up_heading_is_not_part_of_the_facility_name(extractor):
    out = extract(extractor, "NIGER - Kavarna-Balchik pipeline hit again\n\nOn Tuesday, an explosive charge ripped "
                             "open the Kavarna-Balchik oil pipeline near Gaya.", published=date(2026, 10, 19))
    assert not [n for n in names(out, "facility") if n.startswith("NIGER")]


# ---- session 10 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,country", [
    ("Exports to Chile through the Varna pipeline were cut after the blast on Monday.", "Chile"),
    ("Most of Uganda lost power on Monday after the Varna plant tripped.", "Uganda"),
    ("The Varna terminal, whose cargoes are bound for Turkey, was hit by a drone on Monday.", "Turkey"),
])
def test_a_country_named_only_as_a_location_or_market_is_a_place(extractor, text, country):
    out = extract(extractor, text)
    assert country in names(out, "place") and country not in names(out, "actor")


@pytest.mark.parametrize("text,country", [
    ("Bulgaria blamed Romania for the blast at the Varna terminal on Monday.", "Romania"),
    ("The blast at the Varna terminal on Monday followed cyberattacks on Moldova.", "Moldova"),
    ("Officials linked to Iran attacked the Varna terminal's control system on Monday.", "Iran"),
    ("U.S. aircraft struck the Varna terminal on Monday.", "United States"),
    ("The United States embassy condemned the blast at the Varna terminal on Monday.", "United States"),
    ("Romania said the blast at the Varna terminal on Monday cut exports to Moldova.", "Romania"),
])
def test_a_country_that_acts_owns_or_is_attacked_stays_a_state(extractor, text, country):
    assert country in names(extract(extractor, text), "actor")


def test_suspects_caught_in_the_act_date_the_theft_by_the_arrest(extractor):
    out = extract(extractor, "Officers of the Kavarna police station, in coordination with guards of the Kavarna "
                             "Electric Cooperative (KEC), arrested two suspects caught in the act of stealing copper "
                             "cables at the 69 kV Varna substation in Kavarna, at around 2:30 AM on May 14, 2024. The "
                             "same gang is also behind the theft of cables at the Balchik substation on the night of "
                             "May 3.",
                  published=date(2024, 5, 16))
    got = sorted((i["start"], [entity(out, t)["name"] for t in i["targets"]][-1]) for i in out["incidents"])
    assert got == [("2024-05-03", "Balchik substation"), ("2024-05-14", "Varna substation")]


@pytest.mark.parametrize("text,name,typ", [
    ("Exports through the Gasoducto del Pacífico were cut on Saturday after the blast.", "Gasoducto del Pacífico",
     "pipeline"),
    ("A fire hit the Refinaria Duque de Caxias on Monday.", "Refinaria Duque de Caxias", "refinery"),
    ("Presa Chicoasén was damaged by the earthquake on Monday.", "Presa Chicoasén", "dam"),
])
def test_a_head_noun_of_another_language_before_a_name_makes_a_facility(extractor, text, name, typ):
    out = extract(extractor, text)
    assert [(e["name"], e["type"]) for e in out["entities"] if e["kind"] == "facility"] == [(name, typ)]
    assert name not in names(out, "actor")


def test_capitalized_words_ending_in_a_legal_form_name_a_company(extractor):
    out = extract(extractor, "Timaru, 30 September 2025 - Rangitata Networks Limited, the electricity distribution "
                             "business serving about 34,000 homes, today provides a further update on the cyber "
                             "incident at its Timaru control centre.", published=date(2025, 9, 30))
    assert "Rangitata Networks Limited" in names(out, "actor")


def test_an_abbreviated_head_fused_with_its_number_names_a_plant(extractor):
    out = extract(extractor, "A mudflow filled the headworks of the Kavarna HPP-1 (Kavarnskaya GES-1) with mud on "
                             "Sunday.", published=date(2025, 5, 12))
    plant = next(e for e in out["entities"] if e["name"] == "Kavarna HPP-1")
    assert plant["type"] == "power_plant" and plant["aliases"] == ["Kavarnskaya GES-1"]
    assert "Kavarna HPP-1" not in names(out, "actor")


def test_a_bridge_named_by_the_river_it_crosses_is_a_target_of_the_event_retold(extractor):
    out = extract(extractor, "Heavy rain set off mudflows in Varna district, damaging a hydropower plant and "
                             "destroying a road bridge, the committee reported on Sunday.\n\nAccording to the "
                             "committee, the largest mudflow came down the Kamchia valley at about 2:30 a.m. and "
                             "carried away the bridge over the Kamchia river on the Varna-Balchik highway.",
                  published=date(2025, 5, 12))
    bridge = next(e for e in out["entities"] if e["name"] == "bridge over the Kamchia river")
    assert bridge["aliases"] == ["Kamchia bridge"]
    assert [bridge["id"] in i["targets"] for i in out["incidents"]] == [True]


def test_jets_dropping_bombs_on_parts_of_a_plant_are_one_airstrike_by_their_air_force(extractor):
    out = extract(extractor, "Last Tuesday, Kavarnan Air Force jets dropped at least four bombs on the switchyard of "
                             "the Varna power station, destroying two transformers.", published=date(2022, 1, 18))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("airstrike", "2022-01-11")]
    assert perps(out) == [["Kavarnan Air Force"]]


def test_a_date_in_a_relative_clause_on_a_source_is_not_the_incidents(extractor):
    out = extract(extractor, "Myanmar military aircraft bombed the Varna hydropower plant on Monday, residents said. "
                             "Jets struck the Varna hydropower plant at around 2 p.m., according to the Kavarna "
                             "Liberation Army, which has controlled the area since late December.",
                  published=date(2025, 1, 22))
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2025-01-20", "2025-01-20")]


def test_uncrewed_boats_that_blow_up_at_a_berth_are_a_drone_strike(extractor):
    out = extract(extractor, "Uncrewed naval boats struck an oil loading berth at the port of Varna overnight. One of "
                             "them blew up next to Berth No. 4 of the Varna oil terminal.", published=date(2024, 11, 18))
    assert [i["type"] for i in out["incidents"]] == ["drone_strike"]


def test_cutting_through_a_towers_legs_is_sabotage_and_a_later_claim_does_not_date_it(extractor):
    out = extract(extractor, "Prosecutors said the men used angle grinders to cut through three of the four legs of "
                             "tower No. 347 on the Varna–Kavarna 220 kV line on the night of 14 March. The tower "
                             "collapsed shortly after 2 a.m. on 15 March, tripping the line.\n\nTwo days after the "
                             "collapse, a pamphlet signed by the Kavarna Resistance was left at a roadblock, claiming "
                             "the attack.", published=date(2025, 6, 5))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("sabotage", "2025-03-14")]


def test_a_cell_site_raided_by_men_belonging_to_a_group_is_its_armed_assault(extractor):
    out = extract(extractor, "Gunmen belonging to the Kavarna Front raided the San Isidro cell site of Varna Telecom "
                             "on Tuesday night.", published=date(2024, 8, 22))
    assert "San Isidro cell site" in names(out, "facility")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("armed_assault", "2024-08-20")]
    assert perps(out) == [["Kavarna Front"]]


def test_a_name_with_residents_or_a_bearing_of_it_is_a_town(extractor):
    out = extract(extractor, "For the roughly 900 residents of Churchill, the closure of the Kavarna line revives "
                             "bad memories.")
    assert "Churchill" in names(out, "place") and "Churchill" not in names(out, "actor")


def test_a_tanker_parting_its_mooring_at_a_numbered_spm_is_an_accident_there(extractor):
    out = extract(extractor, "On 9 July, a VLCC discharging crude at SPM-2, one of the single point moorings of the "
                             "Varna oil terminal, parted its mooring hawser in a squall.", published=date(2025, 7, 15))
    spm = next(e for e in out["entities"] if e["name"] == "SPM-2")
    assert spm["kind"] == "facility" and entity(out, spm["part_of"])["name"] == "Varna oil terminal"
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("accident", "2025-07-09")]


def test_a_named_mine_is_a_facility_a_border_section_and_a_sea_mine_are_not(extractor):
    out = extract(extractor, "Shells damaged the ore-crushing workshop of the Kavarna gold mine on Monday. The "
                             "Kavarna mine is the country's largest.", published=date(2023, 5, 12))
    mine = next(e for e in out["entities"] if e["name"] == "Kavarna gold mine")
    assert mine["type"] == "mine" and "Kavarna mine" in mine["aliases"]
    out = extract(extractor, "Mortars fired in the direction of the Kavarna section of the Varna-Balchik border on "
                             "Monday. A tanker struck a mine off Varna on Tuesday.", published=date(2023, 5, 12))
    assert names(out, "facility") == []


def test_a_live_pages_clock_stamped_entries_tell_the_day_it_was_published(extractor):
    out = extract(extractor, "All times local.\n\n15:10 - Coalition jets bombed the Kavarna power station, cutting "
                             "electricity to parts of the city, rebel television says.\n\n12:45 - Oil traders say "
                             "it is the first attack on a Varnan energy facility since a truce took hold in 2022."
                             "\n\n08:05 - The coalition says its air defences intercepted a missile.",
                  published=date(2021, 7, 2))
    got = [(i["type"], i["start"], i["end"], entity(out, i["targets"][0])["name"]) for i in out["incidents"]]
    assert got == [("airstrike", "2021-07-02", "2021-07-02", "Kavarna power station")]


def test_parts_joined_by_and_before_of_belong_to_the_whole(extractor):
    out = extract(extractor, "Flooding damaged the pump station and filter gallery of the Kavarna water treatment "
                             "plant on Monday. Operators shut the Varna hydropower station on Sunday.",
                  published=date(2026, 2, 3))
    hit = [entity(out, t) for t in out["incidents"][0]["targets"]]
    assert [e["name"] for e in hit if not e.get("part_of")] == ["Kavarna water treatment plant"]


def test_a_quake_is_a_natural_hazard_and_scouring_damages(extractor):
    out = extract(extractor, "A strong quake damaged the Kavarna Bridge on Monday.", published=date(2026, 2, 3))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("natural_hazard", "2026-02-02")]
    out = extract(extractor, "The authority closed the Varna Bridge on Monday morning after floodwaters scoured around "
                             "its eastern abutment.", published=date(2026, 2, 3))
    assert [(i["start"], [entity(out, t)["name"] for t in i["targets"]]) for i in out["incidents"]] == [
        ("2026-02-02", ["Varna Bridge"])]


def test_a_plant_named_with_its_head_glued_on_and_a_day_told_just_before(extractor):
    out = extract(extractor, "The DniproHES has been destroyed more often than almost any other power plant in "
                             "Europe.\n\nIn August 1941, Red Army sappers blew a hole in the DniproHES. That changed on "
                             "22 March 2024. At least eight missiles struck the DniproHES, setting fire to the machine "
                             "hall.", published=date(2025, 3, 24))
    assert [e["name"] for e in out["entities"] if e["kind"] == "facility" and not e.get("part_of")] == ["DniproHES"]
    assert sorted((i["type"], i["start"]) for i in out["incidents"]) == [
        ("missile_strike", "2024-03-22"), ("sabotage", "1941-08-01")]


def test_shortly_after_an_incident_is_its_day(extractor):
    out = extract(extractor, "At 14:32 hours on 17 July, the Varna-Kavarna 220 kV transmission line tripped. Shortly "
                             "after the tripping, a fire broke out in a transformer at the Balchik Grid Substation.",
                  published=date(2024, 7, 18))
    assert sorted((i["type"], i["start"]) for i in out["incidents"]) == [("disruption", "2024-07-17"),
                                                                         ("fire", "2024-07-17")]


def test_a_live_page_over_several_days_dates_entries_by_the_day_heading_above(extractor):
    out = extract(extractor, "Tuesday 15 September\n\n13:40 - That is all for today.\n\n06:10 - The operator "
                             "confirms a fire at the Kavarna refinery.\n\nMonday 14 September\n\n21:15 - Gunmen "
                             "attacked the Varna substation, the utility says.\n\n18:00 - The navy has ordered all "
                             "vessels out of the port.",
                  published=date(2026, 9, 15))
    got = sorted((i["type"], i["start"], entity(out, i["targets"][0])["name"]) for i in out["incidents"])
    assert got == [("armed_assault", "2026-09-14", "Varna substation"), ("fire", "2026-09-15", "Kavarna refinery")]


def test_a_desalination_plant_and_a_water_conveyance_and_no_firefighter_perpetrator(extractor):
    out = extract(extractor, "A fire broke out in the main electrical room of the Kavarna water treatment and "
                             "desalination plant on Thursday and was extinguished by Civil Defence teams within an "
                             "hour. Saboteurs cut an opening into the Varna Water Conveyance on Monday.",
                  published=date(2017, 8, 9))
    assert {"Kavarna water treatment and desalination plant", "Varna Water Conveyance"} <= set(names(out, "facility"))
    assert all(not p for p in perps(out)) and perps(out)


def test_a_titled_surname_is_the_person_named_in_full_before(extractor):
    out = extract(extractor, "Malindi Kazungu Charo, 34, and Abdalla Said Bakari, 41, denied cutting cables at the "
                             "Varna substation on Monday. The court record notes that the first accused, Mr Charo, "
                             "comes from Kaloleni.", published=date(2025, 9, 30))
    assert "Mr Charo" not in names(out, "actor")


def test_who_destroyed_the_drones_did_not_attack(extractor):
    out = extract(extractor, "Drones hit the Varna terminal on Monday. The ministry said the Kavarna Fleet had destroyed "
                             "five uncrewed surface vessels and blamed Balchik for the attack.", published=date(2026, 2, 17))
    assert "Kavarna Fleet" not in [p for ps in perps(out) for p in ps]


def test_a_numbered_power_barge(extractor):
    out = extract(extractor, "An explosion on Saturday damaged a diesel engine room on Power Barge 104, moored at the "
                             "Varna waterfront.", published=date(2024, 6, 10))
    assert "Power Barge 104" in names(out, "facility")


def test_a_tailings_facility_whose_embankment_failed_and_a_concentrator_fire(extractor):
    out = extract(extractor, "The embankment of tailings storage facility No. 2 (TSF2) at the Kavarna leach plant failed "
                             "on the night of 30 March. A fire broke out on 2 April on the main conveyor at Minera "
                             "Tamarugal's Balchik concentrator.", published=date(2025, 4, 8))
    assert {"tailings storage facility No. 2", "Kavarna leach plant", "Balchik concentrator"} <= set(names(out, "facility"))
    assert sorted((i["type"], i["start"]) for i in out["incidents"]) == [("accident", "2025-03-30"), ("fire", "2025-04-02")]


def test_an_abbreviated_title_before_a_name_is_not_part_of_it(extractor):
    out = extract(extractor, "The ministry's spokesman, Eng. Ahmad Karak, said the Varna pipeline was cut on Monday.",
                  published=date(2017, 8, 9))
    assert "Ahmad Karak" in names(out, "actor") and "Eng" not in names(out, "actor")


# ---- session 11 ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,name", [
    ("Arsonists set fire to cable troughs on the KSL 3 high-speed line near Varna on Wednesday.", "KSL 3 high-speed line"),
    ("The Tanjung Balchik coal-fired power plant was shut on Monday after a fire.", "Tanjung Balchik coal-fired power plant"),
    ("A man cut the BalkanTel fibre-optic trunk cable near Varna on Friday.", "BalkanTel fibre-optic trunk cable"),
])
def test_a_hyphenated_head_names_a_facility(extractor, text, name):
    assert name in names(extract(extractor, text), "facility")


def test_a_main_that_burst_is_an_accident_at_it(extractor):
    out = extract(extractor, "The 48-inch Kavarna trunk main burst near Balchik on Monday, flooding the road.")
    assert "Kavarna trunk main" in names(out, "facility")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("accident", "2024-07-08")]


@pytest.mark.parametrize("text,name", [
    ("Production at the Varna cement plant stopped after the blast on Monday.", "Varna cement plant"),
    ("A valve on the K-7 conduit near Varna was opened by thieves on Monday.", "K-7 conduit"),
    ("A fire broke out at the Kavarna West grid station on Monday.", "Kavarna West grid station"),
    ("A ship struck a gate at the Balchik Locks on Sunday.", "Balchik Locks"),
    ("Trains on Line 36 were halted after the cable fire on Monday.", "Line 36"),
])
def test_more_kinds_of_facility(extractor, text, name):
    assert name in names(extract(extractor, text), "facility")


def test_a_numbered_boiler_is_a_part_of_its_plant(extractor):
    out = extract(extractor, "Boiler No. 4 at the Varna heating plant exploded on Tuesday.")
    boiler = next(e for e in out["entities"] if e["name"] == "Boiler No. 4")
    assert entity(out, boiler["part_of"])["name"] == "Varna heating plant"


@pytest.mark.parametrize("text,short", [
    ("Defence lawyer Laura Brandt asked for four years for the attack on the Varna substation on Monday. "
     "Brandt said her client was at home.", "Brandt"),
    ("The appeal was heard by Justice Elena Marinova. The Varna substation was attacked on Monday, Justice Marinova "
     "wrote.", "Justice Marinova"),
    ("A drilling rig operated by a contractor, Balkan Drill Engineering, cut the Varna cable on Monday. Balkan Drill "
     "said its crew had followed the plans.", "Balkan Drill"),
])
def test_a_short_form_of_a_name_is_the_actor_named_in_full(extractor, text, short):
    actors = names(extract(extractor, text), "actor")
    assert short not in actors and len(actors) == 1


@pytest.mark.parametrize("text,name", [
    ("Water drawn from Lago Sarmiento feeds the Kavarna treatment plant, which was shut on Monday.", "Lago Sarmiento"),
    ("The water level of Lake Ostrava fell, and the Kavarna dam cut output on Monday.", "Lake Ostrava"),
])
def test_a_lake_is_a_place_not_an_actor(extractor, text, name):
    out = extract(extractor, text)
    assert name not in names(out, "actor")


def test_a_fire_set_in_the_passive_is_sabotage(extractor):
    out = extract(extractor, "Two cable troughs beside the Kavarna line had been set alight at around 4:30 a.m. on "
                             "Wednesday, halting trains.", published=date(2025, 4, 10))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("sabotage", "2025-04-09")]


def test_an_attack_bearing_the_hallmarks_of_a_group_is_blamed_on_it(extractor):
    out = extract(extractor, "Explosive charges brought down two towers of the Kavarna line early on Wednesday. "
                             "Commissioner Ivan Petrov said the attack bore the hallmarks of the Balchik Front (BF), "
                             "a small armed group.", published=date(2025, 8, 14))
    assert perps(out) == [["Balchik Front"]]


def test_since_in_a_clause_about_the_accused_does_not_date_the_attack(extractor):
    out = extract(extractor, "Gunmen attacked the Kavarna substation, the ministry said on Tuesday. The spokesman said "
                             "the attack had been carried out by the Balchik Front, an alliance of armed groups that "
                             "has fought the army since 2023.", published=date(2025, 4, 10))
    assert [i["start"] for i in out["incidents"]] != ["2023-01-01"] and len(out["incidents"]) == 1


def test_an_acronym_in_brackets_the_model_left_untagged_is_the_same_actor(extractor):
    out = extract(extractor, "About 20 attackers overran the guard post at the Boali 2 station on Sunday, according to "
                             "Énergie Centrafricaine (ENERCA). ENERCA said the turbines were undamaged.",
                  published=date(2025, 12, 2))
    assert names(out, "actor") == ["Énergie Centrafricaine"]


def test_a_name_with_particles_of_another_language_is_whole(extractor):
    out = extract(extractor, "The spokesman said the attack on the Boali 2 station had been carried out by the "
                             "Coalition pour la Renaissance du Centrafrique (CRC), an alliance of armed groups.",
                  published=date(2025, 12, 2))
    assert "Coalition pour la Renaissance du Centrafrique" in names(out, "actor")


def test_a_capitalized_short_word_inside_a_name_is_part_of_it(extractor):
    out = extract(extractor, "A fire broke out at the Phước An 220 kV substation west of Quy Nhơn on Wednesday. Flames "
                             "were seen at transformer AT2.", published=date(2025, 10, 22))
    assert "Phước An 220 kV substation" in names(out, "facility")
    at2 = next(e for e in out["entities"] if e["name"] == "transformer AT2")
    assert entity(out, at2["part_of"])["name"] == "Phước An 220 kV substation"


@pytest.mark.parametrize("text,name", [
    ("A blast damaged the Kavarna fertilizer plant on Monday.", "Kavarna fertilizer plant"),
    ("Floodwater breached the Balchik levee on Monday.", "Balchik levee"),
    ("Gunmen attacked the Varna pump station on Monday.", "Varna pump station"),
    ("A fire broke out at the Kavarna railway station on Monday.", "Kavarna railway station"),
    ("Drones hit the Balchik shipyard on Monday.", "Balchik shipyard"),
])
def test_common_kinds_of_infrastructure_are_facilities(extractor, text, name):
    assert name in names(extract(extractor, text), "facility")


def test_a_month_before_a_dash_is_no_part_of_a_facilitys_name(extractor):
    out = extract(extractor, "January – Pylons of the Kavarna–Balchik transmission line were blown up on 9 January.",
                  published=date(2024, 12, 30))
    assert not any(n.startswith("January") for n in names(out, "facility"))


def test_rounds_fired_through_a_fence_are_sabotage_by_who_drove_there(extractor):
    out = extract(extractor, "On the night of 14 July 2023, Petar Kolev drove to the Kavarna substation and fired 23 "
                             "rounds from a hunting rifle through the perimeter fence.", published=date(2025, 3, 21))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("sabotage", "2023-07-14")]
    assert perps(out) == [["Petar Kolev"]]


def test_a_drilling_rig_that_cut_a_cable_is_an_accident(extractor):
    out = extract(extractor, "On 21 March a drilling rig operated by a contractor cut two Kavarna fibre cables near "
                             "the Balchik data centre.", published=date(2025, 7, 24))
    assert [i["type"] for i in out["incidents"]] == ["accident"]


def test_denied_reports_of_an_explosion_and_a_fire_at_another_plant_are_not_told_events(extractor):
    out = extract(extractor, "Four of the six trains at the Kavarna desalination plant went offline on Tuesday, the "
                             "operator said.\n\nA fire broke out at the Balchik refinery on Friday. The company denied "
                             "social media reports of an explosion at the site, saying the videos showed a fire at "
                             "another plant abroad.", published=date(2024, 7, 14))
    assert sorted((i["type"], i["start"]) for i in out["incidents"]) == [("disruption", "2024-07-09"), ("fire", "2024-07-12")]


def test_a_second_clause_days_later_is_its_own_incident_counted_forward(extractor):
    out = extract(extractor, "Drones hit the Kavarna refinery on Monday, and a missile struck the Balchik terminal "
                             "three days later.", published=date(2024, 7, 14))
    assert sorted((i["type"], i["start"]) for i in out["incidents"]) == [("drone_strike", "2024-07-08"),
                                                                         ("missile_strike", "2024-07-11")]


def test_a_bulletins_date_of_loss_field_dates_its_item(extractor):
    text = ("Loss Bulletin 2025/11\n\n"
            "1. BULGARIA - Fire at the Kavarna cogeneration plant\n\n"
            "Date of loss: 22 May 2025\nClass: Property damage\n\n"
            "A fire broke out in the boiler house of the Kavarna cogeneration plant at about 16:40. The cause has "
            "not been determined.\n\n"
            "2. ROMANIA - Ship strikes crane at the Balchik Container Terminal\n\n"
            "Date of loss: 28 May 2025\nClass: Marine liability\n\n"
            "The container ship Sea Meridian struck a crane while berthing at the Balchik Container "
            "Terminal. The berth was closed for two days.\n")
    out = extract(extractor, text, published=date(2025, 6, 6))
    assert sorted((i["type"], i["start"]) for i in out["incidents"]) == [("accident", "2025-05-28"), ("fire", "2025-05-22")]


@pytest.mark.parametrize("text,name", [
    ("The appeal was heard on Monday. The Governor of the Northern Province, S. Paramanathan, visited the Kavarna "
     "substation after the fire.", "S. Paramanathan"),
    ("Engineer K. Sivaruban said the Kavarna pipeline burst on Monday.", "K. Sivaruban"),
    ("The Preliminary Investigation Court of Nauta ordered the detention of three men over the Kavarna pipeline "
     "cut on Monday.", "Preliminary Investigation Court of Nauta"),
])
def test_persons_by_initials_and_institutions_by_their_seat(extractor, text, name):
    assert name in names(extract(extractor, text), "actor")


def test_a_numbered_crane_and_a_data_hall_are_parts(extractor):
    out = extract(extractor, "The ship Sea Star struck ship-to-shore crane No. 4 at the Kavarna Container Terminal "
                             "on Monday. Data Hall C at the Varna data centre lost power on Wednesday.",
                  published=date(2025, 7, 18))
    parts = {e["name"]: entity(out, e["part_of"])["name"] for e in out["entities"] if e.get("part_of")}
    assert parts == {"ship-to-shore crane No. 4": "Kavarna Container Terminal", "Data Hall C": "Varna data centre"}


def test_a_river_that_flooded_a_substation_is_a_natural_hazard_and_leaked_water_is_not(extractor):
    out = extract(extractor, "On Monday night the overflowing Kamchia River flooded the Kavarna 138 kV substation.",
                  published=date(2025, 11, 6))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("natural_hazard", "2025-11-03")]
    out = extract(extractor, "A joint on the Balchik pipeline gave way on Monday. The water flooded a field of cassava.",
                  published=date(2025, 11, 6))
    assert [i["type"] for i in out["incidents"]] == ["accident"]


def test_a_name_with_a_plural_head_is_a_company(extractor):
    out = extract(extractor, "The terminal, run under concession by the operator Kavarna Atlantic Terminals, worked "
                             "only one vessel after the Varna terminal fire on Monday.", published=date(2025, 2, 21))
    assert "Kavarna Atlantic Terminals" in names(out, "actor")
    assert "Kavarna Atlantic Terminals" not in names(out, "facility")


def test_a_cut_made_in_a_pipe_with_a_saw_is_sabotage(extractor):
    out = extract(extractor, "On the night of 27 October the three men travelled by boat to kilometre 301 of Section "
                             "I of the Kavarna Pipeline and made a cut of approximately 20 centimetres in the upper part of the pipe "
                             "using a manual saw.", published=date(2024, 11, 8))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("sabotage", "2024-10-27")]


def test_a_sit_in_on_a_railway_is_a_disruption(extractor):
    out = extract(extractor, "A blockade of the Kavarna-Balchik line by about 150 unemployed graduates entered its "
                             "sixth day on Friday.", published=date(2025, 4, 25))
    assert [i["type"] for i in out["incidents"]] == ["disruption"]


def test_an_arson_commissioned_by_someone_is_their_sabotage(extractor):
    out = extract(extractor, "In the early hours of 28 April, a fire destroyed a trackside relay cabinet on the "
                             "Kavarna-Balchik line. Prosecutors say the arson was commissioned by the Balchik Front.",
                  published=date(2025, 5, 9))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("sabotage", "2025-04-28")]
    assert perps(out) == [["Balchik Front"]]


def test_whoever_a_minister_says_carried_out_the_raid_is_accused(extractor):
    out = extract(extractor, "Gunmen attacked the Kavarna pumping station on Monday. The minister told a press "
                             "conference that al-Shabaab fighters from the mountains carried out the raid.",
                  published=date(2024, 8, 20))
    assert perps(out) == [["al-Shabaab"]]


def test_deliberate_cuts_under_a_month_heading_are_that_months_sabotage(extractor):
    out = extract(extractor, "November - Fibre cuts near Varna\n\nBalkanTel reported five deliberate cuts on its "
                             "Varna-Kavarna fibre-optic trunk line over the course of the month.",
                  published=date(2025, 1, 10))
    assert [(i["type"], i["start"], i["end"]) for i in out["incidents"]] == [("sabotage", "2024-11-01", "2024-11-30")]


def test_a_strait_named_x_of_y_is_a_place(extractor):
    out = extract(extractor, "Quay productivity at the Kavarna terminal fell on Monday, and at least nine container "
                             "vessels skipped the terminal in favour of other ports in the Straits of Johor and "
                             "Singapore.", published=date(2025, 8, 14))
    assert "Straits of Johor" in names(out, "place") and "Straits of Johor" not in names(out, "actor")


def test_a_ship_that_struck_a_crane_after_which_it_collapsed_did_it(extractor):
    out = extract(extractor, "A ship-to-shore crane collapsed at the Kavarna Container Terminal on Saturday after it "
                             "was struck by the container ship Nordic Juniper as it berthed.", published=date(2025, 9, 8))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("accident", "2025-09-06")]
    assert perps(out) == [["Nordic Juniper"]]


def test_a_ministrys_remit_listed_with_commas_is_part_of_its_name(extractor):
    out = extract(extractor, "The Ministry of Industry, Mines and Energy said the Kavarna railway was blocked on Monday.",
                  published=date(2025, 4, 25))
    assert "Ministry of Industry, Mines and Energy" in names(out, "actor") and "Energy" not in names(out, "actor")


def test_two_towns_the_model_took_for_one_organisation_are_places(extractor):
    out = extract(extractor, "About 150 unemployed young people from Redeyef and Metlaoui have been camped on the "
                             "track of the Kavarna line since last Saturday.", published=date(2025, 4, 25))
    assert {"Redeyef", "Metlaoui"} <= set(names(out, "place")) and not names(out, "actor")


# --- session 12 ---

@pytest.mark.parametrize("text, name", [
    ("The Kavarna zone substation was hit by ransomware on Monday.", "Kavarna zone substation"),
    ("A fire broke out at the Kavarna port petroleum terminal on Monday.", "Kavarna port petroleum terminal"),
    ("A drone hit the Kavarna traction substation on Monday.", "Kavarna traction substation"),
    ("A storm damaged the Kavarna bulk terminal on Monday.", "Kavarna bulk terminal"),
])
def test_a_descriptive_word_between_a_name_and_its_head_belongs_to_the_name(extractor, text, name):
    out = extract(extractor, text)
    assert names(out, "facility") == [name]
    assert len(out["incidents"]) == 1


def test_an_intrusion_without_a_target_is_not_the_next_sentences_fire(extractor):
    out = extract(extractor, "The utility was hit by ransomware on Monday. A fire broke out at the Kavarna wharf on "
                             "Monday.")
    assert [i["type"] for i in out["incidents"]] == ["fire"]


def test_a_strike_without_a_target_is_told_by_the_next_sentences_fire(extractor):
    out = extract(extractor, "Drones attacked overnight on Monday. A fire broke out at the Kavarna refinery.")
    assert [i["type"] for i in out["incidents"]] == ["drone_strike"]


def test_a_ship_told_with_its_anchor_down_near_a_broken_cable_is_held_for_it(extractor):
    out = extract(extractor, "The Kavarna cable broke on Monday. The coast guard said the Togo-flagged Dobra Zvezda 5 "
                             "had been loitering over the cable with its anchor down before it broke.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("accident", "2024-07-08")]
    assert perps(out) == [["Dobra Zvezda 5"]]


def test_a_ship_named_only_as_the_repairer_is_held_for_nothing(extractor):
    out = extract(extractor, "The Kavarna cable broke on Monday. Repairs by the cable ship Dobra Zvezda will take weeks.")
    assert perps(out) == [[]]


def test_a_ship_held_for_one_incident_is_not_held_for_the_other_damage_near_it(extractor):
    out = extract(extractor, "The Kavarna pipeline and a nearby data cable were damaged on Monday. Officials said the "
                             "anchor of the ship Dobra Zvezda was responsible for breaking the pipeline.")
    assert sorted(map(tuple, perps(out))) == [(), ("Dobra Zvezda",)]


def test_a_group_saying_in_a_statement_that_its_fighters_did_it_claims_it(extractor):
    out = extract(extractor, "On Saturday, a blast tore through the Kavarna rail bridge. The Balchik Liberation Army "
                             "said in a statement sent to journalists that its fighters had planted the explosives under "
                             "the bridge.", published=date(2025, 10, 12))
    assert perps(out) == [["Balchik Liberation Army"]]


def test_people_who_burned_a_tower_sabotaged_it(extractor):
    out = extract(extractor, "Gunmen burned the Kavarna telecom tower on Saturday.", published=date(2025, 10, 12))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("sabotage", "2025-10-11")]


def test_burning_fuel_is_no_fire_incident(extractor):
    out = extract(extractor, "The company burned gas at the Kavarna plant on Saturday.", published=date(2025, 10, 12))
    assert out["incidents"] == []


def test_the_subject_of_planting_explosives_did_it_and_a_leading_suspected_is_no_part_of_a_name(extractor):
    out = extract(extractor, "Suspected Balchik Liberation Army militants planted explosives under the Kavarna rail "
                             "bridge on Saturday.",
                  published=date(2025, 10, 12))
    assert perps(out) == [["Balchik Liberation Army"]]
    assert "Balchik Liberation Army" in names(out, "actor")


def test_pylons_that_fell_are_the_lines_told_before(extractor):
    out = extract(extractor, "A storm swept through the corridor of the Kavarna–Balchik 150 kV line on Monday. Two "
                             "pylons collapsed and a third was badly damaged.")
    assert [[entity(out, t)["name"] for t in i["targets"]] for i in out["incidents"]] == [["Kavarna–Balchik 150 kV line"]]


def test_a_wildfire_is_a_fire(extractor):
    out = extract(extractor, "A wildfire swept through the corridor of the Kavarna–Balchik 150 kV line on Monday.")
    assert [i["type"] for i in out["incidents"]] == ["fire"]


def test_towers_that_collapsed_the_night_a_cyclone_passed_fell_to_it(extractor):
    out = extract(extractor, "An extratropical cyclone moved north overnight on Tuesday, bringing gale-force winds to "
                             "the coast.\n\nThree towers on the Kavarna-Balchik 138 kV line collapsed overnight.",
                  published=date(2026, 7, 8))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("natural_hazard", "2026-07-07")]


def test_a_collapse_weeks_after_a_storm_is_an_accident(extractor):
    out = extract(extractor, "A storm hit the coast on 2 May.\n\nOn 20 June the Kavarna road bridge collapsed.",
                  published=date(2026, 7, 8))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("accident", "2026-06-20")]


def test_rumours_of_sabotage_called_false_tell_no_incident(extractor):
    out = extract(extractor, "Rumours on social media that the Kavarna substation was sabotaged on Monday are "
                             "false, the operator says.")
    assert out["incidents"] == []


def test_overnight_in_a_sentence_dated_by_its_month_is_that_months_night(extractor):
    out = extract(extractor, "In June 2021, a transformer fire at the Kavarna substation cut power to large parts of "
                             "the district overnight.", published=date(2026, 8, 27))
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2021-06-01", "2021-06-30")]


def test_a_day_and_month_in_a_name_is_no_date(extractor):
    from ingest.dates import find_dates
    assert find_dates("parts of Giza, 6th of October City and Sheikh Zayed") == []
    assert [d.text for d in find_dates("on 6 October the line tripped")] == ["6 October"]


def test_a_clause_about_supply_cuts_in_a_district_tells_no_attack_on_the_plant_before_it(extractor):
    out = extract(extractor, "The operator isolated the Kavarna substation, and for several hours parts of Varna were "
                             "hit by unscheduled cuts.", published=date(2026, 8, 27))
    assert out["incidents"] == []


def test_a_route_name_the_model_took_for_a_person_still_names_the_line(extractor):
    out = extract(extractor, "A tower of the 315 kV Taureau-Matawin line was deliberately brought down on Monday.")
    assert names(out, "facility") == ["Taureau-Matawin line"] and "Taureau-Matawin" not in names(out, "actor")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("sabotage", "2024-07-08")]


def test_a_text_signed_by_a_group_claims_the_attack_for_it(extractor):
    out = extract(extractor, "A tower of the Kavarna-Balchik line was deliberately brought down on Monday.\n\nOn Tuesday "
                             "night, a text signed by a group calling itself Cellule Ciel Noir appeared on an anarchist "
                             "website, saying its members had \"cut the veins of the machine\".")
    assert perps(out) == [["Cellule Ciel Noir"]]


def test_an_agreement_signed_by_a_minister_claims_nothing(extractor):
    out = extract(extractor, "On Saturday, arsonists set fire to a cable duct on the Kavarna railway line. On Sunday, "
                             "an agreement signed by the minister was published.")
    assert perps(out) == [[]]


def test_the_line_that_tripped_is_the_line_named_before(extractor):
    out = extract(extractor, "The Kavarna-Balchik line feeds the region. The line tripped at 1:47 a.m. on Monday.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("disruption", "2024-07-08")]


def test_a_facility_known_as_a_name_is_named_by_it(extractor):
    out = extract(extractor, "On Wednesday, the river burst its banks and water poured into the town's main intake "
                             "substation, known as PMU Kavarna.")
    assert "PMU Kavarna" in names(out, "facility")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("natural_hazard", "2024-07-10")]


def test_a_numbered_borehole_is_a_facility(extractor):
    out = extract(extractor, "On 6 March, armed men stormed the Kavarna Borehole No. 3 compound and drove off with its "
                             "diesel generator.", published=date(2026, 4, 20))
    assert "Kavarna Borehole No. 3" in names(out, "facility")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("armed_assault", "2026-03-06")]


def test_structures_that_collapsed_under_freezing_rain_fell_to_the_storm(extractor):
    out = extract(extractor, "Customers lost service during the freezing rain that began Friday afternoon. Eleven steel "
                             "structures on our 138 kV transmission line L-3017 collapsed early Saturday.",
                  published=date(2026, 1, 12))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("natural_hazard", "2026-01-10")]
    line = next(e for e in out["entities"] if e["kind"] == "facility")
    assert line["name"] == "transmission line L-3017" and "L-3017" in line["aliases"]


def test_the_owner_a_facility_belongs_to_is_not_accused(extractor):
    out = extract(extractor, "A fire broke out at the Kavarna fuel depot on Monday. The depot belongs to Distribuidora "
                             "Sul.", published=date(2026, 7, 8))
    assert perps(out) == [[]]


def test_the_group_attackers_belonged_to_is_accused(extractor):
    out = extract(extractor, "Gunmen attacked the Kavarna fuel depot on Monday. Police said the attackers belonged to "
                             "the Kavarna Front.", published=date(2026, 7, 8))
    assert perps(out) == [["Kavarna Front"]]


def test_a_tankers_class_before_its_name_is_no_ship(extractor):
    out = extract(extractor, "The Marshall Islands-flagged LR1 tanker Amber Solace struck Berth 3 at the Kavarna "
                             "Products Terminal late on Sunday.")
    assert perps(out) == [["Amber Solace"]] and "LR1" not in names(out, "actor")


def test_who_was_behind_it_left_open_and_a_groups_habit_accuse_nobody(extractor):
    out = extract(extractor, "The ministry said an explosive device had toppled a tower on the Kavarna-Balchik 132 kV "
                             "line on Tuesday night. Ministry spokesman Ahmed Moussa called it \"a deliberate act of "
                             "sabotage\" but did not say who was behind it.\n\nAttacks on transmission towers are common "
                             "in the region, where Islamic State remnants have repeatedly blown up pylons.")
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("sabotage", "2024-07-09")]
    assert perps(out) == [[]]


def test_a_capitalized_line_after_an_adjective_is_a_named_line(extractor):
    out = extract(extractor, "Less than three weeks later, on the night of 2 to 3 February 2026, a fire destroyed the "
                             "technical building of the electronic interlocking at Kavarna, on the Northern Line. For "
                             "most of 3 February, long-distance services ran with severe delays.", published=None)
    assert [(i["type"], [entity(out, t)["name"] for t in i["targets"]]) for i in out["incidents"]] == \
        [("fire", ["Northern Line"])]


def test_intrusion_in_a_text_about_fires_and_patrols_is_no_hack(extractor):
    out = extract(extractor, "On 2 February 2026, a fire destroyed the relay building on the Kavarna Line. What "
                             "measures are being taken to protect the Kavarna Line against fire and intrusion?",
                  published=None)
    assert [i["type"] for i in out["incidents"]] == ["fire"]


def test_a_group_listing_a_victim_on_its_leak_site_claims_that_intrusion_not_the_next_days_accident(extractor):
    out = extract(extractor, "On Friday a cyberattack took the Kavarna Container Terminal's systems offline.\n\nA "
                             "ransomware group calling itself Cobalt Mantis listed the terminal on its leak site on "
                             "Sunday.\n\nIn Varna, the car carrier Aegean Meridian broke free of two mooring lines during "
                             "a northerly gale on Sunday afternoon and struck the Varna ro-ro quay.",
                  published=date(2026, 1, 28))
    by_type = {i["type"]: [entity(out, p)["name"] for p in i["perpetrators"]] for i in out["incidents"]}
    assert by_type == {"cyberattack": ["Cobalt Mantis"], "accident": ["Aegean Meridian"]}


def test_the_group_holding_the_positions_rounds_were_fired_from_is_accused(extractor):
    out = extract(extractor, "Mortar rounds slammed into the Kavarna power station late on Monday. The ministry said "
                             "the rounds had been fired from positions held by the Shuhada al-Janoub Battalion.",
                  published=date(2026, 5, 20))
    assert perps(out) == [["Shuhada al-Janoub Battalion"]]


def test_an_indonesian_km_ship_whose_anchor_damaged_a_cable_is_held_for_it(extractor):
    out = extract(extractor, "The utility confirmed this week that the Kavarna 150 kV subsea cable was damaged on 19 "
                             "July by the anchor of a cargo ship, the KM Sinar Bahari 7.", published=date(2026, 7, 30))
    assert perps(out) == [["KM Sinar Bahari 7"]]


@pytest.mark.parametrize("published, day", [(date(2026, 7, 30), "2026-07-22"), (date(2026, 8, 1), "2026-07-29")])
def test_last_wednesday_written_on_a_thursday_is_the_week_befores(extractor, published, day):
    out = extract(extractor, "A ransomware attack detected last Wednesday encrypted servers at the Kavarna dispatch "
                             "centre.", published=published)
    assert [i["start"] for i in out["incidents"]] == [day]


def test_a_day_spelled_out_dates_the_event(extractor):
    out = extract(extractor, "On the second of December, in the afternoon, artillery shelled the Kavarna pumping "
                             "station.", published=date(2026, 2, 5))
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2025-12-02", "2025-12-02")]


def test_a_demonym_before_a_drones_model_names_the_state(extractor):
    out = extract(extractor, "On the 24th of January, in the early morning, a Russian Shahed drone hit the Kavarna "
                             "substation.", published=date(2026, 2, 5))
    assert perps(out) == [["Russia"]] and "Russian Shahed" not in names(out, "actor")


@pytest.mark.parametrize("text, place", [
    ("Eleven steel structures on the Kavarna line collapsed near Saint-Isidore early Saturday.", "Saint-Isidore"),
    ("The railway was diverting some traffic via the southern line through Beyneu.", "Beyneu"),
    ("Mortars hit the Kavarna power station, cutting power to parts of Abu Salim for several hours.", "Abu Salim"),
])
def test_a_name_after_a_preposition_only_places_take_is_a_place(extractor, text, place):
    out = extract(extractor, text)
    assert place in names(out, "place") and place not in names(out, "actor")


@pytest.mark.parametrize("text, place", [
    ("Gunmen set fire to the control room of the Kavarna substation, cutting power to Goroka and Kainantu for three "
     "days.", "Kainantu"),
    ("The coast guard suspected the Kaspar Trader, a bulk carrier bound for Ust-Luga, of having dragged its anchor "
     "across the Kavarna cable.", "Ust-Luga"),
    ("The court record notes that the first accused, Mr Charo, comes from Kaloleni.", "Kaloleni"),
])
def test_a_name_in_a_list_of_supplied_places_is_a_place(extractor, text, place):
    out = extract(extractor, text)
    assert place not in names(out, "actor")


def test_crews_from_a_company_are_the_companys(extractor):  # a guard: "from" names a place only after people or motion
    out = extract(extractor, "Crews from Elettrodotti Sardi worked through Friday on the Kavarna 150 kV line.")
    assert "Elettrodotti Sardi" in names(out, "actor")


def test_a_ships_build_year_dates_nothing_and_a_weekday_agreeing_with_its_date_keeps_it(extractor):
    out = extract(extractor, "A fire broke out on the jetty at Berth 5 of the Kavarna Chemical Terminal on Sunday 26 "
                             "October while the chemical tanker Hana Pioneer (2015, 19,900 dwt) was discharging.",
                  published=date(2025, 10, 29))
    assert [i["start"] for i in out["incidents"]] == ["2025-10-26"]


def test_the_explosion_police_spoke_of_the_next_day_is_the_one_told_before(extractor):
    out = extract(extractor, "An explosion ripped open the Kavarna gas pipeline late on Sunday, cutting supplies to "
                             "Sarajevo. Police in Republika Srpska, the Serb-run entity where the pipeline was damaged, "
                             "said on Monday they were examining all possibilities and had not yet established what "
                             "caused the explosion.", published=date(2026, 2, 10))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("explosion", "2026-02-08")]


def test_a_persian_ezafe_stays_in_a_dams_name_and_cracks_in_it_are_damage(extractor):
    out = extract(extractor, "Cracks found on Sarab-e Kalan dam after the earthquake on Monday.", published=date(2026, 1, 13))
    assert names(out, "facility") == ["Sarab-e Kalan dam"] and "Sarab" not in names(out, "actor")
    assert [(i["start"], [entity(out, t)["name"] for t in i["targets"]]) for i in out["incidents"]] == \
        [("2026-01-12", ["Sarab-e Kalan dam"])]


def test_police_cracking_down_tell_no_damage(extractor):  # a guard for the crack words
    out = extract(extractor, "Police cracked down on fuel thieves near the Kavarna pipeline on Monday.")
    assert out["incidents"] == []


def test_nothing_to_suggest_a_fire_was_lit_deliberately_leaves_a_fire(extractor):
    out = extract(extractor, "Monday night's fire at the Kavarna substation cut power to 4,800 homes. A spokesperson "
                             "said there was nothing to suggest the fire had been deliberately lit.",
                  published=date(2025, 8, 21))
    assert [i["type"] for i in out["incidents"]] == ["fire"]


def test_a_fire_lit_deliberately_is_sabotage(extractor):  # a guard for the one above
    out = extract(extractor, "Monday night's fire at the Kavarna substation was deliberately lit, police said.",
                  published=date(2025, 8, 21))
    assert [i["type"] for i in out["incidents"]] == ["sabotage"]


def test_a_slip_across_a_line_is_a_landslide(extractor):
    out = extract(extractor, "Another 80 millimetres fell overnight, and a slip came down across the Kavarna–Balchik "
                             "Line sometime before dawn on Tuesday.", published=date(2025, 7, 2))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("natural_hazard", "2025-07-01")]


def test_a_slip_road_is_no_landslide(extractor):  # a guard
    out = extract(extractor, "The Kavarna bridge slip road was closed for resurfacing on Tuesday.", published=date(2025, 7, 2))
    assert [i["type"] for i in out["incidents"]] != ["natural_hazard"]


def test_a_line_that_went_dead_and_towers_a_hurricane_brought_down_on_a_segment(extractor):
    out = extract(extractor, "On the night of February 23, the Kavarna–Balchik interconnector went dead at around two "
                             "in the morning.\n\nIn October 2022, the winds of Hurricane Julia brought down four towers "
                             "on the Varna–Dobrich segment.", published=date(2026, 3, 11))
    assert sorted((i["type"], i["start"]) for i in out["incidents"]) == [
        ("disruption", "2026-02-23"), ("natural_hazard", "2022-10-01")]


def test_a_defined_dam_keeps_the_first_word_of_its_hyphenated_name(extractor):
    out = extract(extractor, "Some context on the dam. Sarab-e Kalan, an earth-fill dam completed in 2011, supplies "
                             "irrigation water.")
    assert names(out, "facility") == ["Sarab-e Kalan"]


def test_a_capitalized_adjective_opening_a_sentence_names_no_facility(extractor):
    out = extract(extractor, "Ageing substations are the weak point of the Kavarna grid.")
    assert "Ageing substations" not in names(out, "facility")


def test_cracks_found_later_on_a_bridge_the_quake_was_told_with_are_the_quakes(extractor):
    out = extract(extractor, "A magnitude 6.7 earthquake struck off the coast at 2:41 p.m. on Sunday, cracking two piers "
                             "of the Kavarna River Bridge and damaging a wharf at the Port of Varna.\n\nThe ministry "
                             "closed the Kavarna River Bridge to trucks after engineers found cracks on two piers.",
                  published=date(2025, 6, 17))
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("natural_hazard", "2025-06-15")]


def test_a_facility_in_the_village_of_x_is_named_by_the_village(extractor):
    out = extract(extractor, "We recall that on 22 September 2025 a fire was also registered at the transformer station "
                             "in the village of Klecovce, which left part of the municipality without electricity.",
                  published=date(2025, 11, 6))
    station = next(e for e in out["entities"] if e["kind"] == "facility")
    assert "Klecovce transformer station" in [station["name"], *station["aliases"]]


def test_a_hyphenated_description_keeps_its_first_half(extractor):
    out = extract(extractor, "A fibre-optic signalling cable running along the track had been cut through at two places "
                             "on 4 November 2025.", published=date(2025, 11, 6))
    assert names(out, "facility") == ["fibre-optic signalling cable"]


def test_the_pipeline_near_the_municipality_of_x_is_the_pipeline_told_before(extractor):  # a guard
    out = extract(extractor, "Rebels bombed the Kavarna-Balchik oil pipeline on Monday. The explosion tore open the "
                             "pipeline near the municipality of Saravena early on Monday.", published=date(2024, 10, 30))
    assert len(out["incidents"]) == 1


def test_a_port_suspending_work_right_after_a_fire_cut_the_power_is_its_effect(extractor):
    out = extract(extractor, "A fire broke out at the Kavarna substation on Monday night. For nine hours on Tuesday, "
                             "Tortoli and Girasole were without electricity. The port of Arbatax suspended ferry loading "
                             "for the morning.", published=date(2025, 8, 9))
    assert [i["type"] for i in out["incidents"]] == ["fire"]


@pytest.mark.parametrize("word", ["P&I", "GSM", "UAV", "OEM", "Q&A"])
def test_a_technical_or_trade_acronym_is_no_actor(extractor, word):
    out = extract(extractor, f"The {word} report on the Kavarna terminal fire was published on Monday by Kavarna Ports.")
    assert word not in names(out, "actor")
