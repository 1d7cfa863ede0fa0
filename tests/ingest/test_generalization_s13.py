"""Session 13's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import entity, extract, names


@pytest.mark.parametrize("text", [
    "Zulia was once the heart of Kavaria's oil industry.",
    "The line carries a third of Kavaria's electricity.",
    "Kavaria has one of the lowest electricity access rates in the region.",
    "Kavaria imports all of its refined fuel.",
])
def test_a_country_owning_only_an_economy_or_being_something_is_a_place(extractor, text):
    out = extract(extractor, text.replace("Kavaria", "Nicaragua"))
    assert "Nicaragua" not in names(out, "actor") and "Nicaragua" in names(out, "place")


@pytest.mark.parametrize("text", [
    # (a country named only as the owner of a ministry that speaks is a place since session 21:
    # test_generalization_s21; its armed forces still make it a party)
    "Nicaragua's army said the line was sabotaged.",
    "Nicaragua's invasion of its neighbour began in May.",
    "Nicaragua blamed rebels for the attack on the line.",
    "Nicaragua has denied any role in the attack.",
])
def test_a_country_owning_an_organ_or_doing_something_is_an_actor(extractor, text):  # a guard for the one above
    assert "Nicaragua" in names(extract(extractor, text), "actor")


def test_a_storms_given_name_told_alone_is_no_actor(extractor):
    out = extract(extractor, "Tropical Cyclone Tarni is nearing the coast. The weather service says Tarni's core is "
                             "50km north of Exmouth.")
    assert "Tarni" not in names(out, "actor")


@pytest.mark.parametrize("text, place", [
    ("With the jetty closed, the tanker sailed on Sunday to Luganville, where she began a partial discharge.", "Luganville"),
    ("Mangystau Ferry Terminals said two ferry departures to Alat were delayed by about 30 hours.", "Alat"),
    ("A storm damaged the loading ramp, suspending crossings to Barra for the rest of the day.", "Barra"),
])
def test_a_name_one_goes_to_is_a_place(extractor, text, place):
    out = extract(extractor, text, published=date(2025, 3, 4))
    assert place not in names(out, "actor")


LIVE = """Follow our live coverage of the storm below. All times local.

Friday 7.10pm
The weather service says the storm is 60km off the coast and strengthening.

8.30pm
Crews report that two towers on the Kavarna-Balchik line have collapsed in the wind.

9.45pm
We are getting reports of a fire at the Pomorie substation. The cause is unknown.

Saturday 6.40am
The port operator says a crane at the Burgas container terminal has collapsed.

