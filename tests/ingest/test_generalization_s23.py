"""Session 23's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import extract, incidents as _incidents

PUB = date(2026, 5, 20)  # a Wednesday
LINE = "The Dorne-Arvel 225 kV line crosses the Arvel hills. "


@pytest.mark.parametrize("told", [
    "In November 2020, a storm toppled towers on the northern section and left it out of service for a month.",
    "In November 2020, a storm toppled pylons and left the line out of service for a month.",
])
def test_bare_plural_towers_after_a_named_line_are_that_lines(extractor, told):
    out = extract(extractor, LINE + told, published=PUB)
    assert _incidents(out) == [("natural_hazard", "2020-11-01", "2020-11-30", ["Dorne-Arvel 225 kV line"], [])]


def test_bare_plural_towers_with_no_line_named_are_towers_in_general(extractor):
    out = extract(extractor, "In November 2020, a storm toppled pylons across the province.", published=PUB)
    assert out["incidents"] == [] or all(not i["targets"] for i in out["incidents"])


def test_storms_named_in_the_plural_are_a_hazard(extractor):
    out = extract(extractor, LINE + "In November 2020, Hurricanes Eta and Iota, which struck within two weeks of each "
                                    "other, toppled two towers of the line.", published=PUB)
    assert [i[0] for i in _incidents(out)] == ["natural_hazard"]


def test_a_fire_beneath_the_line_near_a_town_is_on_that_line(extractor):
    out = extract(extractor, LINE + "On 17 April 2023 a fire beneath the line near Choluteca forced it out of service "
                                    "for eleven hours.", published=PUB)
    assert _incidents(out) == [("fire", "2023-04-17", "2023-04-17", ["Dorne-Arvel 225 kV line"], [])]
    assert [e["name"] for e in out["entities"] if e["kind"] == "facility"] == ["Dorne-Arvel 225 kV line"]


def _facility(out, name):
    return next(e for e in out["entities"] if e["kind"] == "facility" and e["name"] == name)


@pytest.mark.parametrize("text, name, alias", [
    ("Saboteurs brought down a tower of the 220 kV Dorne–Arvel line on Monday.", "Dorne–Arvel line",
     "220 kV Dorne–Arvel line"),
    ("Saboteurs damaged the 161-kV Tema–Besk line on Monday.", "Tema–Besk line", "161-kV Tema–Besk line"),
])
def test_a_voltage_told_before_a_name_is_kept_as_another_name(extractor, text, name, alias):
    out = extract(extractor, text, published=PUB)
    assert alias in _facility(out, name)["aliases"]


def test_a_power_rating_before_a_name_is_no_other_name(extractor):
    out = extract(extractor, "Gunmen attacked its 120-MW Besk power plant on Monday.", published=PUB)
    assert not any("120" in a for a in _facility(out, "Besk power plant")["aliases"])


@pytest.mark.parametrize("text, name", [
    ("On 17 March drones struck the Varnok-on-Kuban refinery in the south.", "Varnok-on-Kuban refinery"),
    ("In January drones set fire to Novatek's Besk fractionation complex on the bay.", "Besk fractionation complex"),
    ("A drone attack on Thursday damaged its Varnok gas production site.", "Varnok gas production site"),
    ("Firm capacity at the Besk interconnection point is curtailed after a blast on Monday.",
     "Besk interconnection point"),
])
def test_more_facility_names(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert name in [e["name"] for e in out["entities"] if e["kind"] == "facility"]


def test_an_elided_particle_stands_in_a_name(extractor):
    out = extract(extractor, "In mid-February armed men raided DINEPA's Saut-d'Eau pumping station and stole fuel.",
                  published=PUB)
    assert [t for *_, t, _ in _incidents(out)] == [["Saut-d'Eau pumping station"]]


@pytest.mark.parametrize("text", [
    "Armed men stormed the Besk hydroelectric plant on Monday. On Tuesday they attacked the police station.",
    "Armed men stormed the Besk hydroelectric plant on Monday. On Tuesday they set fire to the Arvel Police Station.",
])
def test_a_police_station_is_no_facility(extractor, text):
    out = extract(extractor, text, published=PUB)
    assert [t for *_, t, _ in _incidents(out)] == [["Besk hydroelectric plant"]]
    assert [e["name"] for e in out["entities"] if e["kind"] == "facility"] == ["Besk hydroelectric plant"]


@pytest.mark.parametrize("text, name", [
    ("On 26 August, floodwater entered the PTCL Besk exchange, cutting fixed-line services.", "PTCL Besk exchange"),
    ("In June, armed men attacked the Arvel exchange, damaging equipment.", "Arvel exchange"),
])
def test_an_exchange_after_a_name_is_a_telephone_exchange(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert [t for *_, t, _ in _incidents(out)] == [[name]]


def test_a_stock_exchange_is_no_facility(extractor):
    out = extract(extractor, "Shares fell on the Besk Stock Exchange and the Arvel stock exchange after the attack.",
                  published=PUB)
    assert not [e for e in out["entities"] if e["kind"] == "facility"]


@pytest.mark.parametrize("text, typ", [
    ("In December last year, hackers took over the control panel of the Besk hydropower plant.", "cyberattack"),
    ("On Monday hackers took control of the turbines at the Besk hydropower plant.", "cyberattack"),
    ("On Monday armed men took control of the Besk hydropower plant.", "armed_assault"),
])
def test_who_takes_over_a_plant_tells_the_kind_of_attack(extractor, text, typ):
    out = extract(extractor, text, published=PUB)
    assert [i[0] for i in _incidents(out)] == [typ]


def test_a_consortium_taking_over_a_plant_is_no_attack(extractor):
    out = extract(extractor, "The Acme consortium took over the operation of the Besk hydropower plant in 2019.",
                  published=PUB)
    assert out["incidents"] == []


@pytest.mark.parametrize("text, name", [
    ("Spring runoff on 28 April washed out the east approach of the Range Road 24 bridge.", "Range Road 24 bridge"),
    ("On 25 August floods washed away sections of the Besk–Arvel optical fibre route.", "Besk–Arvel optical fibre route"),
])
def test_what_water_washes_away_is_a_hazards_target(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert [(i[0], i[3]) for i in _incidents(out)] == [("natural_hazard", [name])]


def test_a_fault_in_a_cable_is_an_incident_on_it(extractor):
    out = extract(extractor, "On 29 August, a fault developed in the Besk submarine cable in the Arabian Sea.",
                  published=PUB)
    assert _incidents(out) == [("damage", "2025-08-29", "2025-08-29", ["Besk submarine cable"], [])]


def test_no_fault_of_its_own_is_no_incident(extractor):
    out = extract(extractor, "The Besk cable operator said the delay was through no fault of its own.", published=PUB)
    assert out["incidents"] == []


def test_cutting_power_to_a_facility_disrupts_it(extractor):
    out = extract(extractor, "On Wednesday a failure on the grid cut power to the Besk container terminal from about "
                             "06:00 to 15:30.", published=PUB)
    assert _incidents(out) == [("disruption", "2026-05-20", "2026-05-20", ["Besk container terminal"], [])]


@pytest.mark.parametrize("text, typ, name", [
    ("Two lattice towers on the 220-kilovolt Besk–Arvel line came down near Tuma on Tuesday.", "damage",
     "Besk–Arvel line"),
    ("Pemex says it stopped pumping on the Besk crude pipeline on Tuesday.", "disruption", "Besk crude pipeline"),
    ("Screens at the Besk regional control centre went black on Tuesday and then displayed a ransom note.",
     "cyberattack", "Besk regional control centre"),
    ("Viewers sent video of flames climbing the wooden approach spans of the Besk River bridge on Tuesday night.",
     "fire", "Besk River bridge"),
])
def test_more_words_that_tell_an_incident(extractor, text, typ, name):
    out = extract(extractor, text, published=PUB)
    assert [(i[0], i[3]) for i in _incidents(out)] == [(typ, [name])]


def test_what_comes_down_must_be_a_facility(extractor):
    out = extract(extractor, "Gas prices at the Besk terminal came down on Tuesday.", published=PUB)
    assert out["incidents"] == []


@pytest.mark.parametrize("text, name", [
    ("A section of the Besk–Arvel main burst on Tuesday.", "Besk–Arvel main"),
    ("Saboteurs closed a valve on the Souris Lateral on Tuesday.", "Souris Lateral"),
    ("Floods exposed the pipeline at the Taquari River crossing on Tuesday.", "Taquari River crossing"),
    ("The Arvel feeder tripped on Tuesday after a fire.", "Arvel feeder"),
])
def test_names_of_mains_laterals_crossings_and_feeders(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert name in [e["name"] for e in out["entities"] if e["kind"] == "facility"]


def test_a_capitalized_main_is_no_water_main(extractor):
    out = extract(extractor, "A bomb damaged the Besk Main Street bridge on Tuesday.", published=PUB)
    assert [e["name"] for e in out["entities"] if e["kind"] == "facility"] == ["Besk Main Street bridge"]


@pytest.mark.parametrize("text, expected", [
    ("Floods on April 28 and 29 washed out the road.", (date(2026, 4, 28), date(2026, 4, 29))),
    ("Storms on May 3-4, 2024 cut the line.", (date(2024, 5, 3), date(2024, 5, 4))),
    ("Floods on the 28th and 29th of April cut the line.", (date(2026, 4, 28), date(2026, 4, 29))),
    ("Strikes from March 5 to 7 hit the grid.", (date(2026, 3, 5), date(2026, 3, 7))),
])
def test_two_days_of_one_month_told_month_first_or_as_ordinals(text, expected):
    from ingest.dates import parse

    assert parse(text, PUB) == expected


def test_a_similar_attempt_is_an_event_of_the_kind_told_before(extractor):
    out = extract(extractor, "Staff found last week that saboteurs had cut the fence of block valve station SPV-14. The "
                             "operator recalls that a similar attempt was found at block valve station SPV-09 in "
                             "October 2021.", published=PUB)
    assert ("2021-10-01", ["block valve station SPV-09"]) in [(i[1], i[3]) for i in _incidents(out)]


def test_a_similar_case_with_no_event_before_it_is_none(extractor):
    out = extract(extractor, "A similar case was heard at the Besk court in October 2021.", published=PUB)
    assert out["incidents"] == []



def test_a_paragraphs_opening_day_dates_the_event_after_a_failure_of_no_facility(extractor):
    out = extract(extractor, "The Besk water treatment plant draws water from the Giles Creek intake.\n\nOn Tuesday, the "
                             "temporary arrangement at Giles Creek failed. A digger working for a council contractor on "
                             "the permanent repair of the intake ruptured the bypass main, cutting the supply of raw water "
                             "to the treatment plant. The rupture at the intake left the town without water until the "
                             "evening.", published=PUB)
    assert [(i[0], i[1], i[2]) for i in _incidents(out)] == [("accident", "2026-05-19", "2026-05-19")]
