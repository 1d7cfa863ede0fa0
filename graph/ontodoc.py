"""Human-readable documentation of the ontology, generated from the Turtle.

``python -m graph.ontodoc > docs/ontology.md``; a test fails when the file is out of date.
"""
from __future__ import annotations

import sys

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from .namespace import NS
from .vocab import ontology

KNOWN = {
    "http://semanticweb.cs.vu.nl/2009/11/sem/": "sem:", "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/2006/time#": "time:", "https://schema.org/": "schema:", "http://www.w3.org/ns/oa#": "oa:",
    "http://www.opengis.net/ont/geosparql#": "geo:", "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://www.w3.org/2002/07/owl#": "owl:", "http://www.w3.org/2001/XMLSchema#": "xsd:", NS: "ig:",
}


def short(term) -> str:
    text = str(term)
    for base, prefix in KNOWN.items():
        if text.startswith(base):
            return prefix + text[len(base):]
    return f"<{text}>"


def _cell(text) -> str:
    return str(text or "").replace("|", "\\|").replace("\n", " ")


def markdown(g: Graph | None = None) -> str:
    g = g or ontology()
    ours = lambda s: isinstance(s, URIRef) and str(s).startswith(NS)  # noqa: E731
    out = ["# The incidentgraph ontology", "",
           "Generated from `ontologies/incidentgraph.ttl` by `python -m graph.ontodoc`; do not edit by hand.",
           f"Namespace: `{NS}` (prefix `ig:`). Shapes: `ontologies/shapes.ttl`.", "",
           "## Classes", "", "| class | subclass of | code | description |", "| --- | --- | --- | --- |"]
    classes = sorted((s for s in g.subjects(RDF.type, OWL.Class) if ours(s)), key=short)
    for c in classes:
        parents = ", ".join(sorted(short(p) for p in g.objects(c, RDFS.subClassOf)))
        out.append(f"| `{short(c)}` {_cell(g.value(c, RDFS.label))} | {parents} | {_cell(g.value(c, URIRef(NS + 'code')))} "
                   f"| {_cell(g.value(c, RDFS.comment))} |")
    out += ["", "## Properties", "", "| property | kind | domain | range | aligned with | description |",
            "| --- | --- | --- | --- | --- | --- |"]
    kinds = {OWL.ObjectProperty: "object", OWL.DatatypeProperty: "datatype", OWL.AnnotationProperty: "annotation"}
    props = sorted({(s, k) for k in kinds for s in g.subjects(RDF.type, k) if ours(s)}, key=lambda x: short(x[0]))
    for p, k in props:
        out.append(f"| `{short(p)}` | {kinds[k]} | {_cell(', '.join(short(d) for d in g.objects(p, RDFS.domain)))} "
                   f"| {_cell(', '.join(short(r) for r in g.objects(p, RDFS.range)))} "
                   f"| {_cell(', '.join(short(s) for s in g.objects(p, RDFS.subPropertyOf)))} "
                   f"| {_cell(g.value(p, RDFS.comment) or g.value(p, RDFS.label))} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(markdown())
