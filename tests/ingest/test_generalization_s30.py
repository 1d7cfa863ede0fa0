"""Session 30's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of session 26's and session 28's tests."""
from __future__ import annotations

import pytest

from tests.ingest.test_generalization import extract
from tests.ingest.test_generalization_s26 import PUB, _incidents
from tests.ingest.test_generalization_s28 import _dated, _names_by_kind


# --- an event noun that names where it happened: what its verb tells of is an effect ---------------

@pytest.mark.parametrize("text, target, effect", [
    ("A fire in a compressor unit at the Valdez compressor plant has cut the capacity of the Norte Grande "
     "pipeline by a third, the operator said on Tuesday.", "Valdez compressor plant", "Norte Grande pipeline"),
    ("An explosion at the Kiryat refinery on Monday reduced flows through the Ashdod pipeline, the company said.",
     "Kiryat refinery", "Ashdod pipeline"),
    ("A fire at the Lindholm substation on Sunday lowered the output of the Vester wind farm, the operator said.",
     "Lindholm substation", "Vester wind farm"),
])
def test_an_event_told_where_it_happened_has_that_place_not_its_effect_for_target(extractor, text, target, effect):
    incidents = _incidents(extract(extractor, text, published=PUB))
    assert len(incidents) == 1 and target in incidents[0][1] and effect not in incidents[0][1]


@pytest.mark.parametrize("text, targets", [
    # the verb tells damage itself: what it broke is a target too
    ("An explosion at the Lozova compressor station on Monday ruptured the Soyuz pipeline, the operator said.",
     {"Lozova compressor station", "Soyuz pipeline"}),
    # the event noun names no place: the verb's object is where it happened
    ("A drone attack on Monday hit the Tuapse refinery, the governor said.", {"Tuapse refinery"}),
])
def test_an_event_noun_without_its_own_place_or_with_a_damaging_verb_keeps_the_verb_s_object(extractor, text, targets):
    out = extract(extractor, text, published=PUB)
    assert set().union(*(set(t) for _, t in _incidents(out))) == targets


# --- how much a facility does is no part of it that can be cut -------------------------------------

@pytest.mark.parametrize("text", [
    "The sanctions cut the capacity of the Druzhba pipeline by a fifth on Monday, the operator said.",
    "Maintenance work on Monday cut the capacity of the Norte Grande pipeline by half.",
])
def test_cutting_a_facility_s_capacity_is_no_cut_facility(extractor, text):
    assert _incidents(extract(extractor, text, published=PUB)) == []


def test_cutting_a_part_of_a_facility_is_still_damage(extractor):
    # a guard: 'the cables of the substation' are parts, and cutting them is damage (or sabotage)
    text = "Thieves cut the cables of the Mokra substation on Monday, the operator said."
    assert [("Mokra substation" in targets) for _, _, targets in _dated(extract(extractor, text, published=PUB))] == [True]


# --- a description in apposition to a named facility is that facility ------------------------------

def test_a_description_in_apposition_to_a_named_facility_is_that_facility(extractor):
    text = ("An explosion late on Monday at the Kavala compressor station, the main compression plant of the "
            "Trans Adriatic pipeline, shut two turbines, the operator said.")
    out = extract(extractor, text, published=PUB)
    assert [e["name"] for e in out["entities"] if e["kind"] == "facility"] == [
        "Kavala compressor station", "Trans Adriatic pipeline"]
    assert len(out["incidents"]) == 1


def test_a_description_told_apart_from_a_named_facility_is_another(extractor):
    # a guard: not in apposition ('and'), the plant is a second facility
    text = ("An explosion on Monday hit the Kavala compressor station and the main compression plant of the "
            "Trans Adriatic pipeline, the operator said.")
    out = extract(extractor, text, published=PUB)
    assert any("compression plant" in e["name"] for e in out["entities"] if e["kind"] == "facility")


# --- a report of a part's event, dated by its telling, is the whole's event told again ------------

@pytest.mark.parametrize("text", [
    "A fire broke out at the Hann substation on Monday evening, firefighters said. Senelec said in a statement "
    "on Tuesday that a transformer at the substation had caught fire.",
    "A fire broke out at the Hann substation on Monday evening, firefighters said. Senelec said in a statement "
    "on Tuesday that a transformer had caught fire and that crews were at work.",
])
def test_a_part_s_fire_reported_the_next_day_is_the_whole_s_fire(extractor, text):
    assert [(start, targets) for _, start, targets in _dated(extract(extractor, text, published=PUB))] == [
        ("2026-05-18", ["Hann substation"])]


# --- 'overnight' in a statement dated by its day is the night before that day ----------------------

def test_overnight_told_in_a_statement_of_an_earlier_day_is_the_night_before_it(extractor):
    text = ("In a statement on Monday, the army said its artillery had struck the Wazzani pumping station "
            "overnight. The station was shelled on Sunday evening, the water board said.")
    assert [(start, targets) for _, start, targets in _dated(extract(extractor, text, published=PUB))] == [
        ("2026-05-17", ["Wazzani pumping station"])]


