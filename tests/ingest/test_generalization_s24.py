"""Session 24's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import extract, incidents as _incidents

PUB = date(2026, 5, 20)  # a Wednesday


def _named(out, kind):
    return {e["name"]: e for e in out["entities"] if e["kind"] == kind}


def _names_and_aliases(out, kind):
    return {n for e in out["entities"] if e["kind"] == kind for n in [e["name"], *e["aliases"]]}


@pytest.mark.parametrize("text, part, kind", [
    ("Saboteurs brought down towers T-311 and T-312 on the 330 kV Dorne–Arvel line on Monday.", "T-312", "tower"),
    ("A fire broke out on Tuesday in turbo-compressor unit TC-2 at the Besk compressor station. TC-2 will be out of "
     "service for weeks; TC-1 remains available.", "TC-1", "unit"),
    ("A fire broke out on Tuesday in turbo-compressor unit TC-2 at the Besk compressor station. The remaining units "
     "KC-1 and KC-3 were stopped.", "KC-3", "unit"),
    ("Tanks TK-7 and TK-8 at the Varnel terminal burned on Tuesday.", "TK-8", "tank"),
])
def test_a_code_of_a_parts_series_names_another_part_not_an_organisation(extractor, text, part, kind):
    out = extract(extractor, text, published=PUB)
    assert _named(out, "facility")[part]["type"] == kind
    assert part not in _names_and_aliases(out, "actor")


@pytest.mark.parametrize("text, name, code, kind", [
    ("Explosions were recorded in the area of the AVT-6 unit of the Besk refinery on Monday.", "AVT-6 unit", "AVT-6",
     "unit"),
    ("The blast on Monday destroyed sphere T-204 at the Varnel terminal.", "sphere T-204", "T-204", "tank"),
    ("The main power transformer of the Besk substation, known as transformer T-2, caught fire on Monday.",
     "transformer T-2", "T-2", "transformer"),
])
def test_a_lettered_code_beside_a_part_word_names_that_part(extractor, text, name, code, kind):
    out = extract(extractor, text, published=PUB)
    part = _named(out, "facility")[name]
    assert part["type"] == kind and code in [part["name"], *part["aliases"]]
    assert code not in _names_and_aliases(out, "actor")


def test_a_code_in_brackets_after_a_part_word_names_that_part_of_the_whole_after_it(extractor):
    out = extract(extractor, "An explosion occurred on Monday in the hydrogen generation unit (HGU-2) of the Besk "
                             "refinery. Gunmen attacked the Varnel refinery on Tuesday.", published=PUB)
    part = _named(out, "facility")["HGU-2"]
    assert part["type"] == "unit"
    assert {e["id"]: e["name"] for e in out["entities"]}[part["part_of"]] == "Besk refinery"


@pytest.mark.parametrize("text, actor", [
    ("Fighters of the M23 group seized the Besk hydropower plant on Monday, the army said.", "M23"),
    ("The MS-13 gang attacked the Besk substation on Monday, police said.", "MS-13"),
])
def test_a_code_with_no_part_of_its_series_is_still_a_name(extractor, text, actor):
    out = extract(extractor, text, published=PUB)
    assert actor in _names_and_aliases(out, "actor")
    assert actor not in _names_and_aliases(out, "facility")


def test_armour_codes_are_no_tanks(extractor):
    out = extract(extractor, "Rebels drove T-72 tanks towards the Besk dam on Monday. Tank TK-3 at the Varnel terminal "
                             "burned on Tuesday.", published=PUB)
    assert "T-72" not in _names_and_aliases(out, "facility")


def test_a_line_told_with_its_voltage_is_no_pipeline_of_the_same_towns(extractor):
    out = extract(extractor, "Saboteurs brought down two towers on the 330 kV Dorne–Arvel line on Thursday. An "
                             "explosion hit the Dorne–Arvel products pipeline on Friday.", published=PUB)
    facilities = _named(out, "facility")
    assert "Dorne–Arvel line" in facilities and "Dorne–Arvel products pipeline" in facilities
    assert sorted(i[3] for i in _incidents(out)) == [["Dorne–Arvel line"], ["Dorne–Arvel products pipeline"]]


def test_a_tower_told_anew_is_not_the_tower_numbered_last(extractor):
    out = extract(extractor, "Last week armed men blew up two towers of the 330-kilovolt Dorne-Arvel line. Towers "
                             "T-112 and T-113 collapsed. In August 2023, gunmen blew up a tower on the 132-kilovolt "
                             "Besk-Varnel line.", published=PUB)
    old = [i for i in _incidents(out) if i[1] == "2023-08-01"]
    assert len(old) == 1 and "T-113" not in old[0][3] and "Besk-Varnel line" in old[0][3]


@pytest.mark.parametrize("text, name", [
    ("On Friday a trawler's anchor damaged the Île aux Cerfs submarine cable.", "Île aux Cerfs submarine cable"),
    ("The Port aux Basques ferry terminal was closed by the storm on Saturday.", "Port aux Basques ferry terminal"),
])
def test_french_particles_au_and_aux_stay_inside_a_name(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert name in _named(out, "facility")


def test_much_of_the_damage_on_a_facility_is_damage_to_it(extractor):
    out = extract(extractor, "Storm Vera hit the coast on Saturday. Much of the damage was on the Dorne–Arvel 33 kV line.",
                  published=PUB)
    assert any("Dorne–Arvel 33 kV line" in i[3] for i in _incidents(out))


def test_a_circuits_capital_letter_stays_in_a_lines_name(extractor):
    out = extract(extractor, "On Monday tower 117 on the Dorne–Arvel Bay A line, near Besk, collapsed. A line crew was "
                             "sent.", published=PUB)
    assert "Dorne–Arvel Bay A line" in _named(out, "facility")
    assert any("Dorne–Arvel Bay A line" in i[3] for i in _incidents(out))


@pytest.mark.parametrize("text", [
    "On Tuesday hackers accessed the control system of the Besk water treatment plant.",
    "On Tuesday intruders accessed the network of the Besk water treatment plant.",
])
def test_hackers_who_access_a_plants_systems_attack_it(extractor, text):
    out = extract(extractor, text, published=PUB)
    assert _incidents(out) == [("cyberattack", "2026-05-19", "2026-05-19", ["Besk water treatment plant"], [])]


@pytest.mark.parametrize("text", [
    "On Tuesday engineers accessed the Besk dam by boat.",
    "On Tuesday the crews accessed the Besk water treatment plant through the north gate.",
])
def test_people_who_reach_a_plant_attack_nothing(extractor, text):
    assert extract(extractor, text, published=PUB)["incidents"] == []


BACKGROUND = "On 3 March 2019 a fire broke out at the Besk substation. "


@pytest.mark.parametrize("between, told, day", [
    ("", "A week later, on 9 March, a second fire damaged the Varnel substation.", "2019-03-09"),
    ("The substation was rebuilt in 2020. ", "On 9 March a fire damaged the Varnel substation.", "2021-03-09"),
    ("", "On 9 July a fire damaged the Varnel substation.", "2021-07-09"),
])
def test_a_day_told_without_a_year_soon_after_a_full_date_is_in_its_year(extractor, between, told, day):
    out = extract(extractor, BACKGROUND + between + told, published=date(2021, 8, 12))
    varnel = [i for i in _incidents(out) if i[3] == ["Varnel substation"]]
    assert [(i[1], i[2]) for i in varnel] == [(day, day)]


def test_a_pier_of_a_bridge_is_told_as_the_bridge(extractor):
    out = extract(extractor, "On Monday floodwaters undermined a pier of the Besk rail bridge, and the line was closed.",
                  published=PUB)
    assert list(_named(out, "facility")) == ["Besk rail bridge"]
    assert [i[3] for i in _incidents(out)] == [["Besk rail bridge"]]


def test_a_pier_of_a_terminal_is_a_berth_of_its_own(extractor):
    out = extract(extractor, "A barge struck a pier of the Varnel oil terminal on Tuesday.", published=PUB)
    assert _named(out, "facility")["pier of the Varnel oil terminal"]["type"] == "berth"


@pytest.mark.parametrize("text, person", [
    ("Cllr Ruth Armstrong chaired the meeting. Cllr Armstrong said the fire at the Besk substation on Monday was a "
     "disgrace.", "Ruth Armstrong"),
    ("Sen. Maria Lopez visited the site. Sen. Lopez said the explosion at the Besk pipeline on Tuesday was "
     "preventable.", "Maria Lopez"),
])
def test_a_councillors_or_senators_title_is_no_part_of_the_name(extractor, text, person):
    out = extract(extractor, text, published=PUB)
    people = [e for e in out["entities"] if e["kind"] == "actor" and e["type"] == "person"]
    assert [e["name"] for e in people] == [person]


@pytest.mark.parametrize("text, typ", [
    ("On Monday an unmanned cargo barge that had broken its moorings drifted into a pier of the Besk road bridge.",
     "damage"),
    ("On Monday armed men stormed the unmanned Besk pumping station.", "armed_assault"),
    ("On Monday units of the Unmanned Systems Forces struck the Besk oil refinery, the General Staff said.",
     "drone_strike"),
])
def test_unmanned_tells_a_drone_only_of_aircraft_boats_and_drone_forces(extractor, text, typ):
    assert [i[0] for i in _incidents(extract(extractor, text, published=PUB))] == [typ]


def test_a_train_that_strikes_something_on_a_line_is_an_accident(extractor):
    out = extract(extractor, "The Varnel–Besk railway remains under a speed restriction following the derailment of an "
                             "express last month, when the train struck a herd of wild elephants near Tulu.",
                  published=date(2019, 12, 5))
    assert [i[0] for i in _incidents(out)] == ["accident"]


@pytest.mark.parametrize("text, typ", [
    ("Late on Tuesday night the river tore away the western span of the Besk bridge.", "damage"),
    ("On Tuesday the storm ripped off the roof of the Besk substation.", "natural_hazard"),
    ("On Tuesday floodwaters carried away the Besk footbridge.", "natural_hazard"),
])
def test_what_tears_away_rips_off_or_carries_away_a_facility_damages_it(extractor, text, typ):
    assert [i[0] for i in _incidents(extract(extractor, text, published=PUB))] == [typ]


def test_an_argument_carried_away_is_no_incident(extractor):
    out = extract(extractor, "The minister, carried away by the applause, promised a new Besk bridge.", published=PUB)
    assert out["incidents"] == []


def test_a_break_in_a_main_damages_it(extractor):
    out = extract(extractor, "This morning city workers found a break in the Besk water main.", published=PUB)
    assert _incidents(out) == [("damage", "2026-05-20", "2026-05-20", ["Besk water main"], [])]


def test_a_break_in_talks_is_no_incident(extractor):
    out = extract(extractor, "After a two-week break in talks, the Besk pipeline operator resumed negotiations on "
                             "Monday.", published=PUB)
    assert out["incidents"] == []
