"""Session 27's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py and of session 26's tests."""
from __future__ import annotations

import pytest

from tests.ingest.test_generalization import extract
from tests.ingest.test_generalization_s26 import PUB, _incidents, _kinds  # (the same helpers)


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


def test_a_trip_on_a_line_is_a_disruption(extractor):
    text = "On 3 June 2026, a trip on the Kaluga–Medyn 220 kV line set off a cascade that left the region dark."
    assert _incidents(extract(extractor, text, published=PUB)) == [("disruption", ["Kaluga–Medyn 220 kV line"])]


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


def test_a_stream_named_for_a_place_is_a_river_not_a_pipeline(extractor):
    text = "On Monday floodwater from the Waitara Stream cut the road near the Kauri Hill pump station, the council said."
    out = extract(extractor, text, published=PUB)
    assert "facility" not in _kinds(out, "Waitara Stream")
    assert [targets for _, targets in _incidents(out)] == [["Kauri Hill pump station"]]


def test_a_stream_pipeline_keeps_its_name(extractor):  # guard
    text = "Explosions on Monday damaged the Nord Stream pipeline and the Turkish Stream, officials said."
    out = extract(extractor, text, published=PUB)
    assert _kinds(out, "Turkish Stream") == {"facility"}


@pytest.mark.parametrize("name, kinds", [("Emergency Operations Centre", {"actor"}),
                                         ("Regional Disaster Operations Center", set())])
def test_an_emergency_operations_centre_is_a_body(extractor, name, kinds):
    text = f"The {name} said on Monday that crews had reached the Kauri Hill pump station after the flood."
    out = extract(extractor, text, published=PUB)
    assert _kinds(out, name) == kinds  # (the model does not always tell the second as a body: no facility either)


def test_an_operations_centre_of_a_utility_is_a_facility(extractor):  # guard
    text = "On Monday a fire broke out at the Temuco Operations Centre, the utility said."
    assert _incidents(extract(extractor, text, published=PUB)) == [("fire", ["Temuco Operations Centre"])]


