"""Session 15's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

from tests.ingest.test_generalization import entity, extract

PUB = date(2026, 5, 20)


def test_a_named_part_hit_brings_the_named_whole_into_the_incident(extractor):
    out = extract(extractor, "A fire broke out on Tuesday at Unit 3 of the Kordon refinery, the operator said.",
                  published=PUB)
    (incident,) = out["incidents"]
    assert [entity(out, t)["name"] for t in incident["targets"]] == ["Unit 3", "Kordon refinery"]


def test_a_berth_of_a_terminal_of_a_port_brings_every_whole(extractor):
    out = extract(extractor, "A drone struck Berth 4 of the Selinka oil terminal at the Port of Dravik on Sunday.",
                  published=PUB)
    (incident,) = out["incidents"]
    assert [entity(out, t)["name"] for t in incident["targets"]] == [
        "Berth 4", "Selinka oil terminal", "Port of Dravik"]

