"""Session 29's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of session 26's and session 28's tests."""
from __future__ import annotations

import pytest

from tests.ingest.test_generalization import extract
from tests.ingest.test_generalization_s26 import PUB, _kinds
from tests.ingest.test_generalization_s28 import _dated, _names_by_kind


# --- a name of an open type takes the kind a sentence gives it ------------------------------------

@pytest.mark.parametrize("text", [
    "Line 9 is a 400-mile pipeline that carries crude from Sarnia to Montreal, operated by Lakeshore Midstream Inc. "
    "Line 9 was shut on Monday for an inspection. In 2011, a rupture on the pipeline near Brantford spilled crude.",
    "Lakeshore Midstream operates Line 9, an oil pipeline between Sarnia and Montreal. "
    "In 2011, a rupture on the pipeline near Brantford spilled crude.",
])
def test_a_numbered_line_told_as_a_pipeline_is_the_pipeline_told_later(extractor, text):
    out = extract(extractor, text, published=PUB)
    assert [targets for _, _, targets in _dated(out)] == [["Line 9"]]
    assert not [e for e in out["entities"] if e["kind"] == "facility" and "Brantford" in e["name"]]


def test_a_numbered_line_not_told_as_a_pipeline_keeps_a_town_s_pipeline_apart(extractor):
    # a guard: with no sentence saying what Line 9 is, 'the pipeline near Brantford' is not assumed to be it
    text = ("Line 9 was shut on Monday for an inspection, Lakeshore Midstream said. "
            "In 2011, a rupture on the pipeline near Brantford spilled crude.")
    out = extract(extractor, text, published=PUB)
    assert [targets for _, _, targets in _dated(out)] != [["Line 9"]]


# --- a country named only as a location is a place -------------------------------------------------

@pytest.mark.parametrize("text, country", [
    ("Emergency towers were borrowed from Chile after the storm toppled the Oruro line on Monday.", "Chile"),
    ("A repair vessel was chartered from Malaysia after the Tanjung cable was cut by an anchor on Monday.",
     "Malaysia"),
    ("Bulgaria's Balkan Gas Transit said on Monday that the compressor station at Lozenets had been repaired.",
     "Bulgaria"),
    ("Estonia's Rahva Court sentenced two men on Monday for cutting the Saue cable.", "Estonia"),
    ("Storms hit the region's grids this month, operators said.\n\n- Ghana: Ghana Grid Company completed repairs "
     "to the Akosombo line damaged by floods in April.\n- Togo: crews restored power in Lomé.", "Ghana"),
    ("On Monday the bulk carrier Sea Lark (Liberia) struck the conveyor of the Caleta terminal.", "Liberia"),
    ("Armenia has long been warned by its neighbours about its dependence on a single gas pipeline.", "Armenia"),
    ("The Tonga Cable, which links the kingdom to Fiji, was severed by a ship's anchor on Monday.", "Fiji"),
    ("The Nemo interconnector with Belgium was damaged by an anchor on Monday, the operator said.", "Belgium"),
])
def test_a_country_named_as_a_source_an_owner_a_label_or_a_flag_is_a_place(extractor, text, country):
    assert "actor" not in _kinds(extract(extractor, text, published=PUB), country)


@pytest.mark.parametrize("text, country", [
    ("Petroleum from Kazakhstan is also transported to Europe through the Baku pipeline.", "Kazakhstan"),
    ("Iran's Revolutionary Guards said on Monday that they had struck the Haifa refinery.", "Iran"),
    ("Colombia's National Liberation Army claimed the bombing of the Caño Limón pipeline on Monday.", "Colombia"),
    ("Russia was blamed by Kyiv for the attack on the Odesa substation on Monday.", "Russia"),
    ("Hackers that U.S. officials linked to Iran defaced a control panel at the Aliquippa booster station on Monday.",
     "Iran"),
    ("The grain corridor agreed with Ukraine in July was suspended after the strike on the Odesa port on Monday.",
     "Ukraine"),
    ("Canada invoked a pipeline treaty with Norway after the Line 5 shutdown on Monday.", "Norway"),
])
def test_a_country_that_sells_fights_or_is_blamed_stays_an_actor(extractor, text, country):
    assert "actor" in _kinds(extract(extractor, text, published=PUB), country)


