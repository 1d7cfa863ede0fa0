"""The published ontology documentation matches the Turtle it is generated from."""
from pathlib import Path

from graph.ontodoc import markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "ontology.md"


def test_docs_ontology_md_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == markdown(), \
        "docs/ontology.md is stale: run `python -m graph.ontodoc > docs/ontology.md`"


def test_every_class_and_property_is_documented():
    text = markdown()
    for term in ("ig:Incident", "ig:IncidentReport", "ig:perpetrator", "ig:canonical", "ig:Conflict"):
        assert f"`{term}`" in text
