"""Session 33's generalizing rules, one behaviour per test, on short invented texts (none taken from the
corpora). The helpers are those of session 26's and session 28's tests."""
from __future__ import annotations

from datetime import date

import pytest

from graph.model import Document
from ingest.dates import title_period, title_year
from tests.ingest.test_generalization import extract
from tests.ingest.test_generalization_s26 import PUB
from tests.ingest.test_generalization_s28 import _dated
from tests.ingest.test_generalization_s32 import _actor_not_place, _place_not_actor


def _types(extractor, text: str) -> list[str]:
    """The kinds of the incidents a text tells, in order."""
    return [t for t, _, _ in _dated(extract(extractor, text, published=PUB))]


def _extract_titled(extractor, title: str, text: str, published: date) -> dict:
    return extractor.extract(Document(text=text, title=title, published=published)).to_contract()


# --- a round-up sent after the week it covers: its weekdays are that week's -------------------------

@pytest.mark.parametrize("title, expected", [
    ("Gulf press digest, week 24 (8-14 June 2026): cable cut", (date(2026, 6, 8), date(2026, 6, 14))),
    ("Security roundup, week 40 (30 September - 6 October 2024)", (date(2024, 9, 30), date(2024, 10, 6))),
    ("Shipping notes for 14 and 21 September 2025", None),  # two days, no span
    ("Outage report, 3 March 2024", None),  # one day
    ("Quarterly review, 1 January - 31 March 2024", None),  # longer than a round-up's week or two
])
def test_the_days_a_title_says_its_text_covers(title, expected):
    assert title_period(title) == expected


def test_a_weekly_round_ups_monday_is_in_its_week(extractor):
    # sent on Tuesday 16 June about 8-14 June: 'on Monday' is 8 June, not the day before it was sent
    title = "Gulf press digest, week 24 (8-14 June 2026): anchor cuts island cable"
    text = "The Kora-Vesta submarine cable was damaged on Monday by the anchor of a fishing dhow, the operator said."
    out = _extract_titled(extractor, title, text, date(2026, 6, 16))
    assert _dated(out) == [("accident", "2026-06-08", ["Kora-Vesta submarine cable"])]


def test_a_story_without_a_covered_week_counts_from_its_day(extractor):
    # guard: an ordinary title leaves 'on Monday' the Monday before publication
    title = "Anchor cuts island cable"
    text = "The Kora-Vesta submarine cable was damaged on Monday by the anchor of a fishing dhow, the operator said."
    out = _extract_titled(extractor, title, text, date(2026, 6, 16))
    assert _dated(out) == [("accident", "2026-06-15", ["Kora-Vesta submarine cable"])]


def test_a_round_up_sent_within_its_week_counts_from_its_day(extractor):
    # guard: published on the week's last day, the publication day already is in the week
    title = "Gulf press digest, week 24 (8-14 June 2026): anchor cuts island cable"
    text = "The Kora-Vesta submarine cable was damaged on Friday by the anchor of a fishing dhow, the operator said."
    out = _extract_titled(extractor, title, text, date(2026, 6, 14))
    assert _dated(out) == [("accident", "2026-06-12", ["Kora-Vesta submarine cable"])]


@pytest.mark.parametrize("title, year", [
    ("Power & Cables Weekly, issue 27/2021 (5-11 July): anchor hits cable", 2021),
    ("North Sea Shipping Notes, week 35/2020: jetty fire", 2020),
    ("Ports Monitor, No. 41/2022 (3-9 October): gunmen board platform", 2022),
    ("Open 24/7: the port that never sleeps", None),  # no year
])
def test_a_numbered_issue_names_its_year(title, year):
    assert title_year(title) == year


def test_an_undated_round_up_reads_its_days_in_its_issues_year_and_week(extractor):
    # no publication date: the issue's year places '6 July', its week places 'Thursday'
    title = "Power & Cables Weekly, issue 27/2021 (5-11 July): anchor hits cable, fire at substation"
    text = ("The Kora-Vesta submarine cable tripped at 03:12 on 6 July after the anchor of a barge hooked it, "
            "the utility said.\n\nA fire broke out at the Lumo substation on Thursday, the operator said.")
    out = _extract_titled(extractor, title, text, None)
    assert sorted(_dated(out)) == [("accident", "2021-07-06", ["Kora-Vesta submarine cable"]),
                                   ("fire", "2021-07-08", ["Lumo substation"])]


def test_an_undated_story_leaves_its_weekdays_open(extractor):
    # guard: with no publication date and no week in the title, 'on Thursday' is no day
    text = "A fire broke out at the Lumo substation on Thursday, the operator said."
    out = _extract_titled(extractor, "Fire at substation", text, None)
    assert _dated(out) == [("fire", None, ["Lumo substation"])]


# --- what only rumour or social media tells is no event ------------------------------------------------

@pytest.mark.parametrize("rumour", [
    "The ministry asked the public not to circulate rumours after social media posts claimed the depot had "
    "been attacked.",
    "The operator noted reports on social media claiming that the fire had been caused by sabotage.",
    "Rumours that the depot had been sabotaged spread quickly in the town.",
])
def test_a_rumour_does_not_make_a_fire_an_attack(extractor, rumour):
    text = "A fire broke out at the Lumo fuel depot on Tuesday, destroying two tanks, the operator said. " + rumour
    assert _dated(extract(extractor, text, published=PUB)) == [("fire", "2026-05-19", ["Lumo fuel depot"])]


def test_a_partys_channel_is_no_rumour(extractor):
    # guard: a group's own channel accuses someone: the bombing stays told, with whom it names
    text = ("The Kora bridge was brought down on Tuesday. A rebel social media channel said the bridge had been "
            "blown up by army units withdrawing from the area.")
    assert _types(extractor, text) == ["sabotage"]


