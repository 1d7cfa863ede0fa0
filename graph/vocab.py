"""Type codes read from the ontology, so incident and entity types are data, not code."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import RDFS, Graph, URIRef

from .namespace import IG

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontologies"
ONTOLOGY_FILE = ONTOLOGY_DIR / "incidentgraph.ttl"

_ROOTS = {"incident": IG.Incident, "actor": IG.Actor, "facility": IG.Facility, "place": IG.Place}


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """The ontology as an rdflib Graph (small; parsed once per process)."""
    g = Graph()
    g.parse(ONTOLOGY_FILE, format="turtle")
    return g


@lru_cache(maxsize=None)
def codes(root: str) -> dict[str, URIRef]:
    """Map contract codes to classes below one root: 'incident', 'actor' or 'facility'."""
    g = ontology()
    top = _ROOTS[root]
    out: dict[str, URIRef] = {}
    for cls in g.transitive_subjects(RDFS.subClassOf, top):
        code = g.value(cls, IG.code)
        if code is not None and cls != top:
            out[str(code)] = cls
    return out


def incident_types() -> list[str]:
    """The contract's incident type words, in the ontology's order of declaration."""
    return sorted(c for c in codes("incident") if c != "attack")


def attack_types() -> set[str]:
    g = ontology()
    return {str(g.value(c, IG.code)) for c in g.subjects(RDFS.subClassOf, IG.Attack)}


@lru_cache(maxsize=1)
def attack_codes() -> frozenset[str]:
    """The codes of ig:Attack and of every class below it: what counts as an attack (the
    example queries list the same codes)."""
    g = ontology()
    return frozenset(str(code) for cls in g.transitive_subjects(RDFS.subClassOf, IG.Attack)
                     if (code := g.value(cls, IG.code)) is not None)


def class_for(kind: str, type_code: str | None) -> URIRef:
    """The most specific class for an entity kind and type code, falling back to the kind's root."""
    root = "incident" if kind == "incident" else kind
    if type_code and root in ("incident", "actor", "facility"):
        cls = codes(root).get(type_code)
        if cls is not None:
            return cls
    return _ROOTS[root]


def label(cls: URIRef) -> str:
    value = ontology().value(cls, RDFS.label)
    return str(value) if value is not None else str(cls).rsplit("#", 1)[-1]
