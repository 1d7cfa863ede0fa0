"""Session 28's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py and of session 26's tests."""
from __future__ import annotations

import pytest

from tests.ingest.test_generalization import extract
from tests.ingest.test_generalization_s26 import PUB, _incidents, _kinds  # (the same helpers)


def _names_by_kind(out, kind):
    return [e["name"] for e in out["entities"] if e["kind"] == kind]


def _dated(out):
    names = {e["id"]: e["name"] for e in out["entities"]}
    return [(i["type"], i["start"], [names[t] for t in i["targets"]]) for i in out["incidents"]]


def test_the_same_line_is_the_line_the_story_is_about(extractor):
    text = ("Vandals toppled three towers on the Ostrava–Brno line on Monday, the operator said. "
            "The Ostrava–Brno line carries power to the south of the region. "
            "Crews restored supply through the Vyškov line on Tuesday. "
            "The same line was cut by a landslide in March 2021.")
    assert [(start, targets) for _, start, targets in _dated(extract(extractor, text, published=PUB))] == [
        ("2026-05-18", ["Ostrava–Brno line"]), ("2021-03-01", ["Ostrava–Brno line"])]


def test_the_same_line_told_right_after_another_line_named_more_often_is_still_the_latest(extractor):
    # a guard: with one mention each, 'the same' keeps meaning the line told last
    text = ("Crews restored supply through the Vyškov line on Tuesday after a storm. "
            "Vandals toppled three towers on the Ostrava–Brno line on Monday, the operator said. "
            "The same line was cut by a landslide in March 2021.")
    assert [targets for _, _, targets in _dated(extract(extractor, text, published=PUB))][-1] == ["Ostrava–Brno line"]


@pytest.mark.parametrize("text, name", [
    ("Gunmen boarded an offshore platform off Akwa Ibom State on Saturday, the navy said.", "Akwa Ibom State"),
    ("The line is the only rail link to Kachin State, officials said on Monday.", "Kachin State"),
    ("Saboteurs removed tower members of the 220 kV Senj–Melina line (Lika-Senj County) on Monday.", "Lika-Senj County"),
])
def test_a_name_ending_in_an_area_word_is_a_place(extractor, text, name):
    assert _kinds(extract(extractor, text, published=PUB), name) == {"place"}


@pytest.mark.parametrize("text, name", [
    ("Islamic State claimed the bombing of the Kirkuk pipeline on Monday.", "Islamic State"),
    ("The Cowlitz County Public Utility District said on Monday that the substation had been vandalised.",
     "Cowlitz County Public Utility District"),
])
def test_a_body_or_a_group_named_with_an_area_word_stays_an_actor(extractor, text, name):
    assert _kinds(extract(extractor, text, published=PUB), name) == {"actor"}


@pytest.mark.parametrize("text, name", [
    ("Operator Andes Midstream SA had initially said it could not rule out interference.", "Andes Midstream SA"),
    ("The Board of Brolga Energy Limited said on Monday that the compressor station had been repaired.",
     "Brolga Energy Limited"),
    ("Owner Tarapaca Hills Power Corp. said on Monday that two turbines were damaged by the storm.",
     "Tarapaca Hills Power Corp"),
])
def test_a_company_named_after_its_role_or_its_board_is_the_company(extractor, text, name):
    assert name in _names_by_kind(extract(extractor, text, published=PUB), "actor")


def test_a_board_that_is_a_body_keeps_its_name(extractor):
    # a guard: 'Board of X' without a company's legal form is a body of its own
    text = "The Board of Inquiry into the Kiambere blackout said on Monday that the report was late."
    assert "Board of Inquiry" in " ".join(_names_by_kind(extract(extractor, text, published=PUB), "actor"))


def test_towers_told_bent_or_toppled_are_damage_to_their_line(extractor):
    # the parser reads 'bent' after 'were' as an adjective and joins 'toppled' to it
    text = "On Tuesday, four towers of the Ouaco–Voh 150 kV line were bent or toppled."
    assert _incidents(extract(extractor, text, published=PUB)) == [("damage", ["Ouaco–Voh 150 kV line"])]


def test_prices_told_cut_after_were_are_no_incident(extractor):
    # a guard: the subject of 'were' must be a thing that breaks
    text = "On Tuesday, fares on the Ouaco–Voh line were lowered and cut for students."
    assert _incidents(extract(extractor, text, published=PUB)) == []


def test_the_work_of_a_facility_that_stopped_is_a_disruption(extractor):
    text = "On Monday pumping at the Umm Rawaba water treatment plant stopped after the grid failed."
    assert [t for t, _ in _incidents(extract(extractor, text, published=PUB))] == ["disruption"]


