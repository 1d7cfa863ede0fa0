"""Rule components serialize symmetrically: a pipeline saved and loaded finds the same things."""
import spacy

import ingest.actors  # noqa: F401  (registers the factories)
import ingest.facilities  # noqa: F401
import ingest.triggers  # noqa: F401

TEXT = "Drones struck the Ryvo pipeline near the Talsk oil refinery, the Finnish Foreign Ministry said."


def test_components_round_trip_through_disk(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("ig_facilities", config={"heads": {"pipeline": "pipeline", "oil refinery": "refinery"}})
    nlp.add_pipe("ig_triggers", config={"types": {"drone_strike": {"triggers": ["drones struck"]}},
                                        "attribution": []})
    nlp.add_pipe("ig_actors")
    before = nlp(TEXT)
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    after = again(TEXT)
    assert [m.name for m in after._.ig_facilities] == [m.name for m in before._.ig_facilities] != []
    assert [(t.type, t.start) for t in after._.ig_triggers] == [(t.type, t.start) for t in before._.ig_triggers]
    assert [m.name for m in after._.ig_actors] == [m.name for m in before._.ig_actors]
    # the saved inline patterns win over the package's data files on load
    assert again.get_pipe("ig_facilities")._config["heads"] == {"pipeline": "pipeline", "oil refinery": "refinery"}


def test_to_bytes_and_from_bytes_are_inverse():
    nlp = spacy.blank("en")
    finder = nlp.add_pipe("ig_triggers", config={"types": {"fire": {"triggers": ["blaze"]}}, "attribution": []})
    data = finder.to_bytes()
    other = spacy.blank("en").add_pipe("ig_triggers")
    other.from_bytes(data)
    assert other.to_bytes() == data
