"""Session 32's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of session 26's and session 28's tests."""
from __future__ import annotations

import pytest

from tests.ingest.test_generalization import extract
from tests.ingest.test_generalization_s26 import PUB
from tests.ingest.test_generalization_s28 import _dated, _names_by_kind


def _actor_not_place(out, name) -> bool:
    return name in _names_by_kind(out, "actor") and name not in _names_by_kind(out, "place")


def _place_not_actor(out, name) -> bool:
    return name in _names_by_kind(out, "place") and name not in _names_by_kind(out, "actor")


# --- a sentence split between two targets: each keeps its own act's cues and its own day -----------

@pytest.mark.parametrize("text, expected", [
    ("A barge that broke loose struck the Kora bridge on Saturday, closing it to lorries, and a fire a day "
     "later at the Vesta power station cut a fifth of the island's supply, officials said.",
     [("accident", "2026-05-16", ["Kora bridge"]), ("fire", "2026-05-17", ["Vesta power station"])]),
    ("A lorry struck a pole of the Kora 33 kV line on Monday, and an explosion two days later at the Vesta "
     "substation left the town dark, the utility said.",
     [("accident", "2026-05-18", ["Kora 33 kV line"]), ("explosion", "2026-05-20", ["Vesta substation"])]),
])
def test_a_collision_is_not_the_other_targets_event(extractor, text, expected):
    assert _dated(extract(extractor, text, published=PUB)) == expected


def test_a_collision_with_one_target_stays_an_accident(extractor):
    # guard: the collision's cues still type its own target's event
    text = "A barge that broke loose struck the Kora bridge on Saturday, damaging two of its piers, officials said."
    assert _dated(extract(extractor, text, published=PUB)) == [("accident", "2026-05-16", ["Kora bridge"])]


# --- a body that speaks once is no village of the same name elsewhere in the text ------------------

def test_a_speaking_body_is_not_the_village_that_shares_its_name(extractor):
    # 'Pemex' is also a village in the towns gazetteer
    text = ("A fire broke out at the Tula refinery on Monday, Pemex said. A blast hit the Salina Cruz refinery "
            "operated by Pemex earlier this month.")
    out = extract(extractor, text, published=PUB)
    assert _actor_not_place(out, "Pemex")


def test_a_region_that_speaks_is_still_a_region(extractor):
    # guard: a region of the gazetteer keeps its place ('Northland' as a council's shorthand)
    text = "Floods cut the Kaeo bridge in Northland on Monday. Northland said the road would reopen on Friday."
    assert "Northland" in _names_by_kind(extract(extractor, text, published=PUB), "place")


# --- a name the model read as a town is a body when an owner or a body's noun comes before it ---------

@pytest.mark.parametrize("text, body", [
    ("Cenit, the pipeline unit of state-controlled Ecopetrol, said pumping from the Banadía station had been "
     "suspended on Monday.", "Ecopetrol"),
    ("A fire hit the Mandroseza substation on Monday, cutting power to the capital. Power utility Jirama "
     "restored supply on Tuesday.", "Jirama"),
])
def test_an_owned_or_named_body_is_no_town(extractor, text, body):
    out = extract(extractor, text, published=PUB)
    assert _actor_not_place(out, body)


# --- a capital that stands for its government, by what it owns, says or is given --------------------

@pytest.mark.parametrize("text", [
    "A drone hit the Kora refinery in Russia on Monday. There was no comment from Kyiv.",
    "A drone hit the Kora refinery in Russia on Monday, in line with Kyiv's usual practice on strikes inside Russia.",
])
def test_a_capital_standing_for_its_government_is_the_state(extractor, text):
    out = extract(extractor, text, published=PUB)
    assert "Ukraine" in _names_by_kind(out, "actor") and "Kyiv" not in _names_by_kind(out, "place")


def test_a_capitals_metro_is_the_city(extractor):
    # guard: what a city has ('Kyiv's metro') leaves it a place
    text = "A drone hit the Kora substation on Monday, and Kyiv's metro was closed for two hours."
    assert "Kyiv" in _names_by_kind(extract(extractor, text, published=PUB), "place")


# --- the names in a story's credits are people; where they reported from stays a place ------------

@pytest.mark.parametrize("text, people", [
    ("By Chinedu Okafor and Helen Marsh\n\nA drone hit the Kora substation on Monday.", ["Helen Marsh"]),
    ("A drone hit the Kora substation on Monday.\n\n(Reporting by Haidar Kadhim in Basra and Noor Salman in "
     "Baghdad; Writing by Rana Farouk; Editing by Helen Grady)", ["Noor Salman", "Helen Grady"]),
])
def test_a_name_in_the_credits_is_a_person(extractor, text, people):
    out = extract(extractor, text, published=PUB)
    for person in people:
        assert _actor_not_place(out, person)