@pytest.mark.parametrize("text", [
    "On Monday the rain stopped at the Umm Rawaba water treatment plant.",  # weather, no work of the plant
    "Police stopped a truck near the Umm Rawaba water treatment plant on Monday.",  # stopped something
])
def test_stopped_without_a_facility_s_work_is_no_incident(extractor, text):
    assert _incidents(extract(extractor, text, published=PUB)) == []


@pytest.mark.parametrize("text, target", [
    ("Strong northerly winds and heavy swell closed the Arzew oil terminal on Tuesday.", "Arzew oil terminal"),
    ("On Sunday night four towers of the Tarlee–Blyth line were brought down by destructive winds.",
     "Tarlee–Blyth line"),
])
def test_swell_and_winds_are_natural_hazards(extractor, text, target):
    assert _incidents(extract(extractor, text, published=PUB)) == [("natural_hazard", [target])]


@pytest.mark.parametrize("text", [
    "The Karsk pipeline winds through the valley for 40 km before it reaches the Arzew oil terminal.",
    "Forecasters said on Monday that winds will ease across the region by Thursday.",
])
def test_winds_that_do_nothing_are_no_incident(extractor, text):
    assert _incidents(extract(extractor, text, published=PUB)) == []


@pytest.mark.parametrize("text, target", [
    ("On 3 March 2026 the utility detected an intruder in the network of its Lae system control centre.",
     "Lae system control centre"),
    ("On 30 April, an unknown actor accessed the tank-gauging system at the Kindersley storage terminal.",
     "Kindersley storage terminal"),
])
def test_an_intruder_in_a_network_or_an_accessed_system_is_a_cyberattack(extractor, text, target):
    assert _incidents(extract(extractor, text, published=PUB)) == [("cyberattack", [target])]


@pytest.mark.parametrize("text", [
    "On Monday armed intruders were seen near the Kindersley substation, police said.",
    "The Kindersley storage terminal is accessed by a gravel track from the highway.",
])
def test_intruders_and_access_away_from_computers_are_no_cyberattack(extractor, text):
    assert "cyberattack" not in [t for t, _ in _incidents(extract(extractor, text, published=PUB))]


def test_a_document_s_day_does_not_date_the_event_it_tells_of(extractor):
    text = ("The Kilembe mine interrupted mining in January 2026, when record rainfall flooded the Kilembe East "
            "pit (see the Company's news release of 3 February 2026).")
    assert [i["start"] for i in extract(extractor, text, published=PUB)["incidents"]] == ["2026-01-01"]


def test_a_day_of_an_event_after_of_still_dates_it(extractor):
    # a guard: 'the flood of 3 February' is the flood's day
    text = "The flood of 3 February 2026 swamped the switchyard of the Kilembe hydro station."
    assert [i["start"] for i in extract(extractor, text, published=PUB)["incidents"]] == ["2026-02-03"]


def test_an_event_that_released_gas_keeps_its_day(extractor):
    # 'release' dates police work ('released the crew on Friday'), not a blast that released gas
    text = "On 3 May 2026, a blast on the Lakehead pipeline near Crystal Falls released natural gas liquids."
    assert [(i["type"], i["start"]) for i in extract(extractor, text, published=PUB)["incidents"]] == [
        ("explosion", "2026-05-03")]


def test_an_acronym_after_a_described_facility_is_that_facility(extractor):
    text = ("A fire broke out on Monday in the mild hydrocracking unit (MHC) at the Gdańsk refinery. "
            "The MHC will stay shut until April, the operator said.")
    out = extract(extractor, text, published=PUB)
    assert "MHC" not in _names_by_kind(out, "actor")


def test_a_name_and_an_acronym_in_brackets_are_the_facility_s(extractor):
    text = ("On 8 April armed men stormed a pumping station of the Trans-Andean pipeline (Oleoducto Trasandino, "
            "OTA), operated by Ecopetrol. The OTA has been shut since then.")
    out = extract(extractor, text, published=PUB)
    assert "OTA" not in _names_by_kind(out, "actor") and "Oleoducto Trasandino" not in _names_by_kind(out, "facility")


def test_two_clauses_with_their_own_hazards_and_days_are_two_incidents(extractor):
    text = ("In March 2017 the Bowen–Collinsville line lost two towers to Cyclone Debbie, and a flood in February "
            "2019 swamped the switchyard at the Haughton River substation south of Townsville.")
    got = sorted((i["start"], i["type"]) for i in extract(extractor, text, published=PUB)["incidents"])
    assert got == [("2017-03-01", "natural_hazard"), ("2019-02-01", "natural_hazard")]
