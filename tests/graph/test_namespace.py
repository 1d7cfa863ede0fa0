"""The Python namespace and the Turtle ontology must agree term for term."""
import pytest
from rdflib import OWL, RDF, URIRef

from graph import vocab
from graph.namespace import IG, NS


def declared_terms() -> set[str]:
    g = vocab.ontology()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {str(s)[len(NS):] for k in kinds for s in g.subjects(RDF.type, k)
            if isinstance(s, URIRef) and str(s).startswith(NS)}


def python_terms() -> set[str]:
    return {name for name in IG.__annotations__}


def test_every_python_term_is_declared_in_the_ontology():
    missing = python_terms() - declared_terms()
    assert not missing, f"terms used in graph/namespace.py but not declared in the ontology: {sorted(missing)}"


def test_every_ontology_term_is_reachable_from_python():
    missing = declared_terms() - python_terms()
    assert not missing, f"terms declared in the ontology but absent from graph/namespace.py: {sorted(missing)}"


def test_an_undeclared_term_is_an_error():
    with pytest.raises(AttributeError):
        IG.perpetrater  # noqa: B018 - the typo is the point


def test_incident_types_are_the_contracts_list():
    assert vocab.incident_types() == sorted([
        "drone_strike", "missile_strike", "shelling", "airstrike", "sabotage", "cyberattack", "armed_assault",
        "explosion", "fire", "accident", "natural_hazard", "damage", "disruption"])
    assert vocab.attack_types() == {"drone_strike", "missile_strike", "shelling", "airstrike", "sabotage",
                                    "cyberattack", "armed_assault"}


def test_class_for_falls_back_to_the_kind():
    assert vocab.class_for("facility", "berth") == IG.Berth
    assert vocab.class_for("facility", "no-such-type") == IG.Facility
    assert vocab.class_for("incident", "drone_strike") == IG.DroneStrike
    assert vocab.class_for("place", "city") == IG.Place