def test_where_a_reporter_reported_from_stays_a_place(extractor):
    # guard: 'in Port Harcourt' after a credited name is a town
    text = ("A drone hit the Kora substation on Monday.\n\n(Reporting by Chinedu Okafor in Port Harcourt; "
            "Editing by Tom Weller)")
    out = extract(extractor, text, published=PUB)
    assert _place_not_actor(out, "Port Harcourt")


# --- a body's name the model cut after its first word and 'and' ------------------------------------

def test_a_name_cut_after_its_first_word_and_and_is_whole(extractor):
    text = ("Floods cut the Kora rail bridge on Monday. Environment and Climate Change Canada said more than "
            "190 millimetres of rain fell on parts of the valley.")
    assert "Environment and Climate Change Canada" in _names_by_kind(extract(extractor, text, published=PUB), "actor")


def test_two_bodies_joined_by_and_stay_two(extractor):
    # guard: a name of its own before 'and the ...' is another body
    text = "Vandals cut cables at the Kora substation on Monday, Copel and the Federal Police said."
    actors = _names_by_kind(extract(extractor, text, published=PUB), "actor")
    assert "Copel and the Federal Police" not in actors and "Federal Police" in actors


# --- an acronym that opens a paragraph as its subject, or follows a body's noun, is a body -----------

@pytest.mark.parametrize("text, body", [
    ("A drone hit a tanker near the Kora terminal on Monday.\n\nUKMTO has issued no new advisory since Friday.",
     "UKMTO"),
    ("Floods cut the Kora water main on Monday.\n\n- IOM has registered 9,260 displaced people in 11 sites.", "IOM"),
    ("A fault at the Kora substation cut power on Monday, according to the distributor EEGSA.", "EEGSA"),
    ("Protesters on the Kora line blocked all trains of the state railway company SNCFT between the mines and "
     "the port on Monday.", "SNCFT"),
])
def test_an_acronym_as_a_paragraphs_subject_or_after_a_bodys_noun_is_a_body(extractor, text, body):
    assert body in _names_by_kind(extract(extractor, text, published=PUB), "actor")


@pytest.mark.parametrize("text, word", [
    # guards: a line's label in capitals stays none
    ("OVERVIEW\nA drone hit the Kora substation on Monday.", "OVERVIEW"),
    ("QUESTION: Was the Kora substation hit on Monday?\nANSWER: Yes.", "QUESTION"),
])
def test_a_lines_label_in_capitals_is_still_no_body(extractor, text, word):
    assert word not in _names_by_kind(extract(extractor, text, published=PUB), "actor")


@pytest.mark.parametrize("text, body", [
    ("Floods cut the Kora water main on Monday. The municipal water operator of La Paz (OOMSAPAS) says pumping "
     "has stopped.", "OOMSAPAS"),
    ("A fire hit the Kora substation on Monday. \"We thank the fire brigades, Carabineros and SENAPRED for their "
     "support,\" the manager said.", "SENAPRED"),
])
def test_an_acronym_bracketed_after_a_body_or_joined_to_one_is_a_body(extractor, text, body):
    assert body in _names_by_kind(extract(extractor, text, published=PUB), "actor")


def test_a_facilitys_bracketed_acronym_is_no_body(extractor):
    # guard: the short name of a plant, no body's word before it
    text = "A drone hit the Kora gas processing plant (GPP) on Monday, officials said."
    assert "GPP" not in _names_by_kind(extract(extractor, text, published=PUB), "actor")


def test_a_name_the_tagger_took_for_a_noun_set_off_by_a_company_is_a_company(extractor):
    text = ("A drone hit the Kora refinery on Monday. Yuzhvolganeft, the privately held company that owns the "
            "plant, declined to comment.")
    assert "Yuzhvolganeft" in _names_by_kind(extract(extractor, text, published=PUB), "actor")


# --- an untagged name no index knows, the subject of what an operator does, is a body ----------------

def test_the_subject_of_an_operators_act_is_a_body(extractor):
    text = ("A drone hit the Kora substation on Monday. Ukrenergo introduced emergency outages in the region for "
            "most of the day. Ukrenergo restored supply by the evening.")
    assert "Ukrenergo" in _names_by_kind(extract(extractor, text, published=PUB), "actor")


def test_the_tail_of_a_longer_name_is_no_body_of_its_own(extractor):
    # guard: a legal form after a company's name acts with it, not alone
    text = "A fire hit the Kora jetty on Monday. Northgrid Services Sdn Bhd suspended loading for two days."
    assert "Sdn Bhd" not in _names_by_kind(extract(extractor, text, published=PUB), "actor")


# --- a body's name with 'and' that ends in a body's word is that body, not two places ---------------

def test_a_name_with_and_ending_in_a_bodys_word_is_a_body(extractor):
    text = ("The fire at the Kora jetty on Monday was extinguished by the Port Fire Service and Odisha Fire and "
            "Emergency Services by 14:55 hrs.")
    out = extract(extractor, text, published=PUB)
    body = [e for e in out["entities"] if e["name"] == "Odisha Fire and Emergency Services"]
    assert body and body[0]["kind"] == "actor" and body[0]["type"] != "person"