def test_overnight_with_no_earlier_statement_day_is_the_night_before_publication(extractor):
    # a guard: told on the day of publication, 'overnight' ends that day
    text = "The army said its artillery had struck the Wazzani pumping station overnight."
    out = extract(extractor, text, published=PUB)
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2026-05-19", "2026-05-20")]


# --- a place's lower-case organ: administrations, qualified governments, police ---------------------

@pytest.mark.parametrize("text, name", [
    ("A drone hit the city's substation shortly after midnight, the Kharkiv regional military administration said.",
     "Kharkiv regional military administration"),
    ("The pumping station was hit on Monday, the Nikopol district administration said.",
     "Nikopol district administration"),
    ("The Baiji refinery was hit on Monday, the Iraqi federal government said.", "Iraqi federal government"),
    ("The dam was damaged on Monday, the Miyagi prefectural government said.", "Miyagi prefectural government"),
    ("On Monday, Brandenburg police said the cable had been cut.", "Brandenburg police"),
    ("The substation was broken into on Monday, Whanganui police said.", "Whanganui police"),
])
def test_a_place_s_lower_case_organ_is_an_actor(extractor, text, name):
    assert name in _names_by_kind(extract(extractor, text, published=PUB), "actor")


@pytest.mark.parametrize("text, name", [
    # the state itself: its government told bare
    ("The cable was damaged on Monday, the Finnish government said.", "Finland"),
])
def test_a_state_s_bare_government_is_the_state(extractor, text, name):
    assert _names_by_kind(extract(extractor, text, published=PUB), "actor") == [name]


# --- a 'when' clause told of a date has that date --------------------------------------------------

def test_a_when_clause_of_a_date_is_dated_by_it(extractor):
    text = ("The campaign against refining resumed in mid-January, when drones hit the Ilsky refinery, "
            "setting fire to a distillation unit.")
    out = extract(extractor, text, published=PUB)
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2026-01-11", "2026-01-20")]


# --- a day shared by a verb and a claim joined to it is the claim's --------------------------------

def test_a_day_shared_with_a_joined_claim_is_the_claim_s_day(extractor):
    text = ("On Friday, hackers encrypted the servers at the Otonabee control centre, the company said. "
            "On Monday, a criminal group calling itself BlackVault listed the company on its leak website "
            "and claimed responsibility for the attack on the control centre.")
    assert [(start, targets) for _, start, targets in _dated(extract(extractor, text, published=PUB))] == [
        ("2026-05-15", ["Otonabee control centre"])]


# --- a fire whose cause the text does not establish stays a fire ------------------------------------

@pytest.mark.parametrize("text", [
    # told more often than the storm it followed
    "Freezing rain brought down four towers on the Bathurst line on Saturday night. On Sunday the ice storm "
    "reached the Tracadie substation, where a fire broke out in the control building. The fire at the Tracadie "
    "substation burned for two hours, NB Power said. Firefighters said the fire destroyed the substation's relays.",
    # 'hit by' a fire: the fire is the event, no attack
    "Residents remember that the Port-Gentil power plant was hit by a fire in August 2023.",
    # an attack the text sets aside
    "A fire broke out at the Kirkuk power station on Monday. The ministry has not said what caused the fire; "
    "engineers suspect an overloaded transformer rather than an attack.",
])
def test_a_fire_of_no_established_cause_is_a_fire(extractor, text):
    out = extract(extractor, text, published=PUB)
    names = {e["id"]: e["name"] for e in out["entities"]}
    fires = [i["type"] for i in out["incidents"] if any("substation" in names[t] or "power" in names[t] for t in i["targets"])]
    assert fires == ["fire"]


def test_no_indication_of_a_deliberate_act_makes_no_sabotage(extractor):
    text = ("A fault took the Circuit 2 cable out of service on Monday. "
            "ISB has no indication that the damage was caused deliberately.")
    assert [t for t, _ in _incidents(extract(extractor, text, published=PUB))] == ["damage"]


def test_no_doubt_of_a_deliberate_act_affirms_it(extractor):
    # a guard: 'no doubt that' says the act was deliberate
    text = ("A fault took the Circuit 2 cable out of service on Monday. "
            "The judge said there was no doubt that the cable had been cut deliberately.")
    assert [t for t, _ in _incidents(extract(extractor, text, published=PUB))] == ["sabotage"]


@pytest.mark.parametrize("vessel", ["dredge", "towboat"])
def test_a_dredge_or_towboat_striking_a_pipeline_is_an_accident(extractor, vessel):
    text = f"A {vessel} struck the Bayou Lafourche natural gas pipeline near Thibodaux on Wednesday evening."
    assert [t for t, _ in _incidents(extract(extractor, text, published=PUB))] == ["accident"]
