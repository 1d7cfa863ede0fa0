"""Short invented articles, one hard case each, with the exact incidents expected."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.read import read_path

ARTICLES = Path(__file__).parent / "articles"
EXPECTED = {k: v for k, v in json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8")).items()
            if not k.startswith("_")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article(extractor, name):
    doc = read_path(ARTICLES / name)
    out = extractor.extract(doc).to_contract()
    names = {e["id"]: e["name"] for e in out["entities"]}
    got = [[i["type"], i["start"], i["end"], sorted(names[t] for t in i["targets"]),
            sorted(names[p] for p in i["perpetrators"])] for i in out["incidents"]]
    want = [[t, s, e, sorted(ts), sorted(ps)] for t, s, e, ts, ps in EXPECTED[name]["incidents"]]
    assert got == want
    stances = [c["stance"] for c in out["claims"]]
    for stance in EXPECTED[name].get("claims", []):
        assert stance in stances
    for e in out["entities"]:
        for s, t in e["mentions"]:
            assert doc.text[s:t].strip(), e  # offsets point into the text as read


def test_mentions_slice_the_whole_file(extractor):
    doc = read_path(ARTICLES / "denial.txt")
    out = extractor.extract(doc).to_contract()
    bridge = next(e for e in out["entities"] if e["name"] == "Lorne River bridge")
    s, t = bridge["mentions"][0]
    assert doc.text[s:t] == "Lorne River bridge" and s > doc.body_start


def test_extract_many_matches_extract(extractor):
    docs = [read_path(ARTICLES / n) for n in sorted(EXPECTED)[:4]]
    many = [x.to_contract() for x in extractor.extract_many(docs, batch_size=2)]
    one = [extractor.extract(d).to_contract() for d in docs]
    assert many == one


def test_ids_are_local(extractor):
    out = extractor.extract(read_path(ARTICLES / "two_incidents.txt")).to_contract()
    assert [i["id"] for i in out["incidents"]] == ["i1", "i2"]
    assert all(e["id"] == f"e{k}" for k, e in enumerate(out["entities"], 1))
