"""Session 31's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of session 26's and session 28's tests."""
from __future__ import annotations

from datetime import date

import pytest

from ingest.read import read_text
from tests.ingest.test_generalization import extract
from tests.ingest.test_generalization_s26 import PUB
from tests.ingest.test_generalization_s28 import _dated, _names_by_kind


# --- an acronym in capitals names a body, even one the lemmatizer's index lists as a noun -----------

@pytest.mark.parametrize("text, actor", [
    ("Floods closed the Kora water treatment plant on Monday. UNICEF is supplying water by truck.", "UNICEF"),
    ("Floods closed the Kora water treatment plant on Monday. UNICEF said the plant could reopen by Friday.", "UNICEF"),
    # guards: acronyms the tagger reads as names were kept before
    ("A blast damaged the Lisko pipeline on Monday. NATO said it was watching the area closely.", "NATO"),
    ("Saboteurs cut cables at the Arvo substation on Monday. The FBI is investigating, the utility said.", "FBI"),
])
def test_an_acronym_opening_a_sentence_is_an_actor(extractor, text, actor):
    assert actor in _names_by_kind(extract(extractor, text, published=PUB), "actor")


@pytest.mark.parametrize("text, word", [
    # a line's label in capitals and a kind of thing in capitals are no bodies
    ("QUESTION: Was the Kora substation hit on Monday?\nANSWER: Yes, a drone hit it.", "QUESTION"),
    ("[JINGLE]\nA drone hit the Kora substation on Monday, the governor said.", "JINGLE"),
    ("A drone hit the Kora substation on Monday. IP addresses used in the attack were traced.", "IP"),
])
def test_a_label_or_a_thing_in_capitals_is_no_actor(extractor, text, word):
    assert word not in _names_by_kind(extract(extractor, text, published=PUB), "actor")


# --- a name that follows a person's role is a person's, whatever the model read it as ---------------

@pytest.mark.parametrize("text, person", [
    ("Vandals cut cables at the Kora substation on Monday, grid spokeswoman Ifeoma Okafor said.", "Ifeoma Okafor"),
    ("A spokesperson for Vela Energia, Márcia Albuquerque, said a transformer at the Kora substation failed on "
     "Monday.", "Márcia Albuquerque"),
    ("The mayor of Boquerón, Rubén Caballero, said the Kora bridge collapsed on Monday.", "Rubén Caballero"),
    ("By Nino Kavtaradze, senior fellow, Caucasus Policy Centre\n\nA drone hit the Kora substation on Monday.",
     "Nino Kavtaradze"),
    ("\"We have no choice,\" regional director Hervé Ndong Obiang said after the Kora dam was breached on Monday.",
     "Hervé Ndong Obiang"),
])
def test_a_name_after_a_role_is_a_person(extractor, text, person):
    out = extract(extractor, text, published=PUB)
    assert person in _names_by_kind(out, "actor") and person not in _names_by_kind(out, "place")


