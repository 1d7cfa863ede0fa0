"""Session 13's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import extract, names


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
    "Nicaragua's Defence Ministry said the line was sabotaged.",
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