# --- a power failure is an outage, not an accident ------------------------------------------------------

def test_a_power_failure_is_an_outage(extractor):
    text = "The whole town lost power for seven hours on Tuesday after a power failure at the Lumo substation, the utility said."
    assert _dated(extract(extractor, text, published=PUB)) == [("disruption", "2026-05-19", ["Lumo substation"])]


def test_an_equipment_failure_that_breaks_a_structure_stays_an_accident(extractor):
    # guard: a failure of the structure itself is still an accident
    text = "The spillway gate of the Lumo dam failed on Tuesday, releasing water downstream, the operator said."
    assert _types(extractor, text) == ["accident"]


# --- an explosion's blast is no bombing, a body's name tells no cause -------------------------------------

def test_an_explosion_blowing_out_a_wall_is_no_bombing(extractor):
    text = ("Boiler No. 3 of the Kora heat and power plant exploded on Tuesday, blowing out part of the wall of "
            "the boiler house and injuring two operators.")
    assert _types(extractor, text) == ["explosion"]


def test_a_word_of_a_bodys_name_tells_no_cause(extractor):
    text = ("An explosion occurred in the pump room of the Kora oil jetty on Tuesday. The cause of the explosion "
            "is under investigation by the Petroleum and Explosives Safety Organisation.")
    assert _types(extractor, text) == ["explosion"]


def test_explosives_told_as_the_means_still_make_a_bombing(extractor):
    # guard: the same word outside a name still tells how it was done
    text = "An explosion at the Kora oil jetty on Tuesday was caused by explosives planted under the pumps, police said."
    assert _types(extractor, text) == ["sabotage"]


# --- fire set in an armed attack is part of the assault ----------------------------------------------------

def test_fire_set_in_an_armed_attack_is_the_assault(extractor):
    text = ("About 40 armed men attacked the Kora diesel power station on Tuesday. The attackers set fire to two "
            "generator sets before withdrawing.")
    assert _types(extractor, text) == ["armed_assault"]


def test_cutting_in_an_armed_attack_is_still_sabotage(extractor):
    # guard: a method of its own (cutting, explosives) still names the attack
    text = "Armed men attacked the Kora substation on Tuesday and cut the cables feeding its transformers."
    assert _types(extractor, text) == ["sabotage"]


# --- a country that only lives through something is a place, not a party --------------------------------

@pytest.mark.parametrize("sentence, country", [
    ("The outage comes as Argentina enters the coldest weeks of the year.", "Argentina"),
    ("Algeria has leaned heavily on seawater desalination as rainfall has declined.", "Algeria"),
    ("Guyana is building its own gas-to-power project on the coast.", "Guyana"),
    ("Nigeria has struggled to lift output because of theft.", "Nigeria"),
])
def test_a_country_living_through_events_is_a_place(extractor, sentence, country):
    text = "A fire broke out at the Lumo substation on Tuesday, the operator said. " + sentence
    assert _place_not_actor(extract(extractor, text, published=PUB), country)


def test_a_country_that_blames_is_a_party(extractor):
    # guard: acting verbs still make the country an actor
    text = ("A fire broke out at the Lumo substation on Tuesday. Kenya blamed the rebels for the fire. "
            "Kenya said they would be punished.")
    assert _actor_not_place(extract(extractor, text, published=PUB), "Kenya")


# --- one event told twice comes out once ---------------------------------------------------------------

def test_an_incident_repeated_after_resolution_is_joined():
    from graph.model import Incident
    from ingest.extract import _join, _same_incident
    day = date(2024, 12, 1)
    first = Incident(id="i1", type="natural_hazard", start=day, end=day, targets=["e1", "e2"],
                     evidence=[(0, 40)], effects=["damaged"])
    again = Incident(id="i2", type="natural_hazard", start=day, end=day, targets=["e2", "e1"],
                     evidence=[(90, 130)], effects=["out_of_service"], deaths=2)
    assert _same_incident([first], again) is first
    _join(first, again)
    assert (first.evidence, first.effects, first.deaths) == ([(0, 40), (90, 130)], ["damaged", "out_of_service"], 2)


@pytest.mark.parametrize("change", [{"start": date(2016, 9, 28), "end": date(2016, 9, 28)}, {"type": "fire"},
                                    {"targets": ["e1"]}, {"start": None, "end": None}])
def test_incidents_on_other_days_kinds_or_sites_stay_apart(change):
    # guard: another day (an earlier storm), kind or facility is another event; so may two undated ones be
    from dataclasses import replace
    from graph.model import Incident
    from ingest.extract import _same_incident
    day = date(2024, 12, 1)
    first = Incident(id="i1", type="natural_hazard", start=day, end=day, targets=["e1", "e2"])
    assert _same_incident([first], replace(first, id="i2", **change)) is None


# --- a thing done on purpose by no one named is tampering ----------------------------------------------

def test_a_valve_deliberately_opened_is_sabotage(extractor):
    text = ("Crews found on Tuesday that a block valve on the Kora–Vesta crude pipeline had been deliberately "
            "opened, spilling 40 barrels into a canal.")
    assert _dated(extract(extractor, text, published=PUB)) == [("sabotage", "2026-05-19", ["Kora–Vesta crude pipeline"])]


def test_operators_opening_gates_on_purpose_is_their_work(extractor):
    # guard: who did it on purpose is named: operators' work, no incident
    text = "Operators deliberately opened the spillway gates of the Kora dam on Tuesday to release water."
    assert _types(extractor, text) == []
