"""Session 16's generalizing rules, one behaviour per test, on short invented sentences (none taken
from the corpora). The helpers are those of test_generalization.py."""
from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_generalization import entity, extract, names

PUB = date(2026, 5, 20)


@pytest.mark.parametrize("text, name, kind", [
    ("Gunmen blew up a section of the Varsa-Tel Kobi crude line on Sunday.", "Varsa-Tel Kobi crude line", "pipeline"),
    ("Saboteurs cut the Orvik-Lemma freight line on Saturday, police said.", "Orvik-Lemma freight line",
     "railway_line"),
    ("A fire damaged the Kesta-Dunmor HVDC link near the coast on Monday.", "Kesta-Dunmor HVDC link", "cable"),
])
def test_a_line_named_by_its_ends_and_its_product_is_a_facility(extractor, text, name, kind):
    out = extract(extractor, text, published=PUB)
    assert name in names(out, "facility")
    (incident,) = out["incidents"]
    (target,) = incident["targets"]
    assert entity(out, target)["name"] == name and entity(out, target)["type"] == kind
