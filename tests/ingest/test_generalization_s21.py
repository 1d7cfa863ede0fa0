"""Session 21's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import entity, extract, incidents as _incidents

PUB = date(2026, 5, 20)  # a Wednesday


def _kinds(out, name):
    return sorted(e["kind"] for e in out["entities"] if e["name"] == name)


@pytest.mark.parametrize("text, country", [
    ("A fire damaged the Varna substation on Monday. Bulgaria's Ministry of Energy said repairs would take a week.",
     "Bulgaria"),
    ("A fire damaged the Varna substation on Monday. Bulgaria's National Police Service said it had opened an "
     "inquiry.", "Bulgaria"),
    ("Hackers hit the Varna substation on Monday. Estonia's cybersecurity agency said it was helping the operator.",
     "Estonia"),
])
def test_a_country_named_only_as_the_owner_of_a_speaking_body_is_a_place(extractor, text, country):
    assert _kinds(extract(extractor, text, published=PUB), country) == ["place"]


@pytest.mark.parametrize("text, country", [
    # its armed forces or its war make it a party
    ("Drones hit the Varna substation on Monday. Bulgaria's army said it had shot down two of them.", "Bulgaria"),
    ("Drones hit the Varna substation on Monday. Officials blamed Bulgaria's invasion for the damage.", "Bulgaria"),
    # a body owned, and the country acting elsewhere
    ("Bulgaria condemned the attack on the Varna substation on Monday. Bulgaria's Ministry of Energy said repairs "
     "would take a week.", "Bulgaria"),
])
def test_a_country_owning_armed_forces_or_acting_elsewhere_stays_a_state(extractor, text, country):
    assert "actor" in _kinds(extract(extractor, text, published=PUB), country)


def test_a_defence_ministry_claiming_a_strike_makes_its_country_the_perpetrator(extractor):
    out = extract(extractor, "Drones struck the Varna compressor station overnight. Bulgaria's Defence Ministry "
                             "said on Monday that its forces had carried out the strike.", published=PUB)
    assert [p for *_, p in _incidents(out)] == [["Bulgaria"]]


@pytest.mark.parametrize("text, name", [
    ("The Ferrovia Norte said passenger trains would terminate at Gillam until the Pelotas bridge reopens on Friday.",
     "Gillam"),
    ("Crews held freight trains at Makat after a landslide blocked the Beyneu railway on Monday.", "Makat"),
])
def test_a_plain_name_told_only_as_where_things_are_is_a_place(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert _kinds(out, name) == ["place"]


@pytest.mark.parametrize("text, name", [
    # it speaks elsewhere in the text
    ("Freight is diverted at Makat. Makat said on Monday that trains would resume.", "Makat"),
    # a name with a common noun in it is an organisation's
    ("Engineers from Calloway Partners inspected the Beyneu railway at Makat after the landslide on Monday.",
     "Calloway Partners"),
])
def test_a_name_that_speaks_or_holds_a_common_noun_stays_an_actor(extractor, text, name):
    assert _kinds(extract(extractor, text, published=PUB), name) == ["actor"]


def test_an_agency_reporting_in_coordination_with_another_is_no_perpetrator(extractor):
    out = extract(extractor, "The agency is issuing this advisory after a ransomware attack on the Bang Phra water "
                             "treatment plant on Monday, in coordination with the National Cyber Security Agency.",
                  published=PUB)
    assert _incidents(out) == [("cyberattack", "2026-05-18", "2026-05-18", ["Bang Phra water treatment plant"], [])]


@pytest.mark.parametrize("text, target", [
    ("On Monday a fire broke out at the Higashi-Azumi frequency converter station.",
     "Higashi-Azumi frequency converter station"),
    ("On Monday a landslide damaged the Cerro Verdín concentrate pipeline.", "Cerro Verdín concentrate pipeline"),
    ("On Monday a landslide damaged the Kelso tailings pipeline.", "Kelso tailings pipeline"),
    ("Gunmen raided the Movitel telecommunications site at Chai on Monday.", "Movitel telecommunications site"),
    ("Shells hit the Chaman border terminal on Monday.", "Chaman border terminal"),
])
def test_more_facility_kinds_and_modifiers_name_the_target(extractor, text, target):
    out = extract(extractor, text, published=PUB)
    assert [sorted(entity(out, t)["name"] for t in i["targets"]) for i in out["incidents"]] == [[target]]


@pytest.mark.parametrize("text, day, target", [
    ("At 6.40pm on Sunday a porcelain insulator failed on a 33 kV busbar at the Geraldine zone substation, causing "
     "a fault that disconnected 2,300 customers.", "2026-05-17", "Geraldine zone substation"),
    ("On Monday a breaker failed at the Kelso substation, cutting power to 3,000 homes.", "2026-05-18",
     "Kelso substation"),
])
def test_a_failed_insulator_or_breaker_at_a_facility_is_an_accident(extractor, text, day, target):
    assert _incidents(extract(extractor, text, published=PUB)) == [("accident", day, day, [target], [])]


def test_a_fire_told_on_the_day_after_it_broke_out_is_one_fire_over_both_days(extractor):
    out = extract(extractor, "A fire broke out at the Kelso substation late on Tuesday. By Wednesday evening a fire at "
                             "the Kelso substation was still burning.", published=PUB)
    assert _incidents(out) == [("fire", "2026-05-19", "2026-05-20", ["Kelso substation"], [])]


def test_another_fire_the_next_day_is_a_new_fire(extractor):
    out = extract(extractor, "A fire broke out at the Kelso substation on Tuesday. On Wednesday another fire broke "
                             "out at the Kelso substation.", published=PUB)
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2026-05-19", "2026-05-19"),
                                                                  ("2026-05-20", "2026-05-20")]


def _actors(out):
    return sorted((e["name"], sorted(e.get("aliases") or [])) for e in out["entities"] if e["kind"] == "actor")


@pytest.mark.parametrize("text, expected", [
    ("The Ministry of Energy said a fire damaged the Kelso substation on Monday. The Ministry considers the fire "
     "an accident.", [("Ministry of Energy", ["Ministry"])]),
    ("The Kelso Water Board said a fire damaged the Kelso pumping station on Monday. The Board said supply would "
     "resume.", [("Kelso Water Board", ["Board"])]),
    # no body of that kind named: the word names nobody
    ("A fire damaged the Kelso substation on Monday. My Department has seen no evidence of deliberate "
     "interference.", []),
])
def test_a_body_named_only_by_its_kind_is_the_one_of_that_kind_the_text_names(extractor, text, expected):
    assert _actors(extract(extractor, text, published=PUB)) == expected


@pytest.mark.parametrize("text", [
    "Heavy rain since Saturday pushed the Drina over its banks, flooding the Loznica substation on Monday.",
    "Some 400 people were evacuated from settlements along the swollen Drina after the Loznica substation flooded "
    "on Monday.",
])
def test_a_one_word_name_after_the_is_no_person(extractor, text):
    assert _kinds(extract(extractor, text, published=PUB), "Drina") == ["place"]


def test_a_name_before_what_it_names_after_the_stays_an_actor(extractor):
    out = extract(extractor, "The Kyrgyzhydromet service issued three warnings before a mudflow hit the Chychkan "
                             "power plant on Monday.", published=PUB)
    assert _kinds(out, "Kyrgyzhydromet") == ["actor"]


def test_fighters_of_a_group_are_the_group(extractor):
    out = extract(extractor, "Fighters of Islamic State Mozambique Province stormed the Mucojo substation on "
                             "Wednesday.", published=PUB)
    assert _incidents(out) == [("armed_assault", "2026-05-20", "2026-05-20", ["Mucojo substation"],
                                ["Islamic State Mozambique Province"])]


@pytest.mark.parametrize("text, target", [
    ("On Monday a fire damaged the Kelso 36-inch crude pipeline.", "Kelso 36-inch crude pipeline"),
    # a size before the name stays out of it; an unnamed pipe of a size is no name
    ("The 24-inch Uch-Sibi pipeline was damaged by explosives on Monday.", "Uch-Sibi pipeline"),
    ("On Monday a fire damaged a 36-inch crude pipeline.", "crude pipeline"),
])
def test_a_pipe_size_between_a_name_and_its_head_is_part_of_the_name(extractor, text, target):
    out = extract(extractor, text, published=PUB)
    assert [sorted(entity(out, t)["name"] for t in i["targets"]) for i in out["incidents"]] == [[target]]


def test_a_named_facility_at_a_town_is_known_by_its_town_too(extractor):
    out = extract(extractor, "On Monday fighters overran a Movitel telecommunications site at Chai.", published=PUB)
    site = next(e for e in out["entities"] if e["name"] == "Movitel telecommunications site")
    assert site["aliases"] == ["Movitel telecommunications site at Chai"]


@pytest.mark.parametrize("text, target, alias", [
    ("Rockets slammed into Tripoli's seaport on Tuesday.", "Tripoli seaport", "Tripoli's seaport"),
    ("A fire broke out at Varna's main water pumping station on Monday.", "Varna main water pumping station",
     "Varna's main water pumping station"),
])
def test_a_description_owned_by_a_town_is_named_by_it(extractor, text, target, alias):
    out = extract(extractor, text, published=PUB)
    [inc] = out["incidents"]
    [t] = [entity(out, x) for x in inc["targets"]]
    assert (t["name"], t["aliases"]) == (target, [alias])


def test_liquid_and_dry_bulk_terminals_keep_their_names(extractor):
    out = extract(extractor, "A fire broke out on the floating roof of tank TQ-12 at the Itaqui Sul liquid bulk "
                             "terminal in São Luís on Monday.", published=PUB)
    assert _incidents(out) == [("fire", "2026-05-18", "2026-05-18", ["Itaqui Sul liquid bulk terminal", "tank TQ-12"],
                                [])]


@pytest.mark.parametrize("text, long_, short", [
    ("Polish rail manager PKP Polskie Linie Kolejowe said the Dęblin line was cut on Monday. PKP PLK said repairs "
     "would take a day.", "PKP Polskie Linie Kolejowe", "PKP PLK"),
    ("The Office National de l'Electricité et de l'Eau Potable said a fire hit the Berrechid substation on Monday. "
     "ONEE said repairs would take a day.", "Office National de l'Electricité et de l'Eau Potable", "ONEE"),
])
def test_an_acronym_skips_particles_and_may_keep_a_name_prefix(extractor, text, long_, short):
    assert _actors(extract(extractor, text, published=PUB)) == [(long_, [short])]
