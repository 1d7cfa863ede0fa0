"""Session 19's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from ingest.dates import find_dates
from tests.ingest.test_generalization import extract, incidents as _incidents

PUB = date(2026, 5, 20)


def test_an_indefinite_part_belongs_to_the_facility_its_sentence_names(extractor):
    out = extract(extractor, "On Monday a fire broke out in a transformer bay at the Kelvara substation, cutting power "
                             "to the north. Engineers said the transformer was damaged beyond repair. In May 2022, a "
                             "transformer fire at the Dostana substation left the town dark for a day.", published=PUB)
    assert _incidents(out) == [("fire", "2022-05-01", "2022-05-31", ["Dostana substation"], []),
                               ("fire", "2026-05-18", "2026-05-18", ["Kelvara substation"], [])]


@pytest.mark.parametrize("text, country", [
    ("A replacement transformer arrived from Ghana last week, after the fire at the Ravelo substation.", "Ghana"),
    ("Mongolia buys much of its electricity from Russia, and the fire at the Erdenet substation made it worse.",
     "Russia"),
    ("Copper from Zambia reaches the coast on the Benguela Railway, where a bridge collapsed on Monday.", "Zambia"),
])
def test_a_country_goods_or_power_come_from_is_a_place(extractor, text, country):
    out = extract(extractor, text, published=PUB)
    assert [e["kind"] for e in out["entities"] if e["name"] == country] == ["place"]


def test_a_name_that_speaks_is_one_actor_however_the_model_reads_its_other_mentions(extractor):
    out = extract(extractor, "Supply in Chisinau was restored within three hours after the Vulcanesti line tripped, "
                             "Moldelectrica said. Power came back to Moldelectrica customers in Soroca and Balti by evening. "
                             "Moldelectrica said it had not yet identified the cause of the fire at the Straseni substation.",
                  published=PUB)
    assert [(e["kind"], e["type"]) for e in out["entities"] if e["name"] == "Moldelectrica"] == [("actor", "organisation")]


def test_the_latest_attack_told_overnight_is_that_nights(extractor):
    out = extract(extractor, "Russia struck the Orlov thermal power plant with missiles overnight, its operator said on "
                             "Saturday, in the latest attack on the country's power system.", published=date(2025, 2, 8))
    assert _incidents(out) == [("missile_strike", "2025-02-07", "2025-02-08", ["Orlov thermal power plant"], ["Russia"])]


@pytest.mark.parametrize("text, name", [
    ("On Tuesday the cooperative found that the valve chamber of the Tricao water tank had been broken open.",
     "Tricao water tank"),
    ("Roper used bolt cutters to open cabinet PX-17 on Monday and cut the cables inside.", "cabinet PX-17"),
    ("Screens at the Ponce regional control centre went black on Monday and displayed a ransom note.",
     "Ponce regional control centre"),
])
def test_water_tanks_numbered_cabinets_and_regional_control_centres_are_facilities(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert [e["kind"] for e in out["entities"] if e["name"] == name] == ["facility"]


def test_a_trestle_after_a_name_is_a_bridge(extractor):
    out = extract(extractor, "A fire on Tuesday night badly damaged the Tumalo Creek trestle, a century-old railroad "
                             "bridge. A ship struck the conveyor trestle at the Rinko terminal on Monday.", published=PUB)
    assert _incidents(out) == [("accident", "2026-05-18", "2026-05-18", ["Rinko terminal"], []),
                               ("fire", "2026-05-19", "2026-05-19", ["Tumalo Creek trestle"], [])]


@pytest.mark.parametrize("text", [
    "On Monday night, flames burned 14 wooden poles on the Pine Ridge 115-kV line.",
    "On Monday night, flames burned 14 wooden poles of the Pine Ridge 115-kV line.",
])
def test_what_burned_on_a_facility_is_its_fire(extractor, text):
    out = extract(extractor, text, published=PUB)
    assert _incidents(out) == [("fire", "2026-05-18", "2026-05-18", ["Pine Ridge 115-kV line"], [])]


def test_a_year_written_before_another_noun_dates_that_noun(extractor):
    out = extract(extractor, "On Wednesday, two military jets bombed the Kyunhla hydropower station, according to the "
                             "National Unity Government, the opposition administration formed after the 2021 coup.",
                  published=date(2024, 11, 4))
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2024-10-30", "2024-10-30")]


def test_a_day_before_a_time_of_day_still_dates_the_event(extractor):
    out = extract(extractor, "Households are on a boil-water notice this morning after a contractor's digger punctured "
                             "the Heads trunk water main yesterday afternoon.", published=PUB)
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2026-05-19", "2026-05-19")]


def test_a_day_after_an_investigated_event_is_the_events(extractor):
    out = extract(extractor, "Officers were still investigating a fire at the Ecclesfield mast on the night of 18 April "
                             "2020, which caused less serious damage.", published=PUB)
    assert _incidents(out) == [("fire", "2020-04-18", "2020-04-18", ["Ecclesfield mast"], [])]


@pytest.mark.parametrize("text, day", [
    ("the carrier struck Berth 4 on Monday last week while berthing", date(2022, 10, 3)),
    ("a fire broke out on Tuesday of last week", date(2022, 10, 4)),
    ("the line tripped on Monday this week", date(2022, 10, 10)),
])
def test_a_weekday_of_last_or_this_week_is_that_day_of_that_week(text, day):
    found = find_dates(text)
    assert [x.resolve(date(2022, 10, 10)) for x in found] == [(day, day)]


def test_a_weekday_of_this_week_still_to_come_dates_nothing():
    assert [x.resolve(date(2022, 10, 10)) for x in find_dates("on Friday this week")] == [None]


@pytest.mark.parametrize("text, found", [
    ("On Saturday about 20 armed men entered the Coban substation, forced staff to leave and held the site for six "
     "hours.", [("armed_assault", "2026-05-16", "2026-05-16", ["Coban substation"], [])]),
    ("On Saturday a group of fifteen people, some of them carrying dynamite, entered the Palos compressor station and "
     "held its staff.", [("armed_assault", "2026-05-16", "2026-05-16", ["Palos compressor station"], [])]),
    ("The tanker Orla entered the port of Kavala on Monday.", []),
])
def test_armed_people_entering_a_facility_assault_it(extractor, text, found):
    assert _incidents(extract(extractor, text, published=PUB)) == found


def test_a_bulletin_headings_kind_of_event_before_a_dash_is_not_part_of_the_facility(extractor):
    out = extract(extractor, "Explosion - Mnazi Kusini gas processing plant\n\nAn explosion at the Mnazi Kusini gas "
                             "processing plant on 4 July injured two workers.", published=date(2023, 9, 25))
    assert [e["name"] for e in out["entities"] if e["kind"] == "facility"] == ["Mnazi Kusini gas processing plant"]


@pytest.mark.parametrize("text, name", [
    ("Minister of Infrastructure and Energy Mirela Dervishi visited the Gjocaj dam on Monday.", "Mirela Dervishi"),
    ("Lawyer Clovis Andrade, who represents the accused, said the towers fell.", "Clovis Andrade"),
    ("Call the plant duty manager, Mr Bounmy Phommachanh, on the hotline.", "Bounmy Phommachanh"),
    ("The group and its spokesman, Mr. Ruben Vaca Arce, were responsible for the occupation.", "Ruben Vaca Arce"),
])
def test_a_persons_name_leaves_out_honorifics_roles_and_the_remit_before_it(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert [e["name"] for e in out["entities"] if e["type"] == "person"] == [name]


@pytest.mark.parametrize("text, name", [
    ("Repairs are under way, the state railway company Calea Ferata din Moldova said.", "Calea Ferata din Moldova"),
    ("According to the Servicio de Agua Potable y Alcantarillado de Arequipa, the plant stopped.",
     "Servicio de Agua Potable y Alcantarillado de Arequipa"),
    ("The Société Malienne de Transport d'Électricité, which runs the Kita line, said the tower fell on Monday.",
     "Société Malienne de Transport d'Électricité"),
])
def test_an_organisations_name_runs_on_over_din_y_and_an_elided_de(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert [e["name"] for e in out["entities"] if e["kind"] == "actor"] == [name]


@pytest.mark.parametrize("text, name", [
    ("The state road agency Ukravtodor said the bridge deck was damaged on Monday.", "Ukravtodor"),
    ("The securities regulator CVM received a filing about the ransomware attack.", "CVM"),
])
def test_a_lower_case_organ_followed_by_its_name_is_known_by_the_name(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert [e["name"] for e in out["entities"] if e["kind"] == "actor"] == [name]


def test_a_persons_surnames_told_alone_are_that_person(extractor):
    out = extract(extractor, "Prosecutors charged Mario Portillo Aguilar and Rosa Quispe Mamani on Monday with setting "
                             "fire to the Apopa tower. Portillo Aguilar denied the charge, and Quispe said she was at "
                             "home.", published=PUB)
    assert sorted(e["name"] for e in out["entities"] if e["kind"] == "actor") == ["Mario Portillo Aguilar",
                                                                                   "Rosa Quispe Mamani"]


def test_hospitals_schools_and_community_centres_are_buildings_not_actors(extractor):
    out = extract(extractor, "One worker was treated at the Kintampo Municipal Hospital. Water is handed out at the "
                             "Thames Civic Centre and the Mountjoy Community Centre.", published=PUB)
    assert sorted((e["kind"], e["type"], e["name"]) for e in out["entities"]) == [
        ("facility", "building", "Kintampo Municipal Hospital"), ("facility", "building", "Mountjoy Community Centre"),
        ("facility", "building", "Thames Civic Centre")]


def test_a_facilitys_bare_name_owning_or_doing_is_the_facility_and_speaking_its_operator(extractor):
    out = extract(extractor, "A drone struck the Umm Hujul export terminal on Monday. Umm Hujul's LPG exports fell by "
                             "half. Salif reports normal operations.", published=PUB)
    assert sorted((e["kind"], e["name"]) for e in out["entities"]) == [("actor", "Salif"),
                                                                       ("facility", "Umm Hujul export terminal")]


@pytest.mark.parametrize("text, names", [
    ("On Monday a fire broke out at the primary oil-refining unit AVT-3 of the Kuban refinery.",
     ["unit AVT-3", "AVT-3"]),
    ("A leak occurred in the high-pressure section of hydrocracker unit HCU-2 at the Ban Chang refinery on Tuesday.",
     ["unit HCU-2", "HCU-2"]),
])
def test_a_unit_named_by_a_lettered_code_is_a_part_known_by_the_code_too(extractor, text, names):
    out = extract(extractor, text, published=PUB)
    unit = [e for e in out["entities"] if e["type"] == "unit"]
    assert [[u["name"], *u["aliases"]] for u in unit] == [names] and unit[0]["part_of"]


def test_a_capitalized_ordinal_opens_a_facilitys_name(extractor):
    out = extract(extractor, "A fire broke out at the Seventh Container Terminal on Monday. Traffic on the Third "
                             "Mainland Bridge was halted on Tuesday.", published=PUB)
    assert sorted(e["name"] for e in out["entities"]) == ["Seventh Container Terminal", "Third Mainland Bridge"]


def test_a_clause_counted_back_keeps_the_day_it_tells(extractor):
    out = extract(extractor, "A fire broke out at the Sutiava substation on Wednesday. The fire came less than two days "
                             "after an explosion at the El Tololar substation on Monday evening knocked out power to "
                             "around 60,000 customers.", published=date(2025, 9, 19))
    assert _incidents(out) == [("explosion", "2025-09-15", "2025-09-15", ["El Tololar substation"], []),
                               ("fire", "2025-09-17", "2025-09-17", ["Sutiava substation"], [])]


def test_a_ship_hitting_a_quay_in_a_participle_is_an_accident_not_the_documents_attack(extractor):
    out = extract(extractor, "Hackers encrypted the servers of the Axios terminal on Friday. On Tuesday the vessel "
                             "approached at an excessive angle in strong wind, hitting the quay wall at the Marmara Gate "
                             "Terminal.", published=PUB)
    assert [i["type"] for i in out["incidents"]] == ["cyberattack", "accident"]


def test_a_documents_number_is_no_organisation(extractor):
    out = extract(extractor, "This notice replaces Notice No. 5/2026 and remains in force until the Berth 9 crane is "
                             "repaired.", published=PUB)
    assert [e["name"] for e in out["entities"] if e["kind"] == "actor"] == []


@pytest.mark.parametrize("text, street", [
    ("Firefighters were called to a telecom tower on Rua Padre Liberio on Monday.", "Rua Padre Liberio"),
    ("Lena Forsberg, who lives on Kyrkvägen, said the fire at the Stensjo heating plant was frightening.", "Kyrkvägen"),
])
def test_streets_named_first_or_with_the_word_glued_on_are_places(extractor, text, street):
    out = extract(extractor, text, published=PUB)
    assert [(e["kind"], e["type"]) for e in out["entities"] if e["name"] == street] == [("place", "street")]


@pytest.mark.parametrize("text, town", [
    ("Supply to Outjo, Kamanjab and Khorixas was restored at 14:10 on Monday.", "Khorixas"),
    ("Firefighters from Choele Choel said they were not asked for help.", "Choele Choel"),
])
def test_towns_that_supply_goes_to_or_firefighters_come_from_are_places(extractor, text, town):
    out = extract(extractor, text, published=PUB)
    assert [e["kind"] for e in out["entities"] if e["name"] == town] == ["place"]


def test_a_surname_told_alone_makes_the_full_name_the_model_took_for_a_body_a_person(extractor):
    out = extract(extractor, "Debris fell on the Ryazan refinery, regional governor Anatoly Mirskov said on Wednesday. "
                             "Mirskov said on Telegram that debris caused a fire.", published=PUB)
    assert [(e["type"], e["name"]) for e in out["entities"] if e["kind"] == "actor"] == [("person", "Anatoly Mirskov")]
