"""Session 18's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from ingest.dates import find_dates, resolve, with_story_years
from tests.ingest.test_generalization import entity, extract, incidents as _incidents

PUB = date(2026, 5, 20)


def _story(text: str, published=None):
    return [(x.text, resolve(x, published)) for x in with_story_years(find_dates(text))]


def test_a_day_without_a_year_takes_the_year_the_story_last_named():
    found = _story("On 14 September 2019 drones came. On 20 September a fire; in October a flood. "
                   "In March 2021 a strike; on 2 May a leak.")
    assert found == [("14 September 2019", (date(2019, 9, 14),) * 2), ("20 September", (date(2019, 9, 20),) * 2),
                     ("in October", (date(2019, 10, 1), date(2019, 10, 31))),
                     ("March 2021", (date(2021, 3, 1), date(2021, 3, 31))), ("2 May", (date(2021, 5, 2),) * 2)]


@pytest.mark.parametrize("text", [
    "On 20 September a fire broke out.",  # no year named before it
    "The plant, built in 1978, burned. On 20 September a fire broke out.",  # a bare year is not the story's
])
def test_without_a_named_day_or_month_before_it_a_day_stays_unresolved(text):
    assert _story(text)[-1] == ("20 September", None)


def test_the_publication_date_still_decides_when_there_is_one():
    # (session 24: a day told within ANCHOR_DAYS after a full date is in that date's year, 'On 14 September 2019
    # ... On 20 September' is 2019's; see test_generalization_s24.py)
    assert _story("On 14 January 2019 drones came. On 20 September a fire.", date(2026, 5, 20))[-1] \
        == ("20 September", (date(2025, 9, 20),) * 2)


def test_an_undated_article_dates_a_later_incident_by_the_year_it_told(extractor):
    out = extract(extractor, "On 14 September 2019, drones attacked the Tavelo gas plant. On 20 September, "
                             "a fire broke out at the Marrin refinery.", published=None)
    assert _incidents(out) == [("drone_strike", "2019-09-14", "2019-09-14", ["Tavelo gas plant"], []),
                               ("fire", "2019-09-20", "2019-09-20", ["Marrin refinery"], [])]


@pytest.mark.parametrize("text, name", [
    ("Last night's wildfire burned through the Orlovac transmitter above the valley.", "Orlovac transmitter"),
    ("A fire broke out on Tuesday in the Stulang Laut cable tunnel, which carries three 132 kV circuits.",
     "Stulang Laut cable tunnel"),
    ("A flash flood tore away the Mukwadzi pipe bridge on Saturday.", "Mukwadzi pipe bridge"),
    ("Armed men stormed the compound of the Bilogai tower on Tuesday morning.", "Bilogai tower"),
])
def test_transmitters_cable_tunnels_pipe_bridges_and_named_towers_are_facilities(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    ((_, _, _, targets, _),) = _incidents(out)
    assert targets == [name]


def test_a_capitalized_tower_before_its_number_is_the_numbered_tower(extractor):
    out = extract(extractor, "On Sunday Tower No. 88 on the Techiman line collapsed.", published=PUB)
    assert "Tower No. 88" in [e["name"] for e in out["entities"] if e["kind"] == "facility"]


def test_a_terminal_named_in_the_foreign_order_speaks_as_a_facility(extractor):
    out = extract(extractor, "The Terminal Ribera Oriental at Nueva Palmira says it is working normally after a "
                             "ransomware attack late last month encrypted its systems.", published=PUB)
    assert [i["type"] for i in out["incidents"]] == ["cyberattack"]
    assert entity(out, out["incidents"][0]["targets"][0])["name"] == "Terminal Ribera Oriental"


@pytest.mark.parametrize("verb", ["happened", "occurred", "took place"])
def test_the_event_told_again_as_happening_somewhere_targets_that_place(extractor, verb):
    out = extract(extractor, f"The explosion {verb} at about 7 p.m. on Monday at a petrol tank at the Gulistan "
                             "oil depot.", published=PUB)
    assert _incidents(out) == [("explosion", "2026-05-18", "2026-05-18", ["Gulistan oil depot"], [])]


def test_numbers_after_nos_do_not_start_a_sentence(extractor):
    out = extract(extractor, "In the early hours of Sunday, 17 May, Tower Nos. 87 and 88 on the Techiman-Kintampo "
                             "line collapsed.", published=PUB)
    ((_, start, _, targets, _),) = _incidents(out)
    assert start == "2026-05-17" and "Techiman-Kintampo line" in targets


@pytest.mark.parametrize("text, published, interval", [
    ("in the first week of February 2026", PUB, (date(2026, 2, 1), date(2026, 2, 7))),
    ("during the second week of March", PUB, (date(2026, 3, 8), date(2026, 3, 14))),
    ("in the last week of April", PUB, (date(2026, 4, 24), date(2026, 4, 30))),
    ("in the last week of May", PUB, (date(2025, 5, 25), date(2025, 5, 31))),  # not begun by 20 May: last year's
    ("in the last days of July", PUB, (date(2025, 7, 27), date(2025, 7, 31))),
    ("in the second half of June, 2024", None, (date(2024, 6, 16), date(2024, 6, 30))),
])
def test_a_slice_of_a_month_is_its_days_not_last_week(text, published, interval):
    ((_, got),) = _story(text, published)
    assert got == interval


def test_an_indefinite_kind_of_facility_is_the_one_of_that_kind_named_next(extractor):
    out = extract(extractor, "Armed men stormed a water pumping station in the Bekaa valley on Monday, forcing out "
                             "its staff. The utility said gunmen arrived at the Ain el-Jawz pumping station near "
                             "Hermel. Separately, EDL said it was investigating an explosion on Sunday at its Baalbek "
                             "South substation.", published=PUB)
    assert _incidents(out) == [("armed_assault", "2026-05-18", "2026-05-18", ["Ain el-Jawz pumping station"], []),
                               ("explosion", "2026-05-17", "2026-05-17", ["Baalbek South substation"], [])]


def test_late_on_a_day_after_an_event_noun_dates_the_event(extractor):
    out = extract(extractor, "EDL said it was still investigating an explosion late on Monday at its Baalbek South "
                             "substation.", published=PUB)
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("explosion", "2026-05-18")]


@pytest.mark.parametrize("text, published, day", [
    ("On the first Friday of April, a fire destroyed cables.", PUB, date(2026, 4, 3)),
    ("the second Tuesday in March", PUB, date(2026, 3, 10)),
    ("the third Monday of June", PUB, date(2025, 6, 16)),  # June not yet come by 20 May: last year's
    ("the last Sunday of May 2024", None, date(2024, 5, 26)),
])
def test_the_nth_weekday_of_a_month_is_that_day(text, published, day):
    ((_, got),) = _story(text, published)
    assert got == (day, day)


def test_a_bulletins_tonight_colon_headline_is_not_the_day_of_what_it_tells(extractor):
    out = extract(extractor, "Tonight: the city enters a second day with dry taps after the river flooded the "
                             "Placitas pumping station. In the early hours of Monday the river burst its banks and "
                             "flooded the Placitas pumping station.", published=PUB)
    assert _incidents(out) == [("natural_hazard", "2026-05-18", "2026-05-18", ["Placitas pumping station"], [])]


@pytest.mark.parametrize("text, target", [
    ("On Monday the Tarvo water plant lost power for six hours.", "Tarvo water plant"),
    ("Protesters closed a valve at the Tarvo pumping station on Monday, halting exports.", "Tarvo pumping station"),
])
def test_a_facility_that_lost_power_or_had_its_valve_closed_is_disrupted(extractor, text, target):
    out = extract(extractor, text, published=PUB)
    assert _incidents(out) == [("disruption", "2026-05-18", "2026-05-18", [target], [])]


def test_people_who_lost_power_tell_no_incident_of_their_own(extractor):
    assert extract(extractor, "Residents lost power on Monday after the storm.", published=PUB)["incidents"] == []


def test_what_one_hazard_struck_in_one_sentence_is_one_incident(extractor):
    out = extract(extractor, "On Monday the earthquake cracked the Gjoçaj dam and brought down a pier of the "
                             "Shkumbin rail bridge.", published=PUB)
    ((typ, start, _, targets, _),) = _incidents(out)
    assert (typ, start) == ("natural_hazard", "2026-05-18")
    assert "Gjoçaj dam" in targets and "Shkumbin rail bridge" in targets


def test_hazards_told_in_different_sentences_stay_apart(extractor):
    out = extract(extractor, "On Monday a flood inundated the Tarvo pumping station. On Monday a landslide buried "
                             "the Marrin railway line.", published=PUB)
    assert len(out["incidents"]) == 2


def test_a_digests_place_and_day_fragment_dates_the_sentence_after_it(extractor):
    out = extract(extractor, "Round-up. Finland, 12 May. Eleven tank wagons derailed at the Lahnajärvi marshalling "
                             "yard, spilling diesel.", published=PUB)
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("accident", "2026-05-12")]


def test_a_dateline_fragment_of_the_publication_day_does_not_date_the_lead(extractor):
    out = extract(extractor, "Trujillo, 20 May 2026. The court on Wednesday ordered detention for four men accused "
                             "of blowing up Tower T-47 of the Vijus line on 4 May.", published=PUB)
    assert [i["start"] for i in out["incidents"]] == ["2026-05-04"]


@pytest.mark.parametrize("text, town", [
    ("Deliveries from the Apex Road tank farm in Iqaluit stopped.", "Iqaluit"),  # the model says a nationality
    ("The plant supplies about 18,000 households in Sơn Đông.", "Sơn Đông"),  # the model says a firm
    ("The line runs near Choele Choel.", "Choele Choel"),
])
def test_a_name_put_on_the_map_by_its_preposition_is_a_place(extractor, text, town):
    out = extract(extractor, text, published=PUB)
    assert [(e["kind"], e["name"]) for e in out["entities"] if e["name"] == town] == [("place", town)]


def test_a_stake_in_a_company_keeps_the_company(extractor):
    out = extract(extractor, "Eni bought a stake in Nordlys Offshore.", published=PUB)
    assert ("actor", "Nordlys Offshore") in [(e["kind"], e["name"]) for e in out["entities"]]


def test_a_place_is_named_with_its_lower_case_feature_word_and_without_it(extractor):
    out = extract(extractor, "The dam spans the Dnipro river at Zaporizhzhia.", published=PUB)
    place = next(e for e in out["entities"] if e["kind"] == "place" and e["name"].startswith("Dnipro"))
    assert (place["name"], place["aliases"]) == ("Dnipro river", ["Dnipro"])


@pytest.mark.parametrize("text", [
    "Bishkek, 11 December 2025\n\nA fire broke out at the Chong-Tash data centre on Monday.",
    "Timaru, 30 September 2025 - The Rangitata bridge was closed after a flood.",
])
def test_a_title_case_town_and_day_opening_the_text_is_where_it_was_filed(extractor, text):
    out = extract(extractor, text, published=PUB)
    town = text.split(",")[0]
    assert [(e["kind"], e["name"]) for e in out["entities"] if e["name"] == town] == [("place", town)]


def test_an_honorific_before_a_persons_two_names_is_not_part_of_the_name(extractor):
    out = extract(extractor, "Ir Ahmad Zaki said the plant was shut.", published=PUB)
    assert [(e["kind"], e["name"]) for e in out["entities"]] == [("actor", "Ahmad Zaki")]


def test_a_headings_country_before_a_spaced_dash_is_not_part_of_the_facility(extractor):
    out = extract(extractor, "Thailand - Bang Saray Container Terminal, Sattahip\n\nOn Monday the ship Sirius "
                             "Harmony struck a crane at the terminal.", published=PUB)
    assert "Bang Saray Container Terminal" in [e["name"] for e in out["entities"] if e["kind"] == "facility"]


def test_the_short_name_of_a_water_plant_is_that_plant(extractor):
    out = extract(extractor, "The Konarevo water treatment plant was hacked on Monday. Engineers at the Konarevo "
                             "plant restored control.", published=PUB)
    assert [e["name"] for e in out["entities"] if e["kind"] == "facility"] == ["Konarevo water treatment plant"]


@pytest.mark.parametrize("text, place", [
    ("Avalanches in the Khibiny mountains blocked the line.", "Khibiny mountains"),  # the model says a person
    ("The intake on the Sungai Linggi was closed.", "Sungai Linggi"),  # 'sungai': a river, in Malay
])
def test_a_feature_word_makes_a_persons_or_firms_name_a_place(extractor, text, place):
    out = extract(extractor, text, published=PUB)
    assert (("place", place) in [(e["kind"], e["name"]) for e in out["entities"]]
            and not [e for e in out["entities"] if e["kind"] == "actor"])
