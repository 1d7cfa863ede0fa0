"""Session 22's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import entity, extract

PUB = date(2026, 5, 20)  # a Wednesday


def _incidents(out):
    return sorted((i["type"], i["start"], i["end"], sorted(entity(out, t)["name"] for t in i["targets"]),
                   sorted(entity(out, p)["name"] for p in i["perpetrators"])) for i in out["incidents"])


def _facilities(out):
    return sorted(e["name"] for e in out["entities"] if e["kind"] == "facility")


@pytest.mark.parametrize("attack", [
    "On 2 May, explosive charges brought down two towers near Arvel, cutting supply for a week.",
    "On 2 May, saboteurs blew up a tower near Arvel.",
])
def test_an_unnamed_tower_is_the_line_told_before(extractor, attack):
    out = extract(extractor, "Power to the valley comes over the Dorne-Arvel 225 kV line, completed in 2019. " + attack,
                  published=PUB)
    assert _incidents(out) == [("sabotage", "2026-05-02", "2026-05-02", ["Dorne-Arvel 225 kV line"], [])]
    assert _facilities(out) == ["Dorne-Arvel 225 kV line"]  # the tower is told as its line


def test_an_unnamed_tower_belongs_to_a_line_not_to_the_plant_named_last(extractor):
    out = extract(extractor, "The Dorne-Arvel 225 kV line feeds the Arvel cement plant. On 2 May, a charge damaged "
                             "the legs of a tower near Arvel.", published=PUB)
    assert [t for *_, t, _ in _incidents(out)] == [["Dorne-Arvel 225 kV line"]]


@pytest.mark.parametrize("text, name", [
    ("A fire broke out at the Besk power station on Monday and spread to a cooling tower.", "Besk power station"),
    ("Workers climbed the BSNL tower at Tebo on Monday and set its cabinet on fire.", "BSNL tower"),
])
def test_towers_that_are_no_line_parts_keep_their_own_kind(extractor, text, name):
    out = extract(extractor, text, published=PUB)
    assert any(name in t for *_, t, _ in _incidents(out))