@pytest.mark.parametrize("text, name", [
    # a unit or a region after a role is no person
    ("SOURCE: Office of Pipeline Safety\nDirector, Southwest Region, Office of Pipeline Safety\n\n"
     "A pipeline ruptured near the Kora station on Monday.", "Southwest Region"),
    ("A drone hit the Kora substation on Monday.\nEnquiries: Chief Inspector Ileni Hamutenya, Public Relations, "
     "Khomas Command.", "Public Relations"),
])
def test_a_unit_named_after_a_role_is_no_person(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert (name, "person") not in [(e["name"], e.get("type")) for e in out["entities"]]


# --- a body's name the model cut at 'and', its first part read as a place or a person ---------------

def test_a_service_s_name_cut_at_and_is_made_whole(extractor):
    text = "Essex County Fire and Rescue Service said the fire at the Kora terminal was out by Monday night."
    out = extract(extractor, text, published=PUB)
    assert "Essex County Fire and Rescue Service" in _names_by_kind(out, "actor")
    assert "Essex County Fire" not in _names_by_kind(out, "place")


# --- 'towers on the same line': the line the story is about, its headline's ---------------------------

def test_parts_on_the_same_line_are_the_headline_line_s(extractor):
    text = ("TITLE: Vandals fell towers on the Kora–Lemu line\n\n"
            "Towers on the 132 kV Kora–Lemu line came down on the night of March 4 after vandals removed bolts "
            "from their legs, the operator said. Power returned on March 6 through the Dambe line.\n\n"
            "It is not the first time. In November last year, two towers on the same line came down in a similar "
            "attack.")
    out = extractor.extract(read_text(text, published=date(2021, 3, 19))).to_contract()
    history = [targets for _, start, targets in _dated(out) if start == "2020-11-01"]
    assert history and "Kora–Lemu line" in history[0] and "Dambe line" not in history[0]


# --- a clause that describes a facility may tell an earlier event of it, dated by its own words -------

@pytest.mark.parametrize("text, now, before", [
    ("The Kora plant, damaged by a drone attack in March, was hit again by drones on Sunday.",
     ("drone_strike", "2024-05-05"), ("drone_strike", "2024-03-01")),
    ("The Kora line, which was repaired after an explosion in February, was cut again on Friday.",
     ("damage", "2024-05-10"), ("explosion", "2024-02-01")),
    # a bare date right after the event's noun is that event's, though the parser hangs it on 'restored'
    ("Guided bombs struck the Kora substation overnight, officials said on Wednesday. The operator said the "
     "substation, which it had only partly restored after a missile strike last month, was again out of service.",
     ("airstrike", "2024-05-07"), ("missile_strike", "2024-04-01")),
])
def test_an_earlier_event_told_in_a_clause_on_the_facility_is_its_own(extractor, text, now, before):
    dated = sorted((typ, start) for typ, start, _ in _dated(extract(extractor, text, published=date(2024, 5, 10))))
    assert dated == sorted([now, before])  # (published on Friday 10 May 2024)


# --- a body's own name after a demonym; a party a country leads ------------------------------------

@pytest.mark.parametrize("text, body, state", [
    ("The South African Police Service said two suspects were arrested at the Kora substation on Monday.",
     "South African Police Service", "South Africa"),
    ("The Norwegian Police Security Service said on Monday that the Kora cable had been cut.",
     "Norwegian Police Security Service", "Norway"),
])
def test_a_demonym_s_police_service_by_its_own_name_is_that_body(extractor, text, body, state):
    actors = _names_by_kind(extract(extractor, text, published=PUB), "actor")
    assert body in actors and state not in actors


def test_a_demonym_s_police_in_lower_case_is_still_the_state(extractor):
    # a guard: 'Russian police' is the state acting through its police
    out = extract(extractor, "Russian police said on Monday that the Kora line had been hit.", published=PUB)
    assert "Russia" in _names_by_kind(out, "actor")


@pytest.mark.parametrize("text, group", [
    ("Warplanes of the Saudi-led coalition bombed the Kora power station on Monday.", "Saudi-led coalition"),
    ("The US-led coalition said it struck the Kora bridge on Monday.", "US-led coalition"),
])
def test_a_coalition_a_country_leads_is_an_actor(extractor, text, group):
    out = extract(extractor, text, published=PUB)
    ids = {e["name"]: e["id"] for e in out["entities"]}
    assert group in ids and any(ids[group] in i["perpetrators"] for i in out["incidents"])


# --- an official's office named by a place is a body -----------------------------------------------

@pytest.mark.parametrize("text, office", [
    ("The Marseille prosecutor's office said on Monday that the Kora cable had been cut.",
     "Marseille prosecutor's office"),
    ("The prosecutor's office in Lublin said the Kora line was sabotaged on Monday.", "prosecutor's office in Lublin"),
    ("The prosecutor's office of Karaganda region said the Kora line was cut on Monday.",
     "prosecutor's office of Karaganda region"),
    ("The Artvin governor's office said the Kora dam was damaged on Monday.", "Artvin governor's office"),
    ("The Kay County Sheriff's Office said the Kora substation was shot at on Monday.", "Kay County Sheriff's Office"),
])
def test_an_official_s_office_named_by_a_place_is_an_actor(extractor, text, office):
    assert office in _names_by_kind(extract(extractor, text, published=PUB), "actor")


@pytest.mark.parametrize("text, name", [
    # which office, the text does not say; or the office is part of a body the text names
    ("The prosecutor's office said on Monday that the Kora substation had been shot at.", "prosecutor's office"),
    ("The Harbour Master's Office of Meriküla Port Authority closed the Kora berth on Monday.",
     "Harbour Master's Office of Meriküla Port Authority"),
])
def test_an_office_that_no_place_names_is_no_actor(extractor, text, name):
    assert name not in _names_by_kind(extract(extractor, text, published=PUB), "actor")


# --- an acronym the model left untagged that speaks, acts or is cited is a body ---------------------

@pytest.mark.parametrize("text, body", [
    ("CAMMESA said the Kora line tripped on Monday.", "CAMMESA"),
    ("Data from SENAMHI showed heavy rain at the Kora dam on Monday.", "SENAMHI"),
    ("According to TANESCO, the Kora substation was flooded on Monday.", "TANESCO"),
    ("CERT Polska warned on Monday that the Kora water plant had been hacked.", "CERT Polska"),
    ("Hackers hit the Kora water plant on Monday, SK-CERT said.", "SK-CERT"),
])
def test_an_acronym_that_acts_is_an_actor(extractor, text, body):
    assert body in _names_by_kind(extract(extractor, text, published=PUB), "actor")


@pytest.mark.parametrize("text, word", [
    ("Ship-to-shore cranes STS 3 and STS 4 at the Kora terminal were damaged on Monday.", "STS"),
    ("The SDM of Munsiyari said the Kora bridge collapsed on Monday.", "SDM"),
    ("The incident at the Kora water plant on Monday was reported to the national CSIRT.", "CSIRT"),
    ("Belomorsky Terminal JSC said a fire broke out at the Kora berth on Monday.", "JSC"),
])
def test_a_code_an_office_or_a_legal_form_in_capitals_is_no_actor(extractor, text, word):
    assert word not in _names_by_kind(extract(extractor, text, published=PUB), "actor")


# --- a name in capitals that opens two turns makes a transcript: who speaks is a person ------------

def test_a_name_in_capitals_opening_two_turns_is_a_speaker(extractor):
    text = ("MARA TELLEN (Greens) to the Minister for Energy: What caused the outage at the Kora substation?\n\n"
            "MARA TELLEN: Does the Minister accept that one contractor cut power to the region on Monday?\n\n"
            "MARA TELLEN: Will the Minister fund a second line into the region?")
    names = [n.lower() for n in _names_by_kind(extract(extractor, text, published=PUB), "actor")]
    assert "mara tellen" in names


def test_a_repeated_field_label_in_capitals_is_no_speaker(extractor):
    text = ("UMM ID: SG-2024-0217-01\nUnit 3 of the Kora pumped storage plant tripped on Monday.\n\n"
            "UMM ID: SG-2024-0219-02\nUnit 3 of the Kora pumped storage plant returned on Tuesday.")
    names = [n.lower() for n in _names_by_kind(extract(extractor, text, published=PUB), "actor")]
    assert "umm id" not in names