def test_the_one_told_in_a_passive_is_no_speaker_the_agent_is(extractor):
    out = extract(extractor, "Armenia has long been warned by the European Commission about its dependence on a "
                             "single gas pipeline.", published=PUB)
    names = {e["id"]: e["name"] for e in out["entities"]}
    assert [names[c["speaker"]] for c in out["claims"]] == ["European Commission"]
    assert "actor" not in _kinds(out, "Armenia")


# --- small towns (GeoNames' cities1000) --------------------------------------------------------------

@pytest.mark.parametrize("text, town", [
    ("Argentina's gas grid lost a compressor to fire on Monday. The operator was studying whether a spare turbine "
     "held at its Plaza Huincul workshop could be installed sooner.", "Plaza Huincul"),
    ("Floods in Slovakia cut the Brezno water main on Monday. Villages are being supplied from tankers and from the "
     "Hriňová system.", "Hriňová"),
    ("A fire broke out at the Sines refinery in Portugal on Monday and was brought under control with help from "
     "firefighters from Santiago do Cacém.", "Santiago do Cacém"),
])
def test_a_small_town_of_a_country_the_text_names_is_a_place(extractor, text, town):
    assert _kinds(extract(extractor, text, published=PUB), town) == {"place"}


@pytest.mark.parametrize("text, name", [
    ("In the United States, the aluminium company Alcoa said on Monday that its Warrick smelter lost power after a "
     "storm.", "Alcoa"),
])
def test_a_body_that_shares_a_village_s_name_stays_an_actor(extractor, text, name):
    assert _kinds(extract(extractor, text, published=PUB), name) == {"actor"}


# --- a name's lead words the model left out -------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Rival Rede Norte Transmissora, which owns the parallel line, said the Bom Jesus line was cut on Monday.",
     "Rede Norte Transmissora"),
    ("CELEC EP Transelectric says the first explosion hit a tower near Yaguachi on Monday.",
     "CELEC EP Transelectric"),
    ("Gas distribution company Çoruh Doğalgaz said supply had been cut after the Borçka line broke on Monday.",
     "Çoruh Doğalgaz"),
])
def test_a_name_takes_the_proper_nouns_the_parse_joins_to_it(extractor, text, name):
    assert name in _names_by_kind(extract(extractor, text, published=PUB), "actor")


@pytest.mark.parametrize("text, name", [
    ("Prime Minister Narendra Modi visited the Kudankulam plant on Monday after the fire.", "Narendra Modi"),
    ("Texas Governor Greg Abbott said the Parish substation was attacked on Monday.", "Greg Abbott"),
    ("Encik Kelvin Chai Soon Hock, the operator's manager, said the Bintulu substation was flooded on Monday.",
     "Kelvin Chai Soon Hock"),
])
def test_a_title_a_place_or_an_honorific_before_a_name_stays_out_of_it(extractor, text, name):
    assert name in _names_by_kind(extract(extractor, text, published=PUB), "actor")


# --- a one-word body named as one ---------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Grid operator Voltaren introduced emergency power cuts in Vinnytsia on Friday after a missile hit the "
     "Ladyzhyn power plant.", "Voltaren"),
    ("The outage at the Banadía station was caused by the bombing on Monday. Cenal, the pipeline unit of the state "
     "oil company, suspended pumping.", "Cenal"),
    ("Tarmak, the operator, suspended pumping at the Banadía station after the bombing on Monday.", "Tarmak"),
])
def test_a_one_word_name_told_as_a_company_is_kept(extractor, text, name):
    assert name in _names_by_kind(extract(extractor, text, published=PUB), "actor")

