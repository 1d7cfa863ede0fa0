"""The dev corpus through the contract scorer, in-process: fails when a figure drops below its floor."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest import scoring

DATA = Path(__file__).parent.parent / "data"
# Set just under what the extractor reaches on the dev corpus (see the lead's report).
FLOORS = {"entity_f1": 0.90, "incident_f1": 0.95, "type_acc": 0.95, "date_acc": 0.90, "perp_acc": 0.95}


@pytest.fixture(scope="module")
def figures(extractor):
    return scoring.figures(extractor, sorted((DATA / "dev").glob("*.gold.json")))


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_dev_floor(figures, key):
    assert figures[key] >= FLOORS[key], figures
