"""Session 22's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import extract, incidents as _incidents

PUB = date(2026, 5, 20)  # a Wednesday


def _facilities(out):
    return sorted(e["name"] for e in out["entities"] if e["kind"] == "facility")


@pytest.mark.parametrize("attack", [
    "On 2 May, explosive charges brought down two towers near Arvel, cutting supply for a week.",
    "On 2 May, saboteurs blew up a tower near Arvel.",
])
def test_an_unnamed_tower_is_the_line_told_before(extractor, attack):
    out = extract(extractor, "Power to the valley comes over the Dorne-Arvel 225 kV line, completed in 2019. " + attack,
                  published=PUB)
    assert _incidents(out) == [("sabotage", "2026-05-02", "2026-05-02", ["Dorne-Arvel 225 kV line"], [])]
    assert _facilities(out) == ["Dorne-Arvel 225 kV line"]  # the tower is told as its line


def test_an_unnamed_tower_belongs_to_a_line_not_to_the_plant_named_last(extractor):
    out = extract(extractor, "The Dorne-Arvel 225 kV line feeds the Arvel cement plant. On 2 May, a charge damaged "
                             "the legs of a tower near Arvel.", published=PUB)
    assert [t for *_, t, _ in _incidents(out)] == [["Dorne-Arvel 225 kV line"]]


@pytest.mark.parametrize("text, name", [
    ("A fire broke out at the Besk power station on Monday and spread to a cooling tower.", "Besk power station"),
    ("Workers climbed the BSNL tower at Tebo on Monday and set its cabinet on fire.", "BSNL tower"),
])
def test_towers_that_are_no_line_parts_keep_their_own_kind(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert any(name in t for *_, t, _ in _incidents(out))


@pytest.mark.parametrize("told", [
    "At about six that morning, a truck exploded on the Kerch Bridge.",
    "Later that day, a truck exploded on the Kerch Bridge.",
    "The same night, a truck exploded on the Kerch Bridge.",
])
def test_that_morning_is_the_day_told_last(extractor, told):
    out = extract(extractor, "Olga was awake early on 8 October 2022. \"It sounded like thunder,\" she says. " + told,
                  published=PUB)
    assert [(s, e) for _, s, e, *_ in _incidents(out)] == [("2022-10-08", "2022-10-08")]


def test_the_same_day_after_an_incident_is_that_incidents_day(extractor):
    out = extract(extractor, "A drone hit the Tuzla substation on 3 May. The same day, a fire broke out at the "
                             "Zaliv shipyard.", published=PUB)
    assert [(s, e) for _, s, e, *_ in _incidents(out)] == [("2026-05-03", "2026-05-03")] * 2


@pytest.mark.parametrize("text, target", [
    ("In March, a ransomware attack encrypted billing servers at the Harlow water treatment plant.",
     "Harlow water treatment plant"),
    ("On 2 May, the security service detected unauthorised activity on servers of the freight management system at "
     "the Tashkent Central Traffic Control Centre.", "Tashkent Central Traffic Control Centre"),
])
def test_an_intrusion_into_computers_is_at_the_one_facility_its_sentence_names(extractor, text, target):
    assert [(t, i) for i, _, _, t, _ in _incidents(extract(extractor, text, published=PUB))] == \
        [([target], "cyberattack")]


def test_an_intrusion_with_two_facilities_in_its_sentence_takes_neither_by_default(extractor):
    out = extract(extractor, "On 2 May, hackers encrypted servers that serve both the Harlow water treatment plant "
                             "and the Dunmore pumping station.", published=PUB)
    assert all(t for *_, t, _ in _incidents(out))  # each incident it tells has a target it found by the parse


def test_a_portuguese_line_is_a_facility(extractor):
    out = extract(extractor, "During the night of 3 May, unknown persons cut and set fire to signalling cables at two "
                             "points on the Linha do Norte, between Soure and Pombal.", published=PUB)
    assert [t for *_, t, _ in _incidents(out)] == [["Linha do Norte"]]


@pytest.mark.parametrize("text", [
    "Armed men took over the Kharan water pumping station on Saturday and forced the staff to switch off the pumps.",
    "Gunmen seize Kharan water pumping station on Saturday.",
    "About a dozen armed men forced the gates of the Kharan water pumping station on Saturday and tied up two guards.",
])
def test_armed_men_taking_a_facility_is_an_assault(extractor, text):
    assert [(i, t) for i, _, _, t, _ in _incidents(extract(extractor, text, published=PUB))] == \
        [("armed_assault", ["Kharan water pumping station"])]


def test_a_company_taking_over_an_operation_is_no_assault(extractor):
    out = extract(extractor, "Lobito Rail, the consortium that took over the operation of the Benguela Railway on "
                             "Saturday, said trains ran on time.", published=PUB)
    assert out["incidents"] == []


def test_artillery_firing_on_a_facility_is_shelling(extractor):
    out = extract(extractor, "Russian artillery fired on the Korabelna substation on Saturday. On Tuesday, a missile "
                             "fired from Yemen towards Eilat was intercepted over the desert.", published=PUB)
    assert [(i, t) for i, _, _, t, _ in _incidents(out)] == [("shelling", ["Korabelna substation"])]


@pytest.mark.parametrize("text, start", [
    ("Over several nights last week, unknown people removed angle irons and bolts from three towers of the "
     "Dorne-Arvel 225 kV line near Zalewa.", "2026-05-11"),
    ("During a patrol on 6 May, crews found that 42 bolts and four cross-bracing members had been removed from a "
     "tower of the Dorne-Arvel 225 kV line.", "2026-05-06"),
])
def test_taking_bolts_or_members_off_a_structure_is_sabotage(extractor, text, start):
    assert [(i, s, t) for i, s, _, t, _ in _incidents(extract(extractor, text, published=PUB))] == \
        [("sabotage", start, ["Dorne-Arvel 225 kV line"])]


def test_removing_debris_is_no_incident(extractor):
    assert extract(extractor, "Workers removed debris from the Senj substation on Monday.", published=PUB)["incidents"] == []


def test_a_fourth_tower_is_another_tower_of_the_line_not_the_one_named(extractor):
    out = extract(extractor, "Tower 46 of the Dorne-Arvel 225 kV line collapsed on 8 May. On 11 May, patrols found "
                             "fresh cuts on a fourth tower.", published=PUB)
    assert ("2026-05-11", ["Dorne-Arvel 225 kV line"]) in [(s, t) for _, s, _, t, _ in _incidents(out)]


def test_a_country_a_pipeline_runs_to_is_a_place(extractor):
    out = extract(extractor, "Hassi Tarsa, Algeria's largest gas field, feeds both Medline and the Transmar pipeline "
                             "to Italy.", published=PUB)
    assert [e["kind"] for e in out["entities"] if e["name"] == "Italy"] == ["place"]


def test_a_state_sending_its_oil_to_a_country_makes_that_country_a_party(extractor):
    out = extract(extractor, "Bulgaria can also redirect its gas to Greece through the Kulata pipeline.", published=PUB)
    assert [e["kind"] for e in out["entities"] if e["name"] == "Greece"] == ["actor"]


@pytest.mark.parametrize("text, name", [
    ("Sheriff Ray Dunham said deputies found the cut cable at the Vale substation on Monday.", "Ray Dunham"),
    ("Major Aristote Mbala said troops reached the Vale substation on Monday.", "Aristote Mbala"),
])
def test_a_rank_or_office_before_a_name_is_not_the_name(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert name in [e["name"] for e in out["entities"] if e["kind"] == "actor"]


def test_technical_acronyms_are_no_organisations(extractor):
    out = extract(extractor, "Divers and an ROV inspected the Vale pumping station on Monday. BI losses reached $4 "
                             "million. The attackers reached the HMI and the SCADA/EMS of the station through RDP.",
                  published=PUB)
    assert [e["name"] for e in out["entities"] if e["kind"] == "actor"] == []


def test_a_surname_told_again_is_the_person_named_before(extractor):
    out = extract(extractor, "Ana Pârvu, the plant's chief engineer, said the Vale substation was flooded on Monday. "
                             "Pârvu said repairs would take a week.", published=PUB)
    assert [(e["name"], e["type"]) for e in out["entities"] if e["kind"] == "actor"] == [("Ana Pârvu", "person")]


def test_a_numbered_date_field_dates_its_item(extractor):
    text = ("This report updates our first report on the outages in the Vale area.\n\n"
            "2. Fire at Vale Substation\n\n(1) Date and time of occurrence: Wednesday, 13 May 2026, 05:42\n"
            "(2) Location: Vale Substation, Vale City\n(3) Outline: Smoke and fire were observed from transformer No. 2 "
            "at Vale Substation. The cause is under investigation.\n")
    assert [(i, s) for i, s, *_ in _incidents(extract(extractor, text, published=PUB))] == [("fire", "2026-05-13")]


def test_a_vehicle_intrusion_is_no_hack(extractor):
    out = extract(extractor, "On 13 May a truck skidded and struck a disconnector at the Vale substation, in the "
                             "remote monitoring network's area. Operators called it a vehicle intrusion at the Vale "
                             "substation.", published=PUB)
    assert "cyberattack" not in [i for i, *_ in _incidents(out)]
