"""Rule components on a blank pipeline with inline patterns: no statistical model needed."""
from __future__ import annotations

import spacy

import ingest.pipeline  # noqa: F401  (registers the factories)


def blank(*names, **configs):
    nlp = spacy.blank("en")
    for name in names:
        nlp.add_pipe(name, config=configs.get(name, {}))
    return nlp


def test_facilities_named_by_head_noun():
    nlp = blank("sentencizer", "ig_facilities", ig_facilities={
        "heads": {"pipeline": "pipeline", "oil terminal": "terminal", "berth": "berth", "port": "port"},
        "name_heads": {}, "modifiers": ["oil", "port"], "org_words": ["consortium"], "generic_words": ["pipeline", "berth"],
        "event_nouns": ["attack"]})
    doc = nlp("Drones hit the Tarsk Pipeline and the No. 2 berth near the Port of Velm. The Kuro Pipeline Consortium said.")
    found = {(m.name, m.type, m.named) for m in doc._.ig_facilities}
    assert ("Tarsk Pipeline", "pipeline", True) in found
    assert ("No. 2 berth", "berth", True) in found
    assert ("Port of Velm", "port", True) in found
    assert not any("Kuro" in m.name for m in doc._.ig_facilities)  # an organisation, not a facility


def test_triggers_and_cues_longest_match():
    nlp = blank("ig_triggers", ig_triggers={
        "types": {"drone_strike": {"rank": 6, "triggers": ["drone attack"], "cues": ["drones"]},
                  "attack": {"rank": 5, "triggers": ["attack"], "cues": []}},
        "attribution": [{"phrase": "claimed responsibility", "stance": "claims_responsibility", "role": "subject"}]})
    doc = nlp("A drone attack followed. Drones were seen. The Front claimed responsibility for the attack.")
    trig = [(t.text, t.type, t.cue) for t in doc._.ig_triggers]
    assert ("drone attack", "drone_strike", False) in trig and ("Drones", "drone_strike", True) in trig
    assert ("attack", "attack", False) in trig
    assert [c.stance for c in doc._.ig_cues] == ["claims_responsibility"]


def test_dates_component_positions():
    nlp = blank("ig_dates")
    doc = nlp("On 14 September 2019, drones struck. It was reported on Saturday.")
    assert [(doc[s:e].text, x.kind) for s, e, x in doc._.ig_dates] == [("14 September 2019", "dmy"), ("on Saturday", "weekday")]


def test_lines_start_sentences_and_keep_infobox_lines_whole():
    nlp = blank("ig_lines")
    doc = nlp("Title line\n- Type: Drone attack. More\nBody text.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "-" in starts and "Body" in starts and "More" not in starts