@pytest.mark.parametrize("text, name", [
    ("The Gulf Prairie Railway (GPR) says crews will rebuild the burned approach to the Brazos River bridge.",
     "Gulf Prairie Railway"),
    ("The Kwanza Atlantic Railway, the consortium that runs the line, said a train derailed on Monday near Cubal.",
     "Kwanza Atlantic Railway"),
    ("On Monday eleven wagons of a train of the Kwanza Atlantic Railway derailed near Cubal.", "Kwanza Atlantic Railway"),
])
def test_a_railway_that_speaks_or_runs_trains_is_its_operator(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert _kinds(out, name) == {"actor"}


@pytest.mark.parametrize("text, name", [
    ("On Monday floods washed out the Hudson Bay Railway near Gillam, officials said.", "Hudson Bay Railway"),
    ("The Spius Valley Railway's bridge over the creek lost its centre pier early on Sunday.", "Spius Valley Railway"),
])
def test_a_railway_that_suffers_or_owns_a_part_stays_a_line(extractor, text, name):  # guards
    assert _kinds(extract(extractor, text, published=PUB), name) == {"facility"}


def test_a_railway_corporation_is_named_whole(extractor):  # guard
    text = "The Nigerian Railway Corporation (NRC) suspended passenger services on the Zaria–Kano line on Saturday."
    out = extract(extractor, text, published=PUB)
    assert _kinds(out, "Nigerian Railway Corporation") == {"actor"}
    assert _kinds(out, "Nigerian Railway") == set()


def _actor_names(out):
    return {e["name"] for e in out["entities"] if e["kind"] == "actor"}


@pytest.mark.parametrize("text, code", [
    ("Operators isolated TC-1 on Monday after a seal failed at the Kerimov compressor station; TC-2 kept running.",
     "TC-1"),
    ("Crews on Monday found a crack in U-300, the vacuum unit at the Kerimov refinery, and shut it.", "U-300"),
])
def test_a_code_the_model_read_as_a_party_is_left_out(extractor, text, code):
    assert code not in _actor_names(extract(extractor, text, published=PUB))


def test_a_group_known_by_a_code_that_acts_is_kept(extractor):  # guard
    text = "The hacker group APT28 claimed the attack on the Kerimov terminal on Monday, officials said."
    assert "APT28" in _actor_names(extract(extractor, text, published=PUB))


def test_two_places_joined_by_a_dash_are_no_party(extractor):
    text = "Kano-Kaduna traffic was halted on Monday after a fire at the Kerimov terminal."
    assert "Kano-Kaduna" not in _actor_names(extract(extractor, text, published=PUB))


def test_a_secretariat_of_state_is_named_whole(extractor):
    text = "The Secretary of State for Civil Protection declared a state of calamity on Monday after floods damaged the Comoro bridge."
    names = _actor_names(extract(extractor, text, published=PUB))
    assert "Secretary of State for Civil Protection" in names
    assert "State for Civil Protection" not in names


@pytest.mark.parametrize("text, fragment", [
    ("Digital Affairs Minister Tomasz Wierzbicki said hackers attacked the Gródek hydropower plant on Wednesday.",
     "Digital Affairs"),
    ('"Someone knew which valves to touch," said Undersecretary of Water Resources Mariela Quintana on Monday after '
     "the Senguer aqueduct was sabotaged.", "Water Resources"),
])
def test_the_portfolio_in_a_named_persons_title_is_no_body(extractor, text, fragment):
    assert fragment not in _actor_names(extract(extractor, text, published=PUB))


def test_a_ministry_named_by_its_portfolio_is_kept(extractor):  # guard
    text = "The Ministry of Water Resources said on Monday that floods damaged the Comoro bridge."
    assert "Ministry of Water Resources" in _actor_names(extract(extractor, text, published=PUB))


def test_a_centre_for_a_countrys_remit_is_named_whole(extractor):
    text = "The Centre for Cybersecurity Belgium confirms that no systems at the Doel plant were affected on Monday."
    names = _actor_names(extract(extractor, text, published=PUB))
    assert "Centre for Cybersecurity Belgium" in names
    assert "Cybersecurity Belgium" not in names



def _aliases(out, name):
    return next(e["aliases"] for e in out["entities"] if e["name"] == name)


@pytest.mark.parametrize("text, name, bare", [
    ("On Monday the MIOS-1 submarine cable system was cut near Toamasina, the operator said.",
     "MIOS-1 submarine cable system", "MIOS-1"),
    ("Gunmen attacked the San Alberto gas field on Monday, police said.", "San Alberto gas field", "San Alberto"),
])
def test_a_named_facility_is_also_known_without_its_kind_words(extractor, text, name, bare):
    assert bare in _aliases(extract(extractor, text, published=PUB), name)


@pytest.mark.parametrize("text, name", [
    ("Drones hit the Tuapse oil refinery on Monday, the governor said.", "Tuapse oil refinery"),  # a town
    ("A fire on Monday damaged the Kivikari Container Terminal operations centre, the port said.",
     "Kivikari Container Terminal operations centre"),  # the whole
    ("Floods on Monday damaged the Kaugel River hydropower station, officials said.",
     "Kaugel River hydropower station"),  # a river
])
def test_no_bare_name_that_names_a_place_or_the_whole(extractor, text, name):
    assert _aliases(extract(extractor, text, published=PUB), name) == []


def _facility_names(out):
    return {e["name"] for e in out["entities"] if e["kind"] == "facility"}


@pytest.mark.parametrize("text, name", [
    ("Cranes at the Port of Dar es Salaam stopped on Monday after a fire, officials said.", "Port of Dar es Salaam"),
    ("On Monday a fire hit the Anse-la-Raye landing station, the operator said.", "Anse-la-Raye landing station"),
])
def test_a_particle_inside_a_facility_name_keeps_the_name_whole(extractor, text, name):
    assert name in _facility_names(extract(extractor, text, published=PUB))
