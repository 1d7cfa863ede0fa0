"""Session 27's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import extract

PUB = date(2026, 5, 20)  # a Wednesday


def _kinds(out, name):
    return {e["kind"] for e in out["entities"] if e["name"] == name}


def _incidents(out):
    names = {e["id"]: e["name"] for e in out["entities"]}
    return [(i["type"], [names[t] for t in i["targets"]]) for i in out["incidents"]]


@pytest.mark.parametrize("text, target", [
    ("Police are investigating signalling cables cut on the Oulu–Kajaani railway near Vaala on Sunday night.",
     "Oulu–Kajaani railway"),
    ("Crews on Monday found two towers toppled on the Mpika–Kasama 330 kV line.", "Mpika–Kasama 330 kV line"),
])
def test_a_thing_told_cut_or_toppled_in_a_reduced_clause_is_an_incident(extractor, text, target):
    assert [targets for _, targets in _incidents(extract(extractor, text, published=PUB))] == [[target]]


@pytest.mark.parametrize("text", [
    "Output was cut at the Kerimov refinery on Monday as crude prices fell.",  # a cut of output, no cut thing
    "Traders said fares cut on the Oulu–Kajaani railway on Monday drew more passengers.",  # fares are not broken
])
def test_a_cut_of_something_that_is_no_facility_is_no_incident(extractor, text):
    assert _incidents(extract(extractor, text, published=PUB)) == []


@pytest.mark.parametrize("text, target", [
    ("On Tuesday, the regional council shut the Waiora Road water treatment plant after turbidity spiked.",
     "Waiora Road water treatment plant"),
    ("On 3 June 2026, a trip on the Kaluga–Medyn 220 kV line set off a cascade that left the region dark.",
     "Kaluga–Medyn 220 kV line"),
])
def test_a_shut_plant_or_a_tripped_line_is_a_disruption(extractor, text, target):
    assert _incidents(extract(extractor, text, published=PUB)) == [("disruption", [target])]


def test_a_trip_to_a_place_is_no_disruption(extractor):
    text = "On Monday the minister made a trip to the Kaluga region to open a school, officials said."
    assert _incidents(extract(extractor, text, published=PUB)) == []


def test_trees_that_came_down_across_a_line_damaged_it(extractor):
    text = "Overnight Monday, several large trees came down across the Tarvin–Kelsall 33 kV line near Ashton."
    assert [targets for _, targets in _incidents(extract(extractor, text, published=PUB))] == [["Tarvin–Kelsall 33 kV line"]]


def test_what_came_down_on_no_facility_is_no_incident(extractor):
    text = "Prices came down on Monday, traders at the Kerimov refinery said."
    assert _incidents(extract(extractor, text, published=PUB)) == []


def test_talks_at_a_facility_that_failed_are_no_incident(extractor):
    text = "Talks at the Kerimov refinery failed on Monday, the union said."
    assert _incidents(extract(extractor, text, published=PUB)) == []


@pytest.mark.parametrize("text, name, ftype", [
    ("On Monday, a fire broke out at Puerto Ventanilla, the country's main Pacific port, officials said.",
     "Puerto Ventanilla", "port"),
    ("On Monday, a fire broke out at Sakhalinets, the company's largest refinery, officials said.",
     "Sakhalinets", "refinery"),
])
def test_a_name_told_by_an_owned_appositive_is_that_facility(extractor, text, name, ftype):
    out = extract(extractor, text, published=PUB)
    assert _kinds(out, name) == {"facility"}
    assert next(e["type"] for e in out["entities"] if e["name"] == name) == ftype
    assert [targets for _, targets in _incidents(out)] == [[name]]


def test_a_town_told_by_an_owned_appositive_stays_a_place(extractor):
    text = "On Monday, a fire broke out at Kribi, the country's deep-water port, officials said."
    out = extract(extractor, text, published=PUB)
    assert _kinds(out, "Kribi") == {"place"}
