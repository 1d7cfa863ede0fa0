"""Session 14's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from ingest.dates import find_dates
from tests.ingest.test_generalization import extract, names

PUB = date(2026, 5, 20)


@pytest.mark.parametrize("text, interval", [
    ("In January last year one of the turbines caught fire.", (date(2025, 1, 1), date(2025, 1, 31))),
    ("in February of last year drones hit the station", (date(2025, 2, 1), date(2025, 2, 28))),
    ("late June last year", (date(2025, 6, 21), date(2025, 6, 30))),
    ("on 9 December last year", (date(2025, 12, 9), date(2025, 12, 9))),
    ("on March 3 this year", (date(2026, 3, 3), date(2026, 3, 3))),
    ("in April this year", (date(2026, 4, 1), date(2026, 4, 30))),
])
def test_a_month_or_day_of_a_year_told_in_words(text, interval):
    (expr,) = find_dates(text)
    assert expr.resolve(PUB) == interval


def test_a_month_of_this_year_still_to_come_is_no_date():
    (expr,) = find_dates("The line is due back in November this year.")
    assert expr.resolve(PUB) is None


def test_an_older_fire_told_with_month_and_last_year_is_dated_in_that_year(extractor):
    out = extract(extractor, "Mortar rounds hit the Kessa power station on Monday. In January last year a fire "
                             "broke out at the Brava substation during a restart.", published=PUB)
    dates = sorted((i["start"], i["end"]) for i in out["incidents"])
    assert ("2025-01-01", "2025-01-31") in dates


def test_a_day_of_last_year_beats_a_month_of_this_one_in_the_same_sentence(extractor):
    out = extract(extractor, "At the trial in March, prosecutors said the defendants set fire to the Dravo "
                             "substation on 15 November last year.", published=PUB)
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2025-11-15", "2025-11-15")]



@pytest.mark.parametrize("text, name", [
    ("The Kestonian Security and Intelligence Service is assisting the police.",
     "Kestonian Security and Intelligence Service"),
    ("Power was cut, according to the National Office of Electricity and Drinking Water.",
     "National Office of Electricity and Drinking Water"),
])
def test_an_institutions_name_the_model_cut_at_and_is_one_actor(extractor, text, name):
    assert names(extract(extractor, text), "actor") == [name]


def test_two_companies_joined_by_and_stay_two(extractor):  # a guard for the one above
    out = extract(extractor, "Shell and BP said the Ministry of Energy and Mines had approved the plan.")
    assert sorted(names(out, "actor")) == ["BP", "Ministry of Energy and Mines", "Shell"]


def test_an_unnamed_transformer_is_told_as_the_substation_it_stands_in(extractor):
    out = extract(extractor, "A transformer at the Kessa 110 kV substation caught fire on Monday.", published=PUB)
    assert [e["name"] for e in out["entities"] if e["kind"] == "facility"] == ["Kessa 110 kV substation"]
    (incident,) = out["incidents"]
    assert incident["targets"] == [out["entities"][0]["id"]] and incident["type"] == "fire"


def test_an_unnamed_berth_stays_a_part_of_its_port(extractor):  # a guard: a berth is no equipment
    out = extract(extractor, "A drone hit a berth at the Kessa oil terminal on Monday.", published=PUB)
    assert sorted(e["name"] for e in out["entities"] if e["kind"] == "facility") == [
        "Kessa oil terminal", "berth at the Kessa oil terminal"]


def test_the_fire_brought_under_control_the_next_day_is_the_same_fire(extractor):
    out = extract(extractor, "A fire broke out late on Monday at a loading berth of the Kessa Oil Terminal, the operator "
                             "said. The blaze started at around 22:40 at Berth 2 while a tanker was loading. Firefighters "
                             "brought the fire under control by about 03:00 on Tuesday. \"The fire was confined to the "
                             "loading platform of Berth 2,\" the operator said.", published=PUB)
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("fire", "2026-05-18")]


def test_a_restart_days_later_does_not_date_the_blast(extractor):
    out = extract(extractor, "An explosion tore through the amine unit of the Kessa gas plant early on 2 May. The "
                             "operator said the blast was followed by a short fire, and that the plant's other trains "
                             "had been shut and restarted six days later.", published=PUB)
    assert [(i["type"], i["start"]) for i in out["incidents"]] == [("explosion", "2026-05-02")]


def test_a_transformer_centre_is_a_facility(extractor):
    out = extract(extractor, "The distributor confirmed an explosion at its Kessa 3 transformer centre on Monday.",
                  published=PUB)
    assert names(out, "facility") == ["Kessa 3 transformer centre"] and len(out["incidents"]) == 1
