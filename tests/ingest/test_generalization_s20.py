"""Session 20's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from graph.model import Document
from tests.ingest.test_generalization import entity, extract, incidents as _incidents

PUB = date(2026, 5, 20)  # a Wednesday


@pytest.mark.parametrize("text", [
    "A video shared online showed a fire at the Tervola gas pipeline, in another country.",
    "Analysts warn that an explosion at the Ostrava pumping station could halt exports.",
])
def test_an_untimed_event_told_once_by_nobody_in_a_dated_article_is_background(extractor, text):
    assert extract(extractor, text, published=PUB)["incidents"] == []


@pytest.mark.parametrize("text, published, expected", [
    # no publication date: relative dates cannot be resolved, so an undated event is no sign of background
    ("A fire broke out at the Tervola gas pipeline on Monday.", None,
     [("fire", None, None, ["Tervola gas pipeline"], [])]),
    # told with who did it
    ("The Kavarna Front bombed the Tervola gas pipeline.", PUB,
     [("sabotage", None, None, ["Tervola gas pipeline"], ["Kavarna Front"])]),
    # told twice
    ("A fire broke out at the Tervola gas pipeline. The fire at the Tervola gas pipeline burned for hours.", PUB,
     [("fire", None, None, ["Tervola gas pipeline"], [])]),
    # timed
    ("A fire broke out at the Tervola gas pipeline on Monday.", PUB,
     [("fire", "2026-05-18", "2026-05-18", ["Tervola gas pipeline"], [])]),
])
def test_an_event_told_twice_attributed_timed_or_in_an_undated_article_stays(extractor, text, published, expected):
    assert _incidents(extract(extractor, text, published=published)) == expected


@pytest.mark.parametrize("text, part, whole", [
    ("Saboteurs damaged unit No. 2 of the Varna refinery on Monday.", "unit No. 2", "Varna refinery"),
    ("Drones hit Unit 4 of the Varna power plant on Monday.", "Unit 4", "Varna power plant"),
])
def test_a_verb_read_as_an_adjective_before_an_articleless_part_still_dates_it(extractor, text, part, whole):
    out = extract(extractor, text, published=PUB)
    assert [(i["start"], sorted(entity(out, t)["name"] for t in i["targets"])) for i in out["incidents"]] == \
        [("2026-05-18", sorted([part, whole]))]


def test_a_damaged_thing_a_text_describes_is_no_dated_event(extractor):
    # told twice, so kept as an incident: the April of the repair still does not date it
    out = extract(extractor, "Engineers will replace the damaged gate of the Varna dam by April. The gate of the "
                             "Varna dam was damaged by a flood.", published=PUB)
    assert [i["start"] for i in out["incidents"]] == [None]


@pytest.mark.parametrize("text, typ", [
    ("A bomb tore open the Varna pipeline on Monday.", "sabotage"),
    ("A bomb ripped open the Varna pipeline on Monday.", "sabotage"),
    # an aircraft's bomb is an airstrike, not a charge placed by hand
    ("Two glide bombs hit the Varna pumping station on Monday.", "airstrike"),
    ("A guided bomb hit the Varna pumping station on Monday.", "airstrike"),
])
def test_a_bomb_is_a_charge_unless_an_aircraft_dropped_it(extractor, text, typ):
    out = extract(extractor, text, published=PUB)
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [(typ, "2026-05-18")]


@pytest.mark.parametrize("text", [
    "Storms toppled towers on the L-7021 line on Saturday.",
    "Six steel towers on its 138-kilovolt L-7021 line were blown over late Saturday.",
])
def test_a_line_named_by_a_code_is_a_facility(extractor, text):
    out = extract(extractor, text, published=PUB)
    assert [(entity(out, t)["name"], i["start"]) for i in out["incidents"] for t in i["targets"]] == \
        [("L-7021 line", "2026-05-16")]


@pytest.mark.parametrize("text, start, end", [
    ("Two years ago, an ice storm brought down 11 poles of the Baddeck line.", "2024-01-01", "2024-12-31"),
    ("Three months ago, a fire destroyed the Baddeck substation.", "2026-02-01", "2026-02-28"),
])
def test_months_and_years_ago_are_that_month_and_that_year(extractor, text, start, end):
    out = extract(extractor, text, published=PUB)
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [(start, end)]


def test_a_date_in_a_relative_clause_on_the_facility_tells_of_the_facility(extractor):
    out = extract(extractor, "Kyrgyzstan accused Tajik forces of firing mortars at the Golovnoi water distribution "
                             "facility on the Isfara river, the disputed headworks whose control sparked deadly border "
                             "fighting five years ago.", published=PUB)
    assert [i["start"] for i in out["incidents"]] == [None]


def test_a_paragraph_that_opens_with_a_time_dates_the_events_it_tells(extractor):
    out = extract(extractor, "Shortly after midnight on 28 January, an explosion hit the Tesla pipeline.\n\n"
                             "Two weeks later, in February, the violence moved to the fence line. About fifteen armed "
                             "men forced their way into the Ribar pumping station and held two crews at gunpoint. The "
                             "raid on the Ribar pumping station lasted hours.\n\n"
                             "Then, on 2 April, a fire broke out inside the Ribar pumping station. The fire at the "
                             "Ribar pumping station burned for hours.", published=date(2023, 6, 12))
    assert _incidents(out) == [("armed_assault", "2023-02-01", "2023-02-28", ["Ribar pumping station"], []),
                               ("explosion", "2023-01-28", "2023-01-28", ["Tesla pipeline"], []),
                               ("fire", "2023-04-02", "2023-04-02", ["Ribar pumping station"], [])]


def test_an_opening_time_with_its_own_event_dates_only_that_event(extractor):
    out = extract(extractor, "On 2 April, a fire broke out at the Ribar pumping station. Armed men had once stormed "
                             "the Tesla pipeline. The raid on the Tesla pipeline lasted hours.", published=date(2023, 6, 12))
    assert _incidents(out) == [("armed_assault", None, None, ["Tesla pipeline"], []),
                               ("fire", "2023-04-02", "2023-04-02", ["Ribar pumping station"], [])]


def test_an_unnamed_thing_a_fire_destroyed_in_a_named_facility_is_part_of_that_facility(extractor):
    out = extract(extractor, "On 2 April a fire broke out inside the Ribar pumping station, destroying a motor control "
                             "centre.", published=PUB)
    assert _incidents(out) == [("fire", "2026-04-02", "2026-04-02", ["Ribar pumping station", "control centre"], [])]
    part = next(e for e in out["entities"] if e["name"] == "control centre")
    assert entity(out, part["part_of"])["name"] == "Ribar pumping station"


def test_an_unnamed_thing_told_beside_a_named_facility_is_its_own(extractor):
    out = extract(extractor, "On 2 April the Ribar pipeline and a nearby data cable were damaged.", published=PUB)
    assert sorted(entity(out, t)["name"] for i in out["incidents"] for t in i["targets"]) == \
        ["Ribar pipeline", "data cable"]


@pytest.mark.parametrize("text, name", [
    ("Pemex runs the Cuernavaca-Iguala Poliduct. On Monday an illegal tap on the line exploded.",
     "Cuernavaca-Iguala Poliduct"),
    ("Ecopetrol runs the Cano Limon pipeline. On Monday a second blast on the line spilled crude.", "Cano Limon pipeline"),
    ("The Varna-Kavarna line carries power to the coast. On Monday a fire on the line damaged a tower.",
     "Varna-Kavarna line"),
])
def test_the_line_told_again_with_what_happened_on_it_is_the_named_line_or_pipeline(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert [(entity(out, t)["name"], i["start"]) for i in out["incidents"] for t in i["targets"]] == \
        [(name, "2026-05-18")]


def test_a_line_a_train_runs_on_is_no_incident_of_the_named_line(extractor):
    out = extract(extractor, "The Varna-Kavarna pipeline was bombed on Monday. Trains on the line were delayed.",
                  published=PUB)
    assert len(out["incidents"]) == 1


@pytest.mark.parametrize("title, start", [
    ("Security brief, week 33 (12-18 August 2024): substation shelled", "2024-08-14"),
    ("Security brief: substation shelled", None),  # no year anywhere: none guessed
    ("Security brief 2023-2024: substation shelled", None),  # two years: which one is unsaid
])
def test_a_title_that_names_one_year_gives_it_to_days_told_without_one(extractor, title, start):
    text = "Flooding on the Nyamwamba river damaged the Kilembe Ridge hydropower station on 14 August."
    out = extractor.extract(Document(text=text, title=title, published=None)).to_contract()
    assert [i["start"] for i in out["incidents"]] == [start]


@pytest.mark.parametrize("text, name", [
    ("On Tuesday lava toppled a tower of Suðurnes Line 1.", "Suðurnes Line 1"),
    ("On Sunday Tower No. 88 fell.", "Tower No. 88"),  # a weekday before it names nothing
])
def test_a_name_before_a_numbered_head_is_part_of_it(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert name in [e["name"] for e in out["entities"] if e["kind"] == "facility"]


@pytest.mark.parametrize("text, name", [
    ("On Monday saboteurs cut hoses at the Morice River drill pad.", "Morice River drill pad"),
    ("On Monday masked people set a truck on fire at Camp 9A near Houston.", "Camp 9A"),
])
def test_drill_pads_and_numbered_camps_are_facilities(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert name in [e["name"] for e in out["entities"] if e["kind"] == "facility"]


def test_logging_in_to_a_facility_is_an_intrusion(extractor):
    out = extract(extractor, "On Monday he logged in again, this time to the Bow Creek booster station, and raised the "
                             "pump pressure set points above their safe limits.", published=PUB)
    assert _incidents(out) == [("cyberattack", "2026-05-18", "2026-05-18", ["Bow Creek booster station"], [])]


def test_since_when_a_relative_clause_says_something_was_held_dates_nothing(extractor):
    out = extract(extractor, "On Monday, jets struck a fuel depot in Minova, which M23 has held since January, setting "
                             "tanks on fire.", published=PUB)
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("airstrike", "2026-05-18")]


@pytest.mark.parametrize("text, typ", [
    ("Cross-border fire struck the Varna substation on Monday.", "shelling"),
    ("Sniper fire struck the Varna substation on Monday.", "sabotage"),  # as gunfire: the Metcalf kind
    ("A tank fire broke out at the Varna refinery on Monday.", "fire"),  # a storage tank burning
])
def test_fire_that_is_shot_is_no_blaze(extractor, text, typ):
    assert [i["type"] for i in extract(extractor, text, published=PUB)["incidents"]] == [typ]


def test_a_region_of_a_country_the_text_names_is_a_place(extractor):
    out = extract(extractor, "La Familia controls much of the fuel trade between Morelos and the Guerrero border in "
                             "Mexico.", published=PUB)
    places = {e["name"]: e["type"] for e in out["entities"] if e["kind"] == "place"}
    assert places.get("Morelos") == "region" and places.get("Guerrero") == "region"
    assert "Morelos" not in [e["name"] for e in out["entities"] if e["kind"] == "actor"]


def test_a_region_of_a_country_the_text_never_names_stays_what_the_model_says(extractor):
    # 'Guerrero' is a surname too: without Mexico in the text, the gazetteer proves nothing
    out = extract(extractor, "Guerrero said the Varna pipeline was bombed on Monday.", published=PUB)
    assert "Guerrero" not in [e["name"] for e in out["entities"] if e["kind"] == "place"]


def test_a_creek_is_a_place(extractor):
    out = extract(extractor, "Floodwaters from Dakoura Creek damaged the Linden bridge on Monday.", published=PUB)
    assert "Dakoura Creek" in [e["name"] for e in out["entities"] if e["kind"] == "place"]


@pytest.mark.parametrize("text, name", [
    ("The Joint Command of the Armed Forces said in a statement that the group had moved into the area.",
     "Joint Command of the Armed Forces"),
    ("A column of the Militarized Communist Party of Peru had moved into the area, the army said.",
     "Militarized Communist Party of Peru"),
])
def test_a_command_or_a_party_of_something_is_one_name(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert name in [e["name"] for e in out["entities"] if e["kind"] == "actor"]


def test_a_ministers_remit_before_an_initialled_name_is_no_part_of_it(extractor):
    out = extract(extractor, "Minister of Energy D. Ganbold said the plant would reopen.", published=PUB)
    assert [(e["name"], e["type"]) for e in out["entities"] if e["kind"] == "actor"] == [("D. Ganbold", "person")]


def test_a_month_after_in_is_no_town_naming_a_facility(extractor):
    out = extract(extractor, "The court acquitted all four on a charge of arson relating to a fire at the substation in "
                             "January 2024, finding that the State had not proved how the fire started.", published=PUB)
    assert "substation in January" not in [e["name"] for e in out["entities"]]


def test_a_town_named_port_of_something_is_a_place(extractor):
    out = extract(extractor, "Tankers anchored off Port of Spain on Monday after a fire at the Point Lisas terminal.",
                  published=PUB)
    assert [e["kind"] for e in out["entities"] if e["name"] == "Port of Spain"] == ["place"]


def test_facilities_of_a_kind_by_country_are_no_named_facility(extractor):
    out = extract(extractor, "Ukraine has struck Russian refineries for months; a drone hit the Saratov refinery on "
                             "Monday.", published=PUB)
    assert [e["name"] for e in out["entities"] if e["kind"] == "facility"] == ["Saratov refinery"]
    assert _incidents(out) == [("drone_strike", "2026-05-18", "2026-05-18", ["Saratov refinery"], ["Ukraine"])]


def test_a_grid_named_by_its_country_stays_named(extractor):
    out = extract(extractor, "Russian missiles hit the Ukrainian power grid on Monday.", published=PUB)
    assert "Ukrainian power grid" in [e["name"] for e in out["entities"] if e["kind"] == "facility"]


@pytest.mark.parametrize("text, name", [
    ("A fire broke out at CDU-1 of the Kakinada refinery on Monday.", "CDU-1"),
    ("Hanbada restarted No. 1 CDU at its Seosan refinery on Saturday after a fire on Monday.", "No. 1 CDU"),
])
def test_a_refinery_unit_named_by_its_abbreviation_is_a_unit(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert [(e["type"], entity(out, e["part_of"])["name"][-8:]) for e in out["entities"] if e["name"] == name] == \
        [("unit", "refinery")]


@pytest.mark.parametrize("text, typ", [
    ("On Monday the Varna line flashed over to a tree and tripped.", "accident"),
    ("On Monday a gang dismantled three towers on the Funtua-Gusau line.", "damage"),
    ("On Monday a falling crane sheared a feed pipe at the Varna station.", "damage"),
])
def test_flashovers_dismantling_and_shearing_are_incidents(extractor, text, typ):
    assert [i["type"] for i in extract(extractor, text, published=PUB)["incidents"]] == [typ]


@pytest.mark.parametrize("text, name", [
    ("Environmental regulator OEFA said it had sent inspectors to the Varna pipeline.", "OEFA"),
    ("Grid operator Elering said the island was switched to supply via its mainland link.", "Elering"),
])
def test_a_speaking_name_the_tagger_took_for_a_noun_is_an_actor(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert name in [e["name"] for e in out["entities"] if e["kind"] == "actor"]


def test_a_capitalized_common_noun_opening_a_sentence_is_still_no_actor(extractor):
    out = extract(extractor, "Residents said the Varna pipeline was bombed on Monday.", published=PUB)
    assert [e["name"] for e in out["entities"] if e["kind"] == "actor"] == []


def test_a_company_the_model_took_for_a_place_speaks_as_an_actor(extractor):
    out = extract(extractor, "Separately, state railway company Ukrzaliznytsia said a Russian drone hit the Kovel-2 "
                             "traction substation on Monday.", published=PUB)
    assert "Ukrzaliznytsia" in [e["name"] for e in out["entities"] if e["kind"] == "actor"]


@pytest.mark.parametrize("text, name", [
    ("Ransomware hit the Poederlee gas storage site on Monday.", "Poederlee gas storage site"),
    ("Hackers hit the Anne boiler plant on Monday.", "Anne boiler plant"),
    ("A fire damaged Berth A at the Varna port on Monday.", "Berth A"),
])
def test_storage_sites_boiler_plants_and_lettered_berths_are_facilities(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert name in [entity(out, t)["name"] for i in out["incidents"] for t in i["targets"]]


def test_a_capital_a_before_a_noun_is_an_article_not_a_berth_letter(extractor):
    out = extract(extractor, "The ship left Berth A new cargo was loaded.", published=PUB)
    assert "Berth A" not in [e["name"] for e in out["entities"]]


def test_a_heat_network_is_a_facility(extractor):
    out = extract(extractor, "Hackers disrupted the Erdenet Heat Network on Monday, leaving flats cold.", published=PUB)
    assert [(e["kind"], e["name"]) for e in out["entities"] if "Erdenet" in e["name"]] == \
        [("facility", "Erdenet Heat Network")]


def test_a_stacker_reclaimer_named_by_its_code_is_a_facility_of_its_port(extractor):
    out = extract(extractor, "At Chandbali Bulk Port the storm surge on Monday flooded the yard and toppled "
                             "stacker-reclaimer SR-2.", published=PUB)
    part = next(e for e in out["entities"] if e["name"] == "stacker-reclaimer SR-2")
    assert "SR-2" in part["aliases"] and entity(out, part["part_of"])["name"] == "Chandbali Bulk Port"
