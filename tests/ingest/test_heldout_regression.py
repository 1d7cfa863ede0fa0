"""Held-out texts (tests/ingest/heldout, written with their gold before the rules were tuned) through
the contract scorer, in-process: fails when a figure drops below its floor.

h01-h14 were used while developing the rules. h15-h21 ("check") were scored once, then their failures
were studied; h22-h28 ("check2") were then written and scored once before their failures were studied
too. The honest first-look figures are in the lead's report; the floors below sit just under what the
extractor reaches now, so they guard against regressions, not estimate quality on unseen texts.
"""
from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from ingest.read import read_path

HELDOUT = Path(__file__).parent / "heldout"
SCORER = Path(__file__).parent.parent / "data" / "score.py"
FLOORS = {
    "develop": {"entity_f1": 0.93, "incident_f1": 0.95, "type_acc": 0.95, "date_acc": 0.95, "perp_acc": 0.90},
    "check": {"entity_f1": 0.90, "incident_f1": 0.95, "type_acc": 0.95, "date_acc": 0.95, "perp_acc": 0.80},
    "check2": {"entity_f1": 0.92, "incident_f1": 0.95, "type_acc": 0.95, "date_acc": 0.95, "perp_acc": 0.80},
    # h29-h42, written blind by a writer who never saw the extractor; first look (before any change):
    # entity_f1=0.804 incident_f1=0.600 type_acc=1.000 date_acc=0.889 perp_acc=0.778; after studying them
    # (session 2): entity_f1=0.877 incident_f1=0.938 type_acc=0.933 date_acc=1.000 perp_acc=0.867
    "check3": {"entity_f1": 0.86, "incident_f1": 0.92, "type_acc": 0.90, "date_acc": 0.97, "perp_acc": 0.85},
    # h43-h56, written blind after the session-2 rules; first look:
    # entity_f1=0.788 incident_f1=0.632 type_acc=0.750 date_acc=1.000 perp_acc=0.500; then a first study:
    # entity_f1=0.802 incident_f1=0.700 type_acc=0.786 date_acc=0.929 perp_acc=0.429 (more incidents found,
    # so the accuracies are over more of them)
    "check4": {"entity_f1": 0.78, "incident_f1": 0.68, "type_acc": 0.75, "date_acc": 0.90, "perp_acc": 0.40},
}


def _scorer():
    spec = importlib.util.spec_from_file_location("ig_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _part(path: Path) -> str:
    n = int(path.name[1:3])
    return "develop" if n <= 14 else "check" if n <= 21 else "check2" if n <= 28 else "check3" if n <= 42 else "check4"


@pytest.fixture(scope="module")
def figures(extractor):
    score = _scorer()
    out = {}
    for part in FLOORS:
        golds = [g for g in sorted(HELDOUT.glob("*.gold.json")) if _part(g) == part]
        gold = [json.loads(g.read_text(encoding="utf-8")) for g in golds]
        docs = [read_path(g.with_name(g.name.replace(".gold.json", ".txt")),
                          date.fromisoformat(x["published"]) if x.get("published") else None) for g, x in zip(golds, gold)]
        preds = [json.loads(json.dumps(x.to_contract())) for x in extractor.extract_many(docs)]
        ent, inc = [0, 0, 0], [0] * 7
        for g, p in zip(gold, preds):
            d = score.Doc(g, p)
            for kind in ("actor", "facility"):
                ent = [a + b for a, b in zip(ent, d.entities(kind))]
            inc = [a + b for a, b in zip(inc, d.incidents())]
        m = max(inc[0], 1)
        out[part] = {"entity_f1": score.prf(*ent)[2], "incident_f1": score.prf(*inc[:3])[2],
                     "type_acc": inc[3] / m, "date_acc": inc[5] / m, "perp_acc": inc[6] / m}
    return out


@pytest.mark.parametrize("part,key", [(p, k) for p in FLOORS for k in sorted(FLOORS[p])])
def test_heldout_floor(figures, part, key):
    assert figures[part][key] >= FLOORS[part][key], figures[part]
