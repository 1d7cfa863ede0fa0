"""Validation of a store against the SHACL shapes in ontologies/shapes.ttl (pySHACL)."""
from __future__ import annotations

from rdflib import Dataset, Graph

from .store import Store
from .vocab import ONTOLOGY_DIR

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


def validate(store: Store) -> tuple[bool, str]:
    """(conforms, report text) for the union of every graph in the store."""
    from pyshacl import validate as shacl  # a test-time dependency: imported only when asked

    data = Graph()
    ds = Dataset()
    ds.parse(data=store.export("nq").decode("utf-8"), format="nquads")
    for g in ds.graphs():
        for t in g:
            data.add(t)
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    conforms, _, text = shacl(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    return bool(conforms), text
