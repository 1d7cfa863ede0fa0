"""Score extractions against gold files in-process with the contract scorer (tests/data/score.py),
for the regression tests over the dev corpus and the held-out texts."""
from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

from ingest.read import read_path

SCORER = Path(__file__).parent.parent / "data" / "score.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("ig_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def figures(extractor, golds: list[Path]) -> dict[str, float]:
    """The scorer's five summary figures over these gold files and the texts beside them."""
    score = _scorer()
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
    return {"entity_f1": score.prf(*ent)[2], "incident_f1": score.prf(*inc[:3])[2],
            "type_acc": inc[3] / m, "date_acc": inc[5] / m, "perp_acc": inc[6] / m}
