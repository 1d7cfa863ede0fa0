"""Session 25's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import extract

PUB = date(2026, 5, 20)  # a Wednesday


def _kinds(out, name):
    return {e["kind"] for e in out["entities"] if e["name"] == name}


@pytest.mark.parametrize("text, town", [
    # the country is told only through one of its regions
    ("Storms in Queensland on Monday brought down the transmission line that feeds Gympie and Kingaroy, Energex said. "
     "Crews from Toowoomba were sent to repair it.", "Toowoomba"),
    # ... or through a town that only it has
    ("A burst main left Mildura without water on Sunday. The council said crews from Shepparton had isolated the "
     "break, and Wangaratta sent tankers.", "Shepparton"),
])
def test_a_town_of_a_country_the_text_places_itself_in_is_a_place(extractor, text, town):
    assert _kinds(extract(extractor, text, published=PUB), town) == {"place"}


@pytest.mark.parametrize("text, town", [
    ("Since the rebels seized Wad Madani in March, the power station at Sennar has been Sudan's main supply.",
     "Wad Madani"),  # GeoNames: Wad Medani
    ("Since the militants seized Jowhar in March, the power station at Balcad has been Somalia's main supply.",
     "Jowhar"),  # GeoNames: Jawhar
])
def test_a_town_spelled_another_way_is_still_a_town(extractor, text, town):
    assert _kinds(extract(extractor, text, published=PUB), town) == {"place"}



@pytest.mark.parametrize("text, name", [
    ("The operator breached the Gas Transmission Safety Regulations and the Harbour Works Act, the regulator said in "
     "a Compliance Order issued on Monday.", "Gas Transmission Safety Regulations"),
    ("Prosecutors charged the pair under the Critical Infrastructure Protection Act after the substation attack on "
     "Monday.", "Critical Infrastructure Protection Act"),
])
def test_a_law_or_rule_book_is_no_actor(extractor, text, name):
    assert not _kinds(extract(extractor, text, published=PUB), name)


@pytest.mark.parametrize("text, name", [
    ("The ministry summoned the Chargé d'Affaires on Monday after the sabotage of the Varna line.", "Chargé d'Affaires"),
    ("Investigators told the Minister of Internal Administration that the Varna line was cut on purpose on Monday.",
     "Minister of Internal Administration"),
])
def test_a_title_with_no_one_named_is_no_actor(extractor, text, name):
    assert not _kinds(extract(extractor, text, published=PUB), name)


def test_a_title_before_a_name_still_names_the_person(extractor):
    out = extract(extractor, "President Alejandro Varga said the Varna line was cut on Monday.", published=PUB)
    assert any("Alejandro Varga" in e["name"] and e["kind"] == "actor" for e in out["entities"])


@pytest.mark.parametrize("text, name", [
    ("Drone debris damaged a building and gas metering equipment at the Varna compressor station on Monday.",
     "building at the Varna compressor station"),
    ("A fire on Monday damaged the loading platform and the marine loading arms of Berth 2 at the Varna terminal.",
     "loading platform of Berth 2 at the Varna terminal"),
])
def test_a_part_told_beside_another_thing_is_named_without_it(extractor, text, name):
    facilities = {e["name"] for e in extract(extractor, text, published=PUB)["entities"] if e["kind"] == "facility"}
    assert name in facilities


@pytest.mark.parametrize("text, name", [
    ("Many of the 1,600 hydropower plants in Norway have the same weaknesses, and the Norwegian Water Resources and "
     "Energy Directorate (NVE) does not have the resources to follow them up after the Lauvvatnet dam attack on "
     "Monday.", "Norwegian Water Resources and Energy Directorate"),
    ("The Agency for Hydrometeorology warned of floods before the Varna dam failed on Monday.",
     "Agency for Hydrometeorology"),
])
def test_a_body_named_across_a_linking_word_is_one_actor(extractor, text, name):
    actors = {e["name"] for e in extract(extractor, text, published=PUB)["entities"] if e["kind"] == "actor"}
    assert name in actors and not any(a != name and a in name for a in actors)


@pytest.mark.parametrize("text, name", [
    ("The state was better prepared after the storm on Monday, pointing to the new interconnector with New South "
     "Wales and the big batteries at the Varna substation.", "New South Wales"),  # a region of one country
    ("The tanker's owner, Piraeus-based Varna Tankers, said the crew had not been hurt when the ship hit the Varna "
     "pier on Monday.", "Piraeus"),  # a city of 100,000 people or more
])
def test_a_region_or_big_city_is_a_place_with_no_country_told(extractor, text, name):
    assert _kinds(extract(extractor, text, published=PUB), name) == {"place"}


def test_a_big_citys_name_that_opens_a_company_name_stays_the_company(extractor):
    text = ("A fire broke out last night at the data centre in Mussafah operated by Falcon DataHub. Falcon DataHub "
            "said in a statement that service was restored, and engineers from Falcon were on site.")
    assert "actor" in _kinds(extract(extractor, text, published=PUB), "Falcon DataHub")


def test_a_one_word_name_told_once_that_does_nothing_is_left_out(extractor):
    out = extract(extractor, "A fire broke out in the exhaust of Genset 2 at the Varna power station on Monday. Plant "
                             "staff shut the unit down.", published=PUB)
    assert not _kinds(out, "Genset")


@pytest.mark.parametrize("text, name", [
    ("Mirzayev said the Varna power station was shut on Monday after the fire.", "Mirzayev"),  # a speaker
    ("Gunmen from Ansaru attacked the Varna power station on Monday, police said.", "Ansaru"),  # a perpetrator
])
def test_a_one_word_name_told_once_that_speaks_or_acts_stays(extractor, text, name):
    assert _kinds(extract(extractor, text, published=PUB), name) == {"actor"}


def test_a_one_word_name_given_as_a_fields_value_stays(extractor):
    text = ("Drones struck the Varna pipeline on Monday.\n\n- Operator: Varna Gas\n- Pipe Installer: Mostrand\n"
            "- Length: 77 km")
    assert _kinds(extract(extractor, text, published=PUB), "Mostrand") == {"actor"}