8.00am
That's where we leave our overnight coverage. Key points:
- Fire at the Pomorie substation, cause unknown.
- Two towers down on the Kavarna-Balchik line.
"""


def test_live_entries_stamped_on_lines_of_their_own_are_dated_by_the_weekday_above_them(extractor):
    out = extract(extractor, LIVE, published=date(2025, 3, 8))  # a Saturday
    by_target = {entity(out, i["targets"][0])["name"]: (i["type"], i["start"], i["end"]) for i in out["incidents"]}
    assert by_target["Pomorie substation"] == ("fire", "2025-03-07", "2025-03-07")
    assert by_target["Burgas container terminal"][0] == "natural_hazard"
    assert by_target["Burgas container terminal"][2] == "2025-03-08"


def test_a_live_pages_summary_item_is_the_event_told_before(extractor):
    out = extract(extractor, LIVE, published=date(2025, 3, 8))
    assert [i["type"] for i in out["incidents"]].count("fire") == 1


def test_a_tower_that_lost_power_tells_no_accident(extractor):  # 'lost power' is a ship's cue
    out = extract(extractor, "A cyclone crossed the coast on Thursday. The mobile tower serving Pannaroo lost power "
                             "and was damaged on Thursday.", published=date(2026, 1, 23))
    assert [i["type"] for i in out["incidents"]] == ["natural_hazard"]


def test_a_day_the_words_tell_beats_the_live_entry_a_later_telling_stands_under(extractor):
    text = ("Iraq security live - Monday\n\n08.10\nRockets struck the Kavarna gas plant overnight, setting a tank on "
            "fire.\n\n09.25\nThe operator says it has stopped intake at the plant.\n\n10.40\nA group has claimed the "
            "attack on the Kavarna gas plant in a Telegram post.\n")
    out = extract(extractor, text, published=date(2025, 6, 16))
    assert [(i["start"], i["end"]) for i in out["incidents"]] == [("2025-06-15", "2025-06-16")]


def test_an_editors_note_tells_no_incident_and_an_intrusion_that_stopped_trains_takes_no_fires_target(extractor):
    text = ("(Updates with ministry comments on substation fire, paragraphs 5-6)\n\n"
            "SOFIA, March 5 (Balkan Wire) - A cyberattack on the computer systems of the state rail manager halted "
            "trains across the country for six hours on Wednesday, the transport ministry said.\n\n"
            "A fire broke out overnight at the Kavarna-Sever 110 kV substation, cutting power to 38,000 customers.")
    out = extract(extractor, text, published=date(2026, 3, 5))
    fires = [i for i in out["incidents"] if i["type"] == "fire"]
    assert len(fires) == 1 and not [i for i in out["incidents"] if i["type"] == "cyberattack" and i["targets"]]


@pytest.mark.parametrize("text, name", [
    ("A pro-Russian hacktivist group calling itself Z-Sokol claimed the attack on the Kavarna plant on Telegram.",
     "Z-Sokol"),
    ("The water utility at the time blamed the firm, Sotrab-BTP, for digging without the network maps.",
     "Sotrab-BTP"),
])
def test_a_name_joined_by_a_hyphen_stays_whole(extractor, text, name):
    assert name in names(extract(extractor, text), "actor")


def test_a_ships_size_class_is_no_actor(extractor):
    out = extract(extractor, "Berth 4 of the Kavarna Mineral Terminal has been closed since Saturday after the Supramax "
                             "bulk carrier Sahel Spirit struck the quay while berthing.", published=date(2026, 3, 9))
    assert names(out, "actor") == ["Sahel Spirit"]
    assert [entity(out, p)["name"] for i in out["incidents"] for p in i["perpetrators"]] == ["Sahel Spirit"]


def test_a_headlines_bare_group_is_no_actor(extractor):
    out = extract(extractor, "NIGERIA - Group claims blast on Uzere-Ughelli trunkline\n\nA little-known armed group, "
                             "the Creek Liberation Front, said on Wednesday it had blown up the Uzere-Ughelli crude "
                             "trunkline.", published=date(2026, 4, 24))
    assert "Group" not in names(out, "actor")


def test_a_wholes_part_told_again_by_the_same_head_word_is_the_same_part(extractor):
    out = extract(extractor, "Police arrested two men over the explosion that damaged the switchyard of the Kavarna "
                             "hydropower plant on the night of 17 to 18 April.\n\nAt about 02:20 on Saturday, 18 April, "
                             "the operator reported an explosion inside the fenced switchyard of the plant.",
                  published=date(2026, 4, 22))
    assert len(out["incidents"]) == 1
    assert [n for n in names(out, "facility") if n.startswith("switchyard")] == [
        "switchyard of the Kavarna hydropower plant"]


def test_a_capitals_heading_dropped_before_a_part_leaves_the_part_its_own_whole(extractor):
    text = ("HAITI: GANG TAKES OVER KAVARNA PUMPING STATION\n\nThe Kavarna pumping station was attacked by gunmen "
            "on 9 October.\n\nDOMINICAN REPUBLIC: RANSOMWARE AT THE DISTRIBUTOR\n\nThe distributor was hit by ransomware on 14 October. The outage management platform at its "
            "Santiago control centre was encrypted.\n\nThe lack of segmentation that let the encryption reach the "
            "outage management platform should concern regulators.")
    out = extract(extractor, text, published=date(2025, 10, 30))
    facilities = {e["name"]: e for e in out["entities"] if e["kind"] == "facility"}
    assert all("\n" not in n and "." not in n for n in facilities)
    cyber = next(i for i in out["incidents"] if i["type"] == "cyberattack")
    assert "Santiago control centre" in [entity(out, t)["name"] for t in cyber["targets"]] + [
        entity(out, entity(out, t)["part_of"])["name"] for t in cyber["targets"] if entity(out, t)["part_of"]]


def test_a_group_using_a_name_is_that_name_and_the_company_it_lists_is_its_victim(extractor):
    out = extract(extractor, "On Tuesday 27 January, Kavarna Ferry Terminals (KFT), which operates the Varna ferry "
                             "complex, took its booking platform offline after staff found files encrypted across the "
                             "company network.\n\nA ransomware group using the name SteppeLock listed KFT on its leak "
                             "site on Thursday and claimed to have taken 180 GB of data.", published=date(2026, 2, 6))
    assert [(i["type"], [entity(out, t)["name"] for t in i["targets"]], [entity(out, p)["name"] for p in i["perpetrators"]])
            for i in out["incidents"]] == [("cyberattack", ["Varna ferry complex"], ["SteppeLock"])]


def test_a_night_told_inside_an_earlier_period_is_a_night_of_that_period(extractor):
    out = extract(extractor, "Earlier this month, someone removed four brass gate valves and cut a section of pipe at "
                             "the Kavarna storage tank, draining the tank overnight.", published=date(2025, 8, 21))
    assert [(i["type"], i["start"], i["end"]) for i in out["incidents"]] == [("sabotage", "2025-08-01", "2025-08-21")]


def test_a_substation_named_with_three_voltages_is_named(extractor):
    out = extract(extractor, "On 14 March 2026 at 03:10, a fire occurred on power transformer T-1 at the Jomboy "
                             "110/35/10 kV substation.", published=date(2026, 3, 20))
    assert "Jomboy 110/35/10 kV substation" in names(out, "facility")


def test_a_truck_that_struck_a_pole_is_an_accident_of_its_owner(extractor):
    out = extract(extractor, "On 12 March 2026 at 10:20, a heavy truck belonging to the construction company Kavarna "
                             "Servis LLC, while carrying out earthworks without a permit, struck and broke a concrete "
                             "pole of the 35 kV Chelak-Payariq line.", published=date(2026, 3, 20))
    assert [(i["type"], [entity(out, p)["name"] for p in i["perpetrators"]]) for i in out["incidents"]] == [
        ("accident", ["Kavarna Servis LLC"])]


def test_an_explosive_laden_truck_is_no_collision(extractor):  # a guard for the one above
    out = extract(extractor, "On 12 March 2026, an explosive-laden truck struck the gate of the Kavarna power plant.",
                  published=date(2026, 3, 20))
    assert [i["type"] for i in out["incidents"]] != ["accident"]


@pytest.mark.parametrize("text, kind", [
    ("Shares have fallen since Jan. 27, when a squall line brought down six towers on its Kavarna-Acarau 500 kV line.",
     "natural_hazard"),
    ("In August 2023, vandals removed bolts from two towers on the Kavarna-Quixada 230 kV line, causing one to fall.",
     "sabotage"),
])
def test_a_squall_and_removed_bolts_tell_their_incidents(extractor, text, kind):
    out = extract(extractor, text, published=date(2026, 2, 10))
    assert [i["type"] for i in out["incidents"]] == [kind]


def test_a_group_posting_on_its_leak_site_claims_the_intrusion(extractor):
    out = extract(extractor, "Then, earlier this month, Kavarna Energia disclosed in a filing that a ransomware attack "
                             "had encrypted servers at its Varna operations centre, the control room from which it "
                             "supervises its lines. A group calling itself Lockvane posted a sample of what it "
                             "said were engineering drawings on its leak site and demanded payment.",
                  published=date(2026, 2, 10))
    assert [[entity(out, p)["name"] for p in i["perpetrators"]] for i in out["incidents"]] == [["Lockvane"]]


def test_a_union_blocking_access_to_a_terminal_disrupts_it(extractor):
    out = extract(extractor, "Members of the oil workers' union SIPETROL blocked access to the Kavarna oil terminal on "
                             "Wednesday, halting the loading of two tankers.", published=date(2025, 7, 14))
    assert [(i["type"], [entity(out, p)["name"] for p in i["perpetrators"]]) for i in out["incidents"]] == [
        ("disruption", ["SIPETROL"])]


def test_residents_blocking_an_access_road_tell_no_incident(extractor):  # a guard for the one above
    out = extract(extractor, "Residents blocked the access road to the town hall for two hours on Thursday.",
                  published=date(2025, 9, 26))
    assert out["incidents"] == []


def test_a_submarine_cables_route_name_and_a_ships_number_stay_in_their_names(extractor):
    out = extract(extractor, "Services were degraded after the Khasab-Kavarna submarine fibre cable was damaged on "
                             "Monday. The coast guard is questioning the master of the fishing vessel Kavarna Maru No. "
                             "3.", published=date(2026, 6, 16))
    assert "Khasab-Kavarna submarine fibre cable" in names(out, "facility")
    assert "Kavarna Maru No. 3" in names(out, "actor")


def test_a_flagged_ships_size_class_is_no_name(extractor):
    out = extract(extractor, "The Marshall Islands-flagged Capesize bulk carrier Kamari Spirit struck the loading wharf "
                             "at Berth 2 of the Kavarna Coal Terminal on Tuesday.", published=date(2026, 3, 19))
    assert names(out, "actor") == ["Kamari Spirit"]


def test_a_name_given_with_a_hyphened_particle_keeps_it(extractor):
    out = extract(extractor, "A little-known armed faction calling itself Kataib Kavarna al-Haqq claimed that attack in "
                             "a Telegram post.", published=date(2025, 9, 17))
    assert "Kataib Kavarna al-Haqq" in names(out, "actor")


def test_a_column_of_water_that_flooded_a_road_is_the_bursts_doing(extractor):
    out = extract(extractor, "On Tuesday a section of the Kavarna trunk main burst beside the junction. Residents "
                             "described a column of water \"as high as a mango tree\" that flooded the road and two shops.",
                  published=date(2025, 3, 14))
    assert "natural_hazard" not in [i["type"] for i in out["incidents"]]


def test_a_named_intake_is_a_facility(extractor):
    out = extract(extractor, "On Tuesday 12 August, a slope above the Pont Kavarna intake gave way after heavy rain, "
                             "burying the intake weir under several metres of debris.", published=date(2025, 8, 21))
    assert "Pont Kavarna intake" in names(out, "facility")
